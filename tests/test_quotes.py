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
    c = only(claims_of(bare_nlp, "The government calls the exodus “forced resettlement”."))
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
    c = only(claims_of(bare_nlp, "The troops are said to have left the town."))
    assert c.speaker is None
    assert "left the town" in c.content.text


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
    claims = claims_of(bare_nlp, "He referred to the war in Ukraine, stating that its presence has proven unreliable.")
    c = only(claims)
    assert c.cue.text == "stating" and c.speaker.text == "He"


def test_speaker_full_noun_phrase(bare_nlp):
    c = only(claims_of(bare_nlp, "A soldier who fought in the city of Martuni claimed that the troops had withdrawn."))
    assert c.speaker.text == "A soldier who fought in the city of Martuni"


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
    text = "The Armenian government believes that Baku has brought its policy to its conclusion."
    doc = bare_nlp(text)
    start = text.index("Armenian")
    actor = Actor(id="armenia-gov", name="Armenia (government)", kind="government",
                  mentions=[Span.of(text, start, start + len("Armenian government"))])
    other = Actor(id="azerbaijan-gov", name="Azerbaijan (government)", kind="government",
                  mentions=[Span.of(text, text.index("Baku"), text.index("Baku") + 4)])
    c = only(find_claims(doc, [actor, other]))
    assert c.speaker_actor == "armenia-gov"


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
    text = ("Putin stated that Armenia had itself to blame. "
            "“If Armenia recognised Karabakh as part of Azerbaijan, what do we have to do with it?”")
    merged = claims_of(bare_nlp, text)
    assert len(merged) == 1 and merged[0].content.text.endswith("with it?”")
    separate = claims_of(bare_nlp, text, separate_follow_on=True)
    assert len(separate) == 2
    quote = separate[1]
    assert quote.cue is None and quote.kind == "direct"
    assert quote.speaker_name == "Putin"
    assert separate[0].content.text == "that Armenia had itself to blame"


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
