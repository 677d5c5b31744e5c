"""Entity and claim scores exactly as ANNOTATION.md §4 defines them.

Written here rather than taken from nervaluate: nervaluate's `partial` scheme ignores the
label and gives half credit, while the contract's partial match is "overlapping span, same
label" with full credit; its `strict` scheme equals ours, which the tests check by hand.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterable

from rapidfuzz import fuzz

NORM_LABELS = ("MONEY", "COUNT", "PERCENT", "DATE")
SLOTS = ("location.province", "time", "status", "aggregate", "per", "approx", "subject")
FULL_CLAIM_SLOTS = ("location.province", "time", "status", "aggregate")
TOLERANCE = 0.005
SUBJECT_THRESHOLD = 80
# ANNOTATION.md §4: subjects compare lower-cased, "co-operative" as "cooperative", "co-op" as
# "coop", curly quotes straightened and a possessive 's dropped.
SUBJECT_SPELLINGS = ((re.compile(r"co-operative"), "cooperative"), (re.compile(r"\bco-op\b"), "coop"),
                     (re.compile(r"[‘’]"), "'"), (re.compile(r"[“”]"), '"'),
                     (re.compile(r"'s\b"), ""))


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1; 0 where undefined (no predictions or no gold)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "tp": tp,
            "pred": n_pred, "gold": n_gold}


def close(a: Any, b: Any) -> bool:
    """Numbers within 0.5 % of each other; anything else must be equal."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        if a == b:
            return True
        return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))
    return a == b


def norm_equal(gold: Any, pred: Any) -> bool:
    """A predicted norm equals gold when every key gold sets agrees (numbers within 0.5 %)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return all(close(value, pred.get(key)) for key, value in gold.items())


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def score_entities(pairs: Iterable[tuple[list[dict], list[dict]]]) -> dict[str, Any]:
    """Per-label and micro strict/partial P/R/F1 and norm accuracy over (gold, pred) lists."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for gold, pred in pairs:
        for ent in gold:
            counts[ent["label"]]["gold"] += 1
        for ent in pred:
            counts[ent["label"]]["pred"] += 1
        gold_by_span = {(e["start"], e["end"], e["label"]): e for e in gold}
        for ent in pred:
            match = gold_by_span.get((ent["start"], ent["end"], ent["label"]))
            if match is not None:
                counts[ent["label"]]["strict"] += 1
                if ent["label"] in NORM_LABELS:
                    counts[ent["label"]]["norm_total"] += 1
                    counts[ent["label"]]["norm_ok"] += norm_equal(match.get("norm"),
                                                                  ent.get("norm"))
        for label, matched in _partial_matches(gold, pred).items():
            counts[label]["partial"] += matched
    result: dict[str, Any] = {}
    total: dict[str, int] = defaultdict(int)
    for label in sorted(counts):
        c = counts[label]
        for key, value in c.items():
            total[key] += value
        result[label] = _label_scores(c, label in NORM_LABELS)
    result["micro"] = _label_scores(total, True)
    return result


def _label_scores(c: dict[str, int], with_norm: bool) -> dict[str, Any]:
    scores: dict[str, Any] = {"strict": prf(c["strict"], c["pred"], c["gold"]),
                              "partial": prf(c["partial"], c["pred"], c["gold"])}
    if with_norm:
        scores["norm_acc"] = round(c["norm_ok"] / c["norm_total"], 4) if c["norm_total"] \
            else None
    return scores


def _partial_matches(gold: list[dict], pred: list[dict]) -> dict[str, int]:
    """One-to-one matches of overlapping same-label spans, largest overlap first."""
    candidates = [(_overlap(g, p), gi, pi) for gi, g in enumerate(gold)
                  for pi, p in enumerate(pred) if g["label"] == p["label"] and _overlap(g, p)]
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matched: dict[str, int] = defaultdict(int)
    for _, gi, pi in sorted(candidates, key=lambda c: -c[0]):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matched[gold[gi]["label"]] += 1
    return matched


