"""The «Mis notas» dock: deleting folders, and what another process writes appears by itself."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sgdesk.notes import MyNotes
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.notes_panel import GROUP_FAVORITES, GROUP_NOTES
from sgdesk.ui.tree_model import NOTED_MARK
from tests.ui.helpers import favorites_and_folder

LIT_N = "decreto-267-2007/art-7/lit-n"
PASSAGE = "proyección y estrategia internacional"


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
    notes = favorites_and_folder(window)
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


def _cli(data_dir: Path, *args: str) -> None:
    """The real command line, in another process, on the same user database."""
    done = subprocess.run(
        [sys.executable, "-m", "sgdesk", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_what_the_command_line_writes_appears_in_the_open_window(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path
) -> None:
    window = make_window()
    window.my_notes.start()  # as after the first frame
    _show_dock(window, qtbot)
    window.open_node("decreto-267-2007")
    pane, tree = window.reading_pane, window.tree_model
    assert pane.user_mark_count == 0

    _cli(data_dir, "notes", "add", LIT_N, "--quote", PASSAGE, "--text", "desde la consola")
    _cli(data_dir, "favorites", "add", "mision")
    # No restart, no click: the window notices the other process's writes by itself.
    qtbot.waitUntil(lambda: pane.user_mark_count == 1, timeout=10_000)
    qtbot.waitUntil(lambda: _favorites(window) == ["Misión"], timeout=10_000)
    assert any("desde la consola" in row for row in window.my_notes.panel.entries(GROUP_NOTES))
    assert tree.index_for_id(LIT_N).data().endswith(NOTED_MARK)

    stored = MyNotes.open(data_dir)
    try:
        [note] = stored.annotations()
    finally:
        stored.close()
    _cli(data_dir, "notes", "remove", note.id)
    qtbot.waitUntil(lambda: pane.user_mark_count == 0, timeout=10_000)
    qtbot.waitUntil(lambda: window.my_notes.panel.entries(GROUP_NOTES) == [], timeout=10_000)
    assert not tree.index_for_id(LIT_N).data().endswith(NOTED_MARK)


def test_the_dock_is_listed_on_a_worker_thread_and_its_model_holds(
    make_window: Callable[..., MainWindow],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: object,
) -> None:
    import threading

    from sgdesk.notes import MyNotes as Facade

    threads: list[str] = []
    real_listing = Facade.listing

    def recording(self: Facade, library: object) -> object:
        threads.append(threading.current_thread().name)
        return real_listing(self, library)  # type: ignore[arg-type]

    monkeypatch.setattr(Facade, "listing", recording)
    window = make_window()
    library = window.library
    assert library is not None
    notes = window.my_notes.notes
    for node_id in ("decreto-267-2007", LIT_N, "mision", "vision"):
        notes.add_favorite(library, node_id)
    notes.create_folder("Contratos")
    notes.place_favorite("mision", "Contratos")
    notes.add_note(library, LIT_N, "ver concepto", PASSAGE)
    _show_dock(window, qtbot)
    qtbot.waitUntil(lambda: "Contratos (1)" in _favorites(window))
    assert threads
    assert threading.main_thread().name not in threads  # never placed on the GUI thread
    assert window.my_notes.panel.entries(GROUP_NOTES) == [
        f"Decreto 267 de 2007, art. 7, lit. n · «{PASSAGE}» · ver concepto"
    ]
    qtmodeltester.check(window.my_notes.panel.model)  # type: ignore[attr-defined]


def test_a_long_listing_makes_only_the_rows_on_screen_and_the_rest_as_they_scroll_in(
    qtbot: QtBot, qtmodeltester: object
) -> None:
    from sgdesk.content.annotations import Favorite
    from sgdesk.notes import PlacedFavorite
    from sgdesk.ui.notes_panel import FAVORITE_ROLE, FILL_SLICE, NotesPanel

    def favorite(number: int, folder: str) -> PlacedFavorite:
        return PlacedFavorite(Favorite(f"nodo-{number}", f"Favorito {number}", folder, number, ""), True)

    top = [favorite(n, "") for n in range(10 * FILL_SLICE)]  # many screenfuls before the folders
    inside = [favorite(n, "Carpeta") for n in range(1000, 1000 + 3 * FILL_SLICE)]
    panel = NotesPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 300)
    panel.show()
    qtbot.waitExposed(panel)
    model, view = panel.model, panel.view

    def made() -> list[str]:  # the favorites' rows made so far, in the tree's order
        rows: list[str] = []
        for group_row in range(model.rowCount()):
            group = model.index(group_row, 0)
            for row in range(model.rowCount(group)):
                child = model.index(row, 0, group)
                rows += [str(child.data(FAVORITE_ROLE))] if child.data(FAVORITE_ROLE) else []
                rows += [
                    str(model.index(r, 0, child).data(FAVORITE_ROLE)) for r in range(model.rowCount(child))
                ]
        return rows

    panel.show_entries(top + inside, [], ["Carpeta", "Vacía"])
    shown = made()  # the screen and a screenful below at once: one layout, one paint
    qtbot.waitUntil(lambda: not panel.filling)
    assert made() == shown  # nothing more was needed
    assert shown == [f"nodo-{n}" for n in range(len(shown))]  # in order, from the top
    assert len(shown) < len(top)  # what is far below the screen is not made
    last = model.index(len(shown) - 1, 0, model.index(0, 0))
    assert view.visualRect(last).top() >= view.viewport().height()  # but the screen is full
    qtmodeltester.check(model)  # type: ignore[attr-defined]

    for _ in range(100):  # scrolling down brings the rest, in order
        view.scrollToBottom()
        qtbot.waitUntil(lambda: not panel.filling)
        if len(made()) == len(top) + len(inside):
            break
    assert made() == [f"nodo-{n}" for n in range(len(top))] + [
        f"nodo-{n}" for n in range(1000, 1000 + 3 * FILL_SLICE)
    ]
    assert panel.entries(GROUP_FAVORITES)[len(top)] == f"Carpeta ({3 * FILL_SLICE})"
    assert panel.entries(GROUP_FAVORITES)[-1] == "Vacía"
    qtmodeltester.check(model)  # type: ignore[attr-defined]

    panel.show_entries(top + inside, [], ["Carpeta"])  # a favorite far below can be selected:
    panel.reveal(FAVORITE_ROLE, "nodo-1005")  # the rows up to it are made
    assert "nodo-1005" in made()
    assert "nodo-1006" not in made()

    panel.show_entries(top + inside, [], [])
    view.scrollToBottom()  # rows come on screen: made a slice per turn
    assert panel.filling
    panel.show_entries(top[:2], [], [])  # a new listing while one is being filled replaces it
    qtbot.wait(50)  # the old listing's slices would have come by now
    assert made() == ["nodo-0", "nodo-1"]
    assert not panel.filling


def _made(window: MainWindow) -> list[str]:
    """The dock's rows made so far (none made for the asking, unlike ``NotesPanel.entries``)."""
    from PySide6.QtGui import QStandardItem

    def walk(item: QStandardItem, depth: int) -> list[str]:
        rows: list[str] = []
        for row in range(item.rowCount()):
            rows += ["  " * depth + item.child(row).text(), *walk(item.child(row), depth + 1)]
        return rows

    return walk(window.my_notes.panel.model.invisibleRootItem(), 0)


