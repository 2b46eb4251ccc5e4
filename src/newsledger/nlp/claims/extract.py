"""Attribution: who said (thought, found, reported) what.

``find_claims(doc, actors)`` reads a parsed spaCy ``Doc`` and returns
:class:`~newsledger.model.Claim` objects.  Rules, in order:

1. *Cue verbs* from the reporting-verb lexicon with a fitting complement:
   a clause ("said that ...", "said ..."), an object complement ("denied the
   report", "called X a Y") or an infinitive ("urged X to ...").  A cue verb
   attached to a quotation ("“...,” he said") takes the quotation as content.
2. *According to X* and *in X's view*: the clause they modify is the content.
3. *Direct quotations* (found by their marks) that a claim's content touches
   are taken whole; the quotation parts split by the attribution
   ("“...,” he said, “...”") and a quotation that continues in the next
   sentence of the same paragraph are merged into one claim (``content`` is
   then the covering span).
4. Univocal attribution: a cue verb joined as an adjunct inside another
   claim's content ("X said A, arguing B", "A, which he said B") is a claim of
   its own and is cut out of the outer content; any other cue inside another
   claim's content (nested speech) is not reported separately.
5. Stance adjectives ("X is sure that ...", "it is clear that ...", "X is
   critical of Y") and experiencer passives ("X is convinced that ...").
6. Constructions rather than words: a verb of saying or finding with a direct
   object that is what was said ("polls show a close race", frame ``N``); a
   clause the parser hung on the cue as an unmarked adverbial ("said after the
   vote she would ..."); an inverted cue after its clause ("..., noted X"); any
   verb with a person or body for subject and a that-clause; a passive with no
   "by" phrase ("X was accused of Y") and "X seems to ..." as claims with no
   speaker; noun cues held by a name in front ("a Gazette report that") or by
   the subject of the verb they hang on ("X persisted in arguments that").
   A subject found inside the quotation gives way to the noun phrase outside
   it, and transcript lines ("NAME: ...") end with their line.

Speakers come from the syntax (subject of the cue, agent of a passive, the
object of "according to"), as the full noun phrase; passive and impersonal
forms ("are said to", "it was reported") have no speaker.  Pronoun speakers
get ``speaker_name`` from the nearest preceding person named in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from spacy.tokens import Doc, Token

from ...model import Actor, Claim, Span, Timex
from .lexicon import Cue, CUE_NOUNS, LIGHT_VERBS, STATEMENT_NOUNS, reporting_verbs
from .resolve import author_claims as _author_claims
from .resolve import finish as _finish
from .resolve import resolve_speakers as _resolve_speakers
from .quotemarks import Quote, find_quotes

_TEXT_CACHE: list = [None, ""]


def _doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins all tokens on every access)."""
    if _TEXT_CACHE[0] is not doc:
        _TEXT_CACHE[0], _TEXT_CACHE[1] = doc, doc.text
    return _TEXT_CACHE[1]


# ---------------------------------------------------------------------------
# small closed lists (grammar words, not content)

