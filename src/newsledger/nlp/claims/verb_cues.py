"""Verb cues: "X said (that) ...", "“...,” he said", "urged X to ...", "X was accused of ...".

Reads a verb token, the reporting-verb lexicon (:func:`~.lexicon.reporting_verbs`)
and the quotation map; writes a :class:`~.common._Cand` whose content is the
verb's clause, the quotation next to it, its infinitive or object complement,
its direct object (what was said), the clause of an agentless passive or of
"X seems to ...", with the speaker from :mod:`.speakers`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Optional

from spacy.strings import StringStore
from spacy.tokens import Token

from .common import (_EXPERIENCER_PASSIVES, _GENERIC_C, _IMPERSONAL, _NOT_SOURCES, _OBJ_PREPS, _PASS_SUBJ, _SUBJ,
                     _WH_ADVCL, _Cand, _has_subject, _subtree_ids)
from .lexicon import CUE_NOUNS, STATEMENT_NOUNS, TOPIC_NOUNS, Cue, reporting_verbs
from .quotations import _QuoteMap, _quote_after, _quote_before
from .speakers import _animate, _np_span, _set_speaker, _speaker_outside_quote


def _verb_cue(tok: Token, qmap: _QuoteMap) -> Optional[_Cand]:
    """The claim a verb reports, or None: "Officials said the bridge would reopen"
    gives the cue "said", the content "the bridge would reopen" and the speaker
    "Officials".

    The steps, in order: the idioms with "make" and the stance idioms; the
    lexicon entry (or a that-clause after a person's verb); the shapes that
    answer at once ("known as", a view held by an agent); the uses that report
    nothing; a feeling caused ("that worries farmers"); then what was said
    (:func:`_what_was_said`) and who said it (:func:`_claim`)."""
    if not _verb_like(tok):
        return None
    lemma = tok.lemma_.lower()
    if lemma == "make":
        return _make_idiom(tok, qmap)
    if lemma in _STANCE_IDIOMS:
        return _stance_idiom(tok, qmap)
    entry = _lookup(tok) or _that_clause_verb(tok)
    if entry is None:
        return None
    if _known_as(tok):
        return _Cand(cue=[tok.i, tok.i + 1], content=_named_phrase(tok), kind="indirect")
    if _held_by_agent(tok, entry):
        return _view_held_by(tok)
    main = _verbless_main(tok)
    if _reports_nothing(tok, entry, main):
        return None
    children = list(tok.children)
    if entry.lemma in _SHARE_ONLY and not _share_subject(tok, children):
        return None  # "the board chose a new chair" reports no view; "52 percent would choose X" does
    v = _CueVerb(tok, entry, children, _passive_voice(children), qmap)
    if "E" in entry.frames and not v.passive:
        cand = _feeling_caused(tok, children, qmap)
        if cand is not None:
            return cand
    found = _what_was_said(v)
    if not found.content:
        return None
    return _claim(v, found, main)


def _verb_like(tok: Token) -> bool:
    """A verb or auxiliary, by its coarse part of speech or by its fine tag."""
    return tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB")


def _reports_nothing(tok: Token, entry: Cue, main: Optional[Token]) -> bool:
    """Uses of a cue verb that report no one's words or view: a participle
    modifying a noun ("a group called Green Dawn", "the said report"), an amount
    ("raised $2 million"), a linking verb ("may prove costly"), a free-choice
    holder ("anyone wanting to comment"), the writer's bidding ("Don't blame
    the referee")."""
    if tok.dep_ in ("amod", "compound", "acl") and tok.tag_ == "VBN" and main is None:
        return True  # "a group called X", "the so-called", "the said report"
    if _measure_or_money(tok) or _linking_use(tok):
        return True
    if _generic_holder(tok):
        return True
    # "Don't blame X", "ask yourself that question": the writer's bidding, no
    # one's claim (but "don't expect X to ..." is the writer's forecast)
    return entry.kind not in ("belief", "evidence") and _imperative(tok)


def _passive_voice(children: list[Token]) -> bool:
    """A verb with a passive subject or a passive auxiliary ("was reported")."""
    deps = {c.dep_ for c in children}
    return bool(deps & _PASS_SUBJ) or "auxpass" in deps


@dataclass
class _CueVerb:
    """A verb read as a cue, with what the steps of :func:`_verb_cue` share:
    its lexicon entry, its children, whether it is passive, the quotation map."""
    tok: Token
    entry: Cue
    children: list[Token]
    passive: bool
    qmap: _QuoteMap


@dataclass
class _Found:
    """What a cue verb reports: the content tokens and the cue tokens, with how
    they were found."""
    content: set[int]
    cue: list[int]
    #: the quotation after a colon ("He said: “...”"), which may run past a paragraph break
    from_colon: bool = False
    #: the content is a clause or quotation (not an object or complement)
    clausal: bool = False
    #: a view held by no one named ("The plan was announced", "That seems unlikely")
    no_source: bool = False
    #: the attribution set between commas, when the content came from one
    aside: Optional[_Aside] = None


def _what_was_said(v: _CueVerb) -> _Found:
    """The content of a cue verb, tried in order: its clause or the quotation
    next to it ("She said the talks had stalled"); the words around a cue set
    between commas ("The talks, she said, had stalled"); failing those, an
    object, complement or infinitive (:data:`_OBJECT_READINGS`)."""
    cue = [v.tok.i] + [c.i for c in v.children if c.dep_ == "prt"]
    found = _clause_or_quote(v, cue)
    if not found.content:
        found = _aside_content(v, found)
    found.clausal = bool(found.content)
    if not found.content:
        for read, no_source in _OBJECT_READINGS:
            found.content = read(v)
            if found.content:
                found.no_source = no_source
                break
    return found


# ---------------------------------------------------------------------------
# content: a clause or a quotation (frame C)


def _clause_or_quote(v: _CueVerb, cue: list[int]) -> _Found:
    """The clause or quotation a C-frame cue reports, by the first shape that fits:
    a clause on the cue ("She said the talks had stalled"); the quotation the
    cue hangs on ("“It is over,” he said"); the clause a parenthetical cue
    interrupts ("The cost, it says, would be modest"); a quotation parsed as a
    sentence of its own before or after the cue ("He said: “...”"); the clause
    of "as" ("..., as the mayor said")."""
    tok, qmap = v.tok, v.qmap
    if "C" not in v.entry.frames:
        return _Found(set(), cue)
    clauses, subj_as_obj = _reported_clauses(v)
    if clauses:
        return _Found(_words_of_clauses(v, clauses, subj_as_obj), cue)
    if qmap.inside(tok.head) and tok.dep_ in ("parataxis", "ccomp", "advcl", "conj", "dep", "ROOT"):
        # “... ,” he said — the verb hangs off the quotation
        return _Found(_subtree_ids(tok.head) - _subtree_ids(tok), cue)
    if tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX") and _has_subject(tok):
        # The benefit, it says, would be $300.
        return _Found(_subtree_ids(tok.head) - _subtree_ids(tok), cue)
    before = _quote_before(tok, qmap)
    if before is not None:
        # “...?” said Obama.  (the quotation parsed as a sentence of its own)
        q = qmap.quotes[before]
        return _Found(set(qmap.index.starting_in(q.start, q.end)), cue)
    after = _quote_after(tok, qmap)
    if after is not None:
        # He said: “...”  (the quotation parsed as a separate sentence)
        q = qmap.quotes[after]
        return _Found(set(qmap.index.starting_in(q.start, q.end)), cue, from_colon=True)
    if _as_clause_cue(v):
        # ..., as he said.
        marks = [c.i for c in v.children if c.dep_ == "mark"]
        return _Found(_subtree_ids(tok.head) - _subtree_ids(tok), marks + cue)
    return _Found(set(), cue)


def _reported_clauses(v: _CueVerb) -> tuple[list[Token], list[Token]]:
    """The clauses a C-frame cue reports ("said the vote was delayed"), and any
    subject of one the parser took for the cue's object ("said single parents
    would qualify": "single parents" hung on "said" as its object).

    Kept: a complement clause (one that looks like a clause, or is quoted, or
    stands before an inverted cue: "..., noted the analyst"); a predicate of a
    passive ("is said to have left"); a question or an unmarked or "that"
    clause the parser took for an adverbial.  A quotation before the cue drops
    a clause after it outside quotation marks.  With none, a that-clause the
    parser hung on a noun near the cue ("told a meeting of donors that ...")."""
    tok, children, passive, qmap = v.tok, v.children, v.passive, v.qmap
    clauses = [c for c in children if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and passive)
               or (c.dep_ == "advcl" and c.i > tok.i and c.left_edge.lower_ in _WH_ADVCL)
               or (c.dep_ == "advcl" and (_unmarked_clause(tok, c) or _marked_clause(tok, c)))]
    # a clause with neither subject nor complementiser is a misparse ("the things
    # said at the debate were forgotten"), unless it is quoted speech
    # "said single people would qualify": the parser took the clause's subject for an object
    subj_as_obj = [d for c in clauses for d in children if c.dep_ == "ccomp" and d.dep_ == "dobj"
                   and tok.i < d.i < c.i and not _clause_like(c, qmap) and not _has_subject(c)
                   and any(a.dep_ == "aux" and a.i < c.i for a in c.children)]
    # "..., noted the analyst": a cue after its clause with its subject inverted
    inverted = any(c.dep_ in _SUBJ and c.i > tok.i for c in children)
    clauses = [c for c in clauses if c.dep_ != "ccomp" or _clause_like(c, qmap) or subj_as_obj
               or (inverted and c.i < tok.i)]
    if any(c.i < tok.i and qmap.inside(c) for c in clauses):
        # "“It's finished,” she said of the election, in which she was sure Trump
        # would win": the quotation is what she said; a clause after the cue
        # outside quotation marks belongs to the words in between
        clauses = [c for c in clauses if c.i < tok.i or any(qmap.inside(t) for t in c.subtree)]
    if not clauses and not passive:
        # "told a meeting of leaders that ...", "reported at the time that ...": the
        # that-clause hung on a noun of the verb's object or adjunct
        clauses = _stray_that_clause(tok, children) or _clause_hung_elsewhere(tok, children)
    return clauses, subj_as_obj


