"""The `coopie` command line (also `python -m pipeline`). Commands parse arguments and call
one library function each."""

from __future__ import annotations

import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from pipeline import errors
from pipeline.batch.spec import DEFAULT_MAX_CHARS

# Exit codes, as batch tools use them (documented in the README and `coopie --help`).
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_CODES = ("Exit codes: 0 every document extracted (or the command succeeded); 1 a record "
              "carries an error, or the command found problems; 2 a usage error (a bad "
              "option, a missing input, an output that exists).")
app = typer.Typer(help="Extract checkable claims from news about cooperatives in Vietnam.\n\n"
                  + EXIT_CODES, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None)
state = {"debug": False}


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def _version(show: bool) -> None:
    if show:
        from importlib.metadata import version

        typer.echo(f"coopie {version('coopie')}")
        raise typer.Exit()


def _set_debug(debug: bool) -> None:
    """--debug before or after the command name: tracebacks and INFO logging."""
    if debug:
        state["debug"] = True
    logging.basicConfig(level=logging.INFO if state["debug"] else logging.WARNING,
                        format="%(levelname)s %(message)s", force=True)


DEBUG = typer.Option(False, "--debug", help="Show tracebacks on errors, and progress logging.")
PROGRESS = typer.Option(None, "--progress/--no-progress", help="Progress bar.",
                        show_default="on a terminal")


def _examples(*commands: str) -> str:
    """A help page's examples, kept as written (\\b stops click re-wrapping them)."""
    return "\b\nExamples:\n" + "\n".join(f"  {command}" for command in commands)


@app.callback()
def main(debug: bool = DEBUG,
         version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """coopie: cooperative news in, structured claims out."""
    state["debug"] = False
    _set_debug(debug)


def _fail(err: Exception) -> None:
    """One clear line and exit 2 for a usage error, else 1; the traceback only with --debug."""
    if state["debug"]:
        raise err
    typer.echo(f"error: {err}", err=True)
    raise typer.Exit(EXIT_USAGE if isinstance(err, errors.UsageError) else EXIT_FAILED)


def _has_content(path: Path) -> bool:
    """A non-empty file, or a folder with anything in it."""
    if path.is_dir():
        return any(path.iterdir())
    return path.is_file() and path.stat().st_size > 0


@app.command(epilog=_examples(
    'coopie extract articles/ -o claims.jsonl',
    'coopie extract news.jsonl --format csv -o claims.csv --workers 2',
    'coopie extract archive/ --engine dask --format parquet -o claims.parquet/',
    'cat article.txt | coopie extract -',
    'coopie extract articles/ -o claims.jsonl --resume   # after an interruption',
))
def extract(
    inputs: List[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl), folders, or - "
                                                 "for stdin."),
    output: str = typer.Option("-", "--output", "-o", help="Output file; - for stdout."),
    fmt: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", help="jsonl (one "
                                     "record a document), csv (one row a claim) or parquet "
                                     "(a folder of part files, one row a document)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Processes.",
                                          show_default="all cores", min=1),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local, or dask for a "
                                  "cluster."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler "
                                            "address (tcp://host:8786); default: an "
                                            "embedded local cluster."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run into "
                                "the same output file."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing output "
                                   "file."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", help="Longer documents get an "
                                  "error record instead of being processed."),
    model: Optional[Path] = typer.Option(None, "--model", help="A built pipeline folder "
                                         "(default: models/coopie-en, else built from "
                                         "patterns/)."),
    patterns: Optional[Path] = typer.Option(None, "--patterns", help="Patterns folder."),
    progress: Optional[bool] = PROGRESS,
    debug: bool = DEBUG,
) -> None:
    """Extract entities and claims; one record per input document, in input order.

    Every input is accounted for: a file that cannot be read, a broken or looping link, a
    folder that cannot be listed each give a record with an `error`.
    """
    from pipeline.batch.spec import PipelineSpec
    from pipeline.extract import run_extract

    _set_debug(debug)
    try:
        if output != "-" and _has_content(Path(output)) and not (resume or overwrite):
            raise errors.UsageError(errors.E_OUTPUT_EXISTS.format(path=output))
        spec = PipelineSpec(str(model) if model else None, str(patterns) if patterns else None,
                            max_chars)
        counts = run_extract(spec, inputs, output, workers=workers, engine=engine.value,
                             scheduler=scheduler, resume=resume, fmt=fmt.value,
                             progress=progress)
    except errors.CoopieError as err:
        _fail(err)
        return
    if output != "-":
        skipped = f", {counts['skipped']} already there" if counts["skipped"] else ""
        typer.echo(f"wrote {counts['documents']} records to {output} "
                   f"({counts['errors']} with errors{skipped})", err=True)
    if counts["errors"]:
        raise typer.Exit(EXIT_FAILED)  # every record is written; some carry an `error`


