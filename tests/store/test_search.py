"""Search on the real corpus: the right node first, citations, filters, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sgdesk.content.query import SearchFilters
from sgdesk.library import Library
from sgdesk.store.search import SearchError
from tests.altered import altered_copy


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("gestion documental", {"decreto-267-2007/art-7/lit-h"}),
        ("relaciones internacionales", {"decreto-267-2007/art-7/lit-n", "decreto-163-2008"}),
        ("daño antijuridico", {"decreto-267-2007/art-7/lit-c"}),
        ("victimas", {"decreto-59-2012"}),
        ("tecnologias de informacion", {"decreto-77-2012"}),
        ("solidaridad", {"valores"}),
        ("decreto 267 de 2007", {"decreto-267-2007"}),
        ("art 7 lit n", {"decreto-267-2007/art-7/lit-n"}),
        # more of our own
        ("Decreto 267/2007", {"decreto-267-2007"}),
        ("D. 267 de 2007", {"decreto-267-2007"}),
        ("decreto 059 de 2012", {"decreto-59-2012"}),
        ("acuerdo 257", {"acuerdo-257-2006"}),
        ("literal n", {"decreto-267-2007/art-7/lit-n"}),
        ("art 7 lit n del decreto 267", {"decreto-267-2007/art-7/lit-n"}),
        ("funciones", {"funciones"}),
        ("politicas", {"politicas-generales"}),
        ("mision", {"mision"}),
        ("defensor del ciudadano", {"decreto-267-2007/art-7/lit-f"}),
        ("personas juridicas sin animo de lucro", {"decreto-502-2009"}),
        ("concejo", {"acuerdo-257-2006"}),
        ("archiv*", {"decreto-267-2007/art-7/lit-h"}),
        ('"memoria institucional"', {"decreto-267-2007/art-7/lit-h"}),
    ],
)
def test_the_right_node_comes_first(library: Library, text: str, first: set[str]) -> None:
    results = library.search(text)
    assert results.hits, f"no results for {text!r}"
    assert results.hits[0].node.id in first


def test_accents_and_plural_do_not_matter(library: Library) -> None:
    ids = {h.node.id for h in library.search("funcion").hits}
    assert ids == {h.node.id for h in library.search("FUNCIONES").hits}
    assert "decreto-267-2007/art-7" in ids


def test_or_and_exclusion(library: Library) -> None:
    either = {h.node.id for h in library.search("victimas o solidaridad").hits}
    assert {"decreto-59-2012", "valores"} <= either
    without = {h.node.id for h in library.search("relaciones internacionales -despacho").hits}
    assert "decreto-267-2007/art-despacho/lit-l" not in without
    assert "decreto-163-2008" in without


def test_hits_carry_path_and_highlighted_snippet(library: Library) -> None:
    hit = library.search("gestion documental").hits[0]
    assert hit.path == ("Información General", "Funciones", "Decreto 267 de 2007",
                        "Artículo 7. Funciones de la Secretaría General")  # fmt: skip
    assert [text for text, marked in hit.snippet if marked] == ["gestión", "documental"]


def test_limit_counts_cited_units_too(library: Library) -> None:
    results = library.search("decreto 267 de 2007", limit=1)
    assert [h.node.id for h in results.hits] == ["decreto-267-2007"]
    assert results.total == 3


def test_totals_and_paging(library: Library) -> None:
    first = library.search("politicas", limit=5)
    second = library.search("politicas", limit=5, offset=5)
    assert first.total == second.total >= 10
    assert not {h.node.id for h in first.hits} & {h.node.id for h in second.hits}


@pytest.mark.parametrize(
    ("filters", "kinds"),
    [
        (SearchFilters(kinds=frozenset({"norma"})), {"norm"}),
        (SearchFilters(kinds=frozenset({"disposicion"})), {"article", "literal"}),
        (SearchFilters(kinds=frozenset({"general"})), {"section"}),
    ],
)
def test_kind_filters(library: Library, filters: SearchFilters, kinds: set[str]) -> None:
    hits = library.search("secretaria", filters=filters, limit=50).hits
    assert hits
    assert {h.node.kind.value for h in hits} <= kinds


def test_type_and_year_filters(library: Library) -> None:
    acuerdos = library.search("secretaria", filters=SearchFilters(norm_types=frozenset({"acuerdo"})))
    assert {h.node.norm for h in acuerdos.hits} == {"acuerdo-257-2006"}
    in_2012 = library.search("oficina", filters=SearchFilters(year_from=2012, year_to=2012))
    assert {h.node.id for h in in_2012.hits} == {"decreto-59-2012", "decreto-77-2012"}
    none = library.search("oficina", filters=SearchFilters(year_from=1990, year_to=2000))
    assert none.hits == ()


def test_lone_common_word_is_answered_unranked_and_bounded(library: Library) -> None:
    results = library.search("de", limit=5)
    assert results.query.only_common_words
    assert len(results.hits) == 5
    assert results.total > 20


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text())
@example('"')
@example('"unbalanced')
@example("funciones AND")
@example("NEAR(a b)")
@example("title:foo")
@example("'; DROP TABLE nodes; --")
@example("a* b* c* -d -e o o o")
@example("🙂 función 🙂")
@example("\x00\x01\x1f control")
@example("x" * 10_000)
@example("de " * 3000)
@example('{title text} : "x"')
def test_search_never_raises(library: Library, text: str) -> None:
    results = library.search(text, limit=5)
    assert len(results.hits) <= 5
    assert results.total >= len(results.hits) or results.total_capped


def test_damaged_index_is_a_spanish_error(tmp_path: Path, corpus_db: Path) -> None:
    damaged = altered_copy(corpus_db, tmp_path / "damaged.db",
                           "UPDATE nodes_fts_data SET block = x'00ff00ff00ff' WHERE id > 1")  # fmt: skip
    library = Library.open(damaged)
    try:
        with pytest.raises(SearchError, match="El índice de búsqueda está dañado"):
            library.search("funciones")
    finally:
        library.close()


def test_an_index_that_lost_its_structure_is_a_spanish_error(tmp_path: Path, corpus_db: Path) -> None:
    """A blank structure record reads as an empty index: searches must not just say "Sin resultados"."""
    damaged = altered_copy(
        corpus_db, tmp_path / "blank-structure.db", "UPDATE nodes_fts_data SET block = x'00' WHERE id = 10"
    )  # the structure record
    library = Library.open(damaged)
    try:
        with pytest.raises(SearchError, match="El índice de búsqueda está dañado"):
            library.search("funciones")
        with pytest.raises(SearchError, match="sgdesk db check"):
            library.search("zzzz palabra que no está")
    finally:
        library.close()


def test_a_search_with_no_hits_on_a_sound_index_is_just_empty(library: Library) -> None:
    results = library.search("palabrainexistente")
    assert results.total == 0
    assert results.hits == ()


def test_very_common_terms_are_ranked_on_a_bounded_sample(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the count cap, bm25 runs on the first RANK_SAMPLE matches only, and says so.

    The real corpus is small, so the thresholds are lowered to make "politicas" very common.
    """
    from sgdesk.store import search

    full = library.search("politicas", limit=50)
    assert not full.sampled
    monkeypatch.setattr(search, "COUNT_CAP", 5)
    monkeypatch.setattr(search, "RANK_SAMPLE", 8)
    sampled = library.search("politicas", limit=4)
    assert sampled.sampled
    assert sampled.total_capped
    assert sampled.total == 5
    assert len(sampled.hits) == 4
    scores = [hit.score for hit in sampled.hits]
    assert scores == sorted(scores, reverse=True)
    second_page = library.search("politicas", limit=4, offset=4)
    assert len(second_page.hits) == 4  # the sample holds 8
    assert not {h.node.id for h in sampled.hits} & {h.node.id for h in second_page.hits}