def _words_of_clauses(v: _CueVerb, clauses: list[Token], subj_as_obj: list[Token]) -> set[int]:
    """The words of the reported clauses: "The mayor said the road would
    close" gives "the road would close".  A cue set between two clauses keeps
    only the speaker's conjunct (:func:`_own_words_start`); the subject of a
    passive cue joins them ("The mayor is said to have resigned")."""
    tok, children = v.tok, v.children
    content: set[int] = set()
    for d in subj_as_obj:
        content |= _subtree_ids(d)
    for c in clauses:
        if c.i == tok.head.i:  # the clause the parser hung the cue on (_clause_hung_elsewhere)
            content |= _subtree_ids(c) - _subtree_ids(tok)
        else:
            content |= _clause_after(tok, c, children)
    if any(c.i < tok.i for c in clauses) and any(c.i > tok.i for c in clauses):
        start = _own_words_start(tok, children, clauses)
        content = {i for i in content if i >= start}
    if v.passive and v.entry.lemma not in _EXPERIENCER_PASSIVES:  # "X is said to have ...", "it was reported that ..."
        for c in children:
            if c.dep_ in _PASS_SUBJ and c.lower_ not in _IMPERSONAL:
                content |= _subtree_ids(c)
    return content


def _own_words_start(tok: Token, children: list[Token], clauses: list[Token]) -> int:
    """Where the speaker's words begin when the parser hung clauses on both
    sides of the cue.  "The ferry was late, but the fares, the captain noted,
    stayed low": the conjunct holding "the fares" (:func:`_own_conjunct_start`).
    "While the ferry was late, the captain noted the fares stayed low": a clause
    opened by a subordinating word is the writer's frame, so the words begin
    at the cue's subject."""
    doc = tok.doc
    first = min(c.left_edge.i for c in clauses)
    start = _own_conjunct_start(doc, first, tok.i)
    if doc[first].dep_ == "mark" and doc[first].lower_ in _SUBORDINATORS:
        start = min(c.i for c in clauses if c.i > tok.i)
        start = min([start] + [c.left_edge.i for c in children if c.dep_ in _SUBJ and c.i < tok.i])
    return start


def _as_clause_cue(v: _CueVerb) -> bool:
    """A speech verb in an "as" clause with nothing of its own to report
    ("Prices rose, as the minister said") or only "as X put it": the clause it
    hangs on is what was said."""
    tok, children = v.tok, v.children
    deps = {c.dep_ for c in children}
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in children) \
        and tok.dep_ == "advcl" and not v.passive and v.entry.kind == "speech" \
        and (not deps & {"dobj", "xcomp", "ccomp", "prep", "acomp", "attr", "advcl"}
             or _put_it(tok, children))


def _aside_content(v: _CueVerb, found: _Found) -> _Found:
    """"These employees, X explained, were well paid": the attribution set
    between commas inside (or after) what was said; the words around it are
    the content.  Returns ``found`` unchanged when there is no such aside."""
    if "C" not in v.entry.frames or v.passive or v.entry.kind not in ("speech", "belief", "evidence"):
        return found
    aside = _aside(v.tok, v.children)
    if aside is None:
        return found
    return replace(found, content=aside.content, cue=aside.cue + found.cue, aside=aside)


# ---------------------------------------------------------------------------
# content: an object, complement or infinitive (frames X, O, N, P and the rest)


def _infinitive_content(v: _CueVerb) -> set[int]:
    """Frame X: "urged the council to act", "declined to comment": the
    infinitive, from the object (when one stands before it) to its end."""
    tok, children = v.tok, v.children
    if "X" not in v.entry.frames:
        return set()
    xs = [c for c in children if c.dep_ == "xcomp" and c.i > tok.i] or _infinitive_adjunct(tok, children, v.entry)
    if not xs:
        return set()
    start = min([c.left_edge.i for c in children if c.dep_ in ("dobj", "dative") and c.i > tok.i]
                + [x.left_edge.i for x in xs])
    content = {i for x in xs for i in _subtree_ids(x)} | {
        i for c in children if c.dep_ in ("dobj", "dative") and c.i > tok.i for i in _subtree_ids(c)}
    return {i for i in content if i >= start}


