"""Province pattern files: one per province under `patterns/provinces/` (ANNOTATION.md §2
GPE and §3 location are what they feed).

A file has two parts. Above the GENERATED_MARKER line is what a person writes (never
touched by the generator): extra place spellings, local places, cooperative names, local
cue words, token patterns and examples. Below it is what `coopie patterns generate` writes
from the gazetteer (the province's spellings, merged province since July 2025, districts):
a reference for the author, regenerated and checked by the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.authoring.yaml_lines import Lines, load_with_lines

PROVINCES_DIR = "provinces"
GENERATED_MARKER = ("# ---- generated from patterns/gazetteer/vietnam.json by `coopie "
                    "patterns generate`; edits below this line are overwritten ----")
LEVELS = ("province", "district", "commune")
ERAS = ("before_2025", "since_2025", "both")

# The format reference: key -> (type, description). patterns/README.md documents it.
TOP_KEYS: dict[str, type] = {"province": str, "vi": str, "level": str, "parent": str,
                             "aliases": list, "places": list, "cooperatives": list,
                             "cues": dict, "patterns": list, "examples": list,
                             "generated": dict}
PLACE_KEYS: dict[str, type] = {"name": str, "level": str, "aliases": list, "district": str}
COOP_KEYS: dict[str, type] = {"name": str, "aliases": list}
PATTERN_KEYS: dict[str, type] = {"label": str, "pattern": (list, str), "id": str}
EXAMPLE_KEYS: dict[str, type] = {"text": str, "published": str, "entities": list,
                                 "not_entities": list, "claims": list}
CLAIM_EXAMPLE_KEYS: dict[str, type] = {"metric": str, "value": (int, float), "unit": str,
                                       "province": (str, type(None)),
                                       "province_2025": (str, type(None)),
                                       "location": str, "status": str, "subject": str}
REQUIRED = {"top": ["province"], "places": ["name", "level"], "cooperatives": ["name"],
            "patterns": ["label", "pattern"], "examples": ["text"]}


@dataclass
class ProvinceFile:
    """One parsed province file and the lines of its keys."""

    path: Path
    data: dict[str, Any]
    lines: Lines = field(default_factory=dict)

    @property
    def province(self) -> str:
        """The province the file's places belong to (a region file names its parent)."""
        return self.data.get("parent") or self.data["province"]

    def curated(self, key: str) -> Any:
        """A hand-curated section, empty when absent."""
        return self.data.get(key) or ({} if TOP_KEYS.get(key) is dict else [])


def slug(name: str) -> str:
    """'Ba Ria-Vung Tau' -> 'ba-ria-vung-tau' (the file name of a province)."""
    from pipeline.normalize.text import ascii_fold

    return "-".join(ascii_fold(name).lower().replace("-", " ").replace("'", "").split())


def province_paths(patterns_dir: Path) -> list[Path]:
    """Every province file, sorted."""
    folder = patterns_dir / PROVINCES_DIR
    return sorted(folder.glob("*.yml")) if folder.is_dir() else []


def read_province_file(path: Path) -> ProvinceFile:
    """Parse one file (YAML errors propagate as yaml.MarkedYAMLError)."""
    data, lines = load_with_lines(path)
    return ProvinceFile(path, data if isinstance(data, dict) else {}, lines)


def load_province_files(patterns_dir: Path) -> list[ProvinceFile]:
    """Every province file of a patterns folder, parsed (they are validated by
    `pipeline.authoring.check` before a pipeline is built)."""
    return [read_province_file(path) for path in province_paths(patterns_dir)]


def curated_places(files: list[ProvinceFile],
                   gazetteer: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gazetteer entries for the places and province spellings people added."""
    merged = {p["name"]: p.get("province_2025") for p in gazetteer if p["level"] == "province"}
    known = {(p["name"], p["level"]) for p in gazetteer}
    places = []
    for file in files:
        province = file.province
        province_2025 = merged.get(province, province)
        if file.curated("aliases") or (province, "province") not in known:
            places.append({"name": province, "level": "province", "province": province,
                           "province_2025": province_2025,
                           "aliases": [province] + list(file.curated("aliases"))})
        if file.data.get("parent"):
            places.append({"name": file.data["province"],
                           "level": file.data.get("level", "district"),
                           "province": province, "province_2025": province_2025,
                           "aliases": [file.data["province"]]})
        for place in file.curated("places"):
            places.append({"name": place["name"], "level": place["level"],
                           "province": province, "province_2025": province_2025,
                           "aliases": [place["name"]] + list(place.get("aliases") or [])})
    return places


def curated_cues(files: list[ProvinceFile]) -> dict[str, list[str]]:
    """Local cue words, by cue list name (added to patterns/shared/cues.yml's lists)."""
    cues: dict[str, list[str]] = {}
    for file in files:
        for name, words in file.curated("cues").items():
            cues.setdefault(name, []).extend(words)
    return cues


def ruler_patterns(files: list[ProvinceFile]) -> list[dict[str, Any]]:
    """Cooperative names and token patterns for the span ruler, with ids naming the file
    and entry they come from (shown by `coopie patterns try`)."""
    patterns = []
    for file in files:
        stem = file.path.stem
        for index, coop in enumerate(file.curated("cooperatives")):
            for surface in [coop["name"]] + list(coop.get("aliases") or []):
                patterns.append({"label": "COOP", "pattern": surface,
                                 "id": f"{stem}:cooperatives[{index}]"})
        for index, pattern in enumerate(file.curated("patterns")):
            patterns.append({"label": pattern["label"], "pattern": pattern["pattern"],
                             "id": pattern.get("id") or f"{stem}:patterns[{index}]"})
    return patterns