@app.command(epilog=_examples(
    'coopie show articles/ -o page.html',
    'coopie extract news.jsonl -o out.jsonl && coopie show out.jsonl -o page.html',
))
def show(
    inputs: List[str] = typer.Argument(..., help="Raw inputs (run through the pipeline) or "
                                                 "`coopie extract` output (shown as it is)."),
    output: Path = typer.Option(Path("show.html"), "--output", "-o", help="The HTML page."),
    model: Optional[Path] = typer.Option(None, "--model", help="A built pipeline folder."),
    patterns: Optional[Path] = typer.Option(None, "--patterns", help="Patterns folder."),
    debug: bool = DEBUG,
) -> None:
    """One self-contained HTML page: each document's entities (displaCy) with readable norms,
    its claims under it (click a row to highlight its evidence), and an index."""
    from pipeline.batch.spec import PipelineSpec
    from pipeline.views.show import write_page
    from pipeline.views.sources import records_of

    _set_debug(debug)
    spec = PipelineSpec(str(model) if model else None, str(patterns) if patterns else None)
    try:
        records = list(records_of(inputs, spec.load))
    except errors.CoopieError as err:
        _fail(err)
        return
    path = write_page(records, output)
    failed = sum(1 for r in records if r.get("error"))
    typer.echo(f"wrote {path}: {len(records)} documents ({failed} with errors)", err=True)


class Lang(str, Enum):
    en = "en"
    vi = "vi"


@app.command(epilog=_examples(
    'coopie build -o models/coopie-en',
    'coopie build --language vi -o models/coopie-vi',
))
def build(
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Folder to write the "
                                          "pipeline to.", show_default="models/coopie-<language>"),
    language: Lang = typer.Option(Lang.en, "--language", help="en, or vi for the Vietnamese "
                                  "pipeline."),
    patterns: Optional[Path] = typer.Option(None, "--patterns", help="Patterns folder."),
    debug: bool = DEBUG,
) -> None:
    """Build the pipeline from config.cfg and patterns/ and save it (`make model`)."""
    from pipeline.loading import build as build_pipeline, default_model_dir, save

    _set_debug(debug)
    try:
        path = save(build_pipeline(patterns, language.value),
                    output or default_model_dir(language.value))
    except errors.CoopieError as err:
        _fail(err)
        return
    typer.echo(f"saved pipeline to {path}")


