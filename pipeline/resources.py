"""Read the pattern data in `patterns/` into plain dictionaries.

Every vocabulary the components use (scale words, currencies, cue words, the gazetteer…)
lives in `patterns/`; this module only finds and parses those files. It is called when a
pipeline is built, never at import time.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import yaml

from pipeline import errors

DEFAULT_PATTERNS_DIR = Path(__file__).resolve().parent.parent / "patterns"
SHARED_FILES = ("numbers", "currencies", "units", "counted", "dates", "names", "cues")


def patterns_dir(path: str | Path | None = None) -> Path:
    """The patterns folder: `path`, else $COOPIE_PATTERNS, else the repository's `patterns/`."""
    chosen = Path(path or os.environ.get("COOPIE_PATTERNS") or DEFAULT_PATTERNS_DIR)
    if not chosen.is_dir():
        raise errors.CoopieError(errors.E_PATTERNS_MISSING.format(path=chosen))
    return chosen


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning syntax errors into a message with file and line."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        line = mark.line + 1 if mark is not None else 0
        raise errors.CoopieError(
            errors.E_YAML.format(path=path, line=line, problem=err.problem)
        ) from err


def load_shared(path: str | Path | None = None) -> dict[str, Any]:
    """All shared vocabularies, keyed by file stem (`numbers`, `currencies`, …)."""
    root = patterns_dir(path) / "shared"
    shared: dict[str, Any] = {}
    for stem in SHARED_FILES:
        file = root / f"{stem}.yml"
        if file.exists():
            shared[stem] = read_yaml(file) or {}
    return shared


def load_gazetteer(path: str | Path | None = None) -> list[dict[str, Any]]:
    """The generated list of places (see scripts/build_gazetteer.py)."""
    file = patterns_dir(path) / "gazetteer" / "vietnam.json"
    return json.loads(file.read_text(encoding="utf-8"))["places"]


def patterns_hash(path: str | Path | None = None) -> str:
    """A digest of every file under `patterns/`, so a stale built model can be detected."""
    root = patterns_dir(path)
    digest = hashlib.sha256()
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(file.relative_to(root).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]
