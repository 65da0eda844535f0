"""What «sgdesk db check» and an unusable corpus say, word for word, on the synthetic corpus:
every message names the file and ends with what to do (from surviving mutants of store/db.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sgdesk.errors import DatabaseError
from sgdesk.store import db
from sgdesk.store.db import check_database, damaged_data, database_error, open_readonly
from sgdesk.store.schema import SCHEMA_VERSION
from tests import synthetic
from tests.altered import altered_copy


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.build(tmp_path_factory.mktemp("db-messages"))


def _refusal(path: Path) -> str:
    with pytest.raises(DatabaseError) as caught:
        open_readonly(path).close()
    assert str(path) in caught.value.message
    return caught.value.message


def test_a_sound_database_passes_every_check_with_what_it_found(database: Path) -> None:
    assert [(r.name, r.ok, r.detail) for r in check_database(database)] == [
        ("esquema", True, f"versión {SCHEMA_VERSION}"), ("integridad SQLite", True, "ok"),
        ("árbol de secciones", True, "16 nodos"), ("índice de texto (FTS5)", True, "ok"),
    ]  # fmt: skip


def test_an_unusable_file_fails_the_first_check_with_the_reason(tmp_path: Path, database: Path) -> None:
    older = altered_copy(database, tmp_path / "vieja.db", "PRAGMA user_version = 1")
    [result] = check_database(older)
    assert (result.name, result.ok) == ("esquema", False)
    assert result.detail == (f"La base de datos {older} usa un esquema antiguo (1); reconstrúyala con "
                             "«sgdesk db build».")  # fmt: skip


def test_sqlite_errors_in_spanish(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    busy = sqlite3.OperationalError("database is locked")
    for name in ("SQLITE_BUSY", "SQLITE_LOCKED_SHAREDCACHE"):
        busy.sqlite_errorname = name  # type: ignore[misc]
        assert database_error(path, busy).message == (
            f"La base de datos {path} está en uso por otro programa. Ciérrelo o espere a que termine, "
            "e intente de nuevo."
        )
    undecodable = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")  # no errorname
    assert database_error(path, undecodable).message == (
        f"La base de datos {path} está dañada: parte de su contenido no se puede leer. Verifíquela con "
        f"«sgdesk db check {path}» o reinstale sgdesk."
    )
    assert damaged_data(path, "algo").message == (
        f"La base de datos {path} tiene datos no válidos (algo). Verifíquela con «sgdesk db check {path}» "
        "o reinstale sgdesk."
    )


def test_a_folder_or_an_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _refusal(tmp_path) == f"{tmp_path} no es un archivo de base de datos."
    unreadable = tmp_path / "x.db"
    unreadable.write_bytes(b"SQLite format 3\x00" + bytes(200))

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permiso denegado")

    monkeypatch.setattr(Path, "open", refuse)
    assert _refusal(unreadable) == f"No se puede leer la base de datos {unreadable}: Permiso denegado."


def test_a_database_of_64_kb_pages_is_measured_in_them(tmp_path: Path) -> None:
    path = tmp_path / "grande.db"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA page_size = 65536")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    data = path.read_bytes()
    assert data[16:18] == b"\x00\x01"  # how SQLite writes 65 536
    pages = int.from_bytes(data[28:32], "big")
    path.write_bytes(data[:-1])
    assert f"de los {65536 * pages} esperados" in _refusal(path)


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("5\n" + "x" * 38, "«5?" + "x" * 38 + "»"),  # 40 characters: whole, the line break as «?»
        ("5\n" + "x" * 39, "«5?" + "x" * 38 + "…»"),  # 41: cut at 40
    ],
)
def test_a_bad_stored_value_is_quoted_printable_and_short(
    tmp_path: Path, database: Path, stored: str, shown: str
) -> None:
    path = altered_copy(database, tmp_path / "meta.db")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (stored,))
    connection.close()
    assert f"la versión de esquema {shown} no es {SCHEMA_VERSION}" in _refusal(path)


@pytest.mark.parametrize(
    ("length", "opens"), [(db.CONTENT_VERSION_LIMIT, True), (db.CONTENT_VERSION_LIMIT + 1, False)]
)
def test_a_content_version_up_to_the_limit_opens(
    tmp_path: Path, database: Path, length: int, opens: bool
) -> None:
    change = f"UPDATE meta SET value = '{'v' * length}' WHERE key = 'content_version'"
    path = altered_copy(database, tmp_path / "version.db", change)
    if opens:
        open_readonly(path).close()
    else:
        assert "la versión de contenido «" in _refusal(path)


def test_a_cycle_in_a_corpus_at_the_full_check_limit_is_refused_at_open(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    change = "UPDATE nodes SET parent = 'decreto-1-2000/art-2/lit-a' WHERE id = 'decreto-1-2000/art-2'"
    cycle = altered_copy(database, tmp_path / "ciclo.db", change)
    with sqlite3.connect(cycle) as connection:
        total = connection.execute("SELECT count(*) FROM nodes").fetchone()[0]
    connection.close()
    monkeypatch.setattr(db, "FULL_CHECK_LIMIT", total)  # as many nodes as the limit: checked in full
    assert "(el árbol de secciones tiene un ciclo)" in _refusal(cycle)
