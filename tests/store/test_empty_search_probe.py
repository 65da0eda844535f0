"""A search that finds nothing asks the probe index (store/fts_probe.py) for a second opinion;
words the probe's rows do not hold answer without a query (busqueda6, #15.5)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from sgdesk.content.query import SearchFilters, parse_query
from sgdesk.content.stemming import stem
from sgdesk.library import Library
from sgdesk.store.build import build_database
from sgdesk.store.db import open_readonly
from sgdesk.store.fts_probe import IndexProbe
from sgdesk.store.search import DAMAGED, RawHits, SearchError, SearchStore, _needed
from tests import synthetic


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("probe")
    path = folder / "corpus.db"
    build_database(synthetic.write_sources(folder / "sources"), path)
    return path


@pytest.fixture
def connection(database: Path) -> Iterator[sqlite3.Connection]:
    opened = open_readonly(database)
    yield opened
    opened.close()


def _queries(connection: sqlite3.Connection, action: object) -> list[str]:
    assert callable(action)
    seen: list[str] = []
    connection.set_trace_callback(seen.append)
    try:
        action()
    finally:
        connection.set_trace_callback(None)
    return [sql for sql in seen if "sgdesk_probe MATCH" in sql]


def test_a_group_the_probe_s_rows_lack_answers_no_without_a_query(connection: sqlite3.Connection) -> None:
    probe = IndexProbe(connection)
    assert not probe.finds('"inexistente"')  # built here
    both = '"prueba" AND "inexistente"'
    assert _queries(connection, lambda: probe.finds(both, [{"prueba"}, {"inexistente"}])) == []
    assert not probe.finds(both, [{"prueba"}, {"inexistente"}])


def test_groups_the_probe_holds_still_run_the_query(connection: sqlite3.Connection) -> None:
    probe = IndexProbe(connection)
    assert len(_queries(connection, lambda: probe.finds('"prueba"', [{"prueba", "prueb"}]))) == 1
    assert probe.finds('"prueba"', [{"prueba", "prueb"}])
    # one of a group's tokens is enough: the query decides
    assert probe.finds('"prueba" OR "inexistente"', [{"inexistente", "prueba"}])
    assert not probe.finds('"prueba" NOT "prueba"', [{"prueba"}])


def test_the_probe_is_built_once_per_connection(connection: sqlite3.Connection) -> None:
    """Its 2 000 rows are copied at the first search that finds nothing, not at every one (the
    corpus never changes under a connection): later ones only ask it."""
    probe = IndexProbe(connection)
    seen: list[str] = []
    connection.set_trace_callback(seen.append)
    try:
        for _ in range(3):
            assert not probe.finds('"inexistente"')
            assert probe.finds('"prueba"', [{"prueba", "prueb"}])
    finally:
        connection.set_trace_callback(None)
    said = [sql.upper() for sql in seen]  # (SQL's keywords and names in either case)
    assert len([sql for sql in said if sql.startswith("INSERT INTO TEMP.SGDESK_PROBE ")]) == 1
    assert len([sql for sql in said if sql.startswith("SELECT TERM FROM TEMP.SGDESK_PROBE_TERMS")]) == 1
    assert len([sql for sql in said if "SGDESK_PROBE MATCH" in sql]) == 6


def test_only_plain_ascii_words_are_needed() -> None:
    """Phrases, prefixes and words the tokenizer might split or fold otherwise are left to
    the query: only groups of plain words of ASCII letters and digits are checked."""
    query = parse_query('gestión "daño antijurídico" arch* o2 ley o decreto')
    assert _needed(query) == [
        {"gestion", stem("gestion")},
        {"o2", stem("o2")},
        {"ley", stem("ley"), "decreto", stem("decreto")},
    ]
    assert _needed(parse_query("arch* o gestion")) == []


def test_a_search_for_words_no_row_holds_together_asks_the_probe_only_if_it_could_find_them(
    connection: sqlite3.Connection,
) -> None:
    """The search passes its groups of plain words on to the probe: a word no row of the probe
    holds answers «no» without a query; words it holds, though never in one row, still run it.
    Either way the index is sound and the search just finds nothing."""
    store = SearchStore(connection)
    store.search(parse_query("prueba"), SearchFilters(), 5)  # the index is seen to answer
    for text, probe_queries in (("prueba inexistente", 0), ("mision literal", 1)):
        found: list[RawHits] = []

        def search(text: str = text, found: list[RawHits] = found) -> None:
            found.append(store.search(parse_query(text), SearchFilters(), 5))

        assert len(_queries(connection, search)) == probe_queries, text
        assert (found[0].total, found[0].ranked, found[0].cited) == (0, (), ())


def test_a_word_the_index_lost_is_damage_also_when_python_and_sqlite_fold_it_apart(tmp_path: Path) -> None:
    """«µg» (the micro sign, as a keyboard types it) is «μg» (the Greek letter) to the index's
    tokenizer: a word the index lost must not be ruled out by comparing Python's form with the
    probe's tokens. The search says the index is damaged, never a silent «Sin resultados»."""
    sources = synthetic.write_sources(tmp_path / "sources")
    index = sources / "informacion-general.toml"
    index.write_text(index.read_text("utf-8").replace("la misión.", "la misión: 5 µg por metro."), "utf-8")
    database = tmp_path / "corpus.db"
    build_database(sources, database)
    with closing(Library.open(database)) as intact:
        assert intact.search("µg").total == 1
    with closing(sqlite3.connect(database)) as writable, writable:  # the index loses the word, no error
        row = writable.execute(
            "SELECT pk, title, text, stems, facets FROM nodes WHERE id = 'mision'"
        ).fetchone()
        columns = "nodes_fts, rowid, title, text, stems, facets"
        writable.execute(f"INSERT INTO nodes_fts({columns}) VALUES('delete', ?, ?, ?, ?, ?)", row)
        without = [value.replace("µg", "") if isinstance(value, str) else value for value in row]
        writable.execute(f"INSERT INTO nodes_fts({columns}) VALUES(NULL, ?, ?, ?, ?, ?)", without)
    with closing(Library.open(database)) as library:
        assert library.search("prueba").total > 0  # the rest of the index still answers
        with pytest.raises(SearchError) as caught:
            library.search("µg")
        assert str(caught.value) == DAMAGED.format(detail="")
