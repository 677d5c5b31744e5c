"""The HTML error report of `coopie evaluate --report DIR`, made to explain the scores.

`index.html`: every figure with its change since `--baseline`, bar charts of per-label
P/R/F1 and of slot accuracy (inline SVG), and the documents sorted by their errors, each
linking to its page, with a filter to the documents that have any. `docs/<n>.html`: gold
and predicted spans side by side (misses and false alarms marked, norms in words), and the
claims: each matched pair slot by slot, gold beside predicted, wrong slots marked; then the
missed and the spurious claims.

All article text is HTML-escaped; the pages have no scripts and no external resources.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.evaluation.scoring import SLOTS, match_claims, slot_correct
from pipeline.views.page import html_page
from pipeline.views.readable import claim_value, html_text, interval, norm_text

STYLE = """
body{font-family:sans-serif;margin:1.5em;max-width:110em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;
text-align:left;vertical-align:top}th{background:#f4f4f4}
.cols{display:flex;gap:1em}.cols>div{flex:1;white-space:pre-wrap;border:1px solid #ddd;
padding:.5em;font-size:90%}mark{padding:0 2px;border-radius:3px}
mark.ok{background:#cfc}mark.fn{background:#fcc}mark.fp{background:#fdb}
mark sup{font-size:70%;color:#555}tr.fn{background:#fee}tr.fp{background:#fed}
td.wrong{background:#fcc;font-weight:bold}td.wrong::before{content:"✗ "}
.up{color:#080}.down{color:#b00}.charts{display:flex;gap:2em;flex-wrap:wrap}
body:has(#errors-only:checked) tr.clean{display:none}
"""
BAR_COLORS = {"p": "#5b8def", "r": "#f0a04b", "f1": "#3aa76d"}


@dataclass
class DocumentErrors:
    """What went wrong in one document, for the index."""

    number: int
    doc_id: str
    entities_missed: int
    entities_false: int
    claims_missed: int
    claims_spurious: int
    wrong_slots: int

    @property
    def total(self) -> int:
        return (self.entities_missed + self.entities_false + self.claims_missed
                + self.claims_spurious + self.wrong_slots)



def _change(name: str, changes: dict[str, float | None]) -> str:
    change = changes.get(name)
    if change is None:
        return ""
    css = "up" if change > 0 else "down" if change < 0 else ""
    return f' <span class="{css}">({change:+.3f})</span>'


def _page(title: str, body: str) -> str:
    return html_page(title, STYLE, body)


def _bar_chart(title: str, groups: dict[str, dict[str, float]]) -> str:
    """Grouped horizontal bars (values 0-1), one group a row, as inline SVG."""
    keys = sorted({key for values in groups.values() for key in values},
                  key=lambda k: list(BAR_COLORS).index(k) if k in BAR_COLORS else 9)
    bar, gap, width, left = 10, 8, 300, 130
    height = len(groups) * (len(keys) * bar + gap) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 60}" '
             f'height="{height}" role="img" aria-label="{html_text(title)}">'
             f'<text x="0" y="14" font-size="13" font-weight="bold">{html_text(title)}</text>']
    y = 24
    for group, values in groups.items():
        parts.append(f'<text x="0" y="{y + bar * len(keys) / 2 + 4}" font-size="12">'
                     f"{html_text(group)}</text>")
        for key in keys:
            value = values.get(key) or 0.0
            parts.append(f'<rect x="{left}" y="{y}" width="{value * width:.1f}" height="{bar - 1}"'
                         f' fill="{BAR_COLORS.get(key, "#888")}"><title>{html_text(group)} '
                         f"{key} {value:.3f}</title></rect>"
                         f'<text x="{left + value * width + 4:.1f}" y="{y + bar - 2}" '
                         f'font-size="9">{key} {value:.3f}</text>')
            y += bar
        y += gap
    parts.append("</svg>")
    return "".join(parts)


def _spans_html(text: str, spans: list[dict], other: set[tuple], miss_class: str) -> str:
    """The text with each span in a <mark>; spans absent from `other` get `miss_class`."""
    out, cursor = [], 0
    for ent in sorted(spans, key=lambda e: e["start"]):
        if ent["start"] < cursor:
            continue
        key = (ent["start"], ent["end"], ent["label"])
        css = "ok" if key in other else miss_class
        out.append(html.escape(text[cursor:ent["start"]]))
        norm = html_text(norm_text(ent["label"], ent.get("norm")))
        out.append(f'<mark class="{css}" title="{norm}">'
                   f'{html.escape(text[ent["start"]:ent["end"]])}<sup>{ent["label"]}</sup>'
                   f"</mark>")
        cursor = ent["end"]
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def _slot_text(slot: str, claim: dict) -> str:
    if slot == "location.province":
        return (claim.get("location") or {}).get("province") or "national"
    if slot == "time":
        return interval(claim.get("time")) or "none"
    return claim.get(slot) or ""


PAIR_COLUMNS = ("metric", "value") + SLOTS


def _claim_cells(claim: dict) -> list[str]:
    return [claim.get("metric") or "", claim_value(claim)] + [_slot_text(s, claim) for s in SLOTS]


def _claims_html(gold_claims: list[dict], pred_claims: list[dict],
                 pairs: list[tuple[int, int]]) -> str:
    head = "<tr><th></th>" + "".join(f"<th>{c}</th>" for c in PAIR_COLUMNS) + "</tr>"
    rows = [f"<h3>Claims: {len(pairs)} matched</h3><table>{head}"]
    for g, p in pairs:
        gold, pred = gold_claims[g], pred_claims[p]
        wrong = {slot for slot in SLOTS if not slot_correct(slot, gold, pred)}
        for who, claim in (("gold", gold), ("predicted", pred)):
            cells = _claim_cells(claim)
            marked = wrong if who == "predicted" else set()
            rows.append(f"<tr><th>{who}</th>" + "".join(
                ('<td class="wrong">' if column in marked else "<td>") + f"{html_text(cell)}</td>"
                for column, cell in zip(PAIR_COLUMNS, cells)) + "</tr>")
    matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    for label, css, claims, matched in (("missed", "fn", gold_claims, matched_gold),
                                        ("spurious", "fp", pred_claims, matched_pred)):
        for index, claim in enumerate(claims):
            if index not in matched:
                rows.append(f'<tr class="{css}"><th>{label}</th>'
                            + "".join(f"<td>{html_text(c)}</td>" for c in _claim_cells(claim))
                            + "</tr>")
    rows.append("</table>")
    return "".join(rows)


def _document_page(gold: dict, pred: dict, number: int) -> tuple[str, DocumentErrors]:
    text = gold["text"]
    gold_keys = {(e["start"], e["end"], e["label"]) for e in gold.get("entities", [])}
    pred_keys = {(e["start"], e["end"], e["label"]) for e in pred.get("entities", [])}
    gold_claims, pred_claims = gold.get("claims", []), pred.get("claims", [])
    pairs = match_claims(gold_claims, pred_claims)
    errors = DocumentErrors(
        number, gold["id"], len(gold_keys - pred_keys), len(pred_keys - gold_keys),
        len(gold_claims) - len(pairs), len(pred_claims) - len(pairs),
        sum(not slot_correct(s, gold_claims[g], pred_claims[p]) for g, p in pairs
            for s in SLOTS))
    body = (f"<p><a href='../index.html'>← all documents</a></p><h1>{html_text(gold['id'])}</h1>"
            "<p>Legend: <mark class='ok'>match</mark> <mark class='fn'>missed (gold only)</mark>"
            " <mark class='fp'>false alarm (prediction only)</mark>; hover a span for its norm."
            "</p><div class='cols'><div><h3>gold</h3>"
            + _spans_html(text, gold.get("entities", []), pred_keys, "fn")
            + "</div><div><h3>predicted</h3>"
            + _spans_html(text, pred.get("entities", []), gold_keys, "fp")
            + "</div></div>" + _claims_html(gold_claims, pred_claims, pairs))
    return _page(f"coopie evaluation: {gold['id']}", body), errors


def _index(result: dict[str, Any], documents: list[DocumentErrors]) -> str:
    changes = result.get("changes") or {}
    parts = ["<h1>coopie evaluation</h1>"]
    claims = result.get("claims", {})
    full = result.get("full_claims", {})
    parts.append("<h2>Claims</h2><table><tr><th></th><th>P</th><th>R</th><th>F1</th></tr>")
    for name, scores in (("claims", claims), ("full_claims", full)):
        parts.append(f"<tr><th>{name}</th>" + "".join(
            f"<td>{scores.get(k)}{_change(f'{name}.{k}', changes)}</td>" for k in ("p", "r", "f1"))
            + "</tr>")
    parts.append("</table><table><tr><th>slot</th><th>accuracy over matched claims</th></tr>")
    for slot, value in result.get("slots", {}).items():
        parts.append(f"<tr><td>{slot}</td><td>{value}{_change(f'slots.{slot}', changes)}"
                     "</td></tr>")
    parts.append("</table><h2>Entities (strict)</h2><table><tr><th>label</th><th>P</th>"
                 "<th>R</th><th>F1</th><th>partial F1</th><th>norm acc</th><th>gold</th>"
                 "<th>pred</th></tr>")
    for label, s in result.get("entities", {}).items():
        parts.append(f"<tr><td>{label}</td>" + "".join(
            f"<td>{s['strict'][k]}{_change(f'entities.{label}.strict.{k}', changes)}</td>"
            for k in ("p", "r", "f1"))
            + f"<td>{s['partial']['f1']}{_change(f'entities.{label}.partial.f1', changes)}</td>"
            f"<td>{s.get('norm_acc', '')}{_change(f'entities.{label}.norm_acc', changes)}</td>"
            f"<td>{s['strict']['gold']}</td><td>{s['strict']['pred']}</td></tr>")
    parts.append("</table><div class='charts'>")
    parts.append(_bar_chart("Entities: strict P / R / F1", {
        label: {k: s["strict"][k] for k in ("p", "r", "f1")}
        for label, s in result.get("entities", {}).items()}))
    parts.append(_bar_chart("Slot accuracy", {
        slot: {"acc": value or 0.0} for slot, value in result.get("slots", {}).items()}))
    parts.append("</div><h2>Documents, most errors first</h2><label><input type='checkbox' "
                 "id='errors-only'> only documents with errors</label><table><tr>"
                 "<th>document</th><th>entities missed</th><th>false alarms</th>"
                 "<th>claims missed</th><th>spurious claims</th><th>wrong slots</th>"
                 "<th>errors</th></tr>")
    for doc in sorted(documents, key=lambda d: (-d.total, d.number)):
        css = "" if doc.total else " class='clean'"
        parts.append(f"<tr{css}><td><a href='docs/{doc.number}.html'>{html_text(doc.doc_id)}"
                     f"</a></td><td>{doc.entities_missed}</td><td>{doc.entities_false}</td>"
                     f"<td>{doc.claims_missed}</td><td>{doc.claims_spurious}</td>"
                     f"<td>{doc.wrong_slots}</td><td>{doc.total}</td></tr>")
    parts.append("</table>")
    return _page("coopie evaluation", "".join(parts))


def write_report(result: dict[str, Any], gold_records: list[dict], pred_records: list[dict],
                 folder: str | Path) -> Path:
    """Write `folder/index.html` and `folder/docs/<n>.html`; return the index's path."""
    folder = Path(folder)
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    predictions = {r["id"]: r for r in pred_records}
    documents = []
    for number, gold in enumerate(gold_records):
        pred = predictions.get(gold["id"], {"entities": [], "claims": []})
        page, errors = _document_page(gold, pred, number)
        (folder / "docs" / f"{number}.html").write_text(page, encoding="utf-8")
        documents.append(errors)
    path = folder / "index.html"
    path.write_text(_index(result, documents), encoding="utf-8")
    return path
