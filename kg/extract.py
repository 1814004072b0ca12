"""Relation candidates: trigger words from the lexicon, their actors from the parse.

A candidate names mentions, not actors; :mod:`kg.resolve` decides who they are.
Every rule here is grammar (subjects, objects, passives, negation); the words that
make a relation are data in ``ontology/triggers.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.arguments import Arguments, _times
from kg.evidence import (
    DateExpression,
    date_expressions,
    evidence_units,
    long_quote_tokens,
    nearest_date,
    quoted_tokens,
)
from kg.lexicon import Lexicon, Trigger
from kg.mentions import Mention
from kg.modality import cancelled
from kg.referents import _unique, pobjs

CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl"}


@dataclass
class Candidate:
    relation: str
    subjects: list[int]  # mention indices
    objects: list[int]
    sent_start: int  # token span of the evidence unit
    sent_end: int
    trigger_tokens: list[int]
    method: str
    confidence: float
    date_index: int = -1  # index into ExtractedDoc.dates
    between: bool = False  # objects came as "between A and B"
    # Mentions of people who said "we": the body they speak for acts, if it is known.
    speaking_for: list[int] = field(default_factory=list)
    thing_object: bool = False  # the act has an object that is no actor


@dataclass
class ExtractedDoc:
    doc: Doc
    mentions: list[Mention]
    token_mentions: dict[int, int]
    dates: list[DateExpression]
    candidates: list[Candidate]


class RelationExtractor:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def extract(
        self, doc: Doc, mentions: list[Mention], token_mentions: dict[int, int]
    ) -> ExtractedDoc:
        units = evidence_units(doc)
        quoted = quoted_tokens(doc)
        dates = date_expressions(doc, quoted)
        context = _Context(doc, mentions, token_mentions, self.lexicon, quoted)
        candidates: list[Candidate] = []
        for unit in units:
            found = context.triggered(unit) + context.quoted(unit) + context.claimed(unit)
            for candidate in found:
                candidate.date_index = nearest_date(doc, dates, unit, candidate.trigger_tokens)
            candidates.extend(found)
        return ExtractedDoc(doc, mentions, token_mentions, dates, candidates)


class _Context(Arguments):
    """Triggers over one parsed document; :class:`Arguments` finds who did what to whom."""

    def __init__(self, doc, mentions, token_mentions, lexicon: Lexicon, quoted) -> None:
        super().__init__(doc, mentions, token_mentions, lexicon, quoted)
        self.long_quotes = self._spoken(long_quote_tokens(doc), lexicon)

    def _spoken(self, quoted: set[int], lexicon: Lexicon) -> set[int]:
        """The long quotations a speech verb attributes, as opposed to a phrase quoted
        inside the reporter's own sentence ("affirmed their “unwavering support for
        Ukraine ...”"), which reads like the rest of the sentence."""
        spoken: set[int] = set()
        for span in _runs(sorted(quoted)):
            heads = [
                self.doc[i].head
                for i in span
                if self.doc[i].head.i not in quoted and not self.doc[i].is_punct
            ]
            embedded = heads and not any(h.lemma_.lower() in lexicon.speech_verbs for h in heads)
            if not embedded:
                spoken.update(span)
        return spoken

    # ---------------------------------------------------------------- triggers

    def triggered(self, unit: Span) -> list[Candidate]:
        if unit.text.strip().rstrip("\"”’'").endswith("?"):
            return []  # a question asks, it does not report
        self.speakers = self._speakers(unit)
        matches: list[tuple[Token, Trigger, list[int]]] = []
        for token in unit:
            match = self._match(token)
            if match is not None:
                matches.append((token, *match))
        consumed = {i for head, _, used in matches for i in used if i != head.i}
        candidates = []
        for head, trigger, used in matches:
            if head.i in consumed:
                continue
            candidate = self._candidate(unit, head, trigger, used)
            if candidate is None:
                continue
            # A speaker's own sentences count only where they name who acts, inside the
            # quotation: "Norland expects the Qareshi government to ...," the army said.
            speaking = {m for group in self.speakers for m in group}
            if head.i in self.long_quotes and not all(
                m in speaking
                or (
                    self.mentions[m].form in ("name", "demonym")
                    and self.mentions[m].head in self.long_quotes
                )
                for m in candidate.subjects
            ):
                continue
            candidates.append(candidate)
        return candidates

    def _match(self, token: Token) -> tuple[Trigger, list[int]] | None:
        lemma = token.lemma_.lower()
        if token.pos_ in ("NOUN", "PROPN"):
            options = self.lexicon.noun_triggers.get(lemma, [])
            # A verb the tagger took for a noun still heads its clause: 'China "firmly
            # rejects" the charge'.
            if token.dep_ in CLAUSE_DEPS and any(c.dep_ == "nsubj" for c in token.children):
                options = options + self.lexicon.verb_triggers.get(lemma, [])
        elif token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.dep_ != "amod"):
            # An adjective reports as a predicate ("was open to meeting"), not as a
            # modifier: "a free and open Indian Ocean" frees no one.
            options = self.lexicon.verb_triggers.get(lemma, [])
        else:
            return None
        for trigger in options:  # longest first
            used = [token.i]
            for word in trigger.rest:
                found = _below(token, word)
                if found is None:
                    break
                used.append(found.i)
            else:
                return trigger, used
        return None

    def _candidate(
        self, unit: Span, head: Token, trigger: Trigger, used: list[int]
    ) -> Candidate | None:
        if cancelled(head, trigger.relation, self.lexicon):
            return None
        self.principals: set[int] = set()
        self.thing_object = False
        confidence = trigger.confidence
        if trigger.noun:
            subjects, objects, climbed = self._noun_arguments(head, trigger.relation)
        else:
            subjects, objects, climbed = self._verb_arguments(head, trigger.relation, used)
        if climbed:
            confidence *= 0.9
        objects = [o for o in objects if o not in subjects]
        if not subjects:
            return None
        between = any(
            c.dep_ == "prep" and c.lower_ == "between" for i in used for c in self.doc[i].children
        )
        return Candidate(
            relation=trigger.relation,
            subjects=subjects,
            objects=objects,
            between=between,
            sent_start=unit.start,
            sent_end=unit.end,
            trigger_tokens=sorted(used),
            method=f"{'noun' if trigger.noun else 'verb'}:{trigger.text}",
            confidence=confidence,
            speaking_for=sorted(self.principals),
            thing_object=self.thing_object,
        )

    # ---------------------------------------------------------------- quotations

    def quoted(self, unit: Span) -> list[Candidate]:
        """A speaker, a quotation naming another actor, and the rule's cue words."""
        candidates = []
        inside = [t for t in unit if t.i in self.quoted_tokens]
        if not inside:
            return candidates
        named = _unique(
            self.token_mentions[t.i]
            for t in inside
            if t.i in self.token_mentions
            and self.mentions[self.token_mentions[t.i]].form == "name"
            # Countries in a quotation are its subject matter; people are addressed.
            and self.mentions[self.token_mentions[t.i]].kind == "Person"
        )
        if not named:
            return candidates
        lemmas = {t.lemma_.lower() for t in inside} | {t.lower_ for t in inside}
        for rule in self.lexicon.quote_rules:
            if rule.cue_words and not (rule.cue_words & lemmas):
                continue
            for verb in unit:
                if verb.i in self.quoted_tokens or verb.lemma_.lower() not in rule.speech_verbs:
                    continue
                if cancelled(verb, rule.relation, self.lexicon):
                    continue
                speakers, _ = self._subjects(verb)
                if not speakers:
                    continue
                cue = next((t.lower_ for t in inside if t.lemma_.lower() in rule.cue_words), "")
                method = f"quote:{verb.lemma_.lower()}" + (f"+{cue}" if cue else "")
                candidates.append(
                    Candidate(
                        relation=rule.relation,
                        subjects=speakers,
                        objects=list(named),
                        sent_start=unit.start,
                        sent_end=unit.end,
                        trigger_tokens=[verb.i],
                        method=method,
                        confidence=rule.confidence,
                    )
                )
                break
        return candidates

    def claimed(self, unit: Span) -> list[Candidate]:
        """A speaker's claim about a named actor in a relation's cue words: "Trump
        contended that the EU is 'one of the most hostile ... authorities'", "'the Kabul
        administration has tried to sabotage the process,' he said"."""
        candidates = []
        verbs = [
            v
            for v in unit
            if v.lemma_.lower() in self.lexicon.claim_verbs and v.i not in self.quoted_tokens
        ]
        for relation, words in self.lexicon.claim_cues.items():
            for verb in verbs:
                if cancelled(verb, relation, self.lexicon):
                    continue
                said_for = self._match(verb.head) if verb.dep_ in ("advcl", "xcomp") else None
                if said_for is not None and said_for[0].relation == relation:
                    continue  # "criticized it, saying ...": the trigger reports it already
                speakers, _ = self._subjects(verb)
                for clause in _said(verb):
                    if cancelled(clause, relation, self.lexicon):
                        continue
                    cues = [t for t in clause.subtree if {t.lemma_.lower(), t.lower_} & words]
                    # Whom the words are about: the subject of the clause they stand in,
                    # unless that is the speaker ("we", "I").
                    about = _unique(
                        m
                        for cue in cues
                        for subject in _clause_subject(cue, clause)
                        if subject.lower_ not in self.lexicon.first_person
                        and subject.lower_ not in self.lexicon.vague_subjects
                        for m in self._mentions_of([subject])
                    )
                    about = [m for m in about if m not in speakers]
                    if not about or not speakers:
                        continue
                    candidates.append(
                        Candidate(
                            relation=relation,
                            subjects=speakers,
                            objects=about,
                            sent_start=unit.start,
                            sent_end=unit.end,
                            trigger_tokens=[verb.i],
                            method=f"claim:{verb.lemma_.lower()}+{cues[0].lower_}",
                            confidence=self.lexicon.claim_confidence,
                        )
                    )
        return candidates


