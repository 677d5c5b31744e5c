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
