"""`coopie patterns check`: validate pattern files completely, one problem a line with file,
line and key, like `patterns/provinces/thai-binh.yml:14: places[2].level: must be one of
province, district, commune (got 'distict')`."""

from __future__ import annotations

import difflib
import functools
from pathlib import Path
from typing import Any, Iterable

import yaml

from pipeline import errors
from pipeline.authoring.provinces import (CLAIM_EXAMPLE_KEYS, COOP_KEYS, EXAMPLE_KEYS,
                                          LEVELS, PATTERN_KEYS, PLACE_KEYS, REQUIRED, TOP_KEYS,
                                          ProvinceFile, read_province_file)
from pipeline.authoring.yaml_lines import line_of
from pipeline.normalize.text import fold_key

PATTERN_LABELS = ("COOP", "ORG", "PERSON")
ENTITY_LABELS = ("COOP", "MONEY", "COUNT", "PERCENT", "QUANTITY", "DATE", "GPE", "ORG",
                 "PERSON")


class Problems:
    """Collects problems of one file as 'file:line: key: message' lines."""

    def __init__(self, file: ProvinceFile) -> None:
        self.file = file
        self.found: list[str] = []

    def add(self, key: str, message: str) -> None:
        line = line_of(self.file.lines, key)
        self.found.append(errors.E_PATTERN_PROBLEM.format(path=self.file.path, line=line,
                                                          key=key, message=message))


def _type_name(expected: Any) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    names = {str: "text", list: "a list", dict: "a mapping", int: "a number",
             float: "a number", type(None): "null"}
    return " or ".join(dict.fromkeys(names.get(t, t.__name__) for t in types))


