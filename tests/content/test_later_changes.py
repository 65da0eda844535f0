"""Later changes the corpus knows of but does not incorporate, from synthetic events.

A made-up norm "Decreto 10 de 2000" (article 1 with literals a and b, literal b added in 2001,
known only to the year) and made-up later changes: one known to the day, one only to the year,
one to the structure. The corpus's horizon is 2001 (year only).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sgdesk.content.currency import Currency
from sgdesk.content.dates import PartialDate
from sgdesk.content.model import Change, EventKind, LaterChange, Office
from sgdesk.content.sources import load_corpus
from sgdesk.content.timeline import Status, Timeline, TimelineEvent, later_between, later_known, with_later
from sgdesk.errors import SourceError

NORM = "decreto-10-2000"
ART = f"{NORM}/art-1"
LIT_A, LIT_B = f"{ART}/lit-a", f"{ART}/lit-b"

BY_DAY = LaterChange("decreto-5-2003", "Decreto 5 de 2003", "Modifica el artículo 1 del Decreto 10 de 2000.",
                     PartialDate(2003, 3, 1), PartialDate(2003, 3, 10), "Registro 1", (ART,))  # fmt: skip
BY_YEAR = LaterChange("acuerdo-7-2004", "Acuerdo 7 de 2004", "Modifica el Decreto 10 de 2000.",
                      PartialDate(2004), None, None, (NORM,))  # fmt: skip
STRUCTURE = LaterChange("decreto-9-2005", "Decreto 9 de 2005", "Modifica la estructura.",
                        PartialDate(2005, 6, 1), None, None, ("estructura",))  # fmt: skip
LATER = (BY_DAY, BY_YEAR, STRUCTURE)


def _timeline() -> Timeline:
    events = [
        TimelineEvent(f"{NORM}#0", NORM, "Decreto 10 de 2000", EventKind.ISSUANCE, PartialDate(2000, 5, 5),
                      "Expedición", (Change(NORM),)),
        TimelineEvent("decreto-2-2001#1", "decreto-2-2001", "Decreto 2 de 2001", EventKind.INSERTION,
                      PartialDate(2001), "Adiciona el literal b", (Change(LIT_B),)),
    ]  # fmt: skip
    dates = {NORM: PartialDate(2000, 5, 5), "decreto-2-2001": PartialDate(2001)}
    return Timeline(events, dates, [Office("dependencia/x", "Oficina X")], list(LATER))


@pytest.mark.parametrize(
    ("day", "expected", "by"),
    [
        ("2003-03-09", Status.IN_FORCE, ()),  # the day before the change came into force
        ("2003-03-10", Status.POSSIBLY_MODIFIED, (BY_DAY,)),  # from its day on
        ("2030-01-01", Status.POSSIBLY_MODIFIED, (BY_DAY, BY_YEAR)),  # and the norm's, later
    ],
)
def test_a_change_known_to_the_day(day: str, expected: Status, by: tuple[LaterChange, ...]) -> None:
    state = _timeline().state(LIT_A, NORM, date.fromisoformat(day))
    assert (state.status, state.by) == (expected, by)


def test_a_change_known_to_the_year_is_uncertain_inside_it() -> None:
    timeline = _timeline()
    norm_only = "decreto-10-2000"  # covered by BY_YEAR alone (BY_DAY names the article)
    assert timeline.state(norm_only, NORM, date(2003, 12, 31)).status is Status.IN_FORCE
    inside = timeline.state(norm_only, NORM, date(2004, 1, 1))
    assert (inside.status, inside.by) == (Status.UNCERTAIN, (BY_YEAR,))
    assert timeline.state(norm_only, NORM, date(2004, 12, 30)).status is Status.UNCERTAIN
    assert timeline.state(norm_only, NORM, date(2004, 12, 31)).status is Status.POSSIBLY_MODIFIED


def test_every_change_behind_a_unit_is_named() -> None:
    state = _timeline().state(LIT_A, NORM, date(2006, 1, 1))
    assert state.status is Status.POSSIBLY_MODIFIED
    assert state.by == (BY_DAY, BY_YEAR)  # the article's and the norm's
    inside = _timeline().state(LIT_A, NORM, date(2004, 7, 1))
    assert (inside.status, inside.by) == (Status.POSSIBLY_MODIFIED, (BY_DAY, BY_YEAR))


def test_what_was_not_in_force_stays_so() -> None:
    timeline = _timeline()
    assert timeline.state(LIT_A, NORM, date(1999, 1, 1)).status is Status.NOT_IN_FORCE
    assert timeline.state(LIT_B, NORM, date(2001, 6, 30)).status is Status.UNCERTAIN  # its own year
    assert timeline.state(LIT_B, NORM, date(2001, 6, 30)).by == ()  # the incorporated change, not a later one


def test_units_outside_the_targets_are_untouched() -> None:
    assert with_later(Status.IN_FORCE, "decreto-10-20000/art-1", LATER, date(2030, 1, 1)).status is (
        Status.IN_FORCE
    )  # a prefix of the text is not a prefix of the path
    assert with_later(Status.IN_FORCE, "mision", LATER, date(2030, 1, 1)).by == ()


def test_structure_changes_from_their_date() -> None:
    timeline = _timeline()
    assert timeline.structure_changes(date(2005, 5, 31)) == []
    assert timeline.structure_changes(date(2005, 6, 1)) == [(STRUCTURE, True)]


def test_known_and_between_follow_the_year_rule() -> None:
    assert later_known(LATER, date(2004, 6, 1)) == [(BY_DAY, True), (BY_YEAR, False)]
    assert later_between(LATER, date(2004, 12, 31), date(2005, 6, 1)) == [(STRUCTURE, True)]
    assert later_between(LATER, date(2003, 12, 31), date(2004, 6, 1)) == [(BY_YEAR, False)]
    assert later_between(LATER, date(2006, 1, 1), date(2000, 1, 1)) == [  # reversed dates
        (BY_DAY, True), (BY_YEAR, True), (STRUCTURE, True)]  # fmt: skip


def test_the_horizon_and_what_the_currency_lists() -> None:
    currency = Currency(PartialDate(2001), LATER, edition=3)
    assert currency.label == "Contenido con cambios hasta 2001, edición 3"
    assert not currency.is_after(date(2001, 12, 31))  # inside the horizon's own year
    assert currency.is_after(date(2002, 1, 1))
    assert Currency(PartialDate(2001, 6, 5), ()).is_after(date(2001, 6, 6))
    assert Currency(None, ()).is_after(date(1900, 1, 1))  # no change recorded: never vouched for
    assert currency.touching([LIT_A]) == [BY_DAY, BY_YEAR]  # the units above it
    assert currency.touching([NORM]) == [BY_DAY, BY_YEAR]  # and below it
    assert currency.touching(["mision"]) == []
    assert currency.touching(["mision"], structure=True) == [STRUCTURE]


# -- the sources format --------------------------------------------------------------------------


GENERAL = """id = "informacion-general"
title = 'Información General'
edition = 2

