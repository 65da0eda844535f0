"""The date pickers («Vigente a», «Comparar fechas»): the calendar opens on the date in the field
and has a year field, so 2008 is typed, not reached month by month."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from sgdesk.ui.date_edit import make_date_edit
from sgdesk.ui.mainwindow import MainWindow


def _open_calendar(qtbot: QtBot, edit: QDateEdit) -> QCalendarWidget:
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 6, edit.height() // 2))
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=2000)
    return calendar


@pytest.mark.qt_log_ignore("does not support")
def test_the_calendar_opens_on_the_date_typed_and_the_year_is_typed(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    edit = make_date_edit(host, "Fecha", date(2026, 11, 20))
    host.resize(240, 60)
    host.show()
    qtbot.waitExposed(host)
    edit.setFocus()
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClicks(edit, "15/03/2010")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.date() == QDate(2010, 3, 15)
    calendar = _open_calendar(qtbot, edit)
    assert (calendar.yearShown(), calendar.monthShown()) == (2010, 3), "opens on the field's date"
    year = calendar.findChild(QSpinBox, "calendarYear")
    assert year is not None, "a year field in the calendar"
    assert year.isVisible()
    assert year.value() == 2010
    year.setFocus()
    year.selectAll()
    qtbot.keyClicks(year, "2008")
    qtbot.keyClick(year, Qt.Key.Key_Return)
    assert (calendar.yearShown(), calendar.monthShown()) == (2008, 3)
    assert calendar.selectedDate() == QDate(2008, 3, 15)
    assert edit.date() == QDate(2008, 3, 15), "the field follows the year chosen"
    qtbot.keyClick(year, Qt.Key.Key_Up)
    assert calendar.yearShown() == 2009, "and the arrows move a year at a time"


def test_vigente_a_and_compare_dates_have_the_year_field(window: MainWindow) -> None:
    from sgdesk.ui.compare_dialog import CompareDialog

    assert window.library is not None
    dialog = CompareDialog(window.library.timeline(), date(2008, 6, 30), date(2015, 1, 1), window)
    edits = [window.point_in_time.bar.date_edit, dialog.first_edit, dialog.second_edit]
    for edit in edits:
        assert edit.calendarWidget().findChild(QSpinBox, "calendarYear") is not None, edit.accessibleName()
    assert dialog.first_edit.calendarWidget().yearShown() == 2008
    dialog.deleteLater()


@pytest.mark.qt_log_ignore("does not support")
def test_the_calendar_is_built_when_first_opened(qtbot: QtBot) -> None:
    """The «Vigente a» field is in the first frame; its calendar is not (#11 start-up)."""
    host = QWidget()
    qtbot.addWidget(host)
    edit = make_date_edit(host, "Fecha", date(2008, 6, 30))
    host.resize(240, 60)
    host.show()
    assert edit.findChildren(QCalendarWidget) == []
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 6, edit.height() // 2))
    # what the click shows, without asking the field for its calendar (that builds one too)
    qtbot.waitUntil(lambda: any(c.isVisible() for c in edit.findChildren(QCalendarWidget)), timeout=2000)
    shown = [c for c in edit.findChildren(QCalendarWidget) if c.isVisible()]
    assert len(shown) == 1
    assert shown[0].findChild(QSpinBox, "calendarYear") is not None
    assert shown[0].yearShown() == 2008
