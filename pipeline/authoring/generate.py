"""`coopie patterns generate` and `coopie patterns new`: province files from the gazetteer.

The generator rewrites only what follows GENERATED_MARKER; what a person wrote above it is
kept byte for byte. A new file starts with a commented scaffold of every section.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pipeline import errors, resources
from pipeline.authoring.provinces import GENERATED_MARKER, PROVINCES_DIR, slug
from pipeline.normalize.text import fold_key

SCAFFOLD = """\
# Patterns for {name} ({level}). Edit this part: it is never overwritten, and
# `coopie patterns check` validates it. Format and a worked example: patterns/README.md.
province: {name}
{parent_line}\
# Extra spellings of the {level}, e.g. [{name} Province, {upper}]
aliases: []
# Local places the gazetteer lacks or spells differently, e.g.
#   - {{name: Dong Tien, level: commune, aliases: [Đông Tiến]}}
places: []
# Cooperatives named in the news, found as COOP with this canonical name, e.g.
#   - {{name: Hong Phong Agricultural Cooperative, aliases: [Hong Phong Cooperative]}}
cooperatives: []
# Local cue words, added to a list of patterns/shared/cues.yml (domain, target_cues, …), e.g.
#   domain: [collective farm]
cues: {{}}
# spaCy token patterns, label COOP, ORG or PERSON, e.g.
#   - {{label: ORG, pattern: [{{LOWER: farmers}}, {{LOWER: association}}], id: farmers-assoc}}
patterns: []
# Sentences you wrote, with what they must (and must not) yield; `make test` runs them, e.g.
#   - text: "{example_place} has 45 cooperatives."
#     entities: [[GPE, {example_gpe}], [COUNT, "45"]]
#     claims: [{{metric: org_count, value: 45, province: {province}}}]
examples: []
"""


def _generated(place: dict[str, Any], places: list[dict[str, Any]]) -> dict[str, Any]:
    """What the gazetteer knows of a province (or district): the generated section."""
    section: dict[str, Any] = {"name": place["name"], "vi": place.get("vi"),
                               "level": place["level"], "province": place["province"],
                               "province_2025": place.get("province_2025")}
    if place["level"] == "province":
        section["era"] = place.get("era")
        merged_from = sorted(p["name"] for p in places if p["level"] == "province"
                             and p.get("province_2025") == place["name"]
                             and p["name"] != place["name"])
        if merged_from:
            section["merged_from_2025"] = merged_from
        section["aliases"] = place["aliases"]
        section["districts"] = {p["name"]: p["aliases"] for p in places
                                if p["level"] == "district" and p["province"] == place["name"]}
        section["communes"] = sum(1 for p in places if p["level"] == "commune"
                                  and p["province"] == place["name"])
    else:
        section["aliases"] = place["aliases"]
        section["communes"] = sorted(p["name"] for p in places if p["level"] == "commune"
                                     and p.get("district") == place["name"]
                                     and p["province"] == place["province"])
    return section


def _render_generated(section: dict[str, Any]) -> str:
    body = yaml.safe_dump({"generated": section}, sort_keys=False, allow_unicode=True,
                          width=100, default_flow_style=None)
    return f"{GENERATED_MARKER}\n{body}"


def _scaffold(name: str, level: str, province: str, parent: str | None,
              example_gpe: str) -> str:
    example_place = f"{example_gpe} district" if level == "province" and \
        example_gpe != name else example_gpe
    return SCAFFOLD.format(name=name, level=level, upper=name.upper(), province=province,
                           parent_line=(f"parent: {parent}\nlevel: {level}\n" if parent
                                        else ""), example_place=example_place,
                           example_gpe=example_gpe)


def file_text(path: Path, scaffold: str, section: dict[str, Any]) -> str:
    """What a province file should hold: its hand-written part (or, for a new file, the
    scaffold) and the generated section."""
    curated = scaffold
    if path.exists():
        curated = path.read_text(encoding="utf-8").split(GENERATED_MARKER)[0]
    return curated.rstrip("\n") + "\n\n" + _render_generated(section)


def generate_all(patterns_dir: str | Path | None = None, check: bool = False) -> list[Path]:
    """(Re)generate the file of every province of the gazetteer, keeping what people wrote.

    Args:
        check: change nothing; return the files that generating would change.
    Returns:
        The files written (or, with `check`, those that are out of date).
    """
    root = resources.patterns_dir(patterns_dir)
    places = resources.load_gazetteer(root, curated=False)
    folder = root / PROVINCES_DIR
    folder.mkdir(exist_ok=True)
    changed = []
    for place in (p for p in places if p["level"] == "province"):
        path = folder / f"{slug(place['name'])}.yml"
        district = next((p["name"] for p in places if p["level"] == "district"
                         and p["province"] == place["name"]), place["name"])
        scaffold = _scaffold(place["name"], "province", place["name"], None, district)
        text = file_text(path, scaffold, _generated(place, places))
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        changed.append(path)
        if not check:
            path.write_text(text, encoding="utf-8")
    return changed


def new_file(name: str, parent: str | None = None,
             patterns_dir: str | Path | None = None) -> Path:
    """Scaffold the file of a province, a district, or (with `parent`) a new region.

    Raises:
        CoopieError: the name is unknown and no parent is given, or the file exists.
    """
    root = resources.patterns_dir(patterns_dir)
    places = resources.load_gazetteer(root, curated=False)
    key = fold_key(name)
    match = next((p for p in places if p["level"] == "province" and
                  (fold_key(p["name"]) == key or key in map(fold_key, p["aliases"]))), None) \
        or next((p for p in places if p["level"] == "district" and
                 (fold_key(p["name"]) == key or key in map(fold_key, p["aliases"]))
                 and (parent is None or fold_key(p["province"]) == fold_key(parent))), None)
    if match is None and parent is None:
        raise errors.CoopieError(errors.E_PROVINCE_UNKNOWN.format(name=name))
    path = root / PROVINCES_DIR / f"{slug(match['name'] if match else name)}.yml"
    if path.exists():
        raise errors.CoopieError(errors.E_PROVINCE_EXISTS.format(path=path))
    path.parent.mkdir(exist_ok=True)
    if match is not None and match["level"] == "province":
        curated = _scaffold(match["name"], "province", match["name"], None, match["name"])
        section = _generated(match, places)
    elif match is not None:
        curated = _scaffold(match["name"], "district", match["province"], match["province"],
                            match["name"])
        section = _generated(match, places)
    else:
        curated = _scaffold(name, "district", str(parent), str(parent), name)
        section = {"name": name, "level": "district", "province": parent,
                   "note": "not in the gazetteer: a region added by hand"}
    path.write_text(file_text(path, curated, section), encoding="utf-8")
    return path
