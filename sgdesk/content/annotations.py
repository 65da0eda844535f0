"""The user's own data as frozen values: favorites, and notes or highlights anchored in a node."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum


class AnnotationKind(StrEnum):
    NOTE = "note"  # a text written by the user, on a passage or on the whole node
    HIGHLIGHT = "highlight"  # a passage marked in a colour, with or without text


@dataclass(frozen=True)
class TextAnchor:
    """Where a passage sits in a node's normalised text (see ``anchoring.normalised_text``).

    The W3C Web Annotation selectors: ``TextQuoteSelector`` (exact, prefix, suffix) and
    ``TextPositionSelector`` (start, end: offsets of ``exact`` in the normalised text)."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True)
class Annotation:
    id: str  # a UUID: the same note keeps its id across computers (export and import)
    node_id: str
    kind: AnnotationKind
    text: str  # the user's note ("" for a bare highlight)
    anchor: TextAnchor | None  # None: the note is about the whole node
    content_version: str  # the corpus version the anchor was made on
    created: str  # ISO 8601, UTC, to the second
    updated: str
    node_title: str = ""  # the node's title when annotated, shown if the node disappears
    color: str = ""  # highlights: a colour name ("amarillo", …)


@dataclass(frozen=True)
class Favorite:
    node_id: str
    title: str  # the node's title when added, shown if the node disappears
    folder: str  # "" at the top level
    position: int
    created: str


@dataclass(frozen=True)
class Visit:
    """A page opened: when, and with which «Vigente a» date (None: today's text)."""

    node_id: str
    title: str
    opened: str  # ISO 8601, UTC
    as_of: str | None = None  # ISO date


def utc_now() -> str:
    """The current time as the user data stores it: ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
