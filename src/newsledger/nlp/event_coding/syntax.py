"""Dependency-tree helpers for event coding (spaCy English labels)."""

from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..grammar import has_to_infinitive

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj")
COMP = ("xcomp", "ccomp")
ACTOR_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON", "LOC", "FAC"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her", "our"})
#: personal pronouns as objects ("urged them to ...", "blamed him for ...")
OBJECT_PRONOUNS = frozenset({"them", "him", "her", "us", "it", "me", "you"})
FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})
POSSIBLE = frozenset({"may", "might", "could", "can", "ca"})
OBLIGATION = frozenset({"must", "should", "ought"})
HYPHENS = frozenset({"-", "/", "'", "’", "–", "&"})
#: the hyphens that join the parts of a word ("war-torn")
INNER_HYPHENS = ("-", "‐")
#: prepositions that give circumstances, never a verb's object
CIRCUMSTANTIAL = frozenset({"after", "before", "since", "during", "following", "until", "till", "despite",
                            "amid", "amidst", "because", "as", "like", "than", "throughout", "within",
                            "without", "by", "via", "per"})
#: participles of a state of mind or readiness ("is committed to", "are determined to")
STATIVE_PARTICIPLES = frozenset({"committed", "determined", "prepared", "resolved", "dedicated", "devoted",
                                 "poised"})
#: participles that say where an actor sits ("a group based in X")
SEAT_PARTICIPLES = frozenset({"based", "headquartered"})
NEGATORS = frozenset({"not", "n't", "never", "no"})
#: nouns that only head a quantity or a part: "thousands of students", "members of X"
QUANTITY_HEADS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "ten",
                            "tens", "million", "millions", "group", "member", "number", "some",
                            "all", "one", "two", "three", "part", "majority", "most", "many",
                            "several", "scores", "score", "contingent", "band", "handful", "crowd",
                            "half", "third", "quarter", "fraction", "rest", "bulk", "remainder"})
#: evaluative or vague modifiers left out of actor spans
LOOSE_MODIFIERS = frozenset({"senior", "top", "young", "old", "angry", "radical", "suspected", "alleged",
                             "several", "many", "some", "few", "other", "recent", "hundreds",
                             "thousands", "dozens", "about", "nearly", "almost", "around", "up",
                             "more", "than", "least", "at", "as", "much", "over", "fleeing",
                             "up to", "well-armed", "armed", "unidentified", "unknown", "local"})


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def first_child(tok: Token, *deps: str) -> Optional[Token]:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def preps(tok: Token, *lemmas: str) -> list[tuple[Token, Token]]:
    """(preposition, object) pairs under ``tok`` whose preposition is one of ``lemmas``
    (all when none given)."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.pos_ in ("ADP", "SCONJ"):
            word = c.lower_
            if lemmas and word not in lemmas:
                continue
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if not objs and c.lower_ != "by":
                g = stranded_object(c)
                objs = [g] if g is not None else []
            out.extend((c, g) for g in objs)
    return out


#: entity types of a measure, never an agent ("cut by one hour", "raised by 5 percent")
MEASURE_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


def agents(verb: Token) -> list[Token]:
    """The agents of a passive verb (its "by" phrases), less measures: "shortened by one
    hour", "reduced by half" name how much, not who."""
    return [g for p, g in preps(verb, "by") if p.dep_ == "agent" and not is_measure(g)]


def is_measure(tok: Token) -> bool:
    """A measure phrase ("one hour", "half", "5 percent"); not a quantity of someone
    ("hundreds of militiamen")."""
    if preps(tok, "of"):
        return False
    return tok.ent_type_ in MEASURE_ENTS or tok.like_num or tok.lemma_.lower() in ("half", "third", "quarter")


def participle_agents(noun: Token) -> list[Token]:
    """The agents of past participles after a noun: "towns held by the rebels" -> rebels,
    "sanctions imposed on Y by X" -> X."""
    return [g for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > noun.i
            for g in agents(c)]


