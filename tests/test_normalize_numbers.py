"""Number and money normalisers, without spaCy (ANNOTATION.md §2 MONEY/COUNT rules)."""

from __future__ import annotations

import pytest

from pipeline.normalize.money import CurrencyVocab, normalize_money
from pipeline.normalize.numbers import NumberVocab, parse_digits, value_fields
from pipeline.resources import load_shared

SHARED = load_shared()
NUMBERS = NumberVocab.from_data(SHARED["numbers"])
CURRENCIES = CurrencyVocab.from_data(SHARED["currencies"])


@pytest.mark.parametrize("raw, scaled, expected", [
    pytest.param("1.791.510", False, 1791510, id="vietnamese-grouping"),
    pytest.param("2,800", False, 2800, id="english-grouping"),
    pytest.param("46.000", False, 46000, id="single-dot-thousands"),
    pytest.param("4.56", True, 4.56, id="decimal-before-scale"),
    pytest.param("6,75", True, 6.75, id="decimal-comma"),
    pytest.param("1,000.50", False, 1000.5, id="mixed-separators"),
    pytest.param("02", False, 2, id="leading-zero"),
    pytest.param("abc", False, None, id="not-a-number"),
])
def test_parse_digits(raw, scaled, expected):
    assert parse_digits(raw, scaled=scaled) == expected


@pytest.mark.parametrize("text, expected", [
    ("Forty-five", {"value": 45, "low": None, "high": None}),
    ("around a thousand", {"value": 1000, "low": None, "high": None}),
    ("five to 10", {"value": None, "low": 5, "high": 10}),
    ("nearly 6 million", {"value": 6000000, "low": None, "high": None}),
    ("15,434 thousand", {"value": 15434000, "low": None, "high": None}),
])
def test_amounts(text, expected):
    assert value_fields(NUMBERS.amounts(text)) == expected


@pytest.mark.parametrize("text, kind", [
    ("about 593", "about"), ("more than 1 million", "over"), ("nearly 25%", "under"),
    ("at least seven", "over"), ("1,200", "exact"),
])
def test_approximators(text, kind):
    assert NUMBERS.approx_kind(text) == kind


@pytest.mark.parametrize("text, value, low, high, currency", [
    pytest.param("VND2.9 billion", 2.9e9, None, None, "VND", id="prefix-scale"),
    pytest.param("2,800 million VND", 2.8e9, None, None, "VND", id="suffix-grouped"),
    pytest.param("VND 4 to 6.5 million", None, 4e6, 6.5e6, "VND", id="range-to"),
    pytest.param("4-6 million VND", None, 4e6, 6e6, "VND", id="range-dash"),
    pytest.param("US$126,028", 126028, None, None, "USD", id="usd-symbol"),
    pytest.param("41,000 USD", 41000, None, None, "USD", id="usd-code"),
    pytest.param("12 trillion VND", 12e12, None, None, "VND", id="trillion"),
    pytest.param("9,378 million", 9.378e9, None, None, "VND", id="no-currency-default"),
    pytest.param("VNĐ2.1 billion", 2.1e9, None, None, "VND", id="vnd-with-stroke"),
    pytest.param("3,5 tỷ đồng", 3.5e9, None, None, "VND", id="vietnamese-words"),
    pytest.param("€1.5 million", 1.5e6, None, None, "EUR", id="euro"),
])
def test_normalize_money(text, value, low, high, currency):
    norm = normalize_money(text, NUMBERS, CURRENCIES)
    assert norm == {"value": value, "low": low, "high": high, "currency": currency}
