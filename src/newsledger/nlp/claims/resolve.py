"""After the claims are found: who the speaker is, when the claim was made, and
the fields the cross-document stage compares.

* :func:`resolve_speakers`: a pronoun ("he", "it") or a nominal mention ("the
  ministry", "the expert", "the soldier") gets the nearest compatible named
  antecedent before it (``speaker_name``) and that antecedent's actor id
  (``speaker_actor``, from the actors stage, whose ids already fold metonyms:
  "Paris" → ``FR-GOV``, "the White House" → ``US-GOV``).
* :func:`finish`: the claim's time (:func:`~newsledger.nlp.dating.date_item`
  on the time expressions of its sentence outside its content; a claim in the
  present tense with no date of its own is dated by the publication date),
  ``content_norm`` and ``stance``.
* :func:`author_claims`: the author's own assertions (only when asked for).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from ...model import Actor, Claim, Span, TimeValue, Timex
from ..dating import date_item
from .docindex import DocIndex, index_of


def _doc_text(doc: Doc) -> str:
    from .extract import _doc_text as cached

    return cached(doc)

#: pronouns standing for a person, and for an organisation or a government
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_THING_PRONOUNS = {"it"}
#: nouns naming a body by what it is: "the ministry said" → the last ministry named
_BODY_NOUNS = {
    "ministry": "government", "government": "government", "cabinet": "government", "administration": "government",
    "authorities": "government", "authority": "government", "leadership": "government", "regime": "government",
    "office": "government", "embassy": "government", "department": "government", "agency": "organisation",
    "presidency": "government", "kremlin": "government", "parliament": "government", "council": "organisation",
    "army": "military", "military": "military", "forces": "military", "force": "military",
    "command": "military", "company": "organisation", "firm": "organisation", "organisation": "organisation",
    "organization": "organisation", "group": "organisation", "party": "organisation", "committee": "organisation",
    "campaign": "organisation", "court": "organisation", "commission": "organisation", "union": "organisation",
    "bank": "organisation", "newspaper": "media", "outlet": "media", "agency's": "organisation",
    "paper": "media", "channel": "media", "network": "media", "broadcaster": "media", "police": "organisation",
}
#: nouns naming a person by role or condition ("the soldier", "the expert")
PERSON_NOUNS = {
    "expert", "official", "spokesman", "spokeswoman", "spokesperson", "analyst", "president", "minister",
    "senator", "governor", "candidate", "nominee", "lawyer", "attorney", "author", "researcher", "professor",
    "economist", "leader", "mayor", "chairman", "chairwoman", "director", "secretary", "ambassador", "general",
    "commander", "diplomat", "politician", "congressman", "congresswoman", "businessman", "businesswoman",
    "billionaire", "man", "woman", "scholar", "historian", "anthropologist", "journalist", "reporter", "writer",
    "columnist", "activist", "lawmaker", "judge", "prosecutor", "founder", "ceo", "executive", "manager",
    "pollster", "strategist", "adviser", "advisor", "aide", "host", "speaker", "veteran", "doctor", "soldier",
    "officer", "witness", "resident", "refugee", "survivor", "victim", "student", "teacher", "priest",
    "commentator", "observer", "scientist", "envoy", "negotiator", "premier", "chancellor", "king", "queen",
    "sheriff", "detective", "physician", "nurse", "farmer", "worker", "mother", "father", "son", "daughter",
    "wife", "husband", "brother", "sister", "fighter", "volunteer", "villager", "eyewitness", "source",
}
#: how far back (in sentences) a mention may find its antecedent
_WINDOW_SENTS = 6

_AGAINST = {"deny", "reject", "dispute", "criticize", "criticise", "condemn", "denounce", "attack", "blast",
            "slam", "oppose", "mock", "accuse", "blame", "question", "doubt", "decry", "lambaste", "dismiss",
            "downplay", "scold", "chastise", "rip", "bemoan", "lament", "complain", "warn", "denial",
            "criticism", "accusation", "complaint"}
_FOR = {"praise", "support", "endorse", "back", "defend", "champion", "promote", "hail", "laud", "welcome",
        "applaud", "tout", "commend", "celebrate", "embrace", "advocate"}

#: words by which a writer speaks in their own voice
_AUTHOR_WORDS = {"i", "we", "my", "our", "us", "me", "clearly", "obviously", "undoubtedly", "arguably",
                 "indeed", "evidently", "surely", "certainly", "unfortunately", "fortunately", "must", "should"}
_AUTHOR_PHRASES = re.compile(r"\b(in fact|of course|it is clear|it is obvious|there is no doubt|it seems|"
                             r"no doubt|in my view|in our view|to be sure)\b", re.I)


# ---------------------------------------------------------------------------
# speakers


def _span_root(doc: Doc, span: Span) -> Optional[Token]:
    sp = doc.char_span(span.start, span.end, alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return None
    return sp.root


def _actor_by_name(actors: Sequence[Actor], name: str) -> Optional[Actor]:
    low = name.lower()
    for actor in actors:
        if actor.name.lower() == low or any(m.text.lower() == low for m in actor.mentions):
            return actor
    for actor in actors:  # "Figueroa" for "Melezia Figueroa"
        if actor.kind == "person" and (low in actor.name.lower() or actor.name.lower() in low):
            return actor
    return None


def _previous_mentions(actors: Sequence[Actor], before: int, after: int):
    """(start, end, actor) of actor mentions between ``after`` and ``before``, nearest first."""
    found = [(m.start, m.end, a) for a in actors for m in a.mentions if after <= m.start and m.end <= before]
    found.sort(key=lambda x: -x[0])
    return found


def _window_start(doc: Doc, at: int, index: Optional[DocIndex] = None) -> int:
    """Where the sentences that may hold an antecedent of a mention at ``at`` start."""
    starts = index_of(doc, index).sent_start_chars
    n = bisect_right(starts, at)  # the sentences that start at or before ``at``
    if not n:
        return 0
    return starts[max(0, n - 1 - _WINDOW_SENTS)]


def resolve_speakers(doc: Doc, claims: list[Claim], actors: Sequence[Actor], index: Optional[DocIndex] = None) -> None:
    """Give pronoun and nominal speakers their antecedent's name and actor id."""
    index = index_of(doc, index)
    for claim in claims:
        if claim.speaker is None:
            continue
        root = _span_root(doc, claim.speaker)
        if root is None:
            continue
        low, lemma = root.lower_, root.lemma_.lower()
        has_name = any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                       for t in doc[root.left_edge.i:root.i + 1] if claim.speaker.start <= t.idx < claim.speaker.end)
        after = _window_start(doc, claim.speaker.start, index)
        if low in _PERSON_PRONOUNS or (lemma in PERSON_NOUNS and not has_name and root.pos_ == "NOUN"
                                       and any(c.lower_ in ("the", "this", "that") for c in root.children)):
            if claim.speaker_actor is None or low in _PERSON_PRONOUNS:
                actor = _actor_by_name(actors, claim.speaker_name) if claim.speaker_name else None
                if actor is None and low in _PERSON_PRONOUNS:
                    actor = next((a for s, e, a in _previous_mentions(actors, claim.speaker.start, after)
                                  if a.kind == "person"), None)
                    if actor is not None and not claim.speaker_name:
                        claim.speaker_name = actor.name
                if actor is not None and actor.kind == "person":
                    claim.speaker_actor = actor.id
            continue
        body_kind = _BODY_NOUNS.get(lemma) or _BODY_NOUNS.get(low)
        if low in _THING_PRONOUNS or (body_kind and not has_name and root.pos_ == "NOUN"
                                      and any(c.lower_ in ("the", "this", "that") for c in root.children)):
            if claim.speaker_actor is not None and low not in _THING_PRONOUNS:
                continue
            for s, e, actor in _previous_mentions(actors, claim.speaker.start, after):
                if actor.kind == "person" or (low in _THING_PRONOUNS and actor.kind in ("population", "state")):
                    continue
                text = _doc_text(doc)[s:e].lower()
                if low in _THING_PRONOUNS or lemma in text or actor.kind == body_kind:
                    claim.speaker_actor = actor.id
                    claim.speaker_name = actor.name
                    break
            else:
                if body_kind:  # the last organisation the model named with that word
                    for ent in reversed([e for e in index.ents if e.end_char <= claim.speaker.start
                                         and e.start_char >= after and e.label_ in ("ORG", "GPE", "NORP")]):
                        if lemma in ent.text.lower():
                            claim.speaker_name = ent.text
                            break


