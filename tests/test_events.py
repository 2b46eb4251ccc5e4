"""The events stage: PLOVER coding of hand-made sentences."""

from __future__ import annotations

import pytest

from newsledger.model import Actor, Event, PlaceMention, Span, Timex
from newsledger.nlp.event_coding.lexicon import PLOVER_TYPES, load_lexicon, parse_lexicon
from newsledger.nlp.events import find_events


@pytest.fixture(scope="session")
def nlp():
    from newsledger.nlp.model_loader import load_model

    return load_model()


def code(nlp, text, **kw) -> list[Event]:
    doc = nlp(text)
    events = find_events(doc, actors=kw.get("actors", []), timexes=kw.get("timexes", []),
                         places=kw.get("places", []), claims=kw.get("claims", []))
    for ev in events:  # offsets always index the text
        assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
        for a in ev.source_actors + ev.target_actors:
            assert text[a.start:a.end] == a.text
    return events


def main(nlp, text, **kw) -> Event:
    events = code(nlp, text, **kw)
    assert events, f"no event in {text!r}"
    return events[0]


def names(refs) -> list[str]:
    return [a.text for a in refs]


def _typed(evs, etype):
    hits = [e for e in evs if e.type == etype]
    assert hits, f"no {etype} event in {[(e.type, e.trigger.text) for e in evs]}"
    return hits[0]


class First(str):
    """A table's event type that the sentence's *first* event must have."""


def _pick(nlp, text, etype) -> Event:
    """The event a table row names: the first event of type ``etype`` in ``text``; with
    ``First(etype)`` its first event, which must be of that type; with None its first
    event, whatever its type."""
    if etype is not None and not isinstance(etype, First):
        return _typed(code(nlp, text), etype)
    ev = main(nlp, text)
    assert etype is None or ev.type == etype
    return ev


def _cases(*rows):
    """Table rows ``(id, *values)`` as pytest params named by their id (the rule a row checks)."""
    return [pytest.param(*values, id=name) for name, *values in rows]


# --------------------------------------------------------------------------- lexicon

def test_lexicon_covers_all_types():
    lex = load_lexicon()
    seen = {e.type for table in (lex.verbs, lex.nouns) for entries in table.values() for e in entries}
    assert set(PLOVER_TYPES) <= seen
    for table in (lex.verbs, lex.nouns, lex.adjs):
        for entries in table.values():
            for e in entries:
                if e.happening or e.no_event:   # untyped happenings and no-event senses
                    assert e.type is None and e.cameo is None
                    continue
                assert e.type in PLOVER_TYPES
                assert e.cameo and len(e.cameo) == 2
                assert e.intensity is not None and -10 <= e.intensity <= 10


def test_lexicon_rejects_bad_rows():
    with pytest.raises(ValueError):
        parse_lexicon("verb\tattack\tATTACK\t-\t18\t-9\t-\t-\n")
    with pytest.raises(ValueError):
        parse_lexicon("verb\tattack\tASSAULT\t-\t18\n")
    with pytest.raises(ValueError):
        parse_lexicon("verb\tsend\tAID\t-\t07\t7\tobj=@nosuchclass\t-\n")
    lex = parse_lexicon("class\tx\t-\t-\t-\t-\ta|b\t-\nverb\tblow up\tASSAULT\t-\t18\t-9\t-\t-\n")
    assert lex.verbs["blow"][0].cond.prts == frozenset({"up"})


# --------------------------------------------------------------------------- one type each

@pytest.mark.parametrize("text, etype", [
    ("The two countries agreed to expand trade.", "AGREE"),
    ("The president met the Chinese premier in Beijing.", "CONSULT"),
    ("The minister praised the new government.", "SUPPORT"),
    ("The government apologized to the victims.", "CONCEDE"),
    ("France and Germany cooperate closely on defence.", "COOPERATE"),
    ("Westland sent medical aid to Freedonia.", "AID"),
    ("The rebels withdrew from the city.", "RETREAT"),
    ("The opposition demanded that the president resign.", "REQUEST"),
    ("The minister accused the rebels of torture.", "ACCUSE"),
    ("The rebels rejected the peace proposal.", "REJECT"),
    ("Iran threatened to close the strait.", "THREATEN"),
    ("Thousands of workers demonstrated in the capital.", "PROTEST"),
    ("The European Union imposed sanctions on Belarus.", "SANCTION"),
    ("Russia mobilized its reservists.", "MOBILIZE"),
    ("Police arrested twelve protesters.", "COERCE"),
    ("Rebels attacked a police station in the north.", "ASSAULT"),
])
def test_each_type(nlp, text, etype):
    ev = main(nlp, text)
    assert ev.type == etype
    assert ev.cameo_root and ev.intensity is not None
    assert ev.modality == "asserted"


def test_intensity_sign_follows_type(nlp):
    assert main(nlp, "Rebels attacked the town.").intensity < -5
    assert main(nlp, "Westland sent medical aid to Freedonia.").intensity > 5


# --------------------------------------------------------------------------- type of the first event

@pytest.mark.parametrize("text, etype", [
    ("The government granted autonomy to the northern province.", "CONCEDE"),
    ("The junta restored civil liberties.", "CONCEDE"),
    ("The authorities loosened restrictions on foreign travel.", "CONCEDE"),
    ("The government admitted responsibility for the blast.", "CONCEDE"),
    ("The rebels relinquished control of the town.", "RETREAT"),
    ("The government granted access to United Nations inspectors.", "RETREAT"),
    ("Police apprehended three suspects.", "COERCE"),
    ("The army quelled the uprising.", "COERCE"),
    ("Militants hurled grenades at the police.", "ASSAULT"),
    ("Westland terminated its defence agreement with Eastland.", "SANCTION"),
    ("The league suspended Westland's membership.", "SANCTION"),
    ("The president ruled out talks with the rebels.", "REJECT"),
    ("Westland voted against the resolution.", "REJECT"),
    ("Eastland repudiated the treaty.", "REJECT"),
    ("The government objected to the proposal.", "ACCUSE"),
    ("Japan allocated emergency funds to the flood victims.", "AID"),
    ("The bishop exhorted the rebels to lay down their arms.", "REQUEST"),
    ("Westland handed over the suspect to Eastland.", "COOPERATE"),
    ("Westland and Eastland swapped prisoners.", "COOPERATE"),
    pytest.param("The rebels promised to release the hostages.", "AGREE", id="promise_is_agree"),
    pytest.param("The government refused to withdraw its troops.", "REJECT", id="refusal_is_reject"),
    pytest.param("The government said it will not accept more refugees.", "REJECT", id="will_not_accept_is_reject"),
    pytest.param("Freedonia relies on Westland for its energy.", "SUPPORT", id="rely_on_is_support"),
])
def test_category_triggers(nlp, text, etype):
    """The type of a sentence's first event."""
    assert main(nlp, text).type == etype


# --------------------------------------------------------------------------- arguments

def test_active_source_and_target(nlp):
    ev = main(nlp, "The army launched an offensive against the rebels.")
    assert ev.type == "ASSAULT"
    assert "launched" in ev.trigger.text and "offensive" in ev.trigger.text
    assert names(ev.source_actors) == ["army"]
    assert names(ev.target_actors) == ["rebels"]


def test_aid_target_is_recipient(nlp):
    ev = main(nlp, "Westland sent medical aid to Freedonia.")
    assert names(ev.source_actors) == ["Westland"]
    assert names(ev.target_actors) == ["Freedonia"]
    assert ev.evidence.text == "Westland sent medical aid to Freedonia"


