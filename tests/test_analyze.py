"""kg.analyze: network measures are deterministic, and the seed shows a cooling dyad."""

from __future__ import annotations

import random

import pytest

from kg.analyze import (
    actor_table,
    betweenness_centrality,
    communities,
    degree_centrality,
    dyad,
    dyad_undated,
    ego_network,
    find_actor,
    shortest_chain,
    to_networkx,
)
from kg.errors import KgError
from kg.graph import from_graph
from kg.model import Actor, Event, FuzzyDate
from kg.ontology import relation_types
from kg.query import load_graph

# Picked by score so the tests hold whatever the vocabulary names its relations.
BY_SCORE = sorted(relation_types().values(), key=lambda r: r.goldstein)
COLD, WARM = BY_SCORE[0], BY_SCORE[-1]
PRECISION = {4: "year", 7: "month", 10: "day"}


def actor(actor_id: str, aliases: tuple[str, ...] = ()) -> Actor:
    return Actor(actor_id, actor_id.title(), "Country", list(aliases), wikidata="Q1")


def event(s: str, o: str, date: str | None = None, rel=WARM, start: int = 0) -> Event:
    fuzzy = FuzzyDate(date, PRECISION[len(date)]) if date else None
    return Event(s, rel.name, o, "", "t.txt", "doc", start, start + 1, date=fuzzy)


def chain_graph(*pairs: tuple[str, str]) -> tuple[list[Actor], list[Event]]:
    ids = sorted({x for pair in pairs for x in pair})
    return [actor(i) for i in ids], [event(s, o, start=i) for i, (s, o) in enumerate(pairs)]


def two_clusters() -> tuple[list[Actor], list[Event]]:
    """Two triangles joined by one bridge, plus an actor with no events."""
    pairs = [("aldoria", "belmark"), ("belmark", "corvia"), ("aldoria", "corvia"),
             ("dunmore", "estavia"), ("estavia", "fenwick"), ("dunmore", "fenwick"),
             ("corvia", "dunmore")]  # fmt: skip
    actors, events = chain_graph(*pairs)
    return [*actors, actor("galvania")], events


def shuffled(actors: list[Actor], events: list[Event], seed: int):
    rng = random.Random(seed)
    return rng.sample(actors, len(actors)), rng.sample(events, len(events))


# --- to_networkx ---------------------------------------------------------------------------


def test_to_networkx_has_one_edge_per_event_with_its_score():
    actors = [actor("aldoria"), actor("belmark")]
    events = [event("aldoria", "belmark", "2018", start=1), event("belmark", "aldoria", rel=COLD)]
    graph = to_networkx(actors, events)
    assert sorted(graph.nodes) == ["aldoria", "belmark"]
    assert graph.nodes["aldoria"] == {"label": "Aldoria", "kind": "Country", "wikidata": "Q1"}
    assert graph.number_of_edges() == 2
    first = graph.edges["aldoria", "belmark", events[0].event_id]
    assert first["relation"] == WARM.name
    assert first["goldstein"] == WARM.goldstein
    assert first["date"] == "2018"
    assert first["event_id"] == events[0].event_id
    assert graph.edges["belmark", "aldoria", events[1].event_id]["date"] == ""


def test_events_with_actors_outside_the_list_are_dropped():
    graph = to_networkx([actor("aldoria")], [event("aldoria", "nowhere")])
    assert list(graph.nodes) == ["aldoria"]
    assert graph.number_of_edges() == 0


def test_an_unknown_relation_is_a_clean_error():
    bad = Event("aldoria", "notARelation", "belmark", "", "", "", 0, 1)
    with pytest.raises(KgError, match="unknown relation type"):
        to_networkx([actor("aldoria"), actor("belmark")], [bad])


# --- centrality ----------------------------------------------------------------------------


def test_star_centrality():
    actors, events = chain_graph(("hub", "aldoria"), ("hub", "belmark"), ("corvia", "hub"))
    assert degree_centrality(actors, events) == {
        "aldoria": pytest.approx(1 / 3),
        "belmark": pytest.approx(1 / 3),
        "corvia": pytest.approx(1 / 3),
        "hub": 1.0,
    }
    between = betweenness_centrality(actors, events)
    assert between["hub"] == 1.0
    assert between["aldoria"] == between["belmark"] == between["corvia"] == 0.0


