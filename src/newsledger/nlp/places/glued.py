"""Places, detection step 0'''': a dotted abbreviation glued by a hyphen to
the word after it in one token.

The tokenizer keeps "U.S.-led", "U.K.-based" and "U.S.-Mexico" whole, so
neither the model nor the token-based steps can see the place inside.  The
abbreviation is a mention of its own, inside the token, when the gazetteer
reads it as a country, a state or a province ("U.S.", "U.K.", "D.C.",
"N.J."); a capitalised word after the hyphen is a second mention when it is
a country's or a region's own name ("U.S.-Mexico border").  An
organisation's letters ("U.N.-backed") are no place.

Reads the token table; writes mentions whose character span lies inside one
token (their ``span`` is that token).
"""

from __future__ import annotations

import re

from .mention import _Detection, _fill_candidates, _Mention

#: a dotted abbreviation of two to four letters, a hyphen and a word
_GLUED = re.compile(r"((?:[A-Z]\.){2,4})-([A-Za-z][A-Za-z.]*)")

#: what the abbreviation must name: a country or a great division
_KINDS = ("country", "region")


def _detect_glued_abbreviations(d: _Detection) -> None:
    """0''''. the place inside "U.S.-led", "D.C.-based", "U.S.-Mexico"."""
    toks, g = d.toks, d.g
    if ".-" not in toks.doc_text:
        return  # (no token holds a dot before a hyphen)
    for i, text in enumerate(toks.text):
        if d.taken[i] or ".-" not in text:
            continue
        hit = _GLUED.fullmatch(text)
        if hit is None:
            continue
        abbr, rest = hit.group(1), hit.group(2)
        if not any(e.kind in _KINDS for e in g.exact(abbr)):
            continue
        start = toks.idx[i]
        parts = [(start, abbr)]
        if rest[:1].isupper() and not rest.isupper() \
                and any(e.kind in _KINDS and e.id in g.main_ids(rest) for e in g.exact(rest)):
            parts.append((start + len(abbr) + 1, rest))
        for at, name in parts:
            m = _Mention(at, at + len(name), name, d.doc[i:i + 1], "gaz")
            _fill_candidates(m, g, fuzzy=False)
            if m.cands:
                d.mentions.append(m)
        d.take(i, i + 1)
