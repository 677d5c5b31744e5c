"""Claims and their slots on sentences written for these tests (ANNOTATION.md §3)."""

from __future__ import annotations

import pytest

from tests.conftest import run


def claims(nlp, text, published=None):
    return run(nlp, text, published)._.claims


def test_count_claim_with_place_and_governing_date(nlp):
    text = ("By the end of 2019, Nam Dinh had 640 agricultural cooperatives with 52,000 "
            "members.")
    found = claims(nlp, text)
    assert [(c["metric"], c["value"], c["unit"]) for c in found] == [
        ("org_count", 640, "count"), ("member_count", 52000, "count")]
    first = found[0]
    assert first["location"]["province"] == "Nam Dinh"
    assert first["time"] == {"start": "2019-12-31", "end": "2019-12-31"}
    assert first["status"] == "actual" and first["aggregate"] == "total"
    assert first["subject"].startswith("agricultural cooperatives")
    assert text[first["evidence"]["start"]:first["evidence"]["end"]].startswith("By the end")


def test_money_claim_with_alt_average_per_and_target(nlp):
    text = ("The province aims to raise the average annual revenue of cooperatives to "
            "VND3.5 billion (US$140,000) this year.")
    (claim,) = claims(nlp, text, "2024-03-02")
    assert claim["metric"] == "revenue" and claim["unit"] == "VND"
    assert claim["value"] == 3.5e9 and claim["alt"] == [{"value": 140000, "unit": "USD"}]
    assert claim["aggregate"] == "average" and claim["per"] == "year"
    assert claim["status"] == "target"
    assert claim["time"] == {"start": "2024-01-01", "end": "2024-12-31"}


@pytest.mark.parametrize("sentence, metric, per, status, approx", [
    ("Members of the cooperative earn about VND6 million a month.", "income", "month",
     "actual", "about"),
    ("The cooperative's profit is estimated at VND900 million.", "profit", None, "estimate",
     "exact"),
    ("Cooperative loans totalled more than VND12 billion.", "capital", None, "actual", "over"),
    ("The number of cooperatives rose 7.5 percent.", "change", None, "actual", "exact"),
    ("Some 40% of cooperatives were rated good.", "share", None, "actual", "about"),
])
def test_slots_from_cue_words(nlp, sentence, metric, per, status, approx):
    (claim,) = claims(nlp, sentence)
    assert (claim["metric"], claim["per"], claim["status"], claim["approx"]) == (
        metric, per, status, approx)


def test_currently_takes_the_published_day(nlp):
    (claim,) = claims(nlp, "Currently, the province has 210 cooperatives.", "2022-05-17")
    assert claim["time"] == {"start": "2022-05-17", "end": "2022-05-17"}


def test_range_sets_low_and_high(nlp):
    (claim,) = claims(nlp, "Cooperative workers earn 5-7 million VND per month.")
    assert (claim["value"], claim["low"], claim["high"]) == (None, 5e6, 7e6)
    assert claim["per"] == "month"


@pytest.mark.parametrize("text", [
    pytest.param("Area: 3,421 Km2\nPopulation: 1.240.500 người", id="sidebar-facts"),
    pytest.param("The city's tax revenue rose to VND400 billion.", id="tax-revenue"),
    pytest.param("The festival drew 20,000 visitors last year.", id="not-cooperatives"),
])
def test_distractors_give_no_claim(nlp, text):
    assert claims(nlp, text) == []


