"""SQLite's failures said in Spanish (its own messages are English), from real SQLite errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sgdesk.errors import sqlite_reason


def _error(action: object) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        action()  # type: ignore[operator]
    return caught.value


def test_a_write_to_a_file_opened_read_only(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    reader = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert sqlite_reason(_error(lambda: reader.execute("INSERT INTO t VALUES (1)"))) == (
        "el archivo es de solo lectura"
    )


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "texto.db"
    path.write_text("esto no es una base de datos " * 100, encoding="utf-8")
    connection = sqlite3.connect(path)
    said = sqlite_reason(_error(lambda: connection.execute("SELECT * FROM sqlite_master")))
    assert said == "el archivo no es una base de datos"


def test_a_file_another_program_is_writing(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("CREATE TABLE t (x)")
    writer.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    assert sqlite_reason(_error(lambda: other.execute("BEGIN IMMEDIATE"))) == "otro programa lo está usando"


def test_a_file_that_cannot_be_opened(tmp_path: Path) -> None:
    missing = tmp_path / "no-existe" / "a.db"
    said = sqlite_reason(_error(lambda: sqlite3.connect(f"{missing.as_uri()}?mode=ro", uri=True)))
    assert said == "no se puede abrir el archivo"


def test_any_other_failure_names_sqlites_code_for_the_help_desk() -> None:
    connection = sqlite3.connect(":memory:")
    said = sqlite_reason(_error(lambda: connection.execute("SELECT * FROM no_existe")))
    assert said == "error de la base de datos (SQLITE_ERROR)"
    assert sqlite_reason(sqlite3.DatabaseError("hecho a mano")) == "error de la base de datos (DatabaseError)"
