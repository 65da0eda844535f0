"""Changing the «Vigente a» date re-renders the page where the reader was: same page, same
place, not back at the top."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from sgdesk.ui.mainwindow import MainWindow


def _set_date(window: MainWindow, day: date | None) -> None:
    field = window.point_in_time.bar.date_edit
    field.setDate(day or date.today())
    field.editingFinished.emit()


def _first_visible_line(window: MainWindow) -> str:
    pane = window.reading_pane
    return pane.cursorForPosition(pane.viewport().rect().topLeft()).block().text()


def test_the_reader_keeps_the_place_when_the_date_changes(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(900, 500)  # a page longer than the pane
    assert window.open_node("decreto-267-2007")
    window.reading_pane.scroll_to_node("decreto-267-2007/art-7/lit-k")
    bar = window.reading_pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    line = _first_visible_line(window)
    assert line.startswith("k. ")
    assert bar.maximum() > bar.value()  # not simply the bottom of the page

    for day in (date(2010, 1, 1), date(2008, 6, 30)):
        _set_date(window, day)
        assert window.point_in_time.day == day
        assert window.current_node_id == "decreto-267-2007"
        assert _first_visible_line(window) == line
