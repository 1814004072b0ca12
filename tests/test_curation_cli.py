"""The analyst's loop through the command line: curate, rebuild, validate, explain."""

from __future__ import annotations

import csv

import yaml
from rdflib import Graph, URIRef

from kg.cli import main
from tests.conftest import SEEDS

SEED = "000_fe4779ae45dedb0e.txt"


def build(runner, tmp_path, curation: dict | None, name: str = "out"):
    args = ["build", str(SEEDS), "--out", str(tmp_path / name)]
    if curation is not None:
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(curation, allow_unicode=True))
        args += ["--curation", str(path)]
    result = runner.invoke(main, args)
    return result, tmp_path / name


def rows(out) -> list[dict]:
    with open(out / "relations.csv", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_seed_curation_file_is_applied_and_empty_by_default(runner, tmp_path, seed_exports):
    assert (SEEDS / "curation.yaml").exists()
    assert rows(seed_exports)  # the seed build went through curation and validation


def test_reject_add_and_merge_through_build(runner, tmp_path):
    curation = {
        "reject": [{"subject": "Donald Trump", "relation": "praised", "object": "Vladimir Putin"}],
        "add": [
            {
                "subject": "Garry Kasparov",
                "relation": "criticized",
                "object": "Vladimir Putin",
                "date": "2025-08",
                "evidence": "It’s a process of normalising and elevating [Putin]",
                "source": SEED,
            }
        ],
        # A mechanism test, not a claim: fold the state into its leader.
        "merge": [{"into": "Vladimir Putin", "from": ["Russia"]}],
    }
    result, out = build(runner, tmp_path, curation)
    assert result.exit_code == 0, result.output
    relations = rows(out)
    triples = {(r["subject"], r["relation"], r["object"]) for r in relations}
    assert ("Donald Trump", "praised", "Vladimir Putin") not in triples
    assert "Russia" not in {r["subject"] for r in relations} | {r["object"] for r in relations}
    attacks = [r for r in relations if r["relation"] == "attacked"]
    assert len(attacks) == 3 and {r["subject"] for r in attacks} == {"Vladimir Putin"}
    added = [r for r in relations if r["subject"] == "Garry Kasparov"]
    assert [r["method"] for r in added] == ["curated"]
    graph = Graph().parse(out / "kg.ttl")
    prov = URIRef("http://www.w3.org/ns/prov#wasAttributedTo")
    assert len(list(graph.subject_objects(prov))) == 1
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "normalising and elevating" in page and "curated" in page
    # Rebuilding with the same file gives the same bytes: the reject survives.
    again, out2 = build(runner, tmp_path, curation, name="again")
    assert again.exit_code == 0
    assert (out / "kg.ttl").read_bytes() == (out2 / "kg.ttl").read_bytes()


def test_bad_curation_is_refused_whole_and_writes_nothing(runner, tmp_path):
    curation = {
        "reject": [{"subject": "Donald Trump", "relation": "praised", "object": "Vladimir Putin"}],
        "add": [{"subject": "Nobody Atall", "relation": "metWith", "object": "Russia",
                 "evidence": "x", "source": SEED}],
    }  # fmt: skip
    result, out = build(runner, tmp_path, curation)
    assert result.exit_code == 1
    assert "Error: " in result.output and "out.yaml:" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_build_that_fails_validation_writes_nothing(runner, tmp_path, monkeypatch):
    """Fault injection: a second subject on one event must stop the build."""
    import kg.curation

    original = kg.curation.add_curation_provenance

    def corrupt(graph, events):
        original(graph, events)
        from kg.vocab import KG, actor_iri, event_iri

        graph.add((event_iri(events[0].event_id), KG.subject, actor_iri("someone-else")))

    monkeypatch.setattr(kg.curation, "add_curation_provenance", corrupt)
    result, out = build(runner, tmp_path, None)
    assert result.exit_code == 1
    assert "fails validation" in result.output
    assert not out.exists()


def test_validate_and_explain_commands(runner, seed_exports, tmp_path):
    ok = runner.invoke(main, ["validate", str(seed_exports / "kg.ttl")])
    assert ok.exit_code == 0 and "conforms" in ok.output
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        (seed_exports / "kg.ttl").read_text(encoding="utf-8")
        + "\n<https://w3id.org/kg-news/id/actor/x> a <https://w3id.org/kg-news/ontology#Person> .\n"
    )
    bad = runner.invoke(main, ["validate", str(broken)])
    assert bad.exit_code == 1 and "Error: " in bad.output
    explained = runner.invoke(
        main, ["explain", "Donald Trump", "Kim Jong Un", "--graph", str(seed_exports / "kg.ttl")]
    )
    assert explained.exit_code == 0
    lines = explained.output.splitlines()
    assert lines[2].startswith("2018") and lines[3].startswith("2019")


def test_review_yaml_pastes_into_a_curation_file(runner, seed_exports, tmp_path):
    result = runner.invoke(
        main, ["review", "--graph", str(seed_exports / "kg.ttl"), "--format", "yaml"]
    )
    assert result.exit_code == 0
    curation = yaml.safe_load(result.output)
    first = curation["reject"][:1]
    rebuilt, out = build(runner, tmp_path, {"reject": first})
    assert rebuilt.exit_code == 0, rebuilt.output
    remaining = {(r["subject"], r["relation"], r["object"]) for r in rows(out)}
    assert (first[0]["subject"], first[0]["relation"], first[0]["object"]) not in remaining
