"""The facade: pages carry breadcrumb, record, provenance and amendments."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sgdesk.errors import UnknownNodeError
from sgdesk.library import Library
from sgdesk.store.schema import SCHEMA_VERSION


def test_page_of_a_literal_added_later(library: Library) -> None:
    page = library.page("decreto-267-2007/art-7/lit-n")
    assert [n.id for n in page.breadcrumb] == [
        "informacion-general", "funciones", "decreto-267-2007", "decreto-267-2007/art-7",
    ]  # fmt: skip
    assert page.norm is not None
    assert page.norm.id == "decreto-267-2007"
    assert page.units[0].notes == ("Adicionado por el artículo 2 del Decreto 163 de 2008",)


def test_norm_page_lists_its_parts_and_changes(library: Library) -> None:
    page = library.page("decreto-163-2008")
    assert [u.node.id for u in page.units] == [
        "decreto-163-2008", "decreto-163-2008/art-2", "decreto-163-2008/art-3",
    ]  # fmt: skip
    summaries = [a.summary for a in page.amendments]
    assert summaries == [
        "Crea la Dirección Distrital de Relaciones Internacionales",
        "Adiciona el literal n del artículo 7 del Decreto 267 de 2007",
        "Adiciona el literal l del artículo de número no registrado del Decreto 267 de 2007 "
        "(«Funciones del Despacho del Secretario General»)",
    ]


def test_renaming_summary_has_old_and_new_names(library: Library) -> None:
    (renaming,) = library.page("decreto-502-2009").amendments
    assert renaming.summary.startswith(
        "Cambia la denominación de la Subdirección de Conceptos por "
        "«Subdirección Distrital de Doctrina y Asuntos Normativos»"
    )
    assert len(renaming.targets) == 4


def test_ids_are_forgiving_and_unknown_ones_explained(library: Library) -> None:
    assert library.node("Decreto-077-2012").id == "decreto-77-2012"
    with pytest.raises(UnknownNodeError) as caught:
        library.node("visíon")
    assert "vision" in caught.value.suggestions


def test_children_in_order(library: Library) -> None:
    (root,) = library.children(None)
    assert [c.id for c in library.children(root.id)] == [
        "mision", "vision", "funciones", "politicas-generales", "valores", "objetivos-estrategicos",
    ]  # fmt: skip


def test_what_the_library_says_about_its_content(library: Library, corpus_db: Path) -> None:
    info = library.info
    assert info.path == corpus_db
    assert info.schema_version == SCHEMA_VERSION
    assert len(info.content_version) >= 8
    assert info.edition >= 1
    assert library.timeline().offices  # the offices reach the timeline


def test_pages_of_sections_norms_and_units(library: Library) -> None:
    section = library.page("funciones")
    assert [c.id for c in section.children][:2] == ["acuerdo-257-2006", "decreto-267-2007"]
    assert section.amendments == ()
    assert [u.depth for u in section.units] == [0]
    norm = library.page("decreto-163-2008")
    assert norm.children == ()
    assert norm.amendments
    article = library.page("decreto-267-2007/art-7")
    assert article.amendments == ()
    assert [u.depth for u in article.units][:2] == [0, 1]
    assert article.currency is not None
    assert article.seen_on == date.today()
    assert library.page("decreto-267-2007/art-7", today=date(2030, 1, 1)).seen_on == date(2030, 1, 1)


def test_an_unknown_event_is_explained(library: Library) -> None:
    with pytest.raises(UnknownNodeError) as caught:
        library.event_location("decreto-1-1999#0")
    assert "decreto-1-1999#0" in caught.value.message


def test_suggestions_for_an_unknown_id_are_few_and_close(library: Library) -> None:
    with pytest.raises(UnknownNodeError) as caught:
        library.node("decreto-267-2007/art-7/lit-z")
    assert len(caught.value.suggestions) == 5  # fourteen literals are close: the five closest
    assert all(s.startswith("decreto-267-2007/art-7") for s in caught.value.suggestions)
    assert "decreto-267-2007/art-7/lit-z" in caught.value.message


def test_a_search_shows_twenty_results_at_a_time_unless_told(library: Library) -> None:
    results = library.search("de")
    assert results.total > 20
    assert len(results.hits) == 20
    assert len(library.search("de", limit=5).hits) == 5


def test_the_statements_for_benchmarks_search_the_synonyms_too(library: Library) -> None:
    [(_, expression)] = library.fts_statements("ddri")
    assert "internacionales" in expression  # «Dirección Distrital de Relaciones Internacionales»


def test_headings_are_the_units_by_exact_id_without_their_text(library: Library) -> None:
    """What a search of Mis notas lists for its notes: each unit once, by its exact id, with
    its title and place but no body to decode; an id the corpus lacks is left out."""
    ids = ["decreto-267-2007/art-7/lit-k", "mision", "no-existe", "mision", "Decreto-267-2007"]
    found = library.headings(ids)
    assert set(found) == {"decreto-267-2007/art-7/lit-k", "mision"}
    for node_id, light in found.items():
        full = library.node(node_id)
        assert light.id == node_id
        assert (light.parent, light.position, light.kind, light.title, light.citation, light.label) == (
            full.parent, full.position, full.kind, full.title, full.citation, full.label
        )  # fmt: skip
        assert (light.norm, light.child_count) == (full.norm, full.child_count)
        assert light.body == ()
        assert full.plain_text.startswith(light.preview[:60])
    assert library.headings([]) == {}


def test_a_corrected_search_shows_the_suggestions_results_from_the_first(library: Library) -> None:
    corrected = library.search("documetnal")
    assert (corrected.suggestion, corrected.corrected_from) == ("documental", "documetnal")
    direct = library.search("documental")
    assert [h.node.id for h in corrected.hits] == [h.node.id for h in direct.hits]
    assert corrected.total == direct.total == 2
    assert corrected.offset == 0


@pytest.mark.parametrize(
    ("text", "prefix_last", "suggestion"),
    [
        ("gest* documetnal", False, "gest* documental"),  # a prefix's group is skipped, not the rest
        ('"gestion" documetnal', False, '"gestion" documental'),
        ("documetnal gest*", False, "documental gest*"),
        ("documetnal polit", True, "documental polit"),  # the word being typed is not checked
        ("politicas documetnal", True, None),
    ],
)
def test_each_finished_word_is_checked_whatever_the_groups_around_it(
    library: Library, text: str, prefix_last: bool, suggestion: str | None
) -> None:
    assert library.search(text, prefix_last=prefix_last).suggestion == suggestion


def test_todays_text_of_a_corpus_without_repeals_marks_only_what_later_changes_touch(
    library: Library,
) -> None:
    """The shipped corpus records no repeal: today's text is in force, except what a later
    change not incorporated (Decreto 456 de 2015 on the Decreto 267 de 2007) may have altered."""
    from sgdesk.content.timeline import Status

    today = date(2026, 1, 1)
    decree = library.page("decreto-267-2007", today=today)
    assert {unit.status for unit in decree.units} == {Status.POSSIBLY_MODIFIED}
    assert {c.id for unit in decree.units for c in unit.by} == {"decreto-456-2015"}
    untouched = library.page("decreto-163-2008", today=today)
    assert {(unit.status, unit.by) for unit in untouched.units} == {(Status.IN_FORCE, ())}
    assert len(untouched.units) > 1


def test_a_progress_handler_is_called_while_searching_and_can_stop_the_search(library: Library) -> None:
    """What the search worker uses to stop a superseded query inside SQLite."""
    from sgdesk.store.search import SearchError

    calls: list[int] = []

    def counted() -> int:
        calls.append(1)
        return 0

    library.on_progress(counted, 1)
    assert library.search("gestion documental").hits
    assert calls
    library.on_progress(lambda: 1, 1)
    with pytest.raises(SearchError, match="interrumpida"):
        library.search("funciones")
    library.on_progress(None)
    calls.clear()
    assert library.search("politicas").hits
    assert calls == []


def test_a_hit_whose_parent_is_missing_has_an_empty_breadcrumb(
    corpus_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged corpus (a unit under a parent that is not there, too large to check at open):
    its hits still show, with no breadcrumb rather than a broken one."""
    from sgdesk.store import db
    from tests.altered import altered_copy

    monkeypatch.setattr(db, "FULL_CHECK_LIMIT", 0)
    orphaned = altered_copy(
        corpus_db, tmp_path / "huerfano.db", "UPDATE nodes SET parent = 'no-existe' WHERE id = 'mision'"
    )
    library = Library.open(orphaned)
    try:
        (hit,) = [h for h in library.search("mision").hits if h.node.id == "mision"]
    finally:
        library.close()
    assert hit.node.parent == "no-existe"
    assert hit.path == ()


