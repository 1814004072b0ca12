"""The persistent store: incremental ingest, one graph per article, crash safety."""

from __future__ import annotations

import os
import pickle
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import KgError
from kg.export import sorted_triples
from kg.graph import from_graph, to_graph
from kg.ids import content_hash
from kg.ingest import read_sources
from kg.model import Actor, Document, Event, FuzzyDate
from kg.ontology import relation_types
from kg.pipeline import BuildResult, Pipeline
from kg.query import run_query, saved_queries
from kg.store import ACTORS, RELATIONS, KgStore
from kg.vocab import actor_iri, document_iri, relation_iri
from tests.conftest import ROOT, SEEDS, SHARED_CORPUS

SEED_NAME = "000_fe4779ae45dedb0e.txt"
# Shares "Trump met Putin" with the seed, which the seed's first third does not say.
SECOND = """---
date: 2025-08-16
---
Donald Trump met Vladimir Putin in Alaska on 15 August 2025. Emmanuel Macron criticized
Vladimir Putin on Friday.
"""


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def seed_result(pipeline) -> BuildResult:
    return pipeline.run(read_sources([SEEDS]).documents)


def canonical_nt(graph: Graph) -> bytes:
    """The graph as Oxigraph stores it (values: "1.0"^^xsd:decimal reads back as "1"),
    written as sorted N-Triples, as ``KgStore.serialize("nt")`` writes."""
    memory = ox.Store()
    memory.extend(ox.Quad(*t) for t in sorted_triples(graph))
    triples = sorted({q.triple for q in memory}, key=lambda t: tuple(map(str, t)))
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def graph_quads(store: KgStore, name: ox.NamedNode) -> set[str]:
    return {str(q) for q in store.db.quads_for_pattern(None, None, None, name)}


def direct_triples(events: list[Event]) -> set[str]:
    return {
        f"<{actor_iri(e.subject)}> <{relation_iri(e.relation)}> <{actor_iri(e.object)}> {RELATIONS}"
        for e in events
    }


def test_seed_store_is_the_in_memory_graph(tmp_path, seed_result):
    graph = to_graph(seed_result.documents, seed_result.actors, seed_result.events)
    with KgStore(tmp_path / "store") as store:
        report = store.ingest(seed_result)
        assert (report.added, report.replaced, report.unchanged) == (1, 0, 0)
        assert store.serialize("nt") == canonical_nt(graph)
        assert isomorphic(store.to_rdflib(), Graph().parse(data=canonical_nt(graph), format="nt"))
        # Every saved query gives as many rows over the store's union as over rdflib's graph.
        for name, path in saved_queries().items():
            text = path.read_text(encoding="utf-8")
            assert len(store.query(text).rows) == len(run_query(graph, text).rows), name
        # Render and export read records back: the same records as from rdflib's graph.
        assert from_graph(store.to_rdflib()) == from_graph(graph)
        everything = "SELECT * WHERE { ?s ?p ?o }"
        assert len(store.query(everything).rows) == len(graph)
        doc = document_iri(seed_result.documents[0].doc_id)
        event = relation_iri("RelationEvent")
        in_graph = f"SELECT ?e WHERE {{ GRAPH <{doc}> {{ ?e a <{event}> }} }}"
        assert len(store.query(in_graph).rows) == len(seed_result.events)


def test_reingest_changes_nothing(tmp_path, seed_result):
    with KgStore(tmp_path / "store") as store:
        store.ingest(seed_result)
        before = store.serialize("nq")
        report = store.ingest(seed_result)
        assert (report.added, report.replaced, report.unchanged) == (0, 0, 1)
        assert store.serialize("nq") == before
        assert store.known_hashes() == {seed_result.documents[0].doc_id}
        assert store.source_hashes() == {SEED_NAME: seed_result.documents[0].doc_id}


