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
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import PROV

from kg.dates import parse_iso_date
from kg.errors import KgError
from kg.events import CURATED, deduplicate
from kg.ids import content_hash, slug
from kg.model import Actor, Document, Event, FuzzyDate
from kg.names import match_actor
from kg.ontology import relation_types
from kg.vocab import ID, KG, event_iri

ANALYST = ID["agent/analyst"]  # the prov:Agent every curated relation is attributed to
KINDS = ("Person", "Country", "Organisation")
_STRICT_DATE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
_QID = re.compile(r"Q[1-9]\d*")
_NULL = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class ActorRef:
    name: str
    kind: str = ""  # given only in the long form, which may create the actor
    wikidata: str = ""


@dataclass(frozen=True)
class Reject:
    where: str  # "file:line", for messages
    subject: str
    relation: str
    object: str
    source: str = ""  # empty: every source


@dataclass(frozen=True)
class Addition:
    where: str
    subject: ActorRef
    relation: str
    object: ActorRef
    evidence: str
    source: str
    date: FuzzyDate | None = None


@dataclass(frozen=True)
class Merge:
    where: str
    into: str
    names: tuple[str, ...]  # the ``from`` list


@dataclass
class Curation:
    path: Path
    rejects: list[Reject] = field(default_factory=list)
    additions: list[Addition] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)


# Per section: the record it makes, and each key's reader ("?" marks an optional key).
_SCHEMA: dict[str, tuple[type, str, dict[str, str]]] = {
    "reject": (Reject, "rejects", {
        "subject": "text", "relation": "relation", "object": "text", "source": "text?"}),
    "add": (Addition, "additions", {
        "subject": "actor", "relation": "relation", "object": "actor", "evidence": "text",
        "source": "text", "date": "date?"}),
    "merge": (Merge, "merges", {"into": "text", "from": "names"}),
}  # fmt: skip


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL


def _kind_of(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "empty" if _is_null(node) or not node.value.strip() else repr(node.value)


class _Reader:
    """Reads composed YAML nodes, which keep line numbers and the raw text of scalars
    (so ``date: 2025-07-01`` stays a string and a name such as ``No`` stays a name)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def at(self, node: yaml.Node) -> str:
        return f"{self.path}:{node.start_mark.line + 1}"

    def fail(self, node: yaml.Node, message: str) -> None:
        self.problems.append(f"{self.at(node)}: {message}")

    def entry(self, section: str, node: yaml.Node) -> object | None:
        record, _, schema = _SCHEMA[section]
        if not isinstance(node, yaml.MappingNode):
            return self.fail(node, f"each {section} entry must be a mapping, not {_kind_of(node)}")
        values: dict[str, object] = {}
        given: set[str] = set()
        for key_node, value in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            if key not in schema or key in given:
                self.fail(key_node, f"{'repeated' if key in given else 'unknown'} key {key!r}")
            elif not _is_null(value):
                given.add(key)
                read_value = getattr(self, schema[key].rstrip("?"))
                values["names" if key == "from" else key] = read_value(value, key)
        missing = [k for k, reader in schema.items() if not reader.endswith("?") and k not in given]
        if missing:
            return self.fail(node, f"{section} entry lacks {', '.join(missing)}")
        if any(v is None for v in values.values()):
            return None  # each bad value is already reported
        return record(where=self.at(node), **values)

    def text(self, node: yaml.Node, key: str) -> str | None:
        if isinstance(node, yaml.ScalarNode) and not _is_null(node) and node.value.strip():
            return " ".join(node.value.split())
        return self.fail(node, f"{key} must be text, not {_kind_of(node)}")

    def relation(self, node: yaml.Node, key: str) -> str | None:
        name = self.text(node, key)
        if name is None or name in relation_types():
            return name
        close = difflib.get_close_matches(name, list(relation_types()), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        return self.fail(node, f"unknown relation {name!r}{hint}")

    def date(self, node: yaml.Node, key: str) -> FuzzyDate | None:
        value = self.text(node, key)
        parsed = parse_iso_date(value) if value and _STRICT_DATE.fullmatch(value) else None
        if parsed is None:
            self.fail(node, f"{key} must be YYYY, YYYY-MM or YYYY-MM-DD, not {_kind_of(node)}")
        return parsed

    def names(self, node: yaml.Node, key: str) -> tuple[str, ...] | None:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            return self.fail(node, f"{key} must be a list of names, not {_kind_of(node)}")
        names = [self.text(item, f"each name in {key}") for item in node.value]
        return tuple(n for n in names if n) if all(names) else None

    def actor(self, node: yaml.Node, key: str) -> ActorRef | None:
        if not isinstance(node, yaml.MappingNode):
            name = self.text(node, key)
            return ActorRef(name) if name else None
        parts = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
        if set(parts) - {"name", "kind", "wikidata"} or "name" not in parts:
            return self.fail(node, f"{key} in long form takes name, kind and wikidata")
        name, kind, qid = (
            self.text(parts[k], f"{key} {k}") if k in parts else ""
            for k in ("name", "kind", "wikidata")
        )
        if kind and kind not in KINDS:
            return self.fail(parts["kind"], f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if qid and not _QID.fullmatch(qid):
            return self.fail(parts["wikidata"], f"wikidata must be a Q-id, not {qid!r}")
        if name is None or kind is None or qid is None:
            return None
        return ActorRef(name, kind, qid)


def curation_beside(sources: list[Path]) -> Path | None:
    """The ``curation.yaml`` kept in a source folder, so a folder rebuilds curated.

    Raises :class:`KgError` when several folders hold one: the build cannot tell which.
    """
    found = [s / "curation.yaml" for s in sources if (s / "curation.yaml").is_file()]
    if len(found) > 1:
        raise KgError(f"several curation files ({', '.join(map(str, found))}): pass one")
    return found[0] if found else None


def load_curation(path: Path) -> Curation:
    """Read and check a curation file; raise :class:`KgError` listing every problem."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except OSError as exc:
        raise KgError(f"cannot read curation file {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise KgError(f"{path}{line}: not valid YAML: {problem}") from exc
    curation = Curation(path)
    if root is None or _is_null(root):
        return curation  # an empty file corrects nothing
    read = _Reader(path)
    if not isinstance(root, yaml.MappingNode):
        raise KgError(f"{read.at(root)}: expected a mapping with reject, add and merge lists")
    for key, section in root.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else "?"
        if name not in _SCHEMA:
            read.fail(key, f"unknown section {name!r} (expected reject, add or merge)")
        elif isinstance(section, yaml.SequenceNode):
            entries = (read.entry(name, node) for node in section.value)
            getattr(curation, _SCHEMA[name][1]).extend(e for e in entries if e is not None)
        elif not _is_null(section):
            read.fail(section, f"{name} must be a list, not {_kind_of(section)}")
    if read.problems:
        raise KgError("\n".join(read.problems))
    return curation


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
