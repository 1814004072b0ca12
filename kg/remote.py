"""The client side of the SPARQL 1.1 protocols: push a store's graphs into another
server, or send it a query. Standard library only, so no new dependency."""

from __future__ import annotations

import ipaddress
from collections import defaultdict
from collections.abc import Iterable
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit, urlunsplit
from urllib.request import ProxyHandler, Request, build_opener

import pyoxigraph as ox

from kg.errors import KgError


def http_request(
    method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None,
    timeout_s: float = 60.0,
) -> tuple[str, bytes]:  # fmt: skip
    """One HTTP exchange; returns (content type, body). Errors are one-line KgErrors."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise KgError(f"not an http(s) URL: {url}")
    # A proxy from the environment must not see traffic meant for this machine.
    opener = build_opener(ProxyHandler({})) if is_loopback(parts.hostname) else build_opener()
    request = Request(url, data=body, headers=headers or {}, method=method)
    try:
        with opener.open(request, timeout=timeout_s) as response:
            return response.headers.get("Content-Type", ""), response.read()
    except HTTPError as exc:
        lines = exc.read()[:300].decode("utf-8", "replace").strip().splitlines()
        raise KgError(
            f"{url} answered HTTP {exc.code}: {lines[0] if lines else exc.reason}"
        ) from exc
    except (URLError, OSError) as exc:
        raise KgError(f"cannot reach {url}: {getattr(exc, 'reason', exc)}") from exc


def push_quads(
    url: str, quads: Iterable[ox.Quad], protocol: str = "gsp", batch: int = 20_000
) -> int:
    """Replace each graph of ``quads`` on a server: Graph Store Protocol PUT per graph, or
    SPARQL Update requests of about ``batch`` quads (DROP, then INSERT DATA)."""
    if protocol not in ("gsp", "update"):
        raise KgError(f"unknown push protocol {protocol!r}; choose gsp or update")
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    names: dict[str, Any] = {}
    for q in quads:
        graphs[str(q.graph_name)].append(q.triple)
        names[str(q.graph_name)] = q.graph_name
    sent, pending, size = 0, [], 0
    for key in sorted(graphs):
        triples = sorted(
            graphs[key], key=lambda t: (str(t.subject), str(t.predicate), str(t.object))
        )
        name, sent = names[key], sent + len(triples)
        default = isinstance(name, ox.DefaultGraph)
        if protocol == "gsp":
            target = _with_query(url, "default" if default else urlencode({"graph": name.value}))
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            http_request("PUT", target, body, {"Content-Type": "application/n-triples"})
            continue
        pending.append("CLEAR SILENT DEFAULT" if default else f"DROP SILENT GRAPH {name}")
        for start in range(0, len(triples), batch):
            lines = "\n".join(f"{t} ." for t in triples[start : start + batch])
            pending.append(f"INSERT DATA {{ {lines} }}" if default else
                           f"INSERT DATA {{ GRAPH {name} {{\n{lines}\n}} }}")  # fmt: skip
            size += min(batch, len(triples) - start)
            if size >= batch:
                _update(url, pending)
                pending, size = [], 0
    if pending:
        _update(url, pending)
    return sent


def _update(url: str, operations: list[str]) -> None:
    body = " ;\n".join(operations).encode("utf-8")
    http_request("POST", url, body, {"Content-Type": "application/sparql-update"})


def _with_query(url: str, query: str) -> str:
    parts = urlsplit(url)
    joined = f"{parts.query}&{query}" if parts.query else query
    return urlunsplit((parts.scheme, parts.netloc, parts.path, joined, parts.fragment))


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
