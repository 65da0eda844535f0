"""The keyboard's way to the notes of the page (F8, Shift+F8, Ctrl+F8): each note or highlight
in reading order, selected in the pane with the focus there, named for a screen reader, its ✎
ringed in the margin; Ctrl+F8 opens the note in the editor the ✎ opens; Ayuda lists the keys."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QToolTip
from pytestqt.qtbot import QtBot

from sgdesk.content.annotations import AnnotationKind
from sgdesk.library import Library
from sgdesk.notes import MyNotes
from sgdesk.ui.help_page import shortcut_groups
from sgdesk.ui.mainwindow import MainWindow

ART_7 = "decreto-267-2007/art-7"
LIT_M, LIT_N, LIT_A = f"{ART_7}/lit-m", f"{ART_7}/lit-n", f"{ART_7}/lit-a"
HIGHLIGHTED = "prevención y control disciplinario"  # lit. m
NOTED = "proyección y estrategia internacional"  # lit. n
NOTE = 'ver <b>concepto</b> & "2023-114"'
pytestmark = pytest.mark.qt_log_ignore("does not support raise")  # (the tooltip, offscreen)


@pytest.fixture
def noted(corpus_db: Path, data_dir: Path) -> None:
    """A note on the whole lit. a, a highlight in lit. m, a note on a passage of lit. n."""
    library, notes = Library.open(corpus_db), MyNotes.open(data_dir)
    try:
        notes.add_note(library, LIT_N, NOTE, NOTED)
        notes.add_note(library, LIT_M, "", HIGHLIGHTED, AnnotationKind.HIGHLIGHT, "verde")
        notes.add_note(library, LIT_A, "sobre el literal a")
    finally:
        notes.close()
        library.close()


def _window(make_window: Callable[..., MainWindow], qtbot: QtBot) -> MainWindow:
    window = make_window()
    window.my_notes.start()
    window.open_node(ART_7)
    qtbot.waitUntil(lambda: window.reading_pane.user_mark_count == 2)
    window.tree_view.setFocus()  # the keys work from anywhere in the window
    return window


def _selected(window: MainWindow) -> str:
    return " ".join(window.reading_pane.textCursor().selectedText().split())


def test_f8_goes_through_the_notes_of_the_page_in_reading_order(
    make_window: Callable[..., MainWindow], qtbot: QtBot, noted: None
) -> None:
    window = _window(make_window, qtbot)
    pane = window.reading_pane

    qtbot.keyClick(window, Qt.Key.Key_F8)  # the note on the whole lit. a: the cursor at its start
    assert QApplication.focusWidget() is pane
    at = pane.user_mark_at_cursor()
    assert at is not None
    assert (at.note, _selected(window)) == ("sobre el literal a", "")
    assert pane.textCursor().position() == pane.toPlainText().index("a. ")  # lit. a's label
    assert "Nota 1 de 3" in pane.accessibleDescription()
    assert "sobre toda la disposición" in pane.accessibleDescription()
    assert pane.note_margin.current == at.annotation_id  # its ✎ is ringed

    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert _selected(window) == HIGHLIGHTED
    assert pane.accessibleDescription().startswith(f"Subrayado 2 de 3: «{HIGHLIGHTED}»")
    assert "Subrayado 2 de 3" in window.statusBar().currentMessage()

    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert _selected(window) == NOTED
    assert NOTE in pane.accessibleDescription()  # (a description is plain text, not markup)
    assert "Ctrl+F8" in pane.accessibleDescription()
    qtbot.waitUntil(QToolTip.isVisible)  # the note shows beside its ✎, as on hover: escaped
    assert "&lt;b&gt;concepto&lt;/b&gt;" in QToolTip.text()
    assert NOTED in QToolTip.text()
    assert "Ctrl+F8 para editar" in QToolTip.text()

    qtbot.keyClick(window, Qt.Key.Key_F8)  # past the last: back to the first
    assert "Nota 1 de 3" in pane.accessibleDescription()
    assert "de vuelta al principio" in pane.accessibleDescription()

    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # back, past the first
    assert _selected(window) == NOTED
    assert "de vuelta al final" in pane.accessibleDescription()
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert _selected(window) == HIGHLIGHTED


def test_f8_starts_from_where_the_cursor_is(
    make_window: Callable[..., MainWindow], qtbot: QtBot, noted: None
) -> None:
    window = _window(make_window, qtbot)
    pane = window.reading_pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.toPlainText().index(HIGHLIGHTED) + 3)  # inside lit. m's highlight
    pane.setTextCursor(cursor)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert _selected(window) == NOTED
    pane.setTextCursor(cursor)
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert _selected(window) == HIGHLIGHTED


def test_ctrl_f8_edits_the_note_f8_went_to_in_the_margins_editor(
    make_window: Callable[..., MainWindow], qtbot: QtBot, noted: None, data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    asked: list[str] = []

    def edit(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append(str(args[3]))  # the text the editor opens with
        return "nota cambiada con el teclado", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", edit)
    window = _window(make_window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # from the top: the last
    assert _selected(window) == NOTED
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert asked == [NOTE]
    notes = MyNotes.open(data_dir)
    try:
        texts = {a.node_id: a.text for a in notes.annotations()}
    finally:
        notes.close()
    assert texts[LIT_N] == "nota cambiada con el teclado"
    assert texts[LIT_A] == "sobre el literal a"


def test_without_notes_f8_says_so_and_ctrl_f8_edits_nothing(
    make_window: Callable[..., MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: pytest.fail("no editor"))
    window = make_window()
    window.my_notes.start()
    window.open_node(ART_7)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.statusBar().currentMessage() == "Esta página no tiene notas ni subrayados."
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert "no está en una nota" in window.statusBar().currentMessage()


def test_ayuda_lists_the_keys_of_the_notes_of_the_page(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    listed = {name: keys for _group, rows in shortcut_groups(window) for name, keys in rows}
    assert listed["Nota o subrayado siguiente de la página"] == "F8"
    assert listed["Nota o subrayado anterior de la página"] in ("Shift+F8", "Mayúsculas+F8")
    assert listed["Editar la nota señalada…"] in ("Ctrl+F8", "Control+F8")
