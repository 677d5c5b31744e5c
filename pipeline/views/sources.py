"""The records a page shows: read from `coopie extract` output as they are, or made by
running the pipeline on raw inputs (files, folders, JSONL of texts)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterator

from spacy.language import Language

from pipeline.extract import extract_records
from pipeline.io.readers import check_inputs, iter_documents, output_records


def is_extract_output(path: Path) -> bool:
    """A JSONL file whose first record already has `entities` and `claims`."""
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return False
    with open(path, "rb") as stream:
        for line in stream:
            if line.strip():
                try:
                    first = json.loads(line)
                except (UnicodeDecodeError, json.JSONDecodeError):
                    return False
                return isinstance(first, dict) and "entities" in first and "claims" in first
    return False


def read_output(path: Path) -> Iterator[dict[str, Any]]:
    """The records of an extract output file; a line that is no record becomes one with an
    `error` naming the file and line."""
    for number, record, problem in output_records(path):
        yield record if record is not None else {
            "id": f"{path.stem}:{number}", "text": "", "entities": [], "claims": [],
            "error": problem}


def records_of(inputs: list[str], load_pipeline: Callable[[], Language]) -> Iterator[dict]:
    """Records of every input, in order: extract outputs as they are, anything else through
    the pipeline (loaded once, only if needed)."""
    check_inputs(inputs)
    nlp: Language | None = None
    for raw in inputs:
        if raw != "-" and is_extract_output(Path(raw)):
            yield from read_output(Path(raw))
            continue
        nlp = nlp or load_pipeline()
        yield from extract_records(nlp, iter_documents([raw]))