_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_CLAUSE_DEPS = {"ROOT", "ccomp", "conj", "advcl", "relcl", "parataxis", "xcomp", "pcomp", "acl", "csubj"}
_OBJ_PREPS = {"of", "for", "as", "about", "on", "over", "with", "against"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_IMPERSONAL = {"it", "there"}
#: "according to plan" and the like: no one is speaking
_NOT_SOURCES = {"plan", "schedule", "script", "design", "tradition", "custom", "rule", "rules",
                "protocol", "procedure", "expectation", "expectations", "law", "need", "needs",
                "size", "age", "ability", "taste", "preference", "wish", "wishes", "instruction",
                "instructions", "form", "standard", "standards", "type", "merit", "merits"}
_VIEW_NOUNS = {"view", "opinion", "estimation", "judgment", "judgement", "assessment", "words",
               "mind", "eyes", "telling", "account", "reading", "analysis"}
#: nouns naming a person by role: "the expert said" → the last person named
_ROLE_NOUNS = {"expert", "official", "spokesman", "spokeswoman", "spokesperson", "analyst",
               "president", "minister", "senator", "governor", "candidate", "nominee", "lawyer",
               "attorney", "author", "researcher", "professor", "economist", "leader", "mayor",
               "chairman", "chairwoman", "director", "secretary", "ambassador", "general",
               "commander", "diplomat", "politician", "congressman", "congresswoman", "businessman",
               "businesswoman", "billionaire", "man", "woman", "scholar", "historian", "anthropologist",
               "journalist", "reporter", "writer", "columnist", "activist", "lawmaker", "judge",
               "prosecutor", "founder", "ceo", "executive", "manager", "pollster", "strategist",
               "adviser", "advisor", "aide", "host", "speaker", "former", "veteran", "doctor"}
_TITLES = {"prime", "vice", "deputy", "foreign", "chief", "first", "lady", "sir", "dame", "lord",
           "king", "queen", "prince", "princess", "pope", "rev", "mr", "mrs", "ms", "dr", "sen", "rep", "gov"}
_WH_ADVCL = {"how", "whether", "if", "why"}
#: adjectives of certainty, attitude and evidence that report a clause: "X is sure
#: that ...", "it is clear that ..." (the latter has no source)
_STANCE_ADJ = {"sure", "certain", "convinced", "confident", "afraid", "worried", "concerned", "aware",
               "unaware", "hopeful", "optimistic", "pessimistic", "skeptical", "sceptical", "adamant",
               "doubtful", "unsure", "uncertain", "clear", "obvious", "evident", "apparent", "glad",
               "disappointed", "proud", "upset", "angry", "frustrated", "insistent", "positive"}
#: adjectives of attitude towards a thing: "X is critical of Y", "worried about Y"
_STANCE_ADJ_PREPS = {"critical": {"of"}, "supportive": {"of"}, "skeptical": {"of", "about"},
                     "sceptical": {"of", "about"}, "wary": {"of"}, "worried": {"about"},
                     "concerned": {"about"}, "optimistic": {"about"}, "pessimistic": {"about"},
                     "confident": {"about", "in"}, "opposed": {"to"}, "hostile": {"to"},
                     "enthusiastic": {"about"}, "angry": {"about", "at"}, "upset": {"about", "with"},
                     "frustrated": {"with", "by"}, "doubtful": {"about", "of"}, "fond": {"of"},
                     "proud": {"of"}, "dismissive": {"of"}, "suspicious": {"of"}}
#: verbs whose passive subject holds the attitude: "we are convinced that ..."
_EXPERIENCER_PASSIVES = {"convince", "persuade", "worry", "concern", "satisfy", "disappoint"}
_GENERIC_C = Cue("", frozenset("C"), "speech")
_TRIM_CHARS = " \t\n\r.,;:—–-―"
_WORD = re.compile(r"\w")


@dataclass
class _Cand:
    cue: list[int]  # token indices
    content: set[int]  # token indices
    kind: str  # indirect | according-to (direct/mixed decided later)
    speaker: Optional[tuple[int, int]] = None  # token span [start, end)
    speaker_head: Optional[int] = None
    negated: bool = False
    spans: list[tuple[int, int]] = field(default_factory=list)  # char spans of content
    continued: bool = False
    clausal: bool = False  # the content is a clause or quotation of a cue verb (frame C)
    line: bool = False  # a transcript line ("NAME: ..."): the content ends with the line


# ---------------------------------------------------------------------------
# public


def find_claims(doc: Doc, actors: Iterable[Actor] = (), *, separate_follow_on: bool = False,
                timexes: Optional[Sequence[Timex]] = None, published: Optional[str] = None,
                author: Optional[str] = None) -> list[Claim]:
    """All attributions in ``doc`` (a fully processed spaCy Doc).

    A quotation that forms the next sentence after a claim, with no cue of its
    own ("X said that ... . “...”"), is by default part of that claim (the
    PolNeAR convention); with ``separate_follow_on`` it is a claim of its own
    with the same speaker and no cue.

    ``timexes`` (default: ``doc._.timexes``, the time stage's output) date the
    claims; ``published`` (default ``doc._.published``) is the fallback date
    of a claim made in the present tense.

    ``author``: the name of the article's author.  When given (off by default),
    the author's own assertions in an opinion piece become claims too: the
    unattributed sentences that carry the writer's stance (first person,
    "in fact", "clearly", "should" ...), with kind ``author``, no speaker span
    and ``speaker_name`` = the author.
    """
    text = _doc_text(doc)
    if not text.strip() or len(doc) == 0:
        return []
    quotes = find_quotes(text)
    qmap = _QuoteMap(doc, quotes)
    cands: list[_Cand] = []
    for tok in doc:
        if qmap.inside(tok):
            continue  # words inside a quotation are the quoted speaker's, not the writer's
        cand = _verb_cue(tok, qmap) or _according_to(tok) or _in_view(tok) or _noun_cue(tok, qmap) \
            or _adjective_cue(tok, qmap)
        if cand is not None and cand.content:
            cands.append(cand)
    actors = list(actors)
    cands.extend(_bylines(doc, qmap, actors))
    cands = _statement_then_content(doc, cands, qmap)
    _split_nested(doc, cands)
    for cand in cands:
        cand.spans = _char_spans(doc, cand)
    _absorb_quotes(doc, cands, qmap, separate_follow_on)
    if separate_follow_on:
        _cut_at_new_quote(doc, cands, qmap)
    cands = _univocal(doc, cands)
    claims = [_to_claim(doc, cand, qmap) for cand in cands]
    claims = [c for c in claims if c is not None]
    if separate_follow_on:
        claims.extend(_follow_on_quotes(doc, claims, qmap))
    actors = list(actors)
    _link_actors(claims, actors)
    _resolve_speakers(doc, claims, actors)
    if author:
        claims.extend(_author_claims(doc, claims, qmap, author, actors))
    _finish(doc, claims, timexes, published)
    claims.sort(key=lambda c: (c.content.start, c.content.end))
    return claims


# ---------------------------------------------------------------------------
# quotations mapped onto tokens


class _QuoteMap:
    def __init__(self, doc: Doc, quotes: list[Quote]):
        self.doc = doc
        self.quotes = quotes
        self.by_token: list[int] = [-1] * len(doc)
        qi = 0
        for tok in doc:
            while qi < len(quotes) and quotes[qi].end <= tok.idx:
                qi += 1
            if qi < len(quotes) and quotes[qi].start < tok.idx < quotes[qi].end - (1 if quotes[qi].closed else 0):
                self.by_token[tok.i] = qi
        self.para: list[int] = []
        n = 0
        for tok in doc:
            self.para.append(n)
            if "\n" in tok.text_with_ws:
                n += 1
        text = _doc_text(doc)
        self.words = [len(re.findall(r"\w+", text[q.start:q.end])) for q in quotes]

    def inside(self, tok: Token) -> bool:
        return self.by_token[tok.i] != -1

    def is_long(self, qi: int) -> bool:
        return self.words[qi] >= 4

    def overlapping(self, start: int, end: int) -> list[int]:
        return [i for i, q in enumerate(self.quotes) if q.start < end and start < q.end]

    def continuation(self, qi: int) -> Optional[int]:
        """The quotation that carries on an unclosed one in the next paragraph."""
        q = self.quotes[qi]
        if q.closed or qi + 1 >= len(self.quotes):
            return None
        nxt = self.quotes[qi + 1]
        between = _doc_text(self.doc)[q.end:nxt.start]
        if between.strip() == "" and "\n" in between:
            return qi + 1
        return None


# ---------------------------------------------------------------------------
# cue finders


def _subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def _verb_cue(tok: Token, qmap: _QuoteMap) -> Optional[_Cand]:
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB"):
        return None
    entry = _lookup(tok) or _that_clause_verb(tok)
    if entry is None:
        return None
    if tok.dep_ in ("amod", "compound", "acl") and tok.tag_ == "VBN":
        return None  # "a group called X", "the so-called", "the said report"
    children = list(tok.children)
    deps = {c.dep_ for c in children}
    passive = bool(deps & _PASS_SUBJ) or "auxpass" in deps
    cue = [tok.i] + [c.i for c in children if c.dep_ == "prt"]
    content: set[int] = set()
    from_colon = False

    ccomps = [c for c in children if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and "C" in entry.frames and passive)
              or (c.dep_ == "advcl" and c.i > tok.i and c.left_edge.lower_ in _WH_ADVCL)
              or _unmarked_clause(tok, c)]
    # a clause with neither subject nor complementiser is a misparse ("the things
    # said at the debate were forgotten"), unless it is quoted speech
    # "said single people would qualify": the parser took the clause's subject for an object
    subj_as_obj = [d for c in ccomps for d in children if c.dep_ == "ccomp" and d.dep_ == "dobj"
                   and tok.i < d.i < c.i and not _clause_like(c, qmap) and not _has_subject(c)
                   and any(a.dep_ == "aux" and a.i < c.i for a in c.children)]
    # "..., noted the analyst": a cue after its clause with its subject inverted
    inverted = any(c.dep_ in _SUBJ and c.i > tok.i for c in children)
    ccomps = [c for c in ccomps if c.dep_ != "ccomp" or _clause_like(c, qmap) or subj_as_obj
              or (inverted and c.i < tok.i)]
    if "C" in entry.frames and not ccomps and not passive:
        # "told a meeting of leaders that ...", "reported at the time that ...": the
        # that-clause hung on a noun of the verb's object or adjunct
        ccomps = _stray_that_clause(tok, children)
    if "C" in entry.frames and ccomps:
        for d in subj_as_obj:
            content |= _subtree_ids(d)
        for c in ccomps:
            content |= _subtree_ids(c)
        if passive and entry.lemma not in _EXPERIENCER_PASSIVES:  # "X is said to have ...", "it was reported that ..."
            for c in children:
                if c.dep_ in _PASS_SUBJ and c.lower_ not in _IMPERSONAL:
                    content |= _subtree_ids(c)
    elif "C" in entry.frames and qmap.inside(tok.head) and tok.dep_ in ("parataxis", "ccomp", "advcl", "conj", "dep", "ROOT"):
        # “... ,” he said — the verb hangs off the quotation
        content = _subtree_ids(tok.head) - _subtree_ids(tok)
    elif "C" in entry.frames and tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX") and _has_subject(tok):
        # The benefit, it says, would be $300.
        content = _subtree_ids(tok.head) - _subtree_ids(tok)
    elif "C" in entry.frames and _quote_before(tok, qmap) is not None:
        # “...?” said Obama.  (the quotation parsed as a sentence of its own)
        q = qmap.quotes[_quote_before(tok, qmap)]
        content = {t.i for t in tok.doc if q.start <= t.idx < q.end}
    elif "C" in entry.frames and _quote_after(tok, qmap) is not None:
        # He said: “...”  (the quotation parsed as a separate sentence)
        qi = _quote_after(tok, qmap)
        q = qmap.quotes[qi]
        from_colon = True
        content = {t.i for t in tok.doc if q.start <= t.idx < q.end}
    elif "C" in entry.frames and any(c.dep_ == "mark" and c.lower_ == "as" for c in children) \
            and tok.dep_ == "advcl" and not passive and entry.kind == "speech" \
            and (not deps & {"dobj", "xcomp", "ccomp", "prep", "acomp", "attr", "advcl"}
                 or _put_it(tok, children)):
        # ..., as he said.
        content = _subtree_ids(tok.head) - _subtree_ids(tok)
        cue = [c.i for c in children if c.dep_ == "mark"] + cue
    clausal = bool(content)
    if not content and "X" in entry.frames:
        xs = [c for c in children if c.dep_ == "xcomp" and c.i > tok.i]
        if xs:
            start = min(c.left_edge.i for c in children if c.dep_ in ("dobj", "dative", "xcomp") and c.i > tok.i)
            content = {i for x in xs for i in _subtree_ids(x)} | {
                i for c in children if c.dep_ in ("dobj", "dative") and c.i > tok.i for i in _subtree_ids(c)}
            content = {i for i in content if i >= start}
    if not content and "O" in entry.frames:
        content = _object_complement(tok, children, entry.lemma)
    if not content and "N" in entry.frames and not passive:
        content = _said_object(tok, children)
    if not content and passive and entry.kind in ("evaluation", "speech", "evidence") \
            and ("O" in entry.frames or "N" in entry.frames) and any(c.dep_ == "agent" for c in children):
        # "the plan was backed by X", "X, who was endorsed by Y": what is backed is the content
        subj = [c for c in children if c.dep_ in _PASS_SUBJ]
        if subj and subj[0].lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
            content = _subtree_ids(tok.head) - _subtree_ids(tok)
            content = {i for i in content if i >= tok.head.left_edge.i}
        elif subj and subj[0].lower_ not in _IMPERSONAL:
            content = _subtree_ids(subj[0])
    no_source = False
    if not content and passive and not any(c.dep_ == "agent" for c in children) \
            and entry.kind in ("evaluation", "speech", "evidence"):
        # "X was accused of Y", "the plan was announced": said of X by no one named
        content = _passive_clause(tok, children, entry.frames)
        no_source = bool(content)
    if not content and entry.lemma in _RAISING and not passive:
        # "X seems to be Y", "that seems unlikely": a view with no holder named
        content = _raised_clause(tok, children)
        no_source = bool(content)
    if not content:
        return None
    content -= set(cue)
    if not from_colon:
        # the parser may run a sentence over a paragraph break; a claim does not
        para = qmap.para
        content = {i for i in content if para[i] == para[tok.i]}
        if not content:
            return None
    cand = _Cand(cue=sorted(set(cue)), content=content, kind="indirect", clausal=clausal)
    cand.negated = any(c.dep_ == "neg" for c in children) or entry.lemma == "deny"
    if not no_source:
        _set_speaker(cand, tok, passive)
    if cand.speaker_head is not None and qmap.inside(tok.doc[cand.speaker_head]):
        # the parser took words of the quotation for the subject ("“... panic mode,”
        # said X"): the speaker is the noun phrase outside the quotation
        alt = _speaker_outside_quote(tok, qmap)
        if alt is not None:
            cand.speaker, cand.speaker_head = alt
    if passive and cand.speaker is None and entry.lemma in _EXPERIENCER_PASSIVES:
        # "we are convinced that ...": the one convinced holds the belief
        subj = [c for c in children if c.dep_ in _PASS_SUBJ and c.lower_ not in _IMPERSONAL]
        if subj:
            cand.speaker, cand.speaker_head = _np_span(subj[0]), subj[0].i
    if cand.speaker is None and not passive and not no_source:
        # the parser sometimes hangs the subject's words on the verb ("the Russian
        # military states": det + amod of "states"): take them as the speaker
        lefts = [c for c in children if c.i < tok.i and c.dep_ in ("det", "amod", "compound", "nmod", "poss")]
        if lefts and max(c.right_edge.i for c in lefts) == tok.i - 1:
            start = min(c.left_edge.i for c in lefts)
            cand.speaker, cand.speaker_head = (start, tok.i), tok.i - 1
    return cand


