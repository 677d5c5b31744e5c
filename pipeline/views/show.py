"""`coopie show`: one self-contained HTML page of extraction records.

Each document's entities are rendered by spaCy's displaCy (colour per label; the readable
norm beside the label), and under it its claims as a table; clicking (or focusing) a row
highlights the claim's evidence in the text. An index lists the documents with their counts.
Every text shown is HTML-escaped (displaCy escapes the article; this module the rest).
The page needs no network: its style and its few lines of script are inline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from spacy import displacy

from pipeline.views.page import html_page
from pipeline.views.readable import claim_value, html_text, interval, norm_text

# displaCy's own colours for the labels it knows, and ours for the rest.
COLORS = {"COOP": "#9be7a0", "COUNT": "#e4e7d2", "QUANTITY": "#d9d4f7", "MONEY": "#f7d9a8",
          "PERCENT": "#f4c2c2", "DATE": "#bfe1d9", "GPE": "#feca74", "ORG": "#7aecec",
          "PERSON": "#aa9cfc"}
# displaCy's entity template, with the norm beside the label and no whitespace of its own,
# so that the text of the rendered document is the article's text (the script relies on it).
ENTITY_TEMPLATE = (
    '<mark class="entity" style="background: {bg}" title="{label}: {norm}">{text}'
    '<span class="label" data-label="{label}" data-norm="{norm}"></span></mark>')
STYLE = """
body{font-family:sans-serif;margin:1.5em;max-width:90em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 6px;
text-align:left;vertical-align:top}th{background:#f4f4f4}
.doc{border-top:2px solid #888;margin-top:2em}.entities{line-height:2.4;white-space:normal}
mark.entity,mark.legend{padding:.2em .35em;margin:0 .1em;border-radius:.35em}
mark.entity .label::after{content:attr(data-label) " " attr(data-norm);font-size:.7em;
font-weight:bold;margin-left:.4em;user-select:none}
::highlight(evidence){background:#ffeb3b;color:#000}
tr.claim{cursor:pointer}tr.claim:hover,tr.claim:focus{background:#fff7c2}
td.evidence{font-size:85%;color:#555;max-width:40em}.error{color:#b00020}.warning{color:#8a6d00}
"""
# Highlight the characters [start, end) of a document's text: walk its text nodes (a <br> is
# the line break displaCy rendered for "\n"; labels are drawn by CSS and hold no text).
SCRIPT = r"""
function offsetsToRange(root, start, end) {
  const range = document.createRange();
  let seen = 0, begun = false;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const size = node.nodeType === 3 ? node.data.length : (node.nodeName === 'BR' ? 1 : 0);
    if (!size) continue;
    if (!begun && seen + size > start) {
      if (node.nodeType === 3) range.setStart(node, start - seen); else range.setStartBefore(node);
      begun = true;
    }
    if (begun && seen + size >= end) {
      if (node.nodeType === 3) range.setEnd(node, end - seen); else range.setEndAfter(node);
      return range;
    }
    seen += size;
  }
  return begun ? (range.setEndAfter(root.lastChild), range) : null;
}
function showEvidence(row) {
  const text = document.querySelector('#' + row.dataset.doc + ' .entities');
  const range = offsetsToRange(text, +row.dataset.start, +row.dataset.end);
  if (!range) return;
  if (window.CSS && CSS.highlights) CSS.highlights.set('evidence', new Highlight(range));
  range.startContainer.parentElement.scrollIntoView({block: 'center'});
}
const rows = document.querySelectorAll('tr.claim');
rows.forEach(row => {
  row.addEventListener('click', () => showEvidence(row));
  row.addEventListener('focus', () => showEvidence(row));
});
// page.html#selftest: check that every row finds its evidence (scripts/check_show.sh).
if (location.hash === '#selftest') {
  const squeeze = s => s.replace(/\s+/g, '');
  let bad = 0;
  rows.forEach(row => {
    const text = document.querySelector('#' + row.dataset.doc + ' .entities');
    const range = offsetsToRange(text, +row.dataset.start, +row.dataset.end);
    const shown = row.querySelector('td.evidence').textContent;
    if (!range || squeeze(range.toString()) !== squeeze(shown)) bad++;
  });
  document.body.dataset.selftest = (bad ? 'failed ' + bad + ' of ' : 'ok ') + rows.length;
}
"""
CLAIM_COLUMNS = ("metric", "value", "aggregate", "per", "subject", "place", "province",
                 "time", "status", "evidence")



def entities_html(record: dict[str, Any]) -> str:
    """The record's text with its entities, rendered by displaCy."""
    text = record.get("text") or ""
    spans = [{"start": e["start"], "end": e["end"], "label": e["label"],
              "params": {"norm": html_text(norm_text(e["label"], e.get("norm")))}}
             for e in sorted(record.get("entities") or [], key=lambda e: e["start"])]
    return displacy.render({"text": text, "ents": spans, "title": None}, style="ent",
                           manual=True, page=False, jupyter=False,
                           options={"colors": COLORS, "template": ENTITY_TEMPLATE})


def claims_html(record: dict[str, Any], anchor: str) -> str:
    """The record's claims, one row each, pointing at their evidence."""
    claims = record.get("claims") or []
    if not claims:
        return "<p>No claims.</p>"
    text = record.get("text") or ""
    rows = ["<table><tr>" + "".join(f"<th>{c}</th>" for c in CLAIM_COLUMNS) + "</tr>"]
    for claim in claims:
        evidence = claim.get("evidence") or {}
        start, end = int(evidence.get("start", 0)), int(evidence.get("end", 0))
        location = claim.get("location") or {}
        cells = (claim.get("metric"), claim_value(claim), claim.get("aggregate"),
                 claim.get("per"), claim.get("subject"), location.get("name"),
                 location.get("province"), interval(claim.get("time")), claim.get("status"))
        rows.append(f'<tr class="claim" tabindex="0" data-doc="{anchor}" data-start="{start}" '
                    f'data-end="{end}">' + "".join(f"<td>{html_text(c)}</td>" for c in cells)
                    + f'<td class="evidence">{html_text(text[start:end])}</td></tr>')
    rows.append("</table>")
    return "".join(rows)


def document_html(record: dict[str, Any], anchor: str) -> str:
    parts = [f'<section class="doc" id="{anchor}"><h2>{html_text(record.get("id"))}</h2>']
    meta = [f"{key}: {html_text(record[key])}" for key in ("url", "published")
            if record.get(key)]
    if meta:
        parts.append("<p>" + " · ".join(meta) + "</p>")
    for key in ("error", "warning"):
        if record.get(key):
            parts.append(f'<p class="{key}">{key}: {html_text(record[key])}</p>')
    parts.append(entities_html(record))
    parts.append(f"<h3>Claims</h3>{claims_html(record, anchor)}</section>")
    return "".join(parts)


def index_html(records: list[dict[str, Any]]) -> str:
    rows = ["<table><tr><th>#</th><th>document</th><th>entities</th><th>claims</th>"
            "<th>error</th></tr>"]
    for number, record in enumerate(records):
        rows.append(f'<tr><td>{number + 1}</td><td><a href="#doc-{number}">'
                    f'{html_text(record.get("id"))}</a></td>'
                    f'<td>{len(record.get("entities") or [])}</td>'
                    f'<td>{len(record.get("claims") or [])}</td>'
                    f'<td class="error">{html_text(record.get("error"))}</td></tr>')
    rows.append("</table>")
    return "".join(rows)


def page_html(records: Iterable[dict[str, Any]], title: str = "coopie show") -> str:
    """The whole page: index, then every document."""
    records = list(records)
    legend = " ".join(f'<mark class="legend" style="background: {color}">{label}</mark>'
                      for label, color in COLORS.items())
    return html_page(title, STYLE,
                     f"<h1>{html_text(title)}</h1><p>{len(records)} documents. Labels: "
                     f"{legend}. Click a claim to highlight its evidence.</p>"
                     + index_html(records)
                     + "".join(document_html(r, f"doc-{n}") for n, r in enumerate(records))
                     + f"<script>{SCRIPT}</script>")


def write_page(records: Iterable[dict[str, Any]], path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page_html(records), encoding="utf-8")
    return path
