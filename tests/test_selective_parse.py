"""Selective dependency parsing (AnalyzeOptions.parse = "selective")."""

from dataclasses import asdict

import pytest

from newsledger.model import Document
from newsledger.nlp import components, selective
from newsledger.nlp.pipeline import Analyzer, build_pipeline
from newsledger.options import AnalyzeOptions

#: sentences with a cue: an event trigger, a reporting verb, a quotation mark,
#: "according to", an attribution noun, a stance participle with a that-clause
CUE_SENTENCES = [
    "Rebels attacked the convoy near the border.",
    "The minister said the talks would resume.",
    "“We are ready,” the general told reporters.",
    "According to the census, the town has 4,000 inhabitants.",
    "Officials are convinced that the bridge is safe.",
    "The government imposed sanctions on the company.",
]
#: sentences with none: descriptions with no trigger, speech or quotation
PLAIN_SENTENCES = [
    "The weather was mild and the river was calm.",
    "The museum has three floors and a small garden.",
    "The old bridge is made of grey stone.",
    "Its roof is red.",
]


@pytest.fixture(scope="module")
def selective_analyzer():
    return Analyzer(AnalyzeOptions(parse="selective"))


@pytest.fixture(scope="module")
def sel_nlp(selective_analyzer):
    return selective_analyzer.nlp


def _model_only(nlp):
    return nlp.select_pipes(disable=[n for n in components.STAGES if n in nlp.pipe_names])


def test_pipeline_layout(sel_nlp, nlp):
    names = sel_nlp.pipe_names
    assert isinstance(sel_nlp.get_pipe("parser"), selective.SelectiveParser)
    assert "senter" not in sel_nlp.component_names
    assert names.index("lemmatizer") < names.index("parser") < names.index("newsledger_time")
    assert names.index("ner") < names.index("parser")
    # the default stays "all": the model's own parser, after our line rules
    assert not isinstance(nlp.get_pipe("parser"), selective.SelectiveParser)
    assert nlp.pipe_names.index("newsledger_lines") < nlp.pipe_names.index("parser")


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="parse must be one of"):
        build_pipeline(parse="some")


@pytest.mark.parametrize("text", CUE_SENTENCES)
def test_sentences_with_a_cue_are_parsed(sel_nlp, text):
    with _model_only(sel_nlp):
        doc = sel_nlp(text)
    stats = doc.user_data[selective.STATS_KEY]
    assert stats["mode"] == "selective" and stats["sentences"] == 1 and stats["parsed"] == 1
    assert any(t.dep_ == "ROOT" for t in doc)
    assert all(t.dep_ for t in doc)


@pytest.mark.parametrize("text", PLAIN_SENTENCES)
def test_sentences_without_a_cue_are_not_parsed(sel_nlp, text):
    with _model_only(sel_nlp):
        doc = sel_nlp(text)
    assert doc.user_data[selective.STATS_KEY]["parsed"] == 0
    assert all(t.dep_ == "" and t.head.i == t.i for t in doc)
    assert [t.tag_ for t in doc][0]  # tags and lemmas still there
    assert all(t.lemma_ for t in doc)


def test_mixed_document_keeps_its_sentences(sel_nlp):
    text = " ".join([PLAIN_SENTENCES[0], CUE_SENTENCES[0], PLAIN_SENTENCES[3], CUE_SENTENCES[1]])
    with _model_only(sel_nlp):
        doc = sel_nlp(text)
    sents = list(doc.sents)
    assert [s.text for s in sents] == [PLAIN_SENTENCES[0], CUE_SENTENCES[0], PLAIN_SENTENCES[3], CUE_SENTENCES[1]]
    assert [bool(s.root.dep_) for s in sents] == [False, True, False, True]
    stats = doc.user_data[selective.STATS_KEY]
    assert (stats["sentences"], stats["parsed"]) == (4, 2)
    assert stats["parsed_tokens"] == len(sents[1]) + len(sents[3])
    # an unparsed sentence is flat: no children, its root is its first token
    flat = sents[0]
    assert flat.root.i == flat.start and not list(flat.root.children)
    assert all(len(list(t.subtree)) == 1 for t in flat)
    assert all(t.sent.start == flat.start for t in flat)


