"""Speakers of claims: who holds the view a cue reports.

Reads the cue's token and the parse around it; writes a candidate's
``speaker`` (a token span) and ``speaker_head`` from the subject of the cue,
the agent of a passive, an antecedent or the noun phrase outside a quotation;
gives the claim's ``speaker_name``, looking back to the last person named for
a pronoun or a role noun ("the expert").
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..grammar import has_to_infinitive
from .common import _IMPERSONAL, _PASS_SUBJ, _PERSON_PRONOUNS, _ROLE_NOUNS, _SUBJ, _TITLES, _Cand
from .docindex import DocIndex, index_of
from .lexicon import AUTHORED_NOUNS, AUTHORING_VERBS, MESSAGE_BATCHES, reporting_verbs
from .quotations import _QuoteMap


_ANIMATE_PRONOUNS = {"i", "we", "you", "he", "she", "they", "who"}
_ANIMATE_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
_OBJECT_PRONOUNS = {"me", "us", "him", "her", "them"}


def _animate(tok: Token) -> bool:
    """Can this subject hold a view: a person, a body, a personal pronoun, a role,
    a body named by what it is ("the campaign", "the committee")?"""
    from .resolve import _BODY_NOUNS, PERSON_NOUNS

    if tok.lower_ in _ANIMATE_PRONOUNS:
        return True
    if tok.ent_type_ in _ANIMATE_ENTS or tok.pos_ == "PROPN":
        return True
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in PERSON_NOUNS or lemma in _ROLE_NOUNS or lemma in _BODY_NOUNS)


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


# ---------------------------------------------------------------------------
# speakers


def _np_span(tok: Token) -> tuple[int, int]:
    """The noun phrase headed by ``tok`` as a token span (edges trimmed of punctuation).

    Where the parser hung words after the verb on the noun ("A union endorsed
    X, another example of ...": the apposition on "union"), the phrase is the
    unbroken run of its words around ``tok``."""
    left, right = tok.left_edge.i, tok.right_edge.i
    doc = tok.doc
    if right - left > 2:
        ids = {t.i for t in tok.subtree}
        if len(ids) < right - left + 1:
            left, right = tok.i, tok.i
            while left - 1 in ids:
                left -= 1
            while right + 1 in ids:
                right += 1
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
            before = [c for c in subj if c.i < node.i]
            if len(before) > 1:
                s = before[-1]  # "The Latest: Trump urges ...": two subjects, the nearer one speaks
            if s.lower_ in ("that", "which") and node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN"):
                # "nations that oppose ...": the antecedent speaks; the span is the
                # relative pronoun (as for "who"), the head its antecedent, which names it
                cand.speaker, cand.speaker_head = (s.i, s.i + 1), node.head.i
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
        if node.dep_ == "xcomp" and node.head is not node:
            controller = _object_control(node)
            if controller is not None:
                cand.speaker, cand.speaker_head = _np_span(controller), controller.i
                return
        # inherit the subject: "... and added", "..., saying", "wants to say", and through
        # an adjective: "X was able to tout ...", "X will be unable to accuse ..."
        through_adjective = node.dep_ == "acomp" and node is not verb and not _impersonal_subject(node.head)
        if (node.dep_ in ("conj", "xcomp", "advcl", "pcomp") or through_adjective) and node.head is not node:
            node = node.head
            if node.dep_ == "prep" and node.head is not node:  # "before saying", "by saying"
                node = node.head
            continue
        if node.dep_ == "acl" and node is verb and node.tag_ == "VBG" and node.head.pos_ in ("NOUN", "PROPN"):
            # "a statement saying ...", "Trump, saying ..."
            head = node.head
            host = _event_host(head) or _message_author_verb(head)
            if host is not None:
                # "at a news conference announcing X, she said ...": who spoke at the event
                _set_speaker(cand, host, any(c.dep_ in _PASS_SUBJ for c in host.children))
                return
            if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
                cand.speaker, cand.speaker_head = _np_span(head), head.i
            else:
                left = min(t.i for t in head.subtree)
                cand.speaker, cand.speaker_head = (left, head.i + 1), head.i
        return


#: events at which people speak: "in a speech attacking X", "at a briefing announcing Y"
_SPEAKING_EVENTS = {"conference", "meeting", "rally", "interview", "appearance", "speech", "hearing",
                    "briefing", "event", "session", "forum", "address", "call", "visit", "ceremony",
                    "debate", "gathering", "summit", "hall", "luncheon", "dinner", "breakfast", "stop"}


def _event_host(noun: Token) -> Optional[Token]:
    """The verb of the clause that holds "in/at EVENT": its subject spoke at the
    event ("At a news conference announcing the suit, the minister said ...").
    Only a verb of speaking: "Police detained twelve people at a rally opposing
    the toll" does not make the police the ones who oppose it."""
    if noun.lemma_.lower() not in _SPEAKING_EVENTS or noun.dep_ != "pobj":
        return None
    prep = noun.head
    verb = prep.head
    if prep.dep_ != "prep" or verb is prep or verb.pos_ not in ("VERB", "AUX"):
        return None
    cue = reporting_verbs().get(verb.lemma_.lower())
    if cue is None or cue.kind != "speech":
        return None
    return verb


def _message_author_verb(noun: Token) -> Optional[Token]:
    """The verb whose object is a message ("sent a letter", "unleashed a flurry of
    tweets"): its subject wrote what the message's participle says ("The union
    sent a letter urging members to vote": the union urges)."""
    if noun.lemma_.lower() in MESSAGE_BATCHES and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in AUTHORED_NOUNS for g in c.children)
            for c in noun.children):
        pass  # "a flurry of tweets mocking X": the participle hangs on the batch
    elif noun.lower_ not in AUTHORED_NOUNS:
        return None
    elif noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in MESSAGE_BATCHES:
        noun = noun.head.head
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in AUTHORING_VERBS:
        return None
    return verb


