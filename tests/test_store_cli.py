"""The persistent store through the command line: ingest, query, build, export, push."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from kg.cli import main
from tests.conftest import SEEDS, SHARED_CORPUS
from tests.test_serve import oxigraph_server  # noqa: F401  (fixture)

NEEDS_CORPUS = pytest.mark.skipif(
    not SHARED_CORPUS.exists(), reason="the shared VOA corpus is not here"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-store") / "store"
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(f"-> {path}")
    assert result.output.startswith("1 added, 0 replaced, 0 unchanged")
    return path


def test_ingesting_again_changes_nothing(runner, store):
    before = sorted(str(q) for q in ox.Store.read_only(str(store)))
    result = runner.invoke(main, ["ingest", str(SEEDS), "--store", str(store)])
    assert result.exit_code == 0
    assert result.output.startswith("0 added, 0 replaced, 1 unchanged (0 extracted")
    assert sorted(str(q) for q in ox.Store.read_only(str(store))) == before


@pytest.mark.parametrize("name", ["who-met-whom", "deadlines", "actors", "actor-timeline"])
def test_store_queries_agree_with_the_file(runner, store, seed_exports, name):
    from_store = runner.invoke(main, ["query", name, "--store", str(store), "--format", "csv"])
    from_file = runner.invoke(
        main, ["query", name, "--graph", str(seed_exports / "kg.ttl"), "--format", "csv"]
    )
    assert from_store.exit_code == from_file.exit_code == 0, from_store.output
    count = len(list(csv.reader(io.StringIO(from_store.output))))
    assert count == len(list(csv.reader(io.StringIO(from_file.output)))) > 1


def test_build_export_render_and_analyze_from_the_store(runner, store, tmp_path):
    out = tmp_path / "out"
    built = runner.invoke(main, ["build", str(SEEDS), "--store", str(store), "--out", str(out)])
    assert built.exit_code == 0, built.output
    assert (out / "kg.ttl").exists() and (out / "graph.html").exists()
    nt = runner.invoke(main, ["export", "--store", str(store), "--format", "nt"])
    assert nt.exit_code == 0
    assert len(list(ox.parse(nt.stdout_bytes, format=ox.RdfFormat.N_TRIPLES))) > 100
    page = tmp_path / "page.html"
    rendered = runner.invoke(main, ["render", "--store", str(store), "--out", str(page)])
    assert rendered.exit_code == 0 and page.stat().st_size > 0
    dyad = runner.invoke(
        main, ["analyze", "--store", str(store), "--dyad", "Trump", "Putin", "--format", "json"]
    )
    assert json.loads(dyad.output)


@NEEDS_CORPUS
def test_a_broken_line_in_a_corpus_is_named_and_skipped(runner, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    good = json.loads(SHARED_CORPUS.read_text(encoding="utf-8").splitlines()[3])
    corpus.write_text(json.dumps(good) + "\n{broken\n", encoding="utf-8")
    result = runner.invoke(main, ["ingest", str(corpus), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert "corpus.jsonl:2" in result.output and "1 added" in result.output


def test_missing_store_is_a_one_line_error(runner, tmp_path):
    result = runner.invoke(main, ["query", "who-met-whom", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and len(result.output.strip().splitlines()) == 1


def test_push_and_query_a_real_oxigraph_server(runner, store, oxigraph_server):  # noqa: F811
    pushed = runner.invoke(main, ["push", oxigraph_server + "/store", "--store", str(store)])
    assert pushed.exit_code == 0, pushed.output
    local = runner.invoke(main, ["query", "actors", "--store", str(store), "--format", "csv"])
    remote = runner.invoke(
        main, ["query", "actors", "--endpoint", oxigraph_server + "/query", "--format", "csv"]
    )
    assert remote.exit_code == 0, remote.output
    assert sorted(remote.output.splitlines()) == sorted(local.output.splitlines())


@NEEDS_CORPUS
def test_parallel_extraction_gives_the_same_store(runner, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "\n".join(SHARED_CORPUS.read_text(encoding="utf-8").splitlines()[:4]) + "\n",
        encoding="utf-8",
    )
    stores = []
    for jobs in ("1", "2"):
        path = tmp_path / f"store-{jobs}"
        result = runner.invoke(main, ["ingest", str(corpus), "--store", str(path), "--jobs", jobs])
        assert result.exit_code == 0, result.output
        stores.append(sorted(str(q) for q in ox.Store.read_only(str(path))))
    assert stores[0] == stores[1]


def test_an_export_loads_into_a_new_store(runner, seed_exports, tmp_path):
    nt = tmp_path / "kg.nt"
    exported = runner.invoke(
        main,
        ["export", "--graph", str(seed_exports / "kg.ttl"), "--format", "nt", "--out", str(nt)],
    )
    assert exported.exit_code == 0
    loaded = runner.invoke(main, ["load", str(nt), "--store", str(tmp_path / "s")])
    assert loaded.exit_code == 0, loaded.output
    from_store = runner.invoke(
        main, ["query", "who-met-whom", "--store", str(tmp_path / "s"), "--format", "csv"]
    )
    from_file = runner.invoke(
        main, ["query", "who-met-whom", "--graph", str(seed_exports / "kg.ttl"), "--format", "csv"]
    )
    assert sorted(from_store.output.splitlines()) == sorted(from_file.output.splitlines())
    refused = runner.invoke(main, ["load", str(seed_exports / "kg.ttl"), "--store", str(tmp_path)])
    assert refused.exit_code == 1 and refused.output.startswith("Error: ")
