"""The time stage: finding time expressions and resolving them to TIMEX3 values."""

from __future__ import annotations

import re

import pytest

from newsledger.nlp.time import find_timexes



@pytest.fixture(scope="session")
def nlp():
    from newsledger.nlp.model_loader import load_model

    return load_model()


def tag(nlp, text, dct="2023-11-27"):
    return find_timexes(nlp(text), dct)


def one(nlp, text, dct="2023-11-27"):
    """The single timex of ``text`` as (text, type, value, mod)."""
    found = tag(nlp, text, dct)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t.text, t.type, t.value, t.mod


# ----------------------------------------------------------------------
# explicit dates

@pytest.mark.parametrize("text, span, value", [
    ("The talks began on March 14, 2021 in Lisbon.", "March 14, 2021", "2021-03-14"),
    ("The talks began on 14 March 2021 in Lisbon.", "14 March 2021", "2021-03-14"),
    ("The report is dated 2021-03-14 and was leaked.", "2021-03-14", "2021-03-14"),
    ("Troops arrived on Sept. 14, officials said.", "Sept. 14", "2023-09-14"),
    ("The deal was signed in June 2021 in Oslo.", "June 2021", "2021-06"),
    ("The war broke out in 2014 over the region.", "2014", "2014"),
    ("The agreement was signed on Friday, Oct. 23, 1998.", "Friday, Oct. 23, 1998", "1998-10-23"),
    ("Prices rose sharply in the 1990s.", "the 1990s", "199"),
    ("Cities grew fast in the 20th century.", "the 20th century", "19"),
])
def test_explicit_dates(nlp, text, span, value):
    got = one(nlp, text)
    assert got[0] == span
    assert got[1] == "DATE"
    assert got[2] == value


def test_mid_month_has_mod(nlp):
    assert one(nlp, "Elections are due in mid-May, the minister said.")[0:4] == ("mid-May", "DATE", "2023-05", "MID")


def test_seasons(nlp):
    assert one(nlp, "Westland signed a short grain deal in the fall of 2019.")[1:] == ("DATE", "2019-FA", None)
    assert one(nlp, "At a summit in early summer 2018, the ministers spoke.")[1:] == ("DATE", "2018-SU", "START")
    assert one(nlp, "Sales were weak last fall.", dct="1998-02-06")[2] == "1997-FA"


def test_quarters(nlp):
    assert one(nlp, "Third-quarter profit rose 11%.", dct="1989-11-02")[0:3] == ("Third-quarter", "DATE", "1989-Q3")
    assert one(nlp, "The company lost money in the fourth quarter of 1988.")[2] == "1988-Q4"


# ----------------------------------------------------------------------
# relative to the publication date

@pytest.mark.parametrize("text, value", [
    ("The minister spoke yesterday in Lisbon.", "2023-11-26"),
    ("The minister speaks today in Lisbon.", "2023-11-27"),
    ("The minister will speak tomorrow in Lisbon.", "2023-11-28"),
    ("The minister resigned last week.", "2023-W47"),
    ("The bridge was opened three years ago.", "2020"),
    ("Prices fell two months ago.", "2023-09"),
    ("Elections will be held next year.", "2024"),
    ("The plant closed last year.", "2022"),
    ("The minister resigned on Friday.", "2023-11-24"),
    ("The minister will resign on Friday.", "2023-12-01"),
    ("The minister resigned on Monday.", "2023-11-27"),
    ("The price rose last month.", "2023-10"),
])
def test_relative_to_dct(nlp, text, value):
    got = one(nlp, text)
    assert got[1] == "DATE"
    assert got[2] == value


def test_month_without_year_takes_tense(nlp):
    assert one(nlp, "The strike began in September.")[2] == "2023-09"
    assert one(nlp, "The summit will be held in April.")[2] == "2024-04"


def test_a_gerund_takes_the_tense_of_its_verb(nlp):
    # the DCT is 2023-11-27: a March date is nearer in 2024, but these clauses are past
    assert one(nlp, "The dockers began striking on March 12.")[2] == "2023-03-12"
    assert one(nlp, "Speaking on March 12, the mayor said the bridge was unsafe.")[2] == "2023-03-12"
    # and future ones stay future
    assert one(nlp, "The dockers will begin striking on March 12.")[2] == "2024-03-12"


