"""The curation file: an analyst's rejects, additions and merges, read and checked.

Every entry is checked before any is applied (:mod:`kg.curation` applies them), and each
problem names the file and line, so a bad file changes nothing.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.dates import parse_iso_date
from kg.errors import KgError
from kg.model import FuzzyDate
from kg.ontology import relation_types

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
