"""What a worker process needs to build its own pipeline: paths, never the `nlp` object
(pickling a pipeline costs seconds and ties workers to the parent's memory)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language


@dataclass(frozen=True)
class PipelineSpec:
    """Where the pipeline comes from: a built model folder and/or a patterns folder."""

    model: str | None = None
    patterns: str | None = None
    max_chars: int = 1_000_000

    def load(self) -> Language:
        """Load (or build) the pipeline this spec names; raises CoopieError if invalid."""
        from pipeline.loading import load

        nlp = load(self.model, self.patterns)
        nlp.max_length = max(nlp.max_length, self.max_chars)
        return nlp
