"""Network measures over actors and events: centrality, communities, chains, dyads.

Every measure that ignores direction and relation type runs on the *projection*: an
undirected simple graph with one edge per pair of actors that share at least one event,
weighted by how many events they share. Self-relations are left out of it, since an actor
cannot be its own broker or neighbour. As in ``kg.render``, events whose subject or object is
not among ``actors`` are dropped, so every measure describes the same graph that is drawn.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import pairwise
from statistics import fmean

import networkx as nx

from kg.errors import KgError
from kg.model import Actor, Event, FuzzyDate
from kg.names import find_actor  # noqa: F401  (part of this module's API)
from kg.ontology import relation_types


def _demo() -> tuple[list[Actor], list[Event]]:
    # A fictional graph for the examples; relations are picked by score, not by name, so the
    # examples hold whatever the vocabulary calls them.
    warm, *_, cold = sorted(relation_types().values(), key=lambda r: -r.goldstein)
    rows = [("aldoria", warm, "belmark", "2018"), ("aldoria", warm, "belmark", "2018-06-12"),
            ("belmark", cold, "aldoria", "2025-07-29"), ("belmark", cold, "corvia", "2025-07"),
            ("corvia", cold, "dunmore", None)]  # fmt: skip
    precision = {4: "year", 7: "month", 10: "day"}
    events = [
        Event(s, r.name, o, "", "", "", i, i, date=d and FuzzyDate(d, precision[len(d)]))
        for i, (s, r, o, d) in enumerate(rows)
    ]
    names = ["aldoria", "belmark", "corvia", "dunmore", "estavia"]
    return [Actor(n, n.title(), "Country") for n in names], events


def _goldstein(relation: str) -> float:
    known = relation_types()
    if relation not in known:
        raise KgError(f"unknown relation type {relation!r}")
    return known[relation].goldstein


def _kept(actors: list[Actor], events: list[Event]) -> list[Event]:
    ids = {a.actor_id for a in actors}
    return [e for e in events if e.subject in ids and e.object in ids]


def _projection(actors: list[Actor], events: list[Event]) -> nx.Graph:
    # Nodes and edges go in sorted, so traversal order (and so every tie) is the same on
    # every run whatever order the records came in.
    graph = nx.Graph()
    graph.add_nodes_from(sorted(a.actor_id for a in actors))
    pairs = Counter(tuple(sorted((e.subject, e.object))) for e in _kept(actors, events))
    for (a, b), n in sorted(pairs.items()):
        if a != b:
            graph.add_edge(a, b, weight=n)
    return graph


def _date_key(event: Event) -> tuple[bool, str, str]:
    # Undated last; as text "2018" sorts before "2018-06", so coarse dates come first.
    return (event.date is None, event.date.value if event.date else "", event.event_id)


def to_networkx(actors: list[Actor], events: list[Event]) -> nx.MultiDiGraph:
    """The graph as networkx sees it: one node per actor, one directed edge per event.

    Parameters
    ----------
    actors, events : list
        Records as returned by ``kg.graph.from_graph``.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes carry ``label``, ``kind`` and ``wikidata``; edges are keyed by event id and carry
        ``relation``, ``date`` (ISO, or ``""``), ``goldstein``, ``symmetric`` and ``event_id``.

    Examples
    --------
    >>> g = to_networkx(*_demo())
    >>> g.number_of_nodes(), g.number_of_edges()
    (5, 5)
    >>> g.nodes["aldoria"]["label"]
    'Aldoria'
    """
    known = relation_types()
    graph = nx.MultiDiGraph()
    for a in sorted(actors, key=lambda a: a.actor_id):
        graph.add_node(a.actor_id, label=a.label, kind=a.kind, wikidata=a.wikidata)
    for e in _kept(actors, events):
        graph.add_edge(
            e.subject, e.object, key=e.event_id, relation=e.relation,
            date=e.date.value if e.date else "", goldstein=_goldstein(e.relation),
            symmetric=known[e.relation].symmetric, event_id=e.event_id,
        )  # fmt: skip
    return graph


def degree_centrality(actors: list[Actor], events: list[Event]) -> dict[str, float]:
    """Share of the other actors each actor has at least one event with.

    Examples
    --------
    >>> degree_centrality(*_demo())["belmark"]
    0.5
    """
    return dict(sorted(nx.degree_centrality(_projection(actors, events)).items()))


def betweenness_centrality(actors: list[Actor], events: list[Event]) -> dict[str, float]:
    """Normalised share of shortest paths between other actors that pass through each actor.

    Exact (no sampling), on the unweighted projection, so it needs no seed.

    Examples
    --------
    >>> betweenness_centrality(*_demo())["corvia"]
    0.3333333333333333
    """
    return dict(sorted(nx.betweenness_centrality(_projection(actors, events)).items()))


def communities(actors: list[Actor], events: list[Event], seed: int = 42) -> dict[str, int]:
    """Louvain communities of the projection, weighted by the number of shared events.

    Parameters
    ----------
    seed : int
        Louvain visits nodes in random order; the same seed gives the same partition.

    Returns
    -------
    dict
        ``actor_id -> community``, numbered from 0 by size (largest first), ties broken by
        the smallest member id. An actor with no events is a community of its own.

    Examples
    --------
    >>> communities(*_demo())["estavia"]
    2
    """
    graph = _projection(actors, events)
    if not graph:
        return {}
    found = nx.community.louvain_communities(graph, seed=seed)
    ranked = sorted(found, key=lambda c: (-len(c), min(c)))
    return dict(sorted((node, i) for i, members in enumerate(ranked) for node in members))


def ego_network(
    actors: list[Actor], events: list[Event], actor_id: str, radius: int = 1
) -> tuple[list[Actor], list[Event]]:
    """The actors within ``radius`` hops of ``actor_id`` and every event among them.

    Raises
    ------
    KgError
        If ``actor_id`` is not among ``actors`` or ``radius`` is negative.

    Examples
    --------
    >>> near, between = ego_network(*_demo(), "corvia")
    >>> [a.actor_id for a in near], len(between)
    (['belmark', 'corvia', 'dunmore'], 2)
    """
    graph = _projection(actors, events)
    if actor_id not in graph:
        raise KgError(f"no actor with id {actor_id!r}")
    if radius < 0:
        raise KgError(f"radius must be 0 or more, not {radius}")
    near = set(nx.single_source_shortest_path_length(graph, actor_id, cutoff=radius))
    kept = [e for e in _kept(actors, events) if e.subject in near and e.object in near]
    return [a for a in actors if a.actor_id in near], kept


def shortest_chain(
    actors: list[Actor], events: list[Event], source_id: str, target_id: str
) -> list[Event]:
    """The fewest relations linking two actors, in either direction, one event per hop.

    Among equally short paths the one whose actor ids come first alphabetically wins; for
    each hop the earliest-dated event (then the smallest event id) stands for the pair.
    A chain from an actor to itself is empty.

    Raises
    ------
    KgError
        If either actor is unknown or no chain links them.

    Examples
    --------
    >>> chain = shortest_chain(*_demo(), "aldoria", "dunmore")
    >>> [(e.subject, e.object) for e in chain]
    [('aldoria', 'belmark'), ('belmark', 'corvia'), ('corvia', 'dunmore')]
    >>> chain[0].date.value
    '2018'
    """
    graph = _projection(actors, events)
    for actor_id in (source_id, target_id):
        if actor_id not in graph:
            raise KgError(f"no actor with id {actor_id!r}")
    distance = nx.single_source_shortest_path_length(graph, target_id)
    if source_id not in distance:
        raise KgError(f"no chain of relations links {source_id!r} and {target_id!r}")
    # Walking down the distances to the target, taking the smallest id at each step, gives
    # the alphabetically first of all shortest paths without listing them all.
    path = [source_id]
    while path[-1] != target_id:
        step = distance[path[-1]] - 1
        path.append(min(n for n in graph[path[-1]] if distance.get(n) == step))
    by_pair: dict[frozenset[str], list[Event]] = defaultdict(list)
    for e in _kept(actors, events):
        by_pair[frozenset((e.subject, e.object))].append(e)
    return [min(by_pair[frozenset(hop)], key=_date_key) for hop in pairwise(path)]


def _pair(events: list[Event], a: str, b: str) -> list[Event]:
    return [e for e in events if {e.subject, e.object} == {a, b}]


def dyad(events: list[Event], a: str, b: str) -> list[dict]:
    """How relations between two actors (either direction) went, month by month.

    Returns
    -------
    list of dict
        ``{"month", "events", "mean_goldstein"}`` sorted by ``month``. An event dated only
        to the year is not guessed into a month: it counts in a row whose ``month`` is
        ``"YYYY"``, which sorts before that year's months. Undated events are left out;
        ``dyad_undated`` counts them.

    Examples
    --------
    >>> rows = dyad(_demo()[1], "belmark", "aldoria")
    >>> [(r["month"], r["events"], r["mean_goldstein"] > 0) for r in rows]
    [('2018', 1, True), ('2018-06', 1, True), ('2025-07', 1, False)]
    """
    scores: dict[str, list[float]] = defaultdict(list)
    for e in _pair(events, a, b):
        if e.date:
            month = e.date.value if e.date.precision == "year" else e.date.value[:7]
            scores[month].append(_goldstein(e.relation))
    return [
        {"month": m, "events": len(s), "mean_goldstein": round(fmean(s), 3)}
        for m, s in sorted(scores.items())
    ]


def dyad_undated(events: list[Event], a: str, b: str) -> int:
    """How many events between ``a`` and ``b`` have no date, and so no row in ``dyad``.

    Examples
    --------
    >>> dyad_undated(_demo()[1], "dunmore", "corvia")
    1
    """
    return sum(1 for e in _pair(events, a, b) if e.date is None)


def actor_table(actors: list[Actor], events: list[Event], seed: int = 42) -> list[dict]:
    """One row per actor with its measures, most connected first (then by id).

    Keys: ``actor_id``, ``label``, ``kind``, ``wikidata``, ``degree``, ``betweenness``
    (both rounded to 4 places), ``community`` and ``events`` (events it takes part in).

    Examples
    --------
    >>> top = actor_table(*_demo())[0]
    >>> top["actor_id"], top["events"], top["community"]
    ('belmark', 4, 0)
    """
    graph = _projection(actors, events)
    degree = nx.degree_centrality(graph)
    between = nx.betweenness_centrality(graph)
    group = communities(actors, events, seed=seed)
    count: Counter[str] = Counter()
    for e in _kept(actors, events):
        count.update({e.subject, e.object})
    rows = [
        {"actor_id": a.actor_id, "label": a.label, "kind": a.kind, "wikidata": a.wikidata,
         "degree": round(degree[a.actor_id], 4), "betweenness": round(between[a.actor_id], 4),
         "community": group[a.actor_id], "events": count[a.actor_id]}
        for a in actors
    ]  # fmt: skip
    return sorted(rows, key=lambda r: (-r["degree"], -r["betweenness"], r["actor_id"]))
