"""Places, features: a place's name widened to the feature named after it
("Lake Nakuru", "the Detroit River", "the Kinta Valley", "Scarborough
Shoal"), the whole being the toponym the text names
(:func:`_widen_to_features`); and features named by a name no place has
("Dadia National Park", "the Hai Van Pass", "Mount Gede"), found whole
before the model's pieces of them (:func:`_detect_named_features`).

The gazetteer seldom knows such a feature; the mention keeps the point of
the place it is named after (a lake by its town, a valley by its river's
town) but not that place's GeoNames id, and is given the feature's name
and kind.  Detection and resolution run on the bare name before this step.
"""

from __future__ import annotations

from typing import Optional, Sequence

from .mention import _Detection, _Mention
from .tokens import _Tokens
from .words import LAND_ADJECTIVES, LOC_PREPS, MASTHEAD_WORDS, STREET_HEADS

#: capitalised words that close a feature's name after a place's ("the Detroit River")
FEATURE_HEADS = {"river", "lake", "valley", "falls", "creek", "dam", "reservoir", "highlands", "gorge",
                 "downs", "lagoon", "estuary", "island", "islands", "shoal", "shoals", "reef", "desert",
                 "bay", "hills", "mountains", "range", "peninsula", "plateau", "glacier", "canal",
                 "harbour", "harbor", "heights", "wetlands", "basin", "delta", "strait", "pass", "wilderness",
                 "channel", "icefield", "gulf"}
#: ... two-word closers ("Kakum National Park", "Maasai Mara Game Reserve", "Valmiki Tiger Reserve",
#: "Monongahela National Forest";
#: not "National Wildlife Refuge", whose river's or town's name news marks alone)
FEATURE_HEAD_PAIRS = {("national", "park"), ("game", "reserve"), ("nature", "reserve"),
                      ("wildlife", "sanctuary"), ("marine", "park"), ("wildlife", "reserve"),
                      ("tiger", "reserve"), ("forest", "reserve"), ("biosphere", "reserve"),
                      ("marine", "reserve"), ("national", "forest"), ("state", "forest"),
                      ("national", "reserve")}
#: capitalised words that open one ("Lake Nakuru", "River Foyle", "Mount Kenya")
FEATURE_OPENERS = {"lake", "river", "loch", "mount", "mt", "mt."}
#: ... in the languages of Spain, Portugal and Italy, often with a small word after them
#: ("Serra da Lousã", "Salar de Maricunga", "Cerro Tololo", "Valle del Bove")
ROMANCE_OPENERS = {"serra", "sierra", "cerro", "monte", "lago", "laguna", "salar", "valle", "bahía", "baía",
                   "golfo", "volcán", "nevado", "morro", "ilha", "punta", "ponta", "rio", "río", "pico"}
#: ... and in Arabic ("Wadi Hadramout", "Jebel Marra", "Oued Ziz"): a valley's or a mountain's word,
#: no town of its own where a name follows it
ARABIC_OPENERS = {"wadi", "jebel", "jabal", "jbel", "djebel", "oued"}


#: capitalised words after a feature's name that make it a body's name
_BODY_WORDS = {"service", "services", "department", "authority", "council", "commission", "district",
               "board", "agency", "trust", "conservancy", "company", "corporation", "association",
               "society", "club", "school", "college", "university", "hospital", "police",
               "administration", "management"} | MASTHEAD_WORDS


def _widen_to_features(toks: _Tokens, mentions: Sequence[_Mention]) -> None:
    """Widen each resolved one-name mention over the feature's word before
    or after it, when that word is capitalised and no other mention's."""
    taken = set()
    for m in mentions:
        if m.span is not None:
            taken.update(range(m.span.start, m.span.end))
    n = toks.n
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


#: closing words of a feature's name when no place has its first words ("the Todra Gorge")
_NAMED_TAILS = (FEATURE_HEADS - {"bay", "island", "lake", "dam", "canal", "harbour", "harbor", "heights",
                                 "basin", "range", "downs", "hills", "gulf"}) \
    | {"strait", "straits", "gorges", "pass", "archipelago", "plains", "volcano", "peak", "canyon", "atoll",
       "fjord", "escarpment"}
#: model labels of a name closed by "Channel" that make it a broadcaster's
_CHANNEL_NOT_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "PERSON", "NORP"}
#: small words inside a feature's name ("Col de la Croix de Fer", "Cliffs of Moher")
_NAME_JOINERS = {"of", "de", "la", "du", "des", "del", "di", "da", "do", "dos", "das", "os", "-", "d'"}
#: capitalised words of a building's or an event's name
_NOT_FEATURE_WORDS = {"hotel", "resort", "series", "festival", "concert", "center", "centre", "road", "street",
                      "church", "school", "hall", "inn", "lodge", "club", "area", "fund", "project",
                      # (nor a body's: "the River Network Alliance")
                      "alliance", "network", "foundation", "institute", "coalition", "federation", "partnership"}
#: model labels of names that are no feature whatever their last word ("Swan Lake", "Love Island")
_NOT_FEATURE_LABELS = {"WORK_OF_ART", "PERSON", "DATE", "TIME", "EVENT", "LAW"}


