"""Actor merging across documents.

Reads each document's :class:`~newsledger.model.Actor` list; gives every
document-level actor id the id of its merged actor.

* States and their organs (``RU``, ``AZ-GOV``, ``AM-POP``) are canonical
  already: they merge by id.
* People (``person:<name>``) merge when their names have the same key
  (:func:`~newsledger.resolve.names.name_key`: Zelensky/Zelenskyy,
  Erdogan/Erdoğan), or differ by one letter in the surname with the same
  given name; a surname alone ("Zelenskyy") joins the one full name of the
  corpus that ends with it, when only one does (a second full name with that
  surname leaves it alone), and never across countries the texts give.
* Organisations (``org:<name>``) merge by name key, and an acronym joins the
  full name whose initials it is ("OSCE").
* The merged actor keeps the most complete name, the country the texts give
  (a person's affiliation stated in one document is carried to all), and
  every alias.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..model import Actor
from .names import close, initials, name_key


@dataclass
class MergedActor:
    """One actor of the merged ledger and the document-level ids it gathers."""

    id: str
    name: str
    kind: str
    country: Optional[str] = None
    aliases: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    n_documents: int = 0


@dataclass
class _Seen:
    id: str
    names: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)
    aliases: set = field(default_factory=set)
    docs: set = field(default_factory=set)

    @property
    def name(self) -> str:
        return self.names.most_common(1)[0][0]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


class ActorMerger:
    """Collects the actors of many documents, then :meth:`merge` them.

    >>> from newsledger.model import Actor
    >>> m = ActorMerger()
    >>> m.add("d1", [Actor("person:volodymyr-zelensky", "Volodymyr Zelensky", "person", "UA")])
    >>> m.add("d2", [Actor("person:zelenskyy", "Zelenskyy", "person")])
    >>> merged = m.merge()
    >>> m.canonical("person:zelenskyy"), merged["person:volodymyr-zelensky"].country
    ('person:volodymyr-zelensky', 'UA')
    """

    def __init__(self) -> None:
        self.seen: dict[str, _Seen] = {}
        self.mapping: dict[str, str] = {}

    def add(self, doc_id: str, actors: Iterable[Actor]) -> None:
        for a in actors:
            s = self.seen.get(a.id)
            if s is None:
                s = self.seen[a.id] = _Seen(a.id)
            s.names[a.name] += 1
            s.kinds[a.kind] += 1
            if a.country:
                s.countries[a.country] += 1
            s.aliases.update(a.aliases)
            s.docs.add(doc_id)

    def canonical(self, actor_id: Optional[str]) -> Optional[str]:
        """The merged id of a document-level id (the id itself when unknown)."""
        if actor_id is None:
            return None
        return self.mapping.get(actor_id, actor_id)

    def merge(self) -> dict[str, MergedActor]:
        uf = _UnionFind()
        people = [s for s in self.seen.values() if s.id.startswith("person:")]
        orgs = [s for s in self.seen.values() if s.id.startswith("org:")]
        self._merge_people(people, uf)
        self._merge_orgs(orgs, uf)
        groups: dict[str, list[_Seen]] = defaultdict(list)
        for s in self.seen.values():
            groups[uf.find(s.id)].append(s)
        out: dict[str, MergedActor] = {}
        for members in groups.values():
            merged = self._combine(members)
            out[merged.id] = merged
            for s in members:
                self.mapping[s.id] = merged.id
        return out

    @staticmethod
    def _country(s: _Seen) -> Optional[str]:
        return s.countries.most_common(1)[0][0] if s.countries else None

    def _merge_people(self, people: list[_Seen], uf: _UnionFind) -> None:
        full: dict[str, list[_Seen]] = defaultdict(list)   # key of the full name
        by_surname: dict[str, list[_Seen]] = defaultdict(list)
        single: list[_Seen] = []
        for s in people:
            key = name_key(s.name)
            words = key.split()
            if not words:
                continue
            if len(words) == 1:
                single.append(s)
                continue
            full[key].append(s)
            by_surname[words[-1]].append(s)
        for group in full.values():
            for s in group[1:]:
                if self._countries_agree(group[0], s):
                    uf.union(group[0].id, s.id)
        # one letter apart in the surname, the same given name
        surnames = sorted(by_surname)
        for i, a in enumerate(surnames):
            for b in surnames[i + 1:i + 40]:
                if not b.startswith(a[:2]):
                    break
                if not close(a, b):
                    continue
                for x in by_surname[a]:
                    for y in by_surname[b]:
                        if name_key(x.name).split()[0] == name_key(y.name).split()[0] and self._countries_agree(x, y):
                            uf.union(x.id, y.id)
        # a surname alone joins the one full name it ends
        for s in single:
            key = name_key(s.name)
            cands = {uf.find(c.id) for c in by_surname.get(key, []) if self._countries_agree(c, s)}
            if not cands:
                cands = {uf.find(c.id) for sn, cs in by_surname.items() if close(sn, key)
                         for c in cs if self._countries_agree(c, s)}
            if len(cands) == 1:
                uf.union(cands.pop(), s.id)

    def _merge_orgs(self, orgs: list[_Seen], uf: _UnionFind) -> None:
        by_key: dict[str, _Seen] = {}
        by_initials: dict[str, list[_Seen]] = defaultdict(list)
        for s in orgs:
            key = name_key(s.name)
            if key in by_key:
                uf.union(by_key[key].id, s.id)
            else:
                by_key[key] = s
            inits = initials(s.name)
            if len(inits) >= 3 and len(s.name.split()) >= 3:
                by_initials[inits].append(s)
        for s in orgs:
            name = s.name.replace(".", "")
            if name.isupper() and 2 <= len(name) <= 8 and len(by_initials.get(name, [])) == 1:
                uf.union(by_initials[name][0].id, s.id)

    def _countries_agree(self, a: _Seen, b: _Seen) -> bool:
        ca, cb = self._country(a), self._country(b)
        return ca is None or cb is None or ca == cb

    def _combine(self, members: list[_Seen]) -> MergedActor:
        # the id and name of the fullest, most documented member
        best = max(members, key=lambda s: (len(s.name.split()), len(s.docs), sum(s.names.values()), s.id))
        kinds, countries, names = Counter(), Counter(), Counter()
        aliases: set[str] = set()
        docs: set[str] = set()
        for s in members:
            kinds.update(s.kinds)
            countries.update(s.countries)
            names.update(s.names)
            aliases.update(s.aliases)
            docs.update(s.docs)
        aliases.update(names)
        aliases.discard(best.name)
        return MergedActor(id=best.id, name=best.name, kind=kinds.most_common(1)[0][0],
                           country=countries.most_common(1)[0][0] if countries else None,
                           aliases=sorted(aliases), members=sorted(s.id for s in members),
                           n_documents=len(docs))
