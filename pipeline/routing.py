"""One pipeline per language, each document to the pipeline of its language.

The English pipeline is loaded up front; another language's is loaded (or built) the first
time a document in it arrives, so an English archive pays nothing for Vietnamese.
"""

from __future__ import annotations

import weakref
from typing import Callable

from spacy.language import Language

from pipeline.language import LanguageRule, language_rule


class Pipelines:
    """The pipelines of a run, by language code, and the rule that picks one."""

    def __init__(self, english: Language, load: Callable[[str], Language],
                 rule: LanguageRule | None = None) -> None:
        self.loaded: dict[str, Language] = {"en": english}
        self.load = load
        self.rule = rule or language_rule()

    @classmethod
    def around(cls, english: Language) -> "Pipelines":
        """Pipelines around an English pipeline already loaded; others from the default
        model folder or patterns."""
        from pipeline.loading import load

        return cls(english, lambda language: load(language=language))

    def language_of(self, text: str) -> str:
        return self.rule.detect(text)

    def get(self, language: str) -> Language:
        """The pipeline of a language, loaded on first use.

        Raises:
            CoopieError: the language has no vocabulary in patterns/.
        """
        if language not in self.loaded:
            nlp = self.load(language)
            nlp.max_length = max(nlp.max_length, self.loaded["en"].max_length)
            self.loaded[language] = nlp
        return self.loaded[language]


_around: "weakref.WeakKeyDictionary[Language, Pipelines]" = weakref.WeakKeyDictionary()


def as_pipelines(nlp: "Language | Pipelines") -> Pipelines:
    """Pipelines from either a Pipelines or a bare English pipeline (tests, the API); the
    same Pipelines for the same English pipeline, so another language loads once."""
    if isinstance(nlp, Pipelines):
        return nlp
    if nlp not in _around:
        _around[nlp] = Pipelines.around(nlp)
    return _around[nlp]
