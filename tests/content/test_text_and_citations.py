from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgdesk.content.citations import canonical_id, find_norm_mentions, norm_id
from sgdesk.content.text import escape_html, find_all, fold


def test_fold_removes_accents_and_case() -> None:
    assert fold("Función PÚBLICA, Año") == "funcion publica, ano"


@given(st.text())
def test_fold_keeps_length_so_offsets_map_back(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_find_all_is_accent_insensitive_both_ways() -> None:
    text = "la función gerencial y las funciones; FUNCIÓN"
    assert find_all(text, "funcion") == [3, 27, 38]
    assert find_all("politicas", "Políticas") == [0]
    assert find_all(text, "   ") == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("decreto-059-2012", "decreto-59-2012"),
        (" Decreto-267-2007/Art-7/Lit-N ", "decreto-267-2007/art-7/lit-n"),
        ("mision", "mision"),
    ],
)
def test_canonical_ids_forgive_padding_and_case(raw: str, expected: str) -> None:
    assert canonical_id(raw) == expected


def test_norm_mentions_in_text() -> None:
    text = "Adicionar el artículo del Decreto 267 de 2007 y el acuerdo 257 de 2006; D. 059/2012 no"
    assert [m[2] for m in find_norm_mentions(text)] == ["decreto-267-2007", "acuerdo-257-2006"]
    start, end, _ = find_norm_mentions(text)[0]
    assert text[start:end] == "Decreto 267 de 2007"
    assert norm_id("Resolución", "0630", 2024) == "resolucion-630-2024"


@pytest.mark.parametrize(
    ("title", "with_article", "of_it"),
    [
        ("Decreto 267 de 2007", "el Decreto 267 de 2007", "del Decreto 267 de 2007"),
        ("Acuerdo 257 de 2006", "el Acuerdo 257 de 2006", "del Acuerdo 257 de 2006"),
        ("Resolución 630 de 2024", "la Resolución 630 de 2024", "de la Resolución 630 de 2024"),
        ("Ley 87 de 1993", "la Ley 87 de 1993", "de la Ley 87 de 1993"),
        ("Circular 5 de 2020", "la Circular 5 de 2020", "de la Circular 5 de 2020"),
    ],
)
def test_norm_titles_take_the_right_spanish_article(title: str, with_article: str, of_it: str) -> None:
    from sgdesk.content.citations import of, the

    assert the(title) == with_article
    assert of(title) == of_it


@pytest.mark.parametrize(
    "text", ["", "a & b", "<b>x</b>", 'dice "hola"', "l'estado", "&amp;<>\"'", "Misión ñ"]
)
def test_escape_html_is_htmls(text: str) -> None:
    """The first page escapes without importing ``html`` (#11 start-up): the same text as it."""
    import html

    assert escape_html(text) == html.escape(text)
    assert escape_html(text, quote=False) == html.escape(text, quote=False)


@given(st.text())
def test_escape_html_is_htmls_for_any_text(text: str) -> None:
    import html

    assert escape_html(text) == html.escape(text)
    assert escape_html(text, quote=False) == html.escape(text, quote=False)
