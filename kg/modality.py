"""Whether a trigger reports an act: negation, hypotheticals, wishes and announcements.

"did not meet", "if they meet", "would meet", "invited him to visit", "the planned
meeting", "a threat to impose tariffs" are not events. Intent relations (agreedToMeet,
threatened, ...) are exempt from the modal and wish rules, since intent is what they say.
The words are data in ``ontology/triggers.yaml`` (``modality``).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.evidence import clause_verb
from kg.lexicon import Lexicon


def cancelled(head: Token, relation: str, lexicon: Lexicon, below: Token | None = None) -> bool:
    """Negated, hypothetical or refused: not an event. With ``below``, only what lies
    under that token counts (a claim's clause, whose speech verb is judged apart)."""
    intent = relation in lexicon.intent_relations
    if any(c.dep_ == "det" and c.lower_ in lexicon.negating_determiners for c in head.children):
        return True  # "poses no threat"
    if head.dep_ == "dobj" and head.head.lemma_.lower() in lexicon.descriptive_verbs:
        return True  # "poses a threat to": a description, not an act
    if not intent and any(
        c.dep_ == "amod" and c.lower_ in lexicon.irrealis_modifiers for c in head.children
    ):
        return True  # "the planned meeting" has not happened
    previous = head
    phrases = 0  # prepositional phrases crossed on the way up
    # A noun's tense is its verb's: "would resume cooperation".
    clause = clause_verb(head)
    controlled = True  # climbed only through "to" complements: "would continue to consult"
    for step, token in enumerate([head, *head.ancestors]):
        if below is not None and token.i == below.i:
            break
        if step > 0 and previous.dep_ == "relcl" and token.pos_ == "PROPN":
            # "Haddad, who has criticised Rantanen, did not comment": a relative clause on
            # a name states its own fact, whatever the main clause says ("did not sound
            # like a leader who is backing Kyiv" does not).
            return False
        controlled = controlled and (step == 0 or previous.dep_ == "xcomp")
        # "is not a member and has repeatedly criticised it": a conjunct with its own
        # auxiliary is a clause of its own, out of the first one's negation.
        # So is one in another form: "had not been consulted and criticised Norland".
        own = (
            step > 0
            and previous.dep_ == "conj"
            and (
                any(c.dep_ in ("aux", "auxpass") for c in previous.children)
                or (previous.tag_.startswith("VB") and previous.tag_ != token.tag_)
            )
        )
        for child in token.children:
            if child.dep_ == "neg" and child.lower_ in lexicon.negations and not own:
                return True
            if child.dep_ == "advmod" and child.lower_ in lexicon.negating_adverbs:
                return True  # "instead of calling for ..."
            if child.dep_ == "mark" and child.lower_ in lexicon.hypothetical_marks:
                return True
            # "would meet" is not yet done; "would urge" neither, though intent is what an
            # urge says. "The deadline would be ten days" was set all the same.
            if (
                (step == 0 or ((token.i == clause.i or controlled) and not intent))
                and child.dep_ == "aux"
                and child.lower_ in lexicon.hypothetical_modals
            ):
                return True
        # "refused to meet", "denied that Norland attacked": what is refused or denied,
        # not a clause that only times it ("rejected the plan, hours after X gave ...").
        # "Norland's refusal to cave to Qaresh's demands" caved to no one.
        # "rejected the calls and accused Norland": a refusal of a thing is an act of its
        # own, and so is the act coordinated with it.
        refused = previous.dep_ in ("xcomp", "ccomp", "dobj", "pcomp", "prep", "acl") or (
            previous.dep_ == "conj" and not any(c.dep_ == "dobj" for c in token.children)
        )
        # "Pakistan accused India of it, a charge New Delhi denied": the parser hangs the
        # act under the denial, but what is denied is the charge, not its telling.
        if step > 0 and token.lemma_.lower() in lexicon.negating_verbs and refused:
            retold = any(
                c.dep_ == "nsubj" and c.lemma_.lower() in lexicon.carrier_nouns
                for c in token.children
            )
            if not retold:
                return True
        # "accused Karvia of shelling its villages": what is charged is not told as done.
        if (
            step > 0
            and token.lemma_.lower() in lexicon.claiming_verbs
            and previous.dep_ in ("prep", "ccomp", "dobj", "pcomp")
        ):
            return True
        # A wish governs its clause and a phrase of it ("invited him to a summit"), not a
        # phrase inside a phrase: "agreed to sit down since the start of his invasion"
        # does not make the invasion a wish.
        phrases += previous.dep_ == "prep"
        wished = phrases <= 1
        # "Speaking by telephone with Guterres, Marek promised ...": a participle before
        # the verb tells the circumstance, not what is promised.
        circumstance = (
            previous.dep_ == "advcl" and previous.tag_ in ("VBG", "VBN") and (previous.i < token.i)
        )
        if (
            step > 0
            and not intent
            and wished
            and not circumstance
            and token.lemma_.lower() in lexicon.irrealis_verbs
            and (
                previous.dep_ in ("xcomp", "ccomp", "advcl", "dobj")
                # "called for a total war against", "pushed for talks with"
                or (previous.dep_ == "prep" and previous.lower_ == "for")
            )
        ):
            return True
        # "Aldoria's threat to impose tariffs", "the possibility of restoring ties": an
        # act a noun only announces.
        if (
            step > 0
            and not intent
            and wished
            and token.lemma_.lower() in lexicon.irrealis_nouns
            and (previous.dep_ in ("acl", "relcl") or (step > 1 and previous.lower_ == "of"))
        ):
            return True
        # "Karvia is to release 40 detainees": what is to be done is not done yet.
        if (
            step == 1
            and token.lemma_ == "be"
            and previous.dep_ == "xcomp"
            and _infinitive(previous)
        ):
            return True
        # "set Karvia a deadline of Friday to withdraw": the parser hangs the act asked for
        # on the verb that carries the noun.
        if (
            step > 0
            and not intent
            and previous.dep_ == "advcl"
            and _infinitive(previous)
            and any(
                c.dep_ == "dobj" and c.lemma_.lower() in lexicon.irrealis_nouns
                for c in token.children
            )
        ):
            return True
        previous = token
    return False


def _infinitive(verb: Token) -> bool:
    """A verb with its own "to": "is to release", "a deadline ... to withdraw"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
