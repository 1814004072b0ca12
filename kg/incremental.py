"""Add articles to a persistent store: hash first, extract only what is new or changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.gazetteer import load_gazetteer
from kg.graph import from_graph
from kg.ingest import read_sources
from kg.model import Document
from kg.pipeline import BuildResult, Pipeline, curate
from kg.store import IngestReport, KgStore


@dataclass
class IncrementalResult:
    report: IngestReport
    warnings: list[str] = field(default_factory=list)
    extracted: int = 0  # articles that went through extraction


def ingest_into(
    store: KgStore,
    sources: list[Path],
    *,
    gazetteer_path: Path | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> IncrementalResult:
    """Read ``sources``; extract only articles whose content hash the store lacks.

    Re-ingesting an unchanged corpus therefore costs reading and hashing only.
    ``progress(done, total)`` is called after each extracted article.
    """
    ingested = read_sources(sources)
    known = store.known_hashes()
    fresh = [d for d in ingested.documents if d.doc_id not in known]
    unchanged = len(ingested.documents) - len(fresh)
    if not fresh:
        return IncrementalResult(IngestReport(unchanged=unchanged), ingested.warnings)
    pipeline = Pipeline(load_gazetteer(gazetteer_path) if gazetteer_path else None)
    done = 0

    def tick(_: Document) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, len(fresh))

    result = pipeline.run(fresh, ingested.warnings, progress=tick, jobs=jobs)
    report = store.ingest(result)
    report.unchanged += unchanged
    return IncrementalResult(report, result.warnings, extracted=len(fresh))


def build_from_store(
    sources: list[Path],
    store_dir: Path,
    gazetteer_path: Path | None = None,
    curation_path: Path | None = None,
    jobs: int = 1,
) -> BuildResult:
    """Ingest into the store, then take the store's whole graph, curated, for the exports."""
    with KgStore(store_dir) as store:
        done = ingest_into(store, sources, gazetteer_path=gazetteer_path, jobs=jobs)
        documents, actors, events = from_graph(store.to_rdflib())
    result = BuildResult(documents, actors, events, done.warnings)
    curate(result, sources, curation_path)
    return result