# Time (ANNOTATION.md §3 `time`): own sentence, governing context, published day, null.
@pytest.mark.parametrize("text, published, expected", [
    pytest.param("In 2022, the district had 48 cooperatives. They employed 1,300 workers.",
                 None, [("2022-01-01", "2022-12-31"), ("2022-01-01", "2022-12-31")],
                 id="opening-date-governs-paragraph"),
    pytest.param("Revenue of cooperatives reached VND5 billion in 2023, up 12% compared to "
                 "2022.", None, [("2023-01-01", "2023-12-31"), ("2023-01-01", "2023-12-31")],
                 id="comparison-date-is-not-the-time"),
    pytest.param("In 2019 the commune set up 3 cooperatives, and in the first half of 2021 "
                 "another 5 cooperatives were founded.", None,
                 [("2019-01-01", "2019-12-31"), ("2021-01-01", "2021-06-30")],
                 id="nearest-date-wins-over-one-across-a-figure"),
    pytest.param("Since 2019 to date, the fund has lent VND40 billion to cooperatives.",
                 "2024-05-06", [("2019-01-01", "2024-05-06")], id="since-to-date"),
    pytest.param("Nam Dinh has 420 cooperatives at present. Of these, 300 cooperatives are in "
                 "farming.", "2024-08", [("2024-08-01", "2024-08-31")] * 2,
                 id="now-cue-governs-the-paragraph-published-month"),
    pytest.param("Rice growers join forces\nThe cooperative has 35 members who grow rice.",
                 "2024-03-01", [None], id="no-date-no-cue-is-null"),
    pytest.param("Thai Binh cooperatives grow 1,500 members\nThe story of the cooperatives.",
                 "2024-03-01", [("2024-03-01", "2024-03-01")],
                 id="headline-is-news-of-the-published-day"),
    pytest.param("Currently, the province has 210 cooperatives.", None, [None],
                 id="now-without-published-is-null"),
])
def test_time_slot(nlp, text, published, expected):
    found = [c["time"] for c in claims(nlp, text, published)]
    assert [(t["start"], t["end"]) if t else None for t in found] == expected


def test_headline_period_governs_a_report(nlp):
    text = ("Bac Giang: cooperatives in the first 9 months of 2022\n\n"
            "The Department of Agriculture reported on the economy of the province, listing "
            "the results of its cooperatives in trade, services and farming over the "
            "period under review, the difficulties they met in finding markets and capital, "
            "and what remains to be done.\n"
            "Cooperatives created jobs for 2,100 workers.")
    (claim,) = claims(nlp, text)
    assert claim["time"] == {"start": "2022-01-01", "end": "2022-09-30"}


# Location (ANNOTATION.md §3 `location`).
def test_national_cue_overrides_the_home_province(nlp):
    text = ("Thai Nguyen cooperatives grow tea. Thai Nguyen has 560 cooperatives. "
            "Nationwide, there are 31,000 cooperatives.")
    found = claims(nlp, text)
    assert [c["location"]["province"] for c in found] == ["Thai Nguyen", None]
    assert found[1]["location"]["name"] == "Vietnam"


def test_national_article_without_a_province_in_its_lead(nlp):
    text = ("Farm cooperatives adopt digital tools\n\n"
            "More than 19,000 agricultural cooperatives operate across the country, the "
            "ministry said at a conference on digital transformation of the collective "
            "economy, where officials from many provinces, associations and banks discussed "
            "loans, online sales and training for cooperative managers and members.\n"
            "One of them, in Lam Dong, has 120 members.\n"
            "About 2,500 cooperatives sell online.")
    found = claims(nlp, text)
    assert found[-1]["location"] == {"name": "Vietnam", "province": None,
                                     "province_2025": None}
    assert found[1]["location"]["province"] == "Lam Dong"


def test_district_resolves_to_its_province(nlp):
    (claim,) = claims(nlp, "Thuan Chau district has 45 cooperatives.")
    assert claim["location"]["name"] == "Thuan Chau"
    assert claim["location"]["province"] == "Son La"


