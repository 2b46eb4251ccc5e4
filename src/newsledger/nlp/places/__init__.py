"""Places: find place names in a parsed Doc and resolve them with the gazetteer.

:func:`find_places` finds the place names of a processed spaCy ``Doc`` and
resolves them; :func:`resolve_spans` resolves given character spans (e.g.
gold toponyms) with the same logic and context.  The stage in modules, each
importing (at run time) only those listed before it:

    words          the word lists and the weights of the resolution score
    tokens         the token table of a Doc and small tests on the words of a span
    entries        tests on gazetteer entries (well known, own name or alias)
    mention        a mention, its gazetteer candidates, the state of detection
    cues           cues around each mention read before resolution
    international  people and language words, region demonyms (detection)
    entities       detection step 1: the model's entities
    accept         detection step 2's decision: is a name the gazetteer knows a place here
    spans          detection step 2: gazetteer-backed capitalised spans
    detect         detection: the steps in order; demonyms, datelines, repeats ...
    context        the countries, states and local areas the text is about
    score          scoring candidates, distances to the other places
    source         where the publisher is, from a URL's host (a hint for resolution)
    resolve        resolution: the passes that choose each mention's entry
    role           a country or capital as ``actor`` or ``location``; the output
    closing        last: an abbreviation ending a sentence keeps its full stop

:mod:`.detect`, :mod:`.resolve` and :mod:`.role` describe what the stage
does ("Detection", "Resolution", "Role").

Cost: the stage reads the Doc's token attributes once into lists
(:class:`~.tokens._Tokens`), reads the gazetteer entries of a text's candidate names in
a few queries (:meth:`Gazetteer.prefetch`), scores each distinct name's
candidates once per pass, and measures each distance once per point.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional, Sequence

from spacy.tokens import Doc

from ...gazetteer import Entry, Gazetteer, get_gazetteer, haversine_km, normalize
from ...model import PlaceMention
from .words import W
from .tokens import _Tokens
from .mention import _compass_word, _fill_candidates, _Mention
from .detect import _detect
from .features import _widen_to_features
from .closing import _close_abbreviations
from .source import CACHE_SIZE, source_hint
from .resolve import _resolve
from .role import _to_place


def find_places(doc: Doc, gazetteer: Optional[Gazetteer] = None, url: Optional[str] = None
                ) -> list[PlaceMention]:
    """Place names in a processed spaCy ``Doc``, resolved and with a role.
    ``url`` (else the Doc's ``doc._.url`` where the pipeline set one) is
    where the text was published: its host may say where the publisher is
    (:mod:`.source`)."""
    g = gazetteer or get_gazetteer()
    toks = _Tokens.of(doc)
    mentions = _detect(doc, toks, g)
    hints = _source_mentions(doc, url, g, mentions)
    _resolve(doc, toks, hints + mentions, g)
    if any(m.bare for m in mentions):
        _townships(mentions, _focus(hints + mentions))
    _widen_to_features(toks, mentions)
    _close_abbreviations(toks, mentions)
    return [_to_place(doc, m, g) for m in mentions]


def _source_mentions(doc: Doc, url: Optional[str], g: Gazetteer,
                     mentions: Sequence[_Mention]) -> list[_Mention]:
    """The places a URL's host names (:func:`~.source.source_hint`) as
    mentions placed after the text's end, which resolution weighs like the
    text's own and the output leaves out: the country of its domain, then
    its towns (of that country where the domain has one) that the text
    does not name itself (a second "Columbus" says nothing of which one the
    text's is, and would only outvote its own cues)."""
    if url is None and Doc.has_extension("url"):
        url = doc._.url
    hint = source_hint(url, g)
    if hint is None:
        return []
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    out = []
    country = g.country(hint.country) if hint.country else None
    if country is not None:
        m = _Mention(end, end, country.name, None, "source", cands=[country])
        m.main_ids = {country.id}
        out.append(m)
    named = {normalize(m.text) for m in mentions}
    for name in hint.names:
        if normalize(name) in named:
            continue
        cands, main_ids, demonym = _hint_candidates(name, country, g)
        if cands:
            out.append(_Mention(end, end, name, None, "source", cands=list(cands), main_ids=set(main_ids),
                                demonym=demonym))
    return out


#: the namesakes of a host's place name that resolution weighs (the biggest)
HINT_CANDIDATES = 12
#: the candidates of a host's place name, per name, country and gazetteer
_HINT_CANDIDATES: dict[tuple, tuple[tuple[Entry, ...], frozenset, Optional[str]]] = {}


def _hint_candidates(name: str, country: Optional[Entry], g: Gazetteer
                     ) -> tuple[tuple[Entry, ...], frozenset, Optional[str]]:
    """A host's place name looked up as a text's name is (of the domain's
    country where it has one there), once per name."""
    key = (name, country.country if country is not None else None, str(getattr(g, "path", "")))
    hit = _HINT_CANDIDATES.get(key)
    if hit is None:
        if len(_HINT_CANDIDATES) >= CACHE_SIZE:
            _HINT_CANDIDATES.clear()
        m = _Mention(0, 0, name, None, "source")
        _fill_candidates(m, g, fuzzy=False)
        if country is not None:
            m.cands = [e for e in m.cands if e.country == country.country] or m.cands
        # (the biggest namesakes only: a paper's home has some size, and each
        # candidate costs in every pass of resolution)
        m.cands = m.cands[:HINT_CANDIDATES]
        hit = _HINT_CANDIDATES[key] = (tuple(m.cands), frozenset(m.main_ids), m.demonym)
    return hit


def resolve_spans(doc: Doc, spans: Iterable, gazetteer: Optional[Gazetteer] = None,
                  url: Optional[str] = None) -> list[Optional[PlaceMention]]:
    """Resolve given character spans (``(start, end)`` pairs or objects with
    ``start``/``end``) as place names, using the same context logic as
    :func:`find_places` (``url`` as there).  Returns one PlaceMention (or
    None) per span."""
    g = gazetteer or get_gazetteer()
    mentions: list[_Mention] = []
    given: list[_Mention] = []
    toks = _Tokens.of(doc)
    doc_text = toks.doc_text  # (``doc.text`` builds it again from the tokens at each read)
    for sp in spans:
        start, end = (sp if isinstance(sp, tuple) else (sp["start"], sp["end"]) if isinstance(sp, dict)
                      else (sp.start, sp.end))
        text = doc_text[start:end]
        span = doc.char_span(start, end, alignment_mode="expand")
        m = _Mention(start, end, text, span, "given")
        _fill_candidates(m, g, fuzzy=True)
        given.append(m)
    # the places the stage itself finds elsewhere in the text are context too
    mentions = list(given)
    for m in _detect(doc, toks, g):
        same = next((o for o in given if (o.start, o.end) == (m.start, m.end)), None)
        if same is not None and m.known:
            # (a step's own candidates for the very span: a results list's
            # "KEN" is Kenya, which no lookup of the letters finds)
            same.cands, same.main_ids, same.fuzzy = list(m.cands), set(m.main_ids), m.fuzzy
        if not any(m.start < o.end and o.start < m.end for o in given):
            mentions.append(m)
    mentions = _source_mentions(doc, url, g, mentions) + mentions
    _resolve(doc, toks, mentions, g)
    # a name the gazetteer does not know (a street, a hamlet, a building) is
    # put at the text's focus: the place it names most often
    focus = _focus(mentions)
    _townships(given, focus)
    # one unknown name, one place: the host one of its mentions gives, for all
    hosts: dict[str, Entry] = {}
    for m in given:
        if m.choice is None and not m.demonym:
            host = _named_host(doc, m, mentions)
            if host is not None:
                hosts.setdefault(normalize(m.text), host)
    out: list[Optional[PlaceMention]] = []
    for m in given:
        if m.choice is None and not m.demonym and not _compass_word(m.text):
            host = _host_or_focus(hosts.get(normalize(m.text)), focus)
            if host is None:
                out.append(None)
                continue
            out.append(PlaceMention(start=m.start, end=m.end, text=m.text, name=m.text,
                                    lat=host.lat, lon=host.lon, country=host.country))
        else:
            out.append(_to_place(doc, m, g) if m.choice is not None else None)
    return out


def _townships(todo: Sequence[_Mention], focus: Optional[Entry]) -> None:
    """A township the gazetteer knows by its bare name only ("Readington
    Township", "Hanover Twp."): the town of that name nearest the text's
    focus where it lies within ``focus_km`` of it, the largest where the
    text has no focus; else it stays an unknown name, put at the focus
    (many a township shares its name with a town elsewhere: "Madison Twp.")."""
    for m in todo:
        if m.choice is not None or not m.bare or m.demonym:
            continue
        if focus is None:
            m.choice = max(m.bare, key=lambda e: e.population)
            continue
        near = min(m.bare, key=lambda e: haversine_km(e.lat, e.lon, focus.lat, focus.lon))
        if haversine_km(near.lat, near.lon, focus.lat, focus.lon) <= W["focus_km"]:
            m.choice = near


def _focus(mentions: Sequence[_Mention]) -> Optional[Entry]:
    """The most-named local place of a text (a city, else a state or
    province, else a country), or None.  Among cities, each mention of
    another place of the text nearby (``focus_km``) counts half a mention:
    a town amid the text's other places beats an outlier named as often."""
    points = [(m.choice.lat, m.choice.lon) for m in mentions
              if m.choice is not None and not m.demonym and m.choice.lat is not None
              and m.choice.kind != "country" and not m.choice.approx]
    for kinds in (("city",), ("region",), ("country",)):
        counts: Counter[int] = Counter()
        entries: dict[int, Entry] = {}
        for m in mentions:
            e = m.choice
            if e is None or m.demonym or e.lat is None or e.kind not in kinds:
                continue
            if e.kind == "region" and (e.source not in ("state", "extra", "county")
                                       or e.population > 50_000_000):
                continue
            counts[e.id] += 1
            entries[e.id] = e
        if not counts:
            continue
        if kinds == ("city",) and len(counts) > 1:
            score = {k: n + 0.5 * _places_near(entries[k], points) for k, n in counts.items()}
            return entries[max(counts, key=score.__getitem__)]
        return entries[counts.most_common(1)[0][0]]
    return None


#: words that put an unknown name in the place after them ("Abu Shok camp
#: in Al-Fashir", "Wedza district, Mashonaland East")
_HOST_LINKS = {"in", "near", "outside", ",", "of"}


def _named_host(doc: Doc, m: _Mention, mentions: Sequence[_Mention]) -> Optional[Entry]:
    """The known place the text puts a name the gazetteer does not know in:
    its owner ("Paris' famous Rue X", :func:`_possessor`), or the place after
    a few lower-case words and "in", "near", "outside", "of" or a comma ("the
    Tana camp in Garissa", "the Kibo river arm of Lake Volta"); None when the
    text gives none.  (Putting a name beside its neighbour in a list was
    tried and lost on the dev set.)"""
    if m.span is None:
        return None
    host = _possessor(doc, m, mentions)
    if host is not None:
        return host
    known = {o.start: o.choice for o in mentions if o is not m and o.choice is not None
             and not o.demonym and o.choice.lat is not None}
    sent_end = m.span.sent.end if doc.has_annotation("SENT_START") else len(doc)
    k = m.span.end
    while k < min(sent_end, m.span.end + 5) and doc[k].is_lower and doc[k].is_alpha \
            and doc[k].pos_ in ("NOUN", "ADJ") and doc[k].lower_ not in _HOST_LINKS:
        k += 1
    if k < sent_end and doc[k].lower_ in _HOST_LINKS and k + 1 < len(doc):
        at = k + 1 + (doc[k + 1].lower_ == "the")
        if at < len(doc):
            return known.get(doc[at].idx)
    return None


def _host_or_focus(host: Optional[Entry], focus: Optional[Entry]) -> Optional[Entry]:
    """Where an unknown name stands: its host, else the text's focus; a
    country is no better than a focus that lies in it."""
    if host is not None and host.kind == "country" and focus is not None and focus.country == host.country:
        return focus
    return host or focus


#: the possessive endings the tokenizer splits off ("Paris'", "London's")
_POSSESSIVES = {"'s", "'", "\u2019s", "\u2019"}


def _possessor(doc: Doc, m: _Mention, mentions: Sequence[_Mention]) -> Optional[Entry]:
    """The known place whose possession the text makes an unknown name, a
    few lower-case describing words between ("Paris' iconic Champs-Elysees
    boulevard", "Kyiv's Maidan"), or None."""
    k = m.span.start - 1
    while k >= max(0, m.span.start - 3) and doc[k].is_lower and doc[k].is_alpha and doc[k].pos_ == "ADJ":
        k -= 1
    if k < 1 or doc[k].text not in _POSSESSIVES:
        return None
    end = doc[k].idx
    return next((o.choice for o in mentions if o is not m and o.end == end and o.choice is not None
                 and not o.demonym and o.choice.lat is not None and o.choice.kind != "country"), None)


def _places_near(e: Entry, points: list[tuple[float, float]]) -> int:
    """How many of ``points`` (other than ``e``'s own) lie within ``focus_km`` of ``e``."""
    return sum(1 for lat, lon in points if (lat, lon) != (e.lat, e.lon)
               and haversine_km(lat, lon, e.lat, e.lon) <= W["focus_km"])
