"""kg analyze through the command line, on the seed build."""

from __future__ import annotations

import csv
import io
import json

from kg.cli import main


def run(runner, seed_exports, *args):
    result = runner.invoke(main, ["analyze", "--graph", str(seed_exports / "kg.ttl"), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_actor_table_has_centrality_and_communities(runner, seed_exports):
    rows = list(csv.DictReader(io.StringIO(run(runner, seed_exports, "--format", "csv"))))
    assert {"degree", "betweenness", "community", "wikidata"} <= set(rows[0])
    top = rows[0]
    assert top["label"] == max(rows, key=lambda r: float(r["degree"]))["label"]


def test_communities_are_reproducible_with_a_seed(runner, seed_exports):
    first = run(runner, seed_exports, "--format", "json", "--seed", "3")
    again = run(runner, seed_exports, "--format", "json", "--seed", "3")
    assert first == again


def test_dyad_shows_the_drop_from_2018_to_2025(runner, seed_exports):
    out = run(runner, seed_exports, "--dyad", "Donald Trump", "Vladimir Putin", "--format", "json")
    rows = json.loads(out)
    score = {r["month"][:4]: r["mean_goldstein"] for r in rows}
    assert score["2018"] > 0 > score["2025"]


def test_path_and_ego(runner, seed_exports):
    chain = json.loads(
        run(runner, seed_exports, "--path", "Keir Starmer", "Ukraine", "--format", "json")
    )
    assert chain[0]["subject"] == "Donald Trump" or chain[0]["object"] == "Donald Trump"
    ego = json.loads(run(runner, seed_exports, "--ego", "Mark Rutte", "--format", "json"))
    assert all("Mark Rutte" in (e["subject"], e["object"]) for e in ego)


def test_unknown_actor_is_a_one_line_error(runner, seed_exports):
    result = runner.invoke(
        main, ["analyze", "--graph", str(seed_exports / "kg.ttl"), "--dyad", "Nobody", "Putin"]
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: no actor called 'Nobody'")
