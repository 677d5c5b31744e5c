"""The claims store (issue 13, first part): a real DuckDB file; loading is idempotent,
torn lines are reported, reports of one quantity merge into facts, disagreements are
conflicts."""

from __future__ import annotations

import json

import duckdb
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.store.facts import Filters, conflicts, facts

runner = CliRunner()


def claim(value, province="Thai Binh", start="2023-01-01", end="2023-12-31", **extra):
    text_start = extra.pop("evidence_start", 0)
    return {"metric": "org_count", "aggregate": "total", "per": None, "value": value,
            "low": None, "high": None, "unit": "count", "approx": "exact", "alt": [],
            "subject": "cooperatives", "location": {"name": province, "province": province},
            "time": {"start": start, "end": end}, "status": "actual",
            "evidence": {"start": text_start, "end": text_start + 40}, **extra}


def record(doc_id, url, published, *claims):
    text = "Thai Binh province had 464 cooperatives at the end of 2023, the union said."
    return {"id": doc_id, "url": url, "published": published, "text": text,
            "entities": [{"start": 0, "end": 9, "label": "GPE", "text": "Thai Binh",
                          "norm": {"name": "Thai Binh", "province": "Thai Binh"}}],
            "claims": list(claims)}


def write(path, *records, torn=False):
    lines = [json.dumps(r) for r in records] + (['{"id": "cut", "text": "Tha'] if torn else [])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_reports_of_one_quantity_merge_and_disagreements_conflict(tmp_path):
    out = tmp_path / "out.jsonl"
    write(out,
          record("a1", "https://baothaibinh.com.vn/news/1", "2024-01-03", claim(464)),
          record("a2", "https://vietnamnews.vn/economy/2", "2024-01-05", claim(464.5)),
          record("a3", "https://en.vietnamplus.vn/3", "2024-02-01", claim(470)),
          record("a4", "https://baohanam.com.vn/4", "2024-02-02", claim(120, "Ha Nam")))
    db = tmp_path / "claims.duckdb"
    result = runner.invoke(app, ["store", "load", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    columns, rows = facts(db, Filters(province="Thai Binh"))
    found = [dict(zip(columns, row)) for row in rows]
    assert [(f["value_low"], f["value_high"], f["outlets"], f["articles"]) for f in found] == [
        (464, 464.5, 2, 2), (470, 470, 1, 1)]
    assert str(found[0]["first_published"]) == "2024-01-03"
    assert str(found[0]["last_published"]) == "2024-01-05"
    columns, rows = conflicts(db)
    disagreeing = [dict(zip(columns, row)) for row in rows]
    assert [(c["doc_id"], c["value"]) for c in disagreeing] == [
        ("a1", 464), ("a2", 464.5), ("a3", 470)]
    assert disagreeing[2]["outlet"] == "vietnamplus.vn"
    assert disagreeing[2]["evidence"] == "Thai Binh province had 464 cooperatives "
    # filters: another province, and a time window that excludes 2023
    assert len(facts(db, Filters(province="Ha Nam"))[1]) == 1
    assert facts(db, Filters(start="2024-01-01"))[1] == []


def test_loading_again_replaces_and_torn_lines_are_reported(tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write(first, record("a1", "https://baothaibinh.com.vn/news/1", "2024-01-03", claim(464)),
          record("a2", None, "2024-01-05", claim(464), claim(30, evidence_start=10)))
    # a1 again under another id but the same url, with a corrected figure; a torn last line
    write(second, record("a1-copy", "https://baothaibinh.com.vn/news/1", "2024-01-03",
                         claim(465)), torn=True)
    db = tmp_path / "claims.duckdb"
    assert runner.invoke(app, ["store", "load", str(first), "--db", str(db)]).exit_code == 0
    assert runner.invoke(app, ["store", "load", str(first), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["store", "load", str(second), "--db", str(db)])
    assert result.exit_code == 1
    assert f"{second}:2: not valid JSON" in result.output
    with duckdb.connect(str(db), read_only=True) as connection:
        documents = connection.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()
        values = connection.execute("SELECT doc_id, value FROM claims ORDER BY doc_id, value"
                                    ).fetchall()
    assert documents == [("a1-copy",), ("a2",)]
    assert values == [("a1-copy", 465), ("a2", 30), ("a2", 464)]


def test_facts_as_csv_and_json_and_a_missing_store(tmp_path):
    out = tmp_path / "out.jsonl"
    write(out, record("a1", "https://baothaibinh.com.vn/news/1", "2024-01-03", claim(464)))
    db = tmp_path / "claims.duckdb"
    runner.invoke(app, ["store", "load", str(out), "--db", str(db)])
    as_csv = runner.invoke(app, ["store", "facts", "--db", str(db), "--csv"]).output
    assert as_csv.splitlines()[0].startswith("metric,aggregate,per,unit,province,")
    as_json = runner.invoke(app, ["store", "facts", "--db", str(db), "--json"]).output
    assert json.loads(as_json.splitlines()[0])["outlets"] == 1
    missing = runner.invoke(app, ["store", "facts", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2
