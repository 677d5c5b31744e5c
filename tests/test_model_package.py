"""`make package`: the `en_coopie` wheel loads with `spacy.load("en_coopie")` in a fresh
virtual environment that has nothing of this checkout (issue 11). Installing spaCy there
takes about half a minute (from the package index, or pip's cache)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pipeline.loading import build, save

ROOT = Path(__file__).resolve().parent.parent
CHECK = """
import json, spacy
nlp = spacy.load("en_coopie")
doc = nlp("Lao Cai province now has 310 cooperatives with 6,200 members.")
import pipeline
print(json.dumps({"claims": [[c["metric"], c["value"], c["location"]["province"]]
                             for c in doc._.claims], "code": pipeline.__file__}))
"""


def test_the_model_wheel_loads_in_a_fresh_environment(tmp_path):
    model = save(build(), tmp_path / "models" / "coopie-en")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "package_model.py"), "--model",
                    str(model), "--output", str(tmp_path / "dist")], check=True)
    (wheel,) = (tmp_path / "dist").glob("en_coopie-*-py3-none-any.whl")
    venv = tmp_path / "fresh"
    base_python = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base_python, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "COOPIE_PATTERNS", "VIRTUAL_ENV")}
    done = subprocess.run([str(python), "-c", CHECK], cwd=outside, env=env,
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    assert result["claims"] == [["org_count", 310, "Lao Cai"], ["member_count", 6200, "Lao Cai"]]
    # the code came from the wheel, not from the checkout
    assert Path(result["code"]).is_relative_to(venv)
