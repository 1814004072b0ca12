"""How the persistent store loads and answers, against baselines from the same run.

A seeded synthetic N-Triples file in the project's vocabulary (relation events with
kg:subject, kg:object, kg:relationType, kg:date, kg:evidence, kg:confidence) is loaded and
asked one aggregate (events per relation type) by (a) KgStore, (b) pyoxigraph alone and
(c) rdflib's in-memory Graph, on the same file unless --rdflib-triples names a smaller
one (then its figures are extrapolated linearly per triple, printed as such; rdflib's
cost per triple grows with the graph, so that flatters it). Each loader runs in its own process,
so peak memory (ru_maxrss, after imports) is its own. Then the transactional path: a
synthetic corpus ingested article by article, and re-ingested unchanged. Figures only.

    python bench/bench_store.py [--triples 1000000] [--rdflib-triples N] [--docs 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.ontology import relation_types  # noqa: E402
from kg.vocab import KG_NS, actor_iri, document_iri, event_iri  # noqa: E402

AGGREGATE = (
    f"PREFIX kg: <{KG_NS}> SELECT ?r (COUNT(?e) AS ?n) "
    "WHERE { ?e kg:relationType ?r } GROUP BY ?r ORDER BY ?r"
)
XSD = "http://www.w3.org/2001/XMLSchema#"


def write_ntriples(path: Path, n_triples: int, seed: int = 1) -> int:
    """Relation events, 8 triples each, over 5,000 actors with news-like skew."""
    rng = random.Random(seed)
    relations = sorted(relation_types())
    actors = [f"<{actor_iri(f'actor-{i}')}>" for i in range(5000)]
    weights = [1 / (i + 1) ** 0.8 for i in range(len(actors))]
    kg = {p: f"<{KG_NS}{p}>" for p in ("subject", "object", "relationType", "date",
                                        "evidence", "confidence", "source")}  # fmt: skip
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(n_triples // 8):
            event = f"<{event_iri(f'{n:020x}')}>"
            s, o = rng.choices(actors, weights, k=2)
            day = f"2025-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
            out.write(
                f"{event} {rdf_type} <{KG_NS}RelationEvent> .\n"
                f"{event} {kg['subject']} {s} .\n{event} {kg['object']} {o} .\n"
                f"{event} {kg['relationType']} <{KG_NS}{rng.choice(relations)}> .\n"
                f'{event} {kg["date"]} "{day}"^^<{XSD}date> .\n'
                f'{event} {kg["evidence"]} "Sentence {n} says {s[-12:-1]} acted." .\n'
                f'{event} {kg["confidence"]} "0.{rng.randint(10, 99)}"^^<{XSD}decimal> .\n'
                f"{event} {kg['source']} <{document_iri(f'{n // 20:064x}')}> .\n"
            )
            written += 8
    return written


def child(kind: str, nt: Path, where: Path) -> dict:
    """One loader in this process: load, then the aggregate three times."""
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.store import KgStore

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    if kind == "kgstore":
        store = KgStore(where)
        store.load_ntriples_bulk(nt)
        ask = lambda: len(store.query(AGGREGATE).rows)  # noqa: E731
    elif kind.startswith("pyoxigraph"):
        raw = ox.Store(str(where))
        # KgStore keeps everything in named graphs: six indexes per quad instead of the
        # default graph's three, so the same layout is measured too.
        named = ox.NamedNode("http://example.org/g") if kind.endswith("named") else None
        raw.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES, to_graph=named)
        union = named is not None
        ask = lambda: len(list(raw.query(AGGREGATE, use_default_graph_as_union=union)))  # noqa: E731
    else:
        graph = Graph()
        graph.parse(nt, format="nt")
        ask = lambda: len(list(graph.query(AGGREGATE)))  # noqa: E731
    load = time.perf_counter() - started
    times, rows = [], 0
    for _ in range(3):
        started = time.perf_counter()
        rows = ask()
        times.append(time.perf_counter() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"load": load, "first": times[0], "best": min(times), "rows": rows,
            "peak_kib": peak - before}  # fmt: skip


def run_child(kind: str, nt: Path, where: Path, triples: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--nt", str(nt), "--dir", str(where)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["triples"] = triples
    return figures


def ingest_figures(n_docs: int, where: Path) -> dict:
    """The transactional path: one article per transaction, then an unchanged re-run."""
    from kg.ids import content_hash
    from kg.model import Actor, Document, Event, FuzzyDate
    from kg.pipeline import BuildResult
    from kg.store import KgStore

    rng = random.Random(3)
    relations = sorted(relation_types())
    actors = [Actor(f"actor-{i}", f"Actor {i}", "Person") for i in range(2000)]
    documents, events = [], []
    for d in range(n_docs):
        text = f"Article {d}. " + " ".join(f"word{rng.randint(0, 9999)}" for _ in range(500))
        doc = Document(content_hash(text), text, 0, f"article-{d:05}.txt", title=f"T{d}")
        documents.append(doc)
        for k in range(10):
            s, o = rng.sample(range(2000), 2)
            events.append(Event(f"actor-{s}", rng.choice(relations), f"actor-{o}",
                                f"Sentence {k}.", doc.source, doc.doc_id, k * 80, k * 80 + 40,
                                date=FuzzyDate("2025-03", "month"), confidence=0.6,
                                method="bench"))  # fmt: skip
    result = BuildResult(documents, actors, events)
    with KgStore(where) as store:
        started = time.perf_counter()
        store.ingest(result)
        first = time.perf_counter() - started
        quads = len(store.db)
        started = time.perf_counter()
        known = store.known_hashes()
        todo = [d for d in documents if content_hash(d.text) not in known]
        skip = time.perf_counter() - started
        started = time.perf_counter()
        report = store.ingest(result)
        again = time.perf_counter() - started
        started = time.perf_counter()
        size = len(store.serialize("nq"))
    return {"docs": n_docs, "quads": quads, "first": first, "skip_check": skip,
            "reingest": again, "unchanged": report.unchanged, "todo": len(todo),
            "serialize_nq": time.perf_counter() - started, "nq_bytes": size}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--rdflib-triples", type=int, default=0, help="default: --triples")
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--child", choices=["kgstore", "pyoxigraph", "pyoxigraph-named", "rdflib"])
    parser.add_argument("--nt", type=Path)
    parser.add_argument("--dir", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.nt, args.dir)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        big = write_ntriples(work / "big.nt", args.triples)
        # rdflib at the full size by default: per-triple cost grows with the graph.
        small = write_ntriples(work / "small.nt", args.rdflib_triples or args.triples)
        print(f"synthetic N-Triples: {big:,} and {small:,} triples "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        a = run_child("kgstore", work / "big.nt", work / "kgstore", big)
        b = run_child("pyoxigraph", work / "big.nt", work / "pyoxigraph", big)
        n = run_child("pyoxigraph-named", work / "big.nt", work / "pyoxigraph-named", big)
        c = run_child("rdflib", work / "small.nt", work / "unused", small)
        print(f"\n{'':24}{'triples':>10}{'load s':>9}{'ktriples/s':>11}"
              f"{'query s (1st/best)':>20}{'rows':>6}{'peak B/triple':>15}")  # fmt: skip
        rows = (("(a) KgStore", a), ("(b) pyoxigraph", b), ("(b') pyoxigraph, named", n),
                ("(c) rdflib Graph", c))  # fmt: skip
        for name, f in rows:
            print(f"{name:24}{f['triples']:>10,}{f['load']:>9.2f}"
                  f"{f['triples'] / f['load'] / 1000:>11.0f}"
                  f"{f['first']:>11.3f}/{f['best']:<8.3f}{f['rows']:>6}"
                  f"{f['peak_kib'] * 1024 / f['triples']:>15.0f}")  # fmt: skip
        scale = big / small  # rdflib's figures at the big size, linear per triple
        print(f"\nKgStore / pyoxigraph: load x{a['load'] / b['load']:.2f}, "
              f"query x{a['best'] / b['best']:.2f} (best of 3)")  # fmt: skip
        print(f"KgStore / pyoxigraph in one named graph (KgStore's layout): "
              f"load x{a['load'] / n['load']:.2f}, query x{a['best'] / n['best']:.2f}")  # fmt: skip
        print(f"rdflib / KgStore (rdflib scaled x{scale:g} from {small:,} triples): "
              f"load x{c['load'] * scale / a['load']:.0f}, "
              f"query x{c['best'] * scale / a['best']:.0f}")  # fmt: skip
        i = ingest_figures(args.docs, work / "ingest")
        print(
            f"\ntransactional ingest: {i['docs']:,} articles, {i['quads']:,} quads in "
            f"{i['first']:.2f} s ({i['docs'] / i['first']:.0f} articles/s, "
            f"{i['quads'] / i['first'] / 1000:.0f} kquads/s; one transaction per article)"
        )
        print(f"unchanged corpus: hash check before extraction {i['skip_check'] * 1000:.0f} ms "
              f"({i['todo']} to extract), ingest() again {i['reingest'] * 1000:.0f} ms "
              f"({i['unchanged']:,} unchanged) = x{i['first'] / i['reingest']:.0f} faster "
              f"than the first ingest")  # fmt: skip
        print(f"serialize('nq') of that store: {i['serialize_nq']:.2f} s, "
              f"{i['nq_bytes'] / 1e6:.0f} MB, sorted")  # fmt: skip


if __name__ == "__main__":
    main()
