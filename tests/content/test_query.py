"""The query parser: any text is understood or safely dropped; citations recognised."""

from __future__ import annotations

import pytest

from sgdesk.content.citations import Citation, parse_citation
from sgdesk.content.highlight import Matcher, marked_text, snippet
from sgdesk.content.query import Phrase, SearchFilters, Term, parse_query
from sgdesk.content.stemming import stem


def test_words_are_anded_and_folded() -> None:
    query = parse_query("Gestión  DOCUMENTAL")
    assert query.groups == ((Term("gestion"),), (Term("documental"),))


def test_phrases_alternatives_exclusions_and_prefixes() -> None:
    query = parse_query('"daño antijurídico" o víctimas -paz gest*')
    assert query.groups == (
        (Phrase(("dano", "antijuridico")), Term("victimas")),
        (Term("gest", prefix=True),),
    )
    assert query.excluded == (Term("paz"),)


def test_one_letter_prefix_is_a_plain_word_two_letters_a_prefix() -> None:
    assert parse_query("d*").groups == ((Term("d"),),)
    assert parse_query("de*").groups == ((Term("de", prefix=True),),)


def test_common_words_are_ignored_beside_other_terms() -> None:
    assert parse_query("funciones de la secretaría").groups == ((Term("funciones"),), (Term("secretaria"),))
    lone = parse_query("de la")
    assert lone.only_common_words
    assert lone.groups == ((Term("de"),), (Term("la"),))


@pytest.mark.parametrize("text", ["", "   ", "...", "¿?¡!", '"', '""', "o", "o o", "*", "-", "--"])
def test_nothing_to_search(text: str) -> None:
    assert parse_query(text).is_empty


@pytest.mark.parametrize(
    ("text", "phrase"),
    [("5-A", ("5", "a")), ("l'estado", ("l", "estado")), ("2.2.5.1.1", ("2", "2", "5", "1", "1"))],
)
def test_punctuated_tokens_become_phrases(text: str, phrase: tuple[str, ...]) -> None:
    assert parse_query(text).groups == ((Phrase(phrase),),)


def test_unbalanced_quote_runs_to_the_end() -> None:
    assert parse_query('"sin cerrar').groups == ((Phrase(("sin", "cerrar")),),)


def test_huge_input_is_bounded() -> None:
    query = parse_query("palabra " * 5000)
    assert 0 < len(query.groups) <= 24


@pytest.mark.parametrize(
    ("text", "citation"),
    [
        ("decreto 267 de 2007", Citation("decreto", 267, 2007)),
        ("Decreto 267/2007", Citation("decreto", 267, 2007)),
        ("D. 267 de 2007", Citation("decreto", 267, 2007)),
        ("decreto 059 de 2012", Citation("decreto", 59, 2012)),
        ("acuerdo 257", Citation("acuerdo", 257)),
        ("art 7 lit n del decreto 267", Citation("decreto", 267, None, "7", "n")),
        ("artículo 7, literal n", Citation(article="7", literal="n")),
        ("literal n", Citation(literal="n")),
        ("Resolución 630 de 2024", Citation("resolucion", 630, 2024)),
    ],
)
def test_citations(text: str, citation: Citation) -> None:
    assert parse_citation(text) == citation


@pytest.mark.parametrize("text", ["gestion documental", "Bogotá D.C. 2007", "literales", "artes 7"])
def test_not_citations(text: str) -> None:
    assert parse_citation(text) is None


def test_stems_join_singular_and_plural() -> None:
    assert stem("funciones") == stem("función") == "funcion"
    assert stem("Políticas") == stem("politica")
    assert stem("decretos") == stem("decreto")


def test_snippet_marks_exact_stemmed_and_prefixed_words() -> None:
    matcher = Matcher.for_query(parse_query("función documental* archivos"))
    pieces = snippet("Las funciones de gestión documental y de archivos del Distrito.", matcher)
    assert [text for text, marked in pieces if marked] == ["funciones", "documental", "archivos"]
    assert marked_text(pieces) == "Las «funciones» de gestión «documental» y de «archivos» del Distrito."


def test_snippet_of_a_long_text_is_cut_around_the_match() -> None:
    text = "palabra " * 100 + "archivos " + "palabra " * 100
    pieces = snippet(text, Matcher.for_query(parse_query("archivos")))
    rendered = marked_text(pieces)
    assert rendered.startswith("… ")
    assert rendered.endswith(" …")
    assert "«archivos»" in rendered
    assert len(rendered) < 400


def test_a_citations_words_are_not_marked_in_the_text() -> None:
    query = parse_query("decreto 267 de 2007 art 7 lit n archivo")
    assert query.citation is not None
    matcher = Matcher.for_query(query).without_citation(query.citation)
    text = "Decreto 267 de 2007, art. 7: n. Dirigir el archivo de Bogotá"
    assert [text[a:b] for a, b in matcher.spans(text)] == ["archivo"]
    assert [text[a:b] for a, b in Matcher.for_query(query).spans(text)] != ["archivo"], "as before"


@pytest.mark.parametrize(
    ("filters", "active"),
    [
        (SearchFilters(), False),
        (SearchFilters(kinds=frozenset({"norma"})), True),
        (SearchFilters(norm_types=frozenset({"decreto"})), True),
        (SearchFilters(year_from=2000), True),
        (SearchFilters(year_to=2010), True),
        (SearchFilters(norm_types=frozenset({"decreto"}), year_to=2010), True),
    ],
)
def test_any_filter_alone_counts_as_a_filter_in_use(filters: SearchFilters, active: bool) -> None:
    """What the no-results tips call «filtros en uso»: each filter by itself."""
    assert filters.active is active