def _complement_content(v: _CueVerb) -> set[int]:
    """Frame O: "called the deal a failure", "spoke about the strike"
    (:func:`_object_complement`)."""
    if "O" not in v.entry.frames:
        return set()
    return _object_complement(v.tok, v.children, v.entry.lemma)


def _said_object_content(v: _CueVerb) -> set[int]:
    """Frame N, active: "noted the rule", "polls show a close race"
    (:func:`_said_object`)."""
    if "N" not in v.entry.frames or v.passive:
        return set()
    return _said_object(v.tok, v.children, v.entry.kind)


def _wanted_object(v: _CueVerb) -> set[int]:
    """"Farmers want lower tariffs", "She declined the post": what a person or
    body wants, seeks or refuses (a verb of intent with an animate subject)."""
    if v.entry.kind != "intent" or v.passive or not _animate_subject(v.tok, v.children):
        return set()
    return _said_object(v.tok, v.children, v.entry.kind)


def _prep_object_content(v: _CueVerb) -> set[int]:
    """Frame P, active: "agreed with the ruling", "responded to the report"
    (:func:`_prep_object`)."""
    if "P" not in v.entry.frames or v.passive:
        return set()
    return _prep_object(v.tok, v.children)


def _pro_clause_content(v: _CueVerb) -> set[int]:
    """"He doesn't think so", "She said as much" (:func:`_pro_clause`)."""
    if v.passive or v.entry.kind not in ("speech", "belief", "evidence"):
        return set()
    return _pro_clause(v.tok, v.children)


def _backed_by_agent(v: _CueVerb) -> set[int]:
    """"The plan was backed by the union", "the mayor, who was endorsed by the
    union": a passive with a "by" agent; what is backed (the subject, or the
    noun a relative pronoun stands for) is the content."""
    tok, children, frames = v.tok, v.children, v.entry.frames
    if not v.passive or v.entry.kind not in ("evaluation", "speech", "evidence") \
            or not ("O" in frames or "N" in frames) or not any(c.dep_ == "agent" for c in children):
        return set()
    subj = [c for c in children if c.dep_ in _PASS_SUBJ]
    if subj and subj[0].lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
        content = _subtree_ids(tok.head) - _subtree_ids(tok)
        return {i for i in content if i >= tok.head.left_edge.i}
    if subj and subj[0].lower_ not in _IMPERSONAL:
        return _subtree_ids(subj[0])
    return set()


def _agentless_passive(v: _CueVerb) -> set[int]:
    """"The coach was accused of cheating", "the merger was announced": a
    passive with no "by" agent; said of its subject by no one named
    (:func:`_passive_clause`)."""
    if not v.passive or any(c.dep_ == "agent" for c in v.children) \
            or v.entry.kind not in ("evaluation", "speech", "evidence"):
        return set()
    return _passive_clause(v.tok, v.children, v.entry.frames)


def _raised_view(v: _CueVerb) -> set[int]:
    """"The deal seems to be off", "that appears unlikely": a view with no
    holder named (:func:`_raised_clause`)."""
    if v.entry.lemma not in _RAISING or v.passive:
        return set()
    return _raised_clause(v.tok, v.children)


def _relative_word_said(v: _CueVerb) -> set[int]:
    """"which the agency detailed", "that was what she said": the relative
    word object before the cue stands for what was said.  Not "the memo that
    he wrote" (a statement written is no view of its own), nor "which the judge
    put on hold" ("put" reports words only in "as X put it")."""
    tok = v.tok
    if v.passive or v.entry.kind not in ("speech", "belief", "evidence"):
        return set()
    if (tok.dep_ == "relcl" and tok.head.lemma_.lower() in CUE_NOUNS | STATEMENT_NOUNS) or v.entry.lemma == "put":
        return set()
    return {c.i for c in v.children if c.dep_ == "dobj" and c.i < tok.i and c.tag_ in ("WDT", "WP")}


#: the readings of a cue with no clause or quotation, tried in this order; the first
#: that finds words is the content, with the flag telling a view held by no one named
_OBJECT_READINGS: tuple[tuple[Callable[[_CueVerb], set[int]], bool], ...] = (
    (_infinitive_content, False),
    (_complement_content, False),
    (_said_object_content, False),
    (_wanted_object, False),
    (_prep_object_content, False),
    (_pro_clause_content, False),
    (_backed_by_agent, False),
    (_agentless_passive, True),
    (_raised_view, True),
    (_relative_word_said, False),
)


# ---------------------------------------------------------------------------
# the claim and its speaker


def _claim(v: _CueVerb, found: _Found, main: Optional[Token]) -> Optional[_Cand]:
    """The candidate claim: the content without the cue words and, unless it
    is a quotation after a colon, without words past a paragraph break (the
    parser may run a sentence over one), its negation ("did not say", "denied")
    and its speaker (:func:`_attach_speaker`)."""
    tok = v.tok
    content = found.content - set(found.cue)
    if not found.from_colon:
        # the parser may run a sentence over a paragraph break; a claim does not
        para = v.qmap.para
        content = {i for i in content if para[i] == para[tok.i]}
        if not content:
            return None
    cand = _Cand(cue=sorted(set(found.cue)), content=content, kind="indirect", clausal=found.clausal)
    cand.negated = any(c.dep_ == "neg" for c in v.children) or v.entry.lemma == "deny"
    _attach_speaker(v, cand, found, main)
    return cand


def _attach_speaker(v: _CueVerb, cand: _Cand, found: _Found, main: Optional[Token]) -> None:
    """The speaker: the cue's subject (:func:`_set_speaker`; none for a view held
    by no one named), or the aside's; a subject the parser found inside the
    quotation gives way to the noun phrase outside it; failing all,
    :func:`_fill_missing_speaker`."""
    tok = v.tok
    if not found.no_source:
        _set_speaker(cand, tok, v.passive)
    if found.aside is not None:
        cand.speaker, cand.speaker_head = found.aside.speaker, found.aside.speaker_head
    if cand.speaker_head is not None and v.qmap.inside(tok.doc[cand.speaker_head]):
        # the parser took words of the quotation for the subject ("“... panic mode,”
        # said X"): the speaker is the noun phrase outside the quotation
        alt = _speaker_outside_quote(tok, v.qmap)
        if alt is not None:
            cand.speaker, cand.speaker_head = alt
    _fill_missing_speaker(v, cand, found.no_source, main)


