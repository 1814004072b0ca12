"""Exports: committed files are fresh, bytes are stable, formats parse, failures lose nothing."""

from __future__ import annotations

import io
import json

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.cli import main
from tests.conftest import ROOT, SEEDS

COMMITTED = ROOT / "exports"


@pytest.mark.parametrize("name", ["kg.ttl", "graph.html", "relations.csv"])
def test_committed_exports_are_not_stale(seed_exports, name):
    committed = (COMMITTED / name).read_bytes()
    fresh = (seed_exports / name).read_bytes()
    assert committed == fresh, f"exports/{name} is stale: run 'kg build' and commit"


def test_committed_turtle_means_the_same_graph(seed_exports):
    committed = Graph().parse(COMMITTED / "kg.ttl")
    fresh = Graph().parse(seed_exports / "kg.ttl")
    if not isomorphic(committed, fresh):
        _, only_committed, only_fresh = graph_diff(to_isomorphic(committed), to_isomorphic(fresh))
        pytest.fail(
            f"only in exports/: {sorted(only_committed)[:5]}\nonly fresh: {sorted(only_fresh)[:5]}"
        )


def test_same_input_same_bytes(runner, tmp_path, seed_exports):
    result = runner.invoke(main, ["build", str(SEEDS), "--out", str(tmp_path)])
    assert result.exit_code == 0
    for name in ("kg.ttl", "graph.html", "relations.csv"):
        assert (tmp_path / name).read_bytes() == (seed_exports / name).read_bytes()


@pytest.mark.parametrize(
    ("fmt", "oxigraph_format"),
    [
        ("ttl", ox.RdfFormat.TURTLE),
        ("nt", ox.RdfFormat.N_TRIPLES),
        ("jsonld", ox.RdfFormat.JSON_LD),
    ],
)
def test_rdf_exports_parse_in_a_second_parser(runner, seed_exports, fmt, oxigraph_format):
    result = runner.invoke(
        main, ["export", "--graph", str(seed_exports / "kg.ttl"), "--format", fmt]
    )
    assert result.exit_code == 0
    triples = list(ox.parse(result.stdout_bytes, format=oxigraph_format))
    original = Graph().parse(seed_exports / "kg.ttl")
    assert len(set(triples)) == len(original)


def test_jsonld_is_json(runner, seed_exports):
    result = runner.invoke(
        main, ["export", "--graph", str(seed_exports / "kg.ttl"), "--format", "jsonld"]
    )
    assert json.loads(result.stdout_bytes)


def test_graphml_export_reads_back_in_networkx(runner, seed_exports, tmp_path):
    out = tmp_path / "kg.graphml"
    result = runner.invoke(
        main,
        [
            "export",
            "--graph",
            str(seed_exports / "kg.ttl"),
            "--format",
            "graphml",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    network = nx.read_graphml(out)
    assert network.nodes["donald-trump"]["wikidata"] == "Q22686"
    assert any(d["relation"] == "setDeadline" for _, _, d in network.edges(data=True))


def test_csv_export_matches_the_build(runner, seed_exports):
    result = runner.invoke(
        main, ["export", "--graph", str(seed_exports / "kg.ttl"), "--format", "csv"]
    )
    assert result.stdout_bytes == (seed_exports / "relations.csv").read_bytes()


def test_failed_build_leaves_previous_exports_byte_for_byte(runner, tmp_path, seed_exports):
    out = tmp_path / "out"
    assert runner.invoke(main, ["build", str(SEEDS), "--out", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(main, ["build", str(empty), "--out", str(out)])
    assert result.exit_code == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_unwritable_output_is_a_clean_error(runner, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    result = runner.invoke(main, ["build", str(SEEDS), "--out", str(blocker / "out")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith("Error: ")
    assert "Traceback" not in result.output
    assert blocker.read_text() == "a file where a folder should be"


def test_stdout_export_is_bytes_not_text(runner, seed_exports):
    result = runner.invoke(
        main, ["export", "--graph", str(seed_exports / "kg.ttl"), "--format", "nt"]
    )
    assert io.BytesIO(result.stdout_bytes).read().endswith(b" .\n")


def test_render_to_an_unwritable_place_is_a_clean_error(runner, tmp_path, seed_exports):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(
        main,
        ["render", "--graph", str(seed_exports / "kg.ttl"), "--out", str(blocker / "p.html")],
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot write") and "Traceback" not in result.output
    assert blocker.read_text() == "x"
