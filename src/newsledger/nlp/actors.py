"""Actors: who acts and who speaks, as canonical ids.

Reads: ``doc.ents``, dependencies, the places stage's mentions.  Writes:
:class:`~newsledger.model.Actor` items, each with every mention in the text.

Canonical ids:

* a country named as such ("Turkey") → the state, id ``TR``;
* a capital used as an actor ("Ankara says"), a seat of government ("the
  Kremlin"), or a country's adjective with a government noun ("Turkish
  authorities", "the Turkish government") → its government, id ``TR-GOV``;
* a country's adjective with a military noun ("French troops") → ``FR-MIL``;
  with a media noun → ``FR-MEDIA``; the people ("Kenyans") → ``KE-POP``;
* a person → ``person:<name>``, with the country the text gives ("French
  President Emmanuel Macron", "Kenya's president William Ruto");
  shorter later mentions ("Macron") join the full name;
* an organisation → ``org:<name>`` (or its canonical form from
  ``resources/actor_aliases.tsv``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import NOUN
from spacy.tokens import Doc, Span as SpacySpan

from ..model import Actor, PlaceMention, Span
from ..resources import read_tsv
from .doctext import doc_text

SUFFIX = {"government": "GOV", "military": "MIL", "media": "MEDIA", "population": "POP"}


@dataclass(frozen=True)
class _Alias:
    country: Optional[str]
    kind: str
    name: str


@lru_cache(maxsize=1)
def _nouns() -> dict[str, str]:
    return {row[1].lower(): row[0] for row in read_tsv("actor_nouns.tsv")}


@lru_cache(maxsize=1)
def _aliases() -> dict[str, _Alias]:
    out = {}
    for alias, country, kind, name in read_tsv("actor_aliases.tsv"):
        out[alias] = _Alias(None if country == "-" else country, kind, name)
    return out


@lru_cache(maxsize=1)
def _alias_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """The aliases, longest first, each with its pattern (a whole word or phrase)."""
    return tuple((alias, re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])"))
                 for alias in sorted(_aliases(), key=len, reverse=True))


#: the kind of actor a noun names, by the hash of its lemma or of its lower-case form
_NOUN_KIND_BY_HASH: dict[tuple[int, bool], Optional[str]] = {}
#: the most words it keeps before it is emptied (a corpus's vocabulary keeps growing)
_MEMO_LIMIT = 200_000


def _noun_kind(strings, key: int, is_lemma: bool) -> Optional[str]:
    """``actor_nouns.tsv``'s kind for a lemma (lower-cased) or a lower-case form, by its hash."""
    kind = _NOUN_KIND_BY_HASH.get((key, is_lemma), False)
    if kind is False:
        text = strings[key]
        if len(_NOUN_KIND_BY_HASH) >= _MEMO_LIMIT:
            _NOUN_KIND_BY_HASH.clear()
        kind = _NOUN_KIND_BY_HASH[(key, is_lemma)] = _nouns().get(text.lower() if is_lemma else text)
    return kind


def _state_nouns(doc: Doc) -> list[tuple[int, str]]:
    """(index, kind) of the nouns that name a government or a military ("ministers",
    "army"): by lemma, else by the word's lower-case form."""
    out = []
    strings = doc.vocab.strings
    table = doc.to_array([POS, LEMMA, LOWER])
    at = (table[:, 0] == NOUN).nonzero()[0]
    for i, lemma, lower in zip(at.tolist(), table[at, 1].tolist(), table[at, 2].tolist()):
        kind = _noun_kind(strings, lemma, True) or _noun_kind(strings, lower, False)
        if kind in ("government", "military"):
            out.append((i, kind))
    return out


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Collector:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.actors: dict[str, Actor] = {}
        self.taken: set[int] = set()  # tokens already in a mention

    def add(self, actor_id: str, name: str, kind: str, country: Optional[str], start: int, end: int) -> None:
        if any(i in self.taken for i in range(start, end)):
            return
        span = self.doc[start:end]
        actor = self.actors.get(actor_id)
        if actor is None:
            actor = self.actors[actor_id] = Actor(id=actor_id, name=name, kind=kind, country=country)
        actor.mentions.append(Span.of(self.text, span.start_char, span.end_char))
        if span.text not in actor.aliases and span.text != actor.name:
            actor.aliases.append(span.text)
        self.taken.update(range(start, end))


