"""What a worker process needs to build its own pipeline: paths, never the `nlp` object
(pickling a pipeline costs seconds and ties workers to the parent's memory)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

# Longer documents get an error record instead of being processed: spaCy's own default
# `max_length`, past which memory use is no longer reasonable.
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class PipelineSpec:
    """Where the pipeline comes from: a built model folder and/or a patterns folder."""

    model: str | None = None
    patterns: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS

    def load(self) -> Language:
        """Load (or build) the pipeline this spec names; raises CoopieError if invalid."""
        from pipeline.loading import load

        nlp = load(self.model, self.patterns)
        nlp.max_length = max(nlp.max_length, self.max_chars)
        return nlp
