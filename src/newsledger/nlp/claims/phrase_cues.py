"""Cues that are not a verb with its complement.

Reads a token and the parse around it (and, for bylines, the text and the
actors stage's mentions); writes :class:`~.common._Cand` objects for
"according to X" and "in X's view" (the clause they modify), stance adjectives
("X is sure that ...", "X is critical of Y"), noun cues ("the claim that ...",
"Trump's insistence that ..."), "X released a statement." with the sentence
after it, quotations signed with a dash and transcript lines ("NAME: ...",
also a headline "Poll: ..." or "Sanders: ..."), hearsay adverbs ("allegedly")
and "in this poll, ..." with the poll as source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from ...model import Actor
from ..grammar import has_to_infinitive
from .common import (_IMPERSONAL, _NOT_SOURCES, _PASS_SUBJ, _SUBJ, _STANCE_ADJ, _STANCE_ADJ_PREPS, _VIEW_NOUNS,
                     _WILLING_ADJ, _Cand,
                     _doc_text, _has_subject, _subtree_ids)
from .lexicon import ATTACK_NOUNS, CUE_NOUNS, ESCALATING_VERBS, LIGHT_VERBS, STATEMENT_NOUNS, TOPIC_NOUNS, reporting_verbs
from .quotations import _QuoteMap
from .speakers import _ANIMATE_ENTS, _animate, _np_span, _set_speaker


def _according_to(tok: Token) -> Optional[_Cand]:
    if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc) or tok.nbor(1).lower_ != "to":
        return None
    to = tok.nbor(1)
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    if objs and (objs[0].lemma_.lower() in _NOT_SOURCES or objs[0].lower_ in _NOT_SOURCES):
        return None
    head = _clause_head(tok)
    content: set[int] = set()
    if objs and head is not None:
        own = _subtree_ids(tok)
        content = (_subtree_ids(head) - own) & set(range(tok.sent.start, tok.sent.end))
    if not content:
        return _according_to_by_place(tok)
    obj = objs[0]
    cand = _Cand(cue=[tok.i, to.i], content=content, kind="according-to")
    cand.speaker = _np_span(obj)
    cand.speaker_head = obj.i
    return cand


def _according_to_by_place(tok: Token) -> Optional[_Cand]:
    """"According to X, CLAUSE." and "CLAUSE, according to X." read by the
    commas when the parser did not hang the clause on the phrase (it made
    "According" the root, or took the source for a verb: "according to show
    insiders").  The source runs from "to" to the comma (or the sentence end)."""
    doc = tok.doc
    sent = tok.sent
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words:
        return None
    if words[0].i == tok.i:
        comma = next((t.i for t in doc[tok.i + 2:sent.end] if t.text == ","), None)
        if comma is None or comma - (tok.i + 2) > 8:
            return None
        source = (tok.i + 2, comma)
        content = {t.i for t in doc[comma + 1:sent.end] if not (t.is_space or t.is_punct and t.i == sent.end - 1)}
    elif tok.i > sent.start and doc[tok.i - 1].text == "," and words[-1].i - tok.i <= 9 \
            and not any(t.text == "," for t in doc[tok.i + 2:words[-1].i + 1]):
        source = (tok.i + 2, words[-1].i + 1)
        content = {t.i for t in doc[sent.start:tok.i - 1] if not t.is_space}
    else:
        return None
    if source[1] <= source[0] or sum(1 for i in content if not doc[i].is_punct) < 3:
        return None
    head = max(range(*source), key=lambda i: (doc[i].pos_ in ("PROPN", "NOUN", "PRON"), i))
    if doc[head].lemma_.lower() in _NOT_SOURCES:
        return None
    cand = _Cand(cue=[tok.i, tok.i + 1], content=content, kind="according-to")
    cand.speaker, cand.speaker_head = source, head
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


#: adverbs that mark a clause as reported by someone unnamed: "he allegedly fled"
_HEARSAY_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly", "reputedly"}
#: nouns of a finding: "in this poll, Trump rose ..." (the poll is the source)
_FINDING_NOUNS = {"poll", "survey", "study", "report", "analysis", "audit", "census", "tally", "count"}


#: nouns of a candidate's standing that polls measure: "gains in the polls"
_STANDING_NOUNS = {"gain", "lead", "advantage", "edge", "standing", "rise", "surge", "slide", "drop", "decline"}


def _ends_clause(tok: Token) -> bool:
    """The phrase headed by ``tok`` closes its sentence or is followed by punctuation."""
    nxt = tok.right_edge.i + 1
    return nxt >= tok.sent.end or tok.doc[nxt].is_punct


def _hearsay_adverb(tok: Token) -> Optional[_Cand]:
    """"He allegedly brandished a pistol", "the campaign is reportedly scrambling":
    the clause the adverb modifies is a claim with no speaker."""
    if tok.lower_ not in _HEARSAY_ADVERBS or tok.dep_ != "advmod":
        return None
    head = tok.head
    if head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    content = (_subtree_ids(head) - {tok.i}) & set(range(tok.sent.start, tok.sent.end))
    content = {i for i in content if not tok.doc[i].is_space}
    if len(content) < 2:
        return None
    return _Cand(cue=[tok.i], content=content, kind="indirect")


def _in_finding(tok: Token) -> Optional[_Cand]:
    """"In this poll, Trump rose 1 point", "in a new survey, most voters ...": the
    clause the phrase opens is what the poll found; the poll is the source.  Not
    when the clause has a cue verb of its own ("In the report, X wrote that")."""
    if tok.lower_ != "in" or tok.dep_ != "prep":
        return None
    objs = [c for c in tok.children if c.dep_ == "pobj" and c.lemma_.lower() in _FINDING_NOUNS]
    if not objs:
        return None
    head = tok.head
    if head.pos_ in ("NOUN", "PROPN") and head.i < tok.i and head.dep_ in _SUBJ \
            and objs[0].tag_ == "NNS" and head.lemma_.lower() in _STANDING_NOUNS:
        # "Trump's recent gains in some polls may ...": the standing the polls show
        content = {i for i in _subtree_ids(head) if i < tok.i}
        cand = _Cand(cue=[tok.i], content=content, kind="indirect")
        cand.speaker, cand.speaker_head = _np_span(objs[0]), objs[0].i
        return cand
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in reporting_verbs():
        return None
    if head.i < tok.i and (objs[0].tag_ != "NNS" or not _ends_clause(tok)):
        return None  # "in polls" after the clause: only at its end ("X fared well in polls.")
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        return None
    content = (_subtree_ids(head) - _subtree_ids(tok)) & set(range(tok.sent.start, tok.sent.end))
    content = {i for i in content if not tok.doc[i].is_space}
    if len(content) < 3:
        return None
    cand = _Cand(cue=[tok.i], content=content, kind="indirect")
    cand.speaker, cand.speaker_head = _np_span(objs[0]), objs[0].i
    return cand


def _adjective_cue(tok: Token, qmap: _QuoteMap) -> Optional[_Cand]:
    """"X is sure (that) ...", "it is clear that ...", "X is critical of Y"."""
    if tok.pos_ != "ADJ" or tok.dep_ not in ("acomp", "oprd", "amod", "conj"):
        return None
    low = tok.lower_
    if low not in _STANCE_ADJ and low not in _STANCE_ADJ_PREPS and low not in _WILLING_ADJ:
        return None
    verb = tok.head
    if tok.dep_ == "amod" or verb.lemma_.lower() not in ("be", "seem", "appear", "remain", "become", "feel", "grow", "sound"):
        return None
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subj:
        return None
    clause = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i and _has_subject(c)]
    if not clause and low in _STANCE_ADJ:
        clause = _question_clause(tok)
    if not clause and subj[0].lower_ == "it":
        clause = [c for c in verb.children if c.dep_ == "ccomp" and c.i > tok.i and _has_subject(c)]
    content: set[int] = set()
    cue = [tok.i]
    willing = [c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i and low in _WILLING_ADJ
               and has_to_infinitive(c)]
    if clause and low in _STANCE_ADJ:
        content = _subtree_ids(clause[0])
    elif willing and subj[0].lower_ not in _IMPERSONAL and _animate(
            verb.head if subj[0].lower_ in ("who", "that") and verb.dep_ == "relcl" else subj[0]):
        # "X is willing to ...", "X was reluctant to ...": what the subject means to do (a
        # person or body: "the bridge is ready to open" intends nothing)
        content = _subtree_ids(willing[0])
    elif low in _STANCE_ADJ_PREPS and subj[0].lower_ not in _IMPERSONAL:
        preps = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in _STANCE_ADJ_PREPS[low]
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
        objs = [g for p in preps[:1] for g in p.children if g.dep_ in ("pobj", "pcomp") and g.tag_ not in ("WDT", "WP")]
        if objs:  # not "the one thing that X is passionate about"
            content = {i for g in objs for i in _subtree_ids(g)}
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