def test_actor_ids_from_actor_mentions(nlp):
    text = "Japan sent medical aid to Peru."
    actors = [Actor(id="JPN", name="Japan", kind="state", mentions=[Span(0, 5, "Japan")]),
              Actor(id="PER", name="Peru", kind="state", mentions=[Span(26, 30, "Peru")])]
    ev = main(nlp, text, actors=actors)
    assert [a.actor for a in ev.source_actors] == ["JPN"]
    assert [a.actor for a in ev.target_actors] == ["PER"]
    ev = main(nlp, text)
    assert ev.source_actors[0].actor is None


def test_time_and_place_from_other_stages(nlp):
    text = "Japan sent medical aid to Peru on March 12 in Lima."
    s = text.index("March 12")
    k = text.index("Lima")
    timexes = [Timex(s, s + 8, "March 12", "DATE", "2031-03-12", anchor="dct")]
    places = [PlaceMention(k, k + 4, "Lima", "Lima", -12.05, -77.04, "PE", kind="city", role="location")]
    ev = main(nlp, text, timexes=timexes, places=places)
    assert ev.time is not None and ev.time.value == "2031-03-12"
    assert ev.time.how in ("dct", "sentence")
    assert ev.place is not None and ev.place.name == "Lima"


# --------------------------------------------------------------------------- light verbs and nouns

@pytest.mark.parametrize("text, etype, word", [
    ("The army launched an offensive against the rebels.", "ASSAULT", "offensive"),
    ("The two governments signed an agreement on trade.", "AGREE", "agreement"),
    ("Freedonia held a naval exercise with India.", "COOPERATE", "exercise"),
    ("Westland sent medical aid to Freedonia.", "AID", "aid"),
    ("The foreign ministry summoned the French ambassador.", "ACCUSE", "summoned"),
    ("The government lifted the blockade of the port.", "RETREAT", "lifted"),
    ("Students staged a protest outside parliament.", "PROTEST", "protest"),
    ("The workers went on strike.", "PROTEST", "strike"),
])
def test_light_verbs(nlp, text, etype, word):
    ev = main(nlp, text)
    assert ev.type == etype
    assert word in ev.trigger.text


def test_nominal_events(nlp):
    ev = main(nlp, "After the withdrawal of British troops, the town was quiet.")
    assert ev.type == "RETREAT"
    assert ev.trigger.text == "withdrawal"
    assert names(ev.source_actors) == ["British troops"]
    ev = main(nlp, "After three weeks of blockade, the harbour town had no fuel left.")
    assert ev.type == "COERCE"
    assert ev.trigger.text == "blockade"


def test_event_noun_as_object_is_not_a_second_event(nlp):
    events = code(nlp, "The rebels rejected the peace proposal.")
    assert [e.type for e in events] == ["REJECT"]
    events = code(nlp, "Japan halted economic aid to Serbia.")
    assert [e.type for e in events] == ["SANCTION"]


# --------------------------------------------------------------------------- modality

@pytest.mark.parametrize("text, etype, modality", _cases(
    ("negated",
     "The army did not attack the village.", First("ASSAULT"), "negated"),
    ("counterfactual",
     "If the government had acted, the rebels would not have attacked the town.", "ASSAULT", "hypothetical"),
    ("was_to_is_planned",
     "Freedonia was to deploy 500 soldiers to the island.", None, "planned"),
    ("plans_to_is_planned",
     "The ministry plans to impose sanctions on the company.", First("THREATEN"), "planned"),
    ("future_cooperation_is_planned",
     "Japan will send food aid to Haiti.", First("AGREE"), "planned"),
    ("reported_obligation_of_an_unknown_verb_is_asserted",
     "Ruritania said on Monday that Westland must return the captured ship.", "REQUEST", "asserted"),
))
def test_modality(nlp, text, etype, modality):
    """The modality of the event :func:`_pick` finds."""
    assert _pick(nlp, text, etype).modality == modality


def test_reported(nlp):
    ev = main(nlp, "The rebels attacked the town, officials said.")
    assert ev.type == "ASSAULT"
    assert ev.modality == "reported"
    assert ev.attributed_to == "officials"


# --------------------------------------------------------------------------- non-events

@pytest.mark.parametrize("text", [
    "The weather was sunny and the children played in the park.",
    "She said the book was interesting.",
    "The company reported higher profits.",
    "The bank raised interest rates.",
    "The team won the final after extra time.",
])
def test_non_events(nlp, text):
    assert code(nlp, text) == []


def test_empty_doc(nlp):
    assert find_events(nlp(""), actors=[], timexes=[], places=[], claims=[]) == []


def test_stage_in_pipeline():
    from newsledger.nlp.pipeline import Analyzer

    led = Analyzer().analyze("Rebels attacked the town on Monday.", published="2023-11-27")
    assert [e.type for e in led.events] == ["ASSAULT"]
    assert not led.errors


@pytest.mark.parametrize("text, etype, present", _cases(
    ("committing_a_crime_is_no_promise",
     "Crimes were committed by the militia against civilians.", "AGREE", False),
    ("attempt_to_commit_a_crime_is_no_promise",
     "He was charged with attempt to commit burglary.", "AGREE", False),
    ("modified_event_noun_is_only_part_of_a_name",
     "Volunteers joined the flood fighting effort in Kingstown.", "ASSAULT", False),
    ("told_to_needs_an_infinitive",
     "The minister told reporters that the talks had failed.", "REQUEST", False),
    ("arming_ones_own_troops_is_mobilize",
     "The government armed its troops with new rifles.", "MOBILIZE", True),
))
def test_event_type_present(nlp, text, etype, present):
    """Whether a sentence has an event of a type at all."""
    assert (etype in [e.type for e in code(nlp, text)]) == present


# --------------------------------------------------------------------------- source and target actors
# Each row: a sentence, the event to look at (a type, First(type) or None, see
# :func:`_pick`), and the names expected on one side or on both.

