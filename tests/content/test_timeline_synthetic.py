"""The point-in-time rules on hand-made events: every precision at its boundaries, repeals,
renamings, creations, events on the same day. Nothing here comes from the shipped corpus, so
each expected value is stated by the test, not read back from the data it checks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import Change, EventKind, LaterChange, Office
from sgdesk.content.timeline import (
    LATER_PREFIX,
    InForce,
    Status,
    Timeline,
    TimelineEvent,
    earliest,
    happened,
    later_event,
    latest,
    note_on,
)

IN, OUT, UNSURE = Status.IN_FORCE, Status.NOT_IN_FORCE, Status.UNCERTAIN

NORM = "decreto-1-2000"  # issued 2000-03-15 (day precision)
AMENDING = "decreto-2-2003"
ART_1, ART_2, LIT_A = f"{NORM}/art-1", f"{NORM}/art-2", f"{NORM}/art-1/lit-a"
LIT_Z = f"{NORM}/art-1/lit-z"  # added later (known only to the year)
OFFICE = "dependencia/oficina-x"
OLD_NAME, NEW_NAME = "Oficina de Pruebas", "Oficina Distrital de Pruebas"


def d(text: str) -> date:
    return date.fromisoformat(text)


def event(
    event_id: str, kind: EventKind, when: str, *targets: str | Change, norm: str = AMENDING
) -> TimelineEvent:
    changes = tuple(t if isinstance(t, Change) else Change(t) for t in targets)
    return TimelineEvent(event_id, norm, norm.replace("-", " "), kind, PartialDate.parse(when), "—", changes)


def timeline(
    *events: TimelineEvent,
    offices: tuple[Office, ...] = (),
    ancestors: dict[str, tuple[str, ...]] | None = None,
) -> Timeline:
    dates = {NORM: PartialDate.parse("2000-03-15"), AMENDING: PartialDate.parse("2003-07")}
    return Timeline(list(events), dates, list(offices), ancestors=ancestors or {})


# -- earliest, latest, happened ---------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "first", "last"),
    [
        ("2006-11-30", "2006-11-30", "2006-11-30"),
        ("2005-02", "2005-02-01", "2005-02-28"),
        ("2004-02", "2004-02-01", "2004-02-29"),  # leap year
        ("2021-04", "2021-04-01", "2021-04-30"),
        ("2021-12", "2021-12-01", "2021-12-31"),
        ("2008", "2008-01-01", "2008-12-31"),
    ],
)
def test_a_partial_date_spans_its_whole_month_or_year(when: str, first: str, last: str) -> None:
    assert earliest(PartialDate.parse(when)) == d(first)
    assert latest(PartialDate.parse(when)) == d(last)


@pytest.mark.parametrize(
    ("when", "day", "status"),
    [
        ("2006-11-30", "2006-11-29", OUT),
        ("2006-11-30", "2006-11-30", IN),
        ("2005-02", "2005-01-31", OUT),
        ("2005-02", "2005-02-01", UNSURE),
        ("2005-02", "2005-02-27", UNSURE),
        ("2005-02", "2005-02-28", IN),
        ("2004-02", "2004-02-28", UNSURE),  # leap year: the 29th is still to come
        ("2004-02", "2004-02-29", IN),
        ("2008", "2007-12-31", OUT),
        ("2008", "2008-01-01", UNSURE),
        ("2008", "2008-12-30", UNSURE),
        ("2008", "2008-12-31", IN),
    ],
)
def test_happened_at_the_boundaries_of_each_precision(when: str, day: str, status: Status) -> None:
    assert happened(PartialDate.parse(when), d(day)) is status


# -- provisions: start, unit repeal, norm repeal ----------------------------------------


def test_a_unit_without_events_lives_from_its_norms_date() -> None:
    line = timeline()
    assert line.status(ART_1, NORM, d("2000-03-14")) is OUT
    assert line.status(ART_1, NORM, d("2000-03-15")) is IN
    assert line.status(NORM, None, d("2000-03-15")) is IN  # the norm itself
    assert line.start_of(ART_1, NORM) == PartialDate.parse("2000-03-15")


def test_a_section_with_no_norm_and_no_event_is_always_in_force() -> None:
    line = timeline()
    assert line.start_of("mision", None) is None
    assert line.status("mision", None, d("1900-01-01")) is IN


@pytest.mark.parametrize(
    ("day", "status"),
    [("2003-12-31", OUT), ("2004-01-01", UNSURE), ("2004-12-30", UNSURE), ("2004-12-31", IN)],
)
def test_an_insertion_known_to_the_year(day: str, status: Status) -> None:
    line = timeline(event("ins", EventKind.INSERTION, "2004", LIT_Z))
    assert line.status(LIT_Z, NORM, d(day)) is status
    assert line.status(LIT_A, NORM, d(day)) is IN  # its neighbour is untouched


def test_a_creation_also_starts_a_unit() -> None:
    line = timeline(event("new", EventKind.CREATION, "2004-05-10", LIT_Z))
    assert line.status(LIT_Z, NORM, d("2004-05-09")) is OUT
    assert line.status(LIT_Z, NORM, d("2004-05-10")) is IN


def test_the_first_insertion_of_a_unit_is_its_start() -> None:
    line = timeline(event("late", EventKind.INSERTION, "2009-01-01", LIT_Z),
                    event("early", EventKind.INSERTION, "2004-06-01", LIT_Z))  # fmt: skip
    assert line.start_of(LIT_Z, NORM) == PartialDate.parse("2004-06-01")
    assert line.status(LIT_Z, NORM, d("2005-01-01")) is IN


@pytest.mark.parametrize(
    ("day", "status"),
    [("2003-06-30", IN), ("2003-07-01", UNSURE), ("2003-07-30", UNSURE), ("2003-07-31", OUT)],
)
def test_a_unit_repealed_in_a_month_known_without_its_day(day: str, status: Status) -> None:
    line = timeline(event("rep", EventKind.REPEAL, "2003-07", ART_2))
    assert line.status(ART_2, NORM, d(day)) is status
    assert line.status(ART_1, NORM, d(day)) is IN  # only the repealed unit
    assert line.status(NORM, None, d(day)) is IN  # and not its norm


LIT_2A, NUM_1 = f"{ART_2}/lit-a", f"{ART_2}/lit-a/num-1"
BELOW_ART_2 = {LIT_2A: (ART_2,), NUM_1: (LIT_2A, ART_2)}  # what the library passes


@pytest.mark.parametrize(
    ("day", "status"),
    [("2003-06-30", IN), ("2003-07-01", UNSURE), ("2003-07-30", UNSURE), ("2003-07-31", OUT)],
)
def test_an_articles_repeal_reaches_everything_below_it(day: str, status: Status) -> None:
    line = timeline(event("rep", EventKind.REPEAL, "2003-07", ART_2), ancestors=BELOW_ART_2)
    units = [(ART_2, NORM), (LIT_2A, NORM), (NUM_1, NORM), (ART_1, NORM), (LIT_A, NORM)]
    assert line.statuses(units, d(day)) == {
        ART_2: status,
        LIT_2A: status,
        NUM_1: status,
        ART_1: IN,
        LIT_A: IN,
    }


@pytest.mark.parametrize(("day", "status"), [("2003-12-31", IN), ("2004-01-01", UNSURE), ("2004-12-31", OUT)])
def test_the_earliest_repeal_of_a_unit_or_its_ancestors_ends_it(day: str, status: Status) -> None:
    line = timeline(event("lit", EventKind.REPEAL, "2010", LIT_2A),
                    event("art", EventKind.REPEAL, "2004", ART_2),
                    event("norm", EventKind.REPEAL, "2012", NORM), ancestors=BELOW_ART_2)  # fmt: skip
    assert line.status(LIT_2A, NORM, d(day)) is status
    assert line.status(NUM_1, NORM, d(day)) is status
    # The same when the norm is repealed before one of its units (no ancestor in between).
    line = timeline(event("a", EventKind.REPEAL, "2010", ART_1), event("n", EventKind.REPEAL, "2004", NORM))
    assert line.status(ART_1, NORM, d(day)) is status


@pytest.mark.parametrize(("day", "status"), [("2003-12-31", OUT), ("2004-01-01", UNSURE), ("2004-12-31", IN)])
def test_a_unit_below_an_added_article_starts_with_it(day: str, status: Status) -> None:
    line = timeline(event("ins", EventKind.INSERTION, "2004", ART_2), ancestors=BELOW_ART_2)
    assert line.status(LIT_2A, NORM, d(day)) is status
    assert line.status(NUM_1, NORM, d(day)) is status


@pytest.mark.parametrize(
    ("when", "day", "shown"),
    [
        ("2005", "2004-12-31", None),
        ("2005", "2005-01-01", "Derogado por X (2005, fecha exacta no registrada: pudo ser después del "
                               "1 de enero de 2005)"),
        ("2005", "2005-12-30", "Derogado por X (2005, fecha exacta no registrada: pudo ser después del "
                               "30 de diciembre de 2005)"),
        ("2005", "2005-12-31", "Derogado por X"),
        ("2003-07", "2003-06-30", None),
        ("2003-07", "2003-07-31", "Derogado por X"),
        ("2008-02-14", "2008-02-13", None),
        ("2008-02-14", "2008-02-14", "Derogado por X"),
    ],
)  # fmt: skip
def test_a_note_on_a_date_is_a_past_fact_only_once_it_happened(
    when: str, day: str, shown: str | None
) -> None:
    assert note_on("Derogado por X", PartialDate.parse(when), d(day)) == shown


@pytest.mark.parametrize(("day", "status"), [("2010-05-19", IN), ("2010-05-20", OUT), ("2030-01-01", OUT)])
def test_a_norms_repeal_reaches_every_unit_of_it(day: str, status: Status) -> None:
    line = timeline(event("ins", EventKind.INSERTION, "2004", LIT_Z),
                    event("rep", EventKind.REPEAL, "2010-05-20", NORM))  # fmt: skip
    assert line.statuses([(NORM, None), (ART_1, NORM), (LIT_A, NORM), (LIT_Z, NORM)], d(day)) == {
        NORM: status,
        ART_1: status,
        LIT_A: status,
        LIT_Z: status,
    }
    assert line.status("decreto-7-2001/art-1", "decreto-7-2001", d(day)) is IN  # another norm


@pytest.mark.parametrize(
    ("start", "end", "day", "status"),
    [
        # certainly started, end uncertain -> uncertain
        ("2000-01-01", "2005", "2005-06-01", UNSURE),
        # start uncertain, certainly not ended -> uncertain
        ("2004", "2010-01-01", "2004-06-01", UNSURE),
        # both uncertain -> uncertain
        ("2004", "2004-09", "2004-09-15", UNSURE),
        # start uncertain but certainly ended -> not in force
        ("2004", "2004-09-10", "2004-09-10", OUT),
        # certainly not started, end uncertain -> not in force
        ("2006-02-01", "2006", "2006-01-15", OUT),
        # certainly started and certainly not ended -> in force
        ("2004", "2006-03", "2005-01-01", IN),
    ],
)
def test_start_and_end_combine(start: str, end: str, day: str, status: Status) -> None:
    line = timeline(event("a", EventKind.INSERTION, start, LIT_Z), event("b", EventKind.REPEAL, end, LIT_Z))
    assert line.status(LIT_Z, NORM, d(day)) is status


@pytest.mark.parametrize("kind", [EventKind.MODIFICATION, EventKind.REPLACEMENT, EventKind.ISSUANCE])
def test_modifications_do_not_start_or_end_anything(kind: EventKind) -> None:
    line = timeline(event("m", kind, "2004", LIT_A))
    assert line.status(LIT_A, NORM, d("2004-06-01")) is IN
    assert line.status(LIT_A, NORM, d("2000-03-14")) is OUT


_PRECISE = st.dates(min_value=date(2000, 1, 1), max_value=date(2012, 12, 31))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(_PRECISE)
    precision = draw(st.sampled_from(["day", "month", "year"]))
    month = None if precision == "year" else day.month
    return PartialDate(day.year, month, day.day if precision == "day" else None)


@given(partial_dates(), st.one_of(st.none(), partial_dates()), _PRECISE)
def test_status_agrees_with_what_is_certain(start: PartialDate, end: PartialDate | None, day: date) -> None:
    """In force only when the start is certainly past and the end certainly ahead; not in force
    when either is certain the other way; uncertain otherwise."""
    events = [TimelineEvent("s", AMENDING, "", EventKind.INSERTION, start, "", (Change(LIT_Z),))]
    if end is not None:
        events.append(TimelineEvent("t", AMENDING, "", EventKind.REPEAL, end, "", (Change(LIT_Z),)))
    status = timeline(*events).status(LIT_Z, NORM, day)
    surely_started, maybe_started = day >= latest(start), day >= earliest(start)
    surely_ended = end is not None and day >= latest(end)
    maybe_ended = end is not None and day >= earliest(end)
    if not maybe_started or surely_ended:
        assert status is OUT
    elif surely_started and not maybe_ended:
        assert status is IN
    else:
        assert status is UNSURE


_KINDS = st.sampled_from([EventKind.INSERTION, EventKind.CREATION, EventKind.REPEAL, EventKind.MODIFICATION])
_TARGETS = st.sampled_from([NORM, ART_1, ART_2, LIT_A, LIT_Z])


_EVENTS = st.lists(
    st.tuples(st.sampled_from("abcd"), _KINDS, partial_dates(), st.lists(_TARGETS, min_size=1, max_size=3)),
    max_size=6,
)


@given(_EVENTS, _PRECISE)
def test_the_statuses_read_alone_are_the_timelines(
    drawn: list[tuple[str, EventKind, PartialDate, list[str]]], day: date
) -> None:
    """A page on a date shown before the timeline is built (a dated tab restored at start: #11)
    gets its statuses from the events' (date, kind, target) alone, in whatever order the
    database gives them: the same as the timeline's, whichever event comes first by date (an
    unknown month or day first), an article's repeal reaching its literals."""
    events = [TimelineEvent(f"{name}{i}", AMENDING, "", kind, when, "", tuple(Change(t) for t in targets))
              for i, (name, kind, when, targets) in enumerate(drawn)]  # fmt: skip
    line = timeline(*events, ancestors={LIT_A: (ART_1,), LIT_Z: (ART_1,)})
    moments = [(e.date, e.kind, target) for e in reversed(events) for target in e.targets]
    alone = InForce.of_moments(moments, line.norm_dates, line.ancestors, line.later)
    units = [(NORM, None), (ART_1, NORM), (ART_2, NORM), (LIT_A, NORM), (LIT_Z, NORM)]
    assert alone.statuses(units, day) == line.statuses(units, day)
    assert [alone.start_of(u, n) for u, n in units] == [line.start_of(u, n) for u, n in units]


