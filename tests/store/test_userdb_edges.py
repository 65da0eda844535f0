"""The user database at its edges: the second, read-only connection the workers use (the dock's
listing, searches that include my notes), a folder that cannot be written, a damaged file set
aside, and the numbers that tell a window something changed."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sgdesk.content.annotations import Annotation, AnnotationKind, Favorite, TextAnchor, Visit
from sgdesk.errors import UserDataError
from sgdesk.store.userdb import MIGRATIONS, USER_DB_NAME, open_reader, open_user_database
from sgdesk.store.usernotes import UserNotesStore

READER = "Conexión de solo lectura."


def _database_at(path: Path, version: int, *statements: str) -> None:
    """A user database as an older sgdesk left it: the first ``version`` migrations, then
    ``statements`` (rows that version could hold)."""
    with sqlite3.connect(path) as connection:
        for migration in MIGRATIONS[:version]:
            for statement in migration:
                connection.execute(statement)
        for statement in statements:
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {version}")
    connection.close()


def _note(note_id: str = "n1") -> Annotation:
    anchor = TextAnchor("Literal a de prueba", "", ".", 0, 19)
    return Annotation(note_id, "decreto-1-2000/art-1/lit-a", AnnotationKind.NOTE, "nota de prueba", anchor,
                      "v1", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z", "Literal a")  # fmt: skip


def _favorite(node_id: str = "decreto-1-2000", folder: str = "") -> Favorite:
    return Favorite(node_id, "Decreto 001 de 2000", folder, 0, "2026-01-01T10:00:00Z")


def _with_notes(folder: Path) -> Path:
    database = open_user_database(folder)
    store = UserNotesStore(database)
    store.save_annotation(_note())
    store.add_favorite(_favorite())
    database.close()
    return folder / USER_DB_NAME


def _contents(store: UserNotesStore) -> tuple[list[str], list[str]]:
    return [a.id for a in store.annotations()], [f.node_id for f in store.favorites()]


@contextmanager
def _immutable(path: Path) -> Iterator[Path]:
    """``path`` made unwritable for everyone, root included (``chattr +i``), for the block."""
    if not sys.platform.startswith("linux") or shutil.which("chattr") is None:
        pytest.skip("needs chattr (Linux)")
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False).returncode != 0:
        pytest.skip("chattr +i refused (needs root and a file system that has it)")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[Path]:
    """A data folder with notes in it that nobody can write."""
    folder = tmp_path / "datos"
    _with_notes(folder)
    with _immutable(folder):
        yield folder


def test_a_damaged_file_that_cannot_be_moved_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / USER_DB_NAME
    path.write_bytes(b"no es una base de datos" * 50)
    with _immutable(tmp_path):
        database = open_user_database(tmp_path)
        database.close()
    assert database.problem == (
        f"El archivo de Mis notas {path} está dañado (no es una base de datos SQLite); se dejó intacto. En "
        "esta sesión no se guardan notas ni favoritos; la próxima vez sgdesk empezará un archivo nuevo."
    )
    assert path.read_bytes() == b"no es una base de datos" * 50


def test_in_a_folder_that_cannot_be_written_every_connection_still_reads_the_notes(unwritable: Path) -> None:
    """SQLite cannot make the WAL's shared-memory file there: the window's connection and the
    workers' (the dock's listing, searches with my notes) both read the file as it is."""
    before = sorted(p.name for p in unwritable.iterdir())
    window = open_user_database(unwritable)
    reader = open_reader(unwritable / USER_DB_NAME)
    try:
        assert (window.read_only, window.path) == (True, unwritable / USER_DB_NAME)
        assert str(window.problem).startswith(f"No se puede escribir en {unwritable / USER_DB_NAME}")
        assert _contents(UserNotesStore(window)) == (["n1"], ["decreto-1-2000"])
        assert (reader.problem, reader.path) == (READER, unwritable / USER_DB_NAME)
        assert _contents(UserNotesStore(reader)) == (["n1"], ["decreto-1-2000"])
    finally:
        window.close()
        reader.close()
    assert sorted(p.name for p in unwritable.iterdir()) == before


def test_the_workers_reader_reads_what_is_there_and_never_writes(tmp_path: Path) -> None:
    path = _with_notes(tmp_path)
    reader = open_reader(path)
    try:
        assert (reader.read_only, reader.problem, reader.path) == (True, READER, path)
        assert _contents(UserNotesStore(reader)) == (["n1"], ["decreto-1-2000"])
        assert UserNotesStore(reader).annotated_node_ids() == {"decreto-1-2000/art-1/lit-a"}
        with pytest.raises(UserDataError, match=f"^No se guardó. {READER}$"):
            UserNotesStore(reader).add_favorite(_favorite("mision"))
    finally:
        reader.close()


@pytest.mark.parametrize("content", [None, b"no es una base de datos" * 50])
def test_the_workers_reader_of_a_missing_or_foreign_file_is_empty(
    tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / USER_DB_NAME
    if content is not None:
        path.write_bytes(content)
    reader = open_reader(path)
    try:
        assert (reader.problem, reader.path) == (READER, path)
        assert _contents(UserNotesStore(reader)) == ([], [])
    finally:
        reader.close()
    assert path.read_bytes() == content if content is not None else not path.exists()


def test_a_reader_sees_the_windows_changes_to_notes_but_not_to_the_history(tmp_path: Path) -> None:
    """The dock lists again when the revision moves: a note, a favorite or a folder moves it, by
    this connection or another; a page visited does not. The change token moves with any commit."""
    path = _with_notes(tmp_path)
    window = open_user_database(tmp_path)
    reader = open_reader(path)
    try:
        store = UserNotesStore(window)
        revisions, tokens = [reader.revision()], [reader.change_token(), window.change_token()]
        store.add_visit(Visit("mision", "Misión", "2026-02-01T10:00:00Z"), "2026-01-01T00:00:00Z")
        assert reader.revision() == revisions[-1]
        assert (reader.change_token(), window.change_token()) != tuple(tokens)
        changes = (lambda: store.create_folder("Carpeta"), lambda: store.add_favorite(_favorite("mision")),
                   lambda: store.save_annotation(_note("n2")))  # fmt: skip
        for change in changes:
            change()
            revisions.append(reader.revision())
            assert revisions[-1] != revisions[-2]
            assert window.revision() == revisions[-1]
    finally:
        window.close()
        reader.close()


def test_a_database_from_before_the_revision_number_read_only_follows_every_commit(tmp_path: Path) -> None:
    """Opened read-only (a newer sgdesk wrote it... or an older one, here: schema 3 without the
    revision table), the revision falls back to the change token."""
    path = tmp_path / USER_DB_NAME
    _database_at(path, 3)
    reader = open_reader(path)
    try:
        before = reader.revision()
        assert before == reader.change_token()
        with sqlite3.connect(path) as other:
            other.execute("INSERT INTO preferences VALUES ('a', 'b')")
        other.close()
        assert reader.revision() != before
    finally:
        reader.close()


def test_an_old_database_is_migrated_forward_keeping_its_notes_searchable(tmp_path: Path) -> None:
    from sgdesk.store.userdb import LATEST_VERSION

    path = tmp_path / USER_DB_NAME
    _database_at(
        path,
        2,
        "INSERT INTO annotations (id, node_id, kind, text, exact, content_version, created, updated) "
        "VALUES ('n1', 'mision', 'note', 'archivo central', 'la misión', 'v1', '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z')",
    )
    database = open_user_database(tmp_path)
    try:
        assert not database.read_only
        assert database.connection.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        store = UserNotesStore(database)
        assert [a.id for a in store.search('"archivo"', 5)] == ["n1"]
        before = database.revision()
        store.add_favorite(_favorite())
        assert database.revision() != before
    finally:
        database.close()


def test_a_damaged_file_is_set_aside_with_its_wal_under_a_new_name_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two damaged files within the same second are both kept, each with its companions."""
    from datetime import UTC, datetime

    from sgdesk.store import userdb

    class Frozen(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Frozen:  # type: ignore[override]
            return cls(2026, 3, 4, 5, 6, 7, tzinfo=UTC)

    monkeypatch.setattr(userdb, "datetime", Frozen)
    path = tmp_path / USER_DB_NAME
    names = ("mis-notas.dañada-20260304T050607.db", "mis-notas.dañada-20260304T050607-1.db")
    for attempt, name in enumerate(names):
        path.write_bytes(b"roto %d" % attempt * 100)
        Path(f"{path}-wal").write_bytes(b"wal %d" % attempt)
        Path(f"{path}-shm").write_bytes(b"shm %d" % attempt)
        opened = open_user_database(tmp_path)
        assert (opened.read_only, opened.path) == (True, path)
        aside = tmp_path / name
        assert opened.problem == (
            f"El archivo de Mis notas {path} está dañado (no es una base de datos SQLite); se guardó aparte "
            f"como {aside}. En esta sesión no se guardan notas ni favoritos; la próxima vez sgdesk empezará "
            "un archivo nuevo."
        )
        opened.close()
        assert aside.read_bytes() == b"roto %d" % attempt * 100
        assert Path(f"{aside}-wal").read_bytes() == b"wal %d" % attempt
        assert Path(f"{aside}-shm").read_bytes() == b"shm %d" % attempt
        assert not path.exists()


def test_an_empty_file_is_a_new_database_and_a_folder_in_its_place_is_not_set_aside(tmp_path: Path) -> None:
    (tmp_path / "vacio").mkdir()
    (tmp_path / "vacio" / USER_DB_NAME).write_bytes(b"")
    empty = open_user_database(tmp_path / "vacio")
    assert not empty.read_only
    empty.close()
    (tmp_path / "carpeta" / USER_DB_NAME).mkdir(parents=True)
    folder = open_user_database(tmp_path / "carpeta")
    try:
        assert (folder.read_only, folder.path) == (True, tmp_path / "carpeta" / USER_DB_NAME)
        where = tmp_path / "carpeta" / USER_DB_NAME
        assert str(folder.problem).startswith(f"No se puede abrir {where} para escribir")
        assert _contents(UserNotesStore(folder)) == ([], [])
    finally:
        folder.close()
    assert (tmp_path / "carpeta" / USER_DB_NAME).is_dir()


def test_a_file_that_cannot_be_written_is_read_never_set_aside(tmp_path: Path) -> None:
    """Notes written by an sgdesk that left the file out of WAL mode, now unwritable (``chattr
    +i`` on the file): switching it to WAL fails as a read-only database, not as damage."""
    from sgdesk.store.userdb import LATEST_VERSION

    path = tmp_path / USER_DB_NAME
    with sqlite3.connect(path) as connection:
        for statements in MIGRATIONS:
            for statement in statements:
                connection.execute(statement)
        connection.execute("INSERT INTO preferences VALUES ('tema', 'oscuro')")
        connection.execute(f"PRAGMA user_version = {LATEST_VERSION}")
    connection.close()
    before = path.read_bytes()
    with _immutable(path):
        database = open_user_database(tmp_path)
        try:
            said = f"No se puede escribir en {path} (el archivo es de solo lectura)."
            assert database.problem == said
            assert UserNotesStore(database).preference("tema") == "oscuro"
        finally:
            database.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [USER_DB_NAME]
    assert path.read_bytes() == before


def test_a_new_data_folder_is_made_with_its_parents(tmp_path: Path) -> None:
    database = open_user_database(tmp_path / "usuario" / "AppData" / "sgdesk")
    try:
        assert not database.read_only
        UserNotesStore(database).add_favorite(_favorite())
    finally:
        database.close()
    assert (tmp_path / "usuario" / "AppData" / "sgdesk" / USER_DB_NAME).is_file()


def test_a_file_sqlite_finds_damaged_is_set_aside_and_said_in_spanish(tmp_path: Path) -> None:
    """Two indexes sharing one page: SQLite's quick check says so; the message says it in
    Spanish (SQLite's own English words go to the developers' log, not to the official)."""
    path = _with_notes(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("UPDATE sqlite_master SET rootpage = (SELECT rootpage FROM sqlite_master WHERE "
                           "name = 'history_opened') WHERE name = 'annotations_node'")  # fmt: skip
    connection.close()
    opened = open_user_database(tmp_path)
    opened.close()
    said = str(opened.problem)
    assert said.startswith(
        f"El archivo de Mis notas {path} está dañado (la comprobación de integridad encontró partes "
        "dañadas); se guardó aparte como "
    )
    assert "database" not in said


def test_a_newer_database_says_which_version_wrote_it(tmp_path: Path) -> None:
    from sgdesk.store.userdb import LATEST_VERSION

    path = _with_notes(tmp_path)
    database = open_user_database(tmp_path)
    database.connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 3}")
    database.close()
    newer = open_user_database(tmp_path)
    newer.close()
    assert newer.problem == (
        f"Mis notas ({path}) fueron guardadas por una versión más reciente de sgdesk (esquema "
        f"{LATEST_VERSION + 3}; esta versión conoce hasta el {LATEST_VERSION}). Actualice sgdesk para "
        "modificarlas."
    )


def test_the_notes_revision_moves_with_notes_only(tmp_path: Path) -> None:
    """A page's painted passages are read again when a note or highlight changed (by any
    connection), not when a favorite, a folder or the history did."""
    path = _with_notes(tmp_path)
    window = open_user_database(tmp_path)
    reader = open_reader(path)
    try:
        store = UserNotesStore(window)
        before = reader.notes_revision()
        store.create_folder("Carpeta")
        store.add_favorite(_favorite("mision", "Carpeta"))
        store.add_visit(Visit("mision", "Misión", "2026-02-01T10:00:00Z"), "2026-01-01T00:00:00Z")
        assert reader.notes_revision() == window.notes_revision() == before
        seen = [before]
        for change in (lambda: store.save_annotation(_note("n2")), lambda: store.delete_annotation("n2")):
            change()
            seen.append(reader.notes_revision())
            assert seen[-1] != seen[-2]
            assert window.notes_revision() == seen[-1]
    finally:
        window.close()
        reader.close()


def test_a_database_from_before_the_notes_revision_read_only_follows_every_commit(tmp_path: Path) -> None:
    """Schema 4 (one revision number for everything), opened read-only: the notes revision
    falls back to the change token, which moves with any commit."""
    path = tmp_path / USER_DB_NAME
    _database_at(path, 4)
    reader = open_reader(path)
    try:
        before = reader.notes_revision()
        assert before == reader.change_token()
        with sqlite3.connect(path) as other:
            other.execute("INSERT INTO favorites (node_id, created) VALUES ('mision', '2026-01-01')")
        other.close()
        assert reader.notes_revision() != before
    finally:
        reader.close()


def test_an_empty_folder_nobody_may_write_says_the_file_cannot_be_opened(tmp_path: Path) -> None:
    """No notes yet and a folder that cannot be written: the file cannot even be created. The
    session is read-only and says why in Spanish (SQLite's «unable to open» translated)."""
    folder = tmp_path / "datos"
    folder.mkdir()
    with _immutable(folder):
        database = open_user_database(folder)
        database.close()
    assert database.problem == (
        f"No se puede abrir {folder / USER_DB_NAME} para escribir (no se puede abrir el archivo)."
    )


def test_damage_sqlite_reports_itself_is_said_in_its_spanish_words(tmp_path: Path) -> None:
    """A file whose first page SQLite finds malformed (its own error, not a line of the quick
    check): set aside, with SQLite's reason in Spanish rather than the quick check's sentence."""
    path = _with_notes(tmp_path)
    data = bytearray(path.read_bytes())
    data[100:112] = b"\xff" * 12  # the schema page's header, after the file's own 100 bytes
    path.write_bytes(bytes(data))
    opened = open_user_database(tmp_path)
    opened.close()
    assert str(opened.problem).startswith(
        f"El archivo de Mis notas {path} está dañado (el archivo está dañado); se guardó aparte como "
    )
