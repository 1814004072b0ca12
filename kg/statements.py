"""Relations said rather than done: a quotation's cue words, a claim in harsh words.

"'We get a lot of bullshit thrown at us by Rantanen,' Haddad said" is criticism of the
one named; so is "Haddad contended that Norland is 'hostile and abusive'". The cue
words are data in ``ontology/triggers.yaml`` (``quote_rules``, ``claims``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.arguments import Arguments
from kg.candidates import Candidate
from kg.modality import cancelled
from kg.referents import _unique, pobjs


class Statements(Arguments):
    """Candidates from what speakers say; the trigger matcher comes from the subclass."""

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
        # "'... has violated the agreement,' Akhundzada alleged": said as an accusation,
        # the claim is one.
        own_relation = {}
        for verb in verbs:
            own = self._match(verb)
            if own is not None and own[0].relation in self.lexicon.claim_relations:
                own_relation[verb.i] = own[0].relation
        for relation, words in self.lexicon.claim_cues.items():
            for verb in verbs:
                if cancelled(verb, relation, self.lexicon):
                    continue
                said_for = self._match(verb.head) if verb.dep_ in ("advcl", "xcomp") else None
                if said_for is not None and said_for[0].relation == relation:
                    continue  # "criticized it, saying ...": the trigger reports it already
                speakers, _ = self._subjects(verb)
                said_as = own_relation.get(verb.i, relation)
                for clause in _said(verb):
                    if cancelled(clause, relation, self.lexicon, below=verb):
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
                            relation=said_as,
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