def test_the_first_event_by_date_starts_and_ends_a_unit_whatever_order_it_is_read_in() -> None:
    when = PartialDate.parse
    moments = [
        (when("2009"), EventKind.REPEAL, LIT_Z),
        (when("2004-06-01"), EventKind.INSERTION, LIT_Z),
        (when("2006-05"), EventKind.REPEAL, LIT_Z),
        (when("2004-06"), EventKind.CREATION, LIT_Z),
        (when("2004"), EventKind.INSERTION, ART_2),
        (when("2004-07-01"), EventKind.MODIFICATION, ART_2),
    ]
    alone = InForce.of_moments(moments, {NORM: when("2000-03-15")}, {}, [])
    assert alone.start_of(LIT_Z, NORM) == when("2004-06"), "a month sorts before its days"
    assert alone.start_of(ART_2, NORM) == when("2004")
    assert alone.status(LIT_Z, NORM, d("2006-04-30")) is IN
    assert alone.status(LIT_Z, NORM, d("2006-05-15")) is UNSURE, "the earlier repeal, known to the month"
    assert alone.status(LIT_Z, NORM, d("2006-05-31")) is OUT


# -- offices: creation, renaming, repeal ------------------------------------------------


def _office(line: Timeline, day: str) -> tuple[str, str | None, Status]:
    (state,) = line.office_states(d(day))
    assert (state.id, state.parent) == (OFFICE, "despacho")
    return state.name, state.new_name, state.status