def test_changed_article_replaces_only_its_graph(tmp_path, pipeline):
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(SEEDS / SEED_NAME, articles / SEED_NAME)
    (articles / "second.md").write_text(SECOND, encoding="utf-8")
    first = pipeline.run(read_sources([articles]).documents)
    old_seed, second = sorted(first.documents, key=lambda d: d.source)
    store = KgStore(tmp_path / "store")
    assert store.ingest(first).added == 2
    second_graph = ox.NamedNode(str(document_iri(second.doc_id)))
    second_before = graph_quads(store, second_graph)
    actors_before = graph_quads(store, ACTORS)
    said = {(e.subject, e.relation, e.object) for e in first.events if e.doc_id == second.doc_id}
    assert ("donald-trump", "met", "vladimir-putin") in said

    text = (articles / SEED_NAME).read_text(encoding="utf-8")
    (articles / SEED_NAME).write_text(text[: len(text) // 3], encoding="utf-8")
    changed = pipeline.run(read_sources([articles]).documents)
    new_seed = next(d for d in changed.documents if d.source == SEED_NAME)
    report = store.ingest(changed)
    assert (report.added, report.replaced, report.unchanged) == (0, 1, 1)

    assert graph_quads(store, second_graph) == second_before  # the other article untouched
    assert graph_quads(store, ox.NamedNode(str(document_iri(old_seed.doc_id)))) == set()
    assert actors_before <= graph_quads(store, ACTORS)  # actors are only ever merged
    assert store.source_hashes() == {SEED_NAME: new_seed.doc_id, "second.md": second.doc_id}
    # The direct triples are exactly those some stored event supports: "Trump met Putin"
    # stays (the second article says it), the ones only the old seed said are gone.
    assert graph_quads(store, RELATIONS) == direct_triples(changed.events)
    gone = direct_triples(first.events) - direct_triples(changed.events)
    assert gone, "the shortened seed should have lost some relations"
    # The articles' part of the union is what a fresh build of the same files gives.
    fresh = to_graph(changed.documents, [], changed.events, with_ontology=False)
    stored = Graph()
    for name in (second_graph, ox.NamedNode(str(document_iri(new_seed.doc_id))), RELATIONS):
        data = store.db.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)
        stored.parse(data=data, format="nt")
    assert isomorphic(stored, Graph().parse(data=canonical_nt(fresh), format="nt"))
    store.close()


@pytest.mark.skipif(not SHARED_CORPUS.exists(), reason="the shared VOA corpus is not here")
def test_corpus_lines_ingest(tmp_path, pipeline):
    documents = read_sources([SHARED_CORPUS]).documents[:5]
    result = pipeline.run(documents)
    with KgStore(tmp_path / "store") as store:
        assert store.ingest(result).added == len(result.documents) == 5
        assert set(store.source_hashes()) == {d.source for d in documents}
        assert all("voa_stories.jsonl#" in s for s in store.source_hashes())
        graph = to_graph(result.documents, result.actors, result.events)
        assert store.serialize("nt") == canonical_nt(graph)
        assert store.counts()["events"] == len(result.events)


def test_queries_are_read_only(tmp_path, seed_result):
    with KgStore(tmp_path / "store") as store:
        store.ingest(seed_result)
        size = len(store.db)
        for text in (
            "INSERT DATA { <http://a.example/> <http://a.example/> <http://a.example/> }",
            "LOAD <http://127.0.0.1:9/data.ttl>",
            "DELETE WHERE { ?s ?p ?o }",
        ):
            with pytest.raises(KgError, match="read-only"):
                store.query(text)
        with pytest.raises(KgError, match="SERVICE"):
            store.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
        with pytest.raises(KgError, match="invalid SPARQL"):
            store.query("SELECT WHERE {")
        assert len(store.db) == size
        # ?service is a variable, not the keyword; bindings work as in kg query.
        rows = store.query("SELECT ?service WHERE { ?service ?p ?o } LIMIT 1").rows
        assert len(rows) == 1
        bound = store.query(
            "SELECT ?a ?name WHERE { ?a <http://www.w3.org/2000/01/rdf-schema#label> ?name }",
            {"name": "Donald Trump"},
        )
        assert [str(r[0]) for r in bound.rows] == [str(actor_iri("donald-trump"))]


def test_serializations_parse_back(tmp_path, seed_result):
    with KgStore(tmp_path / "store") as store:
        store.ingest(seed_result)
        quads = len(store.db)
        for fmt, ox_format in (("nq", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)):
            assert len(set(ox.parse(store.serialize(fmt), format=ox_format))) == quads
        union = Graph().parse(data=store.serialize("ttl"), format="turtle")
        assert isomorphic(union, store.to_rdflib())
        with pytest.raises(KgError, match="unknown store format"):
            store.serialize("xml")


def test_open_errors(tmp_path):
    with pytest.raises(KgError, match="no store"):
        KgStore(tmp_path / "missing", read_only=True)
    with KgStore(tmp_path / "store"), pytest.raises(KgError, match="in use"):
        KgStore(tmp_path / "store")
    with (
        KgStore(tmp_path / "store", read_only=True) as store,
        pytest.raises(KgError, match="read-only"),
    ):
        store.ingest(BuildResult())


# -- crash safety ----------------------------------------------------------------------
def synthetic_result(n_docs: int, seed: int = 5) -> BuildResult:
    """Articles with 20..52 events each, so a half-written one would show."""
    rng = random.Random(seed)
    relations = sorted(relation_types())
    actors = [Actor(f"actor-{i}", f"Actor {i}", "Person", aliases=[f"A. {i}"]) for i in range(60)]
    documents, events = [], []
    for d in range(n_docs):
        text = f"Article {d}: " + " ".join(rng.choice("abcdefgh") * 5 for _ in range(30))
        doc = Document(content_hash(text), text, 0, f"article-{d:04}.txt", title=f"Article {d}")
        documents.append(doc)
        for k in range(20 + d % 33):
            s, o = rng.sample(range(60), 2)
            events.append(
                Event(
                    f"actor-{s}",
                    rng.choice(relations),
                    f"actor-{o}",
                    f"Sentence {k}.",
                    doc.source,
                    doc.doc_id,
                    k * 50,
                    k * 50 + 20,
                    date=FuzzyDate("2025", "year"),
                    confidence=0.5,
                    method="synthetic",
                )  # fmt: skip
            )
    return BuildResult(documents, actors, events)


CHILD = """
import pickle, sys
from kg.store import KgStore
with open(sys.argv[1], "rb") as stream:
    result = pickle.load(stream)
store = KgStore(sys.argv[2])
store.ingest(result, progress=lambda doc, status: print(doc.doc_id, flush=True))
print("done", flush=True)
"""


def test_sigkill_mid_ingest_leaves_whole_articles(tmp_path):
    result = synthetic_result(150)
    expected = {d.doc_id: 0 for d in result.documents}
    for event in result.events:
        expected[event.doc_id] += 1
    (tmp_path / "result.pickle").write_bytes(pickle.dumps(result))
    path = tmp_path / "store"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path / "result.pickle"), str(path)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in child.stdout], daemon=True).start()
    reported, deadline = 0, time.monotonic() + 60
    try:
        while reported < 25 and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            assert line.strip() != "done", "ingest finished before it could be killed"
            reported += 1
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert reported == 25, f"the child reported {reported} articles in 60 s"

    with KgStore(path) as store:
        counts = {
            r["h"].value.removeprefix("sha256:"): int(r["n"].value)
            for r in store.db.query(
                "PREFIX kg: <https://w3id.org/kg-news/ontology#> "
                "SELECT ?h (COUNT(?e) AS ?n) WHERE { GRAPH ?g { ?d kg:contentHash ?h . "
                "?e a kg:RelationEvent } } GROUP BY ?h"
            )
        }
        assert 25 <= len(counts) < len(result.documents)
        assert len(store.known_hashes()) == len(counts)  # no graph without its events
        assert counts == {h: expected[h] for h in counts}  # no half article
        # Whole also means byte-equal to what a clean ingest of those articles writes.
        survivors = [d for d in result.documents if d.doc_id in counts]
        clean_result = BuildResult(
            survivors, result.actors, [e for e in result.events if e.doc_id in counts]
        )
        with KgStore(tmp_path / "clean") as clean:
            clean.ingest(clean_result)
            assert store.serialize("nq") == clean.serialize("nq")
        # The interrupted ingest resumes where it stopped.
        report = store.ingest(result)
        assert report.added == len(result.documents) - len(counts)
        assert report.unchanged == len(counts)
        assert store.counts()["events"] == len(result.events)