@pytest.mark.parametrize("text, etype, src", _cases(
    # a passive agent, and who acts through a phrase
    ("passive_agent_quantity_stays_a_phrase",
     "The village was attacked by hundreds of militiamen.", None, ["militiamen"]),
    ("summoned_ambassador_to_host",
     "The Ruritanian ambassador to Beijing was summoned on Tuesday.", "ACCUSE", ["Beijing"]),
    ("subject_before_an_inserted_date",
     "Ruritania, on March 3, launched an offensive against the rebels.", First("ASSAULT"), ["Ruritania"]),
    ("machines_of_war_are_coded_by_their_owner-tanks",
     "Ruritanian tanks shelled the village on Monday.", "ASSAULT", ["Ruritanian"]),
    ("machines_of_war_are_coded_by_their_owner-soldiers_stay",
     "Ruritanian soldiers shelled the village on Monday.", "ASSAULT", ["Ruritanian soldiers"]),
    ("machines_of_war_are_coded_by_their_owner-helicopters",
     "Westland helicopters evacuated the wounded from the town.", "AID", ["Westland"]),
    ("state_where_an_agentless_deportation_happened_is_the_source",
     "The activist was deported from Ruritania.", "COERCE", ["Ruritania"]),
    # the extent of a source's name
    ("ordinal_word_inside_a_name_is_kept",
     "The Second Chance Foundation donated blankets to the refugees.", "AID", ["Second Chance Foundation"]),
    ("subject_of_a_sentence_parsed_without_a_verb_root",
     "Doctors from two Westland charities donated and personally delivered medicine to Kingstown Hospital.",
     "AID", ["Doctors from two Westland charities"]),
    ("name_before_a_generic_group_noun_is_the_actor",
     "The pro-Westland Freedom group declared a ceasefire on Friday.", "CONCEDE", ["pro-Westland Freedom"]),
    ("generic_group_noun_without_a_name_stays",
     "The rebel group declared a ceasefire on Friday.", "CONCEDE", ["rebel group"]),
    ("commitment_stays_a_promise",
     "The company has publicly committed to build a hotel.", "AGREE", ["company"]),
    ("name_after_a_title_inside_a_modifier_is_kept",
     "Gunmen loyal to Westland's Freedom Front frontman Jon al-Brask said they attacked the convoy.",
     "ASSAULT", ["Gunmen loyal to Westland's Freedom Front frontman Jon al-Brask"]),
    ("seat_of_an_actor_belongs_to_its_phrase",
     "A newspaper based in Kingstown has violated a ban by the Westland army.",
     "REJECT", ["newspaper based in Kingstown"]),
    ("possessed_noun_with_a_name_in_apposition_is_the_name",
     "Ruritania's ally, Freedonia, condemned the air strikes on Borduria.", "ACCUSE", ["Freedonia"]),
    ("possessed_title_with_a_name_in_apposition_is_the_name",
     "The rebels' leader, Jon Brask, threatened to attack the capital.", "THREATEN", ["Jon Brask"]),
    # an event noun that only dates or names a topic has no source in its clause
    ("event_noun_of_time_has_no_source_in_the_clause",
     "Ruritania suspended diplomatic relations with Freedonia after the attack.", "ASSAULT", []),
    ("event_noun_of_topic_has_no_source_in_the_clause",
     "The minister spoke about the invasion.", "ASSAULT", []),
))
def test_source_actors(nlp, text, etype, src):
    assert names(_pick(nlp, text, etype).source_actors) == src


@pytest.mark.parametrize("text, etype, tgt", _cases(
    # an actor named inside a phrase: a modifier, an owner, a maker, a holder
    ("target_named_by_its_modifier",
     "Serbia flatly rejected an Australian ultimatum.", None, ["Australian"]),
    ("thing_named_after_an_actor_in_a_complement",
     "Ruritania threatened to bomb Freedonian villages.", "THREATEN", ["Freedonian"]),
    ("modifier_actor_keeps_following_actor_nouns",
     "The army shelled a Karelian rebel stronghold.", "ASSAULT", ["Karelian rebel"]),
    ("owner_of_a_thing_is_the_target",
     "Rioters set fire to the offices of the ruling party.", "ASSAULT", ["ruling party"]),
    ("maker_of_the_object_is_the_target-calls_by",
     "The government rejected calls by the opposition for new elections.", "REJECT", ["opposition"]),
    ("maker_of_the_object_is_the_target-demands_from",
     "The cabinet accepted demands from striking workers.", "CONCEDE", ["workers"]),
    ("possessor_stands_for_its_thing",
     "The minister rejected the rebels' plan.", "REJECT", ["rebels"]),
    ("place_held_by_an_actor_is_coded_by_the_actor",
     "The army shelled villages controlled by the rebels.", "ASSAULT", ["rebels"]),
    ("place_named_after_a_common_noun_actor",
     "Ruritanian forces launched a new offensive against rebel strongholds in the north.", "ASSAULT", ["rebel"]),
    ("government_named_after_its_leader",
     "Workers went on strike to demand reforms from President Ivan Petrov's government.",
     "PROTEST", ["President Ivan Petrov"]),
    ("grievance_after_over_names_its_maker",
     "Dock workers stopped work on Monday over a pension law drafted by Labour Minister Ana Lund.",
     "PROTEST", ["Labour Minister Ana Lund"]),
    ("protest_outside_an_embassy_is_aimed_at_its_state",
     "Students demonstrated outside the Freedonian embassy.", "PROTEST", ["Freedonian embassy"]),
    ("vehicle_carrying_people_stands_for_them",
     "Gunmen opened fire on a bus carrying Freedonian pilgrims.", "ASSAULT", ["Freedonian pilgrims"]),
    ("protest_against_what_someone_does",
     "The protest against the visit of the Freedonian president turned violent.", "PROTEST", ["Freedonian president"]),
    # a target reached through a preposition, a clause or a coordination
    ("location_is_the_target_of_a_withdrawal",
     "Syria withdrew its troops from Lebanon.", "RETREAT", ["Lebanon"]),
    ("object_of_a_prepositional_object",
     "The governor reneged on her pledge of support to the unions.", "REJECT", ["unions"]),
    ("coordinated_verbs_share_the_recipient",
     "Volunteers collected and delivered blankets to the Red Cross.", "AID", ["Red Cross"]),
    ("clause_of_a_light_verb_noun_names_the_addressee",
     "The union repeated its demand that the company raise wages.", "REQUEST", ["company"]),
    ("allowed_x_to_is_the_target",
     "The court allowed the journalist Tomas Brek to leave the country.", "CONCEDE", ["Tomas Brek"]),
    ("measure_applies_to_the_place",
     "The junta declared a state of emergency in Westland on Friday.", "COERCE", ["Westland"]),
    ("purpose_clause_names_the_target-infinitive",
     "Farmers blocked highways to demand the resignation of Agriculture Minister Jan Holm.",
     "PROTEST", ["Agriculture Minister Jan Holm"]),
    ("purpose_clause_names_the_target-participle",
     "Students marched through the capital on Monday, calling for independence from Ruritania.",
     "PROTEST", ["Ruritania"]),
    ("joining_others_in_demanding",
     "Farmers rioted outside the town hall on Friday, joining students in demanding autonomy from Ruritanian rule.",
     "PROTEST", ["Ruritanian"]),
    ("threat_target_is_who_must_act",
     "The miners threatened to stage a national strike unless the government raised wages.",
     "THREATEN", ["government"]),
    ("reciprocal_parties_are_the_targets_not_the_topic",
     "Ruritania and Freedonia resumed talks on a Freedonian troop withdrawal.", "CONSULT", ["Ruritania", "Freedonia"]),
    ("unnamed_police_in_a_warning_are_the_speakers_means",
     "The governor warned that police will no longer tolerate marches by the Freedom Front.",
     "THREATEN", ["Freedom Front"]),
    ("bare_common_noun_is_no_conjoined_target",
     "The elders are willing to forgive President Ivan Petrov and queue behind him.",
     "AGREE", ["President Ivan Petrov"]),
    ("participle_on_an_event_noun-place",
     "The governor extended the nightly curfew imposed in Kingstown.", "COERCE", ["Kingstown"]),
    ("border_with_a_country_is_the_target",
     "Ruritania deployed troops along its border with Westland.", "MOBILIZE", ["Westland"]),
    ("victims_are_actors",
     "The minister apologized to the victims.", "CONCEDE", ["victims"]),
    ("attacked_thing_leading_into_a_named_place",
     "Rebels blew up two bridges leading into Kingstown on Sunday.", "ASSAULT", ["Kingstown"]),
    ("refuge_sought_in_a_country",
     "Thousands of Westland villagers sought refuge in Ruritania last month.", "REQUEST", ["Ruritania"]),
    ("controlled_subject_through_a_folded_complement",
     "Ruritania refused to allow Westland inspectors to visit the site.", "REJECT", ["Westland inspectors"]),
    ("reduced_passive_participle-accused",
     "Westland expelled two Ruritanian diplomats accused of spying.", "ACCUSE", ["Ruritanian diplomats"]),
    ("warned_addressee_is_the_target_not_the_clause_subject",
     "Ruritania warned Westland that it would use force.", "THREATEN", ["Westland"]),
    ("refusal_defies_whoever_pressed_for_it-calls_by",
     "Ruritania refused to withdraw its troops despite calls by the United Nations.", "REJECT", ["United Nations"]),
    ("refusal_defies_whoever_pressed_for_it-pressure_from",
     "Westland refused to hand over the suspects despite pressure from Ruritania.", "REJECT", ["Ruritania"]),
    ("delegation_stands_for_its_sender",
     "The president received a delegation of inspectors from the United Nations on Monday.",
     "CONSULT", ["United Nations"]),
    ("arming_another_group_is_aid",
     "Ruritania armed the rebels in the north.", "AID", ["rebels"]),
    ("returning_a_seized_ship",
     "Ruritania returned the seized ship to Freedonia.", "RETREAT", ["Freedonia"]),
    ("each_other_makes_the_sources_targets",
     "Ruritania and Freedonia accused each other of violating the truce.", "ACCUSE", ["Ruritania", "Freedonia"]),
    ("call_for_a_ceasefire_between_two_sides",
     "Ruritania called for a ceasefire between the army and the rebels.", "REQUEST", ["army", "rebels"]),
    ("planned_sanction_targets_its_object",
     "The ministry plans to impose sanctions on the company.", First("THREATEN"), ["company"]),
    ("future_cooperation_targets_the_recipient",
     "Japan will send food aid to Haiti.", First("AGREE"), ["Haiti"]),
    ("no_longer_rely_is_a_rejection",
     "Freedonia can no longer rely on Westland as a supplier of grain.", First("REJECT"), ["Westland"]),
    ("told_that_x_would_retaliate_targets_the_clause_object",
     "The minister told reporters that Westland would retaliate against Eastland.", First("THREATEN"), ["Eastland"]),
    # whose freedom is asked for
    ("own_people_freed_are_no_target",
     "Protesters demanded the release of their leader.", "REQUEST", []),
    ("own_people_freed_from_custody_target_the_captor",
     "The rebels demanded the release of their commander from Ruritanian custody.", "REQUEST", ["Ruritanian"]),
    ("own_soldiers_freed_target_the_captor",
     "Ruritania demanded the release of its soldiers captured by Freedonia.", "REQUEST", ["Freedonia"]),
    ("capture_of_own_soldiers_targets_them",
     "Ruritania demanded the release of its soldiers captured by Freedonia.", "COERCE", ["soldiers"]),
    ("number_of_people_in_a_coordination",
     "Police arrested the opposition leader and two of his aides.", "COERCE", ["opposition leader", "aides"]),
    ("released_captive_stays_the_target",
     "Two hostages were released by the rebels.", "RETREAT", ["hostages"]),
    # the extent of a target's name
    ("named_place_with_of_stays_whole",
     "Ruritania threatened to cut off gas to the autonomous republic of Westland.",
     "THREATEN", ["republic of Westland"]),
    ("target_span_extent-name_after_a_description",
     "The rebels attacked the southern provincial capital Kingstown.", "ASSAULT", ["Kingstown"]),
    ("target_span_extent-hyphenated_modifier",
     "Ruritania promised to send food aid to drought-hit Westland.", "AGREE", ["Westland"]),
    ("target_span_extent-former_title",
     "The judge ordered former minister Ana Lund to testify.", "REQUEST", ["Ana Lund"]),
    ("target_span_extent-superlative",
     "The police raided the largest Catholic organization in Westland.",
     "ASSAULT", ["Catholic organization in Westland"]),
    ("target_span_extent-possessor_of_provinces",
     "Westland may halt trade with Ruritania's southern provinces if talks fail.", "THREATEN", ["Ruritania"]),
    ("place_left_after_out_of",
     "Ruritanian forces pulled out of the town of Kingstown.", "RETREAT", ["town of Kingstown"]),
    ("deployment_off_a_coast",
     "Ruritania deployed warships off the coast of Westland.", "MOBILIZE", ["coast of Westland"]),
    ("name_in_apposition_is_the_actor",
     "Ruritania attacked its neighbour, Westland, on Monday.", "ASSAULT", ["Westland"]),
    ("name_after_a_class_noun_is_the_actor",
     "Ruritania banned the militant group Hamas.", "COERCE", ["Hamas"]),
    ("phrase_that_names_its_actor_keeps_its_head",
     "Westland expelled the UN refugee agency, UNHCR, from the country.", "COERCE", ["UN refugee agency"]),
    ("named_actor_not_the_class_after_and_other",
     "Westland accused Ruritania and other Western powers of meddling.", "ACCUSE", ["Ruritania"]),
    ("title_naming_the_group_led_is_kept_before_a_name",
     "The army arrested rebel commander Jon Brask.", "COERCE", ["rebel commander Jon Brask"]),
    ("title_naming_no_group_is_dropped_before_a_name",
     "Westland released former president Ana Lund.", "RETREAT", ["Ana Lund"]),
))
def test_target_actors(nlp, text, etype, tgt):
    assert names(_pick(nlp, text, etype).target_actors) == tgt


