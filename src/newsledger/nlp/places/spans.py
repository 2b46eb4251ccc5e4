"""Places, detection step 2: gazetteer-backed capitalised spans the model
missed or mislabelled (:func:`_detect_gazetteer_spans`), each accepted or
not by :func:`.accept._accept_span` from the model's label, the span's
context and the gazetteer's entries; lists of towns refused one by one
(:func:`_accept_town_lists`) and divisions before their kind
(:func:`_state_named`)."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from typing import Optional

from spacy.tokens import Span

from ...gazetteer import Entry, Gazetteer, normalize
from .words import _FUNCTION_POS, COMMON_WORDS, MAX_NGRAM
from .tokens import _coordinated, _person_like, _place_cue, _strip, _Tokens
from .entries import _common_word, _prior
from .mention import _Detection, _prefetch
from .international import _generic_tail
from .entities import _COMPASS
from .accept import _accept_span, _between_place, _DATE_NAMES, _isles_county_council, _NAME_ARTICLES


def _country_initials(toks: _Tokens, i: int, g: Gazetteer, countries: frozenset = frozenset()) -> bool:
    """A country's initials ("US" in "US Army", "UK" in "UK Border Force"),
    or a big state's or province's ("NSW"; of two letters only in a text
    of its country's: "WA" beside Perth, not "SA" closing a firm's name;
    a smaller one's, "NT", in a text of its country's only):
    a name to look up, though neither capitalised nor (for "US") a content
    word; not inside a run of capitals, where "US" may be the pronoun ("JOIN
    US TONIGHT")."""
    word = toks.text[i]
    if not (2 <= len(word) <= 3 and word.isupper()):
        return False
    for k in (i - 1, i + 1):
        if 0 <= k < toks.n and toks.alpha[k] and len(toks.text[k]) > 1 and toks.text[k].isupper():
            return False
    if g.country_code(word) is not None:
        return True
    # a big state's or province's initials, from our own table ("the NSW government"),
    # not a title's with its number ("GTA 6")
    if i + 1 < toks.n and toks.text[i + 1][:1].isdigit():
        return False
    if len(word) == 2 and i > 0 and toks.like_num[i - 1]:
        return False  # (not an era's: "9600 BC")
    # (a smaller one's in a text of its country only: "the NT Government" beside Darwin)
    return any(e.source == "extra" and e.kind == "region" and (
        (e.population >= 1_000_000 and (len(word) == 3 or e.country in countries))
        or (e.population >= INITIALS_POP and e.country in countries)) for e in g.exact(word))


#: the least population of a state or territory whose initials open a name in a text of its country
INITIALS_POP = 200_000


def _opens_as_initials(d: _Detection, i: int) -> bool:
    """Token ``i`` is a country's or a big province's initials
    (:func:`_country_initials`), its length and capitals tested first: the
    test of most words costs no call."""
    word = d.toks.text[i]
    return len(word) <= 3 and word.isupper() and _country_initials(d.toks, i, d.g, d.doc_countries)


def _ngram_candidates(d: _Detection) -> dict[int, list[tuple[int, str]]]:
    """For each token that may open a name in step 2 (capitalised, not a
    function or stop word, or a country's initials such as "US"; free), the
    n-grams it opens that end on a capitalised word and cover only free
    tokens, longest first, as ``(end, text)``.  Step 2 takes tokens only up
    to where it reads, so what is free ahead of it stays as it is here."""
    toks, taken = d.toks, d.taken
    may_open = getattr(d.g, "may_open", None)
    n = toks.n
    text, cap, punct, pos, stop, upper = toks.text, toks.cap, toks.punct, toks.pos, toks.stop, toks.upper
    doc_text, idx = toks.doc_text, toks.idx
    out: dict[int, list[tuple[int, str]]] = {}
    # (only a capitalised word or one of three capitals or fewer may open one: the rest are not read)
    for i in [k for k, c in enumerate(cap) if c or (upper[k] and len(text[k]) <= 3)]:
        if taken[i]:
            continue
        if not cap[i] and not _country_initials(toks, i, d.g, d.doc_countries):
            continue  # (a word in lower case opens no name, but a country's initials may: "US")
        # (a stop word read as a name inside a sentence opens a name of two
        # words or more: "May Pen", "Much Wenlock")
        inner_stop = stop[i] and cap[i] and pos[i] == "PROPN" and i > 0 and not d.doc[i].is_sent_start
        # (so does an article written with its capital inside a sentence: "in
        # The Dalles", "in A Coruña")
        # (not "The" but after a town's preposition: "volunteered at The Woodlands", a charity)
        inner_stop = inner_stop or (cap[i] and toks.lower[i] in _NAME_ARTICLES and i > 0
                                    and not d.doc[i].is_sent_start and toks.alpha[i - 1]
                                    and toks.text[i - 1].islower()
                                    and (toks.lower[i] != "the" or toks.lower[i - 1] in _TOWN_PREPS))
        # (and one opening a great town's or a province's name of two words, whatever
        # the model made of it: "Mills in An Giang", "rice to Can Tho")
        inner_stop = inner_stop or (cap[i] and stop[i] and i > 0 and i + 1 < n
                                    and toks.title[i + 1] and not taken[i + 1]
                                    and toks.lower[i] not in _NAME_ARTICLES and not d.doc[i].is_sent_start
                                    and _two_word_place(toks.span_text(i, i + 2), d.g))
        if cap[i] and ((pos[i] in _FUNCTION_POS and not _mistagged_name(toks, i) and not inner_stop)
                       or (stop[i] and not inner_stop)):
            if not _opens_as_initials(d, i):
                continue  # (nor does a function or stop word, a country's initials aside: "US Army")
        if may_open is not None and toks.space[i] and not may_open(text[i]):
            # (no name of the gazetteer opens with the word: none of its n-grams
            # is one; a word glued to the next, "L'" of "L'Aquila", is read on)
            continue
        grams = []
        # (hyphens count for no word: "Saint-Aubin-sur-Mer" is a name of four)
        limit = i + MAX_NGRAM
        if "-" in text[i + 1:limit]:  # (else the limit stays)
            k = i
            while k < limit and k < n:
                if text[k] == "-" and not toks.space[k] and k > i and not toks.space[k - 1]:
                    limit += 1
                k += 1
        opening = idx[i]
        for j in range(i + 1, min(n, limit) + 1):
            if taken[j - 1]:
                break
            # (not over a comma to a state's or province's code: "Morrison, CO" is no Morrison County)
            if j - 2 > i and text[j - 2] == "," and len(text[j - 1]) == 2 and upper[j - 1]:
                continue
            # (ending on a capitalised word, a word in capitals, an elided name, or
            # a small word in lower case glued on by a hyphen: "Shirakawa-go")
            if (cap[j - 1] or upper[j - 1] or (j - 1 > i and _elided_name(text[j - 1]))
                    or (j - 2 > i and text[j - 2] == "-" and not toks.space[j - 3] and not toks.space[j - 2]
                        and text[j - 1].islower() and toks.alpha[j - 1] and cap[j - 3])) \
                    and not punct[j - 1] and not (inner_stop and j == i + 1):
                # (the text of doc[i:j], as span_text reads it)
                grams.append((j, doc_text[opening:idx[j - 1] + len(text[j - 1])]))
        grams.reverse()
        out[i] = grams
    return out


#: a division's kind written after its name with a capital, as news of
#: Russia and its neighbours writes a krai's or an oblast's ("the Altai
#: Territory", "Perm Krai", "the Kursk Region")
_DIVISION_TITLES = {"territory", "krai", "kray", "oblast", "region", "province"}


def _division_with_its_word(d: _Detection, i: int, j: int) -> bool:
    """``doc[i:j]`` is a first-level division's name with its kind after it
    in capitals, a whole the gazetteer does not know, though the model may
    call it a body ("the Stavropol Territory" as ORG): the name alone would
    read as the division's namesake town."""
    toks = d.toks
    if j - i < 2 or toks.lower[j - 1] not in _DIVISION_TITLES or not toks.title[j - 1]:
        return False
    return any(e.kind == "region" and not e.approx and (
        e.source == "subdivision" or (e.source == "extra" and e.admin1 is not None))
        for e in d.g.exact(toks.span_text(i, j - 1)))


def _two_word_place(name: str, g) -> bool:
    """Whether ``name`` names a province or a town of 100,000 people (by any
    of its names: "Can Tho" of Cần Thơ), or is the own name of a region or
    feature of our table ("the Top End")."""
    return any(e.source == "subdivision" and not e.approx or e.kind == "city" and e.population >= 100_000
               or (e.source == "extra" and e.kind in ("region", "feature") and e.id in g.main_ids(name))
               for e in g.exact(name))


def _elided_name(word: str) -> bool:
    """A capitalised word after an elided article, one token ("d’Ivoire" of
    "Côte d’Ivoire", "d'Alene"): it may close a name as a capitalised word does."""
    return len(word) > 2 and word[0] in "dlDL" and word[1] in "'’" and word[2].isupper()


#: prepositions before a town that "The" may open ("in The Dalles")
_TOWN_PREPS = {"in", "near", "from", "outside", "to"}


def _mistagged_name(toks: _Tokens, i: int) -> bool:
    """A capitalised word the model read as a determiner or pronoun though
    it is no English function word (an unknown name opening a sentence:
    "Lusaka police said ..." with "Lusaka" a determiner)."""
    return toks.pos[i] in ("DET", "PRON") and toks.alpha[i] and len(toks.text[i]) >= 4 \
        and not toks.stop[i] and toks.text[i][1:].islower()


def _detect_gazetteer_spans(d: _Detection) -> None:
    """2. gazetteer-backed spans the model missed or mislabelled: the longest
    capitalised n-gram the gazetteer knows, accepted by :func:`_accept_span`."""
    g = d.g
    ents_at: dict[int, Span] = {}
    for ent in d.ents:
        for i in range(ent.start, ent.end):
            ents_at[i] = ent
    candidates = _ngram_candidates(d)
    _prefetch(g, [name for grams in candidates.values() for _, name in grams])
    resume = 0  # the first token not yet read
    refused: list[tuple[int, int, str, list[Entry]]] = []
    for i, grams in candidates.items():
        if i < resume:
            continue
        for j, name in grams:
            if _state_named(d, i, j, name, ents_at.get(i)):
                resume = j
                break
            if _institution_opened(d.toks, i, j):
                continue  # "the Bombay High Court": the court's town, not the oil field "Bombay High"
            ents = g.exact(name)
            if ents and _generic_tail(d, i, j, name, ents, ents_at.get(i)):
                continue  # "Michigan Center for ...", "London City airport": the place is shorter
            if ents and _isles_county_council(d, i, j):
                continue  # "Clare County Council" in a text of Ireland: the county is "Clare"
            if not ents and _division_with_its_word(d, i, j) \
                    and d.add(d.doc[i:j], "gaz", fuzzy=False, require=True) is not None:
                resume = j  # "the Khabarovsk Territory", "Stavropol Krai": the division, word and all
                break
            if ents:
                if _accept_span(d, i, j, name, ents, ents_at.get(i)):
                    resume = j
                else:
                    refused.append((i, j, name, ents))
                    if any(d.toks.lower[k] in _INNER_SMALL_WORDS for k in range(i + 1, j - 1)) \
                            or (j - i >= 2 and d.toks.lower[i] in _COMPASS and any(
                                e.kind == "region" and e.id in g.main_ids(name) for e in ents)):
                        # no word of "Pampilhosa da Serra" is a place of its own,
                        # nor the rest of a region's name opened by a compass
                        # word ("Eastern Highlands" of a tea firm's name)
                        resume = j
                break
    _accept_town_lists(d, refused)
    _accept_line_lists(d, refused)
    # a name refused before the places listed after it were found ("Klaten,
    # Sukoharjo and Magelang"): asked again while the list grows
    for _ in range(3):
        again = [r for r in refused if d.free(r[0], r[1]) and (_coordinated(d.toks, d.doc[r[0]:r[1]], d.taken)
                                                                or _between_place(d.toks, r[0], d.taken, r[1]))]
        # (each still free when its turn comes: a name taken just before may hold
        # it, "Sanem" of "Rudnik nad Sanem")
        grown = [r for r in again if d.free(r[0], r[1]) and (
            _accept_span(d, r[0], r[1], r[2], r[3], ents_at.get(r[0])) or _listed_with_cue(d, r))]
        if not grown:
            break
        refused = [r for r in refused if r not in grown]


#: words that open an institution's name with the word after them ("High Court", "High School")
_INSTITUTION_OPENERS = {"high", "supreme", "grammar", "state"}
_INSTITUTION_HEADS = {"court", "school", "commission", "commissioner", "university", "college"}


def _institution_opened(toks: _Tokens, i: int, j: int) -> bool:
    """The name ``toks[i:j]`` of two words or more ends in the word that
    opens an institution's name with the next ("the Bombay High Court",
    "Wagga Wagga High School"): the place is shorter."""
    return j - i >= 2 and j < toks.n and toks.lower[j - 1] in _INSTITUTION_OPENERS \
        and toks.lower[j] in _INSTITUTION_HEADS and toks.title[j]


#: lower-case words inside a place's name of several words ("Castanheira de Pera", "Figueiró dos Vinhos");
#: not "of", which joins a place to a body's name too ("University of Ghana")
_INNER_SMALL_WORDS = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "el", "y", "e"}

