"""Small drivers shared by the GUI tests: find things on screen the way a user would see them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from sgdesk.ui.appearance import Appearance
from sgdesk.ui.reading_pane import ReadingPane
from sgdesk.ui.theme import ThemeChoice
from sgdesk.ui.tree_model import NODE_ID_ROLE

if TYPE_CHECKING:
    from sgdesk.notes import MyNotes
    from sgdesk.ui.mainwindow import MainWindow

FAVORITE_IDS = ("decreto-267-2007", "decreto-267-2007/art-7/lit-n", "mision")  # a norm, a literal, a section


def links(pane: ReadingPane) -> list[tuple[int, int, str, str]]:
    """Every link on the page as (start, end, href, text), in reading order."""
    found: list[tuple[int, int, str, str]] = []
    block = pane.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            href = fragment.charFormat().anchorHref()
            start, end = fragment.position(), fragment.position() + fragment.length()
            if href and found and found[-1][2] == href and found[-1][1] == start:
                # one link split in fragments (the first character carries the anchor name)
                found[-1] = (found[-1][0], end, href, found[-1][3] + fragment.text())
            elif href:
                found.append((start, end, href, fragment.text()))
            fragments += 1
        block = block.next()
    return found


@dataclass(frozen=True)
class PaintedMark:
    """A tinted stretch of the page: the pane's own highlights and Qt's extra selections."""

    start: int
    end: int
    text: str  # the stretch's text, as the document has it
    background: str  # ``#rrggbb``
    foreground: str


def painted_marks(pane: ReadingPane) -> list[PaintedMark]:
    """Every tint the pane paints: the highlights it paints itself, then Qt's extra selections
    (highlights over other text colours, unit, search and find marks), in painting order."""
    marks: list[PaintedMark] = []
    for tint in pane.painted_tints:
        cursor = QTextCursor(pane.document())
        cursor.setPosition(tint.start)
        cursor.setPosition(tint.end, QTextCursor.MoveMode.KeepAnchor)
        marks.append(PaintedMark(tint.start, tint.end, cursor.selectedText(), tint.mark.background,
                                 tint.mark.text))  # fmt: skip
    for selection in pane.extraSelections():
        cursor = selection.cursor
        marks.append(PaintedMark(cursor.selectionStart(), cursor.selectionEnd(), cursor.selectedText(),
                                 selection.format.background().color().name(),
                                 selection.format.foreground().color().name()))  # fmt: skip
    return marks


def link_cursor(pane: ReadingPane, href: str, text: str | None = None) -> QTextCursor:
    """A cursor in the middle of the first link to ``href`` (whose text contains ``text``)."""
    for start, end, link_href, link_text in links(pane):
        if link_href == href and (text is None or text in link_text):
            cursor = QTextCursor(pane.document())
            cursor.setPosition((start + end) // 2)
            return cursor
    raise AssertionError(f"no link to {href!r} ({text!r}) on the page")


def click_link(qtbot: QtBot, pane: ReadingPane, href: str, text: str | None = None,
               button: Qt.MouseButton = Qt.MouseButton.LeftButton,
               modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # fmt: skip
    """Scroll a link into view and click it with the mouse (``button``, ``modifier`` held)."""
    cursor = link_cursor(pane, href, text)
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()
    position = pane.cursorRect(cursor).center()
    assert pane.viewport().rect().contains(position)
    assert pane.anchorAt(position) == href
    qtbot.mouseClick(pane.viewport(), button, modifier, pos=position)


def click_tree_item(qtbot: QtBot, tree: QTreeView, index: QModelIndex,
                    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
                    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # fmt: skip
    """Click an item of the navigation tree with the mouse, as shown on screen."""
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    assert rect.isValid(), f"{index.data()} is not visible in the tree"
    qtbot.mouseClick(tree.viewport(), button, modifier, pos=rect.center())


def visible_titles(tree: QTreeView, parent: QModelIndex | None = None) -> list[str]:
    """The titles of the children of ``parent`` as the tree shows them."""
    model = tree.model()
    parent = parent or QModelIndex()
    return [str(model.index(row, 0, parent).data()) for row in range(model.rowCount(parent))]


def current_tree_id(tree: QTreeView) -> str | None:
    index = tree.currentIndex()
    if not index.isValid() or not tree.selectionModel().isSelected(index):
        return None
    return str(index.data(NODE_ID_ROLE))


def error_dialog(window: QWidget) -> QMessageBox:
    """The error box the window opened (a child of the window)."""
    box = window.findChild(QMessageBox, "errorDialog")
    assert box is not None, "no error dialog was shown"
    return box


@dataclass
class FileDialogAnswer:
    """What the file dialog showed when :func:`answer_file_dialog` picked a file in it."""

    title: str = ""
    filters: list[str] = field(default_factory=list)
    buttons: list[str] = field(default_factory=list)


def answer_file_dialog(path: Path | None) -> FileDialogAnswer:
    """When a file dialog opens (it blocks), choose ``path`` in it, or cancel for ``None``."""
    seen = FileDialogAnswer()
    deadline = time.monotonic() + 5

    def answer() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        if not dialogs:
            if time.monotonic() < deadline:  # give up (and let the test fail) if none opens
                QTimer.singleShot(10, answer)
            return
        dialog = dialogs[0]
        seen.title = dialog.windowTitle()
        seen.filters = dialog.nameFilters()
        box = dialog.findChild(QDialogButtonBox)
        seen.buttons = [button.text() for button in box.buttons()] if box else []
        if path is None:
            dialog.reject()
        else:
            dialog.selectFile(str(path))
            dialog.accept()

    QTimer.singleShot(0, answer)
    return seen


class _ModalWatch:
    """Which test is running, so a dialog looked for by one test is never acted on by the next
    (tests/ui/conftest.py moves it on after every test)."""

    generation = 0


def next_test() -> None:
    _ModalWatch.generation += 1


def when_modal(kind: type[QWidget], act: Callable[[QWidget], None]) -> list[QWidget]:
    """Run ``act`` on the modal ``kind`` when it opens (``exec()`` blocks), then close it."""
    seen: list[QWidget] = []
    deadline = time.monotonic() + 20
    generation = _ModalWatch.generation

    def look() -> None:
        if generation != _ModalWatch.generation:
            return
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isVisible():
            if time.monotonic() < deadline:
                QTimer.singleShot(10, look)
            return
        seen.append(dialog)
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.close()

    QTimer.singleShot(0, look)
    return seen


def probe_on_screen(module: str, tmp_path: Path, screen: tuple[int, int, float], *args: str) -> dict:
    """Run ``python -m module *args`` in a child process on a simulated screen (physical width,
    height, scale: Qt's offscreen platform with a screen description, ``QT_SCALE_FACTOR`` as
    Windows scales at 125 % or 150 %) and return the JSON it prints."""
    width, height, scale = screen
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": "Portátil", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))  # fmt: skip
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": str(scale)}
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=Path(__file__).resolve().parents[2],
                          env=env, capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def favorites_and_folder(window: MainWindow) -> MyNotes:
    """``FAVORITE_IDS`` made favorites and a folder «Contratos» made, in ``window``'s Mis notas."""
    library = window.library
    assert library is not None
    notes = window.my_notes.notes
    for node_id in FAVORITE_IDS:
        notes.add_favorite(library, node_id)
    notes.create_folder("Contratos")
    return notes


def appearance_put_back() -> Iterator[Appearance]:
    """The application's appearance (installed with its first window: a ``looks`` fixture asks
    for a window first), put back to the system's theme and interface size afterwards: the
    application outlives a test."""
    app = QApplication.instance()
    found = app.findChild(Appearance, "appearance") if app is not None else None
    assert found is not None
    yield found
    found.set_theme(ThemeChoice.SYSTEM)
    found.set_ui_size(100)
    QApplication.processEvents()
