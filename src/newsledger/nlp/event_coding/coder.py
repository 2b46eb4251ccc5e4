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
   withdrawal of British troops", "weeks of siege").  A purpose or "in" phrase of the
   same type as the event it hangs on is that event ("marched to protest against X",
   "blocked roads in protest"), told once.
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

The parts live in their own modules: :mod:`.readings` (lexicon lookup, 1),
:mod:`.modality` (3), :mod:`.sources` and :mod:`.targets` (5) and
:mod:`.actor_phrases` (actor spans), :mod:`.doctable` (the token arrays, read
once per Doc, from which the candidate triggers of 1 and 4 are picked); this
module folds frames (2), finds nominal events (4) and builds the :class:`Event`
objects.
"""

from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from ..doctext import doc_text
from ...model import Actor, ActorRef, Claim, Event, PlaceMention, PlaceRef, Span, TimeValue, Timex
from ..grammar import has_to_infinitive
from . import syntax as sx
from .actor_phrases import GOVERNMENT_NOUNS, KEEP_ADJ, ActorPhrases, _is_relative
from .doctable import DocTable, within
from .lexicon import COOPERATIVE, HOSTILE, TYPE_DEFAULTS, Condition, Entry, Lexicon, load_lexicon
from .modality import REFLEXIVES, Modality
from .readings import (PREDICATE_POS, Reading, _lemma, _noun_trigger, _objects, _reading, _retype, may_read,
                       noun_entry, verb_reading)
from .sources import STATEMENT_NOUNS, STATEMENT_VERBS, Sources
from .targets import LOCATIVE_PREPS, LOCATIVE_TYPES, TARGET_PREPS, THEME_TARGET_PREPS, Targets

__all__ = ["Coder", "Reading", "find_events", "noun_entry", "verb_reading",
           # re-exported from the modules the coder was split into
           "TARGET_PREPS", "THEME_TARGET_PREPS", "INTENT_FRAMES", "STATE_VERBS", "KEEP_ADJ",
           "LOCATIVE_TYPES", "LOCATIVE_PREPS", "STATEMENT_VERBS", "STATEMENT_NOUNS", "GOVERNMENT_NOUNS",
           "REFLEXIVES"]

INTENT_FRAMES = ("intent",)
#: prepositions that name the one a reciprocal event is aimed at, not a party to it (or
#: the maker of what is agreed to: "agreed to a request by X")
ONE_WAY_PREPS = ("against", "on", "upon", "by")
#: dependency labels of a noun that modifies another (no event of its own)
MODIFIER_DEPS = ("compound", "amod", "nmod", "poss")
#: verbs whose subject event noun is a lasting state, not a happening ("the ceasefire holds")
STATE_VERBS = frozenset({"hold", "last", "persist", "remain", "stand", "stay"})


# ---------------------------------------------------------------------------
# the coder


class Coder(Modality, Sources, Targets, ActorPhrases):
    """Codes the events of one Doc: readings and frames here; sources, targets, actor
    phrases and modality come from the parts it is made of."""

    def __init__(self, doc: Doc, actors: Sequence[Actor], timexes: Sequence[Timex],
                 places: Sequence[PlaceMention], claims: Sequence[Claim], lex: Optional[Lexicon] = None):
        self.doc = doc
        self.table = DocTable(doc)
        self.text = doc_text(doc)
        #: the publication date (the Doc's extension attribute)
        self.dct = getattr(doc._, "published", None)
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
        #: tokens that may be a predicate event, and nouns that may be an event of their own
        self._predicates = self._predicate_candidates()
        self._nouns = self._noun_candidates()

    # ------------------------------------------------------------------
    def run(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.table.sents:
            for r in self.code_sentence(sent):
                ev = self.to_event(r)
                if ev is not None:
                    events.append(ev)
        events.sort(key=lambda e: (e.trigger.start, e.trigger.end))
        return events

    def code_sentence(self, sent) -> list[Reading]:
        lex, doc, table = self.lex, self.doc, self.table
        readings: dict[int, Reading] = {}
        for i in within(self._predicates, sent.start, sent.end):
            tok = doc[i]
            r = verb_reading(tok, lex)
            if r is not None and r.entry.no_event:
                continue          # a sense that is no event ("committed a crime")
            if r is None:
                r = self._reported_obligation(tok)
            if r is not None:
                readings[i] = r
        consumed: set[int] = set()     # predicates folded into another event
        nouns_used: set[int] = set()   # event nouns that are a verb's argument
        out: list[Reading] = []
        # top-down, so that frames see their complements first
        for i in sorted(readings, key=lambda i: (table.depth(i), i)):
            if i in consumed:
                continue
            r = readings[i]
            r = self.combine(r, readings, consumed)
            if r is None:
                continue
            if r.type is None and not r.entry.happening:
                continue
            out.append(r)
        out = [r for r in out if not self._purpose_of_same(r.head, r.type, out)]
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
        for i in within(self._nouns, sent.start, sent.end):
            if i in nouns_used:
                continue
            if i + 2 < sent.end and sx.joined_hyphen(doc, i + 1):
                continue   # part of a hyphenated modifier: "war-torn", "strike-hit"
            tok = doc[i]
            e = noun_entry(tok, lex)
            if e is None:
                continue
            if tok.dep_ in sx.SUBJ + sx.PASS_SUBJ and _lemma(tok.head) in STATE_VERBS:
                continue   # "Ceasefire holds": a state that lasts, not an event
            if self._purpose_of_same(tok, e.type, out):
                continue   # "blocked roads in protest at X": the blockade is the protest
            r = _reading(tok, e, _noun_trigger(tok, e), kind="noun")
            r.noun = tok
            self.noun_modality(r)
            out.append(r)
        return out

    @staticmethod
    def _purpose_of_same(tok: Token, type_: Optional[str], out: Sequence[Reading]) -> bool:
        """Whether ``tok`` only says what another coded event of the same type is for or
        done as: a subjectless to-infinitive of purpose ("marched through the capital to
        protest against X") or an "in" phrase ("blocked roads in protest against X"); it is
        that event, told once.  A purpose that brings in a party of its own is an event of
        its own: "the envoy met the rebels to negotiate with the government" (the meeting
        with the rebels, the negotiation with the government)."""
        if type_ is None:
            return False
        for r in out:
            if r.type != type_ or r.head.i == tok.i:
                continue
            if tok.pos_ == "VERB" and tok.dep_ in ("advcl", "xcomp") and tok.head.i == r.head.i \
                    and tok.i > r.head.i and has_to_infinitive(tok) \
                    and not sx.children(tok, *sx.SUBJ) and not _new_party(tok, r.head):
                return True
            if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "in" \
                    and tok.head.head.i in {t.i for t in r.trigger} | {r.head.i}:
                return True
        return False

    def _predicate_candidates(self) -> list[int]:
        """The tokens that may read as a predicate event, in order: those
        :func:`~.readings.may_read` accepts and clausal complements that may be a
        reported obligation (:meth:`_reported_obligation`)."""
        t, lex = self.table, self.lex
        return [i for i, pos, dep, lemma, lower in t.attributes(t.with_pos(PREDICATE_POS))
                if (pos == "VERB" and dep == "ccomp") or may_read(pos, dep, lemma, lower, lex)]

    def _noun_candidates(self) -> list[int]:
        """The tokens that may be a nominal event, in order: common nouns the lexicon
        knows (by lemma or form) that modify no other noun."""
        t, nouns = self.table, self.lex.nouns
        return [i for i, lemma, lower in t.forms(t.with_pos(("NOUN",), not_deps=MODIFIER_DEPS))
                if lemma in nouns or lower in nouns]

    def _reported_obligation(self, tok: Token) -> Optional[Reading]:
        """"X said (that) Y must do Z" with a verb Z the lexicon does not know: still a
        REQUEST by X of Y (:meth:`~.modality.Modality.apply_tense` fills in who is who)."""
        if tok.pos_ != "VERB" or tok.dep_ != "ccomp" or tok.head.pos_ not in ("VERB", "AUX") \
                or _lemma(tok.head) not in self.lex.reports or sx.is_passive(tok):
            return None
        if not any(a.lower_ in sx.OBLIGATION for a in sx.auxiliaries(tok)):
            return None
        subj = sx.first_child(tok, *sx.SUBJ)
        speaker = sx.first_child(tok.head, *sx.SUBJ)
        if subj is None or speaker is None or subj.lower_ in sx.PRONOUNS or _is_relative(subj) \
                or not self.is_actor(subj):
            return None
        cameo, intensity = TYPE_DEFAULTS["REQUEST"]
        entry = Entry(kind="verb", lemma=_lemma(tok), modifiers=(), type="REQUEST", mode=None, cameo=cameo,
                      intensity=intensity, cond=Condition(), flags=frozenset({"obligation"}))
        return _reading(tok, entry, [tok])

    # ------------------------------------------------------------------
    def complement(self, tok: Token) -> Optional[Token]:
        """The complement clause (or verbal-noun object) of a frame verb."""
        comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
        if comps:
            # "agreed to re-open its borders": a hyphenated verb split into a run of
            # complements ("re", "-", "open"); the last part carries the arguments
            c = comps[0]
            doc = tok.doc
            for nxt in comps[1:]:
                if nxt.i == c.i + 1 and (doc[c.i].whitespace_ == "" or c.text in sx.HYPHENS):
                    c = nxt
                else:
                    break
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
                # "warned X that it would ...": the addressee, not the clause's subject
                addressed = any(self.is_actor(o) for o in sx.children(r.head, "dobj", "obj"))
                # "X warned that it would respond": a pronoun subject is the speaker itself
                if subj is not None and not self._same_side(subj, r.head) and not self._unnamed_force(subj) \
                        and not addressed and subj.lower_ not in sx.PRONOUNS:
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
    def to_event(self, r: Reading) -> Optional[Event]:
        if r.type is None and not r.entry.happening:
            return None
        # a machine of war that acts is coded by its owner ("U.N. helicopters evacuated",
        # "Ruritanian tanks fired"); people and groups keep their head ("Ruritanian soldiers")
        src_toks = [self._modifier_actor(t) if t.pos_ == "NOUN" and _lemma(t) in self.forces
                    and _lemma(t) not in self.actor_nouns else self._named_apposition(t) for t in self.subjects(r)]
        tgt_toks = self.targets(r)
        src_toks = [t for t in src_toks if not _is_relative(t) and t.pos_ != "DET"]
        tgt_toks = [t for t in tgt_toks if not _is_relative(t) and t.i not in {s.i for s in src_toks}]
        sources = [self.actor_ref(t) for t in src_toks]
        targets = [self.actor_ref(t, trim=True) for t in tgt_toks]
        # an actor named again is not its own target ("X will deny entry to X to ...")
        named = {a.text.lower() for a in sources}
        keep = [k for k, a in enumerate(targets) if a.text.lower() not in named]
        if len(keep) < len(targets) and not (r.symmetric and len(sources) >= 2):
            targets = [targets[k] for k in keep]
            tgt_toks = [tgt_toks[k] for k in keep]
        if not targets and sources and self._reciprocal_object(r):
            # "X and Y accused each other", "the leaders criticised one another"
            targets = [ActorRef(a.actor, a.start, a.end, a.text) for a in sources]
        if r.symmetric and sources:
            if len(sources) >= 2 and r.kind in ("verb", "light", "noun"):
                # "X and Y renewed talks on Z": the parties are each other's targets
                targets = [ActorRef(a.actor, a.start, a.end, a.text) for a in sources]
            elif targets and len(sources) == 1 and r.kind in ("verb", "light") \
                    and r.type == r.entry.type and not any(
                    t.i in self._places for t in tgt_toks) and not any(
                    h is not None and h.i != r.head.i and h.left_edge.i <= t.i <= h.right_edge.i
                    for h in r.extra_target_heads for t in tgt_toks) and not any(
                    t.dep_ == "pobj" and t.head.lower_ in ONE_WAY_PREPS for t in tgt_toks):
                # (not a party of a folded complement: "X agreed to open its borders to Y"; nor
                # one named by "against" or "on", which point one way: "X continued its fight
                # against Y", "X declared war on Y")
                # (nor a meeting only promised or refused, retyped by its tense: "X will meet Y"
                # is X's promise to Y, as "X agreed to meet Y" is)
                # reciprocal: "X met Y", "X shared expertise with Y" -> both sides of both roles
                both = sources + targets
                sources = [ActorRef(a.actor, a.start, a.end, a.text) for a in both]
                targets = [ActorRef(a.actor, a.start, a.end, a.text) for a in both]
        trig = sorted(r.trigger, key=lambda t: t.i)
        t_start = trig[0].idx
        t_end = trig[-1].idx + len(trig[-1].text)
        trigger = Span(t_start, t_end, self.text[t_start:t_end])
        sent = self.table.sentence(r.head.i)
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

    @staticmethod
    def _reciprocal_object(r: Reading) -> bool:
        """Whether the event's object is "each other" or "one another" (also after a
        preposition: "fought with each other")."""
        heads = [r.head] + [h for h in r.extra_target_heads if h is not None]
        objs = [c for h in heads for c in h.children if c.dep_ in ("dobj", "obj", "dative")]
        objs += [g for h in heads for p, g in sx.preps(h)]
        for o in objs:
            words = {o.lower_} | {c.lower_ for c in o.children if c.dep_ in ("det", "nummod", "amod")}
            if words in ({"other", "each"}, {"another", "one"}):
                return True
        return False

    def _clause_range(self, r: Reading) -> tuple[int, int]:
        """Characters of the clause of the reading's highest trigger token: its subtree, less
        the head of a reported complement."""
        table = self.table
        top = r.head
        for t in r.trigger:
            if table.depth(t.i) < table.depth(top.i):
                top = t
        skip = {c.i for c in top.children if c.dep_ in ("ccomp", "parataxis")} \
            if _lemma(top) in self.lex.reports else ()
        toks = [k for k in range(top.left_edge.i, top.right_edge.i + 1)
                if k not in skip and table.dominates(top.i, k)]
        first, last = self.doc[toks[0]], self.doc[toks[-1]]
        return first.idx, last.idx + len(last.text)

    def _time(self, r: Reading, clause, sentence) -> Optional[TimeValue]:
        from ..dating import date_item

        return date_item(self.timexes, anchor=r.trigger[0].idx, clause=clause, sentence=sentence,
                         dct=self.dct, doc=self.doc)

    def _place(self, clause) -> Optional[PlaceRef]:
        for p in self.places:
            if clause[0] <= p.start and p.end <= clause[1]:
                return PlaceRef(name=p.name, lat=p.lat, lon=p.lon, country=p.country, geonameid=p.geonameid)
        return None


def find_events(doc: Doc, *, actors: Sequence[Actor] = (), timexes: Sequence[Timex] = (),
                places: Sequence[PlaceMention] = (), claims: Sequence[Claim] = ()) -> list[Event]:
    """PLOVER-coded events of a processed spaCy Doc (see the module docstring).

    An event noun inside an event-anchored time phrase ("just before the
    shelling") names a happening to date another by; it is not told again
    there, so it is no event of its own."""
    events = Coder(doc, actors or [], timexes or [], places or [], claims or []).run()
    anchors = [(t.start, t.end) for t in timexes or () if t.anchor == "event"]
    if not anchors:
        return events
    return [e for e in events if not any(s <= e.trigger.start < end for s, end in anchors)]


def _new_party(purpose: Token, head: Token) -> bool:
    """Whether a purpose clause names a party its head event does not: a "with" phrase or
    an object that is an actor and no object of the head ("met X to talk with Y": Y)."""
    actors = load_lexicon().classes.get("actor", frozenset())
    own = {t.i for o in sx.children(head, "dobj", "obj") for t in o.subtree}
    cands = [g for p, g in sx.preps(purpose, "with")] + sx.children(purpose, "dobj", "obj")
    return any(g.i not in own and sx.actor_like(g, actors) for g in cands)
