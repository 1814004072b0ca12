"""References to more than one, and who reports them: "they", "the two sides".

"They" after "the G7's diplomats urged ..." is the G7; "the two sides" are the two
countries a story is about; in "Peskov said Putin phoned Mernov and they agreed to
meet", they are Putin and Mernov, not the spokesman who says so.
"""

from __future__ import annotations

from kg.mentions import Mention


class Groups:
    """Mixed into :class:`kg.coreference.DocState`, whose state and lookups it uses."""

    def _group(self, mention: Mention, history, exclude=frozenset()) -> list[str]:
        """ "They called on China" after "Diplomats of the G7 urged Russia": the bodies the
        last sentence's subject names, if it names no person."""
        doc = self.extracted.doc
        before = [(m, a) for m, a in history if m.sent < mention.sent]
        if not before:
            return []
        last = before[-1][0].sent
        root = doc[before[-1][0].head].sent.root
        subject = {
            t.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
        }
        named = [
            self.gazetteer.principal(a)
            for m, a in before
            if m.sent == last and m.head in subject and not self._describes_person(m)
        ]
        kinds = {self._kind(a) for a in named}
        bodies = [a for a in dict.fromkeys(named) if a not in exclude]
        if not bodies or not kinds <= {"Organisation", "Country"}:
            return []
        if len(bodies) == 1 and kinds != {"Organisation"}:
            return []  # one country is "it"
        return bodies

    def _describes_person(self, mention: Mention) -> bool:
        """ "Norlandic Chancellor Ilkka Rantanen": a nationality in a title is no side."""
        if mention.form != "demonym":
            return False
        doc, token_mentions = self.extracted.doc, self.extracted.token_mentions
        head = doc[mention.head].head
        for token in (head, *head.ancestors):
            index = token_mentions.get(token.i)
            if index is not None and index != mention.index:
                return self.extracted.mentions[index].kind == "Person"
            if token.pos_ != "PROPN":
                return False
        return False

    def _recent_countries(self, mention: Mention, history, exclude=frozenset()) -> list[str]:
        """ "The two countries": the two the story is about so far.

        The most often named countries before it, names in this and the last sentence
        counting double: "China urged the two sides" after a story of two neighbours'
        clash means the neighbours, not Russia named in passing just before.
        """
        if mention.text.lower().startswith("each"):
            paired = self._paired_countries(mention, history)
            if paired:
                return paired
        weight: dict[str, int] = {}
        last_seen: dict[str, int] = {}
        for m, actor_id in history:
            principal = self.gazetteer.principal(actor_id)
            if m.start > mention.start or self._kind(principal) != "Country":
                continue
            if principal in exclude or self._describes_person(m) or m.form == "pronoun":
                continue
            near = m.sent >= mention.sent - 1
            weight[principal] = weight.get(principal, 0) + (2 if near else 1)
            last_seen[principal] = m.start
        ranked = sorted(weight, key=lambda a: (-weight[a], -last_seen[a]))
        return ranked[:2] if len(ranked) >= 2 else []

    def _paired_countries(self, mention: Mention, history) -> list[str]:
        """ "Taveria and Kolhestan agreed ... mediated by Qatar, but each side accused the
        other": two countries named together earlier in the sentence are its two sides.
        ("The two countries" after a list is another matter: the parser may hang it on
        the wrong noun.)"""
        doc = self.extracted.doc
        countries = {
            m.head: self.gazetteer.principal(a)
            for m, a in history
            if m.sent == mention.sent
            and m.end <= mention.start
            and m.form == "name"
            and self._kind(self.gazetteer.principal(a)) == "Country"
        }
        pairs = [
            [countries[doc[i].head.i], country]
            for i, country in countries.items()
            if doc[i].dep_ == "conj" and doc[i].head.i in countries
        ]
        return pairs[-1] if pairs and pairs[-1][0] != pairs[-1][1] else []

    def _recent_people(self, mention: Mention, history, include_sentence: bool) -> list[str]:
        """The two people most recently named, counting this whole sentence.

        Not the one who reports it: in "Peskov said Putin had phoned Mernov and they
        agreed to meet", they are Putin and Mernov.
        """
        people: list[str] = []
        reporters = self._reporters(mention)
        in_sentence = [
            a
            for m, a in history
            if m.sent == mention.sent and self._kind(a) == "Person" and m.index not in reporters
        ]
        later = [
            self._name(m)
            for m in self.extracted.mentions[mention.index + 1 :]
            if include_sentence and m.sent == mention.sent and m.form == "name"
            and m.kind == "Person" and m.index not in reporters
        ]  # fmt: skip
        for actor_id in in_sentence + later:
            if actor_id and actor_id not in people:
                people.append(actor_id)
        for _, actor_id in reversed(history):
            if len(people) >= 2:
                break
            if self._kind(actor_id) == "Person" and actor_id not in people:
                people.append(actor_id)
        return people[:2] if len(people) >= 2 else []

    def _doers(self, token) -> set[int]:
        """Tokens of the subject of ``token``'s clause, or of the clause it completes."""
        for verb in token.ancestors:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return {t.i for s in subjects for t in s.subtree}
            if verb.dep_ not in ("xcomp", "advcl", "conj"):
                break
        return set()

    def _speakers_above(self, mention: Mention):
        """The subjects of each speech verb above ``mention``, nearest verb first."""
        for verb in self.extracted.doc[mention.head].ancestors:
            if verb.lemma_.lower() in self.speech_verbs:
                yield [c for c in verb.children if c.dep_ == "nsubj"]

    def _reporters(self, mention: Mention) -> set[int]:
        """Mentions that are subjects of a speech verb above ``mention``."""
        token_mentions = self.extracted.token_mentions
        return {
            token_mentions[t.i]
            for subjects in self._speakers_above(mention)
            for child in subjects
            for t in child.subtree
            if t.i in token_mentions
        }

    def _reporter_owners(self, mention: Mention) -> set[int]:
        """People whose office, spokesperson or aides report ``mention``'s clause."""
        token_mentions = self.extracted.token_mentions
        reporters = next(self._speakers_above(mention), [])
        return {
            token_mentions[o.i]
            for r in reporters
            if r.i not in token_mentions
            for o in r.children
            if o.dep_ == "poss" and o.i in token_mentions
        }
