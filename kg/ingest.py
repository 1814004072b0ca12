"""Read articles: plain text, Markdown with YAML front matter, the scraped-header form,
and JSON Lines corpora. Bad files are named in warnings and skipped, never fatal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.dates import parse_iso_date
from kg.errors import KgError
from kg.ids import content_hash
from kg.model import Document

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".jsonl"}
# Data files that live beside articles in seeds/ and are not articles.
_NOT_ARTICLES = {"actors.yaml", "curation.yaml"}
_SCRAPED_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[^\n]*\n")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def collect_paths(sources: list[Path], warnings: list[str] | None = None) -> list[Path]:
    """Expand files and folders into a sorted list of article files.

    A file named on the command line is read whatever its name; in a folder, only
    article suffixes (and files with none) are, and the others are named in a warning.
    """
    paths: list[Path] = []
    for source in sources:
        if not source.exists():
            raise KgError(f"no such file or folder: {source}")
        if not source.is_dir():
            paths.append(source)
            continue
        for path in sorted(source.rglob("*")):
            if not path.is_file() or path.name.startswith(".") or path.name in _NOT_ARTICLES:
                continue
            if path.suffix and path.suffix.lower() not in ARTICLE_SUFFIXES:
                if warnings is not None:
                    warnings.append(f"skipped {path}: not an article ({path.suffix} file)")
                continue
            paths.append(path)
    return paths


def read_sources(sources: list[Path]) -> IngestResult:
    """Read every article under ``sources``; raise only when nothing readable is found."""
    result = IngestResult()
    seen: set[str] = set()
    for path in collect_paths(sources, result.warnings):
        for document in _read_path(path, result.warnings):
            # The same text twice (a copy in another folder) is one document.
            if document.doc_id not in seen:
                seen.add(document.doc_id)
                result.documents.append(document)
    if not result.documents:
        names = ", ".join(str(s) for s in sources)
        raise KgError(f"no readable article in {names}")
    return result


def _read_path(path: Path, warnings: list[str]) -> Iterator[Document]:
    raw = path.read_bytes()
    if _looks_binary(raw):
        warnings.append(f"skipped {path}: binary content")
        return
    text = decode(raw, path, warnings)
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(text, path, warnings)
        return
    document = parse_article(text, source=path.name, warnings=warnings, where=str(path))
    if document is None:
        warnings.append(f"skipped {path}: no text")
        return
    yield document


def decode(raw: bytes, path: Path, warnings: list[str]) -> str:
    """UTF-8, else Windows-1252 with a warning; never fails."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        warnings.append(f"{path}: not valid UTF-8, read as Windows-1252")
        return raw.decode("cp1252", errors="replace")


def _looks_binary(raw: bytes) -> bool:
    head = raw[:4096]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > 0.1


def parse_article(
    text: str, *, source: str, warnings: list[str], where: str = ""
) -> Document | None:
    """Split metadata from body: YAML front matter, a scraped ``date ...`` line, or none."""
    where = where or source
    meta: dict[str, object] = {}
    offset = 0
    front = _FRONT_MATTER.match(text)
    if front:
        try:
            loaded = yaml.safe_load(front.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f" line {mark.line + 2}" if mark is not None else ""
            warnings.append(f"{where}: broken front matter{line}, read as plain text")
            loaded = None
        if isinstance(loaded, dict):
            meta = loaded
            offset = front.end()
        elif loaded is not None:
            warnings.append(f"{where}: front matter is not a mapping, read as plain text")
    else:
        header = _SCRAPED_HEADER.match(text)
        if header:
            meta = {"date": header.group(1)}
            offset = header.end()
    return _document(text, offset, meta, source, warnings, where)


def _document(
    full_text: str,
    offset: int,
    meta: dict[str, object],
    source: str,
    warnings: list[str],
    where: str,
) -> Document | None:
    body = full_text[offset:]
    if not body.strip():
        return None
    raw_date = meta.get("date") or meta.get("published")
    date = None
    if raw_date:
        date = parse_iso_date(str(raw_date))
        if date is None:
            warnings.append(f"{where}: unreadable date {str(raw_date)!r}, left empty")
    return Document(
        doc_id=content_hash(body),
        text=body,
        offset=offset,
        source=source,
        title=str(meta.get("title") or ""),
        date=date,
        url=str(meta.get("url") or ""),
        publisher=str(meta.get("source") or ""),
    )


def _read_jsonl(text: str, path: Path, warnings: list[str]) -> Iterator[Document]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            warnings.append(f"skipped {where}: not JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            warnings.append(f"skipped {where}: no 'text' field")
            continue
        source = f"{path.name}#{record.get('id') or number}"
        document = _document(record["text"], 0, record, source, warnings, where)
        if document is None:
            warnings.append(f"skipped {where}: empty text")
            continue
        yield document
