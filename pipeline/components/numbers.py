"""`coopie_numbers`: MONEY, PERCENT, QUANTITY and COUNT candidates (ANNOTATION.md §2).

Figures are found with one regular expression built from patterns/shared/ (numbers,
currencies, units, counted nouns): amounts such as `VND2.9 billion` or `VNĐ6-9 million`
cross spaCy's token boundaries unpredictably, and one compiled regex over the text is far
cheaper than dozens of token patterns. Candidates go to `doc.spans["coopie_candidates"]`.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import resources
from pipeline.components.base import PatternDataComponent
from pipeline.extensions import add_candidate, doc_text
from pipeline.normalize.money import CurrencyVocab, normalize_money
from pipeline.normalize.numbers import NumberVocab, _alternation, value_fields

# Words before a number that make it an identifier, not a COUNT (ANNOTATION.md §2 Rules):
# 'Plan No. 35', 'Decree 45', 'Report No. 768/BC-BTC'.
# "Of the 234 co-operatives", "Among these": a sentence opening on the set it divides.
PART_OF_OPENING = re.compile(r"\W*(?:Of|Among)\s+(?:the|these|those|its|their)\s+(?:[\d.,]+)?",
                             re.IGNORECASE)
_WORD = re.compile(r"[\w’'-]+|[^\w\s]")
# Compiled once: they run for every figure.
AND_JOIN = re.compile(r"\s+and\s+")
BETWEEN_BEFORE = re.compile(r"\bbetween\s*$", re.IGNORECASE)
FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
YEAR_FIRST = re.compile(r"\s*(?:19|20)\d{2}\s")
YEAR = re.compile(r"(?:19|20)\d{2}")
SLASH_PAIR = re.compile(r"(?<![\w./-])(\d{1,3}(?:\.\d{3})+|\d+)/(\d{1,3}(?:\.\d{3})+|\d+)(?![\w/])")
WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
WORD_AFTER = re.compile(r"\s*([^\W\d_]+)")


@Language.factory(
    "coopie_numbers",
    assigns=["doc.spans", "doc._.candidate_norms"],
    default_config={},
)
def make_number_finder(nlp: Language, name: str) -> "NumberFinder":
    """Create the figure finder; its vocabularies are read in `initialize`."""
    return NumberFinder(nlp, name)


class NumberFinder(PatternDataComponent):
    """Find monetary amounts, percentages, physical quantities and counts."""

    def load_data(self, patterns_dir: str | None) -> dict[str, Any]:
        shared = resources.load_shared(patterns_dir, self.nlp.lang)
        return {key: shared[key] for key in ("numbers", "currencies", "units", "counted",
                                             "cues") if key in shared}

    def setup(self) -> None:
        self.numbers = NumberVocab.from_data(self.data["numbers"])
        self.currencies = CurrencyVocab.from_data(self.data["currencies"])
        counted = self.data["counted"]
        self.counted_nouns = {s.lower(): unit for unit, surfaces in counted["nouns"].items()
                              for s in surfaces}
        self.group_words = {s.lower(): unit for unit, surfaces in counted["group_words"].items()
                            for s in surfaces}
        self.not_counted = {w.lower() for w in counted.get("not_counted", [])}
        self.identifier_words = {w.lower() for w in counted.get("identifier_words", [])}
        self.identifier_before = re.compile(
            rf"(?<![\w])(?:{_alternation(list(self.identifier_words))})\.?:?\s*$",
            re.IGNORECASE)
        self.stop_words = set(counted["stop_words"])
        self.modifier_joiners = set(counted["modifier_joiners"])
        self.anaphoric_nouns = {w.lower() for w in counted["anaphoric_nouns"]}
        # Counted nouns of several words, longest first ("people's credit fund").
        self.multiword_nouns = sorted((s for s in self.counted_nouns if " " in s), key=len,
                                      reverse=True)
        self.kind_words = {w.lower() for w in counted["kind_words"]}
        self.per_unit = re.compile(r"\s+[\w-]+\s+(?:has|have|had)\b", re.IGNORECASE)
        heads = _alternation(counted["name_heads"])
        self.inside_name = re.compile(rf"\s+(?:[A-Z][\w'’-]*\s+){{0,6}}(?:{heads})\b")
        # Where years are written with their word ('năm 2022'), '2036 hợp tác xã' counts.
        self.counted_years = bool(counted.get("year_like_counts"))
        self.slash_pairs = bool(counted.get("slash_pairs"))
        self.per_one_before = re.compile(
            rf"(?<![\w])(?:{_alternation(counted.get('per_one_before') or [])})\s+$",
            re.IGNORECASE)
        self.bare_number_followers = {w.lower() for w in counted["bare_number_followers"]}
        self.place_units = set(counted.get("place_units", []))
        self.max_gap = int(counted["max_gap"])
        self.units = {s.lower(): unit for unit, surfaces in self.data["units"]["units"].items()
                      for s in surfaces}
        n, s, j = self.numbers.number, self.numbers.scale, self.numbers.joiner
        g = self.numbers.glued
        approx = rf"(?:(?<![\w])(?:{self.numbers.approx})\s+)?"
        pre, suf = self.currencies.prefix, self.currencies.suffix
        side = rf"(?:(?:{pre})\s?)?{n}(?:\s*{s}\b)?"
        percent = r"(?:%|\s?per\s?cent\b|\s?percentage points?\b)"
        unit = rf"(?:{_alternation(list(self.units))})(?![\w])"
        self.unit_at_end = re.compile(rf"({_alternation(list(self.units))})$", re.IGNORECASE)
        self.pattern = re.compile(
            rf"(?<![\w.,/:\-–$€]){approx}(?:"
            rf"(?P<money_pre>(?:{pre})\s?{n}(?:\s*{s}\b|{g})?(?:{j}{side})?(?:\s*(?:{suf})(?![\w]))?)"
            rf"|(?P<money_suf>{n}(?:\s*{s}\b|{g})?(?:{j}{n}(?:\s*{s}\b)?)?\s*(?:{suf})(?![\w]))"
            rf"|(?P<percent>{n}(?:{j}{n})?{percent})"
            rf"|(?P<quantity>{n}(?:{j}{n})?\s*(?:{s}\s*)?{unit})"
            rf"|(?P<scaled>{n}(?:{j}{n})?\s*{s}\b)"
            rf"|(?P<count>{n}(?:{j}{n})?(?![/]))"
            rf")(?![\w])",
            re.IGNORECASE,
        )
        self.word_number = re.compile(rf"^{self.numbers.word_number}$", re.IGNORECASE)
        # Where a number starts, and how far before it a figure may start.
        self.anchor = re.compile(rf"\d|(?<![\w]){self.numbers.word_number}(?![\w])",
                                 re.IGNORECASE)
        prefixes = [p for c in self.data["currencies"]["currencies"].values()
                    for p in c.get("prefix", [])]
        approximators = [w for ws in self.numbers.approximators.values() for w in ws]
        self.reach = max(map(len, approximators)) + max(map(len, prefixes)) + 4
        self.currency_scale = re.compile(
            rf"(?:{_alternation(self.data['numbers'].get('currency_scales') or [])})$",
            re.IGNORECASE)
        self.money_cues = [c for c in self.currencies.money_cues]
        self.money_cue = re.compile(
            rf"\b(?:{'|'.join(re.escape(c) for c in self.money_cues)})\b")

    def _figure_matches(self, text: str) -> Iterator[re.Match[str]]:
        """The matches `self.pattern.finditer(text)` would give, found faster.

        Every figure holds a number (digits or a number word) at most `self.reach`
        characters after its start (the approximator and currency before it), so the big
        pattern is only searched from just before each number rather than tried at every
        position of the text, most of which has no figure near it.
        """
        position = 0
        for anchor in self.anchor.finditer(text):
            if anchor.start() < position:
                continue
            match = self.pattern.search(text, max(position, anchor.start() - self.reach))
            if match is None:
                return
            yield match
            position = match.end()

    def __call__(self, doc: Doc) -> Doc:
        self._require_setup()
        text = doc_text(doc)
        last_money_end = -1
        for match in self._figure_matches(text):
            last_money_end = self._add_match(doc, text, match, last_money_end)
        if self.slash_pairs:
            self._add_slash_pairs(doc, text)
        return doc

    def _add_slash_pairs(self, doc: Doc, text: str) -> None:
        """'38/45 HTX', '7/9 huyện': two counts of the noun after them (ANNOTATION.md §5)."""
        for match in SLASH_PAIR.finditer(text):
            unit = self._counted_unit(text, match.end())
            if unit is None:
                continue
            for group in (1, 2):
                fields = value_fields(self.numbers.amounts(match.group(group)))
                fields["unit"] = unit
                add_candidate(doc, match.start(group), match.end(group), "COUNT", fields,
                              self.name)

    def _add_match(self, doc: Doc, text: str, match: re.Match[str],
                   last_money_end: int) -> int:
        """Add the figure one pattern match holds; return where the last MONEY ends."""
        kind = match.lastgroup
        start, end = match.start(), match.end()
        surface = match.group()
        paired = AND_JOIN.search(surface)
        if kind in ("percent", "quantity", "scaled") and paired and not BETWEEN_BEFORE.search(
                text[max(0, start - 12):start]):
            # "23 tonnes in 2016 and 130 tonnes": only "between 4 and 6 tonnes" is a range;
            # "up 35 and 14 percent, respectively" is two percents.
            first = surface[:paired.start()]
            if kind == "percent" and re.fullmatch(self.numbers.number, first):
                add_candidate(doc, start, start + paired.start(), "PERCENT",
                              value_fields(self.numbers.amounts(first)), self.name)
            else:
                self._add_count(doc, text, start, start + paired.start(), first, first)
            second = self.pattern.match(text, start + paired.end())
            if second is not None and second.end() <= end:
                return self._add_match(doc, text, second, last_money_end)
            return last_money_end
        if kind in ("money_pre", "money_suf"):
            for part_start, part_end in self._money_parts(text, start, end):
                norm = normalize_money(text[part_start:part_end], self.numbers,
                                       self.currencies)
                if add_candidate(doc, part_start, part_end, "MONEY", norm, self.name):
                    last_money_end = part_end
        elif kind == "percent":
            fields = value_fields(self.numbers.amounts(surface))
            add_candidate(doc, start, end, "PERCENT", fields, self.name)
        elif kind == "quantity":
            self._add_quantity(doc, start, end, surface)
        elif kind == "scaled" and self._is_money(text, start, end, last_money_end):
            norm = normalize_money(surface, self.numbers, self.currencies)
            if add_candidate(doc, start, end, "MONEY", norm, self.name):
                last_money_end = end
        else:
            self._add_count(doc, text, start, end, surface, match.group(kind))
        return last_money_end

    def _money_parts(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """'VND 95 million and VND 230 million' is two amounts, each with its currency;
        only after 'between' is it a range (ANNOTATION.md §2)."""
        joined = AND_JOIN.search(text[start:end])
        if joined is None or BETWEEN_BEFORE.search(text[max(0, start - 12):start]):
            return [(start, end)]
        first, second = (start, start + joined.start()), (start + joined.end(), end)
        if all(self.currencies.currency_of(text[a:b]) for a, b in (first, second)):
            return [first, second]
        return [(start, end)]

    def _add_quantity(self, doc: Doc, start: int, end: int, surface: str) -> None:
        unit_match = self.unit_at_end.search(surface)
        unit = self.units[unit_match.group(1).lower()] if unit_match else None
        fields = value_fields(self.numbers.amounts(surface[: unit_match.start()]
                                                   if unit_match else surface))
        fields["unit"] = unit
        add_candidate(doc, start, end, "QUANTITY", fields, self.name)

    def _is_money(self, text: str, start: int, end: int, last_money_end: int) -> bool:
        """A bare scaled figure ('a profit of 6.75 billion') is money when no counted noun
        follows and a money cue or a MONEY entity comes shortly before it."""
        if self._counted_unit(text, end) is not None:
            return False
        if self.currency_scale.search(text, start, end):
            return True  # Vietnamese scale words are only used for đồng
        sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start))
        if last_money_end > sentence_start:
            return True
        before = text[max(sentence_start + 1, start - 60):start].lower()
        return bool(self.money_cue.search(before))

    def _add_count(self, doc: Doc, text: str, start: int, end: int, surface: str,
                   number: str) -> None:
        joined = re.search(self.numbers.joiner, number)
        after_between = BETWEEN_BEFORE.search(text[max(0, start - 12):start])
        after_from = FROM_BEFORE.search(text[max(0, start - 12):start])
        paired = " and " in number
        year_first = YEAR_FIRST.match(number)
        if joined and (after_from and not paired or paired and not after_between
                       or year_first):
            # ... and "in 2018 to 41" is a year, then a figure.
            # 'rose from 170 to 200 members', 'taking the totals to 640 and 3,250' are two
            # figures; only 'between 4 and 6' is a range.
            self._add_count(doc, text, start, start + joined.start(), number[:joined.start()],
                            number[:joined.start()])
            self._add_count(doc, text, start + joined.end(), end, number[joined.end():],
                            number[joined.end():])
            return
        if not self._is_count(text, start, end, number):
            return
        unit = self._counted_unit(text, end)
        if unit is None:
            spelled = self.word_number.match(number.strip())
            if spelled and surface == number and self.numbers.amounts(number)[0] < 10:
                return  # 'one of the', 'five key tasks': small spelled numbers need a noun
            if self._bare(text, end):
                unit = self._antecedent_unit(text, start)
        fields = value_fields(self.numbers.amounts(surface))
        fields["unit"] = unit
        add_candidate(doc, start, end, "COUNT", fields, self.name)

    def _is_count(self, text: str, start: int, end: int, number: str) -> bool:
        """Rule out years, times, identifiers, phone numbers, multipliers and ratings."""
        digits = number.strip()
        after = text[end:end + 12]
        before = text[max(0, start - 14):start]
        if YEAR.fullmatch(digits) and not (self.counted_years
                                           and self._counted_unit(text, end) is not None):
            return False  # a year; the date finder decides whether it is a DATE
        if re.match(r"\s*[:/]", after) or before.endswith(":") or re.search(r":\s*$", before) \
                and re.search(r"\d:\s*$", before):
            return False  # times of day and 'Report 768/BC-BTC'
        if self.word_number.match(digits) and re.match(r"[ -]?[A-Z]", after) \
                and digits[:1].isupper():
            return False  # 'One Commune One Product': a spelled number inside a name
        if re.fullmatch(r"(?i)one", digits) and (
                re.match(r"(?i)\s+\w+\s*[,–—-]?\s*one\s+\w", after + text[end + 12:end + 30])
                or re.search(r"(?i)\bone\s+\w+\s*[,–—-]?\s*$", text[max(0, start - 30):start])):
            return False  # 'one commune, one product': a slogan, no count
        previous_word = WORD_BEFORE.search(before)
        if previous_word and previous_word.group(1)[0].isupper() \
                and self.inside_name.match(text, end, end + 120):
            return False  # 'the May 19 Agricultural ... Cooperative': part of a name
        if re.fullmatch(r"(?i)one|1", digits) and (
                self.per_unit.match(text, end, end + 40)
                or self.per_one_before.search(text, max(0, start - 20), start)):
            return False  # 'one province has 220 cooperatives': per unit, no count (§5)
        hyphen_word = re.match(r"-([A-Za-z]+)", after)
        if hyphen_word and hyphen_word.group(1).lower() not in self.counted_nouns:
            return False  # 'three-star', '13-NQ'; but '9-member' counts
        # 'Plan No. 35', 'Decree 45', 'Hotline: 0913…' (but not 'of this number, 593').
        if self.identifier_before.search(text[max(0, start - 30):start]):
            return False
        if re.fullmatch(r"0\d{2,}[.\s]?\d{3}[.\s]?\d{3,4}", digits):
            return False  # a phone number
        next_word = WORD_AFTER.match(after)
        if next_word and next_word.group(1).lower() in self.not_counted:
            return False
        return True

    def _counted_unit(self, text: str, end: int) -> str | None:
        """The counted noun after a number: '593 regular employees' -> 'employee'."""
        words = _WORD.findall(text[end:end + 80])
        hyphenated = bool(words) and words[0].startswith("-") and len(words[0]) > 1
        if hyphenated:
            words[0] = words[0][1:]  # '9-member'
        if len(words) > 3 and [w.lower() for w in words[:2]] == ["of", "the"] \
                and not re.match(r"(?i)one$", text[max(0, end - 3):end]):
            words = words[3:] if words[2][:1].isdigit() else words[2:]  # 'Forty-five of the 136 …'
        if [w.lower() for w in words[:2]] in (["or", "more"], ["or", "above"], ["or", "over"]):
            words = words[2:]  # "300 or more pigs"
        if len(words) > 2 and words[0].lower() in self.kind_words and words[1].lower() == "of":
            words = words[2:]  # "12 types of cinnamon products"
        for index, word in enumerate(words[: self.max_gap + 1]):
            lowered = word.lower()
            if lowered in self.stop_words:
                if lowered in self.modifier_joiners and index and (
                        "-" in words[index - 1] or self._noun_ahead(words[index + 1:index + 4])):
                    # '3-star and 4-star OCOP products', '27 production and service
                    # cooperatives'
                    continue
                return None
            if lowered in self.anaphoric_nouns:
                return None  # '28 non-agricultural ones': the noun named before
            phrase = " ".join(w.lower() for w in words[index:index + 4])
            for surface in self.multiword_nouns:
                if phrase.startswith(surface):
                    return self.counted_nouns[surface]
            if lowered in self.counted_nouns:
                while not (hyphenated and index == 0) and index + 1 < len(words) \
                        and words[index + 1].lower() in self.counted_nouns:
                    index += 1  # a compound counts its last noun: '216 household members'
                    lowered = words[index].lower()
                unit = self.counted_nouns[lowered]
                following = words[index + 1].lower() if index + 1 < len(words) else ""
                if following in self.group_words:
                    return f"{unit} {self.group_words[following]}"
                return unit
            if lowered in self.group_words:
                previous = words[index - 1].lower() if index else ""
                return f"{previous} {self.group_words[lowered]}".strip()
        return None

    def _ones_ahead(self, words: list[str]) -> bool:
        """'28 non-agricultural ones': modifiers, then a word that stands for a noun."""
        for word in words[: self.max_gap + 1]:
            lowered = word.lower()
            if lowered in self.anaphoric_nouns:
                return True
            if lowered in self.stop_words or lowered in self.counted_nouns:
                return False
        return False

    def _noun_ahead(self, words: list[str]) -> bool:
        """A counted noun among the next words, before any stop word or number."""
        for word in words:
            lowered = word.lower()
            if lowered in self.counted_nouns or lowered in self.group_words:
                return True
            if lowered in self.stop_words or word[:1].isdigit():
                return False
        return False

    def _bare(self, text: str, end: int) -> bool:
        """No noun of its own follows the number: punctuation, a stop word or a verb
        ("640 and 3,250", "1,314 are effective"), not "20,000 duck eggs"."""
        words = _WORD.findall(text[end:end + 40])
        return not words or not words[0][:1].isalpha() or words[0].lower() in \
            self.stop_words | self.bare_number_followers | self.anaphoric_nouns \
            or self._ones_ahead(words)

    def _antecedent_unit(self, text: str, start: int) -> str | None:
        """For '199 of them', 'in agriculture (120)': the nearest counted noun before, in the
        same paragraph."""
        paragraph_start = text.rfind("\n", 0, start) + 1
        # "Of the 234 co-operatives that have seven members each, 78 are ...": the set a
        # sentence opens with is what its bare numbers count.
        full_stop = text.rfind(". ", paragraph_start, start)
        sentence_start = full_stop + 2 if full_stop >= 0 else paragraph_start
        opening = PART_OF_OPENING.match(text, sentence_start, start)
        if opening:
            unit = self._counted_unit(text, opening.end())
            if unit is not None and unit not in self.place_units:
                return unit
        words = _WORD.findall(text[paragraph_start:start])
        for index in range(len(words) - 1, -1, -1):
            lowered = words[index].lower()
            if lowered in self.counted_nouns and self.counted_nouns[lowered] not in \
                    self.place_units:
                unit = self.counted_nouns[lowered]
                following = words[index + 1].lower() if index + 1 < len(words) else ""
                return f"{unit} {self.group_words[following]}" \
                    if following in self.group_words else unit
        return None
