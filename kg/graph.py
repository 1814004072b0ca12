"""Actors, events and documents as RDF, and back again.

Each relation is an event node (SEM's n-ary pattern) with its evidence and
provenance, and beside it a direct triple ``actor kg:met actor`` so that the
simple question stays a one-line SPARQL pattern.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.events import event_order
from kg.model import Actor, Document, Event, FuzzyDate
from kg.ontology import ontology_graph, relation_types
from kg.vocab import KG, KG_NS, SCHEMA, SEM, WD, actor_iri, document_iri, event_iri

DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
PRECISION_OF = {str(v): k for k, v in DATE_TYPES.items()}


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in {
        "kg": KG_NS, "id": URIRef(str(KG_NS)[: -len("ontology#")] + "id/"), "sem": SEM,
        "prov": PROV, "schema": SCHEMA, "wd": WD, "skos": SKOS, "owl": OWL,
        "dcterms": DCTERMS,
    }.items():  # fmt: skip
        graph.bind(prefix, namespace, override=True)
    return graph


def date_literal(date: FuzzyDate) -> Literal:
    return Literal(date.value, datatype=DATE_TYPES[date.precision])


def to_graph(
    documents: list[Document],
    actors: list[Actor],
    events: list[Event],
    *,
    with_ontology: bool = True,
) -> Graph:
    """The whole knowledge graph; the vocabulary comes along so the file explains itself."""
    graph = new_graph()
    if with_ontology:
        for triple in ontology_graph():
            graph.add(triple)
    for document in documents:
        add_document(graph, document)
    for actor in actors:
        add_actor(graph, actor)
    for event in events:
        add_event(graph, event)
    return graph


def add_document(graph: Graph, document: Document) -> None:
    node = document_iri(document.doc_id)
    graph.add((node, RDF.type, KG.Document))
    graph.add((node, KG.contentHash, Literal(f"sha256:{document.doc_id}")))
    graph.add((node, KG.fileName, Literal(document.source)))
    if document.title:
        graph.add((node, DCTERMS.title, Literal(document.title)))
    if document.date:
        graph.add((node, DCTERMS.date, date_literal(document.date)))
    if document.url:
        graph.add((node, SCHEMA.url, Literal(document.url, datatype=XSD.anyURI)))
    if document.publisher:
        graph.add((node, DCTERMS.publisher, Literal(document.publisher)))


def add_actor(graph: Graph, actor: Actor) -> None:
    node = actor_iri(actor.actor_id)
    graph.add((node, RDF.type, KG[actor.kind]))
    graph.add((node, RDFS.label, Literal(actor.label)))
    for alias in actor.aliases:
        if alias != actor.label:
            graph.add((node, SKOS.altLabel, Literal(alias)))
    if actor.wikidata:
        graph.add((node, OWL.sameAs, WD[actor.wikidata]))
    if actor.curated:
        graph.add((node, KG.curated, Literal(True)))


def add_event(graph: Graph, event: Event) -> None:
    node = event_iri(event.event_id)
    subject, obj = actor_iri(event.subject), actor_iri(event.object)
    relation = KG_NS[event.relation]
    graph.add((node, RDF.type, KG.RelationEvent))
    graph.add((node, KG.subject, subject))
    graph.add((node, KG.object, obj))
    graph.add((node, KG.relationType, relation))
    graph.add((node, KG.evidence, Literal(event.evidence)))
    graph.add((node, KG.source, document_iri(event.doc_id)))
    graph.add((node, KG.startOffset, Literal(event.start)))
    graph.add((node, KG.endOffset, Literal(event.end)))
    if event.trigger:
        graph.add((node, KG.trigger, Literal(event.trigger)))
        graph.add((node, KG.triggerStart, Literal(event.trigger_start)))
        graph.add((node, KG.triggerEnd, Literal(event.trigger_end)))
    if event.date:
        graph.add((node, KG.date, date_literal(event.date)))
    confidence = Decimal(str(round(event.confidence, 3)))
    graph.add((node, KG.confidence, Literal(confidence, datatype=XSD.decimal)))
    graph.add((node, KG.method, Literal(event.method)))
    graph.add((subject, relation, obj))


def _local(node: URIRef, prefix: str) -> str:
    return str(node)[len(prefix) :]


def from_graph(graph: Graph) -> tuple[list[Document], list[Actor], list[Event]]:
    """Read a kg graph (from any RDF file) back into records, for render and export."""
    actor_prefix = str(actor_iri(""))
    known = relation_types()
    documents: dict[URIRef, Document] = {}
    for node in sorted(graph.subjects(RDF.type, KG.Document)):
        date = graph.value(node, DCTERMS.date)
        documents[node] = Document(
            doc_id=str(graph.value(node, KG.contentHash) or "").removeprefix("sha256:"),
            text="",
            offset=0,
            source=str(graph.value(node, KG.fileName) or ""),
            title=str(graph.value(node, DCTERMS.title) or ""),
            date=_fuzzy(date),
            url=str(graph.value(node, SCHEMA.url) or ""),
            publisher=str(graph.value(node, DCTERMS.publisher) or ""),
        )
    actors = []
    for kind in ("Person", "Country", "Organisation"):
        for node in graph.subjects(RDF.type, KG[kind]):
            same = graph.value(node, OWL.sameAs)
            actors.append(
                Actor(
                    actor_id=_local(node, actor_prefix),
                    label=str(graph.value(node, RDFS.label) or _local(node, actor_prefix)),
                    kind=kind,
                    aliases=sorted(str(a) for a in graph.objects(node, SKOS.altLabel)),
                    wikidata=_local(same, str(WD)) if same else "",
                    curated=bool(graph.value(node, KG.curated)),
                )
            )
    events = []
    for node in graph.subjects(RDF.type, KG.RelationEvent):
        relation = _local(graph.value(node, KG.relationType), str(KG_NS))
        if relation not in known:
            continue
        doc = documents.get(graph.value(node, KG.source))
        events.append(
            Event(
                subject=_local(graph.value(node, KG.subject), actor_prefix),
                relation=relation,
                object=_local(graph.value(node, KG.object), actor_prefix),
                evidence=str(graph.value(node, KG.evidence) or ""),
                source=doc.source if doc else "",
                doc_id=doc.doc_id if doc else "",
                start=int(graph.value(node, KG.startOffset) or 0),
                end=int(graph.value(node, KG.endOffset) or 0),
                trigger=str(graph.value(node, KG.trigger) or ""),
                trigger_start=int(graph.value(node, KG.triggerStart) or -1),
                trigger_end=int(graph.value(node, KG.triggerEnd) or -1),
                date=_fuzzy(graph.value(node, KG.date)),
                confidence=float(graph.value(node, KG.confidence) or 0),
                method=str(graph.value(node, KG.method) or ""),
            )
        )
    actors.sort(key=lambda a: a.actor_id)
    events.sort(key=event_order)
    return sorted(documents.values(), key=lambda d: d.source), actors, events


def _fuzzy(value: object) -> FuzzyDate | None:
    if not isinstance(value, Literal) or value.datatype is None:
        return None
    precision = PRECISION_OF.get(str(value.datatype))
    return FuzzyDate(str(value), precision) if precision else None
