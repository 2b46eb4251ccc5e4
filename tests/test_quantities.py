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
    ("Ruritania deployed 1,870 troops to the border.", 1870, "troops", None),
    ("More than 30,000 Bolivians fled the valley within a month.", 30000, "people", "above"),
    ("The floods displaced as many as 8,000 Peruvians.", 8000, "people", "up-to"),
    ("They endured almost seven months of drought.", 7, "month", "below"),
    ("Over two hundred thousand people left.", 200000, "people", "above"),
    ("The army sent ten tanks.", 10, "tanks", None),
    ("Hundreds of thousands of refugees crossed the border.", 100000, "people", "above"),
    ("The state owns 35 percent of Westland Rail.", 35, "percent", None),
    ("The state spent $2.5 billion on roads.", 2.5e9, "USD", None),
    ("About 300 civilians were evacuated.", 300, "people", "about"),
    ("At least 12 soldiers were killed.", 12, "soldiers", "at-least"),
    ("Up to 40 percent of the budget went to defence.", 40, "percent", "up-to"),
    ("The charter has 27 articles.", 27, "articles", None),
])
def test_figures(bare_nlp, text, value, unit, approx):
    q = one(figures(bare_nlp, text))
    assert q.value == value
    assert q.unit == unit
    assert q.approx == approx


def test_counts_and_change(bare_nlp):
    q = one(figures(bare_nlp, "In 2019, Freedonia imported 240 percent more solar panels than before."))
    assert q.value == 240 and q.unit == "percent" and q.change == "increase"
    assert q.counts == "solar panels"
    assert q.evidence.text == "240 percent more solar panels"
    q = one(figures(bare_nlp, "They endured almost seven months of drought."))
    assert q.counts == "drought" and q.hedge == "almost"
    q = one(figures(bare_nlp, "The 1,870 Ruritanian border troops stayed."))
    assert q.counts == "Ruritanian border troops"


def test_time_from_timexes(bare_nlp):
    text = "On May 16 Westland held a five-day festival."
    s = text.index("May 16")
    tx = Timex(s, s + len("May 16"), "May 16", "DATE", "2023-05-16", anchor="dct")
    q = one(figures(bare_nlp, text, [tx]))
    assert q.value == 5 and q.unit == "day"
    assert q.time is not None and q.time.value == "2023-05-16"


@pytest.mark.parametrize("text", [
    "The strike began on 4 March 2023.",
    "The meeting started at 10:30 in the morning.",
    "The 38-year-old said he would stay.",
    "1. Introduction\n",
    "Resolution 2334 was adopted.",
    "He was born in 1975.",
    "She was the first to arrive.",
    "One theory holds that the council lost its nerve.",
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
    assert not unit_matches("Ruritanians", "people")
    assert not unit_matches(None, "percent")
    assert unit_matches("km", None)


# ---------------------------------------------------------------------------
# the scan for numbers


_SCAN_TEXT = ("Some 2.5bn dollars, forty-three tanks, twenty - five boats and a hundred thousand people; "
              "dozens of villages, 1,870 troops and an army of 10k men.\n\nTwo hundred and fifty left.")


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
