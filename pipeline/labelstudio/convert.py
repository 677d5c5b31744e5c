"""Gold (or predictions) to Label Studio tasks and back, without loss (issue 12).

How a record looks in Label Studio (the labelling configuration is `labeling_config()`):
- the article is the task's `text`; `doc_id`, `url` and `published` ride along in `data`;
- an entity is a region of the `label` control (the nine labels of ANNOTATION.md §2) whose
  norm is the region's `norm` text area, as JSON (empty for none);
- a claim is a region of the `claim` control over its evidence. Its enumerated slots are
  per-region choices (metric, status, aggregate, approx, per); the others are per-region
  text areas: value, low, high and unit as written, subject as text, and location, time and
  alt as JSON, so that any key the contract allows (province_2025, say) survives.
The export reads Label Studio's own JSON export (a list of tasks with `annotations`).
"""

from __future__ import annotations

import json
from typing import Any, Iterable
from xml.sax.saxutils import quoteattr

ENTITY_LABELS = ("COOP", "MONEY", "COUNT", "PERCENT", "QUANTITY", "DATE", "GPE", "ORG",
                 "PERSON")
CLAIM_LABEL = "CLAIM"
CHOICES = {
    "metric": ("org_count", "member_count", "worker_count", "revenue", "profit", "income",
               "capital", "product_count", "share", "change", "other"),
    "status": ("actual", "estimate", "target"),
    "aggregate": ("total", "average"),
    "approx": ("exact", "about", "over", "under"),
    "per": ("year", "month", "day", "none"),
}
NUMBER_FIELDS = ("value", "low", "high")
TEXT_FIELDS = ("unit", "subject")
JSON_FIELDS = ("location", "time", "alt")
CLAIM_TEXT_AREAS = NUMBER_FIELDS + TEXT_FIELDS + JSON_FIELDS
NO_PER = "none"
# Record fields the results carry; every other field travels in the task's `data`.
RECORD_PARTS = ("id", "text", "entities", "claims")
TASK_ONLY = ("text", "doc_id")


def labeling_config() -> str:
    """The Label Studio labelling configuration (XML) for entities and claims."""
    labels = "".join(f"<Label value={quoteattr(label)}/>" for label in ENTITY_LABELS)
    parts = ["<View>",
             f'<Labels name="label" toName="text">{labels}</Labels>',
             f'<Labels name="claim" toName="text"><Label value="{CLAIM_LABEL}" '
             'background="#ffd54f"/></Labels>',
             '<Text name="text" value="$text"/>',
             '<Header value="Entity norm (JSON)" size="6"/>',
             '<TextArea name="norm" toName="text" perRegion="true" editable="true" '
             'maxSubmissions="1"/>',
             '<Header value="Claim slots" size="6"/>']
    for name, options in CHOICES.items():
        choices = "".join(f"<Choice value={quoteattr(o)}/>" for o in options)
        parts.append(f'<Choices name="{name}" toName="text" perRegion="true" '
                     f'choice="single" showInline="true">{choices}</Choices>')
    for name in CLAIM_TEXT_AREAS:
        parts.append(f'<TextArea name="{name}" toName="text" perRegion="true" '
                     f'editable="true" maxSubmissions="1" placeholder="{name}"/>')
    parts.append("</View>")
    return "\n".join(parts)


