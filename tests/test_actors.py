"""The actors stage: canonical actors, metonyms and affiliations (hand-made sentences)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def analyzer_nlp():
    from newsledger.nlp.pipeline import Analyzer

    return Analyzer().nlp


def actors(nlp, text):
    doc = nlp(text)
    out = {a.id: a for a in doc._.actors or []}
    for a in out.values():  # offsets always index the text
        for m in a.mentions:
            assert text[m.start:m.end] == m.text
    return out


def mentioned(found, actor_id):
    return [m.text for m in found[actor_id].mentions] if actor_id in found else []


def test_metonyms_of_government(analyzer_nlp):
    found = actors(analyzer_nlp, "The Kremlin denied the report. Georgian authorities say that the protesters left "
                                 "the square voluntarily.")
    assert "Kremlin" in mentioned(found, "RU-GOV")
    assert "Georgian authorities" in mentioned(found, "GE-GOV")


def test_military_noun_phrase(analyzer_nlp):
    found = actors(analyzer_nlp, "The Italian peacekeeping forces left the base on Monday.")
    assert any("Italian peacekeeping forces" in m for m in mentioned(found, "IT-MIL"))


def test_person_affiliation_from_title(analyzer_nlp):
    found = actors(analyzer_nlp, "Moldova's prime minister Dorin Recean told reporters he was pleased.")
    assert found["person:dorin-recean"].country == "MD"


def test_no_affiliation_across_a_comma(analyzer_nlp):
    # a country before the name, but not tied to it by a title
    found = actors(analyzer_nlp, "Shortly after the floods in Peru, Olaf Berg met a visitor.")
    assert found["person:olaf-berg"].country != "PE"


def test_spouse_takes_the_affiliation_of_the_person(analyzer_nlp):
    found = actors(analyzer_nlp, "Finland's Prime Minister Olli Rantanen spoke. Later, Olli Rantanen's wife, "
                                 "Maria Korhonen, made a visit to Oslo.")
    assert found["person:olli-rantanen"].country == "FI"
    assert found["person:maria-korhonen"].country == "FI"


def test_government_noun_of_countries(analyzer_nlp):
    found = actors(analyzer_nlp, "The foreign ministers of Moldova and Ukraine met in Odesa.")
    assert "MD-GOV" in found and "UA-GOV" in found


def test_places_are_not_organisations(analyzer_nlp):
    found = actors(analyzer_nlp, "Moscow rejected a proposal to withdraw its ammunition depot at Cobasna. "
                                 "Trucks queued at the Palanca border crossing.")
    assert not [a for a in found if a.startswith("org:") and ("cobasna" in a or "palanca" in a)]


def test_organisation_with_a_country_adjective(analyzer_nlp):
    found = actors(analyzer_nlp, "After the vote, the Polish Ministry of Foreign Affairs issued a statement.")
    assert any("Ministry of Foreign Affairs" in m for m in mentioned(found, "PL-GOV"))


def test_organisation_kept(analyzer_nlp):
    found = actors(analyzer_nlp, "The European Union announced new aid for schools.")
    assert "org:european-union" in found


def test_state_nouns_are_those_a_walk_over_the_tokens_finds(analyzer_nlp):
    """The nouns of a government or a military, read from the token arrays, are the
    ones a walk over every token with the noun table finds."""
    from newsledger.nlp.actors import _nouns, _state_nouns

    doc = analyzer_nlp("The foreign ministers of Moldova and Ukraine met the army of Chad. "
                       "Ministers said the Army had moved; the government and its troops stayed.")
    walked = []
    for tok in doc:
        kind = _nouns().get(tok.lemma_.lower()) or _nouns().get(tok.lower_)
        if tok.pos_ == "NOUN" and kind in ("government", "military"):
            walked.append((tok.i, kind))
    assert len(walked) >= 3
    assert _state_nouns(doc) == walked


def test_alias_found_only_as_a_whole_word(analyzer_nlp):
    """An alias inside a longer word is no mention; the text check before the
    pattern changes nothing."""
    found = actors(analyzer_nlp, "The Kremlin said so. Kremlinology is a field.")
    assert mentioned(found, "RU-GOV") == ["Kremlin"]
