"""Relation candidates: trigger words from the lexicon, their actors from the parse.

A candidate names mentions, not actors; :mod:`kg.resolve` decides who they are.
Every rule here is grammar (subjects, objects, passives, negation); the words that
make a relation are data in ``ontology/triggers.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.candidates import Candidate, ExtractedDoc
from kg.evidence import (
    date_expressions,
    evidence_units,
    long_quote_tokens,
    nearest_date,
    quoted_tokens,
)
from kg.lexicon import Lexicon, Trigger
from kg.mentions import Mention
from kg.modality import cancelled
from kg.statements import Statements
from kg.targets import _times

CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl"}


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
                intent = candidate.relation in self.lexicon.intent_relations
                candidate.date_index = nearest_date(
                    doc, dates, unit, candidate.trigger_tokens, intent=intent
                )
            candidates.extend(found)
        return ExtractedDoc(doc, mentions, token_mentions, dates, candidates)


class _Context(Statements):
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
                found = _below(token, word, used)
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
        self.relation = trigger.relation
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
        # "each other", also as the owner of a preposition's object: "withdrew their
        # ambassadors from each other's capitals".
        below = [c for i in used for c in self.doc[i].children]
        below += [g for c in below if c.dep_ == "prep" for p in c.children for g in p.children]
        reciprocal = any(_each_other(c) for c in below)
        return Candidate(
            relation=trigger.relation,
            subjects=subjects,
            objects=objects,
            between=between,
            reciprocal=reciprocal,
            both_ways=trigger.text in self.lexicon.both_way_triggers,
            sent_start=unit.start,
            sent_end=unit.end,
            trigger_tokens=sorted(used),
            method=f"{'noun' if trigger.noun else 'verb'}:{trigger.text}",
            confidence=confidence,
            speaking_for=sorted(self.principals),
            thing_object=self.thing_object,
        )


def _below(token: Token, lemma: str, matched: list[int]) -> Token | None:
    """A token with ``lemma`` at most three steps below ``token``.

    An adjective's complement often hangs off its copula ("was open to meeting"),
    so for an adjective the copula's other children count too.
    """
    words = lemma.split("_")
    taken = set(matched)
    found = _below_one(token, words, taken)
    if found is None and token.pos_ == "ADJ" and token.dep_ == "acomp":
        siblings = [c for c in token.head.children if c.i > token.i]
        for sibling in siblings:
            if sibling.lemma_.lower() in words:
                return sibling
            found = found or _below_one(sibling, words, taken)
    return found


def _below_one(token: Token, words: list[str], matched: set[int], depth: int = 3) -> Token | None:
    """Breadth first, so the nearest match wins; never inside the subject.

    A preposition or particle must hang off the head or another word of the trigger
    ("paid tribute to", "took aim at"): "called Canada ... in a post on his platform" is
    no "call on". Nor is a word in a clause with a subject of its own: "agreed that trade
    officials would meet" is no "agree meet".
    """
    # A passive's subject is the thing done: "the accord was signed by", "sanctions were
    # imposed on".
    level = [c for c in token.children if c.dep_ not in ("nsubj", "csubj")]
    for step in range(depth):
        for child in level:
            loose = child.pos_ in ("ADP", "PART") and child.head.i not in matched
            if (step > 0 and loose and not _misattached(child)) or _own_clause(child):
                continue
            if (child.lemma_.lower() in words or child.lower_ in words) and not _times(child):
                return child
        # ... though its own function words count: "called for the Taliban to lift".
        level = [
            g
            for child in level
            for g in child.children
            if not _own_clause(child) or g.dep_ in ("mark", "aux")
        ]
    return None


def _each_other(token: Token) -> bool:
    """ "each other", "one another", as the object or a preposition's object."""
    if token.lower_ == "other":
        after_each = token.i > 0 and token.nbor(-1).lower_ == "each"
        if after_each or any(c.lower_ == "each" for c in token.children):
            return True
        # "each side accused the other"
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
        return any(c.lower_ == "each" for s in subjects for c in s.children)
    return token.lower_ == "another" and token.i > 0 and token.nbor(-1).lower_ == "one"


def _misattached(prep: Token) -> bool:
    """A preposition the parser hung on a name that is the head's object belongs to the
    head: in "asked President Donald Trump for sanctions relief" the asking is for it."""
    named = prep.head
    return (
        prep.dep_ == "prep"
        and prep.ent_iob_ == "O"  # not "the Organization for Security and Co-operation"
        and prep.lower_ != "of"
        and named.pos_ == "PROPN"
        and named.dep_ in ("dobj", "dative")
        and named.head.pos_ == "VERB"
    )


def _own_clause(token: Token) -> bool:
    # "agreed to exchange prisoners but failed to reach a ceasefire": a coordinated verb
    # is another act, with or without a subject of its own.
    if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
        return True
    return token.dep_ in ("ccomp", "advcl", "relcl") and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children
    )


def _runs(indices: list[int]) -> list[list[int]]:
    """Consecutive runs: [1, 2, 3, 7, 8] -> [[1, 2, 3], [7, 8]]."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
