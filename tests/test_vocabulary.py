"""The vocabulary is data: complete, consistent, and not repeated in code."""

from __future__ import annotations

import re

import pytest
import yaml
from rdflib import Graph

from kg.errors import KgError
from kg.gazetteer import load_gazetteer
from kg.lexicon import load_lexicon
from kg.ontology import relation_types
from kg.vocab import KG
from tests.conftest import ROOT

ISSUE_VOCABULARY = {
    "met": ("CONSULT", 1.0), "spokeWith": ("CONSULT", 1.0), "mediated": ("CONSULT", 5.0),
    "agreedToMeet": ("AGREE", 4.0), "agreed": ("AGREE", 4.0), "praised": ("SUPPORT", 3.4),
    "supported": ("SUPPORT", 3.5), "signedAgreement": ("SUPPORT", 8.0),
    "cooperated": ("COOPERATE", 6.0), "aided": ("AID", 7.0), "conceded": ("CONCEDE", 5.0),
    "retreated": ("RETREAT", 7.0), "demanded": ("REQUEST", -5.0),
    "criticized": ("ACCUSE", -2.0), "accused": ("ACCUSE", -2.0),
    "investigated": ("ACCUSE", -2.0), "rejected": ("REJECT", -4.0),
    "threatened": ("THREATEN", -4.4), "setDeadline": ("THREATEN", -7.0),
    "protested": ("PROTEST", -6.5), "sanctioned": ("SANCTION", -8.0),
    "mobilized": ("MOBILIZE", -7.2), "coerced": ("COERCE", -7.0), "attacked": ("ASSAULT", -10.0),
}  # fmt: skip


def test_every_relation_type_is_in_the_ontology():
    types = relation_types()
    assert set(types) == set(ISSUE_VOCABULARY)
    for name, (plover, goldstein) in ISSUE_VOCABULARY.items():
        assert (types[name].plover, types[name].goldstein) == (plover, goldstein), name


def test_every_relation_has_triggers():
    lexicon = load_lexicon()
    covered = {t.relation for ts in lexicon.verb_triggers.values() for t in ts}
    assert covered == set(relation_types())


def test_closed_namespace_terms_are_defined_in_the_ontology():
    ontology = Graph().parse(ROOT / "ontology" / "kg.ttl")
    defined = {str(s) for s in ontology.subjects()}
    for name in KG.__annotations__:
        assert str(KG[name]) in defined, name
    with pytest.raises(AttributeError):
        _ = KG.metWith


def test_gazetteer_covers_the_seed_actors():
    entries = load_gazetteer().entries
    for actor_id, qid in {
        "donald-trump": "Q22686", "vladimir-putin": "Q7747", "volodymyr-zelensky": "Q3874799",
        "kim-jong-un": "Q56226", "mark-rutte": "Q57792", "garry-kasparov": "Q28614",
    }.items():  # fmt: skip
        assert entries[actor_id].wikidata == qid
    for actor_id in ("kremlin", "white-house", "nato", "russia", "ukraine", "united-states"):
        assert actor_id in entries


def test_no_fact_of_an_article_is_written_into_code():
    """Names of actors and relation types live in data files, never in kg/*.py."""
    data = yaml.safe_load((ROOT / "seeds" / "actors.yaml").read_text())
    words = {w for a in data["actors"] for w in [a["name"], *a.get("aliases", [])] if len(w) > 3}
    words |= set(relation_types())
    code = {p.name: p.read_text() for p in (ROOT / "kg").rglob("*.py")}
    for name, text in code.items():
        for word in words:
            assert not re.search(rf"[\"'`]{re.escape(word)}[\"'`]", text), f"{word!r} in kg/{name}"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("  - {name: Tarsby, kind: Place}\n", "needs 'stands_for'"),
        ("  - {name: Tarsby, kind: Village, stands_for: Norland}\n", "kind must be one of"),
    ],
)
def test_a_bad_place_is_refused_with_its_entry(tmp_path, entry, message):
    path = tmp_path / "actors.yaml"
    path.write_text(f"actors:\n  - {{name: Norland, kind: Country}}\n{entry}", encoding="utf-8")
    with pytest.raises(KgError, match=message):
        load_gazetteer(path)


def test_place_relations_must_be_relation_types(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("place_relations: [bombarded]\nactors: []\n", encoding="utf-8")
    with pytest.raises(KgError, match="unknown relations: bombarded"):
        load_gazetteer(path)


def test_a_lexicon_list_of_relations_refuses_a_misspelt_one(tmp_path, monkeypatch):
    import kg.lexicon as lexicon_module

    text = (ROOT / "ontology" / "triggers.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "triggers.yaml"
    bad.write_text(text.replace("mutual_relations: [met,", "mutual_relations: [meet,"))
    assert bad.read_text() != text

    def where(name: str):
        return bad if name == "triggers.yaml" else ROOT / "ontology" / name

    monkeypatch.setattr(lexicon_module, "ontology_path", where)
    lexicon_module.load_lexicon.cache_clear()
    try:
        with pytest.raises(KgError, match="unknown relation 'meet'"):
            lexicon_module.load_lexicon()
    finally:
        lexicon_module.load_lexicon.cache_clear()
