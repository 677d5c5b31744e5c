"""Build the installable model package `en_coopie` (a wheel) from a built pipeline.

`spacy package` builds such a wheel but copies only single code files (`--code`), and the
pipeline's components are a package (`pipeline/`). This does the same job for a package:
the wheel holds the pipeline data, the `pipeline` code its factories live in, the spaCy
entry points that register them, and a `load()`. After `pip install en_coopie-*.whl`,
`spacy.load("en_coopie")` works in an environment that has nothing of this checkout.

Usage: python scripts/package_model.py [--model models/coopie-en] [--output dist]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "en_coopie"
# What the components import when spaCy loads and runs them (not the CLI's extras).
RUNTIME_REQUIREMENTS = ("spacy", "dateparser", "price-parser", "rapidfuzz", "pyyaml")

INIT_PY = '''"""The coopie pipeline for spaCy: `spacy.load("en_coopie")` or `en_coopie.load()`."""

from pathlib import Path

from spacy.util import get_model_meta, load_model_from_init_py

__version__ = get_model_meta(Path(__file__).parent)["version"]


def load(**overrides):
    return load_model_from_init_py(__file__, **overrides)
'''


def runtime_requirements(project: dict) -> list[str]:
    """The pins of `pyproject.toml` for the packages the components need at run time."""
    wanted = set(RUNTIME_REQUIREMENTS)
    return [pin for pin in project["dependencies"]
            if pin.split(">")[0].split("<")[0].split("=")[0].strip() in wanted]


def stage(model: Path, staging: Path) -> str:
    """Lay out the package source in `staging`; return its version."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    version = meta["version"]
    meta["requirements"] = runtime_requirements(project)
    package = staging / PACKAGE
    data_dir = package / f"{meta['lang']}_{meta['name']}-{version}"
    shutil.copytree(model, data_dir)
    (data_dir / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    (package / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    (package / "__init__.py").write_text(INIT_PY, encoding="utf-8")
    shutil.copytree(ROOT / "pipeline", staging / "pipeline",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    entry_points = {group: points for group, points in project["entry-points"].items()
                    if group.startswith("spacy_")}
    entry_points["spacy_models"] = {PACKAGE: PACKAGE}
    lines = ["[build-system]", 'requires = ["setuptools>=68", "wheel"]',
             'build-backend = "setuptools.build_meta"', "", "[project]",
             f'name = "{PACKAGE}"', f'version = "{version}"',
             'description = "coopie: claims about cooperatives in Vietnamese news (spaCy)"',
             f'requires-python = "{project["requires-python"]}"',
             f"dependencies = {json.dumps(meta['requirements'])}", ""]
    for group, points in entry_points.items():
        lines.append(f'[project.entry-points."{group}"]')
        lines += [f'"{name}" = "{target}"' for name, target in points.items()]
        lines.append("")
    lines += ["[tool.setuptools.packages.find]", f'include = ["{PACKAGE}*", "pipeline*"]', "",
              "[tool.setuptools.package-data]", f'{PACKAGE} = ["**/*"]',
              'pipeline = ["*.cfg"]', ""]
    (staging / "pyproject.toml").write_text("\n".join(lines), encoding="utf-8")
    return version


def build_wheel(model: Path, output: Path) -> Path:
    """The wheel of `model`, written into `output`."""
    if not (model / "meta.json").is_file():
        sys.exit(f"error: {model} is no built pipeline (no meta.json); run `make model`")
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        staging = Path(temp) / PACKAGE
        version = stage(model, staging)
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                        "--wheel-dir", str(output), str(staging)],
                       check=True)
    return output / f"{PACKAGE}-{version}-py3-none-any.whl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "coopie-en")
    parser.add_argument("--output", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    print(f"built {build_wheel(args.model, args.output)}")


if __name__ == "__main__":
    main()