def test_centrality_ignores_input_order_repeats_and_self_relations():
    actors, events = two_clusters()
    noisy = [*events, event("aldoria", "belmark", start=99), event("corvia", "corvia", start=98)]
    base_degree = degree_centrality(actors, events)
    base_between = betweenness_centrality(actors, events)
    for seed in range(5):
        a, e = shuffled(actors, noisy, seed)
        degree, between = degree_centrality(a, e), betweenness_centrality(a, e)
        assert degree == base_degree and list(degree) == sorted(degree)
        assert between == base_between and list(between) == sorted(between)
    assert base_between["corvia"] == base_between["dunmore"] == max(base_between.values())
    assert base_degree["galvania"] == 0.0


# --- communities ---------------------------------------------------------------------------


def test_communities_split_at_the_bridge_and_number_deterministically():
    actors, events = two_clusters()
    found = communities(actors, events, seed=1)
    # Two equal triangles: the one with the smallest member id is numbered first.
    assert found == {
        "aldoria": 0, "belmark": 0, "corvia": 0,
        "dunmore": 1, "estavia": 1, "fenwick": 1,
        "galvania": 2,
    }  # fmt: skip


def test_the_same_seed_gives_the_same_communities_whatever_the_input_order():
    actors, events = two_clusters()
    for seed in (0, 7, 42):
        expected = communities(actors, events, seed=seed)
        for shuffle in range(3):
            assert communities(*shuffled(actors, events, shuffle), seed=seed) == expected


def test_no_actors_no_communities():
    assert communities([], []) == {}


# --- ego network ---------------------------------------------------------------------------


def test_ego_network_grows_with_the_radius():
    actors, events = chain_graph(
        ("aldoria", "belmark"), ("belmark", "corvia"), ("corvia", "dunmore")
    )
    near, between = ego_network(actors, events, "belmark")
    assert [a.actor_id for a in near] == ["aldoria", "belmark", "corvia"]
    assert [(e.subject, e.object) for e in between] == [
        ("aldoria", "belmark"),
        ("belmark", "corvia"),
    ]
    near, between = ego_network(actors, events, "belmark", radius=0)
    assert [a.actor_id for a in near] == ["belmark"] and between == []
    near, between = ego_network(actors, events, "aldoria", radius=3)
    assert len(near) == 4 and len(between) == 3


def test_ego_network_of_an_actor_without_events_is_that_actor():
    actors, events = two_clusters()
    near, between = ego_network(actors, events, "galvania", radius=2)
    assert [a.actor_id for a in near] == ["galvania"] and between == []


def test_ego_network_errors():
    actors, events = two_clusters()
    with pytest.raises(KgError, match="no actor"):
        ego_network(actors, events, "atlantis")
    with pytest.raises(KgError, match="radius"):
        ego_network(actors, events, "aldoria", radius=-1)


# --- shortest chain ------------------------------------------------------------------------


def test_shortest_chain_follows_relations_in_either_direction():
    actors, events = two_clusters()
    chain = shortest_chain(actors, events, "belmark", "estavia")
    assert [(e.subject, e.object) for e in chain] == [
        ("belmark", "corvia"),
        ("corvia", "dunmore"),
        ("dunmore", "estavia"),
    ]
    back = shortest_chain(actors, events, "estavia", "belmark")
    assert [e.event_id for e in back] == [e.event_id for e in reversed(chain)]


def test_each_hop_is_the_earliest_dated_event_then_the_smallest_id():
    actors = [actor("aldoria"), actor("belmark")]
    undated = event("aldoria", "belmark", start=1)
    late = event("belmark", "aldoria", "2025-07-29", start=2)
    year = event("aldoria", "belmark", "2018", rel=COLD, start=3)
    assert shortest_chain(actors, [undated, late, year], "aldoria", "belmark") == [year]
    assert shortest_chain(actors, [undated, late], "aldoria", "belmark") == [late]
    twins = [event("aldoria", "belmark", start=i) for i in range(5)]
    smallest = min(twins, key=lambda e: e.event_id)
    assert shortest_chain(actors, twins, "aldoria", "belmark") == [smallest]


def test_equally_short_chains_take_the_alphabetically_first_path():
    actors, events = chain_graph(
        ("aldoria", "zemlya"), ("zemlya", "dunmore"), ("aldoria", "corvia"), ("corvia", "dunmore")
    )
    for shuffle in range(4):
        chain = shortest_chain(*shuffled(actors, events, shuffle), "aldoria", "dunmore")
        assert [e.object for e in chain] == ["corvia", "dunmore"]


