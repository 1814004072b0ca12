"""Commands that read a built graph: query, queries, export, actors, render, relations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.cli import (
    DEFAULT_OUT,
    format_option,
    friendly,
    graph_option,
    load_rdf,
    load_records,
    main,
    store_option,
)
from kg.errors import KgError


@main.command()
@click.argument("query")
@graph_option
@format_option(("table", "csv", "json"))
@click.option(
    "--bind",
    "bindings",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a query variable to a literal, e.g. --bind actor='Ada Lovelace'.",
)
@click.option("--allow-service", is_flag=True, help="Let SERVICE clauses reach the network.")
@store_option
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="Query a SPARQL 1.1 endpoint instead (Oxigraph, Fuseki, GraphDB, ...).",
)
@friendly
def query(
    query: str,
    graph_path: Path,
    fmt: str,
    bindings: tuple[str, ...],
    allow_service: bool,
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Run a read-only SPARQL QUERY: SPARQL text, a .rq file, or a saved query's name.

    Saved queries live in ontology/queries/; list them with 'kg queries'.
    """
    from kg.query import format_result, load_graph, query_text, run_query

    values = {}
    for binding in bindings:
        name, sep, value = binding.partition("=")
        if not sep or not name:
            raise KgError(f"--bind takes NAME=VALUE, not {binding!r}")
        values[name.lstrip("?")] = value
    text = query_text(query)
    if endpoint:
        from kg.results import remote_query

        result = remote_query(endpoint, text, allow_service=allow_service)
    elif store_dir is not None:
        from kg.store import KgStore

        with KgStore(store_dir, read_only=True) as store:
            result = store.query(text, values, allow_service=allow_service)
    else:
        result = run_query(load_graph(graph_path), text, values, allow_service)
    click.echo(format_result(result, fmt))


@main.command()
def queries() -> None:
    """List the saved queries with their first comment line."""
    from kg.query import saved_queries

    for name, path in saved_queries().items():
        first = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
        click.echo(f"{name:22} {first}")


@main.command()
@graph_option
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "jsonld", "graphml", "csv"]),
    default="ttl",
    show_default=True,
    help="Export format.",
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (default: standard output).",
)
@friendly
def export(graph_path: Path, fmt: str, out_path: Path | None, store_dir: Path | None) -> None:
    """Export the graph as Turtle, N-Triples, JSON-LD, GraphML or the relations CSV."""
    from kg.export import render_format, write_atomically
    from kg.graph import from_graph

    if store_dir is not None and fmt in ("ttl", "nt"):
        from kg.store import KgStore

        # The store's own writers: fast, and no Python graph in memory.
        with KgStore(store_dir, read_only=True) as store:
            content = store.serialize(fmt)
    else:
        graph = load_rdf(graph_path, store_dir)
        _, actors, events = from_graph(graph)
        content = render_format(fmt, graph, actors, events)
    if out_path is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
    else:
        write_atomically([(out_path, content)])
        click.echo(f"wrote {out_path}", err=True)


@main.command()
@graph_option
@store_option
@format_option(("table", "csv", "json"))
@friendly
def actors(graph_path: Path, fmt: str, store_dir: Path | None) -> None:
    """List actors with their kind, Wikidata id and number of relation events."""
    from kg.query import format_result, query_text, run_query

    result = run_query(load_rdf(graph_path, store_dir), query_text("actors"))
    click.echo(format_result(result, fmt))


@main.command()
@graph_option
@store_option
@click.option(
    "--out",
    "out_path",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT / "graph.html",
    show_default=True,
)
@click.option("--relation", "relations", multiple=True, help="Keep only these relation types.")
@click.option("--since", default=None, help="Keep events on or after this ISO date.")
@click.option("--until", default=None, help="Keep events on or before this ISO date.")
@click.option("--actor", default=None, help="Keep this actor (label or id) and its neighbours.")
@click.option("--depth", default=1, show_default=True, help="Neighbourhood depth for --actor.")
@friendly
def render(
    graph_path: Path,
    out_path: Path,
    relations: tuple[str, ...],
    since: str | None,
    until: str | None,
    actor: str | None,
    depth: int,
    store_dir: Path | None,
) -> None:
    """Draw the graph as one self-contained interactive HTML page."""
    from kg.filters import select_events
    from kg.ontology import relation_types
    from kg.render import render_page, write_page

    _, all_actors, events = load_records(graph_path, store_dir)
    kept_actors, kept_events = select_events(
        all_actors,
        events,
        relation_types(),
        relations=relations,
        since=since,
        until=until,
        actor=actor,
        depth=depth,
    )
    write_page(
        out_path,
        render_page(kept_actors, kept_events, relation_types(), title=f"kg: {graph_path.name}"),
    )
    click.echo(f"{len(kept_actors)} actors, {len(kept_events)} events -> {out_path}")


@main.command(name="relations")
def list_relations() -> None:
    """List the relation vocabulary: name, PLOVER category, CAMEO code, Goldstein score."""
    from kg.ontology import relation_types

    rows = [
        {"relation": r.name, "plover": r.plover, "cameo": r.cameo, "goldstein": r.goldstein}
        for r in relation_types().values()
    ]
    for row in rows:
        click.echo(json.dumps(row))
