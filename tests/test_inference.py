"""Publication date inference (:mod:`newsledger.nlp.timex.inference`) and its
use by the time stage; dates that contradict each other."""

from __future__ import annotations

import pytest

from newsledger.contract import problems
from newsledger.model import DocLedger, Document, from_dict, to_dict
from newsledger.nlp.time import find_timexes
from newsledger.nlp.timex.inference import USE_CONFIDENCE, InferredDate, infer_published


def run(nlp, text, published=None):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.errors = []
    return nlp(doc)


def infer(nlp, text):
    doc = run(nlp, text, published="2000-01-01")  # the stage must not infer here
    doc._.published = None
    return infer_published(doc, find_timexes(doc, None))


DATELINE = ("Boeing unveils long-range 777\nFebruary 17, 2005\n"
            "Boeing has unveiled a new ultra-long range version of its 777 airliner.\n")
CUE = "OSLO, Oct. 4, 2021 (Reuters) \u2014 Norway said its ferry had left the harbour on Sunday.\n"
APPOSITION = ("The bridge was opened five years ago, in June 2017, in a small town. "
              "Both sides praised the builders.\n")
EVENT = ("A peace treaty was signed between the two countries four years ago. "
         "Trade has grown since.\n"
         "Neither side has fully respected the peace treaty from March 2019, observers said.\n")
LATEST_DAY = "The company reported losses on March 3, 2021. Its shares had fallen in May 2020.\n"
LATEST_MONTH = "The company reported losses in March 2021. Its shares had fallen in 2020.\n"


def test_a_dateline_gives_the_date(nlp):
    got = infer(nlp, DATELINE)
    assert isinstance(got, InferredDate)
    assert (got.value, got.reason) == ("2005-02-17", "dateline")
    assert got.evidence.text == "February 17, 2005"
    assert got.confidence >= 0.8


def test_a_dateline_cue(nlp):
    got = infer(nlp, CUE)
    assert (got.value, got.reason) == ("2021-10-04", "dateline")
    assert got.confidence >= 0.9


def test_no_dates_no_inference(nlp):
    assert infer(nlp, "Westland said its troops were leaving. The minister is happy about it.\n") is None
    # durations, sets and references to now are no evidence
    assert infer(nlp, "For five years, the talks have met every week. Now they have stopped.\n") is None
    # a year alone is not enough
    assert infer(nlp, "The company was founded in 1998 and grew fast.\n") is None


def test_ago_beside_its_date(nlp):
    got = infer(nlp, APPOSITION)
    assert (got.value, got.reason) == ("2022-06", "relative")
    assert got.evidence.text == "five years ago"


def test_ago_dated_by_the_same_event_elsewhere(nlp):
    got = infer(nlp, EVENT)
    assert (got.value, got.reason) == ("2023-03", "relative")


def test_the_latest_reported_date_is_a_weak_guess(nlp):
    got = infer(nlp, LATEST_DAY)
    assert (got.value, got.reason) == ("2021-03-03", "latest")
    assert got.confidence < USE_CONFIDENCE


def test_confidence_ordering(nlp):
    conf = [infer(nlp, t).confidence for t in (CUE, DATELINE, APPOSITION, EVENT, LATEST_DAY, LATEST_MONTH)]
    assert conf == sorted(conf, reverse=True) and len(set(conf)) == len(conf), conf
    assert all(0 < c <= 1 for c in conf)


def test_a_future_date_is_not_the_latest_reported(nlp):
    got = infer(nlp, "The firm reported losses on March 3, 2021. It will open a plant on May 5, 2024.\n")
    assert got.value == "2021-03-03"


# ----------------------------------------------------------------------
# the time stage

def test_the_stage_uses_a_confident_inference_as_dct(nlp):
    doc = run(nlp, CUE)
    assert doc._.published == "2021-10-04"
    assert doc._.published_inferred["value"] == "2021-10-04"
    assert doc._.published_inferred["reason"] == "dateline"
    assert doc._.published_inferred["evidence"]["text"] == "Oct. 4, 2021"
    sunday = next(t for t in doc._.timexes if t.text == "Sunday")
    assert sunday.value == "2021-10-03"  # resolved again against the inferred date (a Monday)


def test_a_month_dct_keeps_today_at_the_month(nlp):
    doc = run(nlp, APPOSITION + "Today the town is quiet.\n")
    assert doc._.published == "2022-06"
    today = next(t for t in doc._.timexes if t.text == "Today")
    assert today.value == "2022-06"


def test_the_stage_leaves_a_weak_guess_alone(nlp):
    doc = run(nlp, LATEST_DAY)
    assert doc._.published is None and doc._.published_inferred is None


def test_the_stage_never_overrides_a_given_date(nlp):
    doc = run(nlp, CUE, published="2023-12-01")
    assert doc._.published == "2023-12-01" and doc._.published_inferred is None


# ----------------------------------------------------------------------
# inconsistencies

INCONSISTENT = ("The strike at the port began on March 2, 2023. "
                "Only two days later, on March 6, did the cranes move again.\n")


def test_a_relative_date_that_disagrees_is_recorded(nlp):
    doc = run(nlp, INCONSISTENT, published="2023-11-27")
    (inc,) = doc._.inconsistencies
    assert inc.kind == "date"
    assert (inc.a.text, inc.a_value) == ("two days later", "2023-03-04")
    assert (inc.b.text, inc.b_value, inc.kept) == ("March 6", "2023-03-06", "2023-03-06")
    assert INCONSISTENT[inc.a.start:inc.a.end] == inc.a.text
    assert "2023-03-04" in inc.message and "2023-03-06" in inc.message


def test_agreeing_dates_are_not_inconsistent(nlp):
    text = ("The strike at the port began on March 2, 2023. "
            "Two days later, on March 4, the cranes moved again.\n")
    assert run(nlp, text, published="2023-11-27")._.inconsistencies == []
    # a range is not a contradiction
    doc = run(nlp, "The festival ran on March 2\u20133, 2023.\n", published="2023-11-27")
    assert doc._.inconsistencies == []


def test_inconsistencies_in_the_ledger_round_trip(nlp):
    from newsledger.nlp.pipeline import doc_to_ledger

    doc = run(nlp, INCONSISTENT, published="2023-11-27")
    ledger = doc_to_ledger(doc, Document.from_text(INCONSISTENT, published="2023-11-27", published_source="input"))
    ledger.inconsistencies = list(doc._.inconsistencies)  # what doc_to_ledger is to copy
    data = to_dict(ledger)
    assert data["inconsistencies"][0]["kept"] == "2023-03-06"
    assert problems(data) == []
    back = from_dict(DocLedger, data)
    assert back.inconsistencies == ledger.inconsistencies
    # older lines without the key still load
    del data["inconsistencies"]
    assert from_dict(DocLedger, data).inconsistencies == []


def test_document_published_confidence_is_optional():
    d = Document.from_text("x")
    assert d.published_confidence is None
    assert from_dict(Document, {"id": "a", "text": "x"}).published_confidence is None


@pytest.mark.parametrize("text", [DATELINE, CUE, APPOSITION])
def test_inference_is_cheap_and_stable(nlp, text):
    assert infer(nlp, text) == infer(nlp, text)
