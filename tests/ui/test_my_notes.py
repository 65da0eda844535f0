"""«Mis notas» in the window: Ctrl+B, a note on a selected passage, the dock, Enter opens."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from sgdesk.content.annotations import Annotation, AnnotationKind, TextAnchor
from sgdesk.notes import MyNotes
from sgdesk.store.userdb import USER_DB_NAME
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.notes_panel import GROUP_FAVORITES, GROUP_NOTES, GROUP_UNPLACED
from tests.ui.helpers import favorites_and_folder, painted_marks

LIT_N = "decreto-267-2007/art-7/lit-n"
PASSAGE = "proyección y estrategia internacional"


def _show_dock(window: MainWindow, qtbot: QtBot) -> None:
    dock = window.docks["myNotesDock"]
    dock.show()
    dock.raise_()
    qtbot.waitUntil(dock.isVisible)


def _listed(window: MainWindow) -> None:
    """Wait for the listing the dock asked of its worker thread."""
    deadline = time.monotonic() + 10
    while window.my_notes.listing_pending and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.002)
    assert not window.my_notes.listing_pending, "the dock's listing never arrived"


def _entries(window: MainWindow, group: str) -> list[str]:
    _listed(window)
    return window.my_notes.panel.entries(group)


def _select(window: MainWindow, text: str) -> None:
    pane = window.reading_pane
    start = pane.toPlainText().index(text)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)


def test_ctrl_b_toggles_the_favorite_and_the_dock_lists_it(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path
) -> None:
    window = make_window()
    _show_dock(window, qtbot)
    window.open_node("decreto-267-2007")
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    panel = window.my_notes.panel
    assert _entries(window, GROUP_FAVORITES) == ["Decreto 267 de 2007"]
    assert "Agregado" in window.statusBar().currentMessage()

    window.open_node("mision")
    panel.view.setFocus()
    favorite = panel.model.item(0).child(0).index()
    panel.view.setCurrentIndex(favorite)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.current_node_id == "decreto-267-2007"  # Enter opened it

    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert _entries(window, GROUP_FAVORITES) == []
    stored = MyNotes.open(data_dir)
    try:
        assert stored.annotations() == []
        assert stored._store.favorites() == []
    finally:
        stored.close()


def test_a_note_on_a_selected_passage_is_saved_listed_and_opens_marked(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = ("ver concepto 2023-114", True)  # what the user types in «Nota», and OK
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args, **kwargs: typed)
    window = make_window()
    _show_dock(window, qtbot)
    window.open_node("decreto-267-2007")
    _select(window, PASSAGE)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window, Qt.Key.Key_M, modifiers)

    stored = MyNotes.open(data_dir)
    try:
        [note] = stored.annotations()
    finally:
        stored.close()
    assert (note.node_id, note.text) == (LIT_N, "ver concepto 2023-114")
    assert note.anchor is not None
    assert note.anchor.exact == PASSAGE
    panel = window.my_notes.panel
    assert _entries(window, GROUP_NOTES) == [
        f"Decreto 267 de 2007, art. 7, lit. n · «{PASSAGE}» · ver concepto 2023-114"
    ]

    window.open_node("mision")
    panel.view.setCurrentIndex(panel.model.item(1).child(0).index())
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.current_node_id == LIT_N
    assert window.reading_pane.search_mark_count == 1  # the passage is marked


def test_notes_no_longer_found_are_listed_unplaced_with_their_quote(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path
) -> None:
    stored = MyNotes.open(data_dir)
    try:
        store = stored._store
        gone = TextAnchor("un texto que ya no está", "", "", 0, 23)
        when = "2026-01-01T00:00:00Z"
        note = AnnotationKind.NOTE
        store.save_annotation(Annotation("a", "mision", note, "<b>mía</b>", gone, "v0", when, when, "Misión"))
        store.save_annotation(
            Annotation("b", "decreto-1-1900", note, "otra", None, "v0", when, when, "Decreto 1 de 1900")
        )
    finally:
        stored.close()
    window = make_window()
    _show_dock(window, qtbot)
    panel = window.my_notes.panel
    assert _entries(window, GROUP_UNPLACED) == [
        "Misión · «un texto que ya no está» · <b>mía</b> · (sin ubicar)",
        "Decreto 1 de 1900 · otra · (no disponible en esta versión del contenido)",
    ]
    unplaced = panel.model.item(2).child(0)
    assert "&lt;b&gt;mía&lt;/b&gt;" in unplaced.toolTip()  # the user's text is data, not markup
    assert _entries(window, GROUP_NOTES) == []


def test_a_damaged_user_database_leaves_the_window_working_and_says_so(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path
) -> None:
    (data_dir / USER_DB_NAME).write_bytes(b"no es SQLite" * 100)
    window = make_window()
    _show_dock(window, qtbot)
    assert "está dañado" in window.my_notes.panel.problem_label.text()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert "No se guardó" in window.statusBar().currentMessage()
    assert window.current_node_id is not None


def test_the_dock_model_passes_the_model_tester(
    make_window: Callable[..., MainWindow], qtbot: QtBot, qtmodeltester: object
) -> None:
    window = make_window()
    _show_dock(window, qtbot)
    window.open_node("mision")
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtmodeltester.check(window.my_notes.panel.model)  # type: ignore[attr-defined]


def test_ctrl_h_lists_the_pages_opened_and_enter_opens_one(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path
) -> None:
    from datetime import date

    window = make_window()
    window.open_node("vision")
    window.point_in_time.bar.set_day(date(2008, 6, 30))  # «Vigente a» 30/06/2008
    qtbot.waitUntil(lambda: window.point_in_time.day == date(2008, 6, 30))
    window.open_node(LIT_N)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = window.my_notes.history_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    rows = [
        [dialog.tree.topLevelItem(row).text(column) for column in (1, 2)]
        for row in range(dialog.tree.topLevelItemCount())
    ]
    assert rows[0] == ["Decreto 267 de 2007, art. 7, lit. n", "30/06/2008"]
    assert rows[1] == ["Visión", "hoy (texto actual)"]
    assert rows[-1][0] == "Misión"  # the page the window opened with

    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1))
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert window.current_node_id == "vision"
    assert not dialog.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = window.my_notes.history_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert dialog.tree.topLevelItemCount() == 0
    dialog.days.setValue(0)  # «no guardar»
    dialog.reject()
    window.open_node("mision")
    stored = MyNotes.open(data_dir)
    try:
        assert stored.visits() == []
        assert stored.history_days == 0
    finally:
        stored.close()


def test_the_dock_searches_only_my_notes(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path
) -> None:
    window = make_window()
    library = window.library
    assert library is not None
    window.my_notes.notes.add_note(library, LIT_N, "Aplica a la contratación", quote=PASSAGE)
    window.my_notes.notes.add_note(library, "mision", "ver concepto 2023-114")
    _show_dock(window, qtbot)
    panel = window.my_notes.panel
    qtbot.keyClicks(panel.search_field, "contratacion")
    assert _entries(window, "Encontradas en mis notas") == [
        f"Decreto 267 de 2007, art. 7, lit. n · «{PASSAGE}» · Aplica a la contratación"
    ]
    panel.search_field.setText("nada parecido")
    assert panel.model.item(0).text() == "Ninguna nota coincide"
    panel.search_field.clear()
    assert len(_entries(window, GROUP_NOTES)) == 2


def test_the_dock_lists_the_latest_notes_and_says_how_many_more(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path
) -> None:
    from sgdesk.ui.notes_panel import NOTES_LISTED

    stored = MyNotes.open(data_dir)
    try:
        when = "2026-01-01T00:00:00Z"
        kind = AnnotationKind.NOTE
        count = NOTES_LISTED + 7
        notes = [
            Annotation(f"n{i:04d}", "mision", kind, f"nota {i}", None, "v0", when, when) for i in range(count)
        ]
        stored._store.merge([], notes)
    finally:
        stored.close()
    window = make_window()
    _show_dock(window, qtbot)
    rows = _entries(window, GROUP_NOTES)
    assert len(rows) == NOTES_LISTED + 1
    assert rows[0] == "… y 7 anteriores: búsquelas con «Solo mis notas»"
    assert window.my_notes.panel.model.item(1).text() == f"Notas ({NOTES_LISTED + 7})"


def test_subrayar_paints_the_passage_and_it_stays_painted(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path
) -> None:
    from datetime import date

    window = make_window()
    window.my_notes.start()  # as after the first frame
    window.open_node("decreto-267-2007")
    pane = window.reading_pane
    assert pane.user_mark_count == 0
    _select(window, PASSAGE)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window, Qt.Key.Key_H, modifiers)  # «Subrayar en amarillo»
    assert pane.user_mark_count == 1
    [mark] = [m for m in painted_marks(pane) if m.text == PASSAGE]
    assert mark.background == "#fff0a0"

    stored = MyNotes.open(data_dir)
    try:
        [highlight] = stored.annotations()
    finally:
        stored.close()
    assert (highlight.kind, highlight.color, highlight.node_id) == (
        AnnotationKind.HIGHLIGHT,
        "amarillo",
        LIT_N,
    )

    window.open_node("mision")
    assert pane.user_mark_count == 0
    window.open_node("decreto-267-2007")
    assert pane.user_mark_count == 1  # painted again when the page comes back
    window.point_in_time.bar.set_day(date(2010, 1, 1))
    qtbot.waitUntil(lambda: window.point_in_time.day == date(2010, 1, 1))
    assert pane.user_mark_count == 1  # and after a «Vigente a» change


def test_subrayar_without_a_selection_says_what_to_do(
    make_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window = make_window()
    window.open_node("mision")
    window.commands.highlight_actions[1].trigger()  # «Subrayar en verde»
    assert "Seleccione" in window.statusBar().currentMessage()


def _note_row(window: MainWindow, text: str) -> object:
    _listed(window)
    panel = window.my_notes.panel
    group = panel.model.item(1)  # «Notas»
    for row in range(group.rowCount()):
        if text in group.child(row).text():
            return group.child(row).index()
    raise AssertionError(f"no row with {text!r} in {_entries(window, GROUP_NOTES)}")


def test_f2_edits_a_note_with_the_note_dialog_and_supr_deletes_it_after_asking(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[tuple[str, ...]] = []

    def dialog(*args: object) -> tuple[str, bool]:
        asked.append(tuple(str(a) for a in args[1:]))
        return ("<i>definitiva</i>", True)

    monkeypatch.setattr(QInputDialog, "getMultiLineText", dialog)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    questions: list[str] = []

    def ask(box: QMessageBox) -> QMessageBox.StandardButton:
        questions.append(box.text())
        assert box.textFormat() == Qt.TextFormat.PlainText
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", ask)
    window = make_window()
    library = window.library
    assert library is not None
    note = window.my_notes.notes.add_note(library, LIT_N, "borrador <b>", quote=PASSAGE)
    window.my_notes.start()
    window.open_node("decreto-267-2007")
    _show_dock(window, qtbot)
    panel = window.my_notes.panel
    panel.view.setFocus()
    panel.view.setCurrentIndex(_note_row(window, "borrador"))
    assert (panel.edit_action.text(), panel.edit_action.isEnabled()) == ("&Editar nota…", True)
    assert not panel.move_action.isEnabled()  # the context menu offers what applies to a note
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    assert asked[0][2] == "borrador <b>"  # the dialog opens with the note's text
    assert asked[0][1].startswith("<qt>")  # the label is escaped rich text
    assert _entries(window, GROUP_NOTES) == [
        f"Decreto 267 de 2007, art. 7, lit. n · «{PASSAGE}» · <i>definitiva</i>"
    ]
    assert window.my_notes.notes.annotation(note.id).text == "<i>definitiva</i>"
    assert panel.view.currentIndex().data(Qt.ItemDataRole.DisplayRole).endswith("<i>definitiva</i>")

    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)  # answered «No»: nothing happens
    assert "<i>definitiva</i>" in questions[0]
    assert len(_entries(window, GROUP_NOTES)) == 1
    assert window.reading_pane.user_mark_count == 1
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)  # «Sí»
    assert _entries(window, GROUP_NOTES) == []
    assert window.reading_pane.user_mark_count == 0  # no longer painted
    stored = MyNotes.open(data_dir)
    try:
        assert stored.annotations() == []
    finally:
        stored.close()


def test_a_double_click_on_a_note_edits_it(
    make_window: Callable[..., MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args: ("otra", True))
    window = make_window()
    library = window.library
    assert library is not None
    window.my_notes.notes.add_note(library, "mision", "primera")
    _show_dock(window, qtbot)
    panel = window.my_notes.panel
    index = _note_row(window, "primera")
    panel.view.scrollTo(index)  # type: ignore[arg-type]
    where = panel.view.visualRect(index).center()  # type: ignore[arg-type]
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert _entries(window, GROUP_NOTES) == ["Misión · otra"]


def _favorites_tree(window: MainWindow) -> list[str]:
    return _entries(window, GROUP_FAVORITES)


def _find(window: MainWindow, text: str) -> object:
    _listed(window)
    model = window.my_notes.panel.model
    [index] = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, text, 1,
                          Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive)  # fmt: skip
    return index


def test_folders_are_created_renamed_and_favorites_moved_and_reordered_by_keyboard(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = iter([("<b>Contratación</b>", True), ("Contratos", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: next(names))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: ("Contratos", True))
    window = make_window()
    library = window.library
    assert library is not None
    for node_id in ("decreto-267-2007", LIT_N, "mision"):
        window.my_notes.notes.add_favorite(library, node_id)
    _show_dock(window, qtbot)
    view = window.my_notes.panel.view
    view.setFocus()
    view.setCurrentIndex(_find(window, "Favoritos"))  # type: ignore[arg-type]
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_N, ctrl_shift)  # «Nueva carpeta…»
    assert _favorites_tree(window)[-1] == "<b>Contratación</b>"  # empty, shown as typed
    assert view.currentIndex().data() == "<b>Contratación</b>"
    assert window.my_notes.panel.edit_action.text() == "Cambiar &nombre de la carpeta…"
    qtbot.keyClick(view, Qt.Key.Key_F2)  # «Cambiar nombre…»
    assert _favorites_tree(window)[-1] == "Contratos"

    view.setCurrentIndex(_find(window, "Misión"))  # type: ignore[arg-type]
    qtbot.keyClick(view, Qt.Key.Key_M, ctrl_shift)  # «Mover a carpeta…» → Contratos
    view.setCurrentIndex(_find(window, "Decreto 267 de 2007, art. 7"))  # type: ignore[arg-type]
    qtbot.keyClick(view, Qt.Key.Key_M, ctrl_shift)
    assert _favorites_tree(window) == [
        "Decreto 267 de 2007", "Contratos (2)", "  Misión", "  Decreto 267 de 2007, art. 7, lit. n",
    ]  # fmt: skip
    assert view.currentIndex().data() == "Decreto 267 de 2007, art. 7, lit. n"
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # «Subir»
    assert _favorites_tree(window)[2:] == ["  Decreto 267 de 2007, art. 7, lit. n", "  Misión"]
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # already first: stays
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # «Bajar»
    assert _favorites_tree(window)[2:] == ["  Misión", "  Decreto 267 de 2007, art. 7, lit. n"]

    window.close()  # what was done is in the user database, in that order
    stored = MyNotes.open(data_dir)
    try:
        assert [(f.folder, f.node_id) for f in stored._store.favorites()] == [
            ("", "decreto-267-2007"), ("Contratos", "mision"), ("Contratos", LIT_N),
        ]  # fmt: skip
    finally:
        stored.close()


def test_dragging_a_favorite_reorders_it_and_drops_into_folders(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path, qtmodeltester: object
) -> None:
    from PySide6.QtCore import QModelIndex

    window = make_window()
    favorites_and_folder(window)
    _show_dock(window, qtbot)
    model = window.my_notes.panel.model

    def drag(text: str, row: int, parent: str | None) -> None:
        """What a drag and drop in the view does: the dragged row's data, dropped at ``row``
        of ``parent`` (a row of it, or onto it with -1)."""
        source = _find(window, text)
        data = model.mimeData([source])  # type: ignore[list-item]
        target = _find(window, parent) if parent else QModelIndex()
        move = Qt.DropAction.MoveAction
        assert model.canDropMimeData(data, move, row, 0, target) == (parent is not None)  # type: ignore[arg-type]
        assert not model.dropMimeData(data, move, row, 0, target)  # type: ignore[arg-type]
        qtbot.wait(1)  # the drop is applied after the view's drop handling (queued)

    assert _favorites_tree(window)[:3] == [
        "Decreto 267 de 2007",
        "Decreto 267 de 2007, art. 7, lit. n",
        "Misión",
    ]
    drag("Misión", 0, "Favoritos")  # to the top
    assert _favorites_tree(window)[:3] == [
        "Misión",
        "Decreto 267 de 2007",
        "Decreto 267 de 2007, art. 7, lit. n",
    ]
    drag("Decreto 267 de 2007, art. 7", -1, "Contratos")  # onto the folder
    drag("Misión", -1, "Decreto 267 de 2007, art. 7")  # onto a favorite in the folder: before it
    assert _favorites_tree(window) == [
        "Decreto 267 de 2007", "Contratos (2)", "  Misión", "  Decreto 267 de 2007, art. 7, lit. n",
    ]  # fmt: skip
    drag("Misión", 0, None)  # outside any group: refused, nothing changes
    assert _favorites_tree(window)[2] == "  Misión"
    assert model.flags(_find(window, "Notas")) & Qt.ItemFlag.ItemIsDropEnabled == Qt.ItemFlag.NoItemFlags  # type: ignore[arg-type]
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    stored = MyNotes.open(data_dir)
    try:
        assert [(f.folder, f.node_id) for f in stored._store.favorites()] == [
            ("", "decreto-267-2007"), ("Contratos", "mision"), ("Contratos", LIT_N),
        ]  # fmt: skip
    finally:
        stored.close()


def test_the_tree_marks_the_nodes_that_carry_notes_as_they_come_and_go(
    make_window: Callable[..., MainWindow],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: object,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from sgdesk.ui.tree_model import NOTED_DESCRIPTION, NOTED_MARK

    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args: ("ver concepto", True))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    window = make_window()
    window.my_notes.start()
    window.open_node("decreto-267-2007")
    tree = window.tree_model
    literal = tree.index_for_id(LIT_N)
    assert not literal.data().endswith(NOTED_MARK)
    _select(window, PASSAGE)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    with qtbot.waitSignal(tree.dataChanged):  # the view repaints the row
        qtbot.keyClick(window, Qt.Key.Key_M, modifiers)
    _listed(window)
    literal = tree.index_for_id(LIT_N)
    assert literal.data().endswith(NOTED_MARK)
    assert literal.data(Qt.ItemDataRole.AccessibleDescriptionRole) == NOTED_DESCRIPTION
    assert literal.data(Qt.ItemDataRole.AccessibleTextRole).endswith("con mis notas")
    assert NOTED_DESCRIPTION in literal.data(Qt.ItemDataRole.ToolTipRole)
    parent = tree.index_for_id("decreto-267-2007")
    assert not parent.data().endswith(NOTED_MARK)  # only the unit that carries it
    qtmodeltester.check(tree)  # type: ignore[attr-defined]

    _show_dock(window, qtbot)
    panel = window.my_notes.panel
    panel.view.setFocus()
    panel.view.setCurrentIndex(_note_row(window, "ver concepto"))  # type: ignore[arg-type]
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    _listed(window)
    assert not tree.index_for_id(LIT_N).data().endswith(NOTED_MARK)
    assert tree.index_for_id(LIT_N).data(Qt.ItemDataRole.AccessibleDescriptionRole) is None
