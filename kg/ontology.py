"""The relation vocabulary, read from ``ontology/kg.ttl``."""

from __future__ import annotations

from functools import lru_cache

from rdflib import OWL, RDF, RDFS, Graph

from kg.model import RelationType
from kg.resources import ontology_path
from kg.vocab import KG, KG_NS


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    graph = Graph()
    graph.parse(ontology_path("kg.ttl"), format="turtle")
    return graph


@lru_cache(maxsize=1)
def relation_types() -> dict[str, RelationType]:
    """Every relation type, keyed by camelCase name, in vocabulary order of CAMEO code."""
    graph = ontology_graph()
    found: dict[str, RelationType] = {}
    for prop in graph.subjects(RDFS.subPropertyOf, KG.relatedTo):
        name = str(prop)[len(str(KG_NS)) :]
        found[name] = RelationType(
            name=name,
            label=str(graph.value(prop, RDFS.label)),
            cameo=str(graph.value(prop, KG.cameo)),
            plover=str(graph.value(prop, KG.plover)),
            goldstein=float(graph.value(prop, KG.goldstein)),
            symmetric=(prop, RDF.type, OWL.SymmetricProperty) in graph,
        )
    return dict(sorted(found.items(), key=lambda item: (item[1].cameo, item[0])))
