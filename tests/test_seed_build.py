"""Issue 2's acceptance: the seed article becomes a graph a second parser accepts."""

from __future__ import annotations

import csv

import pyoxigraph as ox
import pytest

KG = "https://w3id.org/kg-news/ontology#"
PREFIXES = f"PREFIX kg: <{KG}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"

SIX_ACTORS = {
    "Donald Trump": "Q22686",
    "Vladimir Putin": "Q7747",
    "Volodymyr Zelensky": "Q3874799",
    "Kim Jong Un": "Q56226",
    "Mark Rutte": "Q57792",
    "Garry Kasparov": "Q28614",
}


def select(store: ox.Store, query: str) -> list[dict[str, str]]:
    solutions = store.query(PREFIXES + query)
    names = [v.value for v in solutions.variables]
    return [
        {name: (row[name].value if row[name] is not None else None) for name in names}
        for row in solutions
    ]


def test_build_writes_the_three_files(seed_exports):
    for name in ("kg.ttl", "graph.html", "relations.csv"):
        assert (seed_exports / name).stat().st_size > 0


def test_turtle_is_accepted_by_a_second_parser(seed_store):
    assert len(seed_store) > 100


def test_six_actors_are_linked_to_wikidata(seed_store):
    rows = select(
        seed_store,
        """SELECT ?label ?wd WHERE {
             ?a rdfs:label ?label ; <http://www.w3.org/2002/07/owl#sameAs> ?wd . }""",
    )
    linked = {row["label"]: row["wd"] for row in rows}
    for name, qid in SIX_ACTORS.items():
        assert linked.get(name) == f"http://www.wikidata.org/entity/{qid}", name


@pytest.mark.parametrize(
    ("subject", "relation", "obj", "dated"),
    [
        ("Donald Trump", "met", "Kim Jong Un", True),
        ("Donald Trump", "met", "Mark Rutte", True),
        ("Donald Trump", "criticized", "Volodymyr Zelensky", False),
        ("Donald Trump", "criticized", "Vladimir Putin", True),
        ("Donald Trump", "setDeadline", "Vladimir Putin", True),
    ],
)
def test_seed_relation_has_direct_triple_and_event(seed_store, subject, relation, obj, dated):
    direct = select(
        seed_store,
        f"""SELECT ?s WHERE {{ ?s rdfs:label "{subject}" ; kg:{relation} ?o .
                              ?o rdfs:label "{obj}" }}""",
    )
    assert direct, f"no direct triple {subject} {relation} {obj}"
    events = select(
        seed_store,
        f"""SELECT ?evidence ?date ?file ?start ?end WHERE {{
              ?e a kg:RelationEvent ; kg:relationType kg:{relation} ;
                 kg:subject/rdfs:label "{subject}" ; kg:object/rdfs:label "{obj}" ;
                 kg:evidence ?evidence ; kg:source ?doc ;
                 kg:startOffset ?start ; kg:endOffset ?end .
              ?doc kg:fileName ?file .
              OPTIONAL {{ ?e kg:date ?date }} }}""",
    )
    assert events
    for event in events:
        assert event["file"] == "000_fe4779ae45dedb0e.txt"
        assert len(event["evidence"]) > 20
    if dated:
        assert any(event["date"] for event in events), "the text gives a date"


def test_evidence_offsets_point_into_the_source_file(seed_exports):
    from tests.conftest import SEEDS

    source = (SEEDS / "000_fe4779ae45dedb0e.txt").read_text(encoding="utf-8")
    with open(seed_exports / "relations.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows
    for row in rows:
        assert source[int(row["start"]) : int(row["end"])] == row["evidence"]


def test_relations_csv_has_the_contract_columns(seed_exports):
    with open(seed_exports / "relations.csv", encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        rows = list(reader)
    for column in ("subject", "relation", "object", "date", "evidence", "source"):
        assert column in reader.fieldnames
    for column in ("confidence", "method", "event_id"):
        assert column in reader.fieldnames
    assert {row["source"] for row in rows} == {"000_fe4779ae45dedb0e.txt"}
    for row in rows:
        assert row["date"] == "" or row["date"][:4].isdigit()


def test_article_date_comes_from_the_scraped_header(seed_store):
    rows = select(
        seed_store,
        "SELECT ?date WHERE { ?d a kg:Document ; <http://purl.org/dc/terms/date> ?date }",
    )
    assert [r["date"] for r in rows] == ["2025-08-08"]
