"""What a worker process needs to build its own pipeline: paths, never the `nlp` object
(pickling a pipeline costs seconds and ties workers to the parent's memory)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.routing import Pipelines

# Longer documents get an error record instead of being processed: spaCy's own default
# `max_length`, past which memory use is no longer reasonable.
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class PipelineSpec:
    """Where the pipeline comes from: a built model folder and/or a patterns folder."""

    model: str | None = None
    patterns: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS

    def load(self) -> "Pipelines":
        """Load (or build) the English pipeline this spec names, and the other languages'
        when first needed (from their default model folders or the patterns); raises
        CoopieError if invalid."""
        from pipeline.language import language_rule
        from pipeline.loading import load
        from pipeline.routing import Pipelines

        nlp = load(self.model, self.patterns)
        nlp.max_length = max(nlp.max_length, self.max_chars)
        return Pipelines(nlp, lambda language: load(None, self.patterns, language=language),
                         language_rule(self.patterns))
