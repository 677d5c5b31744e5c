"""Which figures are claims, and their `aggregate`, `per` and `status` (ANNOTATION.md §3),
from cue words in the figure's clause or sentence."""

from __future__ import annotations

import re

from pipeline.linking.cues import ClaimCues
from pipeline.linking.segments import Mention, Span, figures_within

# How far around a figure rate words ("a month", "/year") are looked for.
PER_REACH_AFTER = 25
PER_REACH_BEFORE = 60
AVERAGE_REACH_AFTER = 35
OLD_VALUE_REACH = 8
THRESHOLD_REACH = 12
RATE_AFTER = re.compile(r"\s*(?:each|every|per|a)\s+(?:day|week|month|year)\b", re.IGNORECASE)
# Up to two short phrases closed by commas at the start of a sentence.
OPENING_PHRASES = re.compile(r"(?:[^,]{1,25},){1,2}\s*")
# "at least three members each": a counted noun, then "each".
EACH_AFTER = re.compile(r"\s+[\w-]+(?:\s+[\w-]+)?\s+each\b", re.IGNORECASE)
PARENTHESIS = re.compile(r"^\s*\([^)]*\)")
QUOTES = {'"', "“", "'", "‘"}


# Sentences speaking of these continue a paragraph about cooperatives ("Outstanding loans
# reached VND278 billion" after "The province's three credit funds ...").
ECONOMIC_METRICS = ("revenue", "profit", "capital", "income")


def about_cooperatives(text: str, sentence: Span, paragraph: Span, sentences: list[Span],
                       cues: ClaimCues, figure_start: int | None = None) -> bool:
    """Only figures about the cooperative economy are claims: the sentence names
    cooperatives, or continues (after a semicolon, opening with "It", "This model", "The
    co-operatives", or speaking of revenue or profit) the sentence before it in its
    paragraph, which does ("The co-operative has 40 members.
    It earned VND2 billion last year."). Other topics (population, tax) rule a sentence out
    unless cooperatives are named before the figure ("cooperatives contributed 4.8 per cent
    of GDP")."""
    if figure_start is not None and cues.domain.search(text, sentence[0], figure_start):
        return True  # "cooperatives contributed 4.8 per cent of GDP" is theirs
    if cues.not_domain.search(text, *sentence):
        return False
    if cues.domain.search(text, *sentence):
        return True
    # A clause split off by ";" or ", while" continues its sentence.
    split_clause = text[max(0, sentence[0] - 3):sentence[0]].rstrip().endswith((";", ","))
    economic = any(regex.search(text, *sentence) for metric, regex in
                   cues.money_metrics.items() if metric in ECONOMIC_METRICS)
    # "In 2022, it created 1,200 jobs": the opener may follow an opening phrase.
    opening = OPENING_PHRASES.match(text, sentence[0], sentence[1])
    continues = cues.continuation.match(text, sentence[0]) or (
        opening is not None and cues.continuation.match(text, opening.end()))
    if not (split_clause or economic or continues):
        return False
    # ...of a paragraph about cooperatives: one of its earlier sentences names them.
    return any(cues.domain.search(text, *s) for s in sentences
               if paragraph[0] <= s[0] < sentence[0])


def not_a_figure_of_the_economy(text: str, figure: Mention, cues: ClaimCues) -> bool:
    """Counts of how things are done ("two crops a year"), a policy's support rates
    ("30 percent subsidy of the cost") and the whole of an "X/Y" pair ("38/45 HTX": 38 of
    the 45 are the claim, ANNOTATION.md §5) give no claim."""
    if figure.label == "PERCENT" and cues.policy_rate_after.search(text[figure.end:figure.end + 40]):
        return True
    if figure.label == "COUNT" and SLASH_PAIR_END.search(text, max(0, figure.start - 12),
                                                         figure.start):
        return True
    return figure.label == "COUNT" and (figure.norm or {}).get("unit") in cues.not_claim_units


# Just before the second number of "38/45 HTX".
SLASH_PAIR_END = re.compile(r"\d/$")


def legal_threshold(text: str, figure: Mention, sentence: Span, cues: ClaimCues) -> bool:
    """"At least seven members, as required by law" is a legal threshold, no claim; so is
    a minimum each unit must meet ("co-operative teams with at least three members each")
    and a support amount a policy gives each ("each new cooperative will be supported with
    VND50 million", ANNOTATION.md §3)."""
    threshold = bool(cues.threshold.search(
        text[max(sentence[0], figure.start - THRESHOLD_REACH):figure.end]))
    if threshold and (cues.legal.search(text, *sentence)
                      or EACH_AFTER.match(text, figure.end, sentence[1])):
        return True
    return figure.label == "MONEY" and bool(
        cues.support_each.search(text, sentence[0], figure.start))