@pytest.mark.parametrize("text, etype, src, tgt", _cases(
    # an event noun as subject: its possessor or the sides of a clash act
    ("event_noun_subject-possessor_acts",
     "Westland's attack on Eastland killed twelve people.", None, ["Westland"], ["people"]),
    ("event_noun_subject-sides_of_a_clash_act",
     "Fresh clashes between Westland troops and rebels killed ten people.",
     None, ["Westland troops", "rebels"], ["people"]),
    ("event_noun_subject-weapon_acts",
     "A roadside bomb killed three soldiers.", None, ["roadside bomb"], ["soldiers"]),
    ("come_under_attack_from_x",
     "The convoy came under attack from rebel fighters.", None, ["rebel fighters"], ["convoy"]),
    ("war_on_points_one_way",
     "Westland declared war on Eastland.", None, ["Westland"], ["Eastland"]),
    ("own_envoy_is_no_target_the_country_left_is",
     "Westland recalled its ambassador from Eastland.", None, ["Westland"], ["Eastland"]),
    ("provided_x_with_y_x_receives",
     "Eastland provided the rebels with weapons.", None, ["Eastland"], ["rebels"]),
    ("measure_is_no_agent",
     "The president on Monday extended by one week the curfew imposed in the capital.", None, ["president"], []),
    ("delegation_from_on_the_verb_stands_for_its_sender",
     "Westland received a delegation from Eastland.", None, ["Westland"], ["Eastland"]),
    ("ordered_force_is_addressed_not_withdrawn",
     "The president ordered the army to withdraw from the province.", None, ["president"], ["army"]),
    ("told_x_to_is_a_request_of_x",
     "The minister told the rebels to leave the capital.", None, ["minister"], ["rebels"]),
    ("documents_addressee",
     "Westland sent a letter to the United Nations demanding an investigation.",
     None, ["Westland"], ["United Nations"]),
    ("concern_over_xs_programme",
     "Westland expressed concern over Eastland's nuclear programme.", None, ["Westland"], ["Eastland"]),
    ("counted_actor_is_no_measure",
     "The court convicted three opposition leaders of treason.", None, ["court"], ["opposition leaders"]),
    # the first event, of a given type
    ("passive_agent_is_source",
     "The convoy was attacked by militants.", First("ASSAULT"), ["militants"], ["convoy"]),
    ("coordinated_reciprocal_sources",
     "Israel and Egypt signed a peace treaty.", First("AGREE"), ["Israel", "Egypt"], ["Israel", "Egypt"]),
    ("must_in_report_is_request",
     "The United Nations said Israel must withdraw its troops.", First("REQUEST"), ["United Nations"], ["Israel"]),
    ("passive_agent_quantity_stays_a_phrase-accused_by",
     "Westland has been accused by rights groups of torturing prisoners.",
     First("ACCUSE"), ["rights groups"], ["Westland"]),
    # speakers, agents and reciprocal parties
    ("had_itself_to_blame_is_an_accusation_by_the_speaker",
     "Ana Lund said that Freedonia had only itself to blame.", "ACCUSE", ["Ana Lund"], ["Freedonia"]),
    ("statement_issuer_is_the_accuser",
     "The ministry released a statement. Westland was accused of arming the rebels.",
     "ACCUSE", ["ministry"], ["Westland"]),
    ("statement_issuer_is_the_speaker_of_its_participle",
     "The rebel front issued a statement demanding that the government release all prisoners.",
     "REQUEST", ["rebel front"], ["government"]),
    ("reported_obligation_of_an_unknown_verb_is_a_request",
     "Ruritania said on Monday that Westland must return the captured ship.", "REQUEST", ["Ruritania"], ["Westland"]),
    ("coordinated_nationalities_are_separate_actors",
     "Danish and Swedish ministers agreed to share radar data.", "AGREE", ["Danish", "Swedish"], ["Danish", "Swedish"]),
    ("parties_of_a_dispute_mediated_in",
     "Ruritania has offered to mediate in the dispute between Westland and Freedonia.",
     "AGREE", ["Ruritania"], ["Westland", "Freedonia"]),
    ("undertaking_named_by_an_event_noun",
     "The Arab League envoy undertook a mediation mission between Ruritania and Westland.",
     "CONSULT", ["Arab League envoy"], ["Ruritania", "Westland"]),
    ("agreeing_to_a_request_by_someone",
     "Ruritania agreed to a request by Freedonia for more troops.", "AGREE", ["Ruritania"], ["Freedonia"]),
    ("fight_against_points_one_way",
     "The rebels vowed to continue their fight against the government.", "THREATEN", ["rebels"], ["government"]),
    # passives, participles and infinitives
    ("participle_on_an_event_noun-agent",
     "The sanctions imposed on Westland by the council hurt its economy.", "SANCTION", ["council"], ["Westland"]),
    ("reduced_passive_participle-backed",
     "The rebels, backed by Ruritania, seized the town of Kingstown.", "SUPPORT", ["Ruritania"], ["rebels"]),
    ("passive_relative_clause_targets_its_noun",
     "Westland demanded the return of a ship that was seized by Ruritanian forces.",
     "COERCE", ["Ruritanian forces"], ["ship"]),
    ("agent_hung_on_the_infinitive_of_a_passive",
     "Refugees were allowed to return by Ruritanian authorities.", "CONCEDE", ["Ruritanian authorities"], ["Refugees"]),
    ("passive_subject_does_the_infinitive",
     "Aid workers were allowed to visit the camps by the government.", "CONSULT", ["Aid workers"], []),
    ("expected_to_attack_is_a_threat_by_the_subject",
     "Ruritania is expected to attack Freedonia.", "THREATEN", ["Ruritania"], ["Freedonia"]),
    ("event_noun_in_a_passive_with_phrase_befalls_the_subject",
     "Ruritania was hit with new sanctions by the European Union.", "SANCTION", ["European Union"], ["Ruritania"]),
    ("stative_participle_subject_is_the_source",
     "Westland is committed to the peace process.", "AGREE", ["Westland"], []),
    ("committed_atrocities_is_an_assault",
     "The militia committed atrocities against civilians.", "ASSAULT", ["militia"], ["civilians"]),
    ("withdrawn_forces_are_the_source_of_a_passive_retreat",
     "Ruritanian troops were withdrawn from Westland on Monday.", "RETREAT", ["Ruritanian troops"], ["Westland"]),
    ("where_forces_were_stationed_is_the_place_they_leave",
     "Half of the soldiers stationed in Westland were pulled out last week.", "RETREAT", ["soldiers"], ["Westland"]),
    ("state_where_an_agentless_arrest_happened_is_the_source",
     "A Westland journalist was arrested in Ruritania for spying.", "COERCE", ["Ruritania"], ["Westland journalist"]),
    ("withdrawal_of_own_forces_is_by_the_subject",
     "Ruritania speeded up the withdrawal of its troops from Westland.", "RETREAT", ["Ruritania"], ["Westland"]),
    ("condemnation_of_a_thing_named_after_its_owner",
     "Ruritania's condemnation of the Freedonian decision was swift.", "ACCUSE", ["Ruritania"], ["Freedonian"]),
    ("shelling_of_positions_named_after_an_actor",
     "The army's shelling of rebel positions continued overnight.", "ASSAULT", ["army"], ["rebel"]),
))
def test_source_and_target_actors(nlp, text, etype, src, tgt):
    ev = _pick(nlp, text, etype)
    assert names(ev.source_actors) == src
    assert names(ev.target_actors) == tgt


