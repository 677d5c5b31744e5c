"""A base for components whose rules come from `patterns/` data.

The data is read when the pipeline is initialised (`nlp.initialize()`, the way spaCy's
entity ruler takes its patterns) and saved with the pipeline (`to_disk`), so a pipeline
loaded with `spacy.load` never reads `patterns/` again and never depends on its path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

import srsly
from spacy.language import Language

from pipeline.extensions import register_extensions


class PatternDataComponent:
    """Holds the plain data a component is built from and (de)serialises it."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.data: dict[str, Any] = {}

    # Subclasses read their section of the shared data here and compile their rules.
    def load_data(self, patterns_dir: str | None) -> dict[str, Any]:
        raise NotImplementedError

    def setup(self) -> None:
        raise NotImplementedError

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None, patterns_dir: str | None = None) -> None:
        """Read the component's rules from `patterns_dir` (default: the repo's `patterns/`)."""
        self.data = self.load_data(patterns_dir)
        self.setup()

    def _require_setup(self) -> None:
        if not self.data:
            # A pipeline made with nlp.add_pipe but not initialised: use the default patterns.
            self.initialize()

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self.data)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "PatternDataComponent":
        self.data = srsly.msgpack_loads(data)
        self.setup()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "data.json", self.data)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "PatternDataComponent":
        self.data = srsly.read_json(Path(path) / "data.json")
        self.setup()
        return self
