"""Claims whose slots come from the article around the figure (issue 10): the outlet, the
era of the province names, the date that governs a paragraph. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from pipeline.batch.local import prepare_doc
from pipeline.io.readers import InputDoc


def claims(nlp, text, published=None, url=None):
    return nlp(prepare_doc(nlp, InputDoc("t", text, "test", url=url, published=published))
               )._.claims


def provinces(found):
    return [(c["value"], c["location"]["province"]) for c in found]


def test_outlet_province_when_the_text_names_none(nlp):
    text = "The district's cooperative alliance now counts 58 cooperatives and 12 co-op groups."
    found = claims(nlp, text, url="https://baobacninh.com.vn/en/economy/story-123.html")
    assert provinces(found) == [(58, "Bac Ninh"), (12, "Bac Ninh")]
    national = claims(nlp, text, url="https://vietnamnews.vn/economy/123/story.html")
    assert provinces(national) == [(58, None), (12, None)]


def test_named_province_wins_over_the_outlet(nlp):
    text = "Lao Cai province now has 310 cooperatives."
    found = claims(nlp, text, url="https://baoyenbai.com.vn/12/34/story.aspx")
    assert provinces(found) == [(310, "Lao Cai")]


def test_merged_province_after_july_2025(nlp):
    text = "Ha Giang province has 640 cooperatives with 9,100 members."
    before = claims(nlp, text, published="2024-11-02")
    after = claims(nlp, text, published="2025-09-12")
    assert provinces(before) == [(640, "Ha Giang"), (9100, "Ha Giang")]
    assert provinces(after) == [(640, "Tuyen Quang"), (9100, "Tuyen Quang")]
    assert after[0]["location"]["province_2025"] == "Tuyen Quang"


def test_a_merged_province_named_beside_an_old_commune_dates_the_text(nlp):
    text = ("Members of a co-operative in Khanh Hoa Province's Phuoc Dinh Commune grow "
            "asparagus. The co-operative has 64 members.")
    assert provinces(claims(nlp, text)) == [(64, "Khanh Hoa")]


def test_a_conference_venue_is_not_where_national_figures_are(nlp):
    text = ("Leaders met at a conference in Hanoi on May 3. The country has 31,000 "
            "cooperatives, and 62 percent of them work in farming nationwide.")
    assert provinces(claims(nlp, text)) == [(31000, None), (62, None)]


def test_a_buyers_country_is_not_where_a_figure_is(nlp):
    text = ("Binh Phuoc province has 140 cooperatives. One co-operative sold 300 tonnes of "
            "cashew to Japan last year.")
    found = provinces(claims(nlp, text))
    assert (300, "Binh Phuoc") in found


def times(found):
    return [(c["value"], (c["time"] or {}).get("start"), (c["time"] or {}).get("end"))
            for c in found]


def test_a_reporting_period_in_the_lead_paragraph_governs_later_paragraphs(nlp):
    text = ("Co-ops grow in Ninh Binh\n"
            "(NB) - In the first nine months of 2021, Ninh Binh province set up 21 new "
            "cooperatives, reaching 70% of the yearly plan and bringing the total number of "
            "cooperatives in the province to 390, according to a report of the provincial "
            "Cooperative Alliance released at its meeting.\n"
            "By district: 5 cooperatives in Kim Son district and 4 cooperatives in Yen Mo "
            "district.")
    found = times(claims(nlp, text))
    assert (5, "2021-01-01", "2021-09-30") in found and (4, "2021-01-01", "2021-09-30") in found


def test_a_date_starting_a_sentence_governs_it_without_a_comma(nlp):
    text = "Last year the province set up 28 new co-operatives."
    assert times(claims(nlp, text, published="2024-02-10")) == [(28, "2023-01-01", "2023-12-31")]


LEAD_YEAR_REPORT = (
    "Quang Binh's co-ops report a good year\n"
    "(QB) - Thirty-two cooperatives were set up in Quang Binh province in 2023, up 20% "
    "compared with those in 2022, the provincial Cooperative Alliance said at its "
    "year-end meeting, where it also reviewed plans for the next year.\n"
    "The province now counts 412 cooperatives.\n"
    "The average revenue of a cooperative was VND 2.7 billion, up 6% on the previous year.\n")


def test_a_year_in_the_lead_governs_the_flows_of_the_report(nlp):
    found = {c["value"]: c for c in claims(nlp, LEAD_YEAR_REPORT)}
    year = ("2023-01-01", "2023-12-31")
    assert (found[32]["time"]["start"], found[32]["time"]["end"]) == year
    # "compared with those in 2022" is the old value's date, not the new one's.
    assert (found[20]["time"]["start"], found[20]["time"]["end"]) == year
    # Revenue and its growth are flows over the reported year ...
    assert (found[2.7e9]["time"]["start"], found[2.7e9]["time"]["end"]) == year
    assert (found[6]["time"]["start"], found[6]["time"]["end"]) == year
    # ... a stock named without a date is as of the article, not of that year.
    assert found[412]["time"] is None


@pytest.mark.parametrize("lead", [
    pytest.param("The province will develop its co-ops from now through 2025.", id="horizon"),
    pytest.param("The co-op harvested 23 tonnes in 2016 and 130 tonnes in 2017.",
                 id="two-years"),
    pytest.param("Founded in 2009, the co-op grows rice on the river bank of the province "
                 "with help from the district.", id="history"),
])
def test_no_reporting_year_from_a_horizon_two_years_or_a_history(nlp, lead):
    text = (f"Co-ops in An Giang\n{lead} " + "The district officials visited the farms. " * 4
            + "\nThe co-op's revenue was VND 900 million.\n")
    found = {c["value"]: c for c in claims(nlp, text)}
    assert found[9e8]["time"] is None


def test_a_reporting_year_after_the_published_one_is_a_plan(nlp):
    text = ("Co-ops in An Giang\nThe province held its conference to deploy tasks in 2025 "
            "with the cooperative alliance and every district of the province present.\n"
            "The co-ops' revenue was VND 900 million.\n")
    found = {c["value"]: c for c in claims(nlp, text, published="2024-12-20")}
    assert found[9e8]["time"] is None

def metrics(found):
    return [(c["metric"], c["value"], c["unit"]) for c in found]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Up to now, 19 cooperatives in the district have built 27 3-star and 4-star "
                 "OCOP products.", [("org_count", 19, "count"), ("product_count", 27, "count")],
                 id="hyphenated-modifiers-joined-by-and"),
    pytest.param("In 2021 the district formed 12 new co-operatives and 30 co-operative groups, "
                 "bringing the totals to 210 and 1,400.",
                 [("org_count", 12, "count"), ("org_count", 30, "count"),
                  ("org_count", 210, "count"), ("org_count", 1400, "count")],
                 id="two-totals-are-not-a-range"),
    pytest.param("The total number of members of the two credit funds is 3,120 people.",
                 [("member_count", 3120, "count")], id="number-of-members-in-people"),
    pytest.param("In the cooperatives, the number of regular employees is about 8,400 people.",
                 [("worker_count", 8400, "count")], id="number-of-employees-in-people"),
    pytest.param("Each cooperative earned VND 3.1 billion in revenue and VND 260 million in "
                 "profit.", [("revenue", 3.1e9, "VND"), ("profit", 2.6e8, "VND")],
                 id="metric-named-after-the-amount"),
    pytest.param("The city has 1,820 cooperatives, of which 1,150 are effective, making up 63% "
                 "of the total.", [("org_count", 1820, "count"), ("org_count", 1150, "count"),
                                   ("share", 63, "%")], id="making-up-is-a-share"),
    pytest.param("The cooperatives have 6,100 members, a 12% rise over the same period.",
                 [("member_count", 6100, "count"), ("change", 12, "%")],
                 id="rise-after-a-percent"),
    pytest.param("The average revenue of cooperatives in the province is estimated\nat 2.1 "
                 "billion VND.", [("revenue", 2.1e9, "VND")], id="line-break-inside-a-sentence"),
])
def test_which_figures_and_their_metric(nlp, text, expected):
    assert metrics(claims(nlp, text)) == expected


@pytest.mark.parametrize("text", [
    pytest.param('Cooperatives joined the "One commune, one product" (OCOP) programme.',
                 id="slogan"),
    pytest.param("The cooperative's products joined the one village – one product scheme.",
                 id="slogan-with-dash"),
])
def test_number_words_in_names_are_no_counts(nlp, text):
    assert claims(nlp, text) == []


def test_a_noun_after_a_bare_number_is_what_it_counts(nlp):
    found = claims(nlp, "Each day the Binh An Cooperative sells over 15,000 quail eggs.")
    assert [(c["metric"], c["value"]) for c in found] == [("other", 15000)]


@pytest.mark.parametrize("text, value, currency", [
    pytest.param("The co-op's revenue hit VND12.5bn last year.", 12.5e9, "VND", id="glued-bn"),
    pytest.param("The co-op's revenue hit 12.5bn VND last year.", 12.5e9, "VND", id="bn-suffix"),
    pytest.param("The co-op's revenue hit VND 12.5 bn last year.", 12.5e9, "VND", id="spaced-bn"),
    pytest.param("The co-op's profit was VND 700m.", 7e8, "VND", id="glued-m-at-sentence-end"),
    pytest.param("The co-op's exports were worth US$1.2m in 2022.", 1.2e6, "USD", id="usd-m"),
    pytest.param("The co-op's profit was 2 billion dong.", 2e9, "VND", id="dong"),
    pytest.param("The co-op's sales reached half a million USD.", 5e5, "USD", id="half-a-million"),
    pytest.param("The co-op's profit rose to 40,000 dollar.", 40000, "USD", id="bare-dollar-usd"),
])
def test_money_forms_of_english_news(nlp, text, value, currency):
    (claim,) = claims(nlp, text)
    assert claim["value"] == pytest.approx(value) and claim["unit"] == currency


def test_one_letter_scales_only_glued_to_money(nlp):
    found = claims(nlp, "The co-op built a 30 m wall for its 45 members.")
    assert [c["value"] for c in found] == [30, 45]  # thirty metres, not 30 million
    assert all(c["unit"] != "VND" for c in found)


@pytest.mark.parametrize("text, expected", [
    pytest.param("The co-op expects revenue of VND 35 billion this year.",
                 [("revenue", "total", "target")], id="expects-is-a-target"),
    pytest.param("Its 120 members each received VND 5 million.",
                 [("member_count", "total", "actual"), ("income", "average", "actual")],
                 id="members-each-received"),
    pytest.param("Two cooperatives each earned VND 1 billion.",
                 [("org_count", "total", "actual"), ("revenue", "average", "actual")],
                 id="each-after-a-count"),
    pytest.param("Revenue of the cooperatives is set to reach VND 90 billion.",
                 [("revenue", "total", "target")], id="is-set-to"),
])
def test_status_and_aggregate(nlp, text, expected):
    assert [(c["metric"], c["aggregate"], c["status"]) for c in claims(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Binh Dinh has 31 agricultural production and service cooperatives.",
                 [("org_count", 31, "agricultural production and service cooperatives")],
                 id="modifiers-joined-by-and"),
    pytest.param("Of these co-operatives, 70 are agricultural ones and 41 are non-farm ones.",
                 [("org_count", 70), ("org_count", 41)], id="ones-stand-for-the-noun"),
    pytest.param("The project helped found 4 cooperatives and 7 collective groups with 190 "
                 "household members.", [("org_count", 4, "cooperatives"),
                                        ("org_count", 7, "collective groups"),
                                        ("member_count", 190, "household members")],
                 id="compound-counts-its-last-noun"),
    pytest.param("The province has 512 collective economic organizations.",
                 [("org_count", 512, "collective economic organizations")],
                 id="organizations"),
])
def test_counted_nouns_and_subjects(nlp, text, expected):
    found = claims(nlp, text)
    assert [tuple(c[k] for k in ("metric", "value", "subject")[:len(e)])
            for c, e in zip(found, expected)] == expected
    assert len(found) == len(expected)


def test_figures_of_a_credit_fund_paragraph_without_the_word_in_their_sentence(nlp):
    text = ("By the end of June 2024, the two people's credit funds of the district had 3,300 "
            "members. Outstanding loans reached VND 190 billion, up 4.2% compared to the end "
            "of 2023.")
    assert metrics(claims(nlp, text)) == [("org_count", 2, "count"),
                                          ("member_count", 3300, "count"),
                                          ("capital", 1.9e11, "VND"), ("change", 4.2, "%")]


def test_a_clause_split_off_by_while_belongs_to_its_paragraph(nlp):
    text = ("Cooperative revenue averaged VND 2.5 billion last year, while members earned "
            "VND 5 million a month.")
    assert metrics(claims(nlp, text)) == [("revenue", 2.5e9, "VND"), ("income", 5e6, "VND")]


def test_a_line_break_before_the_amount_does_not_split_the_sentence(nlp):
    text = "Cooperative members earned an average yearly income of\n61 million VND."
    assert metrics(claims(nlp, text)) == [("income", 6.1e7, "VND")]


def test_other_topics_stay_out(nlp):
    text = ("The district has 40 cooperatives. Its population is 120,000 and tax revenue "
            "reached VND 300 billion.")
    assert metrics(claims(nlp, text)) == [("org_count", 40, "count")]


def statuses(found):
    return [(c["value"], c["status"]) for c in found]


@pytest.mark.parametrize("text, expected", [
    pytest.param("The district set up 12 new co-operatives, reaching 140% of the yearly plan.",
                 [(12, "actual"), (140, "actual")], id="share-of-the-plan-is-actual"),
    pytest.param("Co-operative members numbered 9,300, exceeding the planned target.",
                 [(9300, "actual")], id="exceeding-the-target"),
    pytest.param("The plan targets 90 new co-operatives.", [(90, "target")],
                 id="plan-before-the-figure"),
    pytest.param("According to preliminary figures, the province had 520 cooperatives; the "
                 "cooperatives had 41,000 members.", [(520, "estimate"), (41000, "estimate")],
                 id="estimate-opening-a-list"),
    pytest.param("The province had 520 cooperatives, whose revenue is estimated at VND 2 "
                 "billion; members earned VND 4 million a month.",
                 [(520, "actual"), (2e9, "estimate"), (4e6, "actual")],
                 id="estimate-inside-one-clause-stays-there"),
])
def test_status_over_plans_and_lists(nlp, text, expected):
    assert statuses(claims(nlp, text)) == expected


def test_averagely_and_per_province_are_averages(nlp):
    text = ("Averagely, one province has 240 cooperatives. The delta led with 350 "
            "cooperatives in a province.")
    found = {c["value"]: c["aggregate"] for c in claims(nlp, text)}
    assert found[240] == "average" and found[350] == "average"


def test_a_percent_from_a_year_is_compared_with_that_year(nlp):
    text = "In 2020, cooperative revenue was up 45 percent from 2015."
    (claim,) = claims(nlp, text)
    assert claim["time"] == {"start": "2020-01-01", "end": "2020-12-31"}


def test_a_year_glued_to_the_next_sentence_ends_it(nlp):
    text = ("The country had 39,000 cooperative groups, up 30,100 groups compared to 2003.The "
            "ministry aims to develop 15,000 cooperatives.")
    assert statuses(claims(nlp, text)) == [(39000, "actual"), (30100, "actual"),
                                           (15000, "target")]


def test_on_average_each_day_is_a_daily_total(nlp):
    (claim,) = claims(nlp, "On average, each day, the Tan An Cooperative sells more than "
                           "12,000 duck eggs.")
    assert (claim["aggregate"], claim["per"]) == ("total", "day")


def test_a_date_closed_by_a_comma_before_the_figures_governs_the_paragraph(nlp):
    text = ("Figures from the provincial Department of Agriculture showed that as of March 31, "
            "2022, the province had 870 cooperatives. Their average revenue was VND 1.9 "
            "billion.")
    assert times(claims(nlp, text)) == [(870, "2022-03-31", "2022-03-31"),
                                        (1.9e9, "2022-03-31", "2022-03-31")]


def test_the_date_leading_a_list_governs_its_items(nlp):
    text = ("The target set for 2030 is that the province will have 900 cooperatives; the "
            "cooperatives will have 80,000 members.")
    assert times(claims(nlp, text)) == [(900, "2030-01-01", "2030-12-31"),
                                        (80000, "2030-01-01", "2030-12-31")]


@pytest.mark.parametrize("text, expected", [
    pytest.param("The province will spend VND 25 billion on supporting cooperatives this year.",
                 [("capital", 2.5e10, "VND")], id="spend-is-capital"),
    pytest.param("The credit funds have 3,100 members; customer savings deposits are VND 180 "
                 "billion.", [("member_count", 3100, "count"), ("capital", 1.8e11, "VND")],
                 id="deposits-are-capital"),
    pytest.param("The monthly income of laborers at people's credit funds was VND 9 million.",
                 [("income", 9e6, "VND")], id="credit-funds-is-a-name-not-capital"),
    pytest.param("The 80-member cooperative earns VND 400 million (US$17,000) in profit each "
                 "year.", [("member_count", 80, "count"), ("profit", 4e8, "VND")],
                 id="in-profit-each-year"),
])
def test_money_metric_cues(nlp, text, expected):
    assert metrics(claims(nlp, text)) == expected


def test_policy_support_rates_are_no_claims(nlp):
    text = ("New cooperatives get a 50 percent subsidy of the cost of equipment and 30 percent "
            "of the costs of packaging. The province has 210 cooperatives.")
    assert metrics(claims(nlp, text)) == [("org_count", 210, "count")]


def test_a_number_inside_a_cooperative_name_is_no_count(nlp):
    text = "The September 2 Agricultural Service Cooperative grows 40 hectares of tea."
    assert [c["value"] for c in claims(nlp, text)] == [40]


def test_a_founding_year_is_not_the_time_of_todays_figures(nlp):
    text = "Established in 2011, the Tan Phu cooperative earns VND 300 million in profit a year."
    assert times(claims(nlp, text)) == [(3e8, None, None)]
    counted = "In 2022, 50 co-operatives were established in the province."
    assert times(claims(nlp, counted)) == [(50, "2022-01-01", "2022-12-31")]


@pytest.mark.parametrize("text, expected", [
    pytest.param("The collective economy and cooperatives contributed about 5.1 per cent of "
                 "national GDP.", [("share", 5.1, "%")], id="cooperatives-share-of-gdp"),
    pytest.param("Soc Son is rural, with 70 per cent of its population in farming, and the "
                 "collective economy matters.", [], id="population-share-is-no-claim"),
    pytest.param("In 2021, each cooperative earned VND 3.9 billion in income on average.",
                 [("revenue", 3.9e9, "VND")], id="a-cooperatives-income-is-revenue"),
    pytest.param("The average revenue of the cooperatives is VND 1.2 billion a cooperative, the "
                 "average income of regular workers is VND 4.5 million a month.",
                 [("revenue", 1.2e9, "VND"), ("income", 4.5e6, "VND")],
                 id="income-of-workers-after-the-cue"),
    pytest.param("Workers at cooperatives and credit funds earn VND 90million and VND210million "
                 "a year.", [("income", 9e7, "VND"), ("income", 2.1e8, "VND")],
                 id="two-amounts-joined-by-and"),
])
def test_whose_money_and_which_topic(nlp, text, expected):
    assert metrics(claims(nlp, text)) == expected


def subjects(found):
    return [(c["metric"], c["subject"]) for c in found]


@pytest.mark.parametrize("text, expected", [
    pytest.param("The average income of regular workers in cooperatives is VND 5.1 million a "
                 "month.",
                 [("income", "regular workers in cooperatives")], id="money-subject-is-whose"),
    pytest.param("The total capital of the two people's credit funds reached VND 310 billion.",
                 [("org_count", "people's credit funds"),
                  ("capital", "two people's credit funds")], id="without-the-article"),
    pytest.param("The average revenue of cooperatives in the district is VND 2.2 billion, up "
                 "6.1% compared to 2022.", [("revenue", "cooperatives in the district"),
                                            ("change", "average revenue of cooperatives in "
                                                       "the district")],
                 id="change-of-the-figure-before"),
    pytest.param("The province has 310 cooperatives, an increase of 12% over 2021.",
                 [("org_count", "cooperatives"), ("change", "number of cooperatives")],
                 id="change-of-a-count"),
    pytest.param("The total number of members of the credit funds in the district is 2,950 "
                 "people.", [("member_count", "members of the credit funds in the district")],
                 id="people-counted-as-members"),
])
def test_subjects(nlp, text, expected):
    assert subjects(claims(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("The district has 1,200 co-operative teams with at least three members each.",
                 [1200], id="a-minimum-each-unit-meets"),
    pytest.param("Under the resolution, each newly established cooperative will be supported "
                 "with VND 40 million.", [], id="support-a-policy-gives-each"),
    pytest.param("On average, one province has 230 cooperatives.", [230],
                 id="one-province-has-is-per-unit"),
    pytest.param("The province will raise the number of new cooperatives in 2019 to 45.", [45],
                 id="a-year-then-a-figure-is-no-range"),
])
def test_values_that_are_claims(nlp, text, expected):
    assert [c["value"] for c in claims(nlp, text)] == expected


def test_or_more_after_a_count(nlp):
    (claim,) = claims(nlp, "The Phu An Cooperative raises a herd of 300 or more pigs.")
    assert (claim["value"], claim["approx"]) == (300, "over")


def test_kinds_of_a_noun_count_the_noun(nlp):
    found = claims(nlp, "The Tan Phu Cooperative has made 9 types of dried fruit products.")
    assert metrics(found) == [("product_count", 9, "count")]


def test_a_continuation_after_an_opening_date(nlp):
    text = ("The collective economy grew in the district. Its cooperatives expanded. In 2023, "
            "they created over 900 jobs.")
    assert metrics(claims(nlp, text)) == [("worker_count", 900, "count")]


def test_a_bare_number_counts_the_set_its_sentence_opens_with(nlp):
    text = ("Of the 310 co-operatives that have at least seven members each, 96 are in "
            "farming.")
    assert metrics(claims(nlp, text)) == [("org_count", 310, "count"),
                                          ("org_count", 96, "count")]


def qualifiers_of(found):
    return [(c["metric"], c["value"] or (c["low"], c["high"]), c["aggregate"], c["per"])
            for c in found]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Workers at the co-operatives earn around VND60 million a year.",
                 [("income", 6e7, "average", "year")], id="income-is-per-person"),
    pytest.param("The total income of the co-operative's members reached VND5 billion.",
                 [("income", 5e9, "total", None)], id="unless-called-a-total"),
    pytest.param("The average profit of cooperatives, cooperative unions, and cooperative "
                 "groups is VND396 million.", [("profit", 3.96e8, "average", None)],
                 id="average-across-a-list-of-holders"),
    pytest.param("The monthly income of laborers at cooperatives and credit funds was "
                 "VND6 million and VND14.5 million, respectively.",
                 [("income", 6e6, "average", "month"), ("income", 1.45e7, "average", "month")],
                 id="a-rate-opening-the-sentence-covers-its-list"),
    pytest.param("The cooperatives created jobs for more than 13,000 workers with an average "
                 "income of VND67 million.",
                 [("worker_count", 13000, "total", None), ("income", 6.7e7, "average", None)],
                 id="the-next-figures-average"),
    pytest.param("The province plans to raise the average revenue of co-operatives to VND2.1 "
                 "billion this year from VND1.2 billion last year.",
                 [("revenue", 2.1e9, "average", None), ("revenue", 1.2e9, "average", None)],
                 id="the-old-value-is-what-the-new-one-is"),
])
def test_aggregate_and_rate_from_the_sentence(nlp, text, expected):
    assert qualifiers_of(claims(nlp, text, published="2024-03-01")) == expected


def test_a_figure_after_other_words_takes_no_opening_cue(nlp):
    text = ("The average revenue of co-operatives is VND2 billion, and the province has "
            "1,200 co-operatives.")
    assert qualifiers_of(claims(nlp, text)) == [("revenue", 2e9, "average", None),
                                               ("org_count", 1200, "total", None)]


def statuses(found):
    return [(c["value"], c["status"]) for c in found]


def test_preliminary_statistics_opening_a_paragraph_govern_it(nlp):
    text = ("According to preliminary statistics as of the end of 2024, the province had "
            "1,210 cooperatives. Average revenue per cooperative reached about VND3.9 "
            "billion a year.\nThe province has 14 cooperative unions.")
    assert statuses(claims(nlp, text)) == [(1210, "estimate"), (3.9e9, "estimate"),
                                           (14, "actual")]


def test_a_first_figures_own_estimate_does_not_govern_its_paragraph(nlp):
    text = ("The revenue of the co-operatives is estimated at VND2 billion. The province "
            "has 300 co-operatives.")
    assert statuses(claims(nlp, text)) == [(2e9, "estimate"), (300, "actual")]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Ben Tre to build 20 new co-operatives\nThe province has 310 co-operatives.",
                 [(20, "target"), (310, "actual")], id="place-and-infinitive"),
    pytest.param("Hanoi to Ho Chi Minh City: 40 co-operatives joined the fair.",
                 [(40, "actual")], id="a-route-is-no-plan"),
])
def test_a_headline_infinitive_announces_a_plan(nlp, text, expected):
    assert statuses(claims(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("The average revenue and profit of a cooperative were about VND1.6 billion "
                 "and VND203 million, respectively.",
                 [("revenue", 1.6e9, "VND"), ("profit", 2.03e8, "VND")],
                 id="respectively-pairs-metrics-and-amounts"),
    pytest.param("Revenue and profit of the co-op rose to VND5 billion and VND700 million.",
                 [("revenue", 5e9, "VND"), ("profit", 7e8, "VND")],
                 id="without-respectively-the-nearest-cue"),
    pytest.param("At present, the total number of members of the district cooperative union "
                 "is 148 units.", [("member_count", 148, "count")],
                 id="a-stand-in-noun-counts-what-number-of-names"),
    pytest.param("Lai Chau has 180 cooperatives, with each worker earning about 150 USD a "
                 "month.", [("org_count", 180, "count"), ("income", 150, "USD")],
                 id="earning-is-income"),
])
def test_metric_from_the_sentence(nlp, text, expected):
    assert metrics(claims(nlp, text)) == expected
