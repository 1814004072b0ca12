"""Read-only SPARQL over a kg graph: saved queries by name, files, or text."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from tabulate import tabulate

from kg.errors import KgError
from kg.resources import ontology_path
from kg.vocab import KG_NS

RDF_SUFFIXES = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".n3": "n3",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".trig": "trig",
    ".nq": "nquads",
}
OUTPUT_FORMATS = ("table", "csv", "json")
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
# Any SERVICE outside strings, IRIs and comments but ?service: a false alarm (ex:service)
# costs a flag, a miss would let the query reach the network.
_SERVICE = re.compile(r"(?<![?$])SERVICE", re.IGNORECASE)
_UPDATE = re.compile(
    r"(?<![\w?$:@])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)(?![\w:-])", re.IGNORECASE
)


@dataclass
class QueryResult:
    variables: list[str]
    rows: list[list[object]]
    raw: object  # the rdflib Result, for the W3C serialisers


def saved_queries() -> dict[str, Path]:
    folder = ontology_path("queries")
    return {p.stem: p for p in sorted(folder.glob("*.rq"))}


def query_text(query: str) -> str:
    """A saved query's name, a ``.rq`` path, or SPARQL itself."""
    saved = saved_queries()
    if query in saved:
        return saved[query].read_text(encoding="utf-8")
    if query.endswith(".rq") or (len(query) < 256 and "\n" not in query and Path(query).is_file()):
        path = Path(query)
        if not path.is_file():
            raise KgError(f"no such query file: {query}")
        return path.read_text(encoding="utf-8")
    if not re.search(
        r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE)\b",
        query,
        re.IGNORECASE,
    ):
        names = ", ".join(saved) or "none"
        raise KgError(f"{query!r} is neither SPARQL nor a saved query (saved: {names})")
    return query


def load_graph(path: Path) -> Graph:
    if not path.is_file():
        raise KgError(f"no such graph file: {path} (run 'kg build' first)")
    fmt = RDF_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise KgError(f"cannot tell the RDF format of {path} from its extension")
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many types for malformed input
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise KgError(f"{path} is not valid RDF ({fmt}): {reason[:200]}") from exc
    return graph


def run_query(
    graph: Graph,
    text: str,
    bindings: dict[str, str] | None = None,
    allow_service: bool = False,
) -> QueryResult:
    check_query(text, allow_service)
    try:
        prepared = prepareQuery(text)
    except Exception as exc:
        raise unparsable(text, exc) from exc
    init = {name: _binding(value) for name, value in (bindings or {}).items()}
    try:
        result = graph.query(prepared, initBindings=init)
    except Exception as exc:
        raise KgError(f"query failed: {first_line(exc)}") from exc
    if result.type == "ASK":
        return QueryResult(["ask"], [[bool(result.askAnswer)]], result)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        triples = sorted(result.graph)
        return QueryResult(["subject", "predicate", "object"], [list(t) for t in triples], result)
    variables = [str(v) for v in result.vars or []]
    rows = [[row[v] for v in variables] for row in result]
    return QueryResult(variables, rows, result)


def format_result(result: QueryResult, fmt: str) -> str:
    if fmt == "table":
        cells = [["" if v is None else str(v) for v in row] for row in result.rows]
        return tabulate(cells, headers=result.variables, tablefmt="simple", disable_numparse=True)
    if fmt == "csv":
        # The W3C SPARQL 1.1 Query Results CSV format, as rdflib writes it.
        buffer = io.BytesIO()
        result.raw.serialize(destination=buffer, format="csv")  # type: ignore[attr-defined]
        return buffer.getvalue().decode("utf-8").rstrip("\r\n")
    if fmt == "json":
        buffer = io.BytesIO()
        result.raw.serialize(destination=buffer, format="json")  # type: ignore[attr-defined]
        return json.dumps(json.loads(buffer.getvalue()), indent=2, sort_keys=True)
    raise KgError(f"unknown format {fmt!r}; choose one of {', '.join(OUTPUT_FORMATS)}")


def _binding(value: str) -> Literal | URIRef:
    """``<iri>`` and ``kg:name`` bind IRIs; anything else binds a plain literal."""
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    if re.fullmatch(r"kg:[A-Za-z]\w*", value):
        return KG_NS[value[3:]]
    return Literal(value)


def check_query(text: str, allow_service: bool = False) -> None:
    """Refuse SERVICE before Oxigraph sees it: it would fetch the remote endpoint."""
    if not allow_service and _SERVICE.search(_TOKENS.sub(" ", text)):
        raise KgError("SERVICE reaches out to the network; refused (use --allow-service)")


def looks_like_update(text: str) -> bool:
    return bool(_UPDATE.search(_TOKENS.sub(" ", text)))


def unparsable(text: str, exc: Exception) -> KgError:
    """The one-line error for a query an engine could not parse: an update, or a mistake."""
    if looks_like_update(text):
        return KgError("kg query is read-only: updates (INSERT, DELETE, LOAD, ...) are refused")
    return KgError(f"invalid SPARQL: {first_line(exc)}")


def first_line(exc: BaseException) -> str:
    message = str(exc).strip() or type(exc).__name__
    return message.splitlines()[0][:200]
