"""The claims store (issue 13, first part): a real DuckDB file; loading is idempotent,
torn lines are reported, reports of one quantity merge into facts, disagreements are
conflicts."""

from __future__ import annotations

import json

import duckdb
from typer.testing import CliRunner

from pipeline import errors
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
    nowhere = str(tmp_path / "none.duckdb")
    for command in (["facts"], ["conflicts"], ["export", "--parquet", str(tmp_path / "x")],
                    ["report", "-o", str(tmp_path / "r.html")]):
        missing = runner.invoke(app, ["store", *command, "--db", nowhere])
        assert missing.exit_code == 2 and "none.duckdb" in missing.output, command
    assert not (tmp_path / "none.duckdb").exists()


def test_a_district_figure_and_another_subject_are_other_quantities(tmp_path):
    out = tmp_path / "out.jsonl"
    district = claim(37)
    district["location"] = {"name": "Kien Xuong", "province": "Thai Binh"}
    groups = claim(88, subject="cooperative groups")
    write(out, record("a1", "https://baothaibinh.com.vn/1", "2024-01-03", claim(464), district,
                      groups),
          record("a2", "https://vietnamnews.vn/2", "2024-01-04",
                 claim(464, subject="Co-operatives")))
    db = tmp_path / "claims.duckdb"
    assert runner.invoke(app, ["store", "load", str(out), "--db", str(db)]).exit_code == 0
    found = [dict(zip(facts(db)[0], row)) for row in facts(db)[1]]
    assert sorted((f["place"] or "", f["value_low"], f["outlets"]) for f in found) == [
        ("", 88, 1), ("", 464, 2), ("Kien Xuong", 37, 1)]
    assert conflicts(db)[1] == []


def test_records_that_are_not_extract_output_are_reported_and_the_rest_loaded(tmp_path):
    out = tmp_path / "mixed.jsonl"
    good = record("ok", "https://baothaibinh.com.vn/1", "2024-01-03", claim(464))
    lines = [json.dumps(good), json.dumps(["a", "list"]), json.dumps({"id": 7}),
             json.dumps({**good, "id": "many", "claims": [claim("many")]}),
             json.dumps({**good, "id": "flat", "claims": 5}),
             json.dumps({**good, "id": "nested", "claims": [3]}), "", "{\"id\": \"to"]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "claims.duckdb"
    result = runner.invoke(app, ["store", "load", str(out), "--db", str(db)])
    assert result.exit_code == 1
    for line in (2, 3):
        assert errors.E_JSONL_NOT_OBJECT.format(path=out, line=line) in result.output
    assert f"{out}:4: not an extract record, not loaded (a claim value is not a number)" \
        in result.output
    assert f"{out}:5: not an extract record, not loaded (claims and entities must be lists)" \
        in result.output
    assert f"{out}:6: not an extract record, not loaded (a claim or entity is not an object)" \
        in result.output
    assert f"{out}:8: not valid JSON" in result.output
    with duckdb.connect(str(db), read_only=True) as connection:
        assert connection.execute("SELECT doc_id FROM documents").fetchall() == [("ok",)]


def test_one_url_twice_in_one_file_keeps_the_later_record(tmp_path):
    out = tmp_path / "out.jsonl"
    write(out, record("first", "https://baothaibinh.com.vn/1", "2024-01-03", claim(464)),
          record("second", "https://baothaibinh.com.vn/1", "2024-01-03", claim(465)))
    db = tmp_path / "claims.duckdb"
    runner.invoke(app, ["store", "load", str(out), "--db", str(db)])
    with duckdb.connect(str(db), read_only=True) as connection:
        assert connection.execute("SELECT doc_id, value FROM claims").fetchall() == [
            ("second", 465)]


HOSTILE = "'; DROP TABLE claims; --"


def hostile_store(tmp_path):
    out = tmp_path / "out.jsonl"
    write(out, record("a1", "https://baothaibinh.com.vn/1", "2023-03-01", claim(464)),
          record("a2", "https://vietnamnews.vn/2", "2024-05-01", claim(12, HOSTILE)),
          record("a3", None, "2022-02-02", claim(9, None, None, None)))
    db = tmp_path / "claims.duckdb"
    assert runner.invoke(app, ["store", "load", str(out), "--db", str(db)]).exit_code == 0
    return db


