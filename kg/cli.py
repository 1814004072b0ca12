"""The ``kg`` command: parses options, calls the library, formats output. No logic of its own."""

from __future__ import annotations

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


# The other command groups register themselves on ``main``.
from kg import cli_analyst, cli_graph, cli_store  # noqa: E402, F401

if __name__ == "__main__":  # pragma: no cover
    main()
