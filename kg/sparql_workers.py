"""The worker processes behind the SPARQL endpoint of :mod:`kg.serve`.

Each worker opens the store read-only and answers one query at a time; a query that
outlives its timeout has its worker killed (a thread could only be abandoned, still
burning a core) and replaced. This module imports only the standard library and
pyoxigraph, so a worker starts fast.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import KgError

START_S = 60.0
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


_WORKER = (
    "import sys; from kg.sparql_workers import worker_main; "
    "worker_main(int(sys.argv[1]), sys.argv[2])"
)


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
