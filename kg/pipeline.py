"""ingest -> extract -> resolve: from article files to actors and events."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.curation import apply_curation, curation_beside, load_curation
from kg.events import deduplicate
from kg.extract import RelationExtractor
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.ingest import read_sources
from kg.lexicon import load_lexicon
from kg.mentions import MentionFinder
from kg.model import Actor, Document, Event
from kg.nlp import load_pipeline
from kg.ontology import relation_types
from kg.resolve import Resolution, Resolver


@dataclass
class BuildResult:
    documents: list[Document] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class Pipeline:
    """Everything loaded once, then any number of documents."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.nlp = load_pipeline()
        self.gazetteer = gazetteer or load_gazetteer()
        self.lexicon = load_lexicon()
        self.mentions = MentionFinder(self.nlp, self.gazetteer, self.lexicon)
        self.extractor = RelationExtractor(self.lexicon)
        self.resolver = Resolver(
            self.gazetteer,
            relation_types(),
            self.lexicon.mutual_relations,
            speech_verbs=self.lexicon.speech_verbs,
            capital_words=self.lexicon.capital_words,
        )

    def run(
        self,
        documents: Iterable[Document],
        warnings: list[str] | None = None,
        progress: Callable[[Document], None] | None = None,
        jobs: int = 1,
    ) -> BuildResult:
        """Extract and resolve ``documents``; ``jobs`` parser processes (spaCy's n_process)."""
        result = BuildResult(warnings=warnings if warnings is not None else [])
        resolution = Resolution()
        documents = list(documents)
        parsed = self.nlp.pipe((d.text for d in documents), n_process=max(1, jobs))
        for document, doc in zip(documents, parsed, strict=True):
            try:
                mentions, token_mentions = self.mentions.find(doc)
                extracted = self.extractor.extract(doc, mentions, token_mentions)
                self.resolver.resolve(document, extracted, resolution)
            except Exception as exc:  # one broken article never sinks a corpus
                result.warnings.append(f"skipped {document.source}: {type(exc).__name__}: {exc}")
                continue
            result.documents.append(document)
            if progress is not None:
                progress(document)
        result.actors = sorted(resolution.actors.values(), key=lambda a: a.actor_id)
        result.events = deduplicate(resolution.events)
        return result


def build(
    sources: list[Path],
    gazetteer_path: Path | None = None,
    curation_path: Path | None = None,
) -> BuildResult:
    """Read, extract and resolve ``sources``, then apply the analyst's curation file:
    ``curation_path``, or a ``curation.yaml`` beside the sources (``seeds/curation.yaml``)."""
    ingested = read_sources(sources)
    pipeline = Pipeline(load_gazetteer(gazetteer_path) if gazetteer_path else None)
    result = pipeline.run(ingested.documents, ingested.warnings)
    curate(result, sources, curation_path)
    return result


def curate(result: BuildResult, sources: list[Path], curation_path: Path | None = None) -> None:
    """Apply ``curation_path``, or the ``curation.yaml`` beside the sources, in place."""
    curation_file = curation_path or curation_beside(sources)
    if curation_file is not None:
        result.actors, result.events, result.documents = apply_curation(
            load_curation(curation_file),
            result.actors,
            result.events,
            result.documents,
            result.warnings,
        )
