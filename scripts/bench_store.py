"""`make bench`, the store's part: load 1,000,000 generated claims, then query them.

Generated `coopie extract` output (never text of the shared corpus): documents of ten
claims each over the gazetteer's provinces, the contract's metrics and the years 2015-2025,
where a third of the figures are reprinted by a second outlet (some rounded differently,
so a few disagree). Measured: `coopie store load` as a command (wall seconds, the peak RSS
and the RSS at each quarter of the run, which must stay flat), and the facts query of one
province and metric, and of one province, in this process (median of five).

Writes bench/store.json. Targets (issue 13): load <= 60 s, filtered facts query <= 1 s.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.resources import load_gazetteer  # noqa: E402
from pipeline.store.facts import Filters, facts  # noqa: E402

METRICS = (("org_count", "count", "cooperatives"), ("member_count", "count", "members"),
           ("worker_count", "count", "workers"), ("revenue", "VND", "cooperatives"),
           ("profit", "VND", "cooperatives"), ("income", "VND", "members"),
           ("capital", "VND", "cooperatives"), ("share", "%", "agricultural cooperatives"))
OUTLETS = ("vietnamnews.vn", "en.vietnamplus.vn", "vnanet.vn", "baotintuc.vn",
           "en.nhandan.vn", "vietnamagriculture.nongnghiep.vn")
CLAIMS_PER_DOCUMENT = 10
SENTENCE = "In {year}, {province} had {value:,.0f} {subject}, the provincial union said. "


def provinces() -> list[str]:
    """The gazetteer's provinces, in name order."""
    return sorted({place["province"] for place in load_gazetteer(curated=False)
                   if place.get("province")})


def claim(rng: random.Random, places: list[str], offset: int) -> tuple[dict, str]:
    metric, unit, subject = rng.choice(METRICS)
    province = rng.choice(places)
    year = rng.randint(2015, 2025)
    value = round(rng.lognormvariate(6 if unit != "VND" else 22, 1.5))
    sentence = SENTENCE.format(year=year, province=province, value=value, subject=subject)
    return {"metric": metric, "aggregate": "total", "per": None, "value": float(value),
            "low": None, "high": None, "unit": unit, "approx": "exact", "alt": [],
            "subject": subject, "location": {"name": province, "province": province},
            "time": {"start": f"{year}-01-01", "end": f"{year}-12-31"},
            "status": "actual",
            "evidence": {"start": offset, "end": offset + len(sentence)}}, sentence


def generate(path: Path, claims_wanted: int, seed: int = 13) -> int:
    """Write extract output with `claims_wanted` claims; returns the documents written."""
    rng = random.Random(seed)
    places = provinces()
    documents = 0
    with open(path, "w", encoding="utf-8") as out:
        while documents * CLAIMS_PER_DOCUMENT < claims_wanted:
            claims, text = [], ""
            for _ in range(CLAIMS_PER_DOCUMENT):
                item, sentence = claim(rng, places, len(text))
                claims.append(item)
                text += sentence
            outlet = rng.choice(OUTLETS)
            record = {"id": f"gen-{documents:07d}", "published": f"{rng.randint(2016, 2026)}-"
                      f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                      "url": f"https://{outlet}/news/{documents}", "text": text,
                      "entities": [], "claims": claims}
            out.write(json.dumps(record) + "\n")
            documents += 1
            # A third of the stories are reprinted by another outlet, some figures rounded
            # to two significant digits there (a disagreement beyond 0.5 % now and then).
            if rng.random() < 1 / 3 and documents * CLAIMS_PER_DOCUMENT < claims_wanted:
                reprint = json.loads(json.dumps(record))
                reprint["id"] = f"gen-{documents:07d}"
                reprint["url"] = f"https://{rng.choice(OUTLETS)}/reprint/{documents}"
                for item in reprint["claims"]:
                    if rng.random() < 0.1:
                        item["value"] = float(f"{item['value']:.2g}")
                out.write(json.dumps(reprint) + "\n")
                documents += 1
    return documents


def timed_load(path: Path, db: Path) -> dict:
    """Run `coopie store load` and sample its RSS every 0.2 s."""
    import psutil

    started = time.perf_counter()
    process = subprocess.Popen([str(Path(sys.executable).parent / "coopie"), "store", "load",
                                str(path), "--db", str(db), "--no-progress"],
                               stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(process.pid)
    samples: list[tuple[float, float]] = []
    while process.poll() is None:
        try:
            samples.append((time.perf_counter() - started, watched.memory_info().rss / 2**20))
        except psutil.NoSuchProcess:
            break
        time.sleep(0.2)
    message = process.stderr.read().strip()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"store load failed: {message}")
    quarters = []
    for quarter in range(4):
        inside = [rss for t, rss in samples if quarter * seconds / 4 <= t < (quarter + 1) * seconds / 4]
        quarters.append(round(max(inside), 1) if inside else None)
    return {"seconds": round(seconds, 2), "message": message,
            "peak_rss_mb": round(max(rss for _, rss in samples), 1) if samples else None,
            "peak_rss_mb_by_quarter": quarters}


def timed_query(db: Path, filters: Filters, runs: int = 5) -> dict:
    times, found = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        found = len(facts(db, filters)[1])
        times.append(time.perf_counter() - started)
    return {"median_seconds": round(statistics.median(times), 3), "facts": found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--output", default=str(ROOT / "bench" / "store.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source, db = Path(folder, "generated.jsonl"), Path(folder, "claims.duckdb")
        started = time.perf_counter()
        documents = generate(source, args.claims)
        generated = time.perf_counter() - started
        load = timed_load(source, db)
        province = provinces()[0]
        results = {
            "claims": args.claims, "documents": documents,
            "generated_mb": round(source.stat().st_size / 2**20, 1),
            "generate_seconds": round(generated, 1), "load": load,
            "load_target_seconds": 60,
            "query_province_metric": timed_query(db, Filters(province=province,
                                                             metric="org_count")),
            "query_province": timed_query(db, Filters(province=province)),
            "query_target_seconds": 1.0,
            "query_all_facts": timed_query(db, Filters(), runs=1),
        }
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
