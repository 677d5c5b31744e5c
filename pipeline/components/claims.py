"""`coopie_claims`: link the entities of a document into claims (ANNOTATION.md §3).

Each MONEY, COUNT, PERCENT and QUANTITY in a sentence about the cooperative economy gives a
claim; a parenthetical conversion becomes the previous claim's `alt`. Metric, aggregate,
per and status come from cue words (patterns/shared/cues.yml) in the figure's clause; time
and location come from `pipeline.linking`, which falls back to what governs the paragraph
or the article.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import resources
from pipeline.extensions import doc_text
from pipeline.components.base import PatternDataComponent
from pipeline.linking.location import claim_location, home_place
from pipeline.linking.segments import (Mention, Span, clause_span, containing,
                                       paragraph_spans, sentence_spans)
from pipeline.linking.subject import claim_subject
from pipeline.linking.timing import TimeCues, claim_time, lead_span, reporting_period
from pipeline.normalize.numbers import NumberVocab

FIGURE_LABELS = {"MONEY", "COUNT", "PERCENT", "QUANTITY"}
# How far around a figure rate words ("a month", "/year") are looked for.
PER_REACH_AFTER = 25
PER_REACH_BEFORE = 60
# How far before a figure a change cue ("up", "a rise of") is looked for.
CHANGE_REACH = 30


@Language.factory("coopie_claims", assigns=["doc._.claims"], requires=["doc.ents"],
                  default_config={})
def make_claim_linker(nlp: Language, name: str) -> "ClaimLinker":
    """Create the claim linker; its cue words are read in `initialize`."""
    return ClaimLinker(nlp, name)


def words_regex(words: list[str]) -> re.Pattern[str]:
    """Whole-word, case-insensitive alternation of cue words, longest first."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def mentions(doc: Doc) -> list[Mention]:
    """The document's entities as plain mentions (doc.ents builds its spans on each call)."""
    return [Mention(e.start_char, e.end_char, e.label_, e.text, e._.norm) for e in doc.ents]


