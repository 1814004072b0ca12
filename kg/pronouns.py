"""Who a pronoun means: the most salient earlier actor of a fitting kind.

A relative pronoun is the noun its clause modifies; "its" in a body's statement is the
body; an object pronoun is not its own clause's doer; a pronoun outside a quotation
never points into it.
"""

from __future__ import annotations

from kg.groups import Groups
from kg.mentions import Mention

PERSON_KINDS = {"Person"}
THING_KINDS = {"Country", "Organisation"}


class Pronouns(Groups):
    """Mixed into :class:`kg.coreference.DocState`, whose state and lookups it uses."""

    def _pronoun(self, mention: Mention, history, exclude: set[str] = frozenset()) -> list[str]:
        acted_on = self._participle_object(mention, history, exclude)
        if acted_on:
            self.grouped.add(mention.index)  # a plural "them" is usable once it is known
            return acted_on
        if mention.kind == "Plural":
            group = self._group(mention, history, exclude)
            if group:
                self.grouped.add(mention.index)
                return group
            return self._recent_people(mention, history, include_sentence=True)
        wanted = PERSON_KINDS if mention.kind == "Person" else THING_KINDS
        if mention.kind == "Relative":
            wanted = PERSON_KINDS | THING_KINDS
            # "Attorney General Porras, who was sanctioned": the noun the clause modifies.
            token = self.extracted.doc[mention.head]
            if token.head.dep_ in ("relcl", "acl"):
                named = self._modified(token.head.head, history, exclude, nations=True)
                if named:
                    return named
            if mention.text.lower() == "which":
                # "which" names only the noun of its own clause, and no one when that noun
                # is a thing: "the JCPOA, which the administration withdrew from".
                clause = next((a for a in token.ancestors if a.dep_ in ("relcl", "acl")), None)
                return self._modified(clause.head, history, exclude) if clause else []
        # Words inside a quotation are the speaker's; a reporter's "he" outside one does
        # not point into it.
        outside = mention.head not in self.quoted
        earlier = [
            (m, a)
            for m, a in history
            if m.start < mention.start
            and self.gazetteer.principal(a) not in exclude
            and not (outside and m.head in self.quoted)
        ]
        fits = [(m, a) for m, a in earlier if self._kind(self.gazetteer.principal(a)) in wanted]
        token = self.extracted.doc[mention.head]
        if mention.kind == "Thing":
            # "The Qatari foreign ministry said its mediators had ...": the body speaking.
            reporters = self._reporters(mention) if token.dep_ in ("poss", "nsubj") else set()
            bodies = [a for m, a in fits if m.index in reporters]
            if bodies:
                return [bodies[-1]]
            if token.dep_ == "dobj":
                # "U.S. officials ... defended it": an object "it" is a thing more often
                # than a state, unless a state is named in its own sentence.
                fits = [(m, a) for m, a in fits if m.sent == mention.sent]
        if mention.kind == "Thing" and token.dep_ == "poss":
            # "support for Ukraine in defending its integrity": the nearest country.
            nearest = [(m, a) for m, a in fits if m.sent == mention.sent and m.form == "name"]
            if nearest:
                return [nearest[-1][1]]
        if mention.kind == "Person" and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            # "Benhallou's office said she had thanked Modi": the one whose office speaks.
            owners = self._reporter_owners(mention)
            named = [a for m, a in fits if m.index in owners]
            if named:
                return [named[-1]]
        if mention.kind == "Person" and token.dep_ in ("dobj", "pobj", "dative"):
            # "Putin phoned Mernov to congratulate him": an object pronoun is not the doer
            # of its own clause (that would be "himself"), so the nearest other person.
            doers = self._doers(token)
            nearest = [
                (m, a)
                for m, a in fits
                if m.sent == mention.sent and m.form == "name" and m.head not in doers
            ]
            if nearest:
                return [nearest[-1][1]]
        same_sentence = [(m, a) for m, a in fits if m.sent == mention.sent and m.is_subject]
        if same_sentence:
            return [same_sentence[-1][1]]
        # The latest sentence with a fitting subject; its main-clause subject first.
        subjects = [(m, a) for m, a in fits if m.is_subject]
        if subjects:
            latest = subjects[-1][0].sent
            in_latest = [(m, a) for m, a in subjects if m.sent == latest]
            main = [(m, a) for m, a in in_latest if m.main_subject]
            return [(main or in_latest)[0][1]]
        return [fits[-1][1]] if fits else []

    def _participle_object(self, mention: Mention, history, exclude) -> list[str]:
        """ "Norland expelled three Qareshi diplomats, accusing them of spying": the object
        of a participle that glosses its clause is that clause's object, not its doer."""
        token = self.extracted.doc[mention.head]
        verb = token.head
        if token.dep_ != "dobj" or verb.dep_ != "advcl" or verb.tag_ != "VBG":
            return []
        main = verb.head
        region = {
            t.i
            for child in main.children
            if child.dep_ in ("dobj", "prep", "dative") and child.i != verb.i
            for t in child.subtree
        }
        named = [
            a for m, a in history if m.head in region and self.gazetteer.principal(a) not in exclude
        ]
        return named[-1:]

    def _modified(self, noun, history, exclude, nations: bool = False) -> list[str]:
        """The actor last named by ``noun`` (or, with ``nations``, by its nationality)."""
        kept = [(m, a) for m, a in history if self.gazetteer.principal(a) not in exclude]
        # "the Karvian journalist Ivo Darr, whom ...": Darr, not the nation he is from.
        nouns = [noun, *(c for c in noun.children if c.dep_ == "appos")]
        named = [a for m, a in kept if any(m.start <= n.i < m.end for n in nouns)]
        if not named and nations:
            named = [a for m, a in kept if _nation_of(m, noun)]
        return named[-1:]


def _nation_of(mention: Mention, noun) -> bool:
    """ "Quillaran security forces, who were accused": the nation the noun belongs to."""
    token = noun.doc[mention.head]
    return mention.form == "demonym" and token.head.i == noun.i and token.i < noun.i