def test_since_a_month_is_a_month_that_has_passed(nlp):
    # the DCT is 2023-11-27: "since December" is December 2022, whatever the verb's tense
    assert one(nlp, "Prices have been rising since December.")[2] == "2022-12"
    assert one(nlp, "The border has stayed shut ever since early December.")[2] == "2022-12"
    assert one(nlp, "The border has stayed shut since October.")[2] == "2023-10"
    assert one(nlp, "The border will stay shut in December.")[2] == "2023-12"


def test_partial_date_takes_year_from_discourse(nlp):
    found = tag(nlp, "In May 2019, the mission was launched. It ended on October 8 after talks.")
    assert [(t.text, t.value) for t in found] == [("May 2019", "2019-05"), ("October 8", "2019-10-08")]
    assert found[1].anchor == "narrative"


def test_narrative_anchors(nlp):
    found = tag(nlp, "The strike began on March 4. The union was dissolved two days later, on March 9.")
    vals = {t.text: t.value for t in found}
    assert vals["March 4"] == "2023-03-04"
    assert vals["two days later"] == "2023-03-06"
    assert vals["March 9"] == "2023-03-09"
    later = [t for t in found if t.text == "two days later"][0]
    assert later.anchor == "narrative"


def test_a_year_earlier(nlp):
    found = tag(nlp, "Profit rose in 2019. A year earlier, it had fallen.")
    assert [t.value for t in found] == ["2019", "2018"]


def test_the_following_month(nlp):
    found = tag(nlp, "The plan was announced in March 2021. The following month, it was dropped.")
    assert [t.value for t in found] == ["2021-03", "2021-04"]


# ----------------------------------------------------------------------
# durations, times, sets, references

@pytest.mark.parametrize("text, span, value, mod", [
    ("After almost seven months of drought, the wells ran dry.", "almost seven months", "P7M", "LESS_THAN"),
    ("The council was given a three-year mandate.", "three-year", "P3Y", None),
    ("The shelves were emptied within a week.", "a week", "P1W", None),
    ("The talks lasted more than three hours.", "more than three hours", "PT3H", "MORE_THAN"),
    ("He was held for two and a half years.", "two and a half years", "P30M", None),
    ("Sales fell over the past two months.", "the past two months", "P2M", None),
    ("The troops stayed for several weeks.", "several weeks", "PXW", None),
])
def test_durations(nlp, text, span, value, mod):
    got = one(nlp, text)
    assert got == (span, "DURATION", value, mod)


def test_clock_time_takes_its_day(nlp):
    text = "The alarms went off around 4:00 PM local time on March 12."
    found = tag(nlp, text)
    assert found[0].type == "TIME"
    assert found[0].value == "2023-03-12T16:00"
    assert found[0].mod == "APPROX"
    assert found[0].text.startswith("around 4:00 PM")
    assert found[1].text == "March 12"


def test_part_of_day(nlp):
    assert one(nlp, "Shelling resumed yesterday morning.")[1:3] == ("TIME", "2023-11-26TMO")


@pytest.mark.parametrize("text, value", [
    ("The festival is held every year in June.", "P1Y"),
    ("Inspectors visit the site daily.", "P1D"),
    ("The council meets each week.", "P1W"),
])
def test_sets(nlp, text, value):
    found = [t for t in tag(nlp, text) if t.type == "SET"]
    assert len(found) == 1 and found[0].value == value


def test_refs(nlp):
    assert one(nlp, "Westland is now poorer than its neighbours.")[2] == "PRESENT_REF"
    assert one(nlp, "The company recently cut jobs.")[2] == "PAST_REF"


def test_no_dct_gives_placeholders(nlp):
    t = one(nlp, "The minister resigned yesterday.", dct=None)
    assert t[2] == "XXXX-XX-XX"
    assert one(nlp, "The treaty was signed in 1994.", dct=None)[2] == "1994"


# ----------------------------------------------------------------------
# no false times

@pytest.mark.parametrize("text", [
    "The talks may resume, officials said.",
    "Theresa May met the ministers in London.",
    "Thousands joined the march through the capital.",
    "They will march on the parliament.",
    "Prices could fall further if demand weakens.",
    "Ruritania deployed 1,870 troops to the border.",
    "The company paid $2020 for the licence.",
    "One from a legal standpoint and the other from custom.",
    "He was elected to a second term in office.",
    "The 16-year-old was arrested by the police.",
    "The hot spring attracts many visitors.",
    "A quarter of the population has left.",
    "Imports rose 340 percent.",
])
def test_no_false_times(nlp, text):
    assert tag(nlp, text) == []