@app.command(epilog=_examples(
    'coopie evaluate --gold gold/seeds.jsonl',
    'coopie evaluate --gold dev.jsonl --save run.json --baseline last.json --report report/',
))
def evaluate(
    gold: Path = typer.Option(..., "--gold", help="Gold JSONL file (ANNOTATION.md format)."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Predictions JSONL; default: "
                                        "run the pipeline on the gold texts."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole result as JSON."),
    report: Optional[Path] = typer.Option(None, "--report", help="Write an HTML error "
                                          "report into this folder."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="An earlier --json "
                                            "result: show each figure's change."),
    save_to: Optional[Path] = typer.Option(None, "--save", help="Also write the JSON result "
                                           "here (to use as the next baseline)."),
    debug: bool = DEBUG,
) -> None:
    """Score predictions against gold: entities, claims, slots (ANNOTATION.md §4)."""
    import json

    from pipeline.evaluation.compare import compare
    from pipeline.evaluation.report import write_report
    from pipeline.evaluation.run import evaluate as run_evaluation, format_table, load_baseline

    _set_debug(debug)
    try:
        before = load_baseline(baseline) if baseline else None
        result, gold_records, predictions = run_evaluation(gold, pred)
    except errors.CoopieError as err:
        _fail(err)
        return
    changes = None
    if before is not None:
        changes = {name: change for name, _, change in compare(result, before)}
        result["changes"] = changes
    if save_to:
        save_to.parent.mkdir(parents=True, exist_ok=True)
        save_to.write_text(json.dumps(result, indent=1), encoding="utf-8")
    if report:
        path = write_report(result, gold_records, predictions, report)
        typer.echo(f"report: {path}", err=True)
    if as_json:
        typer.echo(json.dumps(result))
    else:
        typer.echo(format_table(result, changes))


gold_app = typer.Typer(help="Gold-file tools.", no_args_is_help=True)
app.add_typer(gold_app, name="gold")


@gold_app.command("check", epilog=_examples(
    'coopie gold check gold/seeds.jsonl',
))
def gold_check(files: List[Path] = typer.Argument(..., help="Gold JSONL files."),
               debug: bool = DEBUG) -> None:
    """Validate gold files: offsets, overlaps, labels, metrics, claim values."""
    from pipeline.evaluation.gold import load_gold

    _set_debug(debug)
    failed = missing = False
    for file in files:
        if not file.exists():
            typer.echo(errors.E_INPUT_MISSING.format(path=file), err=True)
            missing = True
            continue
        records, problems = load_gold(file)
        for problem in problems:
            typer.echo(problem)
        failed = failed or bool(problems)
        if not problems:
            typer.echo(f"{file}: {len(records)} documents, no problems")
    if missing or failed:
        raise typer.Exit(EXIT_USAGE if missing else EXIT_FAILED)


labelstudio_app = typer.Typer(help="Label Studio round trip: configuration, tasks, gold.",
                              no_args_is_help=True)
app.add_typer(labelstudio_app, name="labelstudio")


@labelstudio_app.command("config", epilog=_examples(
    'coopie labelstudio config > config.xml',
))
def labelstudio_config(debug: bool = DEBUG) -> None:
    """Print the labelling configuration: the nine entity labels with a JSON norm per
    region, and claims as regions over their evidence with per-region slots."""
    from pipeline.labelstudio.convert import labeling_config

    _set_debug(debug)
    typer.echo(labeling_config())


@labelstudio_app.command("export", epilog=_examples(
    'coopie labelstudio export articles/ -o tasks.json          # pre-annotated by the pipeline',
    'coopie labelstudio export gold/seeds.jsonl --gold -o tasks.json   # gold as annotations',
))
def labelstudio_export(
    inputs: List[str] = typer.Argument(..., help="Raw inputs, `coopie extract` output or a "
                                                 "gold JSONL file."),
    output: Path = typer.Option(..., "--output", "-o", help="Tasks JSON to import into "
                                                            "Label Studio."),
    as_gold: bool = typer.Option(False, "--gold", help="Records are gold: write them as "
                                 "annotations, not as predictions."),
    model: Optional[Path] = typer.Option(None, "--model", help="A built pipeline folder."),
    debug: bool = DEBUG,
) -> None:
    """Write Label Studio tasks: the pipeline's predictions as pre-annotations, or gold as
    annotations."""
    import json

    from pipeline.batch.spec import PipelineSpec
    from pipeline.labelstudio.convert import to_tasks
    from pipeline.views.sources import records_of

    _set_debug(debug)
    spec = PipelineSpec(str(model) if model else None)
    try:
        records = [{k: v for k, v in r.items() if not k.startswith("_")}
                   for r in records_of(inputs, spec.load)]
    except errors.CoopieError as err:
        _fail(err)
        return
    tasks = to_tasks(records, as_predictions=not as_gold)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    typer.echo(f"wrote {len(tasks)} tasks to {output}", err=True)


@labelstudio_app.command("import", epilog=_examples(
    'coopie labelstudio import project-export.json -o gold/new.jsonl',
))
def labelstudio_import(
    export: Path = typer.Argument(..., help="Label Studio's JSON export of the project."),
    output: Path = typer.Option(..., "--output", "-o", help="Gold JSONL to write."),
    debug: bool = DEBUG,
) -> None:
    """Turn Label Studio's JSON export into contract gold, checked as `coopie gold check`
    does; a task that cannot be converted is reported with its id (exit 1)."""
    import json

    from pipeline.evaluation.gold import check_records
    from pipeline.labelstudio.convert import from_export

    _set_debug(debug)
    if not export.is_file():
        _fail(errors.UsageError(errors.E_INPUT_MISSING.format(path=export)))
        return
    try:
        tasks = json.loads(export.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        _fail(errors.CoopieError(f"{export}: not a Label Studio JSON export: {err}"))
        return
    if not isinstance(tasks, list):
        _fail(errors.CoopieError(f"{export}: not a Label Studio JSON export (no task list)"))
        return
    records, problems = from_export(tasks)
    problems += check_records(records, output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                      encoding="utf-8")
    for problem in problems:
        typer.echo(problem, err=True)
    typer.echo(f"wrote {len(records)} gold records to {output} ({len(problems)} problems)",
               err=True)
    if problems:
        raise typer.Exit(EXIT_FAILED)


store_app = typer.Typer(help="The claims store (DuckDB): load, facts, conflicts, export, "
                        "report.",
                        no_args_is_help=True)
app.add_typer(store_app, name="store")
DB = typer.Option(Path("claims.duckdb"), "--db", help="The DuckDB file.")


@store_app.command("load", epilog=_examples(
    'coopie store load out.jsonl --db claims.duckdb',
    'coopie store load claims.parquet/ --db claims.duckdb   # extract --format parquet',
))
def store_load(
    outputs: List[Path] = typer.Argument(..., help="`coopie extract` outputs: JSONL files, "
                                         "Parquet part files or folders."),
    db: Path = DB,
    progress: Optional[bool] = PROGRESS,
    debug: bool = DEBUG,
) -> None:
    """Load extract output; a document loaded again (same id or url) replaces its rows. A
    line that is no record is reported with file and line (exit 1); the rest is loaded."""
    from pipeline.store.load import load

    _set_debug(debug)
    try:
        counts, problems = load(outputs, db, sys.stderr.isatty() if progress is None
                                else progress)
    except errors.CoopieError as err:
        _fail(err)
        return
    for problem in problems:
        typer.echo(problem, err=True)
    typer.echo(f"loaded {counts['documents']} documents, {counts['claims']} claims, "
               f"{counts['entities']} entities into {db}", err=True)
    if problems:
        raise typer.Exit(EXIT_FAILED)


def _print_rows(columns: list[str], rows: list[tuple], as_csv: bool, as_json: bool) -> None:
    import csv
    import json

    if as_json:
        for row in rows:
            typer.echo(json.dumps(dict(zip(columns, row)), default=str, ensure_ascii=False))
    elif as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        from pipeline.authoring.trial import format_table

        typer.echo(format_table(columns, [["" if c is None else str(c) for c in row]
                                          for row in rows]))


def _filters(province: Optional[str], metric: Optional[str], start: Optional[str],
             end: Optional[str], status: Optional[str]):
    from pipeline.store.facts import Filters

    return Filters(province, metric, start, end, status)


@store_app.command("facts", epilog=_examples(
    'coopie store facts --province "Thai Binh" --metric org_count',
    'coopie store facts --from 2020-01-01 --to 2023-12-31 --csv > facts.csv',
))
def store_facts(
    db: Path = DB,
    province: Optional[str] = typer.Option(None, "--province", help="A province, or "
                                           "'national'."),
    metric: Optional[str] = typer.Option(None, "--metric"),
    start: Optional[str] = typer.Option(None, "--from", help="Earliest time start (ISO)."),
    end: Optional[str] = typer.Option(None, "--to", help="Latest time end (ISO)."),
    status: Optional[str] = typer.Option(None, "--status"),
    as_csv: bool = typer.Option(False, "--csv"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object a line."),
    debug: bool = DEBUG,
) -> None:
    """Facts: claims of one quantity (metric, aggregate, per, unit, province, time, status)
    with values within 0.5 %, with how many outlets and articles report them."""
    from pipeline.store.facts import facts

    _set_debug(debug)
    try:
        found = facts(db, _filters(province, metric, start, end, status))
    except errors.CoopieError as err:
        _fail(err)
        return
    _print_rows(*found, as_csv, as_json)


@store_app.command("conflicts", epilog=_examples(
    'coopie store conflicts --db claims.duckdb --province "Hanoi"',
))
def store_conflicts(
    db: Path = DB,
    province: Optional[str] = typer.Option(None, "--province"),
    metric: Optional[str] = typer.Option(None, "--metric"),
    as_csv: bool = typer.Option(False, "--csv"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object a line."),
    debug: bool = DEBUG,
) -> None:
    """Conflicts: reports of one quantity whose values differ by more than 0.5 %, every
    value with its evidence and source (none is chosen)."""
    from pipeline.store.facts import conflicts

    _set_debug(debug)
    try:
        found = conflicts(db, _filters(province, metric, None, None, None))
    except errors.CoopieError as err:
        _fail(err)
        return
    _print_rows(*found, as_csv, as_json)


@store_app.command("export", epilog=_examples(
    'coopie store export --db claims.duckdb --parquet claims-parquet/',
    "python -c \"import pandas; print(pandas.read_parquet('claims-parquet/claims'))\"",
))
def store_export(
    parquet: Path = typer.Option(..., "--parquet", help="Folder to write."),
    db: Path = DB,
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace the folder's files."),
    debug: bool = DEBUG,
) -> None:
    """Export the store as Parquet: claims/province=…/year=…/ (Hive partitions), and
    documents.parquet and entities.parquet."""
    from pipeline.store.export import export_parquet

    _set_debug(debug)
    try:
        counts = export_parquet(db, parquet, overwrite)
    except errors.CoopieError as err:
        _fail(err)
        return
    typer.echo(f"wrote {counts['claims']} claims, {counts['documents']} documents, "
               f"{counts['entities']} entities to {parquet}", err=True)


@store_app.command("report", epilog=_examples(
    'coopie store report --db claims.duckdb -o report.html',
    'coopie store report --db claims.duckdb --province "Thai Binh" -o thai-binh.html',
))
def store_report(
    output: Path = typer.Option(..., "--output", "-o", help="The HTML page to write."),
    db: Path = DB,
    province: Optional[str] = typer.Option(None, "--province", help="A province, or "
                                           "'national'."),
    metric: Optional[str] = typer.Option(None, "--metric"),
    debug: bool = DEBUG,
) -> None:
    """One self-contained page (no server, no network): a time series per metric and
    province with every point linked to its sources, the conflicts with their competing
    evidence side by side, and counts by province."""
    from pipeline.store.report import write_report

    _set_debug(debug)
    try:
        counts = write_report(db, output, _filters(province, metric, None, None, None))
    except errors.CoopieError as err:
        _fail(err)
        return
    typer.echo(f"wrote {output}: {counts['facts']} facts, {counts['conflicts']} conflicts, "
               f"{counts['provinces']} provinces", err=True)


patterns_app = typer.Typer(help="Province pattern files: generate, scaffold, check, try.",
                           no_args_is_help=True)
app.add_typer(patterns_app, name="patterns")


@patterns_app.command("check", epilog=_examples(
    'coopie patterns check patterns/provinces/ha-giang.yml',
))
def patterns_check(
    paths: Optional[List[Path]] = typer.Argument(None, help="Province files or folders "
                                                 "(default: patterns/provinces)."),
    patterns: Optional[Path] = typer.Option(None, "--patterns", help="Patterns folder."),
    debug: bool = DEBUG,
) -> None:
    """Validate pattern files: every problem on one line with file, line and key; then
    run the examples they carry."""
    from pipeline import resources
    from pipeline.authoring.check import check_paths
    from pipeline.authoring.examples import example_failures
    from pipeline.loading import build

    _set_debug(debug)
    try:
        root = resources.patterns_dir(patterns)
        cue_names = set(resources.load_shared_files(root)["cues"])
        problems, files = check_paths(list(paths or [root / "provinces"]), cue_names)
        count = len(files)
        with_examples = [file for file in files if file.curated("examples")]
        if not problems and with_examples:
            from pipeline.language import language_rule
            from pipeline.routing import Pipelines

            # Each example is read by the pipeline of its language.
            pipelines = Pipelines(build(root), lambda language: build(root, language),
                                  language_rule(str(root)))
            for file in with_examples:
                problems += example_failures(pipelines, file)
    except errors.CoopieError as err:
        _fail(err)
        return
    for problem in problems:
        typer.echo(problem)
    if problems:
        typer.echo(f"{len(problems)} problems in {count} files", err=True)
        raise typer.Exit(1)
    typer.echo(f"{count} files, no problems")


@patterns_app.command("new", epilog=_examples(
    'coopie patterns new "Lai Chau"',
    'coopie patterns new "Phu Quoc" --parent "Kien Giang"',
))
def patterns_new(
    name: str = typer.Argument(..., help="A province, city or district of the gazetteer, "
                               "or a new region (with --parent)."),
    parent: Optional[str] = typer.Option(None, "--parent", help="The province a new "
                                         "region belongs to."),
    patterns: Optional[Path] = typer.Option(None, "--patterns", help="Patterns folder."),
    debug: bool = DEBUG,
) -> None:
    """Scaffold the pattern file of a province or region, with every section explained."""
    from pipeline.authoring.generate import new_file

    _set_debug(debug)
    try:
        path = new_file(name, parent, patterns)
    except errors.CoopieError as err:
        _fail(err)
        return
    typer.echo(f"wrote {path}; edit it, then run `coopie patterns check {path}`")


@patterns_app.command("generate", epilog=_examples(
    'coopie patterns generate --check',
))
def patterns_generate(
    check: bool = typer.Option(False, "--check", help="Change nothing; exit 1 if a file "
                               "is out of date."),
    patterns: Optional[Path] = typer.Option(None, "--patterns", help="Patterns folder."),
    debug: bool = DEBUG,
) -> None:
    """Write the generated part of every province file from the gazetteer (the part a
    person wrote is kept)."""
    from pipeline.authoring.generate import generate_all

    _set_debug(debug)
    try:
        changed = generate_all(patterns, check=check)
    except errors.CoopieError as err:
        _fail(err)
        return
    for path in changed:
        typer.echo(f"{'out of date' if check else 'wrote'}: {path}")
    if check and changed:
        raise typer.Exit(1)
    if not changed:
        typer.echo("all province files are up to date")


@patterns_app.command("try", epilog=_examples(
    'coopie patterns try "Ha Giang" --text "Ha Giang has 370 cooperatives."',
))
def patterns_try(
    province: str = typer.Argument(..., help="A province name or a province file."),
    text: Optional[str] = typer.Option(None, "--text", help="Text to run on."),
    file: Optional[Path] = typer.Option(None, "--file", help="An article file to run on."),
    published: Optional[str] = typer.Option(None, "--published", help="ISO publication "
                                            "date (anchors relative dates)."),
    patterns: Optional[Path] = typer.Option(None, "--patterns", help="Patterns folder."),
    debug: bool = DEBUG,
) -> None:
    """Show what the province's patterns and the whole pipeline (of the text's language,
    English or Vietnamese) find in a text."""
    from pipeline.authoring.trial import find_province_file, format_table, trial_rows
    from pipeline.language import language_rule
    from pipeline.loading import build

    _set_debug(debug)
    try:
        if (text is None) == (file is None):
            raise errors.UsageError("give exactly one of --text or --file")
        if file is not None and not file.is_file():
            raise errors.UsageError(errors.E_INPUT_MISSING.format(path=file))
        content = text if text is not None else file.read_text(encoding="utf-8")
        province_file = find_province_file(province, patterns)
        language = language_rule(str(patterns) if patterns else None).detect(content)
        entities, claims = trial_rows(build(patterns, language), province_file, content,
                                      published)
    except errors.CoopieError as err:
        _fail(err)
        return
    typer.echo(f"language: {language}")
    typer.echo(format_table(["label", "text", "norm", "found by"], entities))
    typer.echo("")
    typer.echo(format_table(["metric", "value", "subject", "place / province / since 2025",
                             "time", "status"], claims))


def entry() -> None:
    """The `coopie` console script and `python -m pipeline`: the app, then an exit that
    skips tearing the interpreter down. Freeing the pipeline's vocabulary and matchers
    object by object takes a fifth of a second that the operating system does at once;
    every file is closed and every worker joined before the app returns."""
    try:
        app()
        code = EXIT_OK
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (
            EXIT_OK if done.code is None else EXIT_FAILED)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):
            pass  # the reader went away (`coopie extract ... | head`), or it is closed
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
