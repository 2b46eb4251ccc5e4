"""Places, detection: the place mentions of a Doc (:func:`_detect`).

Detection
    * the model's GPE and LOC entities (FAC ones only when the gazetteer knows
      them), demonyms tagged NORP ("Azerbaijani") standing for their country;
    * gazetteer-backed recognition of capitalised spans the small model misses
      or mislabels (it tags some cities PERSON and some regions ORG): the span
      must be a known place, cover the whole mislabelled entity, and must not
      look like a person's name in context (a title before it, a speech verb
      after a bare name, the word seen elsewhere as part of a full name).
    * names with "County"/"Parish", street and road names ("Powerline Road"),
      places opening an organisation's name ("Mansfield Police Department")
      or following "of" in it ("University of Rochester"), never a general
      word ("Police", "Union", "Superior": :data:`COMMON_WORDS`); a whole
      organisation-tagged name that is a known place ("the European Union")
      is one mention; untagged cities count when big, listed with another
      place ("Tabriz and Ahar", asked again once the list's later places are
      found: "Klaten, Sukoharjo and Magelang") or followed by a place noun
      ("Edmonton residents"); a small namesake in a country the text is
      about wins; three towns of the text's countries listed together speak
      for each other ("carried Ilave, Juli and Yunguyo"); a country's great
      part by its own name after a place's cue ("across Molise").
    * a GPE/LOC entity the gazetteer does not know needs a place context (a
      locative word before it, a place word ending it, a list with a place);
      an office named after its place ("Boone County Jail") gives the place.
    * names listed before "counties" ("Barrow, Jackson and Madison counties"),
      byline datelines ("March 30, 2009 NEWARK --", "BEIRUT:"), a state's
      abbreviation after any town ("London, Ont.", step 2'), names with
      inner capitals ("DeKalb"), numbered roads ("County Road 43"); "North
      Texas" is Texas unless the whole is a name ("North Carolina"); and one
      sense per text: a name found as a place is a place wherever else it
      appears capitalised, unless it reads as a person's name there.
    * names the model split are joined ("the Democratic Republic of the" +
      "Congo"; "San Cristóbal de" + "las Casas", before anything else reads
      the entities: :mod:`.mend`), a lower-case word it took in is left out ("Aceh province");
      a name the text uses for a disease ("Marburg virus") is no place there;
      a division's kind capitalised after it is part of its name
      ("Kumamoto Prefecture", "Sumy Oblast"; not "State", step 3');
      a division's own name the model cut at "and" is one ("Perth and Kinross");
      one entity holding a place and the one it lies in ("Windsor, Ontario"),
      or two places listed ("Windsor and Falmouth"), is two; a feature by its name ("Lake Naivasha") needs no more context;
      a name before a lower-case "river" may be a river's we know by its full
      name only ("the Ravi river"); a place's other or older name after
      "known as", "called" or "formerly" is a place when it lies where a
      place found does ("Gdansk, called Danzig before 1945", step 2b).
    * (after resolution, :mod:`.features`) a place's name widens to the
      feature named after it ("Cumberland" + "Falls").
    * an Arabic name written with its article ("al-Mukalla", "AR-RAQQA,
      Syria") is one name, found whatever the model made of it when the
      bare name is a town or province of the text's countries (step 1a'').
    * after a country's possessive a name is that country's town ("Kenya's
      overcrowded Dadaab camps") or, naming none of its places, its leader
      ("France's Macron"); a town the model cut is joined ("Goz" + "Beida",
      "Mazar" + "-i-Sharif", "Port" + "of" + "Spain").
    * demonyms the model tagged as a place, a person or a body ("Ukrainian
      troops", "Sri Lankan troops", "the Moldovan foreign minister",
      "thousands of Greeks", "9,800 Solomon Islanders left"), and those
      holding their country's name after a hyphen ("I-Kiribati", "ni-Vanuatu",
      step 0'''); a great city closing an unknown name ("Red Star
      Belgrade"); a web page's furniture ("Media caption") is no place.
    * first of all, names the model cuts: a possessive inside a place's name
      ("Hawke's Bay", step 0'), a feature's whole name ("the Hai Van Pass",
      "Mount Gede", step 0'' in :mod:`.features`); a score inside the model's
      entity cuts it ("St Johnstone 2-1 Livingston"), a capitalised
      preposition opening it is left out ("Across Kerala").

    * a dotted abbreviation glued by a hyphen to the word after it, which the
      tokenizer keeps in one token ("U.S.-led", "U.S.-Mexico", step 0''''
      in :mod:`.glued`); a river's bare name after "the" where the text names
      it whole ("the Tay"), and a county's where the text writes "County
      Kerry" or "Co. Mayo" (step 3); a state's abbreviation keeps the full
      stop cut at a sentence's end ("Lacolle, Que."); a word unknown to the
      gazetteer that the text writes before "Club" is no place ("Rotary"); a
      township by its abbreviated kind ("Hanover Twp.", step 0'''''); the full
      name signing a text, a byline's or a release contact's ("By Georgia
      Evans, Crime Reporter", "Media Contact:" + "Sydney Hale, Manager"), is a
      person's, every word of it ("By María Toledo Vega | Politics"); a
      capitalised particle glued or apart finds the gazetteer's spelling
      ("DeSoto Parish" for De Soto Parish); a token of capitals and digits
      the gazetteer does not know is a road's or a sum's ("the M40", "N5m");
      a big state's two letters are looked up in a text of its country ("the
      WA crop"); a capital's people word in the singular before a noun names
      it ("a Parisian bakery"); a great town's short name opens a body's ("the
      Frankfurt Stock Exchange"); a name opening a sports ground's the model
      took for a facility is no place ("at Rugby Park"); a people's word and
      the word after it that are a province's name are one ("the Scottish
      Borders"); three capitals in brackets after competitors' names in a
      results list are the countries they stand for ("Chebet (KEN)", "(GER)",
      step 0'''''' in :mod:`.codes`); a town opening a club's name is no
      person's given name ("Longford Town"), nor a province after "the state
      of" ("the northern state of Sonora ... said Sonora Martínez"); a county
      of Ireland or Britain opening "County Council" is the county in a text
      of those lands ("Clare County Council", not a Michigan county); a
      feature's own name of two words is no person's ("Machu Picchu"); a
      name right after a vessel's noun is the vessel's ("the tanker Hamburg").

The steps run in the order of :func:`_detect`: 0', 0''', 0'''', 0'''''', 0''''', 1a to 1e and 1a'', 2', 3 and the
names used for a disease are here, 0'' in :mod:`.features`, 0, 1a' and 4 in
:mod:`.international`, 1 in :mod:`.entities`, 2 in :mod:`.spans` (its decision in
:mod:`.accept`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Optional

from spacy.tokens import Doc, Span

from ...gazetteer import Gazetteer, haversine_km, normalize
from ...gazetteer.people import is_ethnic
from .words import (AFTER_PLACE, BASE_WORDS, BEING_NOUNS, CLUB_OPENERS, CLUB_PREFIXES, CLUB_WORDS, COMMON_WORDS,
                    COMPANY_NOUNS, CORPORATE_WORDS, COUNTY_OPENERS, LEGISLATURE_OPENERS, LEGISLATURES, LOC_PREPS,
                    MASTHEAD_WORDS, FEATURE_TAILS, HYPHEN_LINKS, KIN_WORDS, LAND_ADJECTIVES, QUARTER_TAILS,
                    SAYING_WORDS, SERVICE_HEADS, TITLES, TRADES, UTILITY_WORDS, W)
from .tokens import (_QUOTES, _after_place, _after_title_comma, _coordinated, _event_of, _ground_opening,
                     _fixture_word, _in_score, _in_headline_run, _land_after, _listed_with_person, _person_after_name,
                     _person_like, _place_cue, _RANK_TITLES, _speaker, _street, _strip, _Tokens, _PLACE_OFFICES,
                     SENTENCE_ENDS)
from .entries import (_BRANDS, _city_named, _OWN_SOURCES, _country_word, _own_or_main, _respelling, _top_level,
                      _town_named, _town_pair, FIRMS)
from .mention import ARABIC_ARTICLES, _DIVISION_WORDS, _Detection, _fill_candidates, _Mention, _prefetch
from .cues import (_COUNTY_PLURALS, _cue_city, _LIST_WORDS, _QUALIFIED_DIVISIONS, _QUALIFIED_TOWNS, bank_before,
                   listed_before_rivers, reach_before)
from .features import _detect_named_features, FEATURE_HEAD_PAIRS, FEATURE_OPENERS, ROMANCE_OPENERS
from .international import _detect_people_of_named, _detect_people_words, _detect_region_demonyms, _used_as_language
from .entities import _COMPASS, _demonym_town, _detect_entities, _persons_last_words
from .score import _short_form
from .spans import _detect_gazetteer_spans
from .accept import (CLUB_TOWN_POP, _club_of_match, _home_of_person, _PAIR_DASHES, _speech_subject_person, _TEAM_BEFORE,
                     _teams_named)
from .glued import _detect_glued_abbreviations
from .codes import _detect_country_codes
from .mend import _mend_cut_openings, _mend_split_names


#: compass words and their abbreviations before a division's name ("W Java", "North Kivu")
_COMPASS_OPENERS = {"n", "s", "e", "w", "n.", "s.", "e.", "w.", "outer", "inner", "upper", "lower"} | _COMPASS


def _compass_and_division(toks: _Tokens, ent: Span, g: Gazetteer) -> bool:
    """The model's person of two words is a compass word (or "Outer",
    "Upper" ...) and a region's or a land's feature's own name ("Sukabumi, W
    Java" in a dateline, "Outer Lofoten islands"): no person's words."""
    if len(ent) != 2 or toks.lower[ent.start] not in _COMPASS_OPENERS:
        return False
    name = toks.text[ent.start + 1]
    main = g.main_ids(name)
    return any(e.kind in ("region", "country", "feature") and e.id in main for e in g.exact(name))


def _detect(doc: Doc, toks: _Tokens, g: Gazetteer) -> list[_Mention]:
    """The place mentions of a Doc, ordered by position (see the module's
    docstring, "Detection")."""
    d = _Detection(doc, toks, g, _ents_by_line(doc, toks), taken=[False] * toks.n)
    # (the entities' names and the capitalised words in a few queries, before
    # the first steps look them up one by one)
    first = d.ents
    _prefetch(g, _entity_names(d.ents, toks) + [toks.text[i] for i in toks.titled()])
    _mend_split_names(d)
    _mend_cut_openings(d)
    d.teams = _teams_named(toks, d.ents, g)
    _collect_person_words(d)
    _collect_company_words(d)
    # (those the steps mended or cut)
    asked = set(map(id, first))
    _prefetch(g, _entity_names([ent for ent in d.ents if id(ent) not in asked], toks))
    _detect_possessive_names(d)
    _detect_hyphen_demonyms(d)
    _detect_glued_abbreviations(d)
    _detect_country_codes(d)
    _detect_townships(d)
    _detect_joined_towns(d)
    _detect_named_features(d)
    _detect_region_demonyms(d)
    _detect_entities(d)
    _collect_countries(d)
    _detect_article_names(d)
    _detect_demonyms(d)
    _detect_home_demonyms(d)
    _detect_people_words(d)
    _detect_org_openings(d)
    _detect_datelines(d)
    _detect_streets(d)
    _detect_county_lists(d)
    _detect_division_lists(d)
    _detect_gazetteer_spans(d)
    _detect_state_abbreviations(d)
    _detect_rivers(d)
    _detect_short_waters(d)
    _detect_other_names(d)
    _drop_agency_credits(d)
    _drop_planets(d)
    _drop_compass_qualifiers(d)
    _drop_storm_words(d)
    _drop_loose_short_features(d)
    _drop_ships_and_patronyms(d)
    _drop_initials(d)
    _drop_time_zones(d)
    _drop_saints_houses(d)
    _detect_repeats(d)
    _drop_persons_named_bodies(d)
    _drop_species_names(d)
    _drop_kinds_named(d)
    _drop_race_names(d)
    _drop_deities(d)
    _drop_team_nicknames(d)
    _drop_given_names(d)
    _drop_nicknames(d)
    _drop_notice_headers(d)
    _drop_defined_acronyms(d)
    _detect_division_kinds(d)
    _detect_people_of_named(d)
    _drop_disease_names(d)
    _drop_language_names(d)
    d.mentions.sort(key=lambda m: m.start)
    return d.mentions


def _collect_person_words(d: _Detection) -> None:
    """Before the steps: the words of the model's persons of several words
    (``d.person_words``); a place's name among them reads as a surname
    wherever the text repeats it."""
    toks, g = d.toks, d.g
    # (a great town the model itself takes for a place elsewhere in the text
    # is no surname when it closes a "person": "Lechia Gdańsk" beside "across
    # Gdańsk"; a town of 100,000 may be a defendant's, "Elizabeth Fairfield")
    # (and the model never takes it alone for a person: "Santos, 34, was born in Santos")
    # (and the text itself puts it in place: the model's reading of a
    # surname's repeats is no evidence, "Gabriel Toledo ... Toledo, who grew up")
    # (or the text's dateline names it: "ROTTERDAM —" beside "the youth teams of Sparta Rotterdam")
    place_words = {ent.text for ent in d.ents if ent.label_ == "GPE" and len(ent) == 1} \
        - {ent.text for ent in d.ents if ent.label_ == "PERSON" and len(ent) == 1} | _dateline_words(toks)
    d.person_owners = _owning_names(toks)
    if place_words:
        place_words &= _placed_words(d, by_label=False)
        # (nor one whose possessive owns what only a person owns: "Toledo's lawyer")
        place_words -= d.person_owners
    # (nor is a river's or a range's name the text writes after "the" a word
    # of one: "the Danube" beside the model's "Moson Danube", "the Karoo")
    features = _features_after_the(toks, g)
    given: set[str] = set()  # first words of persons' names
    later: set[str] = set()  # their other words
    pairs: set[str] = set()  # their first two words ("Adelaide Brooks")
    # (and a name of two words the model took for a body, whose last is the
    # surname of a person it named in full whose first word no place has: a
    # relative, "Sofia Kovalenko" beside "Iryna Kovalenko"; not a town and a
    # noun the model read as a person, "Machakos Girls", nor a feature's or
    # quarter's word; the gazetteer is asked only about the surnames that
    # close a body's name of two words)
    closing = {toks.text[ent.end - 1] for ent in d.ents if ent.label_ == "ORG" and len(ent) == 2}
    family = {toks.text[ent.end - 1] for ent in d.ents if ent.label_ == "PERSON" and len(ent) >= 2
              and toks.text[ent.end - 1] in closing and toks.title[ent.end - 1] and toks.alpha[ent.end - 1]
              and toks.title[ent.start] and not g.exact(toks.text[ent.start])} if closing else set()
    for ent in d.ents:
        # (not one that ends in a place's noun or a division's kind: "Kanpur police", "Kano State";
        # nor one holding a police or fire service's word, "Huntsville Fire
        # Station 1"; nor one ending in a town's word, "Greer Station", "Alice Springs")
        # nor one opened by a feature's word: "Lake Malawi" is no Mr Malawi; nor one
        # closed by a park's or reserve's words: "Huascarán National Park")
        # (nor a club's: "Valencia CF", "IFK Mariehamn"; nor a newspaper's: "Hamilton Advertiser";
        # nor a utility's, "Yorkshire Water"; nor a feature's, "Chinhoyi Caves")
        # (nor a base's, "Base Darwin"; nor a firm's, "Waterloo AI"; nor twin towns, "Kitchener-Waterloo";
        # nor two towns joined by "and", "between Laramie and Rawlins")
        # (nor an Arabic name opened by its article: "al-Mukalla" is a town as often as a surname)
        # (nor a team's the text shows for one somewhere: "the Gwangju Eagles broke the record";
        # nor one after a team's noun: "second-division club Jahn Regensburg")
        # (nor a quarter named after a country's people: "Little Senegal", "Little Italy")
        # (nor a body's country office, its acronym before the country: "WWF Nepal", "UNICEF Kenya")
        # (nor a campaign's name, "Save Windermere", "Stop Hinkley"; nor a valley's, "Val Bedretto")
        # (nor a great town's or a province's name of several words:
        # "Heroica Puebla de Zaragoza", "Nuevo León"; nor a ship's, "the coast
        # guard vessel KV Svalbard", "HMS Exeter"; nor an island people's name, "ni-Vanuatu")
        # (of two words or more: a one-word entity is read no further)
        if len(ent) >= 2 and (ent.label_ == "PERSON" or _owned_as_person(toks, ent, g)
                              or (ent.label_ in ("GPE", "LOC") and _listed_with_person(toks, ent.start, ent.end, g))
                              or (ent.label_ == "ORG" and len(ent) == 2 and toks.text[ent.end - 1] in family
                                  and toks.title[ent.start] and toks.alpha[ent.start]
                                  and not g.exact(toks.text[ent.end - 1])
                                  and toks.lower[ent.end - 1] not in FEATURE_TAILS | QUARTER_TAILS)) \
                and not _after_place(toks, ent.end - 1) \
                and toks.text[ent.start] not in _SHIP_PREFIXES \
                and toks.lower[ent.end - 1] not in _DIVISION_WORDS and toks.text[ent.start] not in COUNTY_OPENERS \
                and not (toks.title[ent.end - 1] and toks.lower[ent.end - 1] in QUARTER_TAILS | FEATURE_TAILS) \
                and not any(toks.title[k] and toks.lower[k] in SERVICE_HEADS for k in range(ent.start + 1, ent.end)) \
                and not (toks.text[ent.end - 1].isupper() and toks.lower[ent.end - 1] in CLUB_WORDS) \
                and not _town_and_club_word(toks, ent, g) \
                and not (toks.title[ent.end - 1] and toks.lower[ent.end - 1] in MASTHEAD_WORDS) \
                and not (len(ent) == 2 and toks.title[ent.end - 1] and toks.lower[ent.end - 1] in UTILITY_WORDS) \
                and not (toks.text[ent.start].isupper() and toks.lower[ent.start] in CLUB_OPENERS) \
                and not (toks.lower[ent.start] in FEATURE_OPENERS and toks.title[ent.start]) \
                and not (len(ent) >= 3 and (toks.lower[ent.end - 2], toks.lower[ent.end - 1]) in FEATURE_HEAD_PAIRS) \
                and not (len(ent) == 2 and toks.text[ent.start] == "Little"
                         and _country_word(toks.text[ent.end - 1], g)) \
                and not (len(ent) == 2 and _body_acronym(toks.text[ent.start])
                         and _country_word(toks.text[ent.end - 1], g)) \
                and toks.text[ent.start] not in BASE_WORDS and toks.lower[ent.start] not in _CAMPAIGN_VERBS \
                and not (toks.lower[ent.start] in _VALLEY_OPENERS and g.exact(toks.span_text(ent.start + 1, ent.end))) \
                and not _acronym_tail(toks.text[ent.end - 1]) and not _twin_towns(toks, ent, g) \
                and _town_pair(toks, ent.start, ent.end, g) is None \
                and not _compass_and_division(toks, ent, g) \
                and not (toks.lower[ent.start] in ARABIC_ARTICLES and toks.text[ent.start + 1] == "-") \
                and not _great_town_name(ent.text, g) and _club_of_match(d, ent.start, ent.end) is None \
                and toks.span_text(ent.start, ent.end) not in d.teams \
                and not (ent.start > 0 and toks.text[ent.start - 1] in _TEAM_BEFORE) \
                and not _headline_person(toks, ent) \
                and not (len(ent) == 3 and _hyphen_people(toks, ent.start, g)):
            # (a person's town after "of" is no word of the name: "Brayan Parra of Sogamoso";
            # nor are the words after a preposition no name holds: "links Split with Hvar")
            # (nor is an office's title after a place's name, "Kullu Superintendent of Police",
            # nor a headline's noun of the place's people, "Guelph Teenager Becomes Youngest")
            end = next((k for k in range(ent.start + 1, ent.end)
                        if toks.lower[k] in _NAME_BREAKS
                        or (toks.title[k] and (toks.lower[k] in _OFFICE_WORDS or toks.lower[k] in AFTER_PLACE))),
                       ent.end)
            # (the name opens at its first capitalised word: "west Jackson" is one word, no person's)
            # (nor at a land's own word, "Landlocked Mali", nor at an article:
            # "The Sabah People's Front" holds no surname "Sabah")
            first = next((k for k in range(ent.start, end)
                          if toks.text[k][:1].isupper() and toks.lower[k] not in LAND_ADJECTIVES
                          and toks.lower[k] not in ("the", "a", "an") and toks.lower[k] not in TRADES), end)
            if end - first < 2:
                continue
            words = [i for i in range(first, end) if toks.title[i] and toks.text[i] not in features and not (
                i == ent.end - 1 and toks.text[i] in place_words and _great_town_named(toks.text[i], g))]
            given.update(toks.text[i] for i in words if i == first)
            later.update(toks.text[i] for i in words if i > first)
            if ent.label_ != "PERSON":
                d.marked_surnames.update(toks.text[i] for i in words if i > first)
            if first in words and first + 1 in words:
                pairs.add(f"{toks.text[first]} {toks.text[first + 1]}")
    # (and a name of two or three words the model left unmarked or cut, that
    # a trade's apposition or a caption's place follows: "Adelaide Brooks, a
    # retired engineer who ...", "Savannah Cole, center, with classmates")
    # (the text's own great town keeps its name there too: "Karim Safi, a
    # trader" in a story datelined "SAFI, Morocco")
    for first, end in _described_persons(toks):
        given.add(toks.text[first])
        later.update(toks.text[k] for k in range(first + 1, end) if not (
            toks.text[k] in place_words and _great_town_named(toks.text[k], g)))
        pairs.add(f"{toks.text[first]} {toks.text[first + 1]}")
    # a given name is no surname: the text will not call its person by it
    # alone, so the name of a great town or a country that the text puts in
    # place elsewhere is the place's ("said Rosario Benítez, a metalworker
    # ... In Rosario, the country's grain hub"), and so is a town opening
    # what the model took for a person ("Perth Glory said", "Manchester
    # United has unveiled plans" beside "in central Manchester"); where the name
    # goes on as the person's did, it is the person's ("Photo: Adelaide
    # Brooks"), so the pair of words is kept
    later |= _unmarked_surnames(d)
    d.person_words.update(later)
    d.surnames.update(later)
    _collect_speaking_surnames(d)
    lone_given = given - later
    _prefetch(g, list(lone_given))  # (one query for all of them)
    # (so is the town of the text's dateline, whatever its size: "FANO, Italy —"
    # beside the headline's "Fano Sprays by Night" read as a person)
    datelined = _dateline_words(toks) & lone_given if lone_given else set()
    places = {w for w in lone_given if w in datelined or _great_place_name(w, g)}
    if places:
        # (read only when a given name is a great place's; the text's dateline
        # puts its town in place too: "KIEL, Germany (dpa) — Kiel Week opened")
        places &= _placed_words(d) | _dateline_words(toks)
    for w in given:
        if w in places:
            d.person_words.update(p for p in pairs if p.split(" ", 1)[0] == w)
            if _given_in_use(toks, w):
                d.given_names.add(w)
        else:
            d.person_words.add(w)


