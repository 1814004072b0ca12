"""Where the project's data files live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# A wheel carries the data inside the package; a checkout keeps it beside the package.
_ROOTS = (_PACKAGE / "_data", _PACKAGE.parent)


def data_path(relative: str) -> Path:
    """Return the first existing ``relative`` path under the data roots."""
    for root in _ROOTS:
        candidate = root / relative
        if candidate.exists():
            return candidate
    return _ROOTS[-1] / relative


def ontology_path(relative: str = "") -> Path:
    return data_path(f"ontology/{relative}".rstrip("/"))
