"""Numbers as written in English-language Vietnamese news, to floats.

Handles digit grouping by context (ANNOTATION.md §2: `1.791.510` -> 1791510 but
`4.56 billion` -> 4.56e9), Vietnamese decimal commas (`6,75 tỷ`), leading zeros (`02`),
number words (`Forty-five`, `around a thousand`), scale words and ranges (`4-6 million`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

DIGITS = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
# A pattern that matches nothing: what an empty word list compiles to.
NEVER = r"(?!x)x"


def _alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so 'US$' wins over '$'; an
    empty list (a language without such words) matches nothing."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or NEVER


@dataclass
class NumberVocab:
    """The number vocabulary of patterns/shared/numbers.yml, with its regexes compiled."""

    number_words: dict[str, float]
    scale_words: dict[str, float]
    approximators: dict[str, list[str]]
    range_joiners: list[str]
    glued_money_scales: dict[str, float] = field(default_factory=dict)
    approximators_after: dict[str, list[str]] = field(default_factory=dict)
    # ',' where the language always writes decimals with a comma and groups with '.'
    # (Vietnamese: `1,635 tỷ`, `29.378`); None where the context decides (English news).
    decimal_mark: str | None = None
    word_number: str = field(init=False)
    number: str = field(init=False)
    scale: str = field(init=False)
    glued: str = field(init=False)
    approx: str = field(init=False)
    joiner: str = field(init=False)
    _number_re: re.Pattern[str] = field(init=False)
    _approx_kinds: dict[str, str] = field(init=False)
    _approx_start: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        units = [w for w, v in self.number_words.items() if v < 10 and " " not in w]
        tens = [w for w, v in self.number_words.items() if v >= 20 and v % 10 == 0 and v < 100]
        compound = rf"(?:{_alternation(tens)})[- ](?:{_alternation(units)})"
        self.word_number = rf"(?:{compound}|{_alternation(list(self.number_words))})"
        self.number = rf"(?:{DIGITS}|{self.word_number})"
        self.scale = rf"(?:{_alternation(list(self.scale_words))})"
        # A one-letter money scale glued to its digits: "700m", "500k".
        self.glued = rf"(?<=\d)(?:{_alternation(list(self.glued_money_scales))})(?![\w])" \
            if self.glued_money_scales else NEVER
        self.approx = _alternation([w for ws in self.approximators.values() for w in ws])
        self._approx_kinds = {w.lower(): kind for kind, ws in self.approximators.items()
                              for w in ws}
        self._approx_start = re.compile(
            "|".join(re.escape(w) for w in sorted(self._approx_kinds, key=len, reverse=True)))
        joiners = [j for j in self.range_joiners if j.isalpha()]
        dashes = [j for j in self.range_joiners if not j.isalpha()]
        self.joiner = rf"(?:\s*(?:{_alternation(dashes)})\s*|\s+(?:{_alternation(joiners)})\s+)"
        self._number_re = re.compile(
            rf"(?P<num>{DIGITS}|\b{self.word_number}\b)"
            rf"(?:\s*(?P<scale>(?<![a-z]){self.scale}\b)|(?P<glued>{self.glued}))?",
            re.IGNORECASE,
        )

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "NumberVocab":
        """Build from the parsed `numbers.yml`."""
        return cls(
            number_words={k.lower(): float(v) for k, v in data["number_words"].items()},
            scale_words={k.lower(): float(v) for k, v in data["scale_words"].items()},
            approximators={k: list(v) for k, v in data["approximators"].items()},
            range_joiners=[str(j) for j in data["range_joiners"]],
            approximators_after={k: list(v) for k, v in
                                 (data.get("approximators_after") or {}).items()},
            glued_money_scales={k.lower(): float(v)
                                for k, v in (data.get("glued_money_scales") or {}).items()},
            decimal_mark=data.get("decimal_mark"),
        )

    def approx_kind(self, text: str, after: str = "") -> str:
        """`about`, `over`, `under` or `exact`, from the approximator that starts `text`, or
        one right after it (`after`, the text that follows: "300 or more pigs")."""
        following = " ".join(after.lower().split()[:2])
        for kind, words in self.approximators_after.items():
            if any(following.startswith(word) for word in words):
                return kind
        # The longest approximator that starts the text (alternatives longest first).
        found = self._approx_start.match(text.lower().lstrip())
        return self._approx_kinds[found.group(0)] if found else "exact"

    def word_value(self, text: str) -> float | None:
        """Value of a spelled-out number: 'Forty-five' -> 45, 'a thousand' -> 1000."""
        words = text.lower().replace("-", " ").split()
        phrase = " ".join(words)
        if phrase in self.number_words:
            return self.number_words[phrase]
        total = 0.0
        for word in words:
            if word not in self.number_words:
                return None
            total += self.number_words[word]
        return total

    def amounts(self, text: str) -> list[float]:
        """Every number in `text` with its scale applied; a bare first range end borrows the
        scale of the second ('4-6 million' -> [4e6, 6e6])."""
        found: list[tuple[float, float | None]] = []
        for match in self._number_re.finditer(text):
            raw = match.group("num")
            scale_word, glued = match.group("scale"), match.group("glued")
            scale = self.scale_words[scale_word.lower()] if scale_word else \
                self.glued_money_scales[glued.lower()] if glued else None
            value = parse_digits(raw, scaled=scale is not None, decimal_mark=self.decimal_mark)
            if value is None:
                value = self.word_value(raw)
            if value is not None:
                found.append((value, scale))
        if len(found) == 2 and found[0][1] is None and found[1][1] is not None:
            found[0] = (found[0][0], found[1][1])
        return [value * (scale or 1.0) for value, scale in found]


def parse_digits(raw: str, scaled: bool = False, decimal_mark: str | None = None
                 ) -> float | None:
    """Parse a digit string with '.' or ',' as grouping or decimal separator.

    Args:
        raw: e.g. '1.791.510', '2,800', '6,75', '4.56', '02'.
        scaled: a scale word follows ('4.560 billion'); a single '.' then is a decimal point.
        decimal_mark: the language's one decimal mark, when it has one; the other mark
            then only groups digits.
    Returns:
        The value, or None if `raw` holds no digits.
    """
    raw = raw.strip()
    if not raw or not raw[0].isdigit():
        return None
    if decimal_mark in (".", ","):
        grouping = "," if decimal_mark == "." else "."
        try:
            return float(raw.replace(grouping, "").replace(decimal_mark, "."))
        except ValueError:
            return None
    dots, commas = raw.count("."), raw.count(",")
    if dots and commas:
        decimal = "." if raw.rfind(".") > raw.rfind(",") else ","
        grouping = "," if decimal == "." else "."
        return float(raw.replace(grouping, "").replace(decimal, "."))
    separator = "." if dots else "," if commas else ""
    if not separator:
        return float(raw)
    parts = raw.split(separator)
    if len(parts) > 2:
        return float(raw.replace(separator, ""))
    fraction = parts[1]
    if len(fraction) == 3 and not (separator == "." and scaled):
        return float(raw.replace(separator, ""))
    return float(parts[0] + "." + fraction)


def value_fields(amounts: list[float]) -> dict[str, float | None]:
    """`value`/`low`/`high` as the contract wants: a range sets low and high, value null."""
    if len(amounts) >= 2:
        low, high = sorted(amounts[:2])
        return {"value": None, "low": _tidy(low), "high": _tidy(high)}
    value = _tidy(amounts[0]) if amounts else None
    return {"value": value, "low": None, "high": None}


def _tidy(value: float) -> float | int:
    """Integers as ints so JSON shows 593, not 593.0; round away float noise (4.56e9)."""
    rounded = round(value, 6)
    return int(rounded) if rounded.is_integer() and abs(rounded) < 2**63 else rounded