#: words opening an indirect yes/no question: "not sure if ...", "unclear whether ..."
_IF_WHETHER = {"if", "whether"}


def _question_clause(adj: Token) -> list[Token]:
    """"X wasn't sure if they would help": an indirect question after an
    adjective of certainty, which the parser hangs on it (or on the copula) as
    an adverbial clause; it is what X is (un)sure of."""
    heads = [adj, adj.head] if adj.dep_ in ("acomp", "oprd") else [adj]
    return [c for h in heads for c in h.children if c.dep_ == "advcl" and c.i > adj.i and _has_subject(c)
            and any(g.dep_ == "mark" and g.lower_ in _IF_WHETHER and g.i == c.left_edge.i for g in c.children)]


#: prepositions that name the topic of talk or doubt: "criticism over X",
#: "speculation as to whether ...", "skepticism about Y"
_TOPIC_PREPS = {"about", "over", "regarding", "concerning", "as"}


#: what "over" may be followed by without naming a topic: the channel, the meal
#: or the stretch of time the talk took ("questions over the phone", "over
#: lunch", "over the weekend") (lemmas)
_OVER_NOT_TOPIC = {
    "phone", "telephone", "radio", "television", "video", "videolink", "internet", "web", "airwave",
    "loudspeaker", "intercom", "speakerphone",
    "lunch", "dinner", "breakfast", "brunch", "supper", "coffee", "tea", "drink", "meal",
    "weekend", "year", "month", "week", "day", "decade", "hour", "night", "summer", "winter",
    "spring", "autumn", "fall", "period", "course", "time",
}