[[sections]]
id = "mision"
title = 'Misión'
paragraphs = ['Texto.']

{later}
"""


def _sources(tmp_path: Path, later: str) -> Path:
    (tmp_path / "normas").mkdir()
    (tmp_path / "informacion-general.toml").write_text(GENERAL.format(later=later), encoding="utf-8")
    return tmp_path


def test_later_changes_load_with_their_targets_and_dates(tmp_path: Path) -> None:
    corpus = load_corpus(_sources(tmp_path, """[[later_changes]]
norm = "Resolución 30 de 2024"
issued = "2024"
affects = "Adopta una nueva misión."
targets = ["mision", "estructura"]
"""))  # fmt: skip
    (change,) = corpus.later_changes
    assert (change.id, change.norm, change.targets) == ("resolucion-30-2024", "Resolución 30 de 2024",
                                                        ("mision", "estructura"))  # fmt: skip
    assert change.date == PartialDate(2024)  # the year only: never a made-up day
    assert corpus.edition == 2


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('norm = "Decreto 1 de 2020"\naffects = "x"\ntargets = ["mision"]', "falta el campo «issued»"),
        ('norm = "Decreto 1 de 2020"\nissued = "2020"\naffects = "x"', "falta el campo «targets»"),
        ('norm = "Decreto 1 de 2020"\nissued = "2020"\naffects = "x"\ntargets = ["nada"]',
         "destino desconocido «nada»"),
        ('norm = "Decreto 1 de 2020"\nissued = "2019"\naffects = "x"\ntargets = ["mision"]',
         "no es del año de «Decreto 1 de 2020»"),
        ('norm = "el decreto nuevo"\nissued = "2020"\naffects = "x"\ntargets = ["mision"]',
         "«norm» debe citar una norma"),
        ('norm = "Decreto 1 de 2020"\nissued = "2020-05-02"\nin_force = "2020-05-01"\naffects = "x"\n'
         'targets = ["mision"]', "es anterior a la expedición"),
        ('norm = "Decreto 1 de 2020"\nissued = "2020"\naffects = "x"\ntargets = []', "no puede estar vacío"),
    ],
)  # fmt: skip
def test_bad_later_changes_are_refused(tmp_path: Path, entry: str, problem: str) -> None:
    with pytest.raises(SourceError) as caught:
        load_corpus(_sources(tmp_path, f"[[later_changes]]\n{entry}\n"))
    assert any(problem in p and "cambio posterior 1" in p for p in caught.value.problems), (
        caught.value.problems
    )
