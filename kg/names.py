"""Which actor a person means when they type a name: one reading for every command."""

from __future__ import annotations

import difflib

from kg.errors import KgError
from kg.ids import slug
from kg.model import Actor


def match_actor(actors: list[Actor], name: str) -> list[str]:
    """Ids of the actors ``name`` means: by id, else label, else alias, else slug,
    ignoring case and runs of spaces.

    >>> aldoria = Actor("aldoria", "Aldoria", "Country", ["Republic of Aldoria"])
    >>> match_actor([aldoria], "republic of  ALDORIA"), match_actor([aldoria], "Borvia")
    (['aldoria'], [])
    """
    wanted = " ".join(name.split()).casefold()
    for names in (lambda a: [a.actor_id], lambda a: [a.label], lambda a: a.aliases):
        hits = sorted({a.actor_id for a in actors if wanted in (n.casefold() for n in names(a))})
        if hits:
            return hits
    return sorted({a.actor_id for a in actors if a.actor_id == slug(name)})


def find_actor(actors: list[Actor], name_or_id: str) -> str:
    """The one actor ``name_or_id`` means (see :func:`match_actor`).

    Raises
    ------
    KgError
        If nothing matches (with close labels as a hint), or a name fits several actors.

    Examples
    --------
    >>> find_actor([Actor("aldoria", "Aldoria", "Country")], "  ALDORIA ")
    'aldoria'
    """
    hits = match_actor(actors, name_or_id)
    if len(hits) > 1:
        raise KgError(f"{name_or_id!r} could mean any of: {', '.join(hits)}")
    if hits:
        return hits[0]
    close = difflib.get_close_matches(name_or_id, [a.label for a in actors], n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise KgError(f"no actor called {name_or_id!r}{hint}")