def _topic_phrase(prep: Token) -> bool:
    """A prepositional phrase naming what talk or doubt is about ("about X",
    "over whether ...", "as to whether ..."), not a date or time, nor after
    "over" a channel or meal ("fielded questions over the phone", "over
    lunch": no topic)."""
    if prep.dep_ != "prep" or prep.lower_ not in _TOPIC_PREPS:
        return False
    if prep.lower_ == "as":
        return any(g.lower_ == "to" for g in prep.children) or any(
            g.dep_ == "pcomp" and g.left_edge.lower_ in ("whether", "how", "why", "what") for g in prep.children)
    return any(g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")
               and not (prep.lower_ == "over" and g.dep_ == "pobj" and g.lemma_.lower() in _OVER_NOT_TOPIC)
               for g in prep.children)


def _topic_noun(tok: Token, qmap: _QuoteMap) -> Optional[_Cand]:
    """"questions about the deal", "an answer about how ...", "disagreements over
    whether ...": a noun of asking, answering or disputing with its topic
    phrase; the topic is the content.  The holder is the possessor, the object
    of "by"/"from", or the subject of a verb of asking or answering ("fielded
    questions about X"); one who only faces the questions holds nothing ("X
    faced questions about Y": no source)."""
    preps = [c for c in tok.children if c.i > tok.i and _topic_phrase(c)]
    if not preps:
        return None
    content = _subtree_ids(preps[0]) - {preps[0].i}
    para = qmap.para
    content = {i for i in content if para[i] == para[tok.i]}
    if not content:
        return None
    cand = _Cand(cue=[tok.i, preps[0].i], content=content, kind="indirect")
    holder = [c for c in tok.children if c.dep_ == "poss"] or [
        g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for g in c.children
        if g.dep_ == "pobj"]
    if holder:
        cand.speaker, cand.speaker_head = _np_span(holder[0]), holder[0].i
    elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ASKING_VERBS:
        # "answering questions about X", "X raised questions about Y": the one
        # asking or answering (not "X faced questions about Y")
        verb = tok.head
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subj and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
            subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if subj and _animate(subj[0]) and subj[0].tag_ not in ("WDT", "WP"):
            cand.speaker, cand.speaker_head = _np_span(subj[0]), subj[0].i
    return cand


