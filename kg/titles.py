"""Titles and roles: "Prime Minister" before a name, "the Drevnian leader" for one.

The title words are data in ``ontology/roles.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token


class Titles:
    """Mixed into :class:`kg.mentions.MentionFinder`, whose lexicon, title words and person
    words it uses."""

    def _titles_before(self, span: Span) -> tuple[str, ...]:
        """Title words in front of a name: "Prime Minister" in "Prime Minister Ilkka Rantanen"."""
        doc = span.doc
        before = " " + doc[max(0, span.start - 4) : span.start].text.lower() + " "
        found = tuple(w for w in self.title_words if before.endswith(f" {w} "))
        head = span.root.head
        # The parser sometimes takes the comma for coordination: "the spokesperson for
        # Pakistan's foreign ministry, Ambassador Shafqat Ali Khan," (no "and").
        beside = span.root.dep_ == "appos" or (
            span.root.dep_ == "conj" and not any(c.dep_ == "cc" for c in head.children)
        )
        if not found and beside and head.i < span.start:
            # "Tamsar's foreign minister, Nadira Qazvan": the title the name stands beside.
            titled = " " + doc[max(0, head.i - 3) : head.i + 1].text.lower() + " "
            found = tuple(w for w in self.title_words if titled.endswith(f" {w} "))
        return found

    def _beside_person_role(self, span: Span) -> bool:
        """A role only people have, right before the name or set beside it."""
        doc = span.doc
        words = self.person_words
        if span.start > 0 and doc[span.start - 1].lemma_.lower().rstrip(".") in words:
            return True  # "opposition leader Nadia Orlov"
        root = span.root
        if root.dep_ == "appos" and root.head.i < span.start:
            return root.head.lemma_.lower() in words  # "the union's chairman, Emil Baros"
        # "Emil Baros, the federation's chairman,"
        return any(c.dep_ == "appos" and c.lemma_.lower() in words for c in root.children)

    def _role(self, token: Token, taken: dict[int, int]) -> tuple[frozenset[str], int, int] | None:
        """A noun phrase headed by a title word: its titles, country mention and start."""
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
            return None
        lemma = token.lemma_.lower()
        previous = token.nbor(-1).lower_ if token.i > 0 else ""
        titles: frozenset[str] = frozenset()
        if f"{previous} {lemma}" in self.lexicon.titles:
            titles = frozenset({self.lexicon.titles[f"{previous} {lemma}"]})
        elif lemma in self.lexicon.titles:
            titles = frozenset({self.lexicon.titles[lemma]})
        elif lemma in self.lexicon.generic_titles:
            titles = self.lexicon.generic_titles[lemma]
        if not titles or token.tag_ == "NNS":
            return None
        # "Norland's president, Ilkka Rantanen": the name itself is the mention.
        if any(child.dep_ == "appos" and child.i in taken for child in token.children):
            return None
        of_index = -1
        start = token.i
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < token.i:
                start = min(start, child.left_edge.i)
                if child.i in taken:
                    of_index = taken[child.i]
        return titles, of_index, start
