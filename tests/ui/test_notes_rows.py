"""The «Mis notas» dock paints each row's text laid out once (#12): what shows is what the
style paints, pixel by pixel, in every theme, at every width, after a font or text change."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyledItemDelegate,
    QStyleFactory,
    QStyleOption,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sgdesk.content.annotations import Favorite, utc_now
from sgdesk.ui.appearance import Appearance
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.notes_rows import RowPainter
from sgdesk.ui.theme import ThemeChoice
from sgdesk.ui.window_docks import on_screen
from tests.ui.helpers import appearance_put_back, favorites_and_folder

LIT_N = "decreto-267-2007/art-7/lit-n"
PASSAGE = "proyección y estrategia internacional"
LONG = "aplica al proceso de contratación de la Secretaría General, ver concepto 2023-114 y siguientes"
MARKUP = "<b>no es negrita</b> &amp; <a href='x'>ni enlace</a>"


@pytest.fixture
def looks(filled: MainWindow) -> Iterator[Appearance]:
    yield from appearance_put_back()


@pytest.fixture
def filled(make_window: Callable[..., MainWindow], qtbot: QtBot) -> MainWindow:
    """A window whose dock shows every kind of row: groups, a folder, favorites (one no longer
    in the content, one titled with markup), notes (one long enough to be elided), on screen."""
    window = make_window()
    notes = favorites_and_folder(window)
    library = window.library
    assert library is not None
    notes.place_favorite("mision", "Contratos")
    now = utc_now()
    notes._store.merge(
        [
            Favorite("nodo-retirado", "Resolución retirada", "", 9, now),
            Favorite("nodo-x", MARKUP, "", 10, now),
        ],
        [],
    )
    notes.add_note(library, LIT_N, "ver concepto", PASSAGE)
    notes.add_note(library, "mision", LONG)
    window.my_notes.refresh()
    window.show_panel("myNotesDock")
    dock = window.docks["myNotesDock"]
    qtbot.waitUntil(lambda: on_screen(dock) and not window.my_notes.listing_pending)
    qtbot.waitUntil(lambda: "Resolución retirada — no disponible" in " ".join(_texts(window)))
    return window


def _texts(window: MainWindow) -> list[str]:
    model = window.my_notes.panel.model
    found: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found.append(str(index.data()))
            walk(index)

    walk(QModelIndex())
    return found


def _rows(window: MainWindow) -> QImage:
    """The rows as the dock paints them once their texts are laid out (a text met for the
    first time is the style's at that paint, and laid out right after it)."""
    view = window.my_notes.panel.view
    view.viewport().grab()
    painter = _painter(window)
    deadline = 100
    while painter.catching_up and deadline:
        QApplication.processEvents()
        deadline -= 1
    assert not painter.catching_up
    return view.viewport().grab().toImage()


def _as_the_style_paints(window: MainWindow) -> QImage:
    """The same rows painted by Qt's own delegate (what the dock painted before)."""
    view = window.my_notes.panel.view
    ours = view.itemDelegate()
    view.setItemDelegate(QStyledItemDelegate(view))
    try:
        return view.viewport().grab().toImage()
    finally:
        view.setItemDelegate(ours)


def _painter(window: MainWindow) -> RowPainter:
    painter = window.my_notes.panel.view.itemDelegate()
    assert isinstance(painter, RowPainter)
    return painter


def _set_width(window: MainWindow, qtbot: QtBot, width: int) -> None:
    dock = window.docks["myNotesDock"]
    window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(dock.width() - width) <= 2)


def _elided(window: MainWindow) -> bool:
    """Some row is wider than the tree: the style elides it."""
    view = window.my_notes.panel.view
    metrics = view.fontMetrics()
    return any(metrics.horizontalAdvance(text) > view.viewport().width() for text in _texts(window))


@pytest.mark.parametrize("choice", [ThemeChoice.LIGHT, ThemeChoice.DARK, ThemeChoice.HIGH_CONTRAST],
                         ids=lambda c: c.value)  # fmt: skip
