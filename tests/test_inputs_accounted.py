"""Every input is accounted for and the exit code says how the run went (issue 11).

Unreadable files and folders are made with chmod in the test. Root reads them anyway, so as
root the command runs without the capabilities that let it (setpriv, util-linux).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import errors
from pipeline.cli import app
from pipeline.io.readers import iter_documents

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
ARTICLE = "Lao Cai province now has 310 cooperatives with 6,200 members.\n"


def run_unprivileged(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pipeline", *args]
    if os.geteuid() == 0:
        command = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *command]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True)


def records(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@pytest.fixture
def hostile_folder(tmp_path):
    folder = tmp_path / "inbox"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "locked" / "inside.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "gone.txt").symlink_to(folder / "deleted-long-ago.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "secret.txt").chmod(0)
    (folder / "locked").chmod(0)
    yield folder
    (folder / "locked").chmod(0o755)  # so pytest can clean up


def test_every_path_in_a_folder_gives_a_record(hostile_folder, tmp_path):
    out = tmp_path / "out.jsonl"
    done = run_unprivileged(["extract", str(hostile_folder), "-o", str(out), "--workers", "1"],
                            tmp_path)
    assert done.returncode == 1, done.stderr
    found = records(out)
    assert sorted(found) == ["gone", "good", "locked", "loop-a", "loop-b", "secret"]
    assert "error" not in found["good"] and found["good"]["claims"]
    assert found["secret"]["error"] == errors.E_INPUT_UNREADABLE.format(
        path=hostile_folder / "secret.txt", reason="Permission denied")
    assert found["locked"]["error"] == errors.E_FOLDER_UNREADABLE.format(
        path=hostile_folder / "locked", reason="Permission denied")
    assert found["gone"]["error"] == errors.E_BROKEN_LINK.format(
        path=hostile_folder / "gone.txt", target=hostile_folder / "deleted-long-ago.txt")
    assert found["loop-a"]["error"].startswith(f"{hostile_folder / 'loop-a.txt'}: broken or "
                                               "looping symbolic link")
    # stderr names every failed input; the summary counts them
    for name in ("secret.txt", "locked", "gone.txt", "loop-a.txt", "loop-b.txt"):
        assert str(hostile_folder / name) in done.stderr
    assert "wrote 6 records" in done.stderr and "(5 with errors)" in done.stderr


def test_a_broken_link_named_on_the_command_line_does_not_stop_the_run(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "nowhere.txt")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(broken), str(good), "-o", str(out),
                                 "--workers", "1"])
    assert result.exit_code == 1, result.output
    found = records(out)
    assert found["broken"]["error"].startswith(f"{broken}: broken or looping symbolic link")
    assert found["good"]["claims"]


def test_a_file_removed_between_listing_and_reading_gets_a_record(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    documents = iter_documents([str(tmp_path)])
    first = next(documents)  # the folder is listed; now b.txt disappears
    (tmp_path / "b.txt").unlink()
    rest = list(documents)
    assert [d.id for d in [first, *rest]] == ["a", "b", "c"]
    assert rest[0].text is None and rest[0].error == errors.E_INPUT_UNREADABLE.format(
        path=tmp_path / "b.txt", reason="No such file or directory")
    assert rest[1].error is None


def test_exit_0_when_every_document_was_extracted(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "good.txt"), "--workers", "1"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("args", [
    pytest.param(["extract", "no/such/folder"], id="missing-input"),
    pytest.param(["extract", "README.md", "--format", "xml"], id="bad-format"),
    pytest.param(["extract", "README.md", "--engine", "spark"], id="bad-engine"),
    pytest.param(["extract", "README.md", "--workers", "0"], id="no-workers"),
    pytest.param(["extract", "README.md", "--no-such-option"], id="unknown-option"),
    pytest.param(["evaluate", "--gold", "no/such/gold.jsonl"], id="missing-gold"),
    pytest.param(["gold", "check", "no/such/gold.jsonl"], id="missing-gold-to-check"),
    pytest.param(["patterns", "try", "Ha Giang"], id="neither-text-nor-file"),
])
def test_exit_2_for_a_usage_error(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output


def test_an_existing_output_is_a_usage_error(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("{}\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "good.txt"), "-o", str(out)])
    assert result.exit_code == 2
    assert errors.E_OUTPUT_EXISTS.format(path=out) in result.output


def test_version_and_help_show_choices_defaults_and_examples():
    from importlib.metadata import version

    shown = runner.invoke(app, ["--version"])
    assert shown.exit_code == 0 and shown.output.strip() == f"coopie {version('coopie')}"
    page = runner.invoke(app, ["extract", "--help"], terminal_width=100).output
    assert "<jsonl|csv|parquet>" in page and "<local|dask>" in page
    assert "[default: (all cores); x>=1]" in page and "Examples:" in page
    assert "Exit codes:" in runner.invoke(app, ["--help"], terminal_width=100).output
    for command in (["build"], ["evaluate"], ["gold", "check"], ["patterns", "check"],
                    ["patterns", "new"], ["patterns", "generate"], ["patterns", "try"],
                    ["store", "load"], ["store", "facts"], ["store", "conflicts"],
                    ["store", "export"], ["store", "report"]):
        assert "Examples:" in runner.invoke(app, [*command, "--help"]).output, command


def test_debug_after_the_command_name(tmp_path):
    result = runner.invoke(app, ["extract", "no/such/file.txt", "--debug"])
    assert result.exit_code != 0 and isinstance(result.exception, errors.UsageError)


def test_csv_keeps_url_published_and_warning(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": ARTICLE, "url": "https://baolaocai.vn/x",
                                  "published": "2024-05-02"}) + "\n", encoding="utf-8")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Hà Giang has 370 cooperatives.".encode("cp1258"))
    out = tmp_path / "claims.csv"
    result = runner.invoke(app, ["extract", str(source), str(legacy), "-o", str(out),
                                 "--format", "csv", "--workers", "1"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    first = rows[0]
    assert (first["doc_id"], first["url"], first["published"], first["warning"]) == (
        "a", "https://baolaocai.vn/x", "2024-05-02", "")
    legacy_row = next(r for r in rows if r["doc_id"] == "legacy")
    assert legacy_row["warning"] == errors.E_INPUT_ENCODING.format(
        path=legacy, position=1, encoding="cp1258")


def test_a_folder_named_on_the_command_line_that_cannot_be_listed(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(ARTICLE, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    locked.chmod(0)
    try:
        done = run_unprivileged(["extract", str(locked), str(good), "-o", str(out),
                                 "--workers", "1"], tmp_path)
    finally:
        locked.chmod(0o755)
    assert done.returncode == 1, done.stderr
    found = records(out)
    assert found["locked"]["error"] == errors.E_FOLDER_UNREADABLE.format(
        path=locked, reason="Permission denied")
    assert found["good"]["claims"]


def test_the_console_entry_exits_with_the_same_codes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    clean = run_unprivileged(["extract", str(good), "--workers", "1"], tmp_path)
    assert clean.returncode == 0 and json.loads(clean.stdout)["claims"]
    missing = run_unprivileged(["extract", str(tmp_path / "missing.txt")], tmp_path)
    assert missing.returncode == 2
    assert errors.E_INPUT_MISSING.format(path=tmp_path / "missing.txt") in missing.stderr
