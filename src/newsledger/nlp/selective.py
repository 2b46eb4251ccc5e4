"""Selective dependency parsing: the parser runs only on the sentences that need it.

With ``AnalyzeOptions.parse = "selective"`` the pipeline is

    tok2vec, tagger, attribute_ruler, lemmatizer, ner, parser (selective), our stages

where the ``parser`` is our component (factory ``newsledger_parse``, under
the parser's name so that code that keeps "the parser" keeps it) holding the
model's own parser and ``senter``.  Sentence boundaries come from the
``senter`` (a small tagger with its own narrow tok2vec, shipped disabled),
corrected by our line rules (``newsledger_lines``) and
:func:`fix_sentence_starts`; tags, lemmas and entities are computed on every
sentence as before (the NER does not read sentence boundaries).  The
component then picks the sentences that hold a
*cue* (see :class:`ParseSelector`): a candidate event trigger, an attribution
cue (reporting verb, attribution noun, stance adjective, complementiser
"that"), a quotation mark or "according to".  Only those are parsed.  Time,
places, actors and quantities read dependencies too but fall back to flat
syntax elsewhere; the cross-document entity timelines
(``resolve.entity_timeline``) read the syntax around every name and lose
recall in this mode.

How the parse gets in: the chosen sentences of a document are packed into one
small ``Doc`` with the same words, the matching rows of the full document's
``doc.tensor`` (the shared tok2vec output the parser listens to, so nothing
is recomputed) and preset sentence starts (the parser may not split or join
them).  The model's own ``parser`` component parses these packed docs in
batches; heads and labels go back into the full document with one
``Doc.from_array`` call, and the sentence starts of the unparsed sentences are
restored with a second one.  (One packed doc per document, not one per
sentence: the parser's per-document overhead made the latter slower.)

An unparsed sentence is valid for every stage: each of its tokens is its own
head with an empty ``dep_`` (spaCy's "missing" annotation), so ``children``,
``subtree`` and ``lefts`` are empty or the token alone, ``Span.root`` is the
first token, ``token.sent`` and ``doc.sents`` work as usual.  (A document
with no parsed sentence at all still gets a clean tree: spaCy leaves the left
and right edges of a never-parsed document unset, and ``children`` would read
outside it.)

The share of sentences parsed is kept in ``doc.user_data["newsledger.parse"]``
as ``{"mode", "sentences", "parsed", "tokens", "parsed_tokens"}``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, Optional

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

PARSE_MODES = ("all", "selective")
#: the name of the ``newsledger_parse`` component in the pipeline: it stands in for the parser
PIPE_NAME = "parser"
#: key of the parse statistics in ``doc.user_data``
STATS_KEY = "newsledger.parse"

#: quotation marks that make a sentence an attribution candidate
QUOTE_CHARS = frozenset("“”\"„«»")


class CueWords:
    """The cue lexicons, by part of speech (lemmas and lower-case forms)."""

    def __init__(self) -> None:
        from .claims.common import _EXPERIENCER_PASSIVES, _STANCE_ADJ, _STANCE_ADJ_PREPS, _VIEW_NOUNS
        from .claims.lexicon import CUE_NOUNS, reporting_verbs
        from .claims.verb_cues import _RAISING
        from .event_coding.lexicon import load_lexicon

        lex = load_lexicon()
        reporting = set(reporting_verbs())
        #: verbs: event triggers (any sense), light verbs with a type of their own
        #: ("give aid"), reporting verbs, "we are convinced", "X seems to"
        self.verbs = frozenset(set(lex.verbs) | reporting | set(_EXPERIENCER_PASSIVES)
                               | set(_RAISING)
                               | {k for k, es in lex.lights.items() if any(e.type for e in es)})
        #: nouns: event nouns (head lemma), attribution nouns ("the claim that"), "in X's view"
        self.nouns = frozenset(set(lex.nouns) | set(CUE_NOUNS) | set(_VIEW_NOUNS))
        #: adjectives: predicate triggers, stance ("X is sure that", "critical of")
        self.adjs = frozenset(set(lex.adjs) | set(_STANCE_ADJ) | set(_STANCE_ADJ_PREPS))


@lru_cache(maxsize=1)
def cue_words() -> CueWords:
    return CueWords()


def _verb_forms(w: str) -> Iterator[str]:
    """Suffix-stripped forms of an inflected word (as the event coder tries them)."""
    if w.endswith("ied"):
        yield w[:-3] + "y"
    if w.endswith("ed"):
        yield w[:-1]
        yield w[:-2]
        if len(w) > 4 and w[-3] == w[-4]:
            yield w[:-3]
    if w.endswith("ing"):
        yield w[:-3] + "e"
        yield w[:-3]
    if w.endswith("es"):
        yield w[:-2]
    if w.endswith("s"):
        yield w[:-1]


class ParseSelector:
    """Which sentences need the dependency parser.

    A sentence is parsed when one of its tokens is a cue (by its tag, which
    every sentence has): a verb that is an event trigger or a reporting verb,
    an event or attribution noun, a trigger or stance adjective, "according to",
    the complementiser "that" (a that-clause of any verb can be a claim), or a
    quotation mark.  Everything else a stage reads the syntax for happens in
    such sentences or falls back to flat syntax.
    """

    def __init__(self) -> None:
        self.cues = cue_words()

    def token_is_cue(self, tok) -> bool:
        pos = tok.pos_
        lemma = tok.lemma_.lower()
        lower = tok.lower_
        cues = self.cues
        if pos in ("VERB", "AUX"):
            if lemma in cues.verbs or lower in cues.verbs or any(f in cues.verbs for f in _verb_forms(lower)):
                return True
            if tok.tag_ == "VBG" and (lemma in cues.nouns or lower in cues.nouns):
                return True
            return lemma in cues.adjs  # participles as predicate adjectives ("worried that")
        if pos == "NOUN" or (pos == "PROPN" and tok.text == lower):
            return lemma in cues.nouns or lower in cues.nouns
        if pos == "ADJ":
            return lemma in cues.adjs or lower in cues.adjs
        if lower == "that":
            return tok.tag_ == "IN"
        if lower == "according":
            return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
        return False

    def needs_parse(self, sent: Span) -> bool:
        for tok in sent:
            if tok.is_punct:
                if tok.text in QUOTE_CHARS or tok.text == "''":
                    return True
                continue
            if self.token_is_cue(tok):
                return True
        return False


#: abbreviations that stand before a name: no sentence starts after them ("Lt. Gen. X")
TITLE_ABBREVIATIONS = frozenset("""
mr. mrs. ms. messrs. dr. prof. gen. lt. col. capt. cpt. sgt. maj. adm. cmdr. cdr. cpl. pvt. gov.
sen. sens. rep. reps. st. ste. rev. fr. pres. hon. amb. supt. insp. det. atty. gen
""".split())
_OPENING = frozenset("([{")
_CLOSING = frozenset({".", ",", ";", ":", "!", "?", ")", "]", "}", "...", "%"})


def fix_sentence_starts(doc: Doc) -> None:
    """Correct the ``senter``'s boundaries where it errs and the parser would not.

    No sentence starts with closing punctuation glued to the word before it
    ("Lt" "." tokenised apart), after an opening bracket, a title abbreviation or an
    initial ("Lt. Gen. X", "Capt. Y", "John F. Kennedy"), or at a number or
    lower-case word after an abbreviation ("Pct. 4", "W.Va. 61").
    Line starts are left to ``newsledger_lines``.  Call before the parse.
    """
    starts = numpy.flatnonzero(doc.to_array([SENT_START]).astype("int64").ravel() == 1)
    for i in starts.tolist():
        if i == 0:
            continue
        tok = doc[i]
        prev = doc[i - 1]
        if tok.is_space or "\n" in prev.text or "\n" in prev.whitespace_:
            continue
        p = prev.text
        if tok.text in _CLOSING and not prev.whitespace_:
            tok.is_sent_start = False  # "Lt" | "." : closing punctuation starts nothing
        elif p in _OPENING or p.lower() in TITLE_ABBREVIATIONS:
            tok.is_sent_start = False
        elif p == "." and i >= 2 and not doc[i - 2].whitespace_ \
                and doc[i - 2].text.lower() + "." in TITLE_ABBREVIATIONS:
            tok.is_sent_start = False  # "Capt" "." tokenised apart
        elif len(p) == 2 and p[0].isupper() and p[1] == "." and tok.text[:1].isupper():
            tok.is_sent_start = False  # an initial
        elif len(p) > 1 and p.endswith(".") and p[0].isalpha() and not tok.text[:1].isupper() \
                and not tok.is_punct:
            tok.is_sent_start = False


class SelectiveParser:
    """The selective parser component (factory ``newsledger_parse``).

    It takes the place of the model's ``parser`` in the pipeline (under that
    name, so that code that runs "the parser" runs it) and holds the model's
    ``parser`` and ``senter`` itself: per batch, the senter sets the sentence
    boundaries, our line rules and :func:`fix_sentence_starts` correct them,
    :class:`ParseSelector` picks the sentences, the parser parses those.
    Needs the tok2vec output (``doc.tensor``), tags, POS and lemmas.
    """

    def __init__(self, nlp: Language, name: str, batch_size: int = 256):
        self.nlp = nlp
        self.name = name
        self.batch_size = batch_size
        self.selector = ParseSelector()
        self.parser = None
        self.senter = None
        self._dep_label = nlp.vocab.strings.add("dep")

    def use(self, parser, senter) -> "SelectiveParser":
        """The model's parser and senter components (taken out of the pipeline)."""
        self.parser, self.senter = parser, senter
        return self

    def __call__(self, doc: Doc) -> Doc:
        self._process([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self._process(batch)
            yield from batch

    # ------------------------------------------------------------------
    def _sentences(self, docs: list[Doc]) -> None:
        from .components import mark_line_starts

        todo = [d for d in docs if len(d) and not d.has_annotation("DEP")]
        if not todo:
            return
        if self.senter is not None:
            for _ in self.senter.pipe(todo, batch_size=self.batch_size):
                pass
        for doc in todo:
            mark_line_starts(doc)
            fix_sentence_starts(doc)

    def _process(self, docs: list[Doc]) -> None:
        if self.parser is None:
            raise RuntimeError("the selective parser has no parser: build the pipeline with "
                               "newsledger.nlp.pipeline.build_pipeline(parse='selective')")
        self._sentences(docs)
        plans = []
        subdocs: list[Doc] = []
        vocab = self.nlp.vocab
        for doc in docs:
            sents = [(s.start, s.end) for s in doc.sents] if len(doc) else []
            chosen = [(a, b) for (a, b) in sents if self.selector.needs_parse(doc[a:b])]
            if chosen:
                # one packed Doc per document: the chosen sentences, each preset as a sentence
                words: list[str] = []
                spaces: list[bool] = []
                starts: list[bool] = []
                for a, b in chosen:
                    for t in doc[a:b]:
                        words.append(t.text)
                        spaces.append(bool(t.whitespace_))
                    starts.extend([True] + [False] * (b - a - 1))
                sub = Doc(vocab, words=words, spaces=spaces, sent_starts=starts)
                if doc.tensor is not None and doc.tensor.size:
                    sub.tensor = numpy.concatenate([doc.tensor[a:b] for a, b in chosen]) \
                        if len(chosen) > 1 else doc.tensor[chosen[0][0]:chosen[0][1]]
                subdocs.append(sub)
            plans.append((doc, sents, chosen))
        if subdocs:
            subdocs = list(self.parser.pipe(subdocs, batch_size=self.batch_size))
        k = 0
        for doc, sents, chosen in plans:
            n_tok = len(doc)
            parsed_tokens = sum(b - a for a, b in chosen)
            if n_tok:
                # HEAD (relative, 0 = the token itself) and DEP (0 = missing) for every token
                arr = numpy.zeros((n_tok, 2), dtype="uint64")
                if chosen:
                    sub_arr = subdocs[k].to_array([HEAD, DEP])
                    k += 1
                    o = 0
                    for a, b in chosen:
                        part = sub_arr[o:o + b - a]
                        rel = part[:, 0].astype("int32")  # relative heads stay inside the sentence
                        at = numpy.arange(b - a) + rel
                        if (at < 0).any() or (at >= b - a).any():
                            part = part.copy()
                            bad = (at < 0) | (at >= b - a)
                            part[bad, 0] = 0  # an arc out of its sentence: that token becomes a root
                        arr[a:b] = part
                        o += b - a
                if not chosen:
                    # spaCy sets the tree (left/right edges, children) only when some label
                    # is given: label the first token for this call, then take the label
                    # back, so that an unparsed document's edges are sane too
                    arr[0, 1] = self._dep_label
                doc.from_array([HEAD, DEP], arr)
                if not chosen:
                    doc.from_array([DEP], numpy.zeros((n_tok, 1), dtype="uint64"))
                if len(chosen) < len(sents):
                    # the tree marks only the parsed sentences' starts: restore the others
                    starts = doc.to_array([SENT_START]).astype("int64")
                    parsed = numpy.zeros(n_tok, dtype=bool)
                    for a, b in chosen:
                        parsed[a:b] = True
                    for a, b in sents:
                        if not parsed[a]:
                            starts[a] = 1
                            starts[a + 1:b] = -1
                    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
            doc.user_data[STATS_KEY] = {"mode": "selective", "sentences": len(sents), "parsed": len(chosen),
                                       "tokens": n_tok, "parsed_tokens": parsed_tokens}


@Language.factory("newsledger_parse", default_config={"batch_size": 256},
                  requires=["token.lemma", "token.pos"],
                  assigns=["token.dep", "token.head", "token.is_sent_start"])
def make_selective_parser(nlp: Language, name: str, batch_size: int) -> SelectiveParser:
    return SelectiveParser(nlp, name, batch_size=batch_size)


def count_all(doc: Doc) -> None:
    """Parse statistics of a fully parsed document (mode ``all``)."""
    n = sum(1 for _ in doc.sents) if len(doc) else 0
    doc.user_data[STATS_KEY] = {"mode": "all", "sentences": n, "parsed": n,
                                "tokens": len(doc), "parsed_tokens": len(doc)}


def parse_stats(doc: Doc) -> Optional[dict]:
    return doc.user_data.get(STATS_KEY)


def share(stats: Iterable[Optional[dict]]) -> tuple[int, int, float]:
    """(sentences parsed, sentences, share) over many documents' statistics."""
    parsed = total = 0
    for st in stats:
        if st:
            parsed += st["parsed"]
            total += st["sentences"]
    return parsed, total, (parsed / total if total else 0.0)


@Language.factory("newsledger_parse_stats", requires=["token.dep"], assigns=[])
def make_parse_stats(nlp: Language, name: str):
    """Mode ``all``: record that every sentence was parsed."""
    def stats(doc: Doc) -> Doc:
        count_all(doc)
        return doc
    return stats
