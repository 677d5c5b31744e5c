"""`coopie_claims`: link the entities of a document into claims (ANNOTATION.md §3).

Each MONEY, COUNT, PERCENT and QUANTITY in a sentence about the cooperative economy gives a
claim; a parenthetical conversion becomes the previous claim's `alt`. The slots come from
`pipeline.linking`: metric and unit (`metric`), aggregate, per and status (`qualifiers`),
subject (`subject`), location (`location`) and time (`timing`), all driven by the cue words
of patterns/shared/cues.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import resources
from pipeline.components.base import PatternDataComponent
from pipeline.extensions import doc_text
from pipeline.linking import qualifiers
from pipeline.linking.cues import ClaimCues
from pipeline.linking.location import PlaceContext
from pipeline.linking.metric import figure_metric, metric_cue, respective_metric
from pipeline.linking.segments import (Mention, Span, clause_span, containing,
                                       containing_index, list_opening, paragraph_opening,
                                       paragraph_spans,
                                       sentence_opening, sentence_spans)
from pipeline.linking.subject import (FALLBACK, changed_subject, claim_subject,
                                      named_cooperative)
from pipeline.linking.timing import (TimeContext, claim_time, lead_span, lead_year,
                                     reporting_period)
from pipeline.normalize.dates import published_interval
from pipeline.normalize.numbers import NumberVocab

FIGURE_LABELS = {"MONEY", "COUNT", "PERCENT", "QUANTITY"}
CONVERSION_OPENING = re.compile(r"\s*\(\s*")


@Language.factory("coopie_claims", assigns=["doc._.claims"], requires=["doc.ents"],
                  default_config={})
def make_claim_linker(nlp: Language, name: str) -> "ClaimLinker":
    """Create the claim linker; its cue words are read in `initialize`."""
    return ClaimLinker(nlp, name)


def mentions(doc: Doc, text: str) -> list[Mention]:
    """The document's entities as plain mentions (doc.ents builds its spans on each call,
    and Span.text joins tokens: the surface is sliced from the text instead)."""
    return [Mention(e.start_char, e.end_char, e.label_, text[e.start_char:e.end_char],
                    e._.norm) for e in doc.ents]


@dataclass
class DocumentContext:
    """What every claim of a document is linked against."""

    text: str
    sentences: list[Span]
    paragraphs: list[Span]
    figures: list[Mention]
    dates: list[Mention]
    coops: list[Mention]
    places: PlaceContext
    timing: TimeContext
    only_coop: str | None
    # The text with organisation names blanked out, for status cues: "the Department of
    # Planning", "Sở Kế hoạch và Đầu tư" name a plan nobody made.
    cue_text: str = ""
    # Paragraph -> whether an estimate phrase opening it governs it (filled as claims need).
    estimated: dict[Span, bool] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, cues: ClaimCues) -> "DocumentContext":
        text = doc_text(doc)
        found = [m for m in mentions(doc, text) if m.norm]
        dates = [m for m in found if m.label == "DATE"]
        places = [m for m in found if m.label == "GPE"]
        paragraphs = paragraph_spans(text)
        sentences = sentence_spans(text)
        figures = [m for m in found if m.label in FIGURE_LABELS]
        # A conversion "(US$51,000)" stands between nothing: it is its amount's alt.
        conversions = {id(after) for before, after in zip(figures, figures[1:])
                       if _is_conversion(text, before, after)}
        amounts = [f for f in figures if id(f) not in conversions]
        published = published_interval(doc._.published)
        lead = lead_span(text, paragraphs)
        timing = TimeContext(text, sentences, dates, amounts, cues.time, published,
                             paragraphs[0] if paragraphs else (0, 0),
                             reporting_period(lead, dates),
                             lead_year(text, lead, dates, published, cues.time))
        coops = [m for m in found if m.label == "COOP" and m.norm.get("name")]
        names = {c.norm["name"] for c in coops}
        return cls(text=text, sentences=sentences,
                   paragraphs=paragraphs, figures=figures, dates=dates, coops=coops,
                   places=PlaceContext.of(text, places, cues.national, cues.venue,
                                          doc._.outlet_province, doc._.published),
                   timing=timing,
                   only_coop=names.pop() if len(names) == 1 else None,
                   cue_text=_without_organisations(doc, text))


def _without_organisations(doc: Doc, text: str) -> str:
    """`text` with every ORG name replaced by as many underscores (offsets unchanged)."""
    pieces, position = [], 0
    for entity in doc.ents:
        if entity.label_ == "ORG":
            pieces += [text[position:entity.start_char], "_" * len(entity.text)]
            position = entity.end_char
    return "".join(pieces) + text[position:] if pieces else text


def _is_conversion(text: str, amount: Mention, figure: Mention) -> bool:
    """`figure` is a conversion of `amount` in parentheses: "VND2.9 billion (US$126,028)"."""
    return amount.label == "MONEY" and figure.label == "MONEY" and amount.end <= figure.start \
        and bool(CONVERSION_OPENING.fullmatch(text[amount.end:figure.start]))


class ClaimLinker(PatternDataComponent):
    """Turn figures into claims with metric, subject, location, time and status."""

    def load_data(self, patterns_dir: str | None) -> dict[str, Any]:
        shared = resources.load_shared(patterns_dir, self.nlp.lang)
        return {"cues": shared["cues"], "numbers": shared["numbers"]}

    def setup(self) -> None:
        self.cues = ClaimCues.from_data(self.data["cues"])
        self.numbers = NumberVocab.from_data(self.data["numbers"])

    def __call__(self, doc: Doc) -> Doc:
        self._require_setup()
        context = DocumentContext.of(doc, self.cues)
        text = context.text
        claims: list[dict[str, Any]] = []
        previous: tuple[Mention, dict] | None = None
        for figure in context.figures:
            if previous and _is_conversion(text, previous[0], figure):
                # "VND2.9 billion (US$126,028)": one claim with an alt (ANNOTATION.md §3).
                previous[1]["alt"].append({"value": figure.norm.get("value"),
                                           "unit": figure.norm.get("currency")})
                continue
            sentence_index = containing_index(context.sentences, figure.start)
            sentence = context.sentences[sentence_index] if context.sentences else (0, 0)
            paragraph = containing(context.paragraphs, figure.start)
            if not qualifiers.about_cooperatives(text, sentence, paragraph,
                                                 context.sentences, self.cues, figure.start) \
                    or qualifiers.legal_threshold(text, figure, sentence, self.cues) \
                    or qualifiers.not_a_figure_of_the_economy(text, figure, self.cues):
                continue
            claim = self._claim(context, figure, sentence_index, paragraph, previous)
            claims.append(claim)
            previous = (figure, claim)
        doc._.claims = claims
        return doc

    def _aggregate(self, text: str, figure: Mention, clause: Span, metric: str,
                   sentence: Span, paragraph: Span, previous: tuple[Mention, dict] | None,
                   subject_words: Span | None) -> str:
        """The figure's own average cue; else, for a change, the aggregate of the figure
        that changed, the claim before it in the paragraph (ANNOTATION.md §3 rules)."""
        own = qualifiers.aggregate(text, figure, clause, self.cues, sentence, metric,
                                   subject_words)
        if own == "total" and metric == "change" and previous is not None \
                and previous[0].start >= paragraph[0]:
            return previous[1]["aggregate"]
        # "raise the average revenue to VND2.1 billion from VND1.2 billion": the old value
        # is what the new one is.
        if own == "total" and previous is not None and previous[0].start >= sentence[0] \
                and previous[1]["metric"] == metric and self.cues.old_value.search(
                    text[max(sentence[0], figure.start - qualifiers.OLD_VALUE_REACH):
                         figure.start]):
            return previous[1]["aggregate"]
        return own

    def _subject(self, context: DocumentContext, figure: Mention, metric: str, clause: Span,
                 lead_in: str, coop: str | None, paragraph: Span,
                 previous: tuple[Mention, dict] | None) -> str:
        """What is counted or measured; a change without a subject of its own is a change
        of the figure before it in the paragraph (ANNOTATION.md §3: "average revenue of
        cooperatives")."""
        own = claim_subject(context.text, figure, metric, clause,
                            metric_cue(metric, lead_in, self.cues), lead_in, coop,
                            context.only_coop)
        if metric != "change" or own != FALLBACK or previous is None \
                or previous[0].start < paragraph[0]:
            return own
        return changed_subject(previous[1])

    def _paragraph_estimated(self, context: DocumentContext, paragraph: Span) -> bool:
        """Whether an estimate phrase opens `paragraph`, worked out once per paragraph."""
        if paragraph not in context.estimated:
            context.estimated[paragraph] = qualifiers.opening_estimate(
                context.text, paragraph_opening(paragraph, context.figures), self.cues)
        return context.estimated[paragraph]

    def _claim(self, context: DocumentContext, figure: Mention, sentence_index: int,
               paragraph: Span, previous: tuple[Mention, dict] | None) -> dict[str, Any]:
        text, cues, norm = context.text, self.cues, figure.norm
        sentence = context.sentences[sentence_index]
        clause = clause_span(text, sentence, figure.start, figure.end)
        lead_in = text[sentence[0]:figure.start]
        metric, unit = figure_metric(text, figure, lead_in, previous, cues)
        coop = named_cooperative(text, sentence, paragraph, context.coops,
                                 cues.back_reference)
        subject_words = sentence_opening(text, sentence, figure, context.figures)
        if metric != "change":
            metric = respective_metric(text, figure, sentence, subject_words,
                                       context.figures, cues) or metric
        return {
            "metric": metric,
            "aggregate": self._aggregate(text, figure, clause, metric, sentence, paragraph,
                                         previous, subject_words),
            "per": qualifiers.per(text, figure, sentence, cues, subject_words),
            "value": norm.get("value"), "low": norm.get("low"), "high": norm.get("high"),
            "unit": unit,
            "approx": self.numbers.approx_kind(figure.text, text[figure.end:figure.end + 20]),
            "alt": [],
            "subject": self._subject(context, figure, metric, clause, lead_in, coop, paragraph,
                                     previous),
            "location": context.places.location(sentence),
            "time": claim_time(context.timing, figure, sentence_index, paragraph,
                               metric in cues.period_metrics),
            "status": "target" if qualifiers.announces_plan(
                text, sentence, figure, context.places.places, cues) else qualifiers.status(
                    context.cue_text or text, figure, clause, sentence, cues,
                    list_opening(text, context.sentences, sentence_index, context.figures),
                    self._paragraph_estimated(context, paragraph)),
            "evidence": {"start": sentence[0], "end": sentence[1]},
        }