def _said(verb: Token) -> list[Token]:
    """What a speech verb says: its that-clause, also where the parser hung it on the
    medium ("contended in a post that Qaresh is ...")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    for medium in pobjs(verb, {"in", "on"}):
        clauses += [
            c
            for c in medium.children
            if c.dep_ == "acl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ]
    return clauses


def _clause_subject(token: Token, top: Token) -> list[Token]:
    """The subject of the clause ``token`` stands in, no higher than ``top``.

    Not across a clause of its own: in "said he is cooperating after pleading guilty to
    illegal possession", "illegal" says nothing of "he".
    """
    for current in (token, *token.ancestors):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and current.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            return subjects
        if current.i == top.i or current.dep_ in ("advcl", "pcomp", "relcl", "acl", "csubj"):
            break
    return []


def _below(token: Token, lemma: str) -> Token | None:
    """A token with ``lemma`` at most three steps below ``token``.

    An adjective's complement often hangs off its copula ("was open to meeting"),
    so for an adjective the copula's other children count too.
    """
    words = lemma.split("_")
    found = _below_one(token, words)
    if found is None and token.pos_ == "ADJ" and token.dep_ == "acomp":
        siblings = [c for c in token.head.children if c.i > token.i]
        for sibling in siblings:
            if sibling.lemma_.lower() in words:
                return sibling
            found = found or _below_one(sibling, words)
    return found


def _below_one(token: Token, words: list[str], depth: int = 3) -> Token | None:
    """Breadth first, so the nearest match wins; never inside the subject.

    A preposition or particle must hang off the head itself: "called Canada ... in a
    post on his platform" is no "call on".
    """
    level = [c for c in token.children if c.dep_ not in ("nsubj", "nsubjpass", "csubj")]
    for step in range(depth):
        for child in level:
            if step > 0 and child.pos_ in ("ADP", "PART"):
                continue
            if (child.lemma_.lower() in words or child.lower_ in words) and not _times(child):
                return child
        level = [g for child in level for g in child.children]
    return None


def _runs(indices: list[int]) -> list[list[int]]:
    """Consecutive runs: [1, 2, 3, 7, 8] -> [[1, 2, 3], [7, 8]]."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
