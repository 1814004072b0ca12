"""The explorer page: self-contained, safe, deterministic and interactive.

Browser tests drive Debian's Chromium through playwright. The actors are fictional: these
tests exercise the page, not extraction.

Nodes are the actors with at least one event (``Lonely`` below has none and is not drawn);
edges are distinct (subject, object, relation) groups, the pair unordered for symmetric
relations.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.model import Actor, Event, FuzzyDate
from kg.ontology import relation_types
from kg.render import BIG_GRAPH, render_page, write_page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
XSS = "<script>alert(1)</script>"
IMG = "<img src=x onerror=\"window.__pwned=1;alert('img')\">"


def _date(value: str | None) -> FuzzyDate | None:
    if not value:
        return None
    return FuzzyDate(value, {4: "year", 7: "month", 10: "day"}[len(value)])


def ev(subject, relation, obj, sentence, trigger, date, source="a.txt", confidence=0.8):
    start = 1000
    at = sentence.find(trigger)
    return Event(subject, relation, obj, sentence, source, f"doc-{source}", start,
                 start + len(sentence), trigger, start + at, start + at + len(trigger),
                 _date(date), confidence, "rule")  # fmt: skip


def small_graph() -> tuple[list[Actor], list[Event]]:
    actors = [
        Actor("aldoria", "Aldoria", "Country", wikidata="Q123"),
        Actor("belmark", "Belmark", "Country"),
        Actor("ines-varga", "Ines Varga", "Person", aliases=["I. Varga"]),
        Actor("tomas-ruel", "Tomas Ruel", "Person"),
        Actor("north-pact", "North Pact", "Organisation"),
        Actor("lonely", "Lonely", "Person"),
    ]
    events = [
        ev("ines-varga", "met", "tomas-ruel", "Ines Varga met Tomas Ruel in Geneva.", "met",
           "2025-07-28"),
        ev("tomas-ruel", "met", "ines-varga", "Tomas Ruel met Ines Varga again.", "met",
           "2025-08-01", "b.txt"),
        ev("aldoria", "sanctioned", "belmark", "Aldoria sanctioned Belmark over the border.",
           "sanctioned", "2025-03"),
        ev("aldoria", "sanctioned", "belmark", "🎉 Then Aldoria sanctioned Belmark's banks.",
           "sanctioned", "2025-05-02", "c.txt"),
        ev("aldoria", "threatened", "belmark", "Aldoria threatened Belmark with tariffs.",
           "threatened", "2025-06-10"),
        ev("belmark", "accused", "aldoria", "Belmark accused Aldoria of aggression.", "accused",
           "2025-06-11"),
        ev("north-pact", "supported", "aldoria", "The North Pact supported Aldoria.",
           "supported", "2024"),
        ev("ines-varga", "praised", "north-pact", "Varga praised the North Pact.", "praised",
           None),
    ]  # fmt: skip
    return actors, events


def hostile_graph() -> tuple[list[Actor], list[Event]]:
    actors = [
        Actor(f"x{XSS}", f"Evil {XSS}", "Person", aliases=[IMG], wikidata='Q1"><b>'),
        Actor("y'\"", f"{IMG} \"quoted\" 'single'", "Organisation"),
        Actor("z</script>", "</script><script>alert(2)</script>", IMG),
    ]
    sentence = f"He said {XSS} and {IMG} \u2028 then </script> left."
    events = [
        ev(f"x{XSS}", "met", "y'\"", sentence, "said", "2025-01-02", source=IMG),
        ev("y'\"", "accused", "z</script>", sentence, XSS, "2025-02", source=XSS),
        ev("z</script>", f"<b>{XSS}</b>", f"x{XSS}", sentence, IMG, None, source="'\"><svg>"),
    ]
    return actors, events


def page_data(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found.group(1))


# ---- without a browser


def test_same_input_same_bytes_whatever_the_order():
    actors, events = small_graph()
    first = render_page(actors, events, relation_types(), title="t")
    assert first == render_page(actors, events, relation_types(), title="t")
    rng = random.Random(3)
    rng.shuffle(actors)
    rng.shuffle(events)
    assert first == render_page(actors, events, relation_types(), title="t")


def test_big_graph_is_deterministic_and_starts_frozen():
    actors, events = synthetic(BIG_GRAPH + 50, 900, seed=5)
    first = render_page(actors, events, relation_types())
    assert first == render_page(actors, events, relation_types())
    data = page_data(first)
    assert data["physics"] is False and data["big"] is True
    spots = {(a["x"], a["y"]) for a in data["actors"]}
    assert len(spots) > 0.95 * len(data["actors"])


def test_nothing_is_fetched_and_data_cannot_break_out():
    html = render_page(*hostile_graph(), relation_types(), title=XSS)
    lowered = html.lower()
    assert "<img" not in lowered
    assert lowered.count("</script>") == 3  # data, vis-network, the app
    assert "<script>alert" not in lowered and "<svg" not in lowered
    assert not re.search(r"<(link|script|img|iframe|object|embed)\b[^>]*\s(src|href)=", lowered)
    assert "\u2028" not in html and "\u2029" not in html
    data = page_data(html)
    assert data["title"] == XSS
    assert data["actors"][0]["q"] == ""  # a malformed Q-id never becomes a link


def test_trigger_offsets_count_utf16_units():
    actors, events = small_graph()
    data = page_data(render_page(actors, events, relation_types()))
    row = next(e for e in data["events"] if e["ev"].startswith("🎉"))
    assert (row["ts"], row["te"]) == (16, 26)  # the emoji is two UTF-16 units


def test_write_page_replaces_atomically(tmp_path: Path):
    target = tmp_path / "out" / "graph.html"
    write_page(target, "old")
    write_page(target, "<p>new ✓</p>")
    assert target.read_text("utf-8") == "<p>new ✓</p>"
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]
    assert target.stat().st_mode & 0o777 == 0o644


# ---- in Chromium


@dataclass
class Opened:
    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium at /usr/bin/chromium")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, tmp_path):
    contexts = []

    def _open(html: str) -> Opened:
        path = tmp_path / f"page{len(contexts)}.html"
        write_page(path, html)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def allowed(url: str) -> bool:
            return url == path.as_uri() or url.startswith("data:")

        def route(r):
            if allowed(r.request.url):
                r.continue_()
            else:
                opened.requests.append(r.request.url)
                r.abort()

        def on_dialog(dialog):
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.route("**/*", route)
        page.on("request", lambda r: allowed(r.url) or opened.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("dialog", on_dialog)
        page.goto(path.as_uri())
        page.wait_for_function("() => window.kgReady === true", timeout=20_000)
        return opened

    yield _open
    for context in contexts:
        context.close()


def edge_ids(page, relation: str | None = None) -> list[str]:
    return page.evaluate(
        """rel => network.body.data.edges.getIds().filter(id => rel === null ||
             JSON.parse(document.getElementById('kg-data').textContent).edges
               .find(e => e.id === id).r === rel)""",
        relation,
    )


def hidden(page, kind: str) -> list[str]:
    return sorted(page.evaluate(f"network.body.data.{kind}.get().filter(x => x.hidden)"
                                ".map(x => x.id)"))  # fmt: skip


def screen_points(page) -> dict[str, list]:
    """Where each node and each edge's midpoint sits on the page, for real mouse events."""
    return page.evaluate(
        """() => {
          const box = document.getElementById('graph').getBoundingClientRect();
          const at = p => {
            const d = network.canvasToDOM(p);
            return [d.x + box.left, d.y + box.top];
          };
          const pos = network.getPositions();
          return {
            nodes: Object.keys(pos).map(id => [id, ...at(pos[id])]),
            edges: network.body.data.edges.getIds().map(
              id => [id, ...at(network.body.edges[id].edgeType.getPoint(0.5))]),
          };
        }"""
    )


