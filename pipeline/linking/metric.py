"""A claim's `metric` and `unit` (ANNOTATION.md §3) from the cue words around its figure."""

from __future__ import annotations

import re
from typing import Any

from pipeline.linking.cues import ClaimCues
from pipeline.linking.segments import Mention, Span, figures_within

# How far before a figure a change cue ("up", "a rise of") is looked for, and how far after
# it "higher than" / "per kilo" are.
CHANGE_REACH = 30
TRAIL_CHARS = 40
# How far before an income cue its earner ("members", "the cooperative") is looked for.
EARNER_REACH = 60
# How far before a count of people "number of members" is looked for.
COUNTED_BEFORE_REACH = 120
# An amount followed by what it is: "VND 314 million in profit".
METRIC_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?in\s+(\w+)(?:\s+(\w+))?")
LIST_JOINER = re.compile(r"[\s,]*(?:and\s+)?")


def is_change(lead_in: str, cues: ClaimCues, count: bool = False) -> bool:
    """A change cue just before the figure ("up 5.8%", "a rise of VND17 million"; for a
    count only the cues of `count_change_cues`), not a new level ("increase to VND2.9
    billion") nor a phrasal verb ("set up 110")."""
    window = lead_in[-CHANGE_REACH:]
    match = (cues.count_change_before if count else cues.change_before).search(window)
    if match is None:
        return False
    word_before = re.findall(r"[\w-]+", window[:match.start()])[-1:]
    return not (word_before and word_before[0].lower() in cues.phrasal_verbs)


def without_names(lead_in: str, cues: ClaimCues) -> str:
    """`lead_in` with the names that hold a cue word blanked out (same offsets): "people's
    credit funds" is no capital cue."""
    return cues.not_metric_names.sub(lambda m: " " * len(m.group(0)), lead_in)


def metric_cue(metric: str, lead_in: str, cues: ClaimCues) -> re.Match[str] | None:
    """The last cue word of a money `metric` before the figure ("revenue", "income")."""
    regex = cues.money_metrics.get(metric)
    found = list(regex.finditer(without_names(lead_in, cues))) if regex else []
    return found[-1] if found else None


def _money_metric(lead_in: str, cues: ClaimCues, named_after: str | None = None) -> str:
    """The money metric whose cue stands nearest before the amount (or `named_after` it:
    "VND 4.3 billion in income"), with whose it is deciding revenue, profit and income."""
    best, best_at = "other", -1
    lead_in = without_names(lead_in, cues)
    for metric, regex in cues.money_metrics.items():
        for match in regex.finditer(lead_in):
            if match.start() > best_at:
                best, best_at = metric, match.start()
    if named_after is not None:
        best, best_at = named_after, len(lead_in)
    # Who earns it: the earner or the cooperative named nearest before the cue, or an
    # earner right after it ("the average income of regular workers is").
    who = lead_in[max(0, best_at - EARNER_REACH):best_at]
    earner = max((m.end() for m in cues.earners.finditer(who)), default=-1)
    cooperative = max((m.end() for m in cues.domain.finditer(who)), default=-1)
    earner_after = bool(cues.earners.search(lead_in, best_at, best_at + EARNER_REACH))
    if best == "income" and cooperative >= 0 and earner < 0 and not earner_after:
        # A cooperative's own income is its revenue (ANNOTATION.md §3); "members of the
        # cooperative earn" stays income.
        return "revenue"
    if best == "profit" and earner > cooperative:
        return "income"  # what a member's family or a farmer makes is income
    return best


def figure_metric(text: str, figure: Mention, lead_in: str,
                  previous: tuple[Mention, dict[str, Any]] | None,
                  cues: ClaimCues) -> tuple[str, str]:
    """(metric, unit) of a figure; `previous` is the figure before it and its claim."""
    norm = figure.norm or {}
    trail = text[figure.end:figure.end + TRAIL_CHARS]
    # For a count, the counted noun stands before "more than": "23 cooperatives more than".
    if figure.label == "COUNT":
        changed = is_change(lead_in, cues, count=True) or bool(
            cues.change_after.search(re.sub(r"^\s*\w+", "", trail)))
    else:
        changed = is_change(lead_in, cues) or bool(cues.change_after.search(trail))
    if previous is not None and previous[1]["metric"] == "change" \
            and previous[0].label == figure.label \
            and LIST_JOINER.fullmatch(text[previous[0].end:figure.start]):
        # A list after a change cue: "increasing 27.57 percent, 60 percent and 42 percent".
        changed = True
    if figure.label == "MONEY":
        unit = norm.get("currency") or "VND"
        if changed:
            return "change", unit
        if cues.price.search(cues.amount_trailer.sub("", trail, count=1)):
            return "other", unit
        after = METRIC_AFTER.match(text, figure.end, figure.end + TRAIL_CHARS + 20)
        named_after = next((metric for word in (after.groups() if after else ())
                            for metric, regex in cues.money_metrics.items()
                            if word and regex.fullmatch(word)), None)
        return _money_metric(lead_in, cues, named_after), unit
    if figure.label == "PERCENT":
        return ("change" if changed else "share"), "%"
    if figure.label == "QUANTITY":
        return "other", norm.get("unit") or "count"
    if changed:
        return "change", "count"
    if cues.worker_jobs.search(lead_in[-20:]):
        return "worker_count", "count"
    metric = cues.count_metrics.get(norm.get("unit") or "", "other")
    if metric == "other" or cues.stand_in.match(text, figure.end):
        # "the total number of members ... is 4,422 people": what it is the number of.
        window = lead_in[-COUNTED_BEFORE_REACH:]
        found = [(m.start(), name) for name, regex in cues.counted_before.items()
                 for m in regex.finditer(window)]
        if found:
            return max(found)[1], "count"
    return metric, "count"


def respective_metric(text: str, figure: Mention, sentence: Span, subject_words: Span | None,
                      figures: list[Mention], cues: ClaimCues) -> str | None:
    """The money metric a list pairs the figure with: "The average revenue and profit of a
    cooperative were VND1.6 billion and VND203 million (, respectively)" -> the second
    amount is the profit. None unless the metrics named in the words opening the sentence
    and the amounts listed after them are as many, and more than one."""
    if subject_words is None or figure.label != "MONEY":
        return None
    listed = [f for f in figures_within(figures, (subject_words[1], sentence[1]))
              if f.label == "MONEY"
              and not text[max(0, f.start - 3):f.start].rstrip().endswith("(")]
    opening = without_names(text[subject_words[0]:subject_words[1]], cues)
    named = sorted((m.start(), metric) for metric, regex in cues.money_metrics.items()
                   for m in regex.finditer(opening))
    metrics = [metric for _, metric in named]
    if len(metrics) < 2 or len(metrics) != len(listed) or figure not in listed:
        return None
    return metrics[listed.index(figure)]
