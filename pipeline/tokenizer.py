"""The tokenizer: spaCy's English one, plus a split of glued sentences after a figure, and a
guard against pathological runs of text without spaces.

Scraped text often loses the space after a full stop ("in 2013.However"); spaCy already
splits "year.Currently" but not a digit glued to the next sentence, which would hide the
figure from every component (ANNOTATION.md §2: glued text is labelled on whole tokens).

spaCy strips prefixes and suffixes one character at a time, copying the rest of the word,
so a word of n brackets costs n² (100,000 "[" take minutes). Runs longer than
`MAX_WORD_CHARS` are cut into pieces of that size instead: no real word is that long.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Iterable

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import (compile_infix_regex, compile_prefix_regex, compile_suffix_regex,
                        registry)

from pipeline.extensions import TEXT_KEY

MAX_WORD_CHARS = 200
LONG_RUN = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")


@registry.tokenizers("coopie.tokenizer.v1")
def make_tokenizer(split_number_pairs: bool = False) -> Callable[[Language], "GuardedTokenizer"]:
    """spaCy's default tokenizer with one more infix: '.' between a digit and a capital.

    Args:
        split_number_pairs: also split '/' between digits, where "38/45 HTX" is two counts
            (Vietnamese, ANNOTATION.md §5); a date "31/12/2022" then spans five tokens.
    """

    def create(nlp: Language) -> GuardedTokenizer:
        defaults = nlp.Defaults
        infixes = list(defaults.infixes) + [r"(?<=[0-9])\.(?=[A-ZĐÀ-Ỹ][a-zà-ỹ])"]
        if split_number_pairs:
            infixes.append(r"(?<=[0-9])/(?=[0-9])")
        # "VND 700m." ends a sentence with a money scale, not the abbreviation "m.".
        rules = dict(defaults.tokenizer_exceptions)
        rules.update({f"{letter}.": [{ORTH: letter}, {ORTH: "."}] for letter in ("m", "k")})
        # Everything given to the constructor at once, as spaCy's own factory does: each
        # setting changed afterwards makes spaCy add every special case again.
        tokenizer = Tokenizer(nlp.vocab, rules=rules,
                              prefix_search=compile_prefix_regex(defaults.prefixes).search,
                              suffix_search=compile_suffix_regex(defaults.suffixes).search,
                              infix_finditer=compile_infix_regex(infixes).finditer,
                              token_match=defaults.token_match, url_match=defaults.url_match)
        return GuardedTokenizer(tokenizer)

    return create


class GuardedTokenizer:
    """spaCy's tokenizer, except on words longer than MAX_WORD_CHARS (cut into pieces)."""

    def __init__(self, inner: Tokenizer) -> None:
        self.inner = inner
        self.vocab = inner.vocab

    def __call__(self, text: str) -> Doc:
        doc = self._tokenize(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def _tokenize(self, text: str) -> Doc:
        if not LONG_RUN.search(text):
            return self.inner(text)
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for match in LONG_RUN.finditer(text):
            self._add(text[position:match.start()], words, spaces)
            run = match.group()
            for offset in range(0, len(run), MAX_WORD_CHARS):
                words.append(run[offset:offset + MAX_WORD_CHARS])
                spaces.append(False)
            position = match.end()
        self._add(text[position:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _add(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        """Tokens of an ordinary segment; a lone trailing space joins the previous word."""
        if not segment:
            return
        if segment[0] == " " and words and not spaces[-1]:
            spaces[-1] = True
            segment = segment[1:]
            if not segment:
                return
        for token in self.inner(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    # Saving writes spaCy's tokenizer as usual. Loading keeps the one `create` built: the
    # tokenizer is made by code, not data, so the saved copy holds the same rules, and
    # setting them again costs a third of start-up (spaCy re-adds every special case on each
    # of the six settings it restores).
    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> "GuardedTokenizer":
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> "GuardedTokenizer":
        return self
