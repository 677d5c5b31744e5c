"""Input documents from .txt, .html and .jsonl files, folders and stdin.

Every document the user gave yields one `InputDoc`; a document that cannot be read carries
an `error` (with file and line) instead of text, so the batch goes on and nothing is lost.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from pipeline import errors

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# Text that is not UTF-8 is most often Vietnamese Windows text; Latin-1 decodes the same way
# for the letters the two share.
FALLBACK_ENCODING = "cp1258"


@dataclass
class InputDoc:
    """One document to extract from, or the reason it could not be read."""

    id: str
    text: str | None
    source: str
    url: str | None = None
    published: str | None = None
    error: str | None = None
    warning: str | None = None


def check_inputs(inputs: Iterable[str]) -> None:
    """Raise UsageError for the first path that names nothing at all (`-` is stdin). A
    symbolic link whose target is gone is something: it gets an error record when read."""
    for raw in inputs:
        if raw != "-" and not Path(raw).exists() and not Path(raw).is_symlink():
            raise errors.UsageError(errors.E_INPUT_MISSING.format(path=raw))


def _files_of(raw: str) -> Iterator[tuple[Path, Path]]:
    """(file, root) for one path: the path itself, or a folder's files (recursively,
    sorted); root is what document ids are relative to. Inside a folder, a subfolder that
    cannot be listed and a link to nothing are yielded too, so that reading them gives a
    record with their error rather than nothing."""
    path = Path(raw)
    if not path.is_dir():
        yield path, path.parent
        return
    found: list[Path] = []
    # os.walk, unlike Path.rglob, reports the folders it cannot list (onerror).
    for folder, subfolders, names in os.walk(path, onerror=lambda err: found.append(
            Path(err.filename))):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in names:
            file = Path(folder, name)
            if name.startswith("."):
                continue
            if file.suffix.lower() in SUPPORTED or _is_broken_link(file) and Path(
                    os.readlink(file)).suffix.lower() in SUPPORTED:
                found.append(file)
    for file in sorted(found):
        yield file, path


def _is_broken_link(path: Path) -> bool:
    """A symbolic link whose target is missing, or that loops."""
    return path.is_symlink() and not path.exists()


def expand_inputs(inputs: Iterable[str]) -> Iterator[tuple[Path, Path]]:
    """(file, root) for every file of the given paths and folders; `-` is skipped.

    Raises:
        CoopieError: a path does not exist (checked before anything is read).
    """
    inputs = list(inputs)
    check_inputs(inputs)
    for raw in inputs:
        if raw != "-":
            yield from _files_of(raw)


def iter_documents(inputs: Iterable[str], stdin: IO[bytes] | None = None) -> Iterator[InputDoc]:
    """Yield every document of the given paths, folders (recursively) and `-` (stdin).

    Raises:
        CoopieError: a path does not exist (checked before anything is read).
    """
    inputs = list(inputs)
    check_inputs(inputs)
    for raw in inputs:
        if raw == "-":
            yield from _read_stdin(stdin or sys.stdin.buffer)
        else:
            for file, root in _files_of(raw):
                yield from read_file(file, root)


def document_id(path: Path, root: Path) -> str:
    """A file's document id: its path below the folder it was found in, without suffix."""
    return path.relative_to(root).with_suffix("").as_posix() if root in path.parents \
        else path.stem


def read_file(path: Path, root: Path) -> Iterator[InputDoc]:
    """Documents of one file: one for .txt/.html, one per line for .jsonl (streamed). A
    folder that cannot be listed and a broken link give one record with their error."""
    doc_id = document_id(path, root)
    suffix = path.suffix.lower()
    if _is_broken_link(path):
        yield InputDoc(doc_id, None, str(path), error=errors.E_BROKEN_LINK.format(
            path=path, target=os.readlink(path)))
        return
    if path.is_dir():
        yield InputDoc(doc_id, None, str(path), error=errors.E_FOLDER_UNREADABLE.format(
            path=path, reason=_listing_problem(path)))
        return
    if suffix not in SUPPORTED:
        yield InputDoc(doc_id, None, str(path), error=errors.E_UNSUPPORTED.format(
            path=path, suffix=suffix or "(none)"))
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_lines(path)
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield InputDoc(doc_id, None, str(path), error=errors.E_INPUT_UNREADABLE.format(
            path=path, reason=err.strerror or err))
        return
    text, problem = decode_text(data, str(path))
    if text is None:
        yield InputDoc(doc_id, None, str(path), error=problem)
    elif suffix in HTML_SUFFIXES:
        yield html_document(text, doc_id, str(path), warning=problem)
    else:
        yield InputDoc(doc_id, text, str(path), warning=problem)


def _listing_problem(folder: Path) -> str:
    try:
        os.listdir(folder)
    except OSError as err:
        return err.strerror or str(err)
    return "it was not readable while the inputs were listed"


def read_jsonl_lines(path: Path, first: int = 1, last: int | None = None) -> Iterator[InputDoc]:
    """The records of lines `first`..`last` (1-based, inclusive) of a JSONL file, read one
    line at a time so memory stays flat however large the file."""
    try:
        stream = open(path, "rb")
    except OSError as err:
        yield InputDoc(path.stem, None, str(path), error=errors.E_INPUT_UNREADABLE.format(
            path=path, reason=err.strerror or err))
        return
    with stream:
        numbered = ((number, line) for number, line in enumerate(stream, start=1)
                    if number >= first and (last is None or number <= last))
        for number, raw_line in numbered:
            yield from _jsonl_record(raw_line, str(path), number)
            if last is not None and number >= last:
                break


