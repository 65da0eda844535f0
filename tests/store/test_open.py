"""Opening the corpus: read-only, and every unusable file explained in Spanish."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from sgdesk.errors import DatabaseError
from sgdesk.store.db import check_database, open_readonly
from tests.altered import altered_copy
from tests.conftest import BadDatabase

EXPECTED = {
    "missing": "No se encuentra la base de datos del corpus",
    "empty": "está vacía (0 bytes)",
    "random": "no es una base de datos de sgdesk",
    "truncated": "está incompleta",
    "newer": "es de una versión más reciente de sgdesk (esquema 99",
    "older": "usa un esquema antiguo",
    "no-nodes": "faltan las tablas nodes, nodes_fts",
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_unusable_files_give_a_spanish_reason(bad_database: BadDatabase, kind: str) -> None:
    path = bad_database(kind)
    with pytest.raises(DatabaseError) as caught:
        open_readonly(path)
    assert EXPECTED[kind] in caught.value.message
    assert str(path) in caught.value.message


def test_opens_read_only_from_a_read_only_folder(tmp_path: Path, corpus_db: Path) -> None:
    folder = tmp_path / "install"
    folder.mkdir()
    database = folder / "sgdesk.db"
    database.write_bytes(corpus_db.read_bytes())
    folder.chmod(0o555)
    try:
        connection = open_readonly(database)
        assert connection.execute("SELECT count(*) FROM nodes").fetchone()[0] > 30
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            connection.execute("DELETE FROM meta")
        connection.close()
        assert sorted(os.listdir(folder)) == ["sgdesk.db"]
    finally:
        folder.chmod(0o755)


def test_check_passes_a_good_database(corpus_db: Path) -> None:
    results = check_database(corpus_db)
    assert [(r.name, r.ok) for r in results] == [
        ("esquema", True), ("integridad SQLite", True), ("árbol de secciones", True),
        ("índice de texto (FTS5)", True),
    ]  # fmt: skip


def test_check_finds_a_broken_fts_index(tmp_path: Path, corpus_db: Path) -> None:
    path = altered_copy(corpus_db, tmp_path / "stale.db",  # change a row behind the index's back
                        "UPDATE nodes SET text = 'texto cambiado' WHERE id = 'mision'")  # fmt: skip
    results = {r.name: r for r in check_database(path)}
    assert results["integridad SQLite"].ok
    assert not results["índice de texto (FTS5)"].ok


@pytest.mark.parametrize("kind", ["empty", "truncated", "newer"])
def test_check_reports_unusable_files(bad_database: BadDatabase, kind: str) -> None:
    results = check_database(bad_database(kind))
    assert not all(r.ok for r in results)
