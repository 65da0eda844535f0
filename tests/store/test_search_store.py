"""The search store on the synthetic corpus (tests/synthetic.py), seen from what a user or a
benchmark gets: the rows a search lists, its total, and the FTS5 statements a benchmark times
as «raw FTS5», which must find the very rows the search shows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from sgdesk.content.query import SearchFilters, parse_query
from sgdesk.library import Library
from sgdesk.store.build import build_database
from sgdesk.store.db import open_readonly
from sgdesk.store.search import INTERRUPTED, SearchError, SearchStore, stopped
from tests.altered import altered_copy
from tests.synthetic import build, write_sources

ARTICLES = SearchFilters(kinds=frozenset({"disposicion"}))
NORMS = SearchFilters(kinds=frozenset({"norma"}))
SECTIONS = SearchFilters(kinds=frozenset({"general"}))
ART = "decreto-1-2000/art"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("sintetico"), offices=True)


@pytest.fixture
def synthetic(database: Path) -> Iterator[Library]:
    library = Library.open(database)
    yield library
    library.close()


def hit_ids(library: Library, text: str, filters: SearchFilters | None = None, limit: int = 20,
            prefix_last: bool = False) -> list[str]:  # fmt: skip
    return [h.node.id for h in library.search(text, filters, limit, prefix_last=prefix_last).hits]


def statement_ids(library: Library, database: Path, text: str, filters: SearchFilters | None = None,
                  limit: int = 20, prefix_last: bool = False) -> list[str]:  # fmt: skip
    """The rows of the statements ``fts_statements`` gives, run one after the other as a
    benchmark runs them, as node ids: the first ``limit`` of them make a page."""
    with closing(sqlite3.connect(database)) as connection:
        ids = dict(connection.execute("SELECT pk, id FROM nodes"))
        rows = [
            ids[row[0]]
            for sql, expression in library.fts_statements(text, filters, limit, prefix_last)
            for row in connection.execute(sql, (expression,))
        ]
    return rows[:limit]


@pytest.mark.parametrize(
    ("text", "filters", "limit", "prefix_last", "expected"),
    [
        # bm25 puts the shorter text first: not the first row of the index (decreto-2-2003/art-1)
        ("deroga", ARTICLES, 1, False, ["decreto-3-2005/art-1"]),
        # a lone common word: the rows in index order, unranked
        ("de", None, 3, False, [f"{ART}-1", f"{ART}-2", f"{ART}-1/lit-a"]),
        # a citation, and the same citation under a filter that leaves it out
        ("decreto 2 de 2003", None, 20, False, ["decreto-2-2003"]),
        ("decreto 2 de 2003", SECTIONS, 20, False, []),
        # a word being typed that no indexed word starts with
        ("zzzz", None, 20, True, []),
    ],
)
def test_what_a_benchmark_times_lists_what_the_search_lists(
    synthetic: Library, database: Path, text: str, filters: SearchFilters | None, limit: int,
    prefix_last: bool, expected: list[str],
) -> None:  # fmt: skip
    assert hit_ids(synthetic, text, filters, limit, prefix_last) == expected
    assert statement_ids(synthetic, database, text, filters, limit, prefix_last) == expected


def test_a_word_being_typed_lists_the_word_then_its_completions_in_both(
    synthetic: Library, database: Path
) -> None:
    """«lit» finds the literals; «literal» (a completion) adds the two rows that say
    «literal» in their text. Under «Normas» only Decreto 2 de 2003 is left, in the search and
    in what a benchmark times (the filter holds in the second tier too)."""
    typed = hit_ids(synthetic, "lit", prefix_last=True)
    assert set(typed[5:]) == {"decreto-2-2003", "decreto-2-2003/art-2"}
    assert all(i.startswith("decreto-1-2000/") and "/lit-" in i for i in typed[:5])
    assert sorted(statement_ids(synthetic, database, "lit", prefix_last=True)) == sorted(typed)
    assert hit_ids(synthetic, "lit", NORMS, prefix_last=True) == ["decreto-2-2003"]
    assert statement_ids(synthetic, database, "lit", NORMS, prefix_last=True) == ["decreto-2-2003"]


def test_a_capped_typed_word_lists_no_completions_in_either(
    synthetic: Library, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«de» finds 15 rows as a word; «del» adds the literals of article 2. Past the cap (here
    1) the total already says «más de 1»: the completions are left out, in both."""
    from sgdesk.store import search

    whole = hit_ids(synthetic, "de", prefix_last=True)
    assert len(whole) == 17
    assert sorted(statement_ids(synthetic, database, "de", prefix_last=True)) == sorted(whole)
    monkeypatch.setattr(search, "COUNT_CAP", 1)
    typed = hit_ids(synthetic, "de", prefix_last=True)
    assert len(typed) == 15
    assert not {"decreto-1-2000/art-2/lit-a", "decreto-1-2000/art-2/lit-b"} & set(typed)
    assert sorted(statement_ids(synthetic, database, "de", prefix_last=True)) == sorted(typed)


