"""Entities per label on sentences written for these tests (ANNOTATION.md §2)."""

from __future__ import annotations

import pytest

from tests.conftest import entities


def _find(found, label, text):
    return [norm for lab, surface, norm in found if lab == label and surface == text]


@pytest.mark.parametrize("sentence, surface, norm", [
    pytest.param("Members earned VND3.4 billion last year.", "VND3.4 billion",
                 {"value": 3.4e9, "currency": "VND"}, id="prefix"),
    pytest.param("Its turnover hit 1,950 million VND in 2022.", "1,950 million VND",
                 {"value": 1.95e9, "currency": "VND"}, id="suffix-grouped"),
    pytest.param("Workers get VND 5 to 7.5 million a month.", "VND 5 to 7.5 million",
                 {"value": None, "low": 5e6, "high": 7.5e6}, id="range-to"),
    pytest.param("Pickers earn 3-5 million VND per month.", "3-5 million VND",
                 {"low": 3e6, "high": 5e6}, id="range-dash"),
    pytest.param("The fund lent about 4.2 billion VND to farmers.", "about 4.2 billion VND",
                 {"value": 4.2e9}, id="approximator"),
    pytest.param("Exports reached 18 trillion VND.", "18 trillion VND", {"value": 18e12},
                 id="trillion"),
    pytest.param("It posted a profit of 8,215 million last year.", "8,215 million",
                 {"value": 8.215e9, "currency": "VND"}, id="bare-scaled-after-cue"),
    pytest.param("Loans of between VND300 million and VND1.5 billion were approved.",
                 "VND300 million and VND1.5 billion", {"low": 3e8, "high": 1.5e9},
                 id="between-range"),
])
def test_money(nlp, sentence, surface, norm):
    found = _find(entities(nlp, sentence), "MONEY", surface)
    assert found, entities(nlp, sentence)
    assert {k: found[0][k] for k in norm} == norm


def test_parenthetical_conversion_is_two_money_entities(nlp):
    found = entities(nlp, "The average revenue rose to VND3.1 billion (US$133,500) a year.")
    money = [(surface, norm["value"], norm["currency"]) for label, surface, norm in found
             if label == "MONEY"]
    assert money == [("VND3.1 billion", 3.1e9, "VND"), ("US$133,500", 133500, "USD")]


@pytest.mark.parametrize("sentence, surface, value, unit", [
    pytest.param("The province has 312 cooperatives.", "312", 312, "cooperative", id="plain"),
    pytest.param("Some 1.204.350 members joined.", "Some 1.204.350", 1204350, "member",
                 id="vietnamese-grouping"),
    pytest.param("Fifty cooperatives were dissolved.", "Fifty", 50, "cooperative",
                 id="number-word"),
    pytest.param("Of these, around a thousand are active.", "around a thousand", 1000, None,
                 id="around-a-thousand"),
    pytest.param("The district set up 04 new cooperative groups.", "04", 4,
                 "cooperative group", id="leading-zero"),
    pytest.param("They employ nearly 6 million workers.", "nearly 6 million", 6000000,
                 "worker", id="scaled-count"),
    pytest.param("It has 27 people's credit funds.", "27", 27, "people's credit fund",
                 id="credit-funds"),
    pytest.param("The 12-member cooperative grows tea.", "12", 12, "member",
                 id="hyphenated-noun"),
])
def test_count(nlp, sentence, surface, value, unit):
    found = _find(entities(nlp, sentence), "COUNT", surface)
    assert found, entities(nlp, sentence)
    assert found[0]["value"] == value
    if unit is not None:
        assert found[0]["unit"] == unit


@pytest.mark.parametrize("sentence, not_count", [
    pytest.param("Under Plan No. 47 the city will help cooperatives.", "47", id="plan-no"),
    pytest.param("Report 512/BC-UBND lists the results.", "512", id="report-number"),
    pytest.param("Decree 98 guides the Law.", "98", id="decree"),
    pytest.param("The cooperative won the 31st prize.", "31", id="ordinal"),
    pytest.param("Its rice got a three-star rating.", "three", id="star-rating"),
    pytest.param("In 2019 the group was founded.", "2019", id="year"),
    pytest.param("Output rose 3-4 times.", "3", id="multiplier"),
    pytest.param("Call the hotline 0912 345 678 now.", "0912", id="phone"),
    pytest.param("Products join the One Commune One Product programme.", "One", id="ocop"),
])
def test_not_count(nlp, sentence, not_count):
    found = entities(nlp, sentence)
    assert not [s for lab, s, _ in found if lab == "COUNT" and not_count in s], found


