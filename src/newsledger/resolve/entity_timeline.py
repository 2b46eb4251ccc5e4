"""Entity timelines: the events a named entity takes part in, dated and
ordered across documents (the SemEval-2015 Task 4 TimeLine setting).

:func:`build_timelines` takes documents (``id``, ``dct``, ``text``) and target
names and returns, per target, :class:`TimelineEntry` lines ready for the
official ``rank <TAB> date <TAB> doc-sentence-word ...`` format.  Everything is
read off our pipeline's output (spaCy parse, ``doc._.timexes``,
``doc._.actors``, ``doc._.events``); no list of words is taken from any
benchmark.

How a timeline is built
-----------------------

1. **Target mentions.**  The text is cut into *name chunks* (runs of
   capitalised or digit-initial tokens on one line, "of" allowed inside; a
   sentence-initial word that is not a proper noun is dropped).  A chunk names
   the target when it equals (case-insensitively, a plural ``s`` allowed) the
   full name, its acronym (initials of a name of three capitalised words or
   more: "United States Air Force" → USAF), an alias
   the text gives in parentheses ("European Aeronautic Defence and Space
   Company ( EADS )"), or an accepted *partial name*.  Partial names are
   contiguous pieces of the name (for a person, the surname only) that the
   corpus itself shows to be specific: not another target's name, never tagged
   as a place or nationality, and not part of two or more other name chunks
   ("Boeing" in "Boeing 777", "Boeing 747" is too generic a piece of "Boeing
   787 Dreamliner"; "Dreamliner" and "787" are not; a head piece such as
   "Air Force" may also sit in a few other names as long as it stands alone
   more often; a piece of digits must be a name more often than a number).
   Mentions of our actors stage whose actor is one of these names count too.
   Anaphora: "it"/"its" ("he"/"his" for a person) whose antecedent — the
   latest name chunk in subject position earlier in the same or the previous
   line — names the target; and definite descriptions ("the plane", "this
   airline") whose noun the corpus itself uses for the target (appositions,
   "X is a ...", "aircraft manufacturer X"; a noun used for more than two
   targets is ignored), given to the target named last before them.
2. **Events of a mention.**  From the mention's syntactic head: through
   ``conj`` / ``appos`` to the first conjunct; as subject, object, agent or
   dative, the governing verb, the verbs it controls (``xcomp`` chain) and the
   verbs conjoined with it that have no subject of their own; as object of a
   preposition, the verb or event noun the preposition hangs on; as possessor
   or compound modifier, the event noun it modifies ("Boeing 's sales",
   "A380 deliveries").  An *event noun* is a noun whose lemma ends in a
   derivational suffix (-tion, -ment, -ance, -ure, -al, -ery, -ing ...) or is
   used as a verb somewhere in the corpus ("order", "launch", "cut"); a light
   verb ("make", "take", "hold" ...) gives way to its event-noun object
   ("made its maiden flight" → flight).  Events
   of ``doc._.events`` with an actor inside a target mention are added.
   Phrasal verbs keep their particle (``pushed_back``), the way the gold writes
   multi-word mentions.
3. **Dates.**  Walking up from the event through its heads, the first DATE
   timex attached to a node on the way (directly or through a preposition)
   gives the date; its value becomes ``YYYY-MM-DD`` with ``XX`` for what is
   unknown (``2007-10`` → ``2007-10-XX``, a week → its month, a quarter or
   season → its year; ``PRESENT_REF`` / ``PAST_REF`` are no dates: "currently"
   mostly marks a state, and gave worse dev figures as the DCT).  Without one, an event
   asserted at about the publication date (simple past, past passive, present
   perfect, progressive, a headline's present) takes the document's DCT;
   future, modal, conditional, infinitive and past-perfect events, and the
   body's simple present (mostly states: "owns", "has"), stay undated — rank
   0, which the official scorer leaves out, so an undated event costs nothing.
4. **Order.**  Dated events are sorted by date (``X`` counts as 0, so
   "2007" comes before "2007-02-28", as in the gold), then document and
   sentence; one rank per distinct date; on a rank, mentions with the same
   lemma form one line (a cheap event coreference).

The word of ``doc-sentence-word`` is the whitespace-delimited token of the
document's line that contains the event's head token (the benchmark texts are
CAT tokens joined by single spaces, one sentence per line).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date as _date
from typing import Iterable, Mapping, Optional, Sequence

from spacy.tokens import Doc, Token

from ..nlp.doctext import doc_text

UNKNOWN = "XXXX-XX-XX"

_EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "al", "ery", "ing", "age", "sis")
_NOT_EVENT_AL = ("official", "capital", "individual", "rival", "professional", "material", "general",
                 "total", "potential", "original", "international", "principal", "signal", "animal",
                 "hospital", "journal", "terminal", "arsenal", "editorial")
_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_OBJ = {"dobj", "iobj", "dative", "attr", "oprd"}
_MODALS = {"will", "would", "could", "should", "may", "might", "must", "shall", "can", "'ll"}
_DET_LIKE = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"}


@dataclass
class TimelineEntry:
    """One timeline line: rank (0 = undated), date, event mention names."""

    rank: int
    date: str
    names: list[str] = field(default_factory=list)


@dataclass
class _Mention:
    doc: str
    sentence: int
    word: str
    date: Optional[str]
    lemma: str
    order: tuple[int, int, int]  # document index, sentence, token index


# ----------------------------------------------------------------------
# dates

def normalise_date(value: Optional[str], dct: Optional[str]) -> Optional[str]:
    """A TIMEX3 value as the task writes dates: ``YYYY-MM-DD`` with ``X`` for
    unknown parts; None when it is no calendar date."""
    if not value:
        return None
    value = value.split("/")[0]
    value = re.sub(r"^(\d{4}-\d{2}-\d{2})T.*$", r"\1", value)
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", value)
    if m:
        y, mo, d = m.groups()
        return f"{y}-{mo or 'XX'}-{d or 'XX'}"
    m = re.match(r"^(\d{4})-W(\d{2})", value)
    if m:
        try:
            thursday = _date.fromisocalendar(int(m.group(1)), int(m.group(2)), 4)
        except ValueError:
            return None
        return f"{thursday.year:04d}-{thursday.month:02d}-XX"
    m = re.match(r"^(\d{4})-(Q\d|H\d|SP|SU|FA|AU|WI)$", value)
    if m:
        return f"{m.group(1)}-XX-XX"
    return None


def date_key(value: str) -> str:
    """Sort key of a task date: unknown parts count as 0."""
    return value.replace("X", "0")


# ----------------------------------------------------------------------
# names

def _is_name_token(tok: Token) -> bool:
    t = tok.text
    if not t or not (t[0].isupper() or t[0].isdigit()):
        return False
    return any(c.isalnum() for c in t)


def name_chunks(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of capitalised / digit-initial runs, per line."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        if not _is_name_token(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n and "\n" not in doc[j - 1].whitespace_ and not doc[j].is_space:
            if _is_name_token(doc[j]):
                j += 1
            elif doc[j].lower_ in ("of", "&") and j + 1 < n and _is_name_token(doc[j + 1]) \
                    and "\n" not in doc[j].whitespace_:
                j += 2
            else:
                break
        start = i
        # a sentence-initial common word is not part of a name
        if (doc[start].is_sent_start or _line_start(doc, start)) and doc[start].pos_ != "PROPN" \
                and not doc[start].text[0].isdigit():
            start += 1
        if start < j:
            out.append((start, j))
        i = j
    return out


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(" - ", "-").replace(" 's", "")).strip().lower()


def _chunk_text(doc: Doc, span: tuple[int, int]) -> str:
    return _norm(doc[span[0]:span[1]].text)


def _forms(name: str) -> set[str]:
    n = _norm(name)
    return {n, n + "s", n + "'s"}


def acronym(name: str) -> Optional[str]:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isupper() and w.isalpha()]
    if len(words) < 3:
        return None
    return "".join(w[0] for w in words).lower()


@dataclass
class TargetNames:
    """The spellings that name one target."""

    target: str
    names: set[str]

    def matches(self, chunk: str) -> bool:
        return chunk in self.names


def _is_person_like(target: str, person_names: set[str]) -> bool:
    return _norm(target) in person_names


def target_names(targets: Sequence[str], docs: Sequence[Doc]) -> dict[str, TargetNames]:
    """Accepted spellings of each target, from the name and corpus evidence."""
    chunk_counts: Counter[str] = Counter()
    numeric: Counter[str] = Counter()
    places: set[str] = set()
    persons: set[str] = set()
    paren: list[tuple[str, str]] = []
    for doc in docs:
        chunks = name_chunks(doc)
        for ch in chunks:
            text = _chunk_text(doc, ch)
            chunk_counts[text] += 1
            if doc[ch[0]].ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT", "DATE", "TIME", "ORDINAL"):
                numeric[text] += 1
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "NORP"):
                places.add(_norm(ent.text))
            elif ent.label_ == "PERSON":
                persons.add(_norm(ent.text))
        by_start = {s: e for s, e in chunks}
        for s, e in chunks:
            # "Long Name ( ABC )"
            if e + 2 < len(doc) and doc[e].text == "(" and e + 1 in by_start:
                e2 = by_start[e + 1]
                if e2 < len(doc) and doc[e2].text == ")":
                    paren.append((_chunk_text(doc, (s, e)), _chunk_text(doc, (e + 1, e2))))
    all_targets = {_norm(t) for t in targets}
    out: dict[str, TargetNames] = {}
    for target in targets:
        full = _norm(target)
        names = set(_forms(target))
        acr = acronym(target)
        if acr:
            names |= _forms(acr)
        tokens = full.split()
        pieces: list[str] = []
        if _is_person_like(target, persons) and len(tokens) >= 2:
            pieces = [tokens[-1]]
        elif len(tokens) >= 2:
            for a in range(len(tokens)):
                for b in range(a + 1, len(tokens) + 1):
                    if b - a == len(tokens):
                        continue
                    piece = tokens[a:b]
                    if piece[0] in ("of", "&", "and") or piece[-1] in ("of", "&", "and"):
                        continue
                    pieces.append(" ".join(piece))
        for piece in pieces:
            if piece in all_targets or piece in places or piece in persons and not _is_person_like(target, persons):
                continue
            if not any(c.isalnum() for c in piece):
                continue
            if not any(c.isalpha() for c in piece) and numeric.get(piece, 0) * 2 > chunk_counts[piece]:
                continue  # a number more often than a name
            others = {c: k for c, k in chunk_counts.items() if c != piece and c not in names
                      and re.search(r"(^| )" + re.escape(piece) + r"($| )", c)}
            if full.endswith(piece):
                # a head piece ("Air Force"): fine unless it mostly sits in other names
                if len(others) >= 2 and chunk_counts[piece] < sum(others.values()):
                    continue
            elif others:
                continue  # a modifier piece ("Boeing" of "Boeing 787") must be specific
            names |= _forms(piece)
        for long, short in paren:
            if long in names and short not in all_targets - {full}:
                names |= _forms(short)
            elif short in names and long not in all_targets - {full}:
                names |= _forms(long)
        out[target] = TargetNames(target, names)
    return out


def target_mentions(doc: Doc, names: TargetNames) -> list[tuple[int, int]]:
    """Token ranges that name the target in one document."""
    found = [ch for ch in name_chunks(doc) if names.matches(_chunk_text(doc, ch))]
    spans = {tuple(f) for f in found}
    for actor in getattr(doc._, "actors", None) or []:
        keys = {_norm(actor.name), *(_norm(a) for a in actor.aliases)}
        if not keys & names.names:
            continue
        for m in actor.mentions:
            sp = doc.char_span(m.start, m.end, alignment_mode="expand")
            if sp is not None:
                spans.add((sp.start, sp.end))
    return sorted(spans)


# ----------------------------------------------------------------------
# anaphora: "it", "the plane", "the company"

_PRONOUNS = {"it": "thing", "its": "thing", "he": "person", "his": "person", "him": "person",
             "she": "person", "her": "person"}
RESOLVE_PRONOUNS = True
RESOLVE_DESCRIPTIONS = True
#: a description noun the corpus uses for more targets than this is too vague
SHARED_DESCRIPTOR_MAX = 2


def descriptors(doc: Doc, spans: Sequence[tuple[int, int]]) -> set[str]:
    """Common nouns the text uses for what ``spans`` name: appositions ("Airbus
    , Europe 's biggest aircraft manufacturer"), copulas ("X is the largest
    airliner"), title compounds ("aircraft manufacturer Boeing")."""
    out: set[str] = set()
    for s, e in spans:
        root = doc[s:e].root
        for c in root.children:
            if c.dep_ in ("appos", "compound") and c.pos_ == "NOUN" and not (s <= c.i < e):
                out.add(c.lemma_.lower())
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            out.add(root.head.lemma_.lower())
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            for c in root.head.children:
                if c.dep_ == "attr" and c.pos_ == "NOUN":
                    out.add(c.lemma_.lower())
    return out


def _antecedent(doc: Doc, tok: Token, chunks: Sequence[tuple[int, int]], kind: str) -> Optional[tuple[int, int]]:
    """The name chunk a pronoun most likely points back to: the latest earlier
    subject in this or the previous line, else the latest chunk there."""
    line = doc_text(doc).count("\n", 0, tok.idx)
    best = None
    for s, e in chunks:
        if s >= tok.i:
            break
        if doc_text(doc).count("\n", 0, doc[s].idx) < line - 1:
            continue
        ent = doc[s].ent_type_
        if kind == "person" and ent != "PERSON" or kind == "thing" and ent in ("PERSON", "GPE", "DATE", "CARDINAL"):
            continue
        root = doc[s:e].root
        while root.dep_ in ("conj", "appos") and root.head is not root:
            root = root.head
        if root.dep_ in _SUBJ:
            best = (s, e)
    return best


def anaphora(doc: Doc, by_target: Mapping[str, list[tuple[int, int]]],
             desc: Mapping[str, set[str]]) -> dict[str, list[tuple[int, int]]]:
    """Extra mentions per target: pronouns whose antecedent is a target
    mention, and definite descriptions ("the aircraft") whose noun the corpus
    uses for the target, given to the target last named before them."""
    chunks = name_chunks(doc)
    owner: dict[tuple[int, int], str] = {}
    for t, spans in by_target.items():
        for sp in spans:
            owner.setdefault(sp, t)
    firsts = sorted((sp[0], t) for t, spans in by_target.items() for sp in spans)
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for tok in doc:
        low = tok.lower_
        if RESOLVE_PRONOUNS and low in _PRONOUNS and tok.pos_ == "PRON":
            ante = _antecedent(doc, tok, chunks, _PRONOUNS[low])
            if ante in owner:
                out[owner[ante]].append((tok.i, tok.i + 1))
        elif RESOLVE_DESCRIPTIONS and tok.pos_ == "NOUN" and tok.dep_ != "compound" and any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
            lemma = tok.lemma_.lower()
            last = None
            for i, t in firsts:
                if i >= tok.i:
                    break
                if lemma in desc.get(t, ()):
                    last = t
            if last is not None:
                out[last].append((tok.i, tok.i + 1))
    return out


# ----------------------------------------------------------------------
# events

def _verb_lemmas(docs: Iterable[Doc]) -> set[str]:
    return {t.lemma_.lower() for d in docs for t in d if t.pos_ == "VERB"}


def is_event_noun(tok: Token, verb_lemmas: set[str]) -> bool:
    if tok.pos_ not in ("NOUN",):
        return False
    lemma = tok.lemma_.lower()
    if len(lemma) < 3 or not lemma.isalpha():
        return False
    if lemma in verb_lemmas:
        return True
    if lemma in _NOT_EVENT_AL:
        return False
    return lemma.endswith(_EVENT_SUFFIXES) and len(lemma) > 5


def _is_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT" and tok.lemma_ != "be")


def _controlled(verb: Token) -> list[Token]:
    """Verbs sharing the subject: the xcomp chain and subjectless conjuncts."""
    out = [verb]
    stack = [verb]
    while stack:
        v = stack.pop()
        for c in v.children:
            if c.dep_ == "xcomp" and _is_verb(c) and c not in out:
                out.append(c)
                stack.append(c)
            elif c.dep_ == "conj" and _is_verb(c) and c not in out \
                    and not any(g.dep_ in _SUBJ for g in c.children):
                out.append(c)
                stack.append(c)
    return out


#: verbs whose object carries the event ("made its first flight")
_LIGHT = {"make", "take", "have", "give", "hold", "conduct", "perform", "undertake", "stage"}


def _with_nominal(verbs: list[Token], verb_lemmas: set[str]) -> list[Token]:
    """A light verb gives way to its event-noun object."""
    out: list[Token] = []
    for v in verbs:
        objs = [c for c in v.children if c.dep_ == "dobj" and is_event_noun(c, verb_lemmas)]
        if v.lemma_.lower() in _LIGHT and objs:
            out.extend(objs)
        else:
            out.append(v)
    return out


def events_of_mention(doc: Doc, start: int, end: int, verb_lemmas: set[str]) -> list[Token]:
    """Event tokens the target mention doc[start:end] takes part in."""
    span = doc[start:end]
    head = span.root
    # through coordination / apposition to the first conjunct
    seen = 0
    while head.dep_ in ("conj", "appos") and head.head is not head and seen < 5:
        head = head.head
        seen += 1
    out: list[Token] = []
    dep = head.dep_
    gov = head.head
    if dep in _SUBJ or dep in _OBJ or dep == "agent":
        if dep == "agent":
            gov = gov.head
        if _is_verb(gov):
            out.extend(_controlled(gov) if dep in _SUBJ else [gov])
        elif is_event_noun(gov, verb_lemmas):
            out.append(gov)
    elif dep == "pobj" and gov.dep_ in ("prep", "agent"):
        target = gov.head
        if gov.dep_ == "agent" or _is_verb(target):
            if _is_verb(target):
                out.append(target)
        elif is_event_noun(target, verb_lemmas):
            out.append(target)
    elif dep in ("poss", "compound", "nmod", "amod"):
        if is_event_noun(gov, verb_lemmas):
            out.append(gov)
    return _with_nominal(out, verb_lemmas)


# ----------------------------------------------------------------------
# dating

def _timex_heads(doc: Doc, dct: Optional[str]) -> dict[int, str]:
    """Token index of each DATE timex's syntactic head → its task date."""
    out: dict[int, str] = {}
    for tx in getattr(doc._, "timexes", None) or []:
        if tx.type not in ("DATE", "TIME") or tx.anchor == "event":
            continue
        value = normalise_date(tx.value, dct)
        if value is None:
            continue
        sp = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if sp is None:
            continue
        out[sp.root.i] = value
    return out


def _attached_date(tok: Token, heads: dict[int, str]) -> Optional[str]:
    """The first timex attached to tok or one of its heads (directly or via a
    preposition), walking up to the clause root."""
    node = tok
    for _ in range(12):
        for c in node.children:
            if c.i in heads and c.dep_ not in ("conj",):
                return heads[c.i]
            if c.dep_ == "prep":
                for g in c.children:
                    if g.i in heads:
                        return heads[g.i]
        if node.head is node:
            break
        node = node.head
    return None


def _clause_verb(tok: Token) -> Token:
    node = tok
    for _ in range(12):
        if _is_verb(node) and node.dep_ not in ("xcomp", "amod", "acl") or node.head is node:
            return node
        node = node.head
    return node


#: tunables of the DCT rule (see :func:`_asserted_now`)
DCT_PRESENT_IN_BODY = False
DCT_PRESENT_PERFECT = True


def _asserted_now(tok: Token, headline: bool) -> bool:
    """Does the event happen at (or just before) the publication date?  Simple
    past, past passive, progressive, present perfect and a headline's present
    do; future, modal, conditional, infinitive and past perfect do not, nor the
    body's simple present (states and habits: "owns", "has", "believes")."""
    v = _clause_verb(tok)
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _MODALS or "had" in words or "'d" in words:
        return False
    if any(a.lower_ == "to" for a in auxes):
        return False
    if v.tag_ == "VB":
        return headline and v.dep_ == "ROOT"
    if v.tag_ == "VBD":
        return True
    if v.tag_ in ("VBZ", "VBP"):
        return headline or DCT_PRESENT_IN_BODY
    if v.tag_ == "VBN":
        if words & {"was", "were"}:
            return True
        if words & {"has", "have", "'s", "'ve"}:
            return DCT_PRESENT_PERFECT
        if words & {"is", "are"}:
            return headline or DCT_PRESENT_IN_BODY
        return headline and v.dep_ == "ROOT"
    if v.tag_ == "VBG":
        return bool(words & {"is", "are", "was", "were", "'s", "'re", "am"})
    return False


def date_event(tok: Token, heads: dict[int, str], dct: Optional[str], headline: bool = False) -> Optional[str]:
    value = _attached_date(tok, heads)
    if value is not None:
        return value
    if dct and _asserted_now(tok, headline):
        return dct
    return None


# ----------------------------------------------------------------------
# mention words

def _word_of(doc: Doc, tok: Token) -> str:
    """The whitespace-delimited token of the text that holds tok, with a
    phrasal verb's particle joined by ``_``."""
    text = doc_text(doc)
    s = tok.idx
    while s > 0 and text[s - 1] not in " \n":
        s -= 1
    e = tok.idx + len(tok.text)
    while e < len(text) and text[e] not in " \n":
        e += 1
    word = text[s:e]
    if tok.pos_ == "VERB":
        prt = [c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1]
        if prt:
            word += "_" + prt[0].text
    return word


def _sentence_of(doc: Doc, tok: Token) -> int:
    return doc_text(doc).count("\n", 0, tok.idx)


# ----------------------------------------------------------------------
# the whole thing

def analyse(documents: Sequence[Mapping], nlp) -> list[Doc]:
    """Run the pipeline on benchmark documents with their DCT as publication date."""
    prepared = []
    for d in documents:
        doc = nlp.make_doc(d["text"])
        doc._.published = d.get("dct")
        doc._.errors = []
        prepared.append(doc)
    return list(nlp.pipe(prepared))


def build_timelines(documents: Sequence[Mapping], targets: Sequence[str], *, nlp=None,
                    docs: Optional[Sequence[Doc]] = None) -> dict[str, list[TimelineEntry]]:
    """One timeline per target over the documents (dicts with ``id``, ``dct``,
    ``text``); ``docs`` may give the analysed spaCy docs, else ``nlp`` runs."""
    if docs is None:
        if nlp is None:
            from ..nlp.pipeline import Analyzer

            nlp = Analyzer().nlp
        docs = analyse(documents, nlp)
    verbs = _verb_lemmas(docs)
    names = target_names(targets, docs)
    heads = [_timex_heads(doc, d.get("dct")) for doc, d in zip(docs, documents)]
    spans_of = [{t: target_mentions(doc, names[t]) for t in targets} for doc in docs]
    desc: dict[str, set[str]] = defaultdict(set)
    for doc, by_target in zip(docs, spans_of):
        for t, spans in by_target.items():
            desc[t] |= descriptors(doc, spans)
    # a noun that describes several targets tells them apart poorly: drop it
    counts = Counter(n for t in targets for n in desc[t])
    desc = {t: {n for n in desc[t] if counts[n] <= SHARED_DESCRIPTOR_MAX} for t in targets}
    extra = [anaphora(doc, by_target, desc) for doc, by_target in zip(docs, spans_of)]
    out: dict[str, list[TimelineEntry]] = {}
    for target in targets:
        mentions: dict[tuple[str, int, int], _Mention] = {}
        for k, (doc, d) in enumerate(zip(docs, documents)):
            spans = sorted(set(spans_of[k][target]) | set(extra[k].get(target, [])))
            covered = {i for s, e in spans for i in range(s, e)}
            events: list[Token] = []
            for s, e in spans:
                events.extend(events_of_mention(doc, s, e, verbs))
            for ev in getattr(doc._, "events", None) or []:
                actors = [*ev.source_actors, *ev.target_actors]
                if not any(doc.char_span(a.start, a.end, alignment_mode="expand") is not None
                           and any(t.i in covered for t in doc.char_span(a.start, a.end, alignment_mode="expand"))
                           for a in actors):
                    continue
                sp = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
                if sp is not None:
                    events.append(sp.root)
            for tok in events:
                if tok.i in covered:
                    continue
                key = (str(d["id"]), _sentence_of(doc, tok), tok.i)
                if key in mentions:
                    continue
                mentions[key] = _Mention(doc=str(d["id"]), sentence=key[1], word=_word_of(doc, tok),
                                         date=date_event(tok, heads[k], d.get("dct"), key[1] == 0),
                                         lemma=tok.lemma_.lower(), order=(k, key[1], tok.i))
        out[target] = order_mentions(list(mentions.values()))
    return out


def order_mentions(mentions: Sequence[_Mention]) -> list[TimelineEntry]:
    """Rank dated mentions by date; same date and lemma share a line."""
    dated = [m for m in mentions if m.date and m.date != UNKNOWN]
    undated = [m for m in mentions if not (m.date and m.date != UNKNOWN)]
    ranks = {d: i + 1 for i, d in enumerate(sorted({m.date for m in dated}, key=date_key))}
    lines: dict[tuple[int, str, str], list[_Mention]] = defaultdict(list)
    for m in sorted(dated, key=lambda m: (date_key(m.date), m.order)):
        lines[(ranks[m.date], m.date, m.lemma)].append(m)
    out = [TimelineEntry(rank=r, date=d, names=[f"{m.doc}-{m.sentence}-{m.word}" for m in ms])
           for (r, d, _), ms in lines.items()]
    for m in sorted(undated, key=lambda m: m.order):
        out.insert(0, TimelineEntry(rank=0, date=UNKNOWN, names=[f"{m.doc}-{m.sentence}-{m.word}"]))
    out.sort(key=lambda e: e.rank)
    return out


__all__ = ["TimelineEntry", "build_timelines", "target_names", "target_mentions", "events_of_mention",
           "normalise_date", "date_key", "name_chunks", "acronym", "analyse", "order_mentions"]
