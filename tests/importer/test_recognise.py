"""The recogniser on paragraphs written for each rule (all text here is example text)."""

from __future__ import annotations

import pytest

from sgdesk.importer.model import ImportedNorm, ImportFileError, NoteKind, UnitKind
from sgdesk.importer.recognise import NO_TEXT, recognise

ARTICLE = "Artículo 1°. Objeto. Texto de ejemplo."


def norm_of(*paragraphs: str) -> ImportedNorm:
    return recognise(list(paragraphs))


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("DECRETO 331 DE 2003.", ("decreto", "331", 2003)),
        ("ACUERDO 257 DE 2006", ("acuerdo", "257", 2006)),
        ("RESOLUCIÓN No. 630 DE 2024", ("resolución", "630", 2024)),
        ("Decreto 059 de 2012", ("decreto", "059", 2012)),  # zero padding kept
        ("ACUERDO NÚMERO 12 DE 2099", ("acuerdo", "12", 2099)),
    ],
)
def test_heading_gives_type_number_and_year(heading: str, expected: tuple[str, str, int]) -> None:
    norm = norm_of(heading, ARTICLE)
    assert (norm.type, norm.number, norm.year) == expected


@pytest.mark.parametrize(
    ("line", "iso", "precision"),
    [
        ("(Septiembre 30)", "2003-09-30", "day"),
        ("(30 de septiembre de 2003)", "2003-09-30", "day"),
        ("(Noviembre 30 de 2003)", "2003-11-30", "day"),
        ("(septiembre de 2003)", "2003-09", "month"),
    ],
)
def test_date_line(line: str, iso: str, precision: str) -> None:
    norm = norm_of("DECRETO 331 DE 2003.", line, ARTICLE)
    assert norm.issued is not None
    assert (norm.issued.iso(), norm.issued.precision.value) == (iso, precision)


def test_unreadable_date_stays_unknown_to_the_day_and_is_reported() -> None:
    norm = norm_of("DECRETO 331 DE 2003.", "(Fecha pendiente)", ARTICLE)
    assert norm.issued is not None
    assert norm.issued.iso() == "2003"  # only the year, which the heading gives
    assert any("No se pudo leer la fecha «(Fecha pendiente)»" in w.message for w in norm.warnings)


def test_record_block_values_and_placeholders() -> None:
    norm = norm_of(
        "Decreto 140 de 2099 Alcaldía Mayor de Bogotá, D.C.",
        "Fecha de Expedición:",
        "14/04/2099",
        "Fecha de Entrada en Vigencia:",
        "--/ 00/2099",
        "Medio de Publicación:",
        "Registro Distrital No. 7105 del 15 de abril de 2099 (ejemplo).",
        "DECRETO 140 DE 2099",
        ARTICLE,
    )
    assert norm.issued is not None
    assert norm.issued.iso() == "2099-04-14"
    assert norm.in_force is None  # a placeholder is «not recorded», never a guess
    assert norm.publication == "Registro Distrital No. 7105 del 15 de abril de 2099 (ejemplo)."
    assert norm.issuer == "Alcaldía Mayor de Bogotá"  # from the display title, no authority line
    assert [w.message for w in norm.warnings] == ["No se encontró el epígrafe («Por el cual…»)."]


def test_record_block_empty_values_are_not_recorded() -> None:
    norm = norm_of(
        "Fecha de Expedición:",
        "Fecha de Entrada en Vigencia:",
        "Medio de Publicación:",
        "DECRETO 140 DE 2099",
        ARTICLE,
    )
    assert norm.in_force is None
    assert norm.publication is None
    assert norm.issued is not None
    assert norm.issued.precision.value == "year"