def _country_name(code: str) -> str:
    from ..gazetteer import get_gazetteer

    gaz = get_gazetteer()
    entry = gaz.country(code)
    name = getattr(entry, "name", None) if entry is not None else None
    return name or code


def _demonym_country(word: str) -> Optional[str]:
    from ..gazetteer import get_gazetteer

    return get_gazetteer().country_for_demonym(word)


def _phrase_head_kind(doc: Doc, start: int, sent_end: int) -> tuple[Optional[str], int]:
    """After a country adjective at ``start``: the kind of actor its noun
    phrase names ("authorities" → government) and where the phrase ends."""
    nouns = _nouns()
    j = start + 1
    # allow one or two modifiers: "Italian peacekeeping forces", "Turkish state-run media"
    best: tuple[Optional[str], int] = (None, start + 1)
    k = j
    while k < min(sent_end, start + 6):
        tok = doc[k]
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "PUNCT", "VERB") or tok.text in (",", "."):
            break
        for width in (2, 1):
            words = " ".join(t.lemma_.lower() for t in doc[k:k + width])
            plain = " ".join(t.lower_ for t in doc[k:k + width])
            kind = nouns.get(plain) or nouns.get(words)
            if kind and k + width <= sent_end:
                best = (kind, k + width)
                break
        if best[0] is not None:
            break
        k += 1
    return best


