"""Deep links at their edges, and the exact Spanish message a refused link gets (what the user
reads in the dialog), from made-up ids."""

from __future__ import annotations

from datetime import date

import pytest

from sgdesk.content.links import MAX_LINK_LENGTH, DeepLink, LinkError, format_link, parse_link

ID = "decreto-10-2000/art-1"


def _message(text: object) -> str:
    with pytest.raises(LinkError) as refused:
        parse_link(text)  # type: ignore[arg-type]
    return refused.value.message


def test_a_dated_link_keeps_its_date() -> None:
    assert DeepLink(ID, date(2008, 6, 30)).url() == f"sgdesk://{ID}?vigente=2008-06-30"
    assert DeepLink(ID).url() == f"sgdesk://{ID}"


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(2100, 12, 31)])
def test_the_first_and_last_days_of_the_range_make_links(day: date) -> None:
    link = format_link(ID, day)
    assert parse_link(link) == DeepLink(ID, day)


def test_format_says_what_it_cannot_carry() -> None:
    with pytest.raises(ValueError, match=r"not a linkable node id: 'art 1'"):
        format_link("art 1")
    with pytest.raises(ValueError, match=r"date out of range: 1899-12-31"):
        format_link(ID, date(1899, 12, 31))


def test_a_link_of_the_longest_length_opens() -> None:
    text = "sgdesk://" + "a" * (MAX_LINK_LENGTH - len("sgdesk://"))
    assert len(text) == MAX_LINK_LENGTH
    assert parse_link(text).node_id == "a" * (MAX_LINK_LENGTH - 9)


def test_only_spaces_tabs_and_line_ends_around_a_link_are_forgiven() -> None:
    assert parse_link(" \tSGDESK://DECRETO-10-2000/ART-1/LIT-X\r\n") == DeepLink(f"{ID}/lit-x")
    assert "caracteres que sgdesk no usa" in _message(f"sgdesk://{ID}\x0b")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (5, "El enlace no es texto."),
        (" \r\n", "El enlace está vacío."),
        ("sgdesk://decreto%2D10",
         "El enlace «sgdesk://decreto%2D10» tiene caracteres codificados (%…): sgdesk no "
         "los usa en sus enlaces. Copie el enlace otra vez desde sgdesk."),
        ("sgdesk://art_1",
         "El enlace «sgdesk://art_1» no nombra una sección: después de «sgdesk://» van partes "
         "de letras, números y guiones separadas por «/» (como «decreto-267-2007/art-7/lit-n»)."),
        (f"sgdesk://{ID}?vigente=2008-06-30&otro",
         f"El enlace «sgdesk://{ID}?vigente=2008-06-30&otro» trae datos "
         "que sgdesk no entiende después de «?»: solo admite «?vigente=AAAA-MM-DD»."),
        (f"sgdesk://{ID}?vigente=2008-06-30=1",
         f"El enlace «sgdesk://{ID}?vigente=2008-06-30=1» trae datos "
         "que sgdesk no entiende después de «?»: solo admite «?vigente=AAAA-MM-DD»."),
        ("sgdesk://a\x00b", "El enlace «sgdesk://a�b» tiene espacios o caracteres que sgdesk no usa."),
    ],
)  # fmt: skip
def test_each_refusal_says_why_in_spanish(text: object, message: str) -> None:
    assert _message(text) == message


def test_a_message_quotes_up_to_sixty_characters_then_cuts() -> None:
    sixty = "x" * (60 - len("sgdesk://"))
    assert _message(f"sgdesk://{sixty}?a=1").startswith(f"El enlace «sgdesk://{sixty[:-1]}…» trae datos")
    exactly = f"http://{'x' * 53}"
    assert len(exactly) == 60
    assert _message(exactly).startswith(f"«{exactly}» no es un enlace de sgdesk")