# Status, aggregate and metric cues limited to the figure's clause.
@pytest.mark.parametrize("sentence, slot, expected", [
    ("The province has 170 cooperatives, but it will need more capital.", "status", "actual"),
    ("The province plans to lift cooperative revenue to VND3 billion from VND2 billion.",
     "status", ["target", "actual"]),
    ("By 2030 the province aims to have 500 cooperatives.", "status", "target"),
    ("They would include 5 to 10 cooperatives with OCOP products.", "status", "target"),
    ('Of the cooperatives, 60% were rated "good" and 30% "average".', "aggregate",
     ["total", "total"]),
    ("The average size of cooperatives rose from 150 to 180 members per cooperative.",
     "aggregate", ["average", "average"]),
    ("The cooperatives have 1,200 members, with average revenue of VND2 billion.",
     "aggregate", ["total", "average"]),
])
def test_clause_cues(nlp, sentence, slot, expected):
    found = [c[slot] for c in claims(nlp, sentence)]
    assert found == (expected if isinstance(expected, list) else [expected])


@pytest.mark.parametrize("sentence, metrics", [
    ("Cooperative revenue is expected to increase to VND2.9 billion.", ["revenue"]),
    ("Members' income of the cooperatives rose by VND17 million.", ["change"]),
    ("The number of cooperatives rose to 45%.", ["share"]),
])
def test_change_needs_a_change_cue_right_before(nlp, sentence, metrics):
    assert [c["metric"] for c in claims(nlp, sentence)] == metrics


@pytest.mark.parametrize("text, expected", [
    pytest.param("The cooperative has 40 members. It earned revenue of VND3 billion last year.",
                 [("member_count", 40), ("revenue", 3e9)], id="next-sentence-continues"),
    pytest.param("Under the law, a cooperative must have at least seven members.", [],
                 id="legal-threshold"),
    pytest.param("The cooperatives employ 300 people; the average income of workers is "
                 "VND5 million a month.", [("worker_count", 300), ("income", 5e6)],
                 id="after-a-semicolon-continues"),
    pytest.param("The cooperative has 40 members. Heavy rain damaged 25 hectares of rice.",
                 [("member_count", 40)], id="an-unrelated-next-sentence-gives-no-claim"),
    pytest.param("Members of the cooperative sold longan at VND25,000 per kilo.",
                 [("other", 25000)], id="price-is-no-revenue"),
    pytest.param("The cooperative earned nearly VND900 million last year.",
                 [("revenue", 9e8)], id="cooperative-income-is-revenue"),
    pytest.param("Cooperative members earned VND7 million a month.", [("income", 7e6)],
                 id="members-income"),
    pytest.param("The 30 cooperatives created jobs for 1,200 people.",
                 [("org_count", 30), ("worker_count", 1200)], id="jobs-for-people"),
    pytest.param("Cooperative profit, income and members rose 12 percent, 8 percent and "
                 "5 percent.", [("change", 12), ("change", 8), ("change", 5)],
                 id="change-list"),
    pytest.param("Average revenue of cooperatives was VND2 billion, VND300 million higher "
                 "than in 2019.", [("revenue", 2e9), ("change", 3e8)], id="higher-than"),
    pytest.param("The district plans to set up 25 cooperatives.", [("org_count", 25)],
                 id="set-up-is-no-rise"),
    pytest.param("The province had 120 cooperatives, an increase of 9 cooperatives.",
                 [("org_count", 120), ("change", 9)], id="count-change"),
    pytest.param("Since joining the cooperative, his family makes a profit of VND40 million "
                 "a year.", [("income", 4e7)], id="a-family-profit-is-income"),
    pytest.param("The cooperative made a profit of VND800 million.", [("profit", 8e8)],
                 id="a-cooperative-profit"),
    pytest.param("Cooperative members grow two crops a year on 35 ha.", [("other", 35)],
                 id="crops-are-no-claim-and-grow-is-no-change"),
    pytest.param("The cooperative was formed from 4 farmer groups.", [("org_count", 4)],
                 id="farmer-groups"),
    pytest.param("The number of cooperatives rose to 45 cooperatives.", [("org_count", 45)],
                 id="a-new-level-is-no-change"),
])
def test_metric_rules(nlp, text, expected):
    assert [(c["metric"], c["value"]) for c in claims(nlp, text)] == expected


