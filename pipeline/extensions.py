"""Doc and Span extensions. They hold plain data only (dicts, lists, strings), never Span
objects, so Docs pickle for `nlp.pipe(n_process=N)` and survive `DocBin`."""

from __future__ import annotations

import math

from spacy.tokens import Doc, Span

CANDIDATES_KEY = "coopie_candidates"
# The raw text, kept by the tokenizer: `Doc.text` joins every token again on each call,
# which cost a quarter of the pipeline's time when six components each read it.
TEXT_KEY = "coopie_text"


def doc_text(doc: Doc) -> str:
    """The document's text, without rebuilding it from the tokens when the tokenizer kept it."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def register_extensions() -> None:
    """Register coopie's extensions once; safe to call from every factory."""
    if not Doc.has_extension("published"):
        # ISO date or month the article was published, anchoring relative dates.
        Doc.set_extension("published", default=None)
    if not Doc.has_extension("published_source"):
        # Where `published` came from: "input" (given with the document) or "dateline"
        # (read from the page's own dateline by coopie_dates).
        Doc.set_extension("published_source", default=None)
    if not Doc.has_extension("url"):
        # The page's address, when the input gives one: a provincial outlet's province is
        # the article's home province (ANNOTATION.md §3).
        Doc.set_extension("url", default=None)
    if not Doc.has_extension("outlet_province"):
        # The home province of the outlet at `url` (coopie_places), or None.
        Doc.set_extension("outlet_province", default=None)
    if not Doc.has_extension("candidate_norms"):
        # "LABEL:start:end" -> norm dict, written by the finders, read by the resolver.
        Doc.set_extension("candidate_norms", default=None)
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", default=None)
    if not Span.has_extension("norm"):
        Span.set_extension("norm", default=None)


def candidate_key(label: str, start_char: int, end_char: int) -> str:
    """The key of a candidate's norm in `doc._.candidate_norms`."""
    return f"{label}:{start_char}:{end_char}"


def add_candidate(doc: Doc, start_char: int, end_char: int, label: str,
                  norm: dict | None, source: str) -> Span | None:
    """Add one candidate entity to `doc.spans[CANDIDATES_KEY]`, with its norm.

    The character span is contracted to whole tokens (ANNOTATION.md §2: glued text is
    labelled on the whole-token part); a span that holds no whole token is dropped.
    """
    if norm and any(isinstance(norm.get(key), float) and not math.isfinite(norm[key])
                    for key in ("value", "low", "high")):
        return None  # a 400-digit "number" overflows: no figure, and no Infinity in JSON
    span = doc.char_span(start_char, end_char, label=label, alignment_mode="contract",
                         span_id=source)
    if span is None or not doc_text(doc)[span.start_char:span.end_char].strip():
        return None
    if doc._.candidate_norms is None:
        doc._.candidate_norms = {}
    doc._.candidate_norms[candidate_key(label, span.start_char, span.end_char)] = norm
    if CANDIDATES_KEY not in doc.spans:
        doc.spans[CANDIDATES_KEY] = []
    doc.spans[CANDIDATES_KEY].append(span)
    return span
