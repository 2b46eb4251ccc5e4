"""Places, detection step 2: gazetteer-backed capitalised spans the model
missed or mislabelled (:func:`_detect_gazetteer_spans`), each accepted or
not by :func:`_accept_span` from the model's label, the span's context and
the gazetteer's entries."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span

from ...gazetteer import Entry, Gazetteer, haversine_km, normalize
from ..timex import lexicon as timex_lexicon
from .words import (_FUNCTION_POS, BASE_WORDS, CLUB_OPENERS, CLUB_PREFIXES, CLUB_WORDS, COMMON_WORDS, COUNTY_LANDS,
                    LOC_PREPS, MAX_NGRAM, PERSON_VERBS, TITLES)
from .tokens import (_after_kin, _after_label, _after_place, _coordinated, _county_name, _event_of,
                     _foreign_to_possessor, _in_score, _person_like, _place_cue, _possessor_country, _strip,
                     _Tokens, _with_abbreviation_dot, _with_possessive_end)
from .entries import (_alias_ok, _common_word, _famous_alias, _firm, _OWN_SOURCES, _prior, _respelling, _strong,
                      _top_level)
from .mention import _compass_word, _DIVISION_KINDS_ABROAD, _DIVISION_WORDS, _Detection, _prefetch
from .international import _generic_tail, _REGION_OPENERS


def _country_initials(toks: _Tokens, i: int, g: Gazetteer) -> bool:
    """A country's initials ("US" in "US Army", "UK" in "UK Border Force"),
    or a big state's or province's ("NSW"):
    a name to look up, though neither capitalised nor (for "US") a content
    word; not inside a run of capitals, where "US" may be the pronoun ("JOIN
    US TONIGHT")."""
    word = toks.text[i]
    if not (2 <= len(word) <= 3 and word.isupper()):
        return False
    for k in (i - 1, i + 1):
        if 0 <= k < len(toks) and toks.alpha[k] and len(toks.text[k]) > 1 and toks.text[k].isupper():
            return False
    if g.country_code(word) is not None:
        return True
    # a big state's or province's initials, from our own table ("the NSW government"),
    # not a title's with its number ("GTA 6")
    if i + 1 < len(toks) and toks.text[i + 1][:1].isdigit():
        return False
    return len(word) == 3 and any(e.source == "extra" and e.kind == "region" and e.population >= 1_000_000
                                  for e in g.exact(word))


def _ngram_candidates(d: _Detection) -> dict[int, list[tuple[int, str]]]:
    """For each token that may open a name in step 2 (capitalised, not a
    function or stop word, or a country's initials such as "US"; free), the
    n-grams it opens that end on a capitalised word and cover only free
    tokens, longest first, as ``(end, text)``.  Step 2 takes tokens only up
    to where it reads, so what is free ahead of it stays as it is here."""
    toks, taken = d.toks, d.taken
    n = len(toks)
    text, cap, punct, pos, stop = toks.text, toks.cap, toks.punct, toks.pos, toks.stop
    out: dict[int, list[tuple[int, str]]] = {}
    for i in range(n):
        if taken[i]:
            continue
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
        if not cap[i] or (pos[i] in _FUNCTION_POS and not _mistagged_name(toks, i) and not inner_stop) \
                or (stop[i] and not inner_stop):
            if not _country_initials(toks, i, d.g):
                continue
        grams = []
        for j in range(i + 1, min(n, i + MAX_NGRAM) + 1):
            if taken[j - 1]:
                break
            if (cap[j - 1] or text[j - 1].isupper()) and not punct[j - 1] and not (inner_stop and j == i + 1):
                grams.append((j, toks.span_text(i, j)))
        grams.reverse()
        out[i] = grams
    return out


#: prepositions before a town that "The" may open ("in The Dalles")
_TOWN_PREPS = {"in", "near", "from", "outside", "to"}
#: articles that open some places' own names ("The Dalles", "A Coruña", "El Paso", "La Paz")
_NAME_ARTICLES = {"the", "a", "la", "el", "le", "los", "las", "les", "al", "o"}


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
            ents = g.exact(name)
            if ents and _generic_tail(d, i, j, name, ents, ents_at.get(i)):
                continue  # "Michigan Center for ...", "London City airport": the place is shorter
            if ents:
                if _accept_span(d, i, j, name, ents, ents_at.get(i)):
                    resume = j
                else:
                    refused.append((i, j, name, ents))
                break
    _accept_town_lists(d, refused)
    # a name refused before the places listed after it were found ("Klaten,
    # Sukoharjo and Magelang"): asked again while the list grows
    for _ in range(3):
        again = [r for r in refused if d.free(r[0], r[1]) and _coordinated(d.toks, d.doc[r[0]:r[1]], d.taken)]
        grown = [r for r in again if _accept_span(d, r[0], r[1], r[2], r[3], ents_at.get(r[0]))]
        if not grown:
            break
        refused = [r for r in refused if r not in grown]


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
        if grp[-1][1] < len(toks) and toks.title[grp[-1][1]]:
            continue  # the list goes on in a name ("Smith, Jones and Brown Ltd")
        # (each of them, or the ones that are when three or more are: a town
        # by another of its names stays out, "Sambava, Antalaha, Vohemar and Andapa")
        towns = [(i, j) for i, j, name, ents in grp if _listed_town(d, i, j, name, ents)]
        if len(towns) == len(grp) or len(towns) >= LIST_TOWNS:
            for i, j in towns:
                d.add(d.doc[i:j], "gaz", fuzzy=False, require=True)


def _listed_town(d: _Detection, i: int, j: int, name: str, ents: list[Entry], pop: int = 1000) -> bool:
    main = d.g.main_ids(name)
    return d.free(i, j) and not _person_like(d.toks, i, j, d.person_words) \
        and not _common_word(name, j - i, max(ents, key=_prior)) \
        and any(e.kind == "city" and e.id in main and e.population >= pop and e.country in d.doc_countries
                for e in ents)


#: capitalised words of a division's kind after its name ("Katsina State")
_STATE_WORDS = {"state"}


def _state_named(d: _Detection, i: int, j: int, name: str, ent: Optional[Span]) -> bool:
    """A division's own name before its capitalised kind ("Katsina State",
    "Ogun State") that the model took for, or put at the head of, an
    organisation or a person ("the Ogun State Emergency Management
    Agency"): the name is a mention of the division (added; its kind stays
    out, as GeoNames names the division, and tells the resolver it is one)."""
    toks, g = d.toks, d.g
    if ent is None or ent.label_ not in ("ORG", "PERSON") or j >= len(toks) or not toks.title[j] \
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


#: entity labels of the model that a place name never has
_NOT_PLACE_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE"}


#: prepositions that put a town's name in place, whatever the model made of it
_GOING_PREPS = {"in", "to", "near", "outside"}


def _accept_span(d: _Detection, i: int, j: int, name: str, ents: list[Entry],
                 ent: Optional[Span]) -> bool:
    """Whether the capitalised name ``doc[i:j]`` (``name``) that the gazetteer
    knows (``ents``) is a place here, given the model's entity ``ent`` at its
    first token; if so, it is added."""
    doc, toks, g, taken, person_words = d.doc, d.toks, d.g, d.taken, d.person_words
    label = ent.label_ if ent is not None else None
    if label in ("DATE", "TIME") and _strip(toks, ent.start, ent.end) == (i, j) \
            and not any(c.isdigit() for c in name) and normalize(name) not in _DATE_NAMES:
        label = ent = None  # the model's DATE for "spoke in Montevideo": no date without a date word
    if label in _NOT_PLACE_LABELS or (j - i == 1 and _firm(name, label, toks, i)):
        return False
    if _event_of(toks, i, j):
        return False
    if j - i == 1 and j < len(toks) and toks.like_num[j] and normalize(name) in _DATE_NAMES:
        return False  # "Nov 18, 2025" under a byline: a date, not a town named Nov
    if j - i == 1 and name in d.company_words:
        own = g.main_ids(name)
        if not any(e.kind == "city" and e.population >= 100_000 and e.id in own for e in ents):
            return False  # "Southgate" of "cloud company Southgate Compute", wherever the text names it
    owner = _possessor_country(toks, i, g)  # "Kenya's Dadaab", "France's Macron"
    if j - i == 1 and _foreign_to_possessor(owner, ents):
        return False
    doc_countries = d.doc_countries
    main, alias_ok = g.main_ids(name), _alias_ok(name)  # _own_or_main, for every entry
    # (whether the model took it alone for a person or a body, or inside a
    # body's name: "the Bombay Stock Exchange", "the Madras High Court")
    famous = _famous_alias(name, main, ents, g) \
        if j - i == 1 and (ent is None or ent.label_ in ("PERSON", "ORG")) else None
    # an English or transliterated name of more than one word ("Khan Younis",
    # "Rhineland-Palatinate"), when it is no place's own name, names a province or a big town
    several = j - i >= 2 and not main
    # (whether the name is the own name of a place of the text's countries)
    own_local = any(e.id in main and e.country in doc_countries for e in ents)
    # (a town's former name, said to be one: "formerly known as Chardzhou")
    former = not main and _former_name(toks, i) and any(
        e.kind == "region" or (e.kind == "city" and e.population >= 1000) for e in ents)
    # (a great town's own name spelt another way, "Seville" of Sevilla, when
    # the places whose own name it is are small, no Marina of 20,000, and
    # the model took it for no person: "W.A. Chandana Perera" is no Pereira)
    respelt = frozenset(e.id for e in ents if e.id not in main and _respelling(name, e)) \
        if label != "PERSON" and all(e.population < 10_000 for e in ents if e.id in main) else frozenset()
    if respelt:
        main = main | respelt
    ents = [e for e in ents if e.id in main or former or (alias_ok and e.source in _OWN_SOURCES)
            or (e.kind == "city" and e.country in doc_countries and len(name) >= 6
                and e.population >= 1000) or e is famous
            # (a great town of the text's country by another spelling, a name
            # that is no place's own: "south of Homel")
            or (e.kind == "city" and e.country in doc_countries and len(name) == 5
                and e.population >= 100_000 and not main)
            or (several and (e.source == "subdivision" or (e.kind == "city" and e.population >= 100_000))
                and not e.approx)
            or (e.kind == "city" and g.is_capital(e) and _capital_spelling(name, e, g))
            # (a province of the text's country by its English name: "Thessaly", "Attica")
            or (e.source == "subdivision" and alias_ok and e.country in doc_countries and not e.approx)]
    if famous is not None:
        main = main | {famous.id}  # "Kiev" is Kyiv's name as much as "Kyiv" is
    # (and a capital's as our country table spells it: "Ulaanbaatar")
    main = main | {e.id for e in ents if e.id not in main and e.kind == "city" and g.is_capital(e)
                   and _capital_spelling(name, e, g)}
    best = max(ents, key=_prior) if ents else None
    # the biggest namesake still says the name is a place ("Donetsk" is a
    # city of Ukraine though the text's "Russian" makes Russia's town first)
    biggest = best
    if best is not None and not _top_level(best) and best.country not in doc_countries:
        # a small place of a country the text is about beats a bigger namesake abroad
        local_ents = [e for e in ents if e.country in doc_countries and e.kind == "city"
                      and e.population >= 1000]
        if local_ents:
            best = max(local_ents, key=_prior)
    # a town of the text's countries (or a big one) opening a headline after
    # a page's label, a noun after it ("Read more: Paarl schools' derby draws ...")
    headline = best is not None and best.kind == "city" and best.id in main and best.population >= 1000 \
        and (best.country in doc_countries or best.population >= 100_000) and _after_label(toks, i) \
        and j < len(toks) and (toks.pos[j] in ("NOUN", "ADJ", "PART") and toks.text[j].islower()
                               or toks.text[j] in ("'s", "’s", "'", "’")
                               # (a town of 20,000 acting: "Related: Medicine Hat approves ...")
                               or toks.pos[j] == "VERB" and toks.text[j].islower() and best.population >= 20_000)
    ok = False
    if best is None:
        ok = False
    elif former and best.kind in ("city", "region") \
            and not (j < len(toks) and toks.title[j]) and not _person_like(toks, i, j, person_words):
        # "the port known until 2016 as Illichivsk": a name only another of a
        # place's ("the artist formerly known as Prince": a town's own name)
        ok = True
    elif _common_word(name, j - i, best):
        # (a town named like a statesman or a thing, inside a town's own
        # words: "councillors in Hamilton voted", "flooding near Reading")
        ok = _town_in_common_word(toks, i, j, name, best, main, person_words)
    elif j - i >= 3 and best.id in main and label not in ("GPE", "LOC") and (
            best.kind == "country" or (best.kind == "region" and "and" in toks.lower[i:j])):
        # a country's own name of several words, or a province's of two
        # joined, whatever the model made of its parts ("Antigua and Barbuda",
        # "Sistan and Baluchestan" as two persons)
        ok = True
    elif _county_name(toks, i, j, best):
        # "Laurel County", "Avoyelles Parish": the name says what it is
        ok = not _person_like(toks, i, j, person_words)
        if ok and best.country:
            doc_countries.add(best.country)  # ("Kilrush, Co Clare": a text of Ireland's)
    elif label == "PERSON" and _club_opening(toks, i, j, ent):
        # "Manchester United beat Chelsea": a big city opening a club's name
        # (the club word after it is no surname, so _person_like is not asked)
        ok = best.kind == "city" and best.id in main and best.population >= 100_000 \
            and not (i > 0 and toks.lower[i - 1].rstrip(".") in TITLES)
    elif label == "PERSON":
        # (or the name goes on after the person's with hyphens: "Stratford" + "-upon-Avon")
        # (or the model's person takes in the place's noun or kind after it:
        # "Kanpur police", "Kano State")
        covers = _strip(toks, ent.start, ent.end) == (i, j) or (
            ent.start == i and ent.end < j and toks.text[ent.end] == "-"
            and not any(toks.space[k] for k in range(i, j - 1))) or (
            ent.start == i and ent.end == j + 1 and (_after_place(toks, j) or toks.lower[j] in _DIVISION_WORDS))
        # (the kind after the name is no surname: ask of the whole)
        kind_after = ent.end == j + 1 and toks.lower[j] in _DIVISION_WORDS
        # (a great namesake abroad speaks for the name as well as the small one
        # at home the text's country makes first: "Rotterdam handles ...")
        ok = (covers and not _person_like(toks, i, j + kind_after, person_words)
              and (_strong(best, g) or (biggest.id in main and _strong(biggest, g))
                   or _place_cue(toks, i, j, g) or _division_after(toks, j, best, main)
                   or (_home_of_person(toks, i) and best.kind == "city" and best.id in main)
                   or (best.kind == "city" and best.id in main and best.population >= 10_000
                       and _match_report(doc, toks, i, j))
                   or _coordinated(toks, doc[i:j], taken) or headline
                   # ("Stellenbosch Municipality said": a town's own division)
                   or (kind_after and toks.title[j] and best.kind == "city" and best.id in main
                       and best.population >= 1000)
                   or (best.country is not None and owner == best.country)
                   or (_after_place(toks, j) and best.population >= 1000)
                   # (a town of 10,000 of the text's countries the model took for a lone
                   # surname, no person of the text bearing it: "linking Vidin with Calafat")
                   or (j - i == 1 and best.kind == "city" and best.id in main and best.population >= 10_000
                       and best.country in doc_countries and _lone_name(doc, toks, i))
                   # (a town's own name that ends in a word no surname ends in: "Alice Springs")
                   or (j - i >= 2 and toks.lower[j - 1] in _TOWN_TAILS and best.kind == "city"
                       and best.id in main and best.population >= 1000))
              and not _speech_subject_person(doc[i:j], best, g))
    elif ent is not None and label not in ("GPE", "LOC"):
        whole = _strip(toks, ent.start, ent.end)
        # (a news outlet's name with its lower-case kind taken in: "Xinhua news agency")
        covers = whole == (i, j) or (whole is not None and whole[0] == i and j < whole[1] and all(
            toks.lower[k] in _MEDIA_WORDS and not toks.title[k] for k in range(j, whole[1])))
        local = best.kind == "city" and (best.country in doc_countries or not doc_countries)
        if covers:
            ok = _top_level(best) or ((_strong(best, g) or (best.source == "subdivision" and not best.approx))
                                      and _place_cue(toks, i, j, g)) \
                or (several and g.is_province(best) and not best.approx
                    and not _person_like(toks, i, j, person_words)) \
                or (best.kind == "city" and best.id in main and (
                    best.population >= 100_000 or g.is_capital(best)
                    or (best.population >= 10_000 and (local or best.population >= 50_000)
                        and _match_report(doc, toks, i, j))
                    or (local and best.population >= 1000 and (
                        _place_cue(toks, i, j, g) or _coordinated(toks, doc[i:j], taken)
                        or _home_of_person(toks, i) or headline
                        or _after_place(toks, j) or owner == best.country))
                    # (a town of 20,000 abroad after "in", "to", "near": "across the gulf to Eilat")
                    or (best.population >= 20_000 and j - i == 1 and i > 0 and toks.lower[i - 1] in _GOING_PREPS
                        and not _person_like(toks, i, j, person_words)))) \
                or (local and (j - i == 1 or several) and best.id not in main and bool(doc_countries)
                    and not own_local and best.population >= 1000 and _place_cue(toks, i, j, g)
                    and not _person_like(toks, i, j, person_words))
            # (the one before the last: a province by its English name of several words,
            # "Lower Saxony said"; the last: a town of the text's country by its
            # English name, "the island of Rhodes", "through Islam Qala")
        else:
            # a place inside an organisation's name ("Kentucky State Police",
            # "Mansfield Police Department", "University of Rochester"): it
            # opens the name or follows "of"/"in"/"at"
            # (not a word of two letters: "Al" of "Al Jazeera" is no Norwegian town)
            first = whole is not None and i == whole[0] and len(normalize(name)) > 2
            after_of = i > 0 and toks.lower[i - 1] in ("of", "in", "at", "for")
            # a saint's name opening a church's or hospital's name ("St.
            # Rose Dominican Hospital") is a place only when a big one
            saint = toks.lower[i].rstrip(".") in ("st", "saint", "ste", "san", "santa") \
                and best.population < 50_000
            # a great city closing the name ("Real Madrid", "Bayern Munich")
            # (not "London" of "New London", whose longer name is a place)
            # (a smaller one, of 100,000, after a club's word or two words or
            # more, not in a byline's name nor after a compass word: "Inter
            # Miami", "Red Bull Salzburg"; not "By Aminu Bello", "South Charlston")
            last = whole is not None and j == whole[1] and best.population >= _CLOSING_CITY_POP \
                and i > whole[0] and not g.exact(toks.span_text(i - 1, j)) \
                and (best.population >= 500_000 or (
                    (i - whole[0] >= 2 or toks.lower[whole[0]] in CLUB_PREFIXES)
                    and "by" not in toks.lower[max(0, whole[0] - 1):whole[0] + 1]
                    and not _compass_word(toks.text[i - 1])))
            # (or listed after a place inside what the model took for one
            # name: "around Alicante and Murcia" as one organisation)
            listed = whole is not None and i > whole[0] and toks.lower[i - 1] in ("and", "or", ",") \
                and (j == whole[1] or toks.lower[j] in ("and", "or", ",")) and _coordinated(toks, doc[i:j], taken)
            # (or a town closing a club's name opened by its letters: "IFK Göteborg", "FC Inter Turku")
            club = whole is not None and j == whole[1] and i > whole[0] and toks.text[whole[0]].isupper() \
                and toks.lower[whole[0]] in CLUB_OPENERS and best.kind == "city" and best.population >= 20_000 \
                and not _person_like(toks, i, j, person_words)
            # (or a province of the text's country after "of": "the University of Thessaly")
            # (or an Irish or British county opening its council's name: "Kerry County Council")
            # (or a province's own name opening its council's, police's or
            # government's: "North Yorkshire Council", "Lagos State Government")
            council = first and j < len(toks) and toks.title[j] and (
                (toks.lower[j] == "county" and any(
                    e.kind == "region" and e.source in ("subdivision", "extra") and e.country in COUNTY_LANDS
                    and not e.approx for e in ents))
                or (toks.lower[j] in _BODY_HEADS and best.kind == "region" and best.id in main
                    and best.source in ("subdivision", "extra") and not best.approx))
            ok = _top_level(best) or club or council \
                or (after_of and best.source == "subdivision" and not best.approx
                    and best.country in doc_countries) \
                or (not saint and (first or after_of or last or listed) and best.kind == "city"
                    and best.id in main
                    and not _person_like(toks, i, j, person_words)
                    and (best.population >= 20_000
                         or (local and best.population >= 2000)))
    elif ent is None:
        # (a name may open with its article, when the place's own name does:
        # "The Dalles", "A Coruña"; not "The Texas Cowboys", a band)
        article = j - i >= 2 and toks.lower[i] in _NAME_ARTICLES and best is not None \
            and best.name.lower().startswith(toks.lower[i] + " ") and not (j < len(toks) and toks.title[j])
        if all(toks.pos[k] == "PROPN" or toks.text[k] in _INNER_JOINERS for k in range(i, j)) \
                or (article and all(toks.title[k] for k in range(i + 1, j))) \
                or (_hyphen_joined(toks, i, j) and toks.pos[i] == "PROPN"):
            ok = not _person_like(toks, i, j, person_words) and (
                _top_level(best) or (_place_cue(toks, i, j, g) and best.population >= 1000) or headline
                or (best.kind == "city" and best.id in main and (
                    best.population >= 100_000 or g.is_capital(best)
                    or (best.population >= 1000 and (_coordinated(toks, doc[i:j], taken)
                                                     or _after_place(toks, j)))))
                or (biggest.kind == "city" and biggest.id in main and biggest.population >= 100_000)
                # (a big town's other name of several words: "Talisay City")
                or (several and best.kind == "city" and best.population >= 100_000))
        elif j - i == 1 and toks.title[i] and (best.id in main or _capital_spelling(name, best, g)) \
                and (best.kind == "country" or g.is_capital(best)) and (
                    _speaking(doc[i]) or (_acting(doc[i]) and best.population >= 100_000)):
            ok = True  # "Montevideo said ...", "Tunis extended ...": a capital acting for its government
        elif j - i >= 2 and all(toks.title[k] for k in range(i, j)) and best.source == "extra" \
                and best.kind in ("region", "feature") and best.id in main and _prep_before(toks, i) \
                and not (j < len(toks) and toks.title[j]):
            # a region or feature of our table whose words the model read as
            # common ones, after a place's preposition ("across the Top End")
            ok = True
        elif headline and (j - i == 1 or _hyphen_joined(toks, i, j)):
            # (the model reads a headline's first word as anything: "Read more: Taiping hawkers ...")
            ok = not _person_like(toks, i, j, person_words)
        elif _after_place(toks, j) and (all(toks.title[k] for k in range(i, j)) or _hyphen_joined(toks, i, j)):
            # "Peshawar police said ...": a big town before a place's noun,
            # where the model read an adjective or a common noun
            ok = not _person_like(toks, i, j, person_words) and (
                _top_level(best) or (best.kind == "city" and best.id in main
                                     and (best.population >= 100_000 or g.is_capital(best))))
        elif j - i == 1 and toks.title[i] and toks.pos[i] == "NOUN" and name.lower() not in toks.lower_words():
            # a big town by its own name that the model read as a common noun
            # ("Oradea, often held up as a model, ..."), which the text never writes in lower case
            ok = not _person_like(toks, i, j, person_words) and any(
                e.kind == "city" and e.id in main and e.population >= 100_000 for e in ents)
    if not ok and best is not None and best.source == "subdivision" and not best.approx and best.id in main \
            and label not in ("DATE", "TIME", "PERSON") and _holds_town_before(d, i, best) \
            and not (j < len(toks) and toks.title[j]):
        ok = True  # "at Battle, East Sussex, on Saturday": the division of the town named before it
    if not ok and best is not None and best.source == "subdivision" and not best.approx \
            and best.id in main and label not in ("DATE", "TIME", "PERSON") \
            and toks.lower[i] not in _REGION_OPENERS \
            and not _common_word(name, j - i, best) \
            and not _person_like(toks, i, j, person_words) \
            and (_coordinated(toks, doc[i:j], taken) or _listed_with_division(d, i, j, best)):
        # a province or county in a list with places ("Rogaland, Vestfold,
        # Telemark"), or with another province of its country the model
        # missed as well ("swept over Albay and Camarines Sur")
        ok = True
    if not ok and label not in ("DATE", "TIME", "PERSON") and toks.lower[i] not in _REGION_OPENERS:
        # a country's great part by its own name after a place's cue, whatever
        # the model made of it and however small its namesakes ("across Molise");
        # all of a name ("Far North Queensland", "Southland Vista Court" are others)
        province = next((e for e in ents if e.id in main and not e.approx and g.is_province(e)), None)
        ok = province is not None and not _common_word(name, j - i, province) \
            and not (j < len(toks) and toks.title[j]) \
            and _place_cue(toks, i, j, g) and not _person_like(toks, i, j, person_words)
    if not ok and label not in ("DATE", "TIME", "PERSON") and toks.lower[i] not in _REGION_OPENERS:
        # a division of the text's country by its own name, which says what it
        # is by its form ("Bouches-du-Rhône", "Nouvelle-Aquitaine") or by its
        # kind after it ("the Gironde département", "Opole Voivodeship")
        division = next((e for e in ents if e.id in main and not e.approx and e.source == "subdivision"
                         and e.country in doc_countries), None)
        ok = division is not None and not _common_word(name, j - i, division) \
            and (_hyphen_joined(toks, i, j)
                 or (j < len(toks) and toks.lower[j] in _DIVISION_WORDS | _DIVISION_KINDS_ABROAD)) \
            and not _person_like(toks, i, j, person_words)
    if not ok and j - i == 1 and label not in ("DATE", "TIME", "PERSON") and _shire(name) \
            and any(e.id in main and e.kind == "region" and not e.approx for e in ents) \
            and not _person_like(toks, i, j, person_words):
        ok = True  # "Readers in Pembrokeshire": a county that says what it is by its ending
    if not ok and j - i >= 2 and toks.lower[i] in _TOWN_OPENERS and toks.title[i] and label not in ("DATE", "TIME") \
            and any(e.kind == "city" and e.id in main and e.population >= 1000 for e in ents):
        ok = True  # "Port Augusta", "Fort Nelson": a town's own name that says what it is
    if not ok and best is not None and label not in ("DATE", "TIME") and _base_of(toks, i) \
            and best.kind == "city" and best.id in main \
            and (best.population >= 10_000 or (best.population >= 1000 and best.country in doc_countries)):
        ok = True  # "RAAF Base Darwin", "Naval Station Mayport": a base named after its town
    if not ok and label not in ("DATE", "TIME") and _state_after(toks, j, ents, main, g) \
            and not _person_like(toks, i, j, person_words):
        ok = True  # "Renmark, SA: 47.0C", "Coober Pedy, South Australia": a town of the state named after it
    if ok and best.kind != "country" and _after_kin(toks, i):
        ok = False  # "his wife, Florence,", "his daughters Victoria and Mai": family named like places
    if ok:
        d.add(doc[i:_with_abbreviation_dot(toks, i, _with_possessive_end(toks, i, j, g))], "gaz",
              fuzzy=False, require=True)
    return ok


#: how far from a division's centre a town named before it ("Battle, East Sussex") may lie
_HELD_KM = 150.0


def _holds_town_before(d: _Detection, i: int, division: Entry) -> bool:
    """Whether a place found before ", " at ``i`` has a namesake town within
    ``_HELD_KM`` of the division's centre ("Battle, East Sussex")."""
    if i < 2 or d.toks.text[i - 1] != "," or not d.taken[i - 2] or division.lat is None:
        return False
    before = next((m for m in d.mentions if m.span is not None and m.span.end == i - 1), None)
    return before is not None and any(
        e.kind == "city" and e.lat is not None and e.country == division.country
        and haversine_km(e.lat, e.lon, division.lat, division.lon) <= _HELD_KM for e in before.cands[:60])


def _former_name(toks: _Tokens, i: int) -> bool:
    """The name at ``i`` follows words that give a place's former name:
    "formerly known as", "known until 2016 as", "once called", "then
    called", "still called", "renamed from", "formerly"."""
    if i == 0:
        return False
    prev = toks.lower[i - 1]
    if prev in ("formerly", "previously") or (prev == "from" and i > 1 and toks.lower[i - 2] == "renamed"):
        return True
    if prev == "called" and i > 1 and toks.lower[i - 2] in ("once", "then", "formerly", "previously", "first",
                                                            "still", "long"):
        return True  # (and "still called Umtata in the files", "long called Bombay")
    if prev != "as":
        return False
    # "known as", with "formerly", "once" or "until <year>" before or inside it
    window = toks.lower[max(0, i - 6):i - 1]
    return "known" in window and any(w in window for w in ("formerly", "once", "until", "previously", "then"))


def _lone_name(doc, toks: _Tokens, i: int) -> bool:
    """Token ``i`` is a whole entity of its own, no possessive after it, not
    the subject of a verb (a bare surname acts: "Vidin said"), nor in
    apposition or a list (the others would be surnames too: "her husband,
    Jerome", "Day, Edwards and Miller"), nor after an apostrophe (a name cut
    by one)."""
    if i + 1 < len(toks) and (toks.ent_iob[i + 1] == "I" or toks.lower[i + 1] in ("'s", "’s")):
        return False
    if i > 0 and toks.text[i - 1] in ("'", "’"):
        return False
    t = doc[i]
    return t.dep_ not in ("nsubj", "nsubjpass", "compound", "poss", "appos", "conj") \
        and not any(c.dep_ in ("conj", "appos") for c in t.children)


#: last words of towns' names that end no person's name ("Alice Springs", "Niagara Falls")
_TOWN_TAILS = {"springs", "falls", "heights", "beach", "creek", "harbour", "harbor"}


#: general words or statesmen's names that name a town first after "in" or "near"
_TOWN_FIRST_WORDS = {"lincoln", "jefferson", "franklin", "hamilton", "madison", "monroe", "jackson",
                     "clinton", "reading", "bath", "buffalo", "troy", "mobile", "nice"}


def _town_in_common_word(toks: _Tokens, i: int, j: int, name: str, best: Entry, main,
                         person_words: set[str]) -> bool:
    """One of :data:`_TOWN_FIRST_WORDS` naming a town of 20,000 by its own
    name right after "in", "near" or "outside", and no person's or owner's
    name here (no title before it, no "'s" or capitalised word after it)."""
    if j - i != 1 or normalize(name) not in _TOWN_FIRST_WORDS or i == 0 \
            or toks.lower[i - 1] not in ("in", "near", "outside"):
        return False
    if j < len(toks) and (toks.title[j] or toks.lower[j] in ("'s", "’s")):
        return False
    return best.kind == "city" and best.id in main and best.population >= 20_000 \
        and not _person_like(toks, i, j, person_words)


def _shire(name: str) -> bool:
    """A county's name by its ending ("Pembrokeshire", "Aberdeenshire"), not the bare word."""
    low = name.lower()
    return low.endswith("shire") and len(low) > 7 and name[:1].isupper()


def _state_after(toks: _Tokens, j: int, ents: list[Entry], main: set, g: Gazetteer) -> bool:
    """The name ending before token ``j`` is followed by a comma and the
    name or abbreviation of a state or province ("Renmark, SA", "Mildura,
    Vic.", "Hawkesbury, Ontario") in which a town of the name's own lies."""
    n = len(toks)
    if j + 1 >= n or toks.text[j] != "," or not toks.text[j + 1][:1].isupper():
        return False
    for end in range(min(n, j + 4), j + 1, -1):
        if not all(toks.text[k][:1].isupper() and toks.text[k].isalpha() for k in range(j + 1, end)):
            continue
        if end < n and toks.text[end] == "." and not toks.space[end - 1]:
            names = (toks.span_text(j + 1, end + 1), toks.span_text(j + 1, end))
        else:
            names = (toks.span_text(j + 1, end),)
        for state_name in names:
            states = [r for r in g.exact(state_name) if r.kind == "region" and r.admin1 and r.country]
            if any(e.kind == "city" and e.id in main and e.country == r.country and e.admin1 == r.admin1
                   for e in ents for r in states):
                return True
    return False


#: first words of towns' names that say what they are ("Port Lincoln", "Fort Nelson", "Puerto Montt")
_TOWN_OPENERS = {"port", "fort", "puerto", "porto", "ciudad", "bandar", "kota"}


def _prep_before(toks: _Tokens, i: int) -> bool:
    """A locative preposition before ``i``, "the" between them or not ("into the")."""
    k = i - 1 if i > 0 and toks.lower[i - 1] == "the" else i
    return k > 0 and toks.lower[k - 1] in LOC_PREPS and toks.lower[k - 1] != "of"


def _base_of(toks: _Tokens, i: int) -> bool:
    """Whether the name at ``i`` closes a military base's name after its
    capitalised "Base" or "Station" and a word before that ("RAAF Base
    Darwin", "Naval Air Station Oceana")."""
    return i >= 2 and toks.text[i - 1] in BASE_WORDS and (toks.cap[i - 2] or toks.upper[i - 2]) \
        and not toks.stop[i - 2]


#: small words inside a place's name ("Rio Grande do Sul", "Bosnia and
#: Herzegovina" not: "and" would join two places)
_INNER_JOINERS = {"-", "of", "do", "da", "de", "del", "di", "du", "des", "dos", "das", "la", "le", "el",
                  "es"}


def _home_of_person(toks: _Tokens, i: int) -> bool:
    """The name follows a person's name and "of" ("Sen. Tom Lincoln of Eau
    Claire", "Mary Jones of Lebanon"), or a person's name and age ("Tonya
    Hargett, 46, of Killen"): the person's home town."""
    if i < 2 or toks.lower[i - 1] != "of":
        return False
    p = i - 2
    if p >= 3 and toks.text[p] == "," and toks.text[p - 1].isdigit() and toks.text[p - 2] == ",":
        p -= 3  # the age between commas
    return toks.ent_type[p] == "PERSON" and toks.ent_iob[p] in ("B", "I") and toks.title[p]


def _division_after(toks: _Tokens, j: int, best: Entry, main: set) -> bool:
    """A division's own name followed by its kind ("the Bicol region", "Kano state")."""
    return best.kind == "region" and best.id in main and j < len(toks) and toks.lower[j] in _DIVISION_WORDS


def _hyphen_joined(toks: _Tokens, i: int, j: int) -> bool:
    """Tokens ``i:j`` are one word joined by hyphens, capitalised at both
    ends ("Port-au-Prince", "Rostov-on-Don")."""
    return j - i >= 3 and toks.title[i] and toks.title[j - 1] and "-" in toks.text[i + 1:j - 1] \
        and not any(toks.space[k] for k in range(i, j - 1))


def _capital_spelling(name: str, e: Entry, g: Gazetteer) -> bool:
    """Whether ``name`` is how our country table spells the capital ``e``
    ("Ulaanbaatar", which GeoNames files as another name of Ulan Bator)."""
    info = g.country_info(e.country)
    return info is not None and normalize(info.capital) == normalize(name)


#: month, weekday and feast names the model rightly calls dates ("in March"):
#: the time stage's tables, and movable feasts it does not date
_DATE_NAMES = {normalize(w) for w in (*timex_lexicon.MONTHS, *timex_lexicon.WEEKDAYS,
                                      *timex_lexicon.HOLIDAYS_FIXED, *timex_lexicon.HOLIDAYS_NTH,
                                      "Easter", "Ramadan", "Eid", "Hanukkah", "Diwali", "Passover",
                                      "Lent", "Advent", "Nowruz")}

#: lower-case words of a news outlet's kind after its name
_MEDIA_WORDS = {"news", "agency", "newspaper", "daily", "television", "tv", "radio", "broadcaster",
                "channel", "network", "wire", "service"}


def _listed_with_division(d: _Detection, i: int, j: int, best: Entry) -> bool:
    """Whether the name ``toks[i:j]`` is joined by "and", "or" or a comma to
    the own name (of one to three capitalised words) of another division of
    the same country ("Albay and Camarines Sur")."""
    toks, g, n = d.toks, d.g, len(d.toks)

    def division(s: int, e: int) -> bool:
        name = toks.span_text(s, e)
        main = g.main_ids(name)
        return any(x.id in main and x.source == "subdivision" and not x.approx and x.country == best.country
                   and x.id != best.id for x in g.exact(name))

    if j + 1 < n and toks.lower[j] in ("and", "or", ","):
        k = j + 1
        while k < n and k < j + 4 and toks.title[k]:
            k += 1
        if any(division(j + 1, e) for e in range(k, j + 1, -1)):
            return True
    if i >= 2 and toks.lower[i - 1] in ("and", "or", ","):
        k = i - 1
        while k > 0 and k > i - 4 and toks.title[k - 1]:
            k -= 1
        if any(division(s, i - 1) for s in range(k, i - 1)):
            return True
    return False


#: words after a province's name that make the whole its body's name ("North Yorkshire Council")
_BODY_HEADS = {"council", "police", "constabulary", "fire", "ambulance", "government", "assembly", "regional",
               "provincial"}

#: a town this big closing an organisation's name is a place ("Real Madrid", "Red Bull Salzburg")
_CLOSING_CITY_POP = 100_000


def _club_opening(toks: _Tokens, i: int, j: int, ent: Span) -> bool:
    """Whether ``toks[i:j]`` opens the model's entity ``ent`` and the rest of
    it is a club word or two ("Manchester United", "Leicester City FC")."""
    whole = _strip(toks, ent.start, ent.end)
    if whole is None or whole[0] != i or whole[1] <= j or whole[1] - j > 2:
        return False
    return all(toks.lower[k] in CLUB_WORDS for k in range(j, whole[1]))


#: verbs of a match's result, before or after a club named by its town ("Motherwell edged Aberdeen 2-1")
_RESULT_VERBS = {"beat", "beats", "edged", "edge", "edges", "thrashed", "thrash", "defeated", "defeat",
                 "drew", "draw", "draws", "hosted", "host", "hosts", "visit", "visits", "stunned", "routed",
                 "hammered", "downed", "lost", "won"}


def _match_report(doc, toks: _Tokens, i: int, j: int) -> bool:
    """``toks[i:j]`` names a team in a match's result: a score right before
    or after it ("St Johnstone 2-1 Livingston", "Aberdeen 2-1"), or, in a
    sentence with a score, a verb of the result next to it ("Motherwell
    edged Aberdeen 2-1", "drew 1-1 with Kilmarnock")."""
    if (j < len(toks) and _in_score(toks, j)) or (i > 0 and _in_score(toks, i - 1)):
        return True
    sent = doc[i].sent
    if not any(_in_score(toks, k) for k in range(sent.start, sent.end)):
        return False
    before = toks.lower[i - 1] if i > sent.start else ""
    if before == "with" and i - 2 >= sent.start and _in_score(toks, i - 2):
        return True
    return before in _RESULT_VERBS or (j < sent.end and toks.lower[j] in _RESULT_VERBS)


def _speaking(tok) -> bool:
    """The token is the subject of a verb of saying ("Montevideo said")."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in PERSON_VERBS


def _acting(tok) -> bool:
    """The token is the subject of a verb ("Tunis extended the state of emergency")."""
    return tok.dep_ == "nsubj" and tok.head.pos_ == "VERB"


def _speech_subject_person(span: Span, best: Entry, g: Gazetteer) -> bool:
    """A PERSON-tagged bare name as subject of "said" is a person unless it
    is a country or a capital (metonymy: "Yerevan says")."""
    if _speaking(span.root):
        return not (best.kind == "country" or g.is_capital(best))
    return False
