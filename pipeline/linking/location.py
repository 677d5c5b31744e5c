"""A claim's `location` (ANNOTATION.md §3): the most specific place in its sentence, else a
national cue, else the article's home province; after the July 2025 merger, the merged
province."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pipeline.linking.segments import Mention, Span

LEVEL_RANK = {"commune": 3, "district": 2, "province": 1, "country": 0}
VIETNAM = {"name": "Vietnam", "province": None, "province_2025": None}
# The lead of an article (headline, dateline, first sentence): a provincial article names
# its province here.
LEAD_CHARS = 300
# How far before a place a venue cue ("a conference in") is looked for.
VENUE_REACH = 40
# The provinces merged on 1 July 2025; texts published since name the merged ones.
MERGER_DAY = "2025-07-01"

Location = dict[str, Any]
QUOTES = re.compile(r'["“”]')


def _as_location(norm: dict[str, Any]) -> Location:
    return {"name": norm["name"], "province": norm.get("province"),
            "province_2025": norm.get("province_2025")}


def is_venue(text: str, place: Mention, venue: re.Pattern[str]) -> bool:
    """The place of an event ("a conference in Hanoi"), not where its figures are."""
    return bool(venue.search(text[max(0, place.start - VENUE_REACH):place.start]))


def _is_foreign(place: Mention) -> bool:
    """A buyer's or partner's country ("exported to Japan") is never where a figure is."""
    return place.norm.get("level") == "country" and place.norm.get("name") != "Vietnam"


@dataclass(frozen=True)
class PlaceContext:
    """What every claim's location of one document is chosen from."""

    text: str
    places: list[Mention]
    home: Location
    national: re.Pattern[str]
    merged: bool

    @classmethod
    def of(cls, text: str, places: list[Mention], national: re.Pattern[str],
           venue: re.Pattern[str], outlet: str | None, published: str | None) -> "PlaceContext":
        """The article's home place and era from its places, outlet and publication day."""
        where = [p for p in places if not is_venue(text, p, venue) and not _is_foreign(p)]
        merged = bool(published and published[:10] >= MERGER_DAY) or names_merged_province(places)
        return cls(text, where, home_place(text, where, national, outlet), national, merged)

    def location(self, sentence: Span) -> Location:
        """The location of a figure in `sentence`, in the province names of the text's time."""
        place = claim_location(self.text, sentence, self.places, self.home, self.national)
        if self.merged and place.get("province_2025"):
            place["province"] = place["province_2025"]
        return place


def names_merged_province(places: list[Mention]) -> bool:
    """The text names a merged province together with a place of a province merged into it
    that it does not name itself ("Khanh Hoa Province's Phuoc Dinh Commune", once of Ninh
    Thuan): it was written after the July 2025 merger."""
    named = {p.norm.get("province") for p in places if p.norm.get("level") == "province"}
    return any(p.norm.get("province") not in named and p.norm.get("province_2025") in named
               for p in places if p.norm.get("province") and p.norm.get("province_2025"))


def home_place(text: str, places: list[Mention], national: re.Pattern[str],
               outlet: str | None = None) -> Location:
    """The province the article is about: the most named one, unless the lead names none
    and the article speaks of the whole country ("nationwide"), then Vietnam. A text that
    names no province is national when it says so, else of its outlet's province
    (ANNOTATION.md §3)."""
    provinces = Counter(p.norm["province"] for p in places if p.norm.get("province"))
    if not provinces:
        if outlet and not national.search(text):
            return {"name": outlet, "province": outlet, "province_2025": None}
        return dict(VIETNAM)
    lead_names_province = any(p.start < LEAD_CHARS and p.norm.get("province") for p in places)
    if not lead_names_province and national.search(text):
        return dict(VIETNAM)
    name = provinces.most_common(1)[0][0]
    merged = next((p.norm.get("province_2025") for p in places
                   if p.norm.get("province") == name), None)
    return {"name": name, "province": name, "province_2025": merged}


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
