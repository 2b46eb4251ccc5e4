"""The quantities stage on hand-made sentences: figures found (value, unit, what
is counted, hedge, change, time), and non-figures (dates, clock times, ages
used as names, list numbering) not found."""

from __future__ import annotations

import pytest

from newsledger.model import Timex
from newsledger.nlp.quantities import find_quantities


@pytest.fixture(scope="session")
def bare_nlp():
    from newsledger.nlp.model_loader import load_model

    return load_model()


def figures(bare_nlp, text, timexes=()):
    doc = bare_nlp(text)
    out = find_quantities(doc, list(timexes))
    for q in out:
        assert text[q.evidence.start:q.evidence.end] == q.evidence.text
    return out


def one(qs):
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize("text, value, unit, approx", [
    ("Russia deployed 1,960 troops to the region.", 1960, "troops", None),
    ("More than 100,000 Armenians fled the region within a week.", 100000, "people", "above"),
    ("The war displaced as many as 50,000 Armenians.", 50000, "people", "up-to"),
    ("They endured almost ten months of blockade.", 10, "month", "below"),
    ("Over a hundred thousand people left.", 100000, "people", "above"),
    ("The army sent ten tanks.", 10, "tanks", None),
    ("Hundreds of thousands of refugees crossed the border.", 100000, "people", "above"),
    ("Lukoil owns 20 percent of Shah Deniz.", 20, "percent", None),
    ("The state spent $2.5 billion on roads.", 2.5e9, "USD", None),
    ("About 300 civilians were evacuated.", 300, "people", "about"),
    ("At least 12 soldiers were killed.", 12, "soldiers", "at-least"),
    ("Up to 40 percent of the budget went to defence.", 40, "percent", "up-to"),
    ("The agreement has 43 points.", 43, "points", None),
])
def test_figures(bare_nlp, text, value, unit, approx):
    q = one(figures(bare_nlp, text))
    assert q.value == value
    assert q.unit == unit
    assert q.approx == approx


def test_counts_and_change(bare_nlp):
    q = one(figures(bare_nlp, "In 2022, Armenia imported 515 percent more circuit chips than before."))
    assert q.value == 515 and q.unit == "percent" and q.change == "increase"
    assert q.counts == "circuit chips"
    assert q.evidence.text == "515 percent more circuit chips"
    q = one(figures(bare_nlp, "They endured almost ten months of blockade."))
    assert q.counts == "blockade" and q.hedge == "almost"
    q = one(figures(bare_nlp, "The 1,960 Russian peacekeeping troops stayed."))
    assert q.counts == "Russian peacekeeping troops"


def test_time_from_timexes(bare_nlp):
    text = "On September 11 Armenia held a ten-day exercise."
    s = text.index("September 11")
    tx = Timex(s, s + len("September 11"), "September 11", "DATE", "2023-09-11", anchor="dct")
    q = one(figures(bare_nlp, text, [tx]))
    assert q.value == 10 and q.unit == "day"
    assert q.time is not None and q.time.value == "2023-09-11"


@pytest.mark.parametrize("text", [
    "The offensive began on 19 September 2023.",
    "The meeting started at 10:30 in the morning.",
    "The 43-year-old said he would stay.",
    "1. Introduction\n",
    "Resolution 2334 was adopted.",
    "He was born in 1975.",
    "She was the first to arrive.",
    "One argument holds that the West lost interest.",
])
def test_not_figures(bare_nlp, text):
    assert figures(bare_nlp, text) == []


def test_figures_unit_rule():
    from newsledger.evaluate.seed import unit_matches

    assert unit_matches("people", "people")
    assert unit_matches("years", "year")
    assert unit_matches("troops", "troops")
    assert unit_matches("per cent", "percent")
    assert unit_matches("persons", "people")
    assert not unit_matches("Armenians", "people")
    assert not unit_matches(None, "percent")
    assert unit_matches("km", None)


# ---------------------------------------------------------------------------
# the scan for numbers


_SCAN_TEXT = ("Some 2.5bn dollars, forty-three tanks, twenty - five boats and a hundred thousand people; "
              "dozens of villages, 1,960 troops and an army of 10k men.\n\nTwo hundred and fifty left.")


def test_number_starts_hold_every_start_of_a_number(bare_nlp):
    """The scan looks at no token where a number may start but those it lists."""
    from newsledger.nlp.quantities import _match_number, _number_starts, lexicon

    doc = bare_nlp(_SCAN_TEXT)
    lex = lexicon()
    starts = _number_starts(doc, lex)
    found = [tok.i for sent in doc.sents for tok in sent if _match_number(doc, tok.i, sent, lex) is not None]
    assert found and set(found) <= set(starts)
    assert all(doc[i].text.lower() != "villages" for i in starts)


def test_scan_equals_a_walk_over_every_token(bare_nlp):
    """Jumping from one possible start to the next finds what a walk over every token finds."""
    from newsledger.nlp import quantities as Q

    doc = bare_nlp(_SCAN_TEXT)
    lex = Q.lexicon()
    walked, used = [], set()
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            found = Q._match_number(doc, i, sent, lex)
            if found is None:
                i += 1
                continue
            start, end, value, vague = found
            if not any(k in used for k in range(start, end)) \
                    and Q._is_figure(doc, start, end, sent, Q._blocked_chars(doc, [])):
                q = Q._build(doc, sent, start, end, value, vague, lex, [])
                if q is not None:
                    walked.append(q)
                    used.update(range(start, end))
            i = end
    assert len(walked) >= 5
    assert Q.find_quantities(doc, []) == walked
