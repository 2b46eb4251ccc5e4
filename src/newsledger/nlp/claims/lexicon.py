"""The reporting-verb lexicon (``resources/reporting_verbs.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    frames: frozenset[str]  # C (clause / quote), O (object complement), X (infinitive)
    kind: str  # speech | belief | evidence | intent | evaluation


def parse_lexicon(text: str) -> dict[str, Cue]:
    """Parse the TSV text; a lemma listed twice gets the union of its frames."""
    out: dict[str, Cue] = {}
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if not header_seen and cols[0] == "lemma":
            header_seen = True
            continue
        lemma = cols[0].strip().lower()
        frames = frozenset(cols[1].strip().upper()) if len(cols) > 1 else frozenset("C")
        kind = cols[2].strip() if len(cols) > 2 and cols[2].strip() else "speech"
        if lemma in out:
            old = out[lemma]
            out[lemma] = Cue(lemma, old.frames | frames, old.kind)
        else:
            out[lemma] = Cue(lemma, frames, kind)
    return out


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, Cue]:
    """The packaged lexicon, lemma → :class:`Cue` (read once)."""
    text = resources.files("newsledger.resources").joinpath("reporting_verbs.tsv").read_text("utf-8")
    return parse_lexicon(text)


#: nouns that name what someone said or thought: "the claim that ...",
#: "Trump's insistence that ...", "a report that ..." (lemmas); besides
#: nouns of speech, nouns of knowing and expecting ("the recognition that",
#: "the assumption that", "the consensus that")
CUE_NOUNS = frozenset("""
claim report statement allegation accusation assertion argument belief view suggestion
promise pledge vow announcement conclusion finding charge assessment insistence
assurance denial admission comment remark estimate prediction message warning notion
idea theory contention declaration speculation rumor rumour fear hope concern
complaint criticism suspicion sense impression opinion position testimony evidence
indication sign signal acknowledgment acknowledgement confirmation proposal demand
threat boast reminder prediction forecast guarantee impression
plan decision call refusal willingness determination desire intention bid vow
support opposition praise endorsement rejection attack comments remarks views thoughts stance
skepticism scepticism doubts worries concerns fears hopes complaints allegations claims
worry doubt recognition realization realisation awareness understanding perception conviction
assumption premise expectation consensus pronouncement prediction
""".split())

#: nouns of attitude or feeling towards something: "Trump's admiration for X",
#: "the party's reluctance to ...", "his disdain for Y" (lemmas; with a
#: prepositional complement they are cues only with a holder named)
ATTITUDE_NOUNS = frozenset("""
admiration adulation contempt disdain scorn hostility antipathy aversion dislike disgust distrust mistrust
enthusiasm eagerness reluctance hesitance hesitancy obsession fascination passion devotion affection
sympathy approval disapproval optimism pessimism confidence faith trust frustration anger outrage dismay
despair reservation reservations misgiving misgivings objection objections commitment
""".split())
CUE_NOUNS = CUE_NOUNS | ATTITUDE_NOUNS

#: nouns of talk about a topic that are cues only with a prepositional topic:
#: "questions about his finances", "an answer about how ...", "disagreements over
#: whether ..." (lemmas)
TOPIC_NOUNS = frozenset("""
question answer disagreement outcry
""".split())

#: verbs that hand the speech act to their subject: "X made the claim that",
#: "X issued a statement saying" (lemmas)
LIGHT_VERBS = frozenset("""
make issue release publish put offer give deliver voice express raise file repeat reiterate
echo post send share tweet write read air air broadcast dismiss
""".split()) - {"dismiss"}

#: nouns of a statement whose words may follow in the next sentence:
#: "The ministry released a statement. Westland was accused of ..."
STATEMENT_NOUNS = frozenset("""
statement communique communiqué declaration announcement comment comments remark remarks
message note letter memo press release warning
""".split())

#: nouns of a written or recorded message with an author: "unleashed a series of
#: tweets", "sent a letter", "ran an ad" (lower-case forms, singular and plural)
AUTHORED_NOUNS = frozenset("""
statement statements letter letters memo memos tweet tweets post posts message messages
ad ads advertisement advertisements spot commercial commercials video videos email emails
e-mail e-mails op-ed op-eds editorial editorials press release releases note notes
communique communiqué missive missives broadside broadsides petition petitions
""".split())

#: verbs of putting out such a message: its author is their subject (lemmas)
AUTHORING_VERBS = frozenset("""
issue release publish post send tweet write pen unleash fire air run broadcast circulate
sign unveil launch put deliver share
""".split())

#: nouns of a batch of messages: "a flurry of tweets", "a series of ads"
MESSAGE_BATCHES = frozenset("""
flurry series string barrage volley stream torrent spate pair couple number
""".split())

#: nouns of verbal attack or warning that a verb of stepping up puts in the
#: subject's mouth: "stepped up his attacks on X", "intensified the warnings"
#: (lower-case forms)
ATTACK_NOUNS = frozenset("""
attack attacks criticism criticisms broadside broadsides warning warnings accusation accusations
complaint complaints insult insults barb barbs tirade tirades
""".split())

#: verbs of stepping up, starting or keeping up such attacks (lemmas):
#: "launched", "escalated", "doubled down on", "peppered X with"
ESCALATING_VERBS = frozenset("""
intensify escalate step renew launch unleash redouble double pepper sharpen ramp resume level hurl mount
""".split())
