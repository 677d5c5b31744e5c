"""`coopie evaluate` and `coopie gold check` through the CLI, on the seed gold and bad files."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import ROOT, SHARED

runner = CliRunner()
SEED_GOLD = ROOT / "gold" / "seeds.jsonl"


def test_seed_gold_is_valid_and_up_to_date():
    import subprocess
    import sys

    result = runner.invoke(app, ["gold", "check", str(SEED_GOLD)])
    assert result.exit_code == 0 and "no problems" in result.output
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "seed_gold.py"), "--check"])
    assert check.returncode == 0


def test_json_has_the_stable_keys(tmp_path):
    result = runner.invoke(app, ["evaluate", "--gold", str(SEED_GOLD), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["entities"]["MONEY"]["strict"]) >= {"p", "r", "f1"}
    assert "f1" in data["entities"]["MONEY"]["partial"]
    assert data["entities"]["MONEY"]["norm_acc"] == 1.0
    assert {"p", "r", "f1"} <= set(data["claims"]) and "f1" in data["full_claims"]
    assert set(data["slots"]) == {"location.province", "time", "status", "aggregate", "per",
                                  "approx", "subject"}


def test_perfect_predictions_score_one(tmp_path):
    result = runner.invoke(app, ["evaluate", "--gold", str(SEED_GOLD), "--pred",
                                 str(SEED_GOLD), "--json"])
    data = json.loads(result.stdout)
    assert data["entities"]["micro"]["strict"]["f1"] == 1.0
    assert data["claims"]["f1"] == 1.0 and data["full_claims"]["f1"] == 1.0


def test_baseline_shows_changes(tmp_path):
    baseline = tmp_path / "base.json"
    runner.invoke(app, ["evaluate", "--gold", str(SEED_GOLD), "--pred", str(SEED_GOLD),
                        "--save", str(baseline)])
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--gold", str(SEED_GOLD), "--pred", str(empty),
                                 "--baseline", str(baseline)])
    assert result.exit_code == 0
    assert "(-1.000)" in result.output
    assert "missing predictions: 000_b0da3c55a582c502, 003_801eb833e5f0642f" in result.output


class _StrictHTML(HTMLParser):
    """Counts tags and fails on unbalanced ones, so a broken report is caught."""

    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.marks = 0

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)
        self.marks += tag == "mark"

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"


def test_html_report_is_well_formed_and_escaped(tmp_path):
    gold = tmp_path / "gold.jsonl"
    text = "<script>alert(1)</script> Hanoi has 40 cooperatives & more."
    gold.write_text(json.dumps({"id": "x<1>", "text": text, "entities": [
        {"start": 26, "end": 31, "label": "GPE", "norm": None}], "claims": []}) + "\n")
    report = tmp_path / "report"
    result = runner.invoke(app, ["evaluate", "--gold", str(gold), "--report", str(report)])
    assert result.exit_code == 0, result.output
    index = (report / "index.html").read_text(encoding="utf-8")
    page = (report / "docs" / "0.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "x&lt;1&gt;" in index and "<script" not in index
    for html in (index, page):
        parser = _StrictHTML()
        parser.feed(html)
        assert parser.stack == []
    parser = _StrictHTML()
    parser.feed(page)
    assert parser.marks >= 2
    assert 'class="fp"' in page  # the predicted COUNT is not in this gold


def test_the_report_explains_each_claim_slot_and_ranks_documents(tmp_path):
    text = "Son La province had 120 cooperatives in 2020. The weather was fine."
    gold = {"id": "son-la", "text": text, "entities": [], "claims": [
        {"metric": "org_count", "value": 120, "unit": "count", "aggregate": "total",
         "per": None, "approx": "exact", "status": "actual", "subject": "cooperatives",
         "location": {"name": "Son La", "province": "Son La"},
         "time": {"start": "2019-01-01", "end": "2019-12-31"},
         "evidence": {"start": 0, "end": 45}}]}
    clean = {"id": "clean", "text": "The weather was fine.", "entities": [], "claims": []}
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(json.dumps(clean) + "\n" + json.dumps(gold) + "\n", encoding="utf-8")
    baseline = tmp_path / "before.json"
    runner.invoke(app, ["evaluate", "--gold", str(gold_file), "--save", str(baseline)])
    before = json.loads(baseline.read_text(encoding="utf-8"))
    before["claims"]["f1"] = 0.5
    baseline.write_text(json.dumps(before), encoding="utf-8")
    report = tmp_path / "report"
    result = runner.invoke(app, ["evaluate", "--gold", str(gold_file), "--report", str(report),
                                 "--baseline", str(baseline)])
    assert result.exit_code == 0, result.output
    index = (report / "index.html").read_text(encoding="utf-8")
    assert '<span class="up">(+0.500)</span>' in index  # claims F1 1.0 against 0.5
    assert index.count("<svg") == 2 and "id='errors-only'" in index
    # the document with errors first, the clean one last and marked for the filter
    assert index.index("docs/1.html") < index.index("docs/0.html")
    assert "<tr class='clean'><td><a href='docs/0.html'>clean</a>" in index
    page = (report / "docs" / "1.html").read_text(encoding="utf-8")
    # gold says 2019, the pipeline reads 2020: that slot, and only it, is marked
    assert page.count('class="wrong"') == 1
    assert '<td class="wrong">2020-01-01 – 2020-12-31</td>' in page
    assert "<td>2019-01-01 – 2019-12-31</td>" in page


def test_invalid_gold_is_refused_with_every_problem(tmp_path):
    gold = tmp_path / "bad.jsonl"
    gold.write_text(json.dumps({"id": "d", "text": "abc", "entities": [
        {"start": 0, "end": 9, "label": "GPE"}, {"start": 0, "end": 2, "label": "NOPE"}],
        "claims": [{"metric": "sales", "value": 1, "unit": "count", "status": "actual",
                    "aggregate": "total", "approx": "exact", "per": None,
                    "evidence": {"start": 0, "end": 3}}]}) + "\nnot json\n")
    check = runner.invoke(app, ["gold", "check", str(gold)])
    assert check.exit_code == 1
    assert f"{gold}:2: not valid JSON" in check.output
    assert f"{gold}:1: d: entities[0]: offsets 0-9 outside the text" in check.output
    assert "unknown label 'NOPE'" in check.output and "unknown metric 'sales'" in check.output
    result = runner.invoke(app, ["evaluate", "--gold", str(gold)])
    assert result.exit_code == 1 and "invalid gold file (4 problems)" in result.output


@pytest.mark.skipif(not (SHARED / "corpus" / "dev.jsonl").exists(),
                    reason="../shared/corpus/dev.jsonl is not here")
def test_dev_corpus_entity_floors():
    """Score floors on the dev corpus guard quality (not exact snapshots)."""
    result = runner.invoke(app, ["evaluate", "--gold", str(SHARED / "corpus" / "dev.jsonl"),
                                 "--json"])
    data = json.loads(result.stdout)["entities"]
    for label in ("MONEY", "COUNT", "PERCENT", "DATE"):
        assert data[label]["strict"]["f1"] >= 0.9, label
        assert data[label]["norm_acc"] >= 0.9, label
    assert data["micro"]["strict"]["f1"] >= 0.9


@pytest.mark.skipif(not (SHARED / "corpus" / "dev.jsonl").exists(),
                    reason="../shared/corpus/dev.jsonl is not here")
def test_dev_corpus_claim_floors():
    """Issue 4's targets on the dev corpus: claim F1 >= 0.85, full-claim F1 >= 0.70."""
    result = runner.invoke(app, ["evaluate", "--gold", str(SHARED / "corpus" / "dev.jsonl"),
                                 "--json"])
    data = json.loads(result.stdout)
    assert data["claims"]["f1"] >= 0.85
    assert data["full_claims"]["f1"] >= 0.70
    assert set(data["slots"]) == {"location.province", "time", "status", "aggregate", "per",
                                  "approx", "subject"}