def _offices(*events: TimelineEvent) -> Timeline:
    return timeline(*events, offices=(Office(OFFICE, OLD_NAME, "despacho", AMENDING),))


@pytest.mark.parametrize(
    ("day", "status"),
    [("2005-01-31", OUT), ("2005-02-01", UNSURE), ("2005-02-27", UNSURE), ("2005-02-28", IN)],
)
def test_an_office_created_in_a_month_known_without_its_day(day: str, status: Status) -> None:
    line = _offices(event("c", EventKind.CREATION, "2005-02", OFFICE))
    assert _office(line, day) == (OLD_NAME, None, status)


def test_an_office_with_no_creation_event_always_existed_until_repealed() -> None:
    line = _offices(event("r", EventKind.REPEAL, "2011-08-01", OFFICE))
    assert _office(line, "1990-01-01") == (OLD_NAME, None, IN)
    assert _office(line, "2011-07-31") == (OLD_NAME, None, IN)
    assert _office(line, "2011-08-01") == (OLD_NAME, None, OUT)


@pytest.mark.parametrize(
    ("day", "name", "pending"),
    [
        ("2005-12-31", OLD_NAME, None),
        ("2006-01-01", OLD_NAME, NEW_NAME),  # renamed some day of 2006: old name, and the new one
        ("2006-12-30", OLD_NAME, NEW_NAME),
        ("2006-12-31", NEW_NAME, None),
    ],
)
def test_a_renaming_known_to_the_year(day: str, name: str, pending: str | None) -> None:
    line = _offices(event("n", EventKind.RENAMING, "2006", Change(OFFICE, OLD_NAME, NEW_NAME)))
    assert _office(line, day) == (name, pending, IN)


