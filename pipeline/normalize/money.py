"""Monetary amounts to {value, low, high, currency} (ANNOTATION.md §2 MONEY)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from price_parser import Price

from pipeline.normalize.numbers import NumberVocab, _alternation, value_fields


@dataclass
class CurrencyVocab:
    """Currency surfaces of patterns/shared/currencies.yml, mapped to ISO codes."""

    prefixes: dict[str, str]
    suffixes: dict[str, str]
    money_cues: list[str]
    prefix: str = field(init=False)
    suffix: str = field(init=False)
    # Any surface, longest first, and its code (a prefix's code where both list it).
    any_surface: re.Pattern[str] = field(init=False)
    code_of: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.prefix = _alternation(list(self.prefixes))
        self.suffix = _alternation(list(self.suffixes))
        self.code_of = {**self.suffixes, **self.prefixes}
        self.any_surface = re.compile(
            rf"(?<![A-Za-z])(?:{_alternation(list(self.code_of))})(?![A-Za-z])")

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "CurrencyVocab":
        """Build from the parsed `currencies.yml`."""
        prefixes: dict[str, str] = {}
        suffixes: dict[str, str] = {}
        for code, surfaces in data["currencies"].items():
            prefixes.update({s: code for s in surfaces.get("prefix", [])})
            suffixes.update({s: code for s in surfaces.get("suffix", [])})
        return cls(prefixes, suffixes, [c.lower() for c in data.get("money_cues", [])])

    def currency_of(self, text: str) -> str | None:
        """The ISO code of the first currency surface in `text` ('VNĐ2.1 billion' -> 'VND')."""
        # The alternation is longest first: the earliest match is the longest surface there.
        match = self.any_surface.search(text)
        return self.code_of[match.group()] if match else None


# Vietnamese words that say "billion"/"million" already carry the currency (`1 tỷ` is VND).
_VIETNAMESE_SCALES = ("tỷ", "tỉ", "triệu", "nghìn", "ngàn")


def normalize_money(text: str, numbers: NumberVocab, currencies: CurrencyVocab,
                    default_currency: str | None = "VND") -> dict[str, Any]:
    """Normalise a MONEY span.

    Args:
        text: the span text, e.g. 'about VND 4.5 billion', 'US$126,028', '4-6 million VND'.
        numbers: number vocabulary (scale words, joiners).
        currencies: currency vocabulary.
        default_currency: used when the span names none ('a profit of 6.75 billion').
    Returns:
        {"value", "low", "high", "currency"} in base units.
    """
    currency = currencies.currency_of(text)
    if currency is None and any(w in text.lower() for w in _VIETNAMESE_SCALES):
        currency = "VND"
    amounts = numbers.amounts(text)
    if len(amounts) == 1 and not re.search(numbers.scale, text, re.IGNORECASE) \
            and not re.search(numbers.glued, text, re.IGNORECASE):
        # A plain figure like 'US$126,028': price-parser reads its thousands separators.
        separator = _decimal_separator(text)
        parsed = Price.fromstring(text, decimal_separator=separator).amount_float
        if parsed is not None:
            amounts = [parsed]
    fields = value_fields(amounts)
    fields["currency"] = currency or default_currency
    return fields


def _decimal_separator(text: str) -> str | None:
    """Vietnamese grouping uses '.', English ','; a lone separator before 3 digits groups."""
    digits = re.search(r"\d[\d.,]*\d", text)
    if not digits:
        return None
    raw = digits.group()
    if "." in raw and "," in raw:
        return "." if raw.rfind(".") > raw.rfind(",") else ","
    for separator in ".,":
        parts = raw.split(separator)
        if len(parts) == 2:
            other = "," if separator == "." else "."
            return other if len(parts[1]) == 3 else separator
        if len(parts) > 2:
            return "," if separator == "." else "."
    return None
