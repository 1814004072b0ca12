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
    nodes, edges = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
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


@pytest.mark.browser
def test_a_hostile_article_runs_nothing_end_to_end(open_page, runner, tmp_path):  # noqa: F811
    """An article with markup in its title, file name, quotes and names, through kg build."""
    from kg.cli import main
    from tests.test_render import screen_points

    folder = tmp_path / "articles"
    folder.mkdir()
    evil = "<img src=x onerror=alert(1)>"
    (folder / f"{evil}.md").write_text(
        "---\ntitle: \"<script>alert('title')</script>\"\ndate: 2025-06-13\n"
        f"url: \"javascript:alert('url')\"\n---\n"
        "Donald Trump met Vladimir Putin in Helsinki on Monday. "
        f"“{evil}, STOP!” Donald Trump demanded of Vladimir Putin. "
        "Ilkka <script>alert(2)</script> Rantanen criticized Donald Trump on Tuesday. "
        f"Donald Trump praised the <b onmouseover=alert(3)>Kremlin</b> and {evil}.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    opened = open_page((out / "graph.html").read_text(encoding="utf-8"))
    page = opened.page
    points = screen_points(page)
    assert points["edges"], "the hostile article still yields relations"
    for kind in ("nodes", "edges"):
        for item_id, x, y in points[kind]:
            page.evaluate("document.getElementById('panel').hidden = true")
            page.mouse.move(x, y)
            page.mouse.click(x, y)
            key = "{nodes: [id], edges: []}" if kind == "nodes" else "{nodes: [], edges: [id]}"
            page.evaluate(f"id => network.emit('click', {key})", item_id)
    page.wait_for_timeout(200)
    assert opened.dialogs == []
    assert opened.requests == [] and opened.errors == []


@pytest.mark.browser
def test_dyad_chart_in_the_page_drops_from_2018_to_2025(open_page, seed_exports):  # noqa: F811
    page = open_page((seed_exports / "graph.html").read_text(encoding="utf-8")).page
    data = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).edges")
    edge = next(e["id"] for e in data if {e["f"], e["t"]} == {"donald-trump", "vladimir-putin"})
    page.evaluate("id => network.emit('click', {nodes: [], edges: [id]})", edge)
    assert page.locator("#panel svg.dyad-chart rect.year").count() == 1  # 2018, year only
    points = page.eval_on_selector_all(
        "#panel svg.dyad-chart circle.goldstein",
        "cs => cs.map(c => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))])",
    )
    points.sort()
    # SVG y grows downwards: the 2018 point sits above the zero line, 2025's below.
    zero = page.evaluate(
        "Number(document.querySelector('#panel svg.dyad-chart line[stroke-dasharray]')"
        ".getAttribute('y1'))"
    )
    assert points[0][1] < zero < points[-1][1]
