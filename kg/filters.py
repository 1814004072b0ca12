"""Narrow a graph to some relation types, a date range, or an actor's neighbourhood."""

from __future__ import annotations

import networkx as nx

from kg.errors import KgError
from kg.model import Actor, Event, RelationType
from kg.names import find_actor


def select_events(
    actors: list[Actor],
    events: list[Event],
    relation_types: dict[str, RelationType],
    *,
    relations: tuple[str, ...] = (),
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    depth: int = 1,
) -> tuple[list[Actor], list[Event]]:
    unknown = [r for r in relations if r not in relation_types]
    if unknown:
        raise KgError(f"unknown relation type {unknown[0]!r}")
    kept = [e for e in events if not relations or e.relation in relations]
    # Fuzzy dates compare as text: "2025-07" sorts between "2025-06-30" and "2025-07-01".
    if since:
        kept = [e for e in kept if e.date and e.date.value[: len(since)] >= since]
    if until:
        kept = [e for e in kept if e.date and e.date.value[: len(until)] <= until]
    if actor:
        centre = find_actor(actors, actor)
        network = nx.Graph()
        network.add_edges_from((e.subject, e.object) for e in kept)
        if centre not in network:
            return [a for a in actors if a.actor_id == centre], []
        near = set(nx.single_source_shortest_path_length(network, centre, cutoff=depth))
        kept = [e for e in kept if e.subject in near and e.object in near]
    involved = {e.subject for e in kept} | {e.object for e in kept}
    return [a for a in actors if a.actor_id in involved], kept
