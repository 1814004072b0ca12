"""An analyst's corrections, kept in a YAML file and applied on every build.

Three sections, each a list::

    reject:   # machine relations that are wrong: dropped on every rebuild
      - {subject: Aldoria, relation: REL, object: Borvia, source: story.md}
    add:      # relations the machine missed: method "curated", confidence 1
      - {subject: Aldoria, relation: REL, object: Borvia, date: 2025-07,
         evidence: "Aldoria's envoy ...", source: story.md}
    merge:    # names that are one actor: relations move to the survivor
      - {into: Aldoria, from: [Republic of Aldoria]}

Actors are named by id, label or alias, ignoring case. An ``add`` may name an actor the
build does not know only in the long form ``{name: Cal Vesper, kind: Person}``, so that a
typo never creates an actor silently. Every entry is checked before any is applied, and
each problem names the file and line, so a bad file changes nothing.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import PROV

# Reading the file lives in kg.curation_file; both halves are this module's API.
from kg.curation_file import (  # noqa: F401
    ActorRef,
    Addition,
    Curation,
    Merge,
    curation_beside,
    load_curation,
)
from kg.errors import KgError
from kg.events import CURATED, deduplicate
from kg.ids import content_hash, slug
from kg.model import Actor, Document, Event
from kg.names import match_actor
from kg.ontology import relation_types
from kg.vocab import ID, KG, event_iri

ANALYST = ID["agent/analyst"]  # the prov:Agent every curated relation is attributed to


class _Actors:
    """Working copies of the actors (the caller's are untouched if the file is refused)."""

    def __init__(self, actors: list[Actor]) -> None:
        self.by_id = {a.actor_id: replace(a, aliases=list(a.aliases)) for a in actors}
        self.renamed: dict[str, str] = {}  # absorbed id -> survivor id
        self.problems: list[str] = []

    def find(self, where: str, name: str) -> str | None:
        hits = match_actor(list(self.by_id.values()), name)
        if len(hits) == 1:
            return hits[0]
        if hits:
            self.problems.append(f"{where}: {name!r} could mean any of: {', '.join(hits)}")
            return None
        close = difflib.get_close_matches(name, [a.label for a in self.by_id.values()], n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        self.problems.append(f"{where}: no actor called {name!r}{hint}")
        return None

    def find_or_create(self, where: str, ref: ActorRef) -> str | None:
        if not ref.kind or match_actor(list(self.by_id.values()), ref.name):
            return self.find(where, ref.name)
        actor = Actor(slug(ref.name), ref.name, ref.kind, wikidata=ref.wikidata, curated=True)
        self.by_id[actor.actor_id] = actor
        return actor.actor_id

    def merge(self, merge: Merge) -> None:
        into = self.find(merge.where, merge.into)
        for name in merge.names:
            other = self.find(merge.where, name)
            if into is None or other is None or other == into:
                continue
            survivor, absorbed = self.by_id[into], self.by_id.pop(other)
            names = {*survivor.aliases, absorbed.label, *absorbed.aliases} - {survivor.label}
            survivor.aliases = sorted(names)
            survivor.wikidata = survivor.wikidata or absorbed.wikidata
            survivor.curated = survivor.curated or absorbed.curated
            for old, new in list(self.renamed.items()):
                if new == other:
                    self.renamed[old] = into
            self.renamed[other] = into

    def moved(self, event: Event) -> Event:
        subject, obj = (self.renamed.get(x, x) for x in (event.subject, event.object))
        return replace(event, subject=subject, object=obj)


def apply_curation(
    curation: Curation,
    actors: list[Actor],
    events: list[Event],
    documents: list[Document],
    warnings: list[str] | None = None,
) -> tuple[list[Actor], list[Event], list[Document]]:
    """Merge, then reject, then add; return new lists and leave the inputs alone.

    Raises :class:`KgError` (every problem, each with file and line) before changing
    anything when an entry names no actor, or an ambiguous one. A reject that matches
    no relation is only a warning: a better extractor may have stopped making it.
    """
    warnings = warnings if warnings is not None else []
    work = _Actors(actors)
    for merge in curation.merges:
        work.merge(merge)
    # A merge can fold both ends of a relation into one actor; such a relation says nothing.
    machine = [e for e in map(work.moved, events) if e.subject != e.object]
    dropped: set[int] = set()
    for reject in curation.rejects:
        subject, obj = (work.find(reject.where, n) for n in (reject.subject, reject.object))
        if subject is None or obj is None:
            continue
        pairs = {(subject, obj)}
        if relation_types()[reject.relation].symmetric:
            pairs.add((obj, subject))
        hits = {
            i for i, e in enumerate(machine)
            if e.method != CURATED and e.relation == reject.relation
            and (e.subject, e.object) in pairs and reject.source in ("", e.source)
        }  # fmt: skip
        if not hits:
            warnings.append(f"{reject.where}: reject matches no relation")
        dropped |= hits
    by_source = {d.source: d for d in documents}
    cited: dict[str, Document] = {}
    added: dict[str, tuple[str, Event]] = {}  # event id -> (where, event)
    for add in curation.additions:
        subject, obj = (work.find_or_create(add.where, r) for r in (add.subject, add.object))
        if subject is None or obj is None:
            continue
        if subject == obj:
            work.problems.append(f"{add.where}: subject and object are the same actor")
            continue
        document = by_source.get(add.source) or cited.setdefault(add.source, _cited(add.source))
        event = _curated_event(add, subject, obj, document, warnings)
        if event.event_id in added:
            work.problems.append(f"{add.where}: repeats {added[event.event_id][0]}")
        added[event.event_id] = (add.where, event)
    if work.problems:
        raise KgError("\n".join(work.problems))
    kept = [e for i, e in enumerate(machine) if i not in dropped]
    return (
        sorted(work.by_id.values(), key=lambda a: a.actor_id),
        deduplicate(kept + [event for _, event in added.values()]),
        list(documents) + sorted(cited.values(), key=lambda d: d.source),
    )


def _cited(source: str) -> Document:
    """A source outside the build (a URL, a report): a document without text. There is no
    text to hash, so the citation is hashed: one node for it on every build."""
    url = source if source.startswith(("http://", "https://")) else ""
    return Document(doc_id=content_hash(source), text="", offset=0, source=source, url=url)


def _curated_event(
    add: Addition, subject: str, obj: str, document: Document, warnings: list[str]
) -> Event:
    evidence, start, end = add.evidence, -1, -1  # -1: no place in a text to point at
    if document.text:
        words = r"\s+".join(re.escape(w) for w in add.evidence.split())
        found = re.search(words, document.text)
        if found:  # the document's own characters, so the evidence stays verbatim
            evidence = found.group(0)
            start, end = document.offset + found.start(), document.offset + found.end()
        else:
            warnings.append(f"{add.where}: evidence not found in {add.source}")
    return Event(
        subject, add.relation, obj, evidence, document.source, document.doc_id, start, end,
        date=add.date, confidence=1.0, method=CURATED,
    )  # fmt: skip


def add_curation_provenance(graph: Graph, events: list[Event]) -> None:
    """Mark the analyst's relations in RDF: ``kg:curated true`` and PROV attribution to
    the analyst (``kg:method "curated"`` comes with every event from :mod:`kg.graph`)."""
    curated = [e for e in events if e.method == CURATED]
    if curated:
        graph.add((ANALYST, RDF.type, PROV.Agent))
        graph.add((ANALYST, RDFS.label, Literal("analyst")))
    for event in curated:
        graph.add((event_iri(event.event_id), PROV.wasAttributedTo, ANALYST))
        graph.add((event_iri(event.event_id), KG.curated, Literal(True)))