def decode_text(data: bytes, source: str) -> tuple[str | None, str | None]:
    """Text of a file, and a problem: (None, error) for empty or binary content; for text
    that is not UTF-8, the text decoded as Windows-1258 (Vietnamese) with a warning."""
    if b"\x00" in data[:8192]:
        return None, errors.E_INPUT_BINARY.format(path=source)
    problem = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        text = data.decode(FALLBACK_ENCODING, errors="replace")
        problem = errors.E_INPUT_ENCODING.format(path=source, position=err.start,
                                                 encoding=FALLBACK_ENCODING)
    if not text.strip():
        return None, errors.E_INPUT_EMPTY.format(path=source)
    return text, problem


def html_document(html: str, doc_id: str, source: str, warning: str | None = None) -> InputDoc:
    """Visible text of an HTML page (selectolax, a real HTML5 parser), with its canonical URL
    and publication date when the page declares them."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    for node in tree.css("script, style, noscript, template, svg"):
        node.decompose()
    url = _first_attr(tree, ['link[rel="canonical"]'], "href") or _first_attr(
        tree, ['meta[property="og:url"]'], "content")
    published = _first_attr(tree, ['meta[property="article:published_time"]',
                                   'meta[name="pubdate"]', 'meta[name="date"]',
                                   "time[datetime]"], "content", "datetime")
    body = tree.body or tree.root
    text = body.text(separator="\n", strip=True) if body is not None else ""
    if not text.strip():
        return InputDoc(doc_id, None, source, url=url,
                        error=errors.E_INPUT_EMPTY.format(path=source))
    return InputDoc(doc_id, text, source, url=url, published=(published or None) and
                    published[:10], warning=warning)


def _first_attr(tree, selectors: list[str], *attributes: str) -> str | None:
    for selector in selectors:
        node = tree.css_first(selector)
        if node is not None:
            for attribute in attributes:
                value = node.attributes.get(attribute)
                if value:
                    return value.strip()
    return None


def _jsonl_record(raw_line: bytes, source: str, number: int) -> Iterator[InputDoc]:
    """The document of one JSONL line (nothing for a blank line)."""
    if not raw_line.strip():
        return
    fallback_id = f"{Path(source).stem}:{number}"
    where = f"{source}:{number}"
    try:
        record = json.loads(raw_line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        yield InputDoc(fallback_id, None, where, error=errors.E_JSONL_BAD_JSON.format(
            path=source, line=number, reason=err))
        return
    if not isinstance(record, dict):
        yield InputDoc(fallback_id, None, where,
                       error=errors.E_JSONL_NOT_OBJECT.format(path=source, line=number))
        return
    doc_id = str(record.get("id") or fallback_id)
    text = record.get("text")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    published = str(record["published"]) if record.get("published") else None
    if not isinstance(text, str):
        yield InputDoc(doc_id, None, where, url=url, published=published,
                       error=errors.E_JSONL_NO_TEXT.format(path=source, line=number))
    elif not text.strip():
        yield InputDoc(doc_id, None, where, url=url, published=published,
                       error=errors.E_INPUT_EMPTY.format(path=where))
    else:
        yield InputDoc(doc_id, text, where, url=url, published=published)


def _read_stdin(stream: IO[bytes]) -> Iterator[InputDoc]:
    """stdin is JSONL when it starts with '{' (read line by line), else one plain text."""
    head = stream.peek(1) if hasattr(stream, "peek") else b""
    first = stream.readline()
    if first.lstrip()[:1] == b"{" or (not first.strip() and head[:1] == b"{"):
        yield from _jsonl_record(first, "<stdin>", 1)
        for number, line in enumerate(stream, start=2):
            yield from _jsonl_record(line, "<stdin>", number)
        return
    text, problem = decode_text(first + stream.read(), "<stdin>")
    yield InputDoc("stdin", text, "<stdin>", error=problem if text is None else None,
                   warning=problem if text is not None else None)


def output_lines(path: Path) -> Iterator[tuple[int, str, str | None]]:
    """(line number, text, problem) for every non-blank line of a JSONL file, read one line
    at a time; a line that is no UTF-8 gives a problem naming the file and line."""
    with open(path, "rb") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                yield number, line.decode("utf-8"), None
            except UnicodeDecodeError as err:
                yield number, "", errors.E_JSONL_BAD_JSON.format(path=path, line=number,
                                                                 reason=err)


def output_records(path: Path) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line number, record, problem) for every non-blank line of a JSONL file of records
    (`coopie extract` output, gold), read one line at a time: a line that is no JSON object
    gives no record and a problem naming the file and line."""
    for number, line, problem in output_lines(path):
        if problem:
            yield number, None, problem
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as err:
            yield number, None, errors.E_JSONL_BAD_JSON.format(path=path, line=number,
                                                               reason=err)
            continue
        if not isinstance(record, dict):
            yield number, None, errors.E_JSONL_NOT_OBJECT.format(path=path, line=number)
            continue
        yield number, record, None