def test_a_bounded_prefix_lists_its_most_frequent_word_in_both(
    synthetic: Library, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«adic*» with one completion kept: «adiciona» (two rows), not «adicionado» (one)."""
    from sgdesk.store import vocab

    monkeypatch.setattr(vocab, "MAX_COMPLETIONS", 1)
    expected = ["decreto-2-2003", "decreto-2-2003/art-2"]
    # an excluded prefix beside it changes nothing, nor does another word it is an alternative to
    for text in ("adic*", "adic* -zzz*", "adic* o zzzz"):
        assert sorted(hit_ids(synthetic, text)) == expected
        assert synthetic.search(text).bounded == ("adic",)
    assert sorted(statement_ids(synthetic, database, "adic*")) == expected


@pytest.mark.parametrize(
    ("text", "prefix_last"),
    [
        ("adic* adic*", False),
        ("adic* o adic*", False),
        ("literal -adic* -adic*", False),
        ("adic* adic", True),
    ],
)
def test_a_bounded_prefix_written_twice_is_named_once(
    synthetic: Library, monkeypatch: pytest.MonkeyPatch, text: str, prefix_last: bool
) -> None:
    """The note «searched as its most frequent words» names each prefix once, however many
    times the query has it (also as the word being typed)."""
    from sgdesk.store import vocab

    monkeypatch.setattr(vocab, "MAX_COMPLETIONS", 1)
    assert synthetic.search(text, prefix_last=prefix_last).bounded == ("adic",)


def test_a_lone_common_word_is_listed_unranked(synthetic: Library) -> None:
    """`sgdesk search --json` shows a score: 0 says these rows were not ranked."""
    results = synthetic.search("de", limit=5)
    assert results.query.only_common_words
    assert [h.score for h in results.hits] == [0.0] * 5
    assert results.total == 15


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_paging_through_a_citation_lists_every_row_once(synthetic: Library, limit: int) -> None:
    """«Más resultados» asks for the next page at the number of rows shown. «decreto 1 de
    2000» names the norm (listed first, as cited) and three articles that quote it: page after
    page, each of the four is listed exactly once, as on one long page."""
    whole = hit_ids(synthetic, "decreto 1 de 2000")
    assert whole[0] == "decreto-1-2000"
    assert sorted(whole[1:]) == ["decreto-2-2003/art-1", "decreto-2-2003/art-2", "decreto-3-2005/art-1"]
    shown: list[str] = []
    while True:
        page = synthetic.search("decreto 1 de 2000", limit=limit, offset=len(shown))
        assert page.total == 4
        if not page.hits:
            break
        assert [h.cited for h in page.hits] == [h.node.id == "decreto-1-2000" for h in page.hits]
        shown += [h.node.id for h in page.hits]
    assert shown == whole


def test_a_corpus_without_units_finds_nothing_and_is_not_called_damaged(
    tmp_path: Path, database: Path
) -> None:
    """An index that finds no row at all reads as damaged, unless the corpus has no unit."""
    empty = altered_copy(database, tmp_path / "vacio.db", "DELETE FROM nodes", "DELETE FROM vocab",
                         "INSERT INTO nodes_fts(nodes_fts) VALUES('delete-all')")  # fmt: skip
    library = Library.open(empty)
    try:
        for text in ("prueba", "prueba", "decreto 1 de 2000"):  # the second asks the index again
            results = library.search(text)
            assert (results.total, results.hits) == (0, ())
    finally:
        library.close()


def test_a_lone_common_word_being_typed_is_listed_in_index_order_in_both_tiers(
    synthetic: Library, database: Path
) -> None:
    typed = hit_ids(synthetic, "de", prefix_last=True)
    assert typed[-2:] == ["decreto-1-2000/art-2/lit-a", "decreto-1-2000/art-2/lit-b"]  # «del»
    assert typed == statement_ids(synthetic, database, "de", prefix_last=True)
    assert [h.score for h in synthetic.search("de", prefix_last=True).hits] == [0.0] * 17


def test_sampled_is_said_only_of_a_ranking_past_the_cap(
    synthetic: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The results say «ordenados entre los primeros …» only when the count passed the cap:
    not for a word whose completions fit no row of the page, nor at the cap exactly."""
    from sgdesk.store import search

    full = synthetic.search("de", limit=3, prefix_last=True)
    assert (len(full.hits), full.total, full.total_capped, full.sampled) == (3, 17, False, False)
    monkeypatch.setattr(search, "COUNT_CAP", 9)  # «prueba» is in 9 rows
    exact = synthetic.search("prueba", limit=3)
    assert (len(exact.hits), exact.total, exact.total_capped, exact.sampled) == (3, 9, False, False)
    monkeypatch.setattr(search, "COUNT_CAP", 8)
    capped = synthetic.search("prueba", limit=3)
    assert (len(capped.hits), capped.total, capped.total_capped, capped.sampled) == (3, 8, True, True)


@pytest.mark.parametrize("limit", [1, 2])
def test_a_short_page_of_completions_past_the_cap_is_filled(
    synthetic: Library, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """«lit» as a word finds nothing; its completion «literal» finds 7 rows, past a cap of 3."""
    from sgdesk.store import search

    monkeypatch.setattr(search, "COUNT_CAP", 3)
    results = synthetic.search("lit", limit=limit, prefix_last=True)
    assert (results.total, results.total_capped, results.sampled) == (3, True, True)
    assert len(results.hits) == limit
    assert all("/lit-" in h.node.id for h in results.hits)


DAMAGED = "El índice de búsqueda está dañado; verifique la base con «sgdesk db check»."


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE nodes_fts_data SET block = x'00ff00ff00ff' WHERE id > 1",  # unreadable index pages
        "UPDATE nodes_fts_data SET block = x'00' WHERE id = 10",  # a blank structure: finds nothing
        "UPDATE nodes_fts_config SET v = 99 WHERE k = 'version'",  # an index SQLite refuses to read
    ],
)
def test_a_damaged_index_says_so_in_one_spanish_sentence(tmp_path: Path, database: Path, damage: str) -> None:
    library = Library.open(altered_copy(database, tmp_path / "dañada.db", damage))
    try:
        for text in ("prueba", "de", "zzzz palabra que no está"):
            with pytest.raises(SearchError) as caught:
                library.search(text)
            assert str(caught.value) == DAMAGED
    finally:
        library.close()


