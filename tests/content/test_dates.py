from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgdesk.content.dates import PartialDate, Precision


@pytest.mark.parametrize(
    ("text", "precision", "spanish"),
    [
        ("2006-11-30", Precision.DAY, "30 de noviembre de 2006"),
        ("2021-04", Precision.MONTH, "abril de 2021 (día no registrado)"),
        ("2007", Precision.YEAR, "2007 (día y mes no registrados)"),
    ],
)
def test_parse_keeps_precision_and_says_what_is_unknown(
    text: str, precision: Precision, spanish: str
) -> None:
    date = PartialDate.parse(text)
    assert date.precision is precision
    assert date.iso() == text
    assert date.format_es() == spanish


@pytest.mark.parametrize("text", ["", "2007-13", "2007-02-30", "30/11/2006", "20077", "2006-11-31", "abc"])
def test_invalid_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (the message is not for users)
        PartialDate.parse(text)


def test_compact_format_for_lists() -> None:
    assert PartialDate.parse("2008").format_compact() == "2008"
    assert PartialDate.parse("2006-11-30").format_compact() == "30 de noviembre de 2006"


@given(st.dates(), st.sampled_from(["day", "month", "year"]))
def test_iso_round_trip(day: object, precision: str) -> None:
    from datetime import date

    assert isinstance(day, date)
    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
    assert PartialDate.parse(text).iso() == text


@pytest.mark.parametrize(
    ("text", "compact"),
    [("2021-04", "abril de 2021"), ("2021-01", "enero de 2021"), ("2021-12", "diciembre de 2021")],
)
def test_compact_format_of_a_month_says_no_more_than_known(text: str, compact: str) -> None:
    assert PartialDate.parse(text).format_compact() == compact


@pytest.mark.parametrize(("year", "month", "day"), [(2007, None, 5), (2007, 2, 29), (2007, 13, None)])
def test_impossible_partial_dates_are_refused(year: int, month: int | None, day: int | None) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (the message is not for users)
        PartialDate(year, month, day)


def test_parse_trims_and_sorts_unknown_parts_first() -> None:
    assert PartialDate.parse(" 2008-06 ") == PartialDate(2008, 6)
    dates = [PartialDate.parse(t) for t in ("2008-01-01", "2008-01", "2008")]
    wanted = [PartialDate(2008), PartialDate(2008, 1), PartialDate(2008, 1, 1)]
    assert sorted(dates, key=lambda d: d.key) == wanted


def test_the_errors_say_what_is_wrong() -> None:
    """For the corpus validator's log and for developers (users see the validator's Spanish)."""
    with pytest.raises(ValueError, match=r"^a day needs a month$"):
        PartialDate(2007, None, 5)
    with pytest.raises(ValueError, match=r"^not a date: '30/11/2006'$"):
        PartialDate.parse("30/11/2006")
