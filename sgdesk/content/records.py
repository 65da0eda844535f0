"""What an event changes (a unit, an office's name) and the offices: what the timeline and the
organigrama are built from. Frozen values; ``content.model`` gives these names too.

Not loaded to show a page of today (the window's first frame needs only nodes, norms and later
changes: #11 start-up); the timeline, the sources, the build and the commands load it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """What one event does to one target (a node or an office)."""

    target: str
    old_name: str | None = None
    new_name: str | None = None


@dataclass(frozen=True)
class Office:
    """A dependencia of the Secretaría General, under its first recorded name."""

    id: str
    name: str
    parent: str | None = None
    created_by: str | None = None  # norm id; None when the source does not say
