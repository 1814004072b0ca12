"""kg.validate: real graphs satisfy ontology/shapes.ttl, and each broken shape is caught."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.collection import Collection

from kg.graph import to_graph
from kg.ids import content_hash
from kg.ingest import read_sources
from kg.model import Actor, Document, Event, FuzzyDate
from kg.ontology import relation_types
from kg.pipeline import Pipeline
from kg.query import load_graph
from kg.validate import ValidationReport, format_report, shapes_graph, validate
from kg.vocab import KG, KG_NS, actor_iri, document_iri, event_iri
from tests.conftest import SHARED_CORPUS

RELATION = next(iter(relation_types()))
TEXT = "Aldoria met Borvia in Port Vesk."


def small_records() -> tuple[list[Document], list[Actor], list[Event]]:
    document = Document(content_hash(TEXT), TEXT, 0, "story.md", "Story", FuzzyDate("2025", "year"))
    actors = [
        Actor("aldoria", "Aldoria", "Country"),
        Actor("borvia", "Borvia", "Country", ["Republic of Borvia"], "Q4242"),
        Actor("cal-vesper", "Cal Vesper", "Person"),
    ]
    event = Event(
        "aldoria", RELATION, "borvia", TEXT, "story.md", document.doc_id, 0, len(TEXT),
        trigger="met", trigger_start=8, trigger_end=11, date=FuzzyDate("2025-07", "month"),
        confidence=0.75, method="verb:test",
    )  # fmt: skip
    return [document], actors, [event]


def small_graph() -> tuple[Graph, URIRef]:
    documents, actors, events = small_records()
    return to_graph(documents, actors, events), event_iri(events[0].event_id)


def test_the_shapes_list_exactly_the_relation_vocabulary():
    shapes = shapes_graph()
    listed = set()
    for shape in shapes.subjects(ns.SH.path, KG.relationType):
        for members in shapes.objects(shape, ns.SH["in"]):
            listed |= set(Collection(shapes, members))
    assert listed == {KG_NS[name] for name in relation_types()}


def test_a_small_graph_conforms_with_or_without_the_ontology_inside():
    documents, actors, events = small_records()
    for with_ontology in (True, False):
        report = validate(to_graph(documents, actors, events, with_ontology=with_ontology))
        assert report == ValidationReport(True, []), format_report(report)


def test_the_seed_graph_conforms(seed_exports):
    report = validate(load_graph(seed_exports / "kg.ttl"))
    assert report.conforms, format_report(report)
    assert report.violations == []


@pytest.mark.skipif(not SHARED_CORPUS.exists(), reason="the shared VOA corpus is not here")
def test_a_graph_of_voa_stories_conforms():
    pipeline = Pipeline()
    # The first three stories the extractor finds relations in: a graph with no event
    # would prove little.
    stories = [d for d in read_sources([SHARED_CORPUS]).documents[:30] if pipeline.run([d]).events]
    result = pipeline.run(stories[:3])
    assert len(result.documents) == 3 and result.events
    report = validate(to_graph(result.documents, result.actors, result.events))
    assert report.conforms, format_report(report)


def _replace(graph: Graph, node: URIRef, prop: URIRef, value) -> None:
    graph.remove((node, prop, None))
    graph.add((node, prop, value))


ALDORIA, CAL = actor_iri("aldoria"), actor_iri("cal-vesper")
BROKEN = {
    # name: (how to break the graph, words of the violation it must give)
    "two subjects": (
        lambda g, ev: g.add((ev, KG.subject, CAL)),
        "kg:subject: a relation event has exactly one kg:subject",
    ),
    "no object": (
        lambda g, ev: g.remove((ev, KG.object, None)),
        "kg:object: a relation event has exactly one kg:object",
    ),
    "no evidence": (
        lambda g, ev: g.remove((ev, KG.evidence, None)),
        "kg:evidence: a relation event has exactly one kg:evidence",
    ),
    "empty evidence": (
        lambda g, ev: _replace(g, ev, KG.evidence, Literal("")),
        "kg:evidence: a relation event has exactly one kg:evidence",
    ),
    "no source": (
        lambda g, ev: g.remove((ev, KG.source, None)),
        "kg:source: a relation event has exactly one kg:source",
    ),
    "source not a document": (
        lambda g, ev: _replace(g, ev, KG.source, document_iri("0" * 64)),
        "kg:source: the kg:source of a relation event is a kg:Document",
    ),
    "impossible xsd:date": (
        lambda g, ev: _replace(g, ev, KG.date, Literal("2025-13-45", datatype=ns.XSD.date)),
        "kg:date: kg:date is an xsd:date, xsd:gYearMonth or xsd:gYear with a valid value "
        '(value "2025-13-45"^^xsd:date)',
    ),
    "bad gYearMonth": (
        lambda g, ev: _replace(g, ev, KG.date, Literal("2025-13", datatype=ns.XSD.gYearMonth)),
        "kg:date: kg:date is an xsd:date, xsd:gYearMonth or xsd:gYear",
    ),
    "date as a plain string": (
        lambda g, ev: _replace(g, ev, KG.date, Literal("2025-07")),
        "kg:date: kg:date is an xsd:date, xsd:gYearMonth or xsd:gYear",
    ),
    "two dates": (
        lambda g, ev: g.add((ev, KG.date, Literal("2024", datatype=ns.XSD.gYear))),
        "kg:date: a relation event has at most one kg:date",
    ),
    "relation outside the vocabulary": (
        lambda g, ev: _replace(g, ev, KG.relationType, KG_NS["hugged"]),
        "kg:relationType: the relation type is not in the kg vocabulary (value kg:hugged)",
    ),
    "confidence above one": (
        lambda g, ev: _replace(g, ev, KG.confidence, Literal(1.5, datatype=ns.XSD.decimal)),
        "kg:confidence: kg:confidence is one xsd:decimal from 0 to 1",
    ),
    "actor without label": (
        lambda g, ev: g.remove((ALDORIA, RDFS.label, None)),
        "id:actor/aldoria rdfs:label: an actor has exactly one rdfs:label",
    ),
    "actor without type": (
        lambda g, ev: g.remove((ALDORIA, RDF.type, None)),
        "id:actor/aldoria rdf:type: an actor has exactly one type of kg:Person",
    ),
    "actor of two kinds": (
        lambda g, ev: g.add((ALDORIA, RDF.type, KG.Person)),
        "id:actor/aldoria rdf:type: an actor has exactly one type of kg:Person",
    ),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_each_broken_shape_is_caught(name):
    graph, event = small_graph()
    assert validate(graph).conforms
    breaking, expected = BROKEN[name]
    breaking(graph, event)
    report = validate(graph)
    assert not report.conforms
    assert any(expected in line for line in report.violations), format_report(report)
    if "actor" not in name:  # event problems name the event
        assert all(
            line.startswith(f"id:event/{event.split('/')[-1]} ") for line in report.violations
        )


def test_the_report_reads_as_one_line_per_violation():
    graph, event = small_graph()
    graph.remove((event, KG.evidence, None))
    graph.remove((ALDORIA, RDFS.label, None))
    text = format_report(validate(graph))
    lines = text.splitlines()
    assert lines[0] == "2 violations of ontology/shapes.ttl:"
    assert len(lines) == 3 and all(line.startswith("  id:") for line in lines[1:])
