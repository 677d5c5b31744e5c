"""The main job: documents in, one contract record per document out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator

from spacy.language import Language

from pipeline import errors
from pipeline.io.readers import InputDoc, iter_documents
from pipeline.records import document_record


def extract_records(nlp: Language, documents: Iterable[InputDoc]) -> Iterator[dict]:
    """Run the pipeline on each document; a failure becomes that document's `error`.

    Each document goes through the pipeline on its own, so one bad document never takes
    its batch with it, and output order is input order.
    """
    for source in documents:
        if source.error or source.text is None:
            yield document_record(source)
            continue
        try:
            doc = nlp.make_doc(source.text)
            doc._.published = source.published
            doc = nlp(doc)
        except Exception as err:  # noqa: BLE001 - any failure is reported, the batch goes on
            reason = f"{type(err).__name__}: {err}"
            yield document_record(source, error=errors.E_PIPELINE_FAILED.format(
                doc_id=source.id, reason=reason))
            continue
        yield document_record(source, doc)


def run_extract(nlp: Language, inputs: list[str], output: str, progress: bool | None = None,
                stdin: IO[bytes] | None = None) -> dict[str, int]:
    """Extract from `inputs` into the JSONL file `output` ('-' for stdout).

    Args:
        progress: show a progress bar; default: when stderr is a terminal.
    Returns:
        Counts: documents written and documents with an error.
    Raises:
        CoopieError: an input path does not exist, or no document was found.
    """
    documents = iter_documents(inputs, stdin=stdin)
    first = next(documents, None)
    if first is None:
        raise errors.CoopieError(errors.E_NO_INPUTS.format(paths=", ".join(inputs)))
    counts = {"documents": 0, "errors": 0}
    show = sys.stderr.isatty() if progress is None else progress
    stream = sys.stdout if output == "-" else open(Path(output), "w", encoding="utf-8")
    try:
        records = extract_records(nlp, _chain(first, documents))
        if show:
            from tqdm import tqdm

            records = tqdm(records, unit="doc", desc="extract", file=sys.stderr)
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            counts["documents"] += 1
            if "error" in record:
                counts["errors"] += 1
                print(record["error"], file=sys.stderr)
    finally:
        if stream is not sys.stdout:
            stream.close()
    return counts


def _chain(first: InputDoc, rest: Iterator[InputDoc]) -> Iterator[InputDoc]:
    yield first
    yield from rest
