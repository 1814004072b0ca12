"""A read-only SPARQL 1.1 Protocol endpoint over a store, with the explorer page at ``/``.

Queries run in worker processes (:mod:`kg.sparql_workers`), each with the store opened
read-only: a query that outlives its timeout is answered 503 and its worker killed and
replaced. Writes are refused; bound to loopback, it answers only requests whose Host is a
loopback name, so a web page cannot reach it by rebinding DNS.
"""

from __future__ import annotations

from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kg.errors import KgError
from kg.remote import is_loopback
from kg.sparql_workers import WorkerPool

MAX_BODY = 1 << 20  # a query, not a dataset
DEFAULT_PAGE = (
    "<!doctype html><meta charset=utf-8><title>kg SPARQL endpoint</title>"
    "<h1>kg SPARQL endpoint</h1><form action=/sparql method=post>"
    "<textarea name=query rows=12 cols=80>SELECT * WHERE { ?s ?p ?o } LIMIT 10</textarea>"
    "<p><button>Run</button></form>"
)


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, store_path: Path, host: str, port: int, timeout_s: float,
                 page_html: str | None, workers: int, quiet: bool) -> None:  # fmt: skip
        from kg.query import check_query, looks_like_update  # the server process only

        self.check_query, self.looks_like_update = check_query, looks_like_update
        if not (Path(store_path) / "CURRENT").is_file():
            raise KgError(f"no store at {store_path} (run 'kg ingest --store' first)")
        self.timeout_s, self.quiet = timeout_s, quiet
        self.page = (page_html or DEFAULT_PAGE).encode("utf-8")
        try:
            super().__init__((host, port), _Handler)
        except OSError as exc:
            raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
        try:
            self.pool = WorkerPool(Path(store_path), max(1, workers))
        except BaseException:
            self.server_close()
            raise
        self.loopback = is_loopback(host)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/"

    def close(self) -> None:
        self.server_close()
        self.pool.close()


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql"

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if not self._host_allowed():
            return
        if url.path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", self.server.page)
        elif url.path == "/sparql":
            self._sparql(parse_qs(url.query, keep_blank_values=True))
        else:
            self._send(404, "text/plain", b"not found: try / or /sparql\n")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if not self._host_allowed():
            return
        if url.path != "/sparql":
            return self._send(404, "text/plain", b"not found: POST to /sparql\n")
        length = self.headers.get("Content-Length") or "0"
        if not length.isdigit() or int(length) > MAX_BODY:
            return self._send(413, "text/plain", b"give a Content-Length of at most 1 MiB\n")
        body = self.rfile.read(int(length)).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-update":
            return self._send(403, "text/plain", b"read-only endpoint: updates are refused\n")
        if ctype == "application/sparql-query":
            params["query"] = [body]
        elif ctype == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        else:
            return self._send(415, "text/plain", b"send application/sparql-query or a form\n")
        self._sparql(params)

    def _refuse_write(self) -> None:
        self._send(405, "text/plain", b"read-only endpoint\n")

    do_PUT = do_DELETE = do_PATCH = _refuse_write

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            return self._send(403, "text/plain", b"read-only endpoint: updates are refused\n")
        if len(params.get("query", [])) != 1:
            return self._send(400, "text/plain", b"give exactly one query parameter\n")
        text = params["query"][0]
        try:
            self.server.check_query(text)
        except KgError:
            message = b"SERVICE would reach out to the network: this endpoint refuses it\n"
            return self._send(403, "text/plain", message)
        fmt = (params.get("format") or [""])[0]
        graphs = params.get("default-graph-uri", []), params.get("named-graph-uri", [])
        request = (text, self.headers.get("Accept") or "", fmt, *graphs)
        answer = self.server.pool.run(request, self.server.timeout_s)
        if answer is None:
            message = f"no answer within {self.server.timeout_s:g} s (timeout): query stopped\n"
            return self._send(503, "text/plain", message.encode())
        status, ctype, body = answer
        if status == 400 and self.server.looks_like_update(text):
            status, body = 403, b"read-only endpoint: updates (INSERT, LOAD, ...) are refused\n"
        self._send(status, ctype, body)

    def _host_allowed(self) -> bool:
        """On loopback, only loopback Host names: a web page cannot rebind DNS to us."""
        host = urlsplit("//" + (self.headers.get("Host") or "")).hostname or ""
        if self.server.loopback and not is_loopback(host):
            self._send(403, "text/plain", b"Host not allowed\n")
            return False
        return True

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)


def make_server(
    store_path: Path, host: str = "127.0.0.1", port: int = 7878, timeout_s: float = 10.0,
    page_html: str | None = None, workers: int = 2, quiet: bool = False,
) -> SparqlServer:  # fmt: skip
    """A bound, not yet serving endpoint (port 0 picks a free one: see ``.url``)."""
    return SparqlServer(Path(store_path), host, port, timeout_s, page_html, workers, quiet)


def serve(
    store_path: Path, host: str = "127.0.0.1", port: int = 7878, timeout_s: float = 10.0,
    page_html: str | None = None, workers: int = 2,
    ready: Callable[[str], None] | None = None,
) -> None:  # fmt: skip
    """Serve ``/`` (the page) and ``/sparql`` (read-only SPARQL) until interrupted."""
    server = make_server(store_path, host, port, timeout_s, page_html, workers)
    if ready is not None:
        ready(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
