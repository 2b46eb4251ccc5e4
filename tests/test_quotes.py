"""The claims (attribution) stage on hand-made sentences: claims found, non-claims not."""

from __future__ import annotations

import pytest

from newsledger.model import Actor, Span
from newsledger.nlp.claims import find_quotes, reporting_verbs
from newsledger.nlp.claims.lexicon import parse_lexicon
from newsledger.nlp.quotes import find_claims


@pytest.fixture(scope="session")
def bare_nlp():
    """The spaCy model alone (our stages run by hand), loaded once per session."""
    from newsledger.nlp.model_loader import load_model

    return load_model()


def claims_of(bare_nlp, text, **kwargs):
    doc = bare_nlp(text)
    claims = find_claims(doc, [], **kwargs)
    for c in claims:  # every span indexes the text
        for span in (c.speaker, c.cue, c.content, c.sentence):
            if span is not None:
                assert text[span.start:span.end] == span.text
    return claims


def only(claims):
    assert len(claims) == 1, claims
    return claims[0]


# ---------------------------------------------------------------------------
# direct quotations


def test_direct_curly_quote_before_attribution(bare_nlp):
    c = only(claims_of(bare_nlp, "“We were there under legitimate pretenses,” Figueroa told reporters."))
    assert c.kind == "direct"
    assert c.speaker.text == "Figueroa"
    assert c.cue.text == "told"
    assert c.content.text == "“We were there under legitimate pretenses,”"


def test_direct_quote_split_by_attribution_is_one_claim(bare_nlp):
    text = '"My hope," he said, "is that the Senate will act."'
    c = only(claims_of(bare_nlp, text))
    assert c.kind == "direct"
    assert c.speaker.text == "he"
    assert c.content.start == 0 and c.content.end == len(text)


def test_direct_quote_over_two_sentences(bare_nlp):
    text = "Trump said, “When people come back from war, you are strong. But a lot of people can’t handle it.”"
    c = only(claims_of(bare_nlp, text))
    assert c.kind == "direct"
    assert c.speaker.text == "Trump"
    assert c.content.text.startswith("“When people") and c.content.text.endswith("handle it.”")


def test_inverted_attribution_after_quote(bare_nlp):
    text = "“Do I think that it’s a huge deal? No,” said Obama."
    c = only(claims_of(bare_nlp, text))
    assert c.speaker.text == "Obama" and c.kind == "direct"


def test_quote_signed_with_a_dash(bare_nlp):
    text = "People wrote in.\n“Trump must stop portraying us as gangsters.” ― Carla Sanchez\n"
    c = only(claims_of(bare_nlp, text))
    assert c.speaker.text == "Carla Sanchez"
    assert c.cue.text == "―"
    assert c.kind == "direct"


def test_find_quotes_marks():
    text = 'He said “one two three four” and "five six" and \'\'seven eight\'\'.'
    spans = [text[q.start:q.end] for q in find_quotes(text)]
    assert spans == ["“one two three four”", '"five six"', "''seven eight''"]


def test_find_quotes_over_paragraphs():
    text = "“First paragraph of the speech\n\n“Second paragraph,” she said."
    qs = find_quotes(text)
    assert len(qs) == 2 and not qs[0].closed and qs[1].closed


# ---------------------------------------------------------------------------
# indirect speech and its relatives


def test_indirect_that_clause(bare_nlp):
    c = only(claims_of(bare_nlp, "The senator said that the bill would fail."))
    assert c.kind == "indirect"
    assert c.speaker.text == "The senator"
    assert c.content.text == "that the bill would fail"
    assert c.sentence.text == "The senator said that the bill would fail."
    assert not c.negated


def test_mixed_quote(bare_nlp):
    c = only(claims_of(bare_nlp, "She said the plan was “a disaster for families.”"))
    assert c.kind == "mixed"
    assert c.content.text == "the plan was “a disaster for families.”"


@pytest.mark.parametrize("verb", ["claimed", "warned", "insisted", "argued", "believes", "announced", "stressed"])
def test_reporting_verbs(bare_nlp, verb):
    c = only(claims_of(bare_nlp, f"The minister {verb} that the talks had failed."))
    assert c.cue.text == verb and c.speaker.text == "The minister"


def test_call_with_quoted_label(bare_nlp):
    c = only(claims_of(bare_nlp, "The opposition calls the new levy “a tax on bread”."))
    assert c.cue.text == "calls" and c.kind == "mixed"


def test_according_to(bare_nlp):
    c = only(claims_of(bare_nlp, "The economy grew 3 percent last year, according to the central bank."))
    assert c.kind == "according-to"
    assert c.speaker.text == "the central bank"
    assert c.cue.text == "according to"
    assert c.content.text == "The economy grew 3 percent last year"


def test_in_someones_view(bare_nlp):
    c = only(claims_of(bare_nlp, "In the minister's view, the treaty is dead."))
    assert c.kind == "according-to"
    assert c.speaker.text == "the minister"
    assert c.content.text == "the treaty is dead"


def test_passive_is_said_to_has_no_speaker(bare_nlp):
    c = only(claims_of(bare_nlp, "The treasurer is said to have fled the country."))
    assert c.speaker is None
    assert "fled the country" in c.content.text


def test_impersonal_it_was_reported(bare_nlp):
    c = only(claims_of(bare_nlp, "It was reported that the talks had collapsed."))
    assert c.speaker is None
    assert c.content.text == "that the talks had collapsed"


def test_passive_with_agent(bare_nlp):
    c = only(claims_of(bare_nlp, "It was announced by the ministry that the border would close."))
    assert c.speaker.text == "the ministry"


def test_negated_cues(bare_nlp):
    c = only(claims_of(bare_nlp, "He did not say whether he would run."))
    assert c.negated and c.content.text == "whether he would run"
    c = only(claims_of(bare_nlp, "The ministry denied that troops had crossed the border."))
    assert c.negated and c.speaker.text == "The ministry"


def test_shared_subject_of_participle(bare_nlp):
    claims = claims_of(bare_nlp, "She referred to the drought in Westland, stating that its harvest has proven poor.")
    c = only(claims)
    assert c.cue.text == "stating" and c.speaker.text == "She"


def test_speaker_full_noun_phrase(bare_nlp):
    c = only(claims_of(bare_nlp, "A soldier who was stationed in the town of Zenda claimed that his officers had fled."))
    assert c.speaker.text == "A soldier who was stationed in the town of Zenda"


# ---------------------------------------------------------------------------
# speaker names and actors


def test_pronoun_speaker_resolved_to_previous_person(bare_nlp):
    text = "Maria Lopez runs the clinic. She said the funding had dried up."
    c = only(claims_of(bare_nlp, text))
    assert c.speaker.text == "She"
    assert c.speaker_name == "Maria Lopez"


def test_surname_resolves_to_full_name(bare_nlp):
    text = ("The campaign is run by Melezia Figueroa. Figueroa arrived late on Monday. "
            "She said the campaign would go on.")
    claims = claims_of(bare_nlp, text)
    assert claims and claims[-1].speaker_name == "Melezia Figueroa"


def test_speaker_actor_from_overlapping_mention(bare_nlp):
    text = "The Chilean government believes that Lima has pushed its fishing claims too far."
    doc = bare_nlp(text)
    start = text.index("Chilean")
    actor = Actor(id="chile-gov", name="Chile (government)", kind="government",
                  mentions=[Span.of(text, start, start + len("Chilean government"))])
    other = Actor(id="peru-gov", name="Peru (government)", kind="government",
                  mentions=[Span.of(text, text.index("Lima"), text.index("Lima") + 4)])
    c = only(find_claims(doc, [actor, other]))
    assert c.speaker_actor == "chile-gov"


# ---------------------------------------------------------------------------
# non-claims


