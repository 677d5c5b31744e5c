"""The gazetteer ruler: spaCy's SpanRuler, with phrase patterns added fast.

spaCy's SpanRuler adds phrase patterns one by one, each made into a Doc by `nlp.pipe`: for
the gazetteer's ~2,900 place and organisation names that is a fifth of a second at every
start-up (the ruler re-adds its patterns when loaded from disk). This ruler tokenizes them
with the tokenizer alone and adds each label's patterns in one call: the same matches, in a
quarter of the time. Everything else (matching, `doc.spans`, serialisation) is SpanRuler's.
"""

from __future__ import annotations

from typing import Any, Iterable

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler
from spacy.tokens import Doc


@Language.factory(
    "coopie_gazetteer_ruler",
    assigns=["doc.spans"],
    default_config={"spans_key": "coopie_gazetteer", "phrase_matcher_attr": "ORTH",
                    "validate": True, "overwrite": False},
)
def make_gazetteer_ruler(nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str,
                         validate: bool, overwrite: bool) -> "GazetteerRuler":
    return GazetteerRuler(nlp, name, spans_key=spans_key,
                          phrase_matcher_attr=phrase_matcher_attr, validate=validate,
                          overwrite=overwrite)


class GazetteerRuler(SpanRuler):
    """A SpanRuler whose phrase patterns are tokenized without the pipeline and added per
    label (SpanRuler keys a match by repr((label, id)), and so does this)."""

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        patterns = list(patterns)  # from_disk passes a generator
        token_patterns = [p for p in patterns if not isinstance(p["pattern"], str)]
        if token_patterns:
            super().add_patterns(token_patterns)
        grouped: dict[str, list[Doc]] = {}
        for entry in patterns:
            if not isinstance(entry["pattern"], str):
                continue
            label, pattern_id = entry["label"], entry.get("id", "")
            key = repr((label, pattern_id))
            self._match_label_id_map[self.nlp.vocab.strings.as_int(key)] = {
                "label": label, "id": pattern_id}
            grouped.setdefault(key, []).append(self.nlp.tokenizer(entry["pattern"]))
            self._patterns.append(entry)
        for key, docs in grouped.items():
            self.phrase_matcher.add(key, docs)
