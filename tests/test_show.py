"""`coopie show` (issue 12): a self-contained page of entities and claims. The browser side
(rendering, no console error, evidence highlighting) is checked by scripts/check_show.sh in
headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import errors
from pipeline.cli import app
from pipeline.views.readable import claim_value, norm_text, number
from pipeline.views.show import page_html

runner = CliRunner()
ARTICLE = ("Dien Bien has 210 cooperatives.\n<script>alert('x')</script> In the first 6 months "
           "of 2021 their revenue reached VND2.9 billion.\n")


@pytest.mark.parametrize("value, shown", [
    (1200, "1,200"), (2.9e9, "2.9 billion"), (4.56e9, "4.56 billion"), (6.5e6, "6.5 million"),
    (1.635e12, "1.635 trillion"), (78.1, "78.1"), (None, "?")])
def test_numbers_read_as_people_write_them(value, shown):
    assert number(value) == shown


@pytest.mark.parametrize("label, norm, shown", [
    ("MONEY", {"value": 2.9e9, "currency": "VND"}, "VND 2.9 billion"),
    ("MONEY", {"low": 4e6, "high": 6.5e6, "currency": "VND"}, "VND 4 million – 6.5 million"),
    ("DATE", {"start": "2021-01-01", "end": "2021-06-30"}, "2021-01-01 – 2021-06-30"),
    ("DATE", None, "unresolved"),
    ("COUNT", {"value": 210, "unit": "cooperative"}, "210 cooperative"),
    ("PERCENT", {"value": 5.83}, "5.83%"),
    ("GPE", {"name": "Ha Giang", "province": "Ha Giang", "level": "province",
             "province_2025": "Tuyen Quang"}, "Ha Giang, province, since 2025 Tuyen Quang"),
])
def test_norms_read_as_words(label, norm, shown):
    assert norm_text(label, norm) == shown


def test_claim_values_keep_unit_and_approximator():
    assert claim_value({"value": 4.56e9, "unit": "VND", "approx": "about"}) == \
        "about VND 4.56 billion"
    assert claim_value({"value": 35041, "unit": "count", "approx": "exact"}) == "35,041 count"


def test_a_page_from_raw_text_escapes_and_shows_norms(tmp_path):
    source = tmp_path / "dien-bien.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["show", str(source), "-o", str(page)])
    assert result.exit_code == 0, result.output
    shown = page.read_text(encoding="utf-8")
    assert "<script>alert" not in shown and "&lt;script&gt;alert" in shown
    assert 'data-norm="VND 2.9 billion"' in shown
    assert 'data-norm="2021-01-01 – 2021-06-30"' in shown
    # the index row: the document, its entity and claim counts
    assert '<a href="#doc-0">dien-bien</a>' in shown
    # a claim row points at its evidence sentence
    assert 'class="claim" tabindex="0" data-doc="doc-0" data-start="0" data-end="31"' in shown


def test_extract_output_is_shown_as_it_is(tmp_path):
    record = {"id": "hand-made", "text": "Lai Chau has 99 co-ops.", "claims": [],
              "entities": [{"start": 0, "end": 8, "label": "ORG", "text": "Lai Chau",
                            "norm": None}]}
    output = tmp_path / "out.jsonl"
    output.write_text(json.dumps(record) + "\n{not json\n", encoding="utf-8")
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["show", str(output), "-o", str(page)])
    assert result.exit_code == 0, result.output
    shown = page.read_text(encoding="utf-8")
    # the pipeline would call Lai Chau a GPE: the record was not run again
    assert 'data-label="ORG"' in shown and 'data-label="GPE"' not in shown
    assert errors.E_JSONL_BAD_JSON.split(":")[0].format(path=output) in shown
    assert "(1 with errors)" in result.output


def test_show_refuses_a_missing_input(tmp_path):
    result = runner.invoke(app, ["show", str(tmp_path / "nothing.txt"), "-o",
                                 str(tmp_path / "page.html")])
    assert result.exit_code == 2
    assert not (tmp_path / "page.html").exists()


def test_every_text_on_the_page_is_escaped():
    record = {"id": "<b>id</b>", "text": "a <i>b</i>", "url": "javascript:<x>",
              "error": "<err>", "entities": [],
              "claims": [{"metric": "other", "value": 1, "unit": "count", "subject": "<s>",
                          "location": {"name": "<place>"}, "evidence": {"start": 0, "end": 10}}]}
    shown = page_html([record])
    for raw in ("<b>id</b>", "<i>b</i>", "<x>", "<err>", "<s>", "<place>"):
        assert raw not in shown, raw