def test_two_renamings_apply_in_date_order() -> None:
    third = "Oficina Tercera"
    line = _offices(
        event("n2", EventKind.RENAMING, "2009-05-01", Change(OFFICE, NEW_NAME, third)),
        event("n1", EventKind.RENAMING, "2006-05-01", Change(OFFICE, OLD_NAME, NEW_NAME)),
    )
    assert _office(line, "2007-01-01")[0] == NEW_NAME
    assert _office(line, "2009-05-01")[0] == third


def test_a_renaming_without_a_new_name_keeps_the_name() -> None:
    line = _offices(event("n", EventKind.RENAMING, "2006-05-01", Change(OFFICE)))
    assert _office(line, "2007-01-01") == (OLD_NAME, None, IN)


def test_events_on_the_same_day_apply_in_id_order() -> None:
    """Created and renamed twice on one day: by that day's end, the last name by id."""
    line = _offices(event("same-b", EventKind.RENAMING, "2006-05-01", Change(OFFICE, NEW_NAME, "Oficina B")),
                    event("same-a", EventKind.RENAMING, "2006-05-01", Change(OFFICE, OLD_NAME, NEW_NAME)),
                    event("same-0", EventKind.CREATION, "2006-05-01", OFFICE))  # fmt: skip
    assert [e.id for e in line.events] == ["same-0", "same-a", "same-b"]
    assert _office(line, "2006-04-30") == (OLD_NAME, None, OUT)
    assert _office(line, "2006-05-01") == ("Oficina B", None, IN)


