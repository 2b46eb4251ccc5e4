"""Quotations in a parsed Doc, and how claims take them in.

Reads the quotations :func:`~.quotemarks.find_quotes` found in the text and the
Doc's tokens; writes a token map of them (:class:`_QuoteMap`), the quotation
standing next to a cue (``“...,” he said``, ``he said: “...”``), and the
character spans of a candidate's content widened to whole quotations, split
quotations merged and continued ones taken along; with ``separate_follow_on``
it cuts contents at a new quotation and makes follow-on quotations claims of
their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from spacy.tokens import Doc, Token

from ...model import Claim, Span
from .common import _SUBJ, _Cand, _doc_text, _subtree_ids
from .docindex import DocIndex, index_of
from .quotemarks import Quote


# ---------------------------------------------------------------------------
# quotations mapped onto tokens


class _QuoteMap:
    def __init__(self, doc: Doc, quotes: list[Quote], index: Optional[DocIndex] = None):
        self.doc = doc
        self.quotes = quotes
        self.index = index_of(doc, index)
        text = _doc_text(doc)
        #: the quotation each token is inside (its marks excluded), or -1
        self.by_token: list[int] = [-1] * len(doc)
        for qi, q in enumerate(quotes):  # (in text order, not overlapping)
            lo = self.index.first_after(q.start)
            hi = self.index.first_at(q.end - (1 if q.closed else 0))
            self.by_token[lo:hi] = [qi] * max(0, hi - lo)
        #: the paragraph of each token: how many tokens before it hold a line break
        self.para: list[int] = _paragraphs(text, self.index.starts)
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


def _paragraphs(text: str, starts: list[int]) -> list[int]:
    """For each token (by its character offset), how many tokens before it hold a
    line break in their text or trailing whitespace."""
    n = len(starts)
    holds = [False] * n
    at = 0
    for m in _NEWLINE.finditer(text):
        at = bisect_right(starts, m.start(), max(at, 0)) - 1
        if at >= 0:
            holds[at] = True
    out = [0] * n
    count = 0
    for i in range(n):
        out[i] = count
        count += holds[i]
    return out


_NEWLINE = re.compile("\n")


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


def _in_long_quote(tok: Token, qmap: _QuoteMap, allowed: set[int]) -> bool:
    """Is ``tok`` inside a quotation, other than a short one (a nickname: Marcia
    “Cia” Price) in the speaker's own words ``allowed``?"""
    qi = qmap.by_token[tok.i]
    if qi == -1:
        return False
    return tok.i not in allowed or qmap.is_long(qi)


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
        elif c.dep_ == "punct" and c.i == tok.i - 1 and c.text == "," and any(
                s.dep_ in _SUBJ and s.i < c.i for s in tok.children):
            allowed.add(c.i)  # the comma closing the subject's apposition
    j = tok.i - 1
    while j >= 0 and (j in allowed or doc[j].is_space) and not _in_long_quote(doc[j], qmap, allowed):
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
        sent = qmap.index.sent_of(cand.cue[0])
        for qi, q in enumerate(qmap.quotes):
            if qi in qis or not qmap.is_long(qi):
                continue
            if sent.start_char <= q.start < sent.end_char + 2 and qis:
                gap = _doc_text(doc)[e:q.start] if q.start >= e else _doc_text(doc)[q.end:s]
                if "\n" not in gap and _only_attribution_between(doc, cand, q, s, e, qmap.index) \
                        and not _has_cue_near(doc, [o for o in cands if o is not cand], q, qmap.index):
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
    # a quotation continuing in the next sentence of the same paragraph; a
    # quotation closed by its cue ("“A,” she said of X, ...  “B.”") takes it first
    ends = {q.end for q in qmap.quotes}
    for cand in sorted(cands, key=lambda c: not _closed_by_cue(c, qmap, ends)):
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
            if cue_end > e:
                # the rest of the attribution's sentence is long: the quotation
                # opening the next sentence goes on all the same
                sent = qmap.index.sent_of(cand.cue[0])
                m = re.match(r"[ \t]+(?=[“\"])", text[sent.end_char:]) if sent.end_char > cue_end else None
                if m and sent.end_char > e and not any(q.start < sent.end_char - 1 and e < q.end
                                                       for q in qmap.quotes):
                    _take_quote(doc, cands, cand, qmap, sent.end_char + m.end(), taken)
            continue
        gap = rest[:m.end()]
        if "\n" in gap or cue_end < e:
            # only after "“...,” he said." — the attribution closes the first sentence
            if cue_end < e:
                continue
        if cue_end > e + len(gap):
            continue
        _take_quote(doc, cands, cand, qmap, e + m.end(), taken)


def _closed_by_cue(cand: _Cand, qmap: _QuoteMap, ends: set[int]) -> bool:
    """Does the claim's content end with a quotation (``ends``: where the
    quotations end) that its cue follows (“...,” she said)?"""
    if not cand.spans or cand.line:
        return False
    e = cand.spans[-1][1]
    return e in ends and qmap.index.starts[cand.cue[0]] >= e


def _take_quote(doc: Doc, cands: list[_Cand], cand: _Cand, qmap: _QuoteMap, start: int, taken: set[int]) -> None:
    for qi, q in enumerate(qmap.quotes):
        if q.start == start and qi not in taken and qmap.is_long(qi) and not _has_cue_near(doc, cands, q, qmap.index):
            cand.spans = _merge_spans(cand.spans + [(q.start, q.end)])
            taken.add(qi)
            cand.continued = True
            return


_NEW_QUOTE = re.compile(r"[.!?][ \t]+(?=[“\"])")


def _cut_at_new_quote(doc: Doc, cands: list[_Cand], qmap: _QuoteMap) -> None:
    """End a reported clause where a new sentence opens with a quotation the
    parser ran into it ("... the islands. “If they ...?”"); that quotation is
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


def _only_attribution_between(doc: Doc, cand: _Cand, q: Quote, s: int, e: int,
                              index: Optional[DocIndex] = None) -> bool:
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
    for i in index_of(doc, index).starting_in(gap[0], gap[1]):
        tok = doc[i]
        if not tok.is_punct and not tok.is_space and tok.i not in allowed \
                and tok.dep_ not in ("npadvmod", "advmod", "aux", "neg") and tok.ent_type_ not in ("DATE", "TIME"):
            return False
    return True


def _has_cue_near(doc: Doc, cands: list[_Cand], q: Quote, index: Optional[DocIndex] = None) -> bool:
    index = index_of(doc, index)
    for c in cands:
        for i in c.cue:
            if q.start <= doc[i].idx < q.end + 60 and index.sent_of(i).start_char <= q.end:
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