@pytest.mark.parametrize("text", [
    "Everything went according to plan.",
    "Results came in according to schedule.",
    "The things said at the debate were forgotten.",
    "A group called Friends of the Earth held a rally.",
    "He held the door for the minister.",
    "She noted the date in her diary.",
    "The police were called to the scene.",
    "Prices rose by 4 percent in March.",
    "The so-called experts arrived late.",
])
def test_non_claims(bare_nlp, text):
    assert claims_of(bare_nlp, text) == []


def test_cue_inside_a_quotation_is_not_a_new_claim(bare_nlp):
    c = only(claims_of(bare_nlp, "“They told us that the bridge was safe,” the mayor said."))
    assert c.speaker.text == "the mayor"


def test_empty_text(bare_nlp):
    assert claims_of(bare_nlp, "") == []
    assert claims_of(bare_nlp, "   \n ") == []


# ---------------------------------------------------------------------------
# follow-on quotations and the lexicon


def test_follow_on_quote_merged_or_separate(bare_nlp):
    text = ("Firefly stated that Sylvania had only itself to blame. "
            "“If Sylvania wanted the islands back, why did it sell them?”")
    merged = claims_of(bare_nlp, text)
    assert len(merged) == 1 and merged[0].content.text.endswith("sell them?”")
    separate = claims_of(bare_nlp, text, separate_follow_on=True)
    assert len(separate) == 2
    quote = separate[1]
    assert quote.cue is None and quote.kind == "direct"
    assert quote.speaker_name == "Firefly"
    assert separate[0].content.text == "that Sylvania had only itself to blame"


def test_lexicon_loads_and_parses():
    lex = reporting_verbs()
    assert {"say", "claim", "believe", "accuse", "deny", "warn"} <= set(lex)
    parsed = parse_lexicon("# comment\nlemma\tframes\tclass\nsay\tC\tspeech\nsay\tO\tspeech\nurge\tX\n")
    assert parsed["say"].frames == frozenset("CO")
    assert parsed["urge"].kind == "speech"


def test_pipeline_component(bare_nlp):
    import spacy

    from newsledger.nlp import components  # noqa: F401  (registers the factories)

    bare_nlp.add_pipe("newsledger_quotes", name="test_quotes_stage")
    try:
        doc = bare_nlp("The senator said that the bill would fail.")
        assert [c.cue.text for c in doc._.claims] == ["said"]
    finally:
        bare_nlp.remove_pipe("test_quotes_stage")
    assert isinstance(spacy.__version__, str)


# ---------------------------------------------------------------------------
# noun cues, statements whose words follow, passives with an agent


def test_statement_then_content_in_next_sentence(bare_nlp):
    text = ("After the border closed, the Ruritanian Foreign Ministry released a statement along the same lines. "
            "Westland was accused of hoarding grain.")
    c = only(claims_of(bare_nlp, text))
    assert c.cue.text == "released a statement"
    assert c.speaker.text == "the Ruritanian Foreign Ministry"
    assert c.content.text.startswith("Westland was accused")


def test_statement_issued_is_one_claim_with_the_next_sentence(bare_nlp):
    # "issue" is a cue of its own (its object is what was said): with a statement noun whose
    # words follow, the two readings are one claim
    text = "On Monday the Westland embassy issued a statement. Freedonia was blamed for the blackout."
    c = only(claims_of(bare_nlp, text))
    assert c.cue.text == "issued a statement"
    assert c.content.text.startswith("Freedonia was blamed")


def test_statement_followed_by_own_attribution_is_not_taken(bare_nlp):
    text = "The ministry released a statement. The mayor said the bridge was safe."
    claims = claims_of(bare_nlp, text)
    assert [c.speaker.text for c in claims] == ["The mayor"]


def test_noun_cue_with_that_clause(bare_nlp):
    c = only(claims_of(bare_nlp, "Trump's claim that the election was rigged drew criticism."))
    assert c.speaker.text == "Trump"
    assert c.content.text == "that the election was rigged"
    assert c.cue.text == "claim"


def test_noun_cue_with_light_verb(bare_nlp):
    c = only(claims_of(bare_nlp, "The senator made the claim that taxes should fall."))
    assert c.speaker.text == "The senator"
    assert "taxes should fall" in c.content.text


def test_passive_of_evaluation_verb_with_agent(bare_nlp):
    c = only(claims_of(bare_nlp, "The new plan was endorsed by the governor."))
    assert c.speaker.text == "the governor"
    assert c.content.text == "The new plan"


def test_relative_which_is_not_a_noun_cue(bare_nlp):
    assert claims_of(bare_nlp, "The report that he wrote was long.") == []


# ---------------------------------------------------------------------------
# speakers resolved, time, normalised content, stance, the author's voice


def test_nominal_speaker_resolved_to_named_body(bare_nlp):
    text = ("Officials at the Ministry of Defence met on Monday. "
            "The ministry said that the troops would stay.")
    doc = bare_nlp(text)
    s = text.index("Ministry of Defence")
    mod = Actor(id="XX-MIL", name="Ministry of Defence", kind="government",
                mentions=[Span.of(text, s, s + len("Ministry of Defence"))])
    c = only(find_claims(doc, [mod]))
    assert c.speaker.text == "The ministry"
    assert c.speaker_actor == "XX-MIL" and c.speaker_name == "Ministry of Defence"


def test_pronoun_speaker_gets_the_persons_actor(bare_nlp):
    text = "Rudolf Rassendyll spoke on Monday. He said that the navy would stay."
    doc = bare_nlp(text)
    p = Actor(id="person:rudolf-rassendyll", name="Rudolf Rassendyll", kind="person",
              mentions=[Span.of(text, 0, len("Rudolf Rassendyll"))])
    c = only(find_claims(doc, [p]))
    assert c.speaker_name == "Rudolf Rassendyll" and c.speaker_actor == "person:rudolf-rassendyll"


def test_plural_role_noun_is_not_a_named_person(bare_nlp):
    text = "Rudolf Rassendyll arrived. The leaders of both nations emphasized the terms of the treaty."
    claims = claims_of(bare_nlp, text)
    assert claims and all(c.speaker_name != "Rudolf Rassendyll" for c in claims)


def test_claim_time_from_timexes_outside_its_content(bare_nlp):
    from newsledger.model import Timex

    text = "On Monday the minister said that the fire began on Sunday."
    doc = bare_nlp(text)
    mon, sun = text.index("Monday"), text.index("Sunday")
    timexes = [Timex(mon, mon + 6, "Monday", "DATE", "2021-03-15", anchor="dct"),
               Timex(sun, sun + 6, "Sunday", "DATE", "2021-03-14", anchor="dct")]
    c = only(find_claims(doc, [], timexes=timexes))
    assert c.time.value == "2021-03-15"


def test_present_tense_claim_dated_by_publication(bare_nlp):
    doc = bare_nlp("The minister says that the bridge is safe.")
    c = only(find_claims(doc, [], timexes=[], published="2022-06-14"))
    assert c.time.value == "2022-06-14" and c.time.how == "dct"


def test_content_norm_negation_and_stance(bare_nlp):
    c = only(claims_of(bare_nlp, "The minister denied that the miners had left the pits."))
    assert c.negated
    assert c.content_norm == "miner leave pit"
    c = only(claims_of(bare_nlp, "The senator praised the new budget plan."))
    assert c.stance == "for"
    c = only(claims_of(bare_nlp, "The senator condemned the new budget plan."))
    assert c.stance == "against"