def _searched_as_the_library_does(store: SearchStore) -> None:
    try:  # Library.search around the whole search
        store.search(parse_query("prueba"), SearchFilters(), 5)
    except INTERRUPTED as exc:
        raise stopped(exc) from exc


def test_a_search_stopped_by_a_newer_one_says_interrupted_not_damaged(database: Path) -> None:
    connection = open_readonly(database)
    try:
        store = SearchStore(connection)
        connection.set_progress_handler(lambda: 1, 1)  # what interrupt() does to a running search
        with pytest.raises(SearchError, match=r"^Búsqueda interrumpida: interrupted$") as caught:
            _searched_as_the_library_does(store)
        assert getattr(caught.value.__cause__, "sqlite_errorname", "") == "SQLITE_INTERRUPT"  # not damage
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("text", "cap", "prefix_last"),
    [
        ("adiciona", 2, False),  # 2 rows have the word, a third only its stem («adicionado»)
        ("adic*", 2, False),  # an explicit prefix: its completions' rows
        ('"segundos articulos"', 1, False),  # a phrase found only through its stems
        ("lit", 3, True),  # a word being typed: nothing as a word, 7 rows through «literal»
    ],
)
def test_every_kind_of_query_past_the_cap_says_it_was_ranked_on_a_sample(
    synthetic: Library, monkeypatch: pytest.MonkeyPatch, text: str, cap: int, prefix_last: bool
) -> None:
    """The vocabulary's bound on the matches (which decides how to count and rank) must never
    be below the real count: else a very common query is ranked whole, slowly, and the results
    do not say «ordenados entre los primeros …»."""
    from sgdesk.store import search

    assert synthetic.search(text, prefix_last=prefix_last).total > cap
    monkeypatch.setattr(search, "COUNT_CAP", cap)
    results = synthetic.search(text, limit=5, prefix_last=prefix_last)
    assert (results.total, results.total_capped, results.sampled) == (cap, True, True)
    assert len(results.hits) == (5 if text == "lit" else 3)


