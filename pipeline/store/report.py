"""`coopie store report -o report.html`: the store on one self-contained page.

- A time series per metric and province (Vega-Lite specs built with altair), chosen from a
  list; each point is a fact, placed at the end of its time interval (an undated figure at
  its first publication, drawn hollow), with its outlets and articles in the tooltip, and
  a click opens its first source. The facts table under it links every source.
- Conflicts: each key whose reports disagree, its competing values side by side with their
  evidence and source.
- Counts by province: articles, outlets, claims, facts and conflicts, as a chart and a table.

The Vega, Vega-Lite and Vega-Embed libraries are inlined (vl-convert's bundle), so the page
opens from a file with no network. Every text is HTML-escaped; only http(s) URLs are links.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from pipeline import errors
from pipeline.store.facts import Filters, conflicts, facts, require_store
from pipeline.views.page import html_page
from pipeline.views.readable import claim_value, html_text

STYLE = """
body{font-family:sans-serif;margin:1.5em;max-width:110em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;
text-align:left;vertical-align:top}th{background:#f4f4f4}td.num{text-align:right}
.sides{display:flex;gap:.5em;flex-wrap:wrap}.side{flex:1;min-width:16em;border:1px solid #ddd;
padding:.3em .5em;background:#fafafa}.side b{font-size:110%}.evidence{font-size:90%;color:#333}
.note{color:#555;font-size:90%}
"""
FACTS_TABLE_LIMIT = 5_000


def _link(url: str | None, label: str | None = None) -> str:
    """An escaped link for an http(s) URL; any other value is shown as text."""
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a href="{html_text(url)}">{html_text(label or url)}</a>'
    return html_text(label or url or "")


def _safe_url(url: str | None) -> str | None:
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _rows(result: tuple[list[str], list[tuple]]) -> list[dict[str, Any]]:
    columns, rows = result
    return [dict(zip(columns, row)) for row in rows]


def _where(row: dict[str, Any]) -> str:
    province = row.get("province") or "national"
    return f"{row['place']}, {province}" if row.get("place") else province


def _value_text(row: dict[str, Any], low: str, high: str) -> str:
    value = row[low] if row[low] == row[high] else None
    fields = {"unit": row.get("unit"), "value": value, "low": row[low], "high": row[high]}
    return claim_value(fields)


def series_points(fact_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One chart point per fact: its series (metric · province), when, value and sources."""
    points = []
    for fact in fact_rows:
        when = fact["time_end"] or fact["time_start"]
        placed = when or fact["first_published"]
        if placed is None:
            continue
        urls = fact["urls"] or []
        points.append({
            "series": f"{fact['metric']} · {fact['province']}",
            "subject": (fact["subject"] or fact["metric"]) + (f" ({fact['place']})"
                                                              if fact["place"] else ""),
            "when": placed.isoformat(), "dated": when is not None,
            "time": (f"{fact['time_start']} – {fact['time_end']}" if when
                     else f"undated; published {placed}"),
            "value": (fact["value_low"] + fact["value_high"]) / 2,
            "shown": _value_text(fact, "value_low", "value_high"),
            "status": fact["status"], "outlets": fact["outlets"],
            "articles": fact["articles"],
            "sources": ", ".join(urls or fact["doc_ids"]),
            "url": _safe_url(urls[0] if urls else None),
        })
    return points


def series_chart(points: list[dict[str, Any]]) -> dict[str, Any]:
    """A Vega-Lite spec: the facts of the series picked in a list, a line per subject."""
    import altair as alt

    counts: dict[str, int] = defaultdict(int)
    for point in points:
        counts[point["series"]] += 1
    options = sorted(counts, key=lambda s: (-counts[s], s))
    picked = alt.param(name="series", value=options[0] if options else "",
                       bind=alt.binding_select(options=options, name="Series "))
    base = alt.Chart(alt.Data(values=points)).transform_filter("datum.series == series")
    x = alt.X("when:T", title="time (end of interval; hollow: undated, at publication)")
    y = alt.Y("value:Q", title="value")
    color = alt.Color("subject:N", legend=alt.Legend(orient="bottom", columns=2,
                                                     labelLimit=400))
    lines = base.mark_line(opacity=0.5).encode(x=x, y=y, color=color)
    dots = base.mark_point(size=90).encode(
        x=x, y=y, color=color,
        shape=alt.Shape("status:N", legend=alt.Legend(symbolFillColor="#555",
                                                   symbolStrokeColor="#555")),
        fill=alt.condition("datum.dated", alt.Color("subject:N", legend=None),
                           alt.value("white")),
        href="url:N",
        tooltip=[alt.Tooltip("subject:N"), alt.Tooltip("shown:N", title="value"),
                 alt.Tooltip("time:N"), alt.Tooltip("status:N"),
                 alt.Tooltip("outlets:Q"), alt.Tooltip("articles:Q"),
                 alt.Tooltip("sources:N")])
    chart = alt.layer(lines, dots).add_params(picked).properties(width=760, height=340)
    return chart.to_dict()


def province_counts(db: Path, filters: Filters, fact_rows: list[dict[str, Any]],
                    conflict_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Articles, outlets, claims, facts and conflicts per province (national as one)."""
    import duckdb

    where, parameters = filters.where()
    with duckdb.connect(str(db), read_only=True) as connection:
        rows = connection.execute(
            "SELECT coalesce(province, 'national') AS province, count(DISTINCT doc_id), "
            f"count(DISTINCT outlet), count(*) FROM claims WHERE {where} "
            "GROUP BY ALL ORDER BY 4 DESC, 1", parameters).fetchall()
    facts_by: dict[str, int] = defaultdict(int)
    conflicts_by: dict[str, set] = defaultdict(set)
    for fact in fact_rows:
        facts_by[fact["province"]] += 1
    for row in conflict_rows:
        conflicts_by[row["province"]].add(row["conflict"])
    return [{"province": province, "articles": articles, "outlets": outlets,
             "claims": claims, "facts": facts_by[province],
             "conflicts": len(conflicts_by[province])}
            for province, articles, outlets, claims in rows]


def counts_chart(counts: list[dict[str, Any]]) -> dict[str, Any]:
    import altair as alt

    return alt.Chart(alt.Data(values=counts)).mark_bar().encode(
        x=alt.X("claims:Q"), y=alt.Y("province:N", sort="-x", title=None),
        tooltip=["province:N", "articles:Q", "outlets:Q", "claims:Q", "facts:Q",
                 "conflicts:Q"],
    ).properties(width=500, height=alt.Step(14)).to_dict()


def _table(columns: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html_text(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>"
                   for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def facts_table(fact_rows: list[dict[str, Any]]) -> str:
    rows = []
    for fact in fact_rows[:FACTS_TABLE_LIMIT]:
        sources = ", ".join(_link(url) for url in fact["urls"] or []) or html_text(
            ", ".join(fact["doc_ids"]))
        time = f"{fact['time_start']} – {fact['time_end']}" if fact["time_start"] else ""
        rows.append([html_text(fact["metric"]), html_text(_where(fact)),
                     html_text(fact["subject"]), html_text(time), html_text(fact["status"]),
                     html_text(_value_text(fact, "value_low", "value_high")),
                     str(fact["outlets"]), str(fact["articles"]), sources])
    cut = (f'<p class="note">The first {FACTS_TABLE_LIMIT:,} of {len(fact_rows):,} facts; '
           "narrow the report with --province or --metric.</p>"
           if len(fact_rows) > FACTS_TABLE_LIMIT else "")
    return cut + _table(["metric", "where", "subject", "time", "status", "value", "outlets",
                         "articles", "sources"], rows)


def conflicts_table(conflict_rows: list[dict[str, Any]]) -> str:
    """A row per conflict: its key, then every report side by side."""
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in conflict_rows:
        grouped[row["conflict"]].append(row)
    rows = []
    for reports in grouped.values():
        first = reports[0]
        time = f"{first['time_start']} – {first['time_end']}" if first["time_start"] else \
            "undated"
        sides = "".join(
            '<div class="side">'
            f"<b>{html_text(claim_value({'unit': r['unit'], 'value': r['value']}))}</b><br>"
            f'<span class="evidence">“{html_text(r["evidence"])}”</span><br>'
            f"{_link(r['url'], r['outlet'] or r['doc_id'])} · {html_text(r['published'])}"
            "</div>" for r in reports)
        rows.append([html_text(first["metric"]), html_text(_where(first)),
                     html_text(first["subject"]), html_text(time), html_text(first["status"]),
                     f'<div class="sides">{sides}</div>'])
    return _table(["metric", "where", "subject", "time", "status", "the reports"], rows)


def _embed(element: str, spec: dict[str, Any]) -> str:
    # "<" only occurs inside JSON strings, where \u003c means the same: no text in the
    # data can end the script early.
    data = json.dumps(spec, default=str).replace("<", "\\u003c")
    # SVG rather than canvas, so that a headless browser's DOM shows what was drawn.
    return (f'<div id="{element}" class="chart"></div><script>vegaEmbed("#{element}", '
            f'{data}, {{actions: false, renderer: "svg"}}).then(() => '
            f'document.getElementById("{element}").dataset.rendered = "yes")'
            '.catch(console.error);</script>')


def write_report(db: Path, output: Path, filters: Filters = Filters()) -> dict[str, int]:
    """Write the report page; returns counts of facts, conflicts and provinces shown.

    Raises:
        UsageError: the store is missing.
        CoopieError: altair or vl-convert-python is not installed.
    """
    require_store(db)
    try:
        import altair  # noqa: F401
        import vl_convert
    except ImportError as err:
        raise errors.CoopieError(errors.E_REPORT_MISSING) from err
    fact_rows = _rows(facts(db, filters))
    conflict_rows = _rows(conflicts(db, filters))
    counts = province_counts(db, filters, fact_rows, conflict_rows)
    points = series_points(fact_rows)
    conflict_count = len({row["conflict"] for row in conflict_rows})
    multi = sum(1 for fact in fact_rows if fact["outlets"] >= 2)
    body = [
        "<h1>coopie claims store</h1>",
        f'<p class="note">{html_text(db)}: {len(fact_rows):,} facts '
        f"({multi:,} reported by two or more outlets), {conflict_count:,} conflicts, "
        f"{len(counts):,} provinces.</p>",
        "<h2>Time series</h2>",
        '<p class="note">Pick a series (metric · province) in the list under the chart. A '
        "point is a fact; click it to open its first source, hover for all of them.</p>",
        _embed("series", series_chart(points)),
        "<h3>Facts</h3>", facts_table(fact_rows),
        f"<h2>Conflicts ({conflict_count:,})</h2>",
        '<p class="note">Reports of one quantity (same key) whose values differ by more '
        "than 0.5 %; none is chosen.</p>",
        conflicts_table(conflict_rows),
        "<h2>Counts by province</h2>",
        _embed("provinces", counts_chart(counts)),
        _table(["province", "articles", "outlets", "claims", "facts", "conflicts"],
               [[html_text(c["province"])] + [str(c[k]) for k in (
                   "articles", "outlets", "claims", "facts", "conflicts")] for c in counts]),
    ]
    page = html_page("coopie claims store", STYLE, "\n".join(body),
                     head=f"<script>{vl_convert.javascript_bundle()}</script>")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    return {"facts": len(fact_rows), "conflicts": conflict_count, "provinces": len(counts)}
