"""Engines on one machine: in this process, or a pool of worker processes that each build
the pipeline once and exchange only input documents and plain records with the parent."""

from __future__ import annotations

import multiprocessing
from collections import deque
from contextlib import ExitStack
from itertools import islice
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import errors
from pipeline.batch.sinks import Rendered, render
from pipeline.batch.spec import PipelineSpec
from pipeline.io.readers import InputDoc
from pipeline.records import document_record
from pipeline.routing import Pipelines, as_pipelines

# Documents per task sent to a worker, and tasks in flight per worker: enough to keep every
# worker busy, few enough that memory stays flat however long the input.
CHUNK_DOCS = 64
TASKS_PER_WORKER = 4
# Documents per memory zone. A zone frees the strings its documents added, so memory stays
# flat on long runs; but spaCy's tokenizer caches nothing inside a zone, and cold it runs at
# about 100k instead of 400k words/s. So the first WARM_DOCS documents run outside any zone:
# the tokenizer learns the archive's common words once, for good, and memory grows only by
# the strings of those documents.
ZONE_DOCS = 4096
WARM_DOCS = 4096

_worker_extract: "ZonedExtractor | None" = None
_worker_failure: str | None = None


def prepare_doc(nlp: Language, source: InputDoc) -> Doc:
    """A tokenized Doc of the input with what the input says about it: `published` (and
    that it came from the input) and `url`."""
    doc = nlp.make_doc(source.text or "")
    doc._.published = source.published
    doc._.published_source = "input" if source.published else None
    doc._.url = source.url
    return doc


def extract_one(pipelines: "Language | Pipelines", source: InputDoc, max_chars: int) -> dict:
    """The record of one document, read by the pipeline of its language; any failure
    becomes its `error` (nothing is lost)."""
    if source.error or source.text is None:
        return document_record(source)
    if len(source.text) > max_chars:
        return document_record(source, error=errors.E_TOO_LONG.format(
            doc_id=source.id, length=len(source.text), limit=max_chars))
    pipelines = as_pipelines(pipelines)
    language = pipelines.language_of(source.text)
    try:
        nlp = pipelines.get(language)
        doc = nlp(prepare_doc(nlp, source))
        return document_record(source, doc, language=language)
    except Exception as err:  # noqa: BLE001 - any failure is reported, the batch goes on
        return document_record(source, language=language,
                               error=errors.E_PIPELINE_FAILED.format(
                                   doc_id=source.id, reason=f"{type(err).__name__}: {err}"))


class ZonedExtractor:
    """Extracts chunks of documents inside memory zones of about ZONE_DOCS documents."""

    def __init__(self, pipelines: "Language | Pipelines", max_chars: int,
                 zone_docs: int = ZONE_DOCS, warm_docs: int = WARM_DOCS) -> None:
        self.pipelines = as_pipelines(pipelines)
        self.max_chars, self.zone_docs = max_chars, zone_docs
        self.warm_left = warm_docs
        self._zone: ExitStack | None = None
        self._in_zone = 0

    def __call__(self, chunk: list[InputDoc]) -> list[dict]:
        """Plain records of a chunk (nothing of its Docs outlives the zone)."""
        if self.warm_left > 0:
            self.warm_left -= len(chunk)
            return [extract_one(self.pipelines, source, self.max_chars) for source in chunk]
        if self._zone is None:
            # A zone in every pipeline loaded so far; one loaded later joins at the next.
            self._zone = ExitStack()
            for nlp in self.pipelines.loaded.values():
                self._zone.enter_context(nlp.memory_zone())
        try:
            records = [extract_one(self.pipelines, source, self.max_chars)
                       for source in chunk]
        except BaseException:
            self.close()
            raise
        self._in_zone += len(chunk)
        if self._in_zone >= self.zone_docs:
            self.close()
        return records

    def close(self) -> None:
        """Leave the current zone, freeing its strings."""
        if self._zone is not None:
            self._zone.close()
            self._zone, self._in_zone = None, 0


def chunks(documents: Iterable[InputDoc], size: int = CHUNK_DOCS) -> Iterator[list[InputDoc]]:
    """Consecutive lists of `size` documents."""
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk


def run_in_process(nlp: "Language | Pipelines", documents: Iterable[InputDoc], max_chars: int,
                   fmt: str, first_index: int) -> Iterator[Rendered]:
    """Rendered chunks, in this process."""
    extractor = ZonedExtractor(nlp, max_chars)
    try:
        for chunk in chunks(documents):
            yield render(extractor(chunk), fmt, first_index)
            first_index += len(chunk)
    finally:
        extractor.close()


def _init_worker(spec: PipelineSpec) -> None:
    """Pool initializer: build the pipeline once per worker process."""
    global _worker_extract, _worker_failure
    try:
        _worker_extract = ZonedExtractor(spec.load(), spec.max_chars)
    except errors.CoopieError as err:
        # Raised from the task instead: a failing initializer makes Pool respawn forever.
        _worker_failure = str(err)


def _work(chunk: list[InputDoc], fmt: str, first_index: int) -> Rendered:
    if _worker_failure is not None:
        raise errors.CoopieError(_worker_failure)
    assert _worker_extract is not None
    return render(_worker_extract(chunk), fmt, first_index)


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