#: the fewest towns of a list that speak for each other without a cue
LIST_TOWNS = 3
#: ... or two towns this big
PAIR_TOWN_POP = 10_000


def _accept_town_lists(d: _Detection, refused: list[tuple[int, int, str, list[Entry]]]) -> None:
    """A flat list of names refused one by one ("carried Azángaro, Lampa and
    Ayaviri"), each the own name of a town of 1,000 people in a country the
    text is about and none a person's word here: towns that speak for each
    other, when three or more, or two after a place's cue, or two towns of
    PAIR_TOWN_POP people or more ("Jeseník and Krnov were cut off")."""
    toks, g = d.toks, d.g
    groups: list[list[tuple[int, int, str, list[Entry]]]] = []
    for r in refused:
        if groups and r[0] > 0 and toks.lower[r[0] - 1] in ("and", "or", ",") and groups[-1][-1][1] == r[0] - 1:
            groups[-1].append(r)
        else:
            groups.append([r])
    for grp in groups:
        if len(grp) < 2 or (len(grp) < LIST_TOWNS and not _place_cue(toks, grp[0][0], grp[0][1], g)
                            and not all(_listed_town(d, i, j, name, ents, PAIR_TOWN_POP)
                                        for i, j, name, ents in grp)):
            continue
        if grp[-1][1] < toks.n and toks.title[grp[-1][1]]:
            continue  # the list goes on in a name ("Smith, Jones and Brown Ltd")
        # (each of them, or the ones that are when three or more are: a town
        # by another of its names stays out, "Sambava, Antalaha, Vohemar and Andapa")
        towns = [(i, j) for i, j, name, ents in grp if _listed_town(d, i, j, name, ents)]
        if len(towns) == len(grp) or len(towns) >= LIST_TOWNS:
            for i, j in towns:
                d.add(d.doc[i:j], "gaz", fuzzy=False, require=True)