#: verbs whose subject asks or answers the question that is their object
_ASKING_VERBS = {"answer", "ask", "raise", "pose", "field", "address", "dodge", "deflect", "sidestep", "evade",
                 "express", "voice", "give", "offer", "provide"}


_NOUN_CUES = CUE_NOUNS | TOPIC_NOUNS


def _noun_cue(tok: Token, qmap: _QuoteMap) -> Optional[_Cand]:
    """A noun cue with its clause: "the claim that ...", "Trump's insistence that ...",
    "a report that ...".  The holder is the possessor ("Trump's claim"), the
    object of "by"/"from" ("a statement from the ministry") or the subject of a
    light verb ("X made the claim that"); else the claim has no speaker."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _NOUN_CUES:
        return None
    if tok.lemma_.lower() in TOPIC_NOUNS:
        return _topic_noun(tok, qmap)
    clauses = [c for c in tok.children if c.dep_ in ("acl", "ccomp", "appos", "relcl") and c.i > tok.i
               and any(g.dep_ == "mark" and g.lower_ == "that" and g.i == c.left_edge.i for g in c.children)
               and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)]
    if not clauses:
        clauses = _that_clause_of_verb(tok)
    if not clauses:
        # with a holder named: "Trump's claims about X", "her plan to ...", "his support for ..."
        if not any(c.dep_ == "poss" for c in tok.children):
            return None
        clauses = [c for c in tok.children if c.i > tok.i and (
            (c.dep_ == "acl" and has_to_infinitive(c))
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
    if cand.speaker is None and not (clause.dep_ in ("acl", "ccomp", "appos", "relcl", "advcl") and clause.i > tok.i
                                     and any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)):
        return None  # "her support for ...": with no holder, not a claim
    # "the claim that ...", "reports that ...": a claim whose holder is not named
    cand.negated = any(c.dep_ == "neg" for c in tok.children) or tok.lemma_.lower() == "denial"
    return cand


#: words a headline's subject may be made of: "Black Lawmakers", "Federal court"
_HEADLINE_SUBJECT_POS = {"PROPN", "NOUN", "ADJ", "NUM", "DET", "PART", "PUNCT"}


def _headline(doc: Doc, qmap: _QuoteMap, cands: Sequence[_Cand]) -> list[_Cand]:
    """A headline (the text's first line) "NAME VERBs REST" whose verb is a cue of
    the lexicon in the present tense, which the tagger read as a noun or name
    in title case ("Sanders Vows To Eliminate ...", "Federal court rules
    against ...", "Trump questions the fairness of ..."): the name is the
    speaker and the rest of the line the content.  Not when a cue was
    already found in the line."""
    from .verb_cues import _lookup_words

    text = _doc_text(doc)
    end = text.find("\n")
    index = qmap.index
    if end <= 0:
        return []
    line = [i for i in range(index.first_at(0), index.first_at(end)) if not doc[i].is_space]
    start = 0
    for k, i in enumerate(line):
        if doc[i].text == ":":
            start = k + 1  # "The Latest: Trump urges ..."
    opener = doc[line[start]] if start < len(line) else None
    if opener is not None and (opener.tag_ in ("VBG", "VBN", "IN") or opener.lower_.endswith("ing")):
        for k in range(start, len(line)):
            if doc[line[k]].text == "," and k + 3 < len(line):
                start = k + 1  # "Railing Against X, Sanders Vows To ...", "After Debate, X Says ..."
                break
    if start >= len(line) or any(line[start] <= c.cue[0] and index.starts[c.cue[0]] < end for c in cands):
        return []
    for k in range(start + 1, len(line) - 2):
        tok = doc[line[k]]
        if tok.pos_ == "VERB" or not tok.is_alpha:
            continue
        subject = [doc[i] for i in line[start:k]]
        if not all(t.pos_ in _HEADLINE_SUBJECT_POS for t in subject):
            break
        low = tok.lower_
        entry = _lookup_words(low, low) if low.endswith("s") else None
        if entry is None and subject[-1].lower_.endswith("s"):  # "Black Lawmakers Rip ..."
            entry = reporting_verbs().get(low)
        if entry is None or entry.kind not in ("speech", "evidence", "evaluation", "intent"):
            continue
        nxt = doc[line[k + 1]]
        if nxt.pos_ in ("VERB", "AUX") or not any(t.pos_ in ("PROPN", "NOUN") for t in subject):
            break
        content = {i for i in line[k + 1:] if not (doc[i].is_punct and i == line[-1])}
        cand = _Cand(cue=[tok.i], content=content, kind="indirect")
        cand.speaker, cand.speaker_head = (line[start], tok.i), tok.i - 1
        return [cand]
    return []


def _that_clause_of_verb(noun: Token) -> list[Token]:
    """"fueling worries from Paris to Prague that X was a burden": the that-clause
    of a noun cue that the parser hung on the verb whose object the noun is
    (when that verb is no cue of its own); "her argument is that X": the
    clause that a noun cue is, as the subject of "be"."""
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.lemma_.lower() == "be":
        pass
    elif noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() in reporting_verbs():
        return []
    return [c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.i > noun.i
            and any(g.dep_ == "mark" and g.lower_ == "that" and g.i == c.left_edge.i for g in c.children)
            and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)]


#: verbs of stepping up that are said of words, not of blows ("doubled down on his
#: attacks", "peppered him with attacks"), and adjectives that make an attack one of words
_ONLY_WORDS_ESCALATE = frozenset({"double", "redouble", "pepper"})
_VERBAL_ATTACK = frozenset({"personal", "verbal", "rhetorical", "public", "scathing", "blistering", "written"})


def _stepped_up_attacks(doc: Doc, cands: list[_Cand], qmap: _QuoteMap) -> list[_Cand]:
    """A verb of stepping up or starting verbal attacks whose object is such
    attacks is an attribution by its subject, with the attacks for content ("The
    senator escalated her criticism of the plan", "He doubled down on his attacks
    on the judge", "She peppered him with insults"): it takes the place of the
    noun's own claim, whose holder is at best a pronoun."""
    out = list(cands)
    for at in qmap.index.with_lower(ATTACK_NOUNS):
        noun = doc[at]
        if noun.pos_ != "NOUN" or qmap.inside(noun):
            continue
        if noun.dep_ == "dobj":
            verb, preps = noun.head, []
        elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("on", "with"):
            verb, preps = noun.head.head, [noun.head.i]
        else:
            continue
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ESCALATING_VERBS or qmap.inside(verb):
            continue
        if any(verb.i in c.cue for c in out):
            continue
        if noun.lemma_.lower() == "attack" and verb.lemma_.lower() not in _ONLY_WORDS_ESCALATE \
                and not any(c.dep_ == "amod" and c.lower_ in _VERBAL_ATTACK for c in noun.children):
            continue  # "the army stepped up attacks on the town": blows, not words
        cand = _Cand(cue=sorted([verb.i] + [c.i for c in verb.children if c.dep_ == "prt"] + preps),
                     content=_subtree_ids(noun) - set(preps), kind="indirect")
        _set_speaker(cand, verb, any(c.dep_ in _PASS_SUBJ for c in verb.children))
        if cand.speaker is None or cand.speaker_head is None or not _animate(doc[cand.speaker_head]):
            continue
        out = [c for c in out if noun.i not in c.cue]
        out.append(cand)
    return out


def _statement_then_content(doc: Doc, cands: list[_Cand], qmap: _QuoteMap) -> list[_Cand]:
    """"X released a statement." followed, in the same paragraph, by a sentence
    with no attribution of its own: that sentence is what the statement said."""
    out = list(cands)
    index = qmap.index
    sents = index.sents
    for at in index.with_lower(STATEMENT_NOUNS):
        si = index.sent_index(at)
        if si >= len(sents) - 1:
            break  # (nothing follows the last sentence)
        sent = sents[si]
        tok = doc[at]
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
        # the verb's own claim whose content is the statement itself ("issued | a statement")
        # gives way to the statement and its words
        obj = set(_subtree_ids(tok))
        out = [c for c in out if c not in in_next and not (verb.i in c.cue and c.content and c.content <= obj)]
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
    index = qmap.index
    for qi, q in enumerate(qmap.quotes):
        if not q.closed or not qmap.is_long(qi):
            continue
        m = _DASH_AFTER.match(text, q.end)
        if not m or m.end() not in index.by_start:
            continue
        first = index.by_start[m.end()]
        # the dash may be glued to the closing mark in one token (”―)
        dash = [i for i in range(bisect_right(index.ends, q.end), index.first_at(m.end())) if not doc[i].is_space]
        name = _name_run(doc, first)
        if name is None or not dash:
            continue
        content = set(index.starting_in(q.start, q.end))
        cand = _Cand(cue=dash, content=content, kind="indirect")
        cand.speaker, cand.speaker_head = name, name[1] - 1
        out.append(cand)
    mentions: Optional[set[int]] = None
    last_use: Optional[dict[str, int]] = None
    for colon in index.with_text(":"):
        tok = doc[colon]
        line_start = text.rfind("\n", 0, tok.idx) + 1
        if line_start not in index.by_start:
            continue
        first = index.by_start[line_start]
        while first < tok.i and doc[first].is_punct:
            first += 1
        if mentions is None:  # once per text, not per line: a transcript has many
            mentions = _mentions(doc, actors)
        name = _name_run(doc, first, mentions)
        if name is None:
            if last_use is None:
                last_use = _last_name_use(doc)
            name = _label_source(doc, first, tok.i, last_use)
        if name is None or name[1] != tok.i:
            continue
        line_end = text.find("\n", tok.idx)
        line_end = len(text) if line_end == -1 else line_end
        content = {i for i in range(index.first_after(tok.idx), index.first_at(line_end)) if not doc[i].is_space}
        if len(content) < 3:
            continue
        cand = _Cand(cue=[tok.i], content=content, kind="indirect", line=True)
        cand.speaker, cand.speaker_head = name, name[1] - 1
        out.append(cand)
    return out


#: nouns of a finding that may head a line as its source ("Poll: Clinton leads")
_EVIDENCE_LABELS = {"poll", "polls", "survey", "study", "report", "analysis", "audit", "census"}


def _last_name_use(doc: Doc) -> dict[str, int]:
    """For each word the text uses as a name (an entity or a proper noun, not
    after a line break), the character offset of its last such use."""
    out: dict[str, int] = {}
    for t in doc:
        if (t.ent_type_ in ("PERSON", "ORG", "NORP") or t.pos_ == "PROPN") \
                and not (t.i > 0 and doc[t.i - 1].is_space):
            out[t.text] = t.idx
    return out


def _label_source(doc: Doc, first: int, colon: int, last_use: dict[str, int]) -> Optional[tuple[int, int]]:
    """A headline or line "Sanders: Clinton needs to ...", "Poll: Clinton leads":
    one or two capitalised words before the colon that the text elsewhere uses
    as a name (the tagger often misses names in a title-case headline), or a
    noun of a finding."""
    words = doc[first:colon]
    if not 1 <= len(words) <= 2 or not all(t.is_alpha and t.is_title for t in words):
        return None
    if words[-1].lower_ in _EVIDENCE_LABELS:
        return first, colon
    line_end = _doc_text(doc).find("\n", doc[colon].idx)
    if line_end != -1 and last_use.get(words[-1].text, -1) > line_end:
        return first, colon
    return None


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
