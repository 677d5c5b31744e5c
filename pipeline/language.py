"""Which language a document is written in: a measured rule, not a model.

Vietnamese writes letters no English text has (ă, ơ, ư, đ, and the vowels with tone marks);
in the body of a Vietnamese article about a quarter of the letters are such letters, in an
English article about Vietnam, whose place names keep their diacritics now and then, at
most a few per cent. The letters and the threshold are data (patterns/languages.yml).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class LanguageRule:
    """The share of a language's own letters above which a body is in that language."""

    default: str = "en"
    letters: dict[str, frozenset[str]] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    body_line_words: int = 8

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "LanguageRule":
        languages = data.get("languages") or {}
        return cls(default=data.get("default", "en"),
                   letters={name: frozenset(spec["letters"]) for name, spec in languages.items()},
                   thresholds={name: float(spec["threshold"]) for name, spec in languages.items()},
                   body_line_words=int(data.get("body_line_words", 8)))

    def body(self, text: str) -> str:
        """The lines of prose: at least `body_line_words` words; the whole text if none."""
        lines = [line for line in text.splitlines() if len(line.split()) >= self.body_line_words]
        return "\n".join(lines) if lines else text

    def shares(self, text: str) -> dict[str, float]:
        """For each language, the share of the body's letters that are its own letters."""
        letters = [c for c in self.body(text).lower() if c.isalpha()]
        if not letters:
            return {name: 0.0 for name in self.letters}
        return {name: sum(c in own for c in letters) / len(letters)
                for name, own in self.letters.items()}

    def detect(self, text: str) -> str:
        """The document's language code ('en', 'vi')."""
        for name, share in self.shares(text).items():
            if share >= self.thresholds[name]:
                return name
        return self.default


_rules: dict[str, LanguageRule] = {}


def language_rule(patterns_dir: str | None = None) -> LanguageRule:
    """The rule of a patterns folder, read once."""
    from pipeline import resources

    key = str(resources.patterns_dir(patterns_dir))
    if key not in _rules:
        _rules[key] = LanguageRule.from_data(resources.load_languages(patterns_dir))
    return _rules[key]
