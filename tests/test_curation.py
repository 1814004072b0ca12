"""kg.curation: an analyst's rejects, additions and merges, applied on every build.

The graphs come from the real pipeline on short articles written here (fictional people
and countries), so a curation is tested against what the extractor really makes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib import namespace as ns

from kg.curation import (
    ANALYST,
    CURATED,
    add_curation_provenance,
    apply_curation,
    curation_beside,
    load_curation,
)
from kg.errors import KgError
from kg.export import relations_csv, serialize_rdf
from kg.graph import from_graph, to_graph
from kg.ontology import relation_types
from kg.pipeline import BuildResult, build
from kg.render import render_page
from kg.validate import validate
from kg.vocab import KG, event_iri

TALKS = """---
title: Talks in Tunis
date: 2025-06-13
---
Norland's Prime Minister Ilkka Rantanen met Qaresh's President Leila Haddad in Tunis on \
Tuesday. Later the Norlandic prime minister praised Haddad. Elena Haddad, the opposition \
leader, accused Leila Haddad of betrayal. Norland criticised Qaresh on Monday.
"""
AFTERMATH = """---
title: Aftermath
date: 2025-06-20
---
Leila Haddad met Tomas Brenner in Tunis on Thursday. Layla Hadad criticised Elena Haddad on \
Friday. Ilkka Rantanen spoke with Leila Haddad by phone.
"""
EVIDENCE = "Norland criticised Qaresh on Monday."


def run_build(folder: Path) -> BuildResult:
    return build([folder / "talks.md", folder / "aftermath.md"])


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "talks.md").write_text(TALKS, encoding="utf-8")
    (folder / "aftermath.md").write_text(AFTERMATH, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(articles) -> BuildResult:
    return run_build(articles)


def curate(tmp_path: Path, text: str, built: BuildResult, warnings: list[str] | None = None):
    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    return apply_curation(
        load_curation(path), built.actors, built.events, built.documents, warnings
    )


def relations(actors, events) -> set[tuple[str, str, str]]:
    labels = {a.actor_id: a.label for a in actors}
    return {(labels[e.subject], e.relation, labels[e.object]) for e in events}


def test_the_articles_give_the_relations_the_tests_curate(built):
    found = relations(built.actors, built.events)
    assert ("Ilkka Rantanen", "praised", "Leila Haddad") in found
    assert ("Layla Hadad", "criticized", "Elena Haddad") in found
    assert ("Leila Haddad", "met", "Tomas Brenner") in found


def test_a_reject_survives_a_rebuild(tmp_path, articles, built):
    # Names are matched ignoring case.
    text = "reject:\n  - {subject: ilkka rantanen, relation: praised, object: LEILA HADDAD}\n"
    wrong = ("Ilkka Rantanen", "praised", "Leila Haddad")
    for result in (built, run_build(articles)):  # the first build, then a fresh one
        assert wrong in relations(result.actors, result.events)
        actors, events, _ = curate(tmp_path, text, result)
        assert wrong not in relations(actors, events)
        assert len(events) == len(result.events) - 1


def test_a_reject_of_a_symmetric_relation_matches_either_way_round(tmp_path, built):
    assert relation_types()["met"].symmetric
    text = "reject:\n  - {subject: Tomas Brenner, relation: met, object: Leila Haddad}\n"
    actors, events, _ = curate(tmp_path, text, built)
    assert ("Leila Haddad", "met", "Tomas Brenner") not in relations(actors, events)


def test_a_reject_with_a_source_only_drops_that_source(tmp_path, built):
    text = (
        "reject:\n"
        "  - {subject: Ilkka Rantanen, relation: met, object: Leila Haddad, source: other.md}\n"
    )
    warnings: list[str] = []
    actors, events, _ = curate(tmp_path, text, built, warnings)
    assert len(events) == len(built.events)
    assert warnings == [f"{tmp_path / 'curation.yaml'}:2: reject matches no relation"]


ADD = f"""add:
  - subject: Norland
    relation: sanctioned
    object: Qaresh
    date: 2025-06
    evidence: "{EVIDENCE}"
    source: talks.md