@pytest.mark.browser
def test_page_is_offline_clean_and_counts_match(open_page):
    actors, events = small_graph()
    opened = open_page(render_page(actors, events, relation_types(), title="Check"))
    page = opened.page
    counts = page.evaluate(
        "[network.body.data.nodes.length, network.body.data.edges.length, "
        "network.physics.options.enabled]"
    )
    # "Lonely" has no event; the two "met" events (either direction) are one symmetric edge.
    assert counts == [5, 6, True]
    page.click("#physics")
    assert page.evaluate("network.physics.options.enabled") is False
    assert opened.requests == []
    assert opened.errors == []


@pytest.mark.browser
def test_clicking_an_edge_shows_evidence_and_dyad(open_page):
    actors, events = small_graph()
    page = open_page(render_page(actors, events, relation_types(), physics=False)).page
    (sanction,) = edge_ids(page, "sanctioned")
    page.evaluate("id => network.emit('click', {nodes: [], edges: [id]})", sanction)
    text = page.inner_text("#panel")
    assert "Aldoria sanctioned Belmark over the border." in text
    assert "🎉 Then Aldoria sanctioned Belmark's banks." in text
    assert page.eval_on_selector_all("#panel mark", "ms => ms.map(m => m.textContent)") == [
        "sanctioned",
        "sanctioned",
    ]
    assert "a.txt" in text and "0.80" in text and "2025-05-02" in text
    # The dyad chart counts every relation of the pair: months 2025-03, -05 and -06 (two).
    assert page.locator("#panel svg.dyad-chart rect.bar").count() == 3
    assert page.locator("#panel svg.dyad-chart circle.goldstein").count() == 3

    page.click("#panel-close")
    (met,) = edge_ids(page, "met")
    point = next(p for p in screen_points(page)["edges"] if p[0] == met)
    page.mouse.click(point[1], point[2])
    assert "Ines Varga met Tomas Ruel in Geneva." in page.inner_text("#panel")


