"""--author-claims: an opinion piece's own assertions become claims of its author."""

from newsledger.contract import problems
from newsledger.model import Document, to_dict
from newsledger.nlp.pipeline import Analyzer
from newsledger.options import AnalyzeOptions

TEXT = ("The minister said on Monday that the talks had failed. "
        "In fact, it was the city council that closed the library, not the school board. "
        "We should not forget who signed the budget.")


def _claims(analyzer, **options):
    a = Analyzer(AnalyzeOptions(**options), nlp=analyzer.nlp)
    (ledger,) = list(a.analyze_documents([Document.from_text(TEXT, author="Jane Roe")], published="2024-03-05"))
    assert problems(to_dict(ledger)) == []
    return ledger.claims


def test_off_by_default(analyzer):
    assert not [c for c in _claims(analyzer) if c.kind == "author"]


def test_author_assertions_become_claims_of_the_author(analyzer):
    claims = _claims(analyzer, author_claims=True)
    mine = [c for c in claims if c.kind == "author"]
    assert mine and all(c.speaker_name == "Jane Roe" and c.speaker is None for c in mine)
    assert any("city council that closed the library" in c.content.text for c in mine)
    # the minister's claim stays the minister's
    assert any(c.kind != "author" and c.cue and c.cue.text == "said" for c in claims)