@pytest.mark.parametrize("text, etype, src, tgt", _cases(
    # a reaction to a deed is aimed at whoever did it
    ("reaction_to_a_deed-participle_agent",
     "Freedonia denounced the tariffs imposed by Ruritania.", "ACCUSE", ["Freedonia"], ["Ruritania"]),
    ("reaction_to_a_deed-by_on_the_of_object",
     "Westland condemned the bombing of a mosque by Freedonian jets.", "ACCUSE", ["Westland"], ["Freedonian"]),
    ("reaction_to_a_deed-done_to_a_person",
     "Freedonia condemned the execution of a dissident by Ruritanian authorities.",
     "ACCUSE", ["Freedonia"], ["Ruritanian authorities"]),
    ("inquiry_into_a_deed",
     "The commission opened a probe into the beating of students by police.", "ACCUSE", ["commission"], ["police"]),
    ("inquiry_into_a_complaint_that_x_did",
     "The panel began an inquiry into a complaint by the opposition that the army had rigged the vote.",
     First("ACCUSE"), ["panel"], ["army"]),
    # verbs of receiving and of drawing a reaction
    ("received_aid_from_y",
     "Freedonia received military aid from Ruritania.", "AID", ["Ruritania"], ["Freedonia"]),
    ("faces_sanctions_from_y",
     "Westland faces new sanctions from the African Union.", "SANCTION", ["African Union"], ["Westland"]),
    ("deed_drew_condemnation-its_doer_is_the_target",
     "Freedonia's raid on the border town drew sharp condemnation.", "ACCUSE", [], ["Freedonia"]),
    ("drew_criticism_from_y",
     "Ruritania drew criticism from Westland for its handling of the talks.", "ACCUSE", ["Westland"], ["Ruritania"]),
    # passives and "under"
    ("passive_struck_by_a_wave_of_an_event_noun",
     "Kingstown was rocked by a wave of air strikes carried out by Ruritania.",
     "ASSAULT", ["Ruritania"], ["Kingstown"]),
    ("placed_x_under_arrest",
     "The junta placed the former premier under house arrest.", "COERCE", ["junta"], ["former premier"]),
    ("was_placed_under_arrest",
     "The former premier was placed under house arrest.", "COERCE", [], ["former premier"]),
    # pronouns, relatives and one's own envoy
    ("pronoun_subject_of_a_warning_is_the_speaker",
     "Westland warned that it would respond to any incursion by Freedonia.",
     "THREATEN", ["Westland"], ["Freedonia"]),
    ("relative_object_pronoun_stands_for_its_noun",
     "The engineers whom the militia had abducted were freed.", "ASSAULT", ["militia"], ["engineers"]),
    ("own_envoy_recalled_in_protest-the_protested_owner",
     "Ruritania recalled its envoy in protest at Westland's decision.", "SANCTION", ["Ruritania"], ["Westland"]),
    # event nouns
    ("sides_of_a_clash_on_the_verb",
     "Clashes erupted between police and farmers in the north.",
     "ASSAULT", ["police", "farmers"], ["police", "farmers"]),
    ("hostile_noun_object_aimed_through_the_verb",
     "The rebels laid siege to the town of Kingstown.", "COERCE", ["rebels"], ["town of Kingstown"]),
    ("from_names_who_makes_a_threat",
     "Ruritania raised its alert level after threats from Freedonia.", "THREATEN", ["Freedonia"], []),
    ("infinitive_content_of_an_event_noun",
     "Westland's refusal to negotiate with the insurgents angered the UN.", "REJECT", ["Westland"], ["insurgents"]),
    # things exchanged, places aimed at, whom help is for
    ("thing_exchanged_is_no_party",
     "Ruritania exchanged prisoners with Freedonia on Monday.",
     "COOPERATE", ["Ruritania", "Freedonia"], ["Ruritania", "Freedonia"]),
    ("partner_named_on_the_exchanged_thing",
     "Ruritania shared intelligence with Westland on the smugglers.",
     "COOPERATE", ["Ruritania", "Westland"], ["Ruritania", "Westland"]),
    ("targets_named_after_an_actor",
     "Ruritanian jets carried out air strikes on rebel targets.", "ASSAULT", ["Ruritanian"], ["rebel"]),
    ("aid_for_those_a_purpose_clause_helps",
     "Freedonia sent arms to help the insurgents.", First("AID"), ["Freedonia"], ["insurgents"]),
    ("several_of_a_group_in_a_coordination",
     "The junta arrested the opposition leader and several of his aides.",
     "COERCE", ["junta"], ["opposition leader", "aides"]),
))
def test_target_structures(nlp, text, etype, src, tgt):
    ev = _pick(nlp, text, etype)
    assert names(ev.source_actors) == src
    assert names(ev.target_actors) == tgt


