"""The places stage on hand-made sentences."""

from __future__ import annotations

import math

import pytest

from newsledger.nlp.places import find_places, resolve_spans


@pytest.fixture(scope="module")
def nlp():
    from newsledger.nlp.model_loader import load_model

    return load_model()


def _by_text(places):
    out = {}
    for p in places:
        out.setdefault(p.text, []).append(p)
    return out


def test_detects_model_entities_and_resolves(nlp):
    doc = nlp("The talks took place in Geneva, and the delegation later flew to Tokyo.")
    got = _by_text(find_places(doc))
    assert got["Geneva"][0].country == "CH"
    assert got["Tokyo"][0].country == "JP"
    assert got["Tokyo"][0].kind == "city"
    assert got["Tokyo"][0].role == "location"


def test_mislabelled_places_are_recovered(nlp):
    text = ("Shelling was reported in Nagorno-Karabakh on Tuesday. Residents of Stepanakert "
            "fled towards Armenia, while Yerevan says it cannot house everyone.")
    got = _by_text(find_places(nlp(text)))
    assert "Nagorno-Karabakh" in got
    assert "Stepanakert" in got and got["Stepanakert"][0].country == "AZ"
    assert "Yerevan" in got and got["Yerevan"][0].country == "AM"


def test_moscow_russia_vs_idaho(nlp):
    doc = nlp("The Kremlin said officials in Moscow would respond to the sanctions imposed on Russia.")
    assert _by_text(find_places(doc))["Moscow"][0].country == "RU"
    doc = nlp("Moscow, Idaho, is home to the University of Idaho. Students in Moscow returned "
              "from Boise and Spokane on Sunday.")
    moscow = _by_text(find_places(doc))["Moscow"]
    assert all(p.country == "US" for p in moscow)


def test_metonymy_actor_vs_location(nlp):
    doc = nlp("Moscow summoned the ambassador. Baku says the talks failed. "
              "The two presidents met in Moscow last week.")
    places = find_places(doc)
    roles = [(p.text, p.role) for p in places if p.text in ("Moscow", "Baku")]
    assert roles[0] == ("Moscow", "actor")
    assert ("Baku", "actor") in roles
    assert roles[-1] == ("Moscow", "location")


def test_person_not_made_a_place(nlp):
    doc = nlp("Senator Lincoln Chafee said on Monday that Chafee would not run again. "
              "Jordan Peterson told reporters he was tired.")
    texts = {p.text for p in find_places(doc)}
    assert "Lincoln" not in texts
    assert "Jordan" not in texts


def test_demonym_is_a_place_mention(nlp):
    doc = nlp("Azerbaijani troops crossed the line, Armenian officials said.")
    got = _by_text(find_places(doc))
    assert got["Azerbaijani"][0].country == "AZ"
    assert got["Armenian"][0].country == "AM"


def test_context_disambiguation_in_a_karabakh_story(nlp):
    text = ("Fighting resumed across Nagorno-Karabakh on Monday. Azerbaijani forces shelled "
            "positions near Stepanakert and Shusha, and a volunteer said he had defended the "
            "town of Martuni until the ceasefire.")
    doc = nlp(text)
    got = _by_text(find_places(doc))
    assert got["Martuni"][0].geonameid == 146969
    start = text.index("Martuni")
    (resolved,) = resolve_spans(doc, [(start, start + len("Martuni"))])
    assert resolved.geonameid == 146969


def test_city_state_pair(nlp):
    text = "The fire started in Springfield, Illinois, late on Friday."
    doc = nlp(text)
    start = text.index("Springfield")
    (p,) = resolve_spans(doc, [(start, start + len("Springfield"))])
    assert p.country == "US" and abs(p.lat - 39.8) < 0.5


def test_resolve_unknown_span_is_none(nlp):
    text = "He lives in Zzqxville now."
    doc = nlp(text)
    start = text.index("Zzqxville")
    assert resolve_spans(doc, [(start, start + 9)]) == [None]


def test_organisation_named_place_is_one_mention(nlp):
    # "European Union" must not become "European" (Europe) + "Union" (a US town)
    text = "The European Union announced 15 million euros in aid for schools last week."
    got = _by_text(find_places(nlp(text)))
    assert "European Union" in got
    assert "Union" not in got and "European" not in got


