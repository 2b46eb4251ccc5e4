"""Sources of a coded event (a part of :class:`~.coder.Coder`).

Reads a :class:`~.readings.Reading` and the parse around it; writes the tokens
that head its source actors: the subject, the agent of a passive (or an agent
the clause still names: the forces of "troops were withdrawn", the state of
"was arrested in X"), a subject the parser lost, the speaker for a pronoun in a
reported clause, the possessor or "by" phrase of an event noun (also when that
noun is the subject: "X's attack on Y killed ..."), the possessor of the noun a
to-infinitive completes ("X's decision to expel ..."), the "from" phrase of "came
under attack from Y", the passive subject that does a to-infinitive ("X is expected to
attack", "aid workers were allowed to visit") and the agent hung on that infinitive
("refugees were allowed to return by X").  An event noun of time, cause or topic
("retaliated after the attack") takes no source from its clause; one that is received,
undergone or drawn ("X received aid from Y", "X drew criticism from Y") takes only its
"from" phrase; the "from" phrase of a non-moving event noun ("threats from X") is its
source.  The antecedent of a "whose" clause acts through its people ("X, whose troops
attacked Y": X), the focus of a cleft acts ("It was X that attacked Y": X), the object
of a verb that holds someone to account for a deed or asks it of them does the deed
("blamed X for the bombing", "asked X for assistance": X), and a "by" phrase the parser
hung on a deed noun's "of" object names its doer ("the arrest of Y by X": X).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..grammar import has_to_infinitive
from . import syntax as sx
from .actor_phrases import _is_relative
from .readings import Reading, _lemma, _unwrap, noun_entry, verb_reading

#: types of a verb that holds its object to account for a deed or asks a deed of it
#: ("blamed X for", "praised X for", "arrested X for", "asked X for")
ACCOUNTING_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "COERCE", "SANCTION"})
#: prepositions of a topic ("spoke about the bombing")
TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
#: RETREAT modes whose undergoer is the actor ("troops were withdrawn": the troops withdraw)
SELF_MOVING_MODES = frozenset({"withdraw", "demobilize", "disarm"})
#: COERCE modes only a state exercises: an agentless "arrested in X" was done by X
STATE_POWER_MODES = frozenset({"arrest", "expel"})
#: types of event noun whose "from" phrase names who does it ("threats from X"), not a place
#: or party left ("the withdrawal from X", "expulsion from X", "rocket fire from X")
FROM_SOURCE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "REQUEST", "ACCUSE",
                               "REJECT", "THREATEN", "PROTEST", "SANCTION"})
#: "X released a statement": a following agentless passive speech act is X's
#: the people a body acts through, besides its forces: "Ruritania, whose agents kidnapped
#: X" is Ruritania acting (see :meth:`Sources._whose_antecedent`)
WHOSE_PEOPLE = frozenset({"fighter", "militiaman", "supporter", "follower", "man", "member", "agent",
                          "operative", "gunman", "loyalist", "policeman", "officer", "commando", "paratrooper",
                          "sniper", "guerrilla", "guerilla", "militant"})
STATEMENT_VERBS = frozenset({"release", "issue", "publish", "make", "put"})
STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "note", "report", "letter"})


class Sources:
    """The source-finding part of :class:`~.coder.Coder`; uses ``self.doc``, ``self.lex``,
    ``self.actors``, :class:`~.actor_phrases.ActorPhrases` and
    :meth:`~.modality.Modality.reporter`."""

    def subjects(self, r: Reading) -> list[Token]:
        if r.no_source:
            return []
        if r.kind == "noun":
            return self.noun_sources(r)
        if r.source_head is not None and r.source_head.pos_ not in ("VERB", "AUX", "ADJ"):
            return self._expand([r.source_head])     # a speaker ("X said Y must ...")
        head = r.source_head or r.head
        passive_ok = r.source_head is None
        if r.source_head is not None and r.head.head.i == r.source_head.i:
            controller = self._passive_controller(r.head)
            if controller is not None:    # "X is expected to attack Y": X
                return self._expand([controller])
        for _ in range(5):
            if passive_ok and sx.is_passive(head):
                if r.kind == "light" and r.noun is not None and _is_under(r.noun) \
                        and sx.children(head, *sx.PASS_SUBJ):
                    # "X was placed under arrest": whoever placed X, if named
                    return self._expand(sx.agents(head)[:1])
                if r.kind == "light" and r.noun is not None and r.noun.dep_ not in sx.PASS_SUBJ:
                    # "were engaged in heavy fighting": the light verb's subject acts
                    return self._expand(sx.children(head, *sx.PASS_SUBJ)[:1])
                agents = sx.agents(head) or self._infinitive_agent(head)
                if not agents:
                    return self._expand(self._implicit_agent(r, head))
                return self._expand(agents[:1])
            subj = sx.subject(head)
            if subj is None and head.dep_ in ("ROOT", "conj") and head.tag_ in ("VBD", "VBZ", "VBP") \
                    and not sx.is_passive(head):
                left = self._left_subject(head)   # the parser lost the subject: "X, on May 2, launched"
                if left:
                    return self._expand(left)
            if subj is not None:
                if _is_relative(subj) and head.dep_ == "relcl":
                    return self._expand([head.head])
                owner = self._whose_antecedent(subj, head)
                if owner is not None:       # "X, whose troops attacked Y": X
                    return self._expand([owner])
                focus = self._cleft_focus(subj, head)
                if focus is not None:       # "It was X that attacked Y": X
                    return self._expand([focus])
                agents = self._event_subject_agents(subj)
                if agents:      # "X's attack on Y killed ten people": X
                    return agents
                return self._expand([self._resolve_pronoun(subj, head)])
            dep = head.dep_
            if dep == "acl" and head.tag_ == "VBN":
                agents = sx.agents(head)
                if agents:                               # "the rebels, backed by X": X
                    return self._expand(agents[:1])
            if dep == "acl":
                noun = head.head
                owner = self._intent_owner(head)
                if owner is not None:       # "X's decision to expel Y": X
                    return self._expand([owner])
                verb = self._governing_verb(noun)
                if _lemma(noun) in STATEMENT_NOUNS and verb is not None and sx.first_child(verb, *sx.SUBJ):
                    # "X issued a declaration demanding ...": the issuer speaks
                    head, passive_ok = verb, True
                    continue
                if noun.dep_ == "ROOT" or head.tag_ in ("VBG", "VBD"):
                    return self._expand([noun])          # "Doctors ... donated" (a parse of a noun root)
                root = head.sent.root
                if root.pos_ in ("NOUN", "PROPN") and self.is_actor(root) and not sx.is_passive(head):
                    # the sentence has no verb root: its verb was parsed as a participle deeper in
                    # the subject ("Nurses from two charities donated ..."); the subject runs up to
                    # that verb
                    self._subject_up_to(root, head)
                    return self._expand([root])
                return []                                # "vehicles transported": no agent
            if dep == "relcl":
                return self._expand([head.head])
            controller = self._passive_controller(head)
            if controller is not None:    # "aid workers were allowed to visit": the workers visit
                return self._expand([controller])
            if dep in ("acomp", "xcomp", "conj", "advcl", "ccomp", "pcomp", "attr") and head.head.i != head.i:
                head = head.head
                if dep == "pcomp" and head.dep_ == "prep":
                    head = head.head
                passive_ok = True
                continue
            break
        return []

    def _whose_antecedent(self, subj: Token, verb: Token) -> Optional[Token]:
        """The actor a "whose" relative clause hangs on, when its subject is that actor's
        forces or people: "Ruritania, whose troops attacked the village" (Ruritania acts
        through its troops; the troops are no actor of their own).  Any other subject acts
        itself: "the senator, whose aide attacked a reporter" (the aide attacked)."""
        if verb.dep_ != "relcl" or not any(c.dep_ == "poss" and c.lower_ == "whose" for c in subj.children):
            return None
        if _lemma(subj) not in self.lex.classes.get("force", frozenset()) | WHOSE_PEOPLE:
            return None
        owner = verb.head
        if owner.pos_ not in ("NOUN", "PROPN") or not self.is_actor(owner):
            return None
        return owner

    def _cleft_focus(self, subj: Token, verb: Token) -> Optional[Token]:
        """The actor a cleft sentence puts in focus: "It was X that attacked Y", "it is the
        rebels who ...": the relative subject stands for the predicate noun of "it was"
        (the parser hangs the clause on "was" as a complement)."""
        if not _is_relative(subj) or verb.dep_ not in ("ccomp", "relcl", "acl"):
            return None
        be = verb.head
        if verb.dep_ != "ccomp":
            be = be.head if verb.head.dep_ == "attr" else None
        if be is None or _lemma(be) != "be" or not any(c.dep_ in sx.SUBJ and c.lower_ == "it" for c in be.children):
            return None
        focus = [c for c in be.children if c.dep_ == "attr" and c.i < verb.i]
        if not focus or focus[0].pos_ not in ("NOUN", "PROPN") or not self.is_actor(focus[0]):
            return None
        return focus[0]

    def _passive_controller(self, verb: Token) -> Optional[Token]:
        """The one who does a to-infinitive under a passive verb: its passive subject ("aid
        workers were allowed to visit", "X is expected to attack", "X was forced to
        withdraw"), not the passive's agent."""
        if verb.dep_ != "xcomp" or not sx.is_passive(verb.head) or not has_to_infinitive(verb):
            return None
        subj = sx.first_child(verb.head, *sx.PASS_SUBJ)
        if subj is None or _is_relative(subj) or not self.is_actor(_unwrap(subj)):
            return None
        return _unwrap(subj)

    def _infinitive_agent(self, head: Token) -> list[Token]:
        """The agent of an agentless passive that the parser hung on its to-infinitive:
        "refugees were allowed to return by the authorities" (the authorities allow).  Only
        an actor: "were allowed to return by road" names a way."""
        for c in sx.children(head, "xcomp"):
            if c.pos_ == "VERB" and has_to_infinitive(c) \
                    and not sx.is_passive(c):
                found = [g for p, g in sx.preps(c, "by") if p.i > c.i and g.pos_ in ("NOUN", "PROPN")
                         and not sx.is_measure(g) and self.is_actor(g)]
                if found:
                    return found[:1]
        return []

    def _subject_up_to(self, root: Token, verb: Token) -> None:
        """Let the span of a noun root end where its misparsed verb starts (noted in
        ``self._span_hi``), when everything between belongs to the noun's phrase."""
        end = verb.left_edge.i
        while end > root.i + 1 and self.doc[end - 1].is_punct:
            end -= 1
        sub = {t.i for t in root.subtree}
        if end > root.i + 1 and end - root.i <= 12 and all(k in sub for k in range(root.i, end)):
            self._span_hi[root.i] = end

    def _implicit_agent(self, r: Reading, head: Token) -> list[Token]:
        """The agent of an agentless passive that the clause still gives: the parties of a
        reciprocal event ("a treaty was signed between X and Y"), the host of a
        summoned diplomat ("the ambassador to Beijing was summoned")."""
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
        if self.passive_self_mover(r, head):
            # "the troops were withdrawn", "guerrillas have been demobilized": who withdraws
            return [_unwrap(s) for s in sx.children(head, *sx.PASS_SUBJ) if self.is_actor(_unwrap(s))][:1]
        if r.type in ("COERCE", "SANCTION") and r.mode in STATE_POWER_MODES:
            # "X was arrested in Ruritania": the state where it happened holds the power
            # ("expelled from X": by X)
            preps = ("in", "from") if r.mode == "expel" else ("in",)
            places = [g for p, g in sx.preps(head, *preps) if g.pos_ == "PROPN" and g.ent_type_ == "GPE"]
            if places:
                return places[:1]
        diplomats = self.lex.classes.get("diplomat", frozenset())
        for subj in sx.children(head, *sx.PASS_SUBJ):
            if _lemma(subj) in diplomats:
                hosts = [g for p, g in sx.preps(subj, "to", "in") if self.is_actor(g)]
                if hosts:
                    return hosts[:1]
        return []

    @staticmethod
    def passive_self_mover(r: Reading, head: Token) -> bool:
        """An agentless passive of withdrawal, demobilization or disarmament: its subject is
        the one who withdraws (as the "of" argument of "the withdrawal of X" is), not a
        target."""
        return r.type == "RETREAT" and r.mode in SELF_MOVING_MODES and sx.is_passive(head) and not any(
            p.dep_ == "agent" for p, _ in sx.preps(head, "by"))

    def _same_side(self, tok: Token, verb: Token) -> bool:
        """Whether ``tok`` names the same country as the verb's subject ("Turkish officials
        warned that the Turkish troops would remain": the troops are no target)."""
        subj = sx.first_child(verb, *sx.SUBJ)
        if subj is None and verb.dep_ == "conj":
            subj = sx.first_child(verb.head, *sx.SUBJ)
        if subj is None:
            return False
        a, b = self._country_of(tok), self._country_of(subj)
        return a is not None and a == b

    def _unnamed_force(self, tok: Token) -> bool:
        """Forces named by no owner ("police", "the troops"): in a warning or promise they are
        the speaker's own means ("warned that police will not tolerate X"), not its target;
        "Ruritanian troops" or "the rebels' militia" name someone else."""
        if tok.pos_ != "NOUN" or _lemma(tok) not in self.forces or tok.ent_type_:
            return False
        return not any(c.dep_ in ("compound", "amod", "poss", "nmod") and (
            c.ent_type_ in sx.ACTOR_ENTS or c.pos_ == "PROPN" or (c.dep_ == "poss" and c.lower_ not in sx.PRONOUNS))
            for c in tok.children) and not sx.preps(tok, "of")

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
        (skipping adverbs, dates and one comma-delimited insertion): "Ruritania, on
        March 3, launched", "X and Y met"."""
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

    @staticmethod
    def _circumstance(noun: Token) -> bool:
        """An event noun in a phrase of time, cause or topic ("retaliated after the attack",
        "protested despite the ban", "talked about the bombing"): the clause's subject did
        not do it."""
        word = noun.head.lower_
        return noun.dep_ == "pobj" and (word in sx.CIRCUMSTANTIAL or word in TOPIC_PREPS) and word != "by"

    def _governing_verb(self, noun: Token) -> Optional[Token]:
        """The verb a noun is the object of (directly or through a preposition)."""
        h = noun.head
        if noun.dep_ in ("dobj", "obj", "attr", "oprd") and h.pos_ in ("VERB", "AUX"):
            return h
        if noun.dep_ == "pobj" and h.dep_ == "prep" and h.head.pos_ in ("VERB", "AUX"):
            return h.head
        return None

    def _event_subject_agents(self, subj: Token) -> list[Token]:
        """When a verb's subject is an event noun with an actor of its own ("X's attack on Y
        killed ten people", "clashes between X and Y left ten dead", "the bombing by X
        destroyed ..."), that actor; else nothing (the subject itself stays the source:
        "a roadside bombing killed ...")."""
        if subj.pos_ != "NOUN" or _lemma(subj) in self.actor_nouns:
            return []
        e = noun_entry(subj, self.lex)
        if e is None or e.type is None:
            return []
        # only an actor the phrase names as such: a possessor, a "by" agent, the sides
        # of a reciprocal event ("Ruritanian air strikes" keeps its modifier)
        owners = [c for c in subj.children if c.dep_ == "poss" and c.lower_ not in sx.PRONOUNS]
        owners = owners or [g for p, g in sx.preps(subj, "by")]
        if not owners and e.symmetric:
            owners = [g for p, g in sx.preps(subj, "between")]
        return self._expand([o for o in owners if self.is_actor(o)][:1])

    def _intent_owner(self, verb: Token) -> Optional[Token]:
        """The named possessor of the noun a to-infinitive completes: "X's decision to expel
        Y", "the rebels' refusal to disarm", "X's plan to send troops"."""
        if not has_to_infinitive(verb) or verb.i < verb.head.i:
            return None
        owners = [c for c in verb.head.children if c.dep_ == "poss" and c.lower_ not in sx.PRONOUNS
                  and self.is_actor(c)]
        return owners[0] if owners else None

    def _deed_of_object(self, noun: Token) -> Optional[Token]:
        """The object of a verb that holds someone to account for an event noun, or asks it
        of them ("blamed X for the bombing", "praised X for its help", "arrested two men for
        the attack", "asked X for assistance", "convicted X of the killing"): X does the
        event, not the verb's subject.  Not a verb that moves a thing ("sent troops for the
        offensive", "sent a delegation for talks": the subject talks)."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in ("for", "of") or prep.dep_ != "prep" \
                or prep.head.pos_ != "VERB":
            return None
        verb = prep.head
        rd = verb_reading(verb, self.lex)
        if rd is None or rd.theme or rd.type not in ACCOUNTING_TYPES:
            return None
        objs = [o for o in sx.children(verb, "dobj", "obj") if o.i < prep.i]
        if not objs or not (self.is_actor(objs[0]) or objs[0].lower_ in sx.OBJECT_PRONOUNS):
            return None
        return objs[0]

    @staticmethod
    def sides(noun: Token) -> list[Token]:
        """The parties of a reciprocal event noun: its "between" phrase, or the one the parser
        hangs on the verb it is the subject of ("clashes broke out between X and Y")."""
        found = [g for p, g in sx.preps(noun, "between")]
        if not found and noun.dep_ in sx.SUBJ and noun.head.pos_ == "VERB":
            found = [g for p, g in sx.preps(noun.head, "between") if p.i > noun.head.i]
        return found

    def receiving_verb(self, noun: Token) -> Optional[Token]:
        """The verb of receiving or undergoing ("received aid", "faced sanctions") or of
        drawing a reaction ("drew condemnation", "sparked protests") whose object is the
        event noun: its subject undergoes the event, and only a "from" phrase does it.

        An agreement, or an event with a "with" party, is no such thing: the subject is a
        party to it ("Ruritania secured a pact with Osterland", "won talks with the union")."""
        verb = noun.head
        if noun.dep_ not in sx.OBJ or verb.pos_ != "VERB" or sx.is_passive(verb):
            return None
        classes = self.lex.classes
        if _lemma(verb) not in classes.get("receive", frozenset()) | classes.get("elicit", frozenset()):
            return None
        if _lemma(noun) in classes.get("agreement", frozenset()) \
                or any(self.is_actor(g) for p, g in sx.preps(noun, "with")
                       + [(p, g) for p, g in sx.preps(verb, "with") if p.i > noun.i]):
            return None
        return verb

    def received(self, noun: Token) -> Optional[Token]:
        """Who undergoes an event noun that is the object of a verb of :meth:`receiving_verb`:
        the subject ("X received aid from Y", "X faced sanctions", "X drew criticism from Y");
        for a reaction drawn by a deed, whoever did the deed ("X's attack on Z drew
        condemnation": X)."""
        verb = self.receiving_verb(noun)
        if verb is None:
            return None
        subj = sx.first_child(verb, *sx.SUBJ)
        if subj is None and verb.dep_ == "conj":
            subj = sx.first_child(verb.head, *sx.SUBJ)
        if subj is None:
            return None
        if not self.is_actor(subj) and _lemma(verb) in self.lex.classes.get("elicit", frozenset()):
            doers = [c for c in subj.children if c.dep_ == "poss" and c.lower_ not in sx.PRONOUNS]
            doers += self.deed_agents(subj) + sx.participle_agents(subj)
            doers = [d for d in doers if self.is_actor(d)]
            return doers[0] if doers else None
        if not self.is_actor(subj):
            return None
        return self._resolve_pronoun(subj, verb)

    @staticmethod
    def under_attack(noun: Token) -> Optional[Token]:
        """"X came under attack from Y", "was under fire by Y": the verb whose subject
        undergoes the event noun (Y, through "from" or "by", acts)."""
        h = noun.head
        if noun.dep_ == "pobj" and h.lower_ == "under" and h.dep_ == "prep" and h.head.pos_ in ("VERB", "AUX") \
                and not sx.children(h.head, *sx.OBJ):     # ("placed X under arrest": X undergoes it)
            return h.head
        return None

    @staticmethod
    def placed_under(noun: Token) -> Optional[Token]:
        """"placed X under house arrest", "put the city under curfew": the object of the verb
        undergoes the event noun (the subject does it)."""
        h = noun.head
        if noun.dep_ == "pobj" and h.lower_ == "under" and h.dep_ == "prep" and h.head.pos_ == "VERB":
            objs = sx.children(h.head, *sx.OBJ)
            if objs and objs[0].i < h.i:
                return objs[0]
        return None

    def noun_sources(self, r: Reading) -> list[Token]:
        noun = r.noun or r.head
        verb = self.under_attack(noun)
        if verb is not None:
            return self._expand([g for p, g in sx.preps(noun, "from", "by") + sx.preps(verb, "from", "by")
                                 if self.is_actor(g)][:1])
        out: list[Token] = []
        for c in noun.children:
            if c.dep_ == "poss":
                if c.lower_ in sx.PRONOUNS:
                    doer = self._deed_of_object(noun)
                    if doer is not None and doer.lower_ not in sx.PRONOUNS | sx.OBJECT_PRONOUNS:
                        out.append(doer)    # "praised X for its help": X
                        continue
                    verb = self._governing_verb(noun)
                    subj = sx.first_child(verb, *sx.SUBJ) if verb is not None else None
                    if subj is not None:
                        out.append(self._resolve_pronoun(subj, verb))
                else:
                    out.append(c)
        if not out:
            out = [g for p, g in sx.preps(noun, "by")]
        if not out:   # "the arrest of X by police": the parser hangs "by" on X
            out = [g for g in self.deed_agents(noun) if self.is_actor(g)][:1]
        if not out and r.type in FROM_SOURCE_TYPES:
            # "threats from X", "criticism from X", "an offer of aid from X": X
            out = [g for p, g in sx.preps(noun, "from") if self.is_actor(g)][:1]
        if not out:   # "sanctions imposed on Y by X": the agent of a participle on the noun
            out = [g for g in sx.participle_agents(noun) if self.is_actor(g)][:1]
        if not out and r.of_is_source:
            out = [g for p, g in sx.preps(noun, "of") if self.is_actor(g)][:1]
            verb = self._governing_verb(noun)
            subj = sx.first_child(verb, *sx.SUBJ) if verb is not None else None
            if out and self._unnamed_force(out[0]) and subj is not None and self.is_actor(subj) \
                    and _lemma(verb) not in self.lex.reports:
                # "X sped up the withdrawal of its forces": the forces are X's
                out = [self._resolve_pronoun(subj, verb)]
        if not out:
            out = [c for c in noun.children if c.dep_ in ("amod", "compound")
                   and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")][:1]
        if not out and r.symmetric:
            out = self.sides(noun)
        if not out and self.receiving_verb(noun) is not None:
            # "X received aid from Y", "X faced sanctions", "X's move drew criticism from Y":
            # the giver, if named, not X
            verb = noun.head
            return self._expand([g for p, g in sx.preps(noun, "from") + sx.preps(verb, "from", "by")
                                 if self.is_actor(g)][:1])
        if not out:
            doer = self._deed_of_object(noun)
            if doer is not None:   # "blamed X for the bombing": X (a pronoun: no one named)
                return [] if doer.lower_ in sx.PRONOUNS or doer.lower_ in sx.OBJECT_PRONOUNS else self._expand([doer])
        if not out and not self._circumstance(noun):
            verb = self._governing_verb(noun)
            if verb is not None and _lemma(verb) not in self.lex.reports:
                subj = sx.first_child(verb, *sx.SUBJ)
                if subj is not None and subj.i != noun.i:
                    out = [self._resolve_pronoun(subj, verb)]
        return self._expand(out)


def _is_under(noun: Token) -> bool:
    """An event noun in an "under" phrase ("placed under arrest", "put under curfew")."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.dep_ == "prep"