def test_may_as_a_month_still_found(nlp):
    assert one(nlp, "The deal was signed in May, officials said.")[2] == "2023-05"


def test_offsets_round_trip(nlp):
    text = "\n\nOn Sept. 19, 2023, shelling began; two days later it stopped.\n"
    for t in tag(nlp, text):
        assert text[t.start:t.end] == t.text


def test_empty_text(nlp):
    assert tag(nlp, "") == []
    assert tag(nlp, "   \n") == []


# ----------------------------------------------------------------------
# a whole (invented) article: the rules above together, in running text

ARTICLE = ("Harbour strike ends in Westland\n"
           "Westland and Freedonia signed a short grain deal in the fall of 2019. At a summit in early summer 2018, "
           "their ministers had first discussed it. Freedonia was to have a four-year concession at the port of Westland.\n"
           "The concession was granted three years ago. Dockers still complain about the concession from June 2020.\n"
           "After almost seven months of drought, the river was too shallow for barges. "
           "The strike began on March 4, 2023.\n"
           "The alarms went off around 4:00 PM local time on March 4. "
           "The union was dissolved two days later, on March 9, and the port reopened.\n")


def test_a_whole_article(nlp):
    text = ARTICLE
    found = find_timexes(nlp(text), "2023-11-27")
    by_text = {}
    for t in found:
        by_text.setdefault(t.text, []).append(t)
    assert by_text["three years ago"][0].value in ("2020", "2020-06")
    assert by_text["March 4, 2023"][0].value == "2023-03-04"
    assert by_text["the fall of 2019"][0].value == "2019-FA"
    summer = by_text["early summer 2018"][0]
    assert (summer.value, summer.mod) == ("2018-SU", "START")
    months = by_text["almost seven months"][0]
    assert (months.value, months.mod, months.type) == ("P7M", "LESS_THAN", "DURATION")
    assert by_text["two days later"][0].value == "2023-03-06"
    assert by_text["March 9"][0].value == "2023-03-09"
    assert by_text["June 2020"][0].value == "2020-06"
    clock = [t for t in found if t.type == "TIME" and "4:00 PM" in t.text][0]
    assert clock.value == "2023-03-04T16:00"
    assert by_text["four-year"][0].value == "P4Y"
    for t in found:
        assert text[t.start:t.end] == t.text


# ----------------------------------------------------------------------
# the benchmark (skips where the shared data is absent)


# ----------------------------------------------------------------------
# event-anchored phrases and the known-events table

from newsledger.nlp.timex import events as kev  # noqa: E402


def anchored(nlp, text, dct="2023-11-27", **kw):
    return [t for t in find_timexes(nlp(text), dct, **kw) if t.anchor == "event"]


def test_known_events_table_loads_and_is_valid():
    table = kev.KnownEvents.default()
    assert len(table) >= 30
    names = {e.name for e in table}
    assert "Russia's full-scale invasion of Ukraine" in names
    for e in table:
        assert kev._VALUE.match(e.value), e
        assert e.patterns


@pytest.mark.parametrize("text, value, mod", [
    ("Just prior to Russia's invasion of Ukraine, the two airlines merged.", "2022-02-24", "BEFORE"),
    ("Prices rose after the fall of the Berlin Wall.", "1989-11-09", "AFTER"),
    ("Since the COVID-19 pandemic began, travel has slumped.", "2020-03-11", "ON_OR_AFTER"),
    ("Coastal towns in Japan have been quieter after the 2011 earthquake and tsunami, officials say.",
     "2011-03-11", "AFTER"),
    ("British voters were split before the EU referendum.", "2016-06-23", "BEFORE"),
    ("Aid groups had warned since the Rwandan genocide that the region was fragile.", "1994-07-15", "ON_OR_AFTER"),
    ("Since the outbreak of war in Sudan, millions have fled.", "2023-04-15", "ON_OR_AFTER"),
])
def test_event_anchored_from_the_table(nlp, text, value, mod):
    found = anchored(nlp, text)
    assert [(t.value, t.mod) for t in found] == [(value, mod)], [(t.text, t.value, t.mod) for t in found]