def _fill_missing_speaker(v: _CueVerb, cand: _Cand, no_source: bool, main: Optional[Token]) -> None:
    """A speaker for a cue whose subject was not found, tried in order: the one
    convinced ("We are convinced that ..."); the phrase of a sentence left with
    no main verb (:func:`_verbless_main`); a name the parser read into an
    opening phrase ("In a talk with students Okafor said ...") and the
    subject's words the parser hung on the verb ("the regional police states
    ...")."""
    tok, children, passive = v.tok, v.children, v.passive
    if passive and cand.speaker is None and v.entry.lemma in _EXPERIENCER_PASSIVES:
        # "we are convinced that ...": the one convinced holds the belief
        subj = [c for c in children if c.dep_ in _PASS_SUBJ and c.lower_ not in _IMPERSONAL]
        if subj:
            cand.speaker, cand.speaker_head = _np_span(subj[0]), subj[0].i
    if main is not None and cand.speaker is None:
        cand.speaker, cand.speaker_head = (main.left_edge.i, tok.i), main.i
    if cand.speaker is None and not passive and not no_source:
        swallowed = _name_in_fronted_phrase(tok)
        if swallowed is not None:
            cand.speaker, cand.speaker_head = swallowed
    if cand.speaker is None and not passive and not no_source:
        # the parser sometimes hangs the subject's words on the verb ("the federal
        # police states": det + amod of "states"): take them as the speaker
        lefts = [c for c in children if c.i < tok.i and c.dep_ in ("det", "amod", "compound", "nmod", "poss")]
        if lefts and max(c.right_edge.i for c in lefts) == tok.i - 1:
            start = min(c.left_edge.i for c in lefts)
            cand.speaker, cand.speaker_head = (start, tok.i), tok.i - 1


def _name_in_fronted_phrase(tok: Token) -> Optional[tuple[tuple[int, int], int]]:
    """"In a meeting with the board Smith said that ...": with no comma after the
    opening phrase the parser reads the subject's name as the end of that phrase
    and the verb has no subject.  The name just before the verb, at the end of a
    prepositional phrase hung on the verb itself, is the speaker."""
    if tok.i == 0 or any(c.dep_ in _SUBJ or c.dep_ in _PASS_SUBJ for c in tok.children):
        return None
    prev = tok.doc[tok.i - 1]
    if prev.pos_ != "PROPN" or prev.ent_type_ not in ("PERSON", "ORG", "NORP") or prev.dep_ not in ("pobj", "compound"):
        return None
    node = prev
    for _ in range(8):
        if node.head is node:
            return None
        if node.head.i == tok.i:
            break
        node = node.head
    if node.dep_ != "prep" or node.i > prev.i:
        return None
    start = prev.i
    while start - 1 > node.i and tok.doc[start].ent_iob_ == "I":  # back to the name's first word
        start -= 1
    return (start, prev.i + 1), prev.i


@dataclass
class _Aside:
    """An attribution set off by commas: its cue words (besides the verb), the
    speaker and the words around it that were said."""
    cue: list[int]
    content: set[int]
    speaker: tuple[int, int]
    speaker_head: int


#: what may stand between a cue and the comma closing it: "X said on Monday,"
_ASIDE_ADJUNCTS = {"prt", "advmod", "prep", "npadvmod", "neg", "aux"}


def _aside(tok: Token, children: list[Token]) -> Optional[_Aside]:
    """"A, X said, B." / "A, as X pointed out, B." / "A, X said.": a cue with its
    subject between commas, with no complement of its own (the parser made
    it the root and hung A and B on it).  What was said is A and B."""
    doc = tok.doc
    if tok.dep_ not in ("ROOT", "parataxis") or any(
            c.dep_ in ("dobj", "xcomp", "attr", "oprd", "acomp") or c.dep_ == "ccomp" and _has_subject(c)
            for c in children):
        return None
    j = tok.i - 1
    while j >= 0 and doc[j].dep_ in ("aux", "neg", "advmod") and doc[j].head.i == tok.i:
        j -= 1
    subj = next((c for c in children if c.dep_ in _SUBJ and c.right_edge.i == j), None)
    cue: list[int] = []
    if subj is not None:
        if subj.tag_ in ("WP", "WDT") or subj.lower_ == "that":
            return None  # "..., who joked of it, “...”": a relative clause
        left, speaker, head = subj.left_edge.i, _np_span(subj), subj.i
    else:  # "as one of the advisers pointed out"
        as_ = next((c for c in children if c.dep_ in ("prep", "mark") and c.lower_ == "as" and c.i < tok.i), None)
        objs = [g for g in as_.children if g.dep_ == "pobj"] if as_ is not None else []
        if not objs or objs[0].right_edge.i != j:
            return None
        left, speaker, head, cue = as_.i, _np_span(objs[0]), objs[0].i, [as_.i]
    if subj is not None and left > 0 and doc[left - 1].lower_ == "as":
        left -= 1
        cue = [left]
    sent_start = tok.sent.start
    if left - 1 <= sent_start or doc[left - 1].text != ",":
        return None
    sent_start = _own_conjunct_start(doc, sent_start, left - 1)
    before = [t.i for t in doc[sent_start:left - 1] if not t.is_space]
    if not any(not doc[i].is_punct for i in before):
        return None
    k = tok.i + 1
    own = {i for c in children if c.i > tok.i and c.dep_ in _ASIDE_ADJUNCTS
           and not any(t.pos_ in ("VERB", "AUX") for t in c.subtree) for i in _subtree_ids(c)}
    while k < tok.sent.end and k in own and doc[k].text != ",":
        k += 1
    end = tok.sent.end
    after: list[int] = []
    if k < end and doc[k].text == ",":
        after = [t.i for t in doc[k + 1:end] if not t.is_space]
    elif not all(t.is_punct or t.is_space for t in doc[tok.i + 1:end]):
        return None  # "..., Mexico said enough.": the cue has words of its own
    if sum(1 for i in before + after if not doc[i].is_punct) < 3:
        return None
    return _Aside(cue=cue, content=set(before) | set(after), speaker=speaker, speaker_head=head)


#: words that open a subordinate (adverbial) clause
_SUBORDINATORS = {"while", "although", "though", "because", "since", "when", "after", "before", "as", "if",
                  "once", "until", "unless", "whereas"}
#: conjunctions that open a clause of its own after a comma or semicolon
_CLAUSE_CONJ = {"but", "and", "yet", "so", "or"}


def _own_conjunct_start(doc, start: int, end: int) -> int:
    """Where the clause holding an aside begins: "A, but B, X noted, C" — X's
    words are B and C, not A.  The last ", but" / ", and" / ";" before the
    aside (with at least two words after it) ends the writer's own clause."""
    best = start
    for j in range(start + 1, end - 2):
        t = doc[j]
        opens = t.text == ";" or (t.lower_ in _CLAUSE_CONJ and t.dep_ == "cc" and doc[j - 1].text == ",")
        if opens and sum(1 for x in doc[j + 1:end] if not x.is_punct and not x.is_space) >= 2:
            best = j + 1
    return best


#: "make it clear that ...": adjectives that turn "make it ADJ" into a statement
_MAKE_CLEAR = {"clear", "plain", "known", "obvious", "evident"}
#: "make the case for X", "made no secret of X", "made fun of X": nouns that turn
#: "make" into a speech act about the object of their preposition (or their clause)
_MAKE_NOUNS = {"case", "secret", "fun", "mockery", "argument", "point"}


