"""A claim's `location` (ANNOTATION.md §3): the most specific place in its sentence, else a
national cue, else the article's home province."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from pipeline.linking.segments import Mention, Span

LEVEL_RANK = {"commune": 3, "district": 2, "province": 1, "country": 0}
VIETNAM = {"name": "Vietnam", "province": None, "province_2025": None}
# The lead of an article (headline, dateline, first sentence): a provincial article names
# its province here.
LEAD_CHARS = 300

Location = dict[str, Any]


def _as_location(norm: dict[str, Any]) -> Location:
    return {"name": norm["name"], "province": norm.get("province"),
            "province_2025": norm.get("province_2025")}


def home_place(text: str, places: list[Mention], national: re.Pattern[str]) -> Location:
    """The province the article is about: the most named one, unless the lead names none
    and the article speaks of the whole country ("nationwide"), then Vietnam."""
    provinces = Counter(p.norm["province"] for p in places if p.norm.get("province"))
    if not provinces:
        return dict(VIETNAM)
    lead_names_province = any(p.start < LEAD_CHARS and p.norm.get("province") for p in places)
    if not lead_names_province and national.search(text):
        return dict(VIETNAM)
    name = provinces.most_common(1)[0][0]
    merged = next((p.norm.get("province_2025") for p in places
                   if p.norm.get("province") == name), None)
    return {"name": name, "province": name, "province_2025": merged}


QUOTES = re.compile(r'["“”]')


def _quoted(text: str, sentence: Span, place: Mention) -> bool:
    """A place inside a quoted title ('the project "… Value Chain in Vietnam"') is not
    where the figure is."""
    return len(QUOTES.findall(text, sentence[0], place.start)) % 2 == 1


def claim_location(text: str, sentence: Span, places: list[Mention], home: Location,
                   national: re.Pattern[str]) -> Location:
    """The most specific place named in the sentence; a national cue ("nationwide") makes
    it Vietnam; else the home province."""
    inside = [p for p in places if sentence[0] <= p.start < sentence[1]
              and not _quoted(text, sentence, p)]
    if inside:
        best = max(inside, key=lambda p: LEVEL_RANK.get(p.norm.get("level"), 0))
        return _as_location(best.norm)
    if national.search(text, sentence[0], sentence[1]):
        return dict(VIETNAM)
    return dict(home)
