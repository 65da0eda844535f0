"""What was in force on a date, from the amendment records. Pure: no Qt, no SQL.

An event known only to the year (or month) happened some day inside it: before its first
day it certainly had not happened, from its last day it certainly had, and in between the
answer is "incierta" — the app says so rather than guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import LaterChange
from sgdesk.lazy_names import lazy_names

# The timeline itself (its events, offices and changes between dates: five dataclasses) is in
# timeline_events, loaded when first used, not with the window's first page (#11 start-up);
# its names are still given here.
if TYPE_CHECKING:
    from sgdesk.content.timeline_events import ChangeRecord as ChangeRecord
    from sgdesk.content.timeline_events import OfficeState as OfficeState
    from sgdesk.content.timeline_events import Timeline as Timeline
    from sgdesk.content.timeline_events import TimelineEvent as TimelineEvent
    from sgdesk.content.timeline_events import later_event as later_event

__getattr__ = lazy_names(
    __name__,
    dict.fromkeys(("ChangeRecord", "OfficeState", "Timeline", "TimelineEvent", "later_event"),
                  "sgdesk.content.timeline_events"),
)  # fmt: skip

UNCERTAIN_NOTE = "vigencia incierta: fecha exacta no registrada"
LATER_PREFIX = "posterior/"  # ids of the timeline events drawn for later changes


class Status(StrEnum):
    IN_FORCE = "vigente"
    NOT_IN_FORCE = "no_vigente"
    UNCERTAIN = "incierta"
    # In force by the incorporated changes, but a later change the corpus lacks may have altered it.
    POSSIBLY_MODIFIED = "posiblemente_modificada"


def earliest(when: PartialDate) -> date:
    return date(when.year, when.month or 1, when.day or 1)


def latest(when: PartialDate) -> date:
    month = when.month or 12
    return date(when.year, month, when.day or _last_day(when.year, month))


def _last_day(year: int, month: int) -> int:
    """The month's last day (``calendar.monthrange(year, month)[1]``, without importing
    ``calendar`` and its ``locale`` for the first page: #11 start-up)."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def happened(when: PartialDate, day: date) -> Status:
    """Whether an event dated ``when`` had happened by ``day``."""
    if day >= latest(when):
        return Status.IN_FORCE
    if day < earliest(when):
        return Status.NOT_IN_FORCE
    return Status.UNCERTAIN


def _any(statuses: Iterable[Status]) -> Status:
    """Whether at least one of several events had happened (``happened`` of each)."""
    found = Status.NOT_IN_FORCE
    for status in statuses:
        if status is Status.IN_FORCE:
            return status
        if status is Status.UNCERTAIN:
            found = status
    return found


def _every(statuses: Iterable[Status]) -> Status:
    """Whether every one of several events had happened (``happened`` of each)."""
    found = Status.IN_FORCE
    for status in statuses:
        if status is Status.NOT_IN_FORCE:
            return status
        if status is Status.UNCERTAIN:
            found = status
    return found


def note_on(note: str, when: PartialDate, day: date) -> str | None:
    """A provenance note ("Derogado por …") as a page dated ``day`` may show it.

    An event that certainly had not happened by ``day`` is no past fact on that day: None (the
    note stays on today's text). While its date is uncertain (known only to the year or month)
    the note says so."""
    seen = happened(when, day)
    if seen is Status.NOT_IN_FORCE:
        return None
    if seen is Status.UNCERTAIN:
        day_text = PartialDate(day.year, day.month, day.day).format_es()
        return (
            f"{note} ({when.format_compact()}, fecha exacta no registrada: pudo ser después del {day_text})"
        )
    return note


def _both(started: Status, ended: Status) -> Status:
    """In force when it certainly started and certainly has not ended."""
    if started is Status.NOT_IN_FORCE or ended is Status.IN_FORCE:
        return Status.NOT_IN_FORCE
    if started is Status.IN_FORCE and ended is Status.NOT_IN_FORCE:
        return Status.IN_FORCE
    return Status.UNCERTAIN


@dataclass(frozen=True)
class UnitState:
    """A unit's status on a day and the later changes (not incorporated) behind it, if any."""

    status: Status
    by: tuple[LaterChange, ...] = ()


def with_later(base: Status, node_id: str, later: Iterable[LaterChange], day: date) -> UnitState:
    """``base`` (from the incorporated events) corrected for the later changes the corpus lacks.

    Before a later change's date the unit is unaffected; once the change has certainly
    happened, a unit in force is "posiblemente modificada"; while its date is uncertain (known
    only to the year or month) the unit is "incierta". A unit not in force stays so."""
    if base is Status.NOT_IN_FORCE:
        return UnitState(base)
    certain: list[LaterChange] = []
    maybe: list[LaterChange] = []
    for change in later:
        if change.covers(node_id):
            when = happened(change.date, day)
            if when is Status.IN_FORCE:
                certain.append(change)
            elif when is Status.UNCERTAIN:
                maybe.append(change)
    if not certain and not maybe:
        return UnitState(base)
    status = Status.POSSIBLY_MODIFIED if certain and base is Status.IN_FORCE else Status.UNCERTAIN
    return UnitState(status, tuple(certain + maybe))


def later_known(later: Iterable[LaterChange], day: date) -> list[tuple[LaterChange, bool]]:
    """The later changes that had happened by ``day``, each with whether that is certain."""
    found = []
    for change in later:
        when = happened(change.date, day)
        if when is not Status.NOT_IN_FORCE:
            found.append((change, when is Status.IN_FORCE))
    return found


def later_between(later: Iterable[LaterChange], first: date, second: date) -> list[tuple[LaterChange, bool]]:
    """The later changes dated after ``first`` up to ``second`` (certain or not), as
    ``changes_between`` does for the incorporated ones."""
    if second < first:
        first, second = second, first
    found = []
    for change in later:
        before, after = happened(change.date, first), happened(change.date, second)
        if before is Status.IN_FORCE or after is Status.NOT_IN_FORCE:
            continue
        found.append((change, before is Status.NOT_IN_FORCE and after is Status.IN_FORCE))
    return found


def after_horizon(horizon: PartialDate | None, day: date) -> bool:
    """Whether ``day`` falls after the last day the corpus's changes can reach (no horizon: always)."""
    return horizon is None or day > latest(horizon)
