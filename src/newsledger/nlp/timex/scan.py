"""Running the candidate patterns fast, with exactly the matches of a plain scan.

A plain scan runs each case-insensitive pattern of :mod:`.patterns` with
``finditer`` over the whole text: every pattern is tried at every word
start, and most of the time goes into alternatives that cannot match there.
A :class:`Scanner` finds the same matches (same spans, same groups) for much
less work:

* the text is lower-cased once and the patterns are compiled without
  ``re.IGNORECASE`` from lower-cased sources (case-insensitive literals
  defeat the regex engine's quick first-character tests);
* each pattern is tried only at the word starts whose first
  :data:`KEY_CHARS` characters can begin one of its matches.  What can begin
  a match (its *prefixes*) is worked out once from the pattern's parse tree;
  which patterns a given beginning admits is cached.

A text whose lower-casing changes its length (a rare character such as "İ"),
and a pattern whose parse tree holds a construct the prefix analysis does
not know, fall back to the plain scan, so the matches never change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional, Union

try:  # the regex parser of the standard library (private, but stable within a version)
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - an interpreter without it scans plainly
    _sre = _sre_parse = None

#: how many characters of a word start select the patterns tried there
KEY_CHARS = 5

#: characters that ``re.IGNORECASE`` equates with a letter although
#: ``str.lower`` leaves them alone (checked over all of Unicode in the tests)
CASE_FOLD_EXTRA = str.maketrans({"\u0131": "i", "\u017f": "s"})

#: the test every pattern begins with
WORD_START = r"(?<!\w)"
_WORD_STARTS = re.compile(WORD_START)


def lower_text(text: str, lowered: Optional[str] = None) -> Optional[str]:
    """``text`` lower-cased so that a case-sensitive match of a lower-cased
    pattern is a case-insensitive match of the pattern on ``text``, at the
    same offsets; None when lower-casing would move offsets.  ``lowered``:
    ``text.lower()`` where the caller has it."""
    low = text.lower() if lowered is None else lowered
    if len(low) != len(text):
        return None
    if not low.isascii() and ("\u0131" in low or "\u017f" in low):
        low = low.translate(CASE_FOLD_EXTRA)
    return low


def lower_source(rx: str) -> str:
    """A regex source with its letters lower-cased, escapes and the ``(?P``
    of named groups left as they are: on :func:`lower_text` output, without
    ``re.IGNORECASE``, it matches what ``rx`` matches with it.  ValueError
    where that cannot be promised (a non-ASCII letter, a range such as
    ``A-z`` across letters and other characters, an inline flag, ...)."""
    if re.search(r"\(\?P[<=]\w*[A-Z]", rx) or re.search(r"\(\?[aiLmsux-]+[:)]", rx):
        raise ValueError(f"upper-case group name or inline flag in {rx!r}")
    if any(ord(c) > 127 and c.lower() != c.upper() for c in rx):
        raise ValueError(f"non-ASCII letter in {rx!r}")
    out = []
    i = 0
    while i < len(rx):
        if rx[i] == "\\":
            if rx[i + 1:i + 2] in ("N", "x", "u", "U"):
                raise ValueError(f"escape {rx[i:i + 2]!r} not supported in {rx!r}")
            out.append(rx[i:i + 2])
            i += 2
        elif rx.startswith("(?P", i):
            out.append("(?P")
            i += 3
        else:
            out.append(rx[i].lower())
            i += 1
    if _sre_parse is not None:
        _check_ranges(_sre_parse.parse(rx).data)
    return "".join(out)


def _check_ranges(items) -> None:
    """ValueError on a class range that lower-casing would change in meaning:
    one within a-z or A-Z, or without letters, is safe."""
    for op, av in items:
        if op is _sre.IN:
            for op2, av2 in av:
                if op2 is _sre.RANGE:
                    lo, hi = chr(av2[0]), chr(av2[1])
                    within = "a" <= lo <= hi <= "z" or "A" <= lo <= hi <= "Z"
                    if not within and any(chr(c).lower() != chr(c).upper() for c in range(av2[0], av2[1] + 1)):
                        raise ValueError(f"range {lo}-{hi} across letters")
        elif op is _sre.BRANCH:
            for alt in av[1]:
                _check_ranges(alt.data)
        elif op is _sre.SUBPATTERN:
            _check_ranges(av[3].data)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            _check_ranges(av[2].data)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            _check_ranges(av[1].data)
        elif op is _sre.ATOMIC_GROUP:
            _check_ranges(av.data)
        elif op is _sre.GROUPREF_EXISTS:
            _check_ranges(av[1].data)
            if av[2] is not None:
                _check_ranges(av[2].data)


def _min_width(source: str) -> int:
    if _sre_parse is None:
        return 0
    return _sre_parse.parse(source).getwidth()[0]


# ----------------------------------------------------------------------
# what can begin a match

class _Unknown(Exception):
    """A construct the prefix analysis does not handle."""


#: one position of a prefix: a set of characters, a one-character class, or None (any)
CharSet = Union[frozenset, "_CharClass", None]

_CATEGORIES = {}
if _sre is not None:
    _CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D",
                   _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_NOT_SPACE: r"\S",
                   _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W"}


@dataclass(frozen=True)
class _CharClass:
    """A character class the regex engine itself tests (``[^\\d,.]``, ``\\s``)."""

    source: str


def _char_set(items) -> CharSet:
    """The characters an ``IN`` node of the parse tree admits."""
    chars: set[str] = set()
    parts = []
    small = True
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av))
            parts.append(re.escape(chr(av)))
        elif op is _sre.RANGE:
            lo, hi = av
            parts.append(re.escape(chr(lo)) + "-" + re.escape(chr(hi)))
            if hi - lo < 256:
                chars.update(chr(c) for c in range(lo, hi + 1))
            else:
                small = False
        elif op is _sre.NEGATE:
            parts.append("^")
            small = False
        elif op is _sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
            small = False
        else:
            raise _Unknown(op)
    return frozenset(chars) if small else _CharClass("[" + "".join(parts) + "]")


def _sequence(items, k: int) -> tuple[set, set]:
    """Prefixes (up to ``k`` characters) of the matches of a sequence of
    parse-tree nodes: (all of them, those after which the sequence is done)."""
    final: set = set()
    open_: set = {()}
    for op, av in items:
        nxt: set = set()
        for pre in open_:
            for ext, done in _node(op, av, k - len(pre)):
                p = pre + ext
                if done and len(p) < k:
                    nxt.add(p)
                else:
                    final.add(p)
        open_ = nxt
        if not open_:
            break
    return final | open_, open_


def _sub(items, k: int) -> set:
    """(prefix, done) pairs of a sub-pattern."""
    every, done = _sequence(items, k)
    return {(p, p in done) for p in every}


def _node(op, av, k: int) -> set:
    """(prefix, done) pairs of one node; ``done`` is False where the prefix
    was cut short (``k`` characters reached, or a position admits anything)."""
    if k <= 0:
        return {((), False)}
    if op is _sre.LITERAL:
        return {((frozenset(chr(av)),), True)}
    if op is _sre.IN:
        return {((_char_set(av),), True)}
    if op is _sre.NOT_LITERAL or op is _sre.ANY:
        return {((None,), True)}
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return {((), True)}
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & (re.IGNORECASE | re.LOCALE):
            raise _Unknown(op)
        return _sub(sub.data, k)
    if op is _sre.BRANCH:
        out: set = set()
        for alt in av[1]:
            out |= _sub(alt.data, k)
        return out
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        return _repeat(av, k)
    raise _Unknown(op)


def _repeat(av, k: int) -> set:
    """(prefix, done) pairs of ``body{lo,hi}``, unfolded up to ``k`` characters."""
    lo, hi, body = av
    out: set = {((), True)} if lo == 0 else set()
    reps: set = {((), True)}
    n = 0
    while reps and n < min(hi, k):
        n += 1
        grown: set = set()
        for pre, done in reps:
            if not done or len(pre) >= k:
                continue
            for ext, d in _sub(body.data, k - len(pre)):
                grown.add((pre + ext, d))
        for pre, done in grown:
            if n >= lo or not done or len(pre) >= k:
                out.add((pre, done if n >= lo else False))
        reps = {(p, d) for p, d in grown if d and len(p) < k}
    if reps and n < hi:
        # more repetitions could follow that the loop did not unfold
        out |= {(p, False) for p, _ in reps}
    return out


def prefixes(source: str, k: int = KEY_CHARS) -> Optional[set]:
    """The prefixes of the matches of a (case-sensitive) regex source, each a
    tuple of character sets of at most ``k`` positions; None when unknown."""
    if _sre_parse is None:
        return None
    try:
        every, _ = _sequence(_sre_parse.parse(source).data, k)
    except _Unknown:
        return None
    return every


def _broad(prefs: Optional[set]) -> bool:
    """Whether a pattern's matches may begin with most words (only a matter of speed)."""
    if prefs is None:
        return True
    for p in prefs:
        first = p[0] if p else None
        if first is None or isinstance(first, _CharClass) and re.match(first.source, "e") \
                or isinstance(first, frozenset) and len(first) > 20:
            return True
    return False


def _position_regex(cs: CharSet) -> str:
    if cs is None:
        return r"[\s\S]"
    if isinstance(cs, _CharClass):
        return cs.source
    return "[" + "".join(re.escape(c) for c in sorted(cs)) + "]"


def prefix_regex(prefs: set) -> str:
    """A regex source that matches the keys (``KEY_CHARS`` characters, fewer
    at the end of the text) that one of ``prefs`` admits, written as a trie
    so that the engine looks at few alternatives per character."""
    trie: dict = {}
    for p in prefs:
        node = trie
        for cs in p:
            if node.get("") is True:
                break  # a shorter prefix admits everything after it
            node = node.setdefault(_position_regex(cs), {})
        else:
            node.clear()
            node[""] = True
    return _trie_regex(trie) if trie else "(?!)"


def _trie_regex(node: dict) -> str:
    if node.get("") is True:
        return ""
    alts = [pos + (r"(?:\Z|" + rest + ")" if rest else "")
            for pos, child in sorted(node.items()) for rest in [_trie_regex(child)]]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def admission_regex(sources: list[Optional[str]]) -> re.Pattern:
    """One regex that tells, for a key, which prefix regexes admit it: group
    ``i + 1`` takes part when ``sources[i]`` matches (None: always)."""
    parts = ["()" if src is None else "(?:(?=(?:" + src + "))()|)" for src in sources]
    return re.compile("".join(parts))


# ----------------------------------------------------------------------
# the scanner

@dataclass
class _Compiled:
    kind: str
    plain: re.Pattern                 # the pattern as given (case-insensitive)
    body: Optional[re.Pattern]        # lower-cased, without the word-start test
    prefixes: Optional[set]           # what can begin a match; None: anything
    names: tuple[str, ...]

    @property
    def key(self) -> Optional[str]:
        """Regex of the keys that admit the pattern (None: all)."""
        return prefix_regex(self.prefixes) if self.prefixes is not None else None


def _compile(kind: str, rx: str) -> _Compiled:
    """The plain pattern and, where the analysis allows, its fast form."""
    plain = re.compile(WORD_START + "(?:" + rx + ")", re.I)
    names = tuple(plain.groupindex)
    if _sre_parse is None:
        return _Compiled(kind, plain, None, None, names)
    try:
        if re.search(r"\\\d|\(\?P=", rx):
            raise ValueError("a back-reference (its number changes in an alternation)")
        low = "(?:" + lower_source(rx) + ")"
        body = re.compile(low)
        if _min_width(low) == 0:
            raise ValueError("a pattern that can match the empty string")
    except (ValueError, re.error):
        return _Compiled(kind, plain, None, None, names)
    return _Compiled(kind, plain, body, prefixes(low), names)


class Scanner:
    """Matches of ``(kind, regex)`` patterns, each tried at word starts only
    (:data:`WORD_START` + the regex, compiled with ``re.IGNORECASE``)."""

    def __init__(self, patterns: list[tuple[str, str]]):
        self._pats = [_compile(kind, rx) for kind, rx in patterns]
        self._fast = [i for i, p in enumerate(self._pats) if p.body is not None]
        self._admission = admission_regex([self._pats[i].key for i in self._fast])
        self._cache: dict[str, tuple[int, ...]] = {}
        # the word starts where some pattern may begin: at 0, and after a
        # non-word character; a pattern that may begin almost anywhere
        # ("{0,2} words, then invasion") is left out, and when it is wanted
        # every word start is tried
        self._broad = {i for i in self._fast if _broad(self._pats[i].prefixes)}
        union = prefix_regex(set().union(*(self._pats[i].prefixes for i in self._fast if i not in self._broad)))
        self._begin_at_0 = re.compile("(?=" + union + ")")
        self._begin_after = re.compile(r"[^a-z0-9_](?<!\w)(?=" + union + ")")

    def folds(self, indices) -> bool:
        """Whether all these patterns have a lower-cased form."""
        return all(self._pats[i].body is not None for i in indices)

    def match(self, i: int, low: str, q: int) -> Optional[re.Match]:
        """Pattern ``i`` at word start ``q`` of the :func:`lower_text` ``low``."""
        return self._pats[i].body.match(low, q)

    def _admitted(self, key: str) -> tuple[int, ...]:
        """Indices of the patterns whose matches can begin with ``key``."""
        got = self._cache.get(key)
        if got is None:
            marks = self._admission.match(key).groups()
            got = tuple(i for i, mark in zip(self._fast, marks) if mark is not None)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[key] = got
        return got

    def begins(self, low: str, wanted: set[int]) -> list[int]:
        """The word starts of ``low`` where the match of a wanted pattern may begin."""
        if not self._broad.isdisjoint(wanted):
            return [m.start() for m in _WORD_STARTS.finditer(low)]
        found = [0] if self._begin_at_0.match(low) else []
        found.extend([m.end() for m in self._begin_after.finditer(low)])
        return found

    def starts(self, low: str, wanted: set[int]) -> dict[int, list[int]]:
        """Where each pattern (of those in ``wanted``) may begin in ``low``."""
        where: dict[int, list[int]] = {i: [] for i in wanted}
        k = KEY_CHARS
        cache = self._cache
        for q in self.begins(low, wanted):
            key = low[q:q + k]
            admitted = cache.get(key)
            if admitted is None:
                admitted = self._admitted(key)
            for i in admitted:
                lst = where.get(i)
                if lst is not None:
                    lst.append(q)
        return where

    def matches(self, text: str, skip=None) -> Iterator[tuple[str, int, int, dict]]:
        """(kind, start, end, group spans) of every pattern in turn, as ``finditer``
        of each pattern on ``text`` gives them; ``skip(kind, text.lower())``
        may leave out a pattern that cannot match."""
        plain_low = text.lower()
        low = lower_text(text, plain_low)
        run = [i for i, p in enumerate(self._pats) if skip is None or not skip(p.kind, plain_low)]
        fast = [i for i in run if low is not None and self._pats[i].body is not None]
        where = self.starts(low, set(fast)) if fast else {}
        for i in run:
            p = self._pats[i]
            if i not in where:
                for m in p.plain.finditer(text):
                    yield p.kind, m.start(), m.end(), _spans(m, p.names)
                continue
            end = 0
            for q in where[i]:
                if q < end:
                    continue
                m = p.body.match(low, q)
                if m is not None:
                    end = m.end()
                    yield p.kind, q, end, _spans(m, p.names)


def _spans(m: re.Match, names: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """The spans of the named groups of ``m`` that took part."""
    spans = {}
    for name in names:
        span = m.span(name)
        if span[0] >= 0:
            spans[name] = span
    return spans


def first_wins(scanner: Scanner, order: list[int], text: str) -> Optional[list[tuple[int, int, int]]]:
    """(start, end, pattern index) of the matches of one alternation of the
    patterns ``order`` (in that order) with ``finditer``: the leftmost match,
    the first alternative where several begin at one place.  None where the
    text or a pattern has no lower-cased form (use the alternation itself)."""
    low = lower_text(text)
    if low is None or not scanner.folds(order):
        return None
    where = scanner.starts(low, set(order))
    nexts = [_NextMatch(scanner, i, where[i]) for i in order]
    out: list[tuple[int, int, int]] = []
    pos = 0
    while True:
        best: Optional[tuple[int, int, int]] = None
        for nxt in nexts:
            span = nxt.at_or_after(low, pos)
            if span is not None and (best is None or span[0] < best[0]):
                best = (span[0], span[1], nxt.index)
        if best is None:
            return out
        out.append(best)
        pos = best[1]


class _NextMatch:
    """The first match of one pattern at or after a position that only grows."""

    def __init__(self, scanner: Scanner, index: int, starts: list[int]):
        self.scanner, self.index, self.starts = scanner, index, starts
        self.k = 0  # starts[:k] lie before the position
        self.span: Optional[tuple[int, int]] = (-1, -1)

    def at_or_after(self, low: str, pos: int) -> Optional[tuple[int, int]]:
        if self.span is not None and self.span[0] < pos:
            self.span = None
            starts, k = self.starts, self.k
            while k < len(starts) and starts[k] < pos:
                k += 1
            while k < len(starts):
                m = self.scanner.match(self.index, low, starts[k])
                if m is not None:
                    self.span = (starts[k], m.end())
                    break
                k += 1
            self.k = k
        return self.span
