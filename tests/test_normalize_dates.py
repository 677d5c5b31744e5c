"""Date normaliser (ANNOTATION.md §2 "Date values")."""

from __future__ import annotations

import pytest

from pipeline.normalize.dates import DateVocab, normalize_date, parse_published
from pipeline.resources import load_shared

VOCAB = DateVocab.from_data(load_shared()["dates"])


@pytest.mark.parametrize("text, published, start, end", [
    pytest.param("the first 6 months of 2021", None, "2021-01-01", "2021-06-30", id="half"),
    pytest.param("the last 6 months of 2021", None, "2021-07-01", "2021-12-31", id="last-half"),
    pytest.param("the first quarter of 2019", None, "2019-01-01", "2019-03-31", id="quarter"),
    pytest.param("the end of 2020", None, "2020-12-31", "2020-12-31", id="end-of-year"),
    pytest.param("the beginning of the year", "2022-05-04", "2022-01-01", "2022-01-01",
                 id="beginning-relative"),
    pytest.param("the 2021-25 period", None, "2021-01-01", "2025-12-31", id="short-range"),
    pytest.param("the period 2016 - 2020", None, "2016-01-01", "2020-12-31", id="range"),
    pytest.param("07:25, 2021/02/14", None, "2021-02-14", "2021-02-14", id="dateline"),
    pytest.param("March 5, 2022 | 09:30 GMT +7", None, "2022-03-05", "2022-03-05",
                 id="dateline-zone"),
    pytest.param("22/09/2023 14:23", None, "2023-09-22", "2023-09-22", id="dmy-time"),
    pytest.param("1 July 2023", None, "2023-07-01", "2023-07-01", id="day-month-year"),
    pytest.param("June 2021", None, "2021-06-01", "2021-06-30", id="month"),
    pytest.param("2019", None, "2019-01-01", "2019-12-31", id="year"),
    pytest.param("this year", "2023-04-01", "2023-01-01", "2023-12-31", id="this-year"),
    pytest.param("last year", "2024-08", "2023-01-01", "2023-12-31", id="month-published"),
    pytest.param("today", "2024-08", "2024-08-01", "2024-08-31", id="today-month"),
    pytest.param("today", "2024-08-09", "2024-08-09", "2024-08-09", id="today"),
    pytest.param("June 3 this year", "2024-08-28", "2024-06-03", "2024-06-03",
                 id="day-this-year"),
])
def test_resolved(text, published, start, end):
    assert normalize_date(text, published, VOCAB) == {"start": start, "end": end}


@pytest.mark.parametrize("text, published", [
    pytest.param("2022/27/17", None, id="malformed"),
    pytest.param("this year", None, id="relative-without-published"),
    pytest.param("last year", "not a date", id="bad-published"),
    pytest.param("the 2025-2021 period", None, id="backwards-range"),
])
def test_unresolvable_is_null(text, published):
    assert normalize_date(text, published, VOCAB) is None


def test_published_month_is_flagged():
    assert parse_published("2024-08")[1] is True
    assert parse_published("2024-08-02")[1] is False
    assert parse_published(None) is None


@pytest.mark.parametrize("text, published, start, end", [
    pytest.param("the end of October 2024", None, "2024-10-31", "2024-10-31", id="end-of-month"),
    pytest.param("the end of the third quarter of 2021", None, "2021-09-30", "2021-09-30",
                 id="end-of-quarter"),
    pytest.param("the end of the 2016-2020 term", None, "2020-12-31", "2020-12-31",
                 id="end-of-term"),
    pytest.param("early 2019", None, "2019-01-01", "2019-01-01", id="early-year"),
    pytest.param("late April", "2024-06-10", "2024-04-30", "2024-04-30", id="late-month"),
    pytest.param("the middle of May", "2020-09-01", "2020-05-15", "2020-05-15",
                 id="middle-of-month"),
    pytest.param("2015 and 2018", None, "2015-01-01", "2018-12-31", id="between-years"),
    pytest.param("2017 to 2019", None, "2017-01-01", "2019-12-31", id="from-to-years"),
    pytest.param("the 2016 2020 period", None, "2016-01-01", "2020-12-31",
                 id="range-without-dash"),
    pytest.param("3:05:44 PM | 10/25/2021", None, "2021-10-25", "2021-10-25",
                 id="month-first-when-day-first-is-impossible"),
    pytest.param("08:10 05/09/2021", None, "2021-09-05", "2021-09-05", id="day-first"),
    pytest.param("12-03-2019 | 08:15:00", None, "2019-03-12", "2019-03-12", id="dashed"),
])
def test_points_of_periods_and_datelines(text, published, start, end):
    assert normalize_date(text, published, VOCAB) == {"start": start, "end": end}
