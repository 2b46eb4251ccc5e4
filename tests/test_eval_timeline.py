"""The timeline scorer (SemEval-2015 Task 4 temporal awareness) on hand-made
timelines whose figures were worked out by hand, the entity-timeline system on
a toy text, and the dev file when it is there."""

from __future__ import annotations

import pytest

from newsledger.evaluate.timeline import (
    awareness,
    gold_graph,
    gold_lines,
    natural_key,
    parse_text,
    reduce_graph,
    score,
    to_text,
)
from newsledger.resolve.entity_timeline import date_key, normalise_date

from .conftest import shared_file

D1, D2, D3 = "2005-01-01", "2005-02-01", "2005-03-01"
A, B, C = "9-1-launched", "9-2-flew", "9-3-landed"
GOLD = [(1, D1, (A,)), (2, D2, (B,)), (3, D3, (C,))]


def _prf(gold, system):
    return awareness(gold, system).prf()


def test_identical_timelines_score_one():
    # 3 event-time links + 2 BEFORE links, all matched both ways
    c = awareness(GOLD, GOLD)
    assert (c.prec_matched, c.system, c.rec_matched, c.gold) == (5, 5, 5, 5)
    assert c.prf() == (1.0, 1.0, 1.0)


def test_reversed_order_keeps_only_the_anchors():
    # system: C before B before A, each with its right date.  Its 3 event-time
    # links are right, its 2 BEFORE links contradict the gold: P = R = 3/5.
    system = [(1, D3, (C,)), (2, D2, (B,)), (3, D1, (A,))]
    p, r, f = _prf(GOLD, system)
    assert p == pytest.approx(3 / 5) and r == pytest.approx(3 / 5) and f == pytest.approx(0.6)


def test_closure_rewards_an_implied_relation():
    # system: A (rank 1) before C (rank 2), B left out.  A BEFORE C is not a
    # gold link but the gold closure (A < B < C) implies it: precision 3/3.
    # Recall: of the gold's 5 links only A~t0 and C~t2 are there: 2/5.
    system = [(1, D1, (A,)), (2, D3, (C,))]
    p, r, f = _prf(GOLD, system)
    assert p == 1.0
    assert r == pytest.approx(2 / 5)
    assert f == pytest.approx(2 * 1.0 * 0.4 / 1.4)


def test_wrong_date_loses_the_anchor_but_not_the_order():
    # B anchored to an unknown-to-gold date: its time link is unmatched on
    # both sides; the order A < B < C still holds.  System links: 3 anchors +
    # 2 BEFORE, 4 right; gold links: 5, 4 found.
    system = [(1, D1, (A,)), (2, "2005-02-XX", (B,)), (3, D3, (C,))]
    p, r, _ = _prf(GOLD, system)
    assert p == pytest.approx(4 / 5) and r == pytest.approx(4 / 5)


def test_reduced_graph_drops_implied_and_keeps_violated_relations():
    # A and B on one line: A SIMULTANEOUS B is implied by their shared date
    # node and leaves the reduced graph: 3 anchors + B BEFORE C = 4.
    final, _ = reduce_graph(gold_graph([(1, D1, (A, B)), (2, D2, (C,))]).relations)
    assert len(final) == 4
    # two ranks on one date: A BEFORE B contradicts A = t0 = B; the tool keeps
    # it (violated) in the list it scores, but not in the closure.
    same_day = [(1, D1, (A,)), (2, D1, (B,))]
    final, closure = reduce_graph(gold_graph(same_day).relations)
    assert len(final) == 3
    assert closure.relation("ei1", "ei2") == "SIMULTANEOUS"
    # a system that puts both on one rank: its 2 anchors are right (the A~B
    # link is implied and dropped); of the gold's 3 links, the violated BEFORE
    # is neither stated nor implied by the system: R = 2/3
    p, r, _ = _prf(same_day, [(1, D1, (A, B))])
    assert p == 1.0 and r == pytest.approx(2 / 3)
    # the same timeline as the gold matches the violated link literally
    assert _prf(same_day, same_day) == (1.0, 1.0, 1.0)


def test_rank_zero_lines_are_not_scored():
    gold = [(0, "XXXX-XX-XX", ("9-5-said",)), *GOLD]
    system = [*GOLD, (0, "XXXX-XX-XX", ("9-6-owns",))]
    assert _prf(gold, system) == (1.0, 1.0, 1.0)
    assert _prf(gold, []) == (0.0, 0.0, 0.0)


def test_lines_sort_naturally_and_round_trip():
    assert sorted(["10\tx", "9\tx", "2\tx"], key=natural_key) == ["2\tx", "9\tx", "10\tx"]
    text = to_text("Acme", GOLD)
    assert text.splitlines()[0] == "Acme"
    assert parse_text(text) == GOLD


def test_gold_lines_group_one_line_per_cluster():
    entries = [{"rank": 1, "date": D1, "doc": "9", "sentence": 1, "mention_text": "launched", "cluster": 0},
               {"rank": 1, "date": D1, "doc": "9", "sentence": 0, "mention_text": "launches", "cluster": 0},
               {"rank": 2, "date": D2, "doc": "9", "sentence": 2, "mention_text": "flew", "cluster": 1}]
    assert gold_lines(entries) == [(1, D1, ("9-1-launched", "9-0-launches")), (2, D2, ("9-2-flew",))]


def test_score_micro_averages_over_targets():
    gold = {"c": {"X": GOLD, "Y": [(1, D1, ("8-1-won",))]}}
    system = {"c": {"X": GOLD}}  # nothing for Y
    report = score(gold, system)
    # counts: X 5/5 and 5/5; Y 0 system, 1 gold → P 5/5, R 5/6
    assert report.metrics["precision"] == 1.0
    assert report.metrics["recall"] == pytest.approx(5 / 6)
    assert report.n == 2
    assert any("Y" in line for line in report.details)


def test_dates_take_the_task_format():
    assert normalise_date("2007-10", None) == "2007-10-XX"
    assert normalise_date("2004", None) == "2004-XX-XX"
    assert normalise_date("2005-01-18T10:30", None) == "2005-01-18"
    assert normalise_date("PRESENT_REF", "2005-06-13") is None
    assert normalise_date("PAST_REF", "2005-06-13") is None
    assert date_key("2007-XX-XX") < date_key("2007-02-28") < date_key("2007-10-XX")


def test_entity_timeline_on_a_toy_text(analyzer):
    from newsledger.resolve.entity_timeline import build_timelines

    docs = [{"id": "1", "dct": "2005-01-18",
             "text": "Acme launches new plane\nJanuary 18 , 2005\nAcme unveiled its new plane on Tuesday .\n"
                     "Acme will deliver the plane in March 2006 ."}]
    lines = {(e.rank, e.date, n) for e in build_timelines(docs, ["Acme"], nlp=analyzer.nlp)["Acme"]
             for n in e.names}
    assert (1, "2005-01-18", "1-0-launches") in lines
    assert any(d == "2006-03-XX" and n == "1-3-deliver" for _, d, n in lines)
    ranks = {n: r for r, _, n in lines}
    assert ranks["1-0-launches"] < ranks["1-3-deliver"]


def test_dev_file(analyzer):
    from newsledger.evaluate import evaluate

    path = shared_file("eval", "timeline", "dev.jsonl")
    report = evaluate("timeline", str(path), analyzer=analyzer)
    assert report.n == 13
    assert report.metrics["f1"] > 0.15
    assert 0.0 < report.metrics["mention_f1"] <= 1.0
