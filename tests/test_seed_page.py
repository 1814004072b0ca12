"""The seed's explorer page opens in real headless Chromium and shows its evidence."""

from __future__ import annotations

import csv

import pytest

from tests.test_render import browser, edge_ids, open_page  # noqa: F401  (fixtures)


@pytest.mark.browser
def test_seed_page_opens_offline_and_matches_the_graph(open_page, seed_exports):  # noqa: F811
    html = (seed_exports / "graph.html").read_text(encoding="utf-8")
    opened = open_page(html)
    page = opened.page
    with open(seed_exports / "relations.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    actors = {r["subject_id"] for r in rows} | {r["object_id"] for r in rows}
    nodes, edges = page.evaluate(
        "[network.body.data.nodes.length, network.body.data.edges.length]"
    )
    assert nodes == len(actors)
    assert 0 < edges <= len(rows)
    assert opened.requests == [] and opened.errors == [] and opened.dialogs == []


@pytest.mark.browser
def test_clicking_trump_putin_edges_shows_their_evidence(open_page, seed_exports):  # noqa: F811
    page = open_page((seed_exports / "graph.html").read_text(encoding="utf-8")).page
    pair = {"donald-trump", "vladimir-putin"}
    data = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).edges")
    between = [e["id"] for e in data if {e["f"], e["t"]} == pair]
    assert between
    with open(seed_exports / "relations.csv", encoding="utf-8", newline="") as stream:
        expected = {
            r["evidence"]
            for r in csv.DictReader(stream)
            if {r["subject_id"], r["object_id"]} == pair
        }
    shown = ""
    for edge in between:
        page.evaluate("id => network.emit('click', {nodes: [], edges: [id]})", edge)
        shown += page.inner_text("#panel")
    for sentence in expected:
        assert sentence in shown