def _make_idiom(tok: Token, qmap: _QuoteMap) -> Optional[_Cand]:
    """Statements made with "make": "X made it clear (that) ...", "X made the
    case for Y / that ...", "X made no secret of Y", "X made fun of Y"."""
    children = list(tok.children)
    if any(c.dep_ in _PASS_SUBJ or c.dep_ == "auxpass" for c in children):
        return None
    objs = [c for c in children if c.dep_ == "dobj" and c.i > tok.i]
    cue = [tok.i]
    content: set[int] = set()
    adjs = [c for c in children if c.dep_ in ("oprd", "ccomp", "acomp", "xcomp") and c.lower_ in _MAKE_CLEAR
            and c.i > tok.i]
    if adjs:
        # "made it clear (that) ...", "made clear that ..." ("it" parsed as the
        # object of "make" or the subject of the adjective)
        adj = adjs[0]
        # "made it clear he would ...": a clause with no "that" the parser hung on
        # the adjective as an adverbial
        clauses = [c for c in list(adj.children) + children if c.i > adj.i and c is not adj and (
            c.dep_ == "ccomp" or (c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "that"
                                                            for g in c.children))
            or (c.dep_ == "advcl" and c.head.i == adj.i and _unmarked_clause(adj, c)))]
        if clauses:
            cue = [tok.i, adj.i]
            content = _subtree_ids(clauses[0])
    elif objs and objs[0].lemma_.lower() in _MAKE_NOUNS:
        noun = objs[0]
        preps = [c for c in list(noun.children) + children if c.dep_ == "prep" and c.i > noun.i
                 and c.lower_ in ("for", "of", "against", "about")
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
        # "made the case (to voters) that ...": the clause on the noun, or on the verb
        # when a phrase stands between them
        clauses = [c for c in list(noun.children) + children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                   and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
        if clauses:
            cue = [tok.i, noun.i]
            content = _subtree_ids(clauses[0])
        elif preps:
            cue = [tok.i, noun.i, preps[0].i]
            content = {i for g in preps[0].children if g.dep_ in ("pobj", "pcomp") for i in _subtree_ids(g)}
    if not content:
        return None
    para = qmap.para
    content = {i for i in content if para[i] == para[tok.i]} - set(cue)
    if not content:
        return None
    cand = _Cand(cue=sorted(cue), content=content, kind="indirect", clausal=bool(adjs))
    cand.negated = any(c.dep_ == "neg" for c in children)
    _set_speaker(cand, tok, False)
    if cand.speaker is None or cand.speaker_head is None or not _animate(tok.doc[cand.speaker_head]):
        return None
    return cand


#: verbs that take a stand against a person or measure only with a fixed
#: preposition: "went after Trump as a con artist", "voted against the bill"
_STANCE_IDIOMS = {"go": "after", "vote": "against"}


def _stance_idiom(tok: Token, qmap: _QuoteMap) -> Optional[_Cand]:
    """"X has gone after Y (as Z)", "X voted against the bill": the object of the
    fixed preposition (with an "as" phrase after it) is what the stand is about."""
    children = list(tok.children)
    if any(c.dep_ in _PASS_SUBJ or c.dep_ == "auxpass" for c in children):
        return None
    word = _STANCE_IDIOMS[tok.lemma_.lower()]
    preps = [c for c in children if c.dep_ in ("prep", "prt") and c.lower_ == word and c.i > tok.i]
    if not preps:
        return None
    objs = [g for g in preps[0].children if g.dep_ in ("pobj", "pcomp")]
    if not objs:
        return None
    content = set().union(*(_subtree_ids(g) for g in objs))
    for c in children:  # "as a con artist"
        if c.dep_ == "prep" and c.lower_ == "as" and c.i > preps[0].i:
            content |= _subtree_ids(c)
    para = qmap.para
    content = {i for i in content if para[i] == para[tok.i]}
    if not content:
        return None
    cand = _Cand(cue=[tok.i, preps[0].i], content=content, kind="indirect")
    cand.negated = any(c.dep_ == "neg" for c in children)
    _set_speaker(cand, tok, False)
    if cand.speaker_head is None or not _animate(tok.doc[cand.speaker_head]) \
            and tok.doc[cand.speaker_head].tag_ not in ("WP", "WDT"):
        return None
    return cand


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


def _lookup(tok: Token):
    """The lexicon entry of a verb, by its lemma or, where the lemmatiser went
    wrong ("hoped" → "hop", "rated" → "rat"), by the inflected form undone."""
    return _entry_by_ids(tok.doc.vocab.strings, tok.lemma, tok.lower)


def _entry_by_ids(strings: StringStore, lemma: int, lower: int):
    """:func:`_lookup` by the string ids of a verb's lemma and lower-case form."""
    key = (lemma, lower)
    if key in _ENTRIES:
        return _ENTRIES[key]
    if len(_ENTRIES) >= _ENTRIES_LIMIT:
        _ENTRIES.clear()
    entry = _ENTRIES[key] = _lookup_words(strings[lemma].lower(), strings[lower])
    return entry


#: :func:`_lookup`'s answers by the ids of the lemma and the lower-case form
_ENTRIES: dict[tuple[int, int], object] = {}
_ENTRIES_LIMIT = 200_000


def _may_be_verb_cue(strings: StringStore, lemma: int, lower: int) -> bool:
    """Whether a verb may be a cue by its words alone (string ids of its lemma and
    lower-case form): "make" or a verb of the lexicon.  Any other verb is a cue
    only with a that-clause after it (:func:`_that_clause_verb`)."""
    low = strings[lemma].lower()
    return _entry_by_ids(strings, lemma, lower) is not None or low == "make" or low in _STANCE_IDIOMS


def _lookup_words(lemma: str, word: str):
    """The lexicon entry for a verb with this lemma (lower-cased) and lower-case form."""
    lex = reporting_verbs()
    entry = lex.get(lemma)
    if entry is not None:
        return entry
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""),
                         ("ing", "e"), ("ing", ""), ("d", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            if stem in lex and stem != lemma:
                return lex[stem]
    return None


#: endings of nouns naming people by what they do ("environmentalists", "investors")
_AGENT_ENDINGS = ("ist", "ists", "er", "ers", "or", "ors", "ian", "ians", "ant", "ants", "ent", "ents")


def _feeling_caused(tok: Token, children: list[Token], qmap: _QuoteMap) -> Optional[_Cand]:
    """"That worries environmentalists", "The network has angered ministers",
    "X lagged, frustrating the senator": the object (a person or body) holds
    an attitude towards the subject, or towards the clause a participle hangs
    on; the object is the source."""
    objs = [c for c in children if c.dep_ == "dobj" and c.i > tok.i]
    if len(objs) != 1:
        return None
    obj = objs[0]
    if not (_animate(obj) or obj.tag_ == "NNS" and obj.lower_.endswith(_AGENT_ENDINGS)):
        return None
    subj = [c for c in children if c.dep_ in _SUBJ and c.i < tok.i]
    if subj:
        if subj[0].lower_ in _IMPERSONAL or _animate(subj[0]) and subj[0].pos_ == "PRON":
            return None  # "it worries me that ..." (the clause comes later), "he upset them"
        content = _subtree_ids(subj[0])
    elif tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i < tok.i:
        content = {i for i in _subtree_ids(tok.head) - _subtree_ids(tok)
                   if tok.sent.start <= i < tok.i and not tok.doc[i].is_punct}
    else:
        return None
    para = qmap.para
    content = {i for i in content if para[i] == para[tok.i]}
    if not content:
        return None
    cand = _Cand(cue=[tok.i], content=content, kind="indirect")
    cand.speaker, cand.speaker_head = _np_span(obj), obj.i
    cand.negated = any(c.dep_ == "neg" for c in children)
    return cand


def _pro_clause(tok: Token, children: list[Token]) -> set[int]:
    """"He doesn't think so", "X said as much": a word standing for the clause
    that was said or thought ("so" right after the verb, "as much")."""
    for c in children:
        if c.i <= tok.i:
            continue
        if c.lower_ == "so" and c.dep_ == "advmod" and all(
                t.dep_ in ("neg", "advmod") for t in tok.doc[tok.i + 1:c.i]):
            nxt = tok.doc[c.i + 1] if c.i + 1 < len(tok.doc) else None
            if nxt is None or nxt.is_punct or nxt.is_space or nxt.dep_ == "cc":
                return {c.i}  # not "so that ...", "so much"
        if c.lower_ == "much" and c.dep_ in ("dobj", "advmod") and any(
                g.lower_ == "as" and g.i == c.i - 1 for g in c.children) and not any(
                g.dep_ == "prep" and g.lower_ in ("as", "about", "of") for g in c.children):
            return {c.i - 1, c.i}  # "said as much" (not "knows as much about X as")
    return set()


def _imperative(tok: Token) -> bool:
    """A verb in the imperative outside quotation marks ("Ask yourself ...",
    "Don't blame X", "Read the rest here"): a bare verb heading its sentence
    (or joined to one that does) with no subject and no auxiliary but "do"."""
    node = tok
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    if node.dep_ != "ROOT":
        return False
    for verb in {tok, node}:
        if verb.tag_ != "VB" or any(c.dep_ in _SUBJ or c.dep_ in _PASS_SUBJ or c.dep_ == "expl" for c in verb.children):
            return False
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ not in ("do", "don't") for c in verb.children):
            return False
    return True


def _clause_after(tok: Token, clause: Token, children: list[Token]) -> set[int]:
    """The words of a reported clause; for a clause after the cue, none before
    the cue's own subject: the parser may hang an opening adverbial on it
    ("While he admitted A, X noted B": X noted B)."""
    ids = _subtree_ids(clause)
    if clause.i < tok.i:
        return ids
    first = min([tok.i] + [c.left_edge.i for c in children if c.dep_ in _SUBJ or c.dep_ in _PASS_SUBJ])
    return {i for i in ids if i >= first}


#: free-choice pronouns: "anyone wanting to borrow", "whoever says so" name no
#: one who holds a view
_ANYONE = {"anyone", "anybody", "whoever", "whomever"}


def _generic_holder(tok: Token) -> bool:
    """Is the one who would say or want this "anyone" (the verb's subject, or
    the pronoun its participle or relative clause hangs on)?"""
    if tok.dep_ in ("acl", "relcl") and tok.head.lower_ in _ANYONE:
        return True
    return any(c.dep_ in _SUBJ and c.lower_ in _ANYONE for c in tok.children)


#: verbs that take an amount rather than a view as object: "raised $5 million",
#: "weighs 236 pounds"
_AMOUNT_VERBS = {"raise", "weigh"}
#: nouns of money that make "raise" a fund-raising verb: "raising money"
_MONEY_NOUNS = {"money", "fund", "funds", "cash", "capital", "donation"}


def _measure_or_money(tok: Token) -> bool:
    """"raised more than $100 million", "began raising money", "weighs 236 pounds":
    a verb of the lexicon whose object is an amount of money or a measure
    reports nothing."""
    if tok.lemma_.lower() not in _AMOUNT_VERBS:
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
    if any(o.ent_type_ in ("MONEY", "QUANTITY") or o.lemma_.lower() in _MONEY_NOUNS for o in objs):
        return True
    # "would raise the fuel duty", "a plan to raise the toll on the bridge": "raise" reports
    # only what is brought up for talk ("raised concerns about X", "raised the issue")
    return tok.lemma_.lower() == "raise" and any(
        o.pos_ in ("NOUN", "PROPN") and not _raised_talk(o) for o in objs)


#: objects that make "raise" a verb of talk: "raised doubts", "raised the question"
_RAISED_TALK = CUE_NOUNS | TOPIC_NOUNS | {
    "issue", "matter", "point", "subject", "topic", "possibility", "prospect", "alarm", "eyebrow",
    "specter", "spectre", "objection", "visibility", "profile", "awareness", "voice", "ire",
    "hackle", "problem"}
#: what makes a raised flag a warning: "raised red flags", "raised a warning flag"
_WARNING_FLAGS = {"red", "warning", "yellow"}


def _raised_talk(obj: Token) -> bool:
    """Is the object of "raise" something brought up for talk?  A flag only as a
    warning ("The auditors raised red flags about the invoices"), not the cloth
    ("Sailors raised the flag over the harbour")."""
    lemma = obj.lemma_.lower()
    if lemma == "flag":
        return any(c.dep_ in ("amod", "compound") and c.lower_ in _WARNING_FLAGS for c in obj.children)
    return lemma in _RAISED_TALK


#: verbs of evidence that are also linking verbs: "may prove to be a passing phase"
_LINKING = {"prove"}


def _linking_use(tok: Token) -> bool:
    """"X may prove to be a passing phase", "it would prove significant": a
    verb of evidence used as a linking verb, with a predicate and no clause,
    says what X turns out to be, not what anyone showed."""
    if tok.lemma_.lower() not in _LINKING:
        return False
    return any(c.dep_ in ("oprd", "acomp", "attr") or (c.dep_ == "xcomp" and c.lemma_.lower() == "be")
               for c in tok.children if c.i > tok.i)


def _known_as(tok: Token) -> bool:
    """"the bill, known as the Justice Act, ...": a name that usage, no one in
    particular, gives a thing, set off by a comma after the noun."""
    doc = tok.doc
    return tok.lower_ == "known" and tok.dep_ == "acl" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "as" \
        and doc[tok.i + 1].head.i == tok.i and tok.i > 0 and doc[tok.i - 1].text == "," \
        and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i


def _named_phrase(tok: Token) -> set[int]:
    """The noun phrase "known as" hangs on and the name after "as"."""
    head, as_ = tok.head, tok.doc[tok.i + 1]
    ids = {t.i for t in head.subtree if t.i < tok.i - 1}
    return ids | {t.i for t in as_.subtree if t.i > as_.i}


def _held_by_agent(tok: Token, entry) -> bool:
    """"the levels desired by the alliance", "a view echoed by every expert": a
    participle with its "by" agent on a noun that is a wish (a verb of intent)
    or a view (a noun of saying with a verb of speech or belief): the agent
    holds what the noun names."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.head.i > tok.i or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if not any(c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children) for c in tok.children):
        return False
    if entry.kind == "intent":
        return True
    return entry.kind in ("speech", "belief") and tok.head.lemma_.lower() in CUE_NOUNS | STATEMENT_NOUNS


def _view_held_by(tok: Token) -> _Cand:
    head = tok.head
    agent = next(g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj")
    content = {t.i for t in head.subtree if t.i < tok.i and not t.is_space}
    cue = [tok.i] + [c.i for c in tok.children if c.dep_ == "agent"]
    return _Cand(cue=cue, content=content, kind="indirect", speaker=_np_span(agent), speaker_head=agent.i)


def _verbless_main(tok: Token) -> Optional[Token]:
    """"One of the doctors who signed the letter called him a quack": a sentence
    the parser left without a main verb (its root a noun or number) and whose
    cue it hung as a participle on the last noun of the subject.  The cue is
    the main verb; returns the root, the head of its subject."""
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD") or any(
            c.dep_ in _SUBJ or c.dep_ in _PASS_SUBJ or c.dep_ in ("aux", "auxpass", "agent") for c in tok.children):
        return None
    root = tok.sent.root
    if root.pos_ not in ("NOUN", "PROPN", "NUM", "PRON") or root.i > tok.i:
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj") and t.head.i == root.i for t in tok.sent):
        return None
    return root


def _put_it(tok: Token, children: list[Token]) -> bool:
    """"as X put it (in a letter)": a speech verb with "it" for what was said."""
    objs = [c for c in children if c.dep_ == "dobj"]
    return tok.lemma_.lower() == "put" and len(objs) == 1 and objs[0].lower_ == "it" \
        and not {c.dep_ for c in children} & {"xcomp", "ccomp", "acomp", "attr", "advcl"}


def _clause_hung_elsewhere(tok: Token, children: list[Token]) -> list[Token]:
    """"While she conceded the rain played a part, the coach insisted ...": a cue with no
    complement of its own whose clause the parser made the head of the cue
    (the cue hung on it as an adverbial) and hung on the next verb.  The
    clause's subject comes right after the cue and the clause ends at a comma;
    what the cue reports is the clause without the cue's own words."""
    if tok.dep_ != "advcl" or any(c.i > tok.i and c.dep_ not in ("punct",) for c in children):
        return []
    doc = tok.doc
    clause = tok.head
    if clause.i < tok.i or clause.dep_ != "ccomp" or clause.head.i < clause.i:
        return []
    subj = [c for c in clause.children if c.dep_ in _SUBJ]
    if not subj or subj[0].left_edge.i != tok.i + 1 or clause.right_edge.i + 1 >= len(doc) \
            or doc[clause.right_edge.i + 1].text != ",":
        return []
    return [clause]


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
            if first.dep_ == "advmod" and (x.head.lemma_.lower() in _MANNER_NOUNS or _elliptic(x)):
                continue  # "in a way that X does not": a relative clause, not what was said
            if first.lower_ == "that" and first.dep_ in ("mark", "advmod") and first.head.i == x.i and _has_subject(x) \
                    and x.head.i < first.i and not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")
                                                       for t in tok.doc[c.i:first.i]):
                return [x]
    return []