def test_context_word_required_for_ambiguous_alias(nlp):
    # "the 2021 coup" names Myanmar's only in a text about Myanmar
    found = anchored(nlp, "Prices have tripled since the 2021 coup in the capital.")
    assert all(t.value != "2021-02-01" for t in found)  # (the year of its noun may stay: 2021)
    found = anchored(nlp, "In Myanmar, prices have tripled since the 2021 coup.")
    assert [(t.value, t.mod) for t in found] == [("2021-02-01", "ON_OR_AFTER")]

    # "the EU referendum" names the Brexit vote only in a text about Britain
    found = anchored(nlp, "The club grew after the EU referendum in the village.")
    assert all(t.value != "2016-06-23" for t in found)


def test_event_anchored_is_not_scored_as_timex():
    from newsledger.evaluate.timex import scored
    from newsledger.model import Timex

    a = Timex(0, 5, "x", "DATE", "2022-02-24", anchor="event")
    b = Timex(6, 10, "2020", "DATE", "2020", anchor="explicit")
    assert scored([a, b]) == [b]


def test_user_file_extends_the_table(nlp, tmp_path, monkeypatch):
    f = tmp_path / "mine.tsv"
    f.write_text("name\tvalue\taliases\tcontext\nRiver summit\t2021-05-04\tthe river summit|the summit in Tarnow\t\n")
    table = kev.KnownEvents().load(f)
    found = anchored(nlp, "Shortly after the river summit, the mayors agreed.", known_events=table)
    assert [(t.value, t.mod) for t in found] == [("2021-05-04", "AFTER")]
    # the environment variable adds the file to the default table
    monkeypatch.setenv(kev.ENV_VAR, str(f))
    assert "River summit" in {e.name for e in kev.KnownEvents.default()}


def test_register_event_date_on_a_copy(nlp):
    base = kev.KnownEvents.default()
    n = len(base)
    corpus = base.copy()
    corpus.register_event_date("the Lisbon meeting", "2023-03")
    assert len(base) == n and len(corpus) == n + 1  # the default is untouched
    found = anchored(nlp, "Weeks before the Lisbon meeting, the ministers quarrelled.", known_events=corpus)
    assert found and found[0].value.startswith("2023-0") and found[0].mod in ("BEFORE", "APPROX")
    assert not anchored(nlp, "Weeks before the Lisbon meeting, the ministers quarrelled.", known_events=base)
    with pytest.raises(ValueError):
        corpus.register_event_date("x", "next year")


def test_known_events_through_doc_user_data(nlp):
    table = kev.KnownEvents()
    table.register_event_date("the dam collapse", "2019-07-02")
    doc = nlp.make_doc("Two days after the dam collapse, rescuers arrived.")
    doc.user_data[kev.KNOWN_EVENTS_KEY] = table
    doc = nlp(doc)
    found = [t for t in find_timexes(doc, "2020-01-01") if t.anchor == "event"]
    assert [(t.value, t.mod) for t in found] == [("2019-07-04", None)]


def test_bad_user_row_is_reported():
    with pytest.raises(ValueError):
        kev.parse_tsv("Bad\tyesterday\tthe thing\n")


def test_document_dated_event_noun(nlp):
    text = ("On March 2, Ruritania launched the assault on the port. "
            "When the assault began, the ministry issued a statement. "
            "In the days before the assault, the king had warned the rebels.")
    found = anchored(nlp, text)
    assert [(t.text, t.value, t.mod) for t in found] == [
        ("When the assault", "2023-03-02", None),
        ("In the days before the assault", "2023-03-02", "BEFORE")]


def test_weeks_after_an_event_is_approximate(nlp):
    text = ("The flood in the valley took place in June. "
            "The inquiry, opened just weeks after the flood, surprised no one.")
    found = anchored(nlp, text)
    assert [(t.value, t.mod) for t in found] == [("2023-07", "APPROX")]


def test_no_event_anchor_without_a_preposition(nlp):
    assert not anchored(nlp, "Russia's invasion of Ukraine changed Europe.")
    assert not anchored(nlp, "He referred to the Berlin Wall in his speech.")


# ----------------------------------------------------------------------
# no false times: the guards

@pytest.mark.parametrize("text", [
    "We may sign it if they march on.",
    "The march ended at the square.",
    "She may decide later whether to sign.",
    "He scored 1870 points in his career.",
    "It was one from a list of 40 items.",
    "May Smith spoke to the press.",
])
def test_guards_no_false_dates(nlp, text):
    dates = [t for t in tag(nlp, text) if t.type == "DATE" and t.value and t.value[:1].isdigit()]
    assert not dates, [(t.text, t.value) for t in dates]