def stranded_object(prep: Token) -> Optional[Token]:
    """The object of a preposition the parser left without one: a shared object after a
    coordination ("ties with and an embassy in X": X), or a noun phrase the parser made the
    subject of the participle that follows it ("asylum to three journalists hiding in ...")."""
    doc, sent = prep.doc, prep.sent
    k = prep.i + 1
    if k >= sent.end:
        return None
    nxt = doc[k]
    if nxt.lower_ in ("and", "or") and nxt.dep_ == "cc":
        conj = [c for c in nxt.head.children if c.dep_ == "conj" and c.i > k]
        if not conj:
            return None
        right = conj[0].right_edge.i
        while right > conj[0].i and doc[right].is_punct:
            right -= 1
        last = doc[right]
        if last.dep_ == "pobj" and last.pos_ in ("PROPN", "NOUN") and last.head.dep_ == "prep":
            return last
        return None
    if nxt.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "PUNCT", "CCONJ", "PART"):
        return None
    # the phrase starting right after the preposition: its head is a subject whose verb
    # (a participle or past form) follows it directly
    h = nxt
    while h.head.i != h.i and h.head.left_edge.i == k and h.head.pos_ in ("NOUN", "PROPN"):
        h = h.head
    verb = h.head
    if h.pos_ in ("NOUN", "PROPN") and h.dep_ in ("nsubj", "nsubjpass") and h.left_edge.i == k \
            and verb.i == h.right_edge.i + 1 and verb.tag_ in ("VBN", "VBG", "VBD") \
            and verb.dep_ in ("advcl", "relcl", "acl", "ccomp", "conj"):
        return h
    return None


def is_passive(tok: Token) -> bool:
    """Whether ``tok`` is a passive verb (a stative participle like "is committed to" is not)."""
    return any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in tok.children) and not stative_participle(tok)


def stative_participle(tok: Token) -> bool:
    """"Vietnam is committed to opening", "they are determined to fight": a participle of
    state with "to" and no agent; its grammatical (passive) subject is the one who acts."""
    if tok.tag_ != "VBN" or tok.lower_ not in STATIVE_PARTICIPLES:
        return False
    kids = list(tok.children)
    if any(c.dep_ == "agent" for c in kids) or not any(c.dep_ == "auxpass" for c in kids):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in kids) or any(
        c.dep_ == "xcomp" and has_to_infinitive(c) for c in kids)


def subject(tok: Token) -> Optional[Token]:
    """The acting subject of a verb: its subject, or the passive subject of a stative
    participle ("Vietnam is committed to ...")."""
    subj = first_child(tok, *SUBJ)
    if subj is None and stative_participle(tok):
        subj = first_child(tok, *PASS_SUBJ)
    return subj


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("X and Y"; "X and two of his aides":
    the aides)."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
            # "the leader and several of his aides": the aides
            inner = descend_quantity(c) if c.lower_ in QUANTITY_HEADS else c
            out.extend(conjuncts(inner if inner.pos_ in ("NOUN", "PROPN") else c))
        elif c.dep_ == "conj" and c.pos_ == "NUM" and preps(c, "of"):
            inner = descend_quantity(c)
            if inner.i != c.i and inner.pos_ in ("NOUN", "PROPN"):
                out.extend(conjuncts(inner))
    return out


def auxiliaries(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def negated(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "advmod" and c.lower_ in ("never",):
            return True
        if c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children):
            return True
    return False


def actor_like(tok: Token, actor_nouns: frozenset) -> bool:
    """Whether the noun phrase headed by ``tok`` names someone who could act."""
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
        return False
    if tok.ent_type_ in ACTOR_ENTS:
        return True
    if tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "PRON" and tok.lower_ in PRONOUNS:
        return True
    lemma = tok.lemma_.lower()
    if lemma in actor_nouns:
        return True
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "poss") and (c.ent_type_ in ACTOR_ENTS or c.pos_ == "PROPN"):
            return True
    return False


def descend_quantity(tok: Token) -> Token:
    """"thousands of students" -> students; "members of the Association" -> Association.
    Only into a noun phrase: "rights groups of torturing prisoners" (a misattached "of"
    clause) stays "rights groups"."""
    seen = 0
    while seen < 4 and tok.lemma_.lower() in QUANTITY_HEADS or (tok.pos_ == "NUM" and seen < 4):
        nxt = None
        for prep, obj in preps(tok, "of"):
            if obj.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                nxt = obj
            break
        if nxt is None:
            break
        tok, seen = nxt, seen + 1
    return tok


