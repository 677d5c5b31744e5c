"""Scores computed by hand on small cases (ANNOTATION.md §4)."""

from __future__ import annotations

import pytest

from pipeline.evaluation.gold import check_records
from pipeline.evaluation.scoring import evaluate_records, score_claims, score_entities


def ent(start, end, label, norm=None):
    return {"start": start, "end": end, "label": label, "norm": norm}


def claim(metric="org_count", value=100, unit="count", ev=(0, 10), **extra):
    base = {"metric": metric, "value": value, "low": None, "high": None, "unit": unit,
            "aggregate": "total", "per": None, "approx": "exact", "subject": "cooperatives",
            "location": {"name": "Hanoi", "province": "Hanoi"}, "time": None,
            "status": "actual", "evidence": {"start": ev[0], "end": ev[1]}}
    base.update(extra)
    return base


def test_strict_versus_partial():
    gold = [ent(0, 10, "MONEY"), ent(20, 25, "COUNT"), ent(30, 40, "DATE")]
    pred = [ent(0, 10, "MONEY"), ent(20, 27, "COUNT"), ent(30, 40, "GPE"), ent(50, 55, "COUNT")]
    scores = score_entities([(gold, pred)])
    # strict: 1 of 4 predictions right, 1 of 3 gold found
    assert scores["micro"]["strict"]["p"] == 0.25
    assert scores["micro"]["strict"]["r"] == round(1 / 3, 4)
    # partial: MONEY and the overlapping COUNT; the DATE/GPE overlap has the wrong label
    assert scores["micro"]["partial"]["p"] == 0.5
    assert scores["micro"]["partial"]["r"] == round(2 / 3, 4)
    assert scores["COUNT"]["strict"]["f1"] == 0.0 and scores["COUNT"]["partial"]["r"] == 1.0


def test_partial_matching_is_one_to_one():
    gold = [ent(0, 20, "ORG")]
    pred = [ent(0, 5, "ORG"), ent(6, 20, "ORG")]
    scores = score_entities([(gold, pred)])
    assert scores["ORG"]["partial"]["tp"] == 1
    assert scores["ORG"]["partial"]["p"] == 0.5


def test_norm_accuracy_uses_half_percent_tolerance():
    gold = [ent(0, 5, "MONEY", {"value": 1000, "currency": "VND"}),
            ent(6, 9, "COUNT", {"value": 200, "unit": "member"}),
            ent(10, 14, "DATE", {"start": "2020-01-01", "end": "2020-12-31"})]
    pred = [ent(0, 5, "MONEY", {"value": 1004, "currency": "VND"}),   # within 0.5 %
            ent(6, 9, "COUNT", {"value": 202, "unit": "member"}),     # 1 % off
            ent(10, 14, "DATE", {"start": "2020-01-01", "end": "2020-12-31"})]
    scores = score_entities([(gold, pred)])
    assert scores["MONEY"]["norm_acc"] == 1.0
    assert scores["COUNT"]["norm_acc"] == 0.0
    assert scores["micro"]["norm_acc"] == round(2 / 3, 4)


def test_claims_match_one_to_one_by_evidence_overlap():
    gold = [claim(value=100, ev=(0, 10)), claim(value=100, ev=(50, 60))]
    pred = [claim(value=100.4, ev=(52, 58))]           # 0.4 % off: matches, the second gold
    result = score_claims([(gold, pred)])
    assert result["claims"]["tp"] == 1
    assert result["claims"]["p"] == 1.0 and result["claims"]["r"] == 0.5


@pytest.mark.parametrize("pred, matches", [
    pytest.param(claim(value=101), False, id="value-1-percent-off"),
    pytest.param(claim(metric="member_count"), False, id="other-metric"),
    pytest.param(claim(unit="VND"), False, id="other-unit"),
])
def test_claims_need_metric_unit_and_value(pred, matches):
    assert (score_claims([([claim()], [pred])])["claims"]["tp"] == 1) is matches


def test_ranges_need_both_ends():
    gold = claim(value=None, low=4e6, high=6e6, unit="VND", metric="income")
    good = claim(value=None, low=4.01e6, high=6e6, unit="VND", metric="income")
    bad = claim(value=None, low=4e6, high=7e6, unit="VND", metric="income")
    assert score_claims([([gold], [good])])["claims"]["tp"] == 1
    assert score_claims([([gold], [bad])])["claims"]["tp"] == 0


def test_slot_accuracy_and_full_claims():
    gold = [claim(value=1, ev=(0, 5)), claim(value=2, ev=(6, 9))]
    pred = [claim(value=1, ev=(0, 5), status="target", subject="new cooperatives"),
            claim(value=2, ev=(6, 9), approx="about",
                  location={"name": "Hue", "province": "Thua Thien-Hue"})]
    result = score_claims([(gold, pred)])
    assert result["slots"]["status"] == 0.5
    assert result["slots"]["approx"] == 0.5
    assert result["slots"]["location.province"] == 0.5
    assert result["slots"]["subject"] == 1.0          # token-set ratio of the subjects >= 80
    assert result["full_claims"]["tp"] == 0           # each has a wrong scored slot


def test_empty_predictions_and_missing_documents():
    gold = [{"id": "a", "text": "x" * 20, "entities": [ent(0, 5, "GPE")],
             "claims": [claim()]},
            {"id": "b", "text": "y" * 20, "entities": [ent(0, 3, "ORG")], "claims": []}]
    pred = [{"id": "a", "entities": [], "claims": []}]
    result = evaluate_records(gold, pred)
    assert result["missing_predictions"] == ["b"]
    assert result["entities"]["micro"]["strict"]["gold"] == 2
    assert result["entities"]["micro"]["strict"]["r"] == 0.0
    assert result["claims"]["r"] == 0.0 and result["claims"]["p"] == 0.0


def test_gold_check_reports_every_problem():
    text = "Hanoi has 3,200 cooperatives."
    record = {"id": "d1", "_line": 3, "text": text,
              "entities": [ent(0, 5, "GPE"), ent(3, 8, "PLACE"), ent(10, 99, "COUNT"),
                           {"start": 10, "end": 15, "label": "COUNT", "text": "3,201"}],
              "claims": [claim(metric="revenue_growth"), claim(value=None)]}
    problems = check_records([record], "gold.jsonl")
    text_of = "\n".join(problems)
    assert "gold.jsonl:3: d1: entities[1]: unknown label 'PLACE' at 3-8" in text_of
    assert "entities[2]: offsets 10-99 outside the text" in text_of
    assert "entities[3]: text '3,201' does not match offsets 10-15 ('3,200')" in text_of
    assert "entities[0] 'Hanoi' (0-5) overlaps entities[1] 'oi ha' (3-8)" in text_of
    assert "claims[0]: unknown metric 'revenue_growth' at 0-10" in text_of
    assert "claims[1]: claim without a value (or low and high) at 0-10" in text_of


@pytest.mark.parametrize("gold_subject, pred_subject, same", [
    ("Hoang Chau Co-operative", "Hoang Chau cooperative", True),
    ("co-op members", "Coop members", True),
    ("the Tan Phu co-op’s members", "Tan Phu coop members", True),
    ("“green” cooperatives", '"green" cooperatives', True),
    ("People's Credit Funds", "people’s credit funds", True),
    ("regular workers", "cooperative union members", False),
])
def test_subjects_compare_as_section_4_says(gold_subject, pred_subject, same):
    result = score_claims([([claim(subject=gold_subject)], [claim(subject=pred_subject)])])
    assert result["slots"]["subject"] == (1.0 if same else 0.0)