def test_a_three_year_mandate_is_a_duration_not_a_date(nlp):
    found = tag(nlp, "The council was given a three-year mandate.")
    assert [(t.text, t.type, t.value) for t in found] == [("three-year", "DURATION", "P3Y")]


def test_prefilter_gates_are_exact():
    """Every pattern match contains one of its gate words (checked on samples)."""
    import re as _re

    from newsledger.nlp.timex import patterns

    samples = ["the third quarter of 1998", "the 21st century", "the 1990s", "the nineties",
               "a month-long strike", "nineteen ninety-six", "in the near term", "the day before,",
               "every year", "2022 summer", "January this year", "the fiscal year", "year-end",
               "the half of 2020", "the latest period"]
    by_kind = {k: rx for k, rx, _ in patterns.PATTERNS}
    for s in samples:
        for kind, gate in patterns.GATES.items():
            for m in by_kind[kind].finditer(s):
                assert any(w in m.group(0).lower() for w in gate), (kind, s)
    assert all(_re.compile(k) for k in patterns.GATES)


# ----------------------------------------------------------------------
# a DCT known to the month only (an inferred one)

def test_month_dct_keeps_deictics_at_the_month(nlp):
    assert one(nlp, "Today the town is quiet.", dct="2023-11")[2] == "2023-11"
    assert one(nlp, "The talks ended on October 8.", dct="2023-11")[2] == "2023-10-08"


def test_full_dct_deictics_unchanged(nlp):
    assert one(nlp, "Today the town is quiet.", dct="2023-11-27")[2] == "2023-11-27"
    assert one(nlp, "The talks ended yesterday.", dct="2023-11-27")[2] == "2023-11-26"


# ----------------------------------------------------------------------
# the fast scan finds exactly what a plain scan finds

from newsledger.nlp.timex import patterns as tpat  # noqa: E402
from newsledger.nlp.timex import scan as tscan  # noqa: E402

_SCAN_SAMPLES = [
    "The talks began on Friday, Oct. 6, 2023 in Lisbon; by the third quarter of 1998 (Q3 1998) it was over.",
    "THREE YEARS AGO, in mid-May of last year, the 1990s, the twenties and the 21st century"
    " came up at 5 p.m. EST Nov. 9.",
    "Every year, twice a week, almost seven months, a three-year mandate, the past two months, 2019-2020 and 2021-03-14.",
    "For years the fiscal year ended in late summer; yesterday, this morning and next Monday were tense.",
    "Prices rose 1870 troops $2020 the day before, then the near term, year-end, the latest period and Christmas 2022.",
    "the latest per\u0131od, the 21st centur\u0131es, \u017feveral \u017feconds later, \u0130stanbul on May 5",
    "",
    "May",
    "2023",
]


def _plain_scan(text):
    """What the time stage's scan was before the fast scanner: each pattern's finditer."""
    low = text.lower()
    for kind, rx, prio in tpat.PATTERNS:
        gate = tpat.GATES.get(kind)
        if gate is not None and not any(w in low for w in gate):
            continue
        for m in rx.finditer(text):
            g = {k: v for k, v in m.groupdict().items() if v is not None}
            start = m.end("pre") if "pre" in g else m.start()
            g.pop("pre", None)
            yield (start, m.end(), kind, g, prio)


@pytest.mark.parametrize("text", _SCAN_SAMPLES + [s.upper() for s in _SCAN_SAMPLES]
                         + [s.title() for s in _SCAN_SAMPLES])
def test_fast_scan_equals_plain_scan(text):
    fast = [(c.start, c.end, c.kind, c.g, c.prio) for c in tpat._scan(text)]
    assert fast == list(_plain_scan(text))


def test_every_pattern_has_a_fast_form():
    pats = tpat.SCANNER._pats
    assert all(p.body is not None and p.prefixes is not None for p in pats), \
        [p.kind for p in pats if p.body is None or p.prefixes is None]


def test_lower_text_agrees_with_ignorecase_over_all_of_unicode():
    """A case-sensitive match on lower_text() output is a case-insensitive one on the text."""
    chars = "".join(c for c in map(chr, range(0x110000))
                    if not 0xD800 <= ord(c) < 0xE000 and len(c.lower()) == 1)
    folded = tscan.lower_text(chars)
    assert folded is not None and len(folded) == len(chars)
    alphabet = set("abcdefghijklmnopqrstuvwxyz0123456789'-.,$#%/():;&£€–—’") | {
        c for _, rx, _ in tpat._RAW for c in rx if ord(c) > 127}
    for p in sorted(alphabet):
        insensitive = [m.start() for m in re.finditer(re.escape(p), chars, re.I)]
        sensitive = [m.start() for m in re.finditer(re.escape(p), folded)]
        assert insensitive == sensitive, p
    for cls in (r"\w", r"\s", r"\d", r"[a-z]"):
        insensitive = [m.start() for m in re.finditer(cls, chars, re.I)]
        assert insensitive == [m.start() for m in re.finditer(cls, folded)], cls
    assert tscan.lower_text("\u0130stanbul") is None  # "İ" lower-cases to two characters


