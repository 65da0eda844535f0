"""What was in force on a date, from the amendment records. Pure: no Qt, no SQL.

An event known only to the year (or month) happened some day inside it: before its first
day it certainly had not happened, from its last day it certainly had, and in between the
answer is "incierta" — the app says so rather than guess.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import Change, EventKind, Office

UNCERTAIN_NOTE = "vigencia incierta: fecha exacta no registrada"


class Status(StrEnum):
    IN_FORCE = "vigente"
    NOT_IN_FORCE = "no_vigente"
    UNCERTAIN = "incierta"


def earliest(when: PartialDate) -> date:
    return date(when.year, when.month or 1, when.day or 1)


def latest(when: PartialDate) -> date:
    month = when.month or 12
    return date(when.year, month, when.day or calendar.monthrange(when.year, month)[1])


def happened(when: PartialDate, day: date) -> Status:
    """Whether an event dated ``when`` had happened by ``day``."""
    if day >= latest(when):
        return Status.IN_FORCE
    if day < earliest(when):
        return Status.NOT_IN_FORCE
    return Status.UNCERTAIN


def _both(started: Status, ended: Status) -> Status:
    """In force when it certainly started and certainly has not ended."""
    if started is Status.NOT_IN_FORCE or ended is Status.IN_FORCE:
        return Status.NOT_IN_FORCE
    if started is Status.IN_FORCE and ended is Status.NOT_IN_FORCE:
        return Status.IN_FORCE
    return Status.UNCERTAIN


@dataclass(frozen=True)
class TimelineEvent:
    """An event as the timeline draws and lists it."""

    id: str
    norm: str
    norm_title: str
    kind: EventKind
    date: PartialDate
    summary: str
    changes: tuple[Change, ...] = ()
    article: str | None = None

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(c.target for c in self.changes)

    @property
    def order(self) -> tuple[int, int, int, str]:
        """Date order (an unknown month or day first within its year), then id."""
        return (*self.date.key, self.id)


@dataclass(frozen=True)
class OfficeState:
    id: str
    name: str  # as of the day; while a renaming is uncertain, the old name
    new_name: str | None  # the name it may already have, while a renaming is uncertain
    parent: str | None
    status: Status


@dataclass(frozen=True)
class ChangeRecord:
    """One change between two dates, for "Comparar fechas" and ``sgdesk diff``."""

    event: TimelineEvent
    target: str
    old: str | None
    new: str | None
    certain: bool


@dataclass
class Timeline:
    """Events in date order and what they did, indexed by target."""

    events: list[TimelineEvent]
    norm_dates: dict[str, PartialDate]
    offices: list[Office]
    _starts: dict[str, TimelineEvent] = field(default_factory=dict)
    _ends: dict[str, TimelineEvent] = field(default_factory=dict)
    _renames: dict[str, list[tuple[TimelineEvent, Change]]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        self.events = sorted(self.events, key=lambda e: e.order)
        for event in self.events:
            for change in event.changes:
                if event.kind in (EventKind.INSERTION, EventKind.CREATION):
                    self._starts.setdefault(change.target, event)
                elif event.kind is EventKind.REPEAL:
                    self._ends.setdefault(change.target, event)
                elif event.kind is EventKind.RENAMING:
                    self._renames[change.target].append((event, change))

    # -- provisions and norms -----------------------------------------------------

    def start_of(self, node_id: str, norm_id: str | None) -> PartialDate | None:
        event = self._starts.get(node_id)
        if event is not None:
            return event.date
        return self.norm_dates.get(norm_id or node_id)

    def status(self, node_id: str, norm_id: str | None, day: date) -> Status:
        """A norm or one of its units on ``day`` (sections, with no norm, are always in force)."""
        start = self.start_of(node_id, norm_id)
        if start is None:
            return Status.IN_FORCE
        started = happened(start, day)
        end = self._ends.get(node_id) or (self._ends.get(norm_id) if norm_id else None)
        ended = happened(end.date, day) if end else Status.NOT_IN_FORCE
        return _both(started, ended)

    def statuses(self, units: Iterable[tuple[str, str | None]], day: date) -> dict[str, Status]:
        return {node_id: self.status(node_id, norm_id, day) for node_id, norm_id in units}

    # -- offices ---------------------------------------------------------------

    def office_states(self, day: date) -> list[OfficeState]:
        return [self._office(office, day) for office in self.offices]

    def _office(self, office: Office, day: date) -> OfficeState:
        created = self._starts.get(office.id)
        started = happened(created.date, day) if created else Status.IN_FORCE
        ended = happened(self._ends[office.id].date, day) if office.id in self._ends else Status.NOT_IN_FORCE
        name, pending = office.name, None
        for event, change in self._renames.get(office.id, []):
            renamed = happened(event.date, day)
            if renamed is Status.IN_FORCE:
                name, pending = change.new_name or name, None
            elif renamed is Status.UNCERTAIN:
                pending = change.new_name
        return OfficeState(office.id, name, pending, office.parent, _both(started, ended))

    # -- history ---------------------------------------------------------------

    def changes_between(self, first: date, second: date) -> list[ChangeRecord]:
        """What changed after ``first`` up to ``second`` (uncertain ones marked)."""
        if second < first:
            first, second = second, first
        records = []
        for event in self.events:
            if event.kind is EventKind.ISSUANCE:
                continue
            before, after = happened(event.date, first), happened(event.date, second)
            if before is Status.IN_FORCE or after is Status.NOT_IN_FORCE:
                continue  # already in force at the first date, or not yet at the second
            certain = before is Status.NOT_IN_FORCE and after is Status.IN_FORCE
            for change in event.changes:
                records.append(ChangeRecord(event, change.target, change.old_name, change.new_name, certain))
        return records

    @property
    def span(self) -> tuple[int, int]:
        """First and last year with an event."""
        years = [e.date.year for e in self.events] or [date.today().year]
        return min(years), max(years)
