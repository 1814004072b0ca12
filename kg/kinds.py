"""The kind of each name the gazetteer does not know: person, country or body.

The small model's labels for an invented name vary from one sentence to the next, so
the article votes; a name one of the article's nationality adjectives derives from is a
country whatever the votes say.
"""

from __future__ import annotations

from collections import Counter

from kg.gazetteer import Gazetteer
from kg.ids import slug
from kg.mentions import Mention
from kg.spans import adjective_of


def vote_kinds(mentions: list[Mention], gazetteer: Gazetteer) -> tuple[dict[str, str], list[str]]:
    """The kind of each unknown name by majority of its NER labels in the article.

    A name that a nationality adjective derives from ("Drevnia" for "Drevnian") is a
    country whatever the model said of it.
    """
    votes: dict[str, Counter] = {}
    names: dict[str, str] = {}
    for mention in mentions:
        if mention.form == "name" and not mention.gazetteer_id and mention.kind:
            actor_id = slug(mention.text)
            votes.setdefault(actor_id, Counter())[mention.kind] += 1
            names.setdefault(actor_id, mention.text)
    demonyms = [m.text.lower() for m in mentions if m.form == "demonym" and not m.gazetteer_id]
    # The model tags some adjectives as places or bodies ("Valmoran trawlers", "Qareshi
    # soldiers"): they count too.
    single = {m.text for m in mentions if m.form == "name" and " " not in m.text}
    demonyms += [
        m.text.lower()
        for m in mentions
        if m.form == "name"
        and not m.gazetteer_id
        and " " not in m.text
        and (m.kind == "Country" or any(adjective_of(m.text, base) for base in single))
    ]
    kinds = {}
    for actor_id, counter in votes.items():
        name = names[actor_id].lower()
        stem = name[: max(4, len(name) - 1)]
        if len(name.split()) == 1 and any(d.startswith(stem) for d in demonyms):
            kinds[actor_id] = "Country"
        else:
            kinds[actor_id] = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    countries = [names[a] for a, kind in kinds.items() if kind == "Country"]
    countries += [e.name for e in gazetteer.entries.values() if e.kind == "Country"]
    return kinds, countries
