"""Operations on lists of events shared by the pipeline and curation."""

from __future__ import annotations

from kg.model import Event

CURATED = "curated"  # Event.method of an analyst's relation


def event_order(event: Event) -> tuple:
    """Reading order: source, place in the text, then id; the order every export uses."""
    return (event.source, event.start, event.trigger_start, event.event_id)


def deduplicate(events: list[Event]) -> list[Event]:
    """One event per (sentence, subject, relation, object), in reading order.

    The analyst's relation outranks the machine's for the same sentence; among machine
    relations the surest rule wins ("derided" and "humiliated" in one sentence).
    """
    best: dict[tuple, Event] = {}
    for event in events:
        key = (event.doc_id, event.start, event.subject, event.relation, event.object)
        old = best.get(key)
        if old is None or _rank(event) > _rank(old):
            best[key] = event
    return sorted(best.values(), key=event_order)


def _rank(event: Event) -> tuple[bool, float]:
    return (event.method == CURATED, event.confidence)