def test_author_claims_only_when_asked(bare_nlp):
    text = ("The minister said that the ferry had sailed. "
            "It was, in fact, the harbour authority that was responsible for the delays.")
    assert len(claims_of(bare_nlp, text)) == 1
    claims = claims_of(bare_nlp, text, author="Jane Writer")
    authored = [c for c in claims if c.kind == "author"]
    assert len(authored) == 1
    assert authored[0].speaker is None and authored[0].speaker_name == "Jane Writer"
    assert authored[0].content.text.startswith("It was, in fact")


# ---------------------------------------------------------------------------
# nested attributions, misparsed complements, new cue shapes


def test_participle_cue_inside_content_is_its_own_claim(bare_nlp):
    text = ("The mayor said the new tram line would open in spring, "
            "arguing that the delays were caused by the weather.")
    claims = claims_of(bare_nlp, text)
    by_cue = {c.cue.text: c for c in claims}
    assert set(by_cue) == {"said", "arguing"}
    said, arguing = by_cue["said"], by_cue["arguing"]
    assert said.content.text == "the new tram line would open in spring"
    assert "delays" in arguing.content.text and "delays" not in said.content.text
    assert arguing.speaker.text == "The mayor"


def test_relative_clause_cue_inside_content_is_its_own_claim(bare_nlp):
    text = ("The inspector said the bridge had several cracks, which she said were caused by heavy trucks.")
    claims = claims_of(bare_nlp, text)
    assert len(claims) == 2
    outer = next(c for c in claims if c.speaker.text == "The inspector")
    assert "trucks" not in outer.content.text and "cracks" in outer.content.text


def test_complement_verb_inside_content_is_not_split(bare_nlp):
    c = only(claims_of(bare_nlp, "The coach said he did not believe the referee had been fair."))
    assert c.cue.text == "said"
    assert c.content.text == "he did not believe the referee had been fair"


def test_quotation_with_its_own_cue_is_not_taken_by_the_previous_claim(bare_nlp):
    text = ('The director said the museum would close early. "We simply cannot pay for the '
            'heating this winter," she said.')
    claims = claims_of(bare_nlp, text)
    assert len(claims) == 2
    first = next(c for c in claims if c.speaker.text == "The director")
    assert "heating" not in first.content.text


def test_clause_subject_parsed_as_object(bare_nlp):
    # the parser takes "local farmers" for the object of "said"
    c = only(claims_of(bare_nlp, "The ministry has said local farmers would receive the subsidy next year."))
    assert c.cue.text == "said"
    assert c.content.text.startswith("local farmers")


def test_that_clause_hung_on_the_object(bare_nlp):
    c = only(claims_of(bare_nlp, "She told a meeting of union leaders that few workers understood the new pension rules."))
    assert c.speaker.text == "She"
    assert "few workers understood" in c.content.text


def test_lemmatiser_slip_still_finds_the_cue(bare_nlp):
    c = only(claims_of(bare_nlp, "The committee hoped the new rules would reduce waiting times."))
    assert c.cue.text == "hoped"
    assert c.speaker.text == "The committee"


def test_as_x_put_it(bare_nlp):
    c = only(claims_of(bare_nlp, "As one farmer put it, the river is the only road they have."))
    assert c.cue.text.startswith("As") and c.cue.text.endswith("put")
    assert c.speaker.text == "one farmer"
    assert c.content.text == "the river is the only road they have"


def test_see_x_as_y_needs_the_as_phrase(bare_nlp):
    c = only(claims_of(bare_nlp, "Many teachers see the reform as a threat to small schools."))
    assert c.speaker.text == "Many teachers"
    assert "reform" in c.content.text
    assert claims_of(bare_nlp, "Many teachers saw the new school on Monday.") == []


def test_adjective_of_certainty_with_clause(bare_nlp):
    c = only(claims_of(bare_nlp, "The engineers are confident that the dam will hold."))
    assert c.cue.text == "confident" and c.speaker.text == "The engineers"
    assert c.content.text == "that the dam will hold"
    c = only(claims_of(bare_nlp, "It is clear that the budget will not balance this year."))
    assert c.speaker is None
    assert c.content.text == "that the budget will not balance this year"


def test_adjective_of_attitude_with_preposition(bare_nlp):
    c = only(claims_of(bare_nlp, "The union has been critical of the new shift schedule."))
    assert c.speaker.text == "The union"
    assert c.content.text == "the new shift schedule"


def test_experiencer_passive_holds_the_belief(bare_nlp):
    c = only(claims_of(bare_nlp, "The villagers are convinced the factory poisoned the well."))
    assert c.speaker.text == "The villagers"
    assert c.content.text == "the factory poisoned the well"


def test_dash_glued_to_closing_quote_signs_the_quotation(bare_nlp):
    text = "“The harbour has never been this quiet in forty years.”― Maria Lopez\n"
    c = only(claims_of(bare_nlp, text))
    assert c.speaker.text == "Maria Lopez"
    assert "harbour" in c.content.text


# ---------------------------------------------------------------------------
# constructions added for the attribution benchmark (own sentences)


def test_object_of_a_verb_of_finding_is_the_content(bare_nlp):
    c = only(claims_of(bare_nlp, "A county audit found 14 errors in the ferry accounts."))
    assert c.speaker.text == "A county audit"
    assert c.content.text.startswith("14 errors")


def test_object_of_a_verb_of_saying_is_the_content(bare_nlp):
    c = only(claims_of(bare_nlp, "The harbour master said the same thing."))
    assert c.speaker.text == "The harbour master"
    assert c.content.text == "the same thing"


def test_object_that_is_a_person_is_not_the_content(bare_nlp):
    assert claims_of(bare_nlp, "The mayor quoted Jenkins at the dinner.") == []


def test_unmarked_clause_after_an_adverbial(bare_nlp):
    c = only(claims_of(bare_nlp, "Okafor said after the vote she would not resign her seat."))
    assert c.speaker.text == "Okafor"
    assert "would not resign her seat" in c.content.text


def test_inverted_cue_after_its_clause(bare_nlp):
    text = "However ferries in and of themselves are not likely to solve the problem, noted Paul Grant."
    c = only(claims_of(bare_nlp, text))
    assert "Paul Grant" in c.speaker.text
    assert "not likely to solve the problem" in c.content.text


def test_that_clause_after_a_verb_outside_the_lexicon(bare_nlp):
    c = only(claims_of(bare_nlp, "The mayor grumbled that the quota was far too low."))
    assert c.speaker.text == "The mayor"
    assert c.content.text == "that the quota was far too low"


def test_that_clause_needs_a_person_or_body_for_subject(bare_nlp):
    assert claims_of(bare_nlp, "The rule ensures that every boat is inspected.") == []


def test_passive_without_agent_has_no_speaker(bare_nlp):
    c = only(claims_of(bare_nlp, "The treasurer was accused of hiding the ledger from auditors."))
    assert c.speaker is None
    assert "hiding the ledger" in c.content.text


def test_passive_of_motion_is_not_a_claim(bare_nlp):
    assert claims_of(bare_nlp, "The firefighters were called to the warehouse.") == []


def test_passive_with_agent_of_a_speech_verb(bare_nlp):
    c = only(claims_of(bare_nlp, "The ferry delay was first reported by the Harbour Gazette."))
    assert c.speaker.text == "the Harbour Gazette"
    assert c.content.text == "The ferry delay"


def test_raising_verb_reports_a_view_with_no_holder(bare_nlp):
    c = only(claims_of(bare_nlp, "The new bridge seems to be far too narrow for the trucks."))
    assert c.speaker is None
    assert c.cue.text == "seems"
    assert "far too narrow" in c.content.text


def test_raising_verb_before_a_cue_leaves_the_subject_speaking(bare_nlp):
    c = only(claims_of(bare_nlp, "The minister appeared to suggest that the port would close."))
    assert c.speaker.text == "The minister"
    assert c.cue.text == "suggest"