@pytest.mark.parametrize(
    ("text", "kind", "norms", "article"),
    [
        (
            "Derogado por el art. 29, Decreto Distrital 94 de 2006",
            NoteKind.REPEAL,
            ["decreto-94-2006"],
            "decreto-94-2006/art-29",
        ),
        (
            "Modificado parcialmente por los Decretos Distritales 203 y 214 de 2005",
            NoteKind.MODIFICATION,
            ["decreto-203-2005", "decreto-214-2005"],
            None,
        ),
        ("NOTA: Ver Decreto Distrital 425 de 2016.", NoteKind.REFERENCE, ["decreto-425-2016"], None),
        (
            "Adicionado por el artículo 6° del Acuerdo 638 de 2016",
            NoteKind.INSERTION,
            ["acuerdo-638-2016"],
            "acuerdo-638-2016/art-6",
        ),
        ("Ver Resolución 630 de 2024", NoteKind.REFERENCE, ["resolucion-630-2024"], None),
    ],
)
def test_vigencia_notes_become_events_with_citation_ids(
    text: str, kind: NoteKind, norms: list[str], article: str | None
) -> None:
    norm = norm_of("DECRETO 331 DE 2003.", "(Septiembre 30)", text, '"Por el cual se da un ejemplo"', ARTICLE)
    assert len(norm.notes) == 1
    note = norm.notes[0]
    assert (note.kind, list(note.norms), note.article, note.under) == (kind, norms, article, None)
    assert norm.epigrafe == '"Por el cual se da un ejemplo"'


def test_a_note_under_an_article_names_it() -> None:
    norm = norm_of("DECRETO 1 DE 2099", ARTICLE, "Modificado por el art. 2, Decreto Distrital 10 de 2099")
    assert norm.notes[0].under == "art-1"
    assert norm.articles[0].text == ["Texto de ejemplo."]  # the note is not article text


@pytest.mark.parametrize(
    ("line", "number", "label", "title", "text"),
    [
        (
            "Artículo 1°. Objeto. El ejemplo dice algo.",
            "1",
            "Artículo 1°.",
            "Objeto",
            "El ejemplo dice algo.",
        ),
        ("ARTÍCULO 2º.- El ejemplo dice algo.", "2", "ARTÍCULO 2º.-", None, "El ejemplo dice algo."),
        ("ART. 3. El ejemplo dice algo.", "3", "ART. 3.", None, "El ejemplo dice algo."),
        ("Artículo 7º. Son funciones de ejemplo:", "7", "Artículo 7º.", None, "Son funciones de ejemplo:"),
        ("ARTÍCULO PRIMERO. El ejemplo dice algo.", "1", "ARTÍCULO PRIMERO.", None, "El ejemplo dice algo."),
        ("Artículo 5 bis. El ejemplo dice algo.", "5bis", "Artículo 5 bis.", None, "El ejemplo dice algo."),
        (
            "ARTICULO 10o. Ambito de aplicación. El ejemplo dice algo.",
            "10",
            "ARTICULO 10o.",
            "Ambito de aplicación",
            "El ejemplo dice algo.",
        ),
    ],
)
def test_article_forms(line: str, number: str, label: str, title: str | None, text: str) -> None:
    article = norm_of("DECRETO 1 DE 2099", line).articles[0]
    assert (article.number, article.label, article.title, article.text) == (number, label, title, [text])


def test_units_inside_an_article() -> None:
    norm = norm_of(
        "DECRETO 1 DE 2099",
        "Artículo 1°. Son funciones de ejemplo:",
        "a. Primera.",
        "b) Segunda:",
        "1. Numeral de la segunda.",
        "2. Otro numeral.",
        "c. Tercera.",
        "Parágrafo. Un parágrafo de ejemplo.",
        "Un inciso del parágrafo.",
        "PARÁGRAFO 2°. Otro.",
        "PARÁGRAFO TRANSITORIO. El último.",
    )
    article = norm.articles[0]
    kinds = [(c.kind, c.number, c.label) for c in article.children]
    assert kinds == [
        (UnitKind.LITERAL, "a", "a."),
        (UnitKind.LITERAL, "b", "b)"),
        (UnitKind.LITERAL, "c", "c."),
        (UnitKind.PARAGRAFO, None, "Parágrafo."),
        (UnitKind.PARAGRAFO, "2", "PARÁGRAFO 2°."),
        (UnitKind.PARAGRAFO, None, "PARÁGRAFO TRANSITORIO."),
    ]
    assert [c.number for c in article.children[1].children] == ["1", "2"]
    assert article.children[3].text == ["Un parágrafo de ejemplo.", "Un inciso del parágrafo."]
    assert norm.warnings == [] or all("epígrafe" in w.message or "expide" in w.message for w in norm.warnings)


