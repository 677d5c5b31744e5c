"""`coopie_entity_resolver`: choose among overlapping candidates and set `doc.ents`.

Every finder proposes candidates in `doc.spans["coopie_candidates"]`; this component keeps
the longest of overlapping ones (ties broken by label priority), drops those in page
furniture (ANNOTATION.md §2 Rules), gives cooperatives one canonical name per document
(rapidfuzz), and stores each entity's norm in `span._.norm`.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline import resources
from pipeline.components.base import PatternDataComponent
from pipeline.extensions import CANDIDATES_KEY, candidate_key, doc_text

# When two candidates cover the same text, the first label here wins.
LABEL_PRIORITY = ["MONEY", "PERCENT", "QUANTITY", "DATE", "COOP", "ORG", "GPE", "PERSON",
                  "COUNT"]


@Language.factory(
    "coopie_entity_resolver",
    assigns=["doc.ents", "span._.norm"],
    requires=["doc.spans"],
    default_config={"coop_similarity": 90},
)
def make_entity_resolver(nlp: Language, name: str, coop_similarity: int) -> "EntityResolver":
    """Create the resolver.

    Args:
        coop_similarity: rapidfuzz token-set ratio (0-100) above which two cooperative names
            in one document are taken for the same cooperative.
    """
    return EntityResolver(nlp, name, coop_similarity)


class EntityResolver(PatternDataComponent):
    """Pick non-overlapping entities and attach their norms."""

    def __init__(self, nlp: Language, name: str, coop_similarity: int) -> None:
        super().__init__(nlp, name)
        self.coop_similarity = coop_similarity

    def load_data(self, patterns_dir: str | None) -> dict[str, Any]:
        return resources.read_yaml(resources.patterns_dir(patterns_dir) / "shared"
                                   / "furniture.yml")

    def setup(self) -> None:
        self.furniture = [re.compile(p, re.IGNORECASE | re.MULTILINE)
                          for p in self.data["furniture"]]

    def __call__(self, doc: Doc) -> Doc:
        self._require_setup()
        candidates = list(doc.spans.get(CANDIDATES_KEY, []))
        blocked = self._furniture_ranges(doc_text(doc))
        kept = [s for s in candidates if not _inside_any(s, blocked)]
        chosen = _non_overlapping(kept)
        doc.ents = chosen
        norms = doc._.candidate_norms or {}
        for ent in doc.ents:
            ent._.norm = norms.get(candidate_key(ent.label_, ent.start_char, ent.end_char))
        self._canonicalise_coops(doc)
        return doc

    def _furniture_ranges(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for pattern in self.furniture for m in pattern.finditer(text)
                if m.end() > m.start()]

    def _canonicalise_coops(self, doc: Doc) -> None:
        """Variant spellings of one cooperative share the longest name seen
        ('Tầm Vu Co-operative' -> 'Tam Vu Dragon Fruit Cooperative')."""
        coops = [ent for ent in doc.ents if ent.label_ == "COOP" and ent._.norm]
        names = sorted({ent._.norm["name"] for ent in coops}, key=len, reverse=True)
        for ent in coops:
            own = ent._.norm["name"]
            for name in names:
                if name == own or len(name) <= len(own):
                    continue
                # The proper-name start must agree: 'Tam Vu …' never becomes 'Thanh Dat …'.
                same_start = own.split()[0].lower() == name.split()[0].lower()
                if same_start and fuzz.token_set_ratio(own, name) >= self.coop_similarity:
                    ent._.norm = {"name": name}
                    break


def _inside_any(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= span.start_char and span.end_char <= end for start, end in ranges)


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """Longest first, then label priority, then earliest; like spacy.util.filter_spans."""
    rank = {label: index for index, label in enumerate(LABEL_PRIORITY)}
    ordered = sorted(spans, key=lambda s: (-(s.end_char - s.start_char),
                                           rank.get(s.label_, 99), s.start_char))
    taken: set[int] = set()
    result: list[Span] = []
    for span in ordered:
        if any(i in taken for i in range(span.start, span.end)):
            continue
        result.append(span)
        taken.update(range(span.start, span.end))
    return sorted(result, key=lambda s: s.start)
