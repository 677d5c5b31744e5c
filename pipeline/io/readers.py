"""Input documents from .txt, .html and .jsonl files, folders and stdin.

Every document the user gave yields one `InputDoc`; a document that cannot be read carries
an `error` (with file and line) instead of text, so the batch goes on and nothing is lost.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from pipeline import errors

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass
class InputDoc:
    """One document to extract from, or the reason it could not be read."""

    id: str
    text: str | None
    source: str
    url: str | None = None
    published: str | None = None
    error: str | None = None


def iter_documents(inputs: Iterable[str], stdin: IO[bytes] | None = None) -> Iterator[InputDoc]:
    """Yield every document of the given paths, folders (recursively) and `-` (stdin).

    Raises:
        CoopieError: a path does not exist (checked before anything is read).
    """
    inputs = list(inputs)
    for raw in inputs:
        if raw != "-" and not Path(raw).exists():
            raise errors.CoopieError(errors.E_INPUT_MISSING.format(path=raw))
    for raw in inputs:
        if raw == "-":
            yield from _read_stdin(stdin or sys.stdin.buffer)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.suffix.lower() in SUPPORTED and not file.name.startswith("."):
                    yield from read_file(file, root=path)
        else:
            yield from read_file(path, root=path.parent)


def read_file(path: Path, root: Path) -> Iterator[InputDoc]:
    """Documents of one file: one for .txt/.html, one per line for .jsonl."""
    doc_id = path.relative_to(root).with_suffix("").as_posix() if root in path.parents \
        else path.stem
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield InputDoc(doc_id, None, str(path), error=errors.E_UNSUPPORTED.format(
            path=path, suffix=suffix or "(none)"))
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield InputDoc(doc_id, None, str(path), error=errors.E_INPUT_UNREADABLE.format(
            path=path, reason=err.strerror or err))
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(data, str(path))
        return
    text, problem = decode_text(data, str(path))
    if problem:
        yield InputDoc(doc_id, None, str(path), error=problem)
    elif suffix in HTML_SUFFIXES:
        yield html_document(text or "", doc_id, str(path))
    else:
        yield InputDoc(doc_id, text, str(path))


def decode_text(data: bytes, source: str) -> tuple[str | None, str | None]:
    """UTF-8 text of a file, or (None, error) for empty, binary or non-UTF-8 content."""
    if b"\x00" in data[:8192]:
        return None, errors.E_INPUT_BINARY.format(path=source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return None, errors.E_INPUT_NOT_UTF8.format(path=source, position=err.start)
    if not text.strip():
        return None, errors.E_INPUT_EMPTY.format(path=source)
    return text, None


def html_document(html: str, doc_id: str, source: str) -> InputDoc:
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
                    published[:10])


def _first_attr(tree, selectors: list[str], *attributes: str) -> str | None:
    for selector in selectors:
        node = tree.css_first(selector)
        if node is not None:
            for attribute in attributes:
                value = node.attributes.get(attribute)
                if value:
                    return value.strip()
    return None


def _read_jsonl(data: bytes, source: str) -> Iterator[InputDoc]:
    for number, raw_line in enumerate(data.split(b"\n"), start=1):
        if not raw_line.strip():
            continue
        fallback_id = f"{Path(source).stem}:{number}"
        try:
            record = json.loads(raw_line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            yield InputDoc(fallback_id, None, f"{source}:{number}",
                           error=errors.E_JSONL_BAD_JSON.format(path=source, line=number,
                                                                reason=err))
            continue
        if not isinstance(record, dict):
            yield InputDoc(fallback_id, None, f"{source}:{number}",
                           error=errors.E_JSONL_NOT_OBJECT.format(path=source, line=number))
            continue
        doc_id = str(record.get("id") or fallback_id)
        text = record.get("text")
        url, published = record.get("url"), record.get("published")
        if not isinstance(text, str):
            yield InputDoc(doc_id, None, f"{source}:{number}", url=url, published=published,
                           error=errors.E_JSONL_NO_TEXT.format(path=source, line=number))
        elif not text.strip():
            yield InputDoc(doc_id, None, f"{source}:{number}", url=url, published=published,
                           error=errors.E_INPUT_EMPTY.format(path=f"{source}:{number}"))
        else:
            yield InputDoc(doc_id, text, f"{source}:{number}", url=url,
                           published=str(published) if published else None)


def _read_stdin(stream: IO[bytes]) -> Iterator[InputDoc]:
    """stdin is JSONL when it starts with '{', else one plain-text document."""
    data = stream.read()
    if data.lstrip()[:1] == b"{":
        yield from _read_jsonl(data, "<stdin>")
        return
    text, problem = decode_text(data, "<stdin>")
    yield InputDoc("stdin", text, "<stdin>", error=problem)
