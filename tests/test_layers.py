"""Data flows one way: ingest, extract, resolve, graph, then query, analyze, render, export."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

MODULES = sorted((ROOT / "kg").glob("*.py"))
# Stages that must not import what comes after them.
LOWER = {
    "ingest",
    "dates",
    "mentions",
    "titles",
    "spans",
    "referents",
    "targets",
    "arguments",
    "statements",
    "candidates",
    "extract",
    "coreference",
    "capitals",
    "kinds",
    "pronouns",
    "groups",
    "evidence",
    "modality",
    "resolve",
    "gazetteer",
    "curation_file",
    "lexicon",
    "model",
}
HIGHER = {"graph", "query", "analyze", "render", "export", "store", "serve", "cli", "pipeline"}


def imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_only_the_cli_imports_click_and_only_render_imports_pyvis(path):
    names = {n.split(".")[0] for n in imports(path)}
    if not path.stem.startswith("cli"):
        assert "click" not in names
    if path.stem != "render":
        assert "pyvis" not in names


@pytest.mark.parametrize("path", [p for p in MODULES if p.stem in LOWER], ids=lambda p: p.name)
def test_lower_stages_do_not_import_higher_ones(path):
    used = {n.split(".")[1] for n in imports(path) if n.startswith("kg.")}
    assert not used & HIGHER
