"""Writers for the graph: Turtle, N-Triples, JSON-LD (through Oxigraph's serialisers,
fed sorted triples so the bytes never change), GraphML and the relations CSV.

Every file is written to a temporary name beside its target and renamed into place,
so a failed build leaves the previous exports as they were.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from kg.errors import KgError
from kg.model import Actor, Event
from kg.terms import to_ox_term

RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
FORMATS = (*RDF_FORMATS, "graphml", "csv")
SUFFIXES = {"ttl": ".ttl", "nt": ".nt", "jsonld": ".jsonld", "graphml": ".graphml", "csv": ".csv"}
CSV_COLUMNS = [
    "subject", "relation", "object", "date", "evidence", "source",
    "subject_id", "object_id", "subject_wikidata", "object_wikidata",
    "confidence", "method", "trigger", "start", "end", "event_id",
]  # fmt: skip


def sorted_triples(graph: Graph) -> list[ox.Triple]:
    triples = [ox.Triple(to_ox_term(s), to_ox_term(p), to_ox_term(o)) for s, p, o in graph]
    triples.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return triples


def serialize_rdf(graph: Graph, fmt: str) -> bytes:
    prefixes = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
    kwargs = {"prefixes": prefixes} if fmt == "ttl" else {}
    return ox.serialize(sorted_triples(graph), format=RDF_FORMATS[fmt], **kwargs)


def relations_csv(actors: list[Actor], events: list[Event]) -> bytes:
    by_id = {a.actor_id: a for a in actors}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        subject, obj = by_id.get(event.subject), by_id.get(event.object)
        writer.writerow(
            [
                subject.label if subject else event.subject,
                event.relation,
                obj.label if obj else event.object,
                event.date.value if event.date else "",
                event.evidence,
                event.source,
                event.subject,
                event.object,
                subject.wikidata if subject else "",
                obj.wikidata if obj else "",
                f"{event.confidence:.3f}",
                event.method,
                event.trigger,
                event.start,
                event.end,
                event.event_id,
            ]
        )
    return buffer.getvalue().encode("utf-8")


def graphml(actors: list[Actor], events: list[Event]) -> bytes:
    """Actors as nodes, one edge per event, for Gephi and friends."""
    network = nx.MultiDiGraph()
    for actor in actors:
        network.add_node(
            actor.actor_id, label=actor.label, kind=actor.kind, wikidata=actor.wikidata
        )
    for event in events:
        network.add_edge(
            event.subject,
            event.object,
            key=event.event_id,
            relation=event.relation,
            date=event.date.value if event.date else "",
            evidence=event.evidence,
            source=event.source,
            confidence=float(event.confidence),
        )
    return "\n".join(nx.generate_graphml(network)).encode("utf-8") + b"\n"


def render_format(fmt: str, graph: Graph, actors: list[Actor], events: list[Event]) -> bytes:
    if fmt in RDF_FORMATS:
        return serialize_rdf(graph, fmt)
    if fmt == "graphml":
        return graphml(actors, events)
    if fmt == "csv":
        return relations_csv(actors, events)
    raise KgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write_atomically(outputs: Iterable[tuple[Path, bytes]]) -> None:
    """Write all files to temporary names first, then rename each into place.

    A reader never sees a half-written file, and a failure before the renames leaves every
    previous file as it was (and no temporary file behind).
    """
    staged: list[tuple[str, Path]] = []
    temp = ""
    try:
        for path, content in outputs:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temp, 0o644)  # mkstemp makes 0600; exports are for reading
            staged.append((temp, path))
            temp = ""
    except OSError as exc:
        for leftover in [temp, *(t for t, _ in staged)]:
            if leftover:
                Path(leftover).unlink(missing_ok=True)
        raise KgError(f"cannot write {exc.filename or ''}: {exc.strerror}") from exc
    for staged_temp, path in staged:
        os.replace(staged_temp, path)