def test_the_rows_look_as_the_style_paints_them_in_every_theme_and_width(
    filled: MainWindow, looks: Appearance, qtbot: QtBot, choice: ThemeChoice
) -> None:
    looks.set_theme(choice)
    QApplication.processEvents()
    window, painter = filled, _painter(filled)
    view = window.my_notes.panel.view
    for width in (420, 190):
        _set_width(window, qtbot, width)
        ours = _rows(window)
        assert painter.fast  # (the rows below were drawn from their laid-out texts)
        assert painter.laid_out >= 8
        assert ours == _as_the_style_paints(window)
    assert _elided(window)  # (at 190 pixels the long note is elided)
    # A selected row and the current one (with the focus) are the style's: its highlight and frame.
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    first_favorite = view.model().index(0, 0, view.model().index(0, 0))
    view.selectionModel().setCurrentIndex(first_favorite, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert _rows(window) == _as_the_style_paints(window)


def test_a_new_interface_size_and_new_texts_are_laid_out_again(
    filled: MainWindow, looks: Appearance, qtbot: QtBot
) -> None:
    window, painter = filled, _painter(filled)
    _set_width(window, qtbot, 220)
    _rows(window)
    looks.set_ui_size(150)  # «Ver › Tamaño del texto de la interfaz»: every row in the new size
    QApplication.processEvents()
    assert _rows(window) == _as_the_style_paints(window)
    assert painter.fast
    library = window.library
    assert library is not None
    notes = window.my_notes.notes
    notes.rename_folder("Contratos", "Convenios")  # a row whose text changed, in its place
    notes.remove_favorite(library, "decreto-267-2007")
    window.my_notes.refresh()
    qtbot.waitUntil(lambda: any(text.startswith("Convenios") for text in _texts(window)))
    assert _rows(window) == _as_the_style_paints(window)


class _ShiftedText(QProxyStyle):
    """A style that draws item views' rows two pixels lower than the common style."""

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter | None,
                    widget: QWidget | None = None) -> None:  # fmt: skip
        if element == QStyle.ControlElement.CE_ItemViewItem and painter is not None:
            painter.translate(0, 2)
            super().drawControl(element, option, painter, widget)
            painter.translate(0, -2)
            return
        super().drawControl(element, option, painter, widget)


def test_a_style_that_places_row_text_its_own_way_paints_every_row(filled: MainWindow, qtbot: QtBot) -> None:
    window, painter = filled, _painter(filled)
    view = window.my_notes.panel.view
    _rows(window)
    assert painter.fast
    style = _ShiftedText(QStyleFactory.create("Fusion"))
    view.setStyle(style)
    try:
        assert _rows(window) == _as_the_style_paints(window)
        assert not painter.fast
    finally:
        view.setStyle(None)  # type: ignore[arg-type]
    assert _rows(window) == _as_the_style_paints(window)
    assert painter.fast


def test_rows_made_while_the_dock_is_not_seen_are_laid_out_then_and_opening_only_draws_them(
    filled: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, painter = filled, _painter(filled)
    dock, my_notes = window.docks["myNotesDock"], window.my_notes
    _rows(window)  # (the dock has been seen: its rows' width is known)
    window.show_panel("navigationDock")
    qtbot.waitUntil(lambda: not on_screen(dock))
    library = window.library
    assert library is not None
    my_notes.notes.add_favorite(library, "vision")  # a change while the dock is not seen
    my_notes.refresh()
    qtbot.waitUntil(lambda: "Visión" in _texts(window) and not my_notes.listing_pending)
    qtbot.wait(20)  # (the turn in which the rows are made, and laid out)
    laid: list[object] = []
    real = painter._lay_out
    monkeypatch.setattr(painter, "_lay_out", lambda text, width: (laid.append(text), real(text, width))[1])
    window.show_panel("myNotesDock")  # Ctrl+4
    qtbot.waitUntil(lambda: on_screen(dock))
    qtbot.wait(50)  # (its paint, and the turns after it)
    assert not painter.catching_up
    assert laid == []  # every text on screen was laid out before the dock opened: all drawn here
    assert _rows(window) == _as_the_style_paints(window)  # «Visión» among them
