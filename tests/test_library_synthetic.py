"""The facade on the synthetic corpus with its offices and later changes (tests/synthetic.py):
what a page says on today's text and on a date, what the corpus holds, searches with typos, the
timeline built elsewhere. Decreto 8 de 2010 (in force 5 February 2010, not incorporated) may
have modified article 1 of Decreto 1 de 2000 and the structure; the horizon is 10 May 2006."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from sgdesk.content.dates import PartialDate
from sgdesk.content.query import SearchFilters
from sgdesk.content.timeline import Status
from sgdesk.errors import DatabaseError, UnknownNodeError
from sgdesk.library import ContentInfo, Library
from tests.synthetic import build

ART_1 = "decreto-1-2000/art-1"
LIT_C = f"{ART_1}/lit-c"  # added in July 2003 (day not recorded)
LATER = "decreto-8-2010"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("sintetico"), offices=True)


@pytest.fixture
def synthetic(database: Path) -> Iterator[Library]:
    library = Library.open(database)
    yield library
    library.close()


def test_the_horizon_is_the_latest_change_and_an_unknown_one_stays_unknown(synthetic: Library) -> None:
    assert synthetic.info.as_of == "2006-05-10"
    assert synthetic.info.as_of_text == "10 de mayo de 2006"
    assert synthetic.currency().as_of_text == "10 de mayo de 2006"
    assert synthetic.info.edition == synthetic.currency().edition == 2
    for unknown in ("", "2006-13", "mayo"):
        info = ContentInfo(Path("x.db"), 5, "v", unknown)
        assert info.horizon is None
        assert info.as_of_text == "sin fecha registrada"


def test_todays_text_marks_units_from_when_a_later_change_may_take_effect(synthetic: Library) -> None:
    """Acuerdo 9 de 2011 (known by the year) may alter «mision»: uncertain during 2011, then
    «posiblemente modificada»."""
    marks = {}
    for day in (date(2010, 12, 31), date(2011, 6, 1), date(2012, 1, 1)):
        page = synthetic.page("mision", today=day)
        assert page.as_of is None
        assert page.seen_on == day
        assert page.later_ids == frozenset({"acuerdo-9-2011"})
        marks[day.year] = [(u.status, tuple(c.id for c in u.by)) for u in page.units]
    assert marks == {
        2010: [(Status.IN_FORCE, ())],
        2011: [(Status.UNCERTAIN, ("acuerdo-9-2011",))],
        2012: [(Status.POSSIBLY_MODIFIED, ("acuerdo-9-2011",))],
    }


def test_todays_text_keeps_a_repealed_unit_not_in_force_whatever_came_later(synthetic: Library) -> None:
    """Decreto 1 de 2000 was repealed in 2005: Decreto 8 de 2010, a later change aimed at its
    article 1, cannot make today's text of it in force, or «posiblemente modificada»."""
    for day in (date(2010, 2, 4), date(2010, 2, 5)):
        page = synthetic.page(ART_1, today=day)
        assert {u.status for u in page.units} == {Status.NOT_IN_FORCE}
        assert page.later_ids == frozenset({LATER})


def test_a_page_says_whether_its_day_is_after_the_horizon(synthetic: Library) -> None:
    assert synthetic.page(ART_1, today=date(2010, 2, 4)).after_horizon
    assert not synthetic.page(ART_1, as_of=date(2006, 5, 10)).after_horizon
    assert synthetic.page(ART_1, as_of=date(2006, 5, 11)).after_horizon
    assert not synthetic.page(ART_1, today=date(2006, 5, 1)).after_horizon


def test_a_page_on_a_date_has_each_units_status_and_the_later_changes_behind_it(synthetic: Library) -> None:
    page = synthetic.page(ART_1, as_of=date(2003, 7, 15))
    assert page.as_of == page.seen_on == date(2003, 7, 15)
    assert {u.node.id: u.status for u in page.units}[LIT_C] is Status.UNCERTAIN
    assert [u.depth for u in page.units] == [0, 1, 1, 1]
    assert page.title == "Artículo 1"
    later = synthetic.page(ART_1, as_of=date(2010, 3, 1))
    assert {u.status for u in later.units} == {Status.NOT_IN_FORCE}  # the norm was repealed in 2005
    nodes = [synthetic.node(ART_1), synthetic.node(LIT_C)]
    assert synthetic.statuses(nodes, date(2003, 7, 15)) == {ART_1: Status.IN_FORCE, LIT_C: Status.UNCERTAIN}
    states = synthetic.states(nodes, date(2003, 7, 15))
    assert (states[LIT_C].status, states[LIT_C].by) == (Status.UNCERTAIN, ())


