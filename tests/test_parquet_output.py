"""`coopie extract --format parquet`: the records of JSONL, as a folder of Parquet part
files, from either engine, resumable, read back by pandas-free pyarrow and by the store."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline import errors
from pipeline.batch.sinks import ParquetSink
from pipeline.cli import app
from pipeline.io.parquet import part_files, read_parquet_records, records_table, table_records
from tests.batch_corpus import write_jsonl

runner = CliRunner()


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _same_as_jsonl(parquet_record: dict, jsonl_record: dict) -> None:
    """A Parquet record equals its JSONL twin; absent nested keys come back as null."""
    assert {k: v for k, v in parquet_record.items() if k != "claims"} == \
        {k: v for k, v in jsonl_record.items() if k != "claims"}
    assert len(parquet_record["claims"]) == len(jsonl_record["claims"])
    for ours, theirs in zip(parquet_record["claims"], jsonl_record["claims"]):
        for key, value in theirs.items():
            if isinstance(value, dict):
                assert {k: ours[key][k] for k in value} == value, key
            else:
                assert ours[key] == value, key


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("parquet-inputs")
    write_jsonl(folder / "news.jsonl", 12)
    with open(folder / "news.jsonl", "a", encoding="utf-8") as extra:
        extra.write("{this line is torn\n")
    return folder / "news.jsonl"


@pytest.fixture(scope="module")
def jsonl_output(inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reference") / "out.jsonl"
    result = runner.invoke(app, ["extract", str(inputs), "-o", str(out), "--workers", "1",
                                 "--no-progress"])
    assert result.exit_code == 1, result.output  # the torn line is an error record
    return out


def test_parquet_holds_the_jsonl_records(inputs, jsonl_output, tmp_path):
    out = tmp_path / "claims.parquet"
    result = runner.invoke(app, ["extract", str(inputs), "--format", "parquet", "-o", str(out),
                                 "--workers", "1", "--no-progress"])
    assert result.exit_code == 1, result.output
    assert [p.name for p in part_files(out)] == ["part-000000.parquet"]
    records = list(read_parquet_records(out))
    expected = _jsonl(jsonl_output)
    assert len(records) == len(expected) == 13
    for ours, theirs in zip(records, expected):
        _same_as_jsonl(ours, theirs)
    assert "error" in records[-1] and records[-1]["claims"] == []
    # nested columns are typed, not strings
    schema = pq.read_schema(part_files(out)[0])
    assert str(schema.field("claims").type).startswith("list<element: struct<metric: string")
    assert str(schema.field("entities").type.value_type.field("start").type) == "int32"


def test_dask_engine_lands_as_parquet(inputs, jsonl_output, tmp_path):
    out = tmp_path / "dask.parquet"
    result = runner.invoke(app, ["extract", str(inputs), "--format", "parquet", "-o", str(out),
                                 "--engine", "dask", "--workers", "2", "--no-progress"])
    assert result.exit_code == 1, result.output
    for ours, theirs in zip(read_parquet_records(out), _jsonl(jsonl_output), strict=True):
        _same_as_jsonl(ours, theirs)


def test_an_interrupted_parquet_run_resumes(inputs, jsonl_output, tmp_path, monkeypatch):
    out = tmp_path / "resumed.parquet"
    out.mkdir()
    expected = _jsonl(jsonl_output)
    # What a run killed after its first part leaves: a whole part and a torn temporary.
    monkeypatch.setattr(ParquetSink, "PART_ROWS", 5)
    sink = ParquetSink(str(out), resume=False)
    sink.buffer = expected[:5]
    sink.close()
    (out / "part-000001.parquet.tmp").write_bytes(b"PAR1 torn")
    result = runner.invoke(app, ["extract", str(inputs), "--format", "parquet", "-o", str(out),
                                 "--workers", "1", "--resume", "--no-progress"])
    assert result.exit_code == 1, result.output
    assert "5 already there" in result.output
    parts = part_files(out)
    assert parts[0].name == "part-000000.parquet" and len(parts) >= 2
    assert not list(out.glob("*.tmp"))
    assert [r["id"] for r in read_parquet_records(out)] == [r["id"] for r in expected]


def test_parquet_output_errors(inputs, tmp_path):
    to_stdout = runner.invoke(app, ["extract", str(inputs), "--format", "parquet"])
    assert to_stdout.exit_code == 2
    assert errors.E_PARQUET_STDOUT in to_stdout.output
    a_file = tmp_path / "taken"
    a_file.write_text("", encoding="utf-8")
    onto_file = runner.invoke(app, ["extract", str(inputs), "--format", "parquet", "-o",
                                    str(a_file), "--workers", "1"])
    assert onto_file.exit_code == 2
    assert errors.E_PARQUET_NOT_FOLDER.format(path=a_file) in onto_file.output
    full = tmp_path / "full"
    full.mkdir()
    (full / "notes.txt").write_text("mine", encoding="utf-8")
    refused = runner.invoke(app, ["extract", str(inputs), "--format", "parquet", "-o",
                                  str(full), "--workers", "1"])
    assert refused.exit_code == 2 and (full / "notes.txt").exists()


def test_records_survive_the_table_round_trip():
    record = {"id": "x1", "url": "https://baothaibinh.com.vn/1", "published": "2024-01-03",
              "published_source": "input", "text": "Thai Binh had 464 cooperatives.",
              "entities": [{"start": 0, "end": 9, "label": "GPE", "text": "Thai Binh",
                            "norm": {"name": "Thai Binh", "level": "province"}}],
              "claims": [{"metric": "org_count", "aggregate": "total", "per": None,
                          "value": 464, "low": None, "high": None, "unit": "count",
                          "approx": "exact", "alt": [{"value": 12, "unit": "USD"}],
                          "subject": "cooperatives",
                          "location": {"name": "Thai Binh", "province": "Thai Binh",
                                       "province_2025": "Hung Yen"},
                          "time": {"start": "2023-12-31", "end": "2023-12-31"},
                          "status": "actual", "evidence": {"start": 0, "end": 30}}]}
    back = list(table_records(records_table([record, {"id": "bare", "error": "unreadable"}])))
    assert back[0] == record
    assert back[1] == {"id": "bare", "error": "unreadable", "text": "", "entities": [],
                       "claims": []}
