"""A claim's `time` (ANNOTATION.md §3): the date in its sentence, else the context that
governs it (a date opening the sentence or an earlier one of the paragraph, "currently"
resolved to the published day, a reporting period or, for flows, a reporting year named in
the lead, the headline), else null."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pipeline.linking.segments import Mention, Span, figures_between
from pipeline.normalize.dates import published_interval

Interval = dict[str, str]

# A date before every figure of its sentence and closed by a comma governs the sentence:
# "In 2020, ...", "Statistics showed that as of June 30, 2019, the country had ...".
# Penalties when ranking the dates of a sentence for one figure (characters of distance).
OTHER_FIGURE_PENALTY = 1000
OPENING_CAP = 500
# A paragraph longer than this is body text; the short lines before it are the lead.
BODY_CHARS = 200
# A reporting period lasts from a month to a half year or three quarters (in days, end - start).
REPORTING_DAYS = (27, 280)


@dataclass(frozen=True)
class TimeCues:
    """Compiled cue regexes from patterns/shared/cues.yml."""

    now: re.Pattern[str]
    comparison: re.Pattern[str]
    history: re.Pattern[str]
    horizon: re.Pattern[str]
    to_present: re.Pattern[str]
    range_start: re.Pattern[str]


def is_opening(text: str, sentence: Span, mention: Mention, figures: list[Mention]) -> bool:
    """A date before every figure of its sentence and closed by a comma ("By the end of
    2020, the province had ...", "Data show that as of June 30, 2019, the country had"), or
    starting the sentence ("Last year the province set up ...")."""
    if any(sentence[0] <= f.start < mention.start for f in figures):
        return False
    if re.match(r"\s*(?:period|year)?\s*,", text[mention.end:mention.end + 12]):
        return True
    # "Last year the province set up 35 co-operatives": a date that starts the sentence.
    return not text[sentence[0]:mention.start].strip()


def is_comparison(text: str, mention: Mention, cues: TimeCues) -> bool:
    """A date a figure is compared with ("up 5% compared to 2019") is not its time."""
    return bool(cues.comparison.search(text[max(0, mention.start - 40):mention.start]))


def is_history(text: str, mention: Mention, cues: TimeCues) -> bool:
    """A date in a cooperative's history ("Established in 2013, the cooperative earns")
    is not the time of the figures beside it."""
    return bool(cues.history.search(text[max(0, mention.start - 30):mention.start]))


def _to_present(text: str, mention: Mention, published: Interval | None,
                cues: TimeCues) -> Interval | None:
    """'From 2020 to present' -> 2020-01-01 .. the published day."""
    if not (mention.norm and published):
        return None
    if cues.range_start.search(text[max(0, mention.start - 12):mention.start]) \
            and cues.to_present.match(text, mention.end):
        return {"start": mention.norm["start"], "end": published["end"]}
    return None


def sentence_date(text: str, figure: Mention, sentence: Span, dates: list[Mention],
                  figures: list[Mention], cues: TimeCues) -> Mention | None:
    """The date of the figure's own sentence that is closest to it, with dates across
    another figure ranked down and a sentence-opening date covering the whole sentence.

    A date a figure is compared with ("compared to 2020") is not its time, except for the
    old value of a change: "rose from 24% to 62.6% compared to 2020" (24% is of 2020), "up
    from VND2 billion in 2022".
    """
    old_value = bool(cues.range_start.search(text[max(0, figure.start - 12):figure.start]))
    inside = [d for d in dates if sentence[0] <= d.start < sentence[1]]
    if old_value:
        # "up from VND2 billion in 2022": the old value's own date follows it.
        compared = [d for d in inside if is_comparison(text, d, cues)] or [
            d for d in inside if d.start >= figure.end
            and not figures_between(figures, figure.end, d.start)]
        if compared:
            return compared[0]
    best, best_score = None, None
    for mention in inside:
        if is_comparison(text, mention, cues) or is_history(text, mention, cues):
            continue
        after = mention.start >= figure.end
        gap = (mention.start, figure.end) if after else (figure.start, mention.end)
        score = max(gap[0] - gap[1], 0) + OTHER_FIGURE_PENALTY * figures_between(
            figures, gap[1], gap[0])
        if is_opening(text, sentence, mention, figures):
            score = min(score, OPENING_CAP)
        if best_score is None or score < best_score:
            best, best_score = mention, score
    return best


@dataclass
class TimeContext:
    """What the time of every claim of one document is chosen from, computed once: for
    each sentence, the date that opens it (if any) and whether it says "currently"."""

    text: str
    sentences: list[Span]
    dates: list[Mention]
    figures: list[Mention]
    cues: TimeCues
    published: Interval | None
    headline: Span
    reporting_period: Interval | None
    lead_year: Interval | None
    openings: list[Mention | None] = field(default_factory=list)
    says_now: list[bool] = field(default_factory=list)
    # For each sentence, a date standing before all its figures ("The target set for 2030 is
    # that ..."): it governs the items of a ";" list the sentence opens.
    leading: list[Mention | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        text = self.text
        for sentence in self.sentences:
            opening = next((d for d in self.dates if sentence[0] <= d.start < sentence[1]
                            and is_opening(text, sentence, d, self.figures)
                            and not is_history(text, d, self.cues)
                            and not is_comparison(text, d, self.cues)), None)
            self.openings.append(opening)
            self.says_now.append(bool(self.cues.now.search(text, *sentence)))
            first_figure = next((f.start for f in self.figures
                                 if sentence[0] <= f.start < sentence[1]), sentence[1])
            self.leading.append(next((d for d in self.dates
                                      if sentence[0] <= d.start < first_figure
                                      and not is_comparison(text, d, self.cues)), None))


def claim_time(context: TimeContext, figure: Mention, sentence_index: int,
               paragraph: Span, flow: bool) -> Interval | None:
    """The interval a figure refers to, or None (ANNOTATION.md §3 `time`). `flow`: the
    figure is a quantity over a period (revenue, growth), which a report's year governs."""
    text, cues, anchor = context.text, context.cues, context.published
    sentence = context.sentences[sentence_index]
    own = sentence_date(text, figure, sentence, context.dates, context.figures, cues)
    if own is not None:
        return _to_present(text, own, anchor, cues) or own.norm
    # "Currently" means the published day; with none known, a date governing the sentence
    # from before ("Tính đến 31/12/2022, số HTX hiện có ...; vùng X có ...") still holds.
    # A piece of a ";" list takes the date leading the list, before any "currently" of its
    # own: "Tính đến 31/12/2022, số HTX hiện có của vùng A có X; vùng B có Y".
    listed = _list_date(context, sentence_index)
    if listed is not None:
        return _to_present(text, listed, anchor, cues) or listed.norm
    if context.says_now[sentence_index]:
        return anchor
    # The latest governing marker among the paragraph's earlier sentences; across a ";" (or
    # ", while") the date leading the sentence's first piece governs the pieces after it.
    index = sentence_index - 1
    in_list = True
    while index >= 0 and context.sentences[index][0] >= paragraph[0]:
        boundary = text[context.sentences[index][1]:context.sentences[index + 1][0]]
        in_list = in_list and (";" in boundary or "," in boundary)
        opening = context.openings[index] or (context.leading[index] if in_list else None)
        if opening is not None:
            return _to_present(text, opening, anchor, cues) or opening.norm
        if context.says_now[index]:
            return anchor
        index -= 1
    if cues.now.search(text, paragraph[0], paragraph[1]):
        return anchor
    if context.reporting_period is not None:
        return context.reporting_period
    if flow and context.lead_year is not None:
        return context.lead_year
    # A headline reports what is true when it is published.
    if context.headline[0] <= figure.start < context.headline[1]:
        return anchor
    return None


def _list_date(context: TimeContext, sentence_index: int) -> Mention | None:
    """The date leading the ";" list a sentence continues, if any."""
    index = sentence_index - 1
    while index >= 0 and ";" in context.text[context.sentences[index][1]:
                                             context.sentences[index + 1][0]]:
        leading = context.openings[index] or context.leading[index]
        if leading is not None:
            return leading
        index -= 1
    return None


def lead_span(text: str, paragraphs: list[Span]) -> Span:
    """The headline, dateline and other short lines, and the first paragraph of body text
    (one longer than BODY_CHARS): where a report states the period it covers."""
    body = next((p for p in paragraphs if p[1] - p[0] > BODY_CHARS), None)
    return (0, body[1] if body else 0)


def reporting_period(lead: Span, dates: list[Mention]) -> Interval | None:
    """A report's period named in its lead ("... in the first 6 months of 2021"): a date
    of more than a day and less than a year, which governs the whole article."""
    for mention in dates:
        if lead[0] <= mention.start < lead[1] and mention.norm:
            days = (date.fromisoformat(mention.norm["end"])
                    - date.fromisoformat(mention.norm["start"])).days
            if REPORTING_DAYS[0] <= days <= REPORTING_DAYS[1]:
                return mention.norm
    return None


def _calendar_year(norm: Interval) -> int | None:
    start, end = norm["start"], norm["end"]
    if start.endswith("-01-01") and end.endswith("-12-31") and start[:4] == end[:4]:
        return int(start[:4])
    return None


def lead_year(text: str, lead: Span, dates: list[Mention], published: Interval | None,
              cues: TimeCues) -> Interval | None:
    """The one calendar year a report's lead says it covers ("Fifty co-operatives were
    established in Hoa Binh in 2022, up 35% compared with 2021"): it governs the figures
    that name no date of their own. Dates compared with, of a history, or looked towards
    ("through 2025"), and years after the published one, are no reporting year; two
    reported years make none."""
    latest = int(published["end"][:4]) if published else None
    years = set()
    for mention in dates:
        if not (lead[0] <= mention.start < lead[1] and mention.norm):
            continue
        year = _calendar_year(mention.norm)
        if year is None or (latest is not None and year > latest):
            continue
        before = text[max(0, mention.start - 40):mention.start]
        if cues.comparison.search(before) or cues.history.search(before) \
                or cues.horizon.search(before):
            continue
        years.add(year)
    if len(years) != 1:
        return None
    year = years.pop()
    return {"start": f"{year}-01-01", "end": f"{year}-12-31"}
