"""The query builder (store/search.py): FTS5 expressions from parsed queries, filters and
citations, rule by rule. User text never reaches MATCH unquoted."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import example, given

from sgdesk.content.citations import Citation
from sgdesk.content.query import SearchFilters, parse_query
from sgdesk.store.search import citation_expression, filter_expression, text_expression
from tests.content.test_query_grammar import queries


def test_no_words_no_expression() -> None:
    assert text_expression(parse_query("")) is None
    assert text_expression(parse_query("-solo -exclusiones")) is None


def test_every_word_is_a_quoted_string() -> None:
    expression = text_expression(parse_query('gestión "daño antijurídico" o víctimas -paz gest*'))
    assert expression is not None
    for quoted in ('"gestion"', '"dano antijuridico"', '"victimas"', '"paz"', '"gest"*'):
        assert quoted in expression
    assert expression.count(" NOT ") == 1
    assert expression.index('"paz"') > expression.index(" NOT ")


def test_groups_are_anded_and_alternatives_ored() -> None:
    expression = text_expression(parse_query("uno o dos tres"))
    assert expression is not None
    assert expression.count(") AND (") == 1
    group, _ = expression.split(") AND (", 1)
    assert '"uno"' in group
    assert '"dos"' in group
    assert " OR " in group


@pytest.mark.parametrize(
    ("filters", "expression"),
    [
        (SearchFilters(), None),
        (SearchFilters(kinds=frozenset({"norma"})), "facets : ((zknorm))"),
        (SearchFilters(kinds=frozenset({"disposicion"})), "facets : ((zkart OR zklit))"),
        (SearchFilters(kinds=frozenset({"otra"})), "facets : ((zknone))"),  # unknown: matches nothing
        (SearchFilters(norm_types=frozenset({"resolución"})), "facets : ((ztresolucion))"),
        (SearchFilters(year_from=2008, year_to=2009), "facets : ((zy2008 OR zy2009))"),
        (SearchFilters(year_from=2009, year_to=2008), "facets : ((zy2008 OR zy2009))"),  # reversed
        (SearchFilters(kinds=frozenset({"general"}), year_from=2012, year_to=2012),
         "facets : ((zksec) AND (zy2012))"),
    ],
)  # fmt: skip
def test_filters(filters: SearchFilters, expression: str | None) -> None:
    assert filter_expression(filters) == expression


def test_open_year_ranges_are_bounded() -> None:
    expression = filter_expression(SearchFilters(year_from=2099))
    assert expression is not None
    assert expression.count("zy") == 2  # 2099 and 2100


@pytest.mark.parametrize(
    ("citation", "expression"),
    [
        (Citation("decreto", 267, 2007), "facets : (zknorm AND ztdecreto AND zn267 AND zy2007)"),
        (Citation("acuerdo", 257), "facets : (zknorm AND ztacuerdo AND zn257)"),
        (Citation(article="7"), "facets : (zkart AND za7)"),
        (Citation(literal="n"), "facets : (zklit AND zln)"),
        (
            Citation("decreto", 267, None, "7", "n"),
            "facets : (zklit AND zln AND za7 AND ztdecreto AND zn267)",
        ),
    ],
)
def test_citations(citation: Citation, expression: str) -> None:
    assert citation_expression(citation) == expression


@given(queries)
@example("archivo " + "-a " * 600)
@example("archivo " + "o archivo " * 600)
def test_every_generated_expression_is_valid_fts5(text: str) -> None:
    """FTS5 itself parses what the builder writes (an in-memory table, nothing indexed)."""
    expression = text_expression(parse_query(text))
    if expression is None:
        return
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE t USING fts5(title, text, stems, facets)")
        connection.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()
    finally:
        connection.close()