_ANIMATE_PRONOUNS = {"i", "we", "you", "he", "she", "they", "who"}
_ANIMATE_ENTS = {"PERSON", "ORG", "NORP", "GPE"}


def _animate(tok: Token) -> bool:
    """Can this subject hold a view: a person, a body, a personal pronoun, a role?"""
    from .resolve import PERSON_NOUNS

    if tok.lower_ in _ANIMATE_PRONOUNS:
        return True
    if tok.ent_type_ in _ANIMATE_ENTS or tok.pos_ == "PROPN":
        return True
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in PERSON_NOUNS or tok.lemma_.lower() in _ROLE_NOUNS)


def _that_clause_verb(tok: Token):
    """A verb outside the lexicon with "that" and a clause after it and a person
    or body for subject: "X fretted that ...", "X insists that ..." — the
    construction itself marks what X said or thought."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() in ("be", "have", "do", "mean", "make", "ensure", "require", "so"):
        return None
    subj = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i]
    if not subj or not _animate(subj[0]):
        return None
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i > tok.i and _has_subject(c) and any(
                g.dep_ == "mark" and g.lower_ == "that" and g.i == c.left_edge.i for g in c.children):
            return _GENERIC_C
    return None


def _speaker_outside_quote(tok: Token, qmap: "_QuoteMap") -> Optional[tuple[tuple[int, int], int]]:
    doc = tok.doc
    subj = [c for c in tok.children if c.dep_ in _SUBJ and not qmap.inside(c)]
    if subj:
        return _np_span(subj[0]), subj[0].i
    # the words between the closing quotation mark and the verb
    j = tok.i - 1
    while j >= 0 and not doc[j].is_punct and not doc[j].is_space and not qmap.inside(doc[j]) \
            and doc[j].pos_ not in ("VERB", "AUX"):
        j -= 1
    run = [t for t in doc[j + 1:tok.i] if t.dep_ not in ("advmod", "neg")]
    if not run or j < 0 or not (doc[j].is_quote or doc[j].is_punct) or len(run) > 8:
        return None
    nouns = [t for t in run if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return None
    heads = [t for t in nouns if not (run[0].i <= t.head.i <= run[-1].i)] or [nouns[-1]]
    return (run[0].i, run[-1].i + 1), heads[0].i


def _lookup(tok: Token):
    """The lexicon entry of a verb, by its lemma or, where the lemmatiser went
    wrong ("hoped" → "hop", "rated" → "rat"), by the inflected form undone."""
    lex = reporting_verbs()
    entry = lex.get(tok.lemma_.lower())
    if entry is not None:
        return entry
    word = tok.lower_
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""),
                         ("ing", "e"), ("ing", ""), ("d", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            if stem in lex and stem != tok.lemma_.lower():
                return lex[stem]
    return None


def _put_it(tok: Token, children: list[Token]) -> bool:
    """"as X put it (in a letter)": a speech verb with "it" for what was said."""
    objs = [c for c in children if c.dep_ == "dobj"]
    return tok.lemma_.lower() == "put" and len(objs) == 1 and objs[0].lower_ == "it" \
        and not {c.dep_ for c in children} & {"xcomp", "ccomp", "acomp", "attr", "advcl"}


def _stray_that_clause(tok: Token, children: list[Token]) -> list[Token]:
    for c in children:
        if c.i < tok.i or c.dep_ not in ("dobj", "dative", "prep", "npadvmod"):
            continue
        for x in c.subtree:
            if x.dep_ not in ("acl", "relcl", "ccomp", "advcl") or x.head.pos_ not in ("NOUN", "PROPN", "PRON"):
                continue
            if x.head.lemma_.lower() in CUE_NOUNS or x.head.lemma_.lower() in _NOT_SOURCES:
                continue
            first = x.left_edge
            if first.lower_ == "that" and first.dep_ == "mark" and first.head.i == x.i and _has_subject(x) \
                    and x.head.i < first.i and not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")
                                                       for t in tok.doc[c.i:first.i]):
                return [x]
    return []


def _clause_like(head: Token, qmap: _QuoteMap) -> bool:
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "mark") for c in head.children):
        return True
    if not any(c.dep_ in ("aux", "auxpass") for c in head.children) and head.tag_ not in ("VBD", "VBZ", "VBP"):
        return True  # an imperative or bare clause: no sign of a misparse
    if head.left_edge.lower_ in _WH_ADVCL or head.left_edge.tag_ in ("WDT", "WP", "WRB"):
        return True
    return any(qmap.inside(t) for t in head.subtree)


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in _SUBJ for c in tok.children)


def _quote_after(tok: Token, qmap: _QuoteMap) -> Optional[int]:
    """A long quotation right after ``tok`` and a colon or comma (``said: “...”``)."""
    doc = tok.doc
    own = set()
    for c in tok.children:
        if c.i > tok.i and c.dep_ in _SUBJ:
            own |= _subtree_ids(c)
    j = tok.i + 1
    while j < len(doc) and (j in own or doc[j].dep_ in ("prt", "npadvmod", "advmod") or doc[j].ent_type_ in ("DATE", "TIME")) \
            and not qmap.inside(doc[j]) and j - tok.i < 4 + len(own):
        j += 1
    if j >= len(doc) or doc[j].text not in (":", ","):
        return None
    k = j + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc):
        return None
    for qi, q in enumerate(qmap.quotes):
        if q.start == doc[k].idx and qmap.is_long(qi):
            return qi
    return None


def _quote_before(tok: Token, qmap: _QuoteMap) -> Optional[int]:
    """A long quotation ending right before the attribution ``tok`` stands in.

    Only the cue's own subject, auxiliaries, adverbs and punctuation may lie
    between: “...,” he said / “...?” said Obama.
    """
    doc = tok.doc
    allowed = {tok.i}
    for c in tok.children:
        if c.dep_ in _SUBJ or c.dep_ in ("aux", "neg", "advmod", "npadvmod"):
            if c.i < tok.i:
                allowed |= _subtree_ids(c)
    j = tok.i - 1
    while j >= 0 and (j in allowed or doc[j].is_space) and not qmap.inside(doc[j]):
        j -= 1
    # skip the punctuation closing the quotation: ,” / ?” / .”
    k = j
    while k >= 0 and doc[k].is_punct and k > j - 3:
        qi = qmap.by_token[k]
        if qi == -1:
            for qj, q in enumerate(qmap.quotes):
                if q.closed and q.end == doc[k].idx + len(doc[k].text):
                    qi = qj
        if qi != -1:
            q = qmap.quotes[qi]
            if q.closed and q.end <= tok.idx and qmap.is_long(qi) and "\n" not in _doc_text(doc)[q.end:tok.idx]:
                return qi
        k -= 1
    return None


#: verbs that raise the subject of the view they report ("X seems to ...")
_RAISING = {"seem", "appear"}
_CLAUSE_RIGHT = {"dobj", "dative", "prep", "xcomp", "ccomp", "oprd", "attr", "acomp", "advmod", "npadvmod", "agent"}


def _clause_span(tok: Token, subj: Token, children: list[Token]) -> set[int]:
    """The clause of ``tok`` from its subject to the end of its last right complement."""
    right = [c for c in children if c.i > tok.i and c.dep_ in _CLAUSE_RIGHT]
    if not right:
        return set()
    end = max(c.right_edge.i for c in right)
    start = subj.left_edge.i
    sub = _subtree_ids(tok)
    return {i for i in range(start, end + 1) if i in sub and not tok.doc[i].is_space}


def _passive_clause(tok: Token, children: list[Token], frames: frozenset[str]) -> set[int]:
    subj = [c for c in children if c.dep_ == "nsubjpass" and c.i < tok.i]
    if not subj or subj[0].lower_ in _IMPERSONAL or subj[0].tag_ in ("WDT", "WP") or subj[0].lower_ == "that":
        return set()
    if tok.dep_ not in ("ROOT", "ccomp", "conj", "advcl") or tok.tag_ != "VBN":
        return set()
    if "N" in frames or "C" in frames:  # "the plan was announced (on Monday)"
        return _clause_span(tok, subj[0], children)
    # "X was accused of Y", "X was called a liar" — not "X was called to the scene"
    if not any(c.dep_ in ("oprd", "xcomp", "attr") or (c.dep_ == "prep" and c.lower_ in _OBJ_PREPS)
               for c in children if c.i > tok.i):
        return set()
    return _clause_span(tok, subj[0], children)


def _raised_clause(tok: Token, children: list[Token]) -> set[int]:
    subj = [c for c in children if c.dep_ == "nsubj" and c.i < tok.i]
    if not subj or subj[0].lower_ in _IMPERSONAL or subj[0].tag_ in ("WDT", "WP"):
        return set()
    if any(c.dep_ == "prep" and c.lower_ == "to" and any(g.pos_ == "PRON" for g in c.children) for c in children):
        return set()  # "seems to me": a holder after all
    if any(c.dep_ == "xcomp" and (_lookup(c) is not None or any(g.dep_ == "xcomp" for g in c.children))
           for c in children):
        return set()  # "appeared to suggest ...": the subject is the one suggesting
    if not any(c.dep_ in ("xcomp", "acomp", "oprd", "attr") or (c.dep_ == "prep" and c.lower_ == "like")
               for c in children if c.i > tok.i):
        return set()
    return _clause_span(tok, subj[0], children)


def _unmarked_clause(verb: Token, c: Token) -> bool:
    """"said after the convention he would not accept ...": a clause with its own
    subject and no subordinating word, which the parser hung on the cue as an
    adverbial clause; it is the reported clause."""
    if c.dep_ != "advcl" or c.i < verb.i or c.pos_ not in ("VERB", "AUX"):
        return False
    if any(g.dep_ == "mark" or g.tag_ in ("WRB", "WDT", "WP") for g in c.children) or c.tag_ in ("VBG", "VBN", "TO"):
        return False
    if not any(g.dep_ in ("nsubj", "nsubjpass", "expl") and g.i < c.i for g in c.children):
        return False
    # the clause must start the material after the cue's own words (a comma would
    # make it a separate sentence joined loosely)
    return not any(t.text in (",", ";", ":", "—", "--") for t in verb.doc[verb.i + 1:c.left_edge.i])


def _said_object(tok: Token, children: list[Token]) -> set[int]:
    """"said the same thing", "noted the rule", "polls show a close race": a
    verb of saying or finding whose direct object is what was said or found."""
    objs = [c for c in children if c.dep_ == "dobj" and c.i > tok.i]
    if len(objs) != 1 or not _has_subject(tok):
        return set()
    obj = objs[0]
    if obj.pos_ == "PRON" or obj.ent_type_ == "PERSON" or obj.tag_ == "VBG":
        return set()  # "said it", "told me", "noted Smith": not what was said
    ids = _subtree_ids(obj)
    for c in children:  # "shows Clinton with a lead", "found that action unconstitutional"
        if c.i > obj.right_edge.i and c.dep_ in ("oprd", "xcomp", "ccomp", "acomp"):
            ids |= _subtree_ids(c)
    return ids


def _object_complement(tok: Token, children: list[Token], lemma: str) -> set[int]:
    right = [c for c in children if c.i > tok.i]
    keep = []
    for c in right:
        if c.dep_ in ("dobj", "dative", "oprd", "attr", "ccomp", "xcomp"):
            keep.append(c)
        elif c.dep_ in ("prep", "agent") and c.lower_ in _OBJ_PREPS \
                and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj"):
            keep.append(c)  # "spoke about X", not "spoke on Monday"
    if not keep:
        return set()
    deps = {c.dep_ for c in keep}
    preps = {c.lower_ for c in keep if c.dep_ == "prep"}
    quoted = any(t.is_quote and t.i > tok.i for c in keep for t in c.subtree) or any(
        t.is_quote for t in tok.doc[max(c.right_edge.i for c in keep) + 1:max(c.right_edge.i for c in keep) + 2])
    if lemma == "call" and not (deps & {"oprd", "xcomp", "ccomp"} or preps & {"for", "on"} or quoted):
        return set()  # "called the police": not a claim
    if lemma in ("describe", "characterize", "label", "brand", "dub", "see", "view", "regard", "portray", "depict") and not (deps & {"oprd"} or "as" in preps):
        return set()
    if lemma == "accuse" and "dobj" not in deps:
        return set()
    start = min(t.i for c in keep for t in c.subtree)
    end = max(t.i for c in keep for t in c.subtree)
    return set(range(start, end + 1))


def _according_to(tok: Token) -> Optional[_Cand]:
    if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc) or tok.nbor(1).lower_ != "to":
        return None
    to = tok.nbor(1)
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    if not objs:
        return None
    obj = objs[0]
    if obj.lemma_.lower() in _NOT_SOURCES or obj.lower_ in _NOT_SOURCES:
        return None
    head = _clause_head(tok)
    if head is None:
        return None
    own = _subtree_ids(tok)
    content = (_subtree_ids(head) - own) & set(range(tok.sent.start, tok.sent.end))
    cand = _Cand(cue=[tok.i, to.i], content=content, kind="according-to")
    cand.speaker = _np_span(obj)
    cand.speaker_head = obj.i
    return cand


def _in_view(tok: Token) -> Optional[_Cand]:
    if tok.lower_ != "in" or tok.dep_ != "prep":
        return None
    objs = [c for c in tok.children if c.dep_ == "pobj" and c.lower_ in _VIEW_NOUNS]
    if not objs:
        return None
    noun = objs[0]
    holder = [c for c in noun.children if c.dep_ == "poss"]
    if not holder:
        ofs = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        holder = [g for o in ofs for g in o.children if g.dep_ == "pobj"]
    if not holder:
        return None
    head = _clause_head(tok)
    if head is None:
        return None
    content = (_subtree_ids(head) - _subtree_ids(tok)) & set(range(tok.sent.start, tok.sent.end))
    cue = [tok.i, noun.i]
    cand = _Cand(cue=cue, content=content, kind="according-to")
    cand.speaker = _np_span(holder[0])
    cand.speaker_head = holder[0].i
    return cand


def _adjective_cue(tok: Token, qmap: _QuoteMap) -> Optional[_Cand]:
    """"X is sure (that) ...", "it is clear that ...", "X is critical of Y"."""
    if tok.pos_ != "ADJ" or tok.dep_ not in ("acomp", "oprd", "amod", "conj"):
        return None
    low = tok.lower_
    if low not in _STANCE_ADJ and low not in _STANCE_ADJ_PREPS:
        return None
    verb = tok.head
    if tok.dep_ == "amod" or verb.lemma_.lower() not in ("be", "seem", "appear", "remain", "become", "feel", "grow", "sound"):
        return None
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subj:
        return None
    clause = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i and _has_subject(c)]
    if not clause and subj[0].lower_ == "it":
        clause = [c for c in verb.children if c.dep_ == "ccomp" and c.i > tok.i and _has_subject(c)]
    content: set[int] = set()
    if clause and low in _STANCE_ADJ:
        content = _subtree_ids(clause[0])
    elif low in _STANCE_ADJ_PREPS and subj[0].lower_ not in _IMPERSONAL:
        preps = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in _STANCE_ADJ_PREPS[low]
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
        if preps:
            content = {i for g in preps[0].children if g.dep_ in ("pobj", "pcomp") for i in _subtree_ids(g)}
            cue = [tok.i, preps[0].i]
    if not content:
        return None
    para = qmap.para
    content = {i for i in content if para[i] == para[tok.i]}
    if not content:
        return None
    cand = _Cand(cue=[tok.i] if clause else cue, content=content, kind="indirect", clausal=bool(clause))
    cand.negated = any(c.dep_ == "neg" for c in verb.children)
    if subj[0].lower_ not in _IMPERSONAL:
        if subj[0].lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            head = verb.head
            cand.speaker, cand.speaker_head = _np_span(head), head.i
        else:
            cand.speaker, cand.speaker_head = _np_span(subj[0]), subj[0].i
    return cand


def _noun_cue(tok: Token, qmap: _QuoteMap) -> Optional[_Cand]:
    """A noun cue with its clause: "the claim that ...", "Trump's insistence that ...",
    "a report that ...".  The holder is the possessor ("Trump's claim"), the
    object of "by"/"from" ("a statement from the ministry") or the subject of a
    light verb ("X made the claim that"); else the claim has no speaker."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in CUE_NOUNS:
        return None
    clauses = [c for c in tok.children if c.dep_ in ("acl", "ccomp", "appos") and c.i > tok.i
               and any(g.dep_ == "mark" and g.lower_ == "that" and g.i == c.left_edge.i for g in c.children)
               and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)]
    if not clauses:
        # with a holder named: "Trump's claims about X", "her plan to ...", "his support for ..."
        if not any(c.dep_ == "poss" for c in tok.children):
            return None
        clauses = [c for c in tok.children if c.i > tok.i and (
            (c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
            or (c.dep_ == "prep" and c.lower_ in ("about", "on", "of", "over", "for", "against", "with", "to")
                and any(g.dep_ in ("pobj", "pcomp") for g in c.children)))]
        if not clauses:
            return None
    clause = clauses[0]
    content = _subtree_ids(clause)
    para = qmap.para
    content = {i for i in content if para[i] == para[tok.i]}
    if not content:
        return None
    cue = [tok.i]
    cand = _Cand(cue=cue, content=content, kind="indirect")
    holder = [c for c in tok.children if c.dep_ == "poss"]
    if not holder:
        holder = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < clause.i
                  for g in c.children if g.dep_ == "pobj"]
    if not holder:
        # "a New York Times report that ...", "a Pentagon assessment that ...": a name
        # in front of the noun holds it
        names = [c for c in tok.children if c.dep_ in ("compound", "nmod") and c.i < tok.i
                 and (c.pos_ == "PROPN" or c.ent_type_ in _ANIMATE_ENTS)]
        if names:
            h = names[-1]
            cand.speaker, cand.speaker_head = (min(c.left_edge.i for c in names), h.i + 1), h.i
    if holder:
        h = holder[0]
        if h.lower_ in ("its", "their", "his", "her"):
            cand.speaker, cand.speaker_head = (h.i, h.i + 1), h.i
        else:
            cand.speaker, cand.speaker_head = _np_span(h), h.i
    elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:
        verb = tok.head
        cand.cue = sorted({verb.i, tok.i})
        _set_speaker(cand, verb, any(c.dep_ in _PASS_SUBJ for c in verb.children))
    if cand.speaker is None and tok.dep_ in ("dobj", "pobj"):
        # "X persisted in arguments that ...", "X voiced fears that ...": the one
        # doing it holds the view
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head
        if tok.dep_ == "pobj" and (tok.head.dep_ != "prep" or tok.head.lower_ not in ("in", "with")):
            verb = None
        if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() not in ("be", "have"):
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if subj and _animate(subj[0]) and subj[0].tag_ not in ("WDT", "WP"):
                cand.speaker, cand.speaker_head = _np_span(subj[0]), subj[0].i
    if cand.speaker is None and not (clause.dep_ in ("acl", "ccomp", "appos") and clause.i > tok.i
                                     and any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)):
        return None  # "her support for ...": with no holder, not a claim
    # "the claim that ...", "reports that ...": a claim whose holder is not named
    cand.negated = any(c.dep_ == "neg" for c in tok.children) or tok.lemma_.lower() == "denial"
    return cand


