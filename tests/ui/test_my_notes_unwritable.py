"""«Mis notas» when the user database cannot be written: an immutable file in a writable folder
behaves as an immutable folder (issue #12, point 1): the dock says so at once, the favorites
already saved are listed, Ctrl+B says nothing was saved, the window keeps working."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sgdesk.content.annotations import Favorite
from sgdesk.store.userdb import USER_DB_NAME, open_user_database
from sgdesk.store.usernotes import UserNotesStore
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.notes_panel import GROUP_FAVORITES
from tests.store.test_userdb_edges import _immutable


def _listed_favorites(window: MainWindow) -> list[str]:
    deadline = time.monotonic() + 10
    while window.my_notes.listing_pending and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.002)
    return window.my_notes.panel.entries(GROUP_FAVORITES)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_an_unwritable_user_database_is_said_at_once_and_read(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path, what: str
) -> None:
    database = open_user_database(data_dir)
    UserNotesStore(database).add_favorite(Favorite("vision", "Visión", "", 0, "2026-01-01T10:00:00Z"))
    database.close()
    path = data_dir / USER_DB_NAME
    with _immutable(path if what == "file" else data_dir):
        window = make_window()
        window.open_node("mision")
        dock = window.docks["myNotesDock"]
        dock.show()
        dock.raise_()
        qtbot.waitUntil(dock.isVisible)
        favorites = _listed_favorites(window)
        label = window.my_notes.panel.problem_label
        assert label.isVisible()
        assert label.text().startswith(f"No se puede escribir en {path} (")
        assert any("Visión" in entry for entry in favorites), favorites
        qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        said = window.statusBar().currentMessage()
        assert said.startswith(f"No se guardó. No se puede escribir en {path} (")
        assert window.current_node_id == "mision"
        window.close()
