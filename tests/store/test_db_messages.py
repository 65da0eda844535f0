"""What «sgdesk db check» and an unusable corpus say, word for word, on the synthetic corpus:
every message names the file and ends with what to do (from surviving mutants of store/db.py)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
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


def test_each_check_that_breaks_down_says_so_in_spanish(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def damaged(*_args: object) -> tuple[bool, str]:
        raise sqlite3.DatabaseError("database disk image is malformed")

    for check in ("_check_integrity", "_check_tree", "_check_fts"):
        with monkeypatch.context() as patch:
            patch.setattr(db, check, damaged)
            results = {r.name: (r.ok, r.detail) for r in check_database(database)}
        broken = [name for name, (ok, _) in results.items() if not ok]
        assert len(broken) == 1, check
        assert results[broken[0]][1] == database_error(database, sqlite3.DatabaseError()).message


def test_what_the_index_check_says_when_it_fails(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fts(path: Path) -> tuple[bool, str]:
        return {r.name: (r.ok, r.detail) for r in check_database(path)}["índice de texto (FTS5)"]

    stale = altered_copy(
        database, tmp_path / "viejo.db", "UPDATE nodes SET text = 'otro' WHERE id = 'mision'"
    )
    assert fts(stale) == (False, "el índice no corresponde al contenido (integrity-check)")
    monkeypatch.setattr(db, "_sample_mismatches", lambda *_a: ["gestión", "archivo"])
    assert fts(database) == (False, "2 palabra(s) con resultados que faltan, p. ej. «gestión»")

    def unreadable(*_args: object) -> list[str]:
        raise sqlite3.DatabaseError("malformed")

    monkeypatch.setattr(db, "_sample_mismatches", unreadable)
    assert fts(database) == (False, "el índice no se puede leer")

    def no_copy(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", no_copy)
    ok, detail = fts(database)
    assert not ok
    assert detail.startswith("no se pudo copiar para verificar: ")


def test_the_sample_names_every_word_whose_matches_differ(tmp_path: Path, database: Path) -> None:
    """Two different corpora stand for the shipped index and the one rebuilt from the contents."""
    other = altered_copy(synthetic.build(tmp_path / "otro", offices=True), tmp_path / "copia.db")
    with closing(sqlite3.connect(database)) as shipped, closing(sqlite3.connect(other)) as copy:
        wrong = db._sample_mismatches(shipped, copy)
    assert "oficina" in wrong  # only in the other corpus
    assert "crea" in wrong
    assert all(isinstance(word, str) and word != "None" for word in wrong)
    assert "prueba" in wrong  # more units have it in the other corpus
    assert "literal" not in wrong  # the same units in both


def test_sqlite_problems_are_listed_printable_five_at_most() -> None:
    class Rows:
        def execute(self, _sql: str) -> list[tuple[str]]:
            return [("fila\x00uno",), *((f"problema {n}",) for n in range(2, 8))]

    ok, detail = db._check_integrity(Rows())  # type: ignore[arg-type]
    assert not ok
    assert detail == "fila?uno; problema 2; problema 3; problema 4; problema 5"
    assert db._printable("x" * 500) == "x" * 400
