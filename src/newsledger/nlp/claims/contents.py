"""Contents of claims: nested attributions, character spans, one attribution per token.

Reads the candidates' content token sets; cuts an adjunct cue's content out of
the claim it sits in ("X said A, arguing B"), writes each candidate's
``spans`` (character spans, edges trimmed) and drops claims nested in
another's content or claiming the same content twice.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .common import _PASS_SUBJ, _SUBJ, _TRIM_CHARS, _WORD, _Cand, _doc_text
from .verb_cues import _lookup


# ---------------------------------------------------------------------------
# contents


def _within_parentheses(doc: Doc, cand: _Cand) -> None:
    """A cue inside parentheses reports only what the parentheses hold: "A
    (her campaign later disclosed that B)" is about B, however the parser
    hung A on the cue.  Left alone when nothing of the content lies inside
    ("A (X said)")."""
    text = _doc_text(doc)
    at = doc[cand.cue[0]].idx
    opening = text.rfind("(", 0, at)
    if opening < 0 or ")" in text[opening:at] or "\n" in text[opening:at]:
        return
    closing = text.find(")", at)
    if closing < 0 or "(" in text[at:closing] or "\n" in text[at:closing]:
        return
    inside = {i for i in cand.content if opening < doc[i].idx < closing}
    if inside != cand.content and sum(1 for i in inside if _WORD.search(doc[i].text)) >= 2:
        cand.content = inside


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
        inners = [c for c in cands if c is not outer and c.cue[0] in outer.content
                  and outer.cue[0] not in c.content and c.content and (
                      _adjunct_of(doc[c.cue[0]], outer.content) if c.clausal
                      else _second_predicate(doc[c.cue[0]], doc[outer.cue[0]], outer.content)
                      or _aside_relative(doc[c.cue[0]]))]
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
        runs = [r for r in runs if sum(1 for i in r if _WORD.search(doc[i].text)) >= 2 or _lone_noun(doc, r)]
        if not runs:
            continue
        best = max(runs, key=lambda r: (sum(1 for i in r if not doc[i].is_punct), -r[0]))
        outer.content = set(best)


#: relative words of a clause set off by a comma that comments on a noun
_ASIDE_RELATIVES = {"which", "who", "whom", "whose", "where"}


def _drop_trailing_relative(doc: Doc, cand: _Cand, inside_quote, cues: set[int]) -> None:
    """"praised the plan, which includes a tax credit": a relative clause set off
    by a comma at the end of reported (not quoted) words is the writer's note on
    the noun, not part of what was said or thought; the content ends before the
    comma.  ``inside_quote(token)`` tells quoted words, which are kept."""
    if not cand.content or cand.kind == "according-to":
        return
    words = [i for i in cand.content if not doc[i].is_punct and not doc[i].is_space]
    if not words:
        return
    last = max(words)
    for i in sorted(cand.content):
        tok = doc[i]
        if tok.dep_ != "relcl" or tok.right_edge.i < last or tok.head.i not in cand.content:
            continue
        first = tok.left_edge
        comma = first.i - 1
        if first.lower_ not in _ASIDE_RELATIVES or comma < 0 or doc[comma].text != "," \
                or comma not in cand.content or any(inside_quote(doc[j]) or j in cues for j in range(comma, last + 1)):
            continue
        kept = {j for j in cand.content if j < comma}
        if sum(1 for j in kept if _WORD.search(doc[j].text)) >= 2:
            cand.content = kept
        return


def _adjunct_of(verb: Token, content: set[int]) -> bool:
    """Is ``verb`` joined to the clause it sits in as an adjunct (a participle of a
    verb, a second verb, a relative clause), not as the complement that clause
    reports ("said he didn't believe ...": "believe" is what was said)?  A
    participle on a noun ("noted reports alleging that ...") is part of what
    was said."""
    node = verb
    for _ in range(12):
        if node.dep_ == "acl":
            return False  # "reports alleging that ...": the participle's words are part of the content
        if node.dep_ == "relcl" and not _aside_relative(node):
            return False  # "the $5 million she says she raised": the relative clause narrows a noun of A
        if node.dep_ == "advcl" and _subordinate_clause(node):
            return False  # "said X was right when he warned that ...": a clause of A's own
        if node.dep_ in ("advcl", "conj", "relcl", "parataxis"):
            return True
        if node.head.i == node.i or node.head.i not in content:
            return False
        node = node.head
    return False


#: words opening an adverbial clause of time or cause inside what was said
_CLAUSE_OPENERS = {"when", "after", "before", "because", "since", "if", "until", "once", "as", "unless"}


def _subordinate_clause(verb: Token) -> bool:
    """Is ``verb`` the head of an adverbial clause with a subject of its own, opened
    by a word of time or cause ("... was right when he warned that ...")?  Such a
    clause belongs to the statement around it, unlike a participle of the
    speaker's ("said A, arguing B") or a concession ("although ...")."""
    if not any(c.dep_ in _SUBJ or c.dep_ in _PASS_SUBJ for c in verb.children):
        return False
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in _CLAUSE_OPENERS and c.i < verb.i
               for c in verb.children)


