"""Relation candidates: trigger words from the lexicon, their actors from the parse.

A candidate names mentions, not actors; :mod:`kg.resolve` decides who they are.
Every rule here is grammar (subjects, objects, passives, negation); the words that
make a relation are data in ``ontology/triggers.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

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

CLIMB_LIMIT = 6
DEMONYM_WINDOW = 4
TIMING_PREPOSITIONS = {"after", "before", "amid", "following", "despite", "since", "until"}
CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl"}
BOUND_POSSESSIVES = {"their", "its"}


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
            found = context.triggered(unit) + context.quoted(unit)
            for candidate in found:
                candidate.date_index = nearest_date(doc, dates, unit, candidate.trigger_tokens)
            candidates.extend(found)
        return ExtractedDoc(doc, mentions, token_mentions, dates, candidates)


class _Context:
    """Grammar over one parsed document: who did what to whom."""

    def __init__(self, doc, mentions, token_mentions, lexicon: Lexicon, quoted) -> None:
        self.doc = doc
        self.mentions = mentions
        self.token_mentions = token_mentions
        self.lexicon = lexicon
        self.quoted_tokens = quoted
        self.long_quotes = self._spoken(long_quote_tokens(doc), lexicon)
        self.principals: set[int] = set()
        self.thing_object = False
        self.speakers: tuple[list[int], list[int]] = ([], [])

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
        elif token.pos_ in ("VERB", "AUX", "ADJ"):
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

    # ---------------------------------------------------------------- arguments

    def _verb_arguments(
        self, head: Token, relation: str, used: list[int]
    ) -> tuple[list[int], list[int], bool]:
        passive_subject = [c for c in head.children if c.dep_ == "nsubjpass"]
        agents = [g for c in head.children if c.dep_ == "agent" for g in c.children]
        if passive_subject:
            subjects = self._mentions_of(agents)
            objects = self._mentions_of(passive_subject)
            return subjects, objects, False
        complement = head.tag_ == "VBN" and head.dep_ in ("acomp", "xcomp", "oprd")
        if not agents and (complement or any(c.dep_ == "auxpass" for c in head.children)):
            # "... and three ministers are expected to attend", "two soldiers stand
            # accused of": passive, no doer named.
            return [], [], False
        subjects, climbed = self._subjects(head)
        objects: list[int] = []
        for index in used:
            objects += self._objects_below(self.doc[index], relation, skip=used)
        # "the two presidents back rival sides": the act has an object, just no actor.
        self.thing_object = not objects and any(
            c.dep_ == "dobj" and c.i not in used for c in head.children
        )
        return subjects, _unique(objects), climbed

    def _noun_arguments(self, head: Token, relation: str) -> tuple[list[int], list[int], bool]:
        owners = [c for c in head.children if c.dep_ == "poss"]
        subjects = self._mentions_of(owners)
        climbed = False
        if owners and all(o.lower_ in BOUND_POSSESSIVES for o in owners):
            # "the Alliance members affirmed their support": the clause's subject owns it.
            verb = head.head
            if head.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX"):
                direct = [c for c in verb.children if c.dep_ == "nsubj"]
                subjects = self._mentions_of(direct) or subjects
        if not subjects:
            subjects = self._demonym_before(head)
        # A true relative clause, not "a deadline for Putin to agree".
        relative = next(
            (
                c
                for c in head.children
                if c.dep_ == "relcl"
                and not any(g.dep_ == "mark" or g.lower_ == "to" for g in c.children)
            ),
            None,
        )
        if not subjects and relative is not None:
            # "the sanctions Norland has imposed on Qaresh"
            subjects = self._mentions_of([c for c in relative.children if c.dep_ == "nsubj"])
        # "after the latest barrage": a noun that only times the clause is not its act.
        timing = head.dep_ == "pobj" and head.head.lower_ in TIMING_PREPOSITIONS
        if not subjects and not timing and head.dep_ in ("dobj", "pobj", "attr", "nsubj", "appos"):
            verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if verb is not None:
                subjects, _ = self._subjects(verb, skip=head.i)
                climbed = True
        objects = self._objects_below(head, relation)
        if not objects and head.dep_ == "dobj":
            # "opened a probe into X", "imposed sanctions on X": the light verb holds it.
            objects = self._objects_below(head.head, relation, direct=False)
        elif not objects and head.dep_ == "pobj" and head.head.head.pos_ == "VERB":
            # "retaliated with tariffs on Qareshi exports"; "told Haddad in phone calls", but
            # not "blamed Hald for the attack".
            direct = head.head.lower_ == "in"
            objects = self._objects_below(head.head.head, relation, direct=direct)
        if not objects and relative is not None:
            objects = self._objects_below(relative, relation, direct=False)
        attended = head.dep_ == "dobj" and head.head.lemma_.lower() in self.lexicon.attending_verbs
        if not objects and attended and relation in self.lexicon.hosted_relations:
            # "The rebels' council attended a Norland-organized meeting": the host.
            objects = _unique(
                self.token_mentions[t.i]
                for t in head.subtree
                if t.i < head.i
                and t.i in self.token_mentions
                and self.mentions[self.token_mentions[t.i]].form == "name"
            )
        if not objects:
            # "Norland's tariffs targeting Qaresh"
            aims = [
                c
                for c in head.children
                if c.dep_ == "acl" and c.lemma_.lower() in self.lexicon.aiming_verbs
            ]
            objects = self._mentions_of(
                [g for c in aims for g in c.children if g.dep_ in ("dobj", "pobj")]
            )
        return subjects, objects, climbed

    def _subjects(self, token: Token, skip: int = -1) -> tuple[list[int], bool]:
        """The doer of ``token``'s clause, climbing to governing clauses when it has none.

        ``skip`` is a token that cannot be its own subject ("the deadline ... would be").
        """
        current = token
        for step in range(CLIMB_LIMIT):
            direct = [c for c in current.children if c.dep_ in ("nsubj", "csubj") and c.i != skip]
            if direct:
                return self._mentions_of(direct), step > 0
            if current.dep_ == "nsubjpass":
                break
            agents = [g for c in current.children if c.dep_ == "agent" for g in c.children]
            if agents and step > 0:
                return self._mentions_of(agents), True
            if current.pos_ in ("NOUN", "PROPN") and current.i in self.token_mentions:
                return self._mentions_of([current]), True
            if current.head is current:
                break
            current = current.head
        return [], False

    def _objects_below(
        self, token: Token, relation: str, direct: bool = True, skip: list[int] | None = None
    ) -> list[int]:
        """``skip``: the trigger's own words ("withdrew their ambassadors")."""
        preps = self.lexicon.object_preps.get(relation, frozenset())
        targets = []
        if direct:
            targets = [c for c in token.children if c.dep_ in ("dobj", "dative", "obj")]
            if token.pos_ == "ADP":  # a trigger's own preposition: "stand with X"
                targets += self._prep_objects(token)
            # "called Pakistan's assertions baseless": the thing called is an object.
            targets += [c for c in token.children if c.dep_ == "oprd" and c.pos_ != "ADJ"]
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                targets += self._prep_objects(child)
            # "a deadline for Rantanen to agree": the object is the clause's own subject.
            if child.dep_ in ("advcl", "acl", "relcl") and any(
                g.dep_ == "mark" and g.lower_ in preps for g in child.children
            ):
                targets += [g for g in child.children if g.dep_ == "nsubj"]
            # "expects the government to uphold", "demanded that Qaresh drop": the one
            # asked is the clause's subject.
            if (
                direct
                and child.dep_ in ("ccomp", "xcomp")
                and any(
                    (g.dep_ == "aux" and g.lower_ == "to")
                    or (g.dep_ == "mark" and relation in self.lexicon.clause_object_relations)
                    for g in child.children
                )
                and not _reported(child)
            ):
                targets += [g for g in child.children if g.dep_ == "nsubj"]
        # "brokered a deal between Israel and Hamas": the thing done names the parties.
        for target in list(targets):
            # ... unless the thing is an act of its own ("hosted talks between A and B").
            if (
                target.dep_ == "dobj"
                and not self._mentions_of([target])
                and self._match(target) is None
            ):
                targets += [
                    g
                    for c in target.children
                    if c.dep_ == "prep" and c.lower_ in preps
                    for g in self._prep_objects(c)
                ]
        found = self._mentions_of(targets)
        if skip:
            # "both countries withdrew their ambassadors": the trigger's own owner is no object.
            owners = {c.i for i in skip for c in self.doc[i].children if c.dep_ == "poss"}
            found = [m for m in found if self.mentions[m].head not in owners]
        return found or self._carried_object(token)

    def _prep_objects(self, prep: Token) -> list[Token]:
        pobjs = [g for g in prep.children if g.dep_ == "pobj"]
        # "called for Haddad's release" asks no one named: "for" takes actors only.
        if prep.lower_ == "for":
            pobjs = [g for g in pobjs if g.i in self.token_mentions]
        return pobjs

    def _carried_object(self, token: Token) -> list[int]:
        """'backed down in the face of the union's demands': the demands' owner."""
        level = [c for c in token.children if c.dep_ == "prep" and not _times(c)]
        for _ in range(3):
            level = [g for c in level for g in c.children if g.dep_ in ("pobj", "prep")]
            for noun in level:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in self.lexicon.carrier_nouns:
                    owners = [c for c in noun.children if c.dep_ in ("poss", "compound")]
                    # "pressure from Washington"
                    owners += [
                        g
                        for c in noun.children
                        if c.dep_ == "prep" and c.lower_ in ("from", "by")
                        for g in c.children
                        if g.dep_ == "pobj"
                    ]
                    found = self._mentions_of(owners) or self._demonym_before(noun)
                    if found:
                        return found
        return []

    def _demonym_before(self, head: Token) -> list[int]:
        """'Norlandic missile and drone attacks', 'U.S. sanctions': a nation just before."""
        for i in range(head.i - 1, max(head.i - 1 - DEMONYM_WINDOW, -1), -1):
            token = self.doc[i]
            if token.pos_ not in ("NOUN", "ADJ", "CCONJ", "PROPN", "PUNCT"):
                break
            index = self.token_mentions.get(i)
            if index is None:
                continue
            mention = self.mentions[index]
            if mention.form == "demonym" or (
                mention.form == "name" and mention.kind == "Country" and token.head.i == head.i
            ):
                return [index]
        return []

    def _mentions_of(self, tokens: list[Token]) -> list[int]:
        """Mentions behind argument tokens, following coordination and apposition.

        Actors named outright win over stand-ins: in "the Russian activist and former
        champion Garry Kasparov" the activist is Kasparov, not Russia.
        """
        named: list[int] = []
        stand_ins: list[int] = []
        queue = list(tokens)
        seen: set[int] = set()
        while queue:
            token = queue.pop(0)
            if token.i in seen or self._negated(token):
                continue
            seen.add(token.i)
            index = self.token_mentions.get(token.i)
            person = self.lexicon.first_person.get(token.lower_)
            if index is None and person and token.i in self.quoted_tokens:
                # "'We urge Pakistan to ...,' the Taliban spokesperson said": I is the
                # speaker, we the body they speak for.
                people, bodies = self.speakers
                named += people if person == "singular" else bodies
                if person == "plural":
                    self.principals.update(b for b in bodies if self.mentions[b].kind == "Person")
            elif index is not None:
                named.append(self._owner(index))
            else:
                for stand_in in self._stand_ins(token):
                    stand_ins += self._mentions_of([stand_in])
            queue += [c for c in token.children if c.dep_ == "conj"]
        return _unique(named or stand_ins)

    def _speakers(self, unit: Span) -> tuple[list[int], list[int]]:
        """Who speaks the quotations of ``unit``, as a person and as the body they speak for."""
        for verb in unit:
            if verb.i in self.quoted_tokens or verb.lemma_.lower() not in self.lexicon.speech_verbs:
                continue
            people, _ = self._subjects(verb)
            if not people:
                continue
            bodies = []
            for index in people:
                mention = self.mentions[index]
                if mention.kind in ("Organisation", "Country"):
                    bodies.append(index)
                    continue
                subtree = {t.i for t in self.doc[mention.head].subtree}
                inside = [
                    i
                    for i, other in enumerate(self.mentions)
                    if i != index and other.head in subtree and other.form == "name"
                ]
                bodies += [
                    i for i in inside if self.mentions[i].kind in ("Organisation", "Country")
                ] or [index]
            return people, _unique(bodies)
        return [], []

    def _negated(self, token: Token) -> bool:
        """'No US presidents have agreed to ...' names nobody."""
        return any(
            c.dep_ == "det" and c.lower_ in self.lexicon.negating_determiners
            for c in token.children
        )

    def _owner(self, index: int) -> int:
        """An office named with its owner acts for the owner: "Norland's Foreign Ministry"."""
        mention = self.mentions[index]
        if mention.form != "name" or mention.gazetteer_id or mention.kind != "Organisation":
            return index
        for child in self.doc[mention.head].children:
            owner = self.token_mentions.get(child.i)
            # Named owners only: "his Cabinet" is not the antecedent of "his".
            if child.dep_ == "poss" and owner is not None and self.mentions[owner].form == "name":
                return owner
        return index

    def _stand_ins(self, token: Token) -> list[Token]:
        """Who a thing that is not an actor stands for, surest first.

        "the defence minister, Viktor Hald" (apposition); "the GRU intelligence agency"
        (a name inside); "Costin's ultimatum" (the owner); "Norlandic artillery" (the
        nation); "diplomats from the G7" (the body they come from).
        """
        children = list(token.children)
        if token.lemma_.lower() in self.lexicon.quantity_nouns:
            # "$28 billion worth of Qareshi exports": what is counted.
            return [g for c in children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        appositions = [c for c in children if c.dep_ == "appos"]
        if appositions:
            return appositions
        # A capital inside a name ("the Paris accord") is a place, not its government.
        names = [
            c
            for c in children
            if c.dep_ in ("compound", "nmod")
            and c.i in self.token_mentions
            and self.mentions[self.token_mentions[c.i]].form == "name"
            and not self.mentions[self.token_mentions[c.i]].extra.get("stands_for")
        ]
        if names:
            if token.lemma_.lower() in self.lexicon.government_nouns:
                # "the Haddad administration": the government its leader heads.
                self.principals.update(
                    self.token_mentions[n.i]
                    for n in names
                    if self.mentions[self.token_mentions[n.i]].kind == "Person"
                )
            return names
        owners = [c for c in children if c.dep_ == "poss"]
        # "Costin's ultimatum" is Costin's, but "her supplier" is someone else.
        if owners and token.lemma_.lower() not in self.lexicon.other_people:
            return owners
        nations = [
            c
            for c in token.subtree
            if c.i < token.i
            and c.i in self.token_mentions
            and self.mentions[self.token_mentions[c.i]].form == "demonym"
        ]
        # "Russian drones struck": a state acts through its own; "Chinese tourists" do
        # not act for China. Done to someone, any national counts: "detained a German
        # journalist".
        doer = token.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.dep_ == "agent")
        if nations and (token.lemma_.lower() in self.lexicon.state_nouns or not doer):
            return nations
        # "the shelling of Tarsby by Norlandic forces": the doer first.
        agents = [
            g
            for c in children
            if c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children
            if g.dep_ == "pobj" and self._mentions_of([g])
        ]
        if agents:
            return agents
        # "top diplomats from the Group of Seven" (but not "a mercenary from Belarus"),
        # "the arrest of Hald"
        state = token.lemma_.lower() in self.lexicon.state_nouns
        if token.lemma_.lower() in self.lexicon.frontier_nouns:
            # "the border with Armenia"
            return [
                g
                for c in children
                if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children
                if g.dep_ == "pobj"
            ]
        if state:
            # "prosecutors in Poland", "officials in Kyiv"
            located = [
                g
                for c in children
                if c.dep_ == "prep" and c.lower_ == "in"
                for g in c.children
                if g.dep_ == "pobj" and g.i in self.token_mentions
            ]
            if located:
                return located
        return [
            g
            for c in children
            if c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "from" and state))
            for g in c.children
            if g.dep_ == "pobj" and g.i in self.token_mentions
        ]

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


def _times(token: Token) -> bool:
    """A preposition that only dates the clause ("on Tuesday") is no part of a trigger."""
    return token.pos_ == "ADP" and any(
        c.ent_type_ in ("DATE", "TIME") for c in token.children if c.dep_ == "pobj"
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


def _reported(verb: Token) -> bool:
    """ "insisted that Haddad would meet" reports; "demanded that Qaresh must drop" asks."""
    return any(
        c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ("must", "should")
        for c in verb.children
    ) or verb.tag_ in ("VBD", "VBZ")


def _unique(values) -> list[int]:
    seen: dict[int, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)