@pytest.mark.browser
def test_node_panel_links_to_wikidata_without_fetching(open_page):
    actors, events = small_graph()
    opened = open_page(render_page(actors, events, relation_types(), physics=False))
    page = opened.page
    _, x, y = next(p for p in screen_points(page)["nodes"] if p[0] == "aldoria")
    page.mouse.move(x, y)
    page.wait_for_selector("#tip:not([hidden])")
    assert page.inner_text("#tip").startswith("Aldoria (Country")
    page.mouse.click(x, y)
    href = page.get_attribute("#panel a.wikidata", "href")
    assert href == "https://www.wikidata.org/wiki/Q123"
    assert "Belmark accused Aldoria of aggression." in page.inner_text("#panel")
    assert opened.requests == []


@pytest.mark.browser
def test_unchecking_a_relation_hides_its_edges_and_stranded_actors(open_page):
    actors, events = small_graph()
    page = open_page(render_page(actors, events, relation_types(), physics=False)).page
    assert hidden(page, "edges") == [] and hidden(page, "nodes") == []
    page.click("input[data-rel=met]")
    assert hidden(page, "edges") == edge_ids(page, "met")
    assert hidden(page, "nodes") == ["tomas-ruel"]  # Ines Varga still praised the North Pact
    page.click("input[data-cat=SANCTION]")
    assert sorted(hidden(page, "edges")) == sorted(edge_ids(page, "met") +
                                                   edge_ids(page, "sanctioned"))  # fmt: skip
    page.click("#rel-all")
    assert hidden(page, "edges") == []