# ---------------------------------------------------------------------------
# time, normalised content, stance


def finish(doc: Doc, claims: list[Claim], timexes: Optional[Sequence[Timex]], published: Optional[str]) -> None:
    if timexes is None and Doc.has_extension("timexes"):
        timexes = doc._.timexes
    if published is None and Doc.has_extension("published"):
        published = doc._.published
    timexes = list(timexes or [])
    for claim in claims:
        claim.content_norm = content_norm(doc, claim.content)
        cue_root = _span_root(doc, claim.cue) if claim.cue is not None else None
        claim.stance = _stance(cue_root, claim.negated)
        sent = claim.sentence or claim.content
        anchor = claim.cue.start if claim.cue is not None else claim.content.start
        outside = [t for t in timexes if not (claim.content.start <= t.start and t.end <= claim.content.end)]
        lo = min(x.start for x in (claim.speaker, claim.cue, claim.content) if x is not None)
        hi = max(x.end for x in (claim.speaker, claim.cue, claim.content) if x is not None)
        claim.time = date_item(outside, anchor=anchor, clause=(lo, hi), sentence=(sent.start, sent.end),
                               dct=published) if outside else None
        if claim.time is None and published and cue_root is not None \
                and (cue_root.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") and c.dep_ == "aux"
                                                            for c in cue_root.children)):
            claim.time = TimeValue(value=published, how="dct")


