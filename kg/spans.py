"""Name spans as the model finds them, and how they go wrong.

The small model runs names on across prepositions, reads "Qaresh and Drevnia" as one
place, takes a dateline for an actor and misses that "Qareshi" is Qaresh's adjective.
These helpers set that right; :mod:`kg.mentions` turns the spans into mentions.
"""

from __future__ import annotations

import calendar

from spacy.tokens import Doc, Span

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
    ent: Span, body_words: frozenset[str] = frozenset(), honorifics: frozenset[str] = frozenset()
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
        # "Norland's Ministry of Foreign Affairs" speaks for Norland.
        if token.tag_ == "POS" and token.i > start:
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
    return doc[start:end] if start < end else None


def adjective_of(word: str, name: str) -> bool:
    """ "Qareshi" and "Norlandic" are adjectives of Qaresh and Norland."""
    extra = len(word) - len(name)
    return (
        0 < extra <= 3
        and word.lower().startswith(name.lower()[:-1])
        and word.lower().endswith(ADJECTIVE_ENDINGS)
    )