def np_bounds(tok: Token, actor_nouns: Optional[frozenset] = None) -> tuple[int, int]:
    """Token range [start, end) of the actor phrase headed by ``tok``: its subtree less
    determiners, numbers, loose modifiers, appositions, relative clauses, trailing
    participles and punctuation.  ``actor_nouns``: when given, a prepositional modifier
    whose object is a common noun belongs to the phrase only if that noun names actors or
    places ("aid groups from Ruritanian villages", not "the owners of Ruritanian property")."""
    keep = {tok.i}
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("relcl", "appos", "punct", "cc", "conj", "acl", "advcl", "prep") and t.i == tok.i:
                if c.dep_ == "prep" and c.lower_ in ("of", "in", "from", "for", "to") and _short_prep(c, actor_nouns):
                    pass
                elif c.dep_ == "acl" and _seat(c, actor_nouns):
                    pass                 # "a newspaper based in Beirut": where it sits names it
                elif c.dep_ == "punct" and c.text in HYPHENS:
                    pass
                else:
                    continue
            if c.dep_ in ("relcl", "appos", "conj", "cc", "acl", "punct") and t.i != tok.i:
                if c.dep_ == "punct" and c.text in HYPHENS:
                    pass
                elif c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.left_edge.i == t.i + 1:
                    pass                 # "loyal to the group's leader Jon Brask": title, then the name
                else:
                    continue
            if c.dep_ in ("det", "predet", "nummod", "quantmod") and t.i == tok.i:
                continue
            if c.dep_ == "advmod" and t.i == tok.i:
                continue
            keep.add(c.i)
            stack.append(c)
    # contiguous range around the head
    lo = hi = tok.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = tok.doc
    while lo < tok.i and not _in_name(doc[lo], tok) and (
            doc[lo].lower_ in LOOSE_MODIFIERS or doc[lo].pos_ in ("DET", "PUNCT", "NUM", "ADV")
            or doc[lo].like_num or (doc[lo].tag_ == "PRP$" and doc[lo].dep_ == "poss")):
        lo += 1
    while hi > tok.i and (doc[hi].pos_ in ("PUNCT", "ADP", "CCONJ", "DET") or doc[hi].tag_ == "POS"):
        hi -= 1
    # a span never cuts a hyphenated word ("Abd-ur-Rahman" parsed as a name and an apposition)
    if (hi + 1 < len(doc) and doc[hi + 1].text in INNER_HYPHENS) or (lo > 0 and doc[lo - 1].text in INNER_HYPHENS):
        sent = tok.sent
        while hi + 2 < sent.end and joined_hyphen(doc, hi + 1) and doc[hi + 2].is_alpha:
            hi += 2
        while lo - 2 >= sent.start and joined_hyphen(doc, lo - 1) and doc[lo - 2].is_alpha:
            lo -= 2
    return lo, hi + 1


def _in_name(t: Token, head: Token) -> bool:
    """Whether ``t`` is a capitalised word of the same name as ``head`` ("Third World Forum")."""
    return bool(head.ent_type_) and head.ent_type_ in ACTOR_ENTS and t.ent_type_ == head.ent_type_ \
        and t.ent_iob_ in ("B", "I") and t.text[:1].isupper() and all(
            head.doc[k].ent_iob_ == "I" for k in range(t.i + 1, head.i + 1))


def joined_hyphen(doc, k: int) -> bool:
    """Whether token ``k`` is a hyphen written inside a word (no space on either side)."""
    return doc[k].text in INNER_HYPHENS and doc[k].whitespace_ == "" and doc[k - 1].whitespace_ == ""


def _short_prep(prep: Token, actor_nouns: Optional[frozenset] = None) -> bool:
    """A prepositional modifier short enough to belong to a name ("forces in Guinea")."""
    sub = list(prep.subtree)
    if len(sub) > 7 or any(t.dep_ in ("relcl", "acl") for t in sub):
        return False
    # a name ("forces in Guinea", "the republic of Nakhichevan"), not a common noun
    # ("the population of the province", "refugees from their homes")
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return any(g.pos_ == "PROPN" or g.ent_type_ in ACTOR_ENTS or (any(
        c.dep_ in ("compound", "amod", "poss") and (c.pos_ == "PROPN" or c.ent_type_ in ACTOR_ENTS)
        for c in g.children) and (actor_nouns is None or g.lemma_.lower() in actor_nouns)) for g in objs)


def _seat(participle: Token, actor_nouns: Optional[frozenset] = None) -> bool:
    """"based in X", "headquartered in X": a participle of seat with one short named place."""
    if participle.lower_ not in SEAT_PARTICIPLES or participle.i != participle.head.i + 1:
        return False
    kids = list(participle.children)
    return len(kids) == 1 and kids[0].dep_ == "prep" and kids[0].lower_ in ("in", "at") \
        and _short_prep(kids[0], actor_nouns)


def char_span(doc, lo: int, hi: int) -> tuple[int, int]:
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def sentence_of(tok: Token) -> SpacySpan:
    return tok.sent


def ancestors_path(tok: Token) -> Iterable[tuple[Token, Token]]:
    """(child, head) pairs from ``tok`` up to the root of its sentence."""
    t = tok
    while t.head.i != t.i:
        yield t, t.head
        t = t.head


def depth(tok: Token) -> int:
    return sum(1 for _ in ancestors_path(tok))