def test_noun_cue_held_by_a_name_in_front(bare_nlp):
    c = only(claims_of(bare_nlp, "The row began with a Harbour Gazette report that the ferry had sunk twice."))
    assert c.speaker.text == "Harbour Gazette"
    assert c.content.text == "that the ferry had sunk twice"


def test_noun_cue_held_by_the_subject_of_its_verb(bare_nlp):
    c = only(claims_of(bare_nlp, "The senators persisted in arguments that the plan was illegal."))
    assert c.speaker.text == "The senators"
    assert c.content.text == "that the plan was illegal"


def test_speaker_outside_the_quotation(bare_nlp):
    text = "“The ferry is in trouble. Deep trouble,” said Ana Ruiz, the harbour union leader.\n"
    c = only(claims_of(bare_nlp, text))
    assert "Ana Ruiz" in c.speaker.text


def test_transcript_lines_stay_apart(bare_nlp):
    text = ('"HOST: Will the ferry run on Sunday, Minister Grant?\n\n'
            '"GRANT: It will run on Sunday and on every holiday this year.\n\n'
            '"HOST: Thank you for joining us this morning, Minister.\n')
    claims = claims_of(bare_nlp, text)
    assert [c.speaker.text for c in claims] == ["HOST", "GRANT", "HOST"]
    assert all("\n" not in c.content.text for c in claims)


# ---------------------------------------------------------------------------
# prepositional objects, headline labels, hearsay adverbs, findings, idioms, classes


def test_prepositional_object_of_a_p_frame_cue(bare_nlp):
    c = only(claims_of(bare_nlp, "The mayor agreed with the ferry captains about the new timetable."))
    assert c.speaker.text == "The mayor"
    assert c.content.text.startswith("with the ferry captains")
    assert c.cue.text == "agreed"


def test_p_frame_needs_a_person_or_body_and_no_date(bare_nlp):
    assert claims_of(bare_nlp, "The storm pointed to the north.") == []
    assert claims_of(bare_nlp, "The mayor responded on Tuesday.") == []


def test_headline_label_used_as_a_name_in_the_text(bare_nlp):
    text = ("Okafor: Ferry fares must fall before the winter.\n\n"
            "Councillor Grace Okafor spoke to residents in the harbour hall on Monday.\n")
    claims = claims_of(bare_nlp, text)
    head = [c for c in claims if c.cue.text == ":"]
    assert len(head) == 1 and head[0].speaker.text == "Okafor"
    assert head[0].content.text.startswith("Ferry fares")


def test_headline_label_of_a_finding(bare_nlp):
    text = "Survey: Most islanders want a second ferry.\n\nThe council asked 900 households.\n"
    head = [c for c in claims_of(bare_nlp, text) if c.cue.text == ":"]
    assert len(head) == 1 and head[0].speaker.text == "Survey"


def test_headline_label_not_a_name(bare_nlp):
    text = "Update: The ferry will sail at noon.\n\nThe harbour opened early.\n"
    assert [c for c in claims_of(bare_nlp, text) if c.cue.text == ":"] == []


def test_hearsay_adverb_is_a_claim_without_speaker(bare_nlp):
    c = only(claims_of(bare_nlp, "The captain allegedly sold the spare engine to a rival firm."))
    assert c.speaker is None
    assert c.cue.text == "allegedly"
    assert "sold the spare engine" in c.content.text


def test_in_a_poll_the_poll_is_the_source(bare_nlp):
    c = only(claims_of(bare_nlp, "In the latest survey, the mayor led her rival by six points."))
    assert c.speaker.text == "the latest survey"
    assert "the mayor led her rival" in c.content.text


def test_in_a_report_with_a_cue_verb_of_its_own(bare_nlp):
    c = only(claims_of(bare_nlp, "In the report, the auditors wrote that the ferry lost money."))
    assert c.cue.text == "wrote"


def test_make_it_clear_that(bare_nlp):
    c = only(claims_of(bare_nlp, "The governor made it clear that the ferry would keep running."))
    assert c.speaker.text == "The governor"
    assert c.content.text == "that the ferry would keep running"


def test_make_the_case_for(bare_nlp):
    c = only(claims_of(bare_nlp, "The union leader made the case for a second ferry at the meeting."))
    assert c.speaker.text == "The union leader"
    assert c.content.text.startswith("a second ferry")


def test_make_without_an_idiom_is_no_claim(bare_nlp):
    assert claims_of(bare_nlp, "The mayor made a cake for the harbour party.") == []


def test_attitude_verb_with_its_object(bare_nlp):
    c = only(claims_of(bare_nlp, "Many islanders despise the new toll on the bridge."))
    assert c.speaker.text == "Many islanders"
    assert c.content.text == "the new toll on the bridge"


def test_speech_act_named_by_its_object(bare_nlp):
    c = only(claims_of(bare_nlp, "The senator articulated these ideas in a long speech."))
    assert c.speaker.text == "The senator"
    assert "these ideas" in c.content.text


def test_wish_with_an_infinitive(bare_nlp):
    c = only(claims_of(bare_nlp, "The council would like to open a second harbour next year."))
    assert c.speaker.text == "The council"
    assert c.content.text.startswith("to open a second harbour")


def test_explaining_verb_with_what_was_explained_as_object(bare_nlp):
    c = only(claims_of(bare_nlp, "In her memoir, the senator explains the ferry's long history of delays."))
    assert c.speaker.text == "the senator"
    assert "long history of delays" in c.content.text


# ---------------------------------------------------------------------------
# the index of a Doc the finders share


_INDEX_TEXT = ("“We will not leave,” said the mayor, adding that the city “stands firm.”\n\n"
               "According to officials, the army allegedly moved.  Reuters: the report that X won is false.\n"
               "In her view, the plan is sure to fail, she is critical of it. He fretted that prices rose.")


def test_quote_map_as_a_walk_over_the_tokens(bare_nlp):
    """Quotation and paragraph of each token, as the walk over every token gives them."""
    from newsledger.nlp.claims.quotations import _QuoteMap

    doc = bare_nlp(_INDEX_TEXT)
    quotes = find_quotes(doc.text)
    qmap = _QuoteMap(doc, quotes)
    by_token, para, n = [], [], 0
    for tok in doc:
        inside = [qi for qi, q in enumerate(quotes) if q.start < tok.idx < q.end - (1 if q.closed else 0)]
        by_token.append(inside[0] if inside else -1)
        para.append(n)
        n += "\n" in tok.text_with_ws
    assert len(quotes) >= 2 and max(para) >= 2
    assert qmap.by_token == by_token
    assert qmap.para == para


def test_doc_index_sentences_and_ranges(bare_nlp):
    from newsledger.nlp.claims.docindex import DocIndex

    doc = bare_nlp(_INDEX_TEXT)
    index = DocIndex(doc)
    for tok in doc:
        assert index.sent_of(tok.i) == tok.sent
    assert list(index.starting_in(10, 60)) == [t.i for t in doc if 10 <= t.idx < 60]
    assert index.with_text(",") == [t.i for t in doc if t.text == ","]
    assert index.ents == doc.ents


def test_cue_candidates_hold_every_cue(bare_nlp):
    """Only the tokens :meth:`DocIndex.may_be_cue` lists are tried as cues: every
    token from which a finder makes a claim is among them."""
    from newsledger.nlp.claims import extract as E
    from newsledger.nlp.claims.quotations import _QuoteMap

    doc = bare_nlp(_INDEX_TEXT)
    qmap = _QuoteMap(doc, find_quotes(doc.text))
    listed = set(qmap.index.may_be_cue(E.CUE_NOUNS, E._CUE_WORDS, E._CUE_ADJECTIVES, E._may_be_verb_cue))
    cues = [tok.i for tok in doc if (E._verb_cue(tok, qmap) or E._according_to(tok) or E._in_view(tok)
                                     or E._noun_cue(tok, qmap) or E._adjective_cue(tok, qmap)
                                     or E._hearsay_adverb(tok) or E._in_finding(tok)) is not None]
    assert len(cues) >= 6
    assert set(cues) <= listed
    assert len(listed) < len(doc) / 2


