"""Extraction throughput against raw spaCy ``nlp.pipe`` over the same text, same run.

The baseline is the parse alone; kg adds mentions, triggers, resolution and dates on
top. Corpora: the VOA stories in ../shared/corpus (real news) and a seeded synthetic
corpus built from the seed article's sentences, shuffled. Figures only, no assertion.

    python bench/bench_extract.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ingest import parse_article  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.pipeline import Pipeline  # noqa: E402

VOA = ROOT.parent / "shared" / "corpus" / "voa_stories.jsonl"


def voa_documents() -> list[Document]:
    documents = []
    for number, line in enumerate(VOA.read_text(encoding="utf-8").splitlines(), start=1):
        record = json.loads(line)
        text = f"---\ndate: {record['published'][:10]}\ntitle: x\n---\n{record['text']}"
        document = parse_article(text, source=f"voa#{number}", warnings=[])
        if document is not None:
            documents.append(document)
    return documents


def synthetic_documents(count: int = 200, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    seed_text = (ROOT / "seeds" / "000_fe4779ae45dedb0e.txt").read_text(encoding="utf-8")
    sentences = [s.strip() + "." for s in seed_text.split("\n", 1)[1].split(".") if s.strip()]
    documents = []
    for number in range(count):
        body = " ".join(rng.sample(sentences, 12))
        text = f"---\ndate: 2025-08-08\n---\n{body}"
        documents.append(parse_article(text, source=f"synthetic#{number}", warnings=[]))
    return documents


def best_of(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pipeline = Pipeline()
    nlp = pipeline.nlp
    corpora = {"synthetic (seeded)": synthetic_documents()}
    if VOA.exists():
        corpora["VOA stories"] = voa_documents()
    print(f"{'corpus':20} {'docs':>5} {'chars':>9} {'spaCy s':>8} {'kg s':>8} {'ratio':>6}")
    for name, documents in corpora.items():
        texts = [d.text for d in documents]
        # Warm both paths once so model loading is not counted.
        list(nlp.pipe(texts[:2]))
        pipeline.run(documents[:2])
        raw = best_of(args.repeat, lambda texts=texts: list(nlp.pipe(texts)))
        full = best_of(args.repeat, lambda documents=documents: pipeline.run(documents))
        chars = sum(len(t) for t in texts)
        print(f"{name:20} {len(texts):5} {chars:9} {raw:8.2f} {full:8.2f} {full / raw:6.2f}x")


if __name__ == "__main__":
    main()