def aggregate(text: str, figure: Mention, clause: Span, cues: ClaimCues,
              sentence: Span | None = None, metric: str | None = None,
              subject_words: Span | None = None) -> str:
    """`average` for an average cue in the figure's clause before it, or a "per
    cooperative" right after it (beyond a parenthetical conversion), or opening its
    sentence ("On average, each ..."), or in the words that open the sentence before the
    list the figure is in (`subject_words`: "The average profit of cooperatives, unions and
    groups is ..."); a quoted rating ('27 percent "average"') is none. What members or
    workers earn is an average unless called a total (ANNOTATION.md §3 `income`)."""
    if metric in cues.average_metrics and not cues.total.search(
            text[clause[0]:figure.start]):
        return "average"
    opening = cues.average_opening.match(text, sentence[0], figure.start) \
        if sentence is not None else None
    rate = RATE_AFTER.match(text, opening.end()) if opening else None
    if opening and not rate:
        return "average"  # but "On average, each day, the co-op sells" is a daily total
    if subject_words is not None and cues.average.search(
            text, (rate or opening).end() if opening else subject_words[0], subject_words[1]):
        return "average"
    before = text[clause[0]:figure.start]
    after = PARENTHESIS.sub("", text[figure.end:clause[1]])[:AVERAGE_REACH_AFTER]
    scope = before + " " + after
    for match in cues.average.finditer(scope):
        if match.start() > len(before) and match.group(0).lower() in cues.average_before_only:
            continue  # "Its 120 members each received": the count is a total
        quoted = scope[max(0, match.start() - 1):match.start()] in QUOTES
        rating = cues.not_average.search(scope[match.start():match.end() + 2])
        if not quoted and not rating:
            return "average"
    return "total"


def per(text: str, figure: Mention, sentence: Span, cues: ClaimCues,
        subject_words: Span | None = None) -> str | None:
    """The time basis of a rate ("a month", "/year", "annual") near the figure, in the
    short phrases opening its sentence ("On average, each day, the co-op sells ..."), or in
    the words that open the sentence before the figure's list ("The monthly income of
    laborers at ... was VND6 million and VND14.5 million")."""
    after = PARENTHESIS.sub("", text[figure.end:sentence[1]])[:PER_REACH_AFTER]
    before = text[max(sentence[0], figure.start - PER_REACH_BEFORE):figure.start]
    opening = OPENING_PHRASES.match(text[sentence[0]:figure.start])
    opening_text = opening.group(0) if opening else ""
    if subject_words is not None:
        opening_text += " " + text[subject_words[0]:subject_words[1]]
    return next((basis for basis, regex in cues.per.items()
                 if regex.search(after) or regex.search(before)
                 or regex.search(opening_text)), None)


def status(text: str, figure: Mention, clause: Span, sentence: Span, cues: ClaimCues,
           list_opening: Span | None = None, paragraph_estimated: bool = False) -> str:
    """target/estimate from cues before the figure in its sentence or in its clause; the
    old value of a change ("from VND1.2 billion") is actual; a plan noun after the figure
    ("reaching 18% of the plan") is no target. An estimate cue in `list_opening` (the
    clauses before a ";" that this one continues: "According to preliminary statistics, X;
    Y") covers the figure too; `paragraph_estimated`: the paragraph opens with an estimate
    phrase that governs it (see `opening_estimate`)."""
    scope = text[sentence[0]:clause[1]]
    if cues.estimate.search(scope) or list_opening and _opens_list(
            text, list_opening, cues.estimate, cues):
        return "estimate"
    if paragraph_estimated:
        return "estimate"
    if list_opening and _opens_list(text, list_opening, cues.target, cues):
        return "target"
    targeted = any(m.start() < figure.start - sentence[0]
                   or m.group(0).lower() not in cues.target_nouns
                   for m in cues.target.finditer(scope))
    if targeted and not cues.old_value.search(
            text[max(clause[0], figure.start - OLD_VALUE_REACH):figure.start]):
        return "target"
    return "actual"


def _opens_list(text: str, opening: Span, cue: re.Pattern[str], cues: ClaimCues) -> bool:
    """A cue in the opening of a list covers its items when it comes before any metric
    word ("Năm 2023, tỉnh phấn đấu: A; B; C"); after one it is that clause's own ("Doanh thu
    ước đạt A; thu nhập B": B is actual; ANNOTATION.md §5)."""
    found = cue.search(text, *opening)
    if not found:
        return False
    return not any(metric.search(text, opening[0], found.start())
                   for metric in cues.money_metrics.values())


def opening_estimate(text: str, opening: Span, cues: ClaimCues) -> bool:
    """The words opening a paragraph before its first figure hold an estimate cue in a
    phrase set off by a comma ("According to preliminary statistics as of the end of 2025,
    the country had ..."), which governs the paragraph's figures. In "Revenue is estimated
    at VND2 billion." the cue is the first figure's own."""
    governing = cues.estimate.search(text, *opening)
    return bool(governing) and "," in text[governing.end():opening[1]]


def announces_plan(text: str, sentence: Span, figure: Mention, places: list[Mention],
                   cues: ClaimCues) -> bool:
    """A sentence opened by a place and an infinitive, as headlines write a plan: "Kien
    Giang to spend USD1.3 million on improving cooperatives"."""
    inside = figures_within(places, (sentence[0], figure.start))
    return bool(inside) and not text[sentence[0]:inside[0].start].strip(" \t\n\"'“‘(") \
        and bool(cues.headline_future.match(text, inside[0].end, figure.start))