# ---------------------------------------------------------------------------
# shapes of attribution: objects, asides, joined predicates, noun cues


def _by_cue(claims, cue):
    found = [c for c in claims if c.cue is not None and c.cue.text == cue]
    assert len(found) == 1, claims
    return found[0]


def test_said_object_of_a_verb_sharing_its_subject(bare_nlp):
    c = _by_cue(claims_of(bare_nlp, "A reporter spotted the senator and reported her presence on Twitter."),
                "reported")
    assert c.speaker.text == "A reporter"
    assert c.content.text.startswith("her presence")


def test_evidence_verb_with_a_person_and_a_predicate(bare_nlp):
    c = only(claims_of(bare_nlp, "The footage shows him with his hands in the air."))
    assert c.speaker.text == "The footage"
    assert c.content.text.startswith("him with his hands")


@pytest.mark.parametrize("text, cue, content", [
    ("Witnesses described chaotic scenes at the border.", "described", "chaotic scenes"),
    ("The mayor noted the drought in her speech.", "noted", "the drought"),
])
def test_verbs_of_describing_take_their_object(bare_nlp, text, cue, content):
    c = _by_cue(claims_of(bare_nlp, text), cue)
    assert c.content.text.startswith(content)


def test_a_body_named_by_a_noun_holds_a_view(bare_nlp):
    c = only(claims_of(bare_nlp, "The campaign did not respond to requests for comment."))
    assert c.speaker.text == "The campaign"
    assert c.content.text == "to requests for comment"


def test_attribution_set_between_commas(bare_nlp):
    text = "These workers, the manager explained at the hearing, were well paid."
    c = only(claims_of(bare_nlp, text))
    assert c.speaker.text == "the manager"
    assert c.content.text == text[:-1]


def test_as_attribution_set_between_commas(bare_nlp):
    text = "Hawaii, as one of the advisers pointed out, rarely gets two hurricanes."
    c = only(claims_of(bare_nlp, text))
    assert c.speaker.text == "one of the advisers"
    assert c.cue.text.startswith("as")
    assert "rarely gets two hurricanes" in c.content.text


def test_attribution_after_a_bare_phrase(bare_nlp):
    c = only(claims_of(bare_nlp, "People like Scott, he said."))
    assert c.speaker.text == "he"
    assert c.content.text == "People like Scott"


@pytest.mark.parametrize("text", [
    "But when Congress cut the funding, Mexico said enough.",
    "Like his father, he believes in hard work.",
])
def test_no_aside_when_the_cue_has_words_of_its_own(bare_nlp, text):
    assert not any(c.content.text.startswith(text.split(",")[0]) for c in claims_of(bare_nlp, text))


@pytest.mark.parametrize("text, outer, inner, inner_content", [
    ("The minister said the talks would resume and warned against further delays.",
     "said", "warned", "against further delays"),
    ("The analysts said costs have risen sharply, citing the price of steel.",
     "said", "citing", "the price of steel"),
    ("He claimed that the tax was fair, although he refused to release his returns.",
     "claimed", "refused", "to release his returns"),
])
def test_a_second_predicate_is_an_attribution_of_its_own(bare_nlp, text, outer, inner, inner_content):
    claims = claims_of(bare_nlp, text)
    first, second = _by_cue(claims, outer), _by_cue(claims, inner)
    assert inner_content in second.content.text
    assert inner not in first.content.text


@pytest.mark.parametrize("text, cue, rest", [
    ("Police say the man fled the scene and refused to stop.", "say", "refused to stop"),
    ("The driver told police he stopped and confronted the two men.", "told", "confronted the two men"),
])
def test_a_second_predicate_of_the_reported_subject_stays_inside(bare_nlp, text, cue, rest):
    c = _by_cue(claims_of(bare_nlp, text), cue)
    assert rest in c.content.text


def test_a_manner_relative_is_not_what_was_understood(bare_nlp):
    text = "Teammates who understand one another in a way that their opponents do not tend to win."
    assert not any("their opponents" in c.content.text for c in claims_of(bare_nlp, text))


def test_quotation_before_cue_is_the_content_not_the_clause_after(bare_nlp):
    """The parser may hang a clause of the words after the cue on the cue ("she
    said of the race, in which she was sure Smith would win": "win" as the
    cue's complement); the quotation before the cue is what she said."""
    from spacy.tokens import Doc

    rows = [  # word, space after, tag, pos, lemma, head, dep
        ("“", False, "``", "PUNCT", "“", 7, "punct"), ("It", False, "PRP", "PRON", "it", 3, "nsubj"),
        ("’s", True, "VBZ", "AUX", "be", 3, "aux"), ("done", False, "VBN", "VERB", "do", 7, "ccomp"),
        (",", False, ",", "PUNCT", ",", 7, "punct"), ("”", True, "''", "PUNCT", "”", 7, "punct"),
        ("she", True, "PRP", "PRON", "she", 7, "nsubj"), ("said", True, "VBD", "VERB", "say", 7, "ROOT"),
        ("of", True, "IN", "ADP", "of", 7, "prep"), ("the", True, "DT", "DET", "the", 10, "det"),
        ("race", False, "NN", "NOUN", "race", 8, "pobj"), (",", True, ",", "PUNCT", ",", 10, "punct"),
        ("in", True, "IN", "ADP", "in", 15, "prep"), ("which", True, "WDT", "PRON", "which", 12, "pobj"),
        ("she", True, "PRP", "PRON", "she", 15, "nsubj"), ("was", True, "VBD", "AUX", "be", 10, "relcl"),
        ("sure", True, "JJ", "ADJ", "sure", 15, "acomp"), ("Smith", True, "NNP", "PROPN", "Smith", 19, "nsubj"),
        ("would", True, "MD", "AUX", "would", 19, "aux"), ("win", False, "VB", "VERB", "win", 7, "ccomp"),
        (".", False, ".", "PUNCT", ".", 7, "punct"),
    ]
    words, spaces, tags, pos, lemmas, heads, deps = (list(col) for col in zip(*rows))
    doc = Doc(bare_nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads,
              deps=deps)
    c = _by_cue(find_claims(doc, []), "said")
    assert c.content.text == "“It’s done,”"


def test_quotation_goes_on_after_a_long_attribution(bare_nlp):
    text = ("“It is over,” she said of the campaign, which she had followed closely for many months "
            "in three different states. “In my head, anyway.”")
    c = _by_cue(claims_of(bare_nlp, text), "said")
    assert c.content.text.startswith("“It is over,”")
    assert c.content.text.endswith("“In my head, anyway.”")


def test_reported_question_with_when(bare_nlp):
    c = only(claims_of(bare_nlp, "Lawmakers have not said when they would vote on the bill."))
    assert c.content.text == "when they would vote on the bill"


def test_relative_word_stands_for_what_was_said(bare_nlp):
    c = only(claims_of(bare_nlp, "That was what the senator said before the vote."))
    assert c.speaker.text == "the senator"
    assert c.content.text == "what"


@pytest.mark.parametrize("text, cue, content", [
    ("Democrats want policies that raise revenue.", "want", "policies that raise revenue"),
    ("She declined the assignment.", "declined", "the assignment"),
])
def test_what_a_person_wants_or_refuses(bare_nlp, text, cue, content):
    c = only(claims_of(bare_nlp, text))
    assert c.cue.text == cue and c.content.text == content


def test_wanting_needs_a_person_or_body(bare_nlp):
    assert claims_of(bare_nlp, "The engine wants oil.") == []


