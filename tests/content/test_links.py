"""Deep links (sgdesk://…): what sgdesk writes it reads back, and anything else is refused with
a Spanish message, never another exception, never a path the grammar does not allow."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgdesk.content.links import (
    FIRST_DAY,
    LAST_DAY,
    MAX_LINK_LENGTH,
    DeepLink,
    LinkError,
    format_link,
    is_link,
    parse_link,
)

_SEGMENT = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,3}", fullmatch=True)
NODE_IDS = st.lists(_SEGMENT, min_size=1, max_size=5).map("/".join)
DAYS = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)


def test_a_node_link_and_a_dated_one() -> None:
    assert format_link("decreto-267-2007/art-7/lit-n") == "sgdesk://decreto-267-2007/art-7/lit-n"
    dated = format_link("decreto-267-2007/art-7", date(2008, 6, 30))
    assert dated == "sgdesk://decreto-267-2007/art-7?vigente=2008-06-30"
    assert parse_link(dated) == DeepLink("decreto-267-2007/art-7", date(2008, 6, 30))
    assert parse_link("sgdesk://mision") == DeepLink("mision", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SGDESK://Decreto-267-2007/ART-7", DeepLink("decreto-267-2007/art-7")),  # schemes ignore case
        ("sgdesk://decreto-267-2007/art-7/", DeepLink("decreto-267-2007/art-7")),  # a mail program's slash
        ("  sgdesk://mision\r\n", DeepLink("mision")),  # pasted with its line end
        ("sgdesk://mision?VIGENTE=2008-02-29", DeepLink("mision", date(2008, 2, 29))),
    ],
)
def test_what_a_mail_program_may_do_to_a_link_is_forgiven(text: str, expected: DeepLink) -> None:
    assert parse_link(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "vacío"),
        ("https://decreto-267-2007/art-7", "no es un enlace de sgdesk"),
        ("file:///etc/passwd", "no es un enlace de sgdesk"),
        ("sgdesk:decreto-267-2007", "no es un enlace de sgdesk"),
        ("javascript:alert(1)", "no es un enlace de sgdesk"),
        ("sgdesk://", "no dice qué sección"),
        ("sgdesk://?vigente=2008-06-30", "no dice qué sección"),
        ("sgdesk://decreto-267-2007/../../etc/passwd", "no nombra una sección"),
        ("sgdesk://decreto-267-2007/./art-7", "no nombra una sección"),
        ("sgdesk://decreto-267-2007//art-7", "no nombra una sección"),
        ("sgdesk:///decreto-267-2007", "no nombra una sección"),
        ("sgdesk://decreto-267-2007/art-7//", "no nombra una sección"),
        ("sgdesk://decreto--267", "no nombra una sección"),
        ("sgdesk://-decreto", "no nombra una sección"),
        ("sgdesk://decreto_267", "no nombra una sección"),
        ("sgdesk://decreto-267-2007\\art-7", "no nombra una sección"),
        ("sgdesk://<b>x</b>", "no nombra una sección"),
        ("sgdesk://decreto-267-2007%2Fart-7", "codificados"),
        ("sgdesk://%2e%2e/%2e%2e/etc", "codificados"),
        ("sgdesk://decreto-267-2007?vigente=2008%2D06%2D30", "codificados"),
        ("sgdesk://decreto-267-2007 art-7", "espacios"),
        ("sgdesk://decreto-267-2007\x00/art-7", "caracteres que sgdesk no usa"),
        ("sgdesk://decreto‐267‐2007", "caracteres que sgdesk no usa"),  # Unicode hyphens
        ("sgdesk://decreto-267-2007#art-7", "«#…»"),
        ("sgdesk://mision?vigente=2008-02-30", "no es una fecha válida"),
        ("sgdesk://mision?vigente=30/06/2008", "no es una fecha válida"),
        ("sgdesk://mision?vigente=2008-6-30", "no es una fecha válida"),
        ("sgdesk://mision?vigente=", "no es una fecha válida"),
        ("sgdesk://mision?vigente=0000-01-01", "no es una fecha válida"),
        ("sgdesk://mision?vigente=1899-12-31", "fuera del rango"),
        ("sgdesk://mision?vigente=9999-12-31", "fuera del rango"),
        ("sgdesk://mision?", "solo admite"),
        ("sgdesk://mision?vigente", "solo admite"),
        ("sgdesk://mision?desde=2008-06-30", "solo admite"),
        ("sgdesk://mision?vigente=2008-06-30&vigente=2009-01-01", "solo admite"),
        ("sgdesk://mision?vigente=2008-06-30?x", "no es una fecha válida"),
        ("sgdesk://" + "a" * MAX_LINK_LENGTH, "demasiado largo"),
    ],
)
def test_hostile_links_are_refused_in_spanish(text: str, says: str) -> None:
    with pytest.raises(LinkError) as refused:
        parse_link(text)
    assert says in refused.value.message


def test_a_message_quotes_a_long_link_shortly_and_printably() -> None:
    with pytest.raises(LinkError) as refused:
        parse_link("sgdesk://" + "x" * 200 + "/..")
    assert len(refused.value.message) < 400
    assert "…" in refused.value.message


def test_format_refuses_what_it_could_not_read_back() -> None:
    for bad in ("", "a//b", "../x", "a b", "Decreto-1"):
        with pytest.raises(ValueError):  # noqa: PT011 (a programming error, not a user's)
            format_link(bad)
    with pytest.raises(ValueError):  # noqa: PT011
        format_link("mision", date(1800, 1, 1))


def test_is_link_goes_by_the_scheme() -> None:
    assert is_link("sgdesk://mision")
    assert is_link("SGDESK:cualquier-cosa")  # meant as a link (then refused by parse_link)
    assert not is_link("sgdesk")
    assert not is_link("search")
    assert not is_link("https://sgdesk:x")


@given(NODE_IDS, st.none() | DAYS)
def test_round_trip(node_id: str, day: date | None) -> None:
    link = format_link(node_id, day)
    assert parse_link(link) == DeepLink(node_id, day)
    assert parse_link(link.upper()) == DeepLink(node_id, day)


_ACCEPTED_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*")


def _check_any(text: str) -> None:
    try:
        link = parse_link(text)
    except LinkError as exc:
        message = exc.message
    else:
        message = ""
    if message:
        assert "Traceback" not in message
        return
    assert _ACCEPTED_ID.fullmatch(link.node_id), link
    assert link.day is None or FIRST_DAY <= link.day <= LAST_DAY
    assert parse_link(link.url()) == link  # what was accepted is written back the same


@given(st.text(max_size=300))
def test_arbitrary_text_gives_a_link_or_a_spanish_error(text: str) -> None:
    _check_any(text)


@given(st.text(alphabet="sgdeSK:/?=&%#.-_ az019\\\x00é", max_size=80).map(lambda rest: "sgdesk://" + rest))
def test_arbitrary_text_after_the_scheme_gives_a_link_or_a_spanish_error(text: str) -> None:
    _check_any(text)


@given(st.sampled_from(["a", "/", "?vigente=2008-01-01", "%41"]), st.integers(0, 20_000))
def test_huge_links_are_refused_before_any_work(piece: str, count: int) -> None:
    text = "sgdesk://" + piece * count
    if len(text) > MAX_LINK_LENGTH:
        with pytest.raises(LinkError, match="demasiado largo"):
            parse_link(text)
    else:
        _check_any(text)
