"""`coopie_dates`: DATE candidates with their ISO interval (ANNOTATION.md §2 DATE).

The span covers `the` and period words but never the preposition before it; datelines keep
their time and zone. Normalisation is `pipeline.normalize.dates.normalize_date`, anchored on
`doc._.published`.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import resources
from pipeline.components.base import PatternDataComponent
from pipeline.extensions import CANDIDATES_KEY, add_candidate, doc_text
from pipeline.normalize.dateline import dateline_day
from pipeline.normalize.dates import TIME, YEAR, DateVocab, normalize_date
from pipeline.normalize.numbers import _alternation


@Language.factory(
    "coopie_dates",
    assigns=["doc.spans", "doc._.candidate_norms", "doc._.published",
             "doc._.published_source"],
    default_config={},
)
def make_date_finder(nlp: Language, name: str) -> "DateFinder":
    """Create the date finder; its vocabulary is read in `initialize`."""
    return DateFinder(nlp, name)


class DateFinder(PatternDataComponent):
    """Find dates, months, years, periods and relative dates."""

    def load_data(self, patterns_dir: str | None) -> dict[str, Any]:
        return {"dates": resources.load_shared(patterns_dir, self.nlp.lang)["dates"]}

    def setup(self) -> None:
        vocab = self.vocab = DateVocab.from_data(self.data["dates"])
        months = [m for name in vocab.months for m in (name.capitalize(), name.upper())]
        month = rf"(?-i:\b(?:{_alternation(months)})\b)\.?"
        day = r"\d{1,2}(?:st|nd|rd|th)?"
        rel = r"(?:this|last|next|the\s+previous|the\s+current)\s+year"
        period = _alternation(vocab.period_words)
        year_range = rf"{YEAR}\s*[-–—]\s*(?:\d{{4}}|\d{{2}})(?![\d/])"
        # Datelines keep weekday, time and zone (ANNOTATION.md §2): "Tuesday, December 26,
        # 2023 | 15:01:32", "9:16:12 AM | 11/19/2023", "August 05, 2023, 11:43 [GMT+7]".
        weekday = rf"(?:(?-i:{_alternation(vocab.weekdays)})\s*[,-]?\s*)?"
        clock = rf"{TIME}(?::\d{{2}})?(?:\s*[AP]\.?M\.?)?"
        zone = r"(?:\s*\[?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?:\s*\])?)?"
        clock_after = rf"(?:\s*[|,-]?\s*{clock}{zone})?"
        clock_before = rf"(?:{clock}\s*[|,-]?\s*)?"
        # "the end of", "the middle of", "early", "late", "mid-" before a period.
        point = (rf"(?:(?:the\s+)?(?:{_alternation(list(vocab.year_points))})\s+of\s+"
                 rf"|(?:{_alternation(vocab.bare_year_points)})(?:\s+|-))?")
        span_opener = "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in vocab.year_span_openers)
        forms = [
            rf"{weekday}{clock_before}\d{{4}}/\d{{1,2}}/\d{{1,2}}{clock_after}",  # 07:25, 2021/02/14
            rf"{weekday}{clock_before}\d{{1,2}}([/-])\d{{1,2}}\1\d{{4}}{clock_after}",  # 22/09/2023 14:23
            rf"\d{{4}}-\d{{2}}-\d{{2}}(?:[ T]{TIME})?",                        # 2017-07-20
            rf"{weekday}{month}\s+{day},?\s+{YEAR}{clock_after}",             # April 01, 2023 - 11:10
            rf"{weekday}{day}\s+{month},?\s+{YEAR}",                           # 1 July 2023
            rf"(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?{month}\s+{day}\b"
            rf"(?:,?\s+{rel})?(?!\s+(?-i:[A-Z][a-z]))",                        # June 3 this year
            rf"{point}{month}\s+(?:of\s+)?(?:{YEAR}|{rel})",                    # the end of June 2021
            rf"{point}(?:the\s+)?(?:{_alternation(list(vocab.year_parts))})\s+of\s+(?:the\s+)?"
            rf"(?:{year_range}\s+(?:{period})|{YEAR}|{rel}|year)",          # the first half of 2017
            rf"(?:the\s+)?(?:{_alternation(list(vocab.year_points))})\s+of\s+(?:the\s+)?"
            rf"(?:{YEAR}|{rel}|year)",                                        # the end of 2020
            rf"{point}(?:the\s+)?(?:{period})\s+(?:of\s+)?{year_range}",     # the period 2020 - 2025
            rf"{point}(?:the\s+)?{year_range}\s+(?:{period})",                # the 2021-25 period
            rf"(?:the\s+)?{YEAR}\s+{YEAR}\s+(?:{period})",                    # the 2021 2025 period
            rf"(?:{span_opener}){YEAR}\s+(?:and|to)\s+{YEAR}",               # (between) 2016 and 2020
            rf"{year_range}",                                                 # 2022-23
            rf"{point}(?:the\s+)?(?:first|second|third|fourth|last)\s+quarter\b(?:\s+of\s+{rel})?",
            r"(?:the\s+)?rest\s+of\s+the\s+year",
            r"the\s+past\s+(?:year|12\s+months)",
            r"(?:a|one|two|three|four|five|ten|\d+)\s+(?:decade|year)s?\s+ago",
            rf"{point}{month}(?=\s*[,.;]|\s+(?:and|to)\b)(?-i:(?<!May))",    # in late June, ...
            rf"\b(?:{_alternation(list(vocab.relative_years))})\b",
            r"(?<![A-Z] )\b(?-i:[Tt]oday)\b",                                 # not "DA NANG Today"
            rf"{point}{YEAR}",                                                # early 2012, mid-2022
        ]
        if vocab.forms:
            forms = self._language_forms(vocab, month, year_range, period, weekday)
        self.pattern = re.compile(
            r"(?<![\w/.:-])(?:" + "|".join(f"(?:{form})" for form in forms) + r")(?![\w/]|-\d)",
            re.IGNORECASE,
        )
        # Every date starts with a digit or one of these words: the pattern is tried only
        # where one stands (_date_matches), not at every position of the text.
        first_words = {w.split()[0].rstrip("-") for group in (
            vocab.year_points, vocab.bare_year_points, vocab.year_parts, vocab.period_words,
            vocab.relative_years, vocab.weekdays, months)
            for w in group} | {"the", "this", "last", "next", "rest", "today", "a", "one",
                               "two", "three", "four", "five", "ten", "first", "second",
                               "third", "fourth"} | set(vocab.start_words)
        self.date_start = re.compile(
            rf"(?<![\w/.:-])(?:\d|(?:{_alternation(sorted(first_words))})(?![\w]))",
            re.IGNORECASE)
        self.year_only = re.compile(rf"^{YEAR}$")
        self.name_words = set(vocab.name_words_around_year)
        self.dateline_cue = re.compile(
            rf"(?<!\w)(?:{_alternation(vocab.dateline_cues)})\W*$", re.IGNORECASE)
        self.clock_cue = re.compile(
            rf"(?<!\w)(?:{_alternation(vocab.not_dateline_cues)})\W*$", re.IGNORECASE)

    @staticmethod
    def _language_forms(vocab: DateVocab, month: str, year_range: str, period: str,
                        weekday: str) -> list[str]:
        """A language's own date forms (its dates.yml `forms`), placeholders filled in."""
        months = [m for name in vocab.months for m in (name, name.capitalize())]
        pieces = {
            "<YEAR>": YEAR, "<TIME>": TIME, "<year_range>": year_range,
            "<month>": rf"(?:{_alternation(months)})(?!\d)",
            "<part>": rf"(?:{_alternation(list(vocab.year_parts))})(?![\w])",
            "<point>": rf"(?:{_alternation(list(vocab.year_points))})",
            "<period>": rf"(?:{period})", "<weekday>": rf"(?:{_alternation(vocab.weekdays)})",
            "<relative>": rf"(?:{_alternation(list(vocab.relative_years))})(?![\w])",
        }
        filled = []
        for form in vocab.forms:
            for placeholder, piece in pieces.items():
                form = form.replace(placeholder, piece)
            filled.append(form)
        return filled

    def __call__(self, doc: Doc) -> Doc:
        self._require_setup()
        text = doc_text(doc)
        found = [(m.start(), m.end(), m.group()) for m in self._date_matches(text)]
        counts = {(s.start_char, s.end_char) for s in doc.spans.get(CANDIDATES_KEY, [])
                  if s.label_ == "COUNT"}
        found = [(start, end, surface) for start, end, surface in found
                 if not (self.year_only.match(surface) and (
                     self._year_in_name(text, start, end) or (start, end) in counts))]
        if not doc._.published:
            # No `published` given: the page's own dateline anchors relative dates.
            day = dateline_day(text, found, self.vocab, self.dateline_cue,
                               self.clock_cue)
            if day is not None:
                doc._.published, doc._.published_source = day, "dateline"
        for start, end, surface in found:
            norm = normalize_date(surface, doc._.published, self.vocab)
            add_candidate(doc, start, end, "DATE", norm, self.name)
        return doc

    def _date_matches(self, text: str) -> Iterator[re.Match[str]]:
        """The matches `self.pattern.finditer(text)` gives, found faster: every date starts
        with a digit or a date word (`self.date_start`), so the pattern is tried only there
        instead of at every position of the text."""
        position = 0
        for start in self.date_start.finditer(text):
            if start.start() < position:
                continue
            match = self.pattern.match(text, start.start())
            if match is not None:
                yield match
                position = match.end()

    def _year_in_name(self, text: str, start: int, end: int) -> bool:
        """'the 2012 Law on Cooperatives', 'CoopStar Awards 2024', 'Decision 2020/QD'."""
        before = re.findall(r"[\w']+", text[max(0, start - 30):start])
        after = re.findall(r"[\w'-]+", text[end:end + 40])
        if before and before[-1] in self.name_words:
            return True
        # 'the 2012 Law', 'the 2023 Co-operative Law': a capitalised run ending in a name word
        for word in after[:3]:
            if word in self.name_words:
                return True
            if not word[:1].isupper():
                break
        # A year inside a capitalised name run: 'Hanoi Marathon 2024 Cup'
        return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper()
                    and text[start - 1] == " " and text[end:end + 1] == " "
                    and not before[-1].lower() in {"in", "by", "since", "of", "from", "to"})