#: what a person owns, never a place, after a name's possessive ("Tyler Brandt's life")
_PERSON_OWNS = {"life", "death", "mother", "father", "parents", "family", "wife", "husband", "son", "daughter",
                "brother", "sister", "lawyer", "lawyers", "attorney", "body", "memory", "funeral", "widow",
                "career", "friends", "killing", "arrest", "trial"}

#: what a person named in the text owns too, after the surname's possessive ("Albany's office
#: confirmed the call" after "Foreign Minister Helen Albany"), though a town may own it as well
_SURNAME_OWNS = _PERSON_OWNS | {"office", "spokesman", "spokeswoman", "spokesperson", "aides"}


def _headline_person(toks: _Tokens, ent: Span) -> bool:
    """The model's "person" lies in a headline's run of five capitalised
    words or more (:func:`_in_headline_run`: "Vanuatu Lawmakers Back West
    Papua Recognition Motion", "Finland Marches Through Snowy Kuopio for
    ..."): no person's name, whose words are no surnames."""
    return _in_headline_run(toks, ent.start, ent.end)


def _described_persons(toks: _Tokens) -> list[tuple[int, int]]:
    """Names of two or three capitalised words, no model's person, that
    :func:`_person_after_name` describes as a person's, as (first, end)."""
    out = []
    for k in toks.titled():
        if k + 1 >= toks.n or not toks.title[k + 1] or (k > 0 and toks.title[k - 1]) or not toks.alpha[k]:
            continue
        end = k + 2 if not (k + 2 < toks.n and toks.title[k + 2]) else k + 3
        if end < toks.n and not toks.title[end] and toks.ent_type[k] != "PERSON" \
                and _described_name(toks, k, end) and _person_after_name(toks, end):
            out.append((k, end))
    return out


def _described_name(toks: _Tokens, start: int, end: int) -> bool:
    """``toks[start:end]`` may be a person's name that a description after it
    speaks of: proper nouns, not after "the" nor ending in a body's word
    ("the Jombang Police, a police spokesperson said"; "In Cardiff, a
    Welsh Government spokesperson" opens with a preposition)."""
    return all(toks.alpha[t] and toks.pos[t] == "PROPN" for t in range(start, end)) \
        and not (start > 0 and toks.lower[start - 1] == "the") and toks.lower[end - 1] not in _SPEAKING_BODIES \
        and toks.lower[end - 1] not in SERVICE_HEADS


def _owning_names(toks: _Tokens) -> set[str]:
    """The capitalised words whose possessive owns what only a person owns
    ("Toledo's lawyer, Rommel Dacanay, said")."""
    return {toks.text[k] for k in toks.titled()
            if k < toks.n - 2 and toks.lower[k + 1] in ("'s", "’s") and toks.lower[k + 2] in _SURNAME_OWNS}


def _owned_as_person(toks: _Tokens, ent: Span, g: Gazetteer) -> bool:
    """The model's entity of another kind is two capitalised words whose
    possessive owns what only a person owns ("once for each year of Tyler
    Brandt's life", read as an organisation), two to four that an age
    follows ("The fugitive, Héctor Osorno Pailahueque, 45, was detained"),
    or two or three after a lower-case title or trade (:func:`_titled`: "said
    bus driver Wilmer Andrade") or a saying verb (:func:`_said_before`), or
    after a trade's capital that opens the entity ("Anthropologist Rubén
    Toledo of the university"), or two or three that a trade's apposition
    or a caption's place follows (:func:`_person_after_name`: "Georgia
    Sinclair, a London-based adviser"), or two that speak
    (:func:`_speaks_as_person`: "Florence Marchal said"): a person's full name."""
    if ent.label_ not in ("ORG", "GPE", "PRODUCT", "FAC", "WORK_OF_ART"):
        return False
    if 2 <= len(ent) <= 4 and all(toks.cap[k] and toks.alpha[k] for k in range(ent.start, ent.end)) \
            and (_aged(toks, ent.end - 1) or (len(ent) <= 3 and _titled(toks, ent.start))
                 or (len(ent) >= 3 and toks.lower[ent.start] in TRADES)
                 or (len(ent) <= 3 and (_said_before(toks, ent) or (
                     _described_name(toks, ent.start, ent.end) and _person_after_name(toks, ent.end))))
                 or (len(ent) == 2 and _speaks_as_person(toks, ent, g))):
        return True
    if _ranked_name(toks, ent, g):
        return True
    k = ent.start + 2
    return ent.label_ != "WORK_OF_ART" and ent.end in (k, k + 1) \
        and toks.title[ent.start] and toks.title[ent.start + 1] and toks.alpha[ent.start] \
        and toks.alpha[ent.start + 1] and k + 1 < toks.n and toks.lower[k] in ("'s", "’s") \
        and toks.lower[k + 1] in _PERSON_OWNS


#: determiners before a people's word for one of them ("every Moldovan who voted", "a Chilean")
_ONE_OF_DETERMINERS = {"every", "each", "a", "an", "any", "no", "one", "another", "fellow"}


def _hyphen_compound(toks: _Tokens, i: int) -> bool:
    """Token ``i`` opens a compound with a hyphen and a lower-case word, no
    space between ("Moldovan-controlled", "Saudi-led")."""
    return i + 2 < toks.n and toks.text[i + 1] == "-" and not toks.space[i] \
        and toks.text[i + 2].islower() and toks.alpha[i + 2]


def _ranked_name(toks: _Tokens, ent: Span, g: Gazetteer) -> bool:
    """The entity is a rank and a name of two or three words ("General
    Fouad Karam"), or such a name after "-designate" or "-elect" ("Prime
    Minister-designate Farzana Haque Talukder"), that no place has: a person's."""
    start = ent.start
    if 3 <= len(ent) <= 4 and toks.title[start] and toks.lower[start].rstrip(".") in _RANK_TITLES:
        start += 1
    elif not (2 <= len(ent) <= 3 and start >= 2 and toks.lower[start - 1] in ("designate", "elect")
              and toks.text[start - 2] == "-"):
        return False
    if not all(toks.title[k] and toks.alpha[k] for k in range(start, ent.end)):
        return False
    return not g.exact(toks.span_text(ent.start, ent.end)) and not g.exact(toks.span_text(start, ent.end))


#: bodies named after their town that speak ("Dubai Customs said"), no person's surnames
_SPEAKING_BODIES = {"customs", "police", "army", "navy", "court", "ministry", "council", "authority", "port",
                    "airport", "chamber", "commission", "assembly", "parliament", "government", "municipality",
                    "prefecture", "province", "county", "district", "region", "state", "city", "town", "club"}
#: a hamlet this small may share a speaking person's surname ("Marchal", a village of Spain)
_SURNAME_HAMLET_POP = 1_000


def _speaks_as_person(toks: _Tokens, ent: Span, g: Gazetteer) -> bool:
    """The model's body of two words speaks ("Florence Marchal said"), its
    second word no body's, club's or service's word nor one the text writes
    in lower case nor a place's but a hamlet's, its first no people's word
    ("English Heritage said"), and the two no place's name ("Port Moresby
    said"): a person, though the first word names a town."""
    last = ent.end - 1
    return ent.end < toks.n and toks.lower[ent.end] in SAYING_WORDS and len(toks.text[last]) >= 3 \
        and toks.lower[last] not in CORPORATE_WORDS and toks.lower[last] not in UTILITY_WORDS \
        and toks.lower[last] not in CLUB_WORDS and toks.lower[last] not in SERVICE_HEADS \
        and toks.lower[last] not in MASTHEAD_WORDS and toks.lower[last] not in toks.lower_words() \
        and toks.lower[last] not in COMMON_WORDS and toks.lower[last] not in _SPEAKING_BODIES \
        and not g.is_demonym(toks.text[ent.start]) \
        and not g.exact(ent.text) and not any(e.kind != "city" or e.population >= _SURNAME_HAMLET_POP
                                              for e in g.exact(toks.text[last]))


def _said_before(toks: _Tokens, ent: Span) -> bool:
    """A saying verb goes before the model's body and a comma after it
    ("said Helena Paris, the state's secretary"): the speaker's full name."""
    return ent.label_ not in ("GPE", "LOC") and ent.start > 0 and toks.text[ent.start - 1].islower() \
        and toks.lower[ent.start - 1] in SAYING_WORDS and ent.end < toks.n and toks.text[ent.end] == ","


def _titled(toks: _Tokens, start: int) -> bool:
    """A lower-case title or trade goes just before ``start`` ("said federal
    police delegate Cláudio Natal") or before a comma ("His solicitor, Niall
    Boston, said"): a person's name follows."""
    p = start - 1
    return (p >= 0 and toks.text[p].islower() and toks.lower[p] in TITLES) or _after_title_comma(toks, start)


def _town_and_club_word(toks: _Tokens, ent: Span, g: Gazetteer) -> bool:
    """The model's "person" of two words is a town's name and a club's word
    ("Longford Town", "Lincoln City", "Bristol Rovers"): a club, whose town
    is no person's given name; not a person whose surname is the word
    ("Brian Town": no town of ``CLUB_TOWN_POP`` is called Brian)."""
    return len(ent) == 2 and toks.title[ent.end - 1] and toks.lower[ent.end - 1] in CLUB_WORDS \
        and toks.alpha[ent.start] and _town_named(toks.text[ent.start], g, CLUB_TOWN_POP)


def _features_after_the(toks: _Tokens, g: Gazetteer) -> set[str]:
    """Capitalised words the text writes alone after "the" ("on the Danube",
    "the Karoo has") that name a feature (a river, a range, a plain) of the gazetteer."""
    out: set[str] = set()
    n = toks.n
    for i in toks.titled():
        if i >= 1 and toks.lower[i - 1] == "the" and toks.alpha[i] and not (i + 1 < n and toks.title[i + 1]) \
                and toks.text[i] not in out and any(e.kind == "feature" for e in g.exact(toks.text[i])[:2]):
            out.add(toks.text[i])
    return out


def _dateline_words(toks: _Tokens) -> set[str]:
    """The words of a dateline's town in capitals at a line's start, written
    as a name ("ROTTERDAM —", "PORT MORESBY, Papua New Guinea": "Rotterdam",
    "Port", "Moresby")."""
    out: set[str] = set()
    for i in toks.line_starts():
        if not (toks.upper[i] and toks.alpha[i] and len(toks.text[i]) >= 3):
            continue
        j = i
        while j < toks.n and j - i < 3 and toks.upper[j] and toks.alpha[j]:
            j += 1
        if j < toks.n and toks.text[j] in (*_DASHES, ",", "("):
            out.update(toks.text[k].title() for k in range(i, j))
    return out


def _body_acronym(word: str) -> bool:
    """A body's acronym of three capitals or more ("WWF", "UNICEF"), not a
    person's initials ("AJ", "TJ")."""
    return len(word) >= 3 and word.isalpha() and word.isupper()


def _given_in_use(toks: _Tokens, word: str) -> bool:
    """The text calls a person by the given name ``word`` alone: a quote's
    speaker after its verb ('..." said Georgia.') or one with kin ("Georgia's
    father"); not "Chad said" nor "said Chad now hosts ...", a government's words."""
    n = toks.n
    for i in range(1, n - 1):
        if toks.text[i] != word or toks.title[i - 1] or toks.title[i + 1]:
            continue
        if toks.lower[i - 1] in SAYING_WORDS and toks.text[i + 1] in (",", ".", ";") \
                or toks.lower[i + 1] in ("'s", "’s") and i + 2 < n and toks.lower[i + 2] in KIN_WORDS:
            return True
    return False


#: words opening a team's or a club's name before its town ("Team Medellín", "Club Olimpia")
_TEAM_OPENERS = {"team", "club", "squad", "crew"} | CLUB_PREFIXES | CLUB_OPENERS


def _unmarked_surnames(d: _Detection) -> set[str]:
    """Places' names closing a name of two words the model left unmarked
    (or whose last word alone it took for a person's), whose first word
    names no place, that the text then has speak alone ("Ace Kenta Nagano
    threw 148 pitches ... Nagano, who grew up"; "Héctor Medina, who leads
    the teams ... Medina said"): a person's surname, as the model's
    persons' last words are."""
    toks, g = d.toks, d.g
    n = toks.n
    out: set[str] = set()
    speakers: Optional[set[int]] = None  # where a capitalised word speaks (read once, if needed)
    for k in toks.titled():
        if k < 1 or k >= n - 1:
            continue
        # (or the model took the surname alone for a person, the given name
        # left out: "Héctor" + "Medina"; then also at a line's start)
        lone_person = toks.ent_type[k + 1] == "PERSON" and toks.ent_iob[k + 1] == "B" \
            and (k + 2 >= n or toks.ent_iob[k + 2] != "I")
        if not (toks.title[k] and toks.title[k + 1] and toks.ent_iob[k] == "O"
                and (toks.ent_iob[k + 1] == "O" or lone_person)
                and toks.pos[k] == "PROPN" and toks.pos[k + 1] == "PROPN" and toks.alpha[k] and toks.alpha[k + 1]):
            continue
        if (not lone_person and (toks.punct[k - 1] or toks.is_space[k - 1])) or (k + 2 < n and toks.title[k + 2]):
            continue  # (a line's or sentence's first word, or a longer name)
        given, last = toks.lower[k], toks.text[k + 1]
        if given in COMMON_WORDS or given in FEATURE_OPENERS or given in TITLES or given in _COMPASS \
                or given in LOC_PREPS or given in _TEAM_OPENERS or last in out:
            continue
        if not g.exact(last) or g.main_ids(toks.text[k]) or g.exact(f"{toks.text[k]} {last}") \
                or (lone_person and _country_word(last, g)):
            continue  # (nor a country's name the model took alone for a person: "Rival Airtel Kenya said")
        if speakers is None:
            speakers = {i for i in toks.titled() if _speaker(toks, i)}
        if any(toks.text[i] == last and i != k + 1 for i in speakers):
            out.add(last)
    return out


def _collect_speaking_surnames(d: _Detection) -> None:
    """The last word of a name of two words the model took for an
    organisation's or a place's (that the gazetteer does not know whole)
    that the text then has speak alone ("said Yevgenia Pavlova, the
    museum's deputy director ... Pavlova said"): a surname (``d.surnames``),
    as the model's persons' last words are."""
    toks, g = d.toks, d.g
    speakers: Optional[dict[str, list[int]]] = None  # where each capitalised word speaks (read once, if needed)
    for ent in d.ents:
        if ent.label_ not in ("ORG", "GPE", "LOC") or len(ent) != 2 or not all(
                toks.title[k] and toks.pos[k] == "PROPN" and toks.alpha[k] for k in range(ent.start, ent.end)):
            continue
        last = toks.text[ent.end - 1]
        if last in d.surnames or (ent.label_ != "ORG" and g.exact(ent.text)):
            continue
        if speakers is None:
            speakers = {}
            for k in toks.titled():
                if _speaker(toks, k):
                    speakers.setdefault(toks.text[k], []).append(k)
        if any(not (ent.start <= k < ent.end) for k in speakers.get(last, ())):
            d.surnames.add(last)


