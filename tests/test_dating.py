"""Dating items (events, claims, figures): :func:`newsledger.nlp.dating.date_item`."""

from __future__ import annotations

import pytest

from newsledger.model import Timex
from newsledger.nlp.dating import date_item
from newsledger.nlp.time import find_timexes


def tx(start, end, value, anchor="explicit", type="DATE", mod=None, text=None):
    return Timex(start, end, text or "x" * (end - start), type, value, mod=mod, anchor=anchor)


def test_clause_first_then_sentence():
    t = [tx(10, 20, "2023-09-19"), tx(60, 70, "2022")]
    v = date_item(t, anchor=12, clause=(0, 30), sentence=(0, 80))
    assert (v.value, v.how) == ("2023-09-19", "explicit")
    v = date_item(t, anchor=65, clause=(40, 50), sentence=(0, 80))
    assert (v.value, v.how) == ("2022", "sentence")


def test_backward_compatible_call_without_extras():
    assert date_item([], anchor=0, clause=(0, 5), sentence=(0, 5)) is None


def test_explicit_date_beside_a_relative_one_wins():
    # "two days later, on September 23"
    t = [tx(100, 114, "2023-09-21", anchor="narrative", text="two days later"),
         tx(119, 131, "2023-09-23", anchor="dct", text="September 23")]
    v = date_item(t, anchor=90, clause=(80, 140), sentence=(80, 140))
    assert v.value == "2023-09-23"


def test_timex_inside_event_phrase_gives_way():
    # "before the 2020 war": the phrase, not the bare year
    t = [tx(10, 29, "2020-09-27", anchor="event", mod="BEFORE"), tx(21, 25, "2020")]
    v = date_item(t, anchor=22, clause=(0, 40), sentence=(0, 40))
    assert (v.value, v.mod, v.how) == ("2020-09-27", "BEFORE", "event")


def test_durations_and_refs_do_not_date():
    t = [tx(0, 10, "P10M", anchor=None, type="DURATION"), tx(12, 15, "PRESENT_REF", anchor="dct")]
    assert date_item(t, anchor=5, clause=(0, 20), sentence=(0, 20), carry=False) is None


def test_carry_over_without_doc_is_bounded():
    t = [tx(0, 10, "2023-09-07")]
    v = date_item(t, anchor=60, clause=(50, 80), sentence=(50, 80))
    assert (v.value, v.how) == ("2023-09-07", "narrative")
    assert date_item(t, anchor=2000, clause=(1990, 2010), sentence=(1990, 2010)) is None
    assert date_item(t, anchor=60, clause=(50, 80), sentence=(50, 80), carry=False) is None


@pytest.fixture(scope="module")
def nlp():
    from newsledger.nlp.model_loader import load_model

    return load_model()


def _item(doc, word):
    """(anchor, clause, sentence) of the first token ``word``."""
    tok = next(t for t in doc if t.text == word)
    s = tok.sent
    return dict(anchor=tok.idx, clause=(s.start_char, s.end_char), sentence=(s.start_char, s.end_char))


def _analyse(nlp, text, dct="2023-11-27"):
    doc = nlp.make_doc(text)
    doc._.published = dct
    doc = nlp(doc)
    return doc, find_timexes(doc, dct)


def test_narrative_carry_over_in_a_paragraph(nlp):
    text = ("The first was when Armenia sent aid to Ukraine on September 7. It was the first time. "
            "In Moscow, the ambassador was summoned to hear a protest.\n")
    doc, timexes = _analyse(nlp, text)
    v = date_item(timexes, doc=doc, **_item(doc, "summoned"))
    assert (v.value, v.how) == ("2023-09-07", "narrative")


def test_no_carry_over_after_a_heading_or_into_present_tense(nlp):
    text = ("Armenia sent aid to Ukraine on September 7.\nTrade with Russia\n"
            "Russia sells gas to Europe.\n")
    doc, timexes = _analyse(nlp, text)
    assert date_item(timexes, doc=doc, **_item(doc, "sells")) is None


def test_when_the_event_began(nlp):
    text = ("On September 19, Azerbaijan launched the offensive. "
            "When the offensive began, the ministry released a statement. "
            "Armenia was accused of disloyalty.")
    doc, timexes = _analyse(nlp, text)
    v = date_item(timexes, doc=doc, **_item(doc, "released"))
    assert v.value == "2023-09-19" and v.how == "event"
    v = date_item(timexes, doc=doc, **_item(doc, "accused"))
    assert v.value == "2023-09-19" and v.how == "narrative"


def test_three_years_ago_with_the_dct_and_refinement(nlp):
    text = ("A ceasefire agreement was signed three years ago. "
            "Russia did not honour the ceasefire agreement from November 2020.")
    doc, timexes = _analyse(nlp, text)
    v = date_item(timexes, **_item(doc, "signed"))
    assert (v.value, v.how) == ("2020", "dct")
    v = date_item(timexes, doc=doc, **_item(doc, "signed"))
    assert (v.value, v.how) == ("2020-11", "event")


def test_event_anchored_dates_an_item(nlp):
    text = "Just prior to Russia's major invasion of Ukraine, Putin and Aliyev met in Moscow."
    doc, timexes = _analyse(nlp, text)
    v = date_item(timexes, doc=doc, **_item(doc, "met"))
    assert (v.value, v.mod, v.how) == ("2022-02-24", "BEFORE", "event")


# ----------------------------------------------------------------------
# claims and figures are dated like events, with ``how``

STORY = ("Azerbaijan launched the offensive on September 19, 2023. "
         "More than 100,000 Armenians fled the region within a week.\n"
         "On September 20, the ministry said that the talks had failed.\n"
         "It was not until two days later, on September 23, that 40 trucks crossed the border.\n")


@pytest.fixture(scope="module")
def story(analyzer):
    return analyzer.analyze(STORY, published="2023-11-27")


def test_figures_get_their_time(story):
    q = {x.evidence.text.split()[-1]: x for x in story.quantities}
    fled = next(x for x in story.quantities if "100,000" in x.evidence.text)
    assert (fled.time.value, fled.time.how) == ("2023-09-19", "narrative")
    trucks = next(x for x in story.quantities if "40" in x.evidence.text)
    # the explicit date beside "two days later" wins
    assert (trucks.time.value, trucks.time.how) == ("2023-09-23", "dct"), q


def test_claims_get_their_time(story):
    claim = next(c for c in story.claims if "talks" in c.content.text)
    assert claim.time is not None and claim.time.how
    assert claim.time.value == "2023-09-20"


def test_every_dated_item_says_how(story):
    items = story.events + story.claims + story.quantities
    assert items
    for item in items:
        if item.time is not None:
            assert item.time.how in ("explicit", "dct", "narrative", "event", "sentence"), item


def test_a_relative_date_beside_a_calendar_one_gives_way_too():
    # "yesterday, September 23" (relative to the DCT, not to the narrative)
    t = [tx(100, 109, "2023-09-24", anchor="dct", text="yesterday"),
         tx(111, 123, "2023-09-23", anchor="dct", text="September 23")]
    v = date_item(t, anchor=95, clause=(80, 140), sentence=(80, 140))
    assert v.value == "2023-09-23"
    # two calendar dates: the nearest still wins
    t = [tx(100, 112, "2023-09-19", anchor="dct", text="September 19"),
         tx(114, 126, "2023-09-23", anchor="dct", text="September 23")]
    assert date_item(t, anchor=95, clause=(80, 140), sentence=(80, 140)).value == "2023-09-19"
