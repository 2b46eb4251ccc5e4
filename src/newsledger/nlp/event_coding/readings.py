"""Trigger lexicon lookup: what a verb, predicate adjective or noun means as an event.

Reads a token and its dependents (object, particle, complement, modifiers) and
the trigger lexicon (:mod:`.lexicon`); writes :class:`Reading` objects, the
coded predicate before its arguments are attached, which :mod:`.coder` folds
(frames, tense) and turns into events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Token

from ..grammar import has_to_infinitive
from . import syntax as sx
from .doctable import MEMORY_LIMIT
from .lexicon import TYPE_DEFAULTS, Entry, Lexicon, load_lexicon


@dataclass
class Reading:
    """One coded predicate before its arguments are attached."""

    head: Token                      # the token whose arguments are the event's
    entry: Entry
    type: Optional[str]
    mode: Optional[str]
    cameo: Optional[str]
    intensity: Optional[float]
    trigger: list[Token]
    noun: Optional[Token] = None     # the event noun of a light verb / nominal event
    kind: str = "verb"               # verb | light | noun | adj
    modality: str = "asserted"
    source_head: Optional[Token] = None    # where to look for the subject, when not head
    target_hint: list[Token] = field(default_factory=list)   # complement subjects etc.
    extra_target_heads: list[Token] = field(default_factory=list)
    symmetric: bool = False
    theme: bool = False
    attributed_to: Optional[str] = None
    of_is_source: bool = False
    no_source: bool = False          # the text names no source ("X has only itself to blame")
    inner_kinds: set = field(default_factory=set)   # types and modes of a folded complement event


# ---------------------------------------------------------------------------
# lexicon lookup


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _verb_keys(lemma: str, w: str) -> list[str]:
    """Lemma candidates of a verb (``lemma`` lower-cased, ``w`` its lower-case form): the
    lemmatizer's, then simple suffix stripping (the small model's lemmatizer misses some:
    "staged" -> "stag")."""
    keys = [lemma]
    if w.endswith("ied"):
        keys.append(w[:-3] + "y")
    if w.endswith("ed"):
        keys += [w[:-1], w[:-2]]
        if len(w) > 4 and w[-3] == w[-4]:
            keys.append(w[:-3])
    if w.endswith("ing"):
        keys += [w[:-3] + "e", w[:-3]]
    if w.endswith("es"):
        keys.append(w[:-2])
    if w.endswith("s"):
        keys.append(w[:-1])
    keys.append(w)
    return list(dict.fromkeys(keys))


def verb_lemma(lemma: str, lower: str, lex: Lexicon) -> str:
    """The lemma under which the lexicon knows a verb (``lemma`` lower-cased, ``lower`` its
    lower-case form): the first of :func:`_verb_keys` among its verbs or light verbs, else
    ``lemma``; remembered per (lemma, form)."""
    memo = lex.verb_lemmas
    found = memo.get((lemma, lower))
    if found is None:
        found = lemma
        for key in _verb_keys(lemma, lower):
            if key in lex.verbs or key in lex.lights:
                found = key
                break
        if len(memo) > MEMORY_LIMIT:
            memo.clear()
        memo[(lemma, lower)] = found
    return found


#: the parts of speech of the tokens :func:`may_read` accepts
PREDICATE_POS = frozenset({"VERB", "AUX", "ADJ"})


def may_read(pos: str, dep: str, lemma: str, lower: str, lex: Lexicon) -> bool:
    """Whether :func:`verb_reading` can find a reading for a token with this ``pos_``,
    ``dep_``, lower-cased lemma and lower-case form: a test on strings, made before the
    token's dependents are looked at."""
    verbal = pos in ("VERB", "AUX")
    key = verb_lemma(lemma, lower, lex) if verbal else lemma
    if pos == "ADJ" or (dep == "acomp" and pos in ("ADJ", "VERB")):
        if key in lex.adjs or lower in lex.adjs:
            return True
        if pos == "ADJ":
            return False
    if not verbal or dep in ("aux", "auxpass"):
        return False
    return key in lex.verbs or key in lex.lights