@pytest.mark.browser
def test_date_range_and_timeline(open_page):
    actors, events = small_graph()
    page = open_page(render_page(actors, events, relation_types(), physics=False)).page
    page.fill("#date-from", "2025-06")
    page.fill("#date-to", "2025-06")
    page.uncheck("#undated")
    visible = sorted(set(edge_ids(page)) - set(hidden(page, "edges")))
    assert visible == sorted(edge_ids(page, "threatened") + edge_ids(page, "accused"))
    page.click("#dates-reset")
    page.click("#timeline rect.hit[data-month='2025-03']")
    assert page.input_value("#date-from") == "2025-03" == page.input_value("#date-to")
    visible = sorted(set(edge_ids(page)) - set(hidden(page, "edges")))
    assert visible == edge_ids(page, "sanctioned")
    fills = page.eval_on_selector_all(
        "#timeline rect.bar", "bs => bs.map(b => [b.dataset.month, b.getAttribute('fill')])"
    )
    assert dict(fills)["2025-03"] != dict(fills)["2025-06"]  # the range shows on the timeline


@pytest.mark.browser
def test_search_focuses_the_neighbourhood(open_page):
    actors, events = small_graph()
    page = open_page(render_page(actors, events, relation_types(), physics=False)).page
    page.fill("#search", "i. varga")
    page.press("#search", "Enter")
    selected = sorted(page.evaluate("network.getSelectedNodes()"))
    assert selected == ["ines-varga", "north-pact", "tomas-ruel"]
    assert page.inner_text("#panel h2") == "Ines Varga"


@pytest.mark.browser
def test_hostile_text_runs_nothing_anywhere(open_page):
    opened = open_page(render_page(*hostile_graph(), relation_types(), title=XSS, physics=False))
    page = opened.page
    assert page.title() == XSS
    points = screen_points(page)
    for kind in ("nodes", "edges"):
        for item_id, x, y in points[kind]:
            page.evaluate("document.getElementById('panel').hidden = true")
            page.mouse.move(x, y)
            page.wait_for_timeout(30)
            page.mouse.click(x, y)
            key = "{nodes: [id], edges: []}" if kind == "nodes" else "{nodes: [], edges: [id]}"
            page.evaluate(f"id => network.emit('click', {key})", item_id)
            page.evaluate("id => network.emit('hoverNode', {node: id})", item_id)
            page.evaluate("id => network.emit('hoverEdge', {edge: id})", item_id)
    page.fill("#search", "evil")
    page.press("#search", "Enter")
    assert XSS in page.inner_text("#panel")  # shown as text, not run
    page.click("#rel-none")
    page.click("#rel-all")
    page.wait_for_timeout(200)
    assert opened.dialogs == []
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#panel img, #filters img, header img, #tip img").count() == 0
    assert opened.requests == []
    assert opened.errors == []


@pytest.mark.browser
def test_empty_graph_still_gets_ready(open_page):
    opened = open_page(render_page([], [], relation_types()))
    assert opened.page.evaluate("network.body.data.nodes.length") == 0
    assert opened.errors == [] and opened.requests == []


@pytest.mark.browser
def test_big_graph_is_ready_without_physics(open_page):
    actors, events = synthetic(BIG_GRAPH + 50, 1200, seed=9)
    opened = open_page(render_page(actors, events, relation_types()))
    assert opened.page.evaluate("network.physics.options.enabled") is False
    assert opened.page.evaluate("network.body.data.nodes.length") == len(
        {a for e in events for a in (e.subject, e.object)}
    )
    assert opened.errors == [] and opened.requests == []


def synthetic(n_actors: int, n_events: int, seed: int) -> tuple[list[Actor], list[Event]]:
    rng = random.Random(seed)
    kinds = ["Person", "Country", "Organisation"]
    actors = [Actor(f"a{i}", f"Actor {i}", kinds[i % 3]) for i in range(n_actors)]
    names = sorted(relation_types())
    events = []
    for i in range(n_events):
        s, o = rng.sample(range(n_actors), 2) if i >= n_actors else (i, (i + 1) % n_actors)
        rel = rng.choice(names)
        sentence = f"Actor {s} {rel} Actor {o} on day {i}."
        events.append(ev(f"a{s}", rel, f"a{o}", sentence, rel, f"2024-{1 + i % 12:02d}"))
    return actors, events
