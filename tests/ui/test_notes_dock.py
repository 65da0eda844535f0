"""The «Mis notas» dock: deleting folders, and what another process writes appears by itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.my_notes import GROUP_FAVORITES

LIT_N = "decreto-267-2007/art-7/lit-n"


def _show_dock(window: MainWindow, qtbot: QtBot) -> None:
    dock = window.docks["myNotesDock"]
    dock.show()
    dock.raise_()
    qtbot.waitUntil(dock.isVisible)


def _find(window: MainWindow, text: str) -> QModelIndex:
    model = window.my_notes.panel.model
    [index] = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, text, 1,
                          Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive)  # fmt: skip
    return index


def _favorites(window: MainWindow) -> list[str]:
    return window.my_notes.panel.entries(GROUP_FAVORITES)


def test_supr_on_a_folder_deletes_it_after_asking_and_keeps_its_favorites(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    asked: list[str] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return next(answers)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window = make_window()
    library = window.library
    assert library is not None
    notes = window.my_notes.notes
    for node_id in ("decreto-267-2007", LIT_N, "mision"):
        notes.add_favorite(library, node_id)
    notes.create_folder("Contratos")
    notes.place_favorite("mision", "Contratos")
    notes.place_favorite(LIT_N, "Contratos")
    _show_dock(window, qtbot)
    qtbot.waitUntil(lambda: "Contratos (2)" in _favorites(window))
    view = window.my_notes.panel.view
    view.setFocus()
    view.setCurrentIndex(_find(window, "Contratos"))
    assert window.my_notes.panel.delete_action.isEnabled()
    assert window.my_notes.panel.delete_action.text() == "E&liminar carpeta"

    qtbot.keyClick(view, Qt.Key.Key_Delete)  # «No»: nothing changes
    assert "Contratos (2)" in _favorites(window)
    assert notes.folders() == ["Contratos"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # «Sí»
    assert len(asked) == 2
    assert "Contratos" in asked[0]
    assert "no se borran" in asked[0]
    qtbot.waitUntil(
        lambda: _favorites(window) == ["Decreto 267 de 2007", "Misión", "Decreto 267 de 2007, art. 7, lit. n"]
    )
    assert notes.folders() == []
    assert view.currentIndex().data().startswith(GROUP_FAVORITES)
