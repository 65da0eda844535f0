"""How current the corpus is: its horizon and the later changes it knows of but lacks. Pure.

The horizon is the date of the latest change the corpus incorporates (computed from the
events when the database is built). For a date after the horizon the corpus cannot vouch for
the text: every view says so first, and lists the later changes known by that date.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import LaterChange
from sgdesk.content.timeline import after_horizon, later_between, later_known


class Currency(NamedTuple):
    """Up to when the corpus incorporates changes, and the later ones known but not incorporated."""

    horizon: PartialDate | None  # None: the corpus records no change at all
    later: tuple[LaterChange, ...]
    edition: int = 1

    @property
    def as_of_text(self) -> str:
        """The horizon as precisely as known: "2012", "30 de noviembre de 2006"."""
        return self.horizon.format_compact() if self.horizon else "sin fecha registrada"

    @property
    def label(self) -> str:
        """The content's date and edition, for people (the hash stays in «Acerca de»)."""
        return f"Contenido con cambios hasta {self.as_of_text}, edición {self.edition}"

    def is_after(self, day: date) -> bool:
        """Whether ``day`` is after the horizon: the corpus cannot vouch for that day's text."""
        return after_horizon(self.horizon, day)

    def known_by(self, day: date) -> list[tuple[LaterChange, bool]]:
        """Later changes that had happened by ``day`` (with whether that is certain)."""
        return later_known(self.later, day)

    def between(self, first: date, second: date) -> list[tuple[LaterChange, bool]]:
        return later_between(self.later, first, second)

    def touching(self, node_ids: Iterable[str], structure: bool = False) -> list[LaterChange]:
        """The later changes that concern any of ``node_ids`` (and, with ``structure``, those
        that change the structure of the entity), in the order they are listed."""
        ids = list(node_ids)
        return [
            change
            for change in self.later
            if (structure and change.changes_structure) or any(change.touches(i) for i in ids)
        ]
