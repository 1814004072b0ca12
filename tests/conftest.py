"""Shared fixtures: one real build of seeds/ per test session, through the CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "voa_stories.jsonl"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def seed_exports(tmp_path_factory) -> Path:
    """``kg build seeds --out DIR`` run once; the folder it wrote."""
    out = tmp_path_factory.mktemp("seed-exports")
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def seed_store(seed_exports) -> ox.Store:
    """The seed Turtle read by a second parser (Oxigraph), for cross-checks."""
    store = ox.Store()
    store.load(path=str(seed_exports / "kg.ttl"), format=ox.RdfFormat.TURTLE)
    return store


def build_text(tmp_path: Path, text: str, name: str = "article.md") -> list:
    """Run the real pipeline on one article; return its events as (s, rel, o, date) rows."""
    from kg.pipeline import build

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = build([path])
    labels = {a.actor_id: a.label for a in result.actors}
    return [
        (labels[e.subject], e.relation, labels[e.object], e.date.value if e.date else None)
        for e in result.events
    ]
