"""Faster stand-ins for two of the model's rule components, with the same output.

spaCy's ``attribute_ruler`` and rule ``lemmatizer`` are pure functions of a
few token attributes, but they do their work token by token in Python:
together they cost about a fifth of the small English model's time.  Here
each is computed once per distinct input and kept:

* :class:`FastAttributeRuler` compiles the ruler's patterns.  A one-token
  pattern's outcome depends only on the attributes its patterns read (for the
  English models: TAG, LOWER, DEP, IS_SPACE), so the rules that fire for one
  combination of those values are found once and remembered; the few
  multi-token patterns are matched with array operations.  As in spaCy, all
  matches are found on the document as it was, then applied in rule order
  (a later rule wins for the attributes it sets).
* :class:`FastLemmatizer` remembers the rule lemmatizer's lemma per
  (word, part of speech, morphology) — exactly the inputs spaCy's own rule
  lemmatizer reads (and its own cache key) — and asks the real lemmatizer
  for each new one, whose lists of known lemmas answer ``in`` from a set
  (:class:`IndexList`; spaCy scans the English noun list, 57,528 words, for
  each form its rules make).

Both write their results with one ``Doc.from_array`` call.  Either falls back
to calling the wrapped component as it is when the component holds something
this module does not compile (a regular expression, an operator, an
extension attribute, a lemmatizer mode or class other than spaCy's rule and
lookup lemmatizers): the output is the model's own in every case.
``tests/test_fastpipes.py`` compares every token attribute with the stock
components' on real news texts.

Reads: ``token.tag``, ``token.lower``, ``token.dep``, ``token.is_space`` (what
the ruler's patterns name), ``token.pos``, ``token.morph``, ``token.lemma``.
Writes: what the ruler's rules set (``pos``, ``morph``, ``lemma``, ``tag``,
``dep``) and ``token.lemma``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

import re

import numpy
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

#: token attributes a compiled pattern may test (string attributes compare hashes)
STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE", "SHAPE",
                          "PREFIX", "SUFFIX"})
FLAG_ATTRS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER",
                        "IS_TITLE", "IS_STOP", "LIKE_NUM", "IS_ASCII", "IS_BRACKET", "IS_QUOTE",
                        "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_URL", "LIKE_EMAIL"})
#: token attributes a compiled rule may set (they live on the token, not the lexeme)
SETTABLE = frozenset({POS, IDS["TAG"], MORPH, LEMMA, IDS["DEP"]})
#: the most distinct inputs remembered before the memory is emptied
CACHE_LIMIT = 100_000


#: the stand-ins wrap the model's own components: a pipeline holding them is rebuilt, not saved
_NOT_SAVED = ("a pipeline with newsledger's stand-in components cannot be saved or loaded: save the model "
              "itself, or build the pipeline with build_pipeline(fast_rules=False)")


class NotCompilable(Exception):
    """The component holds something :mod:`fastpipes` does not reproduce."""


class Condition:
    """One test on one column: the value is in (or not in) a set of values, or
    its string matches a regular expression (``re.search``, as spaCy's Matcher)."""

    def __init__(self, column: int, values: frozenset = frozenset(), negate: bool = False,
                 regex: Optional[str] = None, strings=None) -> None:
        self.column = column
        self.values = values
        self.negate = negate
        self.regex = re.compile(regex) if regex is not None else None
        self.strings = strings
        self._seen: dict[int, bool] = {}

    def holds(self, value: int) -> bool:
        if self.regex is None:
            return (value in self.values) != self.negate
        seen = self._seen.get(value)
        if seen is None:
            if len(self._seen) >= CACHE_LIMIT:
                self._seen.clear()
            seen = self._seen[value] = bool(self.regex.search(self.strings[value]))
        return seen

    def mask(self, column: numpy.ndarray) -> numpy.ndarray:
        if self.regex is not None:
            return numpy.fromiter((self.holds(v) for v in column.tolist()), dtype=bool, count=len(column))
        inside = numpy.isin(column, numpy.fromiter(self.values, dtype=numpy.uint64, count=len(self.values)))
        return ~inside if self.negate else inside


@dataclass(frozen=True)
class Pattern:
    """A sequence of token tests, and which of its tokens the rule sets."""

    rule: int
    tokens: tuple[tuple[Condition, ...], ...]
    index: int


class _Columns:
    """The attributes the patterns read, as columns of ``Doc.to_array``."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def column(self, name: str) -> int:
        if name not in self.names:
            self.names.append(name)
        return self.names.index(name)


def _conditions(spec: dict, columns: _Columns, strings) -> tuple[Condition, ...]:
    conditions = []
    for key, value in spec.items():
        name = key.upper() if isinstance(key, str) else key
        name = "ORTH" if name == "TEXT" else name
        if name in FLAG_ATTRS:
            if not isinstance(value, bool):
                raise NotCompilable(f"flag {name} tested with {value!r}")
            conditions.append(Condition(columns.column(name), frozenset({int(value)})))
        elif name in STRING_ATTRS:
            if isinstance(value, str):
                conditions.append(Condition(columns.column(name), frozenset({strings.add(value)})))
            elif isinstance(value, dict) and len(value) == 1 and isinstance(value.get("REGEX"), str):
                conditions.append(Condition(columns.column(name), regex=value["REGEX"], strings=strings))
            elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN"):
                op, items = next(iter(value.items()))
                if not all(isinstance(item, str) for item in items):
                    raise NotCompilable(f"{name} {op} with a value that is not a string")
                hashes = frozenset(strings.add(item) for item in items)
                conditions.append(Condition(columns.column(name), hashes, negate=op == "NOT_IN"))
            else:
                raise NotCompilable(f"{name} tested with {value!r}")
        else:
            raise NotCompilable(f"attribute {key!r} in a pattern")
    return tuple(conditions)


def compile_ruler(ruler: AttributeRuler) -> tuple[list[str], list[Pattern], list[dict[int, int]]]:
    """The columns read, the patterns and each rule's normalised attributes."""
    columns = _Columns()
    patterns: list[Pattern] = []
    strings = ruler.vocab.strings
    for rule, (entry, attrs) in enumerate(zip(ruler.patterns, ruler.attrs)):
        if any(attr not in SETTABLE for attr in attrs):
            raise NotCompilable(f"rule {rule} sets {sorted(attrs)}")
        for tokens in entry["patterns"]:
            if not tokens:
                raise NotCompilable(f"rule {rule} has an empty pattern")
            for spec in tokens:
                if any(k in ("OP", "_") for k in spec):
                    raise NotCompilable(f"rule {rule} uses an operator or an extension")
            index = entry["index"]
            if not -len(tokens) <= index < len(tokens):
                raise NotCompilable(f"rule {rule}'s index is outside its pattern")
            patterns.append(Pattern(rule, tuple(_conditions(spec, columns, strings) for spec in tokens),
                                    index % len(tokens)))
    return columns.names, patterns, [dict(attrs) for attrs in ruler.attrs]


class _StandIn:
    """What both stand-ins share: documents one by one, and no saving."""

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def to_bytes(self, *args, **kwargs):
        raise NotImplementedError(_NOT_SAVED)

    to_disk = from_bytes = from_disk = to_bytes


class FastAttributeRuler(_StandIn):
    """The attribute ruler's output, each distinct token computed once (factory
    ``newsledger_attribute_ruler``; :meth:`use` gives it the model's ruler)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.ruler = None
        self.compiled = False
        self.reason = "no ruler given"

    def use(self, ruler) -> "FastAttributeRuler":
        """Compile the model's ruler (taken out of the pipeline); call it as it is if that fails."""
        self.ruler = ruler
        if not isinstance(ruler, AttributeRuler):
            self.reason = f"{type(ruler).__name__} is not spaCy's AttributeRuler"
            return self
        try:
            names, patterns, self.rule_attrs = compile_ruler(ruler)
        except NotCompilable as exc:
            self.reason = str(exc)
            return self
        self.compiled = True
        self.reason = ""
        self.read_ids = [IDS[name] for name in names]
        self.single = [p for p in patterns if len(p.tokens) == 1]
        self.multi = [p for p in patterns if len(p.tokens) > 1]
        self._index_single()
        self.write_ids = sorted({attr for attrs in self.rule_attrs for attr in attrs})
        self._column = {attr: i for i, attr in enumerate(self.write_ids)}
        self._rules_of_row: dict[tuple, tuple[int, ...]] = {}
        self._outcome: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        return self

    def _index_single(self) -> None:
        """One-token patterns by a value they require, so that a new token is
        tested only against the patterns that can match it.  Each pattern is
        filed under the column (of those it tests for equality or membership)
        with the most distinct required values over all patterns; one with no
        such test is tried on every token."""
        def keyed(condition: Condition) -> bool:
            return condition.regex is None and not condition.negate

        distinct: dict[int, set] = {}
        for pattern in self.single:
            for condition in filter(keyed, pattern.tokens[0]):
                distinct.setdefault(condition.column, set()).update(condition.values)
        self._index: dict[int, dict[int, list[Pattern]]] = {}
        self._always: list[Pattern] = []
        for pattern in self.single:
            conditions = [c for c in pattern.tokens[0] if keyed(c)]
            if not conditions:
                self._always.append(pattern)
                continue
            best = max(conditions, key=lambda c: len(distinct[c.column]))
            by_value = self._index.setdefault(best.column, {})
            for value in best.values:
                by_value.setdefault(value, []).append(pattern)

    def _rules(self, row: tuple) -> tuple[int, ...]:
        rules = self._rules_of_row.get(row)
        if rules is None:
            candidates = list(self._always)
            for column, by_value in self._index.items():
                candidates.extend(by_value.get(row[column], ()))
            rules = tuple(sorted({p.rule for p in candidates
                                  if all(c.holds(row[c.column]) for c in p.tokens[0])}))
            if len(self._rules_of_row) >= CACHE_LIMIT:
                self._rules_of_row.clear()
            self._rules_of_row[row] = rules
        return rules

    def _outcome_of(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(column, value) pairs the rules leave, a later rule winning."""
        outcome = self._outcome.get(rules)
        if outcome is None:
            merged: dict[int, int] = {}
            for rule in rules:
                merged.update(self.rule_attrs[rule])
            outcome = tuple((self._column[attr], value) for attr, value in merged.items())
            self._outcome[rules] = outcome
        return outcome

    def _multi_matches(self, values: numpy.ndarray) -> dict[int, set[int]]:
        extra: dict[int, set[int]] = {}
        n = len(values)
        for pattern in self.multi:
            length = len(pattern.tokens)
            if n < length:
                continue
            mask = numpy.ones(n - length + 1, dtype=bool)
            for k, conditions in enumerate(pattern.tokens):
                for condition in conditions:
                    mask &= condition.mask(values[k:n - length + 1 + k, condition.column])
            for start in numpy.nonzero(mask)[0]:
                extra.setdefault(int(start) + pattern.index, set()).add(pattern.rule)
        return extra

    def __call__(self, doc: Doc) -> Doc:
        if not self.compiled:
            return self.ruler(doc)
        if not len(doc):
            return doc
        if not self.write_ids:
            return doc
        # (one attribute gives a 1-D array: always work on 2-D ones)
        values = doc.to_array(self.read_ids).reshape(len(doc), -1) if self.read_ids \
            else numpy.zeros((len(doc), 0), dtype=numpy.uint64)
        out = doc.to_array(self.write_ids).reshape(len(doc), -1)
        extra = self._multi_matches(values) if self.multi else {}
        for i, row in enumerate(map(tuple, values.tolist())):
            rules = self._rules(row)
            if i in extra:
                rules = tuple(sorted(set(rules) | extra[i]))
            if rules:
                for column, value in self._outcome_of(rules):
                    out[i, column] = value
        doc.from_array(self.write_ids, out)
        return doc


class IndexList(list):
    """A list of known lemmas whose ``in`` test is a set lookup.

    spaCy's rule lemmatizer asks ``form in index`` for every form its suffix
    rules make, and the English index is a list (57,528 nouns): a scan of the
    list for each new word.  This list holds the same words in the same order
    (and is saved as a list), and answers ``in`` from a set."""

    __slots__ = ("_members",)

    def __init__(self, items=()) -> None:
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item) -> bool:
        return item in self._members


def index_as_sets(lemmatizer) -> int:
    """Give ``lemmatizer``'s ``lemma_index`` lists set-speed ``in`` tests
    (same words, same answers); returns how many lists were replaced."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return 0
    table = lemmatizer.lookups.get_table("lemma_index")
    replaced = 0
    for key, words in list(table.items()):
        if isinstance(words, list) and not isinstance(words, IndexList):
            table[key] = IndexList(words)
            replaced += 1
    return replaced


class FastLemmatizer(_StandIn):
    """The rule (or lookup) lemmatizer's lemma, each (word, POS, morphology)
    computed once (factory ``newsledger_lemmatizer``; :meth:`use` gives it the
    model's lemmatizer)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lemmatizer = None
        self.compiled = False
        self.reason = "no lemmatizer given"
        self._lemma: dict[tuple[int, int, int], int] = {}

    def use(self, lemmatizer) -> "FastLemmatizer":
        """Wrap the model's lemmatizer (taken out of the pipeline)."""
        from spacy.lang.en.lemmatizer import EnglishLemmatizer

        self.lemmatizer = lemmatizer
        self.compiled = (type(lemmatizer) in (Lemmatizer, EnglishLemmatizer)
                         and getattr(lemmatizer, "mode", None) in ("rule", "lookup"))
        self.reason = "" if self.compiled else f"{type(lemmatizer).__name__} in mode {getattr(lemmatizer, 'mode', None)!r}"
        if self.compiled and lemmatizer.mode == "rule":
            index_as_sets(lemmatizer)
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not self.compiled:
            return self.lemmatizer(doc)
        if not len(doc):
            return doc
        if not self.lemmatizer._validated:
            self.lemmatizer._validate_tables()
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = numpy.arange(len(doc)) if self.lemmatizer.overwrite else numpy.nonzero(values[:, 3] == 0)[0]
        if not len(todo):
            return doc
        memory = self._lemma
        strings = doc.vocab.strings
        lemmatize = self.lemmatizer.lemmatize
        for i, (orth, pos, morph) in zip(todo.tolist(), values[todo, :3].tolist()):
            key = (orth, pos, morph)
            lemma = memory.get(key)
            if lemma is None:
                # a lemma kept across documents is no transient string (spaCy's memory zones)
                lemma = strings.add(lemmatize(doc[i])[0], allow_transient=False)
                if len(memory) >= CACHE_LIMIT:
                    memory.clear()
                memory[key] = lemma
            values[i, 3] = lemma
        doc.from_array([LEMMA], values[:, 3:4])
        return doc


@Language.factory("newsledger_attribute_ruler",
                  assigns=["token.pos", "token.tag", "token.morph", "token.lemma", "token.dep"])
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp, name)


@Language.factory("newsledger_lemmatizer", requires=["token.pos", "token.morph"], assigns=["token.lemma"])
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    return FastLemmatizer(nlp, name)


#: the model's components each stand-in replaces, by pipeline name
STAND_INS = {"attribute_ruler": "newsledger_attribute_ruler", "lemmatizer": "newsledger_lemmatizer"}


def install(nlp: Language) -> list[str]:
    """Put the stand-ins in place of the model's ``attribute_ruler`` and
    ``lemmatizer`` (same names, same places); returns the names replaced.
    A stand-in that cannot compile its component calls it as it is."""
    replaced = []
    for name, factory in STAND_INS.items():
        if name not in nlp.pipe_names:
            continue
        names = nlp.pipe_names
        i = names.index(name)
        _, original = nlp.remove_pipe(name)
        where = {"before": names[i + 1]} if i + 1 < len(names) else {"last": True}
        nlp.add_pipe(factory, name=name, **where).use(original)
        replaced.append(name)
    return replaced