def test_common_words_inside_names_are_not_places(nlp):
    text = ("Officers of the Mansfield Police Department and the Superior Court "
            "met at the University of Rochester on Monday.")
    got = _by_text(find_places(nlp(text)))
    assert "Police" not in got
    assert "Superior" not in got
    assert "University" not in got


def test_county_names_are_places(nlp):
    text = "He was lodged in the Laurel County Detention Center after his arrest in London, Kentucky."
    got = _by_text(find_places(nlp(text)))
    assert "Laurel County" in got and got["Laurel County"][0].country == "US"


def test_title_before_name_is_a_person_not_a_place(nlp):
    text = '"Our kids carried it out," exclaims coach Ripley. The team plays in Ohio.'
    got = _by_text(find_places(nlp(text)))
    assert "Ripley" not in got
    assert "Ohio" in got


def test_rivers_and_small_places_in_country_context(nlp):
    text = ("Moldova and the breakaway authorities in Tiraspol agreed to extend a ceasefire "
            "along the Dniester river. The ministers discussed the reopening of the Palanca "
            "border crossing. More than 1,200 people crossed the bridge at Gura Bicului every "
            "day. Moscow rejected a proposal to withdraw its ammunition depot at Cobasna.")
    got = _by_text(find_places(nlp(text)))
    for name in ("Dniester", "Palanca", "Gura Bicului", "Cobasna"):
        assert name in got, name
        p = got[name][0]
        assert p.lat is not None
        # all lie within ~150 km of Chisinau
        assert abs(p.lat - 47.0) < 1.5 and abs(p.lon - 28.9) < 1.5, (name, p)
    assert got["Palanca"][0].country == "MD"


def test_unknown_span_is_put_at_the_texts_focus(nlp):
    text = ("COLUMBUS, Ohio -- A fire closed Zzqx Road on Tuesday. Columbus firefighters "
            "said the road would reopen in Columbus by Friday.")
    doc = nlp(text)
    start = text.index("Zzqx Road")
    (p,) = resolve_spans(doc, [(start, start + len("Zzqx Road"))])
    assert p is not None and abs(p.lat - 39.96) < 0.5 and abs(p.lon + 83.0) < 0.5


def test_capital_named_like_a_state(nlp):
    got = _by_text(find_places(nlp("Officials in Washington said the new sanctions would take effect on Monday.")))
    assert got["Washington"][0].kind == "city" and abs(got["Washington"][0].lat - 38.9) < 0.5
    got = _by_text(find_places(nlp("Wildfires spread across eastern Washington over the weekend.")))
    assert got["Washington"][0].kind == "region"


def test_division_cue_beats_namesake_city(nlp):
    got = _by_text(find_places(nlp("The Quebec government announced a new language law on Friday.")))
    assert got["Quebec"][0].kind == "region" and got["Quebec"][0].country == "CA"


def test_local_cue_makes_a_country_name_a_town(nlp):
    got = _by_text(find_places(nlp("A Lebanon man was charged Tuesday after a crash on Route 422 near Hershey, Pa.")))
    assert got["Lebanon"][0].country == "US" and got["Lebanon"][0].kind == "city"


def test_office_named_after_a_county_gives_the_county(nlp):
    got = _by_text(find_places(nlp("He was booked into the Boone County Jail on Friday and released on bond.")))
    assert "Boone County" in got and "Boone County Jail" not in got


def test_names_of_one_state_support_each_other(nlp):
    text = ("The Henry County commission met in Paris on Tuesday, and the mayors of McKenzie "
            "and Puryear attended.")
    got = _by_text(find_places(nlp(text)))
    paris = got["Paris"][0]
    assert paris.country == "US" and abs(paris.lat - 36.3) < 0.5 and abs(paris.lon + 88.3) < 0.5


def test_chinese_provinces_are_known(nlp):
    got = _by_text(find_places(nlp("Unrest spread through Jiangsu and Zhejiang as factories closed.")))
    assert got["Jiangsu"][0].kind == "region" and got["Jiangsu"][0].country == "CN"
    assert got["Zhejiang"][0].country == "CN"


# --- second geo pass -------------------------------------------------------

def test_names_before_counties_are_counties(nlp):
    text = ("Flood warnings remain in effect for Tarrant, Denton and Wise counties after "
            "heavy rain on Sunday, forecasters in Fort Worth said.")
    got = _by_text(find_places(nlp(text)))
    for name in ("Tarrant", "Denton", "Wise"):
        assert name in got, name
    # resolved as the Texas counties, not as namesakes elsewhere
    res = resolve_spans(nlp(text), [(text.index("Wise"), text.index("Wise") + 4)])[0]
    assert res is not None and res.country == "US" and res.kind == "region"
    assert 31.0 < res.lat < 35.0 and -100.0 < res.lon < -95.0