def _objects(verb: Token) -> list[Token]:
    """The verb's object heads: direct objects, a passive subject, or (for an
    intransitive) objects of its prepositions."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass", "dative", "attr", "oprd")]
    if not any(o.dep_ in ("dobj", "obj") for o in objs):
        objs += [g for p, g in sx.preps(verb) if g.pos_ in ("NOUN", "PROPN") and p.lower_ not in sx.CIRCUMSTANTIAL]
    out = []
    for o in objs:
        out.extend(sx.conjuncts(o) if o.pos_ == "NOUN" else [o])
    return [_unwrap(o) for o in out]


#: nouns that measure out what follows them ("a shipment of arms")
MEASURE_NOUNS = frozenset({"worth", "ton", "tonne", "kg", "kilogram", "amount", "quantity", "shipment",
                           "consignment", "load", "batch", "lot"})


def _unwrap(noun: Token) -> Token:
    """"a state of siege" -> siege; "tens of thousands of students" -> students; "$2 billion
    in aid" -> aid."""
    lex = load_lexicon()
    for _ in range(3):
        pos = noun.pos_
        if pos in ("NOUN", "NUM", "PRON"):
            lemma = _lemma(noun)
            # (a counted actor stays itself: "three opposition leaders of treason")
            if pos == "NUM" or lemma in MEASURE_NOUNS or lemma in sx.QUANTITY_HEADS or lex.in_class("state", lemma) \
                    or (any(c.dep_ in ("nummod", "quantmod") for c in noun.children)
                        and not lex.in_class("actor", lemma)):
                nxt = [g for _, g in sx.preps(noun, "of") if g.pos_ in ("NOUN", "PROPN")]
                if not nxt and _is_money(noun):
                    # "$2 billion in aid": what the sum is given as
                    nxt = [g for _, g in sx.preps(noun, "in") if g.pos_ == "NOUN" and lex.in_class("aid", _lemma(g))]
                if nxt:
                    noun = nxt[0]
                    continue
        event = _event_compound(noun, lex)
        if event is not None:
            noun = event
        break
    return noun


def _event_compound(noun: Token, lex: Lexicon) -> Optional[Token]:
    """"a mediation mission", "relief efforts": an undertaking named by the event noun
    before it is that event (the head itself being no event noun)."""
    if noun.pos_ != "NOUN" or not lex.in_class("undertaking", _lemma(noun)):
        return None
    prev = noun.doc[noun.i - 1] if noun.i > 0 else None
    if prev is None or prev.head.i != noun.i or prev.dep_ != "compound" or prev.pos_ != "NOUN":
        return None
    if any(True for _ in prev.children) or any(c.dep_ == "compound" and c.i != prev.i for c in noun.children):
        return None       # one plain event noun only ("flood fighting efforts" are no fighting)
    if noun_entry(noun, lex, as_object=True) is not None or noun_entry(prev, lex, as_object=True) is None:
        return None
    return prev


def _cond_ok(entry: Entry, tok: Token, objs: Optional[list[Token]] = None) -> bool:
    c = entry.cond
    if c.prts is not None:
        prts = {ch.lower_ for ch in tok.children if ch.dep_ in ("prt", "advmod", "prep") and ch.i > tok.i}
        if not prts & c.prts:
            return False
    if c.preps is not None:
        found = {ch.lower_ for ch in tok.children if ch.dep_ in ("prep", "agent", "dative")}
        if not found & c.preps:
            return False
    if c.comp is not None:
        has = any(ch.dep_ in sx.COMP for ch in tok.children) or (
            tok.pos_ == "ADJ" and any(ch.dep_ == "xcomp" for ch in tok.children))
        if has != c.comp:
            return False
    if c.noobj and any(ch.dep_ in ("dobj", "obj") for ch in tok.children):
        return False
    if c.tocomp and not _object_infinitive(tok):
        return False
    if c.subjs is not None and tok.pos_ in ("NOUN", "PROPN"):
        if not any(_lemma(h) in c.subjs or h.lower_ in c.subjs for h in _noun_holders(tok)):
            return False
    elif c.subjs is not None:
        holder = tok.head if tok.dep_ in ("xcomp", "conj") and not sx.children(tok, *sx.SUBJ) else tok
        subj = sx.first_child(holder, *sx.SUBJ, *sx.PASS_SUBJ)
        if subj is None or (_lemma(subj) not in c.subjs and subj.lower_ not in c.subjs):
            return False
    if c.objs is not None:
        objs = _objects(tok) if objs is None else objs
        if not any(_names(o, c.objs) for o in objs):
            return False
    return True


