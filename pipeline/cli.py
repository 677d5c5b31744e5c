"""The `coopie` command line (also `python -m pipeline`). Commands parse arguments and call
one library function each."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import List, Optional

import typer

from pipeline import errors

app = typer.Typer(help="Extract checkable claims from news about cooperatives in Vietnam.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
state = {"debug": False}


@app.callback()
def main(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors.")) -> None:
    """coopie: cooperative news in, structured claims out."""
    state["debug"] = debug
    logging.basicConfig(level=logging.INFO if debug else logging.WARNING,
                        format="%(levelname)s %(message)s")


def _fail(err: Exception) -> None:
    """One clear line and exit 1; the traceback only with --debug."""
    if state["debug"]:
        raise err
    typer.echo(f"error: {err}", err=True)
    raise typer.Exit(1)


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl), folders, or - "
                                                 "for stdin."),
    output: str = typer.Option("-", "--output", "-o", help="Output JSONL file; - for stdout."),
    model: Optional[Path] = typer.Option(None, "--model", help="A built pipeline folder "
                                         "(default: models/coopie-en, else built from "
                                         "patterns/)."),
    patterns: Optional[Path] = typer.Option(None, "--patterns", help="Patterns folder."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress",
                                            help="Progress bar (default: on a terminal)."),
) -> None:
    """Extract entities and claims; one JSON line per input document."""
    from pipeline.extract import run_extract
    from pipeline.loading import load

    try:
        nlp = load(model, patterns)
        counts = run_extract(nlp, inputs, output, progress=progress)
    except errors.CoopieError as err:
        _fail(err)
        return
    if output != "-":
        typer.echo(f"wrote {counts['documents']} records to {output} "
                   f"({counts['errors']} with errors)", err=True)


@app.command()
def build(
    output: Path = typer.Option(Path("models/coopie-en"), "--output", "-o",
                                help="Folder to write the pipeline to."),
    patterns: Optional[Path] = typer.Option(None, "--patterns", help="Patterns folder."),
) -> None:
    """Build the pipeline from config.cfg and patterns/ and save it (`make model`)."""
    from pipeline.loading import build as build_pipeline, save

    try:
        path = save(build_pipeline(patterns), output)
    except errors.CoopieError as err:
        _fail(err)
        return
    typer.echo(f"saved pipeline to {path}")


if __name__ == "__main__":  # pragma: no cover
    app()
