"""Places, output extents: a place's name widened to the feature named
after it ("Lake Nakuru", "the Detroit River", "the Kinta Valley",
"Scarborough Shoal"), the whole being the toponym the text names
(:func:`_widen_to_features`).

The gazetteer seldom knows such a feature; the mention keeps the point of
the place it is named after (a lake by its town, a valley by its river's
town) but not that place's GeoNames id, and is given the feature's name
and kind.  Detection and resolution run on the bare name before this step.
"""

from __future__ import annotations

from typing import Sequence

from .mention import _Mention
from .tokens import _Tokens

#: capitalised words that close a feature's name after a place's ("the Detroit River")
FEATURE_HEADS = {"river", "lake", "valley", "falls", "creek", "dam", "reservoir", "highlands", "gorge",
                 "downs", "lagoon", "estuary", "island", "islands", "shoal", "shoals", "reef", "desert",
                 "bay", "hills", "mountains", "range", "peninsula", "plateau", "glacier", "canal",
                 "harbour", "harbor", "heights", "wetlands", "basin", "delta"}
#: ... two-word closers ("Kakum National Park", "Maasai Mara Game Reserve")
FEATURE_HEAD_PAIRS = {("national", "park"), ("game", "reserve"), ("nature", "reserve"),
                      ("wildlife", "sanctuary"), ("marine", "park")}
#: capitalised words that open one ("Lake Nakuru", "River Foyle", "Mount Kenya")
FEATURE_OPENERS = {"lake", "river", "loch", "mount", "mt", "mt."}


#: capitalised words after a feature's name that make it a body's name
_BODY_WORDS = {"service", "services", "department", "authority", "council", "commission", "district",
               "board", "agency", "trust", "conservancy", "company", "corporation", "association",
               "society", "club", "school", "college", "university", "hospital", "police",
               "herald", "times", "news", "post", "gazette", "tribune", "journal", "courier", "press",
               "chronicle", "echo", "mail", "advertiser", "observer", "record", "bulletin", "examiner"}


def _widen_to_features(toks: _Tokens, mentions: Sequence[_Mention]) -> None:
    """Widen each resolved one-name mention over the feature's word before
    or after it, when that word is capitalised and no other mention's."""
    taken = set()
    for m in mentions:
        if m.span is not None:
            taken.update(range(m.span.start, m.span.end))
    n = len(toks)
    for m in mentions:
        if m.span is None or m.demonym or not m.cands:
            continue
        s, e = m.span.start, m.span.end
        new_s, new_e = s, e
        if e + 1 < n and (toks.lower[e], toks.lower[e + 1]) in FEATURE_HEAD_PAIRS \
                and toks.title[e] and toks.title[e + 1] and e not in taken and e + 1 not in taken:
            new_e = e + 2
        elif e < n and toks.lower[e] in FEATURE_HEADS and toks.title[e] and e not in taken:
            new_e = e + 1
        elif s > 0 and toks.lower[s - 1] in FEATURE_OPENERS and toks.title[s - 1] and s - 1 not in taken:
            new_s = s - 1
        if (new_s, new_e) == (s, e) or (new_e < n and toks.title[new_e] and toks.lower[new_e] in _BODY_WORDS):
            continue  # ("the Lake Victoria Basin Commission": a body's name goes on)
        taken.update(range(new_s, new_e))
        m.start = toks.idx[new_s]
        m.end = toks.idx[new_e - 1] + len(toks.text[new_e - 1])
        m.text = toks.span_text(new_s, new_e)
        m.feature = True
