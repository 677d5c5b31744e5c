"""`coopie_places`: GPE entities with their province, old and merged (ANNOTATION.md §2 GPE).

Provinces, districts and countries are matched by spaCy's `span_ruler` (phrase patterns
generated from patterns/gazetteer/, see `ruler_patterns`); this component gives each match
its level and province, extends it with a capitalised administrative word ("Thạnh Phú
District"), and adds villages and communes named before "commune", "ward" or "hamlet",
which are too many and too ambiguous to match on their own.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from pipeline import resources
from pipeline.authoring.provinces import ruler_patterns as province_ruler_patterns
from pipeline.components.base import PatternDataComponent
from pipeline.extensions import add_candidate, doc_text
from pipeline.normalize.numbers import _alternation
from pipeline.normalize.outlet import OutletProvinces
from pipeline.normalize.text import ascii_fold, fold_key

GAZETTEER_KEY = "coopie_gazetteer"
# A word of a commune's name; no apostrophe, so "City’s" ends a name rather than joins one.
NAME_WORD = r"(?:[A-ZĐÀ-Ỹ][\w-]*(?![’'])|\d+[A-Z]?|[A-Z])"


@registry.misc("coopie.ruler_patterns.v1")
def make_ruler_patterns(patterns_dir: str | None = None) -> list[dict[str, Any]]:
    """The span ruler's phrase patterns, for `[initialize.components.gazetteer_ruler]`."""
    return ruler_patterns(patterns_dir)


def ruler_patterns(patterns_dir: str | None = None) -> list[dict[str, Any]]:
    """Phrase patterns for provinces, districts, countries and fixed organisation names.

    Each pattern's `id` is the folded place name, the key `coopie_places` looks it up by.
    """
    curated = resources.read_yaml(resources.patterns_dir(patterns_dir) / "gazetteer"
                                  / "curated.yml")
    names = resources.load_shared(patterns_dir)["names"]
    blocked = set(curated.get("needs_admin_word", []))
    surfaces: dict[str, str] = {}
    for place in resources.load_gazetteer(patterns_dir):
        if place["level"] == "commune" and not place.get("curated"):
            continue  # communes are too many and too ambiguous; see _add_communes
        for alias in place["aliases"]:
            if alias not in blocked:
                surfaces[alias] = fold_key(place["name"])
    for alias, target in (curated.get("aliases") or {}).items():
        surfaces[alias] = fold_key(target)
    for country, spellings in names["countries"].items():
        for spelling in spellings:
            surfaces[spelling] = fold_key(country)
    patterns: list[dict[str, Any]] = []
    for surface, key in sorted(surfaces.items()):
        for variant in {surface, surface.upper()}:
            patterns.append({"label": "GPE", "pattern": variant, "id": key})
    for org in names["org_names"]:
        patterns.append({"label": "ORG", "pattern": org, "id": "org"})
    return patterns + province_ruler_patterns(resources.load_provinces(patterns_dir))


@Language.factory(
    "coopie_places",
    assigns=["doc._.outlet_province", "doc.spans", "doc._.candidate_norms"],
    requires=["doc.spans"],
    default_config={},
)
def make_place_finder(nlp: Language, name: str) -> "PlaceFinder":
    """Create the place normaliser; its gazetteer is read in `initialize`."""
    return PlaceFinder(nlp, name)