@pytest.mark.parametrize("sentence, surface, value", [
    ("About 64.5% of members are women.", "About 64.5%", 64.5),
    ("The share rose 4.8 per cent.", "4.8 per cent", 4.8),
    ("Nearly 25 percent were rated weak.", "Nearly 25 percent", 25),
    ("Revenue and profit rose 35 and 14 percent, respectively.", "35", 35),
    ("Revenue and profit rose 35 and 14 percent, respectively.", "14 percent", 14),
])
def test_percent(nlp, sentence, surface, value):
    found = _find(entities(nlp, sentence), "PERCENT", surface)
    assert found and found[0]["value"] == value


@pytest.mark.parametrize("sentence, surface, value, unit", [
    ("It farms 120 ha of rice.", "120 ha", 120, "ha"),
    ("The group sold 500 tonnes of fish.", "500 tonnes", 500, "tonne"),
    ("A 2,000sq.m warehouse was built.", "2,000sq.m", 2000, "m2"),
    ("Members grow tea on 35ha.", "35ha", 35, "ha"),
    ("It harvested 23 tonnes in 2016 and 130 tonnes in 2017.", "130 tonnes", 130, "tonne"),
])
def test_quantity(nlp, sentence, surface, value, unit):
    found = _find(entities(nlp, sentence), "QUANTITY", surface)
    assert found and found[0]["value"] == value and found[0]["unit"] == unit


def test_a_year_before_and_is_no_range_end(nlp):
    found = entities(nlp, "It harvested 23 tonnes in 2016 and 130 tonnes in 2017.")
    assert [(label, surface) for label, surface, _ in found if label in ("DATE", "QUANTITY")] \
        == [("QUANTITY", "23 tonnes"), ("DATE", "2016"), ("QUANTITY", "130 tonnes"),
            ("DATE", "2017")]
    ranged = entities(nlp, "Yields are between 7 and 9 tonnes a hectare.")
    assert [(s, n["low"], n["high"]) for label, s, n in ranged if label == "QUANTITY"] \
        == [("7 and 9 tonnes", 7, 9)]


@pytest.mark.parametrize("sentence, surface, published, norm", [
    pytest.param("In the first 6 months of 2022, revenue rose.", "the first 6 months of 2022",
                 None, {"start": "2022-01-01", "end": "2022-06-30"}, id="period"),
    pytest.param("By the end of 2019, there were 80 cooperatives.", "the end of 2019", None,
                 {"start": "2019-12-31", "end": "2019-12-31"}, id="end-of"),
    pytest.param("Targets for the 2021-25 period were set.", "the 2021-25 period", None,
                 {"start": "2021-01-01", "end": "2025-12-31"}, id="short-range"),
    pytest.param("Le Van An 09:40, 2023/05/11\nThe city plans more.", "09:40, 2023/05/11",
                 None, {"start": "2023-05-11", "end": "2023-05-11"}, id="dateline"),
    pytest.param("This year the province aims higher.", "This year", "2022-03-01",
                 {"start": "2022-01-01", "end": "2022-12-31"}, id="relative"),
    pytest.param("Sales grew in 2013.However, costs rose.", "2013", None,
                 {"start": "2013-01-01", "end": "2013-12-31"}, id="glued-sentence"),
    pytest.param("Farm news\nWednesday, March 6, 2024 | 08:12:40\n95 views",
                 "Wednesday, March 6, 2024 | 08:12:40", None,
                 {"start": "2024-03-06", "end": "2024-03-06"}, id="dateline-weekday-time"),
    pytest.param("Co-op news\n10:41:05 AM | 10/25/2021\nThe union met.",
                 "10:41:05 AM | 10/25/2021", None,
                 {"start": "2021-10-25", "end": "2021-10-25"}, id="dateline-time-first"),
    pytest.param("Farm news | June 02, 2022, 09:15 [GMT+7]\nThe union met.",
                 "June 02, 2022, 09:15 [GMT+7]", None,
                 {"start": "2022-06-02", "end": "2022-06-02"}, id="dateline-bracket-zone"),
    pytest.param("By the end of May 2021, loans reached VND5 billion.", "the end of May 2021",
                 None, {"start": "2021-05-31", "end": "2021-05-31"}, id="end-of-month"),
    pytest.param("As of early 2018, the district had 40 cooperatives.", "early 2018", None,
                 {"start": "2018-01-01", "end": "2018-01-01"}, id="early-year"),
    pytest.param("Revenue doubled between 2015 and 2019.", "2015 and 2019", None,
                 {"start": "2015-01-01", "end": "2019-12-31"}, id="between-years"),
])
def test_date(nlp, sentence, surface, published, norm):
    found = _find(entities(nlp, sentence, published), "DATE", surface)
    assert found == [norm], entities(nlp, sentence, published)