def find_actors(doc: Doc, places: list[PlaceMention]) -> list[Actor]:
    """Every actor mentioned in ``doc``."""
    col = _Collector(doc)
    aliases = _aliases()
    char_to_tok: Optional[dict[int, int]] = None
    ents = doc.ents

    # 1. seats of government and organisations from our alias table (longest first)
    for alias, pattern in _alias_patterns():
        if alias not in col.text:
            continue  # (the pattern is case-sensitive: it cannot match either)
        for match in pattern.finditer(col.text):
            if char_to_tok is None:
                char_to_tok = {t.idx: t.i for t in doc}
            start_tok = char_to_tok.get(match.start())
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if start_tok is None or span is None:
                continue
            info = aliases[alias]
            if info.country and info.kind in SUFFIX:
                actor_id = f"{info.country}-{SUFFIX[info.kind]}"
                col.add(actor_id, f"{_country_name(info.country)} ({info.kind})", info.kind, info.country,
                        span.start, span.end)
            else:
                col.add(f"org:{slug(info.name)}", info.name, info.kind if info.kind != "organisation" else "organisation",
                        info.country, span.start, span.end)

    # 2. country adjective + actor noun: "Turkish authorities", "French troops", "Kenyans"
    norps = [e for e in ents if e.label_ == "NORP"]
    in_norp = {t.i for e in norps for t in e}
    for place in places:  # demonyms the model did not tag ("Georgian authorities" opening a sentence)
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and not any(t.i in in_norp or t.ent_type_ == "ORG" for t in span) \
                and _demonym_country(place.text):
            norps.append(span)
    for ent in norps:
        code = _demonym_country(ent.text)
        if code is None:
            continue
        kind, end = _phrase_head_kind(doc, ent.end - 1, ent.sent.end)
        start = ent.start
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        if kind is not None:
            col.add(f"{code}-{SUFFIX.get(kind, 'GOV')}", f"{_country_name(code)} ({kind})",
                    kind if kind != "population" else "population", code, start, end)
        elif ent.text.endswith("s") and ent.root.pos_ in ("PROPN", "NOUN") and ent.root.tag_ in ("NNPS", "NNS"):
            col.add(f"{code}-POP", ent.text, "population", code, ent.start, ent.end)

    # 2b. a government or military noun "of" a country: "the foreign ministers of Moldova and
    #     Ukraine", "the army of Chad" -> each country's government / military
    for i, kind in _state_nouns(doc):
        if i in col.taken:
            continue
        tok = doc[i]
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for k, country_tok in enumerate(_conjuncts(obj)):
                    code = _country_code(country_tok)
                    if code is None:
                        continue
                    lo = _np_start(doc, tok) if k == 0 else country_tok.i
                    col.add(f"{code}-{SUFFIX[kind]}", f"{_country_name(code)} ({kind})", kind, code,
                            lo, country_tok.i + 1)

    # 3. places: countries as states, capitals used as actors as governments,
    #    other places named as actors ("the offensive against <region>") as themselves
    place_tokens: set[int] = set()
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None:
            continue
        place_tokens.update(range(span.start, span.end))
        if place.kind == "country" and place.country:
            if _demonym_country(_strip_possessive(place.text)):
                continue  # "Russian(s)": an adjective or the people, not the state acting
            col.add(place.country, _country_name(place.country), "state", place.country, span.start, span.end)
        elif place.role == "actor" and place.country and place.kind == "city":
            col.add(f"{place.country}-GOV", f"{_country_name(place.country)} (government)", "government",
                    place.country, span.start, span.end)
        elif place.role == "actor":
            col.add(f"place:{place.geonameid or slug(place.name)}", place.name, "region", place.country,
                    span.start, span.end)

    # 4. people and organisations named by the model
    persons: list[SpacySpan] = [e for e in ents if e.label_ == "PERSON"]
    full_names: dict[str, str] = {}
    for ent in persons:
        text = _strip_possessive(ent.text)
        if len(text.split()) >= 2:
            full_names.setdefault(text.split()[-1], text)
    for ent in persons:
        text = _strip_possessive(ent.text)
        if not text or not text[0].isupper() or any(t.i in place_tokens for t in ent):
            continue  # a place the model took for a person
        if _demonym_country(text):
            continue
        name = full_names.get(text, text) if len(text.split()) == 1 else text
        country = _affiliation(doc, ent)
        actor_id = f"person:{slug(name)}"
        col.add(actor_id, name, "person", country, ent.start, ent.end)
        actor = col.actors.get(actor_id)
        if actor is not None and actor.country is None and country:
            actor.country = country
    # "the premier's wife, Maria Lopez": a person in apposition to a noun possessed by a
    # person takes that person's country
    for ent in persons:
        actor = col.actors.get(f"person:{slug(_strip_possessive(ent.text))}")
        root = ent.root
        if actor is None or actor.country is not None or root.dep_ != "appos":
            continue
        for poss in root.head.children:
            if poss.dep_ == "poss" and poss.ent_type_ == "PERSON":
                owner = _person_actor(col, doc, poss)
                if owner is not None and owner.country:
                    actor.country = owner.country
    for ent in ents:
        if ent.label_ != "ORG":
            continue
        text = _strip_possessive(ent.text)
        if text.lower().startswith("the "):
            text = text[4:]
        if not text or text.lower() in _nouns() or ent.root.i in place_tokens:
            continue  # a place the model took for an organisation ("Russian" inside is fine)
        if _looks_like_place(doc, ent, text):
            continue  # "the Dniester river", "the depot at Cobasna", "the Palanca border crossing"
        country = _demonym_country(text.split()[0]) if len(text.split()) > 1 else None
        country = country or _affiliation(doc, ent)
        head = ent.root.lemma_.lower()
        if country and _nouns().get(head) == "government":
            col.add(f"{country}-GOV", f"{_country_name(country)} (government)", "government", country, ent.start, ent.end)
        else:
            col.add(f"org:{slug(text)}", text, "organisation", country, ent.start, ent.end)
    return sorted(col.actors.values(), key=lambda a: a.mentions[0].start)


def _strip_possessive(text: str) -> str:
    return re.sub(r"[’']s?$", "", text).strip()


