"""A read-only SPARQL 1.1 Protocol endpoint over a store, with the explorer page at ``/``.

Queries run in worker processes, each with the store opened read-only: a query that
outlives its timeout is answered 503 and its worker killed (a thread could only be
abandoned, still burning a core) and replaced. This module imports only the standard
library and pyoxigraph at the top, so a worker starts fast.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import KgError
from kg.remote import is_loopback

MAX_BODY = 1 << 20  # a query, not a dataset
START_S = 60.0
DEFAULT_PAGE = (
    "<!doctype html><meta charset=utf-8><title>kg SPARQL endpoint</title>"
    "<h1>kg SPARQL endpoint</h1><form action=/sparql method=post>"
    "<textarea name=query rows=12 cols=80>SELECT * WHERE { ?s ?p ?o } LIMIT 10</textarea>"
    "<p><button>Run</button></form>"
)
Answer = tuple[int, str, bytes]


# -- query workers ---------------------------------------------------------------------
def worker_main(fd: int, path: str) -> None:
    """A query worker's life: open the store, then answer requests until the pipe closes."""
    conn = Connection(fd)
    try:
        store = ox.Store.read_only(path)
    except OSError as exc:
        conn.send(("error", str(exc).splitlines()[0] if str(exc) else "cannot open"))
        return
    conn.send(("ready", ""))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):  # the server is gone
            return
        conn.send(_answer(store, *request))


def _answer(store: ox.Store, text: str, accept: str, fmt: str, defaults: list[str],
            named: list[str]) -> Answer:  # fmt: skip
    try:
        options: dict[str, Any] = {"use_default_graph_as_union": not defaults}
        if defaults:
            options["default_graph"] = [ox.NamedNode(g) for g in defaults]
        if named:
            options["named_graphs"] = [ox.NamedNode(g) for g in named]
        result = store.query(text, **options)
        if isinstance(result, ox.QueryTriples):
            chosen = _negotiate(accept, fmt, ox.RdfFormat, ox.RdfFormat.N_TRIPLES)
        else:
            chosen = _negotiate(accept, fmt, ox.QueryResultsFormat, ox.QueryResultsFormat.JSON)
        return 200, chosen.media_type, result.serialize(format=chosen)
    except (SyntaxError, ValueError) as exc:
        return 400, "text/plain", f"invalid SPARQL request: {_line(exc)}\n".encode()
    except (OSError, RuntimeError) as exc:
        return 500, "text/plain", f"query failed: {_line(exc)}\n".encode()


def _negotiate(accept: str, fmt: str, kind: Any, default: Any) -> Any:
    """``format=json`` wins; else the Accept type with the highest q that Oxigraph writes."""
    if fmt:
        return kind.from_extension(fmt) or default
    best, best_q = default, 0.0
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = next((float(p[2:]) for p in params if p.startswith("q=") and _number(p[2:])), 1.0)
        found = kind.from_media_type(media) if media else None
        if found is not None and q > best_q:
            best, best_q = found, q
    return best


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]


@dataclass(eq=False)  # hashed by identity, kept in a set
class _Worker:
    process: subprocess.Popen
    conn: Connection


_WORKER = "import sys; from kg.serve import worker_main; worker_main(int(sys.argv[1]), sys.argv[2])"


class WorkerPool:
    """Processes with the store open read-only; a late one is killed and replaced."""

    def __init__(self, store_path: Path, size: int) -> None:
        self.path = str(store_path)
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.live: set[_Worker] = set()
        self.lock = threading.Lock()
        for _ in range(size):
            self.idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        # A fresh interpreter, not multiprocessing: fork is unsafe in a threaded server and
        # spawn re-runs the caller's __main__ script.
        parent, child = socket.socketpair()
        package_root = str(Path(__file__).resolve().parents[1])
        path = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
        process = subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(child.fileno()), self.path],
            pass_fds=[child.fileno()], stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": path},
        )  # fmt: skip
        child.close()
        parent = Connection(parent.detach())
        try:
            message = parent.recv() if parent.poll(START_S) else ("error", "no answer")
        except (EOFError, OSError):
            message = ("error", "the worker process died")
        if message[0] != "ready":
            process.kill()
            process.wait(5)
            raise KgError(f"cannot open store {self.path} read-only: {message[1]}")
        worker = _Worker(process, parent)
        with self.lock:
            self.live.add(worker)
        return worker

    def run(self, request: tuple, timeout_s: float) -> Answer | None:
        """The worker's answer, or None when none answered within ``timeout_s``."""
        deadline = time.monotonic() + timeout_s
        try:
            worker = self.idle.get(timeout=timeout_s)
        except queue.Empty:
            return None
        try:
            worker.conn.send(request)
            if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                answer = worker.conn.recv()
                self.idle.put(worker)
                return answer
        except (EOFError, OSError):
            pass
        self._retire(worker)
        threading.Thread(target=self._replace, daemon=True).start()
        return None

    def _replace(self) -> None:
        try:
            self.idle.put(self._spawn())
        except KgError as exc:
            print(f"kg serve: {exc}", file=sys.stderr)

    def _retire(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.wait(5)
        worker.conn.close()
        with self.lock:
            self.live.discard(worker)

    def close(self) -> None:
        with self.lock:
            workers = list(self.live)
        for worker in workers:
            self._retire(worker)


# -- HTTP endpoint ---------------------------------------------------------------------
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
