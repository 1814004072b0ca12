"""Name spans as the model finds them, and how they go wrong.

The small model runs names on across prepositions, reads "Qaresh and Drevnia" as one
place, takes a dateline for an actor and misses that "Qareshi" is Qaresh's adjective.
These helpers set that right; :mod:`kg.mentions` turns the spans into mentions.
"""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from kg.mentions import Mention

ACTOR_LABELS = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Country", "NORP": "Country"}
SPLIT_LABELS = {"GPE", "NORP", "PERSON"}
ADJECTIVE_ENDINGS = ("i", "n", "an", "ian", "ese", "ish", "ic")
DATELINE_WINDOW = 12
DATELINE_DASHES = {"-", "—", "–", "--"}
DATELINE_MONTHS = {m.lower() for m in (*calendar.month_name, *calendar.month_abbr) if m} | {"sept"}
CUT_WORDS = {"for", "with", "to", "in", "on", "at", "from", "by", "after", "before"}


def dateline_tokens(doc: Doc) -> set[int]:
    """ "DOHA, June 12 (AP) —", "PARIS (AFP) -", "TINDOUMA, Niamara —": where and by
    whom the story was filed, not who acts in it. The tokens of each such dateline."""
    if "kg_dateline" in doc.user_data:  # asked for by mentions and dates alike
        return doc.user_data["kg_dateline"]
    found: set[int] = set()
    for start in range(len(doc)):
        if start and not doc[start - 1].is_space:
            continue  # a dateline opens a paragraph
        first = doc[start].text
        if not (first.isupper() and first.isalpha() and len(first) > 2):
            continue
        window = doc[start : start + DATELINE_WINDOW]
        dash = next((t.i for t in window if t.text in DATELINE_DASHES), None)
        if dash is None:
            continue
        texts = [t.text for t in doc[start:dash]]
        dated = any(
            texts[k] == "," and texts[k + 1].rstrip(".").lower() in DATELINE_MONTHS
            for k in range(len(texts) - 1)
        )
        credited = "(" in texts and ")" in texts and texts.index(")") - texts.index("(") == 2
        # "TINDOUMA, Niamara —": a city in capitals and its country, nothing else.
        placed = (
            2 < len(texts) <= 6
            and texts[1] == ","
            and all(t[:1].isupper() or t == "," for t in texts[2:])
        )
        if dated or credited or placed:
            found.update(range(start, dash + 1))
    doc.user_data["kg_dateline"] = found
    return found


def split_pairs(span: Span, label: str) -> list[Span]:
    """ "between Qaresh and Drevnia" read as one place or body, or "Rantanen and Haddad"
    as one person, is two. An organisation of several words keeps its "and" ("Ministry
    of Trade and Industry"), and names the gazetteer knows whole ("Bosnia and
    Herzegovina") never get here."""
    if label not in ACTOR_LABELS:
        return [span]
    parts, start = [], span.start
    for token in span:
        if token.lower_ == "and" and token.is_lower:
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    if len(parts) == 1 or not all(len(p) and p[0].text[:1].isupper() for p in parts):
        return [span]
    if label not in SPLIT_LABELS and any(len(p) > 1 for p in parts):
        return [span]
    return parts


