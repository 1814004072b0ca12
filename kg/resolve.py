"""Turn candidates into events: who the mentions mean (:mod:`kg.coreference`), which
pairs relate, and on what date.

Places that stand for a government become that country; a city stands for its country
only where the gazetteer says so; a leader's acts on their own country are dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kg.candidates import ExtractedDoc
from kg.coreference import DocState
from kg.dates import resolve_expression, to_date
from kg.gazetteer import Gazetteer
from kg.model import Actor, Document, Event, FuzzyDate, RelationType

REFERENCE_FACTOR = 0.9  # a pronoun or a role is a guess about who is meant
MAX_PARTIES = 4  # a trilateral or four-party act; more is a list of members


@dataclass
class Resolution:
    actors: dict[str, Actor] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)


class Resolver:
    def __init__(
        self,
        gazetteer: Gazetteer,
        relation_types: dict[str, RelationType],
        mutual_relations: frozenset[str] = frozenset(),
        speech_verbs: frozenset[str] = frozenset(),
        capital_words: frozenset[str] = frozenset(),
    ) -> None:
        self.gazetteer = gazetteer
        self.capital_words = capital_words
        self.relation_types = relation_types
        self.mutual_relations = mutual_relations
        self.speech_verbs = speech_verbs

    def resolve(self, document: Document, extracted: ExtractedDoc, into: Resolution) -> None:
        dates = _resolve_dates(extracted, document.date)
        sentence_dates = _dates_by_sentence(extracted, dates)
        state = DocState(
            self.gazetteer, document, extracted, sentence_dates, self.speech_verbs,
            self.capital_words,
        )  # fmt: skip
        who = state.assign()
        for mention in extracted.mentions:
            for actor_id in who.get(mention.index, []):
                keep = mention.form == "name" and (mention.kind == "Person" or mention.gazetteer_id)
                if keep and not self._stands_for_other(actor_id):
                    self._ensure_actor(actor_id, state, into)
        for candidate in extracted.candidates:
            # "they" may be any group; two people only where the relation is mutual, and
            # the bodies the last subject named.
            usable = [
                m
                for m in (*candidate.subjects, *candidate.objects)
                if extracted.mentions[m].kind != "Plural"
                or self.relation_types[candidate.relation].symmetric
                or (candidate.relation in self.mutual_relations and m in candidate.subjects)
                or extracted.mentions[m].form == "plural"
                or m in state.grouped
            ]
            subjects = [(a, m) for m in candidate.subjects if m in usable for a in who.get(m, [])]
            subjects = state.bodies_of(
                subjects, candidate.speaking_for, dates.get(candidate.date_index)
            )
            objects = [(a, m) for m in candidate.objects if m in usable for a in who.get(m, [])]
            objects = state.bodies_of(
                objects, candidate.speaking_for, dates.get(candidate.date_index)
            )
            objects = state.other_than_subject(objects, subjects)
            if candidate.between and self.relation_types[candidate.relation].symmetric:
                # "talks between US and Russian officials": the two sides meet each other.
                subjects, objects = objects, []
            pairs = self._pairs(candidate, subjects, objects, extracted.mentions)
            doc = extracted.doc
            unit = doc[candidate.sent_start : candidate.sent_end]
            text = unit.text
            stripped = text.strip()
            start = document.offset + unit.start_char + (len(text) - len(text.lstrip()))
            tokens = [doc[i] for i in candidate.trigger_tokens]
            t_start = document.offset + tokens[0].idx
            t_end = document.offset + max(t.idx + len(t.text) for t in tokens)
            date = dates.get(candidate.date_index)
            for (subject, s_mention), (obj, o_mention) in pairs:
                fits = self.gazetteer.place_fits
                if not (fits(subject, candidate.relation) and fits(obj, candidate.relation)):
                    continue
                subject = self.gazetteer.principal(subject)
                obj = self.gazetteer.principal(obj)
                # "Qareshi President Haddad sent troops to Qaresh's border" is no aid
                # to Qaresh: a leader's acts on their own country are not relations.
                if subject == obj or obj in state.countries_of(subject, date):
                    continue
                confidence = candidate.confidence
                for index in (s_mention, o_mention):
                    if extracted.mentions[index].form in ("pronoun", "role", "plural"):
                        confidence *= REFERENCE_FACTOR
                for actor_id in (subject, obj):
                    self._ensure_actor(actor_id, state, into)
                into.events.append(
                    Event(
                        subject=subject,
                        relation=candidate.relation,
                        object=obj,
                        evidence=stripped,
                        source=document.source,
                        doc_id=document.doc_id,
                        start=start,
                        end=start + len(stripped),
                        trigger=document.text[t_start - document.offset : t_end - document.offset],
                        trigger_start=t_start,
                        trigger_end=t_end,
                        date=date,
                        confidence=round(confidence, 3),
                        method=candidate.method,
                    )
                )

    def _pairs(self, candidate, subjects, objects, mentions):
        relation = candidate.relation
        if objects:
            pairs = [(s, o) for s in subjects for o in objects]
            return pairs + [(o, s) for s, o in pairs] if candidate.both_ways else pairs
        if candidate.thing_object and not candidate.reciprocal:
            return []  # "the two presidents back rival sides"
        # "Rantanen and Haddad agreed to meet", "both countries recalled their envoys":
        # the two relate to each other; so do three or four who do a mutual act together
        # ("Tessaly, Marnia and Sunara signed a treaty"), but not those who only attended
        # an event ("envoys of A, B and C attended a meeting"). A longer list is a
        # membership, and "Norland and Qaresh reject the claims" is no rejection of each
        # other.
        one_reference = len({m for _, m in subjects}) == 1 and all(
            mentions[m].form in ("plural", "pronoun") for _, m in subjects
        )
        parties = len({a for a, _ in subjects})
        mutual = relation in self.mutual_relations or candidate.reciprocal
        if not (parties == 2 and (one_reference or mutual)) and not (
            2 < parties <= MAX_PARTIES and mutual and candidate.method.startswith("verb:")
        ):
            return []
        pairs = []
        for i, first in enumerate(subjects):
            for second in subjects[i + 1 :]:
                pairs.append((first, second))
                if not self.relation_types[relation].symmetric:
                    pairs.append((second, first))
        return pairs

    def _stands_for_other(self, actor_id: str) -> bool:
        return self.gazetteer.principal(actor_id) != actor_id

    def _ensure_actor(self, actor_id: str, state: DocState, into: Resolution) -> None:
        if actor_id in into.actors:
            return
        entry = self.gazetteer.entries.get(actor_id)
        if entry is not None:
            into.actors[actor_id] = Actor(
                actor_id=actor_id,
                label=entry.name,
                kind=entry.kind,
                aliases=sorted(set(entry.aliases)),
                wikidata=entry.wikidata,
                curated=True,
            )
        else:
            label, kind = state.local_names[actor_id]
            into.actors[actor_id] = Actor(actor_id=actor_id, label=label, kind=kind)


def _resolve_dates(extracted: ExtractedDoc, article: FuzzyDate | None) -> dict[int, FuzzyDate]:
    """Every date expression in reading order, each relative to the last one given.

    A date after the article's names a plan ("agreed to meet, perhaps next week"), so it
    dates no reported event; it still counts as the reference for the next one.
    """
    resolved: dict[int, FuzzyDate] = {}
    reference: FuzzyDate | None = None
    for index, expr in enumerate(extracted.dates):
        if expr.in_quote:
            continue
        value = resolve_expression(expr.text, article, reference)
        if value is not None:
            if not _after(value, article):
                resolved[index] = value
            reference = value
    return resolved


def _after(value: FuzzyDate, article: FuzzyDate | None) -> bool:
    """Later than the article at the coarser of the two precisions."""
    if article is None:
        return False
    width = min(len(value.value), len(article.value))
    return value.value[:width] > article.value[:width]


def _dates_by_sentence(extracted: ExtractedDoc, dates: dict[int, FuzzyDate]) -> dict[int, dt.date]:
    by_sentence: dict[int, dt.date] = {}
    sent_starts = [s.start for s in extracted.doc.sents]
    for index, value in dates.items():
        token = extracted.dates[index].start
        number = max(i for i, s in enumerate(sent_starts) if s <= token)
        by_sentence.setdefault(number, to_date(value))
    return by_sentence