@pytest.mark.parametrize("text, etype, src, tgt", _cases(
    # relatives and clefts
    ("whose_forces_act_for_the_antecedent",
     "Westland, whose troops shelled the village on Monday, denied any wrongdoing.",
     "ASSAULT", ["Westland"], ["village"]),
    ("cleft_focus_is_the_source",
     "It was Freedonia that attacked the convoy.", "ASSAULT", ["Freedonia"], ["convoy"]),
    # a pronoun addressee: nothing in the infinitive is the target
    ("pronoun_addressee_leaves_no_target",
     "The envoy met the rebel chiefs and urged them to free the hostages.", "REQUEST", ["envoy"], []),
    # sums of money and what they are given as
    ("sum_of_money_given_to_x",
     "Westland gave $50 million to Freedonia.", "AID", ["Westland"], ["Freedonia"]),
    ("sum_in_aid_object_of_a_light_verb",
     "The EU announced $2 billion in aid to Freedonia.", "AID", ["EU"], ["Freedonia"]),
    ("peacekeepers_sent_are_aid",
     "Westland sent 500 peacekeepers to Freedonia.", "AID", ["Westland"], ["Freedonia"]),
    # a meeting promised by its tense is one side's promise, as "agreed to meet" is
    ("future_meeting_is_a_promise_to_the_other",
     "Westland will meet the rebel leaders next week.", "AGREE", ["Westland"], ["rebel leaders"]),
    # the doer of a deed that someone is held to account for or asked for
    ("blamed_x_for_a_deed-x_did_it",
     "Freedonia blamed Westland for the bombing.", "ASSAULT", ["Westland"], []),
    ("thanked_x_for_its_help-x_helped",
     "The UN thanked Ruritania for its assistance to the refugees.", "AID", ["Ruritania"], ["refugees"]),
    ("by_phrase_hung_on_the_of_object",
     "The arrest of the opposition leader by security forces sparked protests.",
     "COERCE", ["security forces"], ["opposition leader"]),
    ("reaction_drawn_by_a_deed_with_a_misplaced_by",
     "The arrest of the opposition leader by security forces sparked protests.",
     "PROTEST", [], ["security forces"]),
    # what control is seized of; people named by their trade
    ("seized_control_of_a_place",
     "The army seized control of the airport.", "COERCE", ["army"], ["airport"]),
    ("a_trade_is_a_person",
     "Gunmen kidnapped a Freedonian engineer.", "ASSAULT", ["Gunmen"], ["Freedonian engineer"]),
    ("a_countrys_standing_stands_for_it",
     "Eastland recognized the independence of Westland.", "SUPPORT", ["Eastland"], ["Westland"]),
    ("forces_that_mass_mobilize",
     "Freedonian troops massed on the border with Westland.", "MOBILIZE", ["Freedonian troops"], ["Westland"]),
))
def test_relatives_sums_and_deeds(nlp, text, etype, src, tgt):
    ev = _pick(nlp, text, etype)
    assert names(ev.source_actors) == src
    assert names(ev.target_actors) == tgt


def test_sum_of_money_is_economic_aid_only_with_a_recipient(nlp):
    ev = _typed(code(nlp, "Eastland granted 20 million euros to the Westland government."), "AID")
    assert ev.mode == "economic" and names(ev.target_actors) == ["Westland government"]
    # a sum put towards a purpose names no one helped
    evs = code(nlp, "The firm contributed $5 million to fund the search.")
    assert not any("contributed" in e.trigger.text for e in evs)


@pytest.mark.parametrize("text", [
    "Westland asked for help to fight the epidemic.",
    "Firefighters battled the blaze for hours.",
    "The fight against malaria has stalled.",
])
def test_fighting_an_ill_is_no_assault(nlp, text):
    assert "ASSAULT" not in [e.type for e in code(nlp, text)]


def test_high_alert_is_mobilization(nlp):
    ev = _typed(code(nlp, "Ruritania put its army on high alert."), "MOBILIZE")
    assert names(ev.source_actors) == ["Ruritania"]


def test_purpose_of_the_same_type_is_one_event(nlp):
    evs = code(nlp, "Thousands of students marched through the capital to protest against the new law.")
    assert [e.type for e in evs] == ["PROTEST"]
    evs = code(nlp, "Farmers blocked roads across the country in protest against the tax.")
    assert [e.type for e in evs] == ["PROTEST"]


