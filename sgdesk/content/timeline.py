"""What was in force on a date, from the amendment records. Pure: no Qt, no SQL.

An event known only to the year (or month) happened some day inside it: before its first
day it certainly had not happened, from its last day it certainly had, and in between the
answer is "incierta" — the app says so rather than guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import EventKind, LaterChange
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

_Event = TypeVar("_Event")

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


class UnitState(NamedTuple):
    """A unit's status on a day and the later changes (not incorporated) behind it, if any."""

    status: Status
    by: tuple[LaterChange, ...] = ()


def starts_and_ends(
    events: Iterable[tuple[EventKind, Iterable[str], _Event]],
) -> tuple[dict[str, _Event], dict[str, _Event]]:
    """Given (kind, targets, event) in date order: for each target, the first event that starts
    it (an insertion, a creation) and the first that ends it (a repeal)."""
    starts: dict[str, _Event] = {}
    ends: dict[str, _Event] = {}
    for kind, targets, event in events:
        if kind in (EventKind.INSERTION, EventKind.CREATION):
            for target in targets:
                starts.setdefault(target, event)
        elif kind is EventKind.REPEAL:
            for target in targets:
                ends.setdefault(target, event)
    return starts, ends


class InForce:
    """What a unit's status on a day follows from: the dates of the events that start and end
    each unit, each norm's date, the ancestors within its norm of the units below a unit that
    an event starts or ends (an article's repeal reaches its literals; other units need none),
    and the later changes not incorporated. The timeline has one (``Timeline.in_force``); a
    page on a date shown before it is built (a dated tab restored at start) gets the same from
    those records alone (``of_moments``), without the events' texts and the offices (#11)."""

    __slots__ = ("_ends", "_starts", "ancestors", "later", "norm_dates")

    def __init__(self, starts: Mapping[str, PartialDate], ends: Mapping[str, PartialDate],
                 norm_dates: Mapping[str, PartialDate], ancestors: Mapping[str, tuple[str, ...]],
                 later: Sequence[LaterChange]) -> None:  # fmt: skip
        self._starts, self._ends = starts, ends
        self.norm_dates, self.ancestors, self.later = norm_dates, ancestors, later

    @classmethod
    def of_moments(cls, moments: Iterable[tuple[PartialDate, EventKind, str]],
                   norm_dates: Mapping[str, PartialDate], ancestors: Mapping[str, tuple[str, ...]],
                   later: Sequence[LaterChange]) -> InForce:  # fmt: skip
        """From (date, kind, target) of each change of an event, in any order: taken in date order
        as the timeline takes its events (an unknown month or day first; the timeline then orders
        one day's events by id, but they have the same date, which is all that is kept here)."""
        ordered = sorted(moments, key=lambda m: m[0].key)
        starts, ends = starts_and_ends((kind, (target,), when) for when, kind, target in ordered)
        return cls(starts, ends, norm_dates, ancestors, later)

    def start_of(self, node_id: str, norm_id: str | None) -> PartialDate | None:
        start = self._starts.get(node_id)
        if start is not None:
            return start
        return self.norm_dates.get(norm_id or node_id)

    def status(self, node_id: str, norm_id: str | None, day: date) -> Status:
        """A norm or one of its units on ``day`` (sections, with no norm, are always in force).

        A unit lives once it and each of its ancestors within the norm have started, and until
        it, one of those ancestors or its norm is repealed."""
        start = self.start_of(node_id, norm_id)
        if start is None:
            return Status.IN_FORCE
        started = happened(start, day)
        end = self._ends.get(node_id)
        norm_end = self._ends.get(norm_id) if norm_id else None
        above = self.ancestors.get(node_id)
        if above is None:  # the common case, kept cheap: it runs for every row of the tree
            if end is None or norm_end is None:
                last = end or norm_end
                return _both(started, happened(last, day) if last else Status.NOT_IN_FORCE)
            return _both(started, _any((happened(end, day), happened(norm_end, day))))
        starts = (self._starts.get(a) for a in above)
        started = _every([started, *(happened(s, day) for s in starts if s is not None)])
        ends = [end, norm_end, *(self._ends.get(a) for a in above)]
        return _both(started, _any(happened(e, day) for e in ends if e is not None))

    def state(self, node_id: str, norm_id: str | None, day: date) -> UnitState:
        """The status with the later changes (not incorporated) taken into account."""
        return with_later(self.status(node_id, norm_id, day), node_id, self.later, day)

    def statuses(self, units: Iterable[tuple[str, str | None]], day: date) -> dict[str, Status]:
        # Only the later changes that may have happened by ``day`` can matter: filtered once.
        later = [c for c in self.later if happened(c.date, day) is not Status.NOT_IN_FORCE]
        if not later:
            return {node_id: self.status(node_id, norm_id, day) for node_id, norm_id in units}
        return {
            node_id: with_later(self.status(node_id, norm_id, day), node_id, later, day).status
            for node_id, norm_id in units
        }


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
