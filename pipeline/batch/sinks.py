"""Where records go: JSONL (one record a line) or CSV (one row a claim), to a file or stdout,
or Parquet (one row a record) into a folder of part files; and how an interrupted run is
resumed.

Resuming relies on output order being input order: a sink counts the documents already
written (after cutting a torn last line), checks their ids against the inputs, and the run
skips that many inputs. CSV rows carry `doc_index` for this, and every document has at
least one row, so none goes missing.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterator

from pipeline import errors

CSV_COLUMNS = ["doc_index", "doc_id", "lang", "url", "published", "error", "warning", "metric",
               "aggregate", "per", "value", "low", "high", "unit", "approx", "alt", "subject",
               "location_name", "province", "province_2025", "time_start", "time_end",
               "status", "evidence_start", "evidence_end", "evidence"]
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: Any) -> Any:
    """Prefix a cell that a spreadsheet would execute with an apostrophe; line breaks
    become spaces so that one row is one line (resume counts lines)."""
    if isinstance(cell, str):
        cell = cell.replace("\r", " ").replace("\n", " ")
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_STARTS) else cell


def claim_rows(index: int, record: dict[str, Any]) -> list[list[Any]]:
    """Flat CSV rows of one record: a row per claim, or one row with no claim fields."""
    text = record.get("text") or ""
    base = [index, record["id"], record.get("lang", ""), record.get("url", ""),
            record.get("published", ""),
            record.get("error", ""), record.get("warning", "")]
    rows = []
    for claim in record.get("claims") or []:
        location = claim.get("location") or {}
        time = claim.get("time") or {}
        evidence = claim.get("evidence") or {}
        alt = "; ".join(f"{a.get('value')} {a.get('unit')}" for a in claim.get("alt") or [])
        rows.append(base + [claim.get("metric"), claim.get("aggregate"), claim.get("per"),
                            claim.get("value"), claim.get("low"), claim.get("high"),
                            claim.get("unit"), claim.get("approx"), alt,
                            claim.get("subject"), location.get("name"),
                            location.get("province"), location.get("province_2025"),
                            time.get("start"), time.get("end"), claim.get("status"),
                            evidence.get("start"), evidence.get("end"),
                            text[evidence.get("start", 0):evidence.get("end", 0)]])
    if not rows:
        rows.append(base + [""] * (len(CSV_COLUMNS) - len(base)))
    return [[neutralise(cell) for cell in row] for row in rows]


@dataclass
class Rendered:
    """A chunk of records already formatted as output text (by the worker that made them,
    so the parent process only writes), with their ids and errors."""

    ids: list[str]
    errors: list[str]
    text: str
    records: list[dict[str, Any]] | None = None  # Parquet: the sink builds the part files


def render_rows(rows: list[list[Any]]) -> str:
    """CSV text of rows, one line each."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def render(records: list[dict[str, Any]], fmt: str, first_index: int) -> Rendered:
    """Records as JSONL lines or CSV rows; `first_index` numbers CSV rows' `doc_index`."""
    ids, problems = [r["id"] for r in records], [r["error"] for r in records if "error" in r]
    if fmt == "parquet":
        return Rendered(ids, problems, "", records)
    if fmt == "csv":
        text = render_rows([row for offset, record in enumerate(records)
                            for row in claim_rows(first_index + offset, record)])
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return Rendered(ids, problems, text)


FORMATS = ("jsonl", "csv", "parquet")


def open_sink(output: str, fmt: str, resume: bool) -> "Sink | ParquetSink":
    """The sink of a format: Parquet goes to a folder, the others to a file or stdout."""
    return ParquetSink(output, resume) if fmt == "parquet" else Sink(output, fmt, resume)