def _noun_holders(noun: Token) -> list[Token]:
    """Who is in the state an event noun names, for a noun row's ``subj=`` condition: the
    subject of the verb it hangs on, through a preposition or as an object ("the troops
    are on high alert", "the army went on red alert"), and that verb's object ("put the
    navy on full alert").  "Hospitals are on high alert" names no force."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ not in sx.OBJ:
        return []
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    out = sx.children(verb, *sx.SUBJ, *sx.PASS_SUBJ) + sx.children(verb, "dobj", "obj")
    if not out and verb.dep_ in ("xcomp", "conj"):
        out = sx.children(verb.head, *sx.SUBJ, *sx.PASS_SUBJ)
    return out


#: symbols and nouns of currency: an object counted in them is a sum of money
CURRENCY = frozenset({"$", "€", "£", "¥", "dollar", "euro", "pound", "yen", "yuan", "rouble", "ruble", "rupee",
                      "franc", "dinar", "riyal", "shekel", "peso", "won", "lira", "krona", "krone"})


def _is_money(tok: Token) -> bool:
    """A sum of money: an amount the parser marks as one ("$50 million", "10 million
    dollars") or a number or noun counted in a currency ("20 million euros")."""
    if tok.ent_type_ == "MONEY" and tok.pos_ in ("NUM", "NOUN", "SYM"):
        return True
    lemma = _lemma(tok)
    return lemma in CURRENCY or (tok.pos_ == "NUM" and any(_lemma(c) in CURRENCY for c in tok.children))


def _names(tok: Token, words: frozenset) -> bool:
    """Whether an object ``tok`` is one a condition names: by lemma or form, or, for a sum
    of money given to someone named, as "money" ("gave $50 million to X" gives money;
    "contributed $5 million to fund a search" names no one helped)."""
    return _lemma(tok) in words or tok.lower_ in words or (
        "money" in words and _is_money(tok) and _recipient_named(tok.head))


def _recipient_named(verb: Token) -> bool:
    """Whether a verb of giving names who receives: an indirect object ("gave X $5
    million") or a person or body after "to" or "for"."""
    lex = load_lexicon()
    cands = [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")]
    cands += [g for p, g in sx.preps(verb, "to", "for")]
    cands += [g for o in verb.children if o.dep_ in ("dobj", "obj") for p, g in sx.preps(o, "to", "for")]
    return any(sx.actor_like(g, lex.classes.get("actor", frozenset())) for g in cands)


def _object_infinitive(tok: Token) -> bool:
    """"told the rebels to leave", "instructed X to ...": an object (or, as the small
    model often parses it, the subject of the complement) and a to-infinitive."""
    for c in tok.children:
        if c.dep_ in sx.COMP and c.i > tok.i and has_to_infinitive(c):
            if any(o.dep_ in ("dobj", "obj") and o.i < c.i for o in tok.children) or sx.children(c, "nsubj"):
                return True
    return False


def noun_entry(tok: Token, lex: Lexicon, *, as_object: bool = False) -> Optional[Entry]:
    """The lexicon entry of an event noun, or None."""
    if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "VERB" and tok.tag_ == "VBG"):
        return None
    if tok.pos_ == "PROPN" and not tok.lower_ == tok.text:  # names are no event nouns
        return None
    cands = lex.nouns.get(_lemma(tok)) or lex.nouns.get(tok.lower_)
    if not cands:
        return None
    mods = {_lemma(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}
    mods |= {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}
    for e in cands:
        if e.modifiers and not all(m in mods for m in e.modifiers):
            continue
        if e.light_only and not as_object:
            continue
        if not _cond_ok(e, tok, objs=[]) if e.cond.objs is None else not _cond_ok(e, tok):
            continue
        return e
    return None


def verb_reading(tok: Token, lex: Lexicon) -> Optional[Reading]:
    """What a verb (or predicate adjective) means as an event trigger."""
    lemma = _lemma(tok)
    if tok.pos_ in ("VERB", "AUX"):
        lemma = verb_lemma(lemma, tok.lower_, lex)
    if tok.pos_ == "ADJ" or (tok.dep_ == "acomp" and tok.pos_ in ("ADJ", "VERB")):
        for e in lex.adjs.get(lemma, []) + lex.adjs.get(tok.lower_, []):
            if any(c.dep_ in ("xcomp", "prep") for c in tok.children):
                return _reading(tok, e, [tok], kind="adj")
        if tok.pos_ == "ADJ":
            return None
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
        return None
    verbs = lex.verbs.get(lemma, [])
    lights = lex.lights.get(lemma, [])
    if not verbs and not lights:
        return None
    prt = [c for c in tok.children if c.dep_ == "prt"]
    # the verb's objects, found once for all the senses that look at them
    objects = _objects(tok) if lights or any(e.cond.objs is not None for e in verbs) else []
    # 1. senses with conditions (object, particle, complement)
    for e in verbs:
        if e.conditional and _cond_ok(e, tok, objects):
            objs = [o for o in _cond_objects(e, tok, objects) if e.theme or not _actorish(o, lex)]
            return _reading(tok, e, [tok] + prt + objs)
    # 2. light verb with an event noun as object
    if lights:
        light_ok: Optional[bool] = None     # whether a light sense's conditions hold
        for obj in objects:
            ne = noun_entry(obj, lex, as_object=True)
            if ne is None:
                continue
            if light_ok is None:
                light_ok = any(_cond_ok(le, tok, objects) for le in lights)
            if light_ok:
                r = _reading(tok, ne, [tok] + prt + _noun_trigger(obj, ne), kind="light")
                r.noun = obj
                return r
        for e in lights:
            if e.type is not None and _cond_ok(e, tok, objects):
                return _reading(tok, e, [tok] + prt + _cond_objects(e, tok, objects))
    # 3. plain senses
    for e in verbs:
        if not e.conditional:
            return _reading(tok, e, [tok] + prt)
    return None


def _actorish(tok: Token, lex: Lexicon) -> bool:
    return sx.actor_like(tok, lex.classes.get("actor", frozenset()))


def _cond_objects(e: Entry, tok: Token, objects: list[Token]) -> list[Token]:
    """The first of the verb's ``objects`` (:func:`_objects`) that the sense names, up to
    four words after the verb."""
    if e.cond.objs is None:
        return []
    return [o for o in objects if _names(o, e.cond.objs) and 0 < o.i - tok.i <= 4][:1]


def _noun_trigger(tok: Token, e: Entry) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod") and (_lemma(c) in e.modifiers or c.lower_ in e.modifiers):
            out.append(c)
    return out


def _reading(tok: Token, e: Entry, trigger: list[Token], kind: str = "verb") -> Reading:
    return Reading(head=tok, entry=e, type=e.type, mode=e.mode, cameo=e.cameo, intensity=e.intensity,
                   trigger=list(trigger), kind=kind, symmetric=e.symmetric, theme=e.theme,
                   of_is_source=e.of_is_source)


def _retype(r: Reading, new_type: str, mode: Optional[str] = None) -> None:
    if r.type == new_type:
        return
    cameo, intensity = TYPE_DEFAULTS[new_type]
    old = r.type
    r.type = new_type
    r.mode = mode if mode is not None else (old.lower() if old else r.mode)
    r.cameo, r.intensity = cameo, intensity
