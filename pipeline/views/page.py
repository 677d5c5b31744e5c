"""The shell of coopie's self-contained HTML pages (show, the evaluation report, the store
report): a title, a style sheet and what the page holds, with nothing loaded from outside."""

from __future__ import annotations

from pipeline.views.readable import html_text


def html_page(title: str, style: str, body: str, head: str = "") -> str:
    """A whole page; `head` is extra markup for its head (an inlined script)."""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html_text(title)}"
            f"</title><style>{style}</style>{head}</head><body>{body}</body></html>")
