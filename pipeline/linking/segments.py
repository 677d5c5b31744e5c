"""Sentences, clauses and paragraphs of raw article text, as character spans.

Scraped text glues sentences ("businesses.Participants") and keeps list items on their own
lines, so spaCy's sentence boundaries (which need a parser) are replaced by a few regexes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any, Iterator

# A sentence ends at . ! ? before a space, at a glued full stop ("year.The"), at ; or a line
# break (but not one between a lower-case word and a lower-case word), or before ", then"/
# ", while". "No. 35", "4.5" and "U.S." do not end one.
SENTENCE_END = re.compile(
    r"(?<!\d)(?<!\bNo)[.!?](?=\s|$)|(?<=[a-z%)\"”])\.(?=[A-Z])|;|(?<=\d)\.(?=\s+[A-Z])"
    # A year glued to the next sentence: "compared to 2003.Deputy Minister ..."
    r"|(?<=\b(?:19|20)\d\d)\.(?=[A-Z][a-z])"
    # A line break, unless it cuts a sentence in two ("is estimated\nat 2.36 billion").
    r"|(?<![a-z,])\n|\n(?![ \t]*[a-z0-9])"
    # ", then …" and ", while …" start a clause that states figures of its own.
    r"|,(?=\s+(?:then|while|whereas)\b)")
# Clauses inside a sentence: a comma not inside a number ("20,000"), a colon, a dash
# between spaces, or a parenthesis.
LINE_BREAK = re.compile(r"\n")
# Every boundary above starts with one of these characters.
SENTENCE_START = re.compile(r"[.!?;\n,]")
CLAUSE_END = re.compile(r",(?!\d{3})|:\s|\s[–—-]\s|[()]")

Span = tuple[int, int]


@dataclass(frozen=True)
class Mention:
    """An entity as plain data: offsets, label, surface and norm."""

    start: int
    end: int
    label: str
    text: str
    norm: dict[str, Any] | None


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _boundaries(text: str, boundaries: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches of `boundaries`, tried only at the characters a boundary starts with
    (SENTENCE_START) rather than at every position."""
    position = 0
    for candidate in SENTENCE_START.finditer(text):
        if candidate.start() < position:
            continue
        match = boundaries.match(text, candidate.start())
        if match is not None:
            yield match
            position = match.end()


def _pieces(text: str, boundaries: re.Pattern[str], separators: str) -> list[Span]:
    """The non-empty, stripped spans between matches of `boundaries`. A boundary that is
    one of `separators` belongs to no span; any other (a full stop) ends the span before."""
    spans, begin = [], 0
    for match in _boundaries(text, boundaries):
        end = match.start() if match.group(0) in separators else match.end()
        spans.append(_strip(text, begin, end))
        begin = match.end()
    spans.append(_strip(text, begin, len(text)))
    return [span for span in spans if span[0] < span[1]]


def sentence_spans(text: str) -> list[Span]:
    """Every non-empty sentence of `text`, in order (ANNOTATION.md §3 evidence)."""
    return _pieces(text, SENTENCE_END, separators=";\n,")


def paragraph_spans(text: str) -> list[Span]:
    """Blocks of text between line breaks; a text without breaks is one paragraph."""
    return _pieces(text, LINE_BREAK, separators="\n")


def containing_index(spans: list[Span], offset: int) -> int:
    """The index of the span that holds `offset` (or of the last one that starts before
    it; 0 when none does)."""
    return max(bisect.bisect_right(spans, (offset, float("inf"))) - 1, 0)


def containing(spans: list[Span], offset: int) -> Span:
    """The span that holds `offset` (or the last one that starts before it)."""
    return spans[containing_index(spans, offset)] if spans else (0, 0)


def clause_span(text: str, sentence: Span, start: int, end: int) -> Span:
    """The clause of `sentence` that holds the figure at start..end."""
    begin = sentence[0]
    for match in CLAUSE_END.finditer(text, sentence[0], start):
        begin = match.end()
    stop = CLAUSE_END.search(text, end, sentence[1])
    finish = stop.start() if stop else sentence[1]
    return begin, max(finish, end)


def figures_between(figures: list[Mention], a: int, b: int) -> int:
    """How many figures lie wholly between offsets a and b (in either order)."""
    low, high = min(a, b), max(a, b)
    return sum(1 for f in figures if f.start >= low and f.end <= high)


def list_opening(text: str, sentences: list[Span], index: int,
                 figures: list[Mention]) -> Span | None:
    """For a sentence that follows a ";", the opening of its whole sentence before its
    first figure: "According to preliminary statistics as of 2025, the country had 35,000
    cooperatives; ..." -> "According to ... the country had ". A cue there covers the list
    (ANNOTATION.md §5 states it for Vietnamese; English lists read the same)."""
    start = index
    while start > 0 and ";" in text[sentences[start - 1][1]:sentences[start][0]]:
        start -= 1
    if start == index:
        return None
    begin = sentences[start][0]
    first = next((f.start for f in figures if begin <= f.start < sentences[index][0]),
                 sentences[index][0])
    return begin, first


# What may stand between the figures of one list: "VND6 million-VND6.5 million and
# VND14.5 million", "5,100 members, 3,200 workers and 45 ha" (a conversion in parentheses
# is a figure too).
LIST_GAP = re.compile(r"[\s,;()]*(?:(?:and|or)\b[\s,;()]*)?")


def sentence_opening(text: str, sentence: Span, figure: Mention,
                     figures: list[Mention]) -> Span | None:
    """The words opening a sentence before its first figure, when `figure` belongs to the
    list of figures that follows them: "The average profit of cooperatives, cooperative
    unions and groups is 396 million VND"; "The monthly income of laborers ... was VND6
    million and VND14.5 million, respectively". None for a figure after other words."""
    inside = figures_within(figures, sentence)
    if not inside or figure.start < inside[0].start:
        return None
    for before, after in zip(inside, inside[1:]):
        if before.start >= figure.start:
            break
        if not LIST_GAP.fullmatch(text, before.end, after.start):
            return None
    return sentence[0], inside[0].start


def paragraph_opening(paragraph: Span, figures: list[Mention]) -> Span:
    """The words opening a paragraph before its first figure."""
    inside = figures_within(figures, paragraph)
    return paragraph[0], inside[0].start if inside else paragraph[1]


def figures_within(figures: list[Mention], span: Span) -> list[Mention]:
    """The mentions (sorted by start) that start inside `span`, found by bisection."""
    low = bisect.bisect_left(figures, span[0], key=lambda f: f.start)
    high = bisect.bisect_left(figures, span[1], lo=low, key=lambda f: f.start)
    return figures[low:high]
