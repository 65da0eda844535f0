"""Mis notas in the reading pane and the tree: passages over several paragraphs, the ✎ in the
margin (hover shows the note, escaped; a click edits it), the marks on the parents' rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QToolTip
from pytestqt.qtbot import QtBot

from sgdesk.notes import MyNotes
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.tree_model import NOTED_MARK, WITHIN_DESCRIPTION
from tests.ui.helpers import painted_marks

LIT_N = "decreto-267-2007/art-7/lit-n"
PASSAGE = "proyección y estrategia internacional"
# The three paragraphs of «Políticas Generales»: a selection from the first into the third.
FIRST = "asociado estratégico en la gestión pública del Distrito."
LAST = "Se creará una cultura de co-responsabilidad"
NOTE = 'ver <b>concepto</b> & "2023-114"'
MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def _select_between(window: MainWindow, first: str, last: str) -> None:
    pane = window.reading_pane
    text = pane.toPlainText()
    start = text.index(first)
    end = text.index(last, start) + len(last)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)


def _stored(data_dir: Path) -> MyNotes:
    return MyNotes.open(data_dir)


def test_a_selection_over_three_paragraphs_is_anchored_and_painted_across_them(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path
) -> None:
    window = make_window()
    window.my_notes.start()
    window.open_node("politicas-generales")
    _select_between(window, FIRST, LAST)
    qtbot.keyClick(window, Qt.Key.Key_H, MODIFIERS)  # «Subrayar en amarillo»

    stored = _stored(data_dir)
    try:
        [highlight] = stored.annotations()
    finally:
        stored.close()
    assert highlight.node_id == "politicas-generales"
    assert highlight.anchor is not None
    assert highlight.anchor.exact.startswith(FIRST)
    assert highlight.anchor.exact.endswith(LAST)

    window.open_node("mision")
    window.open_node("politicas-generales")  # painted again from the database
    pane = window.reading_pane
    assert pane.user_mark_count == 1
    [mark] = [m for m in painted_marks(pane) if m.background == "#fff0a0"]
    document = pane.document()
    first_block = document.findBlock(mark.start)
    last_block = document.findBlock(mark.end)
    assert last_block.blockNumber() - first_block.blockNumber() == 2  # three paragraphs
    painted = " ".join(mark.text.split())
    assert painted.startswith(FIRST)
    assert painted.endswith(LAST)


def _note_on_passage(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args, **kwargs: (NOTE, True))
    window.my_notes.start()
    window.open_node("decreto-267-2007")
    pane = window.reading_pane
    start = pane.toPlainText().index(PASSAGE)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(PASSAGE), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    qtbot.keyClick(window, Qt.Key.Key_M, MODIFIERS)  # «Nota…»


def _tooltip_at(widget: object, point: QPoint, qtbot: QtBot) -> str:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, point, widget.mapToGlobal(point))
    QApplication.sendEvent(widget, event)
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


@pytest.mark.qt_log_ignore("does not support raise")
def test_a_note_shows_in_the_margin_beside_its_passage_hover_shows_it_escaped(
    make_window: Callable[..., MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    pane = window.reading_pane
    window.open_node("decreto-267-2007")
    assert pane.note_margin.marker_rects() == []  # no note yet: no marker
    _note_on_passage(window, qtbot, monkeypatch)

    margin = pane.note_margin
    assert margin.isVisible()
    assert margin.width() > 0
    pane.scroll_to_node(LIT_N)
    qtbot.waitUntil(lambda: len(margin.marker_rects()) == 1)
    [(rect, mark)] = margin.marker_rects()
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.toPlainText().index(PASSAGE))
    line = pane.cursorRect(cursor)  # the passage's line, in the text's coordinates
    assert abs(rect.top() - (line.top() + pane.viewport().y() - margin.y())) <= 1
    assert mark.note == NOTE

    shown = _tooltip_at(margin, rect.center(), qtbot)
    assert "&lt;b&gt;concepto&lt;/b&gt;" in shown  # the user's text, never read as markup
    assert "<b>concepto</b>" not in shown
    assert PASSAGE in shown

    # Hovering the painted passage itself shows the note too.
    over_text = pane.cursorRect(cursor).center() + QPoint(4, 0)
    shown = _tooltip_at(pane.viewport(), over_text, qtbot)
    assert "&lt;b&gt;concepto&lt;/b&gt;" in shown


def test_a_click_on_the_margin_marker_edits_the_note(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    _note_on_passage(window, qtbot, monkeypatch)
    pane = window.reading_pane
    pane.scroll_to_node(LIT_N)
    qtbot.waitUntil(lambda: len(pane.note_margin.marker_rects()) == 1)
    [(rect, _mark)] = pane.note_margin.marker_rects()

    offered: list[str] = []

    def edit(*args: object, **kwargs: object) -> tuple[str, bool]:
        offered.append(str(args[3]))  # the text the dialog opens with
        return ("concepto revisado", True)

    monkeypatch.setattr(QInputDialog, "getMultiLineText", edit)
    qtbot.mouseClick(pane.note_margin, Qt.MouseButton.LeftButton, pos=rect.center())
    assert offered == [NOTE]
    stored = _stored(data_dir)
    try:
        [note] = stored.annotations()
    finally:
        stored.close()
    assert note.text == "concepto revisado"
    [(_rect, mark)] = pane.note_margin.marker_rects()
    assert mark.note == "concepto revisado"  # the hover shows the new text

    # A click beside no marker edits nothing.
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: pytest.fail("no dialog expected"))
    empty = QPointF(rect.center().x(), rect.bottom() + 200)
    release = QMouseEvent(QEvent.Type.MouseButtonRelease, empty, empty, Qt.MouseButton.LeftButton,
                          Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(pane.note_margin, release)


def test_the_tree_marks_the_parents_of_a_noted_unit_with_a_dot(
    make_window: Callable[..., MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    tree = window.tree_model
    _note_on_passage(window, qtbot, monkeypatch)
    qtbot.waitUntil(lambda: not window.my_notes.listing_pending)  # the marks come from the worker
    literal, article = tree.index_for_id(LIT_N), tree.index_for_id("decreto-267-2007/art-7")
    norm, top = tree.index_for_id("decreto-267-2007"), tree.index_for_id("informacion-general")
    assert literal.data().endswith(NOTED_MARK)
    assert literal.data(Qt.ItemDataRole.DecorationRole) is None  # its own ✎ is enough
    for parent in (article, norm, top):
        assert not parent.data().endswith(NOTED_MARK)
        assert parent.data(Qt.ItemDataRole.DecorationRole) is not None
        assert parent.data(Qt.ItemDataRole.AccessibleDescriptionRole) == WITHIN_DESCRIPTION
        assert WITHIN_DESCRIPTION in parent.data(Qt.ItemDataRole.ToolTipRole)
    other = tree.index_for_id("mision")
    assert other.data(Qt.ItemDataRole.DecorationRole) is None
    assert other.data(Qt.ItemDataRole.AccessibleDescriptionRole) is None


def test_a_selection_over_two_literals_is_anchored_in_each_and_painted_in_both(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args, **kwargs: ("ver ambos", True))
    window = make_window()
    window.my_notes.start()
    window.open_node("decreto-267-2007")
    # From inside lit. m, over its vigencia note and lit. n's label, into lit. n.
    _select_between(window, "prevención y control disciplinario", "proyección y estrategia")
    qtbot.keyClick(window, Qt.Key.Key_M, MODIFIERS)  # «Nota…»

    stored = _stored(data_dir)
    try:
        first, second = stored.annotations()
    finally:
        stored.close()
    lit_m = "decreto-267-2007/art-7/lit-m"
    assert (first.node_id, first.text, first.kind.value) == (lit_m, "ver ambos", "note")
    assert first.anchor is not None
    assert first.anchor.exact.startswith("prevención y control disciplinario")
    assert first.anchor.exact.endswith("de las mismas;")  # to the end of lit. m, no vigencia note
    assert (second.node_id, second.kind.value) == (LIT_N, "highlight")
    assert second.anchor is not None
    assert second.anchor.exact.startswith("Formular y orientar")  # lit. n's label «n.» left out
    assert second.anchor.exact.endswith("proyección y estrategia")
    assert "Posiblemente" not in first.anchor.exact + second.anchor.exact

    window.open_node("mision")
    window.open_node("decreto-267-2007")
    pane = window.reading_pane
    assert pane.user_mark_count == 2
    painted = [" ".join(m.text.split()) for m in painted_marks(pane)]
    assert first.anchor.exact in painted
    assert second.anchor.exact in painted
    assert [mark.note for mark in pane.user_marks() if mark.note] == ["ver ambos"]  # one ✎


def test_a_repeated_word_is_highlighted_and_painted_where_it_was_selected(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    from tests.synthetic import build

    window = make_window(build(tmp_path))  # «Misión»: «Texto de prueba de la misión.»
    window.my_notes.start()
    window.open_node("mision")
    pane = window.reading_pane
    second = pane.toPlainText().index("prueba de") + len("prueba ")  # the second «de» on the page
    cursor = QTextCursor(pane.document())
    cursor.setPosition(second)
    cursor.setPosition(second + 2, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    qtbot.keyClick(window, Qt.Key.Key_H, MODIFIERS)  # «Subrayar en amarillo»

    stored = _stored(data_dir)
    try:
        [highlight] = stored.annotations()
    finally:
        stored.close()
    assert highlight.anchor is not None
    assert highlight.anchor.start == "Texto de prueba de la misión.".index("prueba de") + len("prueba ")
    assert highlight.anchor.prefix == "Texto de prueba "

    window.open_node("funciones")
    window.open_node("mision")  # painted again from the database
    [mark] = [m for m in painted_marks(pane) if m.background == "#fff0a0"]
    assert (mark.start, mark.text) == (second, "de")


def test_a_window_opened_at_a_link_paints_the_notes_too(
    qtbot: QtBot, corpus_db: Path, data_dir: Path
) -> None:
    from sgdesk.app import create_main_window
    from sgdesk.library import Library

    library, stored = Library.open(corpus_db), _stored(data_dir)
    try:
        stored.add_note(library, LIT_N, "nota", PASSAGE)
    finally:
        stored.close()
        library.close()
    window = create_main_window(corpus_db, data_dir)
    qtbot.addWidget(window)
    window.links.open_link("sgdesk://decreto-267-2007/art-7")  # as `sgdesk sgdesk://…` does: a tab of its own
    window.show()
    qtbot.waitExposed(window)
    # The work after the first frame runs although the first tab's pane is never painted.
    qtbot.waitUntil(lambda: window.reading_pane.user_mark_count == 1)
    assert window.tabs.widget.count() == 2
