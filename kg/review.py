"""Triage and explanation: the views an analyst reads before writing a curation file.

``review_rows`` puts the machine's least certain relations first; ``review_yaml`` turns
rows into a ``reject:`` list to paste into the curation file (delete the entries that
are right, keep the wrong ones); ``explain_rows`` answers "why is this edge here?".
"""

from __future__ import annotations

import re

import yaml

from kg.errors import KgError
from kg.events import CURATED, event_order
from kg.model import Actor, Event
from kg.names import find_actor

REVIEW_COLUMNS = [
    "confidence", "subject", "relation", "object", "date", "method", "evidence", "source",
]  # fmt: skip
EXPLAIN_COLUMNS = ["date", "subject", "relation", "object", "evidence", "source", "method"]
# YAML refuses some characters even inside comments, and treats these as line breaks.
_NOT_IN_COMMENT = re.compile(
    "[^\x09\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]"
)


def _labels(actors: list[Actor]) -> dict[str, str]:
    return {a.actor_id: a.label for a in actors}


def review_rows(actors: list[Actor], events: list[Event]) -> list[dict]:
    """The machine's relations, lowest confidence first (ties in document order).

    The analyst's own relations are left out: they are not the machine's to doubt.
    """
    labels = _labels(actors)
    machine = [e for e in events if e.method != CURATED]
    machine.sort(key=lambda e: (e.confidence, *event_order(e)))
    return [
        {
            "confidence": round(e.confidence, 3),
            "subject": labels.get(e.subject, e.subject),
            "relation": e.relation,
            "object": labels.get(e.object, e.object),
            "date": e.date.value if e.date else "",
            "method": e.method,
            "evidence": e.evidence,
            "source": e.source,
        }
        for e in machine
    ]


def review_yaml(rows: list[dict]) -> str:
    """A curation file whose ``reject:`` list holds every row, its evidence in a comment.

    >>> row = {"confidence": 0.4, "subject": "Aldoria", "relation": "REL",
    ...        "object": "Borvia", "method": "verb:x", "evidence": "Aldoria ... Borvia.",
    ...        "source": "story.md"}
    >>> print(review_yaml([row]), end="")
    # Review: delete the entries that are right; the rest are rejected on every build.
    reject:
      # 0.400 verb:x | Aldoria ... Borvia.
      - subject: Aldoria
        relation: REL
        object: Borvia
        source: story.md
    """
    lines = [
        "# Review: delete the entries that are right; the rest are rejected on every build.",
        "reject:" if rows else "reject: []",
    ]
    for row in rows:
        lines.append(f"  # {_comment(row)}")
        entry = {key: row[key] for key in ("subject", "relation", "object", "source")}
        dumped = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=10**6)
        lines.extend(f"  {line}" for line in dumped.splitlines())
    return "\n".join(lines) + "\n"


def _comment(row: dict) -> str:
    date = f" {row['date']}" if row.get("date") else ""
    text = f"{float(row['confidence']):.3f} {row['method']}{date} | {row['evidence']}"
    return " ".join(_NOT_IN_COMMENT.sub(" ", text).split())


def _oldest_first(event: Event) -> tuple:
    date = event.date.value if event.date else ""
    return (not date, date, event.source, event.start, event.event_id)


def explain_rows(actors: list[Actor], events: list[Event], subject: str, object: str) -> list[dict]:
    """Every event between two actors, either way round: oldest first, undated last.

    Actors are named by id, label or alias, ignoring case; an unknown or ambiguous name
    raises :class:`KgError`.
    """

    first, second = find_actor(actors, subject), find_actor(actors, object)
    if first == second:
        raise KgError(f"{subject!r} and {object!r} are the same actor; name two")
    labels = _labels(actors)
    pair = {first, second}
    between = [e for e in events if {e.subject, e.object} == pair]
    between.sort(key=_oldest_first)
    return [
        {
            "date": e.date.value if e.date else "",
            "subject": labels.get(e.subject, e.subject),
            "relation": e.relation,
            "object": labels.get(e.object, e.object),
            "evidence": e.evidence,
            "source": e.source,
            "method": e.method,
        }
        for e in between
    ]
