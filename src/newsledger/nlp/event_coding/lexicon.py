"""The trigger lexicon: ``resources/event_triggers.tsv`` parsed into lookups.

See the header of the TSV file for the columns.  Matching of an entry's
conditions against a parsed clause happens in :mod:`.triggers`; this module
only reads the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")

#: types whose intended or promised form is AGREE ("will send aid")
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
#: types whose announced or conditional form is THREATEN ("plans to impose sanctions")
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN"})
#: verbal conflict: keeps its own type when intended
VERBAL = frozenset({"REQUEST", "ACCUSE", "REJECT"})

#: CAMEO root and Goldstein-like intensity of a type when an event is re-typed
TYPE_DEFAULTS = {
    "AGREE": ("03", 4.5), "CONSULT": ("04", 1.0), "SUPPORT": ("05", 3.5), "CONCEDE": ("08", 5.0),
    "COOPERATE": ("06", 6.0), "AID": ("07", 7.0), "RETREAT": ("08", 5.0), "REQUEST": ("10", -5.0),
    "ACCUSE": ("11", -2.0), "REJECT": ("12", -4.0), "THREATEN": ("13", -6.0), "PROTEST": ("14", -6.5),
    "SANCTION": ("16", -5.0), "MOBILIZE": ("15", -7.2), "COERCE": ("17", -7.0), "ASSAULT": ("18", -9.0),
}


@dataclass(frozen=True)
class Condition:
    objs: Optional[frozenset] = None      # allowed object head lemmas (classes expanded)
    prts: Optional[frozenset] = None      # required particle
    preps: Optional[frozenset] = None     # required preposition child
    comp: Optional[bool] = None           # True: needs a complement; False: none
    noobj: bool = False
    subjs: Optional[frozenset] = None     # allowed subject head lemmas
    tocomp: bool = False                  # needs an object and a to-infinitive ("told X to leave")


@dataclass(frozen=True)
class Entry:
    kind: str            # verb | noun | adj | light | report
    lemma: str           # the head lemma
    modifiers: tuple     # for multiword nouns: required modifier lemmas
    type: Optional[str]
    mode: Optional[str]
    cameo: Optional[str]
    intensity: Optional[float]
    cond: Condition
    flags: frozenset = field(default_factory=frozenset)
    line: int = 0

    @cached_property
    def frame(self) -> Optional[str]:
        for flag in self.flags:
            if flag.startswith("frame="):
                return flag[6:]
        return None

    @property
    def of_is_source(self) -> bool:
        return "of=src" in self.flags

    @property
    def symmetric(self) -> bool:
        return "sym" in self.flags

    @property
    def light_only(self) -> bool:
        return "lightonly" in self.flags

    @property
    def theme(self) -> bool:
        return "theme" in self.flags

    @property
    def happening(self) -> bool:
        """An untyped happening (type null) that still belongs on a timeline."""
        return "happening" in self.flags

    @property
    def no_event(self) -> bool:
        """A sense that is no event (type "-" without "happening"): "committed a crime"
        blocks the promise sense of "commit" in a later row."""
        return self.type is None and not self.happening

    @cached_property
    def conditional(self) -> bool:
        c = self.cond
        return bool(c.objs or c.prts or c.preps or c.comp is not None or c.noobj or c.subjs or c.tocomp)


@dataclass
class Lexicon:
    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)   # by head lemma
    adjs: dict[str, list[Entry]] = field(default_factory=dict)
    lights: dict[str, list[Entry]] = field(default_factory=dict)
    reports: dict[str, list[Entry]] = field(default_factory=dict)
    classes: dict[str, frozenset] = field(default_factory=dict)
    #: what :func:`.readings.verb_lemma` found per (lemma, lower-case form); bounded
    verb_lemmas: dict[tuple[str, str], str] = field(default_factory=dict, repr=False, compare=False)

    def table(self, kind: str) -> dict[str, list[Entry]]:
        return {"verb": self.verbs, "noun": self.nouns, "adj": self.adjs,
                "light": self.lights, "report": self.reports}[kind]

    def in_class(self, name: str, lemma: str) -> bool:
        return lemma in self.classes.get(name, ())


def _none(value: str) -> Optional[str]:
    value = value.strip()
    return None if value in ("", "-") else value


def _members(spec: str, classes: dict[str, frozenset]) -> frozenset:
    out: set[str] = set()
    for item in spec.split("|"):
        item = item.strip()
        if not item:
            continue
        if item.startswith("@"):
            if item[1:] not in classes:
                raise ValueError(f"unknown class {item!r} in event lexicon")
            out |= classes[item[1:]]
        else:
            out.add(item.lower())
    return frozenset(out)


def _condition(spec: Optional[str], classes: dict[str, frozenset]) -> Condition:
    if not spec:
        return Condition()
    kw: dict = {}
    for part in spec.split(";"):
        part = part.strip()
        if part.startswith("obj="):
            kw["objs"] = _members(part[4:], classes)
        elif part.startswith("prt="):
            kw["prts"] = _members(part[4:], classes)
        elif part.startswith("subj="):
            kw["subjs"] = _members(part[5:], classes)
        elif part.startswith("prep="):
            kw["preps"] = _members(part[5:], classes)
        elif part == "comp":
            kw["comp"] = True
        elif part == "nocomp":
            kw["comp"] = False
        elif part == "noobj":
            kw["noobj"] = True
        elif part == "tocomp":
            kw["tocomp"] = True
        elif part:
            raise ValueError(f"unknown condition {part!r} in event lexicon")
    return Condition(**kw)


def parse_lexicon(text: str) -> Lexicon:
    """Parse the TSV text of a trigger lexicon."""
    lex = Lexicon()
    rows = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = raw.rstrip("\n").split("\t")
        if len(cols) != 8:
            raise ValueError(f"event lexicon line {number}: expected 8 columns, got {len(cols)}")
        rows.append((number, cols))
    for number, cols in rows:  # classes first, so that rows may use later classes
        if cols[0] == "class":
            lex.classes[cols[1].strip()] = _members(cols[6], lex.classes)
    for number, cols in rows:
        kind, lemma, typ, mode, cameo, intensity, cond, flags = cols
        if kind == "class":
            continue
        if kind not in ("verb", "noun", "adj", "light", "report"):
            raise ValueError(f"event lexicon line {number}: unknown kind {kind!r}")
        typ = _none(typ)
        if typ is not None and typ not in PLOVER_TYPES:
            raise ValueError(f"event lexicon line {number}: unknown type {typ!r}")
        words = lemma.strip().lower().split()
        if kind == "verb" and len(words) == 2:  # "blow up": particle as a condition
            head, mods = words[0], ()
            cond = f"prt={words[1]}" + (";" + cond if _none(cond) else "")
        elif kind == "noun":
            head, mods = words[-1], tuple(words[:-1])
        else:
            head, mods = words[0], ()
        entry = Entry(kind=kind, lemma=head, modifiers=mods, type=typ, mode=_none(mode),
                      cameo=_none(cameo),
                      intensity=float(intensity) if _none(intensity) else None,
                      cond=_condition(_none(cond), lex.classes),
                      flags=frozenset(f.strip() for f in (_none(flags) or "").split(",") if f.strip()),
                      line=number)
        lex.table(kind).setdefault(head, []).append(entry)
    # multiword nouns before single ones
    for entries in lex.nouns.values():
        entries.sort(key=lambda e: -len(e.modifiers))
    return lex


def lexicon_path() -> Path:
    return Path(str(resources.files("newsledger.resources") / "event_triggers.tsv"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon (parsed once)."""
    return parse_lexicon(lexicon_path().read_text(encoding="utf-8"))