def test_noun_of_knowing_with_its_clause(bare_nlp):
    c = only(claims_of(bare_nlp, "The crisis forced a recognition that the borders were weak."))
    assert c.cue.text == "recognition"
    assert c.content.text == "that the borders were weak"


@pytest.mark.parametrize("text, cue, content", [
    ("The governor tweeted in the early morning hours that Smith was “disgusting” and “a fraud.”",
     "tweeted", "that Smith was “disgusting” and “a fraud.”"),
    ("Still, the paper reported at the time that the editor, John Smith, told her that her statement was wrong.",
     "reported", "that the editor, John Smith, told her that her statement was wrong"),
])
def test_reported_clause_opened_by_that_after_an_adjunct(bare_nlp, text, cue, content):
    c = _by_cue(claims_of(bare_nlp, text), cue)
    assert c.content.text == content


def test_according_to_read_by_its_commas(bare_nlp):
    text = "The chief repeatedly insulted his staff, according to show insiders."
    c = only(claims_of(bare_nlp, text))
    assert c.speaker.text == "show insiders"
    assert c.content.text == "The chief repeatedly insulted his staff"


def test_infinitive_taken_for_a_clause_of_purpose(bare_nlp):
    c = only(claims_of(bare_nlp, "Trump tells his supporters at a rally to “go to your place and vote.”"))
    assert c.cue.text == "tells"
    assert "go to your place and vote" in c.content.text


def test_headline_verb_read_as_a_noun(bare_nlp):
    text = "Federal court rules against Ohio's purges of voter rolls.\nThe ruling came on Friday."
    c = only(claims_of(bare_nlp, text))
    assert c.speaker.text == "Federal court"
    assert c.cue.text == "rules"
    assert c.content.text.startswith("against Ohio's purges")


def test_noun_cue_whose_clause_hangs_on_the_verb(bare_nlp):
    text = ("The storm swept thousands of people into the city last year, fueling worries from Boston to "
            "Chicago that the levees were a hazard, not a help.")
    c = _by_cue(claims_of(bare_nlp, text), "worries")
    assert c.content.text == "that the levees were a hazard, not a help"


def test_according_to_opening_a_sentence_the_parser_made_its_root(bare_nlp):
    c = only(claims_of(bare_nlp, "According to radio host Sam Jones, the move reeks of “panic” and despair."))
    assert c.speaker.text == "radio host Sam Jones"
    assert c.content.text == "the move reeks of “panic” and despair"


# ---------------------------------------------------------------------------
# beliefs, feelings and stands with their own shapes


def test_likening_takes_what_it_is_likened_to(bare_nlp):
    c = only(claims_of(bare_nlp, "The senator likened the new tariffs to a tax on every family."))
    assert "a tax on every family" in c.content.text
    assert c.speaker.text == "The senator"


def test_imperative_is_no_claim(bare_nlp):
    assert claims_of(bare_nlp, "Don't blame the mayor for the flooding.") == []
    assert claims_of(bare_nlp, "Ask yourself that question before you vote.") == []


def test_pro_form_stands_for_what_was_thought(bare_nlp):
    c = only(claims_of(bare_nlp, "Is the plan fair? The governor doesn't think so."))
    assert c.content.text == "so"
    assert c.speaker.text == "The governor"
    c = only(claims_of(bare_nlp, "The mayor said as much in an interview on Tuesday."))
    assert c.content.text == "as much"


def test_feeling_caused_in_the_object(bare_nlp):
    c = only(claims_of(bare_nlp, "The new pipeline worries environmentalists."))
    assert c.speaker.text == "environmentalists"
    assert c.content.text == "The new pipeline"


def test_stance_idioms(bare_nlp):
    c = only(claims_of(bare_nlp, "The senator voted against the farm bill."))
    assert c.content.text == "the farm bill"
    assert c.speaker.text == "The senator"
    c = only(claims_of(bare_nlp, "In recent weeks, Jones has gone after Smith as a reckless spender."))
    assert c.content.text.startswith("Smith")
    assert "reckless spender" in c.content.text


def test_willingness_adjective(bare_nlp):
    c = only(claims_of(bare_nlp, "Some senators were willing to support a smaller bill."))
    assert c.content.text == "to support a smaller bill"
    assert c.speaker.text == "Some senators"


def test_willingness_needs_a_person_or_body(bare_nlp):
    assert claims_of(bare_nlp, "The new bridge is ready to open next week.") == []
    assert claims_of(bare_nlp, "The soup was ready to serve by noon.") == []


def test_attitude_noun_with_a_holder(bare_nlp):
    c = only(claims_of(bare_nlp, "The mayor continues his admiration of the old governor."))
    assert c.content.text.endswith("the old governor")
    assert c.speaker.text == "his"


def test_object_ends_before_a_relative_clause_with_a_claim_of_its_own(bare_nlp):
    claims = claims_of(bare_nlp, "The union endorses Smith, who says he is honored.")
    by_cue = {c.cue.text: c for c in claims}
    assert by_cue["endorses"].content.text == "Smith"
    assert by_cue["says"].content.text == "he is honored"


def test_speaker_does_not_run_past_the_verb(bare_nlp):
    """A noun phrase whose parse hangs words after the verb on it ("A union endorsed
    X, another example of ...": the apposition on "union") ends before the verb."""
    from spacy.tokens import Doc

    from newsledger.nlp.claims.speakers import _np_span

    words = ["A", "union", "endorsed", "Smith", ",", "another", "example", "."]
    heads = [1, 2, 2, 2, 2, 6, 1, 2]
    deps = ["det", "nsubj", "ROOT", "dobj", "punct", "det", "appos", "punct"]
    doc = Doc(bare_nlp.vocab, words=words, heads=heads, deps=deps)
    assert _np_span(doc[1]) == (0, 2)


# ---------------------------------------------------------------------------
# content boundaries, headlines, generic holders


def test_aside_reports_only_its_own_conjunct(bare_nlp):
    text = ("The city had never liked the tax, but the deficit had become so large, the mayor explained, "
            "that the council voted for it anyway.")
    c = next(c for c in claims_of(bare_nlp, text) if c.cue.text == "explained")
    assert c.speaker.text == "the mayor"
    assert c.content.text.startswith("the deficit")
    assert "never liked" not in c.content.text


def test_subordinate_clause_before_cue_is_not_said(bare_nlp):
    text = ("While she accepted the weather was one reason the event failed, Brown also noted several "
            "“quiet problems” left her worried.")
    c = next(c for c in claims_of(bare_nlp, text) if c.cue.text == "noted")
    assert "While" not in c.content.text
    assert "left her worried" in c.content.text


def test_cue_in_parentheses_reports_what_they_hold(bare_nlp):
    text = ("Both firms face questions about their finances after a report surfaced last week "
            "(the company later disclosed that it had lost money).")
    c = next(c for c in claims_of(bare_nlp, text) if c.cue.text == "disclosed")
    assert c.content.text == "that it had lost money"


def test_headline_cue_after_participle_phrase(bare_nlp):
    text = "Campaigning In Ohio, Smith Vows To Cut Taxes For Farmers.\nSmith spoke on Monday in Toledo."
    c = next(c for c in claims_of(bare_nlp, text) if c.cue.text == "Vows")
    assert c.speaker.text == "Smith"
    assert c.content.text.startswith("To Cut Taxes")


def test_quote_before_speaker_with_apposition_and_nickname(bare_nlp):
    text = ("Music played as the crowd gathered. “We will win this state!” The mayor's sister, council "
            "member Jane “JJ” Doe, shouted to the crowd.")
    c = next(c for c in claims_of(bare_nlp, text) if c.cue.text == "shouted")
    assert c.content.text == "“We will win this state!”"
    assert "Doe" in c.speaker.text


