"""Generate patterns/gazetteer/vietnam.json from the `vietnamadminunits` data package.

The gazetteer lists every province and centrally-run city of Vietnam as it was before the
July 2025 merger (63) and after it (34), every district of the 63, and every commune, each
with its English/no-diacritic and Vietnamese spellings and its province (old and merged).
Hand-curated English exonyms come from patterns/gazetteer/english_names.yml.

Run: python scripts/build_gazetteer.py [--check]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import unicodedata
from importlib import metadata, resources
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "patterns" / "gazetteer" / "vietnam.json"
EXONYMS = ROOT / "patterns" / "gazetteer" / "english_names.yml"
SOURCE = "vietnamadminunits"


def ascii_fold(text: str) -> str:
    """Strip Vietnamese diacritics: 'Thuận Châu' -> 'Thuan Chau', 'Đắk' -> 'Dak'."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def _spellings(vietnamese: str, extra: list[str] | None = None) -> tuple[str, list[str]]:
    """Canonical English name and all aliases (English, folded, Vietnamese)."""
    names = list(extra or []) + [ascii_fold(vietnamese), vietnamese]
    canonical = names[0]
    unique: list[str] = []
    for name in names:
        if name not in unique:
            unique.append(name)
    return canonical, unique


def build() -> dict:
    """Read the source package and return the gazetteer as plain data."""
    data_dir = resources.files(SOURCE) / "data"
    db = sqlite3.connect(str(data_dir / "dataset.db"))
    converter = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))
    exonyms: dict[str, list[str]] = yaml.safe_load(EXONYMS.read_text(encoding="utf-8"))

    new_short = dict(db.execute("SELECT DISTINCT provinceKey, provinceShort FROM admin_units"))
    old_short = dict(
        db.execute("SELECT DISTINCT provinceKey, provinceShort FROM admin_units_legacy")
    )
    merged_into: dict[str, str] = {}
    for new_key, old_keys in converter["DICT_PROVINCE"].items():
        for old_key in old_keys:
            merged_into[old_key] = new_key

    def province_name(short: str) -> str:
        return _spellings(short, exonyms.get(short))[0]

    places: list[dict] = []
    for key, short in sorted(old_short.items(), key=lambda kv: kv[1]):
        name, aliases = _spellings(short, exonyms.get(short))
        places.append({
            "name": name, "vi": short, "level": "province", "province": name,
            "province_2025": province_name(new_short[merged_into[key]]),
            "era": "before_2025" if key not in new_short else "both", "aliases": aliases,
        })
    for key, short in sorted(new_short.items(), key=lambda kv: kv[1]):
        if key in old_short:
            continue
        name, aliases = _spellings(short, exonyms.get(short))
        places.append({
            "name": name, "vi": short, "level": "province", "province": name,
            "province_2025": name, "era": "since_2025", "aliases": aliases,
        })

    rows = db.execute(
        "SELECT DISTINCT provinceKey, provinceShort, districtShort, districtType "
        "FROM admin_units_legacy ORDER BY provinceShort, districtShort"
    ).fetchall()
    for province_key, province_short, district_short, district_type in rows:
        name, aliases = _spellings(district_short)
        places.append({
            "name": name, "vi": district_short, "level": "district",
            "province": province_name(province_short),
            "province_2025": province_name(new_short[merged_into[province_key]]),
            "kind": ascii_fold(district_type).lower(), "aliases": aliases,
        })

    rows = db.execute(
        "SELECT DISTINCT provinceKey, provinceShort, districtShort, wardShort, wardType "
        "FROM admin_units_legacy WHERE wardShort IS NOT NULL "
        "ORDER BY provinceShort, districtShort, wardShort"
    ).fetchall()
    for province_key, province_short, district_short, ward_short, ward_type in rows:
        name, aliases = _spellings(ward_short)
        places.append({
            "name": name, "vi": ward_short, "level": "commune",
            "province": province_name(province_short),
            "province_2025": province_name(new_short[merged_into[province_key]]),
            "district": ascii_fold(district_short),
            "kind": ascii_fold(ward_type or "").lower(), "aliases": aliases,
        })
    return {
        "_source": f"{SOURCE}=={metadata.version(SOURCE)} (admin_units_legacy, admin_units, "
                   "converter_2025.json) + patterns/gazetteer/english_names.yml",
        "_generated_by": "scripts/build_gazetteer.py",
        "places": places,
    }


def render(gazetteer: dict) -> str:
    """Serialise with one place per line, so diffs of the generated file stay readable."""
    lines = ["{", f'"_source": {json.dumps(gazetteer["_source"])},',
             f'"_generated_by": {json.dumps(gazetteer["_generated_by"])},', '"places": [']
    places = gazetteer["places"]
    for index, place in enumerate(places):
        comma = "," if index < len(places) - 1 else ""
        lines.append(json.dumps(place, ensure_ascii=False) + comma)
    lines += ["]", "}", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the committed gazetteer differs from a fresh build")
    args = parser.parse_args()
    text = render(build())
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT}: out of date; run python scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        print(f"{OUTPUT}: up to date")
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text.splitlines()) - 6} places)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
