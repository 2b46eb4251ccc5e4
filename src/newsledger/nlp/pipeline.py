"""The per-document analysis: Document in, DocLedger out.

:class:`Analyzer` loads the spaCy model once, adds our stages (see
:mod:`newsledger.nlp.components`) and turns Documents into DocLedgers.  The
same object serves the CLI, the Python API, the benchmarks and (later) Spark
executors.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Code
from ..model import DocLedger, Document, LedgerError
from ..options import AnalyzeOptions
from . import components, embedcache, fastpipes, selective  # these register our spaCy factories
from . import heap
from .model_loader import load_model
from .timex.events import KNOWN_EVENTS_KEY

log = logging.getLogger(__name__)

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_published(value: Optional[str]) -> Optional[str]:
    """Validate a publication date given by a user (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if value is None or value == "":
        return None
    value = value.strip()[:10] if re.match(r"^\d{4}-\d{2}-\d{2}T", value.strip()) else value.strip()
    if not _DATE.match(value):
        raise ValueError(f"publication date {value!r} is not YYYY-MM-DD (or YYYY-MM, YYYY)")
    return value


class Analyzer:
    """Documents in, DocLedgers out."""

    def __init__(self, options: AnalyzeOptions = AnalyzeOptions(), nlp: Optional[Language] = None):
        self.options = options
        self.nlp = nlp if nlp is not None else build_pipeline(options.model, parse=options.parse)
        #: sentences (and tokens) seen and parsed so far, over every document analysed
        self.parse_counts = {"sentences": 0, "parsed": 0, "tokens": 0, "parsed_tokens": 0}

    # ------------------------------------------------------------------
    def analyze(self, text_or_html: str, *, published: Optional[str] = None,
                url: Optional[str] = None, source_id: Optional[str] = None) -> DocLedger:
        """Analyse one text (or HTML page, recognised by its markup)."""
        from ..sources.html import html_to_document, looks_like_html

        if looks_like_html(text_or_html):
            document = html_to_document(text_or_html, url=url, source_id=source_id)
        else:
            document = Document.from_text(text_or_html, url=url, source_id=source_id)
        return next(iter(self.analyze_documents([document], published=published)))

    def analyze_documents(self, documents: Iterable[Document], *,
                          published: Optional[str] = None, known_events=None) -> Iterator[DocLedger]:
        """Analyse many documents, in order, one DocLedger each.

        ``published`` is the default publication date for documents that do
        not carry one; ``known_events`` (a
        :class:`~newsledger.nlp.timex.KnownEvents`) replaces the table of dated
        events for these documents (the cross-document stage passes the
        corpus's dates this way).
        """
        published = check_published(published) if published else None

        def prepared() -> Iterator[tuple[Doc | str, Document]]:
            for document in documents:
                document = _with_published(document, published)
                if len(document.text) > self.nlp.max_length:
                    yield "", replace(document)  # analysed as empty; error added below
                    continue
                doc = self.nlp.make_doc(document.text)
                doc._.published = document.published
                doc._.url = document.url
                doc._.errors = []
                if known_events is not None:
                    doc.user_data[KNOWN_EVENTS_KEY] = known_events
                if self.options.author_claims:
                    doc._.author = document.author or self.options.author or "the author"
                yield doc, document

        stream = self.nlp.pipe(prepared(), as_tuples=True, batch_size=self.options.batch_size)
        for doc, document in stream:
            if len(document.text) > self.nlp.max_length:
                yield DocLedger(document=document, errors=[LedgerError(
                    Code.TOO_LARGE.value,
                    f"text has {len(document.text)} characters, more than the model's limit of {self.nlp.max_length}; split it")])
                continue
            stats = doc.user_data.get(selective.STATS_KEY)
            if stats:
                counts = self.parse_counts
                for key in counts:
                    counts[key] += stats[key]
            yield doc_to_ledger(doc, document)


def _with_published(document: Document, default: Optional[str]) -> Document:
    if document.published:
        return document
    if default:
        return replace(document, published=default, published_source="input")
    return document


def doc_to_ledger(doc: Doc, document: Document) -> DocLedger:
    """Collect what our components left on ``doc._`` into a DocLedger."""
    get = lambda name: list(getattr(doc._, name) or [])  # noqa: E731
    inferred = doc._.published_inferred
    if inferred and not document.published:
        document = replace(document, published=inferred["value"], published_source="inferred",
                           published_confidence=inferred["confidence"])
    return DocLedger(document=document, timexes=get("timexes"), places=get("places"),
                     actors=get("actors"), claims=get("claims"), events=get("events"),
                     quantities=get("quantities"), errors=get("errors"),
                     inconsistencies=get("inconsistencies"))


def build_pipeline(model: Optional[str] = None, *, parse: str = "all", fast_rules: bool = True,
                   cache_embeddings: bool = True) -> Language:
    """The spaCy model with our stages appended.

    ``fast_rules``: the model's ``attribute_ruler`` and ``lemmatizer`` are
    replaced by stand-ins that give the same output faster
    (:mod:`newsledger.nlp.fastpipes`).  ``cache_embeddings``: the model's
    token embeddings are computed once per distinct token and kept
    (:mod:`newsledger.nlp.embedcache`; same output).

    ``parse="all"``: the model's parser analyses every sentence (and sets the
    sentence boundaries, with our line rules).  ``parse="selective"``: the
    ``senter`` and our line rules set the boundaries and the parser runs only on
    the sentences that need it (:mod:`newsledger.nlp.selective`); a model
    without a ``senter`` is parsed in full.

    The first pipeline built in a process settles the objects alive then
    (the model's, the modules') out of the garbage collector's later rounds
    (:func:`newsledger.nlp.heap.settle`).
    """
    if parse not in selective.PARSE_MODES:
        raise ValueError(f"parse must be one of {', '.join(selective.PARSE_MODES)}, not {parse!r}")
    nlp = load_model(model)
    if parse == "selective" and "parser" in nlp.pipe_names and "senter" in nlp.component_names:
        # the model's parser and senter leave the pipeline; our component, under the
        # parser's name after the NER, calls them (see newsledger.nlp.selective)
        _, parser = nlp.remove_pipe("parser")
        _, senter = nlp.remove_pipe("senter")
        after = "ner" if "ner" in nlp.pipe_names else nlp.pipe_names[-1]
        nlp.add_pipe("newsledger_parse", name=selective.PIPE_NAME, after=after).use(parser, senter)
    else:
        for name in components.PRE_PARSER:
            if name not in nlp.pipe_names and "parser" in nlp.pipe_names:
                nlp.add_pipe(name, before="parser")
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newsledger_parse_stats", after="parser")
    if fast_rules:
        fastpipes.install(nlp)
    if cache_embeddings:
        embedcache.install(nlp)
    for name in components.STAGES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    heap.settle()
    return nlp