def test_bare_name_of_a_county_named_elsewhere(nlp):
    text = ("Sheriff's deputies in Tippecanoe County made two arrests. Officials said "
            "Tippecanoe had seen fewer burglaries this year.")
    doc = nlp(text)
    k = text.rindex("Tippecanoe")
    res = resolve_spans(doc, [(k, k + len("Tippecanoe"))])[0]
    assert res is not None and res.country == "US"
    # Indiana, where Tippecanoe County is
    assert 38.0 < res.lat < 42.5 and -88.5 < res.lon < -84.5


def test_county_abbreviation(nlp):
    text = "Voters in Boone Co. approved the school levy on Tuesday."
    doc = nlp(text)
    k = text.index("Boone Co.")
    res = resolve_spans(doc, [(k, k + len("Boone Co."))])[0]
    assert res is not None and res.country == "US" and res.kind == "region"


def test_one_sense_per_text_in_detection(nlp):
    # the name is found as a place once; its other uses (opening an
    # organisation's name, a possessive) are places too
    text = ("Road crews in Ellensburg worked overnight. The Ellensburg Senior Center reopened, "
            "and Ellensburg's council thanked volunteers.")
    got = find_places(nlp(text))
    assert sum(1 for p in got if p.text == "Ellensburg") == 3


def test_mixed_case_names_and_byline_datelines(nlp):
    text = ("By Jo Banks Staff Writer March 2, 2009 ZANESVILLE -- A fire damaged a warehouse. "
            "McAllen officials later sent a fire crew to help.")
    got = _by_text(find_places(nlp(text)))
    assert "ZANESVILLE" in got and got["ZANESVILLE"][0].country == "US"
    assert "McAllen" in got and got["McAllen"][0].country == "US"


def test_compass_word_before_a_state(nlp):
    text = "Schools across Northeast Ohio closed early because of the ice storm."
    got = _by_text(find_places(nlp(text)))
    assert "Ohio" in got and "Northeast Ohio" not in got
    # a name of its own is kept whole
    got = _by_text(find_places(nlp("Troops crossed into North Carolina on Friday.")))
    assert "North Carolina" in got


def test_numbered_county_road(nlp):
    text = "The crash closed County Road 12 near the river for three hours."
    got = _by_text(find_places(nlp(text)))
    assert "County Road 12" in got


def test_state_name_is_the_state_not_a_small_town(nlp):
    text = ("Lawmakers in Maryland and Virginia backed the plan. A similar bill failed in "
            "California last year.")
    got = _by_text(find_places(nlp(text)))
    assert got["California"][0].kind == "region"
    assert got["California"][0].lon < -110


def test_a_word_that_is_a_big_city_elsewhere_is_not_a_place_alone(nlp):
    text = "Man arrested after a chase through the parking lot. Police said he fled on foot."
    got = _by_text(find_places(nlp(text)))
    assert "Man" not in got


def _resolve_every(nlp, text, name):
    spans, k = [], text.find(name)
    while k >= 0:
        spans.append((k, k + len(name)))
        k = text.find(name, k + 1)
    return resolve_spans(nlp(text), spans)


def test_a_repeated_name_does_not_vote_for_its_own_country(nlp):
    # five mentions of "Paris" must not make France the text's country
    text = ("Two men from Paris were hurt late Friday in a crash on the highway to Dallas. "
            "Paris police said one driver was taken to a hospital in Dallas. The other, "
            "also of Paris, was released. Paris officers are still investigating.")
    res = _resolve_every(nlp, text, "Paris")
    assert len(res) == 4 and all(p is not None and p.country == "US" for p in res)


def test_a_country_beats_a_tiny_namesake_in_the_texts_country(nlp):
    text = "The Pittsburgh company said it would open offices in Philadelphia and Egypt next year."
    (p,) = _resolve_every(nlp, text, "Egypt")
    assert p.country == "EG"


def test_a_province_name_is_not_a_small_town_abroad(nlp):
    text = ("Alberta sent a trade mission to Asia this month. Officials from Edmonton and "
            "Calgary also met buyers from Queensland.")
    (p,) = _resolve_every(nlp, text, "Queensland")
    assert p.country == "AU" and p.kind == "region"


