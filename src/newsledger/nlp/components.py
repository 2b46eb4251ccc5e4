"""Our pipeline stages as spaCy components.

Each stage is a plain function in its own module (``time.find_timexes``,
``places.find_places``, ...) that reads a spaCy ``Doc`` and returns our
dataclasses with character offsets.  The components here only move data in
and out of ``Doc._`` extensions, so users can put any stage into their own
pipeline with ``nlp.add_pipe("newsledger_time")``.

What each stage reads and writes (``requires`` / ``assigns``):

====================  ===========================================  =====================
component             reads                                        writes
====================  ===========================================  =====================
newsledger_time       token.tag, doc.ents, doc._.published         doc._.timexes
newsledger_places     doc.ents, token.pos                          doc._.places
newsledger_actors     doc.ents, doc._.places                       doc._.actors
newsledger_quotes     token.dep, doc.sents, doc._.actors           doc._.claims
newsledger_quantities token.like_num, token.dep, doc._.timexes     doc._.quantities
newsledger_events     token.dep, doc._.actors/timexes/places/claims doc._.events
====================  ===========================================  =====================

A stage that fails records a coded error in ``doc._.errors`` and leaves its
own output empty; the other stages still run.
"""

from __future__ import annotations

import logging
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Code
from ..model import LedgerError
from .doctext import doc_text

log = logging.getLogger(__name__)

EXTENSIONS = ("published", "timexes", "places", "actors", "claims", "quantities", "events", "errors",
              "published_inferred", "inconsistencies", "author", "url")


def register_extensions() -> None:
    """Declare the ``Doc._`` attributes our components use (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def _list(doc: Doc, name: str) -> list:
    value = getattr(doc._, name)
    return value if value is not None else []


def _run_stage(doc: Doc, stage: str, out: str, fn: Callable[[], list]) -> Doc:
    try:
        setattr(doc._, out, fn())
    except Exception as exc:  # a bug in one stage must not lose the document
        log.exception("stage %s failed", stage)
        setattr(doc._, out, [])
        errors = _list(doc, "errors")
        errors.append(LedgerError(Code.ANALYSIS_FAILED.value, f"stage {stage} failed: {type(exc).__name__}: {exc}"))
        doc._.errors = errors
    return doc


class TimeStage:
    """Time expressions; without a publication date, one inferred from the
    text (``doc._.published_inferred``: value, confidence, reason, evidence)
    becomes ``doc._.published``.  Dates that contradict each other go to
    ``doc._.inconsistencies``."""

    def __call__(self, doc: Doc) -> Doc:
        return _run_stage(doc, "time", "timexes", lambda: self._timexes(doc))

    @staticmethod
    def _timexes(doc: Doc) -> list:
        from .time import find_timexes
        from .timex.consistency import date_inconsistencies

        doc._.inconsistencies = []
        timexes = find_timexes(doc, doc._.published)
        if doc._.published is None and timexes:
            from .timex.inference import USE_CONFIDENCE, infer_published

            inferred = infer_published(doc, timexes)
            if inferred is not None and inferred.confidence >= USE_CONFIDENCE:
                doc._.published = inferred.value
                doc._.published_inferred = inferred.as_dict()
                # a second pass only when something depends on the DCT
                if any(tx.anchor in ("dct", "narrative") or (tx.value and "X" in tx.value) for tx in timexes):
                    timexes = find_timexes(doc, inferred.value)
        doc._.inconsistencies = date_inconsistencies(doc_text(doc), timexes)
        return timexes


class PlacesStage:
    def __call__(self, doc: Doc) -> Doc:
        from .places import find_places

        return _run_stage(doc, "places", "places", lambda: find_places(doc))


class ActorsStage:
    def __call__(self, doc: Doc) -> Doc:
        from .actors import find_actors

        return _run_stage(doc, "actors", "actors", lambda: find_actors(doc, _list(doc, "places")))


class QuotesStage:
    def __call__(self, doc: Doc) -> Doc:
        from .quotes import find_claims

        return _run_stage(doc, "quotes", "claims",
                          lambda: find_claims(doc, _list(doc, "actors"), author=doc._.author))


class QuantitiesStage:
    def __call__(self, doc: Doc) -> Doc:
        from .quantities import find_quantities

        return _run_stage(doc, "quantities", "quantities",
                          lambda: find_quantities(doc, _list(doc, "timexes")))


class EventsStage:
    def __call__(self, doc: Doc) -> Doc:
        from .events import find_events

        return _run_stage(doc, "events", "events", lambda: find_events(
            doc, actors=_list(doc, "actors"), timexes=_list(doc, "timexes"),
            places=_list(doc, "places"), claims=_list(doc, "claims")))


def mark_line_starts(doc: Doc) -> Doc:
    """A line break ends a sentence (headlines, datelines, list items and
    paragraphs have no final full stop, and the small model runs them into the
    next sentence).  A line that goes on in lower case is left alone; the
    first tokens of a line are kept together so the parser cannot split a
    one-word sentence off them."""
    n = len(doc)
    for i in range(1, n):
        prev = doc[i - 1]
        tok = doc[i]
        if tok.is_space or not ("\n" in prev.text or "\n" in prev.whitespace_):
            continue
        if tok.text[:1].islower():
            continue
        tok.is_sent_start = True
        for k in range(i + 1, min(i + 3, n)):
            if doc[k].is_space or doc[k].is_sent_start:
                break
            doc[k].is_sent_start = False
    return doc


@Language.factory("newsledger_lines", requires=[], assigns=["token.is_sent_start"])
def make_lines(nlp: Language, name: str):
    return mark_line_starts


@Language.factory("newsledger_time", requires=["token.tag"], assigns=["doc._.timexes"])
def make_time(nlp: Language, name: str) -> TimeStage:
    return TimeStage()


@Language.factory("newsledger_places", requires=["doc.ents"], assigns=["doc._.places"])
def make_places(nlp: Language, name: str) -> PlacesStage:
    return PlacesStage()


@Language.factory("newsledger_actors", requires=["doc.ents"], assigns=["doc._.actors"])
def make_actors(nlp: Language, name: str) -> ActorsStage:
    return ActorsStage()


@Language.factory("newsledger_quotes", requires=["token.dep"], assigns=["doc._.claims"])
def make_quotes(nlp: Language, name: str) -> QuotesStage:
    return QuotesStage()


@Language.factory("newsledger_quantities", requires=["token.tag"], assigns=["doc._.quantities"])
def make_quantities(nlp: Language, name: str) -> QuantitiesStage:
    return QuantitiesStage()


@Language.factory("newsledger_events", requires=["token.dep"], assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> EventsStage:
    return EventsStage()


#: runs before the parser, so that its sentence boundaries hold
PRE_PARSER = ("newsledger_lines",)
#: our components in pipeline order (after the model)
STAGES = ("newsledger_time", "newsledger_places", "newsledger_actors",
          "newsledger_quotes", "newsledger_quantities", "newsledger_events")
