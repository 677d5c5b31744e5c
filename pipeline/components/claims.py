"""`coopie_claims`: link entities into claims (ANNOTATION.md §3). Filled in by issue 4."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import register_extensions


@Language.factory("coopie_claims", assigns=["doc._.claims"], default_config={})
def make_claim_linker(nlp: Language, name: str) -> "ClaimLinker":
    """Create the claim linker."""
    return ClaimLinker()


class ClaimLinker:
    """Placeholder until the claims issue: every document has an empty claim list."""

    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = []
        return doc
