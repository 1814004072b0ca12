"""A persistent knowledge graph: Oxigraph on disk, one named graph per article.

Layout (all graph names under ``https://w3id.org/kg-news/id/``):

* ``doc/<hash>`` -- one graph per article, named by its document IRI: the Document node
  and its relation events. Replacing an article replaces this graph and no other article's.
* ``graph/actors`` -- actors (type, label, altLabel, sameAs), merged across articles.
* ``graph/relations`` -- the direct ``actor kg:met actor`` triples. Oxigraph's union default
  graph keeps one row per graph a triple is in, so a triple two articles share would be
  counted twice if it lived in both; here it lives once while any article's event supports
  it, and union queries count what an rdflib graph of the same build counts.
* ``graph/ontology`` -- ``ontology/kg.ttl``.

Each article is written in one transaction (``Store.extend`` or one SPARQL update), after
the actors it refers to, so a process killed at any point leaves whole articles only.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import KgError
from kg.export import sorted_triples
from kg.graph import add_actor, add_document, add_event, new_graph
from kg.model import Actor, Document, Event
from kg.ontology import ontology_graph
from kg.pipeline import BuildResult
from kg.quads import ACTORS, BULK, ONTOLOGY, RELATIONS, Collector, graph_of, insert_data
from kg.query import QueryResult, _binding, check_query, first_line, unparsable
from kg.remote import push_quads
from kg.results import query_result, triple_key
from kg.terms import to_ox_term, to_rdflib_term
from kg.vocab import KG_NS, document_iri

BULK_CHUNK = 50_000  # N-Triples lines per bulk-load call: bounded memory, same speed
STORE_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}
# An actor keeps the first kind, label and Wikidata id it was stored with; aliases add up.
_FUNCTIONAL = {ox.NamedNode(str(p)) for p in (RDF.type, RDFS.label, OWL.sameAs)}
_KG = f"PREFIX kg: <{KG_NS}>\n"


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0


class KgStore:
    """The graph store in directory ``path`` (created when missing, unless read-only)."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path, self.read_only = Path(path), read_only
        try:
            if read_only:
                if not self.path.is_dir():
                    raise KgError(f"no store at {self.path} (run 'kg ingest' first)")
                self._store: ox.Store | None = ox.Store.read_only(str(self.path))
            else:
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise KgError(f"store {self.path} is in use by another process") from exc
            raise KgError(f"cannot open store {self.path}: {first_line(exc)}") from exc

    @property
    def db(self) -> ox.Store:
        if self._store is None:
            raise KgError(f"store {self.path} is closed")
        return self._store

    def close(self) -> None:
        """Release the directory (RocksDB's lock goes with the last reference)."""
        self._store = None

    def __enter__(self) -> KgStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- what is stored -------------------------------------------------------------------
    def source_hashes(self) -> dict[str, str]:
        """``{source: doc_id}`` for every stored article."""
        rows = self.db.query(
            _KG + "SELECT ?f ?h WHERE { GRAPH ?g { ?d a kg:Document ; "
            "kg:fileName ?f ; kg:contentHash ?h } }"
        )
        return {r["f"].value: r["h"].value.removeprefix("sha256:") for r in rows}

    def known_hashes(self) -> set[str]:
        """Content hashes already stored: the caller skips extraction for these."""
        rows = self.db.query(
            _KG + "SELECT ?h WHERE { GRAPH ?g { ?d a kg:Document ; kg:contentHash ?h } }"
        )
        return {r["h"].value.removeprefix("sha256:") for r in rows}

    def counts(self) -> dict[str, int]:
        text = _KG + (
            "SELECT (COUNT(DISTINCT ?d) AS ?documents) (COUNT(DISTINCT ?e) AS ?events) "
            "WHERE { { GRAPH ?g { ?d a kg:Document } } UNION "
            "{ GRAPH ?g { ?e a kg:RelationEvent } } }"
        )
        row = next(iter(self.db.query(text)))
        actors = {q.subject for q in self.db.quads_for_pattern(None, None, None, ACTORS)}
        return {
            "documents": int(row["documents"].value),
            "events": int(row["events"].value),
            "actors": len(actors),
            "quads": len(self.db),
        }

    # -- writing --------------------------------------------------------------------------
    def ingest(
        self, result: BuildResult, progress: Callable[[Document, str], None] | None = None
    ) -> IngestReport:
        """Add new articles, replace changed ones (same source, new hash), skip known ones."""
        self._writable()
        self._sync_ontology()
        # Actors first, in their own transaction: a crash after it leaves unused actors,
        # never events that point at missing ones.
        self._merge_actors(result.actors)
        stored = self.source_hashes()
        known = self.known_hashes()
        events: dict[str, list[Event]] = defaultdict(list)
        for event in result.events:
            events[event.doc_id].append(event)
        report = IngestReport()
        for document in result.documents:
            if document.doc_id in known:
                report.unchanged += 1
                status = "unchanged"
            else:
                old = stored.get(document.source)
                self._write_document(document, events.get(document.doc_id, []), old)
                known.add(document.doc_id)
                stored[document.source] = document.doc_id
                status = "replaced" if old else "added"
                setattr(report, status, getattr(report, status) + 1)
            if progress is not None:
                progress(document, status)
        return report

    def _writable(self) -> None:
        if self.read_only:
            raise KgError(f"store {self.path} is open read-only")

    def _write_document(self, document: Document, events: list[Event], old: str | None) -> None:
        collector = Collector()
        add_document(cast(Graph, collector), document)
        for event in events:
            add_event(cast(Graph, collector), event)
        name = ox.NamedNode(str(document_iri(document.doc_id)))
        quads = [ox.Quad(s, p, o, graph_of(s, name)) for s, p, o in collector.triples]
        if old is None:
            self.db.extend(quads)  # one transaction
            return
        old_name = ox.NamedNode(str(document_iri(old)))
        supported = self.db.query(
            _KG + f"SELECT DISTINCT ?s ?r ?o WHERE {{ GRAPH {old_name} "
            "{ ?e kg:subject ?s ; kg:relationType ?r ; kg:object ?o } }"
        )
        values = " ".join(f"({r['s']} {r['r']} {r['o']})" for r in supported)
        # One update is one transaction: drop the old version, add the new one, then drop
        # the direct triples that no event in any article supports any more.
        update = f"{_KG}DROP SILENT GRAPH {old_name} ;\n{insert_data(quads)}"
        if values:
            update += (
                f" ;\nDELETE {{ GRAPH {RELATIONS} {{ ?s ?r ?o }} }} WHERE {{ "
                f"VALUES (?s ?r ?o) {{ {values} }} GRAPH {RELATIONS} {{ ?s ?r ?o }} "
                "FILTER NOT EXISTS { GRAPH ?g { ?e kg:subject ?s ; kg:relationType ?r ; "
                "kg:object ?o } } }"
            )
        self.db.update(update)

    def _merge_actors(self, actors: Iterable[Actor]) -> None:
        collector = Collector()
        for actor in actors:
            add_actor(cast(Graph, collector), actor)
        new: list[ox.Quad] = []
        for s, p, o in collector.triples:
            quad = ox.Quad(s, p, o, ACTORS)
            if quad in self.db:
                continue
            if p in _FUNCTIONAL and any(
                True for _ in self.db.quads_for_pattern(s, p, None, ACTORS)
            ):
                continue
            new.append(quad)
        if new:
            self.db.extend(new)

    def _sync_ontology(self) -> None:
        # Through a memory store first: Oxigraph stores values, so "1.0"^^xsd:decimal
        # comes back as "1", and the file's form would never compare equal.
        canonical = ox.Store()
        canonical.extend(ox.Quad(*t, ONTOLOGY) for t in sorted_triples(ontology_graph()))
        wanted = set(canonical)
        have = set(self.db.quads_for_pattern(None, None, None, ONTOLOGY))
        if wanted == have:
            return
        self.db.update(f"DROP SILENT GRAPH {ONTOLOGY} ;\n{insert_data(wanted)}")

    def load_ntriples_bulk(
        self, path: Path, graph: ox.NamedNode = BULK, chunk_lines: int = BULK_CHUNK
    ) -> None:
        """Fast, NOT transactional load of a big N-Triples file into one graph.

        Fed in chunks of ``chunk_lines`` lines: Oxigraph's bulk loader holds a whole input
        in memory, and a million triples in one go peak near 900 bytes a triple, against
        about 100 in chunks of 50,000, no slower (bench/bench_store.py). N-Triples has one
        triple a line, so chunks split nothing; only blank node labels, which no kg file
        has, would not be shared across chunks.
        """
        self._writable()
        try:
            with open(path, "rb") as stream:
                while chunk := b"".join(itertools.islice(stream, chunk_lines)):
                    self.db.bulk_load(input=chunk, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        except (OSError, SyntaxError) as exc:
            raise KgError(f"cannot load {path}: {first_line(exc)}") from exc

    # -- reading --------------------------------------------------------------------------
    def quads(self) -> list[ox.Quad]:
        return list(self.db.quads_for_pattern(None, None, None, None))

    def to_rdflib(self) -> Graph:
        """The union of all graphs, for code that reads records (``kg.graph.from_graph``)."""
        graph = new_graph()
        for q in self.db.quads_for_pattern(None, None, None, None):
            graph.add((to_rdflib_term(q.subject), to_rdflib_term(q.predicate),
                       to_rdflib_term(q.object)))  # fmt: skip
        return graph

    def serialize(self, fmt: str) -> bytes:
        """ttl/nt: the union, one line per distinct triple; nq/trig: the dataset. Sorted."""
        if fmt not in STORE_FORMATS:
            raise KgError(f"unknown store format {fmt!r}; choose one of {', '.join(STORE_FORMATS)}")
        quads = self.quads()
        items: list[Any]
        if fmt in ("ttl", "nt"):
            items = sorted({q.triple for q in quads}, key=triple_key)
        else:
            items = sorted(quads, key=lambda q: (str(q.graph_name), *triple_key(q)))
        prefixes = {p: str(ns) for p, ns in new_graph().namespaces() if p}
        kwargs = {"prefixes": prefixes} if fmt in ("ttl", "trig") else {}
        return ox.serialize(items, format=STORE_FORMATS[fmt], **kwargs)

    def query(
        self, text: str, bindings: dict[str, str] | None = None, allow_service: bool = False
    ) -> QueryResult:
        """Read-only SPARQL over the union of all graphs, as ``kg.query.run_query`` answers."""
        check_query(text, allow_service)
        substitutions = {
            ox.Variable(name): to_ox_term(_binding(value))
            for name, value in (bindings or {}).items()
        }
        try:
            raw = self.db.query(
                text, use_default_graph_as_union=True, substitutions=substitutions or None
            )
            return query_result(raw)
        except SyntaxError as exc:
            raise unparsable(text, exc) from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise KgError(f"query failed: {first_line(exc)}") from exc

    def push(self, endpoint_url: str, *, protocol: str = "gsp", batch: int = 20_000) -> int:
        """Copy every graph to a SPARQL 1.1 server (each graph replaced there); returns the
        number of quads sent. ``protocol="gsp"``: ``endpoint_url`` is a Graph Store Protocol
        endpoint (PUT per graph); ``"update"``: a SPARQL Update endpoint (batched requests)."""
        return push_quads(endpoint_url, self.quads(), protocol=protocol, batch=batch)
