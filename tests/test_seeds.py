"""The seed articles: shipped byte for byte, and the figures issue 2 names are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, entities

HANOI = ROOT / "seeds" / "003_801eb833e5f0642f.txt"


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is not here")
@pytest.mark.parametrize("name", ["000_b0da3c55a582c502.txt", "003_801eb833e5f0642f.txt"])
def test_seed_is_byte_identical(name):
    assert (ROOT / "seeds" / name).read_bytes() == (SHARED / "seeds" / name).read_bytes()


@pytest.mark.parametrize("label, surface, key, value", [
    ("MONEY", "VND2.9 billion", "value", 2.9e9),
    ("MONEY", "US$126,028", "value", 126028),
    ("COUNT", "around a thousand", "value", 1000),
    ("DATE", "the end of 2020", "start", "2020-12-31"),
    ("DATE", "07:25, 2021/02/14", "start", "2021-02-14"),
])
def test_hanoi_seed_figures(nlp, label, surface, key, value):
    found = [norm for lab, s, norm in entities(nlp, HANOI.read_text(encoding="utf-8"))
             if lab == label and s == surface]
    assert found and found[0][key] == value


def test_hanoi_seed_currency_codes(nlp):
    found = {s: norm["currency"] for lab, s, norm in
             entities(nlp, HANOI.read_text(encoding="utf-8")) if lab == "MONEY"}
    assert found["VND2.9 billion"] == "VND" and found["US$126,028"] == "USD"