def _statement_then_content(doc: Doc, cands: list[_Cand], qmap: _QuoteMap) -> list[_Cand]:
    """"X released a statement." followed, in the same paragraph, by a sentence
    with no attribution of its own: that sentence is what the statement said."""
    out = list(cands)
    sents = list(doc.sents)
    for si, sent in enumerate(sents[:-1]):
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.lower_ not in STATEMENT_NOUNS or tok.dep_ != "dobj" \
                    or tok.head.lemma_.lower() not in LIGHT_VERBS or qmap.inside(tok):
                continue
            verb = tok.head
            if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) \
                    or any(c.dep_ in ("acl", "relcl", "ccomp") for c in tok.children):
                continue
            # nothing but the object's own modifiers after it: the sentence ends there
            mods = {i for c in verb.children if c.dep_ in ("prep", "advmod", "npadvmod", "agent") and c.i > tok.i
                    for i in _subtree_ids(c)}
            rest = [t for t in doc[tok.right_edge.i + 1:sent.end] if not (t.is_punct or t.is_space or t.i in mods)]
            if rest:
                continue
            nxt = sents[si + 1]
            if "\n" in _doc_text(doc)[tok.idx:nxt.start_char] or any(qmap.inside(t) for t in nxt[:1]):
                continue
            in_next = [c for c in out if nxt.start <= c.cue[0] < nxt.end]
            if any(c.speaker is not None for c in in_next):
                continue  # the next sentence has its own speaker
            out = [c for c in out if c not in in_next]
            content = {t.i for t in nxt if not t.is_space}
            cand = _Cand(cue=[verb.i, tok.i], content=content, kind="indirect")
            _set_speaker(cand, verb, any(c.dep_ in _PASS_SUBJ for c in verb.children))
            if cand.speaker is None:
                continue
            out.append(cand)
    return out