def test_a_letter_that_starts_no_list_is_text() -> None:
    article = norm_of("DECRETO 1 DE 2099", ARTICLE, "y. otra cosa de ejemplo").articles[0]
    assert article.children == []
    assert article.text == ["Texto de ejemplo.", "y. otra cosa de ejemplo"]


def test_front_matter_divisions_and_closing() -> None:
    norm = norm_of(
        "DECRETO 1 DE 2099",
        "Por el cual se da un ejemplo",
        "LA ALCALDESA MAYOR DE BOGOTÁ, D. C.",
        "En uso de sus facultades de ejemplo,",
        "CONSIDERANDO:",
        "Que esto es un ejemplo.",
        "DECRETA:",
        "CAPITULO I",
        "DISPOSICIONES DE EJEMPLO",
        "SECCIÓN 1. Primera sección de ejemplo",
        ARTICLE,
        "PUBLÍQUESE, COMUNÍQUESE Y CÚMPLASE.",
        "Dado en Bogotá, D.C., a los días del ejemplo.",
    )
    assert norm.epigrafe == "Por el cual se da un ejemplo"
    assert norm.issuer == "Alcaldesa Mayor de Bogotá"
    assert norm.preamble == ["En uso de sus facultades de ejemplo,"]
    assert norm.considerations == ["Que esto es un ejemplo."]
    assert [(d.kind, d.number, d.title) for d in norm.divisions] == [
        ("capítulo", "I", "DISPOSICIONES DE EJEMPLO"),
        ("sección", "1", "Primera sección de ejemplo"),
    ]
    assert len(norm.articles) == 1  # the closing formula is not an article, nor article text
    assert norm.articles[0].text == ["Texto de ejemplo."]
    assert norm.closing == [
        "PUBLÍQUESE, COMUNÍQUESE Y CÚMPLASE.",
        "Dado en Bogotá, D.C., a los días del ejemplo.",
    ]
    assert norm.warnings == []


def test_page_chrome_is_dropped() -> None:
    norm = norm_of(
        "RÉGIMEN LEGAL DE BOGOTÁ D.C.",
        "© Secretaría Jurídica Distrital de la Secretaría General de la Alcaldía Mayor de Bogotá D.C.",
        "Cargando el Contenido del Documento",
        "Por favor espere...",
        "La Secretaría Jurídica Distrital aclara que la información aquí contenida es informativa.",
        "DECRETO 1 DE 2099",
        ARTICLE,
    )
    assert norm.unrecognised == []
    assert not any("Cargando" in t for a in norm.articles for t in a.text)


def test_shell_without_articulado_is_refused() -> None:
    with pytest.raises(ImportFileError, match=NO_TEXT):
        norm_of("RÉGIMEN LEGAL DE BOGOTÁ D.C.", "Cargando el Contenido del Documento", "Por favor espere...")
    with pytest.raises(ImportFileError, match=NO_TEXT):
        norm_of("Un texto cualquiera de ejemplo sin artículos.")


def test_warnings_for_what_needs_a_person() -> None:
    norm = norm_of(
        "DECRETO 1 DE 2099",
        "DECRETA:",
        "Un párrafo de ejemplo que no es de ninguna parte.",
        "Artículo 1°. Modifícase el artículo del Acuerdo 638 de 2016, de ejemplo.",
        "Artículo 3°. Texto de ejemplo.",
        "Artículo 3°. Otra vez el tres.",
        "Artículo 4°. Son funciones:",
        "a) Una.",
        "c) Otra.",
    )
    messages = [w.message for w in norm.warnings]
    assert any(m.startswith("Bloque no reconocido: «Un párrafo de ejemplo") for m in messages)
    assert any(m.startswith("Referencia a un artículo sin número") for m in messages)
    assert "La numeración de los artículos salta del 1 al 3." in messages
    assert "El artículo 3 aparece dos veces." in messages
    assert "La numeración salta en el artículo 4: literal c después del a." in messages
    lines = {w.message.split(":")[0]: w.line for w in norm.warnings}
    assert lines["Bloque no reconocido"] == 2  # the paragraph the GUI highlights