def claims_compatible(gold: dict, pred: dict) -> bool:
    """Same metric and unit, and the value (or both range ends) within 0.5 %."""
    if gold.get("metric") != pred.get("metric") or gold.get("unit") != pred.get("unit"):
        return False
    if gold.get("value") is not None:
        return pred.get("value") is not None and close(gold["value"], pred["value"])
    return (gold.get("low") is not None and pred.get("low") is not None
            and gold.get("high") is not None and pred.get("high") is not None
            and close(gold["low"], pred["low"]) and close(gold["high"], pred["high"]))


def match_claims(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one matching of compatible claims, greedy by evidence overlap."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if claims_compatible(g, p):
                overlap = _overlap(g.get("evidence") or {"start": 0, "end": 0},
                                   p.get("evidence") or {"start": 0, "end": 0})
                candidates.append((overlap, gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def subject_key(subject: str | None) -> str:
    """A subject as §4 compares it: lower-cased, co-operative/co-op and curly quotes
    written one way, possessive 's dropped."""
    key = (subject or "").lower()
    for pattern, replacement in SUBJECT_SPELLINGS:
        key = pattern.sub(replacement, key)
    return key


def slot_correct(slot: str, gold: dict, pred: dict) -> bool:
    """Whether one slot of a matched claim pair is right (ANNOTATION.md §4)."""
    if slot == "location.province":
        return (gold.get("location") or {}).get("province") == \
            (pred.get("location") or {}).get("province")
    if slot == "time":
        g, p = gold.get("time"), pred.get("time")
        if g is None or p is None:
            return g is None and p is None
        return g.get("start") == p.get("start") and g.get("end") == p.get("end")
    if slot == "subject":
        return fuzz.token_set_ratio(subject_key(gold.get("subject")),
                                    subject_key(pred.get("subject"))) >= SUBJECT_THRESHOLD
    return gold.get(slot) == pred.get(slot)


def score_claims(pairs: Iterable[tuple[list[dict], list[dict]]]) -> dict[str, Any]:
    """Claim P/R/F1, per-slot accuracy over matched pairs, and full-claim P/R/F1."""
    n_gold = n_pred = matched = full = 0
    slot_ok: dict[str, int] = defaultdict(int)
    for gold, pred in pairs:
        n_gold += len(gold)
        n_pred += len(pred)
        for gi, pi in match_claims(gold, pred):
            matched += 1
            correct = {slot: slot_correct(slot, gold[gi], pred[pi]) for slot in SLOTS}
            for slot, ok in correct.items():
                slot_ok[slot] += ok
            full += all(correct[slot] for slot in FULL_CLAIM_SLOTS)
    slots = {slot: round(slot_ok[slot] / matched, 4) if matched else None for slot in SLOTS}
    return {"claims": prf(matched, n_pred, n_gold), "full_claims": prf(full, n_pred, n_gold),
            "slots": slots}


def evaluate_records(gold_records: list[dict], pred_records: list[dict]) -> dict[str, Any]:
    """Score predictions against gold, document by document (matched by `id`).

    A gold document without a prediction counts all its gold as missed; predicted documents
    that are not in the gold file are ignored.
    """
    predictions = {r["id"]: r for r in pred_records}
    entity_pairs, claim_pairs = [], []
    missing = []
    for gold in gold_records:
        pred = predictions.get(gold["id"])
        if pred is None:
            missing.append(gold["id"])
            pred = {"entities": [], "claims": []}
        entity_pairs.append((gold.get("entities", []), pred.get("entities", [])))
        claim_pairs.append((gold.get("claims", []), pred.get("claims", [])))
    result = {"documents": len(gold_records), "missing_predictions": missing,
              "entities": score_entities(entity_pairs)}
    result.update(score_claims(claim_pairs))
    return result
