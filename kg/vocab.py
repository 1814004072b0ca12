"""RDF namespaces. Structural terms are closed, so a misspelling fails loudly.

Relation types are not listed here: they come from ``ontology/kg.ttl``.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

BASE = "https://w3id.org/kg-news/"
ID = Namespace(BASE + "id/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")


class KG(DefinedNamespace):
    """Classes and structural properties of ``ontology/kg.ttl``."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organisation: URIRef
    RelationEvent: URIRef
    Document: URIRef
    subject: URIRef
    object: URIRef
    relationType: URIRef
    date: URIRef
    evidence: URIRef
    trigger: URIRef
    source: URIRef
    startOffset: URIRef
    endOffset: URIRef
    triggerStart: URIRef
    triggerEnd: URIRef
    confidence: URIRef
    method: URIRef
    contentHash: URIRef
    fileName: URIRef
    curated: URIRef
    cameo: URIRef
    plover: URIRef
    goldstein: URIRef
    relatedTo: URIRef


KG_NS = Namespace(BASE + "ontology#")


def relation_iri(name: str) -> URIRef:
    return KG_NS[name]


def actor_iri(actor_id: str) -> URIRef:
    return ID[f"actor/{actor_id}"]


def event_iri(event_id: str) -> URIRef:
    return ID[f"event/{event_id}"]


def document_iri(doc_id: str) -> URIRef:
    return ID[f"doc/{doc_id[:20]}"]