#: words that may stand between a country and a name it qualifies ("Russian President X",
#: "Kenya's deputy foreign minister X"), besides the actor nouns of actor_nouns.tsv
TITLE_WORDS = frozenset({"'s", "’s", "'", "’", "former", "deputy", "acting", "vice", "first", "then",
                         "foreign", "defence", "defense", "interior", "finance", "prime", "chief", "head",
                         "secretary", "general", "top", "senior", "wife", "husband", "son", "daughter",
                         "opposition", "leader", "king", "queen", "prince", "sheikh", "emir", "sultan",
                         "supreme", "-", "–"})
#: nouns after a name that make it a place, not an organisation ("the Dniester river")
PLACE_NOUNS = frozenset({"river", "sea", "lake", "mountain", "mountains", "valley", "bridge", "crossing",
                         "border", "region", "district", "province", "village", "town", "city", "airport",
                         "port", "field", "base", "camp", "island", "peninsula", "gorge", "pass", "canal",
                         "strait", "bay", "gulf", "desert", "plain", "highway", "road", "street", "square",
                         "checkpoint", "corridor", "dam", "reservoir", "oblast", "governorate"})
#: prepositions after which a name says where, not who
PLACE_PREPS = frozenset({"at", "near", "along", "across", "outside", "inside", "around", "toward",
                         "towards", "beyond", "via"})


def _looks_like_place(doc: Doc, ent: SpacySpan, text: str) -> bool:
    """Whether an ORG entity is rather a place: followed by a place noun, after a
    locative preposition, or known to the gazetteer under exactly this name."""
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.lower_ in PLACE_NOUNS:
        return True
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if prev is not None and prev.lower_ in PLACE_PREPS:
        return True
    if ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_PREPS:
        return True
    if text.isupper():
        return False  # an acronym
    from ..gazetteer import get_gazetteer

    return any(getattr(e, "name", None) == text for e in get_gazetteer().exact(text))


def _conjuncts(tok):
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN"):
            out.extend(_conjuncts(c))
    return out


def _country_code(tok) -> Optional[str]:
    """The country a single GPE token names ("Moldova"), if any."""
    if tok.ent_type_ != "GPE":
        return None
    from ..gazetteer import get_gazetteer

    lo, hi = tok.i, tok.i + 1
    doc = tok.doc
    while lo > 0 and doc[lo - 1].ent_type_ == "GPE" and doc[lo - 1].ent_iob_ != "B" or (
            lo > 0 and doc[lo].ent_iob_ == "I"):
        lo -= 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    name = _strip_possessive(doc[lo:hi].text)
    code = get_gazetteer().country_code(name)
    return code


def _np_start(doc: Doc, tok) -> int:
    lo = tok.i
    for c in tok.lefts:
        if c.dep_ in ("amod", "compound", "nmod"):
            lo = min(lo, c.left_edge.i)
    return lo


def _person_actor(col: "_Collector", doc: Doc, tok) -> Optional[Actor]:
    for actor in col.actors.values():
        if actor.kind != "person":
            continue
        for m in actor.mentions:
            if m.start <= tok.idx < m.end:
                return actor
    return None


def _affiliation(doc: Doc, ent: SpacySpan) -> Optional[str]:
    """A country the text ties to the entity: "Russian President X",
    "Kenya's president X" (only title words between country and name)."""
    from ..gazetteer import get_gazetteer

    nouns = _nouns()
    window = []
    k = ent.start - 1
    while k >= max(ent.sent.start, ent.start - 6):
        tok = doc[k]
        if tok.ent_type_ in ("NORP", "GPE", "ORG"):
            window.append(tok)
            break
        if tok.lower_ in TITLE_WORDS or tok.lemma_.lower() in nouns or tok.lower_ in nouns:
            k -= 1
            continue
        break
    inside = [t for t in ent if t.ent_type_ == "NORP"]
    for tok in list(inside) + window:
        code = _demonym_country(tok.text)
        if code is None and tok.ent_type_ in ("GPE", "ORG"):
            lo, hi = tok.i, tok.i + 1
            while lo > 0 and doc[lo].ent_iob_ == "I":
                lo -= 1
            while hi < len(doc) and doc[hi].ent_iob_ == "I":
                hi += 1
            code = get_gazetteer().country_code(_strip_possessive(doc[lo:hi].text))
        if code:
            return code
    return None