def _collect_company_words(d: _Detection) -> None:
    """Before the steps: the first word of a company's name the text
    introduces as one ("cloud company Southgate Compute") or that ends in a
    company's word ("Titan Operating", "Harlan Brake Systems"), and a
    legislature's name (``d.company_words``): a town named like it is a
    coincidence in this text, unless a great town or a country or province
    ("Alberta Energy")."""
    toks, g = d.toks, d.g
    # (and a legislature's name after "the" or its country's word: "the
    # State Duma ... sent to the Duma", not the Syrian town)
    for i in toks.titled():
        if i >= 1 and toks.lower[i] in LEGISLATURES and toks.lower[i - 1] in LEGISLATURE_OPENERS:
            d.company_words.add(toks.text[i])
    # (and a news agency's: "the Xinhua news agency reported", wherever the text names it)
    for i in toks.titled():
        if i < toks.n - 1 and toks.alpha[i] and (toks.lower[i + 1] == "agency" or (
                toks.lower[i + 1] == "news" and i + 2 < toks.n and toks.lower[i + 2] == "agency")):
            d.company_words.add(toks.text[i])
    # (and a company's one-word name after its noun that is no place's name,
    # whatever the model made of it: "state copper giant Codelco"; not "the
    # retail chain Saigon Co.op", a name of Ho Chi Minh City)
    for i in toks.titled():
        if i >= 1 and toks.alpha[i] and toks.lower[i - 1] in COMPANY_NOUNS and toks.text[i - 1].islower() \
                and not (i + 1 < toks.n and toks.title[i + 1]) and not g.exact(toks.text[i]):
            d.company_words.add(toks.text[i])
    for ent in d.ents:
        if ent.label_ != "ORG" or len(ent) < 2 or not toks.title[ent.start]:
            continue
        if ent.start > 0 and toks.lower[ent.start - 1] in COMPANY_NOUNS:
            d.company_words.add(toks.text[ent.start])
        elif toks.lower[ent.end - 1] in CORPORATE_WORDS and not any(
                _top_level(e) or (e.kind == "city" and e.population >= 100_000) for e in g.exact(toks.text[ent.start])):
            d.company_words.add(toks.text[ent.start])


#: lower-case words that end what the model took for a person's name: its
#: person's town follows ("Brayan Parra of Sogamoso"), or it was no person's
#: ("links Split with Hvar", "from Oban to Barra")
_NAME_BREAKS = {"of", "from", "with", "to", "at", "in", "near", "via",
                "—", "–"}  # (nor a dash: "PORT VILA, Vanuatu — Vanuatu summoned", one "person" for the model)

#: capitals closing a person's name: generations and orders, not a firm's acronym
_NAME_SUFFIXES = {"II", "III", "IV", "JR", "SR", "MP", "MD", "QC", "KC", "OBE", "MBE", "CBE"}


def _acronym_tail(word: str) -> bool:
    """A word of capitals closing what the model took for a person ("Waterloo
    AI", "Kestrel HQ"): a firm's or a body's name, not a person's."""
    return len(word) >= 2 and word.isupper() and word.isalpha() and word not in _NAME_SUFFIXES


def _twin_towns(toks: _Tokens, ent: Span, g: Gazetteer) -> bool:
    """Two towns of 10,000 people or more joined by a hyphen that the model
    took for a person ("Kitchener-Waterloo")."""
    if len(ent) != 3 or toks.text[ent.start + 1] != "-" or toks.space[ent.start] or toks.space[ent.start + 1]:
        return False
    return all(_town_named(toks.text[k], g, 10_000) for k in (ent.start, ent.start + 2))


def _great_town_name(name: str, g: Gazetteer) -> bool:
    """Whether ``name`` is a name (its own or another) of a town of 100,000
    people or more, or the own name of a province ("Nuevo León")."""
    main = g.main_ids(name)
    return any((e.kind == "city" and e.population >= 100_000)
               or (e.kind == "region" and e.id in main and not e.approx and g.is_province(e))
               for e in g.exact(name))


#: a town this big opening a "person" the text puts in place elsewhere is the town's
GIVEN_TOWN_POP = 100_000


def _great_place_name(name: str, g: Gazetteer) -> bool:
    """Whether ``name`` is the own name of a town of ``GIVEN_TOWN_POP``
    people or more, of a country or of a province ("Hobart", "Jordan",
    "Boyacá"), or of a region of our table as big ("Jeju")."""
    main = g.main_ids(name)
    return any(e.id in main and ((e.kind in ("city", "region") and e.population >= GIVEN_TOWN_POP)
                                 or e.kind == "country" or g.is_province(e) or e.source == "state")
               for e in g.exact(name))


#: titles of offices a place's name goes before ("Kullu Superintendent of Police"), no surnames
_OFFICE_WORDS = _PLACE_OFFICES | {"superintendent", "deputy", "inspector", "magistrate", "collector", "ombudsman"}
#: verbs opening a campaign's name before the place it fights for ("Save Windermere", "Stop Hinkley")
_CAMPAIGN_VERBS = {"save", "stop", "protect", "defend", "rescue", "reclaim"}
#: words opening a valley's or a feature's name in the Alps' and Iberia's languages before a
#: place's name ("Val Bedretto", "Valle de Arán"), no given names there
_VALLEY_OPENERS = ROMANCE_OPENERS | {"val", "vall", "vallée"}
#: a division's kind between its name and "Council" ("Surrey County Council", "Kent District Council")
_BODY_KINDS = {"County", "District", "Borough", "City", "Shire", "Regional", "Municipal", "Town", "Provincial"}
#: prepositions that put the capitalised word after them in place
_PLACING_PREPS = {"in", "near", "from", "outside", "across", "around", "through", "throughout", "within",
                  "inside", "between", "along", "beyond", "towards", "toward"}


#: kinds of place before "of" that put the capitalised word after it in place ("the state of Jalisco")
_KINDS_BEFORE_OF = _QUALIFIED_TOWNS | _QUALIFIED_DIVISIONS | {"governorate", "prefecture", "department"}


def _placed_words(d: _Detection, by_label: bool = True) -> set[str]:
    """Capitalised words the text puts in place somewhere: the model's place
    of one word (unless not ``by_label``), a word after a place's
    preposition (over "the" and one lower-case word: "in central
    Manchester"), listed after the model's place ("from San Antonio and
    Austin") or followed by a country's or state's name after a comma
    ("to Dakar, Senegal") or opens its council's name ("Surrey County Council")."""
    toks = d.toks
    out = {ent.text for ent in d.ents if ent.label_ in ("GPE", "LOC") and len(ent) == 1} if by_label else set()
    for i in toks.titled():
        # (or one opening its council's or county's name: "Surrey County Council")
        if i < toks.n - 2 and toks.text[i + 1] in _BODY_KINDS and toks.text[i + 2] == "Council":
            out.add(toks.text[i])
    for i in toks.titled():
        if i < 1 or (toks.ent_type[i] == "PERSON" and (
                toks.ent_iob[i] == "I" or (i + 1 < toks.n and toks.ent_iob[i + 1] == "I"))):
            continue  # (not a person's name of several words itself: "from Leeds and Lisbon Torres")
        k = i - 1
        if toks.lower[k] in ("and", "or", ",") and k > 0 and toks.ent_type[k - 1] in ("GPE", "LOC"):
            out.add(toks.text[i])
            continue
        if i + 2 < toks.n and toks.text[i + 1] == "," and toks.ent_iob[i + 2] == "B" \
                and toks.ent_type[i + 2] == "GPE" and any(
                    e.kind == "country" or e.source == "state" for e in d.g.exact(toks.text[i + 2])):
            out.add(toks.text[i])
            continue
        if k > 0 and toks.lower[k] == "of" and toks.lower[k - 1] in _KINDS_BEFORE_OF:
            out.add(toks.text[i])  # ("the northern Mexican state of Tamaulipas")
            continue
        if k > 0 and toks.text[k].islower() and toks.alpha[k] and toks.lower[k] not in _PLACING_PREPS:
            k -= 1
        if k > 0 and toks.lower[k] == "the":
            k -= 1
        if toks.lower[k] in _PLACING_PREPS:
            out.add(toks.text[i])
    return out


#: a town this big is no surname where the model itself reads its name as a place
GREAT_TOWN_POP = 300_000


def _great_town_named(name: str, g: Gazetteer) -> bool:
    """Whether ``name`` is the own name of a town of ``GREAT_TOWN_POP`` people or more."""
    return _town_named(name, g, GREAT_TOWN_POP)


def _detect_hyphen_demonyms(d: _Detection) -> None:
    """0'''. a people's name of a word, a hyphen and its country's name, as
    some island nations call themselves ("I-Kiribati", "ni-Vanuatu"): the
    whole, not the country inside it."""
    toks, g = d.toks, d.g
    # (only a word before a hyphen may open one)
    for i in [k - 1 for k in toks.at("-") if 1 <= k < toks.n - 1]:
        code = _hyphen_people(toks, i, g)
        if code and d.free(i, i + 3) and g.country(code) is not None:
            d.add_demonym(i, i + 3, g.country(code), code)
            d.doc_countries.add(code)


def _hyphen_people(toks: _Tokens, i: int, g: Gazetteer) -> Optional[str]:
    """The country code of the people's name of a word, a hyphen and the
    country's name at token ``i`` ("ni-Vanuatu"), else None."""
    if i + 2 >= toks.n or toks.text[i + 1] != "-" or toks.space[i] or toks.space[i + 1] or not toks.title[i + 2]:
        return None
    code = g.country_for_demonym(toks.span_text(i, i + 3))
    return code if code and g.country_code(toks.text[i + 2]) == code else None


def _detect_possessive_names(d: _Detection) -> None:
    """0'. a place whose own name holds a possessive ("Hawke's Bay",
    "Martha's Vineyard", "King's Lynn"), which the model cuts at the "'s":
    the whole name when the gazetteer knows it as a region's or a town's of
    5,000 people."""
    toks, g = d.toks, d.g
    for k in toks.at(("'s", "’s")):
        if not 1 <= k < toks.n - 1 or toks.space[k - 1] or not toks.title[k - 1] \
                or not toks.title[k + 1] or d.taken[k - 1]:
            continue
        start = k - 1
        while start > 0 and toks.title[start - 1] and toks.space[start - 1] and not d.taken[start - 1] \
                and k - start < 3:
            start -= 1
        for end in (k + 3, k + 2):
            if end > toks.n or not all(toks.title[t] for t in range(k + 1, end)) or not d.free(k + 1, end):
                continue
            for s in range(start, k):
                whole = toks.span_text(s, end)
                main = g.main_ids(whole)
                if any(e.id in main and (e.kind in ("region", "feature") or e.population >= 5000)
                       for e in g.exact(whole)):
                    d.add(d.doc[s:end], "gaz", fuzzy=False, require=True)
                    break
            if d.taken[k]:
                break


#: words after a name that make it a disease's name ("Marburg virus", "Lassa fever")
_DISEASE_HEADS = {"virus", "viruses", "fever", "ebolavirus", "disease"}
#: adjectives that may come between ("Ebola haemorrhagic fever")
_DISEASE_ADJ = {"haemorrhagic", "hemorrhagic"}


#: prepositions the model takes into a name at a sentence's start ("Across Kerala" as a person,
#: "Nearer Harare")
_OPENING_PREPS = {"across", "throughout", "around", "near", "from", "outside", "inside", "towards",
                  "toward", "into", "along", "beyond", "within", "via", "through", "nearer"}


#: prepositions that join two places' names and are no word of either
_JOINING_PREPS = {"to", "for", "past", "via", "toward", "towards", "from", "into", "near", "through", "beyond"}


#: lower-case words that never close a place's name ("Port Elizabeth on")
_TRAILING_WORDS = _JOINING_PREPS | {"on", "in", "at", "and", "or", "with", "by"}

#: quotation marks that may open a quote
_OPENING_QUOTES = {'"', "“", "‘", "``"}


def _ents_by_line(doc: Doc, toks: _Tokens) -> tuple:
    """The model's entities, each cut where a line ends inside it (web text:
    "ROCKHAMPTON, Qld" + newline + "Cattle producers ..." read as one
    person "Qld Cattle"); the pieces keep the label.  A capitalised
    preposition opening an entity is left out ("Across Kerala, ..."), and
    so is what follows a bracket or a verb in lower case inside one."""
    out = []
    for ent in doc.ents:
        # (the bounds and label read once: each cut below moves ``s`` or ``e``,
        # and a new Span is made only where they moved)
        s, e, label = ent.start, ent.end, ent.label_
        # (a work's title the model saw after an opening quotation mark,
        # where the quotation runs on past it, is the opening of a quote
        # when a place's preposition stands inside it: no name at all,
        # '"People in Glenmore and Ardara are paying ...")
        if label == "WORK_OF_ART" and s > 0 and toks.text[s - 1] in _OPENING_QUOTES \
                and e < toks.n and toks.text[e] not in _QUOTES and toks.text[e] != "," \
                and toks.lower[s] not in ("the", "a", "an") \
                and any(toks.lower[k] in LOC_PREPS and toks.text[k].islower() for k in range(s + 1, e)):
            continue
        if e - s >= 2 and toks.lower[s] in _OPENING_PREPS and toks.title[s] and toks.title[s + 1]:
            s += 1
        # (and where a match's score stands inside it: "St Johnstone 2-1 Livingston", "Aberdeen 2-1")
        # (and before a bracket opened inside it, what follows being no part
        # of it: "Chukwudi Eze (Nigeria" read as one person)
        bracket = next((k for k in range(s + 1, e) if toks.text[k] == "("), None)
        if bracket is not None:
            e = bracket
        # (and before a verb in lower case, which no name holds: "Danzig
        # became Gdańsk, Breslau became Wrocław" read as one body)
        verb = next((k for k in range(s + 1, e)
                     if toks.pos[k] in ("VERB", "AUX") and toks.text[k].islower()), None)
        if verb is not None:
            e = verb
        # (and a place's before a lower-case preposition standing alone, which
        # joins two names, no words of one: "West Java past Cirebon", "Feltre
        # to Cortina"; "Shoreham-by-Sea" and "Bradford on Avon" keep theirs,
        # and a body its name: "Michigan Center for Public Policy", "the
        # Syrian Observatory for Human Rights")
        prep = next((k for k in range(s + 1, e - 1)
                     if toks.lower[k] in _JOINING_PREPS and toks.text[k].islower()
                     and toks.space[k - 1] and toks.space[k]), None) \
            if label in ("GPE", "LOC", "FAC") and toks.lower[s] != "the" else None
        if prep is not None:
            e = prep
        # (and a place's small word closing it, which opens what follows:
        # "Port Elizabeth on" + "Bequia")
        if label in ("GPE", "LOC") and e - s >= 2 and toks.text[e - 1].islower() \
                and toks.lower[e - 1] in _TRAILING_WORDS:
            e -= 1
        # (and a person's before a number, which no person's name holds: "and
        # Garissa 39.8 C." of a list of readings)
        number = next((k for k in range(s + 1, e) if toks.text[k][:1].isdigit()), None) \
            if label == "PERSON" else None
        if number is not None:
            e = number
        # (and on over a town's name joined by hyphens and a small word: the
        # model's "Graye" of "Graye-sur-Mer"; a person's stays, its words
        # being no given names: "Stratford" + "-upon-Avon")
        while label != "PERSON" and e + 3 < toks.n and toks.text[e] == "-" \
                and toks.lower[e + 1] in HYPHEN_LINKS and toks.text[e + 2] == "-" and toks.title[e + 3] \
                and not any(toks.space[k] for k in range(e - 1, e + 3)):
            e += 4
        breaks = [k for k in range(s, e)
                  if (toks.is_space[k] and "\n" in toks.text[k]) or _in_score(toks, k) or _fixture_word(toks, k)]
        if not breaks:
            out.append(ent if (s, e) == (ent.start, ent.end) else Span(doc, s, e, label=label))
            continue
        start = s
        for k in breaks + [e]:
            if k > start:
                out.append(Span(doc, start, k, label=label))
            start = k + 1
    return tuple(out)


def _drop_agency_credits(d: _Detection) -> None:
    """A name alone in brackets between a dateline and its dash is the news
    agency's credit, not a place ("QINGDAO, China (Xinhua) —"), though a
    town has the agency's name; a country or a province there stays a place."""
    toks, n = d.toks, d.toks.n
    for m in list(d.mentions):
        if m.span is None or m.demonym:
            continue
        s, e = m.span.start, m.span.end
        if not (s >= 2 and e + 1 < n and toks.text[s - 1] == "(" and toks.text[e] == ")"
                and toks.text[e + 1] in _DASHES and _after_dateline(toks, s - 1)):
            continue
        if not any(c.kind in ("country", "region") for c in m.cands[:1]):
            d.drop(m)


#: small words a body's name may hold that its letters leave out ("Movement for Democratic Change", MDC)
_ACRONYM_SKIPS = {"of", "for", "the", "and", "de", "du", "des", "la", "le", "del", "da", "do", "y", "et", "&"}


def _defined_acronyms(toks: _Tokens) -> dict[str, str]:
    """Letters the text defines in brackets after a name whose words' first
    letters they are ("the All Progressives Congress (APC)", "Movement for
    Democratic Change (MDC)"), with the name they stand for."""
    out: dict[str, str] = {}
    n = toks.n
    for k in [p + 1 for p in toks.at("(")]:
        if not 2 <= k < n - 1 or toks.text[k + 1] != ")" or not toks.upper[k] or not toks.alpha[k] \
                or not 2 <= len(toks.text[k]) <= 6:
            continue
        letters = toks.text[k].lower()
        words: list[int] = []
        j = k - 2
        while j >= 0 and len(words) < len(letters) and (toks.title[j] or toks.lower[j] in _ACRONYM_SKIPS):
            if toks.title[j]:
                words.append(j)
            j -= 1
        words.reverse()
        if len(words) == len(letters) and "".join(toks.lower[w][0] for w in words) == letters:
            out[toks.text[k]] = toks.span_text(words[0], k - 1)
    return out


def _drop_defined_acronyms(d: _Detection) -> None:
    """Letters the text defines for a body's name ("the All Progressives
    Congress (APC)") are that body's wherever they stand, not a place's
    code or other name (an airport's letters), unless the name is a place's
    ("the United Arab Emirates (UAE)")."""
    toks, g = d.toks, d.g
    if not any(m.span is not None and toks.upper[m.span.start] for m in d.mentions):
        return
    defined = _defined_acronyms(toks)
    for m in list(d.mentions):
        if m.span is None or m.demonym or len(m.span) != 1 or m.text not in defined:
            continue
        if not g.exact(defined[m.text]) and not (m.cands and m.cands[0].kind == "country"):
            d.drop(m)


def _drop_given_names(d: _Detection) -> None:
    """A great place's name that opens a person's name and that the text
    then uses alone for the person (:func:`_given_in_use`: "Nine-year-old
    Georgia Stevens ... Georgia began skating at four", "Georgia's father")
    is the person's wherever it stands alone without a place's cue; and any
    one-word name with an age after it or kin before it is a person's, a
    country's name too ("said Jordan, 58,", "Their son, Jordan, a software
    engineer")."""
    toks, n = d.toks, d.toks.n
    # (a name the text gives an age anywhere is a person's wherever it stands
    # alone without a place's cue, a country's name aside: "Borges, 58, ...
    # Borges was born on a cattle farm")
    aged_names = {toks.text[i] for i in toks.titled() if (
        _aged(toks, i) or _being_after(toks, i) or _age_apposition(toks, i))}
    for m in [m for m in d.mentions if m.span is not None and len(m.span) == 1 and not m.demonym]:
        i = m.span.start
        aged = _aged(toks, i) or _being_after(toks, i) \
            or (_age_apposition(toks, i) and not (m.cands and _top_level(m.cands[0]))) \
            or (m.text in aged_names and not (m.cands and m.cands[0].kind == "country")
                and (toks.ent_type[i] not in ("GPE", "LOC") or (
                    # ("Marcus, a 31-year-old designer, ... Marcus, who asked")
                    i + 2 < n and toks.text[i + 1] == "," and toks.lower[i + 2] == "who"))
                and not _place_cue(toks, i, m.span.end, d.g)
                and not _coordinated(toks, m.span, d.taken))
        kin = i >= 2 and toks.text[i - 1] == "," and toks.lower[i - 2] in KIN_WORDS and toks.text[i - 2].islower() \
            and i + 1 < n and toks.text[i + 1] in (",", ".")
        # (or kin after it: "Thomas, son of Richard and Anne Kendal"; a maiden name: "Susan (née Kendal)")
        kin = kin or (i + 3 < n and toks.text[i + 1] == "," and toks.lower[i + 2] in KIN_WORDS
                      and toks.text[i + 2].islower() and toks.lower[i + 3] == "of") \
            or (i > 0 and toks.lower[i - 1] in _MAIDEN_WORDS) \
            or (i + 2 < n and toks.text[i + 1] == "(" and toks.lower[i + 2] in _MAIDEN_WORDS) \
            or ((_couple_of(toks, i) or _couple_before_person(d, i)) and not (m.cands and _top_level(m.cands[0])))
        if aged or kin or (m.text in d.given_names and not _place_cue(toks, i, m.span.end, d.g)):
            d.drop(m)