@pytest.mark.parametrize("sentence, not_date", [
    ("The 2012 Law on Cooperatives sets the rules.", "2012"),
    ("It won the CoopStar Awards 2024 last month.", "2024"),
    ("Members may join at any time.", "may"),
    ("Currently, the province has 90 cooperatives.", "Currently"),
    ("By HUE Today / HUE Today | the paper", "Today"),
    ('Two units won the "Cooperative Star 2023" title.', "2023"),
])
def test_not_date(nlp, sentence, not_date):
    found = entities(nlp, sentence)
    assert not [s for lab, s, _ in found if lab == "DATE" and not_date in s], found


@pytest.mark.parametrize("sentence, surface, province, level", [
    ("The Quang Ninh cooperatives met.", "Quang Ninh", "Quang Ninh", "province"),
    ("Farmers in Thuận Châu district grow coffee.", "Thuận Châu", "Son La", "district"),
    ("It is based in Mộc Châu District.", "Mộc Châu District", "Son La", "district"),
    ("Hanoi supports its farmers.", "Hanoi", "Hanoi", "province"),
    ("NGHỆ AN — The province plans more cooperatives.", "NGHỆ AN", "Nghe An", "province"),
    ("Rice from Tân Hòa commune sells well.", "Tân Hòa", None, "commune"),
    ("Exports go to Japan and China.", "Japan", None, "country"),
])
def test_gpe(nlp, sentence, surface, province, level):
    found = _find(entities(nlp, sentence), "GPE", surface)
    assert found, entities(nlp, sentence)
    assert found[0]["level"] == level
    if province:
        assert found[0]["province"] == province


@pytest.mark.parametrize("sentence, surface, canonical", [
    ("Members of the Hoa Lu silk weaving cooperative met.",
     "Hoa Lu silk weaving cooperative", "Hoa Lu Silk Weaving Cooperative"),
    ("The Đồng Tâm Agricultural Service Co-operative grew.",
     "Đồng Tâm Agricultural Service Co-operative", "Dong Tam Agricultural Service Cooperative"),
    ("Mr. Tran Van Hai, Director of Phu Cat Tea Cooperative, said so.",
     "Phu Cat Tea Cooperative", "Phu Cat Tea Cooperative"),
])
def test_coop(nlp, sentence, surface, canonical):
    found = _find(entities(nlp, sentence), "COOP", surface)
    assert found == [{"name": canonical}], entities(nlp, sentence)


def test_coop_variants_share_one_name(nlp):
    text = ("The Bao Lam Coffee Co-operative exports beans. Later, the Bao Lam Co-operative "
            "opened a shop.")
    names = {norm["name"] for lab, _, norm in entities(nlp, text) if lab == "COOP"}
    assert names == {"Bao Lam Coffee Cooperative"}


@pytest.mark.parametrize("sentence, not_coop", [
    ("Hanoi cooperatives earn more.", "cooperatives"),
    ("The Provincial Cooperative Union helped them.", "Cooperative"),
    ("A cooperative must have seven members.", "A cooperative"),
])
def test_not_coop(nlp, sentence, not_coop):
    found = entities(nlp, sentence)
    assert not [s for lab, s, _ in found if lab == "COOP"], found