def test_standing_in_polls_after_the_clause(bare_nlp):
    c = only(claims_of(bare_nlp, "The senator did well in recent polls."))
    assert (c.cue.text, c.speaker.text, c.content.text) == ("in", "recent polls", "The senator did well")
    c = only(claims_of(bare_nlp, "The governor's recent gains in some polls may not last."))
    assert c.content.text == "The governor's recent gains"


def test_anyone_wanting_is_no_claim(bare_nlp):
    assert claims_of(bare_nlp, "The guide is a good resource for anyone wanting to learn more about loans.") == []


@pytest.mark.parametrize("text", [
    "The senator raised $5 million for her campaign last quarter.",
    "After college he began raising money for a clinic in his hometown.",
    "The champion weighs 150 pounds, the lightest in a decade.",
])
def test_amounts_raised_or_weighed_are_no_claims(bare_nlp, text):
    assert claims_of(bare_nlp, text) == []


@pytest.mark.parametrize("text", [
    "Her early lead may prove to be a mirage if turnout is low.",
    "The new tariffs may prove costly if the courts strike them down.",
])
def test_prove_as_linking_verb_is_no_claim(bare_nlp, text):
    assert [c for c in claims_of(bare_nlp, text) if c.cue.text == "prove"] == []


def test_bidding_verb_joined_inside_reported_clause_is_its_own_claim(bare_nlp):
    text = ("The mayor wrote late on Sunday that the council was “corrupt” and “lazy” and urged residents "
            "to attend the hearing.")
    claims = claims_of(bare_nlp, text)
    urged = next(c for c in claims if c.cue.text == "urged")
    assert urged.speaker is not None and urged.speaker.text == "The mayor"
    assert "attend the hearing" in urged.content.text
    wrote = next(c for c in claims if c.cue.text == "wrote")
    assert "attend" not in wrote.content.text


def test_cue_left_as_participle_in_a_sentence_without_main_verb(bare_nlp):
    c = next(c for c in claims_of(bare_nlp, "One of the engineers who signed the memo called the mayor a fraud, "
                                            "a liar and a coward.") if c.cue.text == "called")
    assert c.speaker.text.startswith("One of the engineers")
    assert c.content.text.startswith("the mayor a fraud")


def test_stranded_preposition_is_no_content(bare_nlp):
    text = "Many families got bills in the mail they never asked for."
    assert [c for c in claims_of(bare_nlp, text) if c.cue.text == "asked"] == []


def test_verdict_verbs_report_a_judgement(bare_nlp):
    c = next(c for c in claims_of(bare_nlp, "Last year an appeals court overturned the governor's decision.")
             if c.cue.text == "overturned")
    assert c.speaker.text == "an appeals court"
    assert c.content.text == "the governor's decision"


def test_known_as_after_a_comma_is_a_name_without_source(bare_nlp):
    text = "Lawmakers passed the measure, known as the Clean Rivers Act, on a narrow vote."
    c = next(c for c in claims_of(bare_nlp, text) if c.cue.text == "known as")
    assert c.speaker is None
    assert "the measure" in c.content.text and "Clean Rivers Act" in c.content.text
    assert not [c for c in claims_of(bare_nlp, "He joined a hacking group known as the Cobalt Club.")
                if c.cue.text.startswith("known")]


def test_participle_with_agent_on_a_wish_or_view(bare_nlp):
    text = "Spending in most member states stays below the levels desired by the alliance."
    c = next(c for c in claims_of(bare_nlp, text) if c.cue.text.startswith("desired"))
    assert c.speaker.text == "the alliance"
    assert c.content.text == "the levels"
    text = "The forum was sponsored by a bank, and the event held by the union drew a crowd."
    assert not [c for c in claims_of(bare_nlp, text) if c.cue.text.startswith("held")]


def test_topic_nouns_of_asking_and_answering(bare_nlp):
    text = "The minister fielded questions about the harbour contract on Tuesday."
    c = next(c for c in claims_of(bare_nlp, text) if c.cue.text.startswith("questions"))
    assert c.content.text.startswith("the harbour contract")
    assert c.speaker.text == "The minister"
    text = "The mayor has faced questions about the harbour contract."
    c = next(c for c in claims_of(bare_nlp, text) if c.cue.text.startswith("questions"))
    assert c.content.text == "the harbour contract"
    assert c.speaker is None


def test_verb_of_judgement_with_object_and_predicate(bare_nlp):
    c = next(c for c in claims_of(bare_nlp, "The general judged the border fence a costly mistake.")
             if c.cue.text == "judged")
    assert c.speaker.text == "The general"
    assert c.content.text == "the border fence a costly mistake"


def test_taking_a_side_on_an_idea(bare_nlp):
    c = next(c for c in claims_of(bare_nlp, "Nine farm groups are challenging the new water rules.")
             if c.cue.text == "challenging")
    assert c.speaker.text == "Nine farm groups"
    assert c.content.text == "the new water rules"
    c = next(c for c in claims_of(bare_nlp, "The council has embraced the idea of a night market.")
             if c.cue.text == "embraced")
    assert c.content.text == "the idea of a night market"


def test_poll_share_holds_a_preference(bare_nlp):
    c = next(c for c in claims_of(bare_nlp, "In the survey, 38 percent prefer the incumbent mayor.")
             if c.cue.text == "prefer")
    assert c.speaker.text == "38 percent"
    assert c.content.text == "the incumbent mayor"


def test_poll_share_picks_a_candidate(bare_nlp):
    text = "In the county poll, 54 percent would choose Maria Ortiz, while 7 percent prefer Daniel Brooks."
    claims = claims_of(bare_nlp, text)
    c = next(c for c in claims if c.cue.text == "choose")
    assert c.speaker.text == "54 percent"
    assert c.content.text == "Maria Ortiz"
    c = next(c for c in claims if c.cue.text == "prefer")
    assert c.speaker.text == "7 percent"
    assert c.content.text == "Daniel Brooks"
    # picking with no poll's share as subject reports no view
    assert not [c for c in claims_of(bare_nlp, "The panel chose a new venue for the festival.")
                if c.cue.text == "chose"]
    assert not [c for c in claims_of(bare_nlp, "Ms. Lane prefers Daniel Brooks.")
                if c.cue.text == "prefers"]


def test_make_the_case_and_make_it_clear_without_that(bare_nlp):
    text = "The ministry tried to make the case to farmers that the levy is fair."
    c = next(c for c in claims_of(bare_nlp, text) if "make" in c.cue.text)
    assert c.content.text == "that the levy is fair"
    text = "The mayor made it clear he would not resign before the vote."
    c = next(c for c in claims_of(bare_nlp, text) if "made" in c.cue.text)
    assert c.content.text.startswith("he would not resign")


def test_clause_the_parser_hung_past_its_cue(bare_nlp):
    text = "Although the chef admitted cost was the main reason she left the hotel, Ms. Ruiz said the long hours mattered more."
    c = next(c for c in claims_of(bare_nlp, text) if c.cue.text == "admitted")
    assert c.content.text == "cost was the main reason she left the hotel"
    assert c.speaker.text == "the chef"
    c = next(c for c in claims_of(bare_nlp, text) if c.cue.text == "said")
    assert c.content.text == "the long hours mattered more"


def test_unsure_if_reports_a_question(bare_nlp):
    c = next(c for c in claims_of(bare_nlp, "The tenants are not sure if the landlord will repair the roof.")
             if c.cue.text == "sure")
    assert c.speaker.text == "The tenants"
    assert c.content.text.startswith("if the landlord will repair the roof")


def test_relative_that_speaks_for_its_antecedent(bare_nlp):
    claims = claims_of(bare_nlp, "Farmers that oppose the new dam have warned that the valley will flood.")
    c = next(c for c in claims if c.cue.text == "oppose")
    assert c.speaker.text == "that"
    assert c.speaker_name == "Farmers"


