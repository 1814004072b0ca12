"""Names the small model splits in two, joined back before they become mentions.

"The Law Society of Ostmark" comes out as a body and a country, "the Ostmarkian
Teachers' Union" as a nationality and a body, "police chief Anders Vold" as the surname
alone. Each join is grammar; the words it needs (body words, organ words, titles) are
data in ``ontology/roles.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.lexicon import Lexicon

NAMED_AFTER = {"GPE", "ORG", "NORP", "LOC"}


def join_split_names(doc: Doc, ents: list[Span], lexicon: Lexicon) -> list[Span]:
    """``ents`` with each split name made one span again, in document order."""
    by_start = {e.start: e for e in ents}
    taken = {i for e in ents for i in range(e.start, e.end)}
    joined: list[Span] = []
    skip: set[int] = set()
    for ent in ents:
        if ent.start in skip:
            continue
        after = _named_after(doc, ent, by_start, lexicon)
        if after is not None:
            skip.add(after.start)
            joined.append(Span(doc, ent.start, after.end, label="ORG"))
            continue
        body = by_start.get(ent.end)
        if ent.label_ == "NORP" and len(ent) == 1 and body is not None and _society(body, lexicon):
            skip.add(body.start)
            joined.append(Span(doc, ent.start, body.end, label="ORG"))
            continue
        joined.append(_with_first_name(doc, ent, taken, lexicon))
    return joined


def _society(ent: Span, lexicon: Lexicon) -> bool:
    """A body of its own, not a state's organ: "Teachers' Union", not "Defence Ministry"."""
    last = ent[-1].lemma_.lower()
    return ent.label_ == "ORG" and last in lexicon.body_words and last not in lexicon.organ_words


def _named_after(doc: Doc, ent: Span, by_start: dict[int, Span], lexicon: Lexicon) -> Span | None:
    """The place or body a society is "of": "the Law Society" + "of" + "Ostmark"."""
    if not _society(ent, lexicon) or ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "of":
        return None
    start = ent.end + 1
    if doc[start].lower_ == "the":
        start += 1
    after = by_start.get(start)
    return after if after is not None and after.label_ in NAMED_AFTER else None


def _with_first_name(doc: Doc, ent: Span, taken: set[int], lexicon: Lexicon) -> Span:
    """ "police chief Anders Vold" found as "Vold": the proper noun before a one-word
    person's name is its first name, when a lower-case word comes before that and it is
    no title ("Secretary"), honorific ("Dr.") or role a person holds ("Senator")."""
    if ent.label_ != "PERSON" or len(ent) != 1 or ent.start < 2:
        return ent
    first, before = doc[ent.start - 1], doc[ent.start - 2]
    word = first.lower_.rstrip(".")
    if (
        first.pos_ != "PROPN"
        or not first.is_alpha
        or not first.is_title
        or first.i in taken
        or not (before.is_alpha and before.is_lower)
        or word in lexicon.honorifics
        or word in lexicon.person_roles
        or any(word in title.split() for title in lexicon.titles)
    ):
        return ent
    return Span(doc, first.i, ent.end, label="PERSON")
