"""Who an argument of a trigger stands for: the mentions behind a word of the parse.

A word that is no actor often stands for one: an apposition ("the defence minister,
Viktor Hald"), a name inside ("the GRU intelligence agency"), an owner ("Costin's
ultimatum"), a nation ("Norlandic artillery") or the body a speaker speaks for ("we").
The words these rules need are data in ``ontology/triggers.yaml`` (``arguments``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.lexicon import Lexicon
from kg.mentions import Mention


class Referents:
    """Mentions behind tokens, over one parsed document."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[Mention],
        token_mentions: dict[int, int],
        lexicon: Lexicon,
        quoted: set[int],
    ) -> None:
        self.doc = doc
        self.mentions = mentions
        self.token_mentions = token_mentions
        self.lexicon = lexicon
        self.quoted_tokens = quoted
        # People whose office stands in for them in the current candidate ("we",
        # "the Haddad administration"); :mod:`kg.resolve` maps them to their country.
        self.principals: set[int] = set()
        self.speakers: tuple[list[int], list[int]] = ([], [])
        self.relation = ""  # the relation of the candidate whose arguments are being found

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
                # "'We urge Qaresh to ...,' the Norlandic spokesperson said": I is the
                # speaker, we the body they speak for.
                people, bodies = self.speakers
                named += people if person == "singular" else bodies
                if person == "plural":
                    self.principals.update(b for b in bodies if self.mentions[b].kind == "Person")
            elif index is not None:
                named += self._named_apposition(token) or [self._owner(index)]
            else:
                for stand_in in self._stand_ins(token):
                    stand_ins += self._mentions_of([stand_in])
            queue += [c for c in token.children if c.dep_ == "conj"]
            if index is not None:
                # "Karsten Holm and Anouk Verhal met": the parser may hang the first name
                # under the second as a modifier that still carries the "and".
                queue += [
                    c
                    for c in token.children
                    if c.dep_ in ("nmod", "compound")
                    and self.token_mentions.get(c.i, index) != index
                    and any(g.dep_ == "cc" and g.lower_ in ("and", "or") for g in c.children)
                ]
        return _unique(named or stand_ins)

    def _named_apposition(self, token: Token) -> list[int]:
        """ "The federation's chairman, Emil Baros": the name, not the role."""
        if self.mentions[self.token_mentions[token.i]].form != "role":
            return []
        names = [
            self.token_mentions[c.i]
            for c in token.children
            if c.dep_ == "appos" and c.i in self.token_mentions
        ]
        names = names or self._set_off_name(token)
        return [m for m in names if self.mentions[m].form == "name"]

    def _set_off_name(self, token: Token) -> list[int]:
        """The parser may hang an apposition elsewhere ("lauded Qatar's emir, Sheikh Tamim
        bin Hamad Al Thani, for ..."): a person's name set off by commas just after."""
        start = token.i + 2
        if start < len(self.doc) and self.doc[start].lower_ in self.lexicon.honorifics:
            start += 1  # "Sheikh", dropped from the name
        after = self.token_mentions.get(start)
        if after is None or self.doc[token.i + 1].text != ",":
            return []
        mention = self.mentions[after]
        closed = mention.end >= token.sent.end - 1 or self.doc[mention.end].text == ","
        person = mention.form == "name" and mention.kind == "Person"
        return [after] if mention.start == start and closed and person else []

    def _negated(self, token: Token) -> bool:
        """'No US presidents have agreed to ...' names nobody."""
        return any(
            c.dep_ in ("det", "preconj") and c.lower_ in self.lexicon.negating_determiners
            for c in token.children
        )  # "neither Sabrath nor Pellarin has accepted"

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
        lemma = noun_lemma(token)
        children = list(token.children)
        if lemma in self.lexicon.quantity_nouns:
            # "$28 billion worth of Qareshi exports": what is counted.
            return [g for c in children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        appositions = [c for c in children if c.dep_ == "appos"]
        if not appositions and lemma not in self.lexicon.people_nouns:
            appositions = [self.doc[self.mentions[m].head] for m in self._set_off_name(token)]
        if appositions:
            # "..., Niamara's military ruler, Colonel Kanté,": the name over the role.
            return [a for a in appositions if a.i in self.token_mentions] or appositions
        # A capital inside a name ("the Paris accord") is a place, not its government, but
        # "the Kabul administration" is.
        state = self._state_noun(token)
        governing = state or lemma in self.lexicon.government_nouns
        names = [
            c
            for c in children
            if c.dep_ in ("compound", "nmod")
            and c.i in self.token_mentions
            and self.mentions[self.token_mentions[c.i]].form == "name"
            and (governing or not self.mentions[self.token_mentions[c.i]].extra.get("stands_for"))
        ]
        people = lemma in self.lexicon.people_nouns
        if people and self.relation not in self.lexicon.national_target_relations:
            names = []  # "met Rhodessan citizens", "thanked Reuters journalists"
        if names:
            if lemma in self.lexicon.government_nouns:
                # "the Haddad administration": the government its leader heads.
                self.principals.update(
                    self.token_mentions[n.i]
                    for n in names
                    if self.mentions[self.token_mentions[n.i]].kind == "Person"
                )
            return names
        partners = self._across_border(token, lemma)
        if partners:
            return partners  # "its border with Valdoria": aimed at Valdoria
        owners = [c for c in children if c.dep_ == "poss"]
        # "Costin's ultimatum" is Costin's, but "her supplier" is someone else.
        if owners and lemma in self.lexicon.undergone_nouns and self._doer(token):
            return []  # "his release had been part of the deal": he did nothing
        if owners and lemma not in self.lexicon.other_people:
            if lemma in self.lexicon.government_nouns:
                # "her government": the country she holds office for, where it is known.
                self.principals.update(
                    self.token_mentions[o.i] for o in owners if o.i in self.token_mentions
                )
            return owners
        nations = [
            c
            for c in token.subtree
            if c.i < token.i
            and c.i in self.token_mentions
            and self.mentions[self.token_mentions[c.i]].form == "demonym"
        ]
        # "Russian drones struck": a state acts through its own; "Chinese tourists" do
        # not act for China.
        if nations and token.tag_ == "NNS" and lemma in self.lexicon.group_nouns:
            return []  # "several European countries", "Arab states": a group, no one state
        # Done to someone or something, any national counts: "slammed the Canadian ban",
        # "detained a German journalist"; but "met Rhodessan citizens" is no meeting with
        # Rhodessa: people stand for their state only in acts that strike it.
        struck = self.relation in self.lexicon.national_target_relations
        target = not self._doer(token) and (struck or not people)
        if nations and (state or target):
            return nations
        # "the shelling of Tarsby by Norlandic forces": the doer first.
        agents = [g for g in pobjs(token, {"by"}) if self._mentions_of([g])]
        if agents:
            return agents
        if lemma in self.lexicon.carrier_nouns:
            # "rejected an ultimatum from ECOWAS", "calls from the European Union"
            senders = [g for g in pobjs(token, {"from"}) if self._mentions_of([g])]
            if senders:
                return senders
        # "top diplomats from the Group of Seven" (but not "a mercenary from Belarus"),
        # "the arrest of Hald"
        if lemma in self.lexicon.frontier_nouns:
            return pobjs(token, {"with"})  # "the border with Armenia"
        if lemma in self.lexicon.place_nouns:
            # "the town of Vell Harran" is a town: a country only where the gazetteer says.
            named = [g for g in pobjs(token, {"of"}) if g.i in self.token_mentions]
            return [g for g in named if self.mentions[self.token_mentions[g.i]].gazetteer_id]
        if state:
            # "prosecutors in Poland", "officials in Kyiv"
            located = [g for g in pobjs(token, {"in"}) if g.i in self.token_mentions]
            if located:
                return located
        if self._undergoer_named(token, self.relation):
            return []
        sources = {"of", "from", "at"} if state else {"of"}
        # "diplomats at the Qareshi embassy": a state's people at its own offices.
        return [
            g
            for g in pobjs(token, sources)
            if g.i in self.token_mentions or (state and self._state_noun(g))
        ]

    def _across_border(self, token: Token, lemma: str) -> list[Token]:
        """The neighbour a border is shared with, for acts aimed across it; also when the
        parser hangs "with" on the verb ("massed troops along its border with Skarnia")."""
        lexicon = self.lexicon
        if self.relation not in lexicon.frontier_relations or lemma not in lexicon.frontier_nouns:
            return []
        partners = pobjs(token, {"with"})
        after = token.nbor(1) if token.i + 1 < len(self.doc) else None
        if not partners and after is not None and after.lower_ == "with":
            partners = [g for g in after.children if g.dep_ == "pobj"]
        return partners if any(p.i in self.token_mentions for p in partners) else []

    def _undergoer_named(self, noun: Token, relation: str) -> bool:
        """Whether ``noun`` names only who undergoes an act, never ``relation``'s object:
        "condemned the detention of Ivo Darr" judges whoever detained him, not Darr."""
        return (
            relation in self.lexicon.undergoer_free_relations
            and noun.lemma_.lower() in self.lexicon.undergone_nouns
        )

    def _doer(self, token: Token) -> bool:
        """The subject or agent, also when counted: "thousands of Chinese tourists marched"."""
        counted = token.head.head
        of = token.dep_ == "pobj" and token.head.lower_ == "of" and counted != token.head
        if of and counted.lemma_.lower() in self.lexicon.quantity_nouns:
            return self._doer(counted)
        return token.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.dep_ == "agent")

    def _state_noun(self, token: Token) -> bool:
        """A state's own people or things, also by a word in front: "coast guard cutters"."""
        words = self.lexicon.state_nouns
        return noun_lemma(token) in words or any(
            c.dep_ == "compound" and c.lemma_.lower() in words for c in token.children
        )


def noun_lemma(token: Token) -> str:
    """The lemma, also of a plural the tagger took for a name at the start of a sentence
    ("Negotiators from Nukhara ...", lemma "Negotiators")."""
    lemma = token.lemma_.lower()
    plural = token.tag_ == "NNPS" or (token.pos_ == "PROPN" and token.is_sent_start)
    if plural and lemma == token.lower_ and lemma.endswith("s") and not lemma.endswith("ss"):
        return lemma[:-1]
    return lemma


def phrase_head(token: Token) -> Token:
    """The noun a compound belongs to: "packages" for "bailout" in "bailout packages"."""
    while token.dep_ == "compound":
        token = token.head
    return token


def pobjs(token: Token, words: set[str]) -> list[Token]:
    """Objects of ``token``'s prepositions among ``words``: "Hald" in "statements by Hald"."""
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in words
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _unique(values) -> list[int]:
    seen: dict[int, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)
