"""`coopie_claims`: link the entities of a document into claims (ANNOTATION.md §3).

Each MONEY, COUNT, PERCENT and QUANTITY in a sentence about the cooperative economy gives a
claim; a parenthetical conversion becomes the previous claim's `alt`. Metric, aggregate,
per, status and time come from cue words (patterns/shared/cues.yml) around the figure;
location and time fall back to what governs the paragraph or the article.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline import resources
from pipeline.components.base import PatternDataComponent
from pipeline.normalize.dates import parse_published
from pipeline.normalize.numbers import NumberVocab

FIGURE_LABELS = {"MONEY", "COUNT", "PERCENT", "QUANTITY"}
ORG_UNITS = {"cooperative", "cooperative group", "cooperative union", "people's credit fund",
             "enterprise", "cooperative branch", "cooperative association", "union", "group"}
WORKER_UNITS = {"worker", "laborer", "employee", "job"}
LEVEL_RANK = {"commune": 3, "district": 2, "province": 1, "country": 0}
SENTENCE_END = re.compile(r"(?<!\d)[.!?](?=\s|$)|[;\n]|(?<=\d)\.(?=\s+[A-Z])")


@Language.factory("coopie_claims", assigns=["doc._.claims"], requires=["doc.ents"],
                  default_config={})
def make_claim_linker(nlp: Language, name: str) -> "ClaimLinker":
    """Create the claim linker; its cue words are read in `initialize`."""
    return ClaimLinker(nlp, name)


def _words_regex(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


class ClaimLinker(PatternDataComponent):
    """Turn figures into claims with metric, subject, location, time and status."""

    def load_data(self, patterns_dir: str | None) -> dict[str, Any]:
        shared = resources.load_shared(patterns_dir)
        return {"cues": shared["cues"], "numbers": shared["numbers"]}

    def setup(self) -> None:
        cues = self.data["cues"]
        self.numbers = NumberVocab.from_data(self.data["numbers"])
        self.domain = _words_regex(cues["domain"])
        self.not_domain = _words_regex(cues["not_domain"])
        self.money_metrics = {metric: _words_regex(words)
                              for metric, words in cues["money_metrics"].items()}
        self.change = _words_regex(cues["change_cues"])
        self.average = _words_regex(cues["average_cues"])
        self.per = {per: _words_regex(words) for per, words in cues["per_cues"].items()}
        self.target = _words_regex(cues["target_cues"])
        self.estimate = _words_regex(cues["estimate_cues"])
        self.now = _words_regex(cues["now_cues"])

    def __call__(self, doc: Doc) -> Doc:
        self._require_setup()
        text = doc.text
        home = self._home_place(doc)
        claims: list[dict[str, Any]] = []
        previous: tuple[Span, dict] | None = None
        for ent in doc.ents:
            if ent.label_ not in FIGURE_LABELS or not ent._.norm:
                continue
            if previous and ent.label_ == "MONEY" and previous[0].label_ == "MONEY" \
                    and re.fullmatch(r"\s*\(\s*", text[previous[0].end_char:ent.start_char]):
                previous[1]["alt"].append({"value": ent._.norm.get("value"),
                                           "unit": ent._.norm.get("currency")})
                continue
            start, end = self._sentence(text, ent.start_char, ent.end_char)
            sentence = text[start:end]
            if not self.domain.search(sentence) or self.not_domain.search(sentence):
                continue
            claim = self._claim(doc, ent, start, end, home)
            if claim is not None:
                claims.append(claim)
                previous = (ent, claim)
        doc._.claims = claims
        return doc

    def _sentence(self, text: str, start: int, end: int) -> tuple[int, int]:
        """The sentence or clause around a figure (ANNOTATION.md §3 evidence)."""
        begin = 0
        for match in SENTENCE_END.finditer(text, 0, start):
            begin = match.end()
        stop = SENTENCE_END.search(text, end)
        finish = stop.start() if stop else len(text)
        while begin < finish and text[begin].isspace():
            begin += 1
        return begin, finish

    def _home_place(self, doc: Doc) -> dict[str, Any] | None:
        """The province the article is about: the most named one, else Vietnam."""
        provinces = Counter(e._.norm["province"] for e in doc.ents
                            if e.label_ == "GPE" and e._.norm and e._.norm.get("province"))
        if provinces:
            name = provinces.most_common(1)[0][0]
            merged = next((e._.norm.get("province_2025") for e in doc.ents if e.label_ == "GPE"
                           and e._.norm and e._.norm.get("province") == name), None)
            return {"name": name, "province": name, "province_2025": merged}
        return {"name": "Vietnam", "province": None, "province_2025": None}

    def _claim(self, doc: Doc, ent: Span, start: int, end: int,
               home: dict[str, Any] | None) -> dict[str, Any] | None:
        text = doc.text
        norm = ent._.norm
        before = text[start:ent.start_char]
        after = text[ent.end_char:end]
        metric, unit = self._metric_and_unit(ent, before)
        window = text[max(start, ent.start_char - 60):min(end, ent.end_char + 25)]
        per = next((p for p, regex in self.per.items()
                    if regex.search(text[ent.end_char:min(end, ent.end_char + 25)])
                    or regex.search(before[-60:])), None)
        claim = {
            "metric": metric,
            "aggregate": "average" if self.average.search(window) else "total",
            "per": per,
            "value": norm.get("value"), "low": norm.get("low"), "high": norm.get("high"),
            "unit": unit,
            "approx": self.numbers.approx_kind(ent.text),
            "alt": [],
            "subject": self._subject(ent, metric, after),
            "location": self._location(doc, start, end, home),
            "time": self._time(doc, ent, start, end),
            "status": self._status(text[start:end]),
            "evidence": {"start": start, "end": end},
        }
        return claim

    def _metric_and_unit(self, ent: Span, before: str) -> tuple[str, str]:
        norm = ent._.norm
        if ent.label_ == "MONEY":
            best, best_at = "other", -1
            for metric, regex in self.money_metrics.items():
                for match in regex.finditer(before):
                    if match.start() > best_at:
                        best, best_at = metric, match.start()
            return best, norm.get("currency") or "VND"
        if ent.label_ == "PERCENT":
            recent = before[-30:]
            return ("change" if self.change.search(recent) else "share"), "%"
        if ent.label_ == "QUANTITY":
            return "other", norm.get("unit") or "count"
        unit = norm.get("unit") or ""
        if unit in ORG_UNITS:
            return "org_count", "count"
        if unit == "member":
            return "member_count", "count"
        if unit in WORKER_UNITS:
            return "worker_count", "count"
        if unit == "product":
            return "product_count", "count"
        return "other", "count"

    def _subject(self, ent: Span, metric: str, after: str) -> str:
        """The counted noun phrase after a count ('agricultural cooperatives applying high
        technology'), else the metric's usual subject."""
        if ent.label_ == "COUNT":
            words = re.findall(r"[\w'’-]+", after)[:6]
            phrase = []
            for word in words:
                if word.lower() in {"in", "with", "and", "of", "by", "at", "to", "from", "were",
                                    "was", "are", "is", "have", "has", "had", "that", "which"}:
                    break
                phrase.append(word)
            if phrase:
                return " ".join(phrase)
        return {"revenue": "revenue of cooperatives", "profit": "profit of cooperatives",
                "income": "income of members and workers", "capital": "capital of cooperatives",
                "share": "share of cooperatives", "change": "change"}.get(metric, "cooperatives")

    def _location(self, doc: Doc, start: int, end: int,
                  home: dict[str, Any] | None) -> dict[str, Any] | None:
        places = [e._.norm for e in doc.ents if e.label_ == "GPE" and e._.norm
                  and start <= e.start_char < end]
        if places:
            place = max(places, key=lambda p: LEVEL_RANK.get(p.get("level"), 0))
            return {"name": place["name"], "province": place.get("province"),
                    "province_2025": place.get("province_2025")}
        return dict(home) if home else None

    def _time(self, doc: Doc, ent: Span, start: int, end: int) -> dict[str, str] | None:
        dates = [e for e in doc.ents if e.label_ == "DATE" and start <= e.start_char < end]
        if dates:
            before = [d for d in dates if d.start_char < ent.start_char]
            chosen = before[-1] if before else dates[0]
            return chosen._.norm
        if self.now.search(doc.text[start:end]):
            anchor = parse_published(doc._.published)
            if anchor and not anchor[1]:
                day = anchor[0].isoformat()
                return {"start": day, "end": day}
        # The date that opens the paragraph governs it ('By the end of 2020, …').
        paragraph = doc.text.rfind("\n", 0, start) + 1
        governing = [e for e in doc.ents if e.label_ == "DATE" and paragraph <= e.start_char
                     < start and e._.norm]
        return governing[0]._.norm if governing else None

    def _status(self, sentence: str) -> str:
        if self.estimate.search(sentence):
            return "estimate"
        if self.target.search(sentence):
            return "target"
        return "actual"