def _aside_relative(verb: Token) -> bool:
    """Is ``verb`` the head of a relative clause set off by a comma ("endorsed
    Smith, who has questioned the plan"), which says something of its own
    about the noun rather than narrowing it?"""
    if verb.dep_ != "relcl":
        return False
    first = verb.left_edge
    return first.i > 0 and first.tag_ in ("WP", "WDT", "WP$") and first.lower_ != "that" \
        and verb.doc[first.i - 1].text == ","


def _lone_noun(doc: Doc, run: list[int]) -> bool:
    """A run of one noun or name: what is left of "endorsed Smith, who said ..."."""
    words = [i for i in run if _WORD.search(doc[i].text)]
    return len(words) == 1 and doc[words[0]].pos_ in ("NOUN", "PROPN")


#: words opening an adverbial clause that adds a second, contrasting statement
_CONCESSIVE = {"although", "though", "while", "whereas"}


def _second_predicate(verb: Token, cue: Token, content: set[int]) -> bool:
    """Is ``verb`` a predicate added to the reported clause by "and" or as an
    adverbial ("said A and warned against B", "said A, citing B", "claimed
    A, although he refused to B"), joined only through such links?  Its
    object is then an attribution of its own, not part of A."""
    if verb.dep_ not in ("conj", "advcl") or verb.tag_ == "VBN" or verb.pos_ != "VERB":
        return False
    if verb.dep_ == "conj" and (verb.tag_ != cue.tag_ or verb.head.tag_ == verb.tag_) and not _bidding(verb):
        # "say he posed a threat and refused to ...", "told police he stopped and
        # confronted them": a second verb in the form of the reported one is his
        return False
    if verb.dep_ == "advcl":
        marks = [c.lower_ for c in verb.children if c.dep_ in ("mark", "aux") and c.i < verb.i]
        if marks and not set(marks) <= _CONCESSIVE or not marks and verb.tag_ != "VBG":
            return False  # "because he cannot defend ...", "to express ...": part of what was said
    node = verb
    for _ in range(12):
        if node.head.i == node.i or node.head.i not in content:
            return True
        if node.dep_ not in ("conj", "advcl"):
            return False
        node = node.head
    return False


def _bidding(verb: Token) -> bool:
    """"(X tweeted that A) and encouraged Americans to B": a verb of speech
    bidding someone to act, with its object and infinitive, joined by "and"
    without a subject of its own — a speech act of the speaker's, not a
    further event of the reported clause."""
    entry = _lookup(verb)
    if entry is None or entry.kind != "speech" or "X" not in entry.frames:
        return False
    if any(c.dep_ in _SUBJ or c.dep_ in _PASS_SUBJ for c in verb.children):
        return False
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    return bool(objs) and any(c.dep_ == "xcomp" and c.i > objs[0].i for c in verb.children)


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
