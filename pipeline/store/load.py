"""`coopie store load`: extract output into a DuckDB file of documents, entities and claims.

Loading is idempotent: a document loaded again (same id, or same url) replaces its rows. A
line that is no record is reported with file and line; every other line is loaded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlsplit

from pipeline import errors
from pipeline.io.readers import output_records

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY, url VARCHAR, outlet VARCHAR, published DATE,
    error VARCHAR, source_file VARCHAR);
CREATE TABLE IF NOT EXISTS entities (
    doc_id VARCHAR, start_char INTEGER, end_char INTEGER, label VARCHAR, text VARCHAR,
    norm JSON);
CREATE TABLE IF NOT EXISTS claims (
    doc_id VARCHAR, claim_index INTEGER, metric VARCHAR, aggregate VARCHAR, per VARCHAR,
    value DOUBLE, low DOUBLE, high DOUBLE, unit VARCHAR, approx VARCHAR, subject VARCHAR,
    place VARCHAR, province VARCHAR, province_2025 VARCHAR, time_start DATE, time_end DATE,
    status VARCHAR, evidence VARCHAR, url VARCHAR, outlet VARCHAR, published DATE);
"""
BATCH = 2_000


def _date(value: Any) -> str | None:
    """An ISO day ('2024-05-02'); a month or year alone ('2013-07') is its first day."""
    if not isinstance(value, str) or len(value) < 4:
        return None
    parts = (value[:10].split("-") + ["01", "01"])[:3]
    return "-".join(parts) if all(p.isdigit() for p in parts) else None


def outlet_of(url: str | None) -> str | None:
    """The outlet a url belongs to: its host without 'www.'/'en.' ('vietnamnews.vn')."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    for prefix in ("www.", "en.", "m."):
        host = host.removeprefix(prefix)
    return host or None


def claim_row(doc_id: str, index: int, claim: dict[str, Any], text: str,
              document: tuple) -> tuple:
    location = claim.get("location") or {}
    time = claim.get("time") or {}
    evidence = claim.get("evidence") or {}
    url, outlet, published = document
    return (doc_id, index, claim.get("metric"), claim.get("aggregate"), claim.get("per"),
            claim.get("value"), claim.get("low"), claim.get("high"), claim.get("unit"),
            claim.get("approx"), claim.get("subject"), location.get("name"),
            location.get("province"), location.get("province_2025") or location.get("province"),
            _date(time.get("start")), _date(time.get("end")), claim.get("status"),
            text[evidence.get("start", 0):evidence.get("end", 0)], url, outlet, published)


def read_records(path: Path, problems: list[str]) -> Iterable[dict[str, Any]]:
    """The records of an extract output; a line that is no record (or has no string id)
    goes to `problems` with file and line."""
    for number, record, problem in output_records(path):
        if record is not None and not isinstance(record.get("id"), str):
            problem = errors.E_JSONL_NOT_OBJECT.format(path=path, line=number)
        if problem:
            problems.append(problem)
        else:
            yield record


def load(paths: list[Path], db: Path) -> tuple[dict[str, int], list[str]]:
    """Load extract outputs into `db`; returns counts and the problems (file:line)."""
    import duckdb

    for path in paths:
        if not path.is_file():
            raise errors.UsageError(errors.E_INPUT_MISSING.format(path=path))
    problems: list[str] = []
    counts = {"documents": 0, "entities": 0, "claims": 0}
    with duckdb.connect(str(db)) as connection:
        connection.execute(SCHEMA)
        for path in paths:
            batch: list[dict[str, Any]] = []
            for record in read_records(path, problems):
                batch.append(record)
                if len(batch) >= BATCH:
                    _write(connection, batch, str(path), counts)
                    batch = []
            _write(connection, batch, str(path), counts)
    return counts, problems


def _write(connection: Any, records: list[dict[str, Any]], source: str,
           counts: dict[str, int]) -> None:
    if not records:
        return
    # The last of repeated ids in one batch wins, as a later load would.
    latest = {record["id"]: record for record in records}
    ids = list(latest)
    urls = [r["url"] for r in latest.values() if r.get("url")]
    connection.execute("BEGIN TRANSACTION")
    replaced = [row[0] for row in connection.execute(
        "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest($1)) "
        "OR url IN (SELECT unnest($2))", [ids, urls]).fetchall()]
    gone = list(set(replaced) | set(ids))
    for table in ("documents", "entities", "claims"):
        connection.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest($1))", [gone])
    documents, entities, claims = [], [], []
    for doc_id, record in latest.items():
        url = record.get("url")
        document = (url, outlet_of(url), _date(record.get("published")))
        documents.append((doc_id, *document, record.get("error"), source))
        text = record.get("text") or ""
        entities += [(doc_id, e.get("start"), e.get("end"), e.get("label"), e.get("text"),
                      json.dumps(e.get("norm"))) for e in record.get("entities") or []]
        claims += [claim_row(doc_id, index, claim, text, document)
                   for index, claim in enumerate(record.get("claims") or [])]
    connection.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)", documents)
    if entities:
        connection.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)", entities)
    if claims:
        connection.executemany("INSERT INTO claims VALUES (" + ", ".join("?" * 21) + ")",
                               claims)
    connection.execute("COMMIT")
    counts["documents"] += len(documents)
    counts["entities"] += len(entities)
    counts["claims"] += len(claims)
