"""Hostile input (issue 5): every document gets a sensible record or a clear error, the run
goes on, and the pipeline's invariants hold on arbitrary text (hypothesis)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from typer.testing import CliRunner

from pipeline import errors
from pipeline.cli import app
from tests.conftest import run

runner = CliRunner()
SENTENCE = "Ninh Binh has 230 cooperatives with 8,400 members. "


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "nul.txt").write_bytes(b"Ninh Binh has 230\x00 cooperatives")
    (folder / "latin1.txt").write_bytes("Caf\xe9 cooperative has 12 members.".encode("latin-1"))
    (folder / "vietnamese-1258.txt").write_bytes(
        # Windows-1258 writes Vietnamese with combining tone marks: "Hợp tác xã".
        "H\u01a1\u0323p t\u00e1c xa\u0303 cooperative has 45 members.".encode("cp1258"))
    (folder / "huge.txt").write_text(SENTENCE * 410_000, encoding="utf-8")  # ~20 MB
    (folder / "long-number.txt").write_text(
        "The cooperative has " + "9" * 200_000 + " members.", encoding="utf-8")
    (folder / "brackets.txt").write_text("(" * 5000 + "Lam Dong has 9 cooperatives" + ")" * 5000,
                                         encoding="utf-8")
    (folder / "emoji-rtl.txt").write_text(
        "🚜🌾 Cooperative ‏مرحبا‎ שלום has 14 members 👍🏽 and VND2 billion 💰.",
        encoding="utf-8")
    (folder / "script.html").write_text(
        "<html><body><script>alert('12 cooperatives')</script><p>Ha Nam has 77 "
        "cooperatives.</p><style>p{}</style></body></html>", encoding="utf-8")
    (folder / "batch.jsonl").write_text(
        "{broken json\n"
        + json.dumps({"id": "no-text", "title": "x"}) + "\n"
        + json.dumps({"id": "dup", "text": "Hue has 10 cooperatives."}) + "\n"
        + json.dumps({"id": "dup", "text": "Hue has 11 cooperatives."}) + "\n"
        + json.dumps({"id": "deep", "text": "[" * 100_000}) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def records(hostile, tmp_path_factory) -> dict[str, list[dict]]:
    out = tmp_path_factory.mktemp("out") / "out.jsonl"
    result = runner.invoke(app, ["extract", str(hostile), "-o", str(out), "--workers", "1",
                                 "--no-progress"])
    assert result.exit_code == 1, result.output  # some hostile documents carry an error
    found: dict[str, list[dict]] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        found.setdefault(record["id"], []).append(record)
    return found


def test_every_hostile_document_has_a_record(records):
    assert set(records) == {"empty", "blank", "binary", "nul", "latin1", "vietnamese-1258",
                            "huge", "long-number", "brackets", "emoji-rtl", "script",
                            "batch:1", "no-text", "dup", "deep"}
    assert len(records["dup"]) == 2  # duplicate ids: both documents kept, in order
    assert [r["claims"][0]["value"] for r in records["dup"]] == [10, 11]


@pytest.mark.parametrize("doc_id, message", [
    ("empty", "empty document"), ("blank", "empty document"),
    ("binary", "looks like a binary file"), ("nul", "looks like a binary file"),
    ("batch:1", "not valid JSON"), ("no-text", "record has no string field 'text'"),
    ("huge", "more than the limit of 1,000,000 (--max-chars)"),
])
def test_clear_errors(records, doc_id, message):
    (record,) = records[doc_id]
    assert message in record["error"]
    assert record["entities"] == [] and record["claims"] == []


def test_legacy_encodings_are_decoded_with_a_warning(records):
    (latin1,) = records["latin1"]
    assert "Café" in latin1["text"] and "decoded as cp1258" in latin1["warning"]
    (vietnamese,) = records["vietnamese-1258"]
    assert "error" not in vietnamese
    assert ("member_count", 45) in [(c["metric"], c["value"]) for c in vietnamese["claims"]]


def test_odd_text_still_gives_figures(records):
    (emoji,) = records["emoji-rtl"]
    assert {("COUNT", "14"), ("MONEY", "VND2 billion")} <= {
        (e["label"], e["text"]) for e in emoji["entities"]}
    (brackets,) = records["brackets"]
    assert "error" not in brackets and ("COUNT", "9") in [
        (e["label"], e["text"]) for e in brackets["entities"]]
    (page,) = records["script"]
    assert "12 cooperatives" not in page["text"] and page["claims"][0]["value"] == 77


def test_huge_numbers_never_give_infinite_values(records):
    (record,) = records["long-number"]
    for entity in record["entities"]:
        for value in (entity.get("norm") or {}).values():
            assert not isinstance(value, float) or math.isfinite(value)
    (deep,) = records["deep"]
    assert deep["entities"] == []


def _check_invariants(doc) -> None:
    text = doc.text
    by_label: dict[str, list[tuple[int, int]]] = {}
    for ent in doc.ents:
        assert 0 <= ent.start_char < ent.end_char <= len(text)
        by_label.setdefault(ent.label_, []).append((ent.start_char, ent.end_char))
        norm = ent._.norm or {}
        for key in ("value", "low", "high"):
            if norm.get(key) is not None:
                assert math.isfinite(norm[key]), (ent.text, norm)
        if norm.get("low") is not None and norm.get("high") is not None:
            assert norm["low"] <= norm["high"], (ent.text, norm)
        if ent.label_ == "DATE" and ent._.norm:
            from datetime import date

            start = date.fromisoformat(norm["start"])
            end = date.fromisoformat(norm["end"])
            assert start <= end, (ent.text, norm)
    for spans in by_label.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    for claim in doc._.claims:
        evidence = claim["evidence"]
        assert 0 <= evidence["start"] <= evidence["end"] <= len(text)
        for key in ("value", "low", "high"):
            if claim.get(key) is not None:
                assert math.isfinite(claim[key])


FIGURE_PIECES = st.sampled_from([
    "VND", "2.5", "billion", "1,200", "cooperatives", "members", "%", "per cent", "2021",
    "-", "–", "to", "between", "and", "about", "more than", "(US$", ")", "June", "the end of",
    "first 6 months of", "Hanoi", "district", "No.", "1.791.510", "ha", "tonnes", "\n", ".",
    ",", "Cooperative", "nearly", "0", "9" * 30, "đồng", "tỷ", "2022/27/17", "2021-25"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(FIGURE_PIECES, st.text(max_size=12)), max_size=40))
def test_invariants_hold_on_arbitrary_text(nlp, pieces):
    _check_invariants(run(nlp, " ".join(pieces), "2024-06"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_invariants_hold_on_any_unicode(nlp, text):
    _check_invariants(run(nlp, text))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(FIGURE_PIECES, st.sampled_from(["about", "more than", "up to",
                                                          "US$", "one", "Forty-five", " "]),
                          st.text(max_size=8)), max_size=30))
def test_anchored_search_finds_what_a_full_scan_finds(nlp, pieces):
    finder = nlp.get_pipe("coopie_numbers")
    text = " ".join(pieces)
    assert [m.span() for m in finder._figure_matches(text)] == [
        m.span() for m in finder.pattern.finditer(text)]


DATE_PIECES = st.sampled_from([
    "the end of", "the first six months of", "the year", "2021", "2019-2025", "Tuesday,",
    "10:41:05 AM |", "11/19/2023", "March", "early", "late", "mid-", "this year", "today",
    "the first quarter", "between", "and", "from", "to", "the 2021 2025 period", "May 19",
    "a decade ago", "the past year", "(", ")", "|", "-", "Today:", "07/08/2022"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(DATE_PIECES, st.text(max_size=8)), max_size=30))
def test_anchored_date_search_finds_what_a_full_scan_finds(nlp, pieces):
    finder = nlp.get_pipe("coopie_dates")
    text = " ".join(pieces)
    assert [m.span() for m in finder._date_matches(text)] == [
        m.span() for m in finder.pattern.finditer(text)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from([".", ". ", "2013.However", "No. 35", "4.5", ";",
                                           "\n", ", while", ", then", "U.S.", "year.The",
                                           "2003.Deputy", "estimated\nat", "is\n61", "A",
                                           "b", "?", "!", "%."]),
                          st.text(max_size=8)), max_size=30))
def test_sentence_boundaries_found_at_their_characters_match_a_full_scan(pieces):
    from pipeline.linking import segments
    text = " ".join(pieces)
    for pattern in (segments.SENTENCE_END, segments.LINE_BREAK):
        assert [m.span() for m in segments._boundaries(text, pattern)] == [
            m.span() for m in pattern.finditer(text)]
