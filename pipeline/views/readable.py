"""Norms and claim values as a person reads them: `VND 2.9 billion`, `2021-01-01 – 2021-06-30`,
`1,200 cooperative`, not `{'value': 2900000000.0, ...}`."""

from __future__ import annotations

import html
from typing import Any

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def number(value: float | int | None) -> str:
    """1200 -> '1,200'; 2.9e9 -> '2.9 billion'; 0.5 -> '0.5'."""
    if value is None:
        return "?"
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{value / size:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def amount(fields: dict[str, Any]) -> str:
    """A value or a range: '2.9 billion', '4 million – 6.5 million'."""
    if fields.get("value") is not None:
        return number(fields["value"])
    return f"{number(fields.get('low'))} – {number(fields.get('high'))}"


def interval(time: dict[str, Any] | None) -> str:
    """'2021-01-01 – 2021-06-30', one day as itself, '' for none."""
    if not time:
        return ""
    start, end = time.get("start"), time.get("end")
    return start if start == end else f"{start} – {end}"


def norm_text(label: str, norm: dict[str, Any] | None) -> str:
    """An entity's norm in words, by label (ANNOTATION.md §2)."""
    if not norm:
        return "" if label in ("ORG", "PERSON") else "unresolved"
    if label == "MONEY":
        return f"{norm.get('currency') or '?'} {amount(norm)}"
    if label == "PERCENT":
        return f"{amount(norm)}%"
    if label in ("COUNT", "QUANTITY"):
        unit = norm.get("unit")
        return f"{amount(norm)} {unit}" if unit else amount(norm)
    if label == "DATE":
        return interval(norm)
    if label == "GPE":
        parts = [norm.get("name") or "?", norm.get("level") or ""]
        if norm.get("province") and norm.get("province") != norm.get("name"):
            parts.append(f"in {norm['province']}")
        if norm.get("province_2025") and norm.get("province_2025") != norm.get("province"):
            parts.append(f"since 2025 {norm['province_2025']}")
        return ", ".join(p for p in parts if p)
    if label == "COOP":
        return norm.get("name") or ""
    return ", ".join(f"{key}={value}" for key, value in norm.items())


def claim_value(claim: dict[str, Any]) -> str:
    """'VND 2.9 billion', '1,200 count', '5.8 %' with its approximator."""
    approx = {"about": "about ", "over": "over ", "under": "under "}.get(claim.get("approx"), "")
    unit = claim.get("unit") or ""
    if unit in ("VND", "USD"):
        return f"{approx}{unit} {amount(claim)}"
    return f"{approx}{amount(claim)} {unit}".rstrip()


def html_text(value: Any) -> str:
    """Any value as escaped HTML text; None as nothing."""
    return html.escape("" if value is None else str(value))
