"""Events as the sources record them, and the corpus as a whole: what the sources give, the
build stores and the commands read. Frozen values; ``content.model`` gives these names too.

Not loaded by the window (a page, even on a past date, reads the stored timeline instead: #11).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import EventKind, LaterChange, Node, Norm
from sgdesk.content.records import Change, Office

if TYPE_CHECKING:  # (the synonyms' module loads with a search or a build, not with a page)
    from sgdesk.content.synonyms import SynonymTable


@dataclass(frozen=True)
class Event:
    """What a norm did on a date (its issuance, an addition, a modification, a repeal…) and its changes."""

    id: str
    norm: str
    kind: EventKind
    date: PartialDate
    article: str | None = None  # the article of ``norm`` that causes it, when known
    changes: tuple[Change, ...] = field(default=())


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
