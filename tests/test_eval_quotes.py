"""The attribution scorer on tiny hand-made inputs, and a dev-set run with floors."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsledger.evaluate import quotes as Q
from newsledger.model import Claim, Span


TEXT = "Smith said the plan failed. Jones added that costs rose. Prices fell, according to Lee."
#       0    5    10   15   20   25   30   35   40   45   50   55   60   65   70   75   80   85


def _span(text: str, sub: str, start: int = 0) -> Span:
    i = text.index(sub, start)
    return Span(i, i + len(sub), sub)


def _gold(source, cue, content, text=TEXT):
    def frag(sub):
        if sub is None:
            return None
        s = _span(text, sub)
        return {"start": s.start, "end": s.end, "text": s.text, "fragments": [[s.start, s.end]]}
    return {"type": "attribution" if source else "no-source", "source": frag(source), "cue": frag(cue),
            "content": frag(content)}


def _claim(speaker, cue, content, kind="indirect", text=TEXT):
    return Claim(speaker=_span(text, speaker) if speaker else None, cue=_span(text, cue) if cue else None,
                 content=_span(text, content), kind=kind)


GOLD = {"id": "t", "text": TEXT, "attributions": [
    _gold("Smith", "said", "the plan failed"),
    _gold("Jones", "added", "that costs rose"),
    _gold("Lee", "according to", "Prices fell"),
]}


def test_perfect_prediction_scores_one():
    preds = [_claim("Smith", "said", "the plan failed"), _claim("Jones", "added", "that costs rose"),
             _claim("Lee", "according to", "Prices fell", "according-to")]
    m = Q.score([GOLD], [preds])
    for key in ("attribution_any_f1", "attribution_jaccard50_f1", "source_overlap_acc", "source_exact_acc",
                "cue_f1", "content_token_f1"):
        assert m[key] == 1.0, key


def test_partial_overlap_counts_for_any_but_not_jaccard():
    # "costs rose. Prices fell" overlaps gold 2 by 2 of 4 tokens and gold 3 by 2: pairs once
    preds = [_claim("Smith", "said", "the plan failed"), _claim("Jones", "added", "rose")]
    m = Q.score([GOLD], [preds])
    assert m["n_pred"] == 2 and m["n_gold"] == 3
    assert m["attribution_any_p"] == 1.0
    assert m["attribution_any_r"] == pytest.approx(2 / 3)
    # "rose" vs "that costs rose": Jaccard 1/3 < 0.5
    assert m["attribution_jaccard50_p"] == 0.5
    assert m["attribution_jaccard50_r"] == pytest.approx(1 / 3)


def test_one_to_one_greedy_pairing():
    # one prediction covering two gold contents pairs with one of them only
    preds = [_claim("Smith", "said", "the plan failed. Jones added that costs rose")]
    m = Q.score([GOLD], [preds])
    assert m["n_matched"] == 1.0
    assert m["attribution_any_r"] == pytest.approx(1 / 3)
    # only the claim's own speaker and cue words leave its content ("Jones added" stays)
    items = Q._pred_items(preds, Q._Tokens(TEXT))
    assert len(items[0].content) == 8


def test_pairing_prefers_largest_overlap():
    gold = [Q._Item(frozenset({1, 2, 3}), None, frozenset()), Q._Item(frozenset({3, 4, 5, 6}), None, frozenset())]
    pred = [Q._Item(frozenset({3, 4, 5}), None, frozenset()), Q._Item(frozenset({1, 2}), None, frozenset())]
    assert sorted(Q.pair(pred, gold)) == [(0, 1, 3), (1, 0, 2)]


def test_source_accuracy_overlap_exact_and_null():
    text = "The White House spokesman said talks resumed. It was reported that troops left."
    gold = {"id": "s", "text": text, "attributions": [
        _gold("The White House spokesman", "said", "talks resumed", text),
        _gold(None, "reported", "that troops left", text),
    ]}
    preds = [_claim("spokesman", "said", "talks resumed", text=text),  # overlap, not exact
             _claim(None, "reported", "that troops left", text=text)]  # null gold, null prediction
    m = Q.score([gold], [preds])
    assert m["source_overlap_acc"] == 1.0
    assert m["source_exact_acc"] == 0.5
    preds[1] = _claim("It", "reported", "that troops left", text=text)  # a source where none is
    m = Q.score([gold], [preds])
    assert m["source_overlap_acc"] == 0.5


def test_fragments_are_scored_not_the_covering_span():
    text = "“We will win,” he said, “because we must.”"
    a = text.index("“We"), text.index("win,”") + 5
    b = text.index("“because"), len(text)
    gold = {"id": "f", "text": text, "attributions": [{
        "type": "attribution", "source": {"start": 15, "end": 17, "text": "he", "fragments": [[15, 17]]},
        "cue": {"start": 18, "end": 22, "text": "said", "fragments": [[18, 22]]},
        "content": {"start": a[0], "end": b[1], "text": text[a[0]:b[1]], "fragments": [list(a), list(b)]}}]}
    # the claim's content is the covering span; its speaker and cue words are taken out
    claim = Claim(speaker=Span.of(text, 15, 17), cue=Span.of(text, 18, 22), content=Span.of(text, 0, len(text)),
                  kind="direct")
    m = Q.score([gold], [[claim]])
    assert m["attribution_jaccard50_f1"] == 1.0
    assert m["content_token_f1"] == 1.0


def test_nothing_predicted_scores_zero():
    m = Q.score([GOLD], [[]])
    assert m["attribution_any_f1"] == 0.0 and m["source_overlap_acc"] == 0.0


def test_evaluate_on_a_small_file(tmp_path, bare_nlp):
    text = ("The senator said that the bill would fail. Prices rose in March. "
            "“We will not give up,” the mayor told reporters.")
    record = {"id": "x", "text": text, "attributions": [
        _gold("The senator", "said", "that the bill would fail", text),
        _gold("the mayor", "told", "“We will not give up,”", text),
    ]}
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({**record, "id": "y"}) + "\n", encoding="utf-8")
    report = Q.evaluate(path, analyzer=SimpleNamespace(nlp=bare_nlp), limit=1)
    assert report.task == "quotes" and report.n == 1
    assert report.metrics["attribution_any_f1"] == 1.0
    assert report.metrics["source_exact_acc"] == 1.0
    assert "quotes" in report.format()


@pytest.fixture(scope="session")
def bare_nlp():
    from newsledger.nlp.model_loader import load_model

    return load_model()
