"""Extract records as Parquet: the same record as a JSONL line, one row a document.

Entities and claims are nested columns (lists of structs) so pandas, polars, Spark and
DuckDB read them as they are; an entity's `norm`, whose keys depend on its label, is a
JSON string. An output is a folder of part files, written whole or not at all, in input
order (part-000000.parquet, part-000001.parquet, ...).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

PART_GLOB = "part-*.parquet"
TOP_LEVEL = ("id", "lang", "url", "published", "published_source", "error", "warning")
ENTITY = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("label", pa.string()),
                    ("text", pa.string()), ("norm", pa.string())])
CLAIM = pa.struct([
    ("metric", pa.string()), ("aggregate", pa.string()), ("per", pa.string()),
    ("value", pa.float64()), ("low", pa.float64()), ("high", pa.float64()),
    ("unit", pa.string()), ("approx", pa.string()),
    ("alt", pa.list_(pa.struct([("value", pa.float64()), ("unit", pa.string())]))),
    ("subject", pa.string()),
    ("location", pa.struct([("name", pa.string()), ("province", pa.string()),
                            ("province_2025", pa.string())])),
    ("time", pa.struct([("start", pa.string()), ("end", pa.string())])),
    ("status", pa.string()),
    ("evidence", pa.struct([("start", pa.int32()), ("end", pa.int32())])),
])
RECORD = pa.schema([*((name, pa.string()) for name in TOP_LEVEL), ("text", pa.string()),
                    ("entities", pa.list_(ENTITY)), ("claims", pa.list_(CLAIM))])


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _claim_row(claim: dict[str, Any]) -> dict[str, Any]:
    row = {name: claim.get(name) for name in CLAIM.names}
    for name in ("value", "low", "high"):
        row[name] = _float(row[name])
    row["alt"] = [{"value": _float(a.get("value")), "unit": a.get("unit")}
                  for a in claim.get("alt") or []]
    return row


def records_table(records: list[dict[str, Any]]) -> pa.Table:
    """A table of extract records in the RECORD schema."""
    rows = []
    for record in records:
        row = {name: record.get(name) for name in TOP_LEVEL}
        row["text"] = record.get("text") or ""
        row["entities"] = [{**{k: e.get(k) for k in ("start", "end", "label", "text")},
                            "norm": json.dumps(e.get("norm"), ensure_ascii=False)}
                           for e in record.get("entities") or []]
        row["claims"] = [_claim_row(c) for c in record.get("claims") or []]
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=RECORD)


def table_records(table: pa.Table) -> Iterator[dict[str, Any]]:
    """Extract records back from a table: absent top-level fields are left out, norms
    parsed, as `coopie extract` writes them to JSONL."""
    for row in table.to_pylist():
        record = {name: row[name] for name in TOP_LEVEL if row.get(name) is not None}
        record["text"] = row.get("text") or ""
        record["entities"] = [{**e, "norm": json.loads(e["norm"]) if e.get("norm") else None}
                              for e in row.get("entities") or []]
        record["claims"] = row.get("claims") or []
        yield record


def write_part(folder: Path, number: int, records: list[dict[str, Any]]) -> Path:
    """Write one part file atomically: a crash leaves the part absent, never torn."""
    path = folder / f"part-{number:06d}.parquet"
    temporary = path.with_suffix(".parquet.tmp")
    pq.write_table(records_table(records), temporary, compression="zstd")
    os.replace(temporary, path)
    return path


def part_files(folder: Path) -> list[Path]:
    """A Parquet output's part files in order."""
    return sorted(folder.glob(PART_GLOB))


def read_parquet_records(path: Path, batch_rows: int = 2_000) -> Iterator[dict[str, Any]]:
    """Records of a part file, or of every part file of a folder, a batch at a time."""
    for part in part_files(path) if path.is_dir() else [path]:
        for batch in pq.ParquetFile(part).iter_batches(batch_size=batch_rows):
            yield from table_records(pa.Table.from_batches([batch]))
