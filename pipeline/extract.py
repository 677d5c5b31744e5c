"""The main job: documents in, one contract record per document out, on the chosen engine.

Inputs and outputs are streamed: memory does not grow with the number of documents.
"""

from __future__ import annotations

import os
import sys
from itertools import chain
from typing import IO, Iterable, Iterator

from spacy.language import Language

from pipeline import errors
from pipeline.batch.local import chunks, extract_one, run_in_pool, run_in_process
from pipeline.batch.sinks import (ParquetSink, Rendered, Sink, drop_written, open_sink, render,
                                  skip_done)
from pipeline.batch.spec import DEFAULT_MAX_CHARS, PipelineSpec
from pipeline.io.readers import InputDoc, iter_documents
from pipeline.routing import Pipelines, as_pipelines

ENGINES = ("local", "dask")


def default_workers() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else os.cpu_count() or 1


def extract_records(nlp: "Language | Pipelines", documents: Iterable[InputDoc],
                    max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[dict]:
    """Run the pipeline of each document's language on it in this process; a failure
    becomes that document's `error`. Output order is input order."""
    pipelines = as_pipelines(nlp)
    for source in documents:
        yield extract_one(pipelines, source, max_chars)


def _warn_duplicates(documents: Iterator[InputDoc]) -> Iterator[InputDoc]:
    """Pass documents on, telling stderr about a repeated id (both records are kept)."""
    seen: dict[str, str] = {}
    for source in documents:
        if source.id in seen:
            print(errors.E_DUPLICATE_ID.format(source=source.source, doc_id=source.id,
                                               first=seen[source.id]), file=sys.stderr)
        else:
            seen[source.id] = source.source
        yield source


def run_extract(spec: PipelineSpec, inputs: list[str], output: str, *,
                workers: int | None = None, engine: str = "local",
                scheduler: str | None = None, resume: bool = False, fmt: str = "jsonl",
                progress: bool | None = None, stdin: IO[bytes] | None = None,
                nlp: Language | None = None) -> dict[str, int]:
    """Extract from `inputs` into `output` ('-' for stdout) as JSONL or CSV, or into a
    folder as Parquet.

    Args:
        spec: where each worker gets its pipeline.
        workers: processes (default: all cores); 1 runs in this process.
        engine: `local` (this machine) or `dask` (a cluster, or an embedded one).
        scheduler: a Dask scheduler address, for `engine="dask"`.
        resume: continue an interrupted run into the same `output`.
        nlp: an already loaded pipeline for in-process runs (saves loading it again).
    Returns:
        Counts: documents written (this run), errors, and documents skipped by resume.
    Raises:
        CoopieError: a missing input, no documents, a resume over other inputs, a bad
            option or an unreachable scheduler.
    """
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise errors.UsageError(errors.E_WORKERS.format(workers=workers))
    if engine not in ENGINES:
        raise errors.UsageError(f"unknown --engine '{engine}' (use local or dask)")
    documents = _warn_duplicates(iter_documents(inputs, stdin=stdin))  # checks the paths
    first = next(documents, None)
    if first is None:
        raise errors.UsageError(errors.E_NO_INPUTS.format(paths=", ".join(inputs)))
    documents = chain([first], documents)
    sink = open_sink(output, fmt, resume)
    counts = {"documents": 0, "errors": 0, "skipped": len(sink.done)}
    try:
        if engine == "dask":
            from pipeline.batch.dask_engine import run_on_dask

            fresh = drop_written(run_on_dask(spec, inputs, workers, scheduler), sink.done,
                                 output)
            batches = _render_in_order(fresh, fmt, sink.index)
        else:
            documents = skip_done(documents, sink.done, output)
            batches = _local_batches(spec, documents, workers, nlp, fmt, sink.index)
        _drain(batches, sink, counts, progress)
    finally:
        sink.close()
    return counts


def _local_batches(spec: PipelineSpec, documents: Iterator[InputDoc], workers: int,
                   nlp: Language | None, fmt: str, first_index: int) -> Iterator[Rendered]:
    """In this process for one worker or a single chunk of input, else a process pool."""
    if workers > 1:
        head = next(chunks(documents), [])
        rest = next(documents, None)
        if rest is not None:
            yield from run_in_pool(spec, chain(head, [rest], documents), workers, fmt,
                                   first_index)
            return
        documents = iter(head)
    nlp = nlp or spec.load()
    yield from run_in_process(nlp, documents, spec.max_chars, fmt, first_index)


def _render_in_order(batches: Iterator[list[dict]], fmt: str,
                     first_index: int) -> Iterator[Rendered]:
    for records in batches:
        yield render(records, fmt, first_index)
        first_index += len(records)


def _drain(batches: Iterator[Rendered], sink: Sink | ParquetSink, counts: dict[str, int],
           progress: bool | None) -> None:
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(unit="doc", desc="extract", file=sys.stderr, initial=counts["skipped"])
    for batch in batches:
        sink.write(batch)
        counts["documents"] += len(batch.ids)
        counts["errors"] += len(batch.errors)
        for error in batch.errors:
            print(error, file=sys.stderr)
        if bar is not None:
            bar.update(len(batch.ids))
    if bar is not None:
        bar.close()