#: verbs whose object does what their to-infinitive says: "pressed him to admit ...",
#: "led the reader to fear ..." (lemmas); "promise" is not one ("promised voters to ..."
#: is the promiser's), nor a verb with an infinitive of purpose ("summoned envoys to warn ...")
_OBJECT_CONTROL_VERBS = {
    "ask", "urge", "press", "persuade", "convince", "lead", "force", "prompt", "encourage", "tell",
    "invite", "allow", "pressure", "push", "get", "cause", "inspire", "require", "compel", "drive",
    "challenge", "dare", "beg", "implore", "order", "instruct", "advise", "remind", "warn",
}


def _object_control(xcomp: Token) -> Optional[Token]:
    """"All this led the journalist to fear ...", "the senator pressed him to admit
    ...": the object of a verb of making or asking ("ask", "urge", "lead",
    "force" ...) does what the infinitive on it says (not the verb's subject).
    Not an infinitive of purpose: in "The premier summoned the envoys to warn
    that tariffs would rise" the premier warns.  Only an object that can hold a
    view (a person, a body, a pronoun)."""
    head = xcomp.head
    if head.lemma_.lower() not in _OBJECT_CONTROL_VERBS \
            or not has_to_infinitive(xcomp):
        return None
    objs = [c for c in head.children if c.dep_ == "dobj" and head.i < c.i < xcomp.i]
    if not objs or objs[0].tag_ in ("WP", "WDT") or not (_animate(objs[0]) or objs[0].lower_ in _OBJECT_PRONOUNS):
        return None
    return objs[0]


def _impersonal_subject(verb: Token) -> bool:
    """"it is hard to say", "there is no need to ask": a subject that holds no view."""
    return any(c.dep_ in _SUBJ and c.lower_ in _IMPERSONAL | {"this", "that"} for c in verb.children)


def _speaker_name(doc: Doc, cand: _Cand, index: Optional[DocIndex] = None) -> Optional[str]:
    if cand.speaker is None or cand.speaker_head is None:
        return None
    head = doc[cand.speaker_head]
    low = head.lower_
    if low in _PERSON_PRONOUNS:
        return _previous_person(doc, head.idx, index)
    if low in ("who", "that") and head.head.dep_ == "relcl":
        ante = head.head.head
        return _name_of(ante, index)
    if head.pos_ == "NOUN" and head.lemma_.lower() in _ROLE_NOUNS and head.tag_ == "NN" \
            and any(c.lower_ in ("the", "this") for c in head.children) \
            and not any(t.pos_ == "PROPN" for t in doc[cand.speaker[0]:cand.speaker[1]]):
        found = _previous_person(doc, doc[cand.speaker[0]].idx, index)
        if found:
            return found
    if low in ("one",) or (head.pos_ == "PRON" and low not in ("who",)):
        appos = [c for c in head.children if c.dep_ == "appos"]
        if appos:
            return _name_of(appos[0], index)
    if head.pos_ == "PRON":
        return None
    return _name_of(head, index)


def _name_of(head: Token, index: Optional[DocIndex] = None) -> str:
    if head.ent_type_:
        ents = index.ents if index is not None and index.doc is head.doc else head.doc.ents
        ent = next((e for e in ents if e.start <= head.i < e.end), None)
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


def _previous_person(doc: Doc, before: int, index: Optional[DocIndex] = None) -> Optional[str]:
    index = index_of(doc, index)
    persons = [e for e in index.ents if e.label_ == "PERSON" and e.end_char <= before]
    if not persons:
        return None
    last = persons[-1]
    surname = last[-1].text
    full = last.text
    for e in persons:  # the fullest form of that name used earlier ("Figueroa" → "Melezia Figueroa")
        if e[-1].text == surname and len(e.text) > len(full):
            full = e.text
    for i in index.with_text(surname):  # ... also where the tagger named it but the recogniser missed it
        tok = doc[i]
        if tok.idx >= before:
            break
        if tok.pos_ == "PROPN":
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                    and doc[start - 1].is_title and not doc[start - 1].text.endswith(".") \
                    and doc[start - 1].lower_ not in _ROLE_NOUNS and doc[start - 1].lower_ not in _TITLES:
                start -= 1
            name = doc[start:tok.i + 1].text
            if len(name) > len(full) and "\n" not in name:
                full = name
    return full