#: nouns whose relative clause with "that" tells how, not what: "in a way that ..."
_MANNER_NOUNS = {"way", "manner", "extent", "degree"}


def _elliptic(head: Token) -> bool:
    """A clause cut short after its auxiliary: "(in a way that) X does not"."""
    return head.pos_ == "AUX" and not any(c.dep_ not in ("nsubj", "neg", "advmod", "mark", "punct") for c in head.children
                                           if c.i > head.i)


def _clause_like(head: Token, qmap: _QuoteMap) -> bool:
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "mark") for c in head.children):
        return True
    if not any(c.dep_ in ("aux", "auxpass") for c in head.children) and head.tag_ not in ("VBD", "VBZ", "VBP"):
        return True  # an imperative or bare clause: no sign of a misparse
    if head.left_edge.lower_ in _WH_ADVCL or head.left_edge.tag_ in ("WDT", "WP", "WRB"):
        return True
    return any(qmap.inside(t) for t in head.subtree)


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


#: words opening a reported question the parser may hang on a cue as an
#: adverbial clause when it has a subject of its own: "have not said when they
#: would vote", "did not say where the money went"
_WH_CLAUSE = {"when", "where", "what", "who", "which"}


def _infinitive_adjunct(tok: Token, children: list[Token], entry) -> list[Token]:
    """"told his supporters at a rally to “go vote”", "declined to appeal": an
    infinitive after the cue (and its object) that the parser took for a clause
    of purpose; for a cue of the X frame it is what was asked, urged or wanted.
    Not "called a meeting to discuss ..." ("call" takes its infinitive after
    "on")."""
    if entry.lemma == "call" or entry.kind not in ("speech", "belief", "intent"):
        return []
    objs = [c for c in children if c.dep_ in ("dobj", "dative") and c.i > tok.i]
    for c in children:
        if c.dep_ != "advcl" or c.i < tok.i or c.tag_ != "VB" or c.left_edge.lower_ != "to" \
                or any(g.dep_ in _SUBJ or g.dep_ == "mark" for g in c.children):
            continue
        before = [t for t in tok.doc[tok.i + 1:c.left_edge.i]
                  if not any(t.i in range(o.left_edge.i, o.right_edge.i + 1) for o in objs)]
        if all(t.dep_ in ("prep", "pobj", "det", "amod", "compound", "prt", "advmod") or t.is_punct and t.text != ","
               for t in before):
            return [c]
    return []


