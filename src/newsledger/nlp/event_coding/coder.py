"""Event coding: triggers in a parsed Doc -> PLOVER-typed :class:`Event` objects.

How a sentence is read:

1. Every verb, predicate adjective and noun is looked up in the trigger
   lexicon (``resources/event_triggers.tsv``).  A verb's sense may depend on its
   object or particle ("lift the blockade", "blow up"); a light verb ("launch",
   "hold", "stage") takes the type of its object event noun ("launch an
   offensive").
2. Frame verbs combine with their complement clause: "threatened to cut off
   electricity" is one THREATEN event, "promised to send aid" one AGREE event,
   "plans to impose restrictions" (an intent) is THREATEN because what is
   intended is hostile, "continued to send arms" is the AID event itself, and
   "refused to withdraw" is REJECT.
3. Tense and modality: "will send aid" (announced intent) is AGREE, a
   conditional "may halt talks if ..." is THREATEN; "X said Y must do Z" is a
   REQUEST by X of Y; negation, counterfactuals ("would not have"), plans ("was
   to deploy") and reports (the complement of "say") set ``modality``.
4. Event nouns that no verb took as its object are events of their own ("the
   withdrawal of Russian troops", "months of blockade").
5. Arguments: sources are subjects (the agent of a passive), targets are
   objects or objects of "against", "to", "with", "on", ...; coordinated
   subjects of reciprocal events ("X and Y signed") are also the targets.
   A thing stands for its actor ("Ruritanian towns", "the offices of the
   party"); whoever made the object is the target of a reaction to it
   ("rejected calls by X"); failing an object, the target is an infinitive
   subject ("allowed X to leave"), whom a hostile act's purpose names ("marched
   to demand the resignation of X"), who must act to avert a threat ("unless X
   withdraws"), the place aimed at, or the place a measure applies to ("a state
   of emergency in X").  "X and Y officials" are two actors; "President X's
   government" is X.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from ...model import Actor, ActorRef, Claim, Event, PlaceMention, PlaceRef, Span, TimeValue, Timex
from . import syntax as sx
from .lexicon import COOPERATIVE, HOSTILE, TYPE_DEFAULTS, VERBAL, Entry, Lexicon, load_lexicon

TARGET_PREPS = ("against", "to", "with", "on", "at", "into", "toward", "towards", "upon", "from", "for",
                "between")
THEME_TARGET_PREPS = ("to", "for", "into", "toward", "towards")
INTENT_FRAMES = ("intent",)
#: verbs whose subject event noun is a lasting state, not a happening ("the ceasefire holds")
STATE_VERBS = frozenset({"hold", "last", "persist", "remain", "stand", "stay"})
#: adjectives that belong to an actor's name ("ethnic Albanians")
KEEP_ADJ = frozenset({"ethnic", "national", "federal", "royal", "civil", "armed", "central", "interim",
                      "provisional", "transitional", "supreme", "joint", "united", "islamic", "democratic",
                      "popular", "revolutionary", "republican", "socialist", "communist", "liberal",
                      "conservative", "nationalist", "militant", "radical", "ruling", "governing"})
#: types (or modes) whose target is the place aimed at when no actor is named
LOCATIVE_TYPES = frozenset({"MOBILIZE", "RETREAT", "PROTEST", "ASSAULT", "COERCE", "WITHDRAW", "TROOPS",
                            "PEACEKEEPING"})
LOCATIVE_PREPS = ("in", "into", "from", "to", "at", "on", "toward", "towards", "inside", "across", "near")
#: "X released a statement": a following agentless passive speech act is X's
STATEMENT_VERBS = frozenset({"release", "issue", "publish", "make", "put"})
STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "note", "report", "letter"})
#: institutions that may be named after their leader ("President X's government")
GOVERNMENT_NOUNS = frozenset({"government", "regime", "administration", "cabinet", "junta"})
#: reflexive objects of the idiom "X has only itself to blame"
REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "themself", "ourselves", "myself",
                        "yourself", "yourselves"})


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


def _verb_keys(tok: Token) -> list[str]:
    """Lemma candidates of a verb: the lemmatizer's, then simple suffix stripping (the
    small model's lemmatizer misses some: "staged" -> "stag")."""
    keys = [_lemma(tok)]
    w = tok.lower_
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


def _unwrap(noun: Token) -> Token:
    """"a state of siege" -> siege; "tens of thousands of students" -> students."""
    lex = load_lexicon()
    for _ in range(3):
        measured = any(c.dep_ in ("nummod", "quantmod") for c in noun.children) or _lemma(noun) in ("worth", "ton", "tonne", "kg", "kilogram", "amount", "quantity", "shipment", "consignment", "load", "batch", "lot")
        if noun.pos_ in ("NOUN", "NUM", "PRON") and (lex.in_class("state", _lemma(noun)) or measured
                                                     or _lemma(noun) in sx.QUANTITY_HEADS or noun.pos_ == "NUM"):
            nxt = [g for _, g in sx.preps(noun, "of") if g.pos_ in ("NOUN", "PROPN")]
            if nxt:
                noun = nxt[0]
                continue
        break
    return noun


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
    if c.subjs is not None:
        holder = tok.head if tok.dep_ in ("xcomp", "conj") and not sx.children(tok, *sx.SUBJ) else tok
        subj = sx.first_child(holder, *sx.SUBJ, *sx.PASS_SUBJ)
        if subj is None or (_lemma(subj) not in c.subjs and subj.lower_ not in c.subjs):
            return False
    if c.objs is not None:
        objs = _objects(tok) if objs is None else objs
        if not any(_lemma(o) in c.objs or o.lower_ in c.objs for o in objs):
            return False
    return True


def noun_entry(tok: Token, lex: Lexicon, *, as_object: bool = False) -> Optional[Entry]:
    """The lexicon entry of an event noun, or None."""
    if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "VERB" and tok.tag_ == "VBG"):
        return None
    if tok.pos_ == "PROPN" and not tok.lower_ == tok.text:  # names are no event nouns
        return None
    cands = lex.nouns.get(_lemma(tok)) or lex.nouns.get(tok.lower_) or []
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
        for key in _verb_keys(tok):
            if key in lex.verbs or key in lex.lights:
                lemma = key
                break
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
    prt = [c for c in tok.children if c.dep_ == "prt"]
    # 1. senses with conditions (object, particle, complement)
    for e in verbs:
        if e.conditional and _cond_ok(e, tok):
            objs = [o for o in _cond_objects(e, tok) if e.theme or not _actorish(o, lex)]
            return _reading(tok, e, [tok] + prt + objs)
    # 2. light verb with an event noun as object
    if lights:
        for obj in _objects(tok):
            ne = noun_entry(obj, lex, as_object=True)
            if ne is not None and any(_cond_ok(le, tok) for le in lights):
                r = _reading(tok, ne, [tok] + prt + _noun_trigger(obj, ne), kind="light")
                r.noun = obj
                return r
        for e in lights:
            if e.type is not None and _cond_ok(e, tok):
                return _reading(tok, e, [tok] + prt + _cond_objects(e, tok))
    # 3. plain senses
    for e in verbs:
        if not e.conditional:
            return _reading(tok, e, [tok] + prt)
    return None


