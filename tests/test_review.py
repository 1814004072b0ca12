"""kg.review: triage rows, the reject list they paste into, and "why is this edge here?"."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg.curation import CURATED, apply_curation, load_curation
from kg.errors import KgError
from kg.graph import from_graph
from kg.model import Actor, Event, FuzzyDate
from kg.ontology import relation_types
from kg.pipeline import BuildResult, build
from kg.query import load_graph
from kg.review import explain_rows, review_rows, review_yaml

STORY = """---
title: Border talks
date: 2025-06-13
---
Norland's Prime Minister Ilkka Rantanen met Qaresh's President Leila Haddad in Tunis on \
Tuesday. Later the Norlandic prime minister praised Haddad. Elena Haddad, the opposition \
leader, accused Leila Haddad of betrayal. Norland criticised Qaresh on Monday. Tomas \
Brenner reportedly spoke with Leila Haddad.
"""


PLACE = next(iter(relation_types()))  # any relation will do


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> BuildResult:
    path = tmp_path_factory.mktemp("review") / "story.md"
    path.write_text(STORY, encoding="utf-8")
    return build([path])


def test_review_rows_put_the_least_certain_first(built, seed_exports):
    _, seed_actors, seed_events = from_graph(load_graph(seed_exports / "kg.ttl"))
    for actors, events in ((built.actors, built.events), (seed_actors, seed_events)):
        rows = review_rows(actors, events)
        assert len(rows) == len(events)
        confidences = [row["confidence"] for row in rows]
        assert confidences == sorted(confidences)
        labels = {a.label for a in actors}
        for row in rows:
            assert {row["subject"], row["object"]} <= labels
            assert row["relation"] in relation_types() and row["evidence"] and row["source"]
            assert set(row) >= {"date", "method"}


def test_review_leaves_out_the_analysts_own_relations(built):
    curated = Event(
        built.events[0].subject, built.events[0].relation, built.events[0].object, "x",
        "note", "n", -1, -1, confidence=1.0, method=CURATED,
    )  # fmt: skip
    assert len(review_rows(built.actors, [*built.events, curated])) == len(built.events)


def test_review_yaml_as_a_reject_list_removes_those_relations(tmp_path: Path, built):
    rows = review_rows(built.actors, built.events)
    doubted, trusted = rows[:2], rows[2:]
    assert trusted, "the story should give more than two relations"
    text = review_yaml(doubted)
    parsed = yaml.safe_load(text)
    assert [set(entry) for entry in parsed["reject"]] == [
        {"subject", "relation", "object", "source"}
    ] * 2
    # Each entry's evidence is in the comment above it.
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("  - ")]
    for row, at in zip(doubted, starts, strict=True):
        assert lines[at - 1].startswith("  # ")
        assert " ".join(row["evidence"].split()) in lines[at - 1]

    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    _, events, _ = apply_curation(load_curation(path), built.actors, built.events, [])
    left = review_rows(built.actors, events)

    def edge(row: dict) -> tuple:
        # A reject names an edge in a source, not a sentence; symmetric ones either way.
        ends = (row["subject"], row["object"])
        if relation_types()[row["relation"]].symmetric:
            ends = tuple(sorted(ends))
        return (*ends, row["relation"], row["source"])

    rejected = {edge(row) for row in doubted}
    assert left == [row for row in trusted if edge(row) not in rejected]
    assert len(left) < len(rows)


def test_review_yaml_survives_awkward_text(tmp_path: Path):
    row = {
        "confidence": 0.1, "subject": "Aldoria: the Republic", "relation": PLACE,
        "object": "'Borvia' # not a comment", "date": "", "method": "verb:x",
        "evidence": 'He said: "no" # really\nthen left.\u2028Next\x85line\x07.',
        "source": "a #1.md",
    }  # fmt: skip
    text = review_yaml([row])
    entry = yaml.safe_load(text)["reject"][0]
    assert entry == {k: row[k] for k in ("subject", "relation", "object", "source")}
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert 'He said: "no" # really then left. Next line .' in comments[-1]
    assert yaml.safe_load(review_yaml([])) == {"reject": []}


def event(subject: str, obj: str, date: str | None, start: int) -> Event:
    precision = {4: "year", 7: "month", 10: "day"}
    fuzzy = FuzzyDate(date, precision[len(date)]) if date else None
    return Event(subject, PLACE, obj, f"sentence {start}", "s.md", "d", start, start + 1,
                 date=fuzzy, method="verb:x")  # fmt: skip


def test_explain_lists_every_event_between_two_actors_oldest_first():
    actors = [
        Actor("aldoria", "Aldoria", "Country", ["Republic of Aldoria"]),
        Actor("borvia", "Borvia", "Country"),
        Actor("cal-vesper", "Cal Vesper", "Person"),
    ]
    events = [
        event("aldoria", "borvia", None, 1),
        event("borvia", "aldoria", "2025-03-02", 2),
        event("aldoria", "borvia", "2024", 3),
        event("aldoria", "cal-vesper", "2020", 4),
        event("aldoria", "borvia", "2025-01", 5),
    ]
    rows = explain_rows(actors, events, "republic of aldoria", "BORVIA")
    assert [(r["date"], r["subject"], r["evidence"]) for r in rows] == [
        ("2024", "Aldoria", "sentence 3"),
        ("2025-01", "Aldoria", "sentence 5"),
        ("2025-03-02", "Borvia", "sentence 2"),
        ("", "Aldoria", "sentence 1"),
    ]
    assert set(rows[0]) == {"date", "subject", "relation", "object", "evidence", "source", "method"}
    assert explain_rows(actors, events, "Borvia", "Cal Vesper") == []
    with pytest.raises(KgError, match="no actor called 'Dorvania'"):
        explain_rows(actors, events, "Aldoria", "Dorvania")
    with pytest.raises(KgError, match="same actor"):
        explain_rows(actors, events, "Aldoria", "aldoria")


def test_explain_on_a_real_build(built):
    rows = explain_rows(built.actors, built.events, "Leila Haddad", "Ilkka Rantanen")
    assert rows and all({r["subject"], r["object"]} == {"Leila Haddad", "Ilkka Rantanen"}
                        for r in rows)  # fmt: skip