def test_token_table_matches_the_tokens(nlp):
    from newsledger.nlp.places.tokens import _Tokens, _capitalised

    doc = nlp("On Monday, Gov. DeKalb said McDowell County and  NEWARK--the U.S. are 'fine'.\nTEXAS")
    toks = _Tokens.of(doc)
    assert len(toks) == len(doc)
    assert toks.doc_text == doc.text
    for t in doc:
        i = t.i
        assert toks.text[i] == t.text and toks.lower[i] == t.lower_ and toks.idx[i] == t.idx
        assert bool(toks.space[i]) == bool(t.whitespace_)
        assert bool(toks.title[i]) == t.is_title and bool(toks.upper[i]) == t.is_upper
        assert bool(toks.alpha[i]) == t.is_alpha and bool(toks.punct[i]) == t.is_punct
        assert bool(toks.stop[i]) == t.is_stop and bool(toks.like_num[i]) == t.like_num
        assert bool(toks.is_space[i]) == t.is_space
        assert toks.pos[i] == t.pos_ and toks.ent_type[i] == t.ent_type_ and toks.ent_iob[i] == t.ent_iob_
        assert bool(toks.cap[i]) == _capitalised(t)
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 6) + 1):
            assert toks.span_text(start, end) == doc[start:end].text
    # the indexes the loops walk instead of every token
    assert toks.titled() == [t.i for t in doc if t.is_title]
    assert toks.uppers() == [t.i for t in doc if t.is_upper]
    assert toks.line_starts() == [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.text]
    assert toks.text[toks.line_starts()[-1]] == "TEXAS"


def test_token_table_reads_each_vocab_s_own_words():
    # a word's flags are read once per Vocab: another Vocab's stop words are its own
    from spacy.lang.en import English

    from newsledger.nlp.places.tokens import _Tokens

    plain, other = English(), English()
    other.vocab["Reading"].is_stop = True
    words = "Floods in Reading closed the road".split()
    a = _Tokens.of(plain.make_doc(" ".join(words)))
    b = _Tokens.of(other.make_doc(" ".join(words)))
    assert a.text == b.text == words
    assert not a.stop[2] and b.stop[2]
    assert _Tokens.of(plain.make_doc("")).n == 0


def test_nearness_never_adds_more_than_its_bound():
    # _best skips measuring a candidate whose score, with the most nearness
    # can add, stays below the best so far: the bound must hold
    from newsledger.gazetteer import Entry
    from newsledger.nlp.places.score import _Anchors, _nearness, _nearness_most

    anchors = _Anchors()
    for k in range(40):  # many places at the candidate's own point, a curated region among them
        anchors.add(f"town{k}", 10.0, 20.0, 2.0, k == 0, town=True)
    town = Entry(name="Here", lat=10.0, lon=20.0, country="XX", geonameid=None, kind="city",
                 population=5000, admin1=None, source="city", approx=False, id=1)
    most = _nearness(town, "here", anchors)
    assert most > 0.9 * _nearness_most()
    assert most <= _nearness_most()


def test_distance_is_the_gazetteers_haversine():
    import random

    from newsledger.gazetteer import haversine_km
    from newsledger.nlp.places.score import _Anchors, _distance_km

    rng = random.Random(7)
    for _ in range(500):
        lat1, lon1 = rng.uniform(-90, 90), rng.uniform(-180, 180)
        lat2, lon2 = rng.uniform(-90, 90), rng.uniform(-180, 180)
        anchors = _Anchors()
        anchors.add("x", lat2, lon2, 1.0, False)
        phi = math.radians(lat1)
        assert _distance_km(phi, math.cos(phi), lon1, anchors.points[0]) == haversine_km(lat1, lon1, lat2, lon2)


def test_anchors_share_a_point():
    from newsledger.nlp.places.score import _Anchors

    anchors = _Anchors()
    anchors.add("paris", 48.85, 2.35, 1.0, False)
    anchors.add("paris", 48.85, 2.35, 1.0, False)
    anchors.add("lyon", 45.76, 4.83, 1.0, False)
    assert len(anchors) == 3 and len(anchors.points) == 2
    assert [r[1] for r in anchors.refs] == [0, 0, 1]


