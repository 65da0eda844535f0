"""What the corpus can vouch for (``Currency``), from made-up later changes: the label a user
reads in the status bar, the days after the horizon, and which later changes a page lists."""

from __future__ import annotations

from datetime import date

from sgdesk.content.currency import Currency
from sgdesk.content.dates import PartialDate
from sgdesk.content.model import LaterChange

NORM = "decreto-10-2000"
ART = f"{NORM}/art-1"
OTHER = "acuerdo-3-1999"

ON_ART = LaterChange("decreto-5-2003", "Decreto 5 de 2003", "Modifica el artículo 1.",
                     PartialDate(2003, 3, 1), PartialDate(2003, 3, 10), None, (ART,))  # fmt: skip
IN_2004 = LaterChange("acuerdo-7-2004", "Acuerdo 7 de 2004", "Modifica el Decreto 10 de 2000.",
                      PartialDate(2004), None, None, (NORM,))  # fmt: skip
STRUCTURE = LaterChange("decreto-9-2005", "Decreto 9 de 2005", "Modifica la estructura.",
                        PartialDate(2005, 6, 1), None, None, ("estructura",))  # fmt: skip
LATER = (ON_ART, IN_2004, STRUCTURE)


def test_the_label_names_the_horizon_as_precisely_as_known_and_the_edition() -> None:
    assert Currency(PartialDate(2006, 11, 30), ()).label == (
        "Contenido con cambios hasta 30 de noviembre de 2006, edición 1"
    )
    assert Currency(PartialDate(2012), (), edition=3).label == "Contenido con cambios hasta 2012, edición 3"
    assert Currency(PartialDate(2012, 4), ()).as_of_text == "abril de 2012"


def test_a_corpus_without_changes_says_it_has_no_date() -> None:
    currency = Currency(None, ())
    assert currency.as_of_text == "sin fecha registrada"
    assert currency.is_after(date(1900, 1, 1))  # nothing can be vouched for


def test_days_after_the_horizon_are_not_vouched_for() -> None:
    to_the_day = Currency(PartialDate(2006, 11, 30), LATER)
    assert not to_the_day.is_after(date(2006, 11, 30))
    assert to_the_day.is_after(date(2006, 12, 1))
    year_only = Currency(PartialDate(2012), LATER)
    assert not year_only.is_after(date(2012, 12, 31))  # any day of 2012 may be the horizon
    assert year_only.is_after(date(2013, 1, 1))


def test_later_changes_known_by_a_day_say_whether_that_is_certain() -> None:
    currency = Currency(PartialDate(2001), LATER)
    assert currency.known_by(date(2003, 2, 28)) == []
    assert currency.known_by(date(2004, 6, 1)) == [(ON_ART, True), (IN_2004, False)]
    assert currency.known_by(date(2030, 1, 1)) == [(ON_ART, True), (IN_2004, True), (STRUCTURE, True)]


def test_later_changes_between_two_days_in_either_order() -> None:
    currency = Currency(PartialDate(2001), LATER)
    expected = [(ON_ART, True), (IN_2004, True)]
    assert currency.between(date(2002, 1, 1), date(2005, 1, 1)) == expected
    assert currency.between(date(2005, 1, 1), date(2002, 1, 1)) == expected
    assert currency.between(date(2006, 1, 1), date(2007, 1, 1)) == []


def test_a_page_lists_the_later_changes_that_touch_it() -> None:
    currency = Currency(PartialDate(2001), LATER)
    assert currency.touching([ART]) == [ON_ART, IN_2004]  # its own and its norm's
    assert currency.touching([NORM]) == [ON_ART, IN_2004]  # the norm's page lists its article's
    assert currency.touching([OTHER]) == []
    assert currency.touching([OTHER], structure=True) == [STRUCTURE]
    assert currency.touching([OTHER, ART], structure=True) == [ON_ART, IN_2004, STRUCTURE]
    assert currency.touching(iter([OTHER, ART])) == [ON_ART, IN_2004]  # any iterable, read once
    assert currency.touching([]) == []
