"""Docs to the contract's JSONL records (ANNOTATION.md §1)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from pipeline.extensions import doc_text
from pipeline.io.readers import InputDoc


def entity_records(doc: Doc) -> list[dict[str, Any]]:
    """`doc.ents` as contract entities: start, end, label, text, norm."""
    text = doc_text(doc)  # sliced: Span.text joins the span's tokens
    return [{"start": ent.start_char, "end": ent.end_char, "label": ent.label_,
             "text": text[ent.start_char:ent.end_char], "norm": ent._.norm}
            for ent in doc.ents]


def document_record(source: InputDoc, doc: Doc | None = None, error: str | None = None,
                    language: str | None = None) -> dict[str, Any]:
    """One output line: the input's id, language, url, published and text, with entities
    and claims, or with `error` when the document could not be processed."""
    record: dict[str, Any] = {"id": source.id}
    if language:
        record["lang"] = language
    if source.url:
        record["url"] = source.url
    published = doc._.published if doc is not None else source.published
    if published:
        record["published"] = published
        # "input", or "dateline" when read from the page because the input gave none.
        record["published_source"] = (doc._.published_source if doc is not None
                                      else None) or "input"
    record["text"] = source.text if source.text is not None else ""
    record["entities"] = entity_records(doc) if doc is not None else []
    record["claims"] = list(doc._.claims or []) if doc is not None else []
    problem = error or source.error
    if problem:
        record["error"] = problem
    if source.warning:
        record["warning"] = source.warning
    return record
