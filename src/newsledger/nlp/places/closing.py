"""Places, last step: an abbreviation that ends a sentence keeps its own
full stop.

The tokenizer splits the last full stop off a dotted abbreviation that ends
a sentence ("sanctions imposed by the U.S." gives "U.S" and "."), so the
name found is "U.S", "D.C" or "Mich" where the text writes "U.S.", "D.C."
and "Mich.".  The mention is widened over that full stop when it follows
the name with no space between and the name is an abbreviation: dotted
letters, a state's or a province's short name ("Mich", "Ont"; not one in
capitals, "NSW", which is written without stops, nor an Australian state's,
"far north Qld.", whose short names are written without stops too, nor a
great town's whole name, "Kursk" of Kurskaya oblast'), or a
county's abbreviated kind ("Plymouth Co").

Reads the token table; writes the mentions' character spans and texts.
"""

from __future__ import annotations

import re
from typing import Sequence

from .mention import _Mention
from .tokens import _Tokens
from .words import UNDOTTED_LANDS

#: letters with full stops between them ("U.S", "D.C", "N.Y")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
#: the most of its name's first word a short form keeps ("Kans" of Kansas, 4 of 6 letters)
SHORT_FORM_SHARE = 0.7
#: the longest word read as a division's short name ("Mich", "Calif")
_SHORT_WORD = 5
#: a county's or a township's kind, abbreviated ("Plymouth Co", "Hanover Twp")
_KIND_ABBREVIATIONS = {"co", "twp"}


def _shortens(word: str, name: str) -> bool:
    """``word`` is a short form of ``name``: its first letter, then the
    rest of its letters in order ("Mich" of Michigan, "Fla" of Florida,
    "Ont" of Ontario), and not the name's own first word ("Gaza" of the
    Gaza Strip is a name, not its short form) nor most of it ("Isan" of
    Isaan)."""
    word, name = word.lower(), name.lower()
    if not name.startswith(word[0]) or name.split()[0] == word:
        return False
    # (a short form drops a third of its name's first word at least: "Kans"
    # of Kansas; "Isan" is another spelling of Isaan)
    if len(word) > SHORT_FORM_SHARE * len(name.split()[0]):
        return False
    at = 1
    for ch in word[1:]:
        at = name.find(ch, at) + 1
        if at == 0:
            return False
    return True


#: the least population of a town whose exact name a word is, which makes the word no short form
_GREAT_TOWN = 50_000


def _great_town_named(word: str, m: _Mention) -> bool:
    """``word`` is the whole name of a town of 50,000 among the mention's
    namesakes: a name, not a short form, though the region chosen opens with
    it ("the regions of Belgorod and Kursk." for Kurskaya oblast')."""
    return any(e.kind == "city" and e.name == word and e.population >= _GREAT_TOWN for e in m.cands)


def _close_abbreviations(toks: _Tokens, mentions: Sequence[_Mention]) -> None:
    """Widen each mention that ends in an abbreviation over the full stop
    the tokenizer split from it."""
    for m in mentions:
        if m.span is None or m.demonym:
            continue
        last, e = m.span.end - 1, m.span.end
        # (the full stop may open a run of them: "from Norman to D.C.. He's")
        if e >= toks.n or not toks.text[e].startswith(".") or toks.idx[e] != m.end \
                or m.end != toks.idx[last] + len(toks.text[last]):
            continue
        word = toks.text[last]
        # (not one in capitals: "Sydney, NSW." ends its sentence with the stop)
        short = len(m.span) == 1 and len(word) <= _SHORT_WORD and word.isalpha() and word[:1].isupper() \
            and not word.isupper() and m.choice is not None and m.choice.kind == "region" \
            and m.choice.country not in UNDOTTED_LANDS and _shortens(word, m.choice.name) \
            and not _great_town_named(word, m)
        if _DOTTED.fullmatch(word) or short or (len(m.span) > 1 and word.lower() in _KIND_ABBREVIATIONS):
            m.end += 1
            m.text += "."