def test_unparsed_sentences_crash_no_stage(selective_analyzer):
    texts = [
        " ".join(PLAIN_SENTENCES),  # nothing parsed at all
        "ROME\n\nThe museum has three floors on 3 May 2024. Its 120 rooms are red. "
        "The town of Tivoli lies 30 km east of Rome. Rebels attacked the convoy in Tivoli on Friday.\n"
        "The square, with its fountain, was quiet.",
        "Last week the river rose 2 metres. In Paris, the mayor, Anne Hidalgo, was at home.",
    ]
    docs = [Document.from_text(t) for t in texts]
    ledgers = list(selective_analyzer.analyze_documents(docs, published="2024-05-06"))
    assert all(ledger.errors == [] for ledger in ledgers), [ledger.errors for ledger in ledgers]
    assert any(ledger.quantities for ledger in ledgers)
    assert any(ledger.timexes for ledger in ledgers)
    assert any(p.text == "Tivoli" for p in ledgers[1].places)
    assert any(e.trigger.text == "attacked" for e in ledgers[1].events)


def test_stages_on_a_document_with_no_parsed_sentence(sel_nlp):
    doc = sel_nlp("The museum in Florence has 12 rooms. Its roof is red.")
    assert doc.user_data[selective.STATS_KEY]["parsed"] == 0
    assert not doc._.errors
    assert not doc.has_annotation("DEP") and doc.has_annotation("SENT_START")
    assert len(list(doc.sents)) == 2
    # a clean flat tree: every token its own head, edges and children inside the document
    assert all(t.left_edge.i == t.i == t.right_edge.i and not list(t.children) for t in doc)


def test_a_long_unparsed_document_has_sane_edges(sel_nlp):
    text = " ".join(PLAIN_SENTENCES * 40)  # long enough for the tokenizer's cache to matter
    with _model_only(sel_nlp):
        doc = sel_nlp(text)
    assert doc.user_data[selective.STATS_KEY]["parsed"] == 0
    assert all(t.left_edge.i == t.i == t.right_edge.i for t in doc)
    assert sum(len(list(t.children)) for t in doc) == 0


@pytest.mark.parametrize("text", [
    "Rebels attacked the convoy near the border on Friday, the army said.",
    "“We will not withdraw,” said Colonel Ivan Petrov, the commander of the garrison in Kharkiv.",
    "The government imposed sanctions on 12 companies in March, according to a statement.",
])
def test_a_parsed_sentence_gives_the_same_results_in_both_modes(analyzer, selective_analyzer, text):
    plain = "The museum has three floors and a small garden."
    full_text = f"{plain} {text}"
    a = next(iter(analyzer.analyze_documents([Document.from_text(full_text)], published="2024-05-06")))
    b = next(iter(selective_analyzer.analyze_documents([Document.from_text(full_text)], published="2024-05-06")))
    assert a.errors == [] and b.errors == []
    assert [asdict(e) for e in a.events] == [asdict(e) for e in b.events]
    assert [asdict(c) for c in a.claims] == [asdict(c) for c in b.claims]
    assert [asdict(t) for t in a.timexes] == [asdict(t) for t in b.timexes]
    assert [(p.text, p.country) for p in a.places] == [(p.text, p.country) for p in b.places]
    assert [asdict(q) for q in a.quantities] == [asdict(q) for q in b.quantities]


def test_the_share_is_reported(sel_nlp, nlp):
    texts = [PLAIN_SENTENCES[0] + " " + CUE_SENTENCES[0], CUE_SENTENCES[1], PLAIN_SENTENCES[1]]
    with _model_only(sel_nlp):
        docs = list(sel_nlp.pipe(texts))
    parsed, total, share = selective.share(selective.parse_stats(d) for d in docs)
    assert (parsed, total) == (2, 4) and share == pytest.approx(0.5)
    with _model_only(nlp):
        docs = list(nlp.pipe(texts))
    stats = [selective.parse_stats(d) for d in docs]
    assert all(st["mode"] == "all" for st in stats)
    assert selective.share(stats)[2] == 1.0
    assert selective.share([]) == (0, 0, 0.0)


def test_selector_reads_tags_not_words(sel_nlp):
    sel = selective.ParseSelector()
    with _model_only(sel_nlp):
        doc = sel_nlp("The march began in March.")
    march = [t for t in doc if t.text == "March"][0]
    assert not sel.token_is_cue(march)  # the month is no trigger
    that_det = sel_nlp("That house is old.")[0]
    assert not sel.token_is_cue(that_det)


def test_cli_parse_option(tmp_path):
    import json

    from click.testing import CliRunner

    from newsledger.cli import main

    src = tmp_path / "a.txt"
    src.write_text(f"{PLAIN_SENTENCES[1]} {CUE_SENTENCES[0]}", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["analyze", str(src), "--jsonl", str(out), "--parse", "selective", "-q",
                                       "--published", "2024-05-06"])
    assert result.exit_code == 0, result.output
    ledger = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert any(e["trigger"]["text"] == "attacked" for e in ledger["events"])
    bad = CliRunner().invoke(main, ["analyze", str(src), "--jsonl", str(out), "--parse", "some"])
    assert bad.exit_code != 0