def _aged(toks: _Tokens, i: int) -> bool:
    """Token ``i`` has an age after it ("Borges, 58, one half of ...", "said
    Jordan, 58."), not a standings list's points ("Liverpool, 45, Arsenal, 42"),
    nor the age of the person whose home it names ("Mayor Ann Lowry of
    Fairhaven, 59, said")."""
    n = toks.n
    return i + 3 < n and not _home_of_person(toks, i) and toks.text[i + 1] == "," and toks.text[i + 2].isdigit() \
        and len(toks.text[i + 2]) <= 2 and (toks.text[i + 3] == "." or (
            toks.text[i + 3] == "," and i + 4 < n and toks.text[i + 4][:1].islower()))


#: nouns after an age that describe a place, not a person ("Petra, a 2,000-year-old city")
_AGED_PLACE_NOUNS = {"city", "town", "village", "port", "settlement", "capital", "market", "community", "suburb",
                     "quarter", "harbour", "harbor", "site", "fortress", "monastery", "temple", "mosque", "church",
                     "bridge", "oasis", "citadel", "castle", "hamlet"}


def _age_apposition(toks: _Tokens, i: int) -> bool:
    """Token ``i`` opens a sentence or a clause with a one-word name that an
    age of a person describes after a comma ("For eleven years, Marcus, a
    31-year-old graphic designer, has lived ..."): a person known by the
    given name alone (not "Petra, a 2,000-year-old city")."""
    n = toks.n
    if not (i + 7 < n and toks.text[i + 1] == "," and toks.lower[i + 2] in ("a", "an")):
        return False
    if i > 0 and not (toks.text[i - 1] in SENTENCE_ENDS or toks.text[i - 1] == "," or "\n" in toks.text[i - 1]):
        return False
    age, k = toks.text[i + 3], i + 4
    if not (age.isdigit() and int(age) <= 110 and toks.text[k] == "-" and toks.lower[k + 1] == "year"
            and toks.text[k + 2] == "-" and toks.lower[k + 3] == "old"):
        return False
    return not any(toks.lower[t] in _AGED_PLACE_NOUNS for t in range(k + 4, min(n, k + 8)))


def _being_after(toks: _Tokens, i: int) -> bool:
    """Token ``i`` opens a sentence with a name an animal's noun describes
    after a comma ("Moss, a five-year-old black-and-tan huntaway, ...",
    "Simba, a three-year-old dog owned by ..."): a pet's, no place (not a
    place's own words: "Barking, a dog-friendly suburb"; nor a place the
    sentence opens with, "In Jaffna, a man was detained", "At the market in
    Sheberghan, a ram sold for ...")."""
    n = toks.n
    if not (i + 3 < n and toks.text[i + 1] == "," and toks.lower[i + 2] in ("a", "an")):
        return False
    if i > 0 and not (toks.text[i - 1] in SENTENCE_ENDS or "\n" in toks.text[i - 1]):
        return False
    for k in range(i + 3, min(n, i + 11)):
        if toks.lower[k] in BEING_NOUNS:  # (a breed may be capitalised: "a black Labrador")
            return k + 1 == n or toks.text[k + 1] in (",", ".", ";", ")") or toks.lower[k + 1] in _BEING_NEXT
        if toks.text[k] in (",", ".", ";", ":", "(", ")") or toks.title[k]:
            return False
    return False


#: what may follow the noun of a being named before it ("a dog owned by", "a cat called")
_BEING_NEXT = {"owned", "belonging", "named", "called", "who", "that", "which", "with", "from", "was", "is",
               "has", "had", "and", "rescued", "found", "adopted"}


#: the words before a woman's maiden name ("Susan (née Kendal)")
_MAIDEN_WORDS = {"née", "nee", "neé"}


def _couple_before_person(d: _Detection, i: int) -> bool:
    """The one word at ``i``, after a verb, is a given name before "and" and
    the model's person of two words that no place has ("Among those caught
    out were Sabine and Olaf Werner"): a couple, not a place (not in a list
    or after a preposition of place: "towards Gopeng and Batu Gajah")."""
    toks, n = d.toks, d.toks.n
    if not (0 < i and i + 4 < n and toks.lower[i + 1] == "and" and toks.pos[i - 1] in ("AUX", "VERB")
            and toks.ent_type[i + 2] == "PERSON" and toks.ent_iob[i + 2] == "B" and toks.title[i + 2]
            and toks.ent_iob[i + 3] == "I" and toks.ent_type[i + 3] == "PERSON" and toks.ent_iob[i + 4] != "I"
            and toks.lower[i + 2].rstrip(".") not in TITLES):
        return False
    return not d.g.exact(toks.span_text(i + 2, i + 4))


def _couple_of(toks: _Tokens, i: int) -> bool:
    """The one word at ``i`` is one of two given names joined by "and"
    before ", of" and their home's name ("To Hannah and Daniel, of Hebden
    Bridge, a daughter"): a couple, not two places."""
    n = toks.n
    if i + 4 < n and toks.lower[i + 1] == "and" and toks.title[i + 2] and toks.text[i + 3] == "," \
            and toks.lower[i + 4] == "of" and i + 5 < n and toks.title[i + 5]:
        return True
    return i >= 2 and i + 3 < n and toks.lower[i - 1] == "and" and toks.title[i - 2] and toks.text[i + 1] == "," \
        and toks.lower[i + 2] == "of" and toks.title[i + 3]


#: words of a family notices' section heading ("BIRTHS", "GOLDEN WEDDING", "ENGAGEMENTS")
_NOTICE_WORDS = {"births", "birth", "deaths", "death", "marriages", "marriage", "engagements", "engagement",
                 "wedding", "weddings", "anniversary", "anniversaries", "memoriam", "obituaries", "funerals"}


def _drop_notice_headers(d: _Detection) -> None:
    """Under a family notices' heading ("BIRTHS", "DIAMOND WEDDING"), a name in
    capitals opening a line before a dash or a bracket is the family's
    ("PRESTON — To Chloe ...", "KENDAL–SHIPLEY — The engagement is
    announced", "DARWIN (Ross and Beryl)"), not a dateline's town."""
    toks, n = d.toks, d.toks.n
    heads = [k for k in toks.at(_NOTICE_WORDS) if toks.upper[k]
             and (k == 0 or "\n" in toks.text[k - 1] or toks.upper[k - 1])]
    if not heads:
        return
    for m in list(d.mentions):
        if m.span is None or m.demonym or not all(toks.upper[k] for k in range(m.span.start, m.span.end)) \
                or m.span.start < heads[0] or (m.cands and m.cands[0].kind == "country"):
            continue
        s, e = m.span.start, m.span.end
        opening = s == 0 or "\n" in toks.text[s - 1]
        # (the second of two names joined by a dash: "KENDAL–SHIPLEY")
        second = s >= 2 and toks.text[s - 1] in _DASHES and not toks.space[s - 2] and toks.upper[s - 2] \
            and (s == 2 or "\n" in toks.text[s - 3])
        if (opening or second) and e < n and (toks.text[e] in _DASHES or toks.text[e] in ("(", ".")):
            d.drop(m)


#: the planets, some of whose names towns bear (Mars, Pennsylvania; Jupiter, Florida)
_PLANETS = {"mercury", "venus", "mars", "jupiter", "saturn", "uranus", "neptune", "pluto"}
#: words of a text about space: two of them make a planet's name the planet's
_SPACE_WORDS = {"orbit", "orbits", "orbiter", "orbiting", "spacecraft", "rover", "lander", "probe", "probes",
                "planet", "planets", "moon", "moons", "astronaut", "astronauts", "telescope", "asteroid",
                "spaceflight", "nasa", "esa", "solar", "space", "rocket", "mission"}


def _drop_compass_qualifiers(d: _Detection) -> None:
    """A region's name made of compass words only ("North West") that
    qualifies the name after it ("North West Bicester") or closes a
    hyphened name ("Calgary-North West", a riding): no region."""
    toks, n = d.toks, d.toks.n
    for m in list(d.mentions):
        if m.span is None or m.demonym:
            continue
        s, e = m.span.start, m.span.end
        words = [toks.lower[k] for k in range(s, e) if toks.text[k] != "-"]
        if len(words) < 2 or not all(w in _COMPASS for w in words):
            continue
        if (e < n and toks.title[e] and toks.alpha[e] and toks.space[e - 1]) \
                or (s > 0 and toks.text[s - 1] == "-" and not toks.space[s - 1]):
            d.drop(m)


#: quotation marks about a nickname ("Emeka \"Chad\" Okafor", "Tony 'Jamaica' Reid")
_NICK_QUOTES = {'"', "'", "“", "”", "‘", "’"}


def _drop_nicknames(d: _Detection) -> None:
    """A name of one word in quotation marks between two capitalised words
    that are no places, a person's given name and surname ("Emeka \"Chad\"
    Okafor, a loan officer", "the bassist Tony 'Jamaica' Reid"): a
    nickname, not the place it is named after."""
    toks, n = d.toks, d.toks.n
    for m in [m for m in d.mentions if m.span is not None and len(m.span) == 1]:
        i = m.span.start
        if not (2 <= i and i + 2 < n and toks.text[i - 1] in _NICK_QUOTES and toks.text[i + 1] in _NICK_QUOTES):
            continue
        before, after = i - 2, i + 2
        if toks.title[before] and toks.alpha[before] and toks.title[after] and toks.alpha[after] \
                and not d.taken[before] and not d.taken[after] \
                and toks.pos[before] == "PROPN" and toks.pos[after] == "PROPN" \
                and toks.space[before] and toks.space[i + 1] \
                and not {toks.lower[before], toks.lower[after]} & toks.lower_words():
            # (not a headline's words in capitals, which the text writes small
            # elsewhere: 'Fans Hail "Brazil" Shirt')
            d.drop(m)


def _drop_planets(d: _Detection) -> None:
    """In a text about space, a planet's name is the planet's ("the probe
    will reach Mars orbit"), unless its state follows ("Jupiter, Florida")."""
    toks, n = d.toks, d.toks.n
    planets = [m for m in d.mentions if m.span is not None and not m.demonym and normalize(m.text) in _PLANETS]
    if not planets or len({w for w in toks.lower if w in _SPACE_WORDS}) < 2:
        return  # (the text's words are read only when a planet's name is among its places)
    for m in planets:
        e = m.span.end
        if not (e + 1 < n and toks.text[e] == "," and toks.title[e + 1]
                and any(c.kind == "region" for c in d.g.exact(toks.text[e + 1]))):
            d.drop(m)


#: prefixes of a ship's name, in capitals ("the ferry MV Jolo Pearl", "HMS Belfast")
_SHIP_PREFIXES = {"MV", "M/V", "MS", "M/S", "SS", "RMS", "HMS", "HMAS", "HMNZS", "HMCS", "USS", "USNS", "RV",
                  "R/V", "FV", "MT", "INS", "PNS", "KRI", "BRP", "KV", "RRS", "RSV", "CCGS", "USCGC", "HDMS",
                  "HNLMS", "ARA", "BAP", "NRP", "TCG", "ROKS", "ICGS"}
#: a monarch's number after the name ("Hassan II", "Louis XIV"; not "I", a word of its own)
_REGNAL_NUMBERS = {"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI"}
#: words before a father's name in an Arabic full name ("Ibn Zohr University")
_PATRONYM_WORDS = {"ibn", "bin"}


def _drop_ships_and_patronyms(d: _Detection) -> None:
    """A name after a ship's prefix is the ship's ("the ferry MV Jolo
    Pearl", "HMS Belfast"), and so is one right after a vessel's noun ("the
    tanker Hamburg"), one after "Ibn" or "bin" a person's ("Ibn
    Zohr University"), and one before a regnal number a monarch's ("the
    Hassan II trophy"), not the town named like it."""
    toks, n = d.toks, d.toks.n
    for m in list(d.mentions):
        if m.span is None or m.demonym:
            continue
        p, e = m.span.start - 1, m.span.end
        if p >= 0 and (toks.text[p] in _SHIP_PREFIXES
                       or (toks.lower[p] in _PATRONYM_WORDS and toks.text[p] != "BIN")):
            d.drop(m)
        elif _after_surname_particle(toks, m.span.start) and not (m.cands and _top_level(m.cands[0])):
            d.drop(m)  # "Frank van der Velde": a surname after its particles, not Velden
        elif _named_vessel(toks, m.span.start, e):
            d.drop(m)
        elif len(m.span) == 1 and e < n and toks.text[e] in _REGNAL_NUMBERS and not toks.upper[m.span.start]:
            d.drop(m)


#: lower-case particles of Dutch and German surnames ("van der Velde", "von Trier", "ter Stegen")
_SURNAME_PARTICLES = {"van", "von", "der", "den", "ter", "ten", "vander"}


def _after_surname_particle(toks: _Tokens, i: int) -> bool:
    """The name at ``i`` follows one or two lower-case surname particles
    after a capitalised given name ("Frank van der Velde", "Lars von Trier")."""
    k = i - 1
    while k >= 0 and i - k <= 2 and toks.text[k] in _SURNAME_PARTICLES:
        k -= 1
    return k < i - 1 and k >= 0 and toks.title[k] and toks.alpha[k]


_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


def _drop_initials(d: _Detection) -> None:
    """A state's dotted abbreviation that opens what the model took for one
    name with the capitalised word after it ("where W.A. Sumanadasa has
    landed his catch") is a person's initials, no place; not after a comma
    ("Broome, W.A., said"), nor before a word of office ("U.P. Police"), nor
    a country's ("U.K. Defence officials"), nor after "the" ("the N.Y.
    Giants"), which no person's initials take."""
    toks, n = d.toks, d.toks.n
    for m in list(d.mentions):
        if m.span is None or m.demonym or not _INITIALS.fullmatch(m.text):
            continue
        s, e = m.span.start, m.span.end
        if e < n and toks.title[e] and toks.ent_iob[e] == "I" and toks.ent_type[e] in ("PERSON", "ORG") \
                and not (s > 0 and toks.lower[s - 1] in (",", "the")) and toks.lower[e] not in _PLACE_OFFICES \
                and not any(c.kind == "country" for c in m.cands[:3]) and not d.g.exact(toks.text[e]):
            d.drop(m)  # (nor a country's, "the U.S. Army"; nor before a place's name, "N.Y. Giants")


#: nouns of a vessel in lower case before its name ("the tanker Hamburg", "his trawler, the Urk")
_VESSEL_NOUNS = {"tanker", "trawler", "freighter", "ferry", "vessel", "ship", "yacht", "schooner", "tug",
                 "tugboat", "barge", "dredger", "icebreaker", "catamaran", "steamer", "frigate", "destroyer",
                 "corvette", "submarine", "cruiser", "boat", "lifeboat", "dhow", "trimaran", "sloop",
                 # ("the aircraft carrier Shandong"; an airline is a carrier too, "the carrier Kenya Airways")
                 "carrier", "warship", "flagship", "gunboat", "minesweeper", "cutter", "longliner", "seiner",
                 "dinghy", "canoe"}


def _named_vessel(toks: _Tokens, s: int, e: int) -> bool:
    """``toks[s:e]`` is a vessel's name: right after a vessel's noun in lower
    case ("the tanker Hamburg was detained", "the ferry Isle of Mull"), or
    set between commas after it with "the" ("his trawler, the Urk, has been
    tied up"); not a name going on with a hyphen ("a ship Panama-flagged")."""
    if e < toks.n and toks.text[e] == "-":
        return False
    if s >= 1 and toks.lower[s - 1] in _VESSEL_NOUNS and toks.text[s - 1].islower():
        return toks.lower[s - 1] != "carrier" or (s >= 2 and toks.lower[s - 2] == "aircraft")
    return s >= 3 and toks.lower[s - 1] == "the" and toks.text[s - 2] == "," \
        and toks.lower[s - 3] in _VESSEL_NOUNS and toks.text[s - 3].islower() and e < toks.n and toks.text[e] == ","


#: words that open a storm's name or a weather body's, some of them towns' names (Hurricane, Utah)
_STORM_WORDS = {"hurricane", "typhoon", "cyclone"}


def _drop_storm_words(d: _Detection) -> None:
    """A storm's word before a capitalised name is the storm's ("Hurricane
    Tobias", "the National Hurricane Center"), not the town named like it;
    so is the whole storm's name the model took for a place ("lost its house
    in Cyclone Pam"), and the name after its capitalised storm's word
    ("after Typhoon Haiyan"), and that name alone elsewhere, not after a
    place's preposition ("Severe Tropical Cyclone Malia ... said Malia had
    intensified")."""
    toks, n = d.toks, d.toks.n
    storms = {toks.text[k + 1] for k in toks.titled() if toks.lower[k] in _STORM_WORDS
              and k + 1 < n and toks.title[k + 1] and toks.alpha[k + 1]}
    for m in list(d.mentions):
        if m.span is None or m.demonym:
            continue
        s, e = m.span.start, m.span.end
        if toks.lower[s] in _STORM_WORDS and (
                (len(m.span) == 1 and e < n and toks.title[e] and toks.alpha[e])
                or (len(m.span) >= 2 and toks.title[s] and toks.title[s + 1] and toks.alpha[s + 1])):
            d.drop(m)
        elif s > 0 and toks.lower[s - 1] in _STORM_WORDS and toks.title[s - 1] and toks.title[s]:
            d.drop(m)
        elif len(m.span) == 1 and toks.text[s] in storms and not (s > 0 and toks.lower[s - 1] in LOC_PREPS):
            d.drop(m)


#: a feature's word that the text may use alone, after "the", for the one it is known by
#: ("ships sailing round the Cape": the Cape of Good Hope)
_SHORT_FEATURE_WORDS = {"cape"}


def _drop_loose_short_features(d: _Detection) -> None:
    """Such a word alone is the feature only after "the" and with no name or
    "of" after it: "the Cape Doctor" (a wind), "the Cape of Storms", "at Cape
    Cross", "Cape fur seals" name none."""
    toks, n = d.toks, d.toks.n
    for m in list(d.mentions):
        if m.span is None or m.demonym or len(m.span) != 1 or toks.lower[m.span.start] not in _SHORT_FEATURE_WORDS:
            continue
        s, e = m.span.start, m.span.end
        if not (s > 0 and toks.lower[s - 1] == "the") or (e < n and (
                toks.title[e] or toks.lower[e] == "of" or (toks.text[e].islower() and toks.pos[e] == "NOUN"))):
            d.drop(m)


#: a saint's abbreviations and word opening a town's name or a church's
_SAINT_WORDS = {"st", "st.", "saint", "ste", "ste."}
#: capitalised words after a saint's name that make the whole a church's,
#: a school's or a hospital's ("St. James United Methodist Church")
_SAINT_HOUSES = {"church", "cathedral", "basilica", "chapel", "abbey", "priory", "minster", "coptic",
                 "orthodox", "catholic", "anglican", "presbyterian", "methodist", "lutheran", "episcopal",
                 "baptist", "metropolitan", "united", "parish", "seminary", "mission", "cemetery", "convent"}