def test_the_later_changes_of_a_page_include_the_structure_for_norms_that_made_offices(
    synthetic: Library,
) -> None:
    assert synthetic.page("decreto-4-2006").later_ids == frozenset({LATER})  # it created an office
    assert synthetic.page("decreto-2-2003").later_ids == frozenset()
    assert synthetic.page("funciones").later_ids == frozenset({LATER})  # it lists Decreto 1 de 2000
    assert synthetic.page("mision").later_ids == frozenset({"acuerdo-9-2011"})
    both = synthetic.later_for([synthetic.page("mision"), synthetic.page(ART_1)])  # an export's pages
    assert [c.id for c in both] == [LATER, "acuerdo-9-2011"]


def test_events_on_offices_open_the_norm_at_its_article(synthetic: Library) -> None:
    assert synthetic.event_location("decreto-4-2006#1") == ("decreto-4-2006", "decreto-4-2006/art-1")
    assert synthetic.event_location("decreto-4-2006#2") == ("decreto-4-2006", "decreto-4-2006/art-2")
    with pytest.raises(UnknownNodeError) as caught:
        synthetic.event_location("decreto-4-2006#9")
    assert caught.value.suggestions == []


def test_the_compiled_view_of_an_article_and_of_a_section(synthetic: Library) -> None:
    page = synthetic.compiled(ART_1, date(2003, 6, 30))
    assert page.title == "Artículo 1"  # no heading given: the node's title
    assert page.units[0].node.id == ART_1
    assert page.units[0].notes == ()
    assert page.compiled
    section = synthetic.compiled("mision", date(2003, 6, 30))
    assert [u.node.id for u in section.units] == ["mision"]


def test_what_the_corpus_holds(synthetic: Library) -> None:
    assert synthetic.held_filters() == (
        frozenset({"general", "norma", "disposicion"}),
        frozenset({"decreto"}),
    )
    assert [n.id for n in synthetic.path_to(f"{ART_1}/lit-a")] == [
        "informacion-general", "funciones", "decreto-1-2000", ART_1, f"{ART_1}/lit-a",
    ]  # fmt: skip
    every = synthetic.all_nodes()
    assert len(every) == len({n.id for n in every}) == 19
    assert [n.id for n in every if n.parent == "funciones"] == [c.id for c in synthetic.children("funciones")]
    assert synthetic.closest_ids("decreto-1-2000/art-3", 2) == [
        "decreto-1-2000/art-2",
        "decreto-1-2000/art-1",
    ]
    assert synthetic.closest_ids("misiones-de") == ["mision", "funciones"]  # half the letters in common
    norm = synthetic.norm("decreto-4-2006")
    assert norm is not None
    assert (norm.title, norm.in_force) == ("Decreto 4 de 2006", PartialDate(2006, 5, 12))


def test_a_typo_finds_what_the_corrected_text_finds_and_says_so(synthetic: Library) -> None:
    typed = synthetic.search("prueva")
    assert (typed.suggestion, typed.corrected_from) == ("prueba", "prueva")
    assert typed.total == synthetic.search("prueba").total == 9
    exact = synthetic.search("prueva", exact=True)
    assert (exact.total, exact.suggestion, exact.corrected_from) == (0, "prueba", None)
    assert synthetic.search("prueva 2000").suggestion == "prueba 2000"  # numbers are not corrected
    assert synthetic.search("prueva lit*").suggestion == "prueba lit*"  # nor prefixes
    assert synthetic.search("prueva literal").suggestion == "prueba literal"
    either = synthetic.search("literal o prueva")  # «literal» finds rows: a suggestion, no correction
    assert (either.suggestion, either.corrected_from, either.total) == ("literal o prueba", None, 7)
    assert synthetic.search("prueva", prefix_last=True).suggestion is None  # still being typed
    assert synthetic.search("prueva", offset=20).suggestion is None  # a later page of results
    assert synthetic.search('"prueva"').suggestion == '"prueba"'  # a quoted word
    assert synthetic.search('"prueva literl"').suggestion == '"prueba literal"'  # the words of a phrase
    assert synthetic.search("prueva literl").suggestion == "prueba literal"  # every unknown word
    assert synthetic.search("pruebas").suggestion is None  # known by its stem


