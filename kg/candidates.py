"""What extraction hands to resolution: candidates naming mentions, per document."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.evidence import DateExpression
from kg.mentions import Mention


@dataclass
class Candidate:
    relation: str
    subjects: list[int]  # mention indices
    objects: list[int]
    sent_start: int  # token span of the evidence unit
    sent_end: int
    trigger_tokens: list[int]
    method: str
    confidence: float
    date_index: int = -1  # index into ExtractedDoc.dates
    between: bool = False  # objects came as "between A and B"
    reciprocal: bool = False  # "accused each other": the subjects act on one another
    both_ways: bool = False  # "accepted an invitation from X": X did the same to them
    # Mentions of people who said "we": the body they speak for acts, if it is known.
    speaking_for: list[int] = field(default_factory=list)
    thing_object: bool = False  # the act has an object that is no actor


@dataclass
class ExtractedDoc:
    doc: Doc
    mentions: list[Mention]
    token_mentions: dict[int, int]
    dates: list[DateExpression]
    candidates: list[Candidate]
