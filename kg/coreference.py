"""Who each mention of one article means: names, surnames, roles, pronouns, pairs.

Names go through the gazetteer, then through the article's own full names (so "Ilkka"
and "Rantanen" find the person named in full before). Roles find who held the office
on the event's date. Pronouns (:mod:`kg.pronouns`) take the most salient earlier actor
of a fitting kind, never one inside a quotation they stand outside of. "The two
countries" are the two last named (:mod:`kg.groups`); unknown names get their kind from
:mod:`kg.kinds`.
"""

from __future__ import annotations

from kg.capitals import local_capitals
from kg.dates import to_date
from kg.evidence import quoted_tokens
from kg.gazetteer import Gazetteer
from kg.ids import slug
from kg.kinds import vote_kinds
from kg.mentions import Mention
from kg.model import Document, FuzzyDate
from kg.pronouns import Pronouns
from kg.spans import adjective_of

GENERIC_ONLY = {"president", "prime minister"}  # too common to resolve without a country


class DocState(Pronouns):
    """Who each mention of one document refers to."""

    def __init__(
        self, gazetteer: Gazetteer, document: Document, extracted, sentence_dates,
        speech_verbs: frozenset[str] = frozenset(),
        capital_words: frozenset[str] = frozenset(),
    ) -> None:  # fmt: skip
        self.gazetteer = gazetteer
        self.speech_verbs = speech_verbs
        self.document = document
        self.extracted = extracted
        self.sentence_dates = sentence_dates
        self.article_day = to_date(document.date) if document.date else None
        self.local_names: dict[str, tuple[str, str]] = {}  # actor_id -> (label, kind)
        self.full_names: list[tuple[str, str]] = []  # (name, actor_id) in reading order
        self.local_roles: list[tuple[frozenset[str], str, str]] = []  # titles, of, actor
        self.kinds, self.country_names = vote_kinds(extracted.mentions, gazetteer)
        self.history: list[tuple[Mention, str]] = []  # resolved single-actor mentions
        self.grouped: set[int] = set()  # "they" that names the bodies just named
        self.quoted = quoted_tokens(extracted.doc)
        self.adjective_bases: dict[str, bool] = {}
        self.capitals = local_capitals(
            extracted.doc, extracted.mentions, extracted.token_mentions, capital_words
        )

    def assign(self) -> dict[int, list[str]]:
        who: dict[int, list[str]] = {}
        history = self.history
        for mention in self.extracted.mentions:
            actors = self._actors_for(mention, who, history)
            if actors:
                who[mention.index] = actors
                if len(actors) == 1:
                    history.append((mention, actors[0]))
        return who

    def _actors_for(self, mention: Mention, who, history) -> list[str]:
        if mention.form in ("name", "demonym"):
            actor_id = self._name(mention)
            return [actor_id] if actor_id else []
        if mention.form == "role":
            return self._role(mention, who, history)
        if mention.form == "plural":
            if mention.extra.get("of") == "Country":
                return self._recent_countries(mention, history)
            return self._recent_people(mention, history, include_sentence=True)
        return self._pronoun(mention, history)

    def _name(self, mention: Mention) -> str:
        if mention.gazetteer_id:
            self._remember_full_name(mention.text, mention.gazetteer_id)
            return mention.gazetteer_id
        text = mention.text
        if mention.form == "demonym":
            return self._demonym_country(text)
        if text in self.capitals:
            return self._name(self.extracted.mentions[self.capitals[text]])
        words = text.split()
        if len(words) == 1:
            # A first name or surname of someone the article named in full, or the
            # initials of a name: "the Baloch Liberation Army, or BLA".
            for name, actor_id in reversed(self.full_names):
                parts = name.split()
                if len(parts) < 2:
                    continue
                # A first name or surname, or a body's initials; but a country the
                # article names is not a body's last word: "Niamara" after "Radio Niamara".
                part = text in (parts[0], parts[-1])
                if part and self._kind(actor_id) != "Person" and self._has_adjective(text):
                    continue
                if part or text == _initials(parts):
                    return actor_id
        actor_id = slug(text)
        if actor_id in self.gazetteer.entries:
            return actor_id
        if len(words) == 1 and (self.kinds.get(actor_id) == "Country" or self._adjective(text)):
            # "Valmoran trawlers" tagged as a place is Valmora's, when Valmora is named.
            country = self._demonym_country(text)
            if country and len(country) < len(actor_id):
                return country
        self.local_names.setdefault(actor_id, (text, self.kinds.get(actor_id, "Organisation")))
        self._remember_full_name(text, actor_id)
        if mention.title_words:
            of = self._nearby_country(mention)
            self.local_roles.append((frozenset(mention.title_words), of, actor_id))
        return actor_id

    def _adjective(self, word: str) -> bool:
        """Whether ``word`` is the adjective of a country the article or gazetteer names."""
        initial = word[:1].lower()
        return any(
            adjective_of(word, name) for name in self.country_names if name[:1].lower() == initial
        )

    def _has_adjective(self, name: str) -> bool:
        """Whether the article uses an adjective of ``name``: "Niamaran" for Niamara."""
        if name not in self.adjective_bases:
            self.adjective_bases[name] = any(
                adjective_of(m.text, name) for m in self.extracted.mentions if m.text != name
            )
        return self.adjective_bases[name]

    def _demonym_country(self, demonym: str) -> str:
        """ "Drevnian" means the Drevnia the article names: the longest name it starts with."""
        word = demonym.lower()
        best = ""
        for name in self.country_names:
            stem = name.lower()[: max(4, len(name) - 1)]
            # The model sometimes tags the adjective itself as a place: not its own country.
            if word.startswith(stem) and len(name) > len(best) and name.lower() != word:
                best = name
        if best and slug(best) not in self.gazetteer.entries:
            # The adjective may come before the name does: "Niamaran troops ... Niamara".
            self.local_names.setdefault(slug(best), (best, "Country"))
        return slug(best) if best else ""

    def _remember_full_name(self, text: str, actor_id: str) -> None:
        if len(text.split()) > 1:
            self.full_names.append((text, actor_id))
        entry = self.gazetteer.entries.get(actor_id)
        if entry is not None and len(entry.name.split()) > 1:
            self.full_names.append((entry.name, actor_id))

    def _nearby_country(self, mention: Mention) -> str:
        for other in reversed(self.extracted.mentions[: mention.index]):
            if other.sent != mention.sent or other.end < mention.start - 5:
                break
            owner = self.extracted.doc[other.head].dep_ == "poss"  # "Tamsar's foreign minister"
            if other.form == "demonym" or (
                other.form == "name"
                and (owner or self.kinds.get(slug(other.text), other.kind) == "Country")
            ):
                return self.gazetteer.principal(self._name(other))
        # "the spokesperson for Pakistan's foreign ministry, Ambassador Shafqat Ali Khan":
        # the country of the role the name stands beside.
        root = self.extracted.doc[mention.head]
        if root.dep_ in ("appos", "conj") and root.head.i < mention.start:
            role = {t.i for t in root.head.subtree if t.i < mention.start}
            for other in self.extracted.mentions[: mention.index]:
                owner = self.extracted.doc[other.head].dep_ == "poss"
                if other.head in role and (owner or other.form == "demonym"):
                    return self.gazetteer.principal(self._name(other))
        return ""

    def _role(self, mention: Mention, who, history) -> list[str]:
        of = ""
        if mention.of_mention >= 0 and who.get(mention.of_mention):
            of = self.gazetteer.principal(who[mention.of_mention][0])
        day = self.sentence_dates.get(mention.sent, self.article_day)
        holders = self.gazetteer.holders(set(mention.titles), of or None, day)
        holders += [a for t, o, a in self.local_roles if t & mention.titles and (not of or o == of)]
        if not of:
            # "the pontiff" has one holder; "the president" alone means the one the
            # article spoke of last.
            if len(set(holders)) == 1 and not mention.titles & GENERIC_ONLY:
                return holders[:1]
            recent = [a for m, a in reversed(history) if a in holders]
            return recent[:1]
        if len(set(holders)) == 1:
            return holders[:1]
        recent = [a for m, a in reversed(history) if a in holders]
        return recent[:1]

    def countries_of(self, actor_id: str, date: FuzzyDate | None) -> set[str]:
        """What a person holds office in, from the gazetteer and the article's titles."""
        day = to_date(date) if date else self.article_day
        entry = self.gazetteer.entries.get(actor_id)
        held = {r.of for r in entry.roles if r.held_on(day)} if entry else set()
        held |= {of for _, of, a in self.local_roles if a == actor_id and of}
        return held

    def _kind(self, actor_id: str) -> str:
        entry = self.gazetteer.entries.get(actor_id)
        if entry is not None:
            return entry.kind
        return self.local_names.get(actor_id, ("", "Organisation"))[1]

    def bodies_of(self, subjects, speaking_for: list[int], date: FuzzyDate | None):
        """A spokesperson's "we" is the country they hold office for, where that is known."""
        found = []
        for actor_id, index in subjects:
            held = sorted(self.countries_of(actor_id, date)) if index in speaking_for else []
            found.append((held[0], index) if len(held) == 1 else (actor_id, index))
        return found

    def other_than_subject(self, objects, subjects):
        """ "Tarsby rejected its offer": a pronoun object is not its own subject."""
        taken = {self.gazetteer.principal(a) for a, _ in subjects}
        kept = []
        for actor_id, index in objects:
            mention = self.extracted.mentions[index]
            if self.gazetteer.principal(actor_id) not in taken:
                kept.append((actor_id, index))
            elif mention.form == "pronoun":
                kept += [(a, index) for a in self._pronoun(mention, self.history, taken)]
            elif mention.form == "plural" and mention.extra.get("of") == "Country":
                # "Tarsby called on both sides": sides other than Tarsby.
                kept += [(a, index) for a in self._recent_countries(mention, self.history, taken)]
            else:
                kept.append((actor_id, index))
        return _unique_pairs(kept)


def _unique_pairs(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return list(dict.fromkeys(pairs))


def _initials(words: list[str]) -> str:
    """ "Baloch Liberation Army" -> "BLA"; lower-case words ("of", "the") do not count."""
    return "".join(w[0] for w in words if w[:1].isupper())