_DASH_AFTER = re.compile(r"[^\S\n]*(?:―|—|–|--)[^\S\n]*")


def _bylines(doc: Doc, qmap: _QuoteMap, actors: Sequence[Actor] = ()) -> list[_Cand]:
    """Quotations signed with a dash (“...” ― Jane Doe) and lines headed by a
    name and a colon (SANDERS: We need ...)."""
    text = _doc_text(doc)
    out: list[_Cand] = []
    by_start = {t.idx: t.i for t in doc}
    for qi, q in enumerate(qmap.quotes):
        if not q.closed or not qmap.is_long(qi):
            continue
        m = _DASH_AFTER.match(text, q.end)
        if not m or m.end() not in by_start:
            continue
        first = by_start[m.end()]
        # the dash may be glued to the closing mark in one token (”―)
        dash = [t.i for t in doc if t.idx < m.end() and t.idx + len(t.text) > q.end and not t.is_space]
        name = _name_run(doc, first)
        if name is None or not dash:
            continue
        content = {t.i for t in doc if q.start <= t.idx < q.end}
        cand = _Cand(cue=dash, content=content, kind="indirect")
        cand.speaker, cand.speaker_head = name, name[1] - 1
        out.append(cand)
    for tok in doc:
        if tok.text != ":":
            continue
        line_start = text.rfind("\n", 0, tok.idx) + 1
        if line_start not in by_start:
            continue
        first = by_start[line_start]
        while first < tok.i and doc[first].is_punct:
            first += 1
        name = _name_run(doc, first, _mentions(doc, actors))
        if name is None or name[1] != tok.i:
            continue
        line_end = text.find("\n", tok.idx)
        line_end = len(text) if line_end == -1 else line_end
        content = {t.i for t in doc if tok.idx < t.idx < line_end and not t.is_space}
        if len(content) < 3:
            continue
        cand = _Cand(cue=[tok.i], content=content, kind="indirect", line=True)
        cand.speaker, cand.speaker_head = name, name[1] - 1
        out.append(cand)
    return out


