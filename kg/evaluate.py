"""Score extraction against hand-annotated gold relations.

A predicted event matches a gold relation when it is in the same document, has
the same relation type, the same two actors (either order for symmetric types)
and its evidence overlaps the gold evidence in the text. Matching is one to one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from kg.errors import KgError
from kg.ids import slug
from kg.ingest import read_sources
from kg.model import Actor, Event
from kg.ontology import relation_types
from kg.pipeline import Pipeline


@dataclass
class GoldRelation:
    subject: str  # slug of the canonical name
    relation: str
    object: str
    date: str | None
    start: int  # offsets of the evidence in the source file
    end: int
    evidence: str = ""


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    per_relation: dict[str, Score] = field(default_factory=dict)
    overall: Score = field(default_factory=Score)
    dates_right: int = 0
    dates_total: int = 0
    actors_linked: int = 0
    actors_total: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    repeats: list[str] = field(default_factory=list)  # annotated events told again
    wrong_dates: list[str] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.dates_total if self.dates_total else 0.0

    @property
    def linking_accuracy(self) -> float:
        return self.actors_linked / self.actors_total if self.actors_total else 0.0


def _date_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def load_gold(path: Path) -> list[tuple[Path, list[GoldRelation], list[dict]]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KgError(f"cannot read gold file {path}: {exc}".splitlines()[0]) from exc
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise KgError(f"{path}: expected a mapping with a 'documents' list")
    known = relation_types()
    documents = []
    for entry in data["documents"]:
        article = (path.parent / entry["file"]).resolve()
        if not article.is_file():
            raise KgError(f"{path}: no such article {entry['file']}")
        source = article.read_text(encoding="utf-8")
        relations = []
        for raw in entry.get("relations") or []:
            if raw["relation"] not in known:
                raise KgError(f"{path}: unknown relation {raw['relation']!r}")
            start = source.find(raw["evidence"])
            if start < 0:
                raise KgError(f"{path}: evidence not found in {entry['file']}: {raw['evidence']}")
            relations.append(
                GoldRelation(
                    slug(raw["subject"]),
                    raw["relation"],
                    slug(raw["object"]),
                    _date_text(raw.get("date")),
                    start,
                    start + len(raw["evidence"]),
                    raw["evidence"],
                )
            )
        documents.append((article, relations, entry.get("actors") or []))
    return documents


def evaluate(gold_path: Path, pipeline: Pipeline | None = None) -> Report:
    documents = load_gold(gold_path)
    pipeline = pipeline or Pipeline()
    types = relation_types()
    report = Report(per_relation={name: Score() for name in types})
    for article, gold, gold_actors in documents:
        ingested = read_sources([article])
        result = pipeline.run(ingested.documents)
        names = _actor_names(result.actors)
        predicted = list(result.events)
        for wanted in gold:
            match = _find(wanted, predicted, names, types[wanted.relation].symmetric)
            score = report.per_relation[wanted.relation]
            if match is None:
                score.false_negatives += 1
                report.misses.append(f"{article.name}: {wanted.subject} {wanted.relation} "
                                     f"{wanted.object} | {wanted.evidence[:80]}")  # fmt: skip
                continue
            predicted.remove(match)
            score.true_positives += 1
            report.dates_total += 1
            found_date = match.date.value if match.date else None
            report.dates_right += found_date == wanted.date
            if found_date != wanted.date:
                triple = f"{article.name}: {wanted.subject} {wanted.relation} {wanted.object}"
                report.wrong_dates.append(f"{triple} {found_date} for {wanted.date}")
        for event in predicted:
            if _repeats(event, gold, names, types[event.relation].symmetric):
                report.repeats.append(f"{article.name}: {event.subject} {event.relation} "
                                      f"{event.object} | {event.evidence[:80]}")  # fmt: skip
                continue
            report.per_relation[event.relation].false_positives += 1
            report.spurious.append(f"{article.name}: {event.subject} {event.relation} "
                                   f"{event.object} | {event.evidence[:80]}")  # fmt: skip
        for actor in gold_actors:
            report.actors_total += 1
            report.actors_linked += _linked(actor, result.actors)
    for score in report.per_relation.values():
        report.overall.true_positives += score.true_positives
        report.overall.false_positives += score.false_positives
        report.overall.false_negatives += score.false_negatives
    return report


def _actor_names(actors: list[Actor]) -> dict[str, set[str]]:
    """Every slug an actor answers to: its id, label and aliases."""
    return {a.actor_id: {a.actor_id, slug(a.label), *(slug(x) for x in a.aliases)} for a in actors}


def _find(wanted: GoldRelation, events: list[Event], names, symmetric: bool) -> Event | None:
    def same(actor_id: str, gold_name: str) -> bool:
        return gold_name in names.get(actor_id, {actor_id})

    for event in events:
        if event.relation != wanted.relation:
            continue
        if event.end <= wanted.start or wanted.end <= event.start:
            continue
        forward = same(event.subject, wanted.subject) and same(event.object, wanted.object)
        backward = same(event.subject, wanted.object) and same(event.object, wanted.subject)
        if forward or (symmetric and backward):
            return event
    return None


def _repeats(event: Event, gold: list[GoldRelation], names, symmetric: bool) -> bool:
    """Another sentence telling an annotated event again: neither right nor wrong.

    The gold set annotates one sentence per event (tests/gold/README.md), so a second
    sentence with the same actors, relation and a compatible date is not counted.
    """
    date = event.date.value if event.date else None
    for wanted in gold:
        if date not in (None, wanted.date):
            continue
        moved = replace(wanted, start=event.start, end=event.end)
        if _find(moved, [event], names, symmetric) is not None:
            return True
    return False


def _linked(gold_actor: dict, actors: list[Actor]) -> bool:
    """Found under its canonical name, of the right kind, with the right Wikidata id."""
    name = slug(str(gold_actor.get("name", "")))
    for actor in actors:
        if name in {actor.actor_id, slug(actor.label), *(slug(a) for a in actor.aliases)}:
            wikidata = str(gold_actor.get("wikidata") or "")
            return actor.kind == gold_actor.get("kind", actor.kind) and (
                not wikidata or actor.wikidata == wikidata
            )
    return False


def format_report(report: Report) -> str:
    lines = [f"{'relation':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for name, score in sorted(report.per_relation.items()):
        if score.true_positives + score.false_positives + score.false_negatives == 0:
            continue
        lines.append(_row(name, score))
    lines.append(_row("overall", report.overall))
    lines.append(f"date accuracy    {report.date_accuracy:.3f} ({report.dates_right}/"
                 f"{report.dates_total} matched relations)")  # fmt: skip
    lines.append(f"actor linking    {report.linking_accuracy:.3f} ({report.actors_linked}/"
                 f"{report.actors_total} gold actors)")  # fmt: skip
    lines.append(f"repeats          {len(report.repeats)} (an annotated event told again in "
                 f"another sentence; counted neither right nor wrong)")  # fmt: skip
    return "\n".join(lines)


def _row(name: str, score: Score) -> str:
    return (
        f"{name:16} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
        f"{score.true_positives:4} {score.false_positives:4} {score.false_negatives:4}"
    )


def relation_counts(report: Report) -> Counter:
    return Counter({k: v.true_positives for k, v in report.per_relation.items()})
