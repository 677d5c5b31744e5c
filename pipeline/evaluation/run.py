"""`coopie evaluate`: score predictions (or a fresh pipeline run) against a gold file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline import errors
from pipeline.evaluation.gold import load_gold, read_jsonl
from pipeline.evaluation.scoring import evaluate_records


def predict(gold_records: list[dict[str, Any]], nlp) -> list[dict[str, Any]]:
    """Run the pipeline on the gold texts (with their `published` dates)."""
    from pipeline.extract import extract_records
    from pipeline.io.readers import InputDoc

    documents = [InputDoc(r["id"], r["text"], f"gold:{r['id']}", url=r.get("url"),
                          published=r.get("published")) for r in gold_records]
    return list(extract_records(nlp, documents))


def evaluate(gold_path: str | Path, pred_path: str | Path | None = None,
             nlp=None) -> tuple[dict[str, Any], list[dict], list[dict]]:
    """Score `pred_path` (or the pipeline's own output) against `gold_path`.

    Raises:
        CoopieError: the gold file is invalid (every problem listed) or missing.
    """
    if not Path(gold_path).exists():
        raise errors.UsageError(errors.E_INPUT_MISSING.format(path=gold_path))
    gold, problems = load_gold(gold_path)
    if problems:
        raise errors.CoopieError(errors.E_GOLD_INVALID.format(
            path=gold_path, count=len(problems), problems="\n".join(problems)))
    if pred_path is not None:
        if not Path(pred_path).exists():
            raise errors.UsageError(errors.E_INPUT_MISSING.format(path=pred_path))
        predictions, read_problems = read_jsonl(pred_path)
        if read_problems:
            raise errors.CoopieError("\n".join(read_problems))
    else:
        if nlp is None:
            from pipeline.loading import load

            nlp = load()
        predictions = predict(gold, nlp)
    return evaluate_records(gold, predictions), gold, predictions


def load_baseline(path: str | Path) -> dict[str, Any]:
    """An earlier run's `--json` output."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise errors.CoopieError(errors.E_BASELINE.format(path=path, reason=err)) from err


def format_table(result: dict[str, Any], changes: dict[str, float | None] | None = None) -> str:
    """Plain-text tables for the terminal; with a baseline, each figure's change."""

    def cell(name: str, value: float | None) -> str:
        if value is None:
            return "   -  "
        text = f"{value:.3f}"
        if changes is not None and changes.get(name) not in (None, 0):
            text += f" ({changes[name]:+.3f})"
        return text

    lines = [f"{'label':9} {'strict P':>14} {'strict R':>14} {'strict F1':>14} "
             f"{'partial F1':>14} {'norm acc':>14}"]
    for label, s in result["entities"].items():
        base = f"entities.{label}"
        lines.append(f"{label:9} {cell(base + '.strict.p', s['strict']['p']):>14} "
                     f"{cell(base + '.strict.r', s['strict']['r']):>14} "
                     f"{cell(base + '.strict.f1', s['strict']['f1']):>14} "
                     f"{cell(base + '.partial.f1', s['partial']['f1']):>14} "
                     f"{cell(base + '.norm_acc', s.get('norm_acc')):>14}")
    c, f = result["claims"], result["full_claims"]
    lines.append("")
    lines.append(f"claims       P {cell('claims.p', c['p'])}  R {cell('claims.r', c['r'])}  "
                 f"F1 {cell('claims.f1', c['f1'])}   (gold {c['gold']}, predicted {c['pred']})")
    lines.append(f"full claims  P {cell('full_claims.p', f['p'])}  R "
                 f"{cell('full_claims.r', f['r'])}  F1 {cell('full_claims.f1', f['f1'])}")
    slots = "  ".join(f"{slot} {cell('slots.' + slot, value)}"
                      for slot, value in result["slots"].items())
    lines.append(f"slots        {slots}")
    if result["missing_predictions"]:
        lines.append(f"missing predictions: {', '.join(result['missing_predictions'])}")
    return "\n".join(lines)
