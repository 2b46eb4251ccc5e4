"""What the claim finders share: the Doc's text, closed word lists, the candidate record.

Reads nothing of its own; the cue finders (:mod:`.verb_cues`,
:mod:`.phrase_cues`) write :class:`_Cand` objects (token indices of cue,
content and speaker), which :mod:`.contents` and :mod:`.quotations` refine and
:mod:`.extract` turns into claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Token

from ..doctext import doc_text
from .lexicon import Cue

def _doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (:mod:`newsledger.nlp.doctext`)."""
    return doc_text(doc)


# ---------------------------------------------------------------------------
# small closed lists (grammar words, not content)

_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_OBJ_PREPS = {"of", "for", "as", "about", "on", "over", "with", "against"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_IMPERSONAL = {"it", "there"}
#: "according to plan" and the like: no one is speaking
_NOT_SOURCES = {"plan", "schedule", "script", "design", "tradition", "custom", "rule", "rules",
                "protocol", "procedure", "expectation", "expectations", "law", "need", "needs",
                "size", "age", "ability", "taste", "preference", "wish", "wishes", "instruction",
                "instructions", "form", "standard", "standards", "type", "merit", "merits"}
_VIEW_NOUNS = {"view", "opinion", "estimation", "judgment", "judgement", "assessment", "words",
               "mind", "eyes", "telling", "account", "reading", "analysis"}
#: nouns naming a person by role: "the expert said" → the last person named
_ROLE_NOUNS = {"expert", "official", "spokesman", "spokeswoman", "spokesperson", "analyst",
               "president", "minister", "senator", "governor", "candidate", "nominee", "lawyer",
               "attorney", "author", "researcher", "professor", "economist", "leader", "mayor",
               "chairman", "chairwoman", "director", "secretary", "ambassador", "general",
               "commander", "diplomat", "politician", "congressman", "congresswoman", "businessman",
               "businesswoman", "billionaire", "man", "woman", "scholar", "historian", "anthropologist",
               "journalist", "reporter", "writer", "columnist", "activist", "lawmaker", "judge",
               "prosecutor", "founder", "ceo", "executive", "manager", "pollster", "strategist",
               "adviser", "advisor", "aide", "host", "speaker", "former", "veteran", "doctor"}
_TITLES = {"prime", "vice", "deputy", "foreign", "chief", "first", "lady", "sir", "dame", "lord",
           "king", "queen", "prince", "princess", "pope", "rev", "mr", "mrs", "ms", "dr", "sen", "rep", "gov"}
_WH_ADVCL = {"how", "whether", "if", "why"}
#: adjectives of certainty, attitude and evidence that report a clause: "X is sure
#: that ...", "it is clear that ..." (the latter has no source)
_STANCE_ADJ = {"sure", "certain", "convinced", "confident", "afraid", "worried", "concerned", "aware",
               "unaware", "hopeful", "optimistic", "pessimistic", "skeptical", "sceptical", "adamant",
               "doubtful", "unsure", "uncertain", "clear", "obvious", "evident", "apparent", "glad",
               "disappointed", "proud", "upset", "angry", "frustrated", "insistent", "positive"}
#: adjectives of attitude towards a thing: "X is critical of Y", "worried about Y"
_STANCE_ADJ_PREPS = {"critical": {"of"}, "supportive": {"of"}, "skeptical": {"of", "about"},
                     "sceptical": {"of", "about"}, "wary": {"of"}, "worried": {"about"},
                     "concerned": {"about"}, "optimistic": {"about"}, "pessimistic": {"about"},
                     "confident": {"about", "in"}, "opposed": {"to"}, "hostile": {"to"},
                     "enthusiastic": {"about"}, "angry": {"about", "at"}, "upset": {"about", "with"},
                     "frustrated": {"with", "by"}, "doubtful": {"about", "of"}, "fond": {"of"},
                     "proud": {"of"}, "dismissive": {"of"}, "suspicious": {"of"},
                     "interested": {"in"}, "passionate": {"about"}, "keen": {"on"}, "coy": {"about"},
                     "bullish": {"on", "about"}, "bearish": {"on", "about"}, "intent": {"on"}}
#: adjectives of willingness with an infinitive: "X is willing to ...", "X was
#: reluctant to ...", "X is ready to move on" (an intention of the subject)
_WILLING_ADJ = {"willing", "unwilling", "eager", "reluctant", "ready", "prepared", "keen", "anxious", "hesitant",
                "loath", "loth", "determined", "unprepared", "disinclined", "inclined"}
#: verbs whose passive subject holds the attitude: "we are convinced that ..."
_EXPERIENCER_PASSIVES = {"convince", "persuade", "worry", "concern", "satisfy", "disappoint"}
_GENERIC_C = Cue("", frozenset("C"), "speech")
_TRIM_CHARS = " \t\n\r.,;:—–-―"
_WORD = re.compile(r"\w")


@dataclass
class _Cand:
    cue: list[int]  # token indices
    content: set[int]  # token indices
    kind: str  # indirect | according-to (direct/mixed decided later)
    speaker: Optional[tuple[int, int]] = None  # token span [start, end)
    speaker_head: Optional[int] = None
    negated: bool = False
    spans: list[tuple[int, int]] = field(default_factory=list)  # char spans of content
    continued: bool = False
    clausal: bool = False  # the content is a clause or quotation of a cue verb (frame C)
    line: bool = False  # a transcript line ("NAME: ..."): the content ends with the line


def _subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in _SUBJ for c in tok.children)
