"""Objects of a trigger: its direct object and object prepositions, and those it
reaches through something else: the act threatened, the claim's subject, the place a
blow fell, the owner of the demands one yields to.

"Threatened to sink any Qareshi warship" aims at Qaresh; "alleged that Qaresh was
bankrolling the strike" is about Qaresh; "drones hit a depot in the Qareshi port" hit
Qaresh; "backed down in the face of the union's demands" yields to the union. Two
helpers that find a doer and its target together live here too: the giver of what is
received, and a nation named just before an act noun. The relations and words these
rules apply to are data in ``ontology/triggers.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.referents import Referents, phrase_head, pobjs

DEMONYM_WINDOW = 4


class Targets(Referents):
    """Objects of a trigger's phrase and beyond it; subjects come from the subclass."""

    def _objects_below(
        self, token: Token, relation: str, direct: bool = True, skip: list[int] | None = None
    ) -> list[int]:
        """``skip``: the trigger's own words ("withdrew their ambassadors")."""
        preps = self.lexicon.object_preps.get(relation, frozenset())
        targets = []
        if direct:
            targets = [c for c in token.children if c.dep_ in ("dobj", "dative", "obj")]
            # "sent aid to Karvia" with "to" parsed as the dative: its object.
            for dative in [t for t in targets if t.pos_ == "ADP"]:
                targets += self._prep_objects(dative)
            if token.pos_ == "ADP":  # a trigger's own preposition: "stand with X"
                targets += self._prep_objects(token)
            # "called Qaresh's assertions baseless": the thing called is an object.
            targets += [c for c in token.children if c.dep_ == "oprd" and c.pos_ != "ADJ"]
        # "moved units up to its border", "pulled troops back from": the parser may hang
        # the preposition on the particle.
        moved = [token, *(c for c in token.children if c.dep_ == "dobj")]
        moved += [g for t in moved for g in t.children if g.dep_ == "conj" and g.pos_ == "NOUN"]
        particles = [c for t in moved for c in t.children if c.dep_ in ("advmod", "prt")]
        for prep in [g for c in particles for g in c.children if g.dep_ == "prep"]:
            if prep.lower_ in preps:
                targets += self._prep_objects(prep)
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
            if direct and child.dep_ in ("ccomp", "xcomp"):
                targets += self._clause_targets(token, child, relation)
        # "brokered a deal between Israel and Hamas": the thing done names the parties.
        for target in list(targets):
            # ... unless the thing is an act of its own ("hosted talks between A and B"),
            # which only its broker brings about ("brokered talks between A and B").
            own_act = self._match(target) is not None
            if (
                target.dep_ == "dobj"
                and not self._mentions_of([target])
                and (not own_act or relation in self.lexicon.party_relations)
                and not self._undergoer_named(target, relation)
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

    def _venue(self, head: Token) -> list[int]:
        """Where a blow fell stands for its target: "hit a depot in the Qareshi port".

        Only a nation, a place the gazetteer knows, or a name used as a nationality ("the
        Qareshi port"): a town NER finds ("near Sibi") may be anywhere.
        """
        places = [head] + [c for c in head.children if c.dep_ == "dobj"]
        preps = self.lexicon.venue_preps
        found = self._mentions_of(
            [g for place in places for g in pobjs(place, preps) if not _times(g.head)]
        )
        known = [self.mentions[m] for m in found]
        return [
            m.index
            for m in known
            if m.form == "demonym"
            or m.gazetteer_id
            or self.doc[m.head].dep_ in ("compound", "amod")
        ]

    def _clause_targets(self, token: Token, clause: Token, relation: str) -> list[Token]:
        """Who a claim is about, or whom a threatened act is aimed at.

        "alleged that Qaresh was bankrolling the strike" is about Qaresh. "threatened to
        sink any Qareshi warship" and "warned that his artillery would answer any
        Qareshi counterstrike" aim at Qaresh, but "warned that Norland would attack
        Qaresh" tells of someone else's act, not the speaker's.
        """
        own_subjects = [g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")]
        if relation in self.lexicon.claim_relations:
            marked = any(g.dep_ == "mark" for g in clause.children)
            return own_subjects if marked and clause.dep_ == "ccomp" else []
        if relation not in self.lexicon.act_object_relations:
            return []
        if own_subjects and not self._own_side(token, own_subjects):
            return []
        preps = set(self.lexicon.act_object_preps)
        # "threatened to cut off gas supplies to Karvia": an act of another relation aims
        # where that relation's objects go.
        act = self._match(clause)
        if act is not None:
            preps |= self.lexicon.object_preps.get(act[0].relation, frozenset())
        aimed = [g for g in clause.children if g.dep_ in ("dobj", "dative")]
        # ... and "threatened to impose sanctions on Karvia": the aim of the thing done.
        for child in [*clause.children, *(g for t in aimed for g in t.children)]:
            if child.dep_ == "prep" and child.lower_ in preps:
                aimed += self._prep_objects(child)
        # "threatened to break their cease-fire": what is one's own aims at no one.
        return [
            t
            for t in aimed
            if t.i in self.token_mentions
            or not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children)
        ]

    def _own_side(self, token: Token, clause_subjects: list[Token]) -> bool:
        """The clause's doer is the trigger's own subject, its forces, or a pronoun."""
        subjects = set(self._subjects(token)[0])
        found = self._mentions_of(clause_subjects)
        if not found:
            # "his artillery": the owner is a pronoun that resolves later.
            return any(c.dep_ == "poss" for t in clause_subjects for c in t.children)
        return all(m in subjects or self.mentions[m].form == "pronoun" for m in found)

    def _repelled(self, noun: Token) -> list[int]:
        """ "Karvia repelled an attack by Valdorian troops": the attack was on Karvia."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in self.lexicon.repelling_verbs:
            return []
        return self._mentions_of([c for c in verb.children if c.dep_ == "nsubj"])

    def _received(self, head: Token) -> tuple[list[int], list[int], bool] | None:
        """ "Pakistan has received 23 bailout packages from the IMF": the giver acts on the
        one who receives."""
        phrase = phrase_head(head)  # "bailout packages"
        if phrase.dep_ == "pobj" and phrase.head.lower_ == "in" and phrase.head.head.dep_ == "dobj":
            phrase = phrase.head.head  # "received $200 million in emergency funding"
        verb = phrase.head
        if phrase.dep_ != "dobj" or verb.lemma_.lower() not in self.lexicon.receiving_verbs:
            return None
        givers = self._mentions_of(
            pobjs(head, {"from"}) + pobjs(phrase, {"from"}) + pobjs(verb, {"from"})
        )
        receivers, _ = self._subjects(verb, skip=head.i)
        if not givers or not receivers:
            return None
        return givers, receivers, False

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

    def _carried_object(self, token: Token) -> list[int]:
        """'backed down in the face of the union's demands': the demands' owner."""
        level = [c for c in token.children if c.dep_ == "prep" and not _times(c)]
        for _ in range(3):
            level = [g for c in level for g in c.children if g.dep_ in ("pobj", "prep")]
            for noun in level:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in self.lexicon.carrier_nouns:
                    owners = [c for c in noun.children if c.dep_ in ("poss", "compound")]
                    owners += pobjs(noun, {"from", "by"})  # "pressure from Norland"
                    found = self._mentions_of(owners) or self._demonym_before(noun)
                    if found:
                        return found
        return []


def _times(token: Token) -> bool:
    """A preposition that only dates the clause ("on Tuesday") is no part of a trigger."""
    return token.pos_ == "ADP" and any(
        c.ent_type_ in ("DATE", "TIME") for c in token.children if c.dep_ == "pobj"
    )


def _reported(verb: Token) -> bool:
    """ "insisted that Haddad would meet" reports; "demanded that Qaresh must drop" asks."""
    return any(
        c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ("must", "should")
        for c in verb.children
    ) or verb.tag_ in ("VBD", "VBZ")