def test_a_year_sorts_before_its_months_and_days() -> None:
    line = timeline(event("day", EventKind.INSERTION, "2004-01-01", ART_1),
                    event("month", EventKind.INSERTION, "2004-01", ART_2),
                    event("year", EventKind.INSERTION, "2004", LIT_Z))  # fmt: skip
    assert [e.id for e in line.events] == ["year", "month", "day"]
    assert line.span == (2004, 2004)


def test_span_is_the_first_and_last_year_with_an_event() -> None:
    line = timeline(event("a", EventKind.INSERTION, "2012-03", ART_1),
                    event("b", EventKind.REPEAL, "2001", ART_2))  # fmt: skip
    assert line.span == (2001, 2012)
    assert timeline().span == (date.today().year, date.today().year)


# -- changes between two dates ----------------------------------------------------------


def _between(line: Timeline, first: str, second: str) -> list[tuple[str, str, bool]]:
    return [(r.event.id, r.target, r.certain) for r in line.changes_between(d(first), d(second))]


def _history() -> Timeline:
    return timeline(
        event("issued", EventKind.ISSUANCE, "2003-07-10", AMENDING),
        event("added", EventKind.INSERTION, "2004", LIT_Z, ART_2),
        event("renamed", EventKind.RENAMING, "2006-05-01", Change(OFFICE, OLD_NAME, NEW_NAME)),
        event("repealed", EventKind.REPEAL, "2010-05-20", NORM),
    )


def test_changes_between_two_dates_in_either_order() -> None:
    line = _history()
    wanted = [("added", LIT_Z, True), ("added", ART_2, True), ("renamed", OFFICE, True)]
    assert _between(line, "2003-12-31", "2009-12-31") == wanted
    assert _between(line, "2009-12-31", "2003-12-31") == wanted
    (renamed,) = line.changes_between(d("2006-01-01"), d("2006-05-01"))
    assert (renamed.old, renamed.new) == (OLD_NAME, NEW_NAME)


def test_the_issuance_of_a_norm_is_not_a_change() -> None:
    assert _between(_history(), "2003-01-01", "2003-12-31") == []


