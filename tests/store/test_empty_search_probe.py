"""A search that finds nothing asks the probe index (store/fts_probe.py) for a second opinion;
words the probe's rows do not hold answer without a query (busqueda6, #15.5)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sgdesk.content.query import parse_query
from sgdesk.content.stemming import stem
from sgdesk.store.build import build_database
from sgdesk.store.db import open_readonly
from sgdesk.store.fts_probe import IndexProbe
from sgdesk.store.search import _needed
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