class Sink:
    """Writes records in order; `done` ids are those a resumed run must skip."""

    def __init__(self, output: str, fmt: str, resume: bool) -> None:
        if fmt not in FORMATS:
            raise errors.UsageError(errors.E_FORMAT.format(format=fmt))
        self.output, self.fmt = output, fmt
        self.done: list[str] = []
        self.index = 0
        path = None if output == "-" else Path(output)
        if resume and path is not None and path.exists() and path.stat().st_size:
            self.done = self._recover(path)
            self.stream: IO[str] = open(path, "a", encoding="utf-8", newline="")
        elif path is None:
            self.stream = sys.stdout
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.stream = open(path, "w", encoding="utf-8", newline="")
        self.index = len(self.done)
        if fmt == "csv" and not self.done:
            self.stream.write(render_rows([CSV_COLUMNS]))

    def _recover(self, path: Path) -> list[str]:
        """Cut a torn last line (and, for CSV, the rows of a half-written document) and
        return the ids already written, in order."""
        with open(path, "rb+") as handle:
            data = handle.read()
            keep = data.rfind(b"\n") + 1
            lines = data[:keep].decode("utf-8").splitlines(keepends=True)
            if self.fmt == "jsonl":
                ids = []
                for line in lines:
                    try:
                        ids.append(json.loads(line)["id"])
                    except (json.JSONDecodeError, KeyError, TypeError) as err:
                        raise errors.UsageError(errors.E_RESUME_FORMAT.format(
                            path=path, format="JSONL")) from err
            else:
                ids, keep = self._recover_csv(path, lines)
            handle.truncate(keep)
        return ids

    def _recover_csv(self, path: Path, lines: list[str]) -> tuple[list[str], int]:
        rows = list(csv.reader(lines))
        if not rows or rows[0] != CSV_COLUMNS:
            raise errors.UsageError(errors.E_RESUME_FORMAT.format(path=path, format="CSV"))
        # The last document's rows may be incomplete: drop them all and redo it.
        last = rows[-1][0] if len(rows) > 1 else None
        ids: list[str] = []
        keep = 0
        for line, row in zip(lines, rows):
            if row and row[0] == last:
                break
            keep += len(line.encode("utf-8"))
            if row[0] != "doc_index" and (not ids or int(row[0]) >= len(ids)):
                ids.append(row[1])
        return ids, keep

    def write(self, chunk: Rendered) -> None:
        """Append one rendered chunk and flush, so a crash loses at most this chunk."""
        self.stream.write(chunk.text)
        self.index += len(chunk.ids)
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not sys.stdout:
            self.stream.close()


class ParquetSink:
    """Writes records into a folder of Parquet part files of about PART_ROWS documents
    each; a resumed run reads the ids of the parts already there."""

    PART_ROWS = 5_000

    def __init__(self, output: str, resume: bool) -> None:
        from pipeline.io.parquet import part_files

        if output == "-":
            raise errors.UsageError(errors.E_PARQUET_STDOUT)
        self.output = output
        self.folder = Path(output)
        if self.folder.exists() and not self.folder.is_dir():
            raise errors.UsageError(errors.E_PARQUET_NOT_FOLDER.format(path=output))
        self.folder.mkdir(parents=True, exist_ok=True)
        for leftover in self.folder.glob("part-*.parquet.tmp"):
            leftover.unlink()
        parts = part_files(self.folder)
        if not resume:
            for part in parts:
                part.unlink()
            parts = []
        self.done = self._recover(parts)
        self.parts = len(parts)
        self.index = len(self.done)
        self.buffer: list[dict[str, Any]] = []

    def _recover(self, parts: list[Path]) -> list[str]:
        import pyarrow.parquet as pq

        ids: list[str] = []
        for part in parts:
            try:
                ids += pq.read_table(part, columns=["id"]).column("id").to_pylist()
            except Exception as err:  # pyarrow raises several types for a bad file
                raise errors.UsageError(errors.E_RESUME_FORMAT.format(
                    path=part, format="Parquet")) from err
        return ids

    def write(self, chunk: Rendered) -> None:
        """Buffer a chunk's records; write a part once there are PART_ROWS of them."""
        self.buffer += chunk.records or []
        self.index += len(chunk.ids)
        if len(self.buffer) >= self.PART_ROWS:
            self._flush()

    def _flush(self) -> None:
        from pipeline.io.parquet import write_part

        if self.buffer:
            write_part(self.folder, self.parts, self.buffer)
            self.parts += 1
            self.buffer = []

    def close(self) -> None:
        self._flush()


def skip_done(documents: Iterator, done: list[str], output: str) -> Iterator:
    """The documents after the first len(done), checking that those match what was
    written (a resumed run over other inputs would silently mix two runs)."""
    for index, expected in enumerate(done):
        source = next(documents, None)
        if source is None or source.id != expected:
            raise errors.UsageError(errors.E_RESUME_MISMATCH.format(
                path=output, index=index, written=expected,
                expected=source.id if source else "(no more inputs)"))
    return documents


def drop_written(chunks: Iterator[list[dict[str, Any]]], done: list[str],
                 output: str) -> Iterator[list[dict[str, Any]]]:
    """Record chunks without the first len(done) records, which an interrupted run wrote
    already (for engines that cannot skip inputs before reading them)."""
    position = 0
    for chunk in chunks:
        fresh = []
        for record in chunk:
            if position < len(done):
                if record["id"] != done[position]:
                    raise errors.UsageError(errors.E_RESUME_MISMATCH.format(
                        path=output, index=position, written=done[position],
                        expected=record["id"]))
            else:
                fresh.append(record)
            position += 1
        if fresh:
            yield fresh
