"""The user database at its edges: the second, read-only connection the workers use (the dock's
listing, searches that include my notes), a folder that cannot be written, a damaged file set
aside, and the numbers that tell a window something changed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sgdesk.content.annotations import Annotation, AnnotationKind, Favorite, TextAnchor
from sgdesk.store.userdb import USER_DB_NAME, open_reader, open_user_database
from sgdesk.store.usernotes import UserNotesStore

READER = "Conexión de solo lectura."


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


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[Path]:
    """A data folder with notes in it that nobody can write, root included (``chattr +i``)."""
    folder = tmp_path / "datos"
    _with_notes(folder)
    if not sys.platform.startswith("linux") or shutil.which("chattr") is None:
        pytest.skip("needs chattr (Linux)")
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False).returncode != 0:
        pytest.skip("chattr +i refused (needs root and a file system that has it)")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_in_a_folder_that_cannot_be_written_every_connection_still_reads_the_notes(unwritable: Path) -> None:
    """SQLite cannot make the WAL's shared-memory file there: the window's connection and the
    workers' (the dock's listing, searches with my notes) both read the file as it is."""
    before = sorted(p.name for p in unwritable.iterdir())
    window = open_user_database(unwritable)
    reader = open_reader(unwritable / USER_DB_NAME)
    try:
        assert window.read_only
        assert str(window.problem).startswith(f"No se puede escribir en {unwritable / USER_DB_NAME}")
        assert _contents(UserNotesStore(window)) == (["n1"], ["decreto-1-2000"])
        assert (reader.problem, reader.path) == (READER, unwritable / USER_DB_NAME)
        assert _contents(UserNotesStore(reader)) == (["n1"], ["decreto-1-2000"])
    finally:
        window.close()
        reader.close()
    assert sorted(p.name for p in unwritable.iterdir()) == before
