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
        result = _build_through_store(source_list, store_dir, gazetteer, curation, jobs)
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


def _build_through_store(sources, store_dir, gazetteer, curation, jobs):
    """Ingest into the store, then take the store's whole graph, curated, for the exports."""
    from kg.curation import apply_curation, curation_beside, load_curation
    from kg.graph import from_graph
    from kg.incremental import ingest_into
    from kg.pipeline import BuildResult
    from kg.store import KgStore

    with KgStore(store_dir) as store:
        done = ingest_into(store, sources, gazetteer_path=gazetteer, jobs=jobs)
        documents, actors, events = from_graph(store.to_rdflib())
    result = BuildResult(documents, actors, events, done.warnings)
    curation_file = curation or curation_beside(sources)
    if curation_file is not None:
        result.actors, result.events, result.documents = apply_curation(
            load_curation(curation_file), actors, events, documents, result.warnings
        )
    return result


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--store",
    "store_dir",
    type=click.Path(path_type=Path),
    required=True,
    help="The store folder (created when missing).",
)
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


@main.command()
@graph_option
@store_option
@format_option(("table", "csv", "json"))
@click.option("--ego", default=None, metavar="ACTOR", help="The events around ACTOR.")
@click.option("--radius", default=1, show_default=True, help="Ego network radius.")
@click.option(
    "--path",
    "path_ends",
    nargs=2,
    default=None,
    metavar="FROM TO",
    help="The shortest chain of relations between two actors.",
)
@click.option(
    "--dyad",
    "dyad_pair",
    nargs=2,
    default=None,
    metavar="A B",
    help="How a pair's relationship moves: events and mean Goldstein score per month.",
)
@click.option("--seed", default=42, show_default=True, help="Seed for community detection.")
@friendly
def analyze(
    graph_path: Path,
    fmt: str,
    ego: str | None,
    radius: int,
    path_ends: tuple[str, str] | None,
    dyad_pair: tuple[str, str] | None,
    seed: int,
    store_dir: Path | None,
) -> None:
    """Network analytics: centrality and communities per actor, or an ego network,
    a chain of relations between two actors, or a pair's relationship over time."""
    from kg import analyze as analysis
    from kg.tables import format_rows

    _, actors, events = load_records(graph_path, store_dir)
    labels = {a.actor_id: a.label for a in actors}
    if dyad_pair:
        a, b = (analysis.find_actor(actors, name) for name in dyad_pair)
        rows = analysis.dyad(events, a, b)
        click.echo(format_rows(rows, fmt, ["month", "events", "mean_goldstein"]))
        undated = analysis.dyad_undated(events, a, b)
        if undated and fmt == "table":
            click.echo(f"({undated} undated events between {labels[a]} and {labels[b]})")
        return
    if path_ends:
        source, target = (analysis.find_actor(actors, name) for name in path_ends)
        chain = analysis.shortest_chain(actors, events, source, target)
        rows = [_event_row(e, labels) for e in chain]
        click.echo(format_rows(rows, fmt, EVENT_COLUMNS))
        return
    if ego:
        centre = analysis.find_actor(actors, ego)
        _, near = analysis.ego_network(actors, events, centre, radius)
        click.echo(format_rows([_event_row(e, labels) for e in near], fmt, EVENT_COLUMNS))
        return
    rows = analysis.actor_table(actors, events, seed=seed)
    click.echo(format_rows(rows, fmt))


EVENT_COLUMNS = ["date", "subject", "relation", "object", "evidence", "source"]


def _event_row(event, labels: dict[str, str]) -> dict:
    return {
        "date": event.date.value if event.date else "",
        "subject": labels.get(event.subject, event.subject),
        "relation": event.relation,
        "object": labels.get(event.object, event.object),
        "evidence": event.evidence,
        "source": event.source,
    }


@main.command()
@graph_option
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "yaml"]),
    default="table",
    show_default=True,
    help="yaml can be pasted into a curation file's reject list.",
)
@friendly
def review(graph_path: Path, fmt: str, store_dir: Path | None) -> None:
    """List relations for triage, lowest confidence first, with evidence and pattern."""
    from kg.review import REVIEW_COLUMNS, review_rows, review_yaml
    from kg.tables import format_rows

    _, actors, events = load_records(graph_path, store_dir)
    rows = review_rows(actors, events)
    click.echo(review_yaml(rows) if fmt == "yaml" else format_rows(rows, fmt, REVIEW_COLUMNS))


@main.command(name="validate")
@click.argument(
    "graph_path", required=False, type=click.Path(path_type=Path), default=DEFAULT_GRAPH
)
@friendly
def validate_command(graph_path: Path) -> None:
    """Check GRAPH (default exports/kg.ttl) against the SHACL shapes in ontology/shapes.ttl."""
    from kg.query import load_graph
    from kg.validate import format_report, validate

    report = validate(load_graph(graph_path))
    click.echo(format_report(report))
    if not report.conforms:
        raise KgError(f"{graph_path} fails validation ({len(report.violations)})")


@main.command()
@click.argument("subject")
@click.argument("object_name", metavar="OBJECT")
@graph_option
@store_option
@format_option(("table", "csv", "json"))
@friendly
def explain(
    subject: str, object_name: str, graph_path: Path, fmt: str, store_dir: Path | None
) -> None:
    """Every event between SUBJECT and OBJECT, oldest first: why is this edge here?"""
    from kg.review import EXPLAIN_COLUMNS, explain_rows
    from kg.tables import format_rows

    _, actors, events = load_records(graph_path, store_dir)
    click.echo(
        format_rows(explain_rows(actors, events, subject, object_name), fmt, EXPLAIN_COLUMNS)
    )


@main.command()
@click.option("--store", "store_dir", type=click.Path(path_type=Path), required=True)
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
@click.option("--store", "store_dir", type=click.Path(path_type=Path), required=True)
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


@main.command(name="eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--show-errors", is_flag=True, help="List missed and spurious relations.")
@friendly
def evaluate(gold: Path, show_errors: bool) -> None:
    """Score extraction against a GOLD annotation file (see tests/gold/README.md).

    Prints precision, recall and F1 per relation type and overall, date accuracy
    over matched relations, and actor-linking accuracy.
    """
    from kg.evaluate import evaluate as run_evaluation
    from kg.evaluate import format_report

    report = run_evaluation(gold)
    click.echo(format_report(report))
    if show_errors:
        for line in report.misses:
            click.echo(f"missed   {line}")
        for line in report.spurious:
            click.echo(f"spurious {line}")


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


if __name__ == "__main__":  # pragma: no cover
    main()
