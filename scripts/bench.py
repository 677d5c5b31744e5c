"""`make bench`: speed and memory of coopie against spaCy's bare English tokenizer.

The corpus is generated here (templates of cooperative news with random figures, places
and dates, never text from the shared corpus), at least 1,000,000 words, with the entity
density of real cooperative news (--density entities per 1,000 words, measured on the dev
corpus), and fresh text in every timed repetition: spaCy's tokenizer caches strings it has
seen, which would flatter both sides.

The same tokenizer/pipeline comparison runs on real article text too: the 70 labelled
articles of ../shared/corpus (train and dev, read at run time, never copied), repeated up to
--real-words words with every digit re-drawn in each repetition, so figures are new text
each time while the prose is the prose of real news; and the same on the 9 Vietnamese
articles (vi_dev) through the Vietnamese pipeline.

Prints and writes to bench/results.json: words/second of (a) the bare tokenizer and (b) the
full pipeline on one core, their ratio, seconds per component, peak RSS, the speed-up of
`coopie extract --workers 2` over `--workers 1` on the same files, and the start-up time of
`coopie extract` on one small file.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP_RUNS = 5
sys.path.insert(0, str(ROOT))

from pipeline.batch.local import WARM_DOCS, ZONE_DOCS  # noqa: E402

PROVINCES = ["Thai Binh", "Nam Dinh", "Lam Dong", "Ca Mau", "Son La", "Hai Duong", "Dak Lak",
             "Quang Nam", "Ninh Binh", "Ben Tre", "Gia Lai", "Tra Vinh", "Hung Yen", "Ha Nam",
             "Bac Giang", "Phu Tho", "Long An", "Kien Giang", "Quang Tri", "Lao Cai"]
DISTRICTS = ["Thuan Chau", "Moc Chau", "Duc Trong", "Bao Lam", "Hung Ha", "Kim Son"]
SURNAMES = ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"]
GIVEN = ["Van Minh", "Thi Lan", "Quoc Hung", "Thi Hoa", "Duc Anh", "Van Tuan"]
PRODUCTS = ["rice", "tea", "coffee", "pepper", "dragon fruit", "shrimp", "honey", "silk"]
FILLER = ["The meeting also discussed ways to improve management and access to markets.",
          "Officials said many members still lack training in accounting and marketing.",
          "Farmers in the area have shifted to growing crops with higher value.",
          "The local authorities pledged to continue administrative reform.",
          "Experts stressed the need for digital transformation in production and sales.",
          "Heavy rain earlier in the season damaged some fields and roads in the area."]
TEMPLATES = [
    "By the end of {year}, {province} had {n} agricultural cooperatives with {m:,} members.",
    "The average revenue of a cooperative reached VND{b}.{d} billion in {year}, up {p}.{q}% "
    "compared to {prev}.",
    "Currently, {district} district is home to {n} cooperatives and {g} cooperative groups.",
    "Members of {coop} earn about VND{i} million a month, said {person}, its director.",
    "The province aims to have {n2} cooperatives by {target}, according to the Department of "
    "Agriculture and Rural Development.",
    "In the first 6 months of {year}, cooperatives created jobs for {w:,} workers.",
    "{coop} has {k} members farming {h} ha of {product}, with profit of VND{j}0 million a year.",
    "Of the {n} cooperatives, {p}% were rated good and {q}% average.",
]


# Share of sentences that carry figures: tuned so that the corpus has the entity density of
# real cooperative news (bench/results.json reports both densities).
FIGURE_SENTENCE_SHARE = 0.36
SYLLABLES = ["an", "binh", "chau", "dong", "giang", "ha", "hoa", "hung", "khanh", "lam",
             "loc", "minh", "nam", "ninh", "phu", "phuoc", "quang", "son", "tan", "thanh",
             "thuan", "tien", "trung", "vinh", "xuan", "yen", "long", "my", "duc", "hai"]
# Filler words: a Zipf-distributed lexicon of pseudo-words, so that the corpus has the
# vocabulary spread of real news (about a third of the words of a 5,000-word sample are
# distinct; a small fixed vocabulary would let spaCy's tokenizer cache flatter it).
ONSETS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
          "br", "cr", "dr", "fl", "gr", "pl", "pr", "st", "tr", "sh", "ch", "th"]
NUCLEI = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "ee"]
CODAS = ["", "n", "r", "s", "t", "l", "m", "nd", "st", "ng", "ck", "rt"]
LEXICON_SIZE = 40_000
ZIPF_EXPONENT = 0.9


def lexicon(seed: int = 0) -> tuple[list[str], list[float]]:
    """Pseudo-words of one to three syllables with cumulative Zipf weights."""
    rng = random.Random(seed)
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < LEXICON_SIZE:
        word = "".join(rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS)
                       for _ in range(rng.choice((1, 2, 2, 3))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    cumulative, total = [], 0.0
    for rank in range(1, LEXICON_SIZE + 1):
        total += 1 / rank ** ZIPF_EXPONENT
        cumulative.append(total)
    return words, cumulative


LEXICON, LEXICON_WEIGHTS = lexicon()


def filler(rng: random.Random) -> str:
    """A sentence without figures: a stock phrase, a village name and lexicon words, with
    the commas of ordinary prose."""
    place = " ".join(rng.choice(SYLLABLES).title() for _ in range(2))
    words = rng.choices(LEXICON, cum_weights=LEXICON_WEIGHTS, k=rng.randint(10, 22))
    for index in range(3, len(words) - 1, 7):
        words[index] += ","
    return f"{rng.choice(FILLER)} In {place} village, " + " ".join(words) + "."


def article(rng: random.Random) -> str:
    """One generated article: headline, dateline and 8-14 sentences of figures and filler."""
    province = rng.choice(PROVINCES)
    year = rng.randint(2012, 2025)
    coop_name = f"{rng.choice(['Tan', 'Hoa', 'Phu', 'An', 'Minh'])} {rng.choice(['Loi', 'Thanh', 'Phat', 'Son', 'Tien'])}"
    values = {"province": province, "year": year, "prev": year - 1, "target": year + 5,
              "district": rng.choice(DISTRICTS), "n": rng.randint(20, 900),
              "m": rng.randint(1000, 90000), "b": rng.randint(1, 9), "d": rng.randint(0, 9),
              "p": rng.randint(1, 60), "q": rng.randint(0, 30), "g": rng.randint(10, 400),
              "i": rng.randint(3, 12), "n2": rng.randint(100, 1200),
              "w": rng.randint(500, 40000), "k": rng.randint(7, 300), "h": rng.randint(5, 500),
              "j": rng.randint(1, 90), "product": rng.choice(PRODUCTS),
              "coop": f"{coop_name} {rng.choice(PRODUCTS).title()} Cooperative",
              "person": f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"}
    body = []
    for _ in range(rng.randint(8, 14)):
        if rng.random() < FIGURE_SENTENCE_SHARE:
            body.append(rng.choice(TEMPLATES).format(**values))
        else:
            body.append(filler(rng))
    headline = f"{province} cooperatives report results of {year}"
    dateline = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    return f"{headline}\n\n{dateline}\n\n" + " ".join(body)


def corpus(words: int, seed: int) -> list[str]:
    """Articles adding up to at least `words` words."""
    rng = random.Random(seed)
    texts, total = [], 0
    while total < words:
        text = article(rng)
        texts.append(text)
        total += len(text.split())
    return texts


REAL_CORPUS = tuple(ROOT.parent / "shared" / "corpus" / f"{name}.jsonl"
                    for name in ("train", "dev"))
REAL_CORPUS_VI = (ROOT.parent / "shared" / "corpus" / "vi_dev.jsonl",)


def real_articles(paths: tuple[Path, ...] = REAL_CORPUS) -> list[str]:
    """The texts of the labelled articles (English by default), if ../shared/corpus is here."""
    texts = []
    for path in paths:
        if path.exists():
            texts += [json.loads(line)["text"] for line in
                      path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def real_corpus(articles: list[str], words: int, seed: int) -> list[str]:
    """Real articles repeated up to `words` words, every digit re-drawn each time."""
    rng = random.Random(seed)
    texts, total = [], 0
    while total < words:
        for text in articles:
            redrawn = "".join(str(rng.randrange(10)) if ch.isdigit() else ch for ch in text)
            texts.append(redrawn)
            total += len(redrawn.split())
            if total >= words:
                break
    return texts


def word_count(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def time_tokenizer(texts: list[str]) -> float:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    start = time.perf_counter()
    for text in texts:
        tokenizer(text)
    return time.perf_counter() - start


def time_pipeline(nlp, texts: list[str]) -> tuple[float, Counter, int]:
    """Seconds for the whole pipeline, seconds per component, entities found."""
    per_component: Counter = Counter()
    entities = 0
    start = time.perf_counter()
    # As `coopie extract` runs (batch/local.py): WARM_DOCS documents outside any memory
    # zone, so the tokenizer caches common words, then zones of ZONE_DOCS documents.
    batches = [texts[:WARM_DOCS]] + [texts[i:i + ZONE_DOCS]
                                     for i in range(WARM_DOCS, len(texts), ZONE_DOCS)]
    for number, batch in enumerate(batches):
        with nlp.memory_zone() if number else contextlib.nullcontext():
            for text in batch:
                begin = time.perf_counter()
                doc = nlp.make_doc(text)
                per_component["tokenizer"] += time.perf_counter() - begin
                for name, component in nlp.pipeline:
                    begin = time.perf_counter()
                    doc = component(doc)
                    per_component[name] += time.perf_counter() - begin
                entities += len(doc.ents)
    return time.perf_counter() - start, per_component, entities


def time_workers(texts: list[str], workers: int, folder: Path) -> float:
    """Wall time of `coopie extract --workers N` on a JSONL file of `texts`, start-up included."""
    source = folder / f"bench-{workers}.jsonl"
    with open(source, "w", encoding="utf-8") as handle:
        for index, text in enumerate(texts):
            handle.write(json.dumps({"id": f"b{index}", "text": text}) + "\n")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "extract", str(source), "-o",
                    str(folder / f"out-{workers}.jsonl"), "--overwrite", "--no-progress",
                    "--workers", str(workers)], check=True, cwd=ROOT,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def peak_child_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def dev_density(path: Path) -> float | None:
    """Entities per 1,000 words in the gold dev corpus, if it is here."""
    if not path.exists():
        return None
    words = entities = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        words += len(record["text"].split())
        entities += len(record.get("entities", []))
    return 1000 * entities / words


def real_text_runs(name: str, load, articles: list[str], words: int, repeats: int,
                   seeds: tuple[int, int]) -> dict | None:
    """The tokenizer against a freshly loaded pipeline on real articles repeated to `words`
    words, digits re-drawn in every repetition; None without articles."""
    if not articles:
        return None
    nlp = load()
    runs = []
    for repeat in range(repeats):
        tok_texts = real_corpus(articles, words, seed=seeds[0] + repeat)
        pipe_texts = real_corpus(articles, words, seed=seeds[1] + repeat)
        tok_wps = word_count(tok_texts) / time_tokenizer(tok_texts)
        pipe_seconds, per_component, _ = time_pipeline(nlp, pipe_texts)
        pipe_wps = word_count(pipe_texts) / pipe_seconds
        runs.append({
            "words": word_count(pipe_texts),
            "tokenizer_words_per_second": round(tok_wps),
            "pipeline_words_per_second": round(pipe_wps),
            "ratio": round(pipe_wps / tok_wps, 4),
            "seconds_per_component": {k: round(v, 3) for k, v in per_component.items()},
        })
        print(f"{name}, repeat {repeat + 1}: tokenizer {tok_wps:,.0f} w/s, pipeline "
              f"{pipe_wps:,.0f} w/s, ratio {pipe_wps / tok_wps:.3f}", flush=True)
    return {"articles": len(articles), "runs": runs,
            "best_ratio": max(r["ratio"] for r in runs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--real-words", type=int, default=500_000,
                        help="words of real article text per repetition (0 to skip)")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results.json"))
    args = parser.parse_args()

    import pipeline

    start = time.perf_counter()
    nlp = pipeline.load()
    load_seconds = time.perf_counter() - start
    results: dict = {"words_per_repeat": None, "repeats": args.repeats, "runs": []}
    for repeat in range(args.repeats):
        # Fresh text in every repetition, for both sides (different seeds).
        tok_texts = corpus(args.words, seed=1000 + repeat)
        pipe_texts = corpus(args.words, seed=2000 + repeat)
        tok_seconds = time_tokenizer(tok_texts)
        pipe_seconds, per_component, entities = time_pipeline(nlp, pipe_texts)
        tok_wps = word_count(tok_texts) / tok_seconds
        pipe_wps = word_count(pipe_texts) / pipe_seconds
        results["words_per_repeat"] = word_count(pipe_texts)
        results["runs"].append({
            "tokenizer_words_per_second": round(tok_wps),
            "pipeline_words_per_second": round(pipe_wps),
            "ratio": round(pipe_wps / tok_wps, 4),
            "seconds_per_component": {k: round(v, 3) for k, v in per_component.items()},
            "entities_per_1000_words": round(1000 * entities / word_count(pipe_texts), 1),
        })
        print(f"repeat {repeat + 1}: tokenizer {tok_wps:,.0f} w/s, pipeline {pipe_wps:,.0f} "
              f"w/s, ratio {pipe_wps / tok_wps:.3f}", flush=True)
    # A fresh pipeline for each language, as each `coopie extract` process builds one: the
    # generated corpus above left its strings in this one's vocabulary.
    results["real_text"] = real_text_runs(
        "real text", lambda: pipeline.load(), real_articles() if args.real_words else [],
        args.real_words, args.repeats, seeds=(4000, 5000))
    if results["real_text"]:
        results["real_text"]["target_ratio"] = 0.1
    # The same method on the Vietnamese articles (issue 14), through the Vietnamese pipeline;
    # words are what whitespace separates (syllables), on both sides.
    results["real_text_vi"] = real_text_runs(
        "Vietnamese real text", lambda: pipeline.load(language="vi"),
        real_articles(REAL_CORPUS_VI) if args.real_words else [], args.real_words,
        args.repeats, seeds=(6000, 7000))
    best = max(results["runs"], key=lambda r: r["ratio"])
    results["best_ratio"] = best["ratio"]
    results["target_ratio"] = 0.125
    results["peak_rss_mb_this_process"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    results["pipeline_load_seconds"] = round(load_seconds, 2)
    results["dev_corpus_entities_per_1000_words"] = dev_density(
        ROOT.parent / "shared" / "corpus" / "dev.jsonl")

    with tempfile.TemporaryDirectory() as folder:
        texts = corpus(args.words, seed=3000)
        one = time_workers(texts, 1, Path(folder))
        rss_one = peak_child_rss_mb()
        two = time_workers(texts, 2, Path(folder))
        small = Path(folder) / "small.txt"
        small.write_text("Nam Dinh has 640 cooperatives with 52,000 members.", encoding="utf-8")
        # The median of five runs: one start-up is a second or two, and the machine is noisy.
        startups = []
        for _ in range(STARTUP_RUNS):
            begin = time.perf_counter()
            subprocess.run([sys.executable, "-m", "pipeline", "extract", str(small), "-o",
                            str(Path(folder) / "small.jsonl"), "--no-progress",
                            "--overwrite"], check=True, cwd=ROOT, stderr=subprocess.DEVNULL)
            startups.append(time.perf_counter() - begin)
        startup = statistics.median(startups)
    results.update({
        "workers_words": word_count(texts),
        "workers_1_seconds": round(one, 2), "workers_2_seconds": round(two, 2),
        "workers_speedup": round(one / two, 3), "target_speedup": 1.7,
        "peak_rss_mb_per_worker": round(peak_child_rss_mb(), 1),
        "peak_rss_mb_one_worker_run": round(rss_one, 1),
        "startup_seconds_small_file": round(startup, 2),
        "startup_seconds_runs": [round(t, 2) for t in startups],
        "target_startup_seconds": 1.5,
        "startup_with_built_model": (ROOT / "models" / "coopie-en").is_dir(),
    })
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
