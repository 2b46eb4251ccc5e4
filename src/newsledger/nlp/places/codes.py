"""Places, detection step 0'''''': the country codes of a results list.

Sport results put a competitor's country after the name as three capitals
in brackets: "1. Norah Chebet (KEN) 9:01.44", "Jasur Tojiboev (UZB) w pts
Daniyar Seitkali (KAZ)", "Finn Matthews (Hamilton, NZL)".  Each code is a
mention of the country it stands for (:meth:`Gazetteer.place_for_code`:
ISO 3166-1 alpha-3 codes and the sport codes of ``sport_codes.tsv``), but
only in a text that gives two such codes or more and no bracketed capitals
after a name that are no country's: a party list's "(LAB)", "(IND)" beside
"(CON)" is no results list.

Reads the token table; writes mentions of one token with the country as
their only candidate.
"""

from __future__ import annotations

from .mention import _Detection
from .tokens import _Tokens

#: codes this many or more make a results list
_LIST_CODES = 2
#: how far back a bracket may open before a code after a comma ("(Hamilton, NZL)")
_BRACKET_REACH = 6


def _code_after_name(toks: _Tokens, k: int) -> bool:
    """Token ``k`` is three capitals closing a bracket that follows a name:
    "Chebet (KEN)", "(University of Stirling, SCO)"."""
    word = toks.text[k]
    if len(word) != 3 or not word.isalpha() or not word.isupper() or k + 1 >= toks.n or toks.text[k + 1] != ")":
        return False
    if k >= 2 and toks.text[k - 1] == "(":
        return toks.text[k - 2][:1].isupper() or toks.ent_type[k - 2] == "PERSON"
    if toks.text[k - 1] != ",":
        return False
    opened = next((b for b in range(k - 2, max(0, k - _BRACKET_REACH) - 1, -1) if toks.text[b] in ("(", ")")), None)
    return opened is not None and opened >= 1 and toks.text[opened] == "(" and toks.text[opened - 1][:1].isupper()


#: the most tokens from a line's start to a wire service's letters
_DATELINE_REACH = 8


def _credit_of_dateline(toks: _Tokens, k: int) -> bool:
    """Token ``k`` is a wire service's letters after a dateline, no
    competitor's code: "NEW DELHI (PTI) —", "GURUGRAM, Haryana (PTI) —"
    (not "- Choi Yu-na (KOR) — the defending champion")."""
    if k < 2 or toks.text[k - 1] != "(":
        return False
    start = k - 1
    while start > 0 and k - start < _DATELINE_REACH and not (toks.is_space[start - 1] and "\n" in toks.text[start - 1]):
        start -= 1
    if start > 0 and not (toks.is_space[start - 1] and "\n" in toks.text[start - 1]):
        return False
    first = toks.text[start]
    # (a dateline's place and its state, nothing else: not "ILCA 6: 1. Nowak (POL)")
    return len(first) > 1 and first.isalpha() and first.isupper() and all(
        toks.text[t] == "," or (toks.alpha[t] and toks.text[t][:1].isupper()) for t in range(start, k - 1))


def _detect_country_codes(d: _Detection) -> None:
    """0''''''. "(KEN)", "(GER)", "(SCO)" after competitors' names in a results list."""
    toks, g = d.toks, d.g
    found = [p - 1 for p in toks.at(")") if 2 <= p <= toks.n - 1 and _code_after_name(toks, p - 1)
             and not _credit_of_dateline(toks, p - 1)]
    if len(found) < _LIST_CODES:
        return
    places = [g.place_for_code(toks.text[k]) for k in found]
    if any(p is None for p in places):
        return  # (a party's or a body's letters among them: no results list)
    for k, place in zip(found, places):
        if d.free(k, k + 1):
            d.add_known(d.doc[k:k + 1], [place], {place.id})
