"""Capitals the article names itself: "Darvaz, the Anzhari capital", "Vostrana's capital,
Harumi", or its dateline "VAARA, Tarvonia, Feb 24 —". Such a city stands for its
country's government, as Moscow stands for Russia in the gazetteer, but only within the
article that says so.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.mentions import Mention
from kg.spans import DATELINE_MONTHS, dateline_tokens


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
    for city, country in _dateline_places(doc):
        index = next((m.index for m in mentions if m.form == "name" and m.text == country), None)
        if index is not None:
            found.setdefault(city, index)
    return found


def _dateline_places(doc: Doc) -> list[tuple[str, str]]:
    """ "VAARA, Tarvonia, Feb 24 —": the city, as the body writes it ("Vaara"), and its
    country. Filed from a city of that country, a story's city is the government's."""
    places = []
    filed = sorted(dateline_tokens(doc))
    for start in [i for i in filed if i - 1 not in filed]:
        words = [doc[i].text for i in range(start, len(doc)) if i in filed]
        if len(words) < 4 or words[1] != "," or not words[0].isupper():
            continue
        country = []
        for word in words[2:]:
            if word in (",", "(") or not word[:1].isupper() or word.isupper():
                break
            country.append(word)
        if country and country[0].rstrip(".").lower() not in DATELINE_MONTHS:
            places.append((words[0].title(), " ".join(country)))
    return places


def _country_of(noun: Token, mentions: list[Mention], token_mentions: dict[int, int]):
    """ "the Anzhari capital", "Vostrana's capital", "the capital of Vostrana"."""
    owners = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    owners += [g for c in noun.children if c.lower_ == "of" for g in c.children]
    for owner in owners:
        index = token_mentions.get(owner.i)
        if index is not None and mentions[index].form in ("name", "demonym"):
            return index
    return None
