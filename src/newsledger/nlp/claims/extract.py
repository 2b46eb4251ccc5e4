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
7. Smaller shapes: a cue's prepositional object ("agreed with X", frame
   ``P``); "make it clear that", "made the case for X"; hearsay adverbs
   ("allegedly", "reportedly": no speaker); "in this poll, ..." (the poll is
   the source); a headline "Sanders: ..." or "Poll: ..." whose label the text
   uses as a name elsewhere, or "Federal court rules against ..." whose verb
   the tagger read as a noun.
8. Attributions inside what was said: a cue set between commas ("These
   workers, the manager explained, were well paid": the words on both sides
   are the content); a second predicate of the speaker joined to the reported
   clause ("said A and warned against B", "said A, citing B") is cut out as a
   claim of its own.  An aside reports only the conjunct it sits in ("A, but
   B, X noted, C": B and C), a clause opened by "while", "although" ... before
   the cue is the writer's frame, and a cue inside parentheses reports only
   what they hold.
9. "in recent polls" closing a clause ("X did well in recent polls") or on a
   noun of standing ("X's gains in the polls"): the polls are the source.
   "anyone wanting to ..." is no one's claim.
10. Nouns of asking and answering with their topic ("fielded questions about
   X"), a poll's share holding a preference ("38 percent prefer X"), "not
   sure if ...", and a cue whose clause the parser hung past it ("Although
   she admitted A was B, X said C").
11. Content edges: a cue in a restrictive relative clause or a "when" clause
   inside what was said stays nested; a comma-set relative clause closing
   reported words is the writer's and is cut off; phrases right after a
   cue's object ("linked X to Y") belong to the content.

Speakers come from the syntax (subject of the cue, agent of a passive, the
object of "according to"), as the full noun phrase; passive and impersonal
forms ("are said to", "it was reported") have no speaker.  Pronoun speakers
get ``speaker_name`` from the nearest preceding person named in the text.

The steps live in their own modules: :mod:`.verb_cues` (1, 6), :mod:`.phrase_cues`
(2, 5, bylines and noun cues), :mod:`.quotations` (3), :mod:`.contents` (4),
:mod:`.speakers`; this module runs them and writes the claims.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

from spacy.tokens import Doc

from ...model import Actor, Claim, Span, Timex
from .common import (_EXPERIENCER_PASSIVES, _STANCE_ADJ, _STANCE_ADJ_PREPS, _VIEW_NOUNS, _WILLING_ADJ, _WORD,
                     _Cand, _doc_text)
from .contents import _char_spans, _drop_trailing_relative, _split_nested, _univocal, _within_parentheses
from .lexicon import CUE_NOUNS, TOPIC_NOUNS
from .phrase_cues import (_HEARSAY_ADVERBS, _according_to, _adjective_cue, _bylines, _headline, _hearsay_adverb,
                          _in_finding, _in_view, _noun_cue, _statement_then_content,
                          _stepped_up_attacks)
from .resolve import author_claims as _author_claims
from .resolve import finish as _finish
from .resolve import resolve_speakers as _resolve_speakers
from .quotations import _QuoteMap, _absorb_quotes, _cut_at_new_quote, _follow_on_quotes
from .quotemarks import find_quotes
from .speakers import _speaker_name
from .verb_cues import _RAISING, _may_be_verb_cue, _verb_cue

__all__ = ["find_claims",
           # read by other modules (resolve, the selective parser)
           "_doc_text", "_EXPERIENCER_PASSIVES", "_RAISING", "_STANCE_ADJ", "_STANCE_ADJ_PREPS", "_VIEW_NOUNS"]



#: the words (lower-case) that may be a cue whatever their part of speech:
#: "according to", "in X's view", "in this poll", hearsay adverbs
_CUE_WORDS = frozenset({"according", "in"}) | _HEARSAY_ADVERBS
#: the adjectives that may be a cue ("sure that", "critical of")
_CUE_ADJECTIVES = frozenset(_STANCE_ADJ) | frozenset(_STANCE_ADJ_PREPS) | frozenset(_WILLING_ADJ)


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
    for i in qmap.index.may_be_cue(CUE_NOUNS | TOPIC_NOUNS, _CUE_WORDS, _CUE_ADJECTIVES, _may_be_verb_cue):
        if qmap.by_token[i] != -1:
            continue  # words inside a quotation are the quoted speaker's, not the writer's
        tok = doc[i]
        cand = _verb_cue(tok, qmap) or _according_to(tok) or _in_view(tok) or _noun_cue(tok, qmap) \
            or _adjective_cue(tok, qmap) or _hearsay_adverb(tok) or _in_finding(tok)
        if cand is not None and _has_content_word(doc, cand.content):
            _within_parentheses(doc, cand)
            cands.append(cand)
    actors = list(actors)
    cands.extend(_bylines(doc, qmap, actors))
    cands.extend(_headline(doc, qmap, cands))
    cands = _stepped_up_attacks(doc, cands, qmap)
    cands = _statement_then_content(doc, cands, qmap)
    _split_nested(doc, cands)
    cues = {i for cand in cands for i in cand.cue}
    for cand in cands:
        _drop_trailing_relative(doc, cand, qmap.inside, cues)
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
    _link_actors(doc, claims, actors)
    _resolve_speakers(doc, claims, actors, qmap.index)
    if author:
        claims.extend(_author_claims(doc, claims, qmap, author, actors))
    _finish(doc, claims, timexes, published)
    claims.sort(key=lambda c: (c.content.start, c.content.end))
    return claims


#: parts of speech that can say something on their own
_CONTENT_POS = {"NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ", "NUM"}
#: adverbs that stand for a whole clause: "doesn't think so", "hopes not"
_PRO_CLAUSES = {"so", "not"}


def _has_content_word(doc: Doc, content: set[int]) -> bool:
    """Is there a word in ``content`` besides prepositions, particles and
    adverbs (other than "so" and "not" standing for a clause)?  "cards they never asked for" leaves "for" as what was asked:
    the thing asked for is the noun the relative clause hangs on, no claim."""
    return any(doc[i].pos_ in _CONTENT_POS or doc[i].lower_ in _PRO_CLAUSES for i in content)


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
    sent = qmap.index.sent_of(cand.cue[0])
    ss = min(sent.start_char, s)
    se = max(sent.end_char, e)
    ss, se = _strip_ws(text, ss, se)
    return Claim(speaker=speaker, cue=Span.of(text, cue_s, cue_e), content=Span.of(text, s, e),
                 kind=kind, speaker_name=_speaker_name(doc, cand, qmap.index), negated=cand.negated,
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


#: relative pronouns that may stand as a speaker span: "Greenpeace, which says ..."
_RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


def _link_actors(doc: Doc, claims: list[Claim], actors: list[Actor]) -> None:
    """Give each claim the actor whose mention overlaps its speaker span.

    A relative pronoun as the speaker ("The Harbour Trust, which says the pier
    is unsafe, ..."): the span stays the pronoun, but the actor is found at
    its antecedent ("The Harbour Trust"), the noun the relative clause hangs on."""
    if not actors:
        return
    for claim in claims:
        if claim.speaker is None:
            continue
        s, e = claim.speaker.start, claim.speaker.end
        ante = _relative_antecedent(doc, s, e)
        if ante is not None:
            s, e = ante
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


def _relative_antecedent(doc: Doc, start: int, end: int) -> Optional[tuple[int, int]]:
    """The characters of the noun phrase a relative pronoun speaker stands for
    (up to its head noun), or ``None`` when the span is not such a pronoun."""
    span = doc.char_span(start, end)
    if span is None or len(span) != 1 or span[0].lower_ not in _RELATIVE_PRONOUNS:
        return None
    verb = span[0].head
    if verb.dep_ != "relcl" or verb.head is verb:
        return None
    ante = verb.head
    if ante.pos_ not in ("NOUN", "PROPN"):
        return None
    left = min(ante.left_edge.i, ante.i)
    return doc[left].idx, ante.idx + len(ante.text)