def _mentions(doc: Doc, actors: Sequence[Actor]) -> set[int]:
    """Token indices inside a mention of a named person or body (the actors stage)."""
    out: set[int] = set()
    for actor in actors:
        for m in actor.mentions:
            sp = doc.char_span(m.start, m.end, alignment_mode="contract")
            if sp is not None:
                out.update(range(sp.start, sp.end))
    return out


def _name_run(doc: Doc, first: int, named: frozenset[int] | set[int] = frozenset()) -> Optional[tuple[int, int]]:
    """A person's or body's name starting at token ``first`` (up to six tokens, then a line
    end, a colon or a full stop), as a token span."""
    end = first
    while end < len(doc) and end - first < 7 and not doc[end].is_space and doc[end].text not in (":", ".", "\n") \
            and (doc[end].pos_ == "PROPN" or doc[end].text in ("-", "'", "’", ",") or doc[end].ent_type_ in ("PERSON", "ORG")):
        end += 1
    while end > first and doc[end - 1].is_punct:
        end -= 1
    if end == first or end - first > 6:
        return None
    stop = doc[end] if end < len(doc) else None
    if stop is not None and not (stop.is_space or stop.text in (":", ".", ",") or "\n" in stop.text_with_ws):
        return None
    span = doc[first:end]
    if not any(t.ent_type_ in ("PERSON", "ORG", "NORP") or (t.is_upper and len(t.text) > 2) or t.i in named
               for t in span):
        return None
    return first, end


def _clause_head(tok: Token) -> Optional[Token]:
    head = tok.head
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            return head
        if head.head is head:
            return head
        head = head.head
    return None


# ---------------------------------------------------------------------------
# speakers


def _np_span(tok: Token) -> tuple[int, int]:
    """The noun phrase headed by ``tok`` as a token span (edges trimmed of punctuation)."""
    left, right = tok.left_edge.i, tok.right_edge.i
    doc = tok.doc
    while left < tok.i and (doc[left].is_punct or doc[left].is_space or doc[left].dep_ == "cc"):
        left += 1
    while right > tok.i and (doc[right].is_punct or doc[right].is_space or doc[right].dep_ == "case"):
        right -= 1
    return left, right + 1


def _set_speaker(cand: _Cand, verb: Token, passive: bool) -> None:
    node = verb
    for _ in range(4):
        children = list(node.children)
        if passive and node is verb:
            agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agents:
                cand.speaker, cand.speaker_head = _np_span(agents[0]), agents[0].i
            return  # a passive without "by X": no speaker
        subj = [c for c in children if c.dep_ in _SUBJ]
        if subj:
            s = subj[0]
            if s.lower_ in ("that", "which") and node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
                # "nations that oppose ...": the antecedent speaks
                head = node.head
                left = min(t.i for t in head.subtree)
                cand.speaker, cand.speaker_head = (left, head.i + 1), head.i
                return
            if s.lower_ in _IMPERSONAL and s.dep_ == "nsubj" and node is verb and s.lower_ == "there":
                return
            cand.speaker, cand.speaker_head = _np_span(s), s.i
            return
        if any(c.dep_ in _PASS_SUBJ for c in children):
            if node is not verb:  # "... was criticised by X, saying": the agent speaks
                agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                if agents:
                    cand.speaker, cand.speaker_head = _np_span(agents[0]), agents[0].i
            return
        # inherit the subject: "... and added", "..., saying", "wants to say"
        if node.dep_ in ("conj", "xcomp", "advcl", "pcomp") and node.head is not node:
            node = node.head
            if node.dep_ == "prep" and node.head is not node:  # "before saying", "by saying"
                node = node.head
            continue
        if node.dep_ == "acl" and node is verb and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            # "a statement saying ...", "Trump, saying ..."
            head = node.head
            if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
                cand.speaker, cand.speaker_head = _np_span(head), head.i
            else:
                left = min(t.i for t in head.subtree)
                cand.speaker, cand.speaker_head = (left, head.i + 1), head.i
        return


def _speaker_name(doc: Doc, cand: _Cand) -> Optional[str]:
    if cand.speaker is None or cand.speaker_head is None:
        return None
    head = doc[cand.speaker_head]
    low = head.lower_
    if low in _PERSON_PRONOUNS:
        return _previous_person(doc, head.idx)
    if low in ("who", "that") and head.head.dep_ == "relcl":
        ante = head.head.head
        return _name_of(ante)
    if head.pos_ == "NOUN" and head.lemma_.lower() in _ROLE_NOUNS and head.tag_ == "NN" \
            and any(c.lower_ in ("the", "this") for c in head.children) \
            and not any(t.pos_ == "PROPN" for t in doc[cand.speaker[0]:cand.speaker[1]]):
        found = _previous_person(doc, doc[cand.speaker[0]].idx)
        if found:
            return found
    if low in ("one",) or (head.pos_ == "PRON" and low not in ("who",)):
        appos = [c for c in head.children if c.dep_ == "appos"]
        if appos:
            return _name_of(appos[0])
    if head.pos_ == "PRON":
        return None
    return _name_of(head)