#: ... and after its possessive ("St. Paul's Hospital", "St. Michael's Catholic School")
_SAINT_POSSESSIVE_HOUSES = _SAINT_HOUSES | {"school", "college", "university", "hospital", "academy", "primary",
                                            "high", "grammar", "infirmary", "hall", "medical", "day"}
#: a saint's place this big keeps its name before a church's word ("St. Louis Cathedral" stays a saint's)
SAINT_TOWN_POP = 1_000_000


def _drop_saints_houses(d: _Detection) -> None:
    """A saint's name before a church's, school's or hospital's word is the
    house's ("St. James United Methodist Church", "St. Paul's Hospital"),
    and before "Day" the feast's ("St Patrick's Day"), not a town named
    after the saint."""
    toks, n = d.toks, d.toks.n
    for m in list(d.mentions):
        if m.span is None or m.demonym or toks.lower[m.span.start] not in _SAINT_WORDS:
            continue
        e = m.span.end
        possessive = toks.lower[e - 1] in ("'s", "’s")
        if not possessive and e < n and toks.lower[e] in ("'s", "’s"):
            possessive, e = True, e + 1
        if e >= n or not toks.title[e]:
            continue
        word = toks.lower[e]
        if possessive and word in _SAINT_POSSESSIVE_HOUSES or (
                word in _SAINT_HOUSES and all(c.population < SAINT_TOWN_POP for c in m.cands)):
            d.drop(m)


#: birds' nouns that close a species' name opened by a place or a people's word
#: ("Siberian crane", "Baltimore oriole", "Cape May warbler", "Pallas's fish eagle")
_BIRD_NOUNS = {
    "warbler", "oriole", "parakeet", "egret", "skimmer", "crane", "wigeon", "eagle", "kestrel", "plover",
    "thrush", "goose", "swan", "heron", "stork", "ibis", "flamingo", "pelican", "gull", "tern", "owl",
    "hawk", "falcon", "vulture", "sparrow", "finch", "robin", "pipit", "wagtail", "bunting", "shrike",
    "flycatcher", "cuckoo", "parrot", "pigeon", "dove", "teal", "pochard", "bustard", "sandpiper", "stint",
    "godwit", "curlew", "redstart", "bluetail", "hornbill", "kingfisher", "woodpecker", "starling", "lark",
    "swallow", "swift", "harrier", "buzzard", "osprey", "cormorant", "grebe", "loon", "petrel", "shearwater",
    "penguin", "puffin", "quail", "babbler", "bulbul", "sunbird", "nightjar", "treecreeper",
    "nuthatch", "wren", "chiffchaff", "bittern", "crake", "coot", "spoonbill", "avocet", "dotterel",
    "lapwing", "oystercatcher", "turnstone", "phalarope", "skua", "auk", "guillemot", "razorbill", "gannet",
    "booby", "frigatebird", "albatross", "condor", "macaw", "cockatoo", "lorikeet", "rosefinch", "grosbeak",
    "vireo", "tanager", "hummingbird", "seedeater", "canary", "goldfinch", "redpoll", "siskin", "accentor"}
#: (the plural of a bird named alone for a dish too: "Philippine ducks", not "Peking duck")
_BIRD_PLURALS = {w + ("es" if w.endswith(("sh", "ch", "ss")) else "s") for w in _BIRD_NOUNS} | {"geese", "ducks"}


def _drop_species_names(d: _Detection) -> None:
    """A place's or a people's word opening a bird's species name is the
    species' ("1,140 Siberian cranes", "a Baltimore oriole", "Pallas's
    grasshopper warbler"): up to two lower-case words, then the bird's
    noun ending the phrase."""
    toks, n = d.toks, d.toks.n
    for m in list(d.mentions):
        if m.span is None:
            continue
        k = m.span.end
        if k < n and toks.lower[k] in ("'s", "’s"):
            if not m.cands or any(c.kind != "city" for c in m.cands):
                continue  # (a land's own birds: "Europe's vultures"; a person's: "Pallas's")
            k += 1
        for e in range(k, min(n, k + 3)):
            if not (toks.text[e].isalpha() or "-" in toks.text[e]) or not toks.text[e].islower():
                break
            if (toks.lower[e] in _BIRD_NOUNS or toks.lower[e] in _BIRD_PLURALS) and toks.pos[e] == "NOUN":
                if not (e + 1 < n and toks.pos[e + 1] == "NOUN" and toks.text[e + 1].islower()):
                    d.drop(m)
                break
            if toks.pos[e] not in ("ADJ", "NOUN"):
                break  # (no verb between: "Shrinking Poyang Lake pushes rare cranes")


def _drop_kinds_named(d: _Detection) -> None:
    """A place's word that names a breed, a sport's meeting or a religious
    order before its lower-case noun ("Highland cattle", "Highland games",
    "Jersey cows", "Angus bulls", "Dominican friars") is the kind's."""
    toks, n = d.toks, d.toks.n
    for m in list(d.mentions):
        if m.span is None or len(m.span) != 1 or m.span.end >= n or toks.upper[m.span.start]:
            continue
        heads = _KINDS_NAMED.get(toks.lower[m.span.start])
        if heads and toks.text[m.span.end].islower() and toks.lower[m.span.end] in heads:
            d.drop(m)


_CATTLE = {"cattle", "cow", "cows", "bull", "bulls", "heifer", "heifers", "calves", "herd", "beef"}
#: the nouns after a place's word that make it a kind's name (see _drop_kinds_named)
_KINDS_NAMED = {
    "highland": _CATTLE | {"pony", "ponies", "games", "dancers", "dancing", "dance", "fling"},
    "jersey": _CATTLE, "guernsey": _CATTLE, "angus": _CATTLE | {"steak", "steaks"}, "hereford": _CATTLE,
    "galloway": _CATTLE, "holstein": _CATTLE,
    # (a sport's or a style's: "Nordic skiing", "Nordic noir")
    "nordic": {"skiing", "skier", "skiers", "combined", "walking", "noir", "design", "diet"},
    "dominican": {"friar", "friars", "order", "monk", "monks", "nun", "nuns", "sisters", "priory", "convent",
                  "monastery"},
}


#: words after a club's name of two words, the second a town's ("the Wellington Phoenix football club")
_CLUB_AFTER = {"football", "soccer", "rugby", "club", "fc", "team", "squad", "franchise", "side"}


def _drop_team_nicknames(d: _Detection) -> None:
    """A town's name right after another place's, before a club's word, is
    the club's nickname ("the Wellington Phoenix football club", "Wellington
    Phoenix FC"): the first is the club's town, the second no place."""
    toks, n = d.toks, d.toks.n
    ends = {m.span.end for m in d.mentions if m.span is not None and not m.demonym}
    for m in list(d.mentions):
        if m.span is None or m.demonym or len(m.span) != 1:
            continue
        k, e = m.span.start, m.span.end
        if k in ends and toks.space[k - 1] and e < n and toks.lower[e] in _CLUB_AFTER \
                and (toks.lower[e] == "fc" or toks.text[e].islower()):
            d.drop(m)


#: time zones' letters, some of them places' codes (PT, ET, CT, MT)
_ZONE_CODES = {"pt", "pst", "pdt", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "at", "ast",
               "adt", "nt", "hst", "akst", "akdt", "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "wet",
               "ist", "jst", "kst", "aest", "aedt", "acst", "awst", "nzst", "nzdt", "sast", "eat", "wat", "cat"}
#: words that close a time of day
_CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "noon", "midnight"}


def _drop_time_zones(d: _Detection) -> None:
    """A zone's letters after a time of day are the zone's ("7:00 a.m. PT",
    "at 14:00 ET"), not a country's or state's code."""
    toks = d.toks
    for m in list(d.mentions):
        if m.span is None or len(m.span) != 1 or not toks.upper[m.span.start] \
                or toks.lower[m.span.start] not in _ZONE_CODES or m.span.start == 0:
            continue
        prev = toks.lower[m.span.start - 1]
        if prev in _CLOCK_WORDS or re.fullmatch(r"\d{1,2}[:.]\d{2}", prev):
            d.drop(m)


#: names of horse races shared with towns ("the Derby", "the Indian Derby", "the Epsom Derby")
_RACE_NAMES = {"derby"}
#: nouns after a race's name ("a Derby winner", "Derby runners")
_RACE_NOUNS = {"winner", "winners", "runner", "runners", "favourite", "favorite", "field", "day", "week", "trial",
               "trials", "entries", "entry", "prep", "contender", "contenders", "hopeful", "hopefuls", "purse",
               "meeting", "card", "distance", "course"}


def _drop_race_names(d: _Detection) -> None:
    """A race named like a town is no place: after "the" or another name
    ("the Derby", "the Indian Derby", "UAE Derby") or before a race's noun
    ("a Derby winner"); "in Derby", "Derby's station" stay the town's."""
    toks = d.toks
    for m in list(d.mentions):
        if m.span is None or len(m.span) != 1 or toks.lower[m.span.start] not in _RACE_NAMES:
            continue
        i = m.span.start
        before = toks.text[i - 1] if i > 0 else ""
        after = toks.text[i + 1] if i + 1 < toks.n else ""
        if before.lower() == "the" or (i > 0 and before[:1].isupper() and toks.alpha[i - 1] and not toks.stop[i - 1]) \
                or after in _RACE_NOUNS:
            d.drop(m)


#: names of God that fold onto a town's ("God" of Göd in Hungary, "thanks to God")
_DEITIES = {"god", "allah"}


def _drop_deities(d: _Detection) -> None:
    """God is no place: a name of God written without the town's accent
    ("Borda gives to God") is never Göd, whatever cue stands before it."""
    toks = d.toks
    for m in list(d.mentions):
        if m.span is not None and len(m.span) == 1 and toks.lower[m.span.start] in _DEITIES:
            d.drop(m)


def _after_dateline(toks: _Tokens, k: int) -> bool:
    """Token ``k`` follows a dateline: its line opens with a word in
    capitals a few words before it ("QINGDAO, China (", "BEIRUT (")."""
    j = k - 1
    while j >= 0 and k - j <= 6 and not (toks.is_space[j] and "\n" in toks.text[j]):
        j -= 1
    first = j + 1
    if k - j > 6 and j >= 0:
        return False
    return first < k and toks.upper[first] and toks.alpha[first] and len(toks.text[first]) >= 3


#: bodies named after a person's full name ("Charles Darwin University", "the Jomo Kenyatta International Airport")
_PERSON_NAMED_BODIES = {"university", "foundation", "institute", "college", "hospital", "academy", "trust",
                        "airport", "stadium", "museum", "library", "memorial", "prize", "award", "school"}


#: noble titles, no given names ("Duke Kunshan University": a university's name and its town)
_NOBLE_TITLES = {"duke", "duchess", "earl", "countess", "baron", "baroness", "marquess", "viscount"}


def _drop_persons_named_bodies(d: _Detection) -> None:
    """A one-word name closing a person's full name that opens a body's
    ("Researchers from Charles Darwin University", "the Charles Darwin
    Foundation", "Aminu Kano International Airport") is the person's
    surname: no place (not a place's own name of two words, "Santa Clara
    University", nor a country's or a province's name, "Korea University",
    nor after a common word, "Royal Darwin Hospital", a noble title, "Duke
    Kunshan University", a people's word or a great town's name, "George
    Mason University")."""
    toks, n, g = d.toks, d.toks.n, d.g
    for m in list(d.mentions):
        if m.span is None or m.demonym or len(m.span) != 1 or m.span.start < 1:
            continue
        s, e = m.span.start, m.span.end
        p = s - 1
        if not (toks.title[p] and toks.alpha[p] and toks.ent_iob[s] == "I"
                and toks.ent_type[s] in ("PERSON", "ORG", "FAC") and toks.pos[p] == "PROPN"
                and toks.lower[p] not in COMMON_WORDS and toks.lower[p] not in TITLES
                and toks.lower[p] not in _NOBLE_TITLES and g.country_for_demonym(toks.text[p]) is None) \
                or any(_top_level(c) for c in m.cands[:3]):
            continue  # (nor a country's or a province's name: "the All India Institute", "Korea University")
        k = e + 1 if e + 1 < n and toks.lower[e] == "international" else e
        if not (k < n and toks.title[k] and toks.lower[k] in _PERSON_NAMED_BODIES):
            continue
        if g.exact(toks.span_text(p, e)) or any(c.kind in ("city", "region", "country") and c.population >= 50_000
                                                 for c in g.exact(toks.text[p])[:5]):
            continue
        d.drop(m)


def _drop_disease_names(d: _Detection) -> None:
    """A name the text uses for a disease ("the Ebola virus", "West Nile
    fever", "Marburg haemorrhagic fever") is no place there, nor where the
    text names it bare ("Ebola patients"); it is one after "in", "near",
    "the town of" and before a local word ("first found in Marburg",
    "Norwalk police"); a country or a state before such a word is a place
    still ("a United States disease agency")."""
    toks = d.toks
    n = toks.n
    disease: set[str] = set()
    for m in d.mentions:
        if m.span is None or m.demonym or any(e.kind == "country" or e.source == "state"
                                               for e in m.cands[:1]):
            continue
        k = m.span.end
        while k < n - 1 and toks.lower[k] in _DISEASE_ADJ:
            k += 1
        if k < n and toks.lower[k] in _DISEASE_HEADS:
            disease.add(normalize(m.text))
    if disease:
        d.mentions = [m for m in d.mentions if normalize(m.text) not in disease
                      or (m.span is not None and _kept_beside_disease(toks, m))]


#: words after a language's name ("Gondi speakers", "a Warlpiri interpreter", "Ixil-speaking")
#: (not "language" nor "dialect": a place's own, "the Amami language", "the Kansai dialect")
_LANGUAGE_HEADS = {"speakers", "speaker", "speaking", "interpreter", "interpreters", "translator",
                   "translators"}
#: a town this big is the place whatever word follows it
LANGUAGE_TOWN_POP = 20_000


def _drop_language_names(d: _Detection) -> None:
    """A name the text uses for a language ("Gondi speakers", "an Ixil
    interpreter", "Kayan-speaking") is no place anywhere in the text ("tried
    in Ixil, the only language he speaks"), unless a town's cue puts it in
    place ("the town of Ixil", "IXIL, Mexico"); no people's word of our
    tables (a place's language: "Catalan speakers"), no country, province or
    town of LANGUAGE_TOWN_POP people by its own name ("Sámi" is only another
    name of a town of Benin)."""
    toks, g = d.toks, d.g
    n = toks.n
    languages: set[str] = set()
    for m in d.mentions:
        if m.span is None or m.demonym or len(m.span) != 1:
            continue
        k = m.span.end + (m.span.end + 1 < n and toks.text[m.span.end] == "-")
        if k < n and toks.lower[k] in _LANGUAGE_HEADS and not g.is_demonym(m.text) \
                and not any(_top_level(e) or g.is_province(e) or (
                    e.kind == "city" and e.population >= LANGUAGE_TOWN_POP and e.id in m.main_ids)
                            for e in m.cands[:10]):
            languages.add(normalize(m.text))
    if languages:
        d.mentions = [m for m in d.mentions if normalize(m.text) not in languages
                      or (m.span is not None and (_cue_city(toks, m) or _land_after(toks, m.span.end, g)))]


#: words before a name that make it the place even where the text names a disease after it
_LOCATIVES = {"in", "at", "near", "into", "outside", "around", "across", "inside"}


def _kept_beside_disease(toks: _Tokens, m: _Mention) -> bool:
    """Whether a mention of a name the text also uses for a disease is the
    place still: not itself before the disease word, and after "in", "near",
    "the town of" ..., or before a local word ("Norwalk police")."""
    s, e = m.span.start, m.span.end
    if e < toks.n and toks.lower[e] in _DISEASE_HEADS | _DISEASE_ADJ:
        return False
    return _cue_city(toks, m) or (s > 0 and toks.lower[s - 1] in _LOCATIVES) \
        or (e < toks.n and toks.lower[e] in AFTER_PLACE)


def _entity_names(ents, toks: _Tokens) -> list[str]:
    """The names of the entities ``ents``, whole and stripped, and the first
    word of each of several words (most of what steps 1 to 1e look up: the
    first word as a people's word, "American Red Cross")."""
    names: list[str] = []
    for ent in ents:
        names.append(toks.span_text(ent.start, ent.end))
        r = _strip(toks, ent.start, ent.end)
        if r is not None and r != (ent.start, ent.end):
            names.append(toks.span_text(*r))
        if len(ent) >= 2:
            names.append(toks.text[ent.start])
    return names


def _collect_countries(d: _Detection) -> None:
    """The countries the text mentions so far (names, demonyms, curated regions)."""
    g = d.g
    for m in d.mentions:
        if m.demonym and m.demonym != "*":
            d.doc_countries.add(m.demonym)
        elif m.cands and (m.cands[0].kind == "country" or _top_level(m.cands[0])) and m.cands[0].country:
            d.doc_countries.add(m.cands[0].country)
        elif m.cands and not m.fuzzy and all(e.kind == "region" and e.country == m.cands[0].country
                                             for e in m.cands) and m.cands[0].country:
            d.doc_countries.add(m.cands[0].country)  # "Co Cork", "South Lanarkshire": one country's only
    for ent in d.ents:
        if ent.label_ in ("ORG", "PERSON", "GPE", "LOC"):
            text = d.toks.span_text(ent.start, ent.end)
            for e in g.exact(text)[:1]:
                if _top_level(e) and e.country and _own_or_main(e, text, g):
                    d.doc_countries.add(e.country)


def _detect_article_names(d: _Detection) -> None:
    """1a''. An Arabic name with its article ("in al-Mukalla", "AR-RAQQA, Syria",
    "al-Raqqa governorate"), whatever the model made of it, when the name
    without the article is a town or province of the text's countries; a
    mention of the bare name ("Raqqa" of "al-Raqqa") takes in its article.
    Not after a capitalised word ("Bashar al-Assad", "Deir al-Balah"), nor a
    word seen in a person's full name."""
    doc, toks, g = d.doc, d.toks, d.g
    n = toks.n
    for i in toks.at(ARABIC_ARTICLES):
        if i >= n - 2 or toks.text[i + 1] != "-" or toks.space[i] \
                or toks.space[i + 1] or not toks.text[i + 2][:1].isupper() or not d.free(i, i + 2):
            continue
        if i > 0 and not toks.text[i - 1].isspace() and toks.text[i - 1][:1].isupper() \
                and toks.text[i - 1] not in (".", "\u2014"):
            continue
        if toks.text[i + 2] in d.person_words or toks.text[i + 2].isdigit():
            continue
        span = doc[i:i + 3]
        inner = next((m for m in d.mentions if m.span is not None and m.span.start == i + 2
                      and m.span.end == i + 3 and not m.demonym), None)
        if inner is None and not d.free(i + 2, i + 3):
            continue
        local = [e for e in g.exact(toks.text[i + 2]) if e.country in d.doc_countries
                 and (e.kind == "region" or (e.kind == "city" and e.population >= 1000))]
        if not local or _speech_subject_person(span, local[0], g):
            continue  # ("Al-Sadr said ...": a person, as the model says)
        if inner is not None:
            d.mentions.remove(inner)
        d.add(span, "gaz", fuzzy=False, require=True)