def trim(
    ent: Span,
    body_words: frozenset[str] = frozenset(),
    honorifics: frozenset[str] = frozenset(),
    people_nouns: frozenset[str] = frozenset(),
) -> Span | None:
    """Drop a leading determiner and a trailing possessive from an entity span.

    The small model sometimes runs a name on across a preposition ("Ilkka for
    Norland"): the name ends there, unless it is a body's ("the Alliance for Democracy",
    a word of ``body_words``). An office named by its owner ("Norland's
    Foreign Ministry") is the owner acting.
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    for token in ent[1:]:
        # ... but a body's name goes on: "the Alliance for Democracy", "the Commission on
        # Human Rights".
        body = ent.label_ == "ORG" and doc[token.i - 1].lower_ in body_words
        if token.lower_ in CUT_WORDS and token.is_lower and not body:
            end = token.i
            break
        # "TINDOUMA, Niamara — Niamara's military ruler": a spaced dash ends a name (a
        # hyphen inside one, "Osei-Varga", has no space before it).
        if token.text in ("—", "–") or (token.text == "-" and doc[token.i - 1].whitespace_):
            end = token.i
            break
        # "Norland's Ministry of Foreign Affairs" speaks for Norland, but "the People's
        # Army" and "the Farmers' Federation" are names of their own.
        owned = token.tag_ == "POS" and token.i > start
        if owned and not _people_named_on(token, ent, people_nouns):
            end = token.i
            break
    while start < end and doc[start].pos_ in ("DET", "PUNCT", "ADV", "CCONJ"):  # "Later the ..."
        start += 1
    # "Sheikh Tamim bin Hamad Al Thani", "Mawlawi Hibatullah Akhundzada": the name
    # without the honorific.
    while (
        ent.label_ == "PERSON" and end - start > 2 and doc[start].lower_.rstrip(".") in honorifics
    ):
        start += 1
    while end > start and doc[end - 1].tag_ in ("POS", "PUNCT"):
        end -= 1
    # A heading run into its paragraph: "President Rantanen Shortly before ..." ends at
    # the last proper noun.
    if ent.label_ == "PERSON":
        while end > start + 1 and doc[end - 1].pos_ in ("ADV", "VERB", "AUX", "ADP", "SCONJ"):
            end -= 1
    # "Ines Carvalho of" (the Workers' Front): no name ends in a bare preposition.
    while end > start + 1 and doc[end - 1].pos_ == "ADP" and doc[end - 1].is_lower:
        end -= 1
    return doc[start:end] if start < end else None


def _people_named_on(possessive: Token, ent: Span, people_nouns: frozenset[str]) -> bool:
    """A people's possessive that a name goes on after: "Farmers' Federation"."""
    owner = possessive.doc[possessive.i - 1]
    singular = owner.lower_[:-1] if owner.lower_.endswith("s") else owner.lower_
    people = owner.tag_ in ("NNS", "NNPS") or {owner.lemma_.lower(), singular} & people_nouns
    after = possessive.i + 1
    return bool(people) and after < ent.end and possessive.doc[after].text[:1].isupper()


def adjective_of(word: str, name: str) -> bool:
    """ "Qareshi" and "Norlandic" are adjectives of Qaresh and Norland."""
    extra = len(word) - len(name)
    return (
        0 < extra <= 3
        and word.lower().startswith(name.lower()[:-1])
        and word.lower().endswith(ADJECTIVE_ENDINGS)
    )


def settle_forms(doc: Doc, mentions: list[Mention]) -> tuple[set[str], set[str]]:
    """Set right the forms the model mislabels; return the article's one-word names and
    its nationality adjectives, for the words it missed."""
    # "Saltz alleged ..." with "Saltz" tagged a nationality or a place: the surname
    # of a person the article names in full is that person.
    surnames = {m.text.split()[-1] for m in mentions if m.kind == "Person" and " " in m.text}
    for mention in mentions:
        if mention.text in surnames and not mention.gazetteer_id:
            mention.form, mention.kind = "name", "Person"
    # "Norlandic troops" where the model saw no nationality: the adjective of a
    # one-word name the article gives.
    # And the reverse: "Tsorvel" the model missed, where "Tsorvelian" is found.
    bases = {m.text for m in mentions if m.form == "name" and " " not in m.text}
    adjectives = {m.text for m in mentions if m.form == "demonym" and not m.gazetteer_id}
    # The model may tag the adjective as a name ("Anzhari drones" as a person) and the
    # country as a mere location: "Anzhar" is still the country "Anzhari" names.
    named = {m.text for m in mentions if m.form == "name" and not m.gazetteer_id}
    adjectives |= {a for a in named if " " not in a}
    countries = {m.text for m in mentions if m.text in bases and m.kind == "Country"}
    for mention in mentions:
        # "Tavoria" tagged as a nationality beside "Tavorian": the country itself.
        unknown = mention.form == "demonym" and not mention.gazetteer_id
        if unknown and any(adjective_of(a, mention.text) for a in adjectives):
            mention.form, mention.kind = "name", "Country"
        # "Veltrian riot police" with "Veltrian" tagged a place: still an adjective. So
        # is "the Drevnian border town" tagged a body, beside the country "Drevnia".
        word = doc[mention.start]
        lone = mention.form == "name" and not mention.gazetteer_id and mention.text == word.text
        modifier = word.pos_ == "ADJ" or (
            word.dep_ in ("compound", "amod") and word.head.pos_ == "NOUN"
        )
        of = bases if word.pos_ == "ADJ" else countries
        if lone and modifier and any(adjective_of(word.text, b) for b in of):
            mention.form, mention.kind = "demonym", ""
    return bases, adjectives


