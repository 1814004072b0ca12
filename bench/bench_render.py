"""How fast the explorer page is ready for a big graph, against baselines from the same run.

A seeded synthetic graph of 2,000 actors and 10,000 relations (distinct subject, relation,
object edges; some carry several events) is rendered and opened in headless Chromium. The
time until ``window.kgReady`` is printed next to two baselines measured in the same browser:
an empty page, and a stock pyvis page of the same nodes and edges with physics off (its
Bootstrap CDN links are aborted, as every non-file request is). Figures only, no assertion.

    python bench/bench_render.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402
from pyvis.network import Network  # noqa: E402

from kg.model import Actor, Event, FuzzyDate  # noqa: E402
from kg.ontology import relation_types  # noqa: E402
from kg.render import render_page, write_page  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]  # fmt: skip
FIRST_FRAME = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def synthetic(n_actors: int = 2000, n_relations: int = 10_000, seed: int = 1):
    rng = random.Random(seed)
    kinds = ("Person", "Country", "Organisation")
    actors = [Actor(f"actor-{i}", f"Actor {i}", kinds[i % 3]) for i in range(n_actors)]
    # Heavy-tailed popularity, as in news: a few actors take part in most events.
    weights = [1 / (i + 1) ** 0.8 for i in range(n_actors)]
    names = sorted(relation_types())
    edges: set[tuple[int, str, int]] = set()
    while len(edges) < n_relations:
        s, o = rng.choices(range(n_actors), weights, k=2)
        if s != o:
            edges.add((s, rng.choice(names), o))
    events = []
    for s, rel, o in sorted(edges):
        for k in range(rng.choice((1, 1, 1, 2, 3))):
            text = f"Actor {s} {rel} Actor {o}, officials said on day {k} of the talks."
            at = text.index(rel)
            month = f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}"
            events.append(Event(f"actor-{s}", rel, f"actor-{o}", text, f"art{s % 97}.txt",
                                f"doc{s}", 0, len(text), rel, at, at + len(rel),
                                FuzzyDate(month, "month"), round(rng.random(), 2),
                                "bench"))  # fmt: skip
    return actors, events


def stock_pyvis(html_page: str) -> str:
    """pyvis's own page for the same nodes and positions, lists set directly: add_edge
    scans every edge already added, which takes minutes at this size."""
    import json
    import re

    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', html_page, re.S).group(1))
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    net.toggle_physics(False)
    net.nodes = [{"id": a["id"], "label": a["l"], "x": a["x"], "y": a["y"], "size": a["v"],
                  "shape": "dot"} for a in data["actors"]]  # fmt: skip
    net.node_ids = [a["id"] for a in data["actors"]]
    net.node_map = {n["id"]: n for n in net.nodes}
    net.edges = [{"from": e["f"], "to": e["t"], "width": len(e["e"])} for e in data["edges"]]
    return net.generate_html()


def measure(browser, path: Path, ready: str | None) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url == path.as_uri() else r.abort())
    start = time.perf_counter()
    page.goto(path.as_uri(), wait_until="load", timeout=120_000)
    if ready:
        page.wait_for_function(ready, polling="raf", timeout=120_000)
    else:
        page.evaluate(FIRST_FRAME)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    actors, events = synthetic()
    start = time.perf_counter()
    html = render_page(actors, events, relation_types(), title="bench")
    render_s = time.perf_counter() - start
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    pages = {"empty": folder / "empty.html", "pyvis": folder / "pyvis.html",
             "kg": folder / "kg.html"}  # fmt: skip
    write_page(pages["empty"], "<!DOCTYPE html><title>empty</title><p>empty</p>")
    write_page(pages["pyvis"], stock_pyvis(html))
    write_page(pages["kg"], html)
    edges = len({(e.subject, e.relation, e.object) for e in events})
    print(f"graph: {len(actors)} actors, {edges} relations, {len(events)} events")
    print(f"render_page: {render_s:.2f} s, page {len(html) / 1e6:.1f} MB")
    times: dict[str, list[float]] = {"empty": [], "pyvis": [], "kg first frame": [], "kg ready": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        measure(browser, pages["empty"], None)  # warm the browser up
        for _ in range(repeat):
            times["empty"].append(measure(browser, pages["empty"], None))
            times["pyvis"].append(measure(browser, pages["pyvis"], None))
            times["kg first frame"].append(measure(browser, pages["kg"], None))
            times["kg ready"].append(measure(browser, pages["kg"], "() => window.kgReady === true"))
        browser.close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        runs = ", ".join(f"{v:.2f}" for v in times[name])
        print(f"{name:>15}: median {value:6.2f} s   runs [{runs}]")
    print(f"kg ready / stock pyvis first frame: {medians['kg ready'] / medians['pyvis']:.2f}x")
    print(f"kg ready / empty page:              {medians['kg ready'] / medians['empty']:.1f}x")
    print(f"kg ready within 5 s: {medians['kg ready'] < 5}")


if __name__ == "__main__":
    main()
