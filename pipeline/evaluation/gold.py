"""Validate a gold (or prediction) JSONL file against the contract (ANNOTATION.md §1-3).

Every problem is reported, one line each, with file, line, document id and the offending
span, so a labeller can fix them all in one pass.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

LABELS = {"COOP", "MONEY", "COUNT", "PERCENT", "QUANTITY", "DATE", "GPE", "ORG", "PERSON"}
METRICS = {"org_count", "member_count", "worker_count", "revenue", "profit", "income",
           "capital", "product_count", "share", "change", "other"}
STATUSES = {"actual", "estimate", "target"}
AGGREGATES = {"total", "average"}
APPROX = {"exact", "about", "over", "under"}
PERS = {"year", "month", "day", None}


def read_jsonl(path: str | Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Records of a JSONL file and the problems met reading it (bad JSON, not objects)."""
    records: list[dict[str, Any]] = []
    problems: list[str] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"{path}:{number}: not valid JSON: {err}")
            continue
        if not isinstance(record, dict):
            problems.append(f"{path}:{number}: a record must be a JSON object")
            continue
        record["_line"] = number
        records.append(record)
    return records, problems


def check_records(records: list[dict[str, Any]], path: str | Path) -> list[str]:
    """Every contract violation in the records, one message each."""
    problems: list[str] = []
    seen_ids: set[str] = set()
    for record in records:
        where = f"{path}:{record.get('_line', '?')}: {record.get('id', '?')}"
        text = record.get("text")
        if not isinstance(record.get("id"), str):
            problems.append(f"{where}: missing string 'id'")
        elif record["id"] in seen_ids:
            problems.append(f"{where}: duplicate id")
        else:
            seen_ids.add(record["id"])
        if not isinstance(text, str):
            problems.append(f"{where}: missing string 'text'")
            continue
        problems += _check_entities(record.get("entities", []), text, where)
        problems += _check_claims(record.get("claims", []), text, where)
    return problems


def _check_entities(entities: Any, text: str, where: str) -> list[str]:
    if not isinstance(entities, list):
        return [f"{where}: 'entities' must be a list"]
    problems = []
    valid = []
    for index, ent in enumerate(entities):
        at = f"{where}: entities[{index}]"
        start, end = ent.get("start"), ent.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end \
                <= len(text):
            problems.append(f"{at}: offsets {start}-{end} outside the text (length {len(text)})")
            continue
        if ent.get("label") not in LABELS:
            problems.append(f"{at}: unknown label {ent.get('label')!r} at {start}-{end}")
        if "text" in ent and ent["text"] != text[start:end]:
            problems.append(f"{at}: text {ent['text']!r} does not match offsets {start}-{end} "
                            f"({text[start:end]!r})")
        valid.append((start, end, index))
    valid.sort()
    for (s1, e1, i1), (s2, e2, i2) in zip(valid, valid[1:]):
        if s2 < e1:
            problems.append(f"{where}: entities[{i1}] {text[s1:e1]!r} ({s1}-{e1}) overlaps "
                            f"entities[{i2}] {text[s2:e2]!r} ({s2}-{e2})")
    return problems


def _check_claims(claims: Any, text: str, where: str) -> list[str]:
    if not isinstance(claims, list):
        return [f"{where}: 'claims' must be a list"]
    problems = []
    for index, claim in enumerate(claims):
        at = f"{where}: claims[{index}]"
        evidence = claim.get("evidence") or {}
        span = f" at {evidence.get('start')}-{evidence.get('end')}"
        if claim.get("metric") not in METRICS:
            problems.append(f"{at}: unknown metric {claim.get('metric')!r}{span}")
        if claim.get("value") is None and (claim.get("low") is None or claim.get("high") is None):
            problems.append(f"{at}: claim without a value (or low and high){span}")
        for key, allowed in (("status", STATUSES), ("aggregate", AGGREGATES),
                             ("approx", APPROX), ("per", PERS)):
            if claim.get(key) not in allowed:
                problems.append(f"{at}: {key} must be one of {sorted(map(str, allowed))} "
                                f"(got {claim.get(key)!r}){span}")
        if not claim.get("unit"):
            problems.append(f"{at}: missing unit{span}")
        start, end = evidence.get("start"), evidence.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end \
                <= len(text):
            problems.append(f"{at}: evidence offsets {start}-{end} outside the text")
    return problems


def load_gold(path: str | Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Read and validate a gold file; returns records and every problem found."""
    records, problems = read_jsonl(path)
    return records, problems + check_records(records, path)