def _actorish(tok: Token, lex: Lexicon) -> bool:
    return sx.actor_like(tok, lex.classes.get("actor", frozenset()))


def _cond_objects(e: Entry, tok: Token) -> list[Token]:
    if e.cond.objs is None:
        return []
    return [o for o in _objects(tok) if (_lemma(o) in e.cond.objs or o.lower_ in e.cond.objs)
            and 0 < o.i - tok.i <= 4][:1]


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


# ---------------------------------------------------------------------------
# the coder


class Coder:
    def __init__(self, doc: Doc, actors: Sequence[Actor], timexes: Sequence[Timex],
                 places: Sequence[PlaceMention], claims: Sequence[Claim], lex: Optional[Lexicon] = None):
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds doc.text on every access: read it once
        self.lex = lex or load_lexicon()
        self.actors = actors
        self.timexes = [t for t in timexes if t.value and t.type in ("DATE", "TIME")]
        self.places = [p for p in places if p.role == "location"]
        self.claims = claims
        self.actor_nouns = self.lex.classes.get("actor", frozenset())
        cls = self.lex.classes
        #: head nouns of places and things, never actors ("the Palanca border crossing")
        self.non_actor = (cls.get("border", frozenset()) | cls.get("road", frozenset())
                          | cls.get("place", frozenset())) - self.actor_nouns
        self.forces = cls.get("force", frozenset())
        #: actor phrases that end after their head token (token index -> end index)
        self._span_hi: dict[int, int] = {}
        #: targets that are the place an event is aimed at (no party of a reciprocal event)
        self._places: set[int] = set()

    def is_actor(self, tok: Token) -> bool:
        """Whether the phrase headed by ``tok`` names someone who could act."""
        if tok.pos_ == "NOUN" and _lemma(tok) in self.non_actor:
            return False
        if tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "ORG", "PERSON", "NORP") and any(
                c.dep_ == "compound" and _lemma(c) in self.non_actor for c in tok.children):
            return False
        return sx.actor_like(tok, self.actor_nouns)

    def _modifier_actor(self, tok: Token) -> Token:
        """For a thing named after an actor ("an Indian proposal", "Haiti's efforts", "Israeli
        military policies", "Iraqi towns") or belonging to one ("the offices of the
        opposition party"), the actor; else ``tok``.  A place with a name ("the republic of
        Ruritania") stays whole.  When the actor modifier is followed by actor nouns before
        the head ("Ruritanian army barracks"), they belong to the actor's span (see
        :meth:`actor_ref`)."""
        if tok.pos_ != "NOUN" or tok.ent_type_ in sx.ACTOR_ENTS or _lemma(tok) in self.actor_nouns:
            return tok
        named = [g for _, g in sx.preps(tok, "of") if g.pos_ == "PROPN"]
        if any(g.ent_type_ in ("GPE", "LOC", "FAC") for g in named):
            return tok
        for c in sorted(tok.children, key=lambda c: c.i):
            if c.dep_ not in ("compound", "amod", "poss", "nmod") or c.i > tok.i:
                continue
            if c.ent_type_ in sx.ACTOR_ENTS or c.pos_ == "PROPN":
                self._extend_modifier(c, tok)
                return c
            if _lemma(c) in self.actor_nouns and any(g.ent_type_ in sx.ACTOR_ENTS or g.pos_ == "PROPN"
                                                    for g in c.children):
                return c
        if tok.lower_ == tok.text and _lemma(tok) not in self.lex.nouns:
            owners = [g for _, g in sx.preps(tok, "of") if g.pos_ in ("NOUN", "PROPN") and (
                g.ent_type_ in sx.ACTOR_ENTS or g.pos_ == "PROPN" or _lemma(g) in self.actor_nouns)
                and self.is_actor(g)]
            if owners:
                return owners[0]
        return tok

    def _extend_modifier(self, mod: Token, head: Token) -> None:
        """"Ruritanian opposition candidates": the actor is "Ruritanian opposition"."""
        hi = mod.i
        if mod.dep_ == "poss":
            return
        doc = self.doc
        while hi + 1 < head.i and doc[hi + 1].dep_ in ("compound", "amod") and doc[hi + 1].head.i in (
                head.i, hi + 2) and _lemma(doc[hi + 1]) in self.actor_nouns and doc[hi + 1].pos_ != "PROPN":
            hi += 1
        if hi > mod.i:
            self._span_hi[mod.i] = hi + 1

    def target_ok(self, tok: Token) -> bool:
        """Whether ``tok`` can be a target: an actor, or a thing named after or belonging to
        one ("Ruritanian towns", "the offices of the party")."""
        if self.is_actor(tok):
            return True
        if tok.pos_ == "NOUN" and _lemma(tok) not in self.lex.nouns and any(
                g.pos_ == "PROPN" and g.ent_type_ in ("GPE", "LOC") for _, g in sx.preps(tok, "of")):
            return True                        # a named place: "the breakaway republic of Westland"
        if tok.pos_ != "NOUN" or (r := self._modifier_actor(tok)).i == tok.i:
            return False
        return r.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or (r.pos_ == "NOUN" and self.is_actor(r))

    # ------------------------------------------------------------------
    def run(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.doc.sents:
            for r in self.code_sentence(sent):
                ev = self.to_event(r)
                if ev is not None:
                    events.append(ev)
        events.sort(key=lambda e: (e.trigger.start, e.trigger.end))
        return events

    def code_sentence(self, sent) -> list[Reading]:
        lex = self.lex
        readings: dict[int, Reading] = {}
        for tok in sent:
            r = verb_reading(tok, lex)
            if r is not None:
                readings[tok.i] = r
        consumed: set[int] = set()     # predicates folded into another event
        nouns_used: set[int] = set()   # event nouns that are a verb's argument
        out: list[Reading] = []
        # top-down, so that frames see their complements first
        for i in sorted(readings, key=lambda i: (sx.depth(self.doc[i]), i)):
            if i in consumed:
                continue
            r = readings[i]
            r = self.combine(r, readings, consumed)
            if r is None:
                continue
            if r.type is None and not r.entry.happening:
                continue
            out.append(r)
        for r in list(readings.values()):
            args = [o for o in _objects(r.head) if o.dep_ not in sx.PASS_SUBJ or r.entry.cond.objs is not None]
            for o in args + sx.children(r.head, *sx.SUBJ):
                nouns_used.add(o.i)
            if r.noun is not None:
                nouns_used.add(r.noun.i)
        for r in out:
            for t in r.trigger:
                nouns_used.add(t.i)
            if r.noun is not None:
                nouns_used.add(r.noun.i)
        # nominal events
        for tok in sent:
            if tok.i in nouns_used or tok.dep_ in ("compound", "amod", "nmod", "poss"):
                continue
            if tok.pos_ not in ("NOUN",):
                continue
            e = noun_entry(tok, lex)
            if e is None:
                continue
            if tok.dep_ in sx.SUBJ + sx.PASS_SUBJ and _lemma(tok.head) in STATE_VERBS:
                continue   # "Ceasefire holds": a state that lasts, not an event
            r = _reading(tok, e, _noun_trigger(tok, e), kind="noun")
            r.noun = tok
            self.noun_modality(r)
            out.append(r)
        return out

    # ------------------------------------------------------------------
    def complement(self, tok: Token) -> Optional[Token]:
        """The complement clause (or verbal-noun object) of a frame verb."""
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp"):
                return c
        # "accused X of violating", "blamed X for", "committed to opening"
        for prep, obj in sx.preps(tok, "of", "for", "to", "into", "with"):
            if obj.pos_ == "VERB" or obj.dep_ == "pcomp":
                return obj
        # "called on Arabs to unite": the xcomp may hang on the object
        for o in sx.children(tok, "dobj"):
            for c in o.children:
                if c.dep_ in ("xcomp", "acl") and c.pos_ == "VERB" and any(g.lower_ == "to" for g in c.children):
                    return c
        for prep, obj in sx.preps(tok, "on", "upon"):
            for c in obj.children:
                if c.dep_ in ("xcomp", "acl", "relcl") and c.pos_ == "VERB":
                    return c
        return None

    def complement_reading(self, comp: Token, readings: dict[int, Reading]) -> Optional[Reading]:
        r = readings.get(comp.i)
        if r is not None:
            return r
        # "threatened a general strike" style: noun object of the complement
        return None

    def combine(self, r: Reading, readings: dict[int, Reading], consumed: set[int]) -> Optional[Reading]:
        """Fold frame verbs with their complements; apply tense and modality."""
        frame = r.entry.frame if r.kind in ("verb", "adj") else None
        comp = self.complement(r.head) if frame else None
        inner: Optional[Reading] = None
        if comp is not None:
            inner = self.complement_reading(comp, readings)
            if inner is not None and inner.head.i != r.head.i:
                inner = self.combine(inner, readings, consumed)
                consumed.add(comp.i)
            elif inner is None:
                # a noun event as the complement's object: "threatened to hold a strike"
                for o in _objects(comp):
                    ne = noun_entry(o, self.lex, as_object=True)
                    if ne is not None:
                        inner = _reading(comp, ne, [comp] + _noun_trigger(o, ne), kind="light")
                        inner.noun = o
                        break
        if frame == "own":
            if inner is not None:
                r.trigger = sorted(set(r.trigger + inner.trigger), key=lambda t: t.i)
                r.extra_target_heads.append(inner.noun or inner.head)
                r.inner_kinds |= {k.upper() for k in (inner.type, inner.mode) if k} | inner.inner_kinds
                if r.type in ("THREATEN", "REQUEST", "AGREE", "REJECT") and inner.type and not r.mode:
                    r.mode = inner.type.lower()
            if comp is not None:
                subj = sx.first_child(comp, *sx.SUBJ)
                if subj is not None and not self._same_side(subj, r.head):
                    r.target_hint.append(subj)
        elif frame == "intent":
            if inner is None or inner.type is None:
                return None if r.kind == "adj" or r.entry.cond.comp else self.apply_tense(r)
            inner = self._merge_into(inner, r)
            if inner.type in COOPERATIVE:
                _retype(inner, "AGREE")
            elif inner.type in HOSTILE:
                _retype(inner, "THREATEN")
            if inner.modality == "negated" and inner.type in ("AGREE",):
                _retype(inner, "REJECT")
                inner.modality = "asserted"
            elif inner.modality == "asserted":
                inner.modality = "planned"
            return inner
        elif frame == "pass":
            if inner is None or inner.type is None:
                return None
            return self._merge_into(inner, r)
        elif frame == "neg":
            if inner is None or inner.type is None:
                return None
            inner = self._merge_into(inner, r)
            if inner.type in COOPERATIVE:
                _retype(inner, "REJECT")
            else:
                inner.modality = "negated"
            return inner
        return self.apply_tense(r)

    def _merge_into(self, inner: Reading, outer: Reading) -> Reading:
        inner.trigger = sorted(set(inner.trigger + outer.trigger), key=lambda t: t.i)
        if sx.first_child(inner.head, *sx.SUBJ, *sx.PASS_SUBJ) is None or _is_relative(
                sx.first_child(inner.head, *sx.SUBJ)):
            inner.source_head = outer.source_head or outer.head
        if sx.negated(outer.head):
            inner.modality = "negated"
        return inner

    # ------------------------------------------------------------------
    def apply_tense(self, r: Reading) -> Reading:
        """Future, modal, negated, planned, hypothetical and reported readings."""
        head = r.head
        h = head.head
        if head.dep_ == "xcomp" and _lemma(h) == "have" and _lemma(head) == "blame" and _reflexive(head):
            # "X had itself to blame": the speaker (if any) accuses X
            speaker, _ = self.reporter(h)
            subj = sx.first_child(h, *sx.SUBJ)
            r.target_hint = [subj] if subj is not None else []
            r.source_head = speaker
            r.no_source = speaker is None
            r.modality = "asserted"
            return r
        auxes = sx.auxiliaries(head)
        words = {a.lower_ for a in auxes}
        neg = sx.negated(head)
        future = bool(words & sx.FUTURE)
        perfect = "have" in {_lemma(a) for a in auxes} or "'ve" in words
        possible = bool(words & sx.POSSIBLE)
        obligation = bool(words & sx.OBLIGATION) or self._has_to(head)
        conditional = self._conditional_child(head)
        in_if = self._inside_condition(head)
        planned = self._planned(head)
        speaker, reported = self.reporter(head)
        modal_toks = [a for a in auxes if a.lower_ in sx.FUTURE | sx.POSSIBLE | sx.OBLIGATION]
        if (future or possible) and perfect:   # "would (not) have attacked": counterfactual
            r.modality = "hypothetical"
            return r
        if in_if and (perfect or _lemma(head) == "have" or any(_lemma(a) == "have" for a in auxes)):
            r.modality = "hypothetical"
            return r
        if obligation and r.type is not None and r.type not in ("REQUEST",) and speaker is not None:
            subj = sx.first_child(head, *sx.SUBJ, *sx.PASS_SUBJ)
            r.target_hint = [subj] if subj is not None else []
            r.source_head = speaker
            r.trigger = sorted(set(r.trigger + modal_toks), key=lambda t: t.i)
            _retype(r, "REQUEST")
            r.modality = "asserted"
            r.symmetric = False
            return r
        if future and r.kind in ("verb", "light", "adj") and r.type is not None:
            r.trigger = sorted(set(r.trigger + modal_toks), key=lambda t: t.i)
            if neg:
                if r.type in COOPERATIVE:
                    _retype(r, "REJECT")
                    r.modality = "asserted"
                else:
                    _retype(r, "THREATEN") if r.type in HOSTILE else None
                    r.modality = "negated" if r.type not in ("THREATEN",) else "planned"
                return r
            if conditional and r.type in HOSTILE | {"SANCTION"}:
                _retype(r, "THREATEN")
                r.modality = "planned"
                return r
            if r.type in COOPERATIVE:
                _retype(r, "AGREE")
            elif r.type in HOSTILE:
                _retype(r, "THREATEN")
            r.modality = "planned"
            return r
        if neg and r.type in COOPERATIVE and (possible or _no_longer(head)):
            # "can no longer rely on X", "cannot accept", "no longer supports": a rejection
            _retype(r, "REJECT")
            r.modality = "asserted"
            if reported:
                r.modality = "reported"
                r.attributed_to = self._speaker_name(speaker) if speaker is not None else None
            return r
        if possible and r.type is not None:
            if conditional and r.type in HOSTILE | {"SANCTION"}:
                r.trigger = sorted(set(r.trigger + modal_toks), key=lambda t: t.i)
                _retype(r, "THREATEN")
                r.modality = "planned"
                return r
            r.modality = "hypothetical"
            return r
        if neg:
            r.modality = "negated"
            return r
        if in_if:
            r.modality = "hypothetical"
            return r
        if planned:
            r.modality = "planned"
            return r
        if reported:
            r.modality = "reported"
            r.attributed_to = self._speaker_name(speaker) if speaker is not None else None
        return r

    def noun_modality(self, r: Reading) -> None:
        verb = self._governing_verb(r.head) or (
            r.head.head if r.head.dep_ in sx.SUBJ + sx.PASS_SUBJ and r.head.head.pos_ in ("VERB", "AUX") else None)
        if verb is not None:
            modality = self.clause_modality(verb)
            if modality is not None:
                r.modality = modality
                return
        speaker, reported = self.reporter(r.head)
        if reported:
            r.modality = "reported"
            r.attributed_to = self._speaker_name(speaker) if speaker is not None else None

    def clause_modality(self, head: Token) -> Optional[str]:
        """The modality a verb gives to an event noun it governs: "if Russia had fulfilled
        the agreement" and "the cleansing would not have taken place" are hypothetical, "did
        not sign the agreement" is negated; None when nothing marks it."""
        auxes = sx.auxiliaries(head)
        words = {a.lower_ for a in auxes}
        perfect = "have" in {_lemma(a) for a in auxes} or "'ve" in words
        if (words & (sx.FUTURE | sx.POSSIBLE)) and perfect:
            return "hypothetical"
        if self._inside_condition(head):
            return "hypothetical"
        if sx.negated(head):
            return "negated"
        return None

    def _has_to(self, head: Token) -> bool:
        # "X has to leave": have(xcomp leave); handled by reading "leave" with head "has"
        h = head.head
        if _reflexive(head):
            return False   # "Armenia had itself to blame": an accusation, not an obligation
        return head.dep_ == "xcomp" and _lemma(h) in ("have", "need") and h.i < head.i and any(
            c.lower_ == "to" for c in head.children)

    def _conditional_child(self, head: Token) -> bool:
        for c in head.children:
            if c.dep_ == "advcl" and any(g.lower_ in ("if", "unless") and g.dep_ == "mark" for g in c.children):
                return True
        return False

    def _inside_condition(self, head: Token) -> bool:
        t = head
        for _ in range(3):
            if any(g.lower_ in ("if", "unless") and g.dep_ == "mark" for g in t.children):
                return True
            if t.dep_ in ("advcl", "conj") and t.head.i != t.i:
                t = t.head
                continue
            break
        return False

    def _planned(self, head: Token) -> bool:
        """"was to deploy", "is to be held", "were supposed to protect", "plans to"."""
        h = head.head
        has_to = any(c.lower_ == "to" and c.dep_ == "aux" for c in head.children)
        if head.dep_ in ("xcomp", "ccomp") and has_to:
            if _lemma(h) in ("be", "suppose", "due", "schedule", "set", "expect", "plan", "intend"):
                return True
        for c in head.children:
            if c.dep_ == "aux" and c.lower_ == "to":
                # "Russia was to have": root "was" with xcomp? the parser sometimes makes "to" aux of head
                pass
        if head.dep_ == "advcl" and h.dep_ in ("xcomp", "ccomp", "ROOT"):
            return self._planned(h) if h.i != head.i else False
        return False

    def reporter(self, head: Token) -> tuple[Optional[Token], bool]:
        """(speaker subject, True) when ``head`` sits in the complement of a reporting verb,
        after "according to", or inside a known claim."""
        t = head
        for _ in range(6):
            if t.head.i == t.i:
                break
            parent = t.head
            if t.dep_ in ("ccomp", "parataxis", "advcl") and _lemma(parent) in self.lex.reports \
                    and parent.pos_ in ("VERB", "AUX"):
                subj = sx.first_child(parent, *sx.SUBJ)
                if t.dep_ == "advcl" and not any(g.dep_ == "mark" and g.lower_ in ("that",) for g in t.children):
                    break
                return subj, True
            if parent.pos_ in ("VERB", "AUX") and t.dep_ not in ("conj", "xcomp", "advcl"):
                break
            t = parent
        # the reporting verb may be the sentence's root with our clause as its ccomp higher up
        root = head.sent.root
        if root.i != head.i and _lemma(root) in self.lex.reports and head.i < root.i:
            for c in root.children:
                if c.dep_ in ("ccomp", "parataxis") and head in c.subtree:
                    return sx.first_child(root, *sx.SUBJ), True
        for prep, obj in sx.preps(root, "according"):
            return obj, True
        for tok in head.sent:
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
                objs = [g for g in tok.nbor(1).children if g.dep_ == "pobj"]
                return (objs[0] if objs else None), True
        start = head.idx
        for claim in self.claims:
            if claim.content.start <= start < claim.content.end:
                return None, True
        return None, False

    def _speaker_name(self, tok: Optional[Token]) -> Optional[str]:
        if tok is None:
            return None
        lo, hi = sx.np_bounds(sx.descend_quantity(tok))
        return self.doc[lo:hi].text

    # ------------------------------------------------------------------
    # arguments

    def subjects(self, r: Reading) -> list[Token]:
        if r.no_source:
            return []
        if r.kind == "noun":
            return self.noun_sources(r)
        if r.source_head is not None and r.source_head.pos_ not in ("VERB", "AUX", "ADJ"):
            return self._expand([r.source_head])     # a speaker ("X said Y must ...")
        head = r.source_head or r.head
        passive_ok = r.source_head is None
        for _ in range(5):
            if passive_ok and sx.is_passive(head):
                if r.kind == "light" and r.noun is not None and r.noun.dep_ not in sx.PASS_SUBJ:
                    # "were engaged in ethnic cleansing": the light verb's subject acts
                    return self._expand(sx.children(head, *sx.PASS_SUBJ)[:1])
                agents = [g for p, g in sx.preps(head, "by") if p.dep_ == "agent"]
                if not agents:
                    return self._expand(self._implicit_agent(r, head))
                return self._expand(agents[:1])
            subj = sx.first_child(head, *sx.SUBJ)
            if subj is None and head.dep_ in ("ROOT", "conj") and head.tag_ in ("VBD", "VBZ", "VBP") \
                    and not sx.is_passive(head):
                left = self._left_subject(head)   # the parser lost the subject: "X, on May 2, launched"
                if left:
                    return self._expand(left)
            if subj is not None:
                if _is_relative(subj) and head.dep_ == "relcl":
                    return self._expand([head.head])
                return self._expand([self._resolve_pronoun(subj, head)])
            dep = head.dep_
            if dep == "acl":
                noun = head.head
                if noun.dep_ == "ROOT" or head.tag_ in ("VBG", "VBD"):
                    return self._expand([noun])          # "Doctors ... donated" (a parse of a noun root)
                return []                                # "vehicles transported": no agent
            if dep == "relcl":
                return self._expand([head.head])
            if dep in ("acomp", "xcomp", "conj", "advcl", "ccomp", "pcomp", "attr") and head.head.i != head.i:
                head = head.head
                if dep == "pcomp" and head.dep_ == "prep":
                    head = head.head
                passive_ok = True
                continue
            break
        return []

    def _implicit_agent(self, r: Reading, head: Token) -> list[Token]:
        """The agent of an agentless passive that the clause still gives: the parties of a
        reciprocal event ("an agreement was signed between X and Y"), the host of a
        summoned diplomat ("the ambassador to Moscow was summoned")."""
        if r.symmetric:
            sides = [g for p, g in sx.preps(head, "between", "among")]
            if not sides and r.noun is not None:
                sides = [g for p, g in sx.preps(r.noun, "between", "among")]
            if sides:
                return sides[:1]
        if r.type in ("ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN"):
            stated = self._statement_before(head)
            if stated is not None:
                return [stated]
        diplomats = self.lex.classes.get("diplomat", frozenset())
        for subj in sx.children(head, *sx.PASS_SUBJ):
            if _lemma(subj) in diplomats:
                hosts = [g for p, g in sx.preps(subj, "to", "in") if self.is_actor(g)]
                if hosts:
                    return hosts[:1]
        return []

    def _same_side(self, tok: Token, verb: Token) -> bool:
        """Whether ``tok`` names the same country as the verb's subject ("Russian officials
        warned that the Russian troops would stay": the troops are no target)."""
        subj = sx.first_child(verb, *sx.SUBJ)
        if subj is None and verb.dep_ == "conj":
            subj = sx.first_child(verb.head, *sx.SUBJ)
        if subj is None:
            return False
        a, b = self._country_of(tok), self._country_of(subj)
        return a is not None and a == b

    def _country_of(self, tok: Token) -> Optional[str]:
        lo, hi = sx.np_bounds(tok)
        start, end = sx.char_span(self.doc, lo, hi)
        actor_id = self._actor_id(tok, start, end)
        for actor in self.actors:
            if actor.id == actor_id:
                return actor.country
        return None

    def _statement_before(self, head: Token) -> Optional[Token]:
        """Who issued the statement of the previous sentence, when an agentless passive
        speech act follows it ("X released a statement. Y was accused of ...")."""
        sent = head.sent
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        for tok in prev:
            if tok.pos_ == "VERB" and _lemma(tok) in STATEMENT_VERBS and any(
                    _lemma(o) in STATEMENT_NOUNS for o in sx.children(tok, "dobj", "obj")):
                subj = sx.first_child(tok, *sx.SUBJ)
                if subj is not None and subj.lower_ not in sx.PRONOUNS:
                    return subj
        return None

    def _left_subject(self, head: Token) -> list[Token]:
        """The noun phrase just before a finite verb that has no subject in the parse
        (skipping adverbs, dates and one comma-delimited insertion): "Azerbaijan, on
        September 19, launched", "X and Y met"."""
        doc, sent = self.doc, head.sent
        k = head.i - 1
        while k >= sent.start:
            t = doc[k]
            if t.pos_ == "ADV" or t.ent_type_ in ("DATE", "TIME"):
                k -= 1
                continue
            if t.text == ",":
                j = k - 1
                while j >= max(sent.start, k - 10) and doc[j].text != "," and doc[j].pos_ not in ("VERB", "AUX"):
                    j -= 1
                if j >= sent.start and doc[j].text == "," and j < k - 1:
                    k = j - 1
                    continue
                return []
            break
        if k < sent.start:
            return []
        out = []
        for _ in range(2):
            t = self._np_head_left(doc[k], head)
            if t is None:
                break
            out.insert(0, t)
            lo, _hi = sx.np_bounds(t)
            if lo - 2 >= sent.start and doc[lo - 1].lower_ == "and":
                k = lo - 2
                continue
            break
        return out

    def _np_head_left(self, t: Token, verb: Token) -> Optional[Token]:
        if t.dep_ == "case":
            t = t.head
        for _ in range(3):
            if t.dep_ in ("compound", "amod", "poss", "nmod") and t.i < t.head.i < verb.i:
                t = t.head
            else:
                break
        if t.pos_ not in ("NOUN", "PROPN", "PRON") or t.dep_ in ("dobj", "obj", "attr", "nsubj", "nsubjpass"):
            return None
        if not self.is_actor(t) or _is_relative(t):
            return None
        return t

    def _resolve_pronoun(self, subj: Token, head: Token) -> Token:
        """A pronoun subject inside a reported clause is the speaker ("Syria says it ...")."""
        if subj.lower_ not in sx.PRONOUNS or _is_relative(subj):
            return subj
        speaker, _ = self.reporter(head)
        if speaker is not None and speaker.i != subj.i and speaker.lower_ not in sx.PRONOUNS:
            return speaker
        return subj

    def _governing_verb(self, noun: Token) -> Optional[Token]:
        """The verb a noun is the object of (directly or through a preposition)."""
        h = noun.head
        if noun.dep_ in ("dobj", "obj", "attr", "oprd") and h.pos_ in ("VERB", "AUX"):
            return h
        if noun.dep_ == "pobj" and h.dep_ == "prep" and h.head.pos_ in ("VERB", "AUX"):
            return h.head
        return None

    def noun_sources(self, r: Reading) -> list[Token]:
        noun = r.noun or r.head
        out: list[Token] = []
        for c in noun.children:
            if c.dep_ == "poss":
                if c.lower_ in sx.PRONOUNS:
                    verb = self._governing_verb(noun)
                    subj = sx.first_child(verb, *sx.SUBJ) if verb is not None else None
                    if subj is not None:
                        out.append(self._resolve_pronoun(subj, verb))
                else:
                    out.append(c)
        if not out:
            out = [g for p, g in sx.preps(noun, "by")]
        if not out and r.of_is_source:
            out = [g for p, g in sx.preps(noun, "of") if self.is_actor(g)][:1]
        if not out:
            out = [c for c in noun.children if c.dep_ in ("amod", "compound")
                   and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")][:1]
        if not out and r.symmetric:
            out = [g for p, g in sx.preps(noun, "between")]
        if not out:
            verb = self._governing_verb(noun)
            if verb is not None and _lemma(verb) not in self.lex.reports:
                subj = sx.first_child(verb, *sx.SUBJ)
                if subj is not None and subj.i != noun.i:
                    out = [self._resolve_pronoun(subj, verb)]
        return self._expand(out)

    def targets(self, r: Reading) -> list[Token]:
        out: list[Token] = []
        for t in self._targets(r):
            m = self._modifier_actor(t)
            for c in (self._expand([m]) if m.i != t.i and m.pos_ == "NOUN" else [m]):
                if c.i not in {o.i for o in out}:
                    out.append(c)
        if not out:
            out = self._expand(self._controlled_subject(r))
        if not out and r.type in HOSTILE | VERBAL:
            out = self._expand(self._purpose_target(r))
        if not out and r.type == "THREATEN":
            out = self._expand(self._condition_subject(r))
        if not out and self._locative(r):
            loc = self._location_target(r)
            if loc is not None:
                out = [loc]
                self._places.add(loc.i)
        if not out:
            loc = self._measure_place(r)
            if loc is not None:
                out = [loc]
                self._places.add(loc.i)
        return out

    def _purpose_target(self, r: Reading) -> list[Token]:
        """Whom a hostile act is aimed at, when the clause names only its purpose or cause:
        "opened fire to disperse X", "went on strike to demand the resignation of X",
        "marched, calling for independence from X", "fasted in protest at X's decision",
        "a strike over a bill drafted by X"."""
        trigger_ids = {t.i for t in r.trigger}
        head = r.noun if r.kind == "noun" and r.noun is not None else r.head
        starts: list[Token] = []
        for h in [head] + ([r.noun] if r.kind == "light" and r.noun is not None else []):
            for c in h.children:
                if c.i in trigger_ids or c.i < h.i or c.pos_ != "VERB" or sx.children(c, *sx.SUBJ):
                    continue
                to = any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                if (c.dep_ in ("advcl", "xcomp", "acl") and to) or (
                        c.dep_ == "advcl" and c.tag_ == "VBG" and self._is_request(c)):
                    starts += sx.children(c, *sx.OBJ) + [g for p, g in sx.preps(c, "for", "against", "from", "on")]
            for p, g in sx.preps(h, "in"):
                if _lemma(g) in ("protest", "solidarity"):
                    starts += [g2 for _, g2 in sx.preps(g, "of", "at", "against", "over", "with")]
            if r.type == "PROTEST" and h.pos_ == "NOUN":
                starts += [g for p, g in sx.preps(h, "over")]
        frontier = starts
        for _ in range(4):
            nxt: list[Token] = []
            for n in frontier:
                if n.i in trigger_ids or n.pos_ not in ("NOUN", "PROPN"):
                    continue
                if self.is_actor(n):
                    return [n]
                m = self._modifier_actor(n)
                if m.i != n.i and self.target_ok(n):
                    return [m]
                nxt += [g for p, g in sx.preps(n, "of", "by", "from", "against", "on", "for")]
                for c in n.children:        # "property seized by X"
                    if c.dep_ == "acl":
                        nxt += [g for p, g in sx.preps(c, "by")]
            frontier = nxt
        return []

    def _condition_subject(self, r: Reading) -> list[Token]:
        """A threat's target is whoever must act to avert it: "threatened a strike unless X
        withdraws the bill", "will retaliate if X attacks"."""
        heads = [r.head]
        for h in r.extra_target_heads:
            if h is not None:
                heads += [h, h.head] if h.dep_ in sx.OBJ else [h]
        for h in heads:
            for c in h.children:
                marks = [g for g in c.children if g.dep_ == "mark" and g.lower_ in ("if", "unless")]
                subj = sx.first_child(c, *sx.SUBJ)
                if c.dep_ != "advcl" or not marks or subj is None or not marks[0].i < subj.i < c.i:
                    continue
                if any(self.doc[k].is_punct for k in range(marks[0].i, subj.i)):
                    continue
                if subj.lower_ not in sx.PRONOUNS and self.is_actor(subj) and not self._same_side(subj, r.head):
                    return [subj]
        return []

    def _is_request(self, verb: Token) -> bool:
        rd = verb_reading(verb, self.lex)
        return rd is not None and rd.type in ("REQUEST", "PROTEST", "ACCUSE")

    def _controlled_subject(self, r: Reading) -> list[Token]:
        """"allowed X to take part", parsed with X as the subject of an infinitive clause: X is
        the verb's object."""
        if r.kind not in ("verb", "light") or r.target_hint:
            return []
        for c in r.head.children:
            if c.dep_ != "ccomp" or c.i < r.head.i:
                continue
            # "renewed its demand that X withdraw": the clause belongs to the event noun
            that = r.kind == "light" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            if that or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                subj = sx.first_child(c, "nsubj")
                if subj is not None and self.is_actor(subj) and not _is_relative(subj) and not self._same_side(subj, r.head):
                    return [subj]
        return []

    def _measure_place(self, r: Reading) -> Optional[Token]:
        """The place a measure applies to ("declared a state of emergency in X", "lifted the
        curfew in X"): a named place in a prepositional phrase on an event noun of the
        trigger."""
        nouns = [t for t in r.trigger if t.pos_ == "NOUN"]
        if r.kind in ("verb", "light"):
            measures = [o for o in sx.children(r.head, *sx.OBJ) if o.pos_ == "NOUN" and (
                noun_entry(_unwrap(o), self.lex, as_object=True) is not None)]
            if measures:   # "lifted the curfew in X" (the phrase often hangs on the verb)
                nouns += measures + [r.head]
        for n in list(nouns):
            if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ == "of":
                nouns.append(n.head.head)      # "a state of emergency in X"
        for n in nouns:
            for p, g in sx.preps(n, "in", "on", "over", "across", "throughout"):
                if g.pos_ == "PROPN" and g.ent_type_ in ("GPE", "LOC"):
                    return g
        return None

    def _locative(self, r: Reading) -> bool:
        """Events whose target, when no actor is named, is the place they are aimed at
        (troops deployed to or withdrawn from it, protests in it, shelling of it)."""
        kinds = {r.type, (r.mode or "").upper()} | r.inner_kinds
        return bool(kinds & LOCATIVE_TYPES)

    def _location_target(self, r: Reading) -> Optional[Token]:
        heads = [r.noun or r.head] if r.kind == "noun" else [r.head] + ([r.noun] if r.noun is not None else [])
        heads += [h for h in r.extra_target_heads if h is not None]
        frontier = list(heads)
        for _ in range(3):
            nxt = []
            for h in frontier:
                for p, g in sx.preps(h, *LOCATIVE_PREPS):
                    if g.ent_type_ in ("GPE", "LOC") and g.pos_ == "PROPN":
                        return g
                    nxt.append(g)
                nxt.extend(c for c in h.children if c.dep_ in ("dobj", "obj", "nsubjpass"))
                if h.pos_ == "NOUN":   # "the withdrawal of forces from X"
                    nxt.extend(g for _, g in sx.preps(h, "of"))
            frontier = nxt
        return None

    def _targets(self, r: Reading) -> list[Token]:
        head = r.head
        if r.target_hint:
            return self._expand([t for t in r.target_hint if t is not None and not _is_relative(t)])
        if r.kind == "noun":
            noun = r.noun or head
            ps = sx.preps(noun, "against", "on", "to", "with", "at", "toward", "towards", "from", "into")
            cands = [g for p, g in ps if self.is_actor(g)]
            if not cands and not r.of_is_source:
                cands = [g for p, g in sx.preps(noun, "of") if self.is_actor(g)]
            if not cands and r.symmetric:
                cands = [g for p, g in sx.preps(noun, "between")]
            if not cands:   # "its demand that Israel ease ...": the addressee
                subj = self._clause_subject(noun)
                if subj is not None:
                    cands = [subj]
            if not cands:
                verb = self._governing_verb(noun)
                if verb is not None and noun.dep_ == "pobj" and _lemma(verb) not in self.lex.reports:
                    cands = [g for p, g in sx.preps(verb, "in", "to") if g.ent_type_ in ("GPE", "LOC")][:1]
            return self._expand(cands[:1])
        heads = [head]
        if r.noun is not None and r.noun.i != head.i:
            heads.append(r.noun)
        heads.extend(h for h in r.extra_target_heads if h is not None)
        if not sx.children(head, *sx.OBJ, *sx.COMP) and not r.extra_target_heads:
            # "donated and delivered goods to X": coordinated verbs share their arguments
            heads.extend(c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                         and not sx.children(c, *sx.SUBJ, *sx.PASS_SUBJ))
        trigger_ids = {t.i for t in r.trigger}
        passive = sx.is_passive(head)
        for h in heads:
            objs = []
            if not r.theme:
                for c in h.children:
                    if c.dep_ in ("dobj", "obj", "dative") and not (r.noun is not None and c.i == r.noun.i):
                        objs.append(c)
                    if passive and h.i == head.i and c.dep_ in sx.PASS_SUBJ and not (
                            r.kind == "light" and r.noun is not None and r.noun.dep_ not in sx.PASS_SUBJ):
                        objs.append(c)
            else:
                objs.extend(c for c in h.children if c.dep_ == "dative")
            objs = [o for o in objs if o.i not in trigger_ids] + [
                _unwrap(o) for o in objs if _unwrap(o).i != o.i and _unwrap(o).i not in trigger_ids]
            if self._locative(r) and r.type not in ("ASSAULT", "COERCE"):
                objs = [o for o in objs if _lemma(o) not in self.forces]   # "withdrew its troops from X"
            # a wrapped object is judged by what it wraps ("a state of emergency": no actor)
            good = [_unwrap(o) if _unwrap(o).i not in trigger_ids else o for o in objs
                    if (self.target_ok(_unwrap(o)) if _unwrap(o).i != o.i else self.target_ok(o))]
            if good:
                return self._expand(good[:1])
            preps = THEME_TARGET_PREPS if r.theme else TARGET_PREPS
            ps = [(p, g) for p, g in sx.preps(h, *preps)]
            good = [g for p, g in ps if self.target_ok(g) and g.i not in trigger_ids]
            if good:
                return self._expand(good[:1])
            # prepositions on the object: "sent humanitarian aid to Ukraine", "reneged on its
            # promise to the voters"; who made the object: "rejected calls by X", "accepted
            # demands from X", "investigated crimes by X against Y"
            inner = [c for c in h.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
            inner += [_unwrap(o) for o in inner]
            for o in inner:
                ps2 = [] if r.theme else [g for p, g in sx.preps(o, "by", "from")]
                ps2 += [g for p, g in sx.preps(o, *THEME_TARGET_PREPS, "against", "on", "with", "of", "among",
                                               "between")]
                good = [g for g in ps2 if self.target_ok(g) and g.i not in trigger_ids]
                if good:
                    return self._expand(good[:1])
            for p, o in sx.preps(h):
                if o.pos_ != "NOUN" or p.i < h.i or p.lower_ not in ("on", "upon", "to", "with", "for", "against"):
                    continue
                ps2 = [g for p2, g in sx.preps(o, *THEME_TARGET_PREPS, "against")]
                good = [g for g in ps2 if self.target_ok(g) and g.i not in trigger_ids]
                if good:
                    return self._expand(good[:1])
            if h.i == (r.noun.i if r.noun is not None else -1):
                subj = self._clause_subject(h)       # "reiterated its demand that X ease ..."
                if subj is not None:
                    return self._expand([subj])
            rest = [o for o in objs if o.i not in trigger_ids and o.pos_ in ("NOUN", "PROPN")
                    and _unwrap(o).i == o.i and noun_entry(o, self.lex, as_object=True) is None]
            if rest and r.type in ("ASSAULT", "COERCE") and h.i == head.i:
                return self._expand(rest[:1])
        return []

    @staticmethod
    def _clause_subject(noun: Token) -> Optional[Token]:
        """The subject of a noun's that-clause ("the demand that X withdraw")."""
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" for g in c.children):
                subj = sx.first_child(c, *sx.SUBJ)
                if subj is not None:
                    return subj
        return None

    def _leader(self, tok: Token) -> Token:
        """A government named after its leader is the leader ("President X's government",
        "the regime of General Y")."""
        if tok.pos_ != "NOUN" or _lemma(tok) not in GOVERNMENT_NOUNS:
            return tok
        for g in [c for c in tok.children if c.dep_ == "poss"] + [g for _, g in sx.preps(tok, "of")]:
            if g.ent_type_ == "PERSON" and g.pos_ == "PROPN":
                return g
        return tok

    @staticmethod
    def _coordinated_modifiers(tok: Token) -> list[Token]:
        """"Ruritanian and Freedonian officials": one actor per named modifier."""
        if tok.pos_ != "NOUN":
            return []
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i and (
                    c.ent_type_ in ("NORP", "GPE") or c.pos_ == "PROPN"):
                group = [g for g in sx.conjuncts(c) if g.text[:1].isupper() and g.i < tok.i]
                if len(group) >= 2:
                    return group
        return []

    def _expand(self, toks: list[Token]) -> list[Token]:
        out: list[Token] = []
        for t in toks:
            if t is None:
                continue
            t = self._leader(sx.descend_quantity(t))
            group = self._coordinated_modifiers(t) or sx.conjuncts(t)
            if t.pos_ == "NOUN" and _lemma(t) in self.actor_nouns and len(group) == 1:
                # "the foreign ministers of Moldova and Ukraine": one side per country
                for p, g in sx.preps(t, "of"):
                    group += [c for c in sx.conjuncts(g)[1:] if c.pos_ == "PROPN"]
            for c in group:
                if c.i not in {o.i for o in out}:
                    out.append(c)
        return out

    def actor_ref(self, tok: Token, trim: bool = False) -> ActorRef:
        lo, hi = sx.np_bounds(tok, self.actor_nouns | self.non_actor)
        hi = max(hi, self._span_hi.get(tok.i, hi))
        if trim:
            lo = self._trim_comment(lo, tok)
        key = tok
        if tok.pos_ == "NOUN":   # "the minister's wife, Maria Lopez": the person named
            for c in tok.children:
                if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i >= hi and c.i - hi <= 3:
                    hi = max(hi, max(g.i for g in c.subtree if g.ent_type_ == "PERSON") + 1)
                    key = c
                    break
        start, end = sx.char_span(self.doc, lo, hi)
        return ActorRef(actor=self._actor_id(key, start, end), start=start, end=end,
                        text=self.text[start:end])

    def _trim_comment(self, lo: int, tok: Token) -> int:
        """Drop a comment before the name: participles and superlatives ("war-torn Ruritania",
        "outgoing Prime Minister X", "the largest party"), any lower-case adjective and place
        noun before a proper name ("the southern regional capital Kingstown", "the autonomous
        republic of Ruritania"), a lower-case description before a person's name ("former
        president X"); not a
        capitalised or name-making word ("Protestant", "ethnic") nor a plain adjective of a
        common noun ("residential areas", "new members")."""
        doc = self.doc
        name = tok.pos_ == "PROPN" or any(g.pos_ == "PROPN" for _, g in sx.preps(tok, "of"))
        place_name = name and tok.ent_type_ in ("GPE", "LOC", "FAC")
        person = name and tok.ent_type_ == "PERSON"
        while lo < tok.i:
            t = doc[lo]
            if person and t.ent_type_ == "" and t.is_lower and t.pos_ in ("NOUN", "ADJ"):
                lo += 1                        # "former president X", "candidate X": a description
                continue
            if t.ent_type_ or t.lower_ in KEEP_ADJ or t.text[:1].isupper():
                break
            if lo + 2 < tok.i and doc[lo + 1].text in sx.HYPHENS and doc[lo + 2].tag_ in ("VBN", "VBG", "JJ") \
                    and not doc[lo + 2].text[:1].isupper():
                lo += 3                        # "war-torn", "oil-rich"
            elif t.tag_ in ("VBN", "VBG", "JJS") or (name and t.pos_ == "ADJ"):
                lo += 1
            elif place_name and t.pos_ == "NOUN" and _lemma(t) in self.non_actor:
                lo += 1                        # "the capital Kingstown"
            else:
                break
            while lo < tok.i and doc[lo].text in sx.HYPHENS:
                lo += 1
        return lo

    def _actor_id(self, key: Token, start: int, end: int) -> Optional[str]:
        """The actor whose mention holds the phrase's head, else the first mention in it."""
        first = None
        for actor in self.actors:
            for m in actor.mentions:
                if m.start <= key.idx < m.end:
                    return actor.id
                if first is None and m.start < end and start < m.end:
                    first = actor.id
        return first

    # ------------------------------------------------------------------
    def to_event(self, r: Reading) -> Optional[Event]:
        if r.type is None and not r.entry.happening:
            return None
        doc = self.doc
        src_toks = self.subjects(r)
        tgt_toks = self.targets(r)
        src_toks = [t for t in src_toks if not _is_relative(t) and t.pos_ != "DET"]
        tgt_toks = [t for t in tgt_toks if not _is_relative(t) and t.i not in {s.i for s in src_toks}]
        sources = [self.actor_ref(t) for t in src_toks]
        targets = [self.actor_ref(t, trim=True) for t in tgt_toks]
        if r.symmetric and sources:
            if len(sources) >= 2 and r.kind in ("verb", "light", "noun"):
                # "X and Y renewed talks on Z": the parties are each other's targets
                targets = [ActorRef(a.actor, a.start, a.end, a.text) for a in sources]
            elif targets and len(sources) == 1 and r.kind in ("verb", "light") and not any(
                    t.i in self._places for t in tgt_toks):
                # reciprocal: "X met Y", "X shared expertise with Y" -> both sides of both roles
                both = sources + targets
                sources = [ActorRef(a.actor, a.start, a.end, a.text) for a in both]
                targets = [ActorRef(a.actor, a.start, a.end, a.text) for a in both]
        trig = sorted(r.trigger, key=lambda t: t.i)
        t_start = trig[0].idx
        t_end = trig[-1].idx + len(trig[-1].text)
        trigger = Span(t_start, t_end, self.text[t_start:t_end])
        sent = r.head.sent
        s_start, s_end = sent.start_char, sent.end_char
        lo = min([t_start] + [a.start for a in sources + targets])
        hi = max([t_end] + [a.end for a in sources + targets])
        clause = self._clause_range(r)
        time = self._time(r, clause, (s_start, s_end))
        place = self._place(clause)
        lo, hi = max(lo, s_start), min(hi, s_end)
        evidence = Span(lo, hi, self.text[lo:hi])
        return Event(type=r.type, trigger=trigger, evidence=evidence, mode=r.mode,
                     modality=r.modality, source_actors=sources, target_actors=targets,
                     time=time, place=place, attributed_to=r.attributed_to,
                     cameo_root=r.cameo, intensity=r.intensity)

    def _clause_range(self, r: Reading) -> tuple[int, int]:
        top = r.head
        for t in r.trigger:
            if sx.depth(t) < sx.depth(top):
                top = t
        toks = [t for t in top.subtree if not (t.dep_ in ("ccomp", "parataxis") and t.head.i == top.i and
                                               _lemma(top) in self.lex.reports)]
        lo = min(t.idx for t in toks)
        hi = max(t.idx + len(t.text) for t in toks)
        return lo, hi

    def _time(self, r: Reading, clause, sentence) -> Optional[TimeValue]:
        from ..dating import date_item

        return date_item(self.timexes, anchor=r.trigger[0].idx, clause=clause, sentence=sentence,
                         dct=getattr(self.doc._, "published", None), doc=self.doc)

    def _place(self, clause) -> Optional[PlaceRef]:
        for p in self.places:
            if clause[0] <= p.start and p.end <= clause[1]:
                return PlaceRef(name=p.name, lat=p.lat, lon=p.lon, country=p.country, geonameid=p.geonameid)
        return None


def _reflexive(xcomp: Token) -> bool:
    """"had itself to blame": a reflexive object of "have" (or, in a misparse, subject of the
    infinitive)."""
    return any(c.lower_ in REFLEXIVES for c in xcomp.head.children if c.dep_ in ("dobj", "obj")) or any(
        c.lower_ in REFLEXIVES for c in xcomp.children if c.dep_ in sx.SUBJ)


def _no_longer(tok: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
               for c in tok.children)


def _is_relative(tok: Optional[Token]) -> bool:
    return tok is not None and tok.lower_ in sx.RELATIVE and tok.tag_ in ("WP", "WDT", "WP$")


def find_events(doc: Doc, *, actors: Sequence[Actor] = (), timexes: Sequence[Timex] = (),
                places: Sequence[PlaceMention] = (), claims: Sequence[Claim] = ()) -> list[Event]:
    """PLOVER-coded events of a processed spaCy Doc (see the module docstring)."""
    return Coder(doc, actors or [], timexes or [], places or [], claims or []).run()