@pytest.mark.parametrize("text", [
    "The city will raise the parking fee next month.",
    "The plan would raise the retirement age to 67.",
])
def test_raising_a_tax_or_fee_is_no_claim(bare_nlp, text):
    assert claims_of(bare_nlp, text) == []


def test_raising_a_concern_is_still_a_claim(bare_nlp):
    c = only(claims_of(bare_nlp, "Residents raised concerns about the parking fee."))
    assert c.content.text == "concerns about the parking fee"


def test_cue_in_a_restrictive_relative_clause_stays_inside_what_was_said(bare_nlp):
    c = only(claims_of(bare_nlp, "The mayor said she would spend the $3 million she says the city saved on new parks."))
    assert c.cue.text == "said"
    assert c.content.text == "she would spend the $3 million she says the city saved on new parks"


def test_cue_in_a_when_clause_stays_inside_what_was_said(bare_nlp):
    c = only(claims_of(bare_nlp, "The coach said the referee was wrong when he claimed that the goal was offside."))
    assert c.cue.text == "said"
    assert c.content.text.endswith("when he claimed that the goal was offside")


@pytest.mark.parametrize("text,speaker", [
    ("The governor was able to repeatedly tout his record on roads.", "The governor"),
    ("The mayor will be unable to blame the council for the delays.", "The mayor"),
])
def test_subject_reached_through_an_adjective(bare_nlp, text, speaker):
    assert only(claims_of(bare_nlp, text)).speaker.text == speaker


def test_name_read_into_an_opening_phrase_without_comma(bare_nlp):
    c = only(claims_of(bare_nlp, "In an interview with the harbour board Jensen said that the port would close in May."))
    assert c.speaker.text == "Jensen"


def test_object_of_the_verb_does_what_the_infinitive_says(bare_nlp):
    c = only(claims_of(bare_nlp, "The auditor pressed the minister to admit that the contract had been rushed."))
    assert c.cue.text == "admit"
    assert c.speaker.text == "the minister"


def test_participle_on_a_speaking_event_is_said_by_the_one_speaking(bare_nlp):
    claims = claims_of(bare_nlp, "At a news conference announcing the lawsuit, the attorney general said "
                                 "the company had misled buyers.")
    c = next(c for c in claims if c.cue.text == "announcing")
    assert c.speaker.text == "the attorney general"


@pytest.mark.parametrize("text,content", [
    ("Engineers linked the outage to a fault in the cooling system.", "the outage to a fault"),
    ("A 2019 audit found 12 errors out of more than 4,000 invoices.", "12 errors out of more than 4,000 invoices"),
])
def test_object_goes_on_with_the_phrases_after_it(bare_nlp, text, content):
    assert only(claims_of(bare_nlp, text)).content.text == content


def test_trailing_relative_clause_after_a_comma_is_the_writers(bare_nlp):
    c = only(claims_of(bare_nlp, "Critics have questioned the wisdom of hiring Novak, who has never run a large agency."))
    assert c.content.text == "the wisdom of hiring Novak"


@pytest.mark.parametrize("text,cue,speaker", [
    ("The union sent a letter urging members to reject the offer.", "urging", "The union"),
    ("The governor fired off a flurry of tweets mocking his rival.", "mocking", "The governor"),
])
def test_participle_on_a_message_is_said_by_the_one_who_sent_it(bare_nlp, text, cue, speaker):
    c = next(c for c in claims_of(bare_nlp, text) if c.cue.text == cue)
    assert c.speaker.text == speaker


@pytest.mark.parametrize("text,cue,speaker,content", [
    ("The senator escalated her criticism of the plan.", "escalated", "The senator", "her criticism of the plan"),
    ("He doubled down on his attacks on the judge.", "doubled down on", "He", "his attacks on the judge"),
    ("The governor stepped up her personal attacks on the mayor.", "stepped up", "The governor",
     "her personal attacks on the mayor"),
])
def test_stepping_up_verbal_attacks_is_a_claim_of_the_subject(bare_nlp, text, cue, speaker, content):
    c = only(claims_of(bare_nlp, text))
    assert (c.cue.text, c.speaker.text, c.content.text) == (cue, speaker, content)


def test_stepping_up_armed_attacks_is_no_claim(bare_nlp):
    assert claims_of(bare_nlp, "The army stepped up attacks on the town.") == []


@pytest.mark.parametrize("text,speaker", [
    ("His argument is that the tax would hurt farmers.", "His"),
    ("The mayor's view is that the bridge must close.", "The mayor"),
    ("The fear is that prices will rise.", None),
])
def test_noun_cue_as_subject_of_be_with_a_that_clause(bare_nlp, text, speaker):
    c = only(claims_of(bare_nlp, text))
    assert c.content.text.startswith("that ")
    assert (c.speaker.text if c.speaker else None) == speaker


@pytest.mark.parametrize("text,name", [
    ("The Harbour Trust, which says the pier is unsafe, closed it to visitors.", "Harbour Trust"),
    ("The Anglers Guild, who say the weir blocks the salmon, wrote to the council.", "Anglers Guild"),
])
def test_relative_pronoun_speaker_links_to_the_antecedents_actor(bare_nlp, text, name):
    doc = bare_nlp(text)
    start = text.index(name)
    actor = Actor(id="body", name=name, kind="organisation", mentions=[Span.of(text, start, start + len(name))])
    c = next(c for c in find_claims(doc, [actor]) if c.cue.text in ("says", "say"))
    assert c.speaker.text in ("which", "who")  # the span stays the pronoun
    assert c.speaker_actor == "body"


@pytest.mark.parametrize("text", [
    "Police detained twelve people at a rally opposing the toll.",
    "Cyclists gathered at a meeting criticising the new road plan.",
])
def test_participle_on_an_event_is_not_said_by_the_subject_of_any_verb(bare_nlp, text):
    c = only(claims_of(bare_nlp, text))
    first = text.split()[0]
    assert c.speaker is None or c.speaker.text != first


def test_infinitive_of_purpose_is_the_subjects(bare_nlp):
    c = only(claims_of(bare_nlp, "The premier summoned the envoys to warn that tariffs would rise."))
    assert c.cue.text == "warn"
    assert c.speaker.text == "The premier"


@pytest.mark.parametrize("text", [
    "The coach took questions over the phone.",
    "The mayor answered questions over lunch.",
])
def test_questions_over_a_channel_or_meal_have_no_topic(bare_nlp, text):
    assert claims_of(bare_nlp, text) == []


def test_questions_over_a_matter_still_have_a_topic(bare_nlp):
    c = only(claims_of(bare_nlp, "The senator answered questions over the pension reform."))
    assert c.content.text == "the pension reform"
    assert c.speaker.text == "The senator"


@pytest.mark.parametrize("text", [
    "The majority of the loans seek new borrowers.",
    "Thirty percent of the fleet needs new engines.",
    "Forty percent of the budget wants more scrutiny.",
])
def test_share_of_a_thing_holds_no_view(bare_nlp, text):
    assert claims_of(bare_nlp, text) == []


def test_share_of_people_still_holds_a_view(bare_nlp):
    c = only(claims_of(bare_nlp, "Sixty percent of respondents believe the ferry fares are too high."))
    assert c.speaker.text == "Sixty percent of respondents"


def test_raising_a_flag_is_no_claim_but_raising_red_flags_is(bare_nlp):
    assert claims_of(bare_nlp, "Sailors raised the flag over the harbour.") == []
    c = only(claims_of(bare_nlp, "The auditors raised red flags about the invoices."))
    assert c.cue.text == "raised"
    assert c.content.text == "red flags about the invoices"