def test_a_hostile_province_name_is_only_a_name(tmp_path):
    db = hostile_store(tmp_path)
    result = runner.invoke(app, ["store", "facts", "--db", str(db), "--province", HOSTILE,
                                 "--json"])
    assert result.exit_code == 0
    assert [json.loads(line)["province"] for line in result.output.splitlines()] == [HOSTILE]
    exported = tmp_path / "export"
    assert runner.invoke(app, ["store", "export", "--db", str(db), "--parquet",
                               str(exported)]).exit_code == 0
    with duckdb.connect(str(db), read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM claims").fetchone() == (3,)
    back = duckdb.sql(f"SELECT province FROM read_parquet('{exported}/claims/**/*.parquet', "
                      "hive_partitioning = true) ORDER BY province").fetchall()
    assert back == [(HOSTILE,), ("Thai Binh",), ("national",)]


def test_parquet_export_round_trips_values_and_types(tmp_path):
    import pyarrow.dataset as ds

    db = hostile_store(tmp_path)
    exported = tmp_path / "export"
    result = runner.invoke(app, ["store", "export", "--db", str(db), "--parquet", str(exported)])
    assert result.exit_code == 0, result.output
    assert (exported / "claims" / "province=Thai%20Binh" / "year=2023").is_dir()
    assert (exported / "claims" / "province=national" / "year=2022").is_dir()
    assert (exported / "documents.parquet").is_file() and (exported / "entities.parquet").is_file()
    table = ds.dataset(exported / "claims", format="parquet", partitioning="hive").to_table()
    types = {field.name: str(field.type) for field in table.schema}
    assert types["value"] == "double" and types["time_start"] == "date32[day]"
    assert types["published"] == "date32[day]" and types["claim_index"] == "int32"
    rows = sorted(table.to_pylist(), key=lambda row: row["doc_id"])
    with duckdb.connect(str(db), read_only=True) as connection:
        cursor = connection.execute("SELECT * FROM claims ORDER BY doc_id")
        names = [d[0] for d in cursor.description]
        stored = [dict(zip(names, row)) for row in cursor.fetchall()]
    for original, back in zip(stored, rows, strict=True):
        assert {k: v for k, v in back.items() if k not in ("province", "year")} == \
            {k: v for k, v in original.items() if k != "province"}
        assert back["province"] == (original["province"] or "national")
    assert [row["year"] for row in rows] == [2023, 2023, 2022]  # a3: undated, published 2022
    again = runner.invoke(app, ["store", "export", "--db", str(db), "--parquet", str(exported)])
    assert again.exit_code == 2 and "--overwrite" in again.output
    assert runner.invoke(app, ["store", "export", "--db", str(db), "--parquet", str(exported),
                               "--overwrite"]).exit_code == 0


def test_extract_parquet_output_loads_like_jsonl(tmp_path):
    from pipeline.io.parquet import write_part

    records = [record("a1", "https://baothaibinh.com.vn/1", "2024-01-03", claim(464)),
               record("a2", None, "2024-01-05", claim(30, evidence_start=10))]
    jsonl, folder = tmp_path / "out.jsonl", tmp_path / "out.parquet"
    write(jsonl, *records)
    folder.mkdir()
    write_part(folder, 0, records)
    tables = {}
    for name, source in (("jsonl", jsonl), ("parquet", folder)):
        db = tmp_path / f"{name}.duckdb"
        assert runner.invoke(app, ["store", "load", str(source), "--db", str(db)]).exit_code == 0
        with duckdb.connect(str(db), read_only=True) as connection:
            tables[name] = [connection.execute(f"SELECT * EXCLUDE (source_file) FROM {t} "
                                               "ORDER BY ALL").fetchall()
                            if t == "documents" else
                            connection.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                            for t in ("documents", "entities", "claims")]
    assert tables["jsonl"] == tables["parquet"]
    assert len(tables["parquet"][2]) == 2
