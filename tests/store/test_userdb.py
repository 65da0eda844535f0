"""The user database: migrations, WAL, and what happens with a newer, damaged or unwritable file."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from sgdesk.content.annotations import Annotation, AnnotationKind, Favorite, TextAnchor
from sgdesk.errors import UserDataError
from sgdesk.store.userdb import LATEST_VERSION, USER_DB_NAME, open_user_database
from sgdesk.store.usernotes import UserNotesStore


def _note(note_id: str = "n1", text: str = "ver concepto 2023-114", updated: str = "2026-01-02T10:00:00Z"):
    anchor = TextAnchor("gestión documental", "dirigir la ", " del distrito", 40, 58)
    return Annotation(note_id, "decreto-267-2007/art-7/lit-n", AnnotationKind.NOTE, text, anchor, "v1",
                      "2026-01-01T10:00:00Z", updated, "Literal n")  # fmt: skip


def _favorite(node_id: str = "decreto-267-2007", folder: str = "") -> Favorite:
    return Favorite(node_id, "Decreto 267 de 2007", folder, 0, "2026-01-01T10:00:00Z")


def test_a_new_database_is_migrated_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    database = open_user_database(tmp_path / "datos")
    try:
        assert not database.read_only
        connection = database.connection
        assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        database.close()
    assert (tmp_path / "datos" / USER_DB_NAME).is_file()


def test_notes_and_favorites_survive_reopening(tmp_path: Path) -> None:
    database = open_user_database(tmp_path)
    store = UserNotesStore(database)
    store.save_annotation(_note())
    assert store.add_favorite(_favorite(folder="Contratación"))
    assert not store.add_favorite(_favorite(folder="Contratación"))  # already a favorite
    database.close()

    reopened = open_user_database(tmp_path)
    store = UserNotesStore(reopened)
    assert store.annotations() == [_note()]
    assert [(f.node_id, f.folder) for f in store.favorites()] == [("decreto-267-2007", "Contratación")]
    assert store.remove_favorite("decreto-267-2007")
    assert store.favorites() == []
    reopened.close()


def test_a_failed_write_leaves_nothing_half_done(tmp_path: Path) -> None:
    database = open_user_database(tmp_path)
    store = UserNotesStore(database)
    bad = replace(_note("n2"), node_id=None)  # breaks NOT NULL after a good row
    with pytest.raises(UserDataError):
        store.merge([_favorite()], [_note(), bad])
    assert store.annotations() == []
    assert store.favorites() == []
    database.close()


def test_merge_keeps_the_newer_copy_and_counts(tmp_path: Path) -> None:
    database = open_user_database(tmp_path)
    store = UserNotesStore(database)
    store.save_annotation(_note(text="antes", updated="2026-02-01T00:00:00Z"))
    older = _note(text="más vieja", updated="2026-01-01T00:00:00Z")
    favorites, notes = store.merge([_favorite()], [older, _note("n9")])
    assert (notes.added, notes.updated, notes.unchanged) == (1, 0, 1)
    assert favorites.added == 1
    newer = _note(text="más nueva", updated="2026-03-01T00:00:00Z")
    _, notes = store.merge([_favorite()], [newer])
    assert notes.updated == 1
    assert {a.id: a.text for a in store.annotations()} == {"n1": "más nueva", "n9": "ver concepto 2023-114"}
    database.close()


def test_a_newer_database_is_read_but_never_written(tmp_path: Path) -> None:
    database = open_user_database(tmp_path)
    UserNotesStore(database).save_annotation(_note())
    database.connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    database.close()
    path = tmp_path / USER_DB_NAME
    before = path.read_bytes()

    newer = open_user_database(tmp_path)
    store = UserNotesStore(newer)
    assert newer.read_only
    assert "versión más reciente de sgdesk" in str(newer.problem)
    assert [a.id for a in store.annotations()] == ["n1"]
    with pytest.raises(UserDataError, match="No se guardó"):
        store.save_annotation(_note("n2"))
    newer.close()
    assert path.read_bytes() == before


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_file_is_set_aside_untouched_and_the_session_is_read_only(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / USER_DB_NAME
    if damage == "garbage":
        path.write_bytes(b"esto no es una base de datos" * 100)
    else:
        database = open_user_database(tmp_path)
        store = UserNotesStore(database)
        for number in range(300):
            store.save_annotation(_note(f"n{number}", text="x" * 500))
        database.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
        data = path.read_bytes()
        path.write_bytes(data[:4096] + b"\xff" * 4096 + data[8192:])
    damaged = path.read_bytes()

    opened = open_user_database(tmp_path)
    assert opened.read_only
    assert "está dañado" in str(opened.problem)
    assert "aparte" in str(opened.problem)
    assert UserNotesStore(opened).annotations() == []
    with pytest.raises(UserDataError):
        UserNotesStore(opened).add_favorite(_favorite())
    opened.close()
    aside = [p for p in tmp_path.iterdir() if ".dañada-" in p.name and p.suffix == ".db"]
    assert len(aside) == 1
    assert aside[0].read_bytes() == damaged
    assert not path.exists()

    fresh = open_user_database(tmp_path)  # the next session starts a new file
    assert not fresh.read_only
    fresh.close()


def test_a_folder_that_cannot_be_created_gives_an_empty_read_only_database(tmp_path: Path) -> None:
    blocker = tmp_path / "archivo"
    blocker.write_text("no soy una carpeta", encoding="utf-8")
    database = open_user_database(blocker / "datos")
    assert database.read_only
    assert "No se puede escribir en la carpeta" in str(database.problem)
    assert UserNotesStore(database).favorites() == []
    with pytest.raises(UserDataError):
        UserNotesStore(database).add_favorite(_favorite())
    database.close()


def test_an_old_database_is_migrated_forward(tmp_path: Path) -> None:
    path = tmp_path / USER_DB_NAME
    sqlite3.connect(path).close()  # an empty file at version 0
    database = open_user_database(tmp_path)
    assert database.connection.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    database.close()
