"""Where evidence lies in a parsed article: sentence units, quotations and date expressions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.dates import RECURRENCE_WORDS, RELATIVE_DATE, names_a_time
from kg.spans import dateline_tokens

QUOTE_MARKS = re.compile(r"[“”\"\n]")
SHORT_QUOTE = 4  # words


@dataclass
class DateExpression:
    start: int  # token span
    end: int
    text: str
    in_quote: bool


def evidence_units(doc: Doc) -> list[Span]:
    """Sentences, with a sentence that is only a quotation joined to its attribution."""
    sents = list(doc.sents)
    units: list[Span] = []
    i = 0
    while i < len(sents):
        sent = sents[i]
        text = sent.text.strip()
        # '“Ilkka, STOP!” Haddad commanded': a quotation cut off from its speaker.
        # A quotation closed by a full stop, or ending a paragraph, stands alone.
        if (
            i + 1 < len(sents)
            and text[:1] in '“"'
            and text[-1:] in '”"'
            and text[-2:-1] in "!?,"
            and "\n" not in sent.text
        ):
            units.append(doc[sent.start : sents[i + 1].end])
            i += 2
            continue
        units.append(sent)
        i += 1
    return units


def quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations, tolerant of the mixed marks real copy has.

    “ opens, ” closes, a straight quote toggles, and a paragraph break ends any
    quotation left open ('a “constructive" dialogue' is one quotation).

    >>> quotations('He said “yes" and "no”.')
    [(8, 13), (18, 22)]
    """
    spans = []
    opened = -1
    for match in QUOTE_MARKS.finditer(text):
        mark, at = match.group(), match.start()
        if mark == "\n":
            opened = -1
        elif mark == "“" or (mark == '"' and opened < 0):
            opened = at
        elif opened >= 0:
            spans.append((opened, at + 1))
            opened = -1
    return spans


