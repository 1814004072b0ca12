"""Add articles to a persistent store: hash first, extract only what is new or changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.gazetteer import load_gazetteer
from kg.ingest import read_sources
from kg.model import Document
from kg.pipeline import Pipeline
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
