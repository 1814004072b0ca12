"""The read-only SPARQL endpoint, and pushing a store to a real Oxigraph server.

Everything here talks to 127.0.0.1 only, and every wait has a deadline.
"""

from __future__ import annotations

import http.client
import inspect
import json
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import ProxyHandler, Request, build_opener

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.ingest import read_sources
from kg.pipeline import Pipeline
from kg.query import saved_queries
from kg.results import remote_query
from kg.serve import SparqlServer, make_server, serve
from kg.store import KgStore
from tests.conftest import SEEDS

PAGE = "<!doctype html><title>kg explorer</title><p>the explorer page"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
OPENER = build_opener(ProxyHandler({}))  # never through a proxy from the environment


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    with KgStore(path) as store:
        store.ingest(Pipeline().run(read_sources([SEEDS]).documents))
    return path


@contextmanager
def running(server: SparqlServer) -> Iterator[SparqlServer]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.close()
        thread.join(10)


@pytest.fixture(scope="module")
def server(store_path) -> Iterator[SparqlServer]:
    with running(make_server(store_path, port=0, page_html=PAGE, quiet=True)) as live:
        yield live


def fetch(url: str, data: bytes | None = None, headers: dict | None = None, method=None):
    request = Request(url, data=data, headers=headers or {}, method=method)
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def get(server: SparqlServer, query: str, accept: str = "application/sparql-results+json"):
    url = f"{server.url}sparql?{urlencode({'query': query})}"
    return fetch(url, headers={"Accept": accept})


def direct_rows(store_path: Path, query: str) -> int:
    store = ox.Store.read_only(str(store_path))
    return len(list(store.query(query, use_default_graph_as_union=True)))


QUERIES = {
    "all": "SELECT * WHERE { ?s ?p ?o }",
    "per-relation": "PREFIX kg: <https://w3id.org/kg-news/ontology#> "
    "SELECT ?r (COUNT(?e) AS ?n) WHERE { ?e kg:relationType ?r } GROUP BY ?r",
    "actors": saved_queries()["actors"].read_text(encoding="utf-8"),
}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_select_rows_match_pyoxigraph(server, store_path, name):
    status, ctype, body = get(server, QUERIES[name])
    assert status == 200
    assert ctype.startswith("application/sparql-results+json")
    rows = json.loads(body)["results"]["bindings"]
    assert len(rows) == direct_rows(store_path, QUERIES[name]) > 0


def test_post_and_result_formats(server, store_path):
    query = QUERIES["all"]
    expected = direct_rows(store_path, query)
    form = urlencode({"query": query}).encode()
    status, _, body = fetch(
        f"{server.url}sparql", form, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == expected
    status, _, body = fetch(
        f"{server.url}sparql", query.encode(), {"Content-Type": "application/sparql-query"}
    )
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == expected
    for accept, fmt in (
        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ):
        status, ctype, body = get(server, query, accept)
        assert status == 200 and ctype.startswith(accept)
        assert len(list(ox.parse_query_results(body, format=fmt))) == expected
    status, ctype, body = get(server, query, "text/csv")
    assert ctype.startswith("text/csv") and body.count(b"\r\n") == expected + 1
    status, ctype, body = get(server, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert status == 200 and len(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))) == expected
    status, _, body = get(server, "ASK { ?s ?p ?o }")
    assert json.loads(body)["boolean"] is True


def test_page_at_root(server):
    status, ctype, body = fetch(server.url)
    assert status == 200 and ctype.startswith("text/html")
    assert body.decode("utf-8") == PAGE
    assert fetch(f"{server.url}nothing-here")[0] == 404


def test_writes_are_refused(server, store_path):
    before = direct_rows(store_path, QUERIES["all"])
    insert = "INSERT DATA { <http://a.example/s> <http://a.example/p> <http://a.example/o> }"
    assert get(server, insert)[0] == 403
    assert get(server, "LOAD <http://127.0.0.1:9/data.ttl>")[0] == 403
    assert get(server, "DROP ALL")[0] == 403
    url = f"{server.url}sparql"
    form = urlencode({"update": insert}).encode()
    assert fetch(url, form, {"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    assert fetch(url, insert.encode(), {"Content-Type": "application/sparql-update"})[0] == 403
    assert fetch(url, b"", {"Content-Type": "text/turtle"}, method="PUT")[0] == 405
    assert get(server, "SELECT WHERE {")[0] == 400
    assert direct_rows(store_path, QUERIES["all"]) == before


def test_service_is_refused_without_a_connection(server):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        for query in (
            f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ SERVICESILENT<http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
        ):
            status, _, body = get(server, query)
            assert status == 403, body
        listener.settimeout(0.5)
        with pytest.raises(TimeoutError):
            listener.accept()  # nobody knocked


def test_slow_query_times_out_and_the_endpoint_recovers(store_path):
    server = make_server(store_path, port=0, timeout_s=0.5, workers=1, quiet=True)
    with running(server) as live:
        (worker,) = live.pool.live
        started = time.monotonic()
        status, _, body = get(live, SLOW)
        assert status == 503 and b"timeout" in body
        assert time.monotonic() - started < 5
        assert worker.process.poll() is not None  # the runaway query's process is gone
        deadline, status = time.monotonic() + 30, 0
        while status != 200 and time.monotonic() < deadline:
            status = get(live, "ASK { ?s ?p ?o }")[0]
        assert status == 200


def test_binds_loopback_by_default(store_path):
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    server = make_server(store_path, port=0, quiet=True)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.close()


def test_foreign_host_header_is_refused(server):
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=10)
    try:
        connection.request("GET", "/", headers={"Host": "attacker.example"})
        assert connection.getresponse().status == 403
    finally:
        connection.close()


def test_missing_store_is_a_one_line_error(tmp_path):
    with pytest.raises(KgError, match="no store"):
        make_server(tmp_path / "nothing", port=0, quiet=True)


# -- push to a real server -------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path) -> Iterator[str]:
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "remote"),
         "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                fetch(f"{base}/")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not start in 30 s")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@pytest.mark.parametrize(("protocol", "path"), [("gsp", "/store"), ("update", "/update")])
def test_push_to_oxigraph_server(store_path, oxigraph_server, protocol, path):
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    actors = QUERIES["actors"]
    with KgStore(store_path, read_only=True) as store:
        quads = len(store.db)
        # Small batches, so the update protocol sends several requests.
        assert store.push(oxigraph_server + path, protocol=protocol, batch=100) == quads
        local = store.query(actors).rows
    remote = remote_query(f"{oxigraph_server}/query", count).rows
    assert int(remote[0][0]) == quads
    assert remote_query(f"{oxigraph_server}/query", actors).rows == local
    with KgStore(store_path, read_only=True) as store:  # each graph is replaced, not doubled
        store.push(oxigraph_server + path, protocol=protocol)
    assert int(remote_query(f"{oxigraph_server}/query", count).rows[0][0]) == quads


def test_remote_errors_are_one_line(store_path):
    with KgStore(store_path, read_only=True) as store:
        with pytest.raises(KgError, match="not an http"):
            store.push("ftp://127.0.0.1/store")
        with pytest.raises(KgError, match="cannot reach"):
            store.push(f"http://127.0.0.1:{free_port()}/store")
    with pytest.raises(KgError, match="read-only"):
        remote_query(f"http://127.0.0.1:{free_port()}/query", "DROP ALL")
