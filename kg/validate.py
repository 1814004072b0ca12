"""Check a graph against ``ontology/shapes.ttl`` (SHACL, run by pyshacl).

A build validates before it writes, so a graph that breaks a shape never reaches the
exports; ``kg validate`` checks any RDF file the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.ontology import ontology_graph
from kg.resources import ontology_path


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[str] = field(default_factory=list)  # one line each, sorted


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


def validate(graph: Graph) -> ValidationReport:
    """Run the shapes over ``graph``, with the vocabulary mixed in so that the subclasses
    of kg:Actor are actors even in a graph written without the ontology."""
    from pyshacl import validate as run_shacl  # slow to import; only validation needs it

    conforms, results, _ = run_shacl(
        graph,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        meta_shacl=False,
        advanced=False,
    )
    violations = sorted(
        _describe(results, node, graph) for node in results.subjects(RDF.type, SH.ValidationResult)
    )
    return ValidationReport(conforms=bool(conforms), violations=violations)


def _describe(results: Graph, node: Node, data: Graph) -> str:
    focus = results.value(node, SH.focusNode)
    path = results.value(node, SH.resultPath)
    message = results.value(node, SH.resultMessage) or results.value(
        node, SH.sourceConstraintComponent
    )
    value = results.value(node, SH.value)
    line = f"{_short(focus, data)} {_short(path, data)}: {_short(message, data)}"
    return line if value is None else f"{line} (value {_short(value, data)})"


def _short(term: Node | None, data: Graph) -> str:
    """A term as prefix:name where the data graph binds a prefix, for one-line messages."""
    if term is None:
        return "-"
    if isinstance(term, Literal):
        if term.datatype is None:
            return str(term)
        return f'"{term}"^^{_short(term.datatype, data)}'
    if isinstance(term, URIRef):
        text = str(term)
        bound = ((str(ns), prefix) for prefix, ns in data.namespaces() if prefix)
        for namespace, prefix in sorted(bound, key=lambda pair: -len(pair[0])):
            if text.startswith(namespace) and len(text) > len(namespace):
                return f"{prefix}:{text[len(namespace) :]}"
        return f"<{text}>"
    return str(term)  # a blank node: its label is all there is


def format_report(report: ValidationReport) -> str:
    """The report as text: a verdict line, then one line per violation.

    >>> print(format_report(ValidationReport(True)))
    conforms: the graph satisfies every shape in ontology/shapes.ttl
    >>> print(format_report(ValidationReport(False, ["id:actor/aldoria rdfs:label: ..."])))
    1 violation of ontology/shapes.ttl:
      id:actor/aldoria rdfs:label: ...
    """
    if report.conforms:
        return "conforms: the graph satisfies every shape in ontology/shapes.ttl"
    count = len(report.violations)
    head = f"{count} violation{'s' if count != 1 else ''} of ontology/shapes.ttl:"
    return "\n".join([head, *(f"  {line}" for line in report.violations)])