def test_lower_source_refuses_what_it_cannot_promise():
    assert tscan.lower_source(r"(?P<month>Sept\.?)\s+[A-Z][SD]T") == r"(?P<month>sept\.?)\s+[a-z][sd]t"
    for rx in ("[A-z]", "[0-Z]", "\u03c3", "(?i:a)", r"\N{DIGIT ONE}", "(?P<Month>x)"):
        with pytest.raises(ValueError):
            tscan.lower_source(rx)
    # a back-reference or an empty match: the plain pattern is kept
    for rx in (r"(a)\1", "(?P<x>a)(?P=x)", "a?"):
        assert tscan._compile("k", rx).body is None


def test_prefixes_of_a_regex():
    prefs = tscan.prefixes(r"ab|c(?:d|)x*", 3)
    shown = {tuple("".join(sorted(cs)) for cs in p) for p in prefs}
    assert shown == {("a", "b"), ("c", "d", "x"), ("c", "d"), ("c", "x", "x"), ("c", "x"), ("c",)}
    key = re.compile(tscan.prefix_regex(tscan.prefixes(r"\d+\s+days?", 4)))
    assert key.match("12 d") and key.match("1  d") and key.match("7") and not key.match("x1 d")
    assert not key.match("12 x")


def test_scanner_on_its_own_patterns():
    pats = [("one", r"ab(?P<x>c)?"), ("two", r"b"), ("three", r"abc\w*"), ("four", r"(?:\w+\s+)?b_")]
    sc = tscan.Scanner(pats)
    assert sc._broad == {3}  # "four" may begin with any word: tried at every word start
    text = "ABC abcd xab b_ b"
    got = [(k, a, b, s) for k, a, b, s in sc.matches(text)]
    want = []
    for kind, rx in pats:
        for m in re.finditer(r"(?<!\w)(?:" + rx + ")", text, re.I):
            want.append((kind, m.start(), m.end(), {k: m.span(k) for k, v in m.groupdict().items() if v is not None}))
    assert got == want


def test_first_wins_is_the_alternation():
    alts = [("e0", r"ab"), ("e1", r"abc|b"), ("e2", r"bc\w"), ("e3", r"c")]
    sc = tscan.Scanner(alts)
    combined = re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<e{i}>{rx})" for i, (_, rx) in enumerate(alts)) + ")", re.I)
    for text in ("abc b bcd c", "ABC BCX c abcab", "b abc", "x", ""):
        want = [(m.start(), m.end(), int(m.lastgroup[1:])) for m in combined.finditer(text)]
        assert tscan.first_wins(sc, [0, 1, 2, 3], text) == want, text
        only = [(m.start(), m.end(), int(m.lastgroup[1:]))
                for m in re.finditer(r"(?<!\w)(?:(?P<e1>abc|b)|(?P<e3>c))", text, re.I)]
        assert tscan.first_wins(sc, [1, 3], text) == only, text
    assert tscan.first_wins(sc, [0], "\u0130 ab") is None  # no lower-cased form: the caller's alternation


@pytest.mark.parametrize("text", [
    "Just before Russia's invasion of Ukraine, two airlines merged; after the fall of the Berlin Wall.",
    "SINCE THE COVID-19 PANDEMIC BEGAN and after the 2020 war, after World War II and before WW2.",
    "After the Second Karabakh War, since the 44-day war and the 2020 truce, before the Georgian war.",
    "Russia\u2019s full-scale invasion, the Brexit referendum, the Arab Spring, the fall of Kabul",
    "Nothing happened here at all.",
    "\u0130stanbul after the 2020 war",
])
def test_known_event_mentions_are_the_alternation(text):
    table = kev.KnownEvents.default()
    low = text.lower()
    rx = table.regex(low)
    want = [(m.start(), m.end(), table.event(m)) for m in rx.finditer(text)] if rx is not None else []
    assert table.mentions(text, low) == want
