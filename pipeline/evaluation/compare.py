"""Flatten an evaluation result to named figures, and compare with a baseline run."""

from __future__ import annotations

from typing import Any


def figures(result: dict[str, Any]) -> dict[str, float]:
    """The stable figure names of `--json`: entities.<LABEL>.strict.f1, claims.f1, …"""
    out: dict[str, float] = {}
    for label, scores in result.get("entities", {}).items():
        for kind in ("strict", "partial"):
            for key in ("p", "r", "f1"):
                out[f"entities.{label}.{kind}.{key}"] = scores[kind][key]
        if scores.get("norm_acc") is not None:
            out[f"entities.{label}.norm_acc"] = scores["norm_acc"]
    for group in ("claims", "full_claims"):
        for key in ("p", "r", "f1"):
            if group in result:
                out[f"{group}.{key}"] = result[group][key]
    for slot, value in result.get("slots", {}).items():
        if value is not None:
            out[f"slots.{slot}"] = value
    return out


def compare(result: dict[str, Any], baseline: dict[str, Any]) -> list[tuple[str, float,
                                                                             float | None]]:
    """(figure, now, change since baseline) for every figure of this run."""
    now, before = figures(result), figures(baseline)
    return [(name, value, round(value - before[name], 4) if name in before else None)
            for name, value in now.items()]
