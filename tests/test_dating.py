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
    # "two days later, on March 9" (after a "March 4")
    t = [tx(100, 114, "2023-03-06", anchor="narrative", text="two days later"),
         tx(119, 126, "2023-03-09", anchor="dct", text="March 9")]
    v = date_item(t, anchor=90, clause=(80, 140), sentence=(80, 140))
    assert v.value == "2023-03-09"


def test_timex_inside_event_phrase_gives_way():
    # "after the 2011 earthquake": the phrase, not the bare year
    t = [tx(10, 35, "2011-03-11", anchor="event", mod="AFTER"), tx(20, 24, "2011")]
    v = date_item(t, anchor=22, clause=(0, 40), sentence=(0, 40))
    assert (v.value, v.mod, v.how) == ("2011-03-11", "AFTER", "event")


def test_durations_and_refs_do_not_date():
    t = [tx(0, 10, "P7M", anchor=None, type="DURATION"), tx(12, 15, "PRESENT_REF", anchor="dct")]
    assert date_item(t, anchor=5, clause=(0, 20), sentence=(0, 20), carry=False) is None


def test_carry_over_without_doc_is_bounded():
    t = [tx(0, 10, "2023-05-16")]
    v = date_item(t, anchor=60, clause=(50, 80), sentence=(50, 80))
    assert (v.value, v.how) == ("2023-05-16", "narrative")
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
    text = ("Westland shipped grain to Freedonia on May 16. The cargo was the largest in years. "
            "In the Ruritanian capital, the envoy was summoned to hear a protest.\n")
    doc, timexes = _analyse(nlp, text)
    v = date_item(timexes, doc=doc, **_item(doc, "summoned"))
    assert (v.value, v.how) == ("2023-05-16", "narrative")


def test_no_carry_over_after_a_heading_or_into_present_tense(nlp):
    text = ("Westland shipped grain to Freedonia on May 16.\nTrade with Ruritania\n"
            "Ruritania sells timber to Westland.\n")
    doc, timexes = _analyse(nlp, text)
    assert date_item(timexes, doc=doc, **_item(doc, "sells")) is None


def test_when_the_event_began(nlp):
    text = ("On March 2, Ruritania launched the assault. "
            "When the assault began, the ministry issued a statement. "
            "Westland was accused of disloyalty.")
    doc, timexes = _analyse(nlp, text)
    v = date_item(timexes, doc=doc, **_item(doc, "issued"))
    assert v.value == "2023-03-02" and v.how == "event"
    v = date_item(timexes, doc=doc, **_item(doc, "accused"))
    assert v.value == "2023-03-02" and v.how == "narrative"


def test_years_ago_with_the_dct_and_refinement(nlp):
    text = ("A fishing accord was concluded six years ago. "
            "Freedonia has broken the fishing accord from April 2017 many times.")
    doc, timexes = _analyse(nlp, text)
    v = date_item(timexes, **_item(doc, "concluded"))
    assert (v.value, v.how) == ("2017", "dct")
    v = date_item(timexes, doc=doc, **_item(doc, "concluded"))
    assert (v.value, v.how) == ("2017-04", "event")


def test_event_anchored_dates_an_item(nlp):
    text = "Just before Russia's invasion of Ukraine, the two airlines merged in Vienna."
    doc, timexes = _analyse(nlp, text)
    v = date_item(timexes, doc=doc, **_item(doc, "merged"))
    assert (v.value, v.mod, v.how) == ("2022-02-24", "BEFORE", "event")


# ----------------------------------------------------------------------
# claims and figures are dated like events, with ``how``

STORY = ("Ruritania closed its border on March 2, 2023. "
         "More than 20,000 villagers left the valley within a month.\n"
         "On March 3, the ministry said that the talks had failed.\n"
         "Only two days later, on March 6, did 40 trucks cross the border.\n")


@pytest.fixture(scope="module")
def story(analyzer):
    return analyzer.analyze(STORY, published="2023-11-27")


def test_figures_get_their_time(story):
    q = {x.evidence.text.split()[-1]: x for x in story.quantities}
    left = next(x for x in story.quantities if "20,000" in x.evidence.text)
    assert (left.time.value, left.time.how) == ("2023-03-02", "narrative")
    trucks = next(x for x in story.quantities if "40" in x.evidence.text)
    # the explicit date beside "two days later" (March 5) wins
    assert (trucks.time.value, trucks.time.how) == ("2023-03-06", "dct"), q


def test_claims_get_their_time(story):
    claim = next(c for c in story.claims if "talks" in c.content.text)
    assert claim.time is not None and claim.time.how
    assert claim.time.value == "2023-03-03"


def test_every_dated_item_says_how(story):
    items = story.events + story.claims + story.quantities
    assert items
    for item in items:
        if item.time is not None:
            assert item.time.how in ("explicit", "dct", "narrative", "event", "sentence"), item


def test_a_relative_date_beside_a_calendar_one_gives_way_too():
    # "yesterday, March 9" (relative to the DCT, not to the narrative)
    t = [tx(100, 109, "2023-03-10", anchor="dct", text="yesterday"),
         tx(111, 118, "2023-03-09", anchor="dct", text="March 9")]
    v = date_item(t, anchor=95, clause=(80, 140), sentence=(80, 140))
    assert v.value == "2023-03-09"
    # two calendar dates: the nearest still wins
    t = [tx(100, 107, "2023-03-04", anchor="dct", text="March 4"),
         tx(109, 116, "2023-03-09", anchor="dct", text="March 9")]
    assert date_item(t, anchor=95, clause=(80, 140), sentence=(80, 140)).value == "2023-03-04"
