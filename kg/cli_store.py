"""Commands of the persistent store: ingest, load, serve, push."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import (
    DEFAULT_GRAPH,
    friendly,
    gazetteer_option,
    jobs_option,
    load_records,
    main,
    warn,
)
from kg.errors import KgError

# The store a command works on: required here, where there is no --graph to fall back on.
store_folder = click.option(
    "--store",
    "store_dir",
    type=click.Path(path_type=Path),
    required=True,
    help="The store folder (created when missing by ingest and load).",
)


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_folder
@gazetteer_option
@jobs_option
@friendly
def ingest(sources: tuple[Path, ...], store_dir: Path, gazetteer: Path | None, jobs: int) -> None:
    """Add articles (files, folders, JSON Lines corpora) to a persistent store.

    Each article's events live in a named graph of their own. An article already
    stored (same content hash) changes nothing; a changed one replaces its own events.
    """
    import time

    from kg.incremental import ingest_into
    from kg.store import KgStore

    started = time.perf_counter()
    interactive = sys.stderr.isatty()

    def show(count: int, total: int) -> None:
        if interactive:
            rate = count / max(time.perf_counter() - started, 1e-9)
            click.echo(f"\rextracting {count}/{total} ({rate:.1f} articles/s)", err=True, nl=False)

    with KgStore(store_dir) as store:
        done = ingest_into(store, list(sources), gazetteer_path=gazetteer, jobs=jobs, progress=show)
    if interactive:
        click.echo("", err=True)
    for message in done.warnings:
        warn(message)
    seconds = time.perf_counter() - started
    rate = done.extracted / seconds if seconds else 0.0
    report = done.report
    click.echo(
        f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged "
        f"({done.extracted} extracted, {rate:.1f} articles/s) -> {store_dir}"
    )


@main.command()
@store_folder
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; loopback unless you mean otherwise.",
)
@click.option("--port", default=7878, show_default=True)
@click.option(
    "--timeout", "timeout_s", default=10.0, show_default=True, help="Seconds a query may run."
)
@friendly
def serve(store_dir: Path, host: str, port: int, timeout_s: float) -> None:
    """Serve the explorer page at / and a read-only SPARQL 1.1 endpoint at /sparql.

    Updates, LOAD and SERVICE are refused; each query has a timeout.
    """
    from kg.ontology import relation_types
    from kg.render import render_page
    from kg.serve import serve as run_server

    _, actors, events = load_records(DEFAULT_GRAPH, store_dir)
    page = render_page(actors, events, relation_types(), title=f"kg: {store_dir.name}")
    run_server(
        store_dir,
        host=host,
        port=port,
        timeout_s=timeout_s,
        page_html=page,
        ready=lambda url: click.echo(f"serving {url} (page) and {url}sparql", err=True),
    )


@main.command()
@click.argument("endpoint", metavar="URL")
@store_folder
@click.option(
    "--protocol",
    type=click.Choice(["gsp", "update"]),
    default="gsp",
    show_default=True,
    help="Graph Store Protocol, or SPARQL Update.",
)
@friendly
def push(endpoint: str, store_dir: Path, protocol: str) -> None:
    """Push the store's graphs into any SPARQL 1.1 server at URL."""
    from kg.store import KgStore

    with KgStore(store_dir, read_only=True) as store:
        sent = store.push(endpoint, protocol=protocol)
    click.echo(f"{sent} quads -> {endpoint}")


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@store_folder
@friendly
def load(path: Path, store_dir: Path) -> None:
    """Bulk-load an N-Triples file (a 'kg export --format nt', say) into a store.

    Fast and memory-bounded, but not transactional: load into a new store.
    """
    from kg.store import KgStore

    if path.suffix.lower() != ".nt":
        raise KgError(f"{path}: kg load takes N-Triples (.nt); convert with 'kg export'")
    with KgStore(store_dir) as store:
        store.load_ntriples_bulk(path)
        click.echo(f"{len(store.db)} quads in {store_dir}")
