"""Places, before detection: a town's name the model cut at its small words,
or after its first word.

The model reads a long Spanish, Portuguese, French or German town's name as
two entities, or as one that stops at a small word: "San Cristóbal de" (a
facility) and "Casas" (a place) of "San Cristóbal de las Casas", "Esslingen"
(a body) and "Neckar" (a person) of "Esslingen am Neckar"; and a name with
a possessive as a person's: "Hudson" of "Hudson's Hope".  Each piece would
be found on its own and mean another town.  Where the words from the first
piece's start over the small words (or the possessive) to a capitalised
word after them are a name of our gazetteer (a place's own name, after a
possessive), the pieces become one entity, labelled as a place.  So does
a place's entity with the capitalised word before it that the model left
out, where the two are a place's own name ("Little" + "Saigon", "Son" +
"La province"); and so do a saint's or a mount's abbreviation and the next
entity after its dot ("ST." + "MARC"), and an entity and the small word in
lower case a hyphen glues to it ("Shirakawa" + "-go"), where the two are a
name of ours.

Reads the model's entities (``d.ents``) and the gazetteer; rewrites
``d.ents``.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span

from .mention import _Detection
from .spans import _INNER_SMALL_WORDS
from .tokens import SENTENCE_ENDS, _Tokens
from .words import HYPHEN_LINKS, TITLES

#: the small words inside a town's name ("de las", "do", "della", "am", "upon"):
#: those of a name read from the gazetteer and of a hyphenated one, a few plurals,
#: German's "bei" ("Baden bei Wien") and the "or" of "Truth or Consequences"
_SMALL = _INNER_SMALL_WORDS | HYPHEN_LINKS | {"delle", "las", "los", "bei", "or"}
#: the possessive's token ("Hudson" + "'s" + "Hope")
_POSSESSIVES = {"'s", "’s"}
#: abbreviations opening a place's name before its dot ("St. Marc", "Mt. Hagen")
_ABBREVIATED_OPENERS = {"st", "ste", "mt", "ft", "pt"}
#: the most small words in a row and capitalised words after them
_MOST_SMALL, _MOST_AFTER = 2, 2


def _mend_split_names(d: _Detection) -> None:
    """Join a model entity to the words after it over a name's small words
    where the whole is a name of the gazetteer ("San Cristóbal de" +
    "las Casas"); a person's stays a person's ("Juan de la Cruz"), unless
    a possessive joins it to a place's own name ("Hudson" + "'s Hope")."""
    toks, g, doc = d.toks, d.g, d.doc
    n = toks.n
    ents = list(d.ents)
    out: list[Span] = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        k += 1
        # (a saint's or a mount's abbreviation the model took alone, its
        # name's next word another entity: "ST." + "MARC", "Mt." + "Hagen",
        # where the two are a name of the gazetteer)
        nxt = ents[k] if k < len(ents) else None
        if len(ent) == 1 and toks.lower[ent.start] in _ABBREVIATED_OPENERS and nxt is not None \
                and nxt.start == ent.end + 1 and toks.text[ent.end] == "." and nxt.label_ != "PERSON" \
                and g.exact(toks.span_text(ent.start, nxt.end)):
            out.append(Span(doc, ent.start, nxt.end, label="GPE"))
            k += 1
            continue
        # (a small word in lower case glued on by a hyphen, which the model
        # left out: "Shirakawa" + "-go", where the whole is a name of ours)
        e = ent.end
        if ent.label_ != "PERSON" and e + 1 < n and toks.text[e] == "-" and not toks.space[e - 1] \
                and not toks.space[e] and toks.text[e + 1].islower() and toks.alpha[e + 1] \
                and g.exact(toks.span_text(ent.start, e + 2)):
            out.append(Span(doc, ent.start, e + 2, label=ent.label_))
            continue
        # the small words: the entity's own last ones, then those after it
        s = ent.end
        while s > ent.start + 1 and toks.lower[s - 1] in _SMALL and toks.text[s - 1].islower():
            s -= 1
        j = ent.end
        while j < n and j - s < _MOST_SMALL and toks.lower[j] in _SMALL and toks.text[j].islower():
            j += 1
        # (or a possessive: "Hudson" + "'s Hope", "King William" + "'s Town",
        # a person's name too, when the whole is a place's own name)
        possessive = ent.end + 1 < n and toks.text[ent.end] in _POSSESSIVES and toks.title[ent.end + 1] \
            and not toks.space[ent.end - 1]
        if possessive:
            s, j = ent.end, ent.end + 1
        elif j == s and ent.label_ in ("GPE", "LOC") and (longer := _longer_own_name(d, ent)) is not None:
            # (the place's full name goes on past the model's entity: "Tuxtla"
            # + "Gutiérrez", where the whole is another name of the same town)
            out.append(Span(doc, ent.start, longer, label="GPE"))
            while k < len(ents) and ents[k].start < longer:
                k += 1
            continue
        elif ent.label_ == "PERSON" or j == s or j - s > _MOST_SMALL or j >= n or not toks.title[j]:
            out.append(ent)
            continue
        whole = None
        for end in range(min(n, j + _MOST_AFTER), j, -1):
            name = toks.span_text(ent.start, end)
            if all(toks.title[t] for t in range(j, end)) and g.exact(name) and (not possessive or g.main_ids(name)):
                whole = end
                break
        if whole is None:
            out.append(ent)
            continue
        out.append(Span(doc, ent.start, whole, label="GPE"))
        while k < len(ents) and ents[k].start < whole:
            k += 1  # (the piece after the small words is part of it)
    d.ents = tuple(out)


