"""Places, before detection: a town's name the model cut at its small words.

The model reads a long Spanish, Portuguese, French or German town's name as
two entities, or as one that stops at a small word: "San Cristóbal de" (a
facility) and "Casas" (a place) of "San Cristóbal de las Casas", "Esslingen"
(a body) and "Neckar" (a person) of "Esslingen am Neckar"; and a name with
a possessive as a person's: "Hudson" of "Hudson's Hope".  Each piece would
be found on its own and mean another town.  Where the words from the first
piece's start over the small words (or the possessive) to a capitalised
word after them are a name of our gazetteer (a place's own name, after a
possessive), the pieces become one entity, labelled as a place.

Reads the model's entities (``d.ents``) and the gazetteer; rewrites
``d.ents``.
"""

from __future__ import annotations

from spacy.tokens import Span

from .mention import _Detection
from .spans import _INNER_SMALL_WORDS
from .words import HYPHEN_LINKS

#: the small words inside a town's name ("de las", "do", "della", "am", "upon"):
#: those of a name read from the gazetteer and of a hyphenated one, and a few plurals
_SMALL = _INNER_SMALL_WORDS | HYPHEN_LINKS | {"delle", "las", "los"}
#: the possessive's token ("Hudson" + "'s" + "Hope")
_POSSESSIVES = {"'s", "’s"}
#: the most small words in a row and capitalised words after them
_MOST_SMALL, _MOST_AFTER = 2, 2


def _mend_split_names(d: _Detection) -> None:
    """Join a model entity to the words after it over a name's small words
    where the whole is a name of the gazetteer ("San Cristóbal de" +
    "las Casas"); a person's stays a person's ("Juan de la Cruz"), unless
    a possessive joins it to a place's own name ("Hudson" + "'s Hope")."""
    toks, g, doc = d.toks, d.g, d.doc
    n = len(toks)
    ents = list(d.ents)
    out: list[Span] = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        k += 1
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
