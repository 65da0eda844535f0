"""Citations as officials write them: one table row per rule of ``content/citations.py``."""

from __future__ import annotations

import pytest

from sgdesk.content.citations import (
    Citation,
    article_number,
    canonical_id,
    find_norm_mentions,
    long_citation,
    norm_id,
    parse_citation,
    section_citation,
    short_citation,
    slug,
)
from sgdesk.content.dates import PartialDate
from sgdesk.content.model import Node, NodeKind, Norm


@pytest.mark.parametrize(
    ("text", "citation"),
    [
        # type, number and year, with "de", "del" or "/"
        ("decreto 267 de 2007", Citation("decreto", 267, 2007)),
        ("Decreto 267 del 2007", Citation("decreto", 267, 2007)),
        ("DECRETO 267/2007", Citation("decreto", 267, 2007)),
        ("decreto 267 / 2007", Citation("decreto", 267, 2007)),
        ("decreto267de2007", Citation("decreto", 267, 2007)),
        # every type; accents and case do not matter
        ("acuerdo 257 de 2006", Citation("acuerdo", 257, 2006)),
        ("RESOLUCIÓN 630 de 2024", Citation("resolucion", 630, 2024)),
        ("circular 5 de 2020", Citation("circular", 5, 2020)),
        ("directiva 1 de 2019", Citation("directiva", 1, 2019)),
        ("ley 87 de 1993", Citation("ley", 87, 1993)),
        # abbreviations of decreto
        ("D. 267 de 2007", Citation("decreto", 267, 2007)),
        ("d.267/2007", Citation("decreto", 267, 2007)),
        ("dto 59 de 2012", Citation("decreto", 59, 2012)),
        ("Dto. 59 de 2012", Citation("decreto", 59, 2012)),
        # "No.", "nº", "n°" before the number; zero padding dropped
        ("decreto No. 059 de 2012", Citation("decreto", 59, 2012)),
        ("decreto nº 59 de 2012", Citation("decreto", 59, 2012)),
        ("decreto n° 59", Citation("decreto", 59)),
        ("decreto 00267 de 2007", Citation("decreto", 267, 2007)),
        # the year may be missing
        ("acuerdo 257", Citation("acuerdo", 257)),
        # article and literal, in any order, with or without the norm
        ("art 7", Citation(article="7")),
        ("art. 7", Citation(article="7")),
        ("art7", Citation(article="7")),
        ("Artículo 7", Citation(article="7")),
        ("literal n", Citation(literal="n")),
        ("lit. n", Citation(literal="n")),
        ("lit n", Citation(literal="n")),
        ("art 7 lit n del decreto 267", Citation("decreto", 267, None, "7", "n")),
        ("decreto 267 de 2007, artículo 7, literal ñ", Citation("decreto", 267, 2007, "7", "n")),
        ("literal b del artículo 12 del Acuerdo 257 de 2006", Citation("acuerdo", 257, 2006, "12", "b")),
        ("art 1234", Citation(article="1234")),
    ],
)
def test_citations_are_understood(text: str, citation: Citation) -> None:
    assert parse_citation(text) == citation


@pytest.mark.parametrize(
    "text",
    [
        "gestion documental",
        "Bogotá D.C. 2007",  # "D.C." is not "D."
        "literales",  # a word that starts like "literal"
        "artes 7",
        "articulo",  # no number
        "literal 7",  # a literal is a letter
        "decreto",  # no number
        "decreto 123456",  # six digits: not a norm number
        "predecreto 267",  # "decreto" inside another word
        "art 12345",  # five digits: not an article
        "",
    ],
)
def test_not_citations(text: str) -> None:
    assert parse_citation(text) is None


