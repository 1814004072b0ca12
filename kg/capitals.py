"""Capitals the article names itself: "Darvaz, the Anzhari capital", "Vostrana's capital,
Harumi". Such a city stands for its country's government, as Moscow stands for Russia
in the gazetteer, but only within the article that says so.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.mentions import Mention


def local_capitals(
    doc: Doc, mentions: list[Mention], token_mentions: dict[int, int], words: frozenset[str]
) -> dict[str, int]:
    """The text of each capital's name -> the mention of the country it is capital of."""
    found: dict[str, int] = {}
    for mention in mentions:
        if mention.form != "name" or mention.gazetteer_id:
            continue
        root = doc[mention.head]
        nouns = [c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in words]
        if root.dep_ == "appos" and root.head.lemma_.lower() in words:
            nouns.append(root.head)  # "the capital, Tesk"
        # The parser may miss the apposition at the start of a sentence: "In Darvaz, the
        # Anzhari capital, spokeswoman ... said".
        after = doc[mention.end : mention.end + 5]
        if len(after) > 2 and after[0].text == ",":
            nouns += [t for t in after[2:] if t.lemma_.lower() in words][:1]
        for noun in nouns:
            country = _country_of(noun, mentions, token_mentions)
            if country is not None and country != mention.index:
                found.setdefault(mention.text, country)
    return found


def _country_of(noun: Token, mentions: list[Mention], token_mentions: dict[int, int]):
    """ "the Anzhari capital", "Vostrana's capital", "the capital of Vostrana"."""
    owners = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    owners += [g for c in noun.children if c.lower_ == "of" for g in c.children]
    for owner in owners:
        index = token_mentions.get(owner.i)
        if index is not None and mentions[index].form in ("name", "demonym"):
            return index
    return None