#: what may stand around a name in a list's or a table's line ("3. Edo — 75.1%", "Pune | Kothrud | March")
_CELL_MARKS = {".", ")", "(", "-", "•", "*", "|", "—", "–", "#", ":", ",", "%", "/"}
#: marks that join two words of one name when no space stands about them
_JOINING_MARKS = {"-", "–", "—", "/"}
#: a list's lines with this many names found as places vouch for the others
LINE_LIST_FOUND = 2


def _line_cells(toks: _Tokens) -> list[tuple[int, int, int]]:
    """The names standing alone in a line's cell, as ``(line, start, end)``:
    one to four capitalised words (and the hyphens joining them) with
    nothing but the line's ends, marks and figures about them ("3. Edo —
    75.1%", "Pune | Kothrud | March", "9. Bacolod", "KwaZulu-Natal – 89.5%")."""
    cells: list[tuple[int, int, int]] = []
    n = toks.n
    # (the tokens that break lines, and the lines broken up to each: a cell's line by a search)
    breaks = [s - 1 for s in toks.line_starts()[1:]]
    lines = list(accumulate(toks.text[b].count("\n") for b in breaks))
    done = 0  # the first token not yet read
    for k in toks.capped():
        if k < done or not toks.alpha[k]:
            continue
        above = bisect_left(breaks, k)
        line = lines[above - 1] if above else 0
        e = k
        while e < n and e - k < 6 and (toks.cap[e] and toks.alpha[e] or (
                toks.text[e] == "-" and not toks.space[e - 1] and e + 1 < n and toks.cap[e + 1])):
            e += 1  # (words joined by hyphens too: "KwaZulu-Natal")
        before = k == 0 or "\n" in toks.text[k - 1] or (
            toks.text[k - 1] in _CELL_MARKS and toks.text[k - 1] != ","
            # (a dash or slash as a cell's mark, not inside a name: "Charlottenburg-Wilmersdorf")
            and (toks.text[k - 1] not in _JOINING_MARKS or k < 2 or toks.space[k - 2]
                 or "\n" in toks.text[k - 2])) or toks.like_num[k - 1]
        after = e == n or "\n" in toks.text[e] or (
            toks.text[e] in _CELL_MARKS and (toks.text[e] not in _JOINING_MARKS or toks.space[e - 1])) \
            or (toks.like_num[e] and "." in toks.text[e]) \
            or (toks.like_num[e] and (e + 1 == n or "\n" in toks.text[e + 1]))
        # ("Multan 61.0", not "Ward 17", "March 6" inside a line; a figure
        # closing the line too: "Babinda 212" in a table of rainfall)
        if before and after:
            cells.append((line, k, e))
        done = e
    return cells