class ClaimLinker(PatternDataComponent):
    """Turn figures into claims with metric, subject, location, time and status."""

    def load_data(self, patterns_dir: str | None) -> dict[str, Any]:
        shared = resources.load_shared(patterns_dir)
        return {"cues": shared["cues"], "numbers": shared["numbers"]}

    def setup(self) -> None:
        cues = self.data["cues"]
        self.numbers = NumberVocab.from_data(self.data["numbers"])
        self.domain = words_regex(cues["domain"])
        self.not_domain = words_regex(cues["not_domain"])
        self.money_metrics = {metric: words_regex(words)
                              for metric, words in cues["money_metrics"].items()}
        self.count_metrics = {unit: metric for metric, units in cues["count_metrics"].items()
                              for unit in units}
        change = words_regex(cues["change_cues"]).pattern
        # The change cue, then at most "of"/"by" and a few words, but never "to".
        self.change_before = re.compile(
            rf"{change}(?:\s+(?!to\b|from\b)[\w%.,]+){{0,3}}?\s*(?:of|by)?\s*$", re.IGNORECASE)
        self.back_reference = re.compile(
            rf"\W*(?:{'|'.join(cues['back_reference_openings'])})\b", re.IGNORECASE)
        self.phrasal_verbs = {w.lower() for w in cues["not_change_before"]}
        self.average = words_regex(cues["average_cues"])
        self.not_average = re.compile(cues["not_average"], re.IGNORECASE)
        self.per = {per: words_regex(words) for per, words in cues["per_cues"].items()}
        self.target = words_regex(cues["target_cues"])
        self.estimate = words_regex(cues["estimate_cues"])
        self.old_value = words_regex(cues["old_value_cues"])
        self.national = words_regex(cues["national_cues"])
        self.legal = words_regex(cues["legal_cues"])
        self.threshold = words_regex(cues["threshold_cues"])
        self.change_after = re.compile(rf"^\s*(?:{'|'.join(cues['change_after_cues'])})\b",
                                       re.IGNORECASE)
        self.price = re.compile(rf"^\s*(?:{'|'.join(cues['price_cues'])})", re.IGNORECASE)
        self.worker_jobs = words_regex(cues["worker_lead_cues"])
        self.earners = words_regex(cues["earner_words"])
        self.time_cues = TimeCues(
            now=words_regex(cues["now_cues"]),
            comparison=re.compile(rf"(?:{'|'.join(cues['comparison_cues'])})\s*$",
                                  re.IGNORECASE),
            to_present=re.compile(rf"\s*(?:{'|'.join(cues['to_present_cues'])})\b",
                                  re.IGNORECASE),
            range_start=re.compile(r"\b(?:from|since)\s+(?:the\s+)?$", re.IGNORECASE))

    def __call__(self, doc: Doc) -> Doc:
        self._require_setup()
        text = doc_text(doc)
        found = [m for m in mentions(doc) if m.norm]
        figures = [m for m in found if m.label in FIGURE_LABELS]
        dates = [m for m in found if m.label == "DATE"]
        places = [m for m in found if m.label == "GPE"]
        coops = [m for m in found if m.label == "COOP" and m.norm.get("name")]
        sentences = sentence_spans(text)
        paragraphs = paragraph_spans(text)
        headline = paragraphs[0] if paragraphs else (0, 0)
        period = reporting_period(lead_span(text, paragraphs), dates)
        home = home_place(text, places, self.national)
        claims: list[dict[str, Any]] = []
        previous: tuple[Mention, dict] | None = None
        for figure in figures:
            if previous and figure.label == "MONEY" and previous[0].label == "MONEY" \
                    and re.fullmatch(r"\s*\(\s*", text[previous[0].end:figure.start]):
                previous[1]["alt"].append({"value": figure.norm.get("value"),
                                           "unit": figure.norm.get("currency")})
                continue
            sentence = containing(sentences, figure.start)
            paragraph = containing(paragraphs, figure.start)
            if not self._about_cooperatives(text, sentence, paragraph, sentences) \
                    or self._legal_threshold(text, figure, sentence):
                continue
            context = {"text": text, "sentence": sentence, "paragraph": paragraph,
                       "sentences": sentences, "dates": dates, "figures": figures,
                       "places": places, "home": home, "headline": headline, "period": period,
                       "previous": previous, "coops": coops}
            claim = self._claim(doc, figure, context)
            claims.append(claim)
            previous = (figure, claim)
        doc._.claims = claims
        return doc

    def _about_cooperatives(self, text: str, sentence: Span, paragraph: Span,
                            sentences: list[Span]) -> bool:
        """Only figures about the cooperative economy are claims (ANNOTATION.md §3): the
        sentence names cooperatives, or continues a sentence of its paragraph that does
        ("The co-operative has 40 members. It earned VND2 billion last year.")."""
        if self.not_domain.search(text, *sentence):
            return False
        if self.domain.search(text, *sentence):
            return True
        earlier = [s for s in sentences if paragraph[0] <= s[0] < sentence[0]]
        return bool(earlier) and bool(self.domain.search(text, *earlier[-1]))

    def _legal_threshold(self, text: str, figure: Mention, sentence: Span) -> bool:
        """"At least seven members, as required by law" is a legal threshold, no claim."""
        return bool(self.legal.search(text, *sentence)) and bool(
            self.threshold.search(text[max(sentence[0], figure.start - 12):figure.end]))

    def _claim(self, doc: Doc, figure: Mention, context: dict[str, Any]) -> dict[str, Any]:
        text = context["text"]
        norm = figure.norm
        sentence = context["sentence"]
        clause = clause_span(text, sentence, figure.start, figure.end)
        lead_in = text[sentence[0]:figure.start]
        metric, unit = self._metric_and_unit(text, figure, lead_in, context["previous"])
        time = claim_time(text, figure, sentence, context["paragraph"], context["sentences"],
                          context["dates"], context["figures"], doc._.published,
                          self.time_cues, context["headline"], context["period"])
        return {
            "metric": metric,
            "aggregate": self._aggregate(text, figure, clause, sentence),
            "per": self._per(text, figure, sentence),
            "value": norm.get("value"), "low": norm.get("low"), "high": norm.get("high"),
            "unit": unit,
            "approx": self.numbers.approx_kind(figure.text),
            "alt": [],
            "subject": claim_subject(text, figure, metric, clause,
                                     self._metric_cue(metric, lead_in), lead_in,
                                     self._named_cooperative(text, figure, sentence, context)),
            "location": claim_location(text, sentence, context["places"], context["home"],
                                       self.national),
            "time": time,
            "status": self._status(text, figure, clause, sentence),
            "evidence": {"start": sentence[0], "end": sentence[1]},
        }

    def _metric_and_unit(self, text: str, figure: Mention, lead_in: str,
                         previous: tuple[Mention, dict[str, Any]] | None) -> tuple[str, str]:
        """Metric from the cue words before the figure (ANNOTATION.md §3 `metric`)."""
        norm = figure.norm
        trail = text[figure.end:figure.end + 40]
        changed = self._is_change(lead_in) or bool(self.change_after.search(
            re.sub(r"^\s*\w+", "", trail) if figure.label == "COUNT" else trail))
        if previous is not None and previous[1]["metric"] == "change" \
                and previous[0].label == figure.label \
                and re.fullmatch(r"[\s,]*(?:and\s+)?", text[previous[0].end:figure.start]):
            # A list after a change cue: "increasing 27.57 percent, 60 percent and 42 percent".
            changed = True
        if figure.label == "MONEY":
            unit = norm.get("currency") or "VND"
            if changed:
                return "change", unit
            if self.price.search(re.sub(r"^\s*(?:\([^)]*\)|đồng|dong)", "", trail)):
                return "other", unit
            best, best_at, best_end = "other", -1, 0
            for metric, regex in self.money_metrics.items():
                for match in regex.finditer(lead_in):
                    if match.start() > best_at:
                        best, best_at, best_end = metric, match.start(), match.end()
            if best == "income" and not self.earners.search(
                    lead_in[max(0, best_at - 40):best_at]):
                # A cooperative's own income is its revenue (ANNOTATION.md §3 rules).
                who = lead_in[max(0, best_at - 40):best_at]
                if self.domain.search(who):
                    best = "revenue"
            return best, unit
        if figure.label == "PERCENT":
            return ("change" if changed else "share"), "%"
        if figure.label == "QUANTITY":
            return "other", norm.get("unit") or "count"
        if changed:
            return "change", "count"
        if self.worker_jobs.search(lead_in[-20:]):
            return "worker_count", "count"
        return self.count_metrics.get(norm.get("unit") or "", "other"), "count"

    def _metric_cue(self, metric: str, lead_in: str) -> re.Match[str] | None:
        """The last cue word of `metric` before the figure ("revenue", "income")."""
        regex = self.money_metrics.get(metric)
        found = list(regex.finditer(lead_in)) if regex else []
        return found[-1] if found else None

    def _named_cooperative(self, text: str, figure: Mention, sentence: Span,
                           context: dict[str, Any]) -> str | None:
        """The one cooperative a figure is about: the only COOP named in its sentence, or,
        when the sentence refers back ("The co-operative has 86 members", "It earned"),
        the last COOP named earlier in the paragraph."""
        coops = context["coops"]
        named = {c.norm["name"] for c in coops if sentence[0] <= c.start < sentence[1]}
        if len(named) == 1:
            return named.pop()
        if named:
            return None
        if not self.back_reference.match(text, sentence[0]):
            return None
        paragraph = context["paragraph"]
        earlier = [c for c in coops if paragraph[0] <= c.start < sentence[0]]
        return earlier[-1].norm["name"] if earlier else None

    def _is_change(self, lead_in: str) -> bool:
        """A change cue just before the figure ("up 5.8%", "a rise of VND17 million"), not
        a new level ("increase to VND2.9 billion")."""
        match = self.change_before.search(lead_in[-CHANGE_REACH:])
        if match is None:
            return False
        # "set up 110 cooperatives" is no rise.
        word_before = re.findall(r"[\w-]+", lead_in[-CHANGE_REACH:][:match.start()])[-1:]
        return not (word_before and word_before[0].lower() in self.phrasal_verbs)

    def _aggregate(self, text: str, figure: Mention, clause: Span, sentence: Span) -> str:
        """`average` when an average cue stands in the figure's clause before it, or a "per
        cooperative" right after it (beyond a parenthetical conversion)."""
        before = text[clause[0]:figure.start]
        after = re.sub(r"^\s*\([^)]*\)", "", text[figure.end:clause[1]])[:PER_REACH_AFTER + 10]
        for match in self.average.finditer(before + " " + after):
            if not self.not_average.search(match.group(0) + (before + " " + after)[
                    match.end():match.end() + 2]) and not _quoted(before + " " + after, match):
                return "average"
        return "total"

    def _per(self, text: str, figure: Mention, sentence: Span) -> str | None:
        after = re.sub(r"^\s*\([^)]*\)", "", text[figure.end:sentence[1]])[:PER_REACH_AFTER]
        before = text[max(sentence[0], figure.start - PER_REACH_BEFORE):figure.start]
        return next((per for per, regex in self.per.items()
                     if regex.search(after) or regex.search(before)), None)

    def _status(self, text: str, figure: Mention, clause: Span, sentence: Span) -> str:
        """target/estimate from cues before the figure in its sentence or in its clause;
        the old value of a change ("from VND1.2 billion") is actual."""
        scope = text[sentence[0]:clause[1]]
        if self.estimate.search(scope):
            return "estimate"
        if self.target.search(scope) and not self.old_value.search(
                text[max(clause[0], figure.start - 8):figure.start]):
            return "target"
        return "actual"


def _quoted(text: str, match: re.Match[str]) -> bool:
    """A cue word in quotes is a rating ('27 percent "average"'), not an average."""
    before = text[max(0, match.start() - 1):match.start()]
    return before in {'"', "“", "'", "‘"}
