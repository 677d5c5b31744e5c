"""Batch extraction: workers, the Dask engine, resume after SIGKILL, CSV (issue 5)."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import errors
from pipeline.batch.sinks import neutralise
from pipeline.cli import app
from tests.batch_corpus import write_jsonl
from tests.conftest import ROOT

runner = CliRunner()


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    write_jsonl(folder / "news.jsonl", 60)
    (folder / "articles").mkdir()
    for index in range(5):
        (folder / "articles" / f"a{index}.txt").write_text(
            f"Hung Yen has {100 + index} cooperatives with {2000 + index} members.",
            encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def one_worker_output(batch, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ref") / "one.jsonl"
    result = runner.invoke(app, ["extract", str(batch / "news.jsonl"), str(batch / "articles"),
                                 "-o", str(out), "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    return out


def test_workers_give_identical_output(batch, one_worker_output, tmp_path):
    out = tmp_path / "two.jsonl"
    result = runner.invoke(app, ["extract", str(batch / "news.jsonl"), str(batch / "articles"),
                                 "-o", str(out), "--workers", "2", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert _lines(out) == _lines(one_worker_output)
    records = [json.loads(line) for line in _lines(out)]
    assert len(records) == 65 and records[0]["id"] == "doc-0000"
    assert records[-1]["id"] == "a4" and records[-1]["claims"]


def test_dask_embedded_cluster_gives_identical_output(batch, one_worker_output, tmp_path):
    out = tmp_path / "dask.jsonl"
    result = runner.invoke(app, ["extract", str(batch / "news.jsonl"), str(batch / "articles"),
                                 "-o", str(out), "--engine", "dask", "--workers", "2",
                                 "--no-progress"])
    assert result.exit_code == 0, result.output
    assert _lines(out) == _lines(one_worker_output)


def test_dask_partitions_cut_jsonl_by_line_ranges(batch):
    from pipeline.batch.dask_engine import partitions

    parts = list(partitions([str(batch / "news.jsonl"), str(batch / "articles")],
                            files_per_partition=2, lines_per_partition=25))
    assert [(p.first_line, p.last_line) for p in parts if p.jsonl] == [(1, 25), (26, 50),
                                                                      (51, 60)]
    assert [len(p.files) for p in parts if p.files] == [2, 2, 1]
    ids = [d.id for p in parts for d in p.documents()]
    assert len(ids) == 65 and ids[25] == "doc-0025"


def test_dask_refuses_stdin():
    result = runner.invoke(app, ["extract", "-", "--engine", "dask"], input="text")
    assert result.exit_code == 2 and errors.E_DASK_STDIN in result.output


def test_unreachable_scheduler_is_a_clear_error(batch, tmp_path):
    result = runner.invoke(app, ["extract", str(batch / "articles"), "-o",
                                 str(tmp_path / "o.jsonl"), "--engine", "dask",
                                 "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_resume_after_sigkill_matches_an_uninterrupted_run(tmp_path):
    source = write_jsonl(tmp_path / "big.jsonl", 1500, seed=11)
    reference, out = tmp_path / "reference.jsonl", tmp_path / "killed.jsonl"
    command = [sys.executable, "-m", "pipeline", "extract", str(source), "--workers", "1",
               "--no-progress"]
    subprocess.run(command + ["-o", str(reference)], check=True, cwd=ROOT)
    process = subprocess.Popen(command + ["-o", str(out)], cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 200_000):
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    written = out.read_bytes()
    assert 0 < written.count(b"\n") < 1500, "the run was not interrupted part-way"
    with open(out, "ab") as handle:
        handle.write(b'{"id": "doc-99", "text": "torn')  # a last line cut by the kill
    subprocess.run(command + ["-o", str(out), "--resume"], check=True, cwd=ROOT)
    assert out.read_bytes() == reference.read_bytes()


def test_resume_refuses_other_inputs(batch, one_worker_output, tmp_path):
    out = tmp_path / "partial.jsonl"
    out.write_text("\n".join(_lines(one_worker_output)[:3]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(batch / "articles"), "-o", str(out),
                                 "--resume", "--workers", "1"])
    assert result.exit_code == 2
    assert "cannot resume: record 0 is 'doc-0000'" in result.output


def test_existing_output_is_not_overwritten_by_accident(batch, one_worker_output):
    before = one_worker_output.read_bytes()
    result = runner.invoke(app, ["extract", str(batch / "articles"), "-o",
                                 str(one_worker_output)])
    assert result.exit_code == 2
    assert errors.E_OUTPUT_EXISTS.format(path=one_worker_output) in result.output
    assert one_worker_output.read_bytes() == before


def test_csv_has_a_row_per_claim_and_a_row_for_claimless_documents(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "Nam Dinh has 300 cooperatives with 9,000 members."})
        + "\n" + json.dumps({"id": "b", "text": "The weather was fine."}) + "\n"
        + "not json\n", encoding="utf-8")
    out = tmp_path / "claims.csv"
    result = runner.invoke(app, ["extract", str(source), "-o", str(out), "--format", "csv",
                                 "--workers", "1"])
    assert result.exit_code == 1, result.output  # the 'not json' line's record
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["doc_index"], r["doc_id"], r["metric"], r["value"]) for r in rows] == [
        ("0", "a", "org_count", "300"), ("0", "a", "member_count", "9000"),
        ("1", "b", "", ""), ("2", "in:3", "", "")]
    assert rows[0]["province"] == "Nam Dinh" and rows[0]["evidence"].startswith("Nam Dinh")
    assert rows[3]["error"].startswith(f"{source}:3: not valid JSON")


def test_csv_resume_redoes_a_half_written_document(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", 40, seed=3)
    full, part = tmp_path / "full.csv", tmp_path / "part.csv"
    base = ["extract", str(source), "--format", "csv", "--workers", "1"]
    assert runner.invoke(app, base + ["-o", str(full)]).exit_code == 0
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    # Keep the header and rows up to the middle of some document, then a torn line.
    cut = next(i for i, line in enumerate(lines[1:], 1) if line.startswith("20,")) + 1
    part.write_text("".join(lines[:cut]) + "21,doc-0021,,org_co", encoding="utf-8")
    assert runner.invoke(app, base + ["-o", str(part), "--resume"]).exit_code == 0
    assert part.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")


@pytest.mark.parametrize("cell, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+2", "'+1+2"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
    ("cooperatives", "cooperatives"), (42, 42), (None, None),
])
def test_csv_cells_never_run_as_formulas(cell, expected):
    assert neutralise(cell) == expected


def test_bad_worker_count_is_refused(batch):
    result = runner.invoke(app, ["extract", str(batch / "articles"), "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output