def test_a_word_known_only_by_its_stem_is_no_typo_where_the_spelling_is_checked(synthetic: Library) -> None:
    """«pruebas», «artículos» and «literales» are not in the index as written, only their stems
    are. A search whose rows cannot vouch for every word (an accented word, an «o» group, no
    rows at all) looks its words up: no «¿Quiso decir…?» for them, and only the typo beside
    them is corrected."""
    for text in ("artículos", "pruébas", "pruebas o literal", "literales o prueba"):
        found = synthetic.search(text)
        assert (found.total > 0, found.suggestion, found.corrected_from) == (True, None, None), text
    typo = synthetic.search("pruebas prueva")
    assert (typo.suggestion, typo.corrected_from) == ("pruebas prueba", "pruebas prueva")
    assert typo.total == synthetic.search("pruebas prueba").total == 9
    assert synthetic.search("literales o prueva").suggestion == "literales o prueba"


def test_the_corrected_search_keeps_the_filters_the_limit_and_the_word_being_typed(
    synthetic: Library,
) -> None:
    norms = SearchFilters(kinds=frozenset({"norma"}))
    assert synthetic.search("prueva", norms).total == synthetic.search("prueba", norms).total == 1
    two = synthetic.search("prueva", limit=2)
    assert [h.node.id for h in two.hits] == [h.node.id for h in synthetic.search("prueba", limit=2).hits]
    typing = synthetic.search("prueva lit", prefix_last=True)
    assert (typing.corrected_from, typing.total) == ("prueva lit", 3)  # «lit» still a prefix


def test_a_search_reads_whole_words_unless_told(synthetic: Library) -> None:
    assert synthetic.search("lit", exact=True).total == 0
    assert synthetic.search("lit", prefix_last=True).total > 0
    empty = synthetic.search("  ¿? ", offset=40)
    assert (empty.total, empty.hits, empty.total_capped, empty.offset) == (0, (), False, 40)
    assert empty.query.is_empty


def test_the_statements_a_search_runs_can_be_timed_alone(synthetic: Library) -> None:
    [(sql, expression)] = synthetic.fts_statements("literal")
    assert sql.endswith("LIMIT 20")
    assert '"literal"' in expression
    assert len(synthetic.fts_statements("liter", prefix_last=True)) == 2  # the word, then its completions
    [(sql, expression)] = synthetic.fts_statements("literal", SearchFilters(kinds=frozenset({"norma"})), 5)
    assert sql.endswith("LIMIT 5")
    assert "facets" in expression


def test_hits_carry_their_place_a_snippet_and_whether_a_citation_named_them(synthetic: Library) -> None:
    results = synthetic.search("prueba", limit=3)
    assert (results.total, results.total_capped, results.sampled) == (9, False, False)
    first = results.hits[0]
    assert (first.node.id, first.path, first.cited) == ("mision", ("Información General",), False)
    assert ("prueba", True) in first.snippet
    assert all(hit.score > 0 for hit in results.hits)
    (root,) = synthetic.search("información general").hits  # no text of its own: its title
    funciones = next(h for h in synthetic.search("funciones").hits if h.node.id == "funciones")
    assert funciones.snippet[0][0].startswith("Ver decreto 001 de 2000")  # its links, then
    assert synthetic.search("prueba", offset=3).offset == 3
    assert "".join(part for part, _ in root.snippet) == "Información General"
    cited = synthetic.search("decreto 2 de 2003")
    assert [(h.node.id, h.cited, h.score) for h in cited.hits] == [("decreto-2-2003", True, 0.0)]
    assert results.matcher.matches("pruebas")  # the results mark the words searched
    assert not results.matcher.matches("literal")
    assert any('"literal"' in expression for _, expression in synthetic.fts_statements("literal"))


def test_a_timeline_built_elsewhere_is_adopted_once(synthetic: Library, database: Path) -> None:
    assert not synthetic.timeline_built
    other = Library.open(database)
    try:
        built = other.timeline()
        synthetic.use_timeline(built)
        assert synthetic.timeline_built
        assert synthetic.timeline() is built
        synthetic.use_timeline(Library.open(database).timeline())
        assert synthetic.timeline() is built
    finally:
        other.close()