def _marked_clause(verb: Token, c: Token) -> bool:
    """"tweeted in the early hours that X was ...", "have not said when they
    would ...": a clause after the cue opened by "that" (or a question word,
    with its own subject), which the parser took for an adverbial clause; it
    is what was said."""
    if c.dep_ != "advcl" or c.i < verb.i or c.pos_ not in ("VERB", "AUX"):
        return False
    first = c.left_edge
    if first.lower_ == "that" and first.dep_ in ("mark", "advmod") and first.head.i == c.i:
        return _has_subject(c)
    between = verb.doc[verb.i + 1:first.i]
    if first.lower_ in _WH_CLAUSE and all(t.dep_ == "prt" for t in between):
        return any(g.dep_ in ("nsubj", "nsubjpass") and g.i > first.i for g in c.children) \
            and any(g.dep_ == "aux" and g.tag_ == "MD" for g in c.children)
    return False


def _animate_subject(tok: Token, children: list[Token]) -> bool:
    """Is the subject of ``tok`` (its own or, for a joined verb, the one it
    shares) a person or body?"""
    subj = [c for c in children if c.dep_ in _SUBJ]
    if not subj and _shares_subject(tok):
        subj = [c for c in tok.head.children if c.dep_ in _SUBJ]
    return bool(subj) and subj[0].tag_ not in ("WDT",) and (_animate(subj[0]) or _share_of_people(subj[0]))


#: verbs of picking that hold a view only with a poll's share as subject:
#: "52 percent would choose Ortiz" (but "the panel chose a venue")
_SHARE_ONLY = {"choose", "pick"}


#: nouns of a share of those asked: "46 percent would choose X", "a majority prefer Y"
_SHARE_NOUNS = {"percent", "%", "majority", "plurality", "minority", "percentage", "share"}


