"""Turn the hand-labelled gold/seeds.yml into gold/seeds.jsonl (contract format, offsets).

Run: python scripts/seed_gold.py [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "gold" / "seeds.yml"
OUTPUT = ROOT / "gold" / "seeds.jsonl"
CLAIM_DEFAULTS = {"low": None, "high": None, "alt": []}


def locate(text: str, surface: str, occurrence: int) -> tuple[int, int]:
    """Offsets of the occurrence-th appearance of `surface` as a whole word run."""
    pattern = re.compile(rf"(?<![\w]){re.escape(surface)}(?![\w])")
    matches = list(pattern.finditer(text))
    if len(matches) < occurrence:
        raise SystemExit(f"{SOURCE}: {surface!r} occurs {len(matches)} times, "
                         f"not {occurrence}")
    return matches[occurrence - 1].span()


def build() -> str:
    """The JSONL text for every labelled seed document."""
    lines = []
    for doc in yaml.safe_load(SOURCE.read_text(encoding="utf-8")):
        text = (ROOT / "seeds" / doc["file"]).read_text(encoding="utf-8")
        entities = []
        for label, surface, occurrence, norm in doc["entities"]:
            start, end = locate(text, surface, occurrence)
            entities.append({"start": start, "end": end, "label": label, "text": surface,
                             "norm": norm})
        entities.sort(key=lambda e: e["start"])
        claims = []
        for claim in doc["claims"]:
            record = {**CLAIM_DEFAULTS, **claim}
            start = text.index(claim["evidence"])
            record["evidence"] = {"start": start, "end": start + len(claim["evidence"])}
            claims.append(record)
        lines.append(json.dumps({"id": doc["id"], "published": doc["published"], "text": text,
                                 "entities": entities, "claims": claims}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if gold/seeds.jsonl is stale")
    args = parser.parse_args()
    text = build()
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT}: out of date; run python scripts/seed_gold.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