def _name_of(head: Token) -> str:
    if head.ent_type_:
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and "\n" not in ent.text:
            return ent.text
    left = head.i
    doc = head.doc
    for c in head.lefts:
        if c.dep_ in ("det", "amod", "compound", "nmod", "poss", "nummod", "quantmod") and not c.is_punct:
            left = min(left, c.left_edge.i)
    right = head.i
    for c in head.rights:
        if c.dep_ in ("compound", "flat"):
            right = max(right, c.right_edge.i)
    return doc[left:right + 1].text


def _previous_person(doc: Doc, before: int) -> Optional[str]:
    persons = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= before]
    if not persons:
        return None
    last = persons[-1]
    surname = last[-1].text
    full = last.text
    for e in persons:  # the fullest form of that name used earlier ("Figueroa" → "Melezia Figueroa")
        if e[-1].text == surname and len(e.text) > len(full):
            full = e.text
    for tok in doc:  # ... also where the tagger named it but the recogniser missed it
        if tok.idx >= before:
            break
        if tok.text == surname and tok.pos_ == "PROPN":
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                    and doc[start - 1].is_title and not doc[start - 1].text.endswith(".") \
                    and doc[start - 1].lower_ not in _ROLE_NOUNS and doc[start - 1].lower_ not in _TITLES:
                start -= 1
            name = doc[start:tok.i + 1].text
            if len(name) > len(full) and "\n" not in name:
                full = name
    return full


# ---------------------------------------------------------------------------
# contents


def _split_nested(doc: Doc, cands: list[_Cand]) -> None:
    """A cue inside another claim's content is an attribution of its own (one token,
    one attribution): "X said A, arguing B", "X said A, which he said B",
    "X said A and suggested B" (when the parser hangs the second verb inside A).
    The outer content keeps its largest run of words outside the inner
    attribution; an inner cue with no subject of its own speaks for the outer
    speaker.  When nothing of the outer content is left, the inner one goes (as
    before: :func:`_univocal`)."""
    for outer in cands:
        if outer.kind == "according-to":
            continue
        inners = [c for c in cands if c is not outer and c.clausal and c.cue[0] in outer.content
                  and outer.cue[0] not in c.content and c.content and _adjunct_of(doc[c.cue[0]], outer.content)]
        if not inners:
            continue
        removed: set[int] = set()
        for c in inners:
            verb = doc[c.cue[0]]
            own_subject = any(ch.dep_ in _SUBJ or ch.dep_ in _PASS_SUBJ or ch.dep_ == "agent"
                              for ch in verb.children)
            removed |= c.content | set(c.cue)
            if c.speaker is not None and own_subject:
                removed |= set(range(*c.speaker))
            elif outer.speaker is not None and verb.dep_ in ("advcl", "conj", "xcomp") and (
                    c.speaker is None or any(i in outer.content for i in range(*c.speaker))):
                # "X said A, arguing B": the subject it inherited is inside A; X argues
                c.speaker, c.speaker_head = outer.speaker, outer.speaker_head
        left = sorted(outer.content - removed)
        runs: list[list[int]] = []
        for i in left:
            if runs and not any(j in removed for j in range(runs[-1][-1] + 1, i)):
                runs[-1].append(i)
            else:
                runs.append([i])
        runs = [_trim_run(doc, r) for r in runs]
        runs = [r for r in runs if sum(1 for i in r if _WORD.search(doc[i].text)) >= 2]
        if not runs:
            continue
        best = max(runs, key=lambda r: (sum(1 for i in r if not doc[i].is_punct), -r[0]))
        outer.content = set(best)


def _adjunct_of(verb: Token, content: set[int]) -> bool:
    """Is ``verb`` joined to the clause it sits in as an adjunct (a participle, a
    second verb, a relative clause), not as the complement that clause reports
    ("said he didn't believe ...": "believe" is what was said)?"""
    node = verb
    for _ in range(12):
        if node.dep_ in ("advcl", "conj", "relcl", "parataxis", "acl"):
            return True
        if node.head.i == node.i or node.head.i not in content:
            return False
        node = node.head
    return False


def _trim_run(doc: Doc, run: list[int]) -> list[int]:
    """A run of content tokens without the joints at its edges (commas, "and", "that")."""
    a, b = 0, len(run)
    while a < b and (doc[run[a]].is_punct or doc[run[a]].is_space or doc[run[a]].dep_ == "cc"):
        a += 1
    while b > a and (doc[run[b - 1]].is_punct or doc[run[b - 1]].is_space or doc[run[b - 1]].dep_ in ("cc", "mark")):
        b -= 1
    return run[a:b]


def _char_spans(doc: Doc, cand: _Cand) -> list[tuple[int, int]]:
    """The content token set as character spans, edges trimmed."""
    if not cand.content:
        return []
    ids = sorted(cand.content)
    spans: list[tuple[int, int]] = []
    run = [ids[0], ids[0]]
    for i in ids[1:]:
        if i == run[1] + 1:
            run[1] = i
        else:
            spans.append((run[0], run[1]))
            run = [i, i]
    spans.append((run[0], run[1]))
    out = []
    for a, b in spans:
        s, e = doc[a].idx, doc[b].idx + len(doc[b].text)
        s, e = _trim(_doc_text(doc), s, e)
        if e > s:
            out.append((s, e))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s] in _TRIM_CHARS):
        s += 1
    while e > s and (text[e - 1] in _TRIM_CHARS):
        e -= 1
    return s, e


def _absorb_quotes(doc: Doc, cands: list[_Cand], qmap: _QuoteMap, separate: bool = False) -> None:
    """Take whole quotations into the contents that touch them; merge split quotations."""
    text = _doc_text(doc)
    taken: set[int] = set()
    for cand in cands:
        if not cand.spans or cand.line:
            continue
        s, e = min(a for a, _ in cand.spans), max(b for _, b in cand.spans)
        qis = qmap.overlapping(s, e)
        # the parts of a quotation split by this attribution, in the same sentence
        sent = doc[cand.cue[0]].sent
        for qi, q in enumerate(qmap.quotes):
            if qi in qis or not qmap.is_long(qi):
                continue
            if sent.start_char <= q.start < sent.end_char + 2 and qis:
                gap = _doc_text(doc)[e:q.start] if q.start >= e else _doc_text(doc)[q.end:s]
                if "\n" not in gap and _only_attribution_between(doc, cand, q, s, e) \
                        and not _has_cue_near(doc, [o for o in cands if o is not cand], q):
                    qis.append(qi)  # (unless the quotation has a cue of its own: “...,” she said)
        extra = []
        for qi in qis:
            nxt = qmap.continuation(qi)
            while nxt is not None:
                extra.append(nxt)
                nxt = qmap.continuation(nxt)
        qis = sorted(set(qis) | set(extra))
        new = list(cand.spans)
        cue_at = doc[cand.cue[0]].idx
        for qi in qis:
            q = qmap.quotes[qi]
            if q.start <= cue_at < q.end:
                # the attribution sits inside the quotation's marks ("WALLACE: ..."): take
                # the side of the quotation the content is on, not the cue with it
                if cue_at < s:
                    new.append((s, q.end))
                else:
                    new.append((q.start, e))
                continue
            new.append((q.start, q.end))
            taken.add(qi)
        cand.spans = _merge_spans(new)
    # a quotation continuing in the next sentence of the same paragraph
    for cand in cands:
        if not cand.spans or cand.line:
            continue
        e = max(b for _, b in cand.spans)
        ends_quote = any(q.end == e for q in qmap.quotes)
        cue_end = max(doc[i].idx + len(doc[i].text) for i in cand.cue)
        if not ends_quote:
            if separate or cue_end > e:
                continue
            # "X said that ... . “...”": the quotation goes on with the same attribution
            m = re.match(r"[.!?][ \t]+(?=[“\"])", text[e:])
            if m:
                _take_quote(doc, cands, cand, qmap, e + m.end(), taken)
            continue
        rest = text[e:]
        m = re.match(r"[^\n“\"]{0,80}?[.!?]?[ \t]+(?=[“\"])", rest)
        if not m:
            continue
        gap = rest[:m.end()]
        if "\n" in gap or cue_end < e:
            # only after "“...,” he said." — the attribution closes the first sentence
            if cue_end < e:
                continue
        if cue_end > e + len(gap):
            continue
        _take_quote(doc, cands, cand, qmap, e + m.end(), taken)