def test_the_dock_behind_its_tab_is_made_while_idle_and_opening_it_only_shows_it(
    make_window: Callable[..., MainWindow],
    qtbot: QtBot,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: object,
) -> None:
    from sgdesk.ui.window_docks import on_screen

    window = make_window()
    library = window.library
    assert library is not None
    dock, my_notes, panel = window.docks["myNotesDock"], window.my_notes, window.my_notes.panel
    assert not on_screen(dock)  # behind «Navegación»
    qtbot.waitUntil(lambda: not my_notes.listing_pending)
    assert _made(window) == []  # an empty user database: nothing made before the dock opens
    notes = my_notes.notes
    notes.add_favorite(library, "mision")
    notes.add_note(library, LIT_N, "ver concepto", PASSAGE)
    my_notes.refresh()  # as every action that writes does
    # Made while the dock is not seen, once the window is idle.
    qtbot.waitUntil(lambda: "  Misión" in _made(window))
    assert not on_screen(dock)
    assert f"  Decreto 267 de 2007, art. 7, lit. n · «{PASSAGE}» · ver concepto" in _made(window)
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]
    sync = my_notes.sync
    assert sync is not None
    asked, made = [], []
    real_request, real_show = sync.request, panel.show_entries
    monkeypatch.setattr(sync, "request", lambda corpus: (asked.append(corpus), real_request(corpus)))
    monkeypatch.setattr(panel, "show_entries", lambda *args: (made.append(args), real_show(*args)))

    def open_dock() -> None:
        qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: on_screen(dock))

    def close_dock() -> None:
        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not on_screen(dock))

    open_dock()  # Ctrl+4: the rows made are shown; nothing asked of the worker, nothing made again
    assert "  Misión" in _made(window)
    qtbot.wait(50)
    assert (asked, made) == ([], [])
    assert _favorites(window) == ["Misión"]

    close_dock()  # a change while the dock is not seen: made again behind, shown as it is
    window.open_node("decreto-267-2007")
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # Ctrl+B
    qtbot.waitUntil(lambda: "  Decreto 267 de 2007" in _made(window))
    made.clear()
    asked.clear()
    open_dock()
    assert made == []
    assert _favorites(window) == ["Misión", "Decreto 267 de 2007"]

    close_dock()  # another window writes; opening the dock looks for it at once (no timer)
    my_notes.sync._watcher.stop()  # type: ignore[union-attr]
    other = MyNotes.open(data_dir)
    try:
        other.add_favorite(library, "vision")
    finally:
        other.close()
    open_dock()
    qtbot.waitUntil(lambda: _favorites(window) == ["Misión", "Decreto 267 de 2007", "Visión"])

    close_dock()  # everything removed while not seen: the dock opens empty, not as it was
    qtbot.waitUntil(lambda: not my_notes.listing_pending)
    for node_id in ("mision", "decreto-267-2007", "vision"):
        notes.remove_favorite(library, node_id)
    for annotation in notes.annotations():
        notes.delete_annotation(annotation.id)
    my_notes.refresh()
    qtbot.waitUntil(lambda: not my_notes.listing_pending)
    qtbot.wait(20)
    asked.clear()
    open_dock()
    assert _made(window) == ["Favoritos", "Notas", "Notas sin ubicar"]
    assert asked == []
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]


