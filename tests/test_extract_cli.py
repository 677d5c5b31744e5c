"""`coopie extract` end to end, including bad input (nothing lost, clear errors)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import errors
from pipeline.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "good.txt").write_text("The province has 120 cooperatives with 4,500 members.",
                                     encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Hợp tác xã".encode("utf-8")[:4] + b"\xe9t\xe9 caf\xe9")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00")
    (folder / "page.html").write_text(
        "<html><head><link rel='canonical' href='https://example.org/a'>"
        "<meta property='article:published_time' content='2023-05-02T08:00:00'>"
        "<script>var x = '99 cooperatives';</script></head>"
        "<body><p>In 2022, Lam Dong had 350 cooperatives.</p></body></html>", encoding="utf-8")
    sub = folder / "nested"
    sub.mkdir()
    (sub / "batch.jsonl").write_text(
        json.dumps({"id": "a1", "text": "Revenue hit VND2 billion.", "published": "2022-01-05"})
        + "\n{not json\n" + json.dumps({"id": "a3", "url": "https://x"}) + "\n"
        + json.dumps(["a list"]) + "\n", encoding="utf-8")
    (folder / "notes.csv").write_text("ignored,file\n", encoding="utf-8")
    return folder


def test_every_document_yields_one_record(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(out), "--no-progress"])
    assert result.exit_code == 1, result.output  # five records carry an error
    records = {r["id"]: r for r in _records(out)}
    assert set(records) == {"good", "empty", "latin1", "binary", "page", "a1", "batch:2",
                            "a3", "batch:4"}
    good = records["good"]
    assert [(e["label"], e["text"]) for e in good["entities"]] == [("COUNT", "120"),
                                                                     ("COUNT", "4,500")]
    assert "error" not in good
    assert [(c["metric"], c["value"]) for c in good["claims"]] == [("org_count", 120),
                                                                   ("member_count", 4500)]


def test_errors_name_the_file_and_line(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    runner.invoke(app, ["extract", str(corpus), "-o", str(out), "--no-progress"])
    records = {r["id"]: r for r in _records(out)}
    assert records["empty"]["error"] == errors.E_INPUT_EMPTY.format(path=corpus / "empty.txt")
    assert records["binary"]["error"] == errors.E_INPUT_BINARY.format(
        path=corpus / "binary.txt")
    # Text that is not UTF-8 is decoded as Windows-1258 and kept, with a warning.
    assert records["latin1"]["warning"] == errors.E_INPUT_ENCODING.format(
        path=corpus / "latin1.txt", position=4, encoding="cp1258")
    assert "error" not in records["latin1"] and "café" in records["latin1"]["text"]
    batch = corpus / "nested" / "batch.jsonl"
    assert records["batch:2"]["error"].startswith(f"{batch}:2: not valid JSON")
    assert records["a3"]["error"] == errors.E_JSONL_NO_TEXT.format(path=batch, line=3)
    assert records["a3"]["url"] == "https://x"
    assert records["batch:4"]["error"] == errors.E_JSONL_NOT_OBJECT.format(path=batch, line=4)


def test_html_text_and_metadata(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    runner.invoke(app, ["extract", str(corpus / "page.html"), "-o", str(out)])
    (record,) = _records(out)
    assert record["url"] == "https://example.org/a"
    assert record["published"] == "2023-05-02"
    assert "99 cooperatives" not in record["text"]  # script content is not article text
    assert ("COUNT", "350") in [(e["label"], e["text"]) for e in record["entities"]]


def test_jsonl_published_anchors_relative_dates(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "x", "text": "This year 30 cooperatives opened.",
                                  "published": "2020-06-01"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    runner.invoke(app, ["extract", str(source), "-o", str(out)])
    (record,) = _records(out)
    date = [e for e in record["entities"] if e["label"] == "DATE"][0]
    assert date["norm"] == {"start": "2020-01-01", "end": "2020-12-31"}
    assert record["published"] == "2020-06-01"


def test_missing_input_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "-o",
                                 str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert result.output.strip() == "error: " + errors.E_INPUT_MISSING.format(
        path=tmp_path / "nope.txt")


def test_empty_folder_is_an_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert "no input documents found" in result.output


def test_stdin_plain_text(tmp_path):
    result = runner.invoke(app, ["extract", "-"], input="Binh Duong has 210 cooperatives.")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["id"] == "stdin"
    assert ("GPE", "Binh Duong") in [(e["label"], e["text"]) for e in record["entities"]]


def test_console_script_and_module_give_the_same_output(tmp_path):
    out_module = tmp_path / "module.jsonl"
    out_script = tmp_path / "script.jsonl"
    subprocess.run([sys.executable, "-m", "pipeline", "extract", str(ROOT / "seeds"), "-o",
                    str(out_module)], check=True, cwd=tmp_path)
    coopie = Path(sys.executable).parent / "coopie"
    subprocess.run([str(coopie), "extract", str(ROOT / "seeds"), "-o", str(out_script)],
                   check=True, cwd=tmp_path)
    assert out_module.read_bytes() == out_script.read_bytes()
    # the two seed articles, and nothing else: their gold lives in gold/
    assert [r["id"] for r in _records(out_module)] == ["000_b0da3c55a582c502",
                                                       "003_801eb833e5f0642f"]