def _accept_line_lists(d: _Detection, refused: list[tuple[int, int, str, list[Entry]]]) -> None:
    """A list's or a table's lines of names ("1. Anambra — 78.4%" / "2.
    Abia — 76.9%" / "3. Edo — 75.1%"; "Pune | Kothrud | February"): a
    refused name alone in its cell, places found in two lines of the text
    or more, one on the line next to the name's and none counted farther
    than three lines, is a place too when a town of 1,000 or a division of
    the text's countries (or of the places found in the cells) by its own
    name, no month's name and no person's word here."""
    if not refused:
        return
    toks, g = d.toks, d.g
    cells = _line_cells(toks)
    at = {(s, e): line for line, s, e in cells}
    found_lines = sorted({line for line, s, e in cells if d.taken[s]})
    if not found_lines:
        return
    # (the countries of the places found in the cells, which the text may not name)
    starts = {s for line, s, e in cells if d.taken[s]}
    found_countries = {m.cands[0].country for m in d.mentions
                       if m.span is not None and m.span.start in starts and m.cands}
    if len(found_lines) < LINE_LIST_FOUND:
        _accept_list_of_one_land(d, refused, at, found_lines[0], found_countries)
        return
    countries = set(d.doc_countries) | found_countries
    # (a line found so vouches for the next ones, as the first found did:
    # "Coober Pedy (SA)" for "Halls Creek (WA)" below it)
    lines = set(found_lines)
    grown = True
    while grown:
        grown = False
        for i, j, name, ents in refused:
            line = at.get((i, j))
            if line is None or not d.free(i, j):
                continue
            # (lines of the same list: within three lines of the name, not its own)
            near = [x for x in lines if x != line and abs(x - line) <= 3]
            if len(near) < LINE_LIST_FOUND - 1 or not any(abs(x - line) <= 1 for x in near):
                continue
            main = g.main_ids(name)
            if _person_like(toks, i, j, d.person_words) or _common_word(name, j - i, max(ents, key=_prior)) \
                    or normalize(name) in _DATE_NAMES:
                continue  # (nor a month's name: "March 6 — Aberdeen, P&J Live")
            if any(e.id in main and e.country in countries and (
                    e.kind == "city" and e.population >= 1000
                    or e.kind == "region" and e.source in ("subdivision", "state", "extra") and not e.approx)
                   for e in ents) and d.add(d.doc[i:j], "gaz", fuzzy=False, require=True) is not None:
                grown = grown or line not in lines
                lines.add(line)


