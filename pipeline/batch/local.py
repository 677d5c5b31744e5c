"""Engines on one machine: in this process, or a pool of worker processes that each build
the pipeline once and exchange only input documents and plain records with the parent."""

from __future__ import annotations

import multiprocessing
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from spacy.language import Language

from pipeline import errors
from pipeline.batch.sinks import Rendered, render
from pipeline.batch.spec import PipelineSpec
from pipeline.io.readers import InputDoc
from pipeline.records import document_record

# Documents per task sent to a worker, and tasks in flight per worker: enough to keep every
# worker busy, few enough that memory stays flat however long the input.
CHUNK_DOCS = 16
TASKS_PER_WORKER = 4

_worker_nlp: Language | None = None
_worker_spec: PipelineSpec | None = None
_worker_failure: str | None = None


def extract_one(nlp: Language, source: InputDoc, max_chars: int) -> dict:
    """The record of one document; any failure becomes its `error` (nothing is lost)."""
    if source.error or source.text is None:
        return document_record(source)
    if len(source.text) > max_chars:
        return document_record(source, error=errors.E_TOO_LONG.format(
            doc_id=source.id, length=len(source.text), limit=max_chars))
    try:
        doc = nlp.make_doc(source.text)
        doc._.published = source.published
        doc = nlp(doc)
        return document_record(source, doc)
    except Exception as err:  # noqa: BLE001 - any failure is reported, the batch goes on
        return document_record(source, error=errors.E_PIPELINE_FAILED.format(
            doc_id=source.id, reason=f"{type(err).__name__}: {err}"))


def extract_chunk(nlp: Language, chunk: list[InputDoc], max_chars: int) -> list[dict]:
    """Records of a chunk, inside a memory zone so that strings interned for these
    documents are freed afterwards (flat memory on long runs)."""
    with nlp.memory_zone():
        return [extract_one(nlp, source, max_chars) for source in chunk]


def chunks(documents: Iterable[InputDoc], size: int = CHUNK_DOCS) -> Iterator[list[InputDoc]]:
    """Consecutive lists of `size` documents."""
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk


def run_in_process(nlp: Language, documents: Iterable[InputDoc], max_chars: int,
                   fmt: str, first_index: int) -> Iterator[Rendered]:
    """Rendered chunks, in this process."""
    for chunk in chunks(documents):
        yield render(extract_chunk(nlp, chunk, max_chars), fmt, first_index)
        first_index += len(chunk)


def _init_worker(spec: PipelineSpec) -> None:
    """Pool initializer: build the pipeline once per worker process."""
    global _worker_nlp, _worker_spec, _worker_failure
    _worker_spec = spec
    try:
        _worker_nlp = spec.load()
    except errors.CoopieError as err:
        # Raised from the task instead: a failing initializer makes Pool respawn forever.
        _worker_failure = str(err)


def _work(chunk: list[InputDoc], fmt: str, first_index: int) -> Rendered:
    if _worker_failure is not None:
        raise errors.CoopieError(_worker_failure)
    assert _worker_nlp is not None and _worker_spec is not None
    return render(extract_chunk(_worker_nlp, chunk, _worker_spec.max_chars), fmt, first_index)


def run_in_pool(spec: PipelineSpec, documents: Iterable[InputDoc], workers: int, fmt: str,
                first_index: int) -> Iterator[Rendered]:
    """Rendered chunks from `workers` processes, in input order. Workers also format their
    records, so the parent only reads inputs and writes text.

    At most `workers * TASKS_PER_WORKER` chunks are in flight (Pool.imap would read the
    whole input ahead), so memory does not grow with the number of documents.
    """
    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(spec,)) as pool:
        pending: deque = deque()
        for chunk in chunks(documents):
            pending.append(pool.apply_async(_work, (chunk, fmt, first_index)))
            first_index += len(chunk)
            if len(pending) >= workers * TASKS_PER_WORKER:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