@pytest.mark.parametrize("text, etype, side, name, present", _cases(
    ("agentless_reciprocal_passive_takes_the_parties",
     "A border treaty was signed between Ruritania, Westland and Freedonia.",
     "AGREE", "source_actors", "Ruritania", True),
    ("target_span_extent-coordinated_party",
     "The rebels said the president and his ruling party must resign.",
     "REQUEST", "target_actors", "ruling party", True),
    ("partner_named_on_a_prepositional_object",
     "The rebels agreed to a ceasefire with government forces.", "AGREE", "target_actors", "government forces", True),
    ("on_behalf_of_names_no_target",
     "Ruritania negotiated on behalf of the rebels with the government.", "CONSULT", "target_actors", "rebels", False),
))
def test_actor_named_on_a_side(nlp, text, etype, side, name, present):
    """Whether one name is among the sources or targets, where the rest of the side is free."""
    assert (name in names(getattr(_typed(code(nlp, text), etype), side))) == present


# --------------------------------------------------------------------------- several checks on one sentence

def test_untyped_happening_is_an_event_with_type_null(nlp):
    evs = code(nlp, "Nearly 30,000 Freedonians fled the island within a month.")
    flight = [e for e in evs if e.trigger.text == "fled"]
    assert flight and flight[0].type is None and names(flight[0].source_actors) == ["Freedonians"]


def test_no_happening_without_a_trigger(nlp):
    assert all(e.type is not None for e in code(nlp, "The weather in the capital was mild."))


def test_coordinated_persons_meet(nlp):
    evs = code(nlp, "Shortly before the invasion of Borduria, Ana Lund and Jon Brask met in Kingstown.")
    met = [e for e in evs if e.trigger.text == "met"][0]
    assert set(names(met.source_actors)) == {"Ana Lund", "Jon Brask"}
    assert "Borduria" not in names(met.source_actors)


def test_counterfactual_nouns_are_hypothetical(nlp):
    evs = code(nlp, "If Westland had honoured the truce, the massacre would not have happened.")
    assert evs and all(e.modality == "hypothetical" for e in evs)


def test_ceasefire_that_holds_is_no_event(nlp):
    evs = code(nlp, "Ceasefire along the river holds as talks resume")
    assert not [e for e in evs if e.trigger.text == "Ceasefire"]


def test_place_is_no_discussion_partner(nlp):
    evs = code(nlp, "The ministers met to discuss the reopening of the Palanca border crossing.")
    assert not any("crossing" in a.text for e in evs for a in e.target_actors)


def test_same_side_is_no_target_of_a_warning():
    from newsledger.nlp.pipeline import Analyzer

    doc = Analyzer().nlp("Turkish officials warned that the Turkish troops stationed in the area would remain.")
    ev = [e for e in doc._.events if e.type == "THREATEN"][0]
    assert ev.type == "THREATEN" and not any("troops" in a.text for a in ev.target_actors)


def test_an_event_noun_that_only_dates_another_is_no_event(nlp):
    """"Just before the shelling" names a happening to date the closing by; it is
    not told again there."""
    text = "Just before the shelling, the council closed the old bridge."
    anchored = Timex(0, 23, text[0:23], "DATE", "2031-03-04", mod="BEFORE", anchor="event")
    assert "shelling" in [e.trigger.text for e in code(nlp, text)]
    assert "shelling" not in [e.trigger.text for e in code(nlp, text, timexes=[anchored])]


def test_hyphenated_complement_verb_is_folded(nlp):
    """"re-open" split by the parser into a run of complements: the last part carries the
    arguments, and its recipient is no reciprocal party of "agree"."""
    ev = _typed(code(nlp, "Westland has agreed to re-open its borders to Ruritanian refugees."), "AGREE")
    assert "open" in ev.trigger.text
    assert names(ev.source_actors) == ["Westland"]
    assert names(ev.target_actors) == ["Ruritanian refugees"]


def test_span_never_cuts_a_hyphenated_name(nlp):
    """A parse (as the model gives for some names) that hangs the last part of a hyphenated
    name on the first as an apposition."""
    from spacy.tokens import Doc

    from newsledger.nlp.event_coding import syntax as sx

    words = ["The", "court", "freed", "Ali", "Abd", "-", "ur", "-", "Rahman", "."]
    spaces = [True, True, True, True, False, False, False, False, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=[1, 2, 2, 4, 2, 4, 8, 8, 4, 2],
              deps=["det", "nsubj", "ROOT", "compound", "dobj", "punct", "compound", "punct", "appos", "punct"],
              pos=["DET", "NOUN", "VERB", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "NOUN", "PUNCT"],
              ents=["O", "O", "O", "B-PERSON"] + ["I-PERSON"] * 5 + ["O"])
    lo, hi = sx.np_bounds(doc[4])
    assert doc[lo:hi].text == "Ali Abd-ur-Rahman"


