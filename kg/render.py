"""Render actors and events as one self-contained, interactive HTML page.

pyvis is the project's source of vis-network, but its stock template pulls Bootstrap from a
CDN and pastes headings, menus and tooltips in as raw HTML. So only the bundled vis-network
files are taken from pyvis; the page itself comes from ``templates/page.html``, where every
piece of data arrives as escaped JSON and is put in the DOM with ``textContent``.

Nodes are the actors that take part in at least one drawable event (an actor with no event
has nothing to show). Events whose subject or object is not among ``actors`` are dropped.
Events sharing subject, object and relation form one edge; for a symmetric relation the pair
is unordered, so "A met B" and "B met A" are one edge.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
import numpy as np
import pyvis

from kg.export import write_atomically
from kg.model import Actor, Event, RelationType

# Above this many nodes physics would not settle within the time budget, so positions come
# from Python and the page starts frozen.
BIG_GRAPH = 300
KINDS: dict[str, tuple[str, str]] = {
    "Person": ("#4e79a7", "dot"),
    "Country": ("#59a14f", "diamond"),
    "Organisation": ("#f28e2b", "square"),
}
OTHER_KIND = ("#8c8c8c", "triangle")
# 24 colours, one per relation of the vocabulary, all dark enough to read on white.
PALETTE = (
    "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#17a2b8", "#f032e6", "#8fb31d",
    "#469990", "#9a6324", "#800000", "#808000", "#000075", "#d4a017", "#6a5acd", "#c71585",
    "#2e8b57", "#ff6f61", "#5f9ea0", "#8b4513", "#b8860b", "#4b0082", "#708090", "#00a0a0",
)  # fmt: skip
UNKNOWN_RELATION = "#999999"
_QID = re.compile(r"Q[1-9][0-9]*")
# Escaped so nothing in the data can close the <script> element or end a JS string early.
_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_CSP_SLOT = "__KG_SCRIPT_HASHES__"


def render_page(
    actors: list[Actor],
    events: list[Event],
    relation_types: dict[str, RelationType],
    *,
    title: str = "kg",
    seed: int = 42,
    physics: bool | None = None,
) -> str:
    """Return the explorer page; ``physics=None`` turns physics on for small graphs only."""
    by_id = {actor.actor_id: actor for actor in actors}
    kept = sorted((e for e in events if e.subject in by_id and e.object in by_id), key=_event_key)
    relations = _relations(relation_types, {e.relation for e in kept})
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, event in enumerate(kept):
        groups[_edge_key(event, relations)].append(index)
    node_ids = sorted({actor_id for key in groups for actor_id in key[:2]})
    graph = nx.Graph()
    graph.add_nodes_from(node_ids)
    graph.add_edges_from((s, o) for s, o, _ in sorted(groups) if s != o)
    positions = _layout(graph, seed)
    centrality = nx.degree_centrality(graph) if len(graph) > 1 else dict.fromkeys(graph, 0.0)
    top = max(centrality.values(), default=0.0) or 1.0
    involved: dict[str, int] = defaultdict(int)
    for event in kept:
        involved[event.subject] += 1
        if event.object != event.subject:
            involved[event.object] += 1
    big = len(node_ids) > BIG_GRAPH
    per_relation = Counter(e.relation for e in kept)
    data = {
        "title": title,
        "physics": (not big) if physics is None else physics,
        "big": big,
        "kinds": [[kind, colour, shape] for kind, (colour, shape) in KINDS.items()]
        + [["other", *OTHER_KIND]],
        "relations": [
            {
                "n": r.name,
                "l": r.label,
                "c": r.plover,
                "s": r.symmetric,
                "col": colour,
                "g": r.goldstein if math.isfinite(r.goldstein) else None,
                "k": per_relation[r.name],
            }
            for r, colour in relations.values()
        ],
        "actors": [
            _actor_row(by_id[i], positions[i], centrality[i] / top, involved[i]) for i in node_ids
        ],
        "edges": _edge_rows(groups),
        "events": [_event_row(e) for e in kept],
    }
    return _fill(title, data)


def write_page(path: Path, html: str) -> None:
    """Write ``html`` to ``path`` so a reader never sees a half-written page."""
    write_atomically([(Path(path), html.encode("utf-8"))])


def _event_key(e: Event) -> tuple:
    date = e.date.value if e.date else ""
    return (date == "", date, e.source, e.start, e.trigger_start, e.relation, e.subject,
            e.object, e.evidence, e.event_id)  # fmt: skip


def _relations(
    known: dict[str, RelationType], used: set[str]
) -> dict[str, tuple[RelationType, str]]:
    """Every vocabulary relation plus any unknown one the events use, each with its colour."""
    ordered = sorted(known.values(), key=lambda r: (r.cameo, r.name))
    out = {r.name: (r, PALETTE[i % len(PALETTE)]) for i, r in enumerate(ordered)}
    for name in sorted(used - known.keys()):
        stray = RelationType(name, name, "", "OTHER", math.nan, False)
        out[name] = (stray, UNKNOWN_RELATION)
    return out


def _edge_key(e: Event, relations: dict[str, tuple[RelationType, str]]) -> tuple[str, str, str]:
    if relations[e.relation][0].symmetric:
        low, high = sorted((e.subject, e.object))
        return (low, high, e.relation)
    return (e.subject, e.object, e.relation)


def _edge_rows(groups: dict[tuple[str, str, str], list[int]]) -> list[dict]:
    """One row per edge; edges sharing a pair of actors get growing curvature to stay apart."""
    seen_in_pair: dict[tuple[str, str], int] = defaultdict(int)
    rows = []
    for number, key in enumerate(sorted(groups)):
        subject, obj, relation = key
        pair = (min(subject, obj), max(subject, obj))
        rank = seen_in_pair[pair]
        seen_in_pair[pair] += 1
        rows.append({"id": f"e{number}", "f": subject, "t": obj, "r": relation,
                     "e": groups[key], "rn": round(min(0.15 * rank, 0.9), 2)})  # fmt: skip
    return rows


def _actor_row(actor: Actor, xy: tuple[int, int], weight: float, events: int) -> dict:
    qid = actor.wikidata.strip()
    return {
        "id": actor.actor_id,
        "l": actor.label,
        "k": actor.kind if actor.kind in KINDS else "other",
        "q": qid if _QID.fullmatch(qid) else "",
        "a": [alias for alias in actor.aliases if alias != actor.label],
        "x": xy[0],
        "y": xy[1],
        "v": round(8 + 22 * math.sqrt(weight), 1),
        "n": events,
    }


def _event_row(e: Event) -> dict:
    start, end = _trigger_span(e)
    confidence = round(e.confidence, 3) if math.isfinite(e.confidence) else None
    return {"s": e.subject, "o": e.object, "r": e.relation, "d": e.date.value if e.date else "",
            "ev": e.evidence, "ts": start, "te": end, "src": e.source, "cf": confidence,
            "m": e.method, "id": e.event_id}  # fmt: skip


def _trigger_span(e: Event) -> tuple[int, int]:
    """The trigger's place in the evidence, in UTF-16 units because JS strings count those."""
    text = e.evidence
    low, high = e.trigger_start - e.start, e.trigger_end - e.start
    if e.trigger_start < 0 or not 0 <= low < high <= len(text):
        found = re.search(re.escape(e.trigger), text, re.I) if e.trigger else None
        if found is None:
            return (-1, -1)
        low, high = found.span()

    def utf16(chars: str) -> int:
        return len(chars.encode("utf-16-le")) // 2

    return (utf16(text[:low]), utf16(text[:high]))


