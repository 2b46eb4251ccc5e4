"""newsledger.analyze(): one text or page in, a DocLedger out."""

import newsledger
from newsledger.contract import problems


def test_analyze_text_returns_a_dated_ledger(analyzer, monkeypatch):
    monkeypatch.setattr(newsledger, "_DEFAULT_ANALYZER", analyzer)
    text = "Armenia and Azerbaijan signed a border deal in Almaty on 2 May 2024, officials said."
    ledger = newsledger.analyze(text, published="2024-05-03")
    assert isinstance(ledger, newsledger.DocLedger)
    assert ledger.document.text == text
    assert ledger.document.published == "2024-05-03" and ledger.document.published_source == "input"
    assert any(t.value == "2024-05-02" for t in ledger.timexes)
    assert any(p.text == "Almaty" and p.country == "KZ" for p in ledger.places)
    assert any(c.cue and c.cue.text == "said" for c in ledger.claims)
    assert problems(newsledger.to_dict(ledger)) == []


def test_analyze_html_extracts_the_article_first(analyzer, monkeypatch):
    monkeypatch.setattr(newsledger, "_DEFAULT_ANALYZER", analyzer)
    body = "The parliament in Tbilisi passed the budget on Tuesday after a long debate. " * 4
    page = (f"<html><head><title>Budget passed</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><p>{body}</p></article></body></html>")
    ledger = newsledger.analyze(page, published="2024-06-14")
    assert "<p>" not in ledger.document.text and "Home" not in ledger.document.text
    assert ledger.document.text.startswith("The parliament in Tbilisi")
    assert any(p.text == "Tbilisi" for p in ledger.places)