def test_seed_gold_claim_floor():
    """Issue 4: claim F1 on the seed gold at least 0.9."""
    result = runner.invoke(app, ["evaluate", "--gold", str(ROOT / "gold" / "seeds.jsonl"),
                                 "--json"])
    assert json.loads(result.stdout)["claims"]["f1"] >= 0.9


# Issue 10: floors a little under what the rules score now on both labelled corpora (train was
# unseen until issue 10), so a rule change that loses ground there fails CI.
CORPUS_FLOORS = {
    "train": {"claims": 0.915, "full_claims": 0.795, "time": 0.88, "location.province": 0.975,
              "DATE": 0.93, "COOP": 0.935, "MONEY": 0.97, "COUNT": 0.945, "PERCENT": 0.975,
              "GPE": 0.93},
    "dev": {"claims": 0.95, "full_claims": 0.84, "time": 0.90, "location.province": 0.99,
            "DATE": 0.985, "COOP": 0.98, "MONEY": 0.975, "COUNT": 0.98, "PERCENT": 0.99,
            "GPE": 0.975},
    # Issue 14: the Vietnamese pipeline on the nine Vietnamese articles.
    "vi_dev": {"claims": 0.935, "full_claims": 0.77, "time": 0.83, "location.province": 0.99,
               "DATE": 0.93, "COOP": 0.99, "MONEY": 0.99, "COUNT": 0.98, "PERCENT": 0.99,
               "GPE": 0.95},
}


def test_every_corpus_document_goes_to_the_pipeline_of_its_language():
    """Issue 14: routing right on every document of the four corpus files."""
    from pipeline.language import language_rule

    rule = language_rule()
    files = {"train": "en", "dev": "en", "vi_dev": "vi"}
    if not all((SHARED / "corpus" / f"{name}.jsonl").exists() for name in files):
        pytest.skip("../shared/corpus is not here")
    for name, language in files.items():
        for line in (SHARED / "corpus" / f"{name}.jsonl").read_text("utf-8").splitlines():
            record = json.loads(line)
            assert rule.detect(record["text"]) == language, (name, record["id"])
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        assert rule.detect(seed.read_text("utf-8")) == "en", seed


@pytest.mark.parametrize("corpus", sorted(CORPUS_FLOORS))
def test_corpus_score_floors(corpus):
    gold = SHARED / "corpus" / f"{corpus}.jsonl"
    if not gold.exists():
        pytest.skip(f"{gold} is not here")
    result = runner.invoke(app, ["evaluate", "--gold", str(gold), "--json"])
    data = json.loads(result.stdout)
    floors = CORPUS_FLOORS[corpus]
    measured = {"claims": data["claims"]["f1"], "full_claims": data["full_claims"]["f1"],
                "time": data["slots"]["time"],
                "location.province": data["slots"]["location.province"]}
    measured.update({label: data["entities"][label]["strict"]["f1"]
                     for label in ("DATE", "COOP", "MONEY", "COUNT", "PERCENT", "GPE")})
    below = {name: (measured[name], floor) for name, floor in floors.items()
             if measured[name] < floor}
    assert not below, f"{corpus}: below the floor (measured, floor): {below}"
