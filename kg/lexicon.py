"""Trigger lexicon, modality words and role words, read from ``ontology/*.yaml``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from kg.errors import KgError
from kg.ontology import relation_types
from kg.resources import ontology_path


@dataclass(frozen=True)
class Trigger:
    relation: str
    head: str  # lemma of the head word
    rest: tuple[str, ...]  # lemmas that must sit below the head
    noun: bool
    confidence: float

    @property
    def text(self) -> str:
        return " ".join((self.head, *self.rest))


@dataclass(frozen=True)
class QuoteRule:
    relation: str
    speech_verbs: frozenset[str]
    cue_words: frozenset[str]
    confidence: float


@dataclass
class Lexicon:
    verb_triggers: dict[str, list[Trigger]] = field(default_factory=dict)
    noun_triggers: dict[str, list[Trigger]] = field(default_factory=dict)
    object_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    quote_rules: list[QuoteRule] = field(default_factory=list)
    negations: frozenset[str] = frozenset()
    negating_verbs: frozenset[str] = frozenset()
    claiming_verbs: frozenset[str] = frozenset()
    irrealis_verbs: frozenset[str] = frozenset()
    irrealis_modifiers: frozenset[str] = frozenset()
    irrealis_nouns: frozenset[str] = frozenset()
    negating_determiners: frozenset[str] = frozenset()
    descriptive_verbs: frozenset[str] = frozenset()
    hypothetical_marks: frozenset[str] = frozenset()
    hypothetical_modals: frozenset[str] = frozenset()
    intent_relations: frozenset[str] = frozenset()
    titles: dict[str, str] = field(default_factory=dict)  # word -> title
    generic_titles: dict[str, frozenset[str]] = field(default_factory=dict)
    person_roles: frozenset[str] = frozenset()
    both_way_triggers: frozenset[str] = frozenset()
    plural_references: tuple[str, ...] = ()
    capital_words: frozenset[str] = frozenset()
    body_words: frozenset[str] = frozenset()
    body_references: frozenset[str] = frozenset()
    organ_words: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    weather_words: frozenset[str] = frozenset()
    plural_country_references: tuple[str, ...] = ()
    carrier_nouns: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    clause_object_relations: frozenset[str] = frozenset()
    claim_relations: frozenset[str] = frozenset()
    act_object_relations: frozenset[str] = frozenset()
    act_object_preps: frozenset[str] = frozenset()
    venue_relations: frozenset[str] = frozenset()
    venue_preps: frozenset[str] = frozenset()
    aiming_verbs: frozenset[str] = frozenset()
    hosted_relations: frozenset[str] = frozenset()
    attending_verbs: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    claim_verbs: frozenset[str] = frozenset()
    claim_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    claim_confidence: float = 0.6
    vague_subjects: frozenset[str] = frozenset()
    first_person: dict[str, str] = field(default_factory=dict)  # word -> singular | plural
    mutual_relations: frozenset[str] = frozenset()
    judging_relations: frozenset[str] = frozenset()
    undergoer_free_relations: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    perceived_nouns: frozenset[str] = frozenset()
    repelling_verbs: frozenset[str] = frozenset()
    party_relations: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    government_nouns: frozenset[str] = frozenset()
    negating_adverbs: frozenset[str] = frozenset()
    other_people: frozenset[str] = frozenset()
    frontier_nouns: frozenset[str] = frozenset()
    frontier_relations: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    national_target_relations: frozenset[str] = frozenset()
    people_nouns: frozenset[str] = frozenset()
    undergone_nouns: frozenset[str] = frozenset()


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KgError(f"cannot read {path}: {exc}".splitlines()[0]) from exc
    if not isinstance(data, dict):
        raise KgError(f"{path}: expected a mapping")
    return data


def _words(values: object) -> frozenset[str]:
    words = set()
    for value in values or []:  # type: ignore[attr-defined]
        if not isinstance(value, str):
            # YAML reads a bare on, no or yes as a boolean.
            raise KgError(f"lexicon word {value!r} is not text: write it in quotes")
        words.add(value.lower())
    return frozenset(words)


def _relations(values: object, known: Iterable[str], path: Path) -> frozenset[str]:
    """Relation names the lexicon refers to; a misspelt one would silently match nothing."""
    names = frozenset(str(v) for v in values or [])  # type: ignore[attr-defined]
    unknown = sorted(names - set(known))
    if unknown:
        raise KgError(f"{path}: unknown relation {unknown[0]!r}")
    return names


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    triggers_path = ontology_path("triggers.yaml")
    data = _read_yaml(triggers_path)
    known = relation_types()
    defaults = data.get("defaults", {})
    base = float(defaults.get("confidence", 0.85))
    noun_factor = float(defaults.get("noun_factor", 0.85))
    lexicon = Lexicon()
    for relation, spec in (data.get("relations") or {}).items():
        if relation not in known:
            raise KgError(f"{triggers_path}: unknown relation {relation!r}")
        confidence = float(spec.get("confidence", base))
        for noun, key in ((False, "verbs"), (True, "nouns")):
            index = lexicon.noun_triggers if noun else lexicon.verb_triggers
            for phrase in spec.get(key) or []:
                words = str(phrase).lower().split()
                trigger = Trigger(
                    relation=relation,
                    head=words[0],
                    rest=tuple(words[1:]),
                    noun=noun,
                    confidence=round(confidence * (noun_factor if noun else 1.0), 3),
                )
                index.setdefault(trigger.head, []).append(trigger)
        lexicon.object_preps[relation] = _words(spec.get("object_preps"))
    for index in (lexicon.verb_triggers, lexicon.noun_triggers):
        for triggers in index.values():
            triggers.sort(key=lambda t: -len(t.rest))  # longest first
    for relation, spec in (data.get("quote_rules") or {}).items():
        if relation not in known:
            raise KgError(f"{triggers_path}: unknown relation {relation!r} in quote_rules")
        lexicon.quote_rules.append(
            QuoteRule(
                relation=relation,
                speech_verbs=_words(spec.get("speech_verbs")),
                cue_words=_words(spec.get("cue_words")),
                confidence=float(spec.get("confidence", 0.6)),
            )
        )
    modality = data.get("modality") or {}
    lexicon.negations = _words(modality.get("negations"))
    lexicon.negating_verbs = _words(modality.get("negating_verbs"))
    lexicon.claiming_verbs = _words(modality.get("claiming_verbs"))
    lexicon.irrealis_verbs = _words(modality.get("irrealis_verbs"))
    lexicon.irrealis_modifiers = _words(modality.get("irrealis_modifiers"))
    lexicon.irrealis_nouns = _words(modality.get("irrealis_nouns"))
    lexicon.negating_determiners = _words(modality.get("negating_determiners"))
    lexicon.descriptive_verbs = _words(modality.get("descriptive_verbs"))
    lexicon.negating_adverbs = _words(modality.get("negating_adverbs"))
    lexicon.hypothetical_marks = _words(modality.get("hypothetical_marks"))
    lexicon.hypothetical_modals = _words(modality.get("hypothetical_modals"))
    lexicon.intent_relations = _relations(modality.get("intent_relations"), known, triggers_path)
    arguments = data.get("arguments") or {}
    lexicon.carrier_nouns = _words(arguments.get("carrier_nouns"))
    lexicon.quantity_nouns = _words(arguments.get("quantity_nouns"))
    lexicon.clause_object_relations = _relations(
        arguments.get("clause_object_relations"), known, triggers_path
    )
    lexicon.claim_relations = _relations(arguments.get("claim_relations"), known, triggers_path)
    lexicon.act_object_relations = _relations(
        arguments.get("act_object_relations"), known, triggers_path
    )
    lexicon.act_object_preps = _words(arguments.get("act_object_preps"))
    lexicon.venue_relations = _relations(arguments.get("venue_relations"), known, triggers_path)
    lexicon.venue_preps = _words(arguments.get("venue_preps"))
    lexicon.aiming_verbs = _words(arguments.get("aiming_verbs"))
    lexicon.hosted_relations = _relations(arguments.get("hosted_relations"), known, triggers_path)
    lexicon.attending_verbs = _words(arguments.get("attending_verbs"))
    lexicon.speech_verbs = _words(arguments.get("speech_verbs"))
    claims = data.get("claims") or {}
    lexicon.claim_verbs = _words(claims.get("verbs"))
    cues = claims.get("cue_words") or {}
    _relations(list(cues), known, triggers_path)
    lexicon.claim_cues = {relation: _words(words) for relation, words in cues.items()}
    lexicon.claim_confidence = float(claims.get("confidence", 0.6))
    lexicon.vague_subjects = _words(claims.get("vague_subjects"))
    lexicon.mutual_relations = _relations(arguments.get("mutual_relations"), known, triggers_path)
    lexicon.receiving_verbs = _words(arguments.get("receiving_verbs"))
    lexicon.perceived_nouns = _words(arguments.get("perceived_nouns"))
    lexicon.repelling_verbs = _words(arguments.get("repelling_verbs"))
    lexicon.both_way_triggers = _words(arguments.get("both_way_triggers"))
    lexicon.party_relations = _relations(arguments.get("party_relations"), known, triggers_path)
    lexicon.judging_relations = _relations(arguments.get("judging_relations"), known, triggers_path)
    lexicon.undergoer_free_relations = _relations(
        arguments.get("undergoer_free_relations"), known, triggers_path
    )
    lexicon.state_nouns = _words(arguments.get("state_nouns"))
    lexicon.government_nouns = _words(arguments.get("government_nouns"))
    lexicon.other_people = _words(arguments.get("other_people"))
    lexicon.frontier_nouns = _words(arguments.get("frontier_nouns"))
    lexicon.frontier_relations = _relations(
        arguments.get("frontier_relations"), known, triggers_path
    )
    lexicon.group_nouns = _words(arguments.get("group_nouns"))
    lexicon.place_nouns = _words(arguments.get("place_nouns"))
    lexicon.people_nouns = _words(arguments.get("people_nouns"))
    lexicon.undergone_nouns = _words(arguments.get("undergone_nouns"))
    lexicon.national_target_relations = _relations(
        arguments.get("national_target_relations"), known, triggers_path
    )
    for number, words in (arguments.get("first_person") or {}).items():
        lexicon.first_person.update(dict.fromkeys(_words(words), str(number)))
    _load_roles(lexicon)
    return lexicon


def _load_roles(lexicon: Lexicon) -> None:
    data = _read_yaml(ontology_path("roles.yaml"))
    for title, words in (data.get("titles") or {}).items():
        for word in words:
            lexicon.titles[str(word).lower()] = str(title).lower()
    for word, titles in (data.get("generic") or {}).items():
        lexicon.generic_titles[str(word).lower()] = _words(titles)
    lexicon.capital_words = _words(data.get("capital_words"))
    lexicon.body_words = _words(data.get("body_words"))
    lexicon.body_references = _words(data.get("body_references"))
    lexicon.organ_words = _words(data.get("organ_words"))
    lexicon.honorifics = _words(data.get("honorifics"))
    lexicon.person_roles = _words(data.get("person_roles"))
    lexicon.weather_words = _words(data.get("weather_words"))
    lexicon.plural_references = tuple(str(p).lower() for p in data.get("plural_references") or [])
    lexicon.plural_country_references = tuple(
        str(p).lower() for p in data.get("plural_country_references") or []
    )
