"""A corpus that cannot be used: the window still opens and says why, in Spanish."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sgdesk.ui.mainwindow import MainWindow
from tests.altered import altered_copy
from tests.ui.helpers import answer_file_dialog, current_tree_id, error_dialog, visible_titles

BadFile = Callable[[Path, Path], Path]


def writable_copy(corpus_db: Path, folder: Path) -> Path:
    return altered_copy(corpus_db, folder / "copia.db")


def missing(corpus_db: Path, folder: Path) -> Path:
    return folder / "no-existe.db"


def empty(corpus_db: Path, folder: Path) -> Path:
    path = folder / "vacia.db"
    path.touch()
    return path


def random_bytes(corpus_db: Path, folder: Path) -> Path:
    path = folder / "ruido.db"
    path.write_bytes(os.urandom(64 * 1024))
    return path


def truncated(corpus_db: Path, folder: Path) -> Path:
    path = folder / "cortada.db"
    data = corpus_db.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def newer_schema(corpus_db: Path, folder: Path) -> Path:
    return altered_copy(corpus_db, folder / "copia.db", "PRAGMA user_version = 99")


def without_nodes(corpus_db: Path, folder: Path) -> Path:
    return altered_copy(corpus_db, folder / "copia.db", "DROP TABLE nodes")


# (how to spoil the file, words the explanation must contain)
CASES = {
    "missing": (missing, ["No se encuentra la base de datos", "no-existe.db"]),
    "empty": (empty, ["está vacía", "vacia.db"]),
    "random": (random_bytes, ["no es una base de datos de sgdesk", "ruido.db"]),
    "truncated": (truncated, ["está incompleta", "cortada.db"]),
    "newer-schema": (newer_schema, ["versión más reciente", "esquema 99", "Actualice la aplicación"]),
    "no-nodes-table": (without_nodes, ["faltan las tablas", "nodes"]),
}


@pytest.fixture(params=list(CASES))
def bad_case(request: pytest.FixtureRequest, corpus_db: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    spoil, words = CASES[request.param]
    folder = tmp_path / "bad"
    folder.mkdir()
    return spoil(corpus_db, folder), words


def test_window_opens_and_explains(
    make_window: Callable[..., MainWindow], bad_case: tuple[Path, list[str]], qtbot: QtBot
) -> None:
    path, words = bad_case
    window = make_window(database=path)

    assert window.isVisible()
    assert window.library is None
    box = error_dialog(window)
    qtbot.waitUntil(box.isVisible)
    assert box.windowTitle() == "No se pudo abrir el corpus"
    assert box.icon() == QMessageBox.Icon.Critical
    for word in words:
        assert word in box.text()
    assert "Archivo › Abrir base de datos…" in box.text()
    ok = box.button(QMessageBox.StandardButton.Ok)
    assert ok is not None

    page = window.reading_pane.toPlainText()
    assert page.startswith("No se pudo abrir el corpus")
    for word in words:
        assert word in page
    assert "Ctrl+O" in page

    assert window.tree_model.rowCount() == 0
    assert window.content_label.text() == "Sin corpus"
    commands = window.commands
    for action in (commands.find_action, commands.copy_citation_action, commands.home_action):
        assert not action.isEnabled()
    assert not window.commands.back_action.isEnabled()

    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    # the rest of the window still responds, without a corpus
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_label.text() == "Zoom 110 %"
    assert window.reading_pane.toPlainText() == page


def test_a_good_database_can_be_opened_after_a_bad_start(
    make_window: Callable[..., MainWindow], corpus_db: Path, tmp_path: Path
) -> None:
    window = make_window(database=tmp_path / "no-existe.db")
    assert window.open_database(corpus_db)
    assert window.current_node_id == "mision"
    assert window.reading_pane.toPlainText().startswith("Misión")
    assert visible_titles(window.tree_view) == ["Información General"]
    assert window.content_label.text().startswith("Contenido con cambios hasta 2012, edición 1")
    assert window.commands.find_action.isEnabled()


def test_opening_a_bad_database_keeps_the_good_one(
    window: MainWindow, bad_case: tuple[Path, list[str]], qtbot: QtBot
) -> None:
    path, words = bad_case
    window.open_node("decreto-267-2007/art-7")
    library = window.library
    page = window.reading_pane.toPlainText()
    label = window.content_label.text()

    assert not window.open_database(path)

    box = error_dialog(window)
    qtbot.waitUntil(box.isVisible)
    for word in words:
        assert word in box.text()
    assert window.library is library
    assert window.current_node_id == "decreto-267-2007/art-7"
    assert window.reading_pane.toPlainText() == page
    assert current_tree_id(window.tree_view) == "decreto-267-2007/art-7"
    assert visible_titles(window.tree_view) == ["Información General"]
    assert window.content_label.text() == label
    box.accept()
    window.open_node("vision")  # and it is still usable
    assert window.reading_pane.toPlainText().startswith("Visión")
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_node_id == "decreto-267-2007/art-7"


def test_a_corpus_without_any_node_opens_an_empty_window(
    make_window: Callable[..., MainWindow], corpus_db: Path, tmp_path: Path
) -> None:
    path = altered_copy(corpus_db, tmp_path / "copia.db", "DELETE FROM nodes")

    window = make_window(database=path)

    assert window.library is not None
    assert window.tree_model.rowCount() == 0
    assert window.current_node_id is None
    assert "No existe la sección o disposición «mision»" in window.statusBar().currentMessage()


# -- Archivo › Abrir base de datos… (Ctrl+O) -----------------------------------


def test_ctrl_o_switches_to_the_chosen_database(
    window: MainWindow, corpus_db: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    other = writable_copy(corpus_db, tmp_path)
    window.open_node("decreto-267-2007")
    window.open_node("decreto-163-2008")

    dialog = answer_file_dialog(other)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)

    assert dialog.title == "Abrir base de datos del corpus"
    assert dialog.filters == ["Bases de datos de sgdesk (*.db *.sqlite)", "Todos los archivos (*)"]
    assert [b.replace("&", "") for b in dialog.buttons] == ["Abrir", "Cancelar"]
    assert window.library is not None
    assert window.library.info.path == other
    assert window.current_node_id == "mision"
    assert current_tree_id(window.tree_view) == "mision"
    assert not window.commands.back_action.isEnabled(), "the history of the other corpus is gone"
    assert window.findChild(QMessageBox, "errorDialog") is None


def test_ctrl_o_with_a_bad_file_explains_and_keeps_the_corpus(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    window.open_node("valores")
    library = window.library
    answer_file_dialog(empty(tmp_path, tmp_path))
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    box = error_dialog(window)
    qtbot.waitUntil(box.isVisible)
    assert "está vacía" in box.text()
    assert window.library is library
    assert window.current_node_id == "valores"


def test_cancelling_ctrl_o_changes_nothing(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("valores")
    library = window.library
    answer_file_dialog(None)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.library is library
    assert window.current_node_id == "valores"
    assert window.findChild(QMessageBox, "errorDialog") is None