@pytest.mark.parametrize(
    ("citation", "wanted"),
    [
        (Citation("decreto", 59, 2012), "decreto-59-2012"),
        (Citation("resolución", 630, 2024), "resolucion-630-2024"),
        (Citation("decreto", 0, 2012), "decreto-0-2012"),
        (Citation("decreto", 267), None),  # no year
        (Citation(None, 267, 2007), None),  # no type
        (Citation("decreto", None, 2007), None),  # no number
    ],
)
def test_a_norm_id_needs_type_number_and_year(citation: Citation, wanted: str | None) -> None:
    assert citation.norm_id == wanted


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("decreto-059-2012", "decreto-59-2012"),
        (" Decreto-267-2007/Art-7/Lit-N ", "decreto-267-2007/art-7/lit-n"),
        ("/decreto-267-2007/", "decreto-267-2007"),
        ("DECRETO-0267-2007/art-7", "decreto-267-2007/art-7"),
        ("mision", "mision"),
        ("dependencia/oficina-x", "dependencia/oficina-x"),
    ],
)
def test_canonical_ids(raw: str, expected: str) -> None:
    assert canonical_id(raw) == expected


def test_norm_ids() -> None:
    assert norm_id("Decreto", "059", 2012) == "decreto-59-2012"
    assert norm_id("Resolución", 630, 2024) == "resolucion-630-2024"


def test_mentions_need_type_number_and_year() -> None:
    text = "Ver decreto 267 de 2007; Acuerdo 257/2006; decreto 59; ley 87 de 1993."
    assert find_norm_mentions(text) == [
        (4, 23, "decreto-267-2007"),
        (25, 41, "acuerdo-257-2006"),
        (55, 69, "ley-87-1993"),
    ]


NORM = Norm("decreto-267-2007", "decreto", "267", 2007, "Alcalde Mayor", PartialDate(2007, 6, 22), '"…"')


def test_short_citations() -> None:
    assert short_citation(NORM) == "Decreto 267 de 2007"
    assert short_citation(NORM, "7") == "Decreto 267 de 2007, art. 7"
    assert short_citation(NORM, "7", "n") == "Decreto 267 de 2007, art. 7, lit. n"
    assert short_citation(NORM, None, with_article=True) == "Decreto 267 de 2007, art. sin número registrado"
    assert section_citation(["Información General", "Misión"]).endswith(", Información General, Misión")


def test_long_citations_name_the_smallest_unit_first() -> None:
    norm = Node(NORM.id, "funciones", 0, NodeKind.NORM, NORM.title, "", norm=NORM.id)  # as built
    article = Node(
        f"{NORM.id}/art-7", NORM.id, 0, NodeKind.ARTICLE, "Artículo 7", "", "Artículo 7º.", norm=NORM.id
    )
    unnumbered = Node(
        f"{NORM.id}/art-sn", NORM.id, 1, NodeKind.ARTICLE, "Artículo. Funciones", "", norm=NORM.id
    )
    literal = Node(
        f"{NORM.id}/art-7/lit-n", article.id, 0, NodeKind.LITERAL, "Literal n", "", "n.", norm=NORM.id
    )
    nodes = {n.id: n for n in (norm, article, unnumbered, literal)}
    norms = {NORM.id: NORM}
    assert long_citation(literal, nodes, norms) == "literal n del artículo 7 del Decreto 267 de 2007"
    assert long_citation(norm, nodes, norms) == "Decreto 267 de 2007"
    assert long_citation(unnumbered, nodes, norms) == (
        "artículo de número no registrado del Decreto 267 de 2007 («Funciones»)"
    )
    assert (article_number(article), article_number(unnumbered)) == ("7", None)


@pytest.mark.parametrize(
    ("title", "cited"),
    [
        ("Artículo sin número. Funciones generales. Otras", "Funciones generales. Otras"),
        ("Artículo sin número", "Artículo sin número"),
    ],
)
def test_an_unnumbered_article_is_cited_by_its_heading(title: str, cited: str) -> None:
    n = NORM.id
    article = Node(f"{n}/art-sn", n, 0, NodeKind.ARTICLE, title, "", norm=n)
    nodes = {article.id: article}
    wanted = f"artículo de número no registrado del Decreto 267 de 2007 («{cited}»)"
    assert long_citation(article, nodes, {n: NORM}) == wanted


def test_a_section_is_cited_by_its_title() -> None:
    section = Node("mision", "informacion-general", 0, NodeKind.SECTION, "Misión", "")
    assert long_citation(section, {section.id: section}, {}) == "Misión"


def test_slugs_and_ids_keep_every_letter() -> None:
    assert slug("Resolución Conjunta") == "resolucion-conjunta"
    assert canonical_id("Decreto-267-2007/Art-7/Lit-X") == "decreto-267-2007/art-7/lit-x"
