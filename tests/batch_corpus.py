"""Synthetic cooperative-news documents for the batch tests, written for them (not taken
from any real article)."""

from __future__ import annotations

import json
import random
from pathlib import Path

PROVINCES = ["Thai Binh", "Nam Dinh", "Lam Dong", "Ca Mau", "Son La", "Hai Duong", "Dak Lak",
             "Quang Nam", "Ninh Binh", "Ben Tre"]
TEMPLATES = [
    "By the end of {year}, {province} had {n} agricultural cooperatives with {m:,} members.",
    "The average revenue of a cooperative in {province} reached VND{b}.{d} billion in {year}, "
    "up {p}.{q}% compared to {prev}.",
    "Currently, {province} is home to {n} cooperatives and {g} cooperative groups.",
    "Members of the cooperatives earn about VND{i} million a month.",
    "The province aims to have {n2} cooperatives by {target}, the Department of Agriculture said.",
    "{province} cooperatives created jobs for {w:,} workers in the first half of {year}.",
]


def article(rng: random.Random, index: int) -> str:
    """One short article of 4-7 sentences with fresh figures."""
    province = rng.choice(PROVINCES)
    year = rng.randint(2015, 2024)
    values = {"province": province, "year": year, "prev": year - 1, "target": year + 5,
              "n": rng.randint(20, 900), "m": rng.randint(1000, 90000),
              "b": rng.randint(1, 9), "d": rng.randint(0, 9), "p": rng.randint(1, 30),
              "q": rng.randint(0, 9), "g": rng.randint(10, 400), "i": rng.randint(3, 12),
              "n2": rng.randint(100, 1200), "w": rng.randint(500, 40000)}
    sentences = rng.sample(TEMPLATES, rng.randint(4, len(TEMPLATES)))
    headline = f"{province}: cooperatives report {index} new members"
    return headline + "\n\n" + " ".join(s.format(**values) for s in sentences)


def write_jsonl(path: Path, count: int, seed: int = 7) -> Path:
    """A JSONL file of `count` synthetic articles with ids doc-0000…"""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as handle:
        for index in range(count):
            handle.write(json.dumps({"id": f"doc-{index:04d}", "text": article(rng, index),
                                     "published": f"{rng.randint(2016, 2025)}-0{rng.randint(1, 9)}-15"})
                         + "\n")
    return path
