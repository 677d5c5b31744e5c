"""Shared fixtures: one pipeline built for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import pipeline
from pipeline.loading import build

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build()


def run(nlp: Language, text: str, published: str | None = None):
    """The pipeline on one text with an optional publication date."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def entities(nlp: Language, text: str, published: str | None = None) -> list[tuple]:
    """(label, text, norm) of every entity found."""
    return [(e.label_, e.text, e._.norm) for e in run(nlp, text, published).ents]