@pytest.mark.parametrize("sentence, label, surface", [
    ("The Department of Agriculture and Rural Development said so.", "ORG",
     "Department of Agriculture and Rural Development"),
    ("The Provincial Cooperative Union helped.", "ORG", "Provincial Cooperative Union"),
    ("The Lang Son People's Committee approved it.", "ORG", "Lang Son People's Committee"),
    ("Source: VNA", "ORG", "VNA"),
    ("Deputy Director Hoang Thi Mai said the plan worked.", "PERSON", "Hoang Thi Mai"),
    ("Mr. Nguyen Duc Long praised members. Long said prices rose.", "PERSON", "Long"),
])
def test_org_and_person(nlp, sentence, label, surface):
    found = entities(nlp, sentence)
    assert (label, surface) in [(lab, s) for lab, s, _ in found], found


def test_page_furniture_is_not_annotated(nlp):
    text = ("Today : 52\nYesterday : 1903\nYou have 500/5000 characters left\n"
            "Hanoi will help 40 cooperatives. Photo: Nguyen Van Binh")
    found = [(lab, s) for lab, s, _ in entities(nlp, text)]
    assert ("COUNT", "40") in found
    assert not [s for lab, s in found if s in ("52", "1903", "500", "Nguyen Van Binh")], found


@pytest.mark.parametrize("sentence, label, surface", [
    pytest.param("The Ha Nam Cooperative Union held its congress.", "ORG", "Ha Nam Cooperative Union",
                 id="provincial-union-is-org"),
    pytest.param("Tran Van Binh of Phuoc Hai Cooperative spoke first.", "COOP",
                 "Phuoc Hai Cooperative", id="person-of-cooperative"),
    pytest.param("So Tan Loc Cooperative was the first to sign.", "COOP", "Tan Loc Cooperative",
                 id="sentence-adverb-is-no-name-part"),
    pytest.param("The Vietnam Union of Cooperatives sent a delegation.", "ORG",
                 "Vietnam Union of Cooperatives", id="apex-union-of-cooperatives-is-org"),
    pytest.param("Visitors praised the October 10 Tea Production Cooperative in the commune.",
                 "COOP", "October 10 Tea Production Cooperative", id="a-day-in-a-name"),
    pytest.param("On May 19 Dong Tam Cooperative held its congress.", "COOP",
                 "Dong Tam Cooperative", id="a-date-before-a-name"),
])
def test_names_of_cooperatives_and_unions(nlp, sentence, label, surface):
    found = entities(nlp, sentence)
    assert (label, surface) in [(lab, s) for lab, s, _ in found], found
    assert not [s for lab, s, _ in found if lab == "COOP" and s != surface and surface in s]


@pytest.mark.parametrize("sentence, label, surface", [
    pytest.param("The board publicised Tan Thanh agriculture-service co-op.", "COOP",
                 "Tan Thanh agriculture-service co-op", id="lower-case-co-op-head"),
    pytest.param("The Hanoi Union of Trading Cooperatives (Hanoi Co.op) signed a deal.", "COOP",
                 "Hanoi Union of Trading Cooperatives", id="union-of-cooperatives"),
    pytest.param("The Hanoi Union of Trading Cooperatives (Hanoi Co.op) signed a deal.", "COOP",
                 "Hanoi Co.op", id="co-op-abbreviated"),
    pytest.param("(Photo: a farm)\n\nPhu An cooperative in Tan Loc commune grows rice.", "COOP",
                 "Phu An cooperative", id="after-a-photo-credit"),
])
def test_more_cooperative_names(nlp, sentence, label, surface):
    assert (label, surface) in [(lab, s) for lab, s, _ in entities(nlp, sentence)]


def test_a_list_of_cooperative_words_is_no_name(nlp):
    found = entities(nlp, "Co-operatives and cooperative groups in the province signed deals.")
    assert not [s for lab, s, _ in found if lab == "COOP"]


def test_a_list_of_cooperative_names(nlp):
    found = entities(nlp, "Good examples are An Phu Rattan Cooperative, Tan Loc silk weaving "
                          "cooperative and others.")
    assert [s for lab, s, _ in found if lab == "COOP"] == [
        "An Phu Rattan Cooperative", "Tan Loc silk weaving cooperative"]