"""


def test_an_add_appears_in_graph_csv_and_page(tmp_path, built):
    actors, events, documents = curate(tmp_path, ADD, built)
    (added,) = [e for e in events if e.method == CURATED]
    assert (added.relation, added.confidence, added.date.value) == ("sanctioned", 1.0, "2025-06")
    assert added.date.precision == "month"
    # The evidence was found in the article, so the event points at its place.
    talks = next(d for d in built.documents if d.source == "talks.md")
    assert talks.text[added.start - talks.offset : added.end - talks.offset] == EVIDENCE

    graph = to_graph(documents, actors, events)
    add_curation_provenance(graph, events)
    node = event_iri(added.event_id)
    assert (node, KG.method, Literal(CURATED)) in graph
    assert (node, ns.PROV.wasAttributedTo, ANALYST) in graph
    assert (node, KG.curated, Literal(True)) in graph
    assert (node, KG.date, Literal("2025-06", datatype=ns.XSD.gYearMonth)) in graph
    assert validate(graph).conforms
    # The written file reads back with the same event.
    _, _, read_back = from_graph(Graph().parse(data=serialize_rdf(graph, "ttl"), format="turtle"))
    assert added in read_back

    rows = list(csv.DictReader(io.StringIO(relations_csv(actors, events).decode())))
    (row,) = [r for r in rows if r["method"] == CURATED]
    assert (row["subject"], row["relation"], row["object"]) == ("Norland", "sanctioned", "Qaresh")
    assert row["evidence"] == EVIDENCE

    page = render_page(actors, events, relation_types(), title="curated")
    assert EVIDENCE in page
    assert f'"m": "{CURATED}"' in page or f'"m":"{CURATED}"' in page


def test_an_add_outranks_the_machine_on_the_same_sentence(tmp_path, built):
    text = ADD.replace("sanctioned", "criticized").replace("2025-06", "2025")
    actors, events, _ = curate(tmp_path, text, built)
    same = [e for e in events if e.relation == "criticized" and e.evidence == EVIDENCE]
    assert [(e.method, e.date.value, e.date.precision) for e in same] == [(CURATED, "2025", "year")]


def test_an_add_may_create_an_actor_only_when_given_a_kind(tmp_path, built):
    text = """add:
  - subject: {name: Veldoria, kind: Country, wikidata: Q4242}
    relation: aided
    object: Norland
    evidence: Veldoria sent grain to Norland, a ministry report says.
    source: https://example.org/report