def _detect_named_features(d: _Detection) -> None:
    """0''. a feature's whole name that no place's name opens: a run of
    capitalised words closed by a feature's word ("Dadia National Park",
    "the Todra Gorge", "the Hai Van Pass") or opened by one ("Mount Gede",
    "Lake Manchar"), found before the model's pieces of it ("Van" is no
    Turkish town here).  The gazetteer's entry when it knows the whole; the
    place when a name it knows opens the run before the closing word (its
    feature's word kept from other steps, for :func:`_widen_to_features`);
    else a feature without a point."""
    toks = d.toks
    n = toks.n
    i = 0
    while i < n:
        if d.taken[i] or not toks.title[i] or toks.stop[i] or toks.lower[i] in LOC_PREPS \
                or toks.lower[i] in LAND_ADJECTIVES \
                or (i > 1 and toks.text[i - 1] == "-" and not toks.space[i - 2]):
            # (nor a capitalised preposition: "Near Amboseli National Park, rangers ...";
            # nor a land's word: "Neighbouring Solomon Islands has ...";
            # nor the end of a hyphenated name: "Tunya" of "Mosi-oa-Tunya National Park")
            i += 1
            continue
        e = i + 1  # the run of capitalised words (and small words between them) from i
        while e < n and not d.taken[e] and (toks.title[e] or (
                toks.lower[e] in _NAME_JOINERS and e + 1 < n and toks.title[e + 1])):
            e += 1
        found = _feature_in_run(d, i, e)
        if found is not None:
            (s, f), head, known = found
            if known:
                d.add(d.doc[s:f], "gaz", fuzzy=False, require=True)
            elif head is not None:
                # a place's name before the feature's word ("Cumberland Falls",
                # "Dadia National Park"): the place, widened after resolution
                if d.add(d.doc[head[0]:head[1]], "gaz", fuzzy=False, require=True) is not None:
                    d.take(head[1], f)  # (the feature's word is no place of its own: "Valley")
            else:
                m = d.add(d.doc[s:f], "gaz", fuzzy=False, require=False)
                if m is not None:
                    m.feature = True
        i = e


def _feature_in_run(d: _Detection, i: int, e: int
                    ) -> Optional[tuple[tuple[int, int], Optional[tuple[int, int]], bool]]:
    """The feature's name in the capitalised run ``toks[i:e]``; when a
    place's name the gazetteer knows opens it before a closing feature's
    word, that name's extent; and whether the gazetteer knows the whole;
    or None."""
    toks, g = d.toks, d.g
    if e - i < 2 or toks.ent_type[i] in _NOT_FEATURE_LABELS or toks.lower[e - 1] in STREET_HEADS:
        return None
    if e - i >= 4 and toks.lower[i + 1] == "of" and toks.pos[i] == "NOUN" and toks.lower[i] not in FEATURE_HEADS \
            and toks.lower[i] not in _NAMED_TAILS:
        # (a common noun before "of", capitalised only to open a sentence, is
        # no part of the name: "Residents of Lockhart River", "Parts of Hunter Valley")
        return _feature_in_run(d, i + 2, e)
    opens = toks.ent_iob[i] == "B" or (i > 0 and toks.lower[i - 1] == "the" and toks.ent_iob[i - 1] == "B"
                                       and toks.ent_type[i - 1] == toks.ent_type[i])
    if toks.ent_type[i] in ("GPE", "LOC") and opens and (e == toks.n or toks.ent_iob[e] != "I") \
            and all(toks.ent_iob[k] == "I" for k in range(i + 1, e)):
        return None  # (the model's own place entity, read by the later steps as it is)
    if e < toks.n and toks.lower[e] in _BODY_WORDS:
        return None
    last = toks.lower[e - 1]
    if e - i >= 3 and (toks.lower[e - 2], last) in FEATURE_HEAD_PAIRS:
        head = (i, e - 2)
    elif last in _NAMED_TAILS and not (last == "channel" and toks.ent_type[i] in _CHANNEL_NOT_LABELS):
        head = (i, e - 1)  # (not a broadcaster's channel: "the Discovery Channel")
    elif toks.lower[i] in FEATURE_OPENERS and e - i <= 3 \
            and not any(toks.lower[k] in _BODY_WORDS or toks.lower[k] in _NOT_FEATURE_WORDS for k in range(i, e)):
        head = (i + 1, e)  # ("Mount Washington Hotel", "River Concert Series" are no features)
    elif (toks.lower[i] in ROMANCE_OPENERS or toks.lower[i] in ARABIC_OPENERS) and e - i <= 4 \
            and toks.text[i + 1] != "-" \
            and not any(toks.lower[k] in _BODY_WORDS or toks.lower[k] in _NOT_FEATURE_WORDS for k in range(i, e)):
        # (the small word after the opener belongs to the name: "Serra da Lousã")
        head = (i + 2 if toks.lower[i + 1] in _NAME_JOINERS and e - i >= 3 else i + 1, e)
    else:
        return None
    if toks.lower[head[0]] in _NAME_JOINERS or toks.lower[head[1] - 1] in _NAME_JOINERS:
        return None
    if any(g.exact(toks.span_text(s, e)) for s in range(max(0, i - 3), i)):
        return None  # (the end of a longer name: "Turks and Caicos Islands")
    # (a name opened by "Lake" or "Mount" is the feature's own: "Lake Manchar" is
    # no lake by Manchar, India)
    known = bool(g.exact(toks.span_text(i, e)))
    # (a head that is itself a feature's word names no place: "Island Peak")
    word = toks.lower[head[0]]
    known_head = head[0] == i and not known and bool(g.exact(toks.span_text(*head))) \
        and not (head[1] - head[0] == 1 and (word in FEATURE_HEADS or word in _NAMED_TAILS))
    return (i, e), (head if known_head else None), known
