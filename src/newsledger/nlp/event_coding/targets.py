"""Targets of a coded event (a part of :class:`~.coder.Coder`).

Reads a :class:`~.readings.Reading` and the parse around it; writes the tokens
that head its target actors: objects and objects of "against", "to", "with",
...; whoever made the object; failing those, an infinitive subject, the aim of
a hostile act's purpose, who must act to avert a threat, whom a refusal defies
("despite pressure from X"), the addressee of the document that makes a demand
("sent a letter to X demanding"), the place aimed at or the place a measure applies
to (the places are noted in ``self._places``).  One's own envoy is no target
("recalled its ambassador from X": X); the subject of "came under attack from Y"
is, and so is the subject of "was hit with sanctions" or "was rocked by a wave of air
strikes", the subject of "received aid" or "faced sanctions", the object of "placed X
under arrest".  One's own people freed are no target ("demanded the release of their
leader"): whoever holds them is, when named.  A reaction to a deed ("condemned the
sanctions imposed by X", "an inquiry into the shooting of protesters by X") is aimed at
whoever did it; a reaction a deed drew ("X's raid drew condemnation") at its doer.
A pronoun addressee ("urged them to free the hostages") leaves no target (nothing in
the infinitive is one); "seized control of X" is aimed at X.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..grammar import has_to_infinitive
from . import syntax as sx
from .actor_phrases import _is_relative
from .sources import FROM_SOURCE_TYPES, _is_under
from .lexicon import HOSTILE, VERBAL
from .readings import Reading, _lemma, _unwrap, noun_entry, verb_reading

TARGET_PREPS = ("against", "to", "with", "on", "at", "into", "toward", "towards", "upon", "from", "for",
                "between")
THEME_TARGET_PREPS = ("to", "for", "into", "toward", "towards")
#: types (or modes) whose target is the place aimed at when no actor is named
LOCATIVE_TYPES = frozenset({"MOBILIZE", "RETREAT", "PROTEST", "ASSAULT", "COERCE", "WITHDRAW", "TROOPS",
                            "PEACEKEEPING"})
#: verbal types aimed at a thing standing for its actor ("criticism of X's policy")
OWNED_OBJECT_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})
#: where a protest stands before whom it is aimed at ("rallied outside the embassy")
PROTEST_SITE_PREPS = ("outside",)
#: nouns of freeing someone: one's own people freed are no target ("the release of their leader")
RELEASE_NOUNS = frozenset({"release", "freeing", "return", "repatriation", "handover"})
#: reactions to a deed, aimed at whoever did it ("condemned the sanctions imposed by X")
DEED_REACTION_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST"})
#: nouns of saying that someone did wrong: the one said to have done it is the target of a
#: reaction to them, not the one who said it
CLAIM_NOUNS = frozenset({"allegation", "accusation", "charge", "claim", "report", "complaint", "suspicion"})
LOCATIVE_PREPS = ("in", "into", "from", "to", "at", "on", "toward", "towards", "inside", "across", "near",
                  "along", "off")


class Targets:
    """The target-finding part of :class:`~.coder.Coder`; uses ``self.doc``, ``self.lex``,
    ``self.forces``, ``self._places``, :class:`~.actor_phrases.ActorPhrases` and
    :class:`~.sources.Sources`."""

    def targets(self, r: Reading) -> list[Token]:
        out: list[Token] = []
        for t in self._targets(r):
            t = self._named_apposition(t)
            if self._own_member_freed(t) and not t.left_edge.i <= r.head.i <= t.right_edge.i:
                # "demanded the release of their leader": whoever holds the leader, if named
                t = self._holder(t)
                if t is None:
                    continue
            m = self._modifier_actor(t)
            for c in (self._expand([m]) if m.i != t.i and m.pos_ == "NOUN" else [m]):
                if c.i not in {o.i for o in out}:
                    out.append(c)
        if not out:
            out = self._expand(self._controlled_subject(r))
        if not out and r.type in HOSTILE | VERBAL:
            out = self._expand(self._purpose_target(r))
        if not out and r.type in ("AID", "SUPPORT"):
            out = self._expand(self._helped(r))
        if not out and r.type in VERBAL | {"THREATEN"}:
            out = self._expand(self._addressee_of_statement(r))
        if not out and r.type == "THREATEN":
            out = self._expand(self._condition_subject(r))
        if not out and r.type == "PROTEST":
            out = self._expand(self._protest_site(r))
        if not out and r.type == "REJECT":
            out = self._expand(self._defied_party(r))
        if not out and r.mode == "asylum":
            # "sought refuge in X": the country asked for shelter
            for h in [r.head] + sx.children(r.head, *sx.OBJ):
                places = [g for p, g in sx.preps(h, "in") if g.pos_ == "PROPN" and g.ent_type_ in ("GPE", "LOC")]
                if places:
                    out = places[:1]
                    break
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

    def _reciprocal_noun(self, noun: Token) -> bool:
        """An event noun whose parties act on each other ("ceasefire", "talks", "truce")."""
        e = noun_entry(noun, self.lex, as_object=True)
        return e is not None and e.symmetric

    def _protest_site(self, r: Reading) -> list[Token]:
        """Whom a protest held before their building is aimed at, when nothing else names
        it: "demonstrated outside the Freedonian embassy"."""
        heads = [r.head] + ([r.noun] if r.noun is not None else [])
        return [g for h in heads for p, g in sx.preps(h, *PROTEST_SITE_PREPS) if self.target_ok(g)][:1]

    def _passive_with(self, noun: Token) -> Optional[Token]:
        """"X was hit with sanctions", "X was slapped with a ban", "X was met with protests",
        "X was rocked by a wave of air strikes": an event noun in the "with" phrase or the
        agent of a passive verb befalls the verb's subject."""
        outer = noun
        while outer.dep_ == "pobj" and outer.head.lower_ == "of" and _unwrap(outer.head.head).i == noun.i:
            outer = outer.head.head        # "a wave of air strikes"
        prep = outer.head
        if outer.dep_ != "pobj" or prep.lower_ not in ("with", "by") or not sx.is_passive(prep.head):
            return None
        subj = sx.first_child(prep.head, *sx.PASS_SUBJ)
        if subj is None or _is_relative(subj) or not self.target_ok(subj):
            return None
        return subj

    @staticmethod
    def _own_member_freed(tok: Token) -> bool:
        """"the release of their leader", "the return of its soldiers": the one to be freed
        is the speaker's own (a possessive pronoun), so no target of the demand."""
        prep = tok.head
        return tok.dep_ == "pobj" and prep.lower_ == "of" and _lemma(prep.head) in RELEASE_NOUNS and any(
            c.dep_ == "poss" and c.lower_ in sx.PRONOUNS for c in tok.children)

    def _holder(self, tok: Token) -> Optional[Token]:
        """Who holds the one to be freed: "their leader held by X", "their soldiers in X's
        custody", "the release of their men by X"."""
        noun = tok.head.head
        found = [g for g in sx.participle_agents(tok)]
        found += [g for p, g in sx.preps(tok, "from", "in") + sx.preps(noun, "from", "by")
                  if g.pos_ in ("NOUN", "PROPN")]
        for g in found:
            if self.target_ok(g):
                return g
        return None

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
                to = has_to_infinitive(c)
                if c.dep_ == "acl" and r.kind == "noun" and r.type in VERBAL:
                    continue    # the content of a verbal act, no purpose: "X's refusal to withdraw"
                if (c.dep_ in ("advcl", "xcomp", "acl") and to) or (
                        c.dep_ == "advcl" and c.tag_ == "VBG" and self._is_request(c)):
                    starts += sx.children(c, *sx.OBJ) + [g for p, g in sx.preps(c, "for", "against", "from", "on")]
            for p, g in sx.preps(h, "in"):
                if _lemma(g) in ("protest", "solidarity"):
                    starts += [g2 for _, g2 in sx.preps(g, "of", "at", "against", "over", "with")]
            if r.type == "PROTEST":     # "a strike over a bill", "stopped work over a bill"
                starts += [g for p, g in sx.preps(h, "over")]
                # "a protest against the visit of X": whoever does what is protested
                starts += [g for p, g in sx.preps(h, "against") if not self.is_actor(g)]
            for c in h.children:
                # "rioted, joining others in demanding independence from X"
                if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > h.i and not self._is_request(c):
                    for p, g in sx.preps(c, "in"):
                        if g.pos_ == "VERB" and g.tag_ == "VBG" and self._is_request(g):
                            starts += sx.children(g, *sx.OBJ) + [
                                g2 for p2, g2 in sx.preps(g, "for", "against", "from", "on")]
        frontier = starts
        for _ in range(4):
            nxt: list[Token] = []
            for n in frontier:
                if n.i in trigger_ids or n.pos_ not in ("NOUN", "PROPN"):
                    continue
                if self.is_actor(n):     # "independence from Ruritanian rule": the actor
                    return [self._modifier_actor(n)]
                m = self._modifier_actor(n)
                if m.i != n.i and self.target_ok(n):
                    return [m]
                nxt += [g for p, g in sx.preps(n, "of", "by", "from", "against", "on", "for")]
                for c in n.children:        # "property seized by X"
                    if c.dep_ == "acl":
                        nxt += [g for p, g in sx.preps(c, "by")]
            frontier = nxt
        return []

    def _helped(self, r: Reading) -> list[Token]:
        """Whom help is for, named only by the purpose clause: "sent arms to help X", "flew in
        supplies to support X" (an actor as the object of the purpose verb)."""
        if r.kind not in ("verb", "light"):
            return []
        for c in r.head.children:
            if c.dep_ in ("advcl", "xcomp") and c.i > r.head.i and c.pos_ == "VERB" and not sx.children(
                    c, *sx.SUBJ) and has_to_infinitive(c):
                # (a person or body itself, not a thing of one: "to increase X's presence")
                found = [o for o in sx.children(c, *sx.OBJ) if self.is_actor(o) and (
                    o.pos_ == "PROPN" or _lemma(o) in self.actor_nouns)]
                if found:
                    return found[:1]
        return []

    def _addressee_of_statement(self, r: Reading) -> list[Token]:
        """"sent a letter to X demanding ...", "a statement to X urging ...": whom the
        document that makes the demand is addressed to."""
        from .sources import STATEMENT_NOUNS

        head = r.head
        if r.kind not in ("verb", "light"):
            return []
        if head.dep_ == "acl" and _lemma(head.head) in STATEMENT_NOUNS:
            doc_noun, verb = head.head, self._governing_verb(head.head)
        elif head.dep_ == "advcl" and head.tag_ == "VBG":      # (the parser's other reading)
            verb = head.head
            docs = [o for o in sx.children(verb, *sx.OBJ) if _lemma(o) in STATEMENT_NOUNS]
            if not docs:
                return []
            doc_noun = docs[0]
        else:
            return []
        pairs = sx.preps(doc_noun, "to") + (sx.preps(verb, "to") if verb is not None else [])
        return [g for p, g in pairs if self.is_actor(g)][:1]

    def _defied_party(self, r: Reading) -> list[Token]:
        """Whom a refusal defies, named only in a concession: "declined to resign despite
        pressure from X", "refused in defiance of calls by X", "despite X's objections"."""
        pressure = self.lex.classes.get("pressure", frozenset())
        heads = [t for t in r.trigger if t.pos_ in ("VERB", "AUX")] + [h for h in r.extra_target_heads if h is not None]
        for h in heads:
            nouns = [g for p, g in sx.preps(h, "despite", "notwithstanding")]
            nouns += [g2 for p, g in sx.preps(h, "in") if _lemma(g) == "defiance" for _, g2 in sx.preps(g, "of")]
            for n in nouns:
                if _lemma(n) not in pressure:
                    continue
                owners = [g for p, g in sx.preps(n, "by", "from", "of") if self.is_actor(g)]
                owners += [c for c in n.children if c.dep_ == "poss" and c.lower_ not in sx.PRONOUNS
                           and self.is_actor(c)]
                if owners:
                    return owners[:1]
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
        # also through a folded complement: "refused to allow X to visit"
        heads = [r.head] + [h for h in r.extra_target_heads if h is not None and h.pos_ == "VERB"]
        for c in [c for h in heads for c in h.children]:
            if c.dep_ != "ccomp" or c.i < c.head.i:
                continue
            # "renewed its demand that X withdraw": the clause belongs to the event noun
            that = r.kind == "light" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            if that or has_to_infinitive(c):
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
        # "the curfew imposed in X": the phrase hangs on a participle modifying the noun
        nouns += [c for n in nouns if n.pos_ == "NOUN" for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN"]
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
        border = self.lex.classes.get("border", frozenset())
        places = self.lex.classes.get("place", frozenset())
        for _ in range(3):
            nxt = []
            for h in frontier:
                # "pulled out of X": "of" after the particle "out" names the place left
                out_of = ("of",) if any(c.lower_ == "out" and c.dep_ in ("prt", "advmod") for c in h.children) else ()
                pairs = sx.preps(h, *LOCATIVE_PREPS, *out_of)
                for c in h.children:      # a two-word preposition: "out of X", "away from X"
                    if c.dep_ == "prep" and c.lower_ in ("out", "away"):
                        pairs += sx.preps(c, "of", "from")
                for p, g in pairs:
                    if g.ent_type_ in ("GPE", "LOC") and g.pos_ == "PROPN":
                        return g
                    if _lemma(g) in border:     # "troops sent to the border with X"
                        for _, g2 in sx.preps(g, "with"):
                            if g2.ent_type_ in ("GPE", "LOC") and g2.pos_ == "PROPN":
                                return g2
                    nxt.append(g)
                nxt.extend(_unwrap(c) for c in h.children if c.dep_ in ("dobj", "obj", "nsubjpass"))
                if h.pos_ in ("NOUN", "PROPN"):   # "troops stationed in X were pulled out"
                    nxt.extend(c for c in h.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"))
                if h.pos_ == "NOUN":   # "the withdrawal of forces from X"
                    for _, g in sx.preps(h, "of"):
                        if _lemma(h) in places and g.ent_type_ in ("GPE", "LOC") and g.pos_ == "PROPN":
                            return h       # "the town of X" (a named place stays whole)
                        nxt.append(g)
            frontier = nxt
        return None

    def _targets(self, r: Reading) -> list[Token]:
        """The tokens heading a reading's targets, before :meth:`targets` refines them: the
        hint the reading carries; for an event noun, :meth:`_noun_targets`; for "X was placed
        under arrest", X; else, for each head of the event in turn (the verb, its noun, verbs
        sharing its arguments), :meth:`_head_targets`.  "urged them to free the hostages"
        has none: the pronoun is whom the act is aimed at."""
        head = r.head
        if r.target_hint:
            return self._expand([t for t in r.target_hint if t is not None and not _is_relative(t)])
        if r.kind == "noun":
            return self._noun_targets(r)
        if r.kind == "light" and r.noun is not None and _is_under(r.noun) and sx.is_passive(head):
            # "X was placed under house arrest": X undergoes it
            return self._expand([s for s in sx.children(head, *sx.PASS_SUBJ) if self.target_ok(s)][:1])
        heads = self._target_heads(r)
        trigger_ids = {t.i for t in r.trigger}
        if self._pronoun_addressee(head):
            # "urged them to release the prisoners": the one asked is the target, named only
            # by a pronoun; the prisoners are not
            return []
        passive = sx.is_passive(head)
        for h in heads:
            found = self._head_targets(r, h, passive, trigger_ids)
            if found is not None:
                return found
        return []

    # -- an event noun ("the attack on X", "X's threat to Y") --------------------------

    def _noun_targets(self, r: Reading) -> list[Token]:
        """The target of an event noun: whoever undergoes it (:meth:`_undergoer`); else the
        first of these steps to find one: a preposition of aim on the noun ("the raid on
        X"), its "of" object ("criticism of X"), the sides of a reciprocal noun ("talks
        between X and Y"), a participle's preposition ("sanctions imposed on X"), the
        subject of its that-clause ("the demand that X withdraw"), its infinitive ("X's
        threat to cut off supplies to Y"), a preposition on the verb it is the object of
        ("carried out raids against X") or a named place there."""
        noun = r.noun or r.head
        undergoer = self._undergoer(noun)
        if undergoer is not None:
            return self._expand(undergoer)
        cands: list[Token] = []
        for find in (self._noun_prep_targets, self._noun_of_targets, self._noun_sides,
                     self._participle_targets, self._noun_clause_subject, self._noun_infinitive_targets,
                     self._governing_verb_aims, self._governing_verb_place):
            cands = find(r, noun)
            if cands:
                break
        return self._expand(cands[:1])

    def _undergoer(self, noun: Token) -> Optional[list[Token]]:
        """Who undergoes an event noun, by the construction around it (None when there is
        none): "X came under attack from Y", "placed X under arrest", "X received aid from
        Y", "X was hit with sanctions by Y": X."""
        verb = self.under_attack(noun)
        if verb is not None:     # "X came under attack from Y": X
            return sx.children(verb, *sx.SUBJ)[:1]
        held = self.placed_under(noun)
        if held is not None and self.target_ok(held):     # "placed X under arrest": X
            return [held]
        recipient = self.received(noun)
        if recipient is not None:     # "X received aid from Y": X
            return [recipient]
        hit = self._passive_with(noun)
        if hit is not None:      # "X was hit with sanctions by Y": X
            return [hit]
        return None

    def _noun_prep_targets(self, r: Reading, noun: Token) -> list[Token]:
        """Actors after a preposition of aim on the noun: "the embargo against X", "talks
        with X" ("from X" too, unless "from" names the source).  A hostile act may be aimed
        at a thing standing for its actor: "attacks on border posts"."""
        ps = sx.preps(noun, "against", "on", "to", "with", "at", "toward", "towards", "into",
                      *(() if r.type in FROM_SOURCE_TYPES else ("from",)))
        # a hostile act may be aimed at a thing standing for its actor ("attacks on police
        # stations", "raids on Ruritanian positions")
        aimed = r.type in HOSTILE
        return [g for p, g in ps if self.is_actor(g) or (
            aimed and p.lower_ in ("against", "on", "at", "into") and self.target_ok(g))]

    def _noun_of_targets(self, r: Reading, noun: Token) -> list[Token]:
        """The "of" object: an actor ("the expulsion of X", unless "of" names the source);
        or, for a verbal act, the owner of a thing ("criticism of X's budget", "rejection of
        the Freedonian plan"); or a hostile act's thing of an actor ("the shelling of rebel
        positions")."""
        owned = r.type in OWNED_OBJECT_TYPES or (r.type in HOSTILE and not r.of_is_source)
        return [g for p, g in sx.preps(noun, "of") if (not r.of_is_source and self.is_actor(g)) or (
            owned and self._modifier_actor(g).i != g.i and self.target_ok(g))]

    def _noun_sides(self, r: Reading, noun: Token) -> list[Token]:
        """The parties of a reciprocal event noun: "the truce between X and Y"."""
        return self.sides(noun) if r.symmetric else []

    def _participle_targets(self, r: Reading, noun: Token) -> list[Token]:
        """Actors reached through a participle on the noun: "sanctions imposed on X", "aid
        sent to X"."""
        return [g for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                for p, g in sx.preps(c, "against", "on", "to", "upon") if self.is_actor(g)]

    def _noun_clause_subject(self, r: Reading, noun: Token) -> list[Token]:
        """The addressee named as the subject of the noun's that-clause: "its demand that X
        reopen the port"."""
        subj = self._clause_subject(noun)
        return [subj] if subj is not None else []

    def _noun_infinitive_targets(self, r: Reading, noun: Token) -> list[Token]:
        """For a hostile or verbal act, whom its infinitive is aimed at: "X's threat to cut
        off supplies to Y", "X's refusal to talk to Y": Y."""
        if r.type not in HOSTILE | VERBAL:
            return []
        return self._infinitive_content_target(noun)

    def _governing_verb_aims(self, r: Reading, noun: Token) -> list[Token]:
        """"committed atrocities against X": the parser hangs "against" on the verb whose
        object the noun is; a hostile act may be aimed at a thing of an actor there ("laid
        siege to the city of X").  Not the verb of a report."""
        verb = self._governing_verb(noun)
        if verb is None or noun.dep_ not in sx.OBJ or _lemma(verb) in self.lex.reports:
            return []
        aims = ("against", "on", "upon", "to") if r.type in HOSTILE else ("against",)
        return [g for p, g in sx.preps(verb, *aims) if p.i > noun.i and (
            self.is_actor(g) or (r.type in HOSTILE and self.target_ok(g)))]

    def _governing_verb_place(self, r: Reading, noun: Token) -> list[Token]:
        """A named place after "in" or "to" on the verb the noun hangs on through a
        preposition ("took part in strikes in X"); not the verb of a report."""
        verb = self._governing_verb(noun)
        if verb is None or noun.dep_ != "pobj" or _lemma(verb) in self.lex.reports:
            return []
        return [g for p, g in sx.preps(verb, "in", "to") if g.ent_type_ in ("GPE", "LOC")][:1]

    # -- a verb (or light verb and noun) ---------------------------------------------

    def _target_heads(self, r: Reading) -> list[Token]:
        """The words whose arguments may name the target: the verb, its event noun ("made
        an offer to X"), the reading's extra heads and, when the verb has no object or
        complement of its own, verbs joined to it that share its arguments ("donated and
        delivered goods to X")."""
        head = r.head
        heads = [head]
        if r.noun is not None and r.noun.i != head.i:
            heads.append(r.noun)
        heads.extend(h for h in r.extra_target_heads if h is not None)
        if not sx.children(head, *sx.OBJ, *sx.COMP) and not r.extra_target_heads:
            # "donated and delivered goods to X": coordinated verbs share their arguments
            heads.extend(c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                         and not sx.children(c, *sx.SUBJ, *sx.PASS_SUBJ))
        return heads

    def _head_targets(self, r: Reading, h: Token, passive: bool,
                      trigger_ids: set[int]) -> Optional[list[Token]]:
        """The targets found on one head, or None to try the next head.  In order: the
        country of one's own envoy ("recalled its ambassador from X"); the objects; a
        partner ("exchanged prisoners with X"); a preposition of aim on the head ("sent aid
        to X"); who made the object or is named by a preposition on it ("rejected calls by
        X"); the parties of an event noun after a preposition ("called for talks with X");
        the subject of the noun's that-clause; the thing struck, or its named place."""
        objs = self._head_objects(r, h, passive, trigger_ids)
        host = self._host_of_own_envoy(h, objs)
        if host is not None:      # "recalled its ambassador from X": X
            return self._expand([host])
        # "recalled its ambassador in protest at X's decision": one's own envoy is no target
        objs = [o for o in objs if not self._own_envoy(o)]
        for find in (self._object_targets, self._partner_targets, self._verb_prep_targets, self._maker_targets,
                     self._event_noun_prep_targets, self._demand_subject, self._struck_thing):
            found = find(r, h, objs, trigger_ids)
            if found is not None:
                return found
        return None

    def _head_objects(self, r: Reading, h: Token, passive: bool, trigger_ids: set[int]) -> list[Token]:
        """The objects of a head (:meth:`_acted_on`, or :meth:`_recipients` for a sense
        whose object is the thing given), with "control of X" read as X, wrapped objects
        unwrapped, and no trigger word.  For a movement of troops, the forces moved are no
        target ("withdrew its troops from X"; but "ordered the army to withdraw")."""
        objs = self._recipients(h) if r.theme else self._acted_on(r, h, passive)
        objs = [_controlled(o) for o in objs]     # "seized control of X": X
        wrapped = [(o, _unwrap(o)) for o in objs]
        objs = [o for o in objs if o.i not in trigger_ids] + [
            w for o, w in wrapped if w.i != o.i and w.i not in trigger_ids]
        if self._locative(r) and r.type not in ("ASSAULT", "COERCE") and (
                h.i != r.head.i or {r.type, (r.entry.mode or "").upper()} & LOCATIVE_TYPES):
            # "withdrew its troops from X" (but "ordered the army to withdraw": the army is
            # addressed)
            objs = [o for o in objs if _lemma(o) not in self.forces]
        return objs

    def _acted_on(self, r: Reading, h: Token, passive: bool) -> list[Token]:
        """Whom the act of a head falls on: its direct objects (not the event noun, nor the
        thing two sides exchange); the subject of the passive verb ("X was expelled"); the
        noun a reduced passive modifies ("the rebels, backed by X").  A relative pronoun
        stands for its noun ("the reporters whom the militia seized")."""
        head = r.head
        objs = []
        for c in h.children:
            if c.dep_ in ("dobj", "obj", "dative") and not (r.noun is not None and c.i == r.noun.i) \
                    and not self._exchanged(r, c):
                # "the journalists whom the rebels kidnapped": the noun "whom" stands for
                objs.append(h.head if _is_relative(c) and h.dep_ == "relcl" and h.head.i < c.i else c)
            if passive and h.i == head.i and c.dep_ in sx.PASS_SUBJ and not (
                    r.kind == "light" and r.noun is not None and r.noun.dep_ not in sx.PASS_SUBJ) \
                    and not self.passive_self_mover(r, head):
                # "a ship that was seized by X": the noun the relative pronoun stands for
                objs.append(head.head if _is_relative(c) and head.dep_ == "relcl" else c)
        if h.i == head.i and head.dep_ == "acl" and head.tag_ == "VBN" and head.head.i < head.i \
                and not sx.children(head, *sx.OBJ) and head.head.pos_ in ("NOUN", "PROPN") \
                and head.head.dep_ != "ROOT":      # (a noun root: the verb is the main one)
            objs.append(head.head)    # a reduced passive: "the rebels, backed by X"
        return objs

    def _recipients(self, h: Token) -> list[Token]:
        """Who receives a thing given: the indirect object ("gave X weapons") or an actor
        object with a "with" phrase ("provided X with weapons", "with" on the verb or on
        the object)."""
        objs = [c for c in h.children if c.dep_ == "dative"]
        # "provided X with weapons" ("with" on the verb or on the object): X receives
        objs.extend(c for c in h.children if c.dep_ in ("dobj", "obj") and (
            sx.preps(h, "with") or sx.preps(c, "with")) and self.is_actor(c))
        return objs

    def _object_targets(self, r: Reading, h: Token, objs: list[Token],
                        trigger_ids: set[int]) -> Optional[list[Token]]:
        """The first object that can be a target; a wrapped object is judged by what it wraps
        ("a state of emergency": no actor)."""
        wrapped = [(o, _unwrap(o)) for o in objs]
        good = [w if w.i not in trigger_ids else o for o, w in wrapped
                if (self.target_ok(w) if w.i != o.i else self.target_ok(o))]
        return self._expand(good[:1]) if good else None

    def _partner_targets(self, r: Reading, h: Token, objs: list[Token],
                         trigger_ids: set[int]) -> Optional[list[Token]]:
        """For a reciprocal sense, the partner named by "with" on the object: "shared
        intelligence with X on Y", "exchanged prisoners with X": X."""
        if not r.symmetric:
            return None
        partners = [g for o in sx.children(h, *sx.OBJ) for p, g in sx.preps(o, "with")
                    if p.i > h.i and self.is_actor(g) and g.i not in trigger_ids]
        return self._expand(partners[:1]) if partners else None

    def _verb_prep_targets(self, r: Reading, h: Token, objs: list[Token],
                           trigger_ids: set[int]) -> Optional[list[Token]]:
        """A preposition of aim on the head ("protested against X", "sent aid to X"; for a
        sense whose object is a thing given, "to", "for" ... and a "with" partner: "shared
        intelligence with X")."""
        preps = THEME_TARGET_PREPS if r.theme else TARGET_PREPS
        ps = [(p, g) for p, g in sx.preps(h, *preps)]
        if r.theme:      # "shared intelligence with X": a partner named by "with" on the verb
            ps += [(p, g) for p, g in sx.preps(h, "with") if p.i > h.i and self.is_actor(g)]
        good = [g for p, g in ps if self.target_ok(g) and g.i not in trigger_ids]
        return self._expand(good[:1]) if good else None

    def _maker_targets(self, r: Reading, h: Token, objs: list[Token],
                       trigger_ids: set[int]) -> Optional[list[Token]]:
        """Who made an object, or whom a preposition on it names (:meth:`_object_makers`),
        for the head's objects, its passive subject (unless it moves itself) and, for a
        complement noun, the noun itself: "will no longer tolerate rallies by X"."""
        # prepositions on the object: "sent medical aid to Freedonia", "reneged on its
        # promise to the voters"; who made the object: "rejected calls by X", "accepted
        # demands from X", "investigated crimes by X against Y"
        inner = [c for c in h.children if c.dep_ in ("dobj", "obj") or (
            c.dep_ == "nsubjpass" and not self.passive_self_mover(r, h))]
        inner += [_unwrap(o) for o in inner]
        if h.i != r.head.i and h.pos_ == "NOUN":
            inner.append(h)      # a complement's object: "will no longer tolerate rallies by X"
        for o in inner:
            good = [g for g in self._object_makers(r, h, o) if self.target_ok(g) and g.i not in trigger_ids]
            if good:
                return self._expand(good[:1])
        return None

    def _object_makers(self, r: Reading, h: Token, o: Token) -> list[Token]:
        """Candidates named on one object ``o`` of head ``h``: its "by"/"from" phrase
        ("rejected calls by X", "accepted demands from X"), also when the parser hung "by"
        on an active verb; the doer of a deed reacted to ("denounced the fines imposed by
        X"); a preposition of aim on it ("reneged on its promise to X"); for an accusation,
        "over"/"at"/"about" ("voiced anger at X")."""
        ps2 = [] if r.theme else [g for p, g in sx.preps(o, "by", "from")]
        v = o.head
        if not r.theme and o.dep_ in sx.OBJ and v.pos_ == "VERB" and not sx.is_passive(v) and not (
                v.dep_ == "xcomp" and sx.is_passive(v.head) and not sx.agents(v.head)):
            # the parser hangs the object's "by" phrase on an active verb: "tolerate
            # rallies by X" (an active verb has no agent; but under a passive without
            # one, "were allowed to visit the camps by X", it is the passive's agent)
            ps2 += [g for p, g in sx.preps(v, "by") if p.dep_ == "prep" and g.pos_ in ("PROPN", "NOUN")]
        if r.type in DEED_REACTION_TYPES:
            ps2 += self._doer_of_deed(o)
        ps2 += [g for p, g in sx.preps(o, *THEME_TARGET_PREPS, "against", "on", "with", "of", "among",
                                       "between")]
        if r.type == "ACCUSE" and o.dep_ in sx.OBJ:
            # "expressed concern over X's programme", "voiced anger at X"
            ps2 += [g for p, g in sx.preps(o, "over", "at", "about") + sx.preps(h, "over", "at", "about")]
        return ps2

    def _event_noun_prep_targets(self, r: Reading, h: Token, objs: list[Token],
                                 trigger_ids: set[int]) -> Optional[list[Token]]:
        """An event noun after a preposition on the head names the target: whoever did the
        deed inquired into or protested over (:meth:`_doers_inquired_into`; "into" and
        "over" only for a reaction to a deed), or the parties of the event
        (:meth:`_parties_of_event_noun`): "mediated in the dispute between X and Y"."""
        deed_reaction = r.type in DEED_REACTION_TYPES
        for p, o in sx.preps(h):
            if o.pos_ != "NOUN" or p.i < h.i or p.lower_ not in ("on", "upon", "to", "with", "for", "against",
                                                                  "in", *(("into", "over") if deed_reaction else ())):
                continue
            if p.lower_ in ("into", "over"):
                ps2 = self._doers_inquired_into(o)
            else:
                ps2 = self._parties_of_event_noun(r, p, o)
            good = [g for g in ps2 if self.target_ok(g) and g.i not in trigger_ids]
            if good:
                return self._expand(good[:1])
        return None

    def _doers_inquired_into(self, o: Token) -> list[Token]:
        """"an inquiry into the shelling of a school by X", "protested over the detention of
        Y by X": X; "an inquiry into an allegation by Z that X ...": X."""
        subj = self._clause_subject(o)
        ps2 = [subj] if subj is not None else self._doer_of_deed(o)
        if subj is None and _lemma(o) not in CLAIM_NOUNS:
            ps2 = [g for p2, g in sx.preps(o, "by") if self.is_actor(g)] + ps2
        return ps2

    def _parties_of_event_noun(self, r: Reading, p: Token, o: Token) -> list[Token]:
        """The parties of an event noun ``o`` after preposition ``p``: who made it first
        ("agreed to a request by X for troops"), whom it is aimed at ("fought in the war
        against X"), the sides of a dispute ("mediate in the dispute between X and Y",
        "called for a truce between X and Y"); failing those, who undergoes the event asked
        for ("called for the release of X")."""
        # "mediate in the dispute between X and Y", "fought in the war against X";
        # who made it first: "agreed to a request by X for troops"
        ps2 = [] if r.theme else [g for p2, g in sx.preps(o, "by", "from") if self.is_actor(g)]
        # "called for a ceasefire between X and Y": the parties of a reciprocal event
        between = p.lower_ == "in" or (p.lower_ == "for" and self._reciprocal_noun(o))
        ps2 += [g for p2, g in sx.preps(o, *THEME_TARGET_PREPS, "against", "with", *(
            ("between",) if between else ()))]
        if not ps2 and noun_entry(o, self.lex, as_object=True) is not None:
            # "called for the release of X": who undergoes the event asked for
            ps2 = [g for p2, g in sx.preps(o, "of")]
        return ps2

    def _demand_subject(self, r: Reading, h: Token, objs: list[Token],
                        trigger_ids: set[int]) -> Optional[list[Token]]:
        """On the reading's own noun, the subject of its that-clause: "reiterated its demand
        that X ease ..."."""
        if h.i == (r.noun.i if r.noun is not None else -1):
            subj = self._clause_subject(h)       # "reiterated its demand that X ease ..."
            if subj is not None:
                return self._expand([subj])
        return None

    def _struck_thing(self, r: Reading, h: Token, objs: list[Token],
                      trigger_ids: set[int]) -> Optional[list[Token]]:
        """For an assault or coercion, the thing struck when no actor is named: the named
        place it is in or leads to ("blew up bridges leading into X": X, noted as a place),
        else the thing itself."""
        rest = [o for o in objs if o.i not in trigger_ids and o.pos_ in ("NOUN", "PROPN")
                and _unwrap(o).i == o.i and noun_entry(o, self.lex, as_object=True) is None]
        if rest and r.type in ("ASSAULT", "COERCE") and h.i == r.head.i:
            place = self._named_place_in(rest[0])
            if place is not None:      # "blew up bridges leading into X": the place
                self._places.add(place.i)
                return [place]
            return self._expand(rest[:1])
        return None

    @staticmethod
    def _pronoun_addressee(verb: Token) -> bool:
        """A verb whose direct object is a personal pronoun followed by a to-infinitive
        ("urged them to leave", "told him to resign", "warned it not to ..."): the pronoun is
        whom the act is aimed at, so nothing in the infinitive's clause is."""
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lower_ in sx.OBJECT_PRONOUNS]
        if not objs:
            return False
        return any(c.dep_ in ("xcomp", "ccomp") and c.i > objs[0].i and has_to_infinitive(c) for c in verb.children)

    def _infinitive_content_target(self, noun: Token) -> list[Token]:
        """Whom the to-infinitive that says what an event noun is about is aimed at: "X's
        threat to cut off supplies to Y", "X's refusal to negotiate with Y", "an offer to
        mediate between Y and Z"."""
        for c in noun.children:
            if c.dep_ != "acl" or c.i < noun.i or c.pos_ != "VERB" or not has_to_infinitive(c) \
                    or sx.children(c, *sx.SUBJ):
                continue
            # (one's own people are no target: "X's refusal to withdraw its troops")
            found = [o for o in sx.children(c, *sx.OBJ) if self.is_actor(o) and not any(
                g.dep_ == "poss" and g.lower_ in sx.PRONOUNS for g in o.children)]
            found += [g for p, g in sx.preps(c, *TARGET_PREPS) if p.lower_ != "from" and self.is_actor(g)]
            for o in sx.children(c, *sx.OBJ):        # "to cut off supplies to Y"
                found += [g for p, g in sx.preps(o, *THEME_TARGET_PREPS) if self.is_actor(g)]
            if found:
                return found[:1]
        return []

    @staticmethod
    def _exchanged(r: Reading, obj: Token) -> bool:
        """The thing two sides exchange, named by the object a reciprocal sense requires
        ("exchanged prisoners with X", "shared intelligence with X"): no party."""
        objs = r.entry.cond.objs
        return r.symmetric and obj.head.i == r.head.i and objs is not None and _lemma(obj) in objs

    def _doer_of_deed(self, thing: Token) -> list[Token]:
        """Who did a deed that is reacted to: the agent of a participle on it ("denounced the
        sanctions imposed by X", "dismissed the charges made by X") or, for an event noun,
        the "by" phrase the parser hangs on the "of" object of a deed noun ("condemned the
        shelling of a hospital by X", "the treatment of prisoners by X"): X, not the hospital."""
        out = sx.participle_agents(thing)
        if thing.pos_ == "NOUN" and not self.is_actor(thing):
            out += self.deed_agents(thing)
        return [g for g in out if self.is_actor(g)]

    def _host_of_own_envoy(self, verb: Token, objs: list[Token]) -> Optional[Token]:
        """"recalled its ambassador from X", "withdrew their envoys to X": an object that is
        the subject's own diplomat names no target; the country it is posted to (or from)
        does."""
        for o in objs:
            if not self._own_envoy(o):
                continue
            for p, g in sx.preps(o, "from", "to", "in") + sx.preps(verb, "from", "to", "in"):
                if g.pos_ == "PROPN" and self.is_actor(g):
                    return g
        return None

    def _own_envoy(self, tok: Token) -> bool:
        """"its ambassador", "their envoys": a diplomat of the subject's own."""
        return _lemma(tok) in self.lex.classes.get("diplomat", frozenset()) and any(
            c.dep_ == "poss" and c.lower_ in sx.PRONOUNS for c in tok.children)

    @staticmethod
    def _named_place_in(thing: Token) -> Optional[Token]:
        """A named place a thing is in or leads to ("bridges leading into X", "targets in X"):
        within the thing's own phrase, through a preposition or a participle."""
        frontier = [thing]
        for _ in range(2):
            nxt = []
            for t in frontier:
                for p, g in sx.preps(t, *LOCATIVE_PREPS):
                    if g.pos_ == "PROPN" and g.ent_type_ in ("GPE", "LOC"):
                        return g
                nxt += [c for c in t.children if c.dep_ == "acl" and c.pos_ == "VERB"]
            frontier = nxt
        return None

    @staticmethod
    def _clause_subject(noun: Token) -> Optional[Token]:
        """The subject of a noun's that-clause ("the demand that X withdraw")."""
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" for g in c.children):
                subj = sx.first_child(c, *sx.SUBJ)
                if subj is not None:
                    return subj
        return None


def _controlled(obj: Token) -> Token:
    """"seized control of the airport", "wrested control of two towns": what is taken is
    the "of" object of "control" (the object of a verb)."""
    if _lemma(obj) == "control" and obj.dep_ in ("dobj", "obj"):
        found = [g for p, g in sx.preps(obj, "of") if g.pos_ in ("NOUN", "PROPN")]
        if found:
            return found[0]
    return obj