def _layout(graph: nx.Graph, seed: int) -> dict[str, tuple[int, int]]:
    nodes = list(graph)
    if not nodes:
        return {}
    if len(nodes) <= BIG_GRAPH:
        found = nx.spring_layout(graph, seed=seed, iterations=100)
        coords = np.array([found[v] for v in nodes], dtype=np.float64)
    else:
        coords = _fruchterman_reingold(graph, nodes, seed).astype(np.float64)
    coords -= np.median(coords, axis=0)
    # Scaled on the median radius, not the extent, so a few outliers cannot crush the core.
    radius = float(np.median(np.hypot(coords[:, 0], coords[:, 1]))) or 1.0
    coords *= 30 * math.sqrt(len(nodes)) / radius
    return {v: (round(float(x)), round(float(y))) for v, (x, y) in zip(nodes, coords, strict=True)}


def _fruchterman_reingold(
    graph: nx.Graph, nodes: list[str], seed: int, iterations: int = 50, gravity: float = 2.0
) -> np.ndarray:
    """Dense float32 force layout: networkx's spring_layout needs scipy above 500 nodes and
    takes ~10 s for 2,000; this one takes ~1.5 s and is just as deterministic. Gravity keeps
    small components from drifting off and shrinking the main one at fit time."""
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[a], index[b]) for a, b in graph.edges()], dtype=np.int64)
    edges = edges.reshape(-1, 2)
    pos = np.random.default_rng(seed).random((len(nodes), 2), dtype=np.float32)
    k2 = np.float32(1.0 / len(nodes))
    temperature, cooling = 0.1, 0.1 / (iterations + 1)
    block = 1024  # rows of the pairwise matrices at a time, to bound memory on huge graphs
    for _ in range(iterations):
        disp = np.empty_like(pos)
        for low in range(0, len(nodes), block):
            dx = pos[low : low + block, 0, None] - pos[None, :, 0]
            dy = pos[low : low + block, 1, None] - pos[None, :, 1]
            push = k2 / np.maximum(dx * dx + dy * dy, np.float32(1e-6))
            disp[low : low + block, 0] = (dx * push).sum(axis=1)
            disp[low : low + block, 1] = (dy * push).sum(axis=1)
        stretch = pos[edges[:, 0]] - pos[edges[:, 1]]
        pull = stretch * np.sqrt((stretch * stretch).sum(axis=1, keepdims=True) / k2)
        np.add.at(disp, edges[:, 0], -pull)
        np.add.at(disp, edges[:, 1], pull)
        disp -= np.float32(gravity) * (pos - pos.mean(axis=0))
        length = np.maximum(np.sqrt((disp * disp).sum(axis=1, keepdims=True)), 1e-6)
        pos += disp / length * np.minimum(length, temperature)
        temperature -= cooling
    return pos


@lru_cache(maxsize=1)
def _assets() -> tuple[jinja2.Template, str, str]:
    vis = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    script = (vis / "vis-network.min.js").read_text("utf-8")
    style = (vis / "vis-network.css").read_text("utf-8")
    if "</script" in script.lower() or "</style" in style.lower():
        raise RuntimeError("bundled vis-network cannot be inlined safely")
    source = resources.files("kg").joinpath("templates/page.html").read_text("utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(source), script, style


def _fill(title: str, data: dict) -> str:
    template, vis_js, vis_css = _assets()
    payload = json.dumps(
        data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    html = template.render(
        title=title,
        csp_scripts=_CSP_SLOT,
        vis_js=vis_js,
        vis_css=vis_css,
        data=payload.translate(_JSON_ESCAPES),
    )
    # Hash-pinning the scripts makes any injected handler or <script> inert even if some
    # future change lets markup through.
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in _SCRIPT.findall(html)
    )
    return html.replace(_CSP_SLOT, hashes, 1)
