"""Name keys: spellings of one name that a reader takes for the same.

``name_key("Zelenskyy") == name_key("Zelensky")`` and
``name_key("Erdoğan") == name_key("Erdogan")``: letters folded to ASCII,
lower case, then spellings that transliteration systems swap are unified
(``y``/``i``, ``c``/``k``/``q``, ``kh``/``h``, ``ph``/``f``, ``w``/``v``,
``z``/``s``, ``ou``/``u``, ``ee``/``i``, doubled letters).  Keys compare names; they
are never shown.

>>> name_key("Volodymyr Zelenskyy") == name_key("Volodymyr Zelensky")
True
>>> name_key("Erdoğan") == name_key("Erdogan")
True
>>> name_key("Moscow") == name_key("Moskva")
False
>>> close("pasinian", "pasinan"), close("aliev", "alief")  # the second: too short to tell
(True, False)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_RULES = (("kh", "h"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "ks"), ("w", "v"),
          ("z", "s"), ("ou", "u"), ("ee", "i"), ("j", "i"), ("y", "i"), ("ie", "i"))
_NOT_LETTER = re.compile(r"[^a-z ]+")
_DOUBLE = re.compile(r"(\w)\1+")


def fold(text: str) -> str:
    """ASCII, lower case, letters and single spaces only."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(_NOT_LETTER.sub(" ", text.lower().replace("'", "")).split())


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The key of one folded word."""
    for a, b in _RULES:
        word = word.replace(a, b)
    return _DOUBLE.sub(r"\1", word)


def name_key(name: str) -> str:
    """The key of a name (words keyed one by one)."""
    return " ".join(word_key(w) for w in fold(name).split())


def close(a: str, b: str) -> bool:
    """Keys of six letters or more that differ by one edit (a dropped, added
    or changed letter): the same name spelt another way."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


def initials(name: str) -> str:
    """Upper-case initials of the content words: "Organization for Security
    and Co-operation in Europe" -> ``OSCE``."""
    words = name.split()
    return "".join(w[0].upper() for w in words if w.lower() not in _FUNCTION_WORDS and w[0].isalpha())


_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "to", "de", "du", "des", "la", "le", "al", "el"})
