"""What the sources record besides the text: events and their changes, the offices, and the
corpus as a whole. Frozen values; ``content.model`` gives these names too.

Not loaded to show a page (the window's first frame needs only nodes, norms and later changes:
#11 start-up); the sources, the build, the timeline and the commands load it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import EventKind, LaterChange, Node, Norm

if TYPE_CHECKING:  # (the synonyms' module loads with a search or a build, not with a page)
    from sgdesk.content.synonyms import SynonymTable


@dataclass(frozen=True)
class Change:
    """What one event does to one target (a node or an office)."""

    target: str
    old_name: str | None = None
    new_name: str | None = None


@dataclass(frozen=True)
class Event:
    """What a norm did on a date (its issuance, an addition, a modification, a repeal…) and its changes."""

    id: str
    norm: str
    kind: EventKind
    date: PartialDate
    article: str | None = None  # the article of ``norm`` that causes it, when known
    changes: tuple[Change, ...] = field(default=())


@dataclass(frozen=True)
class Office:
    """A dependencia of the Secretaría General, under its first recorded name."""

    id: str
    name: str
    parent: str | None = None
    created_by: str | None = None  # norm id; None when the source does not say


def _no_synonyms() -> SynonymTable:
    from sgdesk.content.synonyms import SynonymTable

    return SynonymTable()


@dataclass(frozen=True)
class Corpus:
    """Everything the sources hold, validated and ordered."""

    nodes: tuple[Node, ...]
    norms: tuple[Norm, ...]
    events: tuple[Event, ...]
    offices: tuple[Office, ...]
    content_version: str
    later_changes: tuple[LaterChange, ...] = ()
    edition: int = 1  # bumped by the content team with each published change of the sources
    synonyms: SynonymTable = field(default_factory=_no_synonyms)
