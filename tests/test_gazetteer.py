"""The generated gazetteer: complete, and reproducible from its data package."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

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