def content_norm(doc: Doc, span: Span) -> str:
    """Lower-cased lemmas of the content words of ``span`` (no stop words, no punctuation)."""
    sp = doc.char_span(span.start, span.end, alignment_mode="expand")
    if sp is None:
        return " ".join(w.lower() for w in re.findall(r"\w+", span.text))
    words = []
    for t in sp:
        if t.is_punct or t.is_space or t.is_quote or (t.is_stop and t.lower_ not in ("not", "no", "never")):
            continue
        if not any(ch.isalnum() for ch in t.text):
            continue
        words.append("not" if t.lower_ in ("n't", "n’t") else t.lemma_.lower())
    return " ".join(words)


def _stance(cue: Optional[Token], negated: bool) -> Optional[str]:
    if cue is None or negated:
        return None
    lemma = cue.lemma_.lower()
    if lemma in _AGAINST:
        return "against"
    if lemma in _FOR:
        return "for"
    return None


# ---------------------------------------------------------------------------
# the author's own voice


def author_claims(doc: Doc, claims: list[Claim], qmap, author: str, actors: Sequence[Actor]) -> list[Claim]:
    """Sentences in the writer's own voice that no one else is said to have said."""
    text = _doc_text(doc)
    taken = [(c.content.start, c.content.end) for c in claims]
    taken += [(c.sentence.start, c.sentence.end) for c in claims if c.sentence is not None]
    actor = _actor_by_name(actors, author)
    out = []
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s < 20 or any(a < e and s < b for a, b in taken):
            continue
        if "\n" in text[s:e].strip():
            continue  # a headline or list run into a sentence
        own = [t for t in sent if not qmap.inside(t)]
        marker = next((t for t in own if t.lower_ in _AUTHOR_WORDS and (t.lower_ not in ("us",) or t.pos_ == "PRON")), None)
        m = _AUTHOR_PHRASES.search(text, s, e)
        if marker is None and m is None:
            continue
        if m is not None and (marker is None or m.start() < marker.idx):
            cue = Span.of(text, m.start(), m.end())
        else:
            cue = Span.of(text, marker.idx, marker.idx + len(marker.text))
        out.append(Claim(speaker=None, cue=cue, content=Span.of(text, s, e), kind="author",
                         speaker_name=author, speaker_actor=actor.id if actor else None,
                         sentence=Span.of(text, s, e)))
    return out
