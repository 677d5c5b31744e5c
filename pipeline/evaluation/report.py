"""An HTML error report a person reads in a browser: score tables, each document with gold
and predicted spans side by side (misses and false alarms marked), and its claim table.

All article text is HTML-escaped; the page has no scripts and no external resources.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from pipeline.evaluation.compare import figures
from pipeline.evaluation.scoring import match_claims

STYLE = """
body{font-family:sans-serif;margin:1.5em;max-width:110em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px}
.cols{display:flex;gap:1em}.cols>div{flex:1;white-space:pre-wrap;border:1px solid #ddd;
padding:.5em;font-size:90%}mark{padding:0 2px;border-radius:3px}
mark.ok{background:#cfc}mark.fn{background:#fcc}mark.fp{background:#fdb}
mark sup{font-size:70%;color:#555}tr.fn{background:#fee}tr.fp{background:#fed}
"""


def _spans_html(text: str, spans: list[dict], other: set[tuple], miss_class: str) -> str:
    """The text with each span in a <mark>; spans absent from `other` get `miss_class`."""
    out, cursor = [], 0
    for ent in sorted(spans, key=lambda e: e["start"]):
        if ent["start"] < cursor:
            continue
        key = (ent["start"], ent["end"], ent["label"])
        css = "ok" if key in other else miss_class
        out.append(html.escape(text[cursor:ent["start"]]))
        out.append(f'<mark class="{css}" title="{html.escape(str(ent.get("norm")))}">'
                   f'{html.escape(text[ent["start"]:ent["end"]])}<sup>{ent["label"]}</sup>'
                   f"</mark>")
        cursor = ent["end"]
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def _claim_row(claim: dict, css: str, status: str) -> str:
    value = claim.get("value") if claim.get("value") is not None else \
        f"{claim.get('low')}–{claim.get('high')}"
    cells = [status, claim.get("metric"), value, claim.get("unit"), claim.get("subject"),
             (claim.get("location") or {}).get("province"),
             (claim.get("time") or {}).get("start") if claim.get("time") else None,
             claim.get("status"), claim.get("aggregate")]
    return f'<tr class="{css}">' + "".join(f"<td>{html.escape(str(c))}</td>"
                                           for c in cells) + "</tr>"


def write_report(result: dict[str, Any], gold_records: list[dict], pred_records: list[dict],
                 folder: str | Path) -> Path:
    """Write `folder/index.html` and return its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>coopie evaluation"
             f"</title><style>{STYLE}</style></head><body><h1>coopie evaluation</h1>"]
    parts.append("<h2>Entities</h2><table><tr><th>label</th><th>strict P</th><th>strict R"
                 "</th><th>strict F1</th><th>partial F1</th><th>norm acc</th><th>gold</th>"
                 "<th>pred</th></tr>")
    for label, s in result["entities"].items():
        parts.append(f"<tr><td>{label}</td><td>{s['strict']['p']}</td><td>{s['strict']['r']}"
                     f"</td><td>{s['strict']['f1']}</td><td>{s['partial']['f1']}</td>"
                     f"<td>{s.get('norm_acc', '')}</td><td>{s['strict']['gold']}</td>"
                     f"<td>{s['strict']['pred']}</td></tr>")
    parts.append("</table><h2>Claims</h2><table>")
    for name, value in figures(result).items():
        if not name.startswith("entities."):
            parts.append(f"<tr><td>{html.escape(name)}</td><td>{value}</td></tr>")
    parts.append("</table><p>Legend: <mark class='ok'>match</mark> "
                 "<mark class='fn'>missed (gold only)</mark> "
                 "<mark class='fp'>false alarm (prediction only)</mark></p>")
    predictions = {r["id"]: r for r in pred_records}
    for gold in gold_records:
        pred = predictions.get(gold["id"], {"entities": [], "claims": []})
        text = gold["text"]
        gold_keys = {(e["start"], e["end"], e["label"]) for e in gold.get("entities", [])}
        pred_keys = {(e["start"], e["end"], e["label"]) for e in pred.get("entities", [])}
        parts.append(f"<h2 id='{html.escape(gold['id'])}'>{html.escape(gold['id'])}</h2>"
                     "<div class='cols'><div><h3>gold</h3>"
                     + _spans_html(text, gold.get("entities", []), pred_keys, "fn")
                     + "</div><div><h3>predicted</h3>"
                     + _spans_html(text, pred.get("entities", []), gold_keys, "fp")
                     + "</div></div>")
        gold_claims, pred_claims = gold.get("claims", []), pred.get("claims", [])
        pairs = match_claims(gold_claims, pred_claims)
        matched_gold = {g for g, _ in pairs}
        matched_pred = {p for _, p in pairs}
        parts.append("<table><tr><th></th><th>metric</th><th>value</th><th>unit</th>"
                     "<th>subject</th><th>province</th><th>time</th><th>status</th>"
                     "<th>aggregate</th></tr>")
        for index, claim in enumerate(gold_claims):
            parts.append(_claim_row(claim, "" if index in matched_gold else "fn",
                                    "matched" if index in matched_gold else "missed"))
        for index, claim in enumerate(pred_claims):
            if index not in matched_pred:
                parts.append(_claim_row(claim, "fp", "spurious"))
        parts.append("</table>")
    parts.append("</body></html>")
    path = folder / "index.html"
    path.write_text("".join(parts), encoding="utf-8")
    return path
