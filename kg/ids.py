"""Deterministic identifiers: same input, same IRI, every run."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.model import Event


def slug(name: str) -> str:
    """Normalise a name to a stable IRI segment.

    >>> slug("Ilkka  Rantanen")
    'ilkka-rantanen'
    >>> slug("  Lee  Jae-Min ")
    'lee-jae-min'
    >>> slug("Hôtel Séléné")
    'hotel-selene'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if cleaned:
        return cleaned
    # Names in scripts with no ASCII letters still need a stable id.
    return "x" + hashlib.sha256(name.strip().encode("utf-8")).hexdigest()[:16]


def content_hash(text: str) -> str:
    """sha256 hex of the text, the identity of a document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_id(event: Event) -> str:
    """Hash of what makes an event unique: document, relation, actors and position."""
    key = "|".join(
        [
            event.doc_id,
            event.relation,
            event.subject,
            event.object,
            str(event.start),
            str(event.trigger_start),
        ]
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
