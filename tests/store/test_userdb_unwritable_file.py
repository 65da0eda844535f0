"""A ``mis-notas.db`` nobody may write, in a folder that can be written: the session says so
when it opens, exactly as in a folder that cannot be written, instead of at the first save.

The file is made immutable (``chattr +i``): the tests run as root, who writes a 0444 file anyway.
The file is already in WAL mode (as sgdesk leaves it), so opening it writes nothing and only a
write tells."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sgdesk.errors import UserDataError
from sgdesk.store.userdb import USER_DB_NAME, open_user_database
from sgdesk.store.usernotes import UserNotesStore
from tests.store.test_userdb_edges import _contents, _favorite, _immutable, _with_notes


@pytest.fixture
def immutable_file(tmp_path: Path) -> Iterator[Path]:
    path = _with_notes(tmp_path / "datos")
    with _immutable(path):
        yield path


def test_an_unwritable_file_opens_read_only_and_says_so_at_once(immutable_file: Path) -> None:
    before = immutable_file.read_bytes()
    database = open_user_database(immutable_file.parent)
    try:
        assert database.read_only
        said = f"No se puede escribir en {immutable_file} (el archivo es de solo lectura)."
        assert database.problem == said
        assert _contents(UserNotesStore(database)) == (["n1"], ["decreto-1-2000"])
        with pytest.raises(UserDataError, match=f"^No se guardó. No se puede escribir en {immutable_file} "):
            UserNotesStore(database).add_favorite(_favorite("mision"))
    finally:
        database.close()
    assert immutable_file.read_bytes() == before
    assert sorted(p.name for p in immutable_file.parent.glob("*.db")) == [USER_DB_NAME]  # not set aside


def test_the_same_words_as_a_folder_that_cannot_be_written(immutable_file: Path) -> None:
    folder = immutable_file.parent
    from_file = open_user_database(folder)
    from_file.close()
    with _immutable(folder):
        from_folder = open_user_database(folder)
        from_folder.close()
    prefix = f"No se puede escribir en {immutable_file} ("
    assert str(from_file.problem).startswith(prefix)
    assert str(from_folder.problem).startswith(prefix)


def test_a_file_another_program_is_writing_is_neither_read_only_nor_damaged(tmp_path: Path) -> None:
    """The write probe waits for the lock like any write; a busy file stays writable."""
    path = _with_notes(tmp_path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        database = open_user_database(tmp_path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    try:
        assert (database.read_only, database.problem) == (False, None)
        UserNotesStore(database).add_favorite(_favorite("mision"))
        assert _contents(UserNotesStore(database)) == (["n1"], ["decreto-1-2000", "mision"])
    finally:
        database.close()
    assert sorted(p.name for p in tmp_path.glob("*.db")) == [USER_DB_NAME]


def test_after_the_probe_a_save_still_waits_for_another_writer(tmp_path: Path) -> None:
    """The probe does not wait for a lock; the saves afterwards do (a «sgdesk notes add» from a
    script, writing at the same moment, delays a save by a moment instead of failing it)."""
    path = _with_notes(tmp_path)
    database = open_user_database(tmp_path)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: other.execute("ROLLBACK"))
    release.start()
    try:
        UserNotesStore(database).add_favorite(_favorite("mision"))
        assert _contents(UserNotesStore(database)) == (["n1"], ["decreto-1-2000", "mision"])
    finally:
        release.join()
        other.close()
        database.close()