def _take_quote(doc: Doc, cands: list[_Cand], cand: _Cand, qmap: _QuoteMap, start: int, taken: set[int]) -> None:
    for qi, q in enumerate(qmap.quotes):
        if q.start == start and qi not in taken and qmap.is_long(qi) and not _has_cue_near(doc, cands, q):
            cand.spans = _merge_spans(cand.spans + [(q.start, q.end)])
            taken.add(qi)
            cand.continued = True
            return


_NEW_QUOTE = re.compile(r"[.!?][ \t]+(?=[“\"])")


def _cut_at_new_quote(doc: Doc, cands: list[_Cand], qmap: _QuoteMap) -> None:
    """End a reported clause where a new sentence opens with a quotation the
    parser ran into it ("... integrity. “If Armenia ...?”"); that quotation is
    then a claim of its own (see :func:`_follow_on_quotes`)."""
    text = _doc_text(doc)
    for cand in cands:
        if not cand.spans or cand.continued:
            continue
        s, e = cand.spans[0][0], cand.spans[-1][1]
        cue_at = doc[cand.cue[0]].idx
        for m in _NEW_QUOTE.finditer(text, s, e):
            p = m.end()
            if p <= cue_at or any(q.start < p < q.end for q in qmap.quotes) or m.start() in \
                    {q.end - 1 for q in qmap.quotes}:
                continue
            if any(q.start < m.start() < q.end for q in qmap.quotes):
                continue  # the full stop is inside an earlier quotation: “...” merged on purpose
            cut = [(a, min(b, m.start())) for a, b in cand.spans if a < m.start()]
            if cut:
                cand.spans = cut
            break


def _only_attribution_between(doc: Doc, cand: _Cand, q: Quote, s: int, e: int) -> bool:
    """Between the content and quotation ``q`` lies only this claim's speaker and cue."""
    if q.start >= e:
        gap = (e, q.start)
    elif q.end <= s:
        gap = (q.end, s)
    else:
        return True
    allowed = set(cand.cue)
    if cand.speaker:
        allowed |= set(range(*cand.speaker))
    for tok in doc:
        if tok.idx >= gap[1]:
            break
        if tok.idx >= gap[0] and not tok.is_punct and not tok.is_space and tok.i not in allowed \
                and tok.dep_ not in ("npadvmod", "advmod", "aux", "neg") and tok.ent_type_ not in ("DATE", "TIME"):
            return False
    return True


def _has_cue_near(doc: Doc, cands: list[_Cand], q: Quote) -> bool:
    for c in cands:
        for i in c.cue:
            if q.start <= doc[i].idx < q.end + 60 and doc[i].sent.start_char <= q.end:
                return True
    return False


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = sorted(spans)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _univocal(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """Drop claims nested inside another claim's content (a token belongs to one attribution)."""
    keep = []
    for c in cands:
        if not c.spans:
            continue
        cue_at = doc[c.cue[0]].idx
        nested = False
        for o in cands:
            if o is c or not o.spans:
                continue
            if any(s <= cue_at < e for s, e in o.spans):
                # inside the other's content; the outer one wins unless the other is
                # itself inside ours (mutual: keep the earlier cue)
                o_cue = doc[o.cue[0]].idx
                if any(s <= o_cue < e for s, e in c.spans):
                    if o_cue < cue_at:
                        nested = True
                else:
                    nested = True
            if nested:
                break
        if not nested:
            keep.append(c)
    # identical content claimed twice (e.g. two cues of one clause): keep the first
    seen: set[tuple[int, int]] = set()
    out = []
    for c in sorted(keep, key=lambda c: c.cue[0]):
        key = (c.spans[0][0], c.spans[-1][1])
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def _follow_on_quotes(doc: Doc, claims: list[Claim], qmap: _QuoteMap) -> list[Claim]:
    """A quotation standing as a sentence of its own right after a claim, in the
    same paragraph, with no cue: the same speaker goes on (“...”  cue ``None``)."""
    text = _doc_text(doc)
    out: list[Claim] = []
    for qi, q in enumerate(qmap.quotes):
        if not q.closed or not qmap.is_long(qi):
            continue
        if any(c.content.start < q.end and q.start < c.content.end for c in claims):
            continue
        # the quotation starts a sentence: only a sentence end and spaces before it
        before = text[max(0, q.start - 3):q.start]
        if not re.search(r"[.!?…”\"]\s+$", before):
            continue
        prev = None
        for c in claims:
            if c.cue is None or c.speaker is None or c.sentence is None:
                continue
            end = max(c.content.end, c.cue.end, c.speaker.end)
            gap = text[end:q.start]
            if end <= q.start and re.fullmatch(r"[^\w\n]{0,3}", gap) and re.search(r"[.!?]", gap):
                prev = c
        if prev is None:
            continue
        out.append(Claim(speaker=prev.speaker, cue=None, content=Span.of(text, q.start, q.end), kind="direct",
                         speaker_name=prev.speaker_name, negated=False,
                         sentence=Span.of(text, q.start, q.end)))
    return out


# ---------------------------------------------------------------------------
# output


def _to_claim(doc: Doc, cand: _Cand, qmap: _QuoteMap) -> Optional[Claim]:
    text = _doc_text(doc)
    s, e = cand.spans[0][0], cand.spans[-1][1]
    if e <= s or not _WORD.search(text[s:e]):
        return None
    kind = cand.kind
    if kind != "according-to":
        kind = _quote_kind(text, cand.spans, qmap)
    cue_s = doc[cand.cue[0]].idx
    cue_e = doc[cand.cue[-1]].idx + len(doc[cand.cue[-1]].text)
    speaker = None
    if cand.speaker is not None:
        a, b = cand.speaker
        speaker = Span.of(text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
    sent = doc[cand.cue[0]].sent
    ss = min(sent.start_char, s)
    se = max(sent.end_char, e)
    ss, se = _strip_ws(text, ss, se)
    return Claim(speaker=speaker, cue=Span.of(text, cue_s, cue_e), content=Span.of(text, s, e),
                 kind=kind, speaker_name=_speaker_name(doc, cand), negated=cand.negated,
                 sentence=Span.of(text, ss, se))


def _strip_ws(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _quote_kind(text: str, spans: list[tuple[int, int]], qmap: _QuoteMap) -> str:
    inside = outside = 0
    for s, e in spans:
        qs = [qmap.quotes[i] for i in qmap.overlapping(s, e)]
        for m in re.finditer(r"\w+", text[s:e]):
            pos = s + m.start()
            if any(q.start <= pos < q.end for q in qs):
                inside += 1
            else:
                outside += 1
    if inside and not outside:
        return "direct"
    if inside:
        return "mixed"
    return "indirect"


def _link_actors(claims: list[Claim], actors: list[Actor]) -> None:
    if not actors:
        return
    for claim in claims:
        if claim.speaker is None:
            continue
        s, e = claim.speaker.start, claim.speaker.end
        best = None
        for actor in actors:
            for m in actor.mentions:
                if m.start < e and s < m.end:
                    overlap = min(e, m.end) - max(s, m.start)
                    if best is None or overlap > best[0]:
                        best = (overlap, actor)
        if best is not None:
            claim.speaker_actor = best[1].id
            if not claim.speaker_name:
                claim.speaker_name = best[1].name
