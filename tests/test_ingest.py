"""Bad input gets a one-line error or warning, and nothing is lost."""

from __future__ import annotations

import json
import shutil

from kg.cli import main
from kg.ingest import read_sources
from tests.conftest import SEEDS

ARTICLE = "Donald Trump met Kim Jong Un in Singapore on 12 June 2018.\n"


def test_markdown_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Summit\ndate: 2018-06-13\nsource: Wire\nurl: https://example.org/a\n---\n"
        + ARTICLE
    )
    doc = read_sources([path]).documents[0]
    assert (doc.title, doc.date.value, doc.url) == ("Summit", "2018-06-13", "https://example.org/a")
    assert doc.publisher == "Wire"
    assert path.read_text()[doc.offset :] == doc.text


def test_scraped_header_gives_the_date(tmp_path):
    doc = read_sources([SEEDS / "000_fe4779ae45dedb0e.txt"]).documents[0]
    assert doc.date.value == "2025-08-08"
    assert not doc.text.startswith("date")


def test_broken_front_matter_warns_and_falls_back(runner, tmp_path):
    path = tmp_path / "broken.md"
    path.write_text("---\ntitle: [unclosed\ndate: 2018-06-13\n---\n" + ARTICLE)
    result = runner.invoke(main, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Warning:" in result.output and "broken front matter" in result.output
    assert "Traceback" not in result.output
    assert (tmp_path / "out" / "kg.ttl").exists()


def test_windows_1252_bytes_warn_and_decode(runner, tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(
        "Donald Trump met Kim Jong Un in Singapore \u2013 caf\u00e9.\n".encode("cp1252")
    )
    docs = read_sources([path])
    assert "Windows-1252" in docs.warnings[0]
    assert "\u2013" in docs.documents[0].text
    result = runner.invoke(main, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    warning = next(line for line in result.output.splitlines() if "Windows-1252" in line)
    assert warning.startswith("Warning: ")
    assert "Traceback" not in result.output


def test_binary_file_is_skipped_and_named(runner, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 50)
    result = runner.invoke(main, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "photo.jpg" in result.output and "skipped" in result.output
    assert "1 articles" in result.output


def test_missing_path_fails(runner, tmp_path):
    result = runner.invoke(main, ["build", str(tmp_path / "nowhere"), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no such file or folder")


def test_folder_with_no_article_fails(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "blob.bin").write_bytes(b"\x00\x01\x02" * 10)
    result = runner.invoke(main, ["build", str(tmp_path / "empty"), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "no readable article" in result.output
    assert "Traceback" not in result.output


def test_json_lines_corpus_with_a_broken_line(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "1", "published": "2018-06-13 10:00:00Z", "text": ARTICLE}),
        "{not json",
        json.dumps({"id": "3", "text": "Joe Biden met Volodymyr Zelensky in Kyiv."}),
    ]
    path.write_text("\n".join(lines) + "\n")
    result = read_sources([path])
    assert [d.source for d in result.documents] == ["corpus.jsonl#1", "corpus.jsonl#3"]
    assert result.documents[0].date.value == "2018-06-13"
    assert any("corpus.jsonl:2" in w for w in result.warnings)


def test_ingesting_the_same_article_twice_changes_nothing(runner, tmp_path):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    once = tmp_path / "once"
    twice = tmp_path / "twice"
    once.mkdir()
    twice.mkdir()
    shutil.copy(SEEDS / "000_fe4779ae45dedb0e.txt", once)
    shutil.copy(SEEDS / "000_fe4779ae45dedb0e.txt", twice / "a.txt")
    shutil.copy(SEEDS / "000_fe4779ae45dedb0e.txt", twice / "b.txt")
    for folder in (once, twice):
        result = runner.invoke(main, ["build", str(folder), "--out", str(folder / "out")])
        assert result.exit_code == 0, result.output
    graphs = [Graph().parse(f / "out" / "kg.ttl") for f in (once, twice)]
    assert len(graphs[0]) == len(graphs[1])
    # File names differ, so compare everything but the document's file name.
    for graph in graphs:
        graph.remove((None, __import__("kg.vocab").vocab.KG.fileName, None))
    assert isomorphic(*graphs)
