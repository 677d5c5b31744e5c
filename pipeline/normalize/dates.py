"""DATE spans to ISO intervals {start, end} (ANNOTATION.md §2 DATE, "Date values").

Periods the contract defines ('the first 6 months of 2021', 'the end of 2020',
'the 2021-25 period', relative years) are resolved by our own rules; full calendar dates
('April 01, 2023', '22/09/2023 14:23') are parsed by dateparser, cached, English only.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from pipeline.normalize.numbers import _alternation

Interval = dict[str, str]

YEAR = r"(?:19|20)\d{2}"
TIME = r"\d{1,2}:\d{2}"


@dataclass
class DateVocab:
    """The date vocabulary of patterns/shared/dates.yml."""

    months: dict[str, int]
    year_parts: dict[str, tuple[int, int]]
    year_points: dict[str, str]
    bare_year_points: list[str]
    relative_years: dict[str, int]
    period_words: list[str]
    name_words_around_year: list[str]
    weekdays: list[str]
    year_span_openers: list[str]
    dateline_cues: list[str]
    not_dateline_cues: list[str]
    # A language whose dates the built-in English forms do not read gives its own: regex
    # templates over <YEAR>, <TIME>, <month>, <part>, <point>, <period>, <relative>,
    # <weekday>, <year_range>, tried in order, and the words a date may start with.
    forms: list[str] = field(default_factory=list)
    start_words: list[str] = field(default_factory=list)
    month: str = field(init=False)
    part: str = field(init=False)
    point: str = field(init=False)
    relative: str = field(init=False)

    def __post_init__(self) -> None:
        self.month = rf"\b(?:{_alternation(list(self.months))})\b\.?"
        self.part = _alternation(list(self.year_parts))
        self.point = _alternation(list(self.year_points))
        self.relative = _alternation(list(self.relative_years))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "DateVocab":
        """Build from the parsed `dates.yml`."""
        return cls(
            months={k.lower(): int(v) for k, v in data["months"].items()},
            year_parts={k.lower(): tuple(v) for k, v in data["year_parts"].items()},
            year_points={k.lower(): str(v) for k, v in data["year_points"].items()},
            bare_year_points=[w.lower() for w in data["bare_year_points"]],
            relative_years={k.lower(): int(v) for k, v in data["relative_years"].items()},
            period_words=[w.lower() for w in data["period_words"]],
            name_words_around_year=list(data["name_words_around_year"]),
            weekdays=list(data["weekdays"]),
            year_span_openers=[w.lower() for w in data["year_span_openers"]],
            dateline_cues=list(data["dateline_cues"]),
            not_dateline_cues=list(data["not_dateline_cues"]),
            forms=[str(form) for form in data.get("forms") or []],
            start_words=[str(word) for word in data.get("start_words") or []],
        )


def parse_published(published: str | None) -> tuple[date, bool] | None:
    """The anchor for relative dates: (day, is_month_only); '2024-08' is a whole month."""
    if not published:
        return None
    match = re.match(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", str(published))
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2]), match[3]
    try:
        return date(year, month, int(day) if day else 1), day is None
    except ValueError:
        return None


def published_interval(published: str | None) -> Interval | None:
    """The published day (or the whole month, for '2024-08') as an interval: the time of
    "currently" and "now" (ANNOTATION.md §2 edge cases)."""
    anchor = parse_published(published)
    if anchor is None:
        return None
    day, month_only = anchor
    if month_only:
        return _month_interval(day.year, day.month)
    return _interval(day, day)


def _interval(start: date, end: date) -> Interval:
    return {"start": start.isoformat(), "end": end.isoformat()}


def _month_interval(year: int, month: int, first: int | None = None,
                    last: int | None = None) -> Interval:
    end_month = last or month
    return _interval(date(year, first or month, 1),
                     date(year, end_month, calendar.monthrange(year, end_month)[1]))


def _expand_year(start_year: int, end_text: str) -> int:
    """'2021-25' -> 2025: a two-digit end takes the century of the start."""
    end = int(end_text)
    return (start_year // 100) * 100 + end if end < 100 else end


@lru_cache(maxsize=4096)
def _calendar_date(text: str, order: str) -> date | None:
    """dateparser on a full date ('April 01, 2023'); None if it is not a valid date."""
    import dateparser  # deferred: importing dateparser costs ~0.3 s

    parsed = dateparser.parse(
        text, languages=["en"],
        settings={"DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month", "year"],
                  "PREFER_DATES_FROM": "past", "STRICT_PARSING": True},
    )
    return parsed.date() if parsed else None


def normalize_date(text: str, published: str | None, vocab: DateVocab) -> Interval | None:
    """Resolve a DATE span to {start, end}, or None when the contract says it is unresolvable.

    Args:
        text: the span, e.g. 'the first 6 months of 2021', '07:25, 2021/02/14', 'this year'.
        published: the article's ISO date or month, anchoring relative dates.
        vocab: months, period words and relative expressions.
    Returns:
        {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"} or None.
    """
    lowered = " ".join(text.lower().replace("–", "-").replace("—", "-").split())
    anchor = parse_published(published)
    try:
        return _resolve(lowered, anchor, vocab)
    except ValueError:  # a malformed date such as 2022/27/17 (ANNOTATION.md §2)
        return None


def _anchor_year(lowered: str, anchor: tuple[date, bool] | None,
                 vocab: DateVocab) -> int | None:
    """The year a span names: an explicit year, or a relative one resolved on `anchor`."""
    explicit = re.search(rf"\b({YEAR})\b", lowered)
    if explicit:
        return int(explicit[1])
    for phrase, offset in sorted(vocab.relative_years.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(phrase)}\b", lowered):
            return anchor[0].year + offset if anchor else None
    return anchor[0].year if anchor else None


def _point_of(interval: Interval | None, which: str) -> Interval | None:
    """One day of a period: its first, last or middle day ("the end of November 2023")."""
    if interval is None:
        return None
    start, end = date.fromisoformat(interval["start"]), date.fromisoformat(interval["end"])
    if which == "first":
        return _interval(start, start)
    if which == "last":
        return _interval(end, end)
    # The middle of a month is its 15th ("the middle of March"); of a longer period, midway.
    middle = start.replace(day=15) if start.month == end.month and start.year == end.year \
        else start + (end - start) // 2
    return _interval(middle, middle)


def _calendar_day(first: int, second: int, year: int) -> date:
    """A numeric date: day first ("07/08/2022" is 7 August, as Vietnamese pages write it),
    month first only when the day-first reading is impossible ("11/19/2023")."""
    if second > 12 >= first:
        return date(year, first, second)
    return date(year, second, first)


def _resolve(lowered: str, anchor: tuple[date, bool] | None,
             vocab: DateVocab) -> Interval | None:
    # A point of a period: "the end of the first quarter of 2022", "early 2012", "mid-2022".
    point = re.match(rf"(?:the\s+)?({vocab.point})(?:\s+of\b|-|\s+(?=\S))\s*(.+)$",
                     lowered)
    if point and (point[0].startswith(("the ", point[1] + " of")) or point[1] in
                  vocab.bare_year_points):
        return _point_of(_resolve(point[2], anchor, vocab), vocab.year_points[point[1]])
    # Full calendar dates, datelines first (their time of day is ignored).
    iso = re.search(r"\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b", lowered)
    if iso:
        day = date(int(iso[1]), int(iso[2]), int(iso[3]))
        return _interval(day, day)
    numeric = re.search(r"\b(\d{1,2})([/-])(\d{1,2})\2(\d{4})\b", lowered)
    if numeric:
        day = _calendar_day(int(numeric[1]), int(numeric[3]), int(numeric[4]))
        return _interval(day, day)
    day_month = re.search(r"(?:^|\s)(\d{1,2})/(\d{1,2})$", lowered)
    if day_month and not re.search(rf"\b{YEAR}\b", lowered):
        if not anchor:
            return None  # "7/4" with no year: the published day's year
        day = date(anchor[0].year, int(day_month[2]), int(day_month[1]))
        return _interval(day, day)
    spelled = re.search(
        rf"({vocab.month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}|\d{{1,2}}(?:st|nd|rd|th)?"
        rf"\s+{vocab.month},?\s+{YEAR})", lowered)
    if spelled:
        day = _calendar_date(spelled[1], "MDY" if spelled[1][0].isalpha() else "DMY")
        return _interval(day, day) if day else None

    # Two years as one period: "2016 and 2020" (after "between"), "2019 to 2022".
    pair = re.fullmatch(rf"({YEAR})\s+(?:and|to)\s+({YEAR})", lowered)
    if pair and int(pair[1]) < int(pair[2]):
        return _interval(date(int(pair[1]), 1, 1), date(int(pair[2]), 12, 31))
    # Year ranges: 'the 2021-25 period', '2015 - 2020', 'the first half of the 2020-2025 term'.
    span = re.search(rf"\b({YEAR})\s*-\s*(\d{{4}}|\d{{2}})\b", lowered) or re.search(
        rf"\b({YEAR})\s+({YEAR})\s+(?:{_alternation(vocab.period_words)})\b", lowered)
    if span:
        first, last = int(span[1]), _expand_year(int(span[1]), span[2])
        if last < first:
            return None
        if "first half" in lowered:
            last = first + (last - first + 1) // 2 - 1
        elif "second half" in lowered:
            first = first + (last - first + 1) // 2
        return _interval(date(first, 1, 1), date(last, 12, 31))

    year = _anchor_year(lowered, anchor, vocab)
    part = re.search(rf"\b({vocab.part})\b", lowered)
    if part:
        first_month, last_month = vocab.year_parts[part[1]]
        return _month_interval(year, 0, first_month, last_month) if year else None
    if "rest of the year" in lowered:
        return _interval(anchor[0], date(anchor[0].year, 12, 31)) if anchor else None
    ago = re.search(r"\b(a|one|two|three|four|five|ten|\d+)\s+(decade|year)s?\s+ago\b", lowered)
    if ago:
        if not anchor:
            return None
        count = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "ten": 10}.get(ago[1]) or int(ago[1])
        target = anchor[0].year - count * (10 if ago[2] == "decade" else 1)
        return _interval(date(target, 1, 1), date(target, 12, 31))
    if re.search(r"\bthe past (?:12 months|year)\b", lowered):
        if not anchor:
            return None
        return _interval(anchor[0] - timedelta(days=365), anchor[0])
    if re.fullmatch(r"today", lowered):
        if not anchor:
            return None
        if anchor[1]:
            return _month_interval(anchor[0].year, anchor[0].month)
        return _interval(anchor[0], anchor[0])

    month = re.search(vocab.month, lowered)
    if month:
        month_number = vocab.months[month[0].rstrip(".")]
        day_match = re.search(rf"{vocab.month}\s+(\d{{1,2}})\b|\b(\d{{1,2}})\s+{vocab.month}",
                              lowered)
        if not year:
            return None
        if day_match:
            day_number = int(day_match[1] or day_match[2])
            day = date(year, month_number, day_number)
            return _interval(day, day)
        return _month_interval(year, month_number)
    if year and (re.search(rf"\b{YEAR}\b", lowered) or re.search(
            rf"\b(?:{vocab.relative})\b", lowered)):
        return _interval(date(year, 1, 1), date(year, 12, 31))
    return None