def storm_names(doc: Doc, weather_words: frozenset[str]) -> set[str]:
    """The names after "Cyclone", "Hurricanes" ...: "Cyclones Chido and Dikeledi"."""
    names = set()
    for token in doc:
        if not is_weather(token, weather_words):
            continue
        for follower in doc[token.i + 1 : token.i + 4]:
            if follower.pos_ == "PROPN":
                names.add(follower.lower_)
            elif follower.lower_ not in ("and", ","):
                break
    return names


def is_weather(token: Token, weather_words: frozenset[str]) -> bool:
    # The tagger takes "Cyclones" for a name and leaves it unlemmatised.
    word = token.lower_
    return word in weather_words or (word.endswith("s") and word[:-1] in weather_words)


def cut_at_title(ent: Span, title_words: list[str]) -> tuple[Span, bool]:
    """ "Lunavian Foreign" in "Lunavian Foreign Minister Greta Sand": a name the model
    ends inside a title that runs on past it is the words before the title; whether it
    was cut."""
    doc = ent.doc
    for token in ent[1:]:
        for title in title_words:
            size = len(title.split())
            past = token.i + size > ent.end
            if past and doc[token.i : token.i + size].text.lower() == title:
                return doc[ent.start : token.i], True
    # ... and any minister's portfolio: "Vashkari Interior" before "Minister".
    if len(ent) > 1 and ent.end < len(doc) and doc[ent.end].lower_ == "minister":
        return doc[ent.start : ent.end - 1], True
    return ent, False


def titled_names(doc: Doc, title_words: list[str], used: set[int]) -> list[Span]:
    """ "Zembrian President Alek Dorn": two to four capitalised proper nouns after a title
    are a person's name, also where the model found no name there."""
    found = []
    last_words = {w.split()[-1] for w in title_words}
    for token in doc:
        end = token.i + 1
        # Most tokens end no title: look at the words before only for those that may.
        if token.lower_ not in last_words or token.i in used:
            continue
        if not any(doc[max(0, end - len(w.split())) : end].text.lower() == w for w in title_words):
            continue
        stop = end
        while (
            stop < len(doc)
            and stop not in used
            and doc[stop].pos_ == "PROPN"
            and doc[stop].text[:1].isupper()
            and not doc[stop].ent_type_
            and doc[stop].lower_ not in title_words
        ):
            stop += 1
        if 2 <= stop - end <= 4:
            found.append(doc[end:stop])
    return found


def named_around(body: Span, start: int, end: int, body_words: frozenset[str]) -> bool:
    """A body's name that holds the words ``start:end`` inside more of its own."""
    if not (body.start <= start and end <= body.end) or (start, end) == (body.start, body.end):
        return False
    # "the Law Society of Ostmark" is a body named after a place, too.
    named = body[-1] if body[start - body.start - 1 : start - body.start].text != "of" else None
    head = body[-1] if named is not None else body.doc[start - 2]
    if head.lemma_.lower() not in body_words:
        return False  # "the Rome Statute" is a treaty named after a place
    rest = [t for t in body if not start <= t.i < end and t.pos_ != "DET"]
    return bool(rest) and all(
        t.text[:1].isupper() or t.tag_ == "POS" or t.lower_ == "of" for t in rest
    )


def names_a_place(ent: Span, place_nouns: frozenset[str]) -> bool:
    """ "The border town of Glav" names a town, whatever the model took it for."""
    root = ent.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in place_nouns
    )