class PlaceFinder(PatternDataComponent):
    """Turn gazetteer matches into GPE candidates with level and province."""

    def load_data(self, patterns_dir: str | None) -> dict[str, Any]:
        places = resources.load_gazetteer(patterns_dir)
        shared = resources.load_shared(patterns_dir, self.nlp.lang)
        names = shared["names"]
        compact = [{k: p[k] for k in ("name", "level", "province", "province_2025")}
                   for p in places]
        return {"places": compact, "countries": list(names["countries"]),
                "outlets": shared.get("outlets", {}),
                "admin_words": names["admin_words"],
                "admin_words_before": names.get("admin_words_before") or {},
                "not_place_words": names.get("not_place_words", [])}

    def setup(self) -> None:
        self.index: dict[str, list[dict[str, Any]]] = {}
        for place in self.data["places"]:
            self.index.setdefault(fold_key(place["name"]), []).append(place)
        for country in self.data["countries"]:
            self.index.setdefault(fold_key(country), []).append(
                {"name": country, "level": "country", "province": None,
                 "province_2025": None})
        self.level_of_word = {word: level for level, words in self.data["admin_words"].items()
                              for word in words}
        self.admin_after = re.compile(rf"^\s+({_alternation(list(self.level_of_word))})\b")
        commune_words = "|".join(re.escape(w) for w in self.data["admin_words"]["commune"])
        self.commune_before_word = re.compile(
            rf"(?<![\w’'])((?:{NAME_WORD}\s){{0,3}}{NAME_WORD})\s+({commune_words})\b")
        self.not_place_words = set(self.data["not_place_words"]) | {"In", "At", "Of", "And",
                                                                    "From", "To", "On"}
        # Languages that write the level before the name ('huyện Đăk Glei', ANNOTATION.md
        # §5): the level word stays out of the span.
        self.level_before = {word: level for level, words in
                             (self.data.get("admin_words_before") or {}).items()
                             for word in words}
        before = _alternation(list(self.level_before))
        self.admin_before = re.compile(rf"(?<![\w])({before})\s+$") \
            if self.level_before else None
        self.named_after_level = re.compile(
            rf"(?<![\w])({before})\s+((?:{NAME_WORD}\s){{0,3}}{NAME_WORD})(?![\w])") \
            if self.level_before else None
        self.hamlet_number = re.compile(r"\b([Hh]amlet|[Vv]illage)\s+(\d+[A-Z]?)\b")
        self.outlets = OutletProvinces.from_data(
            {p["province"] for p in self.data["places"] if p["level"] == "province"},
            self.data["outlets"])

    def __call__(self, doc: Doc) -> Doc:
        self._require_setup()
        text = doc_text(doc)  # Doc.text joins every token on each call: read it once
        matches = list(doc.spans.get(GAZETTEER_KEY, []))
        doc._.outlet_province = self.outlets.province_of(doc._.url)
        home = self._home_provinces(matches)
        if doc._.outlet_province:
            # A provincial outlet's province settles a name two provinces share, after the
            # provinces the text names (ANNOTATION.md §3).
            home[doc._.outlet_province] += 0.5
        for span in matches:
            if span.label_ == "GPE":
                self._add_place(doc, text, span, home)
        if self.named_after_level is not None:
            self._add_named_after_level(doc, text, home)
        self._add_communes(doc, text, home)
        return doc

    def _home_provinces(self, matches: list[Span]) -> Counter[str]:
        """Provinces the article names, most named first, to settle ambiguous places."""
        home: Counter[str] = Counter()
        for span in matches:
            for place in self.index.get(span.id_, []):
                if place["level"] == "province":
                    home[place["province"]] += 1
        return home

    def _choose(self, candidates: list[dict[str, Any]], level: str | None,
                home: Counter[str]) -> dict[str, Any] | None:
        if level:
            at_level = [p for p in candidates if p["level"] == level]
            candidates = at_level or candidates
        else:
            # Without an administrative word a bare name is the province (or country).
            top = [p for p in candidates if p["level"] in ("province", "country")]
            candidates = top or candidates
        if not candidates:
            return None
        return max(candidates, key=lambda p: (home.get(p["province"], 0), p["level"] ==
                                              "province"))

    def _add_place(self, doc: Doc, text: str, span: Span, home: Counter[str]) -> None:
        after = self.admin_after.match(text[span.end_char:span.end_char + 20])
        level = self.level_of_word.get(after.group(1)) if after else None
        if self.admin_before is not None:
            before = self.admin_before.search(text, max(0, span.start_char - 12),
                                              span.start_char)
            if before:
                level = self.level_before[before.group(1)]
        place = self._choose(self.index.get(span.id_, []), level, home)
        if place is None:
            return
        end = span.end_char
        name = place["name"]
        if after and after.group(1)[0].isupper():
            end = span.end_char + after.end()  # 'Thuan Chau District': capitalised, part of name
        if level == "district" and after and after.group(1).lower() == "city" \
                and place["level"] == "province":
            name = f"{name} City"
        norm = {"name": name, "province": place["province"], "level": level or place["level"],
                "province_2025": place["province_2025"]}
        add_candidate(doc, span.start_char, end, "GPE", norm, self.name)

    def _add_named_after_level(self, doc: Doc, text: str, home: Counter[str]) -> None:
        """'huyện Krông Ana', 'thị trấn Buôn Trấp': the capitalised words after a level word,
        looked up without diacritics (spellings vary: Đăk/Đắk), the longest name first; a
        commune the gazetteer lacks is still a commune of the article's province."""
        for match in self.named_after_level.finditer(text):
            level = self.level_before[match.group(1)]
            words = match.group(2).split()
            # NAME_WORD's letter range holds lower-case accented letters too: 'xã đã chia'.
            capitalised = next((i for i, w in enumerate(words) if not w[:1].isupper()),
                               len(words))
            words = words[:capitalised]
            for size in range(len(words), 0, -1):
                name = " ".join(words[:size])
                place = self._choose(self.index.get(fold_key(name), []), level, home)
                if place is not None and place["level"] in (level, "province") or \
                        place is None and level == "commune" and size == len(words):
                    break
            else:
                continue
            start = match.start(2)
            norm = {"name": place["name"] if place else ascii_fold(name),
                    "province": place["province"] if place else (
                        home.most_common(1)[0][0] if home else None),
                    "level": level,
                    "province_2025": place["province_2025"] if place else None}
            add_candidate(doc, start, start + len(name), "GPE", norm, self.name)

    def _add_communes(self, doc: Doc, text: str, home: Counter[str]) -> None:
        for match in self.commune_before_word.finditer(text):
            words = match.group(1).split()
            # Drop leading words that are not part of the name: 'In Vinh My commune'.
            while words and words[0] in self.not_place_words:
                words = words[1:]
            if not words:
                continue
            name = " ".join(words)
            start = match.start(1) + match.group(1).index(name)
            word = match.group(2)
            end = match.end() if word[0].isupper() else match.end(1)
            level = self.level_of_word[word]
            place = self._choose(self.index.get(fold_key(name), []), level, home)
            province = place["province"] if place else (home.most_common(1)[0][0]
                                                        if home else None)
            norm = {"name": ascii_fold(name), "province": province, "level": level,
                    "province_2025": place["province_2025"] if place else None}
            add_candidate(doc, start, end, "GPE", norm, self.name)
        for match in self.hamlet_number.finditer(text):
            province = home.most_common(1)[0][0] if home else None
            norm = {"name": f"Hamlet {match.group(2)}", "province": province,
                    "level": "commune", "province_2025": None}
            add_candidate(doc, match.start(), match.end(), "GPE", norm, self.name)
