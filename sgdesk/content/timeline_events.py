"""The timeline: the corpus's events in date order, indexed by what they start, end or rename,
and what follows from them on a day (a unit's status, the offices as they stood, the changes
between two dates). Pure: no Qt, no SQL.

Loaded when first used (the timeline's panel, «Comparar fechas», a corpus with repeals, a
command), not with the window's first page: ``content.timeline`` holds the statuses and the
judgements a page needs, and gives these names too (#11 start-up).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import Change, EventKind, LaterChange, Office
from sgdesk.content.timeline import (
    LATER_PREFIX,
    InForce,
    Status,
    UnitState,
    _both,
    happened,
    later_between,
    later_known,
    starts_and_ends,
)


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
    later: bool = False  # a later change the corpus knows of but does not incorporate

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(c.target for c in self.changes)

    @property
    def order(self) -> tuple[int, int, int, str]:
        """Date order (an unknown month or day first within its year), then id."""
        return (*self.date.key, self.id)


def later_event(change: LaterChange) -> TimelineEvent:
    """A later change as the timeline draws it (hollow, with its own legend entry)."""
    summary = f"{change.affects} (cambio conocido que este contenido no incorpora)"
    changes = tuple(Change(target) for target in change.targets)
    return TimelineEvent(f"{LATER_PREFIX}{change.id}", change.id, change.norm, EventKind.MODIFICATION,
                         change.date, summary, changes, later=True)  # fmt: skip


@dataclass(frozen=True)
class OfficeState:
    """A dependencia as it stood on a day: its name, its parent and its status."""

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
    later: list[LaterChange] = field(default_factory=list)  # known, not incorporated
    # The ancestors within its norm of each unit below a unit that an event starts or ends (an
    # article's repeal reaches its literals); other units need none, so only these are given.
    ancestors: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    _starts: dict[str, TimelineEvent] = field(default_factory=dict)
    _ends: dict[str, TimelineEvent] = field(default_factory=dict)
    _renames: dict[str, list[tuple[TimelineEvent, Change]]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        self.events = sorted(self.events, key=lambda e: e.order)
        self._starts, self._ends = starts_and_ends((e.kind, e.targets, e) for e in self.events)
        for event in self.events:
            if event.kind is EventKind.RENAMING:
                for change in event.changes:
                    self._renames[change.target].append((event, change))
        # What the units' statuses follow from (a page on a date at start gets the same alone).
        self.in_force = InForce({target: e.date for target, e in self._starts.items()},
                                {target: e.date for target, e in self._ends.items()},
                                self.norm_dates, self.ancestors, self.later)  # fmt: skip

    # -- provisions and norms -----------------------------------------------------

    def start_of(self, node_id: str, norm_id: str | None) -> PartialDate | None:
        return self.in_force.start_of(node_id, norm_id)

    def status(self, node_id: str, norm_id: str | None, day: date) -> Status:
        """A norm or one of its units on ``day`` (see InForce.status)."""
        return self.in_force.status(node_id, norm_id, day)

    def state(self, node_id: str, norm_id: str | None, day: date) -> UnitState:
        """The status with the later changes (not incorporated) taken into account."""
        return self.in_force.state(node_id, norm_id, day)

    def statuses(self, units: Iterable[tuple[str, str | None]], day: date) -> dict[str, Status]:
        return self.in_force.statuses(units, day)

    def structure_changes(self, day: date) -> list[tuple[LaterChange, bool]]:
        """Later changes to the structure (the organigrama) that had happened by ``day``."""
        return later_known((c for c in self.later if c.changes_structure), day)

    def later_between(self, first: date, second: date) -> list[tuple[LaterChange, bool]]:
        return later_between(self.later, first, second)

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