def test_repeated_names_resolve_alike(nlp):
    # mentions of one name share their scores and choice; the text's context still decides
    text = ("Springfield police said the Springfield fire began downtown. Illinois officials "
            "in Chicago and Peoria said Springfield would get help.")
    got = _by_text(find_places(nlp(text)))
    ids = {p.geonameid for p in got["Springfield"]}
    assert len(ids) == 1
    assert got["Springfield"][0].country == "US"


def test_national_parks_peaks_and_english_counties(nlp):
    # general features and English counties written in places_extra.tsv
    doc = nlp("Hikers were rescued on Mount Hood on Sunday. Floods closed roads across "
              "Lancashire, and a storm moved over Delaware Bay.")
    got = _by_text(find_places(doc))
    hood = got["Mount Hood"][0]
    assert hood.country == "US" and abs(hood.lat - 45.37) < 0.5 and abs(hood.lon + 121.7) < 0.5
    assert got["Lancashire"][0].country == "GB"
    bay = resolve_spans(doc, [(doc.text.index("Delaware Bay"), doc.text.index("Delaware Bay") + 12)])[0]
    assert bay.country == "US" and abs(bay.lat - 39.05) < 0.5


def test_towns_named_together_resolve_to_the_area_where_all_lie(nlp):
    # each name has namesakes in many states (and Newport, Portsmouth in
    # England); only in one state are all three within a county's reach
    doc = nlp("Volunteers from Newport, Middletown and Portsmouth met on Saturday.")
    got = _by_text(find_places(doc))
    for name in ("Newport", "Middletown", "Portsmouth"):
        p = got[name][0]
        assert p.country == "US" and abs(p.lat - 41.5) < 0.3 and abs(p.lon + 71.3) < 0.3, name
    doc = nlp("Volunteers from Milford, Amherst and Hollis met on Saturday.")
    got = _by_text(find_places(doc))
    for name in ("Milford", "Amherst", "Hollis"):
        p = got[name][0]
        assert abs(p.lat - 42.8) < 0.3 and abs(p.lon + 71.6) < 0.3, name


def test_county_in_a_named_state_wins_over_a_namesake_county():
    # the states the text names count for counties as they do for towns
    from collections import Counter

    from newsledger.gazetteer import Entry, get_gazetteer
    from newsledger.nlp.places.mention import _Mention
    from newsledger.nlp.places.score import _best

    other = Entry("Quarry County", 37.8, -89.0, "US", None, "region", 0, "IL", "county", False, -1)
    named = Entry("Quarry County", 35.9, -86.9, "US", None, "region", 0, "TN", "county", False, -2)
    m = _Mention(0, 13, "Quarry County", None, "given", cands=[other, named], main_ids={-1, -2})
    choice = _best(m, get_gazetteer(), Counter({"US": 2.0}), Counter({("US", "TN"): 1.0}), None)
    assert choice is named


def test_bare_name_of_a_county_among_its_towns(nlp):
    # "Greene" written without "County", beside two towns of Greene County, Ohio
    text = "Floodwaters rose in Greene on Monday, and shelters opened in Xenia and Fairborn."
    doc = nlp(text)
    (p,) = resolve_spans(doc, [(text.index("Greene"), text.index("Greene") + 6)])
    assert p.name == "Greene County" and abs(p.lat - 39.7) < 0.3 and abs(p.lon + 83.9) < 0.3


def test_unknown_name_goes_to_the_town_amid_the_texts_places(nlp):
    # Seattle is named as often as Nampa, but Caldwell lies beside Nampa
    text = "Fans drove from Seattle to Nampa. Crews cleaned Quillbrook Creek near Caldwell."
    doc = nlp(text)
    s = text.index("Quillbrook Creek")
    (p,) = resolve_spans(doc, [(s, s + len("Quillbrook Creek"))])
    assert abs(p.lat - 43.6) < 0.3 and abs(p.lon + 116.6) < 0.3


@pytest.mark.parametrize("text,name,cued", [
    # a list's next names have the cue of its first
    ("Shops shut in the towns of Sidon and Nabatieh on Monday.", "Nabatieh", True),
    ("Protests were held in Mendoza, Tucumán, and Neuquén.", "Neuquén", True),
    # a place's parts after "including"
    ("Aid reached the Swat Valley, including Mingora, on Sunday.", "Mingora", True),
    ("Police set up checkpoints in coastal areas including Kilifi.", "Kilifi", True),
    # (not a comma's next clause, a street's neighbour, or a company's staff)
    ("After a month in New Zealand, Underwood was back in training.", "Underwood", False),
    ("The road is closed between Fifth and Herman streets.", "Herman", False),
    ("Shareholders, including Mingora, voted against the deal.", "Mingora", False),
])
def test_place_cues_carry_along_lists(nlp, text, name, cued):
    from newsledger.gazetteer import get_gazetteer
    from newsledger.nlp.places.tokens import _Tokens, _place_cue

    doc = nlp(text)
    toks = _Tokens.of(doc)
    (i,) = [t.i for t in doc if t.text == name]
    assert _place_cue(toks, i, i + 1, get_gazetteer()) is cued


