"""`coopie_names`: COOP, ORG and PERSON candidates (ANNOTATION.md §2).

Names are runs of capitalised words, classified by the word that ends or starts them:
a cooperative head ('… Cooperative', '… co-operative', "… people's credit fund"), an
organisation head or start ('Department of …', '… People's Committee'), or a Vietnamese
family name or a title ('Mr. …'). Vocabularies are in patterns/shared/names.yml.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import resources
from pipeline.components.base import PatternDataComponent
from pipeline.components.places import GAZETTEER_KEY
from pipeline.extensions import add_candidate, doc_text
from pipeline.normalize.numbers import _alternation
from pipeline.normalize.text import ascii_fold, fold_key

CAP = r"[A-ZĐÀ-Ỹ][\w'’-]*"
UPPER = r"[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ'’-]+"


@Language.factory(
    "coopie_names",
    assigns=["doc.spans", "doc._.candidate_norms"],
    default_config={"min_person_words": 2},
)
def make_name_finder(nlp: Language, name: str, min_person_words: int) -> "NameFinder":
    """Create the name finder.

    Args:
        min_person_words: words a full name needs before its last word is also taken
            for the person on its own ('Nguyen Xuan Phuc' … 'Phuc said').
    """
    return NameFinder(nlp, name, min_person_words)


class NameFinder(PatternDataComponent):
    """Find cooperative, organisation and person names."""

    def __init__(self, nlp: Language, name: str, min_person_words: int) -> None:
        super().__init__(nlp, name)
        self.min_person_words = min_person_words

    def load_data(self, patterns_dir: str | None) -> dict[str, Any]:
        names = resources.load_shared(patterns_dir, self.nlp.lang)["names"]
        provinces = [p["name"] for p in resources.load_gazetteer(patterns_dir)
                     if p["level"] == "province"]
        coop_names = {f"{file.path.stem}:cooperatives[{index}]":
                      canonical_coop_name(coop["name"])
                      for file in resources.load_provinces(patterns_dir)
                      for index, coop in enumerate(file.curated("cooperatives"))}
        return {"names": names, "provinces": provinces, "coop_names": coop_names}

    def setup(self) -> None:
        names = self.data["names"]
        self.coop_names: dict[str, str] = self.data.get("coop_names", {})
        self.provinces = {fold_key(p) for p in self.data["provinces"]}
        self.countries = {fold_key(spelling) for spellings in names["countries"].values()
                          for spelling in spellings}
        self.surnames = frozenset(self.data["names"]["surnames"])
        heads = _alternation(names["coop_heads"])
        descriptive = _alternation(names["coop_descriptive_words"])
        # 'Phu Loi silver carving cooperative', 'An Loc Agricultural, Forestry and Service
        # Cooperative', "Kỳ Như Co-operative".
        # A day of the month may stand inside a name: 'May 19 Agricultural Cooperative'.
        proper = rf"{CAP}(?:[ ]+\d{{1,2}}(?=[ ]+[A-Z]))?(?:(?:[ ]+|,[ ]+|[ ]+and[ ]+|[ ]+of[ ]+){CAP}(?:[ ]+\d{{1,2}}(?=[ ]+[A-Z]))?)*"
        # Descriptive words may be hyphenated: "agriculture-service co-op".
        described = rf"(?i:{descriptive})(?:-(?i:{descriptive}))*"
        # A language whose names are led by their kind has no heads: no head-final search.
        self.coop = re.compile(
            rf"(?P<name>{proper}(?:[ ]+{described})*)[ ]+(?P<head>(?i:{heads}))(?![\w])"
            rf"(?![ ]+[A-Z]|\s*-\s*\w)") if names["coop_heads"] else None
        self.coop_stoplist = set(names["coop_name_stoplist"])
        # Languages whose names are led by their kind ('HTX Nông nghiệp Tân Cương').
        leads = names.get("coop_leads") or []
        self.coop_lead = re.compile(
            rf"(?<![\w])(?:{_alternation(leads)})(?![\w])") if leads else None
        self.coop_not_after = re.compile(
            rf"(?:^|[^\w])(?:{_alternation(names.get('coop_not_after') or [])})\s+$")
        self.coop_name_words = {w.lower() for w in names.get("coop_name_words") or []}
        self.coop_name_places = {w.lower() for w in names.get("coop_name_places") or []}
        self.coop_name_joiners = {w.lower() for w in names.get("coop_name_joiners") or []}
        org_leads = names.get("org_leads") or []
        self.org_lead = re.compile(
            rf"(?<![\w])(?:{_alternation(org_leads)})(?![\w])") if org_leads else None
        self.org_level_after = re.compile(
            rf"[ ]+(?:{_alternation(names.get('org_place_levels') or [])})(?![\w])")
        self.org_place = re.compile(r"[ ]+((?:[^\W\d_][\w-]*)(?:[ ]+[^\W\d_][\w-]*){0,3})")
        self.head_words = {w.lower() for h in names["coop_heads"] for w in h.split()} | {
            "co-operatives", "co-operatives'", "cooperatives'", "co-ops"}
        org_heads = _alternation(names["org_heads"])
        org_starts = _alternation(names["org_starts"])
        inner = _alternation(names["org_inner_words"])
        org_word = rf"(?:{CAP}|(?:{inner})(?=[ ]+[A-Z]))"
        self.org = re.compile(
            rf"(?P<start>(?:{CAP}[ ]+)*(?:{org_starts})[ ]+{CAP}(?:[ ]+{org_word})*)"
            rf"|(?P<headed>(?:{CAP}[ ]+)+(?:{org_heads})\b)")
        self.titles = _alternation(names["person_titles"])
        surnames = _alternation(names["surnames"])
        self.person = re.compile(
            rf"(?<![\w’'])(?:(?:{self.titles})[ ]+)?(?P<name>(?:{surnames})(?:[ ]+{CAP}){{1,3}}"
            rf"|(?:{surnames.upper()})(?:[ ]+{UPPER}){{1,3}})(?![\w’'])")
        self.titled = re.compile(
            rf"(?<![\w’'])(?:{self.titles})[ ]+(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}})")
        # Words that show a capitalised run is a place or an institution, not a person.
        self.not_person_words = {w.lower() for w in names["person_titles"]} | {
            w.lower() for ws in names["admin_words"].values() for w in ws} | {
            w.lower() for w in names["org_heads"]} | {w.lower() for w in names["not_person_words"]}

    def __call__(self, doc: Doc) -> Doc:
        self._require_setup()
        text = doc_text(doc)  # Doc.text joins every token on each call: read it once
        if self.coop_lead is not None:
            self._add_led_coops(doc, text)
        if self.org_lead is not None:
            self._add_led_orgs(doc, text)
        self._add_coops(doc, text)
        people = self._add_people(doc, text)
        self._add_orgs(doc, text, people)
        return doc

    def _add_coops(self, doc: Doc, text: str) -> None:
        if self.coop is None:
            return
        for match in self.coop.finditer(text):
            head = match.group("head")
            if head.lower().endswith("s") and not head.lower().endswith("fund"):
                continue  # plural: 'Hai Duong cooperatives' is no name
            name_text = match.group("name")
            start = match.start("name")
            # 'Tra Vinh Glass Cooperative, Phu Loi silver carving cooperative': a list of
            # names; each one ends at its head.
            for listed in LISTED_HEAD.finditer(name_text):
                self._add_coop(doc, text, start, match.start("name") + listed.end("head"),
                               listed.group("head"))
                start = match.start("name") + listed.end()
            self._add_coop(doc, text, start, match.end(), head)

    def _add_led_coops(self, doc: Doc, text: str) -> None:
        """Cooperative names led by their kind (`HTX Nông nghiệp Tân Cương`), with at least
        one capitalised word that is no kind word (the proper name), and not only a place
        (`Hợp tác xã Việt Nam` are the country's cooperatives)."""
        for lead in self.coop_lead.finditer(text):
            if self.coop_not_after.search(text, max(0, lead.start() - 20), lead.start()):
                continue
            end, proper = self._led_name_end(text, lead.end(), lead.end())
            if proper and fold_key(text[lead.end():end]) in self.provinces | self.countries:
                proper = False
            if proper:
                add_candidate(doc, lead.start(), end, "COOP",
                              {"name": ascii_fold(text[lead.start():end])}, self.name)

    def _add_led_orgs(self, doc: Doc, text: str) -> None:
        """Organisations led by their kind (`Bộ Kế hoạch và Đầu tư`, `UBND tỉnh Kon Tum`,
        `Liên minh Hợp tác xã tỉnh`): the name, then a level word and its place."""
        for lead in self.org_lead.finditer(text):
            end, _ = self._led_name_end(text, lead.end(), lead.end())
            level = self.org_level_after.match(text, end)
            if level:
                end = level.end()
                place = self.org_place.match(text, end)
                if place and place.group(1)[:1].isupper():
                    end = place.end()
            add_candidate(doc, lead.start(), end, "ORG", None, self.name)

    def _led_name_end(self, text: str, start: int, end: int) -> tuple[int, bool]:
        """Where a name led by its kind ends, and whether it holds a proper name: from
        `start`, capitalised words, each with the lower-case syllables of its word
        (`Nông lâm nghiệp`), commune words before a capitalised place, `,` before another
        kind word and `và` before a capitalised word."""
        proper = False
        words = NAME_WORD.finditer(text, start, min(len(text), start + 200))
        word = next(words, None)
        while word is not None and word.start() == end:  # only spaces or a comma between
            following = next(words, None)
            surface, lowered = word.group("word"), word.group("word").lower()
            if self.coop_lead.match(text, word.start("word")):
                break  # the next name starts
            if word.group("gap").strip() and lowered not in self.coop_name_words:
                break  # after ',' only another kind: 'Nông nghiệp, Dịch vụ'
            if surface[:1].isupper():
                proper = proper or lowered not in self.coop_name_words
            elif lowered in self.coop_name_words and end > start:
                pass
            elif (lowered in self.coop_name_places or lowered in self.coop_name_joiners) \
                    and following is not None and following.start() == word.end() \
                    and following.group("word")[:1].isupper() \
                    and not self.coop_lead.match(text, following.start("word")):
                pass
            else:
                break
            end = word.end()
            word = following
        return end, proper

    def _add_coop(self, doc: Doc, text: str, start: int, end: int, head: str) -> None:
        """One cooperative named from `start` to `end`, which ends with its `head` word."""
        name_text = text[start:end - len(head)].rstrip()
        name_start = start
        # 'Nguyen Quang Dien, Director of Tien Chau Pho Hien Cooperative': the name is
        # what follows the last 'of' after a stop word.
        for part in re.finditer(r"\bof[ ]+", name_text):
            if any(w.strip(",") in self.coop_stoplist
                   for w in name_text[:part.start()].split()):
                start = name_start + part.end()
        words = text[start:name_start + len(name_text)].split()
        if "of" in words and words[0] in self.surnames:
            # 'Nguyen Minh Phuong of Thanh Dat Cooperative': a person of the cooperative
            cut = len(words) - words[::-1].index("of")
            start += len(" ".join(words[:cut])) + 1
            start = _skip_spaces(text, start)
            words = words[cut:]
        while words and (words[0].rstrip(",") in self.coop_stoplist
                         or not words[0][:1].isupper()):
            start += len(words[0]) + 1
            start = _skip_spaces(text, start)
            words = words[1:]
        day = next((i for i, w in enumerate(words[:-1]) if w.isdigit()), None)
        if day is not None and not (day == 1 and re.search(r"(?i)\bthe\s+$",
                                                           text[max(0, start - 5):start])):
            # 'On May 19 Dong Tam Cooperative met': the date is the sentence's; only 'the May
            # 19 Cooperative' holds one in its name.
            start += len(" ".join(words[:day + 1])) + 1
            start = _skip_spaces(text, start)
            words = words[day + 1:]
        if not words or not any(w[:1].isupper() for w in words):
            return
        if words[0].lower().strip("'’") in self.head_words:
            return  # 'Co-operatives and cooperative groups': no name, a list
        name = " ".join(words)
        if fold_key(name) in self.provinces and head.islower():
            return  # 'Hanoi cooperative' names a place, not a cooperative
        place = re.sub(r"\s+(?:Province|Provincial|City)$", "", name)
        if fold_key(place) in self.provinces and re.search(r"(?i)union$", head):
            return  # 'Da Nang Cooperative Union': a provincial union is an ORG (§2)
        canonical = canonical_coop_name(f"{name} {head}")
        add_candidate(doc, start, end, "COOP", {"name": canonical}, self.name)

    def _add_orgs(self, doc: Doc, text: str, people: list[tuple[int, int]]) -> None:
        for span in doc.spans.get(GAZETTEER_KEY, []):
            if span.label_ in ("ORG", "PERSON"):
                add_candidate(doc, span.start_char, span.end_char, span.label_, None,
                              self.name)
            elif span.label_ == "COOP":
                # A cooperative named in a province file: its canonical name from there.
                name = self.coop_names.get(span.id_) or canonical_coop_name(span.text)
                add_candidate(doc, span.start_char, span.end_char, "COOP", {"name": name},
                              self.name)
        for match in self.org.finditer(text):
            start, end = match.span()
            surface = match.group()
            # 'The Department of …' at a sentence start: 'The' is no part of the name.
            for lead in ("The ", "According to the ", "Under the "):
                if surface.startswith(lead):
                    start += len(lead)
            # 'Rural Development Department of Tien Giang province': the place is no part of it.
            place = re.search(r"[ ]+of[ ]+(?:the[ ]+)?([^,]+)$", text[start:end])
            if place and fold_key(place.group(1)) in self.provinces:
                end = start + place.start()
            # '… Rural Development Ta Van Tuong said': the name ends where a person's starts.
            for person_start, _ in people:
                if start < person_start < end:
                    end = len(text[:person_start].rstrip())
            if UNION_OF_COOPERATIVES.search(text, start, end):
                # 'Saigon Union of Trading Cooperatives' unites trading cooperatives: COOP; the
                # 'Vietnam Union of Cooperatives' unites them all, an apex ORG (§2)
                add_candidate(doc, start, end, "COOP",
                              {"name": canonical_coop_name(text[start:end])}, self.name)
                continue
            add_candidate(doc, start, end, "ORG", None, self.name)

    def _add_people(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        found: dict[str, str] = {}
        spans: list[tuple[int, int]] = []
        for pattern in (self.person, self.titled):
            for match in pattern.finditer(text):
                words = match.group("name").split()
                if any(re.sub(r"[’']s$", "", w.lower()) in self.not_person_words for w in words):
                    continue  # 'Ho Chi Minh Mausoleum', 'Deputy Director'
                span = add_candidate(doc, match.start("name"), match.end("name"), "PERSON",
                                     None, self.name)
                if span is None:
                    continue
                spans.append((span.start_char, span.end_char))
                if len(words) >= self.min_person_words:
                    found[words[-1]] = span.text
        # Later mentions by the last word of the name: 'Phuc said' (ANNOTATION.md §2 PERSON).
        for short in found:
            if len(short) < 2 or not short[0].isupper() or short.isupper():
                continue
            for match in re.finditer(rf"(?<![\w’']){re.escape(short)}(?![\w’'])",
                                     text):
                add_candidate(doc, match.start(), match.end(), "PERSON", None, self.name)
        return spans


# A word of a name and what stands before it: spaces, or a comma and spaces.
NAME_WORD = re.compile(r"(?P<gap>[ ]*,?[ ]*)(?P<word>[^\W\d_][\w'’-]*)")
LISTED_HEAD = re.compile(r"(?P<head>\b(?:Co-?operative|Cooperative))\s*,\s+")
UNION_OF_COOPERATIVES = re.compile(r"\bUnion of (?:[A-Z][\w-]* )+Co-?operatives\b")


def canonical_coop_name(name: str) -> str:
    """'Liep Te aquaculture and general service cooperative' ->
    'Liep Te Aquaculture and General Service Cooperative' (no diacritics, 'Cooperative')."""
    words = ascii_fold(" ".join(name.split())).replace("Co-operative", "Cooperative")
    out = []
    for word in words.split(" "):
        lowered = word.lower()
        if lowered in {"and", "of", "for", "the"} and out:
            out.append(lowered)
        elif lowered in {"co-operative", "cooperative"}:
            out.append("Cooperative")
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def _skip_spaces(text: str, index: int) -> int:
    while index < len(text) and text[index] == " ":
        index += 1
    return index
