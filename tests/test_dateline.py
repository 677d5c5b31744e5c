"""`published` read from the page's own dateline when the input gives none (issue 10)."""

from __future__ import annotations

import pytest

from pipeline.batch.local import extract_one
from pipeline.io.readers import InputDoc


def record(nlp, text: str, published: str | None = None) -> dict:
    return extract_one(nlp, InputDoc("d1", text, "test", published=published), 100_000)


@pytest.mark.parametrize("text, day", [
    pytest.param("Co-ops thrive in the uplands\n08:40, 2022/03/15\nThis year the province "
                 "has 210 cooperatives.", "2022-03-15", id="clock-and-date"),
    pytest.param("Co-ops thrive\nUpdated: Friday, June 9, 2023 | 10:02:11\nThe province has "
                 "210 cooperatives.", "2023-06-09", id="updated-weekday"),
    pytest.param(" date 2019-04-02 At the meeting (Photo: VNA)\n\nCurrently, the province has "
                 "210 cooperatives.", "2019-04-02", id="date-cue"),
    pytest.param("Co-ops thrive\n\n04/11/2020\n\nThe province has 210 cooperatives.",
                 "2020-11-04", id="own-line"),
])
def test_dateline_becomes_published(nlp, text, day):
    result = record(nlp, text)
    assert result["published"] == day
    assert result["published_source"] == "dateline"


def test_dateline_anchors_currently_and_this_year(nlp):
    text = ("Co-ops thrive\n08:40, 2022/03/15\nThis year the province aims for 230 "
            "cooperatives. Currently, it has 210 cooperatives.")
    claims = {c["value"]: c for c in record(nlp, text)["claims"]}
    assert claims[230]["time"] == {"start": "2022-01-01", "end": "2022-12-31"}
    assert claims[210]["time"] == {"start": "2022-03-15", "end": "2022-03-15"}


@pytest.mark.parametrize("text", [
    pytest.param("Today: 05/06/2024 09:12:44 (GMT+7)\n\nCo-ops thrive\nThe province has 210 "
                 "cooperatives.", id="site-clock"),
    pytest.param("Co-ops thrive\nOn March 3, 2021, the union met its 210 cooperatives in the "
                 "city hall and talked.", id="date-inside-a-sentence"),
    pytest.param("Co-ops thrive\n\n2021\n\nThe province has 210 cooperatives.",
                 id="year-is-no-day"),
])
def test_no_dateline(nlp, text):
    result = record(nlp, text)
    assert "published" not in result and "published_source" not in result


def test_input_published_wins_over_the_dateline(nlp):
    result = record(nlp, "Co-ops thrive\n08:40, 2022/03/15\nThe province has 210 "
                         "cooperatives.", published="2022-03-16")
    assert (result["published"], result["published_source"]) == ("2022-03-16", "input")
