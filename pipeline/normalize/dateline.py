"""The page's own dateline: the publication day of an article whose input gives none.

Scraped pages show their date near the top ("07:25, 2021/02/14", "Updated: Tuesday, December
26, 2023 | 15:01:32", "date 2017-07-20"). That day anchors "this year" and "currently"
(ANNOTATION.md §2 relative dates, §3 time) as an input `published` would.
"""

from __future__ import annotations

import re
from typing import Iterable

from pipeline.normalize.dates import TIME, DateVocab, normalize_date

# A dateline stands in the page's head: the headline, byline and first lines.
DATELINE_REACH = 1200
# On a line of its own, a date may share the line with this much furniture
# ("By DA NANG Today / DA NANG Today | ", "- ", "• ").
LINE_COMPANY = 40
FURNITURE = " \t|-–—•*·:/[]()"


def _line_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the date's line before and after it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:start], text[end:line_end if line_end >= 0 else len(text)]


def dateline_day(text: str, dates: Iterable[tuple[int, int, str]], vocab: DateVocab,
                 cue: re.Pattern[str], clock: re.Pattern[str]) -> str | None:
    """The ISO day of the page's dateline, or None.

    Args:
        text: the raw page text.
        dates: (start, end, surface) of the DATE candidates, in text order.
        vocab: the date vocabulary (weekdays).
        cue: the dateline cue words ("Updated", "date") of patterns/shared/dates.yml.
        clock: the words of a site's clock ("Today:"), whose date is not the article's.
    Returns:
        The first full calendar day in the page's head that reads as a dateline: it carries
        a clock time or a weekday, follows a dateline cue, or stands on a line of its own.
    """
    weekdays = tuple(vocab.weekdays)
    for start, end, surface in dates:
        if start > DATELINE_REACH:
            break
        norm = normalize_date(surface, None, vocab)
        if norm is None or norm["start"] != norm["end"]:
            continue
        before, after = _line_around(text, start, end)
        if clock.search(before[-20:]):
            continue
        own_line = len(before.strip(FURNITURE)) <= LINE_COMPANY and not after.strip(FURNITURE)
        if re.search(TIME, surface) or surface.startswith(weekdays) or own_line \
                or cue.search(before[-20:]):
            return norm["start"]
    return None