@pytest.mark.parametrize(
    ("first", "second", "wanted"),
    [
        ("2010-05-19", "2010-05-20", [("repealed", NORM, True)]),  # made on the second date: counted
        ("2010-05-20", "2011-01-01", []),  # made on the first date: already in force there
        ("2006-05-01", "2006-05-01", []),
        ("2004-06-01", "2005-01-01", [("added", LIT_Z, False), ("added", ART_2, False)]),  # maybe before
        ("2003-12-31", "2004-06-01", [("added", LIT_Z, False), ("added", ART_2, False)]),  # maybe after
        ("2003-12-31", "2004-12-31", [("added", LIT_Z, True), ("added", ART_2, True)]),
        ("2005-01-01", "2006-04-30", []),
    ],
)
def test_changes_between_at_the_boundaries(
    first: str, second: str, wanted: list[tuple[str, str, bool]]
) -> None:
    assert _between(_history(), first, second) == wanted


@given(_PRECISE, st.integers(min_value=0, max_value=4000))
def test_every_change_is_reported_once_across_consecutive_intervals(first: date, length: int) -> None:
    """Splitting [first, last] at a middle day neither loses nor repeats a certain change."""
    line = _history()
    last, middle = first + timedelta(days=length), first + timedelta(days=length // 2)

    def certain(a: date, b: date) -> list[tuple[str, str]]:
        return [(r.event.id, r.target) for r in line.changes_between(a, b) if r.certain]

    whole = certain(first, last)
    parts = certain(first, middle) + certain(middle, last)
    assert set(parts) <= set(whole)
    assert len(parts) == len(set(parts))


# -- later changes the corpus knows of but does not incorporate ---------------------------


def _later(change_id: str, issued: str, in_force: str | None = None) -> LaterChange:
    return LaterChange(change_id, change_id.replace("-", " "), "Modifica el artículo 1.",
                       PartialDate.parse(issued), PartialDate.parse(in_force) if in_force else None,
                       targets=(ART_1,))  # fmt: skip


def test_a_later_change_is_drawn_as_a_hollow_modification() -> None:
    event = later_event(_later("decreto-9-2015", "2015-11-10", "2015-11-12"))
    assert event.id == f"{LATER_PREFIX}decreto-9-2015"
    assert (event.norm, event.norm_title) == ("decreto-9-2015", "decreto 9 2015")
    assert event.kind is EventKind.MODIFICATION
    assert event.date == PartialDate(2015, 11, 12)  # in force, not issued
    assert event.summary == "Modifica el artículo 1. (cambio conocido que este contenido no incorpora)"
    assert event.targets == (ART_1,)
    assert event.later
    assert event.article is None


@pytest.mark.parametrize(
    ("first", "second", "wanted"),
    [
        ("2015-01-01", "2015-11-12", [("a", True), ("b", False)]),  # b: some day of 2015
        ("2015-11-12", "2016-01-01", [("b", False)]),  # a: already in force at the first date
        ("2015-11-11", "2015-11-12", [("a", True), ("b", False)]),
        ("2016-12-31", "2014-12-31", [("a", True), ("b", True)]),  # either order
        ("2017-01-01", "2018-01-01", []),
    ],
)
def test_later_changes_between_two_dates(first: str, second: str, wanted: list[tuple[str, bool]]) -> None:
    changes = [_later("a", "2015-11-10", "2015-11-12"), _later("b", "2015")]
    line = Timeline([], {}, [], later=changes)
    assert [(c.id, certain) for c, certain in line.later_between(d(first), d(second))] == wanted


def test_statuses_with_later_changes_keep_each_units_own_start_and_repeal() -> None:
    """When later changes may apply (the page's tree asks for every unit at once), each unit is
    still judged by its own events and its norm's: a repealed article stays repealed, a unit of
    a norm not yet issued is not in force, a unit the change covers is «posiblemente modificada»."""
    future = "decreto-3-2020"
    repeal = event("rep", EventKind.REPEAL, "2003-07-20", ART_2)
    events = [repeal, event("ins", EventKind.INSERTION, "2004", LIT_Z)]
    line = Timeline(
        events,
        {NORM: PartialDate.parse("2000-03-15"), future: PartialDate.parse("2020-01-01")},
        [],
        later=[_later("decreto-9-2015", "2015-11-10", "2015-11-12")],
    )
    units = [(ART_1, NORM), (ART_2, NORM), (LIT_Z, NORM), (f"{future}/art-1", future)]
    assert line.statuses(units, d("2016-01-01")) == {
        ART_1: Status.POSSIBLY_MODIFIED,  # the later change's target
        LIT_Z: Status.POSSIBLY_MODIFIED,  # below it, added in 2004
        ART_2: OUT,  # repealed in 2003
        f"{future}/art-1": OUT,  # its norm comes in 2020
    }
