"""`coopie patterns try`: what one province's patterns and the whole pipeline find in a
text, as tables, with the pattern (or component) that found each entity."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language

from pipeline import errors, resources
from pipeline.authoring.provinces import ProvinceFile, read_province_file, slug
from pipeline.extensions import CANDIDATES_KEY
from pipeline.normalize.text import fold_key

GAZETTEER_KEY = "coopie_gazetteer"


def find_province_file(name_or_path: str, patterns_dir: str | Path | None) -> ProvinceFile:
    """A province file by path, or by province name ('Thai Binh', 'thai-binh')."""
    path = Path(name_or_path)
    if not path.is_file():
        path = resources.patterns_dir(patterns_dir) / "provinces" / f"{slug(name_or_path)}.yml"
    if not path.is_file():
        raise errors.UsageError(errors.E_INPUT_MISSING.format(path=path))
    return read_province_file(path)


def _curated_surfaces(file: ProvinceFile) -> dict[str, str]:
    """Folded spelling -> the key of the province file that gives it."""
    surfaces = {}
    for index, alias in enumerate(file.curated("aliases")):
        surfaces[fold_key(alias)] = f"aliases[{index}]"
    for index, place in enumerate(file.curated("places")):
        for surface in [place["name"]] + list(place.get("aliases") or []):
            surfaces[fold_key(surface)] = f"places[{index}]"
    for index, coop in enumerate(file.curated("cooperatives")):
        for surface in [coop["name"]] + list(coop.get("aliases") or []):
            surfaces[fold_key(surface)] = f"cooperatives[{index}]"
    return surfaces


def trial_rows(nlp: Language, file: ProvinceFile, text: str,
               published: str | None = None) -> tuple[list[list[str]], list[list[str]]]:
    """Entity rows (label, text, norm, found by) and claim rows for `text`."""
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    surfaces = _curated_surfaces(file)
    sources = {(s.start_char, s.end_char, s.label_): s.id_
               for s in doc.spans.get(CANDIDATES_KEY, [])}
    rules = {(s.start_char, s.end_char): s.id_ for s in doc.spans.get(GAZETTEER_KEY, [])}
    entities = []
    for ent in doc.ents:
        found_by = sources.get((ent.start_char, ent.end_char, ent.label_), "")
        pattern = rules.get((ent.start_char, ent.end_char))
        if pattern:
            found_by += f" via pattern '{pattern}'"
        own = surfaces.get(fold_key(ent.text))
        if own:
            found_by = f"{file.path.name}: {own} ({found_by})"
        entities.append([ent.label_, ent.text, _norm_text(ent._.norm), found_by])
    claims = []
    for claim in doc._.claims or []:
        location = claim.get("location") or {}
        time = claim.get("time") or {}
        value = claim["value"] if claim["value"] is not None else \
            f"{claim['low']}-{claim['high']}"
        claims.append([claim["metric"], f"{value} {claim['unit']}", claim["subject"],
                       f"{location.get('name')} / {location.get('province')} / "
                       f"{location.get('province_2025')}",
                       f"{time.get('start')}..{time.get('end')}" if time else "-",
                       claim["status"]])
    return entities, claims


def _norm_text(norm: dict[str, Any] | None) -> str:
    if not norm:
        return "-"
    return ", ".join(f"{k}={v}" for k, v in norm.items() if v is not None)


def format_table(header: list[str], rows: list[list[str]]) -> str:
    """A plain text table with aligned columns."""
    table = [header] + [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
             for row in table]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
