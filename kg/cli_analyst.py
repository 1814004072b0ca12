"""Commands of the analyst: analyze, review, validate, explain, eval."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import (
    DEFAULT_GRAPH,
    format_option,
    friendly,
    graph_option,
    load_records,
    main,
    store_option,
)
from kg.errors import KgError


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


@main.command(name="eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option(
    "--show-errors", is_flag=True, help="List misses, spurious and repeated relations, wrong dates."
)
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
        for line in report.repeats:
            click.echo(f"repeat   {line}")
        for line in report.wrong_dates:
            click.echo(f"date     {line}")
