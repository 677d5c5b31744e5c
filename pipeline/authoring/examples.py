"""Examples inside pattern files: sentences (written by the author) with the entities and
claims they must yield and the entities they must not (Duckling's corpus/negativeCorpus)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from pipeline.authoring.check import Problems
from pipeline.authoring.provinces import ProvinceFile
from pipeline.evaluation.scoring import close
from pipeline.routing import Pipelines, as_pipelines

CLAIM_FIELDS = {"province": ("location", "province"),
                "province_2025": ("location", "province_2025"),
                "location": ("location", "name")}


def _claim_value(claim: dict[str, Any], key: str) -> Any:
    if key in CLAIM_FIELDS:
        outer, inner = CLAIM_FIELDS[key]
        return (claim.get(outer) or {}).get(inner)
    return claim.get(key)


def _claim_matches(expected: dict[str, Any], claim: dict[str, Any]) -> bool:
    return all(close(value, _claim_value(claim, key)) for key, value in expected.items())


def example_failures(pipelines: "Language | Pipelines", file: ProvinceFile) -> list[str]:
    """One problem line per expectation of the file's examples that the pipeline of the
    example's language misses (English or Vietnamese examples alike)."""
    problems = Problems(file)
    pipelines = as_pipelines(pipelines)
    for index, example in enumerate(file.curated("examples")):
        key = f"examples[{index}]"
        nlp = pipelines.get(pipelines.language_of(example["text"]))
        doc = nlp.make_doc(example["text"])
        doc._.published = example.get("published")
        doc = nlp(doc)
        found = [(ent.label_, ent.text) for ent in doc.ents]
        for number, (label, text) in enumerate(example.get("entities") or []):
            if (label, text) not in found:
                problems.add(f"{key}.entities[{number}]",
                             f"expected {label} '{text}', found {found or 'nothing'}")
        for number, (label, text) in enumerate(example.get("not_entities") or []):
            if (label, text) in found:
                problems.add(f"{key}.not_entities[{number}]",
                             f"{label} '{text}' was found but must not be")
        claims = doc._.claims or []
        for number, expected in enumerate(example.get("claims") or []):
            if not any(_claim_matches(expected, claim) for claim in claims):
                summary = [(c["metric"], c["value"] if c["value"] is not None
                            else (c["low"], c["high"]), _claim_value(c, "province"))
                           for c in claims]
                problems.add(f"{key}.claims[{number}]",
                             f"no claim matches {expected}; found {summary or 'none'}")
    return problems.found
