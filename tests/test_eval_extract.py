"""The extract benchmark scorer: the metric on tiny inputs, and the dev set."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsledger.evaluate import extract
from newsledger.evaluate.extract import (bootstrap_std, exact, match, score_pages, scores,
                                         shingles, tokenize)



def test_tokenize_is_unicode_words():
    assert tokenize("Привет, мир! naïve café's 42") == ["Привет", "мир", "naïve", "café", "s", "42"]
    assert tokenize(None) == [] and tokenize("") == []


def test_shingles():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a, b. c!") == {("a", "b", "c"): 1}  # shorter text: one short shingle
    assert shingles("x x x x x") == {("x", "x", "x", "x"): 2}  # a multiset
    assert shingles("...") == {}


def test_perfect_match_scores_one():
    tp, fp, fn = match("The cat sat on the mat.", "The cat sat on the mat.")
    assert (tp, fp, fn) == (1.0, 0.0, 0.0)
    metrics = score_pages(["one two three four five"], ["one, two, three, four, five"])
    assert metrics["f1"] == metrics["precision"] == metrics["recall"] == metrics["accuracy"] == 1.0
    assert metrics["f1_std"] == 0.0


def test_disjoint_scores_zero():
    tp, fp, fn = match("alpha beta gamma delta", "one two three four")
    assert (tp, fp, fn) == (0.0, 0.5, 0.5)
    metrics = score_pages(["alpha beta gamma delta"], ["one two three four"])
    assert metrics["f1"] == metrics["precision"] == metrics["recall"] == metrics["accuracy"] == 0.0


def test_short_texts_below_four_tokens():
    assert match("Hello world", "hello world") == (0.0, 0.5, 0.5)  # case matters
    assert match("Hello world", "Hello, world!") == (1.0, 0.0, 0.0)
    # a 3-token shingle never equals a 4-token one
    assert match("a b c", "a b c d") == (0.0, 0.5, 0.5)


def test_page_normalisation_and_means():
    # page 1: gold 2 shingles, prediction 1 of them -> P 1, R 0.5
    # page 2: perfect -> P 1, R 1
    golds = ["a b c d e", "w x y z"]
    preds = ["a b c d", "w x y z"]
    assert match(golds[0], preds[0]) == (0.5, 0.0, 0.5)
    metrics = score_pages(golds, preds)
    assert metrics["precision"] == 1.0
    assert metrics["recall"] == 0.75
    assert metrics["f1"] == pytest.approx(2 * 0.75 / 1.75)
    assert metrics["accuracy"] == 0.5


def test_empty_prediction_is_left_out_of_precision():
    # page 1 predicts nothing: no precision term, recall 0
    metrics = score_pages(["a b c d", "w x y z"], ["", "w x y z"])
    assert metrics["precision"] == 1.0
    assert metrics["recall"] == 0.5
    assert metrics["f1"] == pytest.approx(2 / 3)


def test_long_pages_do_not_weigh_more():
    long_gold = " ".join(f"w{i}" for i in range(1000))
    metrics = score_pages([long_gold, "a b c d"], [long_gold, "e f g h"])
    assert metrics["precision"] == 0.5 and metrics["recall"] == 0.5


def test_scores_of_nothing_are_zero():
    assert scores([]) == {"f1": 0.0, "precision": 0.0, "recall": 0.0}


def test_exact():
    assert exact("Hello, world!", "Hello world") == 1.0
    assert exact("Hello world", "Hello world again") == 0.0


def test_bootstrap_is_deterministic():
    pages = [match("a b c d e f", p) for p in ["a b c d", "a b c d e f", "x y z w", "c d e f"]]
    acc = [0.0, 1.0, 0.0, 0.0]
    first, second = bootstrap_std(pages, acc), bootstrap_std(pages, acc)
    assert first == second
    assert set(first) == {"f1_std", "precision_std", "recall_std", "accuracy_std"}
    assert all(value > 0 for value in first.values())


def _page(paragraphs: list[str], furniture: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>t</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article>{body}</article><footer>{furniture}</footer></body></html>")


def test_evaluate_on_a_small_file(tmp_path):
    text = ["The ferry service between the two islands will stop running at the end of the month.",
            "The operator said that rising fuel costs had made the route impossible to keep open.",
            "Residents plan to meet the regional transport office next week to ask for a subsidy."]
    records = [
        {"id": "1", "url": "https://example.com/a", "html": _page(text, "Copyright 2023"),
         "body": "\n".join(text)},
        {"id": "2", "url": "https://example.com/b", "html": "<html><body></body></html>",
         "body": "A page whose article we cannot find."},
        {"id": "3", "url": "https://example.com/c", "html": _page(text, "x"), "body": "never read"},
    ]
    path = tmp_path / "tiny.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record) + "\n")
    report = extract.evaluate(path, limit=2)
    assert report.task == "extract" and report.n == 2
    # page 1 perfect; page 2 empty prediction: out of precision, recall 0
    assert report.metrics["precision"] == 1.0
    assert report.metrics["recall"] == 0.5
    assert report.metrics["accuracy"] == 0.5
    assert report.metrics["empty"] == 1.0
    assert "f1_std" in report.metrics
    assert any("ms/page" in line for line in report.details)