def _check_mapping(problems: Problems, key: str, value: Any, schema: dict[str, Any],
                   required: Iterable[str]) -> bool:
    """Unknown keys (with a did-you-mean), wrong types and missing keys of one mapping."""
    if not isinstance(value, dict):
        problems.add(key, f"must be a mapping (got {type(value).__name__})")
        return False
    for name, item in value.items():
        child = f"{key}.{name}" if key else str(name)
        if name not in schema:
            close = difflib.get_close_matches(str(name), list(schema), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else \
                f" (known keys: {', '.join(schema)})"
            problems.add(child, f"unknown key{hint}")
        elif not isinstance(item, schema[name]) or isinstance(item, bool):
            problems.add(child, f"must be {_type_name(schema[name])} "
                                f"(got {type(item).__name__})")
    for name in required:
        if name not in value:
            problems.add(key or (next(iter(value), "") if value else ""),
                         f"missing required key '{name}'")
    return True


def _check_strings(problems: Problems, key: str, values: Any) -> None:
    if isinstance(values, list):
        for index, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                problems.add(f"{key}[{index}]", "must be non-empty text")


def check_file(file: ProvinceFile, cue_names: set[str]) -> list[str]:
    """Every problem of one province file (not the cross-file ones)."""
    problems = Problems(file)
    if not _check_mapping(problems, "", file.data, TOP_KEYS, REQUIRED["top"]):
        return problems.found
    data = file.data
    if data.get("level") is not None and data["level"] not in LEVELS:
        problems.add("level", f"must be one of {', '.join(LEVELS)} (got '{data['level']}')")
    _check_strings(problems, "aliases", data.get("aliases"))
    for index, place in enumerate(data.get("places") or []):
        key = f"places[{index}]"
        if _check_mapping(problems, key, place, PLACE_KEYS, REQUIRED["places"]):
            if place.get("level") is not None and place["level"] not in LEVELS:
                close = difflib.get_close_matches(str(place["level"]), LEVELS, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                problems.add(f"{key}.level", f"must be one of {', '.join(LEVELS)} "
                                             f"(got '{place['level']}'){hint}")
            _check_strings(problems, f"{key}.aliases", place.get("aliases"))
    for index, coop in enumerate(data.get("cooperatives") or []):
        key = f"cooperatives[{index}]"
        if _check_mapping(problems, key, coop, COOP_KEYS, REQUIRED["cooperatives"]):
            _check_strings(problems, f"{key}.aliases", coop.get("aliases"))
    cues = data.get("cues") or {}
    if isinstance(cues, dict):
        for name, words in cues.items():
            if name not in cue_names:
                close = difflib.get_close_matches(str(name), sorted(cue_names), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                problems.add(f"cues.{name}", f"unknown cue list{hint}")
            elif not isinstance(words, list):
                problems.add(f"cues.{name}", "must be a list of words")
            else:
                _check_strings(problems, f"cues.{name}", words)
    for index, pattern in enumerate(data.get("patterns") or []):
        key = f"patterns[{index}]"
        if _check_mapping(problems, key, pattern, PATTERN_KEYS, REQUIRED["patterns"]):
            if pattern.get("label") not in PATTERN_LABELS:
                problems.add(f"{key}.label", f"must be one of {', '.join(PATTERN_LABELS)} "
                                             f"(got '{pattern.get('label')}')")
            problem = _spacy_rejects(pattern)
            if problem:
                problems.add(f"{key}.pattern", problem)
    for index, example in enumerate(data.get("examples") or []):
        _check_example(problems, f"examples[{index}]", example)
    return problems.found


@functools.lru_cache(maxsize=1)
def _validating_ruler():
    """One span ruler with spaCy's pattern validation, reused for every pattern."""
    import spacy

    return spacy.blank("en").add_pipe("span_ruler", config={"validate": True})


def _spacy_rejects(pattern: dict[str, Any]) -> str | None:
    """spaCy's own validation of a span ruler pattern (validate=True), or None."""
    ruler = _validating_ruler()
    ruler.clear()
    try:
        ruler.add_patterns([{"label": str(pattern.get("label")),
                             "pattern": pattern.get("pattern")}])
    except (ValueError, TypeError) as err:
        return "spaCy rejects this pattern: " + " ".join(str(err).split())[:300]
    return None


def _check_example(problems: Problems, key: str, example: Any) -> None:
    if not _check_mapping(problems, key, example, EXAMPLE_KEYS, REQUIRED["examples"]):
        return
    for field in ("entities", "not_entities"):
        for index, entity in enumerate(example.get(field) or []):
            if not (isinstance(entity, list) and len(entity) == 2
                    and entity[0] in ENTITY_LABELS and isinstance(entity[1], str)):
                problems.add(f"{key}.{field}[{index}]",
                             "must be [LABEL, text] with LABEL one of "
                             + ", ".join(ENTITY_LABELS))
            elif entity[1] not in (example.get("text") or ""):
                problems.add(f"{key}.{field}[{index}]",
                             f"'{entity[1]}' does not occur in the example's text")
    for index, claim in enumerate(example.get("claims") or []):
        _check_mapping(problems, f"{key}.claims[{index}]", claim, CLAIM_EXAMPLE_KEYS,
                       ["metric", "value"])


def cross_file_problems(files: list[ProvinceFile]) -> list[str]:
    """The same spelling given to places or cooperatives in two province files."""
    owners: dict[str, tuple[ProvinceFile, str, str]] = {}
    found = []
    for file in files:
        entries = [(f"aliases[{i}]", a, file.province) for i, a in
                   enumerate(file.curated("aliases")) if isinstance(a, str)]
        for i, place in enumerate(file.curated("places")):
            if isinstance(place, dict) and isinstance(place.get("name"), str):
                target = f"{place['name']} ({file.province})"
                entries.append((f"places[{i}].name", place["name"], target))
                entries += [(f"places[{i}].aliases[{j}]", a, target) for j, a in
                            enumerate(place.get("aliases") or []) if isinstance(a, str)]
        for key, surface, target in entries:
            folded = fold_key(surface)
            if folded in owners and owners[folded][0].path != file.path \
                    and owners[folded][2] != target:
                other, other_key, other_target = owners[folded]
                problem = Problems(file)
                problem.add(key, f"'{surface}' also names {other_target} in "
                                 f"{other.path}:{line_of(other.lines, other_key)}")
                found += problem.found
            owners.setdefault(folded, (file, key, target))
    return found


def check_paths(paths: list[Path],
                cue_names: set[str]) -> tuple[list[str], list[ProvinceFile]]:
    """Problems of the given province files (and folders of them), and the files that
    parsed."""
    files, found = [], []
    for path in paths:
        if path.is_dir() and (path / "provinces").is_dir():
            path = path / "provinces"  # a whole patterns folder
        for file_path in sorted(path.glob("*.yml")) if path.is_dir() else [path]:
            if not file_path.exists():
                found.append(errors.E_INPUT_MISSING.format(path=file_path))
                continue
            try:
                file = read_province_file(file_path)
            except yaml.MarkedYAMLError as err:
                mark = err.problem_mark
                found.append(errors.E_YAML.format(path=file_path,
                                                  line=mark.line + 1 if mark else 0,
                                                  problem=err.problem))
                continue
            files.append(file)
            found += check_file(file, cue_names)
    return found + cross_file_problems(files), files