def test_title_then_name_is_one_actor(nlp):
    """"The Minister for Trade Ana Lund": the name, an apposition with no comma, belongs
    to the title's span."""
    from spacy.tokens import Doc

    from newsledger.nlp.event_coding.coder import Coder

    doc = Doc(nlp.vocab, words=["The", "Minister", "for", "Trade", "Ana", "Lund", "resigned", "."],
              heads=[1, 6, 1, 2, 5, 1, 6, 6], deps=["det", "nsubj", "prep", "pobj", "compound", "appos", "ROOT", "punct"],
              pos=["DET", "PROPN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
              ents=["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert Coder(doc, [], [], [], []).actor_ref(doc[1]).text == "Minister for Trade Ana Lund"


def test_stranded_preposition_takes_its_object(nlp):
    # a noun phrase the parser made the subject of the following participle (a parse the
    # model gives "granted asylum to five officers holed up in ...")
    from spacy.tokens import Doc

    from newsledger.nlp.event_coding import syntax as sx

    words = ["Westland", "granted", "asylum", "to", "five", "officers", "holed", "up", "in", "Kingstown", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 1, 5, 6, 1, 6, 6, 8, 1],
              deps=["nsubj", "ROOT", "dobj", "prep", "nummod", "nsubj", "advcl", "prt", "prep", "pobj", "punct"],
              pos=["PROPN", "VERB", "NOUN", "ADP", "NUM", "NOUN", "VERB", "ADP", "ADP", "PROPN", "PUNCT"],
              tags=["NNP", "VBD", "NN", "IN", "CD", "NNS", "VBD", "RP", "IN", "NNP", "."])
    assert [g.text for _, g in sx.preps(doc[1], "to")] == ["officers"]
    # a shared object after a coordination ("to and ... in X")
    ev = _typed(code(nlp, "Ruritania sent aid to and opened a consulate in Westland."), "AID")
    assert names(ev.target_actors) == ["Westland"]


def test_patient_of_a_requested_event_noun(nlp):
    ev = _typed(code(nlp, "Amnesty International called for the release of the jailed journalist Ivan Petrov."),
                "REQUEST")
    assert len(ev.target_actors) == 1 and ev.target_actors[0].text.endswith("Ivan Petrov")


def test_an_actor_is_not_its_own_target(nlp):
    evs = code(nlp, "Ruritania announced it would deny visas to Ruritania to all foreigners undermining order.")
    assert evs
    for ev in evs:
        assert "Ruritania" not in names(ev.target_actors)


def test_noun_inside_a_hyphenated_modifier_is_no_event(nlp):
    evs = code(nlp, "Ruritania promised to send aid to war-torn Westland.")
    assert "war" not in [e.trigger.text for e in evs]


def test_intent_owner_and_verbal_noun_content(nlp):
    # "X's refusal to withdraw its troops": X withdraws; the troops are no target of the refusal
    evs = {e.type: e for e in code(nlp, "Eastland's refusal to withdraw its troops angered Westland.")}
    assert names(evs["REJECT"].source_actors) == ["Eastland"] and evs["REJECT"].target_actors == []
    assert names(evs["RETREAT"].source_actors) == ["Eastland"]
    evs = {e.type: e for e in code(nlp, "Westland condemned Eastland's decision to expel its diplomats.")}
    assert names(evs["SANCTION"].source_actors) == ["Eastland"]


# --------------------------------------------------------------------------- token arrays and candidates

_ARRAY_TEXTS = (
    "The rebels were not attacked by Ruritania in May, according to the ministry.\n"
    "Westland said it would withdraw its troops and lift the blockade of Kingstown. "
    "Talks between the two sides, held in a war-torn town, collapsed after the shelling.",
    "Officials are committed to opening the border. The army, backed by Westland, staged an offensive.",
)


def test_doc_table_agrees_with_the_tokens(nlp):
    from newsledger.nlp.event_coding.doctable import DocTable

    for text in _ARRAY_TEXTS:
        doc = nlp(text)
        table = DocTable(doc)
        every = list(range(len(doc)))
        assert table.attributes(every) == [(t.i, t.pos_, t.dep_, t.lemma_.lower(), t.lower_) for t in doc]
        assert table.forms(every) == [(t.i, t.lemma_.lower(), t.lower_) for t in doc]
        assert table.head == [t.head.i for t in doc]
        for t in doc:
            assert table.sentence(t.i) == t.sent
            assert table.depth(t.i) == sum(1 for _ in t.ancestors)
            assert all(table.dominates(t.i, k) == (doc[k] in t.subtree) for k in every)
        assert table.with_pos(("VERB", "AUX")) == [t.i for t in doc if t.pos_ in ("VERB", "AUX")]
        assert table.with_pos(("NOUN",), not_deps=("compound",)) == [
            t.i for t in doc if t.pos_ == "NOUN" and t.dep_ != "compound"]
        for sent in doc.sents:
            assert table.with_lower("the", sent.start, sent.end) == [t.i for t in sent if t.lower_ == "the"]


def test_candidates_keep_every_token_the_readings_take(nlp):
    """The string tests that pick candidates before the dependents are looked at never
    drop a token that :func:`verb_reading` or :func:`noun_entry` would read."""
    from newsledger.nlp.event_coding.coder import Coder
    from newsledger.nlp.event_coding.readings import may_read, noun_entry, verb_reading

    lex = load_lexicon()
    for text in _ARRAY_TEXTS:
        doc = nlp(text)
        coder = Coder(doc, [], [], [], [])
        read = [t.i for t in doc if verb_reading(t, lex) is not None]
        assert read and set(read) <= set(coder._predicates)
        assert all(may_read(doc[i].pos_, doc[i].dep_, doc[i].lemma_.lower(), doc[i].lower_, lex) for i in read)
        nouns = [t.i for t in doc if t.pos_ == "NOUN" and t.dep_ not in ("compound", "amod", "nmod", "poss")
                 and noun_entry(t, lex) is not None]
        assert nouns and set(nouns) <= set(coder._nouns)
        # and a word the lexicon does not know is no candidate
        assert not may_read("VERB", "ROOT", "frobnicate", "frobnicated", lex)


def test_memories_are_bounded(monkeypatch):
    from newsledger.nlp.event_coding import doctable, readings

    lex = parse_lexicon("verb\tattack\tASSAULT\t-\t18\t-9\t-\t-\n")
    monkeypatch.setattr(readings, "MEMORY_LIMIT", 10)
    for k in range(50):
        assert readings.verb_lemma(f"word{k}", f"word{k}ed", lex) == f"word{k}"
    assert len(lex.verb_lemmas) <= 11
    assert readings.verb_lemma("attack", "attacked", lex) == "attack"
    assert readings.verb_lemma("attacke", "attacked", lex) == "attack"   # a lemmatizer's miss

    from spacy.strings import StringStore

    strings = StringStore([f"s{k}" for k in range(50)])
    monkeypatch.setattr(doctable, "MEMORY_LIMIT", 10)
    monkeypatch.setattr(doctable, "_STRINGS", {})
    for k in range(50):
        assert doctable._strings([strings[f"s{k}"]], strings) == [f"s{k}"]
    assert len(doctable._STRINGS) <= 11


def test_an_agreement_won_or_secured_is_the_subjects_own(nlp):
    # a verb of receiving with an agreement, or with a "with" party, is no receiving:
    # the subject is a party to the deal
    ev = main(nlp, "Valdoria secured a trade pact with Osterland.")
    assert ev.type == "AGREE" and names(ev.source_actors) == ["Valdoria"] and names(ev.target_actors) == ["Osterland"]
    ev = main(nlp, "The union won a deal with the company.")
    assert ev.type == "AGREE" and names(ev.source_actors) == ["union"]
    ev = main(nlp, "Valdoria received aid from Osterland.")
    assert ev.type == "AID" and names(ev.source_actors) == ["Osterland"] and names(ev.target_actors) == ["Valdoria"]


def test_payments_and_credit_are_no_aid(nlp):
    for text in ("The publisher paid 2 million dollars to the author for the memoir.",
                 "The treasury transferred $15 million to the pension fund.",
                 "The manager gave credit to the young defenders."):
        assert not [e for e in code(nlp, text) if e.type == "AID"], text
    ev = main(nlp, "The kingdom gave $20 million to the flood victims.")
    assert ev.type == "AID" and ev.mode == "economic"


def test_whose_relative_takes_the_owner_only_for_its_forces(nlp):
    ev = main(nlp, "The mayor, whose nephew assaulted a photographer, stepped down on Friday.")
    assert ev.type == "ASSAULT" and names(ev.source_actors) == ["nephew"]
    ev = main(nlp, "Valdoria, whose soldiers shelled the harbour, rejected the report.")
    assert ev.type == "ASSAULT" and names(ev.source_actors) == ["Valdoria"]


def test_sending_civilian_craft_or_staff_is_no_mobilisation(nlp):
    for text in ("The ferry company sent a ship to pick up the stranded tourists.",
                 "The utility sent personnel to fix the power lines.",
                 "The council sent police to the concert hall."):
        assert not [e for e in code(nlp, text) if e.type == "MOBILIZE"], text
    ev = main(nlp, "Valdoria sent a brigade to the frontier.")
    assert ev.type == "MOBILIZE"


def test_high_alert_is_mobilisation_only_for_forces(nlp):
    for text in ("Clinics are on high alert for a flu outbreak.",
                 "The exchange was on red alert for cyber fraud."):
        assert not [e for e in code(nlp, text) if e.type == "MOBILIZE"], text
    for text in ("The navy was placed on full alert.", "Valdoria put its army on high alert."):
        assert [e for e in code(nlp, text) if e.type == "MOBILIZE"], text


def test_purpose_with_a_party_of_its_own_is_told(nlp):
    evs = code(nlp, "The mediator met tribal elders to negotiate with the governor.")
    consult = [e for e in evs if e.type == "CONSULT"]
    assert len(consult) == 2
    assert any("governor" in names(e.source_actors) + names(e.target_actors) for e in consult)
    evs = code(nlp, "Thousands marched through the city to protest against the new levy.")
    assert len([e for e in evs if e.type == "PROTEST"]) == 1


def test_fighting_fire_is_fighting(nlp):
    ev = main(nlp, "The brigade fought fire with mortars.")
    assert ev.type == "ASSAULT"
    assert not code(nlp, "Firefighters battled the wildfire for a week.")