#: lines of a list of one land's towns, with the one found among them, that make it a list of places
LAND_LIST_LINES = 4


def _accept_list_of_one_land(d: _Detection, refused: list[tuple[int, int, str, list[Entry]]],
                             at: dict[tuple[int, int], int], found: int, countries: set) -> None:
    """A list's lines of names with one place found among them ("- Ilulissat
    — icebergs ..." / "- Aasiaat — ..." / "- Nuuk — the capital"): the names
    alone in their cells that are towns of 1,000 of the found place's country
    by their own names, no person's word here, are places too when they and
    the found one fill ``LAND_LIST_LINES`` lines or more, one after another
    (a blank line between them at most)."""
    toks, g = d.toks, d.g
    kin: dict[int, tuple[int, int]] = {}
    for i, j, name, ents in refused:
        line = at.get((i, j))
        if line is None or line == found or not d.free(i, j) or _person_like(toks, i, j, d.person_words) \
                or _common_word(name, j - i, max(ents, key=_prior)) or normalize(name) in _DATE_NAMES:
            continue
        main = g.main_ids(name)
        if any(e.id in main and e.country in countries and e.kind == "city" and e.population >= 1000
               for e in ents):
            kin[line] = (i, j)
    run, k = [found], found
    while k - 1 in kin or k - 2 in kin:
        k = k - 1 if k - 1 in kin else k - 2
        run.append(k)
    k = found
    while k + 1 in kin or k + 2 in kin:
        k = k + 1 if k + 1 in kin else k + 2
        run.append(k)
    if len(run) < LAND_LIST_LINES:
        return
    for line in sorted(run):
        if line != found:
            i, j = kin[line]
            d.add(d.doc[i:j], "gaz", fuzzy=False, require=True)