@pytest.mark.parametrize("text, subjects", [
    pytest.param("The province has 85 agricultural cooperatives applying high technology.",
                 ["agricultural cooperatives applying high technology"], id="counted-phrase"),
    pytest.param("Tan Phu Tea Cooperative has 60 members and 12 hectares of tea.",
                 ["Tan Phu Tea Cooperative", "Tan Phu Tea Cooperative"], id="named-coop"),
    pytest.param("Hoa Son Cooperative grows pepper. The cooperative has 45 members.",
                 ["Hoa Son Cooperative"], id="back-reference"),
    # An amount's subject is whose it is (the contract's own example: revenue of
    # "cooperatives"), without the article.
    pytest.param("The average revenue of a cooperative is VND2.4 billion.",
                 ["cooperative"], id="metric-phrase"),
    pytest.param("Average income of labourers in the cooperatives is VND60 million a year.",
                 ["labourers in the cooperatives"], id="two-prepositions"),
    pytest.param("About 40 percent of the local cooperatives are rated good.",
                 ["local cooperatives"], id="share-of"),
])
def test_subject_slot(nlp, text, subjects):
    assert [c["subject"] for c in claims(nlp, text)] == subjects


@pytest.mark.parametrize("text, times", [
    pytest.param("The share of cooperatives rated good rose from 30% to 55% compared to 2019.",
                 [("2019-01-01", "2019-12-31"), None], id="old-value-takes-the-comparison-date"),
    pytest.param("Cooperative revenue reached VND3 billion (US$120,000) in 2023, up from "
                 "VND2 billion ($80,000) in 2022.",
                 [("2023-01-01", "2023-12-31"), ("2022-01-01", "2022-12-31")],
                 id="a-conversion-is-no-figure-between"),
    pytest.param("In 2018, the cooperative earned a profit of VND1 billion, then in 2019 it "
                 "earned a profit of VND2 billion.",
                 [("2018-01-01", "2018-12-31"), ("2019-01-01", "2019-12-31")],
                 id="then-starts-a-clause"),
])
def test_time_rules(nlp, text, times):
    found = [c["time"] for c in claims(nlp, text)]
    assert [(t["start"], t["end"]) if t else None for t in found] == times


def test_a_country_inside_a_quoted_title_is_not_the_place(nlp):
    text = ("Thai Binh cooperatives grow rice. With the project \"Rice Value Chains in "
            "Vietnam\", the cooperative has 60 members.")
    (claim,) = claims(nlp, text)
    assert claim["location"]["province"] == "Thai Binh"


def test_a_change_takes_the_aggregate_of_the_figure_that_changed(nlp):
    text = ("The average revenue of a cooperative was VND2 billion, up 12 percent compared "
            "to 2020. The province has 300 cooperatives, up 5 percent.")
    found = [(c["metric"], c["aggregate"]) for c in claims(nlp, text)]
    assert found == [("revenue", "average"), ("change", "average"), ("org_count", "total"),
                     ("change", "total")]


def test_an_article_about_one_cooperative_gives_it_its_measures(nlp):
    text = ("Hoa Son Pepper Cooperative was founded in 2015 by 20 farmers.\n"
            "Its members now farm 45 ha. Last year, profit reached VND900 million.")
    found = {c["metric"]: c["subject"] for c in claims(nlp, text, "2024-05-01")}
    assert found["other"] == "Hoa Son Pepper Cooperative"
    assert found["profit"] == "Hoa Son Pepper Cooperative"


def test_a_bare_amount_is_of_cooperatives(nlp):
    (claim,) = claims(nlp, "Across the province, cooperatives reported that annual revenue "
                           "reached VND2.4 billion.")
    assert claim["subject"] == "cooperatives"
