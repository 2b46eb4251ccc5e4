"""Core types of the ledger.

Plain dataclasses, JSON-serialisable with :func:`to_dict` / :func:`from_dict`.
No spaCy object leaks out of the NLP stage: everything here carries character
offsets (``start``/``end``, Python ``str`` indices, end exclusive) into
``Document.text``.

The field names mirror the JSON contract (``CONTRACT.md`` in the shared
folder): ``dataclasses.asdict`` of a :class:`DocLedger` *is* the contract line.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Optional

SCHEMA = "newsledger/1"


@dataclass(slots=True)
class Span:
    """A piece of ``Document.text``: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])


@dataclass(slots=True)
class Link:
    text: str
    url: Optional[str] = None


@dataclass(slots=True)
class Document:
    """A cleaned article ready for analysis.

    ``id`` is a content hash of ``text`` so that the same article read twice is
    the same document; ``source_id`` is what the user called it (path, URL,
    JSONL ``id``).  ``published_source`` says where ``published`` came from:
    ``input`` (given by the user), ``metadata`` (HTML metadata or byline),
    ``inferred`` (from the text) or ``None``.
    """

    id: str
    text: str
    source_id: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    published_source: Optional[str] = None
    language: Optional[str] = None
    links: list[Link] = field(default_factory=list)
    #: how sure an ``inferred`` publication date is (0..1); ``None`` otherwise
    published_confidence: Optional[float] = None

    @classmethod
    def from_text(cls, text: str, **kwargs: Any) -> "Document":
        return cls(id=content_id(text), text=text, **kwargs)


def content_id(text: str) -> str:
    """The document id: the first 20 hex digits of SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


@dataclass(slots=True)
class TimeValue:
    """A normalised time: a TIMEX3 value (``2023-09-19``, ``2023-09``,
    ``2022-SU``, ``2020``, ``P10M``) or a range ``start/end``.

    ``how`` tells how it was resolved: ``explicit``, ``dct`` (relative to the
    publication date), ``narrative`` (relative to an earlier date in the text),
    ``event`` (anchored to a known event) or ``sentence`` (taken from the
    sentence the item sits in).
    """

    value: str
    how: Optional[str] = None
    granularity: Optional[str] = None
    mod: Optional[str] = None


@dataclass(slots=True)
class Timex:
    """A time expression found in the text, normalised to TIMEX3."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: Optional[str]
    mod: Optional[str] = None
    anchor: Optional[str] = None  # explicit | dct | narrative | event
    granularity: Optional[str] = None


@dataclass(slots=True)
class PlaceMention:
    """A place name in the text, resolved (when possible) to a gazetteer entry.

    ``role`` is ``location`` when the name says where something is, ``actor``
    when it stands for a government ("Paris recalled its envoy ...").
    """

    start: int
    end: int
    text: str
    name: str
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None
    geonameid: Optional[int] = None
    kind: Optional[str] = None  # city | region | country | feature
    role: str = "location"


@dataclass(slots=True)
class Actor:
    """Someone who acts or speaks: a state, government, military, person,
    organisation, group, population or media outlet."""

    id: str
    name: str
    kind: str
    country: Optional[str] = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class ActorRef:
    """An actor as it appears in one event: its id and the words naming it."""

    actor: Optional[str]
    start: int
    end: int
    text: str


@dataclass(slots=True)
class PlaceRef:
    name: str
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None
    geonameid: Optional[int] = None


@dataclass(slots=True)
class Event:
    type: Optional[str]
    trigger: Span
    evidence: Span
    mode: Optional[str] = None
    context: list[str] = field(default_factory=list)
    modality: str = "asserted"
    source_actors: list[ActorRef] = field(default_factory=list)
    target_actors: list[ActorRef] = field(default_factory=list)
    time: Optional[TimeValue] = None
    place: Optional[PlaceRef] = None
    attributed_to: Optional[str] = None
    cameo_root: Optional[str] = None
    intensity: Optional[float] = None


@dataclass(slots=True)
class Claim:
    """Who said what: ``speaker`` is ``None`` for an unattributed claim."""

    speaker: Optional[Span]
    cue: Optional[Span]
    content: Span
    kind: str  # direct | indirect | mixed | according-to
    speaker_name: Optional[str] = None
    speaker_actor: Optional[str] = None
    time: Optional[TimeValue] = None
    negated: bool = False
    sentence: Optional[Span] = None
    #: the content for comparing claims across documents: lower-cased lemmas
    #: of its content words, stop words and punctuation left out
    content_norm: Optional[str] = None
    #: the speaker's stance towards what the content names, when the cue says
    #: it ("denied", "condemned": ``against``; "praised", "backed": ``for``)
    stance: Optional[str] = None


@dataclass(slots=True)
class Quantity:
    """A figure given in the text, with its hedge ("more than", "almost")."""

    value: float
    evidence: Span
    unit: Optional[str] = None
    counts: Optional[str] = None
    hedge: Optional[str] = None
    approx: Optional[str] = None  # above | below | up-to | about | at-least | at-most | exactly
    change: Optional[str] = None  # increase | decrease: "30 percent more"
    time: Optional[TimeValue] = None
    sentence: Optional[Span] = None


@dataclass(slots=True)
class LedgerError:
    """A coded failure (see :mod:`newsledger.errors`)."""

    code: str
    message: str


@dataclass(slots=True)
class Inconsistency:
    """Two statements of the text that disagree, e.g. ``kind="date"``: "two
    days later, on March 6" after March 2 gives 03-04 for the
    relative expression ``a`` and 03-06 for the explicit date ``b``; the
    ledger keeps ``kept`` (the explicit date)."""

    kind: str
    a: Span
    b: Span
    a_value: Optional[str] = None
    b_value: Optional[str] = None
    kept: Optional[str] = None
    message: str = ""


@dataclass(slots=True)
class DocLedger:
    """Everything extracted from one document."""

    document: Document
    timexes: list[Timex] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    errors: list[LedgerError] = field(default_factory=list)
    schema: str = SCHEMA
    #: disagreements found in the text (optional key of the contract)
    inconsistencies: list[Inconsistency] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# --------------------------------------------------------------------------
# JSON round trip

_ORDER = ("schema", "document", "timexes", "places", "actors", "claims",
          "events", "quantities", "errors", "inconsistencies")


def to_dict(obj: Any) -> Any:
    """A dataclass (or list of them) as plain JSON-ready data."""
    if isinstance(obj, DocLedger):
        data = dataclasses.asdict(obj)
        return {key: data[key] for key in _ORDER}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if isinstance(obj, list):
        return [to_dict(item) for item in obj]
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is list:
        (item_tp,) = typing.get_args(tp)
        return [_convert(item_tp, v) for v in value]
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    if tp is float and isinstance(value, int):
        return float(value)
    return value


def from_dict(cls: type, data: dict) -> Any:
    """Rebuild a dataclass of type ``cls`` from :func:`to_dict` output.

    Unknown keys are ignored, so that newer files still load.
    """
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)
