"""`coopie store report`: one self-contained page with the series, the conflicts side by
side and counts by province; every text escaped, only http(s) links."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import ROOT
from tests.test_store import claim, record, write

runner = CliRunner()
ATTACK = "<script>alert('owned')</script>"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("store-report")
    out = folder / "out.jsonl"
    hostile = record("a3", "javascript:alert(1)", "2024-02-01", claim(470))
    hostile["text"] = ATTACK + " Thai Binh had 470 cooperatives."
    write(out,
          record("a1", "https://baothaibinh.com.vn/news/1", "2024-01-03", claim(464)),
          record("a2", "https://vietnamnews.vn/economy/2", "2024-01-05", claim(464.5)),
          hostile,
          record("a4", "https://baohanam.com.vn/4", "2024-02-02",
                 claim(120, "Ha Nam", start="2022-01-01", end="2022-12-31"),
                 claim(131, "Ha Nam")))
    db = folder / "claims.duckdb"
    assert runner.invoke(app, ["store", "load", str(out), "--db", str(db)]).exit_code == 0
    page = folder / "report.html"
    result = runner.invoke(app, ["store", "report", "--db", str(db), "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert "4 facts, 1 conflicts, 2 provinces" in result.output
    return page


def _spec(page_text: str, element: str) -> dict:
    found = re.search(rf'vegaEmbed\("#{element}", (\{{.*?\}}), \{{actions', page_text, re.S)
    return json.loads(found.group(1))


def test_the_page_draws_a_series_per_metric_and_province(report):
    text = report.read_text(encoding="utf-8")
    spec = _spec(text, "series")
    points = [v for d in [spec.get("data", {})] + list(spec.get("datasets", {}).values())
              for v in (d.get("values", []) if isinstance(d, dict) else d)]
    assert {p["series"] for p in points} == {"org_count · Thai Binh", "org_count · Ha Nam"}
    merged = [p for p in points if p["value"] == pytest.approx(464.25)]
    assert merged[0]["outlets"] == 2 and merged[0]["url"] == "https://baothaibinh.com.vn/news/1"
    assert merged[0]["sources"] == ("https://baothaibinh.com.vn/news/1, "
                                    "https://vietnamnews.vn/economy/2")
    hostile = [p for p in points if p["value"] == 470][0]
    assert hostile["url"] is None  # a javascript: url is never a link
    series = spec["params"][0]
    assert series["bind"]["input"] == "select"
    # the series with the most facts comes first and is shown
    assert series["bind"]["options"] == ["org_count · Ha Nam", "org_count · Thai Binh"]
    assert series["value"] == "org_count · Ha Nam"
    assert "href" in json.dumps(spec)


def test_conflicts_stand_side_by_side_and_every_text_is_escaped(report):
    text = report.read_text(encoding="utf-8")
    assert ATTACK not in text
    assert "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;" in text
    assert 'href="javascript' not in text
    conflicts = text.split("<h2>Conflicts")[1].split("<h2>")[0]
    assert conflicts.count('class="side"') == 3
    assert "VND" not in conflicts and "464.5" in conflicts and "470" in conflicts
    assert '<a href="https://vietnamnews.vn/economy/2">vietnamnews.vn</a>' in conflicts
    counts = text.split("<h2>Counts by province")[1]
    # three articles, two outlets (a javascript: url names none), three claims, two facts
    assert "<td>Thai Binh</td><td>3</td><td>2</td><td>3</td><td>2</td><td>1</td>" in counts
    # the libraries are inline: nothing is fetched from the network
    assert "cdn.jsdelivr" not in text and 'src="http' not in text


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium not installed")
def test_the_page_renders_in_headless_chromium(report):
    result = subprocess.run(["bash", str(ROOT / "scripts" / "check_store_report.sh"),
                             str(report)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("renders: 2 charts (SVG)")
    assert "3 competing reports" in result.stdout