#: words of a place's kind, which go on past its name into a body's ("Dublin City Council"),
#: or a building's ("Cape Coast Castle")
_KIND_WORDS = {"city", "town", "county", "state", "province", "district", "region", "village", "island", "islands",
               "council", "municipality", "borough", "township", "parish", "metro", "metropolitan",
               "castle", "palace", "fort", "cathedral", "church", "abbey", "airport", "station", "stadium",
               "harbour", "harbor", "port", "bridge", "tower", "university", "hospital"}


def _longer_own_name(d: _Detection, ent: Span) -> Optional[int]:
    """The end of the capitalised words (one or two) right after a place's
    entity with which it makes another name of the same place ("Tuxtla" +
    "Gutiérrez"), or None."""
    toks, g, n = d.toks, d.g, d.toks.n
    own = {e.id for e in g.exact(ent.text)[:10]}
    if not own:
        return None
    for end in (ent.end + 2, ent.end + 1):
        # (names, not a kind: "Dublin" + "City Council" is the council's)
        if end <= n and all(toks.title[t] and toks.alpha[t] and toks.pos[t] == "PROPN"
                            and toks.lower[t] not in _KIND_WORDS for t in range(ent.end, end)) \
                and own & {e.id for e in g.exact(toks.span_text(ent.start, end))[:10]}:
            return end
    return None


#: the most tokens a name's cut opening may take before the model's entity
#: (one word, or hyphened words: "Eti" + "-" before "Osa")
_MOST_BEFORE = 5


def _opening_before(toks: _Tokens, s: int) -> int:
    """The first token of the capitalised word (or the hyphened words)
    right before token ``s``, or ``s`` when there is none."""
    p = s - 1
    # (hyphened words glued to the entity: "Eti-" of "Eti-Osa", "Châlons-" of "Châlons-en-Champagne")
    while p > 0 and s - p < _MOST_BEFORE and toks.text[p] == "-" and not toks.space[p] and not toks.space[p - 1]:
        p -= 1
        if toks.text[p].islower() and p > 0 and toks.text[p - 1] == "-":
            p -= 1  # ("-en-": a small word between hyphens)
    # (an article only inside a sentence, where it is capitalised as a name's:
    # "near A Coruña"; "A Bristol man" opens a sentence)
    if p < 0 or not toks.alpha[p] or not (toks.title[p] or (toks.upper[p] and toks.upper[s])) \
            or (toks.lower[p] in ("a", "an") and (p == 0 or toks.text[p - 1] in SENTENCE_ENDS
                                                   or "\n" in toks.text[p - 1])):
        return s
    # (nor the last of several capitalised words, whose name may open further back:
    # "VIÑA" + "DEL" + "MAR" is no Del Mar)
    if p > 0 and toks.alpha[p - 1] and (toks.title[p - 1] or toks.upper[p - 1]):
        return s
    return p


#: the model's labels of an entity a cut opening may join (no person's, number's or date's:
#: "Santo" + "Niño", "District" + "3")
_OPENED_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP"}


def _mend_cut_openings(d: _Detection) -> None:
    """Take into a model entity the capitalised word before it (outside any
    entity, or the model's entity of that one word) where the two open a
    place's own name of our gazetteer: the model's "La province" of "Son La
    province", "Saigon" of "Little Saigon", "Sydney" of "North Sydney",
    "MAR" and "DEL PLATA" of "MAR DEL PLATA"; each piece alone would be
    found as another place (Louisiana for "La")."""
    toks, g, doc = d.toks, d.g, d.doc
    taken = {t for e in d.ents for t in range(e.start, e.end)}
    out: list[Span] = []
    for ent in d.ents:
        p = _opening_before(toks, ent.start)
        if ent.label_ not in _OPENED_LABELS or not toks.alpha[ent.start]:
            out.append(ent)
            continue
        # (the word may be the model's entity of one word, not a person's: "MAR" + "DEL PLATA")
        before = out[-1] if out and out[-1].start == p and out[-1].end == ent.start == p + 1 \
            and out[-1].label_ != "PERSON" else None
        # (not a person's title before the person: "Queen Victoria", "Son Heung-min")
        if p == ent.start or (before is None and any(t in taken for t in range(p, ent.start))) \
                or (ent.label_ == "PERSON" and toks.lower[p].rstrip(".") in TITLES):
            out.append(ent)
            continue
        whole = None
        for end in range(ent.end, ent.start, -1):
            name = toks.span_text(p, end)
            main = g.main_ids(name)
            if main and any(e.id in main and (e.kind != "city" or e.population >= 1000 or e.source == "extra")
                            for e in g.exact(name)):
                whole = end
                break
        if whole is None:
            out.append(ent)
            continue
        if before is not None:
            out.pop()
        end = ent.end
        while end > whole and (toks.is_space[end - 1] or toks.punct[end - 1]):
            end -= 1  # (no spaces of a table's column after the name: "Central Java      87.2")
        out.append(Span(doc, p, end, label="GPE"))
    d.ents = tuple(out)
