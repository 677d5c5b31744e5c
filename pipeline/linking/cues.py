"""The claim cue words of patterns/shared/cues.yml, compiled once into regexes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipeline.linking.timing import TimeCues
from pipeline.normalize.numbers import NEVER, _alternation


def words_regex(words: list[str]) -> re.Pattern[str]:
    """Whole-word, case-insensitive alternation of cue words, longest first; an empty list
    (a language without such cues) matches nothing."""
    alternatives = _alternation(words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _regex_list(patterns: list[str], before: str = "", after: str = "") -> re.Pattern[str]:
    """An alternation of regexes given in cues.yml, wrapped in `before`/`after`."""
    return re.compile(rf"{before}(?:{'|'.join(patterns) or NEVER}){after}", re.IGNORECASE)


@dataclass(frozen=True)
class ClaimCues:
    """Every cue regex the claim linker uses; see cues.yml for what each list means."""

    domain: re.Pattern[str]
    not_domain: re.Pattern[str]
    legal: re.Pattern[str]
    threshold: re.Pattern[str]
    money_metrics: dict[str, re.Pattern[str]]
    count_metrics: dict[str, str]
    change_before: re.Pattern[str]
    count_change_before: re.Pattern[str]
    not_claim_units: frozenset[str]
    change_after: re.Pattern[str]
    phrasal_verbs: frozenset[str]
    price: re.Pattern[str]
    amount_trailer: re.Pattern[str]
    worker_jobs: re.Pattern[str]
    earners: re.Pattern[str]
    average: re.Pattern[str]
    average_before_only: frozenset[str]
    average_opening: re.Pattern[str]
    not_average: re.Pattern[str]
    per: dict[str, re.Pattern[str]]
    target: re.Pattern[str]
    estimate: re.Pattern[str]
    headline_future: re.Pattern[str]
    target_nouns: frozenset[str]
    old_value: re.Pattern[str]
    national: re.Pattern[str]
    venue: re.Pattern[str]
    counted_before: dict[str, re.Pattern[str]]
    stand_in: re.Pattern[str]
    not_metric_names: re.Pattern[str]
    support_each: re.Pattern[str]
    policy_rate_after: re.Pattern[str]
    back_reference: re.Pattern[str]
    continuation: re.Pattern[str]
    period_metrics: frozenset[str]
    average_metrics: frozenset[str]
    total: re.Pattern[str]
    time: TimeCues

    @classmethod
    def from_data(cls, cues: dict[str, Any]) -> "ClaimCues":
        """Compile the parsed cues.yml."""
        change = words_regex(cues["change_cues"]).pattern
        return cls(
            domain=words_regex(cues["domain"]),
            not_domain=words_regex(cues["not_domain"]),
            legal=words_regex(cues["legal_cues"]),
            threshold=words_regex(cues["threshold_cues"]),
            money_metrics={metric: words_regex(words)
                           for metric, words in cues["money_metrics"].items()},
            count_metrics={unit: metric for metric, units in cues["count_metrics"].items()
                           for unit in units},
            # The change cue, then at most "of"/"by" and a few words, never "to" or "from".
            change_before=re.compile(
                rf"{change}(?:\s+(?!to\b|from\b)[\w%.,]+){{0,3}}?\s*(?:of|by)?\s*$",
                re.IGNORECASE),
            count_change_before=re.compile(
                rf"{words_regex(cues['count_change_cues']).pattern}\s*$", re.IGNORECASE),
            not_claim_units=frozenset(cues["not_claim_units"]),
            change_after=_regex_list(cues["change_after_cues"], r"^\s*", r"\b"),
            phrasal_verbs=frozenset(w.lower() for w in cues["not_change_before"]),
            price=_regex_list(cues["price_cues"], r"^\s*"),
            amount_trailer=_regex_list(cues["amount_trailers"], r"^\s*"),
            worker_jobs=words_regex(cues["worker_lead_cues"]),
            earners=words_regex(cues["earner_words"]),
            average=words_regex(cues["average_cues"]),
            average_before_only=frozenset(w.lower() for w in cues["average_before_only"]),
            # An average cue opening a sentence: "Averagely, one province has 220 ...".
            average_opening=re.compile(
                rf"\W*(?:{words_regex(cues['average_cues']).pattern})\s*,", re.IGNORECASE),
            not_average=re.compile(cues["not_average"], re.IGNORECASE),
            per={per: words_regex(words) for per, words in cues["per_cues"].items()},
            target=words_regex(cues["target_cues"]),
            estimate=words_regex(cues["estimate_cues"]),
            headline_future=re.compile(cues["headline_future"]),
            target_nouns=frozenset(w.lower() for w in cues["target_nouns"]),
            old_value=words_regex(cues["old_value_cues"]),
            national=words_regex(cues["national_cues"]),
            counted_before={
                metric: re.compile(rf"(?:{cues['counted_before_lead']})(?:[\w-]+\s+){{0,2}}?"
                                   rf"{words_regex(words).pattern}", re.IGNORECASE)
                for metric, words in cues["counted_before"].items()},
            stand_in=re.compile(rf"\s*{words_regex(cues['stand_in_nouns']).pattern}",
                                re.IGNORECASE),
            not_metric_names=words_regex(cues["not_metric_names"]),
            support_each=_regex_list(cues["support_each"]),
            policy_rate_after=_regex_list(cues["policy_rate_after"], r"^\s*", r"\b"),
            venue=re.compile(rf"{words_regex(cues['venue_cues']).pattern}\s+(?:the\s+)?$",
                             re.IGNORECASE),
            back_reference=_regex_list(cues["back_reference_openings"], r"\W*", r"\b"),
            continuation=_regex_list(cues["continuation_openings"], r"\W*", r"\b"),
            period_metrics=frozenset(cues["period_metrics"]),
            average_metrics=frozenset(cues["average_metrics"]),
            total=words_regex(cues["total_cues"]),
            time=TimeCues(
                now=words_regex(cues["now_cues"]),
                comparison=_regex_list(cues["comparison_cues"], after=r"\s*$"),
                history=_regex_list(cues["history_cues"], after=r"\s*$"),
                horizon=_regex_list(cues["horizon_cues"], r"\b", r"\s*$"),
                to_present=_regex_list(cues["to_present_cues"], r"\s*", r"\b"),
                range_start=re.compile(
                    rf"{words_regex(cues['range_start_cues']).pattern}\s+(?:the\s+)?$",
                    re.IGNORECASE)),
        )
