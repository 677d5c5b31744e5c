"""The tokenizer: spaCy's English one, plus a split of glued sentences after a figure.

Scraped text often loses the space after a full stop ("in 2013.However"); spaCy already
splits "year.Currently" but not a digit glued to the next sentence, which would hide the
figure from every component (ANNOTATION.md §2: glued text is labelled on whole tokens).
"""

from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, registry


@registry.tokenizers("coopie.tokenizer.v1")
def make_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer with one more infix: '.' between a digit and a capital."""

    def create(nlp: Language) -> Tokenizer:
        tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        infixes = list(nlp.Defaults.infixes) + [r"(?<=[0-9])\.(?=[A-ZĐÀ-Ỹ][a-zà-ỹ])"]
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return tokenizer

    return create
