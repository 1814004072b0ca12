"""Plain records passed between pipeline stages.

They hold no behaviour beyond small derived values, so every stage can be tested
alone and the graph can be read back into the same shapes for render and export.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FuzzyDate:
    """A date known to the day, the month or the year.

    ``value`` is ISO: ``2025-07-28``, ``2025-07`` or ``2018``.
    """

    value: str
    precision: str  # "day" | "month" | "year"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Document:
    """One article, as read from a file or a line of a corpus."""

    doc_id: str  # sha256 hex of the body text: same text, same id
    text: str  # the body that extraction reads
    offset: int  # where ``text`` starts inside the decoded source
    source: str  # file name (with ``#line`` for a corpus line)
    title: str = ""
    date: FuzzyDate | None = None
    url: str = ""
    publisher: str = ""  # the front matter's ``source``: who published it


@dataclass
class Actor:
    """A person, country or organisation."""

    actor_id: str  # slug minted from the normalised canonical name
    label: str
    kind: str  # "Person" | "Country" | "Organisation"
    aliases: list[str] = field(default_factory=list)
    wikidata: str = ""  # a Q-id, or empty
    curated: bool = False  # True when the gazetteer (an analyst's file) vouches for it


@dataclass(frozen=True)
class RelationType:
    """One relation of the vocabulary in ``ontology/kg.ttl``."""

    name: str  # camelCase local name of the property in ontology/kg.ttl
    label: str
    cameo: str
    plover: str
    goldstein: float
    symmetric: bool


@dataclass
class Event:
    """One relation stated in one sentence of one document."""

    subject: str  # actor_id
    relation: str  # RelationType.name
    object: str  # actor_id
    evidence: str  # the sentence, verbatim
    source: str  # Document.source
    doc_id: str
    start: int  # offsets of the evidence in the decoded source
    end: int
    trigger: str = ""
    trigger_start: int = -1
    trigger_end: int = -1
    date: FuzzyDate | None = None
    confidence: float = 0.5
    method: str = ""

    @property
    def event_id(self) -> str:
        from kg.ids import event_id

        return event_id(self)
