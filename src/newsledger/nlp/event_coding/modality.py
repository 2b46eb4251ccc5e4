"""Tense and modality of a coded predicate (a part of :class:`~.coder.Coder`).

Reads the auxiliaries, negation, conditions, plans and reporting verbs around a
:class:`~.readings.Reading`'s head; writes its ``modality`` ("asserted",
"negated", "hypothetical", "planned", "reported") and ``attributed_to``, and
retypes what tense changes ("will send aid" is AGREE, "X said Y must do Z" a
REQUEST by X of Y, "can no longer accept" a REJECT).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from . import syntax as sx
from .lexicon import COOPERATIVE, HOSTILE
from .readings import Reading, _lemma, _retype

#: reflexive objects of the idiom "X has only itself to blame"
REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "themself", "ourselves", "myself",
                        "yourself", "yourselves"})


class Modality:
    """The tense and modality part of :class:`~.coder.Coder`; uses ``self.lex``,
    ``self.doc``, ``self.table``, ``self.claims`` and :meth:`~.sources.Sources._governing_verb`."""

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
        if obligation and r.type is not None and (r.type != "REQUEST" or "obligation" in r.entry.flags) \
                and speaker is not None:
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
        """The modality a verb gives to an event noun it governs: "if X had honoured the
        truce" and "the massacre would not have happened" are hypothetical, "did not sign
        the agreement" is negated; None when nothing marks it."""
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
            return False   # "X had only itself to blame": an accusation, not an obligation
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
                # "X was to deploy": root "was" with xcomp? the parser sometimes makes "to" aux of head
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
        table = self.table
        sent = table.sentence(head.i)
        root = sent.root
        if root.i != head.i and _lemma(root) in self.lex.reports and head.i < root.i:
            for c in root.children:
                if c.dep_ in ("ccomp", "parataxis") and table.dominates(c.i, head.i):
                    return sx.first_child(root, *sx.SUBJ), True
        for prep, obj in sx.preps(root, "according"):
            return obj, True
        for k in table.with_lower("according", sent.start, sent.end):
            tok = self.doc[k]
            if tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
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


def _reflexive(xcomp: Token) -> bool:
    """"had itself to blame": a reflexive object of "have" (or, in a misparse, subject of the
    infinitive)."""
    return any(c.lower_ in REFLEXIVES for c in xcomp.head.children if c.dep_ in ("dobj", "obj")) or any(
        c.lower_ in REFLEXIVES for c in xcomp.children if c.dep_ in sx.SUBJ)


def _no_longer(tok: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
               for c in tok.children)
