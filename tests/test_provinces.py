"""Province pattern files (issue 6): generated files, check, new, try, examples, and the
district -> province (old and merged) table for every province."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import errors
from pipeline.authoring.examples import example_failures
from pipeline.authoring.provinces import GENERATED_MARKER, load_province_files
from pipeline.cli import app
from pipeline.loading import build
from pipeline.normalize.text import fold_key
from tests.conftest import ROOT, run

runner = CliRunner()
PATTERNS = ROOT / "patterns"
INVENTED = """\
# An invented province, to show that one file is enough to add a place.
province: Song Ngan
aliases: [Song Ngan Province]
places:
  - {name: Ba Khe, level: district, aliases: [Ba Khê]}
  - {name: Dong Lua, level: commune}
cooperatives:
  - {name: Ba Khe Silk Cooperative, aliases: [Ba Khe Silk Co-op]}
cues:
  domain: [silk village]
examples:
  - text: "Ba Khe district has 37 cooperatives."
    entities: [[GPE, Ba Khe], [COUNT, "37"]]
    claims: [{metric: org_count, value: 37, province: Song Ngan}]
"""


@pytest.fixture()
def patterns_copy(tmp_path) -> Path:
    copy = tmp_path / "patterns"
    shutil.copytree(PATTERNS, copy)
    return copy


def test_every_province_file_passes_check():
    result = runner.invoke(app, ["patterns", "check"])
    assert result.exit_code == 0, result.output
    assert "63 files, no problems" in result.output


def test_generated_parts_are_up_to_date():
    result = runner.invoke(app, ["patterns", "generate", "--check"])
    assert result.exit_code == 0, result.output


def test_one_file_per_province_with_its_2025_province():
    files = load_province_files(PATTERNS)
    assert len(files) == 63
    by_name = {f.data["province"]: f.data["generated"] for f in files}
    assert by_name["Thai Binh"]["province_2025"] == "Hung Yen"
    assert by_name["Thai Binh"]["era"] == "before_2025"
    assert "Thai Binh" in by_name["Hung Yen"]["merged_from_2025"]
    assert by_name["Hanoi"]["era"] == "both"


def test_generator_keeps_what_a_person_wrote(patterns_copy):
    path = patterns_copy / "provinces" / "nam-dinh.yml"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("aliases: []", "aliases: [Nam Dinh Province]  # added by hand", 1)
    head, marker, _ = edited.partition(GENERATED_MARKER)
    path.write_text(head + marker + "\ngenerated: {name: stale}\n", encoding="utf-8")
    result = runner.invoke(app, ["patterns", "generate", "--patterns", str(patterns_copy)])
    assert result.exit_code == 0 and f"wrote: {path}" in result.output
    assert path.read_text(encoding="utf-8") == edited


def test_invented_province_gives_located_claims(patterns_copy):
    (patterns_copy / "provinces" / "song-ngan.yml").write_text(INVENTED, encoding="utf-8")
    check = runner.invoke(app, ["patterns", "check", "--patterns", str(patterns_copy)])
    assert check.exit_code == 0, check.output
    nlp = build(patterns_copy)
    doc = run(nlp, "Ba Khe district has 37 cooperatives. Ba Khe Silk Co-op has 120 members "
                   "in the silk village.")
    claims = doc._.claims
    assert [(c["metric"], c["value"], c["location"]["province"]) for c in claims] == [
        ("org_count", 37, "Song Ngan"), ("member_count", 120, "Song Ngan")]
    assert claims[1]["subject"] == "Ba Khe Silk Cooperative"
    assert ("COOP", "Ba Khe Silk Co-op") in [(e.label_, e.text) for e in doc.ents]


def test_check_catches_a_typo_with_file_line_and_hint(patterns_copy):
    path = patterns_copy / "provinces" / "song-ngan.yml"
    path.write_text(INVENTED.replace("level: district", "levle: district")
                    .replace("level: commune", "level: comune"), encoding="utf-8")
    result = runner.invoke(app, ["patterns", "check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:5: places[0].levle: unknown key; did you mean 'level'?" in result.output
    assert f"{path}:5: places[0]: missing required key 'level'" in result.output
    assert (f"{path}:6: places[1].level: must be one of province, district, commune "
            f"(got 'comune'); did you mean 'commune'?") in result.output


@pytest.mark.parametrize("broken, expected", [
    pytest.param("cues:\n  domian: [x]\n", "cues.domian: unknown cue list; did you mean "
                                            "'domain'?", id="cue-list"),
    pytest.param("patterns:\n  - {label: ORG, pattern: [{LOWR: x}]}\n",
                 "patterns[0].pattern: spaCy rejects this pattern", id="token-pattern"),
    pytest.param("aliases: Song\n", "aliases: must be a list (got str)", id="type"),
    pytest.param("examples:\n  - {text: Ba Khe, entities: [[GPE, Hanoi]]}\n",
                 "'Hanoi' does not occur in the example's text", id="example-shape"),
])
def test_check_reports_each_kind_of_problem(tmp_path, broken, expected):
    path = tmp_path / "song-ngan.yml"
    path.write_text("province: Song Ngan\n" + broken, encoding="utf-8")
    result = runner.invoke(app, ["patterns", "check", str(path)])
    assert result.exit_code == 1 and expected in result.output, result.output


def test_check_catches_an_alias_claimed_by_two_provinces(patterns_copy):
    (patterns_copy / "provinces" / "song-ngan.yml").write_text(INVENTED, encoding="utf-8")
    other = patterns_copy / "provinces" / "hoa-binh.yml"
    other.write_text(other.read_text(encoding="utf-8").replace(
        "places: []", "places:\n  - {name: Ba Khe, level: commune}", 1), encoding="utf-8")
    result = runner.invoke(app, ["patterns", "check", "--patterns", str(patterns_copy)])
    assert result.exit_code == 1
    assert (f"{patterns_copy / 'provinces' / 'song-ngan.yml'}:5: places[0].name: 'Ba Khe' "
            f"also names Ba Khe (Hoa Binh) in {other}:9") in result.output


def test_failing_example_is_reported(patterns_copy):
    path = patterns_copy / "provinces" / "song-ngan.yml"
    path.write_text(INVENTED.replace("value: 37", "value: 38"), encoding="utf-8")
    result = runner.invoke(app, ["patterns", "check", "--patterns", str(patterns_copy)])
    assert result.exit_code == 1
    assert f"{path}:14: examples[0].claims[0]: no claim matches" in result.output


def test_extract_refuses_invalid_pattern_files(patterns_copy, tmp_path):
    path = patterns_copy / "provinces" / "song-ngan.yml"
    path.write_text(INVENTED.replace("level: district", "levle: district"), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Ba Khe has 3 cooperatives.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--patterns", str(patterns_copy),
                                 "--workers", "1"])
    assert result.exit_code == 1
    assert "invalid pattern files (2 problems)" in result.output
    assert f"{path}:5: places[0].levle: unknown key" in result.output


def test_new_scaffolds_a_district_file_that_passes_check(patterns_copy):
    result = runner.invoke(app, ["patterns", "new", "Moc Chau", "--patterns",
                                 str(patterns_copy)])
    assert result.exit_code == 0, result.output
    path = patterns_copy / "provinces" / "moc-chau.yml"
    text = path.read_text(encoding="utf-8")
    assert "parent: Son La" in text and "# Cooperatives named in the news" in text
    check = runner.invoke(app, ["patterns", "check", str(path)])
    assert check.exit_code == 0, check.output
    again = runner.invoke(app, ["patterns", "new", "Moc Chau", "--patterns",
                                str(patterns_copy)])
    assert again.exit_code == 1 and "exists already" in again.output


def test_new_refuses_an_unknown_name_without_parent(patterns_copy):
    result = runner.invoke(app, ["patterns", "new", "Atlantis", "--patterns",
                                 str(patterns_copy)])
    assert result.exit_code == 1
    assert errors.E_PROVINCE_UNKNOWN.format(name="Atlantis") in result.output


def test_try_shows_what_the_province_patterns_found(patterns_copy):
    (patterns_copy / "provinces" / "song-ngan.yml").write_text(INVENTED, encoding="utf-8")
    result = runner.invoke(app, ["patterns", "try", "Song Ngan", "--patterns",
                                 str(patterns_copy), "--text",
                                 "Ba Khe Silk Co-op in Ba Khe district has 15 members."])
    assert result.exit_code == 0, result.output
    assert "song-ngan.yml: cooperatives[0]" in result.output
    assert "song-ngan.yml: places[0]" in result.output
    assert "Ba Khe / Song Ngan / Song Ngan" in result.output


def test_examples_in_the_shipped_files_pass(nlp):
    files = [f for f in load_province_files(PATTERNS) if f.curated("examples")]
    assert files, "the shipped province files carry examples"
    failures = [problem for file in files for problem in example_failures(nlp, file)]
    assert failures == []


def _district_table() -> list[tuple[str, str, str]]:
    """One district per province whose name is unique in the gazetteer and is no
    province name: (district, province, province since 2025)."""
    places = json.loads((PATTERNS / "gazetteer" / "vietnam.json").read_text(
        encoding="utf-8"))["places"]
    curated_blocked = {"Chu", "Vinh", "Lak", "KBang", "M'Drak", "Long", "An", "Binh", "Duc",
                       "Tan", "Phu", "Hoa"}
    names = [fold_key(p["name"]) for p in places if p["level"] != "commune"]
    table = []
    for province in (p for p in places if p["level"] == "province"):
        for district in (p for p in places if p["level"] == "district"
                         and p["province"] == province["name"]):
            if names.count(fold_key(district["name"])) == 1 \
                    and district["name"] not in curated_blocked:
                table.append((district["name"], province["name"], province["province_2025"]))
                break
    return table


DISTRICTS = _district_table()


def test_the_table_covers_every_province():
    assert len(DISTRICTS) == 63


@pytest.mark.parametrize("district, province, merged", DISTRICTS,
                         ids=[d[1] for d in DISTRICTS])
def test_district_claims_get_their_province_old_and_merged(nlp, district, province, merged):
    claims = run(nlp, f"Farmers report\n{district} district has 52 cooperatives.")._.claims
    assert [(c["location"]["province"], c["location"]["province_2025"]) for c in claims] == [
        (province, merged)], district


def test_an_edited_province_file_takes_effect_without_a_build_step(patterns_copy, tmp_path):
    from pipeline.loading import load, save

    model = save(build(patterns_copy), tmp_path / "coopie-en")
    path = patterns_copy / "provinces" / "ninh-binh.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "places: []", "places:\n  - {name: Van Long Lagoon, level: commune}", 1),
        encoding="utf-8")
    nlp = load(model, patterns_copy)  # the model's patterns hash is stale: rebuilt
    doc = run(nlp, "Van Long Lagoon has 4 cooperatives.")
    assert doc._.claims[0]["location"] == {"name": "Van Long Lagoon",
                                           "province": "Ninh Binh",
                                           "province_2025": "Ninh Binh"}
