"""Screen readers (NVDA, Narrator) read Qt through QAccessible: every interactive element of the
main window and of every dialog has a Spanish name, and the reading pane exposes its text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from sgdesk.ui.import_dialog import open_preview
from sgdesk.ui.mainwindow import MainWindow

Role = QAccessible.Role
INTERACTIVE = {
    Role.Button, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.EditableText, Role.SpinBox,
    Role.List, Role.Tree, Role.Table, Role.ButtonMenu, Role.ButtonDropDown, Role.Slider, Role.PageTab,
    Role.Dial,
}  # fmt: skip
# Qt's English defaults: what a control says when nobody named it (or Qt's translation is missing).
ENGLISH = {"close", "float", "ok", "cancel", "apply", "open", "save", "help", "reset", "yes", "no",
           "restore", "more", "clear text", "line up", "line down", "page up", "page down", "position",
           "scroll here", "extension"}  # fmt: skip
BOUNDARIES = str.maketrans({"\u2029": " ", "\ufdd0": " ", "\ufdd1": " ", "\u2028": " "})
NORM = "DECRETO 123 DE 2010\n(marzo 3)\nPor el cual se dicta algo.\nARTÍCULO 1. Objeto. Texto.\n"


def unnamed(root: QWidget) -> list[str]:
    """Each interactive element under ``root`` without a Spanish accessible name (hidden
    ones included: a toolbar's overflow and a closed tab are still reachable)."""
    problems: list[str] = []

    def walk(node: QAccessibleInterface | None, path: str) -> None:
        if node is None or not node.isValid():
            return
        name = node.text(QAccessible.Text.Name).strip()
        owner = node.object()
        if isinstance(owner, QFileDialog):  # the system's file chooser on Windows, not ours
            return
        where = f"{path} › {node.role().name} {type(owner).__name__ if owner else ''} " \
                f"«{owner.objectName() if owner else ''}»"  # fmt: skip
        if node.role() in INTERACTIVE and (not name or name.lower() in ENGLISH):
            problems.append(f"{where}: «{name}»")
        for index in range(node.childCount()):
            walk(node.child(index), name or path)

    walk(QAccessible.queryAccessibleInterface(root), root.windowTitle())
    return problems


def _open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def inspect_dialog(qtbot: QtBot, open_it: Callable[[], object]) -> tuple[str, list[str]]:
    """Open a dialog (also a modal one), note its unnamed elements, close it."""
    found: list[tuple[str, list[str]]] = []

    def note_and_close() -> None:
        dialogs = _open_dialogs()
        if not dialogs:
            QTimer.singleShot(20, note_and_close)
            return
        dialog = dialogs[-1]
        found.append((dialog.windowTitle(), unnamed(dialog)))
        for open_dialog in dialogs:
            open_dialog.reject()

    QTimer.singleShot(50, note_and_close)
    open_it()
    qtbot.waitUntil(lambda: bool(found), timeout=10000)
    return found[0]


def test_the_main_window_names_every_control(window: MainWindow) -> None:
    assert window.search_panel is not None  # built after the first frame, or when used
    assert unnamed(window) == []


def test_the_reading_pane_exposes_its_text(window: MainWindow) -> None:
    pane = QAccessible.queryAccessibleInterface(window.reading_pane)
    assert pane is not None
    assert pane.text(QAccessible.Text.Name) == "Texto de la sección"
    text = pane.textInterface()
    assert text is not None
    whole = text.text(0, text.characterCount())
    assert "La Secretaría General de la Alcaldía Mayor de Bogotá" in whole
    # Qt marks paragraph and frame boundaries with its own characters: the words are the page's.
    assert whole.translate(BOUNDARIES).split() == window.reading_pane.toPlainText().split()


@pytest.mark.parametrize(
    "dialog",
    ["Exportar a PDF", "Comparar fechas", "Organigrama", "Historial", "Actualizar contenido",
     "Carpeta de actualizaciones", "Importar norma", "Acerca de", "Nota", "Enlaces de la página"],
)  # fmt: skip
def test_every_dialog_names_every_control(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, dialog: str
) -> None:
    updates = window.content_updates
    assert updates is not None
    norm = tmp_path / "norma.txt"
    norm.write_text(NORM, encoding="utf-8")
    openers: dict[str, Callable[[], object]] = {
        "Exportar a PDF": window.commands.export_action.trigger,
        "Comparar fechas": window.commands.compare_action.trigger,
        "Organigrama": window.commands.org_chart_action.trigger,
        "Historial": window.commands.history_action.trigger,
        "Actualizar contenido": updates.update_action.trigger,
        "Carpeta de actualizaciones": updates.folder_action.trigger,
        "Importar norma": lambda: open_preview(window, norm),
        "Acerca de": window.commands.about_action.trigger,
        "Nota": window.commands.note_action.trigger,
        "Enlaces de la página": window.commands.links_action.trigger,
    }
    title, problems = inspect_dialog(qtbot, openers[dialog])
    assert title
    assert problems == [], title