def test_damaged_data_read_later_names_the_file(tmp_path: Path, database: Path) -> None:
    damaged = tmp_path / "fecha-mala.db"
    damaged.write_bytes(database.read_bytes())
    with sqlite3.connect(damaged) as connection:
        connection.execute("UPDATE norms SET issued = '2000-13-45' WHERE id = 'decreto-3-2005'")
    connection.close()
    library = Library.open(damaged)
    try:
        with pytest.raises(DatabaseError) as caught:
            library.page("decreto-3-2005")
        assert str(damaged) in caught.value.message
    finally:
        library.close()


def test_the_completions_cap_the_ui_shows_is_the_vocabularys() -> None:
    """``sgdesk.library.MAX_COMPLETIONS`` (loaded on first use, with the search modules) is the
    store's cap, and a name the module lacks is an AttributeError that names it."""
    import sgdesk.library as library
    from sgdesk.store.vocab import MAX_COMPLETIONS

    assert library.MAX_COMPLETIONS == MAX_COMPLETIONS
    with pytest.raises(AttributeError, match=r"^module 'sgdesk\.library' has no attribute 'no_existe'$"):
        _ = library.no_existe  # type: ignore[attr-defined]


def _days(library: Library) -> list[date]:
    """Every boundary the statuses can turn on: each event's and norm's first and last possible
    day (an unknown month or day spans them) and the days either side, and today."""
    from sgdesk.content.timeline import earliest, latest

    timeline = Library.open(library.info.path).timeline()
    dates = [e.date for e in timeline.events] + list(timeline.norm_dates.values())
    dates += [c.date for c in timeline.later]
    days = {date.today()}
    for when in dates:
        for edge in (earliest(when), latest(when)):
            days.update(date.fromordinal(edge.toordinal() + step) for step in (-1, 0, 1))
    return sorted(days)


@pytest.mark.parametrize("corpus", ["synthetic", "shipped"])
def test_statuses_before_the_timeline_is_built_are_the_timelines(
    corpus: str, database: Path, corpus_db: Path
) -> None:
    """A page on a date shown at start (a dated tab restored in front) and the tree's marks for
    it get their statuses without the timeline (#11 start-up): the same, unit for unit and day
    for day, as once the timeline is built; repeals (of an article, reaching its literals)
    included."""
    path = database if corpus == "synthetic" else corpus_db
    early, built = Library.open(path), Library.open(path)
    try:
        nodes = early.all_nodes()
        built.timeline()
        days = _days(early)
        for day in days:
            assert early.statuses(nodes, day) == built.statuses(nodes, day), day
            assert early.states(nodes, day) == built.states(nodes, day), day
        assert not early.timeline_built, "the statuses came without building the timeline"
        page = early.page("decreto-1-2000" if corpus == "synthetic" else "decreto-267-2007", as_of=days[0])
        assert not early.timeline_built, "so did a page on a date"
        assert page.units
        early.use_timeline(built.timeline())  # once built (the loader), the timeline's are used
        assert early.statuses(nodes, days[-1]) == built.statuses(nodes, days[-1])
    finally:
        early.close()
        built.close()


def test_statuses_turn_on_repeals_before_the_timeline_is_built(synthetic: Library) -> None:
    """(The corpus above does repeal: without the timeline, article 2 of Decreto 1 de 2000 is in
    force until Decreto 2 repeals it, and its literals with it; then the whole norm goes.)"""
    article = synthetic.node("decreto-1-2000/art-2")
    literals = synthetic.children(article.id)
    seen = {day: synthetic.statuses([article, *literals], day) for day in _days(synthetic)}
    assert not synthetic.timeline_built
    turns = {found[article.id] for found in seen.values()}
    assert turns == {Status.IN_FORCE, Status.NOT_IN_FORCE, Status.UNCERTAIN}
    for found in seen.values():
        assert {found[n.id] for n in literals} <= {found[article.id]}, "the literals go with their article"


def test_two_words_written_together_find_what_the_two_words_find(synthetic: Library) -> None:
    glued = synthetic.search("pruebaliteral")
    assert (glued.suggestion, glued.corrected_from) == ("prueba literal", "pruebaliteral")
    assert glued.total == synthetic.search("prueba literal").total > 0
    assert synthetic.search("pruevaliteral").suggestion == "prueba literal", "a typo in one of them too"
    assert synthetic.search('"pruebaliteral"').suggestion == '"prueba literal"', "a phrase stays a phrase"
    # beside «o», two words would change the groups («literal o prueba literal» is another search)
    assert synthetic.search("decreto o pruebaliteral").suggestion is None
