"""What was in force on a date, end to end on the shipped corpus: the issue's dates and consistency
for every day. The rules themselves, at every boundary, are in test_timeline_synthetic.py."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sgdesk.content.timeline import Status
from sgdesk.library import Library

ART_7 = "decreto-267-2007/art-7"
DECRETO_456_IN_FORCE = date(2015, 11, 12)
OLD_NAMES = {"Subdirección de Conceptos", "Subdirección de Gestión Judicial", "Subdirección de Estudios",
             "Subdirección de Personas Jurídicas"}  # fmt: skip


def _functions(library: Library, day: str) -> dict[str, Status]:
    statuses = library.statuses(library.children(ART_7), date.fromisoformat(day))
    return {node_id.rsplit("-", 1)[1]: status for node_id, status in statuses.items()}


def _in_force(library: Library, day: str) -> str:
    return "".join(k for k, v in _functions(library, day).items() if v is Status.IN_FORCE)


def test_functions_of_the_secretaria_on_the_issue_dates(library: Library) -> None:
    assert _in_force(library, "2007-12-31") == "abcdefghijklm"
    assert _in_force(library, "2009-06-30") == "abcdefghijklmn"
    assert _functions(library, "2008-06-30")["n"] is Status.UNCERTAIN
    assert _functions(library, "2006-12-31")["a"] is Status.NOT_IN_FORCE


def _subdirecciones(library: Library, day: str) -> list[tuple[str, str | None, Status]]:
    states = library.timeline().office_states(date.fromisoformat(day))
    return [(s.name, s.new_name, s.status) for s in states if s.id.startswith("dependencia/subdireccion")]


def test_subdirecciones_names_over_time(library: Library) -> None:
    before = _subdirecciones(library, "2008-12-31")
    assert {name for name, _, _ in before} == OLD_NAMES
    assert all(new is None for _, new, _ in before)
    during = _subdirecciones(library, "2009-06-30")
    assert {name for name, _, _ in during} == OLD_NAMES
    assert all(new is not None and new.startswith("Subdirección Distrital") for _, new, _ in during)
    after = _subdirecciones(library, "2010-01-01")
    assert all(name.startswith("Subdirección Distrital") and new is None for name, new, _ in after)


def test_altas_consejerias(library: Library) -> None:
    def status(day: str) -> set[Status]:
        states = library.timeline().office_states(date.fromisoformat(day))
        return {s.status for s in states if "alta-consejeria" in s.id}

    assert status("2011-12-31") == {Status.NOT_IN_FORCE}
    assert status("2012-06-30") == {Status.UNCERTAIN}
    assert status("2012-12-31") == {Status.IN_FORCE}


def test_changes_between_dates(library: Library) -> None:
    records = library.timeline().changes_between(date(2009, 12, 31), date(2007, 12, 31))  # any order
    wanted = {"decreto-267-2007/art-7/lit-n", "dependencia/direccion-distrital-relaciones-internacionales"}
    assert {r.target for r in records} >= wanted
    renames = {r.old: r.new for r in records if r.new}
    assert renames["Subdirección de Estudios"] == "Subdirección Distrital de Estudios e Informática Jurídica"
    assert all(r.certain for r in records)
    uncertain = library.timeline().changes_between(date(2011, 12, 31), date(2012, 6, 30))
    assert {r.certain for r in uncertain} == {False}


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=(date(2026, 12, 31) - date(2006, 1, 1)).days))
def test_state_is_consistent_on_every_day(offset: int) -> None:
    """Uncertain only inside a year-precision year; nothing added is in force before its norm."""
    from pathlib import Path

    from sgdesk import paths

    library = Library.open(Path(paths.shipped_database()))
    try:
        day = date(2006, 1, 1) + timedelta(days=offset)
        timeline = library.timeline()
        for node in library.children(ART_7):
            status = library.statuses([node], day)[node.id]
            start = timeline.start_of(node.id, node.norm)
            assert start is not None
            if status is Status.UNCERTAIN:
                assert start.precision.value == "year"
                assert day.year == start.year
                assert day != date(start.year, 12, 31)
            else:
                in_force = status in (Status.IN_FORCE, Status.POSSIBLY_MODIFIED)
                assert in_force == (day >= date(start.year, 12, 31))
                # Decreto 456 de 2015 (in force 12 Nov 2015) modifies Decreto 267 de 2007: not incorporated.
                assert (status is Status.POSSIBLY_MODIFIED) == (in_force and day >= DECRETO_456_IN_FORCE)
        for office in timeline.office_states(day):
            if office.new_name is not None:
                assert day.year == 2009  # the only renaming, known to the year
    finally:
        library.close()
