"""The curated actor gazetteer (``seeds/actors.yaml``): names, aliases, roles, Wikidata ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import KgError
from kg.ids import slug
from kg.ontology import relation_types
from kg.resources import data_path

KINDS = ("Person", "Country", "Organisation")
PLACE = "Place"  # a city that is not an actor; it stands for its country only sometimes


@dataclass(frozen=True)
class Role:
    title: str
    of: str  # actor_id of the country or organisation
    start: dt.date | None = None
    end: dt.date | None = None

    def held_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class Entry:
    actor_id: str
    name: str
    kind: str
    wikidata: str = ""
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    stands_for: str = ""  # actor_id
    roles: list[Role] = field(default_factory=list)
    called: frozenset[str] = frozenset()  # "the bloc", once the article has named it


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    # Relations in which a Place means its country ("shelled Tarsby"); in any other
    # relation a Place is only where something happened ("visited Tarsby").
    place_relations: frozenset[str] = frozenset()

    def names(self) -> dict[str, str]:
        """Every surface form (name, alias, demonym) -> actor_id, for matching."""
        forms: dict[str, str] = {}
        for entry in self.entries.values():
            for form in [entry.name, *entry.aliases, *entry.demonyms]:
                forms.setdefault(form, entry.actor_id)
        return forms

    def called(self, mention) -> frozenset[str]:
        """The nouns a body named by ``mention`` is referred back to by: "the alliance"."""
        entry = self.entries.get(mention.gazetteer_id or "")
        return entry.called if entry else frozenset()

    def principal(self, actor_id: str) -> str:
        """The actor a place or office stands for (a palace -> its country), else itself."""
        entry = self.entries.get(actor_id)
        return entry.stands_for if entry and entry.stands_for else actor_id

    def place_fits(self, actor_id: str, relation: str) -> bool:
        entry = self.entries.get(actor_id)
        return entry is None or entry.kind != PLACE or relation in self.place_relations

    def holders(self, titles: set[str], of: str | None, day: dt.date | None) -> list[str]:
        """Actors holding one of ``titles`` (of ``of``, when given) on ``day``."""
        found = []
        for entry in self.entries.values():
            for role in entry.roles:
                if role.title in titles and (of is None or role.of == of) and role.held_on(day):
                    found.append(entry.actor_id)
                    break
        return found


def default_gazetteer_path() -> Path:
    return data_path("seeds/actors.yaml")


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    path = path or default_gazetteer_path()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise KgError(f"cannot read gazetteer {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise KgError(f"{path}: not valid YAML: {exc}".splitlines()[0]) from exc
    if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
        raise KgError(f"{path}: expected a mapping with an 'actors' list")
    place_relations = frozenset(str(r) for r in data.get("place_relations") or [])
    unknown = sorted(place_relations - set(relation_types()))
    if unknown:
        raise KgError(f"{path}: place_relations names unknown relations: {', '.join(unknown)}")
    gazetteer = Gazetteer(place_relations=place_relations)
    raw_entries = data.get("actors", [])
    for number, raw in enumerate(raw_entries, start=1):
        entry = _entry(raw, f"{path}: actor {number}")
        gazetteer.entries[entry.actor_id] = entry
    for entry in gazetteer.entries.values():
        for target in [entry.stands_for, *(r.of for r in entry.roles)]:
            if target and target not in gazetteer.entries:
                raise KgError(f"{path}: {entry.name} refers to unknown actor {target!r}")
    return gazetteer


def _entry(raw: object, where: str) -> Entry:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise KgError(f"{where}: each actor needs a 'name'")
    kind = raw.get("kind", "Person")
    if kind not in (*KINDS, PLACE):
        raise KgError(f"{where}: kind must be one of {', '.join(KINDS)}, {PLACE}, not {kind!r}")
    if kind == PLACE and not raw.get("stands_for"):
        raise KgError(f"{where}: a {PLACE} needs 'stands_for', the country it is in")
    roles = []
    for role in raw.get("roles") or []:
        if not isinstance(role, dict) or "title" not in role or "of" not in role:
            raise KgError(f"{where}: each role needs 'title' and 'of'")
        roles.append(
            Role(
                title=str(role["title"]).lower(),
                of=slug(str(role["of"])),
                start=_day(role.get("from"), where),
                end=_day(role.get("to"), where),
            )
        )
    return Entry(
        actor_id=slug(raw["name"]),
        name=raw["name"],
        kind=kind,
        wikidata=str(raw.get("wikidata") or ""),
        aliases=[str(a) for a in raw.get("aliases") or []],
        demonyms=[str(d) for d in raw.get("demonyms") or []],
        stands_for=slug(raw["stands_for"]) if raw.get("stands_for") else "",
        roles=roles,
        called=frozenset(str(c).lower() for c in raw.get("called") or []),
    )


def _day(value: object, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise KgError(f"{where}: {value!r} is not an ISO date") from exc
