"""Actor phrases of the event coder (a part of :class:`~.coder.Coder`).

Reads argument tokens found by :mod:`.sources` and :mod:`.targets`; decides
whether a phrase names an actor (or a thing standing for one), expands it to
the actors it names ("X and Y officials", "President X's government"), trims
its span ("war-torn Ruritania") and writes :class:`~newsledger.model.ActorRef`
objects with the actor id from the actors stage.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...model import ActorRef
from . import syntax as sx
from .readings import _lemma

#: adjectives that belong to an actor's name ("ethnic Albanians")
KEEP_ADJ = frozenset({"ethnic", "national", "federal", "royal", "civil", "armed", "central", "interim",
                      "provisional", "transitional", "supreme", "joint", "united", "islamic", "democratic",
                      "popular", "revolutionary", "republican", "socialist", "communist", "liberal",
                      "conservative", "nationalist", "militant", "radical", "ruling", "governing"})
#: institutions that may be named after their leader ("President X's government")
GOVERNMENT_NOUNS = frozenset({"government", "regime", "administration", "cabinet", "junta"})
#: groups sent on someone's behalf: "a delegation from X" is X's
DELEGATION_NOUNS = frozenset({"delegation", "mission", "team", "panel", "commission"})
#: nouns whose "of" names whom an actor acts for ("on behalf of X", "in the name of X")
PRINCIPAL_NOUNS = frozenset({"behalf", "name"})
#: nouns of a country's standing, not places: "the independence of X" stands for X
STATUS_NOUNS = frozenset({"independence", "sovereignty", "autonomy", "statehood", "integrity", "unity",
                          "security", "stability"})
#: verbs of a vehicle carrying people ("a bus carrying pilgrims")
CARRY_VERBS = frozenset({"carry", "transport", "ferry", "evacuate"})
#: generic heads after an organisation's name: the name is the actor ("the Freedom Front group")
GENERIC_ORG_NOUNS = frozenset({"group", "movement", "organization", "organisation", "network", "faction",
                               "outfit"})


class ActorPhrases:
    """The actor-phrase part of :class:`~.coder.Coder`; uses ``self.doc``, ``self.text``,
    ``self.lex``, ``self.actors``, ``self.actor_nouns``, ``self.non_actor`` and
    ``self._span_hi``."""

    def is_actor(self, tok: Token) -> bool:
        """Whether the phrase headed by ``tok`` names someone who could act."""
        if tok.pos_ == "NOUN" and _lemma(tok) in self.non_actor:
            return False
        if tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "ORG", "PERSON", "NORP") and any(
                c.dep_ == "compound" and _lemma(c) in self.non_actor for c in tok.children):
            return False
        return sx.actor_like(tok, self.actor_nouns)

    @staticmethod
    def _named_apposition(tok: Token) -> Token:
        """"its neighbour, Westland", "the opposition party, the Freedom Front", "X's ally,
        Westland", "the group's leader, Jon Brask": a common noun with a name in apposition
        is the name.  A possessor names someone else (whose ally, whose leader), so it does
        not stop the apposition; a name inside the phrase does ("the UN refugee agency,
        UNHCR" stays whole).  A person's name counts only after a comma ("the group's
        leader Jon Brask" is one title-and-name phrase)."""
        if tok.pos_ != "NOUN" or any(c.dep_ in ("compound", "amod", "nmod") and (
                c.pos_ == "PROPN" or c.ent_type_ in sx.ACTOR_ENTS) for c in tok.children):
            return tok       # already named: "the UN refugee agency, UNHCR"
        for c in tok.children:
            if c.dep_ != "appos" or c.i <= tok.i or c.pos_ != "PROPN":
                continue
            if c.ent_type_ in ("GPE", "ORG", "NORP"):
                return c
            if c.ent_type_ == "PERSON" and any(tok.doc[k].text == "," for k in range(tok.i + 1, c.left_edge.i)):
                return c
        return tok

    def _modifier_actor(self, tok: Token) -> Token:
        """For a thing named after an actor ("an Indian proposal", "Haiti's efforts", "Israeli
        military policies", "Iraqi towns") or belonging to one ("the offices of the
        opposition party"), the actor; else ``tok``.  A place with a name ("the republic of
        Ruritania") stays whole; a country's standing ("the independence of X") is X.  When
        the actor modifier is followed by actor nouns before the head ("Ruritanian army
        barracks"), they belong to the actor's span (see :meth:`actor_ref`)."""
        if tok.pos_ != "NOUN" or tok.ent_type_ in sx.ACTOR_ENTS or _lemma(tok) in self.actor_nouns \
                or _lemma(tok) in PRINCIPAL_NOUNS:
            return tok             # "on behalf of X": X is whom the actor acts for, no target
        named = [g for _, g in sx.preps(tok, "of") if g.pos_ == "PROPN"]
        if any(g.ent_type_ in ("GPE", "LOC", "FAC") for g in named):
            # (not a country's standing: "recognized the independence of X" is aimed at X)
            return named[0] if _lemma(tok) in STATUS_NOUNS else tok
        for c in sorted(tok.children, key=lambda c: c.i):
            if c.dep_ not in ("compound", "amod", "poss", "nmod") or c.i > tok.i:
                continue
            if c.ent_type_ in sx.ACTOR_ENTS or c.pos_ == "PROPN":
                self._extend_modifier(c, tok)
                return c
            if _lemma(c) in self.actor_nouns and any(g.ent_type_ in sx.ACTOR_ENTS or g.pos_ == "PROPN"
                                                    for g in c.children):
                return c
            if c.dep_ == "poss" and c.pos_ == "NOUN" and c.lower_ not in sx.PRONOUNS and self.is_actor(c):
                return c                       # "the government's decision", "the rebels' plan"
            if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == tok.i - 1 and _lemma(c) in self.actor_nouns \
                    and _lemma(tok) in self.non_actor:
                return c                       # "rebel strongholds", "army positions"
        if tok.lower_ == tok.text and _lemma(tok) not in self.lex.nouns:
            # "the offices of the party"; "towns held by the rebels" (the agent of a participle);
            # not a deed done to someone by another ("the execution of an activist by X")
            ofs = [] if self._deed_by_another(tok) else [g for _, g in sx.preps(tok, "of")]
            owners = [g for g in ofs + sx.participle_agents(tok) if g.pos_ in ("NOUN", "PROPN") and (
                g.ent_type_ in sx.ACTOR_ENTS or g.pos_ == "PROPN" or _lemma(g) in self.actor_nouns)
                and self.is_actor(g)]
            if owners:
                return owners[0]
            riders = self._carried(tok)
            if riders is not None:         # "a bus carrying pilgrims"
                return riders
        return tok

    @staticmethod
    def deed_agents(tok: Token) -> list[Token]:
        """The "by" phrase of a deed noun, where the parser may hang it: on the noun ("the
        beating of students by police"), on its "of" object ("the execution of an activist
        by X") or on the active verb the noun is the object of ("condemned the execution of
        an activist by X")."""
        found = [g for p, g in sx.preps(tok, "by") if p.dep_ in ("prep", "agent")]
        found += [g for _, of in sx.preps(tok, "of") for p, g in sx.preps(of, "by") if p.dep_ in ("prep", "agent")]
        verb = tok.head
        if tok.dep_ in sx.OBJ and verb.pos_ == "VERB" and not sx.is_passive(verb):
            found += [g for p, g in sx.preps(verb, "by") if p.i > tok.i]
        return [g for g in found if g.pos_ in ("NOUN", "PROPN") and not sx.is_measure(g)]

    def _deed_by_another(self, tok: Token) -> bool:
        """Whether a noun with an "of" phrase names a deed done by someone named ("the
        execution of an activist by X"): the "of" phrase then names no owner."""
        return any(self.is_actor(g) for g in self.deed_agents(tok))

    def _carried(self, vehicle: Token) -> Optional[Token]:
        """Who a vehicle carries ("a bus carrying Freedonian pilgrims", "a convoy
        transporting refugees"): those aboard stand for it as a target."""
        for c in vehicle.children:
            if c.dep_ == "acl" and c.tag_ == "VBG" and c.i > vehicle.i and _lemma(c) in CARRY_VERBS:
                for o in sx.children(c, *sx.OBJ):
                    o = sx.descend_quantity(o)
                    if self.is_actor(o):
                        return o
        return None

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
    def _sender(tok: Token) -> Token:
        """An unnamed delegation stands for whoever sent it ("a mission of observers from the
        OSCE", "a delegation from Ruritania"); a named one keeps its name ("the EU
        delegation")."""
        if tok.pos_ != "NOUN" or _lemma(tok) not in DELEGATION_NOUNS or any(
                c.dep_ in ("compound", "amod", "nmod", "poss") and (c.pos_ == "PROPN" or c.ent_type_ in sx.ACTOR_ENTS)
                for c in tok.children):
            return tok
        # ("a team of inspectors from X": the phrase may hang on the members)
        members = [g for _, g in sx.preps(tok, "of") if g.pos_ == "NOUN"]
        froms = sx.preps(tok, "from") + [pg for m in members for pg in sx.preps(m, "from")]
        if tok.dep_ in ("dobj", "obj"):     # "received a delegation from X" ("from" on the verb)
            froms += [(p, g) for p, g in sx.preps(tok.head, "from") if p.i > tok.i]
        for _, g in froms:
            if g.pos_ == "PROPN" or g.ent_type_ in sx.ACTOR_ENTS:
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
            t = self._sender(self._leader(sx.descend_quantity(t)))
            group = self._coordinated_modifiers(t) or sx.conjuncts(t)
            # "pardon the president and queue behind him": a bare singular common noun
            # (no determiner or modifier) is no noun phrase of its own but a mis-tagged verb
            group = group[:1] + [c for c in group[1:] if not (
                c.tag_ == "NN" and not self.is_actor(c) and not any(
                    g.dep_ in ("det", "poss", "amod", "compound", "nummod", "nmod") for g in c.children))]
            # "the US and other developed nations": the named actor, not the class it belongs to
            if len(group) > 1 and group[0].pos_ == "PROPN":
                group = group[:1] + [c for c in group[1:] if not (
                    c.pos_ == "NOUN" and any(g.lower_ == "other" and g.dep_ in ("amod", "det") for g in c.children))]
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
        key = tok
        if tok.pos_ == "NOUN" and tok.is_lower and _lemma(tok) in GENERIC_ORG_NOUNS and hi == tok.i + 1:
            # "the radical Freedom Front movement", "the Liberty (Azadi) group": the name
            names = [c for c in tok.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
                     and c.i < tok.i]
            if names:
                name = max(names, key=lambda c: c.i)
                sub = {g.i for g in name.subtree}
                if all(k in sub or self.doc[k].is_punct for k in range(name.i + 1, tok.i)):
                    left = min([name.left_edge.i] + [a.left_edge.i for a in tok.children
                                                     if a.dep_ in ("amod", "compound", "nmod") and a.i < name.i])
                    while left < name.i and (self.doc[left].pos_ in ("DET", "PUNCT")
                                             or self.doc[left].lower_ in sx.LOOSE_MODIFIERS):
                        left += 1
                    lo, hi, key = left, name.i + 1, name
        if trim:
            lo = self._trim_comment(lo, tok)
        if tok.pos_ == "NOUN" and key.i == tok.i:   # "the minister's wife, Maria Lopez": the person named
            for c in tok.children:
                if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i >= hi and c.i - hi <= 3:
                    hi = max(hi, max(g.i for g in c.subtree if g.ent_type_ == "PERSON") + 1)
                    key = c
                    break
        elif tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON":
            # "the Minister for Trade Ana Lund": a title, then (with no comma) the name
            for c in tok.children:
                if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.left_edge.i == hi and c.i >= hi:
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
                if t.pos_ == "NOUN" and _lemma(t) in self.actor_nouns and lo + 1 < tok.i and \
                        doc[lo + 1].is_lower and doc[lo + 1].pos_ == "NOUN":
                    break                      # "opposition leader X", "rebel commander X": whose leader
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


def _is_relative(tok: Optional[Token]) -> bool:
    return tok is not None and tok.lower_ in sx.RELATIVE and tok.tag_ in ("WP", "WDT", "WP$")
