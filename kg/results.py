"""Oxigraph terms and query results in the shapes the rest of kg uses (rdflib terms,
``kg.query.QueryResult``), for local stores and remote SPARQL endpoints alike."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox

from kg.errors import KgError
from kg.query import QueryResult, check_query, first_line, looks_like_update
from kg.remote import http_request
from kg.terms import to_rdflib_term

_JSON = ox.QueryResultsFormat.JSON


class Results:
    """Query results kept as SPARQL JSON (or N-Triples), serialisable like rdflib's."""

    def __init__(self, data: bytes, graph: bool = False) -> None:
        self.data, self.graph = data, graph

    def serialize(self, destination: Any = None, format: str = "json") -> bytes | None:
        if self.graph:
            out = self.data
        else:
            fmt = ox.QueryResultsFormat.from_extension(format)
            if fmt is None:
                raise KgError(f"unknown results format {format!r}")
            out = self.data if fmt == _JSON else _parse(self.data).serialize(format=fmt)
        if destination is None:
            return out
        destination.write(out)
        return None


def _parse(data: bytes) -> Any:
    return ox.parse_query_results(data, format=_JSON)


class _Triples(list):
    """Parsed CONSTRUCT answer, handled like a local ``QueryTriples``."""


def query_result(raw: Any) -> QueryResult:
    """An Oxigraph result (local, or parsed from a remote answer) as a ``QueryResult``."""
    if isinstance(raw, (ox.QueryTriples, _Triples)):
        triples = sorted(raw, key=triple_key)
        rows = [[to_rdflib_term(x) for x in (t.subject, t.predicate, t.object)] for t in triples]
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        return QueryResult(["subject", "predicate", "object"], rows, Results(data, graph=True))
    data = raw.serialize(format=_JSON)
    parsed = _parse(data)
    if isinstance(parsed, ox.QueryBoolean):
        return QueryResult(["ask"], [[bool(parsed)]], Results(data))
    variables = [v.value for v in parsed.variables]
    rows = [[None if s[v] is None else to_rdflib_term(s[v]) for v in variables] for s in parsed]
    return QueryResult(variables, rows, Results(data))


def remote_query(
    endpoint_url: str, text: str, allow_service: bool = False, timeout_s: float = 60.0
) -> QueryResult:
    """Run a read-only query on any SPARQL 1.1 Protocol endpoint."""
    check_query(text, allow_service)
    if looks_like_update(text):
        raise KgError("queries are read-only: updates (INSERT, DELETE, LOAD, ...) are refused")
    accept = "application/sparql-results+json, application/n-triples;q=0.9"
    ctype, body = http_request(
        "POST", endpoint_url, urlencode({"query": text}).encode("utf-8"),
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}, timeout_s,
    )  # fmt: skip
    try:
        if "n-triples" in ctype or "turtle" in ctype:
            parsed = ox.parse(body, format=ox.RdfFormat.TURTLE)  # N-Triples is Turtle too
            return query_result(_Triples(q.triple for q in parsed))
        return query_result(_parse(body))
    except (SyntaxError, ValueError) as exc:
        raise KgError(f"unreadable answer from {endpoint_url}: {first_line(exc)}") from exc


def triple_key(t: ox.Triple | ox.Quad) -> tuple[str, str, str]:
    return (str(t.subject), str(t.predicate), str(t.object))