def test_shortest_chain_errors_are_one_line():
    actors, events = two_clusters()
    assert shortest_chain(actors, events, "aldoria", "aldoria") == []
    with pytest.raises(KgError, match="no chain") as info:
        shortest_chain(actors, events, "aldoria", "galvania")
    assert "\n" not in str(info.value)
    with pytest.raises(KgError, match="atlantis"):
        shortest_chain(actors, events, "atlantis", "aldoria")
    with pytest.raises(KgError, match="atlantis"):
        shortest_chain(actors, events, "aldoria", "atlantis")


# --- dyad ----------------------------------------------------------------------------------


def test_dyad_rows_by_month_with_year_only_dates_kept_apart():
    events = [
        event("aldoria", "belmark", "2018-06-12", start=1),
        event("belmark", "aldoria", "2018-06", rel=COLD, start=2),
        event("aldoria", "belmark", "2018", start=3),
        event("aldoria", "belmark", "2025-07-29", rel=COLD, start=4),
        event("aldoria", "belmark", start=5),
        event("belmark", "aldoria", start=6),
        event("aldoria", "corvia", "2018-06-01", start=7),
    ]
    rows = dyad(events, "belmark", "aldoria")
    assert rows == [
        {"month": "2018", "events": 1, "mean_goldstein": WARM.goldstein},
        {
            "month": "2018-06",
            "events": 2,
            "mean_goldstein": pytest.approx((WARM.goldstein + COLD.goldstein) / 2, abs=1e-3),
        },
        {"month": "2025-07", "events": 1, "mean_goldstein": COLD.goldstein},
    ]
    assert dyad(events, "aldoria", "belmark") == rows
    assert dyad_undated(events, "aldoria", "belmark") == 2
    assert dyad(events, "corvia", "belmark") == []
    assert dyad_undated(events, "corvia", "belmark") == 0


# --- actor table and names -----------------------------------------------------------------


def test_actor_table_has_one_row_per_actor_most_connected_first():
    actors, events = two_clusters()
    rows = actor_table(actors, events, seed=3)
    assert sorted(r["actor_id"] for r in rows) == sorted(a.actor_id for a in actors)
    assert set(rows[0]) == {
        "actor_id", "label", "kind", "wikidata", "degree", "betweenness", "community", "events",
    }  # fmt: skip
    assert [r["actor_id"] for r in rows[:2]] == ["corvia", "dunmore"]
    assert rows[-1]["actor_id"] == "galvania" and rows[-1]["events"] == 0
    assert rows[0]["events"] == 3
    group = communities(actors, events, seed=3)
    assert {r["actor_id"]: r["community"] for r in rows} == group
    assert actor_table(*shuffled(actors, events, 9), seed=3) == rows


def test_find_actor_by_id_label_or_alias_ignoring_case():
    actors = [actor("aldoria", ("Republic of Aldoria", "AR")), actor("belmark", ("AR",))]
    assert find_actor(actors, "aldoria") == "aldoria"
    assert find_actor(actors, "BELMARK") == "belmark"
    assert find_actor(actors, " republic of aldoria ") == "aldoria"
    with pytest.raises(KgError, match="could mean any of: aldoria, belmark"):
        find_actor(actors, "ar")
    with pytest.raises(KgError, match="did you mean Belmark"):
        find_actor(actors, "Belmarc")
    with pytest.raises(KgError, match="no actor called"):
        find_actor(actors, "Zzz")


# --- the seed ------------------------------------------------------------------------------


def test_seed_dyad_cools_from_the_2018_meetings_to_the_2025_deadlines(seed_exports):
    _, actors, events = from_graph(load_graph(seed_exports / "kg.ttl"))
    a = find_actor(actors, "Donald Trump")
    b = find_actor(actors, "Vladimir Putin")
    assert (a, b) == ("donald-trump", "vladimir-putin")
    rows = dyad(events, a, b)

    def year_mean(year: str) -> float:
        picked = [r for r in rows if r["month"][:4] == year]
        assert picked, f"no dated {year} events between {a} and {b}"
        return sum(r["mean_goldstein"] * r["events"] for r in picked) / sum(
            r["events"] for r in picked
        )

    assert year_mean("2018") > year_mean("2025")
    # The rows agree with the events they summarise.
    pair = [e for e in events if {e.subject, e.object} == {a, b}]
    assert sum(r["events"] for r in rows) + dyad_undated(events, a, b) == len(pair)
