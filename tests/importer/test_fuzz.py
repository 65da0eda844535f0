"""Arbitrary text never crashes the importer; whatever it recognises makes a valid source."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sgdesk.importer.htmltext import html_paragraphs
from sgdesk.importer.model import ImportFileError
from sgdesk.importer.readers import decode
from sgdesk.importer.recognise import recognise
from sgdesk.importer.source import render_source, source_id, validate_source

# Pieces a norm is made of, so that random documents reach every state of the recogniser.
MARKERS = [
    "DECRETO 1 DE 2099",
    "ACUERDO 007 DE 2099.",
    "RESOLUCIÓN No. 3 DE 2099",
    "(Marzo 15)",
    "(30 de febrero)",
    "Fecha de Expedición:",
    "--/ 00/2099",
    "15/03/2099",
    "Medio de Publicación:",
    "Cargando el Contenido del Documento",
    "Decreto 1 de 2099 Alcaldía Mayor de Bogotá, D.C.",
    '"Por el cual se da un ejemplo"',
    "EL ALCALDE MAYOR DE BOGOTÁ D. C.",
    "CONSIDERANDO:",
    "DECRETA:",
    "TÍTULO I",
    "CAPÍTULO II",
    "SECCIÓN 1. Ejemplo",
    "Artículo 1°. Objeto. Texto.",
    "ARTÍCULO 2º.-",
    "ART. 3.",
    "Artículo.",
    "ARTÍCULO ÚNICO.",
    "Artículo 2 bis. Texto.",
    "a) Uno.",
    "b. Dos.",
    "a. Otra vez.",
    "ñ) Eñe.",
    "1. Numeral.",
    "1.1. Sub.",
    "3.2.1. Hondo.",
    "Parágrafo.",
    "PARÁGRAFO 1°. Texto.",
    "PARÁGRAFO TRANSITORIO.",
    '"(…)',
    'n. Citado."',
    "del siguiente tenor:",
    "Ver Decreto 2 de 2099",
    "Derogado por el art. 29, Decreto Distrital 94 de 2099",
    "Modificado por los Decretos 3, 4 y 5 de 2099",
    "modificado por el artículo del Acuerdo 638 de 2099",
    "PUBLÍQUESE Y CÚMPLASE.",
    "Dado en Bogotá",
    "Texto 'con' comillas \"dobles\" y \\ barra",
    "\x00\x1b\x7f",
    "\u00a0",
    "",
]
paragraph = st.one_of(st.sampled_from(MARKERS), st.text(max_size=80))
documents = st.lists(paragraph, max_size=40)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(), max_size=30))
def test_arbitrary_text_never_crashes(paragraphs: list[str]) -> None:
    try:
        recognise(paragraphs)
    except ImportFileError as error:
        message = error.message
        assert message.startswith("El archivo no contiene el texto de la norma")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_what_is_recognised_is_a_valid_source(paragraphs: list[str]) -> None:
    try:
        norm = recognise(paragraphs)
        norm_id = source_id(norm)
    except ImportFileError:
        return
    validate_source(render_source(norm, "fuzz.txt"), norm_id)  # raises if the validator refuses it


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=2000),
    st.one_of(st.none(), st.sampled_from(["utf-8", "windows-1252", "x-nada", "utf-16"])),
)
def test_any_bytes_decode(data: bytes, declared: str | None) -> None:
    assert isinstance(decode(data, declared), str)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_any_markup_gives_paragraphs(markup: str) -> None:
    assert all(p.strip() for p in html_paragraphs(markup))
