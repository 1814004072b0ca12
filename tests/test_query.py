"""kg query: saved queries agree with a second SPARQL engine; bad queries fail cleanly."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.cli import main
from kg.query import query_text, saved_queries

SAVED = sorted(saved_queries())


def test_the_first_questions_are_saved():
    for name in ("who-met-whom", "who-criticized-whom", "deadlines", "actor-timeline", "evidence"):
        assert name in SAVED


@pytest.mark.parametrize("name", SAVED)
def test_saved_query_row_count_agrees_with_oxigraph(runner, seed_exports, seed_store, name):
    result = runner.invoke(
        main, ["query", name, "--graph", str(seed_exports / "kg.ttl"), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    expected = len(list(seed_store.query(query_text(name))))
    assert len(rows) - 1 == expected
    assert expected > 0, f"{name} answers nothing on the seed"


def test_csv_output_is_the_w3c_format(runner, seed_exports):
    result = runner.invoke(
        main, ["query", "deadlines", "--graph", str(seed_exports / "kg.ttl"), "--format", "csv"]
    )
    header = result.output.splitlines()[0]
    assert header.strip() == "setter,target,date,trigger,evidence,source"


def test_json_output_is_sparql_results_json(runner, seed_exports):
    result = runner.invoke(
        main, ["query", "who-met-whom", "--graph", str(seed_exports / "kg.ttl"), "--format", "json"]
    )
    data = json.loads(result.output)
    assert data["head"]["vars"][:2] == ["subject", "object"]
    assert data["results"]["bindings"]


def test_table_output_and_bindings(runner, seed_exports):
    result = runner.invoke(
        main,
        [
            "query", "evidence", "--graph", str(seed_exports / "kg.ttl"),
            "--bind", "type=kg:setDeadline", "--bind", "subject=Donald Trump",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["subject", "relation", "object"]
    assert all("setDeadline" in line for line in lines[2:])
    assert len(lines) > 2


def test_query_accepts_sparql_text_and_rq_files(runner, seed_exports, tmp_path):
    text = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/kg-news/ontology#RelationEvent> }"
    )
    graph = str(seed_exports / "kg.ttl")
    inline = runner.invoke(main, ["query", text, "--graph", graph, "--format", "csv"])
    path = tmp_path / "count.rq"
    path.write_text(text)
    from_file = runner.invoke(main, ["query", str(path), "--graph", graph, "--format", "csv"])
    assert inline.exit_code == from_file.exit_code == 0
    assert inline.output == from_file.output
    assert int(inline.output.splitlines()[1]) > 0


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT ?x WHERE { ?x ?y }", "invalid SPARQL"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "read-only"),
        ("DELETE WHERE { ?s ?p ?o }", "read-only"),
        ("LOAD <http://example.org/data.ttl>", "read-only"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("no-such-saved-query", "neither SPARQL nor a saved query"),
    ],
)
def test_bad_queries_fail_with_one_line(runner, seed_exports, query, message):
    result = runner.invoke(main, ["query", query, "--graph", str(seed_exports / "kg.ttl")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_graph_that_is_not_rdf_fails(runner, tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("this is not turtle at all {{{")
    result = runner.invoke(main, ["query", "who-met-whom", "--graph", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "not valid RDF" in result.output


def test_missing_graph_fails(runner, tmp_path):
    result = runner.invoke(main, ["query", "who-met-whom", "--graph", str(tmp_path / "x.ttl")])
    assert result.exit_code == 1
    assert "no such graph file" in result.output


def test_actors_lists_wikidata_ids_and_counts(runner, seed_exports):
    result = runner.invoke(main, ["actors", "--graph", str(seed_exports / "kg.ttl")])
    assert result.exit_code == 0
    trump = next(line for line in result.output.splitlines() if line.startswith("Donald Trump"))
    assert "Q22686" in trump
    assert int(trump.split()[-1]) > 0


def test_service_never_connects(runner, seed_exports):
    """A SERVICE clause is refused before any engine could fetch it: nothing connects."""
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        text = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        result = runner.invoke(main, ["query", text, "--graph", str(seed_exports / "kg.ttl")])
        assert result.exit_code == 1 and "SERVICE" in result.output
        with pytest.raises(TimeoutError):
            listener.accept()