def quoted_tokens(doc: Doc) -> set[int]:
    inside: set[int] = set()
    for start, end in quotations(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def long_quote_tokens(doc: Doc) -> set[int]:
    """Tokens of quotations longer than a few words: the speaker's own sentences.

    A short quotation ('China "firmly rejects" the charge') is the reporter's
    sentence with a word or two quoted, so its verbs still count.
    """
    inside: set[int] = set()
    for start, end in quotations(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > SHORT_QUOTE + 2:
            inside.update(range(span.start, span.end))
    return inside


SEQUENCE_WORDS = {"after", "before"}
# Prepositions of an end time: "held the journalist until Monday" is no arrest on Monday.
END_TIME_WORDS = frozenset({"until", "till"})


def date_expressions(doc: Doc, quoted: set[int]) -> list[DateExpression]:
    """DATE entities, plus relative phrases ("the following day") the model misses."""
    found: dict[int, DateExpression] = {}
    filed = dateline_tokens(doc)  # "KOSTEL, Mirovia, April 17 —" dates the filing
    for ent in doc.ents:
        if ent.label_ == "DATE" and ent.start not in filed:
            found[ent.start] = DateExpression(ent.start, ent.end, ent.text, ent.start in quoted)
    covered = {i for expr in found.values() for i in range(expr.start, expr.end)}
    for match in RELATIVE_DATE.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or any(i in covered for i in range(span.start, span.end)):
            continue
        found[span.start] = DateExpression(span.start, span.end, span.text, span.start in quoted)
    return [found[k] for k in sorted(found)]


def clause_verb(token: Token) -> Token:
    for candidate in [token, *token.ancestors]:
        if candidate.pos_ in ("VERB", "AUX"):
            return candidate
    return token.sent.root


def coordinated_with(verb: Token) -> Token:
    """The clause a conjunct shares its subject with.

    In "insisted that Norland withdraw, and gave it ten days" the parser joins "gave"
    to the reported clause, though a past tense cannot share a clause with the bare
    "withdraw": it goes with "insisted".
    """
    first = verb.head
    if (
        verb.dep_ == "conj"
        and first.dep_ == "ccomp"
        and first.tag_ == "VB"
        and verb.tag_ in ("VBD", "VBZ")
    ):
        return first.head
    return first


def tree_distance(a: Token, b: Token) -> int:
    path_a = [a, *a.ancestors]
    depth_a = {t.i: n for n, t in enumerate(path_a)}
    for n, token in enumerate([b, *b.ancestors]):
        if token.i in depth_a:
            return n + depth_a[token.i]
    return 99


def _intended_act(doc: Doc, trigger_tokens: list[int]) -> int:
    """Where the act an intent intends begins: its "to" clause below the trigger.

    "accepted an invitation on Monday to visit Zemra in September": an intent is dated
    before the act it intends; what comes after that act's "to" dates the act.
    """
    return min(
        (
            c.i
            for i in trigger_tokens
            for c in doc[i].children
            if c.dep_ in ("xcomp", "acl") and any(g.lower_ == "to" for g in c.children)
        ),
        default=len(doc),
    )


def nearest_date(
    doc: Doc,
    dates: list[DateExpression],
    unit: Span,
    trigger_tokens: list[int],
    intent: bool = False,
) -> int:
    best, best_distance = -1, 99
    head = doc[trigger_tokens[0]]
    intended = _intended_act(doc, trigger_tokens) if intent else len(doc)
    clause = clause_verb(head)
    governing = {clause.i, *(a.i for a in clause.ancestors)}
    # "As he returned home the following day, he clarified ...": a time clause frames
    # the clause it modifies.
    governing |= {c.i for g in governing for c in doc[g].children if c.dep_ == "advcl"}
    # "arrested him in March 2024 after accusing him of plotting": the main clause's date
    # is not that of the act it came after (or before).
    sequenced = clause.dep_ == "pcomp" and clause.head.lower_ in SEQUENCE_WORDS
    sequenced = sequenced or any(
        c.dep_ == "mark" and c.lower_ in SEQUENCE_WORDS for c in clause.children
    )
    own = {t.i for t in clause.subtree} if sequenced else set()
    for index, expr in enumerate(dates):
        if expr.in_quote or not (unit.start <= expr.start < unit.end) or expr.start > intended:
            continue
        # ... also when the model leaves "every" out of the entity: "every Friday"
        recurring = expr.start > 0 and doc[expr.start - 1].lower_ in RECURRENCE_WORDS
        if recurring or not names_a_time(expr.text):
            continue  # "had given the agency 14 days": a span of time dates nothing
        root = doc[expr.start : expr.end].root
        if root.head.lower_ in END_TIME_WORDS:
            continue
        if sequenced and root.i not in own:
            continue
        # "impounded the vessel on 2 March, and the following day Brevonia sent": a date
        # the parser coordinates with the verb opens the next clause.
        if root.dep_ == "conj" and root.head.pos_ in ("VERB", "AUX"):
            continue
        # A date inside a sibling clause dates that clause, not this trigger.
        date_clause = clause_verb(root)
        if date_clause.i not in governing:
            continue
        # "confirmed Wednesday that they had barred him": the barring came before.
        # "Haddad, who has often praised Costin, met Hald on Friday": the praise is
        # background to the meeting, not of its day.
        # But "spoke with Nawrocki later that day, who assured him": a relative clause in
        # the simple past on the main clause's object goes on from it, on its day.
        follows = (
            clause.dep_ == "relcl"
            and clause.tag_ == "VBD"
            and clause.head.i > date_clause.i
            and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
        )
        if (
            date_clause.i != clause.i
            and not follows
            and (
                (clause.dep_ == "relcl" and not any(c.lower_ == "when" for c in clause.children))
                or any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)
            )
        ):
            continue
        distance = tree_distance(head, doc[expr.start : expr.end].root)
        if distance < best_distance:
            best, best_distance = index, distance
    return best
