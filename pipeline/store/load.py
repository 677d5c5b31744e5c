"""`coopie store load`: extract output into a DuckDB file of documents, entities and claims.

Python only reads lines; DuckDB checks and flattens them (its JSON functions run a batch
at a time in C++, about ten times faster than building rows in Python). Loading is
idempotent: a document loaded again (same id, or same url) replaces its rows. A line that
is no record is reported with file and line; every other line is loaded.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterator

from pipeline import errors
from pipeline.evaluation.scoring import SUBJECT_SPELLINGS
from pipeline.io.readers import output_lines

# Column order of each table: the INSERT statements below follow it.
DOCUMENT_COLUMNS = {
    "doc_id": "VARCHAR PRIMARY KEY", "lang": "VARCHAR", "url": "VARCHAR", "outlet": "VARCHAR",
    "published": "DATE", "error": "VARCHAR", "source_file": "VARCHAR"}
ENTITY_COLUMNS = {
    "doc_id": "VARCHAR", "start_char": "INTEGER", "end_char": "INTEGER", "label": "VARCHAR",
    "text": "VARCHAR", "norm": "JSON"}
CLAIM_COLUMNS = {
    "doc_id": "VARCHAR", "claim_index": "INTEGER", "metric": "VARCHAR",
    "aggregate": "VARCHAR", "per": "VARCHAR", "value": "DOUBLE", "low": "DOUBLE",
    "high": "DOUBLE", "unit": "VARCHAR", "approx": "VARCHAR", "subject": "VARCHAR",
    "subject_key": "VARCHAR", "place": "VARCHAR", "province": "VARCHAR",
    "province_2025": "VARCHAR", "time_start": "DATE", "time_end": "DATE", "status": "VARCHAR",
    "evidence": "VARCHAR", "url": "VARCHAR", "outlet": "VARCHAR", "published": "DATE"}
TABLES = {"documents": DOCUMENT_COLUMNS, "entities": ENTITY_COLUMNS, "claims": CLAIM_COLUMNS}
SCHEMA = "".join(
    f"CREATE TABLE IF NOT EXISTS {table} ("
    + ", ".join(f"{name} {kind}" for name, kind in columns.items()) + ");\n"
    for table, columns in TABLES.items())
BATCH = 5_000


def sql_literal(text: str) -> str:
    """A string as an SQL literal (quotes doubled), for the few places that take no
    parameters: COPY targets, regular expressions compiled once."""
    return "'" + text.replace("'", "''") + "'"


def _day(expression: str) -> str:
    """SQL: an ISO day from text; a month or year alone ('2013-07') is its first day."""
    return (f"try_cast(CASE WHEN regexp_full_match({expression}, '\\d{{4}}') "
            f"THEN {expression} || '-01-01' "
            f"WHEN regexp_full_match({expression}, '\\d{{4}}-\\d{{2}}') "
            f"THEN {expression} || '-01' ELSE left({expression}, 10) END AS DATE)")


def _subject_key(expression: str) -> str:
    """SQL: a subject as ANNOTATION.md §4 compares it (the scorer's own spellings)."""
    for pattern, replacement in SUBJECT_SPELLINGS:
        expression = (f"regexp_replace({expression}, {sql_literal(pattern.pattern)}, "
                      f"{sql_literal(replacement)}, 'g')")
    return f"nullif({expression}, '')"


# The outlet a url belongs to: its host without 'www.', 'en.' or 'm.' ('vietnamnews.vn').
OUTLET = ("nullif(regexp_replace(lower(regexp_extract(b.url, "
          "'^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/@]*@)?([^/:?#]+)', 1)), '^((www|en|m)\\.)+', ''), '')")
# Each line's type structure (json_structure parses once; NULL for no JSON), grouped: a
# batch of one producer has a handful of structures, checked in Python.
STRUCTURES = """
SELECT try(json_structure(raw)) AS structure, list(line ORDER BY line) AS lines
FROM incoming GROUP BY ALL
"""
NUMBER_TYPES = {"NULL", "BIGINT", "UBIGINT", "HUGEINT", "DOUBLE"}


def structure_problem(structure: Any) -> str | None:
    """Why records of this type structure cannot be loaded, or None: an object with a
    string id, lists of objects as claims and entities, numbers as claim values."""
    if not isinstance(structure, dict):
        return "object"
    if structure.get("id") != "VARCHAR":
        return "object"
    for key in ("claims", "entities"):
        items = structure.get(key, "NULL")
        if items == "NULL":
            continue
        if not isinstance(items, list):
            return "claims and entities must be lists"
        element = items[0]  # the merged type of every element; "NULL" when empty
        if element == "NULL":
            continue
        if not isinstance(element, dict):
            return "a claim or entity is not an object"
        if key == "claims" and any(element.get(name, "NULL") not in NUMBER_TYPES
                                   for name in ("value", "low", "high")):
            return "a claim value is not a number"
    return None


# The typed shape DuckDB reads each record into, parsing it once.
RECORD_SHAPE = json.dumps({
    "id": "VARCHAR", "lang": "VARCHAR", "url": "VARCHAR", "published": "VARCHAR",
    "error": "VARCHAR",
    "text": "VARCHAR",
    "entities": [{"start": "INTEGER", "end": "INTEGER", "label": "VARCHAR", "text": "VARCHAR",
                  "norm": "JSON"}],
    "claims": [{"metric": "VARCHAR", "aggregate": "VARCHAR", "per": "VARCHAR",
                "value": "DOUBLE", "low": "DOUBLE", "high": "DOUBLE", "unit": "VARCHAR",
                "approx": "VARCHAR", "subject": "VARCHAR",
                "location": {"name": "VARCHAR", "province": "VARCHAR",
                             "province_2025": "VARCHAR"},
                "time": {"start": "VARCHAR", "end": "VARCHAR"}, "status": "VARCHAR",
                "evidence": {"start": "INTEGER", "end": "INTEGER"}}],
})
# The batch's records, parsed once, the last of a repeated id or url winning as a later
# load would.
BATCH_TABLE = f"""
CREATE OR REPLACE TEMP TABLE batch AS
WITH parsed AS (
    SELECT line, json_transform(raw, {sql_literal(RECORD_SHAPE)}) AS r
    FROM incoming WHERE NOT list_contains($bad, line)
), by_id AS (
    SELECT line, r, r.id AS doc_id, nullif(r.url, '') AS url FROM parsed
    QUALIFY row_number() OVER (PARTITION BY r.id ORDER BY line DESC) = 1
)
SELECT * FROM by_id
QUALIFY url IS NULL OR row_number() OVER (PARTITION BY url ORDER BY line DESC) = 1
"""
REPLACED = """
CREATE OR REPLACE TEMP TABLE gone AS
SELECT doc_id FROM batch UNION
SELECT d.doc_id FROM documents d JOIN batch b ON d.url = b.url
"""
INSERT_DOCUMENTS = f"""
INSERT INTO documents
SELECT b.doc_id, b.r.lang, b.url, {OUTLET}, {_day('b.r.published')}, b.r.error, $source
FROM batch b
"""
INSERT_ENTITIES = """
INSERT INTO entities
SELECT doc_id, e.start, e."end", e.label, e.text, e.norm
FROM (SELECT doc_id, unnest(r.entities) AS e FROM batch)
"""
PLACE = """CASE WHEN c.location.name IS NULL OR c.location.province IS NULL THEN NULL
     WHEN lower(c.location.name) IN (lower(c.location.province),
          lower(coalesce(c.location.province_2025, c.location.province))) THEN NULL
     ELSE c.location.name END"""
INSERT_CLAIMS = f"""
INSERT INTO claims
SELECT b.doc_id, i - 1, c.metric, c.aggregate, c.per, c.value, c.low, c.high, c.unit,
       c.approx, c.subject, {_subject_key('lower(c.subject)')}, {PLACE},
       c.location.province, coalesce(c.location.province_2025, c.location.province),
       {_day('c.time.start')}, {_day('c.time."end"')}, c.status,
       CASE WHEN c.evidence.start >= 0 AND c.evidence."end" > c.evidence.start
            THEN substring(b.r.text, c.evidence.start + 1, c.evidence."end" - c.evidence.start)
            ELSE '' END,
       b.url, {OUTLET}, {_day('b.r.published')}
FROM (SELECT doc_id, url, r, unnest(r.claims) AS c, generate_subscripts(r.claims, 1) AS i
      FROM batch) b
"""


def read_lines(path: Path, problems: list[str]) -> Iterator[tuple[int, str]]:
    """(line or row number, JSON text) of every record of an extract output: JSONL, or
    Parquet (a part file or a folder of them). Undecodable lines go to `problems`."""
    if path.is_dir() or path.suffix.lower() == ".parquet":
        yield from _parquet_lines(path, problems)
        return
    for number, line, problem in output_lines(path):
        if problem:
            problems.append(problem)
        else:
            yield number, line


def _parquet_lines(path: Path, problems: list[str]) -> Iterator[tuple[int, str]]:
    from pipeline.io.parquet import read_parquet_records

    number = 0
    try:
        for number, record in enumerate(read_parquet_records(path), start=1):
            yield number, json.dumps(record, ensure_ascii=False, default=str)
    except Exception as err:  # pyarrow raises several types for a file that is no Parquet
        problems.append(errors.E_STORE_PARQUET.format(path=path, row=number + 1, reason=err))


def load(paths: list[Path], db: Path, progress: bool = False
         ) -> tuple[dict[str, int], list[str]]:
    """Load extract outputs into `db`; returns counts and the problems (file:line)."""
    import duckdb
    from tqdm import tqdm

    for path in paths:
        if not path.exists():
            raise errors.UsageError(errors.E_INPUT_MISSING.format(path=path))
    problems: list[str] = []
    counts = {"documents": 0, "entities": 0, "claims": 0}
    bar = tqdm(unit="doc", desc="load", disable=not progress, file=sys.stderr)
    with duckdb.connect(str(db)) as connection:
        connection.execute(SCHEMA)
        for path in paths:
            batch: list[tuple[int, str]] = []
            for numbered in read_lines(path, problems):
                batch.append(numbered)
                if len(batch) >= BATCH:
                    _write(connection, batch, path, counts, problems)
                    bar.update(len(batch))
                    batch = []
            _write(connection, batch, path, counts, problems)
            bar.update(len(batch))
    bar.close()
    return counts, problems


def _problem(path: Path, line: int, raw: str, kind: str) -> str:
    if kind == "json":
        try:
            json.loads(raw)
        except (json.JSONDecodeError, RecursionError) as err:
            return errors.E_JSONL_BAD_JSON.format(path=path, line=line, reason=err)
    if kind == "object" or kind == "json":
        return errors.E_JSONL_NOT_OBJECT.format(path=path, line=line)
    return errors.E_STORE_RECORD.format(path=path, line=line, reason=kind)


def _write(connection: Any, lines: list[tuple[int, str]], path: Path,
           counts: dict[str, int], problems: list[str]) -> None:
    """Replace the batch's documents (by id, or url) with its records, in one transaction."""
    import pyarrow as pa

    if not lines:
        return
    numbers, raws = zip(*lines)
    connection.register("incoming", pa.table({"line": pa.array(numbers, pa.int64()),
                                              "raw": pa.array(raws, pa.string())}))
    try:
        kinds: dict[int, str] = {}
        for structure, numbered in connection.execute(STRUCTURES).fetchall():
            kind = "json" if structure is None else structure_problem(json.loads(structure))
            if kind:
                kinds.update(dict.fromkeys(numbered, kind))
        text_of = dict(lines) if kinds else {}
        for line in sorted(kinds):
            problems.append(_problem(path, line, text_of[line], kinds[line]))
        bad = sorted(kinds)
        # DDL takes no parameters: the bad lines go in as a literal list of integers.
        connection.execute(BATCH_TABLE.replace("$bad", f"[{', '.join(map(str, bad))}]::BIGINT[]"))
    finally:
        connection.unregister("incoming")
    _replace(connection, path, counts)


def _replace(connection: Any, path: Path, counts: dict[str, int]) -> None:
    """In one transaction: drop the rows of the batch's documents (by id or url), insert
    its records."""
    connection.execute("BEGIN TRANSACTION")
    try:
        connection.execute(REPLACED)
        for table in TABLES:
            connection.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM gone)")
        connection.execute(INSERT_DOCUMENTS, {"source": str(path)})
        connection.execute(INSERT_ENTITIES)
        connection.execute(INSERT_CLAIMS)
        added = connection.execute(
            "SELECT count(*), coalesce(sum(len(r.entities)), 0), "
            "coalesce(sum(len(r.claims)), 0) FROM batch").fetchone()
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    for name, number in zip(("documents", "entities", "claims"), added):
        counts[name] += int(number)