def test_token_table_shares_the_texts_text_with_the_other_stages():
    # the text a stage before built is read, not joined again; one joined here is kept for those after
    from spacy.lang.en import English

    from newsledger.nlp.doctext import doc_text, known_text
    from newsledger.nlp.places.tokens import _Tokens

    plain = English()
    doc = plain.make_doc("Floods in  Reading\nclosed the road. ")
    assert known_text(doc) is None
    toks = _Tokens.of(doc)
    assert toks.doc_text == doc.text and known_text(doc) is toks.doc_text and doc_text(doc) is toks.doc_text
    other = plain.make_doc("Rain fell on Leeds")
    text = doc_text(other)
    assert _Tokens.of(other).doc_text is text


def test_token_table_finds_the_tokens_of_a_word_in_order():
    from spacy.lang.en import English

    from newsledger.nlp.places.tokens import _Tokens

    doc = English().make_doc("The river rose. Floods on the River Don and the Ouse's banks: THE END.")
    toks = _Tokens.of(doc)
    every = lambda words: [t.i for t in doc if t.lower_ in words]  # noqa: E731
    assert toks.at("the") == every({"the"}) and len(toks.at("the")) == 4
    assert toks.at(("river", "'s")) == every({"river", "'s"}) == sorted(toks.at("river") + toks.at("'s"))
    assert toks.at({"don": 1, "end": 2}) == every({"don", "end"})
    assert toks.at("Floods") == [] and toks.at("nowhere") == [] and toks.at(()) == []


def test_ngram_openers_whose_word_opens_no_name_are_not_read(nlp):
    from newsledger.gazetteer import get_gazetteer
    from newsledger.nlp.places.detect import _ents_by_line
    from newsledger.nlp.places.mention import _Detection
    from newsledger.nlp.places.spans import _ngram_candidates
    from newsledger.nlp.places.tokens import _Tokens

    g = get_gazetteer()
    doc = nlp("Officials of Xqzzyvor Qwerbank met in Lusaka Province and L'Aquila on Monday.")
    toks = _Tokens.of(doc)
    d = _Detection(doc, toks, g, _ents_by_line(doc, toks), taken=[False] * toks.n)
    openers = {toks.text[i] for i in _ngram_candidates(d)}
    assert not g.may_open("Xqzzyvor") and not g.may_open("Qwerbank")
    assert {"Lusaka", "Province"} <= openers and not {"Xqzzyvor", "Qwerbank"} & openers
    # (a word glued to the next is read on: its n-grams open with another word)
    assert "L'" in openers or "L'Aquila" in openers
    assert any(name == "L'Aquila" for grams in _ngram_candidates(d).values() for _, name in grams)


def test_a_second_round_of_nearness_follows_only_a_changed_choice(nlp, monkeypatch):
    # pass 2 chooses again with the places chosen so far; when its first round
    # changes no choice, a second would only repeat it
    from newsledger.nlp.places import resolve

    calls = {"round": 0, "best": 0}
    best, rechoose = resolve._best, resolve._rechoose_near_others

    def counted_best(*args, **kwargs):
        calls["best"] += calls["round"]
        return best(*args, **kwargs)

    def counted_rechoose(mentions, *args, **kwargs):
        calls["round"], calls["mentions"] = 1, len(mentions)
        try:
            return rechoose(mentions, *args, **kwargs)
        finally:
            calls["round"] = 0

    monkeypatch.setattr(resolve, "_best", counted_best)
    monkeypatch.setattr(resolve, "_rechoose_near_others", counted_rechoose)
    doc = nlp("Officials in Nairobi said the road to Mombasa reopened. Kenya's police thanked Nakuru.")
    places = _by_text(find_places(doc))
    assert places["Nairobi"][0].country == places["Mombasa"][0].country == "KE"
    assert calls["best"] == calls["mentions"]  # one round: the choices did not move
