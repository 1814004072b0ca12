"""The ``kg`` command: parses options, calls the library, formats output. No logic of its own."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError

DEFAULT_SOURCES = (Path("seeds"),)
DEFAULT_OUT = Path("exports")
DEFAULT_GRAPH = DEFAULT_OUT / "kg.ttl"


def friendly(command: Callable) -> Callable:
    """Library errors become one-line ``Error: ...`` messages with exit code 1."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KgError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def warn(message: str) -> None:
    click.echo(f"Warning: {message}", err=True)


def format_option(choices: tuple[str, ...], default: str = "table"):
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


def graph_option(command: Callable) -> Callable:
    return click.option(
        "--graph",
        "graph_path",
        type=click.Path(path_type=Path),
        default=DEFAULT_GRAPH,
        show_default=True,
        help="An RDF file (format from its extension).",
    )(command)


gazetteer_option = click.option(
    "--gazetteer",
    type=click.Path(path_type=Path),
    default=None,
    help="Actor gazetteer YAML (default: seeds/actors.yaml).",
)
jobs_option = click.option("--jobs", default=1, show_default=True, help="Parser processes.")


def store_option(command: Callable) -> Callable:
    return click.option(
        "--store",
        "store_dir",
        type=click.Path(path_type=Path),
        default=None,
        help="A persistent Oxigraph store (from 'kg ingest'); overrides --graph.",
    )(command)


def load_rdf(graph_path: Path, store_dir: Path | None):
    """The graph from an RDF file, or the union of a store's graphs."""
    if store_dir is None:
        from kg.query import load_graph

        return load_graph(graph_path)
    from kg.store import KgStore

    with KgStore(store_dir, read_only=True) as store:
        return store.to_rdflib()


def load_records(graph_path: Path, store_dir: Path | None):
    from kg.graph import from_graph

    return from_graph(load_rdf(graph_path, store_dir))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Turn news articles into a knowledge graph of political actors and their relations."""


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Folder for kg.ttl, graph.html and relations.csv.",
)
@gazetteer_option
@click.option(
    "--curation",
    type=click.Path(path_type=Path),
    default=None,
    help="Curation YAML: reject, add, merge (default: curation.yaml beside the sources).",
)
@store_option
@jobs_option
@friendly
def build(
    sources: tuple[Path, ...],
    out_dir: Path,
    gazetteer: Path | None,
    curation: Path | None,
    store_dir: Path | None,
    jobs: int,
) -> None:
    """Build the graph from article files or folders (default: seeds/).

    Writes OUT/kg.ttl (Turtle), OUT/graph.html (the explorer page) and
    OUT/relations.csv (one row per relation event). Files are replaced only when
    the whole build succeeds and the graph passes the SHACL shapes of
    ontology/shapes.ttl.
    """
    from kg.curation import add_curation_provenance
    from kg.export import relations_csv, serialize_rdf, write_atomically
    from kg.graph import to_graph
    from kg.ontology import relation_types
    from kg.pipeline import build as run_build
    from kg.render import render_page
    from kg.validate import format_report, validate

    source_list = list(sources or DEFAULT_SOURCES)
    if store_dir is None:
        result = run_build(source_list, gazetteer, curation)
    else:
        from kg.incremental import build_from_store

        result = build_from_store(source_list, store_dir, gazetteer, curation, jobs)
    for message in result.warnings:
        warn(message)
    graph = to_graph(result.documents, result.actors, result.events)
    add_curation_provenance(graph, result.events)
    report = validate(graph)
    if not report.conforms:
        click.echo(format_report(report), err=True)
        raise KgError(f"the graph fails validation ({len(report.violations)}); nothing written")
    # Names, not paths, so the page is the same bytes wherever the build runs.
    title = "kg: " + ", ".join(s.resolve().name for s in sources or DEFAULT_SOURCES)
    html = render_page(result.actors, result.events, relation_types(), title=title)
    write_atomically(
        [
            (out_dir / "kg.ttl", serialize_rdf(graph, "ttl")),
            (out_dir / "graph.html", html.encode("utf-8")),
            (out_dir / "relations.csv", relations_csv(result.actors, result.events)),
        ]
    )
    click.echo(
        f"{len(result.documents)} articles, {len(result.actors)} actors, "
        f"{len(result.events)} relation events -> {out_dir}/ (kg.ttl, graph.html, relations.csv)"
    )


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


# The other command groups register themselves on ``main``.
from kg import cli_analyst, cli_store  # noqa: E402, F401

if __name__ == "__main__":  # pragma: no cover
    main()
