"""Find the places in a parsed article that name or point at an actor.

A mention is a name (gazetteer form or NER entity), a role ("the Norlandic leader"),
a pronoun, a nationality adjective, or a plural reference ("the two leaders").
Which actor each one means is decided later, in :mod:`kg.resolve`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.gazetteer import Gazetteer
from kg.joins import join_split_names
from kg.lexicon import Lexicon
from kg.spans import (
    ACTOR_LABELS,
    adjective_of,
    cut_at_title,
    dateline_tokens,
    is_weather,
    named_around,
    names_a_place,
    settle_forms,
    split_pairs,
    storm_names,
    titled_names,
    trim,
)
from kg.titles import Titles

PRONOUN_KINDS = {
    "he": "Person", "him": "Person", "his": "Person", "himself": "Person",
    "she": "Person", "her": "Person", "hers": "Person", "herself": "Person",
    "it": "Thing", "its": "Thing", "itself": "Thing",
    "they": "Plural", "them": "Plural", "their": "Plural", "themselves": "Plural",
    "who": "Relative", "whom": "Relative", "whose": "Relative", "which": "Relative",
}  # fmt: skip
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


@dataclass
class Mention:
    index: int
    start: int  # token span [start, end)
    end: int
    sent: int
    text: str
    form: str  # name | role | pronoun | plural | demonym
    kind: str  # Person | Country | Organisation | Thing | Plural | Relative | ""
    gazetteer_id: str = ""
    is_subject: bool = False
    main_subject: bool = False  # subject of the sentence's main verb: most salient
    titles: frozenset[str] = frozenset()  # for roles
    of_mention: int = -1  # for roles: the mention naming the country, if any
    title_words: tuple[str, ...] = ()  # for names: "Prime Minister" before the name
    head: int = -1
    extra: dict[str, str] = field(default_factory=dict)


class MentionFinder(Titles):
    """Builds, once per gazetteer, the matchers that find mentions in a Doc."""

    def __init__(self, nlp, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.forms = gazetteer.names()
        self.make_doc = nlp.make_doc
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for form, actor_id in sorted(self.forms.items()):
            self.matcher.add(actor_id, [nlp.make_doc(form)])
        self.plural_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.plural_matcher.add("PLURAL", [nlp.make_doc(p) for p in lexicon.plural_references])
        self.plural_matcher.add(
            "COUNTRIES", [nlp.make_doc(p) for p in lexicon.plural_country_references]
        )
        self.title_words = sorted(lexicon.titles, key=lambda w: -len(w.split()))
        # "bloc", "alliance": the nouns any gazetteer body is referred back to by.
        self.called_words = {w for entry in gazetteer.entries.values() for w in entry.called}
        # Words only a person is named by: roles, honorifics and titles.
        self.person_words = lexicon.person_roles | lexicon.honorifics | set(lexicon.titles)

    def find(self, doc: Doc) -> tuple[list[Mention], dict[int, int]]:
        """Every mention in document order, and a map token index -> mention index."""
        sent_of = {}
        for number, sent in enumerate(doc.sents):
            for token in sent:
                sent_of[token.i] = number
        spans = self._name_spans(doc)
        mentions: list[Mention] = []
        taken: dict[int, int] = {}

        def add(mention: Mention) -> None:
            mention.index = len(mentions)
            mentions.append(mention)
            for i in range(mention.start, mention.end):
                taken[i] = mention.index

        for span, label, actor_id in spans:
            kind = ACTOR_LABELS.get(label, "")
            titles = self._titles_before(span)
            form = "name"
            extra = {}
            if not actor_id and len(span) > 1 and (titles or self._beside_person_role(span)):
                kind = "Person"  # "Karvia's President Anouk Verhal", whatever the label
            if actor_id:
                entry = self.gazetteer.entries[actor_id]
                kind = entry.kind
                if entry.stands_for:
                    extra["stands_for"] = entry.stands_for
                if span.text in entry.demonyms:
                    form = "demonym"
            elif label == "NORP":
                form = "demonym"  # resolved later against the countries the article names
            add(
                Mention(
                    index=0, start=span.start, end=span.end, sent=sent_of[span.start],
                    text=span.text, form=form, kind=kind, gazetteer_id=actor_id,
                    is_subject=span.root.dep_ in SUBJECT_DEPS, head=span.root.i,
                    title_words=titles, extra=extra,
                )
            )  # fmt: skip
        bases, adjectives = settle_forms(doc, mentions)
        filed = dateline_tokens(doc)  # "SAN CRISTOBAL DE VALDORIA, Nov. 26 (EFE) -"
        for token in doc:
            if token.i in taken or not token.text[:1].isupper() or token.pos_ == "VERB":
                continue
            if token.i in filed:
                continue
            if any(adjective_of(token.text, base) for base in bases):
                form, kind = "demonym", ""
            elif token.pos_ in ("PROPN", "NOUN") and any(
                adjective_of(a, token.text) for a in adjectives
            ):
                form, kind = "name", "Country"
            else:
                continue
            add(
                Mention(
                    index=0, start=token.i, end=token.i + 1, sent=sent_of[token.i],
                    text=token.text, form=form, kind=kind,
                    is_subject=token.dep_ in SUBJECT_DEPS, head=token.i,
                )
            )  # fmt: skip
        for match_id, start, end in self.plural_matcher(doc):
            if any(i in taken for i in range(start, end)):
                continue
            span = doc[start:end]
            of = "Country" if doc.vocab.strings[match_id] == "COUNTRIES" else "Person"
            add(
                Mention(
                    index=0, start=start, end=end, sent=sent_of[start], text=span.text,
                    form="plural", kind="Plural", is_subject=span.root.dep_ in SUBJECT_DEPS,
                    head=span.root.i, extra={"of": of},
                )
            )  # fmt: skip
        organisations = [
            m for m in mentions if m.kind == "Organisation" and len(m.text.split()) > 1
        ]
        for token in doc:
            if token.i in taken:
                continue
            # "the union" after "the Sorvanian Students' Union" names that organisation.
            earlier = [
                m
                for m in (organisations if token.pos_ == "NOUN" else ())
                if m.start < token.i and m.text.split()[-1].lower() == token.lower_
            ]
            # "the bloc" after "the European Union": what the gazetteer says it is called.
            if token.pos_ == "NOUN" and token.lower_ in self.called_words:
                called = self.gazetteer.called
                so_called = [m for m in mentions if m.start < token.i and token.lower_ in called(m)]
                earlier += so_called[-1:]  # the last named: "the bloc" after two blocs
            if token.pos_ == "NOUN" and token.lower_ in self.lexicon.body_references:
                earlier += [m for m in mentions if m.start < token.i and self._body(m)][-1:]
            # Only the bare noun: "the separatist group" need not be the one named.
            bare = [c.lower_ for c in token.children if c.dep_ != "case"] == ["the"]
            if earlier and token.pos_ == "NOUN" and bare:
                first = earlier[0]  # the first named is the one the story is about
                add(
                    Mention(
                        index=0, start=token.i, end=token.i + 1, sent=sent_of[token.i],
                        text=first.text, form="name", kind="Organisation",
                        gazetteer_id=first.gazetteer_id,
                        is_subject=token.dep_ in SUBJECT_DEPS, head=token.i,
                    )
                )  # fmt: skip
                continue
            role = self._role(token, taken)
            if role is not None:
                titles, of_index, start = role
                add(
                    Mention(
                        index=0, start=start, end=token.i + 1, sent=sent_of[token.i],
                        text=doc[start : token.i + 1].text, form="role", kind="Person",
                        titles=titles, of_mention=of_index,
                        is_subject=token.dep_ in SUBJECT_DEPS, head=token.i,
                    )
                )  # fmt: skip
            elif token.pos_ == "PRON" and token.lower_ in PRONOUN_KINDS:
                add(
                    Mention(
                        index=0, start=token.i, end=token.i + 1, sent=sent_of[token.i],
                        text=token.text, form="pronoun", kind=PRONOUN_KINDS[token.lower_],
                        is_subject=token.dep_ in SUBJECT_DEPS, head=token.i,
                    )
                )  # fmt: skip
        for mention in mentions:
            root = doc[mention.head]
            # "Sorvania's ombudsman, Irena Kask, said": the apposition is the subject too.
            if root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS:
                mention.is_subject = True
                root = root.head
            # "Almundia's defence ministry said": the owner of an acting office acts.
            owned = root.head.lemma_.lower() in self.lexicon.state_nouns
            if root.dep_ == "poss" and root.head.dep_ in SUBJECT_DEPS and owned:
                mention.is_subject = True
                root = root.head
            mention.main_subject = mention.is_subject and root.head.dep_ == "ROOT"
        mentions.sort(key=lambda m: m.start)
        renumber = {m.index: n for n, m in enumerate(mentions)}
        for n, mention in enumerate(mentions):
            mention.index = n
            if mention.of_mention >= 0:
                mention.of_mention = renumber[mention.of_mention]
        token_map = {i: renumber[m] for i, m in taken.items()}
        return mentions, token_map

    def _body(self, mention: Mention) -> bool:
        """A named organisation that is no organ of a state."""
        if mention.kind != "Organisation" or mention.form != "name":
            return False
        if "stands_for" in mention.extra:
            return False
        if " " not in mention.text and not mention.gazetteer_id:
            return False  # a one-word name the model calls a body is as often a place
        return mention.text.split()[-1].lower() not in self.lexicon.organ_words

    def _name_spans(self, doc: Doc) -> list[tuple[Span, str, str]]:
        """Gazetteer matches first (they correct NER), then NER entities they leave free."""
        found: list[tuple[Span, str, str]] = []
        matches = sorted(self.matcher(doc), key=lambda m: (-(m[2] - m[1]), m[1]))
        used: set[int] = set()
        # "the European Commission", "the Russian Orthodox Church": a body named with a
        # nationality is the body, not the nation its adjective names; but "the Interim
        # Afghan Government" and "the Russian Foreign Ministry" are the state's own.
        state = self.lexicon.state_nouns
        # Each read of doc.ents builds the spans anew; names the model split are joined.
        ents = join_split_names(doc, list(doc.ents), self.lexicon)
        in_names = {
            i
            for e in ents
            if e.label_ == "PERSON" and len(e) > 1 and not any(t.tag_ == "POS" for t in e)
            for i in range(e.start, e.end)
        }
        bodies = [
            e
            for e in ents
            if e.label_ == "ORG" and len(e) > 1 and not any(t.lemma_.lower() in state for t in e)
        ]
        for match_id, start, end in matches:
            if any(i in used for i in range(start, end)):
                continue
            span = doc[start:end]
            if span.text.islower() and not span.text.isupper():
                continue
            entry = self.gazetteer.entries[doc.vocab.strings[match_id]]
            inside = any(e.start <= start and end < e.end for e in bodies)
            if inside and span.text in entry.demonyms:
                continue
            # "the Karvian Social Democratic Party" is not the Democratic Party.
            if any(named_around(e, start, end, self.lexicon.body_words) for e in bodies):
                continue
            # "Jim Jordan", "Chad Wolf": a one-word country inside a person's name.
            if entry.kind == "Country" and end - start == 1 and start in in_names:
                continue
            used.update(range(start, end))
            found.append((span, "GAZ", doc.vocab.strings[match_id]))
        entities: dict[str, str] = {}
        # The model may take a full name for a place or a building ("Prakash Deshmane" as
        # FAC) and still know the surname for a person's elsewhere: the name is a person's.
        surnames = {e.text for e in ents if e.label_ == "PERSON" and len(e) == 1}
        lexicon = self.lexicon
        storms = storm_names(doc, lexicon.weather_words)
        for ent in ents:
            label = ent.label_
            if all(t.lower_ in storms or is_weather(t, lexicon.weather_words) for t in ent):
                continue
            named = all(t.pos_ == "PROPN" for t in ent) and ent[-1].text in surnames
            if label not in ACTOR_LABELS and 1 < len(ent) <= 4 and named:
                label = "PERSON"
            if label not in ACTOR_LABELS:
                continue
            if label != "GPE" and names_a_place(ent, lexicon.place_nouns):
                continue
            # "defence ministry" in lower case is a description, not a name.
            if not any(c.isupper() for c in ent.text):
                continue
            ent, cut = cut_at_title(ent, self.title_words)
            if cut and len(ent) == 1:
                label = "NORP"  # "Lunavian" before "Foreign Minister"
            trimmed = trim(ent, lexicon.body_words, lexicon.honorifics, lexicon.people_nouns)
            for span in split_pairs(trimmed, label) if trimmed is not None else []:
                if any(i in used for i in range(span.start, span.end)):
                    continue
                used.update(range(span.start, span.end))
                found.append((span, label, ""))
                entities.setdefault(span.text, label)
        for span in titled_names(doc, self.title_words, used):
            used.update(range(span.start, span.end))
            found.append((span, "PERSON", ""))
            entities.setdefault(span.text, "PERSON")
        # The model finds a name in one sentence and misses it in the next: every
        # occurrence of a name it found somewhere is a mention.
        local = PhraseMatcher(doc.vocab, attr="ORTH")
        for text, label in entities.items():
            if text[:1].isupper():
                local.add(label, [self.make_doc(text)])
            # ... and so is the surname of a person it found in full: "Rantanen tweeted".
            words = text.split()
            if label == "PERSON" and len(words) > 1 and words[-1][:1].isupper():
                local.add(label, [self.make_doc(words[-1])])
        for match_id, start, end in sorted(local(doc), key=lambda m: (-(m[2] - m[1]), m[1])):
            if any(i in used for i in range(start, end)):
                continue
            used.update(range(start, end))
            found.append((doc[start:end], doc.vocab.strings[match_id], ""))
        found.sort(key=lambda item: item[0].start)
        filed = dateline_tokens(doc)
        return [item for item in found if not filed & set(range(item[0].start, item[0].end))]