def _long_demonym(d: _Detection, i: int) -> tuple[int, str]:
    """The number of words (2 or 3) of a country's demonym of several words
    opening at ``i`` ("Sri Lankan", "Papua New Guinean") and its country's
    code, or ``(0, "")``: all free and
    capitalised, and either untagged or a demonym for the model, or, whatever
    it took them for ("The Sierra Leonean" a body, "Sri Lankan" a person),
    the whole of its entity before a lower-case noun or adjective ("troops",
    "foreign minister") or in the plural ("Solomon Islanders")."""
    toks, g, n = d.toks, d.g, d.toks.n
    if not g.opens_demonym(toks.text[i]):
        return 0, ""
    for w in (3, 2):
        end = i + w
        # (a hyphen with no space about it joins two of the words: "Bissau-Guinean")
        if end > n or not all((toks.title[k] or (k == i + 1 and w == 3 and toks.text[k] == "-"
                                                 and not toks.space[k - 1] and not toks.space[k]))
                               and not d.taken[k] for k in range(i, end)):
            continue
        code = g.country_for_demonym(toks.span_text(i, end))
        if not code or g.country(code) is None:
            continue
        if end < n and toks.ent_iob[end] == "I":
            continue  # the model's entity goes on after it
        if {toks.ent_type[k] for k in range(i, end)} <= {"", "NORP"} or (
                end < n and toks.text[end].islower() and toks.pos[end] in ("NOUN", "ADJ", "PROPN")):
            return w, code  # (a word in lower case the model called a proper noun is a common one: "blue")
        if toks.lower[end - 1].endswith("s") and toks.ent_iob[i] == "B" \
                and all(toks.ent_iob[k] == "I" for k in range(i + 1, end)):
            return w, code  # a people in the plural, whatever the model says ("9,800 Solomon Islanders left")
    return 0, ""


def _detect_demonyms(d: _Detection) -> None:
    """1a. demonyms the model tagged otherwise ("Azerbaijani troops" as
    PERSON, "the Czechs", "the Sri Lankan civil war")."""
    toks, g, taken = d.toks, d.g, d.taken
    n = toks.n
    for i in toks.titled():
        if taken[i]:
            continue
        if _demonym_opens_place(d, i):  # "the Scottish Borders"
            d.add(d.doc[i:i + 2], "gaz", fuzzy=False, require=True)
            continue
        ent_type = toks.ent_type[i]
        alone = i + 1 >= n or toks.ent_iob[i + 1] != "I"  # the last word of its entity
        if ent_type == "ORG" and alone and (toks.ent_iob[i] == "B" or (
                i > 0 and toks.ent_iob[i - 1] == "B" and toks.lower[i - 1] == "the"
                and not (i + 1 < n and toks.title[i + 1]))):
            ent_type = ""  # "Emirati officials", "the Cypriots won": a people taken for a body
        elif ent_type in ("DATE", "CARDINAL", "PERSON", "WORK_OF_ART", "PRODUCT") and alone \
                and toks.text[i].endswith("s") and g.country_for_demonym(toks.text[i]):
            ent_type = ""  # "thousands of Greeks" (a date for the model), "Nepalis" (a person)
        elif ent_type in ("QUANTITY", "CARDINAL", "MONEY") and alone and toks.ent_iob[i] == "I" \
                and i + 1 < n and toks.text[i + 1].islower():
            ent_type = ""  # "a 250 kg German aircraft bomb": a measure's last word for the model
        elif ent_type == "MONEY" and i + 1 < n and toks.lower[i + 1] in _CURRENCY_NOUNS:
            ent_type = ""  # "40 Namibian dollars": a country's people's word naming its money
        elif ent_type in ("GPE", "LOC") and toks.ent_iob[i] == "B" and i + 1 < n and toks.ent_iob[i + 1] == "I" \
                and toks.text[i + 1].islower() and toks.pos[i + 1] == "NOUN" \
                and (i + 2 >= n or toks.ent_iob[i + 2] != "I") and g.country_for_demonym(toks.text[i]):
            ent_type = ""  # "a Kyrgyz village" as one place for the model: the people's word and a noun
        elif ent_type == "ORG" and toks.ent_iob[i] == "I" and i > 0 and toks.lower[i - 1] == "of" \
                and i + 1 < n and toks.ent_iob[i + 1] == "I" and toks.title[i + 1] \
                and g.country_for_demonym(toks.text[i]):
            ent_type = ""  # "the National Association of Nigerian Students": a people's word inside a body's name
        elif ent_type in ("LAW", "DATE", "EVENT") and toks.ent_iob[i] == "I" and toks.pos[i] == "ADJ" \
                and i + 1 < n and toks.text[i + 1].islower() and toks.pos[i + 1] == "NOUN" \
                and g.country_for_demonym(toks.text[i]):
            ent_type = ""  # "Article 119 of the Iraqi constitution", "an Irish summer": inside a law or a date
        w, code = _long_demonym(d, i)
        if w:
            d.add_demonym(i, i + w, g.country(code), code)
            d.doc_countries.add(code)
            continue
        if ent_type not in ("NORP", "PERSON", ""):
            continue
        if ent_type == "" and toks.pos[i] not in ("ADJ", "PROPN", "NOUN"):
            continue
        if ent_type == "PERSON" and toks.ent_iob[i] == "B" and (i + 1 >= n or toks.ent_iob[i + 1] != "I") \
                and (_hyphen_compound(toks, i) or (i > 0 and toks.lower[i - 1] in _ONE_OF_DETERMINERS)):
            ent_type = ""  # "the Moldovan-controlled side", "every Moldovan who voted": a people's word alone
        if ent_type == "PERSON" and not (toks.pos[i] == "ADJ" or d.doc[i].dep_ == "amod") and not (
                toks.ent_iob[i] == "B" and i + 1 < n and toks.ent_iob[i + 1] != "I"
                and toks.pos[i + 1] in ("NOUN", "ADJ", "PROPN") and toks.text[i + 1].islower()) \
                and not _demonym_before_name(toks, i) and not _demonym_before_office(toks, i) \
                and not _opens_common_nouns(toks, i) \
                and not _paired_with_demonym(toks, g, i) and not _hyphened_demonyms(toks, g, i) \
                and not _used_as_language(toks, i):
            continue  # (a one-word "person" before a common noun or its adjective:
            # "Armenian and Azerbaijani forces", "the Moldovan foreign minister")
        code = g.country_for_demonym(toks.text[i])
        if code and g.country(code) is not None:
            d.add_demonym(i, i + 1, g.country(code), code)
            d.doc_countries.add(code)
        elif ent_type in ("", "PERSON") and (_modifies_noun(toks, d.doc, i) or (
                ent_type == "" and i + 1 < n and toks.title[i + 1] and toks.lower[i + 1] in _GOVERNING_BODIES)
                or _region_people(toks, i, ent_type) or _used_as_language(toks, i)):
            # a region's adjective the model left untagged ("Welsh farmers",
            # "Welsh Government ministers") or took alone for a person
            # ("descendants of Welsh settlers"); not the last word of a
            # longer name ("the Dakshina Kannada district police")
            place = g.place_for_demonym(toks.text[i])
            if place is not None and place.kind != "city" and not is_ethnic(toks.text[i]) \
                    and not (i > 0 and toks.title[i - 1] and toks.alpha[i - 1] and toks.pos[i - 1] == "PROPN"):
                d.add_demonym(i, i + 1, place, place.country or "*")


#: people's words of a state or province that mean something else outside
#: its country ("Victorian" houses, times and values in British news): the
#: state's, with the place's name, in a text of that country only
HOME_DEMONYMS = {"victorian": ("Victoria", "AU"), "victorians": ("Victoria", "AU")}
#: nouns after such a word that keep its other sense ("a Victorian terrace", "Victorian-era")
_ERA_NOUNS = {"era", "times", "age", "period", "terrace", "terraces", "terraced", "house", "houses", "home", "homes",
              "mansion", "mansions", "villa", "villas", "building", "buildings", "architecture", "style", "values",
              "novel", "novels", "england", "britain", "london", "gothic", "engineering", "pier", "ironwork",
              "literature", "poet", "poets", "morality", "society"}


def _detect_home_demonyms(d: _Detection) -> None:
    """1a'. :data:`HOME_DEMONYMS` in a text of their country ("the Victorian
    government" beside Melbourne), not before an era's noun ("a Victorian
    terrace", "Victorian-era")."""
    toks, g = d.toks, d.g
    for i in toks.titled():
        home = HOME_DEMONYMS.get(toks.lower[i]) if not d.taken[i] else None
        if home is None or home[1] not in d.doc_countries:
            continue
        if i + 1 < toks.n and (toks.lower[i + 1] in _ERA_NOUNS or toks.text[i + 1] == "-"):
            continue
        place = next((e for e in g.exact(home[0]) if e.kind == "region" and e.country == home[1]), None)
        if place is not None:
            d.add_demonym(i, i + 1, place, home[1])


def _region_people(toks: _Tokens, i: int, ent_type: str) -> bool:
    """A region's people by their plural word, the subject of a verb or
    after "of" ("Territorians should stay alert", "thousands of
    Queenslanders"): one word of its own, not a team's name before a
    capitalised word."""
    n = toks.n
    if not toks.text[i].endswith("s") or (ent_type and toks.ent_iob[i] != "B") \
            or (i + 1 < n and (toks.ent_iob[i + 1] == "I" or toks.title[i + 1])):
        return False
    return (i + 1 < n and toks.pos[i + 1] in ("AUX", "VERB")) or (i > 0 and toks.lower[i - 1] == "of")


#: the names of money after a people's word ("Australian dollars", "Kenyan shillings")
_CURRENCY_NOUNS = {"dollar", "dollars", "peso", "pesos", "rupee", "rupees", "pound", "pounds", "franc", "francs",
                   "shilling", "shillings", "rand", "real", "reais", "yen", "yuan", "won", "dinar", "dinars",
                   "kina", "kwacha", "naira", "cedi", "cedis", "krona", "kronor", "krone", "kroner", "lira",
                   "riyal", "riyals", "rial", "rials", "dirham", "dirhams", "ringgit", "baht", "rupiah", "taka",
                   "birr", "leone", "leones", "lev", "leva", "zloty", "zlotys", "forint", "koruna", "rouble",
                   "roubles", "ruble", "rubles", "hryvnia", "hryvnias", "tenge", "som", "lari", "manat", "dram",
                   "sol", "soles", "boliviano", "bolivianos", "guarani", "guaranis", "colon", "colones", "quetzal",
                   "quetzales", "lempira", "lempiras", "cordoba", "cordobas", "gourde", "gourdes", "ariary",
                   "kyat", "kip", "riel", "afghani", "afghanis", "dong", "pula", "loti", "lilangeni", "dalasi"}

#: a region's governing bodies, named after its people's word ("the Welsh
#: Government", "the Scottish Parliament", "Catalan Police")
_GOVERNING_BODIES = {"government", "parliament", "assembly", "executive", "police", "cabinet", "senedd"}


def _demonym_opens_place(d: _Detection, i: int) -> bool:
    """Token ``i``, a people's word of our tables, and the capitalised word
    after it are together a place's own name (:func:`.entities._demonym_town`:
    "Scottish" + "Borders"), whatever entity the model cut at the people's word."""
    return d.toks.title[i] and d.g.is_demonym(d.toks.text[i]) \
        and _demonym_town(d.toks, (i, i + 1), d.g, d) != (i, i + 1)


def _opens_common_nouns(toks: _Tokens, i: int) -> bool:
    """Token ``i`` opens a person's entity whose other words are all common
    nouns or adjectives in lower case ("Malagasy vanilla uncompetitive"): no
    name goes on so, a people's word before what it describes."""
    k = i + 1
    while k < toks.n and toks.ent_iob[k] == "I":
        if not (toks.text[k].islower() and toks.alpha[k] and toks.pos[k] in ("NOUN", "ADJ")):
            return False
        k += 1
    return toks.ent_iob[i] == "B" and k > i + 1


def _paired_with_demonym(toks: _Tokens, g: Gazetteer, i: int) -> bool:
    """Token ``i``, a person's entity of one word, is joined by "and" to a
    people's word before a common noun ("Bangladeshi and Indian forest
    officers", "Malagasy and Mozambican fishers", "Kyrgyz and Tajik
    guards"), or opens a list of them
    ("Nigerien, Chadian and Sudanese nationals"): a people's word too."""
    n = toks.n
    if toks.ent_iob[i] == "B" and 2 <= i and i + 1 < n and toks.ent_iob[i + 1] != "I" \
            and toks.lower[i - 1] in ("and", "or") and toks.title[i - 2] \
            and g.country_for_demonym(toks.text[i - 2]) is not None \
            and toks.text[i + 1].islower() and toks.pos[i + 1] in ("NOUN", "ADJ", "VERB"):
        return True  # (or closing the pair: "Kyrgyz and Tajik guards trade fire", "guards" read as a verb)
    if not (toks.ent_iob[i] == "B" and i + 3 < n and toks.ent_iob[i + 1] != "I"):
        return False
    if toks.lower[i + 1] in ("and", "or"):
        return toks.title[i + 2] and toks.text[i + 3].islower() and toks.pos[i + 3] in ("NOUN", "ADJ") \
            and g.country_for_demonym(toks.text[i + 2]) is not None
    # (or opening a list of them after a comma: "Nigerien, Chadian and Sudanese nationals")
    k = i + 1
    while k + 1 < n and k < i + 9 and toks.lower[k] in (",", "and", "or") and toks.title[k + 1] \
            and g.country_for_demonym(toks.text[k + 1]) is not None:
        k += 2
    return k > i + 2 and toks.lower[k - 2] in ("and", "or") and k < n and toks.text[k].islower() \
        and toks.pos[k] in ("NOUN", "ADJ")


def _hyphened_demonyms(toks: _Tokens, g: Gazetteer, i: int) -> bool:
    """Token ``i`` and another people's word are joined by a hyphen with no
    space, before a common noun ("after Kyrgyz-Tajik gunfire", which the
    model took for one person): two peoples, no person."""
    n = toks.n
    if i + 3 < n and toks.text[i + 1] == "-" and not toks.space[i] and not toks.space[i + 1] \
            and g.country_for_demonym(toks.text[i + 2]) is not None:
        last = i + 2
    elif i >= 2 and toks.text[i - 1] == "-" and not toks.space[i - 2] and not toks.space[i - 1] \
            and g.country_for_demonym(toks.text[i - 2]) is not None:
        last = i
    else:
        return False
    return last + 1 < n and toks.text[last + 1].islower() and toks.pos[last + 1] in ("NOUN", "ADJ")


def _demonym_before_name(toks: _Tokens, i: int) -> bool:
    """Token ``i`` opens a person's entity of three words or more, all
    capitalised: a people's word before a full name, which the model takes
    in ("Ugandan Stella Chemutai", "Kenyan Eliud Kipchoge")."""
    n = toks.n
    return toks.ent_iob[i] == "B" and i + 2 < n and toks.ent_iob[i + 1] == "I" and toks.ent_iob[i + 2] == "I" \
        and toks.title[i + 1] and toks.title[i + 2] and not toks.text[i].endswith("s")


def _demonym_before_office(toks: _Tokens, i: int) -> bool:
    """Token ``i`` is a one-word "person" before an office's capitalised
    title of three words at most ("Nepali Foreign Minister Sushila
    Bhattarai", "Ghanaian President"), also where the model's person goes on
    over the office's first words ("said Lithuanian Defence Minister ...",
    "Lithuanian Defence" a person): a people's word naming whose office."""
    if toks.ent_iob[i] != "B":
        return False
    for k in range(i + 1, min(i + 4, toks.n)):
        if not toks.title[k]:
            return False
        if toks.lower[k] in TITLES:
            return True
    return False


def _modifies_noun(toks: _Tokens, doc: Doc, i: int) -> bool:
    """``doc[i]`` stands before a common noun it modifies ("Welsh farmers"),
    or before a noun and the noun both modify ("Welsh rugby fans"); a word
    in lower case the model called a proper noun is a common one ("Welsh
    lamb")."""
    common = i + 1 < toks.n and (toks.pos[i + 1] == "NOUN"
                                 or (toks.pos[i + 1] == "PROPN" and toks.text[i + 1].islower()))
    if not (common and not toks.title[i + 1] and doc[i].dep_ in ("amod", "compound")):
        return False
    h = doc[i].head.i
    return h == i + 1 or (h == i + 2 and toks.pos[h] == "NOUN" and not toks.title[h]
                          and doc[i + 1].head.i == h)


def _unknown_long_place(d: _Detection, ent: Span) -> bool:
    """A name of three words or more the model took for a place and that no
    place has ("the Syrian Observatory for Human Rights"): read as an
    organisation's name, so a demonym opening it is found."""
    if ent.label_ not in ("GPE", "LOC") or len(ent) < 3 or any(d.taken[ent.start:ent.end]):
        return False
    r = _strip(d.toks, ent.start, ent.end)
    return r is not None and r[1] - r[0] >= 3 and not d.g.exact(d.toks.span_text(r[0], r[1]))


#: words before a people's word in the name of a state's service ("the Royal Thai Navy")
_CROWN_WORDS = {"Royal", "Imperial"}


def _detect_org_openings(d: _Detection) -> None:
    """1b. an organisation's name that is a known place ("the European
    Union"), demonyms opening an organisation's name ("American Red Cross")."""
    doc, toks, g, taken = d.doc, d.toks, d.g, d.taken
    for ent in d.ents:
        if ent.label_ in ("ORG", "FAC", "EVENT", "PRODUCT") and len(ent) >= 2 \
                or _unknown_long_place(d, ent):
            r = _strip(toks, ent.start, ent.end)
            if r is not None and r[1] - r[0] >= 2 and d.free(r[0], r[1]):
                text = toks.span_text(r[0], r[1])
                known = [e for e in g.exact(text) if _top_level(e) and _own_or_main(e, text, g)]
                if known:
                    d.add(doc[r[0]:r[1]], "gaz", fuzzy=False, require=True)
                    continue
            k = ent.start if toks.lower[ent.start] != "the" else ent.start + 1 if len(ent) > 2 else None
            if k is not None and k + 2 < ent.end and _acronym_opener(toks, k) \
                    and (g.is_demonym(toks.text[k + 1]) or toks.text[k + 1] in _CROWN_WORDS):
                k += 1  # (after a firm's letters: "LOT Polish Airlines", "KLM Royal Dutch Airlines")
            if k is not None and toks.text[k] in _CROWN_WORDS and (k + 2 < ent.end or (
                    k + 2 == ent.end and toks.title[k + 1] and g.is_demonym(toks.text[k + 1]))):
                # (after the crown's word: "the Royal Thai Navy", "the Royal Canadian
                # Mounted Police"; or closing the name, "Royal Jordanian", an airline)
                k += 1
            # (not a person's given name, a land's people's word aside: "manager
            # Shona MacLeod, 38," read as a body)
            if k is not None and not taken[k] and toks.title[k] and (
                    toks.text[k] not in d.person_words or g.is_demonym(toks.text[k])):
                # (a country's people's word of several words first: "the Papua New Guinean Defence Force")
                longer = next(((w, p) for w in (3, 2) if k + w < ent.end and d.free(k, k + w)
                               and all(toks.title[t] for t in range(k, k + w))
                               and toks.lower[k + w - 1].endswith(_PEOPLE_ENDINGS)
                               for p in (g.place_for_demonym(toks.span_text(k, k + w)),)
                               if p is not None and p.kind == "country"), None)
                if longer is not None:
                    d.add_demonym(k, k + longer[0], longer[1], longer[1].country or "*")
                    continue
                place = g.place_for_demonym(toks.text[k])
                if place is not None and not is_ethnic(toks.text[k]):
                    d.add_demonym(k, k + 1, place, place.country or "*")