"""
    warnings: list[str] = []
    actors, events, documents = curate(tmp_path, text, built, warnings)
    veldoria = next(a for a in actors if a.actor_id == "veldoria")
    assert (veldoria.kind, veldoria.wikidata, veldoria.curated) == ("Country", "Q4242", True)
    (added,) = [e for e in events if e.method == CURATED]
    assert (added.start, added.end, added.source) == (-1, -1, "https://example.org/report")
    cited = documents[-1]
    assert (cited.source, cited.url, cited.doc_id) == (added.source, added.source, added.doc_id)
    assert warnings == []
    graph = to_graph(documents, actors, events)
    add_curation_provenance(graph, events)
    assert validate(graph).conforms
    _, _, read_back = from_graph(Graph().parse(data=serialize_rdf(graph, "ttl"), format="turtle"))
    assert added in read_back  # offsets of -1 included

    without_kind = text.replace("{name: Veldoria, kind: Country, wikidata: Q4242}", "Veldoria")
    with pytest.raises(KgError, match=r"curation\.yaml:2: no actor called 'Veldoria'"):
        curate(tmp_path, without_kind, built)


def test_a_merge_folds_two_actors_into_one_and_keeps_their_relations(tmp_path, built):
    text = "merge:\n  - into: Leila Haddad\n    from: [Layla Hadad]\n"
    actors, events, _ = curate(tmp_path, text, built)
    ids = {a.actor_id for a in actors}
    assert "layla-hadad" not in ids
    leila = next(a for a in actors if a.actor_id == "leila-haddad")
    assert "Layla Hadad" in leila.aliases
    found = relations(actors, events)
    assert ("Leila Haddad", "criticized", "Elena Haddad") in found  # moved from Layla Hadad
    assert ("Leila Haddad", "met", "Tomas Brenner") in found  # kept
    assert len(events) == len(built.events)
    # The original records are untouched.
    original = next(a for a in built.actors if a.actor_id == "leila-haddad")
    assert "Layla Hadad" not in original.aliases
    # Later entries may name the merged actor by its old name.
    text += "reject:\n  - {subject: Layla Hadad, relation: criticized, object: Elena Haddad}\n"
    actors, events, _ = curate(tmp_path, text, built)
    assert ("Leila Haddad", "criticized", "Elena Haddad") not in relations(actors, events)


def test_a_merge_of_both_ends_drops_the_relation_with_itself(tmp_path, built):
    text = "merge:\n  - {into: Elena Haddad, from: [Leila Haddad]}\n"
    actors, events, _ = curate(tmp_path, text, built)
    assert all(e.subject != e.object for e in events)
    assert ("Elena Haddad", "met", "Tomas Brenner") in relations(actors, events)


BAD_ENTRIES = [
    # (curation text, line of the problem, words of the message)
    ("reject:\n  - {subject: Norland, relation: hugged, object: Qaresh}\n", 2,
     "unknown relation 'hugged'"),
    ("reject:\n  - {subject: Norland, relation: met, object: Atlantis}\n", 2,
     "no actor called 'Atlantis'"),
    ("merge:\n  - {into: Leila Haddad, from: [Layla Hadad, Nobody Known]}\n", 2,
     "no actor called 'Nobody Known'"),
    ("add:\n  - {subject: Norland, relation: met, object: Atlantis, evidence: x, source: s}\n",
     2, "no actor called 'Atlantis'"),
    ("reject:\n  - subject: Norland\n    relation: met\n", 2, "reject entry lacks object"),
    ("reject:\n  - subject: Norland\n    relation: met\n    object: [Qaresh, Norland]\n", 4,
     "object must be text, not a list"),
    ("merge:\n  - {into: Leila Haddad, from: Layla Hadad}\n", 2,
     "from must be a list of names"),
    ("add:\n  - {subject: Norland, relation: met, object: Qaresh, evidence: x, source: s,\n"
     "     date: 2025-13-45}\n", 3, "date must be YYYY, YYYY-MM or YYYY-MM-DD"),
    ("reject:\n  - {subject: Norland, relation: met, objet: Qaresh}\n", 2, "unknown key 'objet'"),
    ("reject:\n  - Norland met Qaresh\n", 2, "each reject entry must be a mapping"),
    ("reject: {subject: Norland}\n", 1, "reject must be a list"),
    ("rejects:\n  - {subject: Norland, relation: met, object: Qaresh}\n", 1, "unknown section"),
]  # fmt: skip


GOOD_ENTRIES = (
    "merge:\n  - {into: Leila Haddad, from: [Layla Hadad]}\n"
    "reject:\n  - {subject: Ilkka Rantanen, relation: praised, object: Leila Haddad}\n" + ADD
)


@pytest.mark.parametrize(("text", "line", "message"), BAD_ENTRIES)
def test_a_bad_entry_is_refused_whole_with_file_and_line(tmp_path, built, text, line, message):
    curate(tmp_path, GOOD_ENTRIES, built)  # good on their own
    before = (repr(built.actors), repr(built.events), repr(built.documents))
    with pytest.raises(KgError) as caught:
        # The bad entry comes first, so its line number holds; the good ones follow.
        curate(tmp_path, text + GOOD_ENTRIES, built)
    path = tmp_path / "curation.yaml"
    assert f"{path}:{line}: {message}" in str(caught.value)
    assert (repr(built.actors), repr(built.events), repr(built.documents)) == before


def test_invalid_yaml_is_refused_with_file_and_line(tmp_path):
    path = tmp_path / "curation.yaml"
    path.write_text("reject:\n  - {subject: Norland, relation: met\n", encoding="utf-8")
    with pytest.raises(KgError, match=rf"{path}:3: not valid YAML"):
        load_curation(path)


def test_nothing_is_applied_when_a_later_entry_is_bad(tmp_path, built):
    text = (
        "merge:\n  - {into: Leila Haddad, from: [Layla Hadad]}\n"
        "reject:\n  - {subject: Ilkka Rantanen, relation: praised, object: Leila Haddad}\n"
        "  - {subject: Ilkka Rantanen, relation: praised, object: Atlantis}\n"
        "  - {subject: Ilkka Rantanen, relation: praised, object: El Dorado}\n"
    )
    before = (repr(built.actors), repr(built.events))
    with pytest.raises(KgError) as caught:
        curate(tmp_path, text, built)
    # Every problem is listed, each with its line.
    assert str(caught.value).splitlines() == [
        f"{tmp_path / 'curation.yaml'}:5: no actor called 'Atlantis'",
        f"{tmp_path / 'curation.yaml'}:6: no actor called 'El Dorado'",
    ]
    assert (repr(built.actors), repr(built.events)) == before


def test_an_empty_file_changes_nothing(tmp_path, built):
    actors, events, documents = curate(tmp_path, "# nothing yet\n", built)
    assert (actors, events, documents) == (built.actors, built.events, built.documents)


def test_a_missing_file_is_a_kg_error(tmp_path):
    with pytest.raises(KgError, match="cannot read curation file"):
        load_curation(tmp_path / "absent.yaml")


def test_a_source_folder_brings_its_curation_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert curation_beside([tmp_path / "a", tmp_path / "b" / "x.md"]) is None
    (tmp_path / "a" / "curation.yaml").write_text("reject: []\n", encoding="utf-8")
    assert curation_beside([tmp_path / "a", tmp_path / "b"]) == tmp_path / "a" / "curation.yaml"
    (tmp_path / "b" / "curation.yaml").write_text("reject: []\n", encoding="utf-8")
    with pytest.raises(KgError, match="several curation files"):
        curation_beside([tmp_path / "a", tmp_path / "b"])