def test_a_text_searched_again_is_neither_understood_nor_planned_again(
    corpus_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Library keeps what it worked out for a text (its query, «¿Quiso decir…?», the store's
    plan per set of filters): another page, the same search again or the corrected search do
    not work it out again (what typing and «Más resultados» rely on to stay fast)."""
    import sgdesk.content.query as query_module
    from sgdesk.content.query import SearchFilters
    from sgdesk.store.search import SearchStore

    counts = {"parse": 0, "plan": 0, "suggestion": 0}

    def counting(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            counts[name] += 1
            return function(*args, **kwargs)

        return counted

    monkeypatch.setattr(query_module, "parse_query", counting("parse", query_module.parse_query))
    monkeypatch.setattr(SearchStore, "_plan", counting("plan", SearchStore._plan))
    monkeypatch.setattr(Library, "_suggestion", counting("suggestion", Library._suggestion))
    library = Library.open(corpus_db)
    try:
        first = library.search("funciones secretaria", limit=2)
        assert library.search("funciones secretaria", limit=2) == first
        assert library.search("funciones secretaria", limit=2, offset=2).hits
        # rows found by two plain words prove both known: no spelling lookup (see _all_known)
        assert counts == {"parse": 1, "plan": 1, "suggestion": 0}
        library.search("funciones secretaria", SearchFilters(kinds=frozenset({"norma"})))
        assert counts == {"parse": 1, "plan": 2, "suggestion": 0}  # other filters: a plan of their own
        assert library.search("documetnal").corrected_from == "documetnal"
        assert library.search("documetnal").corrected_from == "documetnal"
        assert counts == {"parse": 3, "plan": 4, "suggestion": 1}  # the text and its correction, once each
    finally:
        library.close()