def _listed_with_cue(d: _Detection, r: tuple[int, int, str, list[Entry]]) -> bool:
    """A refused name listed with places found after a place's cue ("the
    area between Carnarvon, Williston and Brandvlei", the others found
    first): a town of the text's countries by its own name, like the names
    of :func:`_accept_town_lists`; added if so."""
    i, j, name, ents = r
    toks = d.toks
    if j < toks.n and (toks.title[j] or toks.text[j] == "-"):
        return False  # the name goes on ("Kanawha County, Supreme Court", "Saint-Bernard-de-Lacolle")
    if not (_place_cue(toks, i, j, d.g) and _listed_town(d, i, j, name, ents)):
        return False
    d.add(d.doc[i:j], "gaz", fuzzy=False, require=True)
    return True


def _listed_town(d: _Detection, i: int, j: int, name: str, ents: list[Entry], pop: int = 1000) -> bool:
    """A town of ``pop`` people of the text's countries by its own name, or
    a province of theirs ("bound for Samar and Leyte"), free and no person's word here."""
    main = d.g.main_ids(name)
    return d.free(i, j) and not _person_like(d.toks, i, j, d.person_words) \
        and not _common_word(name, j - i, max(ents, key=_prior)) \
        and any(e.id in main and e.country in d.doc_countries and (
            e.kind == "city" and e.population >= pop
            or e.kind == "region" and e.source == "subdivision" and not e.approx) for e in ents)


#: capitalised words of a division's kind after its name ("Katsina State")
_STATE_WORDS = {"state"}


def _state_named(d: _Detection, i: int, j: int, name: str, ent: Optional[Span]) -> bool:
    """A division's own name before its capitalised kind ("Katsina State",
    "Ogun State") that the model took for, or put at the head of, an
    organisation or a person ("the Ogun State Emergency Management
    Agency"): the name is a mention of the division (added; its kind stays
    out, as GeoNames names the division, and tells the resolver it is one)."""
    toks, g = d.toks, d.g
    if ent is None or ent.label_ not in ("ORG", "PERSON") or j >= toks.n or not toks.title[j] \
            or toks.lower[j] not in _STATE_WORDS or d.taken[j]:
        return False
    whole = _strip(toks, ent.start, ent.end)
    if whole is None or whole[0] != i or whole[1] < j + 1:
        return False
    main = g.main_ids(name)
    # (an American state is never named so: "Ohio State" is a university or its
    # team; nor is a compass word: "Western State")
    ents = g.exact(name)
    if toks.lower[i] in COMMON_WORDS or any(e.kind == "region" and e.country == "US" for e in ents) \
            or not any(e.kind == "region" and e.id in main and e.source in ("state", "subdivision", "extra")
                       for e in ents):
        return False
    return d.add(d.doc[i:j], "gaz", fuzzy=False, require=True) is not None