def _acronym_opener(toks: _Tokens, k: int) -> bool:
    """Token ``k`` is a body's letters in capitals, two to five ("LOT", "KLM")."""
    word = toks.text[k]
    return 2 <= len(word) <= 5 and word.isupper() and word.isalpha()


#: how a country's people's word of several words ends ("Papua New Guinean", "Sri Lankan", "South
#: Sudanese", "Solomon Islander", "New Zealander")
_PEOPLE_ENDINGS = ("an", "ese", "er", "ish", "i", "ic")


#: lower-case words after a sea's short name that make it the water ("the Caspian coast", "Caspian littoral states")
_SHORE_WORDS = {"coast", "coasts", "coastline", "shore", "shores", "littoral", "seabed", "waters", "basin",
                "seaboard", "rim"}


#: lower-case nouns of the lands about a sea after its short name ("Pacific neighbours", "Caspian states")
_RIM_LANDS = {"neighbours", "neighbors", "nations", "countries", "states", "islanders", "partners", "peoples",
              "leaders", "governments", "economies"}


def _detect_short_waters(d: _Detection) -> None:
    """1f'. a sea's or an ocean's name without its word, which the model may
    take for a people's ("Caspian" as NORP) or leave out: the water, when
    "the" goes before it with no name or noun after ("the seabed of the
    Caspian"; not "the Baltic states") or a shore's word follows ("on the Caspian coast", "Caspian
    littoral states") or a noun of the lands about it ("Several Pacific neighbours"); not a town
    named so (Caspian, Michigan)."""
    toks, g, n = d.toks, d.g, d.toks.n
    for i in toks.titled():
        if d.taken[i] or not toks.alpha[i]:
            continue
        after_the = i > 0 and toks.lower[i - 1] == "the" and not (i + 1 < n and (
            toks.cap[i + 1] or (toks.text[i + 1].islower() and toks.pos[i + 1] == "NOUN")))
        shore = i + 1 < n and toks.text[i + 1] in _SHORE_WORDS  # (in lower case: not "the Atlantic Seaboard")
        # (or the lands about it: "Several Pacific neighbours have similar needs", "Caspian states")
        lands = i + 1 < n and toks.text[i + 1] in _RIM_LANDS
        if not (after_the or shore or lands):
            continue
        word = toks.text[i]
        if lands and not (after_the or shore) and g.exact(f"{word} {toks.text[i + 1]}"):
            continue  # ("the Baltic states" is a region of our table, no water)
        waters = [e for e in g.exact(word) if e.kind == "feature" and e.country is None
                  and any(e.name == word + tail for tail in (" Sea", " Ocean"))]
        if waters:
            d.add_known(d.doc[i:i + 1], waters, {e.id for e in waters})


def _detect_rivers(d: _Detection) -> None:
    """2a. a capitalised name before a lower-case "river" that our table
    knows by its full name only ("along the Ravi river": the Ravi River),
    or after a river's bank ("along the Tay", "the banks of the Witham");
    a name in a list that "rivers" closes ("the Fraser and Thompson
    rivers") or after a river's reach ("the upper Volga"), by its full name
    or its own."""
    toks = d.toks
    for s in toks.capped():
        if s < 2 or d.taken[s]:
            continue
        if toks.lower[s - 1] in (",", "and") or (toks.lower[s - 1] == "the" and not bank_before(toks, s, s + 1)):
            for k in range(s + 1, min(toks.n, s + 3) + 1):
                if not d.free(s, k) or not toks.cap[k - 1]:
                    break
                if (k < toks.n and toks.text[k] == "rivers") or listed_before_rivers(toks, k):
                    _add_river(d, s, k, _RIVER_FORMS)
                    break
            if d.taken[s]:
                continue
        if reach_before(toks, s, s + 1) and d.free(s, s + 1) and _add_river(d, s, s + 1, _RIVER_FORMS):
            continue
        if toks.lower[s - 1] != "the":
            continue
        for k in range(min(toks.n, s + 3), s, -1):
            if d.free(s, k) and all(toks.cap[x] for x in range(s, k)) and bank_before(toks, s, k) \
                    and _add_river(d, s, k, ("{} River", "River {}")):
                break
    for k in toks.at("river"):
        if k < 1 or toks.text[k] != "river" or d.taken[k - 1]:
            continue
        for s in range(max(0, k - 3), k):
            if d.free(s, k) and all(toks.cap[x] for x in range(s, k)) and _add_river(d, s, k, ("{} River",)):
                break


#: words after which a text gives a place's other or older name ("Chimoio,
#: known as Vila Pery in the colonial era", "called Takao under Japanese rule",
#: "formerly Salisbury")
_OTHER_NAME_CUES = {"called", "formerly", "renamed"}
#: the adverbs that make "named" give a place's other name ("officially named")
_NAMING_ADVERBS = {"officially", "formally", "originally", "once", "first"}
#: the words before another name that :func:`_other_name_cue` reads (a first test of every word)
_OTHER_NAME_PREVS = _OTHER_NAME_CUES | {"former", "named", "call", "calls", "as"}

#: the words that may stand between a place and its other name given right
#: after it ("Semey, the former Semipalatinsk", "Shangri-La, the town formerly
#: known as Zhongdian", "N'Djamena — known as Fort-Lamy until 1973",
#: "Aputula, also known as Finke")
_OTHER_NAME_BRIDGE = {",", "(", "—", "–", "-", "--", "the", "a", "its", "also", "formerly", "once", "officially",
                      "previously", "better", "still", "locally", "widely", "known", "as", "called", "former", "named",
                      "renamed", "town", "city", "village", "capital", "port", "island", "settlement",
                      "community", "district", "province", "region", "state", "country", "oasis"}
#: the most words between a place and its other name
OTHER_NAME_GAP = 7
#: the least population of a place elsewhere whose name no other name given after a place can be
OTHER_NAME_KNOWN_POP = 100_000
#: nouns before a team named by its town, whose other name is the team's
_TEAM_NOUNS = {"club", "team", "side", "franchise", "outfit", "champions"}
#: words that may follow an other name given after a place ("known as Fort-Lamy until 1973")
_AFTER_OTHER_NAME = {"until", "till", "before", "in", "under", "by", "to", "and", "or", "from", "after"}


def _detect_other_names(d: _Detection) -> None:
    """2b. a place's other or older name, given after "known as", "known
    to ... as", "called", "formerly" or "renamed" ("Ulaanbaatar, known to
    older maps as Urga"): one to three capitalised words the gazetteer
    knows as a place that is, or lies within ``other_name_km`` of, a
    candidate of a place found already, whatever the model made of them."""
    toks, g = d.toks, d.g
    found = [e for m in d.mentions if not m.demonym for e in m.cands if e.lat is not None]
    if not found:
        return
    # (the words after a cue only)
    for s in [p + 1 for p in toks.at(_OTHER_NAME_PREVS) if p + 1 < toks.n]:
        if not _name_word(toks, s) or d.taken[s] or toks.text[s] in d.person_words or not _other_name_cue(toks, s):
            continue
        # (a short name in capitals is no place's other name by nearness: too
        # many hamlets bear a body's letters, "the pipeline, known as TAP")
        k = _capitalised_run(d, s, 4) if toks.cap[s] else s
        for e in range(k, s, -1):
            if toks.text[e - 1] == "-":
                continue
            name = toks.span_text(s, e)
            near = [c for c in g.exact(name) if c.lat is not None and c.kind != "country"
                    and any(c.id == f.id or haversine_km(c.lat, c.lon, f.lat, f.lon) <= W["other_name_km"]
                            for f in found)]
            if near and (e == toks.n or not toks.cap[e]):
                d.add_known(d.doc[s:e], near, g.main_name_ids(name))
                break
        else:
            if not _named_after_place_noun(d, s, k):
                _add_unknown_other_name(d, s)


def _named_after_place_noun(d: _Detection, s: int, k: int) -> bool:
    """A place's noun before "known as" gives the name its kind ("the
    northeastern region known as Isan"): the places of that kind whose own
    name it is, wherever they lie."""
    toks, g = d.toks, d.g
    head = next((x for x in range(s - 2, max(0, s - 7), -1) if toks.lower[x] == "known"), None)
    if head is None or head == 0 or toks.lower[head - 1] not in _KNOWN_PLACE_NOUNS or k <= s:
        return False
    kinds = ("region", "feature") if toks.lower[head - 1] in ("region", "area", "valley", "plateau") else ("city",)
    name = toks.span_text(s, k)
    main = g.main_ids(name)
    # (by our own short aliases too: the noun vouches for them, "Isan")
    found = [e for e in g.exact(name) if (e.id in main or e.source in _OWN_SOURCES) and e.kind in kinds]
    if found and (k == toks.n or not toks.cap[k]):
        d.add_known(d.doc[s:k], found, set(main))
        return True
    return False


#: a place's nouns before "known as" that give the name after it its kind
_KNOWN_PLACE_NOUNS = {"region", "area", "valley", "plateau", "town", "city", "village"}


def _add_unknown_other_name(d: _Detection, s: int) -> None:
    """A name the gazetteer does not know, given as another name of the
    place named right before it ("Emalahleni, the former Witbank",
    "N'Djamena — known as Fort-Lamy until 1973"): one to four capitalised
    words (joined by hyphens too), standing for that place
    (``other_name_of``)."""
    toks = d.toks
    named = max((m for m in d.mentions if m.span is not None and not m.demonym and m.cands and m.span.end <= s),
                key=lambda m: m.span.end, default=None)
    # (not a club's or team's nickname: "football club Monterrey, known as Rayados";
    # nor a body's short name after its name that closes with the place: "the
    # Football Association of Indonesia, known as PSSI")
    if named is None or (named.span.start > 0 and toks.lower[named.span.start - 1] in _TEAM_NOUNS) \
            or (named.span.start > 1 and toks.lower[named.span.start - 1] == "of" and toks.title[named.span.start - 2]):
        return
    gap = range(named.span.end, s)
    if not 0 < len(gap) <= OTHER_NAME_GAP or toks.lower[gap[0]] not in (",", "(", "—", "–", "-", "--") \
            or not all(toks.lower[k] in _OTHER_NAME_BRIDGE for k in gap) \
            or not any(toks.lower[k] in ("former", "formerly", "known", "renamed", "officially") for k in gap):
        return  # (not "called" alone: "a club in Newmarket Road, Cambridge, called Parent Free Zone")
    e = _capitalised_run(d, s, 6)
    name = toks.span_text(s, e)
    # (the name ends its phrase: not a noun's modifier, "the former Celtics star")
    if e < toks.n and not toks.punct[e] and toks.lower[e] not in _AFTER_OTHER_NAME:
        return
    if not d.free(s, e) or toks.lower[s] in TITLES \
            or any(toks.text[k] in d.person_words or d.g.is_people_word(toks.text[k]) for k in range(s, e)) \
            or any(c.kind == "country" or c.source == "state" or c.population >= OTHER_NAME_KNOWN_POP
                   for c in d.g.exact(name)):
        # (a name the gazetteer gives only to small places far off is free
        # to be this one's: "Teyateyaneng, known locally as TY")
        return
    m = d.add_known(d.doc[s:e], named.cands, named.main_ids)
    m.other_name_of = named


def _capitalised_run(d: _Detection, s: int, most: int) -> int:
    """The end of the free capitalised words from ``s`` (at most ``most``
    tokens, hyphens between capitalised words included: "Fort-Lamy")."""
    toks, e = d.toks, s
    while e < min(toks.n, s + most) and not d.taken[e] and (
            _name_word(toks, e) or (e > s and toks.text[e] == "-" and e + 1 < toks.n and _name_word(toks, e + 1))):
        e += 1
    return e


def _name_word(toks: _Tokens, k: int) -> bool:
    """A capitalised word, or a short one in capitals ("known locally as TY")."""
    return toks.cap[k] or (2 <= len(toks.text[k]) <= 5 and toks.text[k].isalpha() and toks.text[k].isupper())


def _other_name_cue(toks: _Tokens, s: int) -> bool:
    """Whether the words before ``s`` give another name: "called",
    "formerly", "renamed", or "as" after "known" with up to four words
    between ("known to older maps as")."""
    prev = toks.lower[s - 1]
    if prev in _OTHER_NAME_CUES or (prev == "former" and s > 1 and toks.lower[s - 2] == "the"):
        return True
    # ("officially named Londonderry"; not "a girl named Paris")
    if prev == "named" and s > 1 and toks.lower[s - 2] in _NAMING_ADVERBS:
        return True
    # ("Toamasina, which many residents still call Tamatave")
    if prev in ("call", "calls") and s > 1 and toks.text[s - 2].islower() and toks.alpha[s - 2]:
        return True
    return prev == "as" and "known" in toks.lower[max(0, s - 6):s - 1]


#: the forms of a river's name our table may know it by, its own name last
_RIVER_FORMS = ("{} River", "River {}", "{}")


def _add_river(d: _Detection, s: int, k: int, forms: tuple[str, ...]) -> bool:
    """Add ``doc[s:k]`` as the river our table knows by one of ``forms`` of its name, if any."""
    name = d.toks.span_text(s, k)
    rivers = [e for form in forms for e in d.g.exact(form.format(name)) if e.kind == "feature"]
    if not rivers:
        return False
    d.add_known(d.doc[s:k], rivers, {e.id for e in rivers})
    return True


#: the dashes that close a dateline or a roundup's label
_DASHES = ("-", "--", "—", "–")
#: abbreviations opening a town's name in a dateline ("ST. JOHN'S", "FT. WORTH")
_DATELINE_ABBREVIATIONS = {"ST", "STE", "FT", "MT", "PT"}


def _detect_datelines(d: _Detection) -> None:
    """1c. datelines in capitals ("COLUMBUS, Ohio --", "BEIRUT (Reuters) -"),
    by a town's own name, or by another of its names when its country follows
    ("HAWASSA, Ethiopia")."""
    doc, toks, g, taken = d.doc, d.toks, d.g, d.taken
    n = toks.n
    text, upper = toks.text, toks.upper
    for i in toks.uppers():
        # ("ST. JOHN'S --": a saint's or a fort's abbreviation opens the name)
        abbreviated = i + 2 < n and text[i] in _DATELINE_ABBREVIATIONS and text[i + 1] == "."
        # (a short word opens a name of several words: "LA RONGE, Sask.", "EL PASO, Texas")
        opening = len(text[i]) == 2 and i + 1 < n and toks.space[i] and upper[i + 1] and toks.alpha[i + 1] \
            and len(text[i + 1]) >= 3
        if not upper[i] or (len(text[i]) < 3 and not abbreviated and not opening) or not toks.alpha[i]:
            continue
        # a byline's date before it ("March 30, 2009 NEWARK --") also opens a dateline
        after_year = i > 0 and toks.like_num[i - 1] and len(text[i - 1]) == 4
        # (or a roundup's label: "HEAT — SEVILLE, Spain: ...")
        after_label = i > 1 and text[i - 1] in _DASHES and upper[i - 2] and toks.alpha[i - 2] \
            and toks.space[i - 2] and (i == 2 or "\n" in text[i - 3])
        at_line_start = (i == 0 or "\n" in text[i - 1] or upper[i - 1]
                         or text[i - 1] in (".", "!", "?") or after_year or after_label)
        if not at_line_start or i + 1 >= n:
            continue
        if not (text[i + 1] in (",", "-", "--", "—", "–", "(", ":") or upper[i + 1] or toks.is_space[i + 1]
                or abbreviated):
            continue
        j = i + 1 + abbreviated
        while j < n and j - i < 4 + abbreviated:
            if upper[j] and toks.alpha[j]:
                j += 1
            elif text[j] == "-" and not toks.space[j - 1] and not toks.space[j] and j + 1 < n \
                    and upper[j + 1] and toks.alpha[j + 1]:
                j += 2  # a hyphen joining the name's words ("SAINT-GEORGES, Que.")
            else:
                break
        if j < n and text[j] in ("'S", "\u2019S") and not toks.space[j - 1]:
            j += 1
        # (a town's own name that holds its river in brackets: "FRANKFURT (ODER)")
        if j + 2 < n and text[j] == "(" and upper[j + 1] and toks.alpha[j + 1] and text[j + 2] == ")" \
                and any(_own_or_main(e, toks.span_text(i, j + 3).title(), g)
                        for e in g.exact(toks.span_text(i, j + 3).title())):
            j += 3
        if any(taken[k] for k in range(i, j)):
            # the model's town is part of a longer name in capitals
            # ("NEWCASTLE" of "NEWCASTLE UPON TYNE --", "YANHUITLÁN" of "SANTO
            # DOMINGO YANHUITLÁN, Mexico"): the whole, when known
            inners = [m for m in d.mentions if m.span is not None and i <= m.span.start
                      and m.span.end <= j and m.span.end - m.span.start < j - i and not m.demonym]
            inside = {k for m in inners for k in range(m.span.start, m.span.end)}
            # (closed by its dash, its agency's bracket or its state's comma:
            # "PANAMA CITY (AP)", "CAMBRIDGE BAY, Nunavut")
            if not inners or any(taken[k] and k not in inside for k in range(i, j)) \
                    or not (j < n and (text[j] in _DASHES or text[j] in ("(", ","))) \
                    or not any(_own_or_main(e, toks.span_text(i, j).title(), g)
                               for e in g.exact(toks.span_text(i, j).title())):
                continue
            for m in inners:
                d.drop(m)
        name = toks.span_text(i, j)
        # (or the short form of a town's name: "FRANKFURT" of Frankfurt am Main)
        key = normalize(name)
        found = g.exact(name.title())
        # (or its other spelling, when a great town's: "DARJEELING:" of Darjiling)
        # (or a great town's English name of two words: "PANAMA CITY" of Panamá)
        # (or a town's bare name and "CITY": "MALAYBALAY CITY, Bukidnon")
        cands = [e for e in found if _own_or_main(e, name.title(), g)
                 or (e.kind == "city" and (_short_form(key, e) or _respelling(name, e)
                                           or (j - i >= 2 and e.population >= 100_000)
                                           or (j - i >= 2 and _city_named(e, name.title(), g))))]
        if j + 1 < n and text[j] == ",":
            # (or another name of a town of the country after it: "HAWASSA, Ethiopia";
            # also where a town abroad has the name as its own: "MECCA, Saudi Arabia",
            # not Mecca of California)
            country = next((e.country for e in g.exact(text[j + 1]) if e.kind == "country"), None)
            # (of any size where the dateline's agency or dash follows the country: "MINQIN, China
            # (Reuters) —", the seat of a county GeoNames gives under another name and no population)
            whole = j + 2 < n and (text[j + 2] in _DASHES or text[j + 2] == "(")
            if country and not any(e.country == country for e in cands):
                cands = [e for e in found if e.kind == "city" and e.country == country
                         and (e.population >= 10_000 or whole)] or cands
        if cands and (i == 0 or text[i - 1].endswith("\n") or doc[i].sent.start == i
                      or text[i - 1] in (".", "!", "?") or after_year or after_label):
            d.add_known(doc[i:j], cands, g.main_name_ids(toks.span_text(i, j)))
            _dateline_abbreviation(d, j)
            _dateline_country(d, j)


def _dateline_country(d: _Detection, j: int) -> None:
    """The country after a dateline's town and its comma, closed by the
    agency's bracket or the dateline's dash ("RAMTHA, Jordan (Reuters) —"),
    whatever the model made of it and whoever of the text bears its name."""
    toks, n = d.toks, d.toks.n
    if not (j + 2 < n and toks.text[j] == ","):
        return
    for w in (3, 2, 1):
        k = j + 1 + w
        if k >= n or not (toks.text[k] == "(" or toks.text[k] in _DASHES) or not d.free(j + 1, k):
            continue
        name = toks.span_text(j + 1, k)
        main = d.g.main_ids(name)
        countries = [e for e in d.g.exact(name) if e.kind == "country" and e.id in main]
        if countries:
            d.add_known(d.doc[j + 1:k], countries[:1], {countries[0].id})
            return


