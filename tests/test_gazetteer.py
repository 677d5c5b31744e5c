"""The generated gazetteer: complete, and reproducible from its data package."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
import spacy

from pipeline.resources import load_gazetteer
from tests.conftest import ROOT


def test_every_province_old_and_merged():
    places = load_gazetteer()
    provinces = {p["name"] for p in places if p["level"] == "province"}
    merged = {p["province_2025"] for p in places if p["level"] == "province"}
    assert len(provinces) == 63
    assert len(merged) == 34
    assert {"Hanoi", "Ho Chi Minh City", "Thua Thien-Hue", "Son La"} <= provinces


def test_districts_carry_their_province():
    by_name = {(p["name"], p["level"]): p for p in load_gazetteer()}
    assert by_name[("Thuan Chau", "district")]["province"] == "Son La"
    assert by_name[("Cho Gao", "district")]["province_2025"] == "Dong Thap"


@pytest.mark.skipif(importlib.util.find_spec("vietnamadminunits") is None,
                    reason="vietnamadminunits (dev extra) not installed")
def test_regenerating_gives_no_difference():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"),
                             "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


GAZETTEER_TEXT = ("HA GIANG - Ha Giang province's Bac Me district and Lao Cai's Sa Pa town sent "
                  "delegates to the Vietnam Cooperative Alliance in Hanoi; partners came from "
                  "Japan and the Republic of Korea.")


def test_the_gazetteer_ruler_matches_as_spacys_span_ruler(nlp, tmp_path):
    """The fast ruler finds exactly what spaCy's SpanRuler finds with the same patterns,
    and again after a save and load."""
    ours = nlp.get_pipe("gazetteer_ruler")
    reference = spacy.blank("en")
    reference.tokenizer = nlp.tokenizer
    spacys = reference.add_pipe("span_ruler", config={"spans_key": "coopie_gazetteer",
                                                      "phrase_matcher_attr": "ORTH"})
    spacys.add_patterns(ours.patterns)

    def found(pipeline):
        doc = pipeline(pipeline.make_doc(GAZETTEER_TEXT))
        return [(s.start_char, s.end_char, s.label_, s.id_)
                for s in doc.spans["coopie_gazetteer"]]

    expected = found(reference)
    assert ("Hanoi", "GPE") in [(GAZETTEER_TEXT[a:b], label) for a, b, label, _ in expected]
    only_ruler = nlp.select_pipes(enable=["gazetteer_ruler"])
    assert found(nlp) == expected
    only_ruler.restore()
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    with loaded.select_pipes(enable=["gazetteer_ruler"]):
        assert found(loaded) == expected
    assert len(loaded.get_pipe("gazetteer_ruler").patterns) == len(ours.patterns)
