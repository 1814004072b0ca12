"""Subjects and objects of a trigger: the grammar of who did what to whom.

Verbs take their subject, passive agent, direct object and object prepositions; nouns
take owners, nationalities, relative clauses and the light verb that carries them
("opened a probe into X"). Every rule is grammar; the words it needs are data.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.evidence import coordinated_with
from kg.referents import _unique, phrase_head, pobjs
from kg.targets import Targets

CLIMB_LIMIT = 6
# A noun after one of these only times or motivates the clause: "sanctions over a
# crackdown" are not the crackdown's.
TIMING_PREPOSITIONS = {"after", "before", "amid", "following", "despite", "since", "until", "over"}
BOUND_POSSESSIVES = {"their", "its"}


class Arguments(Targets):
    """The actors of a trigger, as mention indices."""

    # Set while finding one candidate's arguments: the act has an object that is no actor.
    thing_object = False

    def _speakers(self, unit: Span) -> tuple[list[int], list[int]]:
        """Who speaks the quotations of ``unit``, as a person and as the body they speak for."""
        if not any(t.i in self.quoted_tokens for t in unit):
            return [], []  # no quotation, no speaker to find
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

    def _verb_arguments(
        self, head: Token, relation: str, used: list[int]
    ) -> tuple[list[int], list[int], bool]:
        passive_subject = [c for c in head.children if c.dep_ == "nsubjpass"]
        agents = [g for c in head.children if c.dep_ == "agent" for g in c.children]
        if passive_subject:
            subjects = self._mentions_of(agents)
            # "sanctions were imposed on Qaresh by Norland": the thing done is no object.
            objects = self._mentions_of(passive_subject) or self._objects_below(
                head, relation, direct=False
            )
            if not objects and relation in self.lexicon.party_relations:
                # "Talks between Valdoria and Karvia were mediated by Qatar."
                parties = [g for t in passive_subject for g in pobjs(t, {"between"})]
                objects = self._mentions_of(parties)
            return subjects, objects, False
        if agents and head.dep_ == "acl" and head.tag_ == "VBN":
            # "agreed to a ceasefire after talks mediated by Qatar": the agent acts, on the
            # parties of the clause the thing done belongs to.
            objects = self._objects_below(head, relation, direct=False)
            if not objects and relation in self.lexicon.party_relations:
                clause = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                parties = [c for c in clause.children if c.dep_ == "nsubj"] if clause else []
                objects = self._mentions_of(parties)
            return self._mentions_of(agents), objects, False
        passive = any(c.dep_ == "auxpass" for c in head.children)
        if agents and passive and head.dep_ == "conj":
            # "She landed at Vaara and was greeted by Koskinen": the shared subject is the
            # one done to.
            shared = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return self._mentions_of(agents), self._mentions_of(shared), False
        complement = head.tag_ == "VBN" and head.dep_ in ("acomp", "xcomp", "oprd")
        if not agents and (complement or passive):
            # "... and three ministers are expected to attend", "two soldiers stand
            # accused of": passive, no doer named.
            return [], [], False
        subjects, climbed = self._subjects(head)
        objects: list[int] = []
        for index in used:
            objects += self._objects_below(self.doc[index], relation, skip=used)
            if index != head.i:
                inner = self.doc[index]
                # "expelled Karvia's ambassador": the state whose people the trigger names.
                if self._state_noun(inner):
                    objects += [
                        self.token_mentions[c.i]
                        for c in inner.children
                        if c.dep_ == "poss"
                        and c.i in self.token_mentions
                        and self.mentions[self.token_mentions[c.i]].form in ("name", "demonym")
                    ]
                # "declared Qaresh's ambassador persona non grata": the trigger's own
                # small clause has the object for its subject.
                between = [inner, *[a for a in inner.ancestors if head.is_ancestor(a)]]
                objects += self._mentions_of(
                    [
                        c
                        for t in between
                        if t.pos_ in ("NOUN", "PROPN", "ADJ")  # not "what X called a deal"
                        for c in t.children
                        if c.dep_ == "nsubj"
                    ]
                )
        if not objects and head.dep_ == "amod" and any(c.dep_ == "nsubj" for c in head.children):
            # "A Valdorian court sentenced journalist Ivo Darr": a verb with a subject of its
            # own, misread as an adjective, still acts on the noun it was hung on.
            objects = self._mentions_of([phrase_head(head.head)])
        if not objects and _bare_relative(head):
            # "travel bans on six Qareshi officials it accused of fraud": a relative clause
            # with no relative word acts on the state's people it modifies, or on whom that
            # noun describes ("Ivo Darr, a Karvian diplomat its police detained"); not on a
            # thing ("the Karvian plan it rejected"), nor on a bare name, where such a
            # clause is more often a misparse.
            noun = head.head
            named = noun.dep_ == "appos" and noun.head.i in self.token_mentions
            if named or self._state_noun(noun):
                objects = self._mentions_of([noun.head if named else noun])
        if not objects and relation in self.lexicon.venue_relations:
            objects = self._venue(head)
        # "the two presidents back rival sides": the act has an object, just no actor.
        self.thing_object = not objects and any(
            c.dep_ == "dobj" and c.i not in used for c in head.children
        )
        return subjects, _unique(objects), climbed

    def _noun_arguments(self, head: Token, relation: str) -> tuple[list[int], list[int], bool]:
        received = self._received(head)
        if received is not None:
            return received
        owners = [c for c in head.children if c.dep_ == "poss"]
        if not owners and head.lemma_.lower() in self.lexicon.carrier_nouns:
            # "the demands of the union" are the union's
            owners = [g for g in pobjs(head, {"of"}) if g.i in self.token_mentions]
        subjects = self._mentions_of(owners)
        climbed = False
        if owners and all(o.lower_ in BOUND_POSSESSIVES for o in owners):
            # "the Alliance members affirmed their support": the clause's subject owns it.
            verb = head.head
            if head.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX"):
                direct = [c for c in verb.children if c.dep_ == "nsubj"]
                subjects = self._mentions_of(direct) or subjects
        if not subjects:
            if head.lemma_.lower() in self.lexicon.perceived_nouns and pobjs(head, {"from"}):
                return [], [], False  # "the threat from X": feared, no one's act
            # "a visit by Norland's prime minister to Qaresh", "accusations from Brussels"
            # (but a "withdrawal from Karvia" is from its object)
            agents = {"by"} | ({"from"} - self.lexicon.object_preps.get(relation, frozenset()))
            subjects = self._mentions_of(pobjs(head, agents))
            if subjects and head.dep_ == "pobj" and head.head.lower_ == "against":
                # "defended Hungary against accusations from Brussels": aimed at the one
                # defended.
                verb = head.head.head
                shielded = self._mentions_of([c for c in verb.children if c.dep_ == "dobj"])
                if shielded:
                    return subjects, shielded, False
        if not subjects:
            subjects = self._demonym_before(head)
        # A true relative clause, not "a deadline for Rantanen to agree".
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
        if not subjects and self._climbable(head):
            verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            # ... nor one in a phrase of a verb that is an act of its own: "opened an
            # investigation into air strikes".
            act = self._match(verb) if verb is not None and head.dep_ == "pobj" else None
            own_act = act is not None and head.head.lower_ in self.lexicon.object_preps.get(
                act[0].relation, frozenset()
            )
            # ... nor the thing a verb of its own judges: "welcomed the release",
            # "condemned the attack" are not the welcomers' or condemners' acts.
            judged = head.dep_ == "dobj" and verb == head.head and self._judges(verb, relation)
            if verb is not None and not own_act and not judged:
                subjects, _ = self._subjects(verb, skip=head.i)
                climbed = True
        objects = self._objects_below(head, relation)
        if not objects and head.dep_ == "dobj":
            # "opened a probe into X", "imposed sanctions on X": the light verb holds it.
            objects = self._objects_below(head.head, relation, direct=False)
        elif not objects and head.dep_ == "pobj":
            # "retaliated with tariffs on Qareshi exports"; "told Haddad in phone calls", but
            # not "blamed Hald for the attack".
            direct = head.head.lower_ == "in"
            verb = head.head.head
            # "thanked Haddad for her support in a phone call": the parser may hang the
            # call under the thing thanked for.
            for _ in range(2):
                if not direct or verb.pos_ == "VERB" or verb.dep_ != "pobj":
                    break
                verb = verb.head.head
            if verb.pos_ == "VERB":
                objects = self._objects_below(verb, relation, direct=direct)
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
        if not objects and subjects and not climbed:
            objects = [m for m in self._repelled(head) if m not in subjects]
        return subjects, objects, climbed

    def _judges(self, verb: Token, relation: str) -> bool:
        """A verb that is a trigger of a relation of judgement other than ``relation``."""
        match = self._match(verb)
        return (
            match is not None
            and match[0].relation != relation
            and match[0].relation in self.lexicon.judging_relations
        )

    def _climbable(self, head: Token) -> bool:
        """Whether a noun trigger with no doer of its own takes its verb's subject.

        Not when it only times the clause ("after the latest barrage", "after eight days
        of talks"), nor when it sits in another act noun's phrase ("opened an
        investigation into air strikes on X": the strikes are not the investigators').
        """
        if head.dep_ not in ("dobj", "pobj", "attr", "nsubj", "appos"):
            return False
        if _timing(head):
            # ... unless it names the other party: "following talks with Haddad, Rantanen
            # said" tells of Rantanen's talks.
            partners = pobjs(head, {"with"})
            return any(p.i in self.token_mentions for p in partners)
        above = head.head.head
        nested = head.dep_ == "pobj" and above.pos_ in ("NOUN", "PROPN")
        return not (nested and self._match(above) is not None)

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
            if current.head == current:
                break
            current = coordinated_with(current)
        return [], False


def _timing(noun: Token) -> bool:
    """A noun under a timing preposition, also through "of": "after eight days of talks"."""
    while noun.dep_ == "pobj":
        if noun.head.lower_ in TIMING_PREPOSITIONS:
            return True
        if noun.head.lower_ != "of" or noun.head.head.pos_ not in ("NOUN", "PROPN"):
            return False
        noun = noun.head.head
    return False


def _bare_relative(verb: Token) -> bool:
    """ "the officials it accused": a relative clause whose own subject is not the noun."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    children = list(verb.children)
    return (
        any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in children)
        and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in children)
        and not any(t.tag_ in ("WP", "WP$", "WDT") for t in verb.subtree)
    )