def test_an_excluded_bounded_prefix_excludes_only_the_words_it_was_searched_as(
    synthetic: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«-adic*» with one completion kept leaves out the rows with «adiciona» (the bounded note
    says so), not the literal that says «adicionado»."""
    from sgdesk.store import vocab

    monkeypatch.setattr(vocab, "MAX_COMPLETIONS", 1)
    results = synthetic.search("literal -adic*")
    assert results.bounded == ("adic",)
    assert "decreto-1-2000/art-1/lit-c" in [h.node.id for h in results.hits]
    assert not {"decreto-2-2003", "decreto-2-2003/art-2"} & {h.node.id for h in results.hits}


def test_an_acronym_finds_its_name_written_in_another_form(tmp_path: Path) -> None:
    """«LDP» stands for «Literales de prueba»; the texts say «Literal a de prueba»: the name's
    words are found close together through their stems."""
    sources = write_sources(tmp_path / "sources")
    (sources / "sinonimos.toml").write_text('[[synonyms]]\nforms = ["Literales de prueba", "LDP"]\n', "utf-8")
    build_database(sources, tmp_path / "siglas.db")
    library = Library.open(tmp_path / "siglas.db")
    try:
        expected = [f"decreto-1-2000/art-1/lit-{letter}" for letter in "abc"]
        assert sorted(h.node.id for h in library.search("LDP").hits) == expected
        assert library.search('"ldp"').hits == ()  # in quotes: that word only, which no text has
    finally:
        library.close()


LAW = """
id = "ley-5-2010"
type = "ley"
number = "5"
year = 2010
issuer = "Congreso de Prueba"
issued = "2010-01-04"
epigrafe = '"Ley de prueba."'

[[articles]]
id = "art-1"
number = "1"
label = "ARTÍCULO 1°."
text = ['Primer artículo de prueba:']
"""


def test_the_same_text_ranks_the_same_in_a_norm_listed_after_the_sections(tmp_path: Path) -> None:
    """A law's units are written after the sections (the build orders nodes by their parent's
    id: «ley-…» comes after «informacion-general»); its article, with the very text of the first
    article of Decreto 1 de 2000, gets the same score, not a kind boost of its own."""
    sources = write_sources(tmp_path / "sources")
    index = sources / "informacion-general.toml"
    listed = index.read_text("utf-8").replace('"decreto-3-2005"]', '"decreto-3-2005", "ley-5-2010"]')
    index.write_text(listed, "utf-8")
    (sources / "normas" / "ley-5-2010.toml").write_text(LAW, "utf-8")
    build_database(sources, tmp_path / "ley.db")
    library = Library.open(tmp_path / "ley.db")
    try:
        for text in ("primer articulo de prueba", "primer"):
            hits = library.search(text).hits
            assert {h.node.id for h in hits} == {"decreto-1-2000/art-1", "ley-5-2010/art-1"}
            assert hits[0].score == pytest.approx(hits[1].score)
    finally:
        library.close()