def _dateline_abbreviation(d: _Detection, j: int) -> None:
    """The abbreviated state or province after a dateline's town, which the
    model misses: cut by the tokenizer before its full stop ("HAMILTON,
    Ont." as "Ont" + "."), or without one at the end of the line
    ("ROCKHAMPTON, Qld"); taken when our table knows it."""
    toks, n = d.toks, d.toks.n
    k = j + 1
    if not (k + 1 < n and toks.text[j] == "," and toks.text[k][:1].isupper() and toks.text[k].isalpha()
            and d.free(k, k + 1)):
        return
    if toks.text[k + 1] == "." and not toks.space[k] and d.free(k + 1, k + 2):
        # (an abbreviation in capitals takes no full stop of its own: the
        # sentence's is left out, "based in Alice Springs, NT.")
        end, name = (k + 1, toks.text[k]) if toks.text[k].isupper() else (k + 2, toks.text[k] + ".")
    elif "\n" in toks.text[k + 1] or toks.text[k + 1] in ("-", "--", "—", "–", "(", ":"):
        # "ROCKHAMPTON, Qld" at the end of its line; "Mildura, Vic: 47.4C" in a bulletin's list
        end, name = k + 1, toks.text[k]
    else:
        return
    if any(e.kind == "region" and e.source in ("state", "extra") for e in d.g.exact(name)):
        d.add(d.doc[k:end], "gaz", fuzzy=False, require=True)


def _detect_state_abbreviations(d: _Detection) -> None:
    """2'. the abbreviated state or province after any town found so far
    ("London, Ont." where the model took "Ont" for a person), as after a
    dateline's (:func:`_dateline_abbreviation`)."""
    for m in list(d.mentions):
        if m.span is not None:
            _dateline_abbreviation(d, m.span.end)
            _postal_code_after(d, m)


def _postal_code_after(d: _Detection, m: _Mention) -> None:
    """A US state's two-letter postal code after a town of that state and
    a comma ("Smyrna, TN | 71,300", "from Lafayette, IN to ..."): the state,
    when the town has a namesake there (so "Paris, FR" or "in Salem, OR
    not" stay where they belong only by the town's own candidates)."""
    toks, n = d.toks, d.toks.n
    j = m.span.end
    k = j + 1
    if not (k < n and toks.text[j] == "," and len(toks.text[k]) == 2 and toks.text[k].isupper()
            and toks.text[k].isalpha() and d.free(k, k + 1)):
        return
    if k + 1 < n and toks.text[k + 1][:1].isalpha() and toks.text[k + 1][:1].isupper():
        return  # (a name going on: "Springfield, IL Route 4" is no code alone)
    code = toks.text[k]
    if code in _PROVINCE_CODES:
        # (or a Canadian province's: "Toronto, ON — Danforth Music Hall")
        admin1, name = _PROVINCE_CODES[code]
        if any(e.country == "CA" and e.kind == "city" and e.admin1 == admin1 for e in m.cands):
            province = next((e for e in d.g.exact(name) if e.country == "CA" and e.kind == "region"), None)
            if province is not None:
                d.add_known(d.doc[k:k + 1], [province], {province.id})
        return
    if not any(e.country == "US" and e.kind == "city" and e.admin1 == code for e in m.cands):
        return
    state = d.g.us_state(code)
    if state is not None:
        d.add_known(d.doc[k:k + 1], [state], {state.id})


#: Canadian provinces' two-letter codes, their GeoNames admin1 codes and names
_PROVINCE_CODES = {"AB": ("01", "Alberta"), "BC": ("02", "British Columbia"), "MB": ("03", "Manitoba"),
                   "NB": ("04", "New Brunswick"), "NL": ("05", "Newfoundland and Labrador"),
                   "NS": ("07", "Nova Scotia"), "ON": ("08", "Ontario"), "PE": ("09", "Prince Edward Island"),
                   "QC": ("10", "Quebec"), "SK": ("11", "Saskatchewan"), "YT": ("12", "Yukon"),
                   "NT": ("13", "Northwest Territories"), "NU": ("14", "Nunavut")}


def _detect_streets(d: _Detection) -> None:
    """1d. street and road names the model tagged as something else."""
    toks = d.toks
    for ent in d.ents:
        if ent.label_ in ("ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"):
            r = _strip(toks, ent.start, ent.end)
            if r is not None and _street(toks, r[0], r[1]) and d.free(r[0], r[1]) \
                    and not _person_like(toks, r[0], r[1], set()) and not _towns_road(toks, r[0], r[1], d.g):
                d.add(d.doc[r[0]:r[1]], "street", fuzzy=False, require=False)


#: each town a road's name joins to another must be this big for the road to be their route
ROAD_TOWN_POP = 50_000


def _towns_road(toks: _Tokens, start: int, end: int, g: Gazetteer) -> bool:
    """A road named by the two towns it joins, a dash between them ("the
    Lagos-Ibadan Expressway"): the towns are the places (the route's rule
    finds them), not a street of one town."""
    k = next((k for k in range(start + 1, end - 2) if toks.text[k] in _PAIR_DASHES), None)
    if k is None or toks.space[k - 1] or toks.space[k]:
        return False
    return _town_named(toks.text[k - 1], g, ROAD_TOWN_POP) and _town_named(toks.text[k + 1], g, ROAD_TOWN_POP)


def _detect_townships(d: _Detection) -> None:
    """0'''''. a township by its abbreviated kind ("Hanover Twp.", "Lower
    Macungie Twp.", "St. Marys Twp."), whatever the model made of it: the
    name of one to three capitalised words before "Twp" and its full stop."""
    toks = d.toks
    n = toks.n
    for k in toks.at(("twp", "twp.")):
        if k < 1 or toks.text[k] not in ("Twp", "Twp.") or d.taken[k]:
            continue
        end = k + 1
        if toks.text[k] == "Twp" and end < n and toks.text[end] == "." and not toks.space[k]:
            end += 1
        start = k
        while start > 0 and k - start < 3 and toks.cap[start - 1] and not toks.stop[start - 1] \
                and not d.taken[start - 1]:
            start -= 1
        if start < k and d.free(start, end):
            d.add(d.doc[start:end], "gaz", fuzzy=False, require=False)


#: small words joining a town's name to its river's or land's ("Neustadt in Holstein",
#: "Neustadt bei Coburg", "Halle an der Saale", "Bergen op Zoom", "Mo i Rana")
_TOWN_LINKS = {"in", "im", "am", "an", "der", "bei", "ob", "on", "upon", "sur", "aan", "op", "unter", "vor", "i"}


def _detect_joined_towns(d: _Detection) -> None:
    """0. a town's own name of three words or more joined by a small
    word, written in full ("Neustadt in Holstein", "Neustadt bei Coburg"),
    whatever the model made of its parts (the land after "in" is no place
    of its own there)."""
    toks, g = d.toks, d.g
    n = toks.n
    for i in toks.titled():
        if i >= n - 2 or toks.lower[i + 1] not in _TOWN_LINKS or not d.free(i, i + 1):
            continue
        for j in range(min(n, i + 5), i + 2, -1):
            if not (toks.title[j - 1] and d.free(i, j)
                    and all(toks.title[k] or toks.lower[k] in _TOWN_LINKS for k in range(i + 1, j - 1))):
                continue
            name = toks.span_text(i, j)
            main = g.main_ids(name)
            if any(e.kind == "city" and e.id in main and e.population >= 1000 for e in g.exact(name)):
                d.add(d.doc[i:j], "gaz", fuzzy=False, require=True)
                break


def _detect_county_lists(d: _Detection) -> None:
    """1e. names listed before "counties" ("Barrow, Jackson and Madison counties")."""
    toks, g = d.toks, d.g
    lower = toks.lower
    for t in toks.at(_COUNTY_PLURALS):
        word = _COUNTY_PLURALS[lower[t]]
        for a, b in _names_listed_before(toks, t, 12):
            if not d.free(a, b):
                continue
            if any(e.source == "county" for e in g.exact(f"{toks.span_text(a, b)} {word}")):
                d.add(d.doc[a:b], "gaz", fuzzy=False, require=False)


def _names_listed_before(toks: _Tokens, t: int, most: int, words: Optional[int] = None) -> list[tuple[int, int]]:
    """The capitalised names listed right before token ``t`` ("Barrow,
    Jackson and Madison" before "counties"), the last first, at most
    ``most`` of them, each of at most ``words`` tokens when given."""
    text, lower, cap = toks.text, toks.lower, toks.cap
    k = t - 1
    groups: list[tuple[int, int]] = []
    while k >= 0 and len(groups) < most:
        end = k + 1
        while k >= 0 and (words is None or end - k <= words) and (cap[k] or (text[k] == "-" and k < end - 1)):
            k -= 1
        if k + 1 >= end:
            break
        groups.append((k + 1, end))
        if k >= 0 and lower[k] in _LIST_WORDS:
            k -= 1
            if k >= 0 and lower[k] in _LIST_WORDS:  # ", and"
                k -= 1
            continue
        break
    return groups


#: plural kinds of division after a list of their names ("the Futian and Luohu districts")
_DIVISION_PLURALS = {"districts", "provinces", "regions", "prefectures", "governorates", "municipalities",
                     "oblasts", "states", "counties", "wards", "boroughs", "upazilas", "departments"}


def _detect_division_lists(d: _Detection) -> None:
    """1e'. two names or more listed before a division's kind in the plural
    ("the Futian and Luohu districts", "Kilifi and Kwale counties",
    "the Bay and Bakool regions"): each a place when the gazetteer knows it
    by its own name as a division or a town, all of them in one country."""
    toks, g = d.toks, d.g
    text = toks.text
    for t in toks.at(_DIVISION_PLURALS):
        if t < 2 or not text[t].islower():
            continue
        groups = _names_listed_before(toks, t, 8, words=3)
        if len(groups) < 2:
            continue
        # (each of them in one country: "the Red and Blue states" name none)
        lands: Optional[set] = None
        for a, b in groups:
            name = toks.span_text(a, b)
            main = g.main_ids(name)
            own = {e.country for e in g.exact(name) if e.id in main and not e.approx and e.kind in ("region", "city")}
            lands = own if lands is None else lands & own
            if not lands:
                break
        else:
            for a, b in groups:
                if d.free(a, b):
                    d.add(d.doc[a:b], "gaz", fuzzy=False, require=False)


#: brands and companies named like towns, never a place by repetition alone
_FIRM_NAMES = FIRMS | _BRANDS


#: the fewest people of a town whose short name the text may use after its long one
_SHORT_NAME_POP = 100_000


def _detect_repeats(d: _Detection) -> None:
    """3. one sense per text: a name found as a place is a place elsewhere in
    the text too ("Greer's city limits", "Harwinton Senior Center", "Rock
    Hill wants $180,000"), unless it reads as a person's name there."""
    toks, taken = d.toks, d.taken
    known: dict[tuple[str, ...], _Mention] = {}
    for m in d.mentions:
        if m.how in ("ner", "gaz") and not m.demonym and m.span is not None \
                and (m.cands or m.how == "ner") and len(m.text) >= 3 and m.text[:1].isupper() \
                and not (normalize(m.text) in _FIRM_NAMES and all(e.kind == "city" for e in m.cands)):
            # (not a firm's name found once as its town: "the city of Toyota" ...
            # "Toyota's own team"; the Amazon, a river, is one wherever named)
            known.setdefault(tuple(toks.lower[m.span.start:m.span.end]), m)
            # (and a county's bare name after "County X", "Co. X": "went back to Kerry")
            if len(m.span) >= 2 and toks.text[m.span.start] in COUNTY_OPENERS and m.cands \
                    and all(e.kind == "region" for e in m.cands):
                known.setdefault(tuple(toks.lower[m.span.start + 1:m.span.end]), m)
            # (and a great town's short name that opens its long one: "Rio" after "Rio de Janeiro")
            elif len(m.span) >= 3 and m.cands and m.cands[0].kind == "city" \
                    and m.cands[0].population >= _SHORT_NAME_POP:
                for k in range(m.span.start + 1, m.span.end - 1):
                    short = toks.span_text(m.span.start, k)
                    if len(short) >= 3 and any(e.id == m.cands[0].id for e in d.g.exact(short)):
                        known.setdefault(tuple(toks.lower[m.span.start:k]), m)
    if not known:
        return
    initials = {k for k, m in known.items() if len(m.text) <= 3 and m.text.isupper()
                and not any(normalize(e.name) == normalize(m.text) for e in m.cands)}
    longest = max(len(k) for k in known)
    firsts = {k[0] for k in known}
    lowers, cap, upper = toks.lower, toks.cap, toks.upper
    n = toks.n
    person_lasts = _persons_last_words(d)
    resume = 0  # the first token not yet read (the tokens ahead stay as they are)
    for i in [k for k, word in enumerate(lowers) if word in firsts]:
        if i < resume or taken[i]:
            continue
        found = None
        for L in range(min(longest, n - i), 0, -1):
            key = tuple(lowers[i:i + L])
            # (initials only where they are so written: "ACT" is no "Act"; a
            # dateline's name in capitals is its name, "OSH" of Osh)
            if key in known and not any(taken[i:i + L]) \
                    and all(cap[k] or upper[k] for k in range(i, i + L)) \
                    and not (key in initials and not toks.span_text(i, i + L).isupper()):
                found = (L, known[key])
                break
        if found is None:
            continue
        L, src = found
        # (nor where the text's person of the name speaks: "commissioner Danladi Kaduna ...
        # Kaduna told reporters" beside "lorries from Kaduna")
        speaks = L == 1 and i + 1 < n and toks.lower[i + 1] in SAYING_WORDS \
            and any(end != i + 1 for end in person_lasts.get(toks.text[i], ())) \
            and not any(e.kind == "country" for e in src.cands[:1]) and not _place_cue(toks, i, i + L, d.g) \
            and not (i > 0 and lowers[i - 1] == "of")
        if not _person_like(toks, i, i + L, d.person_words) and not _event_of(toks, i, i + L) and not (
                i > 0 and (lowers[i - 1].rstrip(".") in TITLES or toks.text[i - 1] in _SHIP_PREFIXES)) \
                and not _ground_opening(toks, i + L) and not speaks:
            d.add_known(d.doc[i:i + L], src.cands, src.main_ids, src.fuzzy)
        resume = i + L
    _detect_bare_rivers(d)
    _detect_bare_kinds(d)


#: a division's or a land's kind that a text uses alone, capitalised, for
#: the one it names whole ("the Northern Territory ... the Territory", "the
#: Gaza Strip ... the Strip", "the Isthmus of Tehuantepec ... the Isthmus")
_BARE_KINDS = {"territory", "strip", "isthmus"}


def _detect_bare_kinds(d: _Detection) -> None:
    """3 (cont.). such a kind's word after "the", capitalised and alone, in
    a text that names one place whole by it (its first or last word), is
    that place: its candidates are that mention's."""
    toks = d.toks
    named: dict[str, list[_Mention]] = defaultdict(list)
    for m in d.mentions:
        if m.span is not None and len(m.span) >= 2 and m.cands and not m.demonym:
            for k in (m.span.start, m.span.end - 1):
                if toks.lower[k] in _BARE_KINDS:
                    named[toks.lower[k]].append(m)
    if not named:
        return
    for i in toks.titled():
        ms = named.get(toks.lower[i]) if i >= 1 else None
        if not ms or d.taken[i] or toks.lower[i - 1] != "the" \
                or (i + 1 < toks.n and (toks.title[i + 1] or toks.text[i + 1] == "-")):
            continue
        if len({normalize(m.text) for m in ms}) == 1:  # (one place named so: not two territories)
            d.add_known(d.doc[i:i + 1], ms[0].cands, set(ms[0].main_ids))


def _detect_bare_rivers(d: _Detection) -> None:
    """3 (cont.). a river the text names whole ("the River Tay", "the Fraser
    River") is a place where its bare name of one word follows "the" ("what
    the Tay can do"), whatever the model made of it; resolution reads it as
    the river (:func:`.resolve._rivers_named_whole`); a lake named whole
    ("Lake Baikal") is one where its bare name, which no other place has, recurs."""
    toks, g = d.toks, d.g
    rivers: dict[str, _Mention] = {}
    lakes: dict[str, _Mention] = {}
    for m in d.mentions:
        if m.span is not None and len(m.span) == 2 and any(e.kind == "feature" for e in m.cands):
            a, b = m.span.start, m.span.start + 1
            if toks.text[a] == "River" and toks.title[b]:
                rivers.setdefault(toks.lower[b], m)
            elif toks.text[b] == "River" and toks.title[a]:
                rivers.setdefault(toks.lower[a], m)
            elif toks.text[a] == "Lake" and toks.title[b] and toks.alpha[b] and not g.exact(toks.text[b]):
                lakes.setdefault(toks.lower[b], m)  # (a lake's bare name no other place has: "Baikal")
    if not rivers and not lakes:
        return
    for i in toks.at(rivers.keys() | lakes.keys()):
        if i < 1:
            continue
        src = rivers.get(toks.lower[i]) if toks.lower[i - 1] == "the" else None
        src = src or lakes.get(toks.lower[i])
        if src is None or d.taken[i] or not toks.title[i] \
                or (i + 1 < toks.n and (toks.title[i + 1] or toks.text[i + 1] == "-")) \
                or _person_like(toks, i, i + 1, d.person_words):
            continue
        d.add_known(d.doc[i:i + 1], src.cands, set())


#: kinds of divisions abroad that, capitalised after a division's name, are
#: part of its name ("Kumamoto Prefecture", "Sumy Oblast", "Tigray Region");
#: not "District" or "Department", which close schools' and agencies' names,
#: nor "State", which news uses as a modifier's tail ("the Kano State
#: government", "Ohio State") more than as the name
_NAME_KINDS = {"province", "prefecture", "oblast", "governorate", "krai", "kray", "region"}
#: words after the kind that make the whole an institution's name ("Kursk Region University")
_INSTITUTION_WORDS = {"university", "college", "polytechnic", "universities"}


def _detect_division_kinds(d: _Detection) -> None:
    """3'. a division found by its bare name takes in its kind when the kind
    follows capitalised ("Kumamoto Prefecture", "Sumy Oblast"): the whole is
    the division's name, as news corpora mark it ("Fars Province").  Only
    after a division outside the United States, and never before
    "University"."""
    toks, g, n = d.toks, d.g, d.toks.n
    for k, m in enumerate(d.mentions):
        if m.demonym or m.span is None or m.how not in ("ner", "gaz"):
            continue
        j = m.span.end
        if j >= n or d.taken[j] or not toks.title[j] or toks.lower[j] not in _NAME_KINDS \
                or not toks.space[j - 1] or (j + 1 < n and toks.lower[j + 1] in _INSTITUTION_WORDS):
            continue
        # (a division or, for a word that names nothing else, the town it is
        # named after: "Sumy Oblast")
        if not any(e.country != "US" and (
                (e.kind == "region" and not e.approx and e.source in ("subdivision", "state", "extra"))
                or (e.kind == "city" and toks.lower[j] != "region")) for e in m.cands):
            continue
        whole = d.mention(d.doc[m.span.start:j + 1], m.how)
        _fill_candidates(whole, g, False)
        if whole.cands:
            whole.main_ids = g.main_name_ids(whole.text) or set(m.main_ids)
            d.mentions[k] = whole
            d.take(j, j + 1)