def test_a_dock_never_shown_is_made_for_the_window_s_height_and_its_first_opening_makes_no_row(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path
) -> None:
    from sgdesk.ui.window_docks import on_screen

    window = make_window()
    window.resize(900, 700)
    library = window.library
    assert library is not None
    my_notes, panel = window.my_notes, window.my_notes.panel
    for node in library.all_nodes():  # (32 nodes) a favorite and two notes each: rows to scroll
        my_notes.notes.add_favorite(library, node.id)
        for number in (1, 2):
            my_notes.notes.add_note(library, node.id, f"nota {number}")
    my_notes.refresh()
    qtbot.waitUntil(lambda: len(_made(window)) > 3)  # made while the dock is not seen
    qtbot.waitUntil(lambda: not panel.filling)
    before = _made(window)
    assert len(before) < 3 + 32 + 64  # not every row: those far below come when scrolled to
    dock = window.docks["myNotesDock"]
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # its first opening
    qtbot.waitUntil(lambda: on_screen(dock))
    qtbot.waitUntil(lambda: not panel.filling)
    assert _made(window) == before  # no row was left to make for the screen
    view, model = panel.view, panel.model
    rows = [
        model.index(r, 0, model.index(g, 0))
        for g in range(model.rowCount())
        for r in range(model.rowCount(model.index(g, 0)))
    ]
    assert (
        max(view.visualRect(row).bottom() for row in rows) >= view.viewport().height()
    )  # the screen is full