def _region(region_id: str, text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


def _result(region_id: str, control: str, kind: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"id": region_id, "from_name": control, "to_name": "text", "type": kind,
            "value": value, "origin": "manual"}


def _number_text(value: Any) -> str:
    return "" if value is None else json.dumps(value)


def record_results(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The Label Studio results of one record's entities and claims."""
    text = record["text"]
    results: list[dict[str, Any]] = []
    for index, entity in enumerate(record.get("entities") or []):
        region_id = f"e{index}"
        span = _region(region_id, text, entity["start"], entity["end"])
        results.append(_result(region_id, "label", "labels", {**span,
                                                             "labels": [entity["label"]]}))
        norm = entity.get("norm")
        results.append(_result(region_id, "norm", "textarea", {
            **span, "text": [json.dumps(norm, ensure_ascii=False) if norm is not None else ""]}))
    for index, claim in enumerate(record.get("claims") or []):
        region_id = f"c{index}"
        evidence = claim.get("evidence") or {}
        span = _region(region_id, text, evidence.get("start", 0), evidence.get("end", 0))
        results.append(_result(region_id, "claim", "labels", {**span, "labels": [CLAIM_LABEL]}))
        for name in CHOICES:
            value = claim.get(name)
            chosen = NO_PER if name == "per" and value is None else value
            if chosen is not None:
                results.append(_result(region_id, name, "choices", {**span,
                                                                      "choices": [chosen]}))
        for name in CLAIM_TEXT_AREAS:
            value = claim.get(name)
            if name in NUMBER_FIELDS:
                shown = _number_text(value)
            elif name in TEXT_FIELDS:
                shown = "" if value is None else str(value)
            else:
                shown = json.dumps(value, ensure_ascii=False)
            results.append(_result(region_id, name, "textarea", {**span, "text": [shown]}))
    return results


def to_tasks(records: Iterable[dict[str, Any]], as_predictions: bool,
             model_version: str = "coopie") -> list[dict[str, Any]]:
    """Label Studio tasks: gold as `annotations`, pipeline output as `predictions`
    (pre-annotations an annotator corrects)."""
    tasks = []
    for record in records:
        data = {"text": record["text"], "doc_id": record["id"]}
        # url, published and any other field of the record ride along as they are
        data.update({key: value for key, value in record.items() if key not in RECORD_PARTS})
        results = record_results(record)
        task: dict[str, Any] = {"data": data}
        if as_predictions:
            task["predictions"] = [{"model_version": model_version, "result": results}]
        else:
            task["annotations"] = [{"result": results, "ground_truth": True}]
        tasks.append(task)
    return tasks


class ConversionError(ValueError):
    """A result of a task that is no valid entity or claim."""


def _text_of(result: dict[str, Any]) -> str:
    texts = result["value"].get("text") or [""]
    return "\n".join(texts) if isinstance(texts, list) else str(texts)


def _parse_json(raw: str, what: str) -> Any:
    try:
        return json.loads(raw) if raw.strip() else None
    except json.JSONDecodeError as err:
        raise ConversionError(f"{what}: not valid JSON ({err.msg}): {raw!r}") from err


def _annotation_of(task: dict[str, Any]) -> dict[str, Any] | None:
    """The annotation to import: the last one submitted that was not cancelled."""
    kept = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    return kept[-1] if kept else None


def task_record(task: dict[str, Any]) -> dict[str, Any]:
    """The gold record of one exported task; raises ConversionError naming what is wrong."""
    data = task.get("data") or {}
    text = data.get("text")
    if not isinstance(text, str):
        raise ConversionError("the task has no text")
    annotation = _annotation_of(task)
    if annotation is None:
        raise ConversionError("the task has no submitted annotation")
    regions: dict[str, dict[str, dict[str, Any]]] = {}
    order: list[str] = []
    for result in annotation.get("result") or []:
        region_id = result.get("id")
        if region_id not in regions:
            regions[region_id] = {}
            order.append(region_id)
        regions[region_id][result.get("from_name")] = result
    record: dict[str, Any] = {"id": data.get("doc_id") or str(task.get("id"))}
    record.update({key: value for key, value in data.items() if key not in TASK_ONLY})
    record.update({"text": text, "entities": [], "claims": []})
    for region_id in order:
        controls = regions[region_id]
        if "label" in controls:
            record["entities"].append(_entity(controls, text, region_id))
        elif "claim" in controls:
            record["claims"].append(_claim(controls, region_id))
        else:
            raise ConversionError(f"region {region_id}: neither an entity nor a claim "
                                  f"({', '.join(sorted(controls))})")
    return record


def _entity(controls: dict[str, dict[str, Any]], text: str, region_id: str) -> dict[str, Any]:
    value = controls["label"]["value"]
    labels = value.get("labels") or []
    if len(labels) != 1 or labels[0] not in ENTITY_LABELS:
        raise ConversionError(f"region {region_id}: labels {labels} (one of "
                              f"{', '.join(ENTITY_LABELS)} expected)")
    start, end = int(value["start"]), int(value["end"])
    norm = _parse_json(_text_of(controls["norm"]), f"region {region_id} norm") \
        if "norm" in controls else None
    return {"start": start, "end": end, "label": labels[0], "text": text[start:end],
            "norm": norm}


def _claim(controls: dict[str, dict[str, Any]], region_id: str) -> dict[str, Any]:
    span = controls["claim"]["value"]
    claim: dict[str, Any] = {}
    for name in CHOICES:
        chosen = controls.get(name, {}).get("value", {}).get("choices") or [None]
        value = chosen[0]
        claim[name] = None if name == "per" and value in (NO_PER, None) else value
    for name in CLAIM_TEXT_AREAS:
        raw = _text_of(controls[name]) if name in controls else ""
        where = f"region {region_id} {name}"
        if name in NUMBER_FIELDS:
            claim[name] = _parse_json(raw, where)
            if claim[name] is not None and not isinstance(claim[name], (int, float)):
                raise ConversionError(f"{where}: not a number: {raw!r}")
        elif name in TEXT_FIELDS:
            claim[name] = raw if raw else None
        else:
            claim[name] = _parse_json(raw, where)
    if claim["alt"] is None:
        claim["alt"] = []
    claim["evidence"] = {"start": int(span["start"]), "end": int(span["end"])}
    return claim


def from_export(tasks: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Gold records of a Label Studio JSON export, and a problem line for every task that
    could not be converted (never silently dropped)."""
    records, problems = [], []
    for task in tasks:
        try:
            records.append(task_record(task))
        except (ConversionError, KeyError, TypeError, ValueError) as err:
            problems.append(f"task {task.get('id', '?')}: {err}")
    return records, problems