#: nouns of the people a poll asks, besides persons and bodies: "a majority of voters",
#: "40 percent of respondents", "half of the public" (lemmas)
_POLLED_NOUNS = {
    "voter", "respondent", "people", "person", "adult", "member", "parent", "electorate", "public",
    "population", "household", "participant", "citizen", "consumer", "customer", "user", "reader",
    "viewer", "listener", "supporter", "fan", "youth", "teen", "teenager", "child", "individual",
    "family", "delegate", "owner", "employee", "investor", "taxpayer", "patient",
}


def _share_of_people(tok: Token) -> bool:
    """A poll's share of respondents as subject ("5 percent prefer X", "a
    majority of voters want Y"): they hold the preference.  With "of", the
    share must be of people or bodies: "the bulk of the grant seeks ..." or
    "30 percent of the fleet needs ..." holds no view."""
    lemma = tok.lemma_.lower()
    if lemma not in _SHARE_NOUNS:
        return False
    of_objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    if lemma == "share" and not of_objs:
        return False
    return all(_animate(g) or g.pos_ == "PRON" or g.lemma_.lower() in _POLLED_NOUNS for g in of_objs)


def _said_object(tok: Token, children: list[Token], kind: str = "speech") -> set[int]:
    """"said the same thing", "noted the rule", "polls show a close race": a
    verb of saying or finding whose direct object is what was said or found.

    The verb may share its subject with the verb it is joined to ("spotted X
    and reported her presence").  A person or pronoun is not what was said
    ("said it", "noted Smith"), except as the object of a verb of evidence
    with a predicate after it: "the video shows him with his hands up",
    "polls show her ahead"."""
    objs = [c for c in children if c.dep_ == "dobj" and c.i > tok.i]
    if len(objs) != 1 or not (_has_subject(tok) or _shares_subject(tok)):
        return set()
    obj = objs[0]
    after = [c for c in children if c.i > obj.right_edge.i and c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")]
    if obj.tag_ == "VBG" or obj.lemma_.lower() in _DATUM_NOUNS:
        return set()  # "noted the date in her diary": a datum written down, not a view
    if obj.ent_type_ == "PERSON" and obj.pos_ == "PROPN" and kind == "intent" and _share_subject(tok, children):
        return _subtree_ids(obj)  # "6 percent prefer Brown": the candidate a poll's share picks
    if obj.pos_ == "PRON" or obj.ent_type_ == "PERSON":
        predicate = after or [c for c in children if c.i > obj.right_edge.i and (
            (c.dep_ == "prep" and c.lower_ in ("with", "at")) or (c.dep_ == "advmod" and c.lower_ in _AHEAD))]
        if kind != "evidence" or obj.lower_ in ("it", "this", "that") or not predicate:
            return set()
        after = predicate
    ids = _subtree_ids(obj)
    for c in after:  # "shows Clinton with a lead", "found that action unconstitutional"
        ids |= _subtree_ids(c)
    for c in _object_tail(tok, children, max(ids)):  # "found 31 cases out of a billion votes"
        ids |= _subtree_ids(c)
    return ids


#: prepositions that go on with what was said after the object the parser hung on
#: the verb: "linked the breach to Russia", "cited endorsements from 88 generals"
_TAIL_PREPS = {"to", "from", "of", "for", "about", "on", "over", "with", "against", "into", "toward", "towards",
               "out", "between", "among"}


def _object_tail(tok: Token, children: list[Token], end: int) -> list[Token]:
    """The prepositional phrases on ``tok`` that follow its object (ending at
    ``end``) with no comma between: part of what was said ("linked the breach
    to Russia"), unless they give a time ("on Monday") or the agent of a
    passive."""
    out = []
    for c in sorted((c for c in children if c.i > end), key=lambda c: c.i):
        if c.dep_ != "prep" or c.lower_ not in _TAIL_PREPS or c.left_edge.i != end + 1:
            break
        if any(g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj"):
            break
        out.append(c)
        end = c.right_edge.i
    return out


#: nouns of a datum one writes down rather than states
_DATUM_NOUNS = {"date", "time", "day", "hour", "number", "name", "address", "location", "score"}
#: adverbs of standing that make a person the finding of a poll: "shows her ahead"
_AHEAD = {"ahead", "behind", "up", "down", "even", "tied", "level", "close"}


def _share_subject(tok: Token, children: list[Token]) -> bool:
    """Is the subject of ``tok`` (its own or the one it shares) a poll's share
    of people ("6 percent prefer Brown", "a majority would pick Ortiz")?"""
    subj = [c for c in children if c.dep_ in _SUBJ]
    if not subj and _shares_subject(tok):
        subj = [c for c in tok.head.children if c.dep_ in _SUBJ]
    return bool(subj) and _share_of_people(subj[0])


def _shares_subject(tok: Token) -> bool:
    """A verb joined to another ("... and reported X", "..., noting X") whose
    subject it takes over."""
    return tok.dep_ in ("conj", "advcl", "xcomp") and tok.head is not tok and tok.head.pos_ in ("VERB", "AUX") \
        and any(c.dep_ in _SUBJ and c.i < tok.i for c in tok.head.children) \
        and not any(c.dep_ in ("mark",) for c in tok.children)


#: prepositions whose object is what a P-frame cue is about: "agreed with X",
#: "responded to the charge", "commented on the case", "bragged about Y"
_P_FRAME_PREPS = {"about", "of", "on", "over", "against", "with", "to", "for", "at"}


def _prep_object(tok: Token, children: list[Token]) -> set[int]:
    """"X agreed with Y", "X responded to the report", "X pointed to Y": a cue
    whose prepositional object is what the view is about (frame P).  The
    content runs from the first such phrase to the end of the last one."""
    subj = [c for c in children if c.dep_ in _SUBJ]
    if subj and (subj[0].lower_ in _IMPERSONAL or not _animate(subj[0]) and subj[0].tag_ not in ("WDT", "WP")):
        return set()
    if not subj and tok.dep_ not in ("conj", "xcomp", "advcl", "relcl", "pcomp"):
        return set()
    preps = [c for c in children if c.i > tok.i and c.dep_ in ("prep", "agent") and c.lower_ in _P_FRAME_PREPS
             and any(g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC")
                     for g in c.children)]
    if not preps:
        return set()
    start = preps[0].i
    end = max(t.i for c in preps for t in c.subtree)
    return set(range(start, end + 1))


#: verbs of likening, whose view is the object and what it is likened to:
#: "likened the rules to a burning", "compares his struggles to those of X"
_LIKENING = {"liken", "compare", "equate"}
_LIKENING_PREPS = {"to", "with"}


def _object_complement(tok: Token, children: list[Token], lemma: str) -> set[int]:
    right = [c for c in children if c.i > tok.i]
    keep = []
    preps_here = _OBJ_PREPS | _LIKENING_PREPS if lemma in _LIKENING else _OBJ_PREPS
    for c in right:
        if c.dep_ in ("dobj", "dative", "oprd", "attr", "ccomp", "xcomp"):
            keep.append(c)
        elif c.dep_ in ("prep", "agent") and c.lower_ in preps_here \
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
    for c in _object_tail(tok, children, end):
        end = c.right_edge.i
    return set(range(start, end + 1))
