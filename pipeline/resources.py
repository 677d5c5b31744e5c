"""Read the pattern data in `patterns/` into plain dictionaries.

Every vocabulary the components use (scale words, currencies, cue words, the gazetteer…)
lives in `patterns/`; this module only finds and parses those files. It is called when a
pipeline is built, never at import time.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import yaml

from pipeline import errors

# libyaml's loader when PyYAML has it: the pure-Python one made building take a second.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DEFAULT_PATTERNS_DIR = Path(__file__).resolve().parent.parent / "patterns"
SHARED_FILES = ("numbers", "currencies", "units", "counted", "dates", "names", "cues",
                "outlets")


def patterns_dir(path: str | Path | None = None) -> Path:
    """The patterns folder: `path`, else $COOPIE_PATTERNS, else the repository's `patterns/`."""
    chosen = Path(path or os.environ.get("COOPIE_PATTERNS") or DEFAULT_PATTERNS_DIR)
    if not chosen.is_dir():
        raise errors.CoopieError(errors.E_PATTERNS_MISSING.format(path=chosen))
    return chosen


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning syntax errors into a message with file and line."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        line = mark.line + 1 if mark is not None else 0
        raise errors.CoopieError(
            errors.E_YAML.format(path=path, line=line, problem=err.problem)
        ) from err


def load_shared(path: str | Path | None = None, language: str = "en") -> dict[str, Any]:
    """All shared vocabularies, keyed by file stem (`numbers`, `currencies`, …), with the
    local cue words of the province files added to their cue lists. For a language other
    than English, its folder (`patterns/vi/`) overrides each file's sections it defines."""
    from pipeline.authoring.provinces import curated_cues

    shared = load_shared_files(path)
    if language != "en":
        for stem, sections in load_language_files(path, language).items():
            shared[stem] = {**shared.get(stem, {}), **sections}
    for name, words in curated_cues(load_provinces(path)).items():
        if isinstance(shared.get("cues", {}).get(name), list):
            shared["cues"][name] = shared["cues"][name] + words
    return shared


def load_shared_files(path: str | Path | None = None) -> dict[str, Any]:
    """The files of patterns/shared/ as they are, keyed by file stem."""
    root = patterns_dir(path) / "shared"
    shared: dict[str, Any] = {}
    for stem in SHARED_FILES:
        file = root / f"{stem}.yml"
        if file.exists():
            shared[stem] = read_yaml(file) or {}
    return shared


def load_language_files(path: str | Path | None, language: str) -> dict[str, Any]:
    """The vocabulary files of one language's folder (`patterns/vi/numbers.yml`, …).

    Raises:
        CoopieError: the language has no folder.
    """
    root = patterns_dir(path) / language
    if not root.is_dir():
        raise errors.CoopieError(errors.E_LANGUAGE_MISSING.format(language=language,
                                                                  path=root))
    return {stem: read_yaml(root / f"{stem}.yml") or {} for stem in SHARED_FILES
            if (root / f"{stem}.yml").exists()}


def load_languages(path: str | Path | None = None) -> dict[str, Any]:
    """How documents are routed to a language (patterns/languages.yml)."""
    return read_yaml(patterns_dir(path) / "languages.yml") or {}


def load_provinces(path: str | Path | None = None) -> list:
    """The province pattern files (patterns/provinces/*.yml), parsed once per build: every
    component reads them, and a changed file (other size or time) is read again."""
    from pipeline.authoring.provinces import province_paths

    root = patterns_dir(path).resolve()
    signature = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                      for p in province_paths(root))
    return list(_parsed_provinces(root, signature))


@functools.lru_cache(maxsize=4)
def _parsed_provinces(root: Path, signature: tuple) -> tuple:
    from pipeline.authoring.provinces import load_province_files

    return tuple(load_province_files(root))


def load_gazetteer(path: str | Path | None = None, curated: bool = True) -> list[dict[str, Any]]:
    """The generated list of places (see scripts/build_gazetteer.py), plus, unless
    `curated` is False, the places and spellings people added in province files (marked
    `curated`, so they are matched at every level)."""
    from pipeline.authoring.provinces import curated_places

    file = patterns_dir(path) / "gazetteer" / "vietnam.json"
    places = json.loads(file.read_text(encoding="utf-8"))["places"]
    if curated:
        places = places + [dict(p, curated=True)
                           for p in curated_places(load_provinces(path), places)]
    return places


def patterns_hash(path: str | Path | None = None) -> str:
    """A digest of every file under `patterns/`, so a stale built model can be detected."""
    root = patterns_dir(path)
    digest = hashlib.sha256()
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(file.relative_to(root).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]
