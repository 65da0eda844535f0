"""The date field as es-CO writes it (dd/MM/aaaa): typing "30/06/2008" just works."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QLineEdit, QSpinBox, QWidget

DATE_FORMAT = "dd/MM/yyyy"  # how es-CO writes a date in a form
# A wide range: a maximum of today would clamp a date while it is being typed (30/06 in November).
FIRST_DAY, LAST_DAY = QDate(1900, 1, 1), QDate(2100, 12, 31)
SEPARATORS = "/-."


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateEdit(QDateEdit):
    """A QDateEdit that takes "30/06/2008" and "31/12/2007" typed as an official types them.

    Qt moves on to the month by itself after "30"; the slash typed next would then land in
    the month as text. Here a separator after a completed section is skipped, and one typed
    in a section partly filled ("3/") moves on to the next section. Qt also cuts a day the
    current month lacks ("31" typed while November shows becomes 30): the day typed is
    remembered and put back once the month and year typed have it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed_day = ""
        self._calendar_ready = False

    def calendarWidget(self) -> QCalendarWidget:
        """The calendar with a year field, built the first time it is needed: the «Vigente a»
        field is in the first frame, its popup is not (#11 start-up)."""
        self._ensure_calendar()
        return super().calendarWidget()

    def _ensure_calendar(self) -> None:
        if not self._calendar_ready and self.calendarPopup():
            self._calendar_ready = True
            self.setCalendarWidget(YearCalendar(self))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._ensure_calendar()  # a click on the arrow opens the popup
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._ensure_calendar()  # F4 or Alt+↓ open the popup
        text = event.text()
        if text and text in SEPARATORS:
            event.accept()
            self._next_section()
            self._restore_typed_day()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._restore_typed_day()  # before Enter applies the date
            self._typed_day = ""
            super().keyPressEvent(event)
            return
        fresh = self._section_fresh()
        section = self.currentSection()
        super().keyPressEvent(event)
        if text.isdigit() and section is QDateEdit.Section.DaySection:
            self._typed_day = (("" if fresh else self._typed_day) + text)[-2:]
        elif not text.isdigit():
            self._typed_day = ""  # arrows, Page Up/Down, deletions: the field's own day holds
        if self.currentSection() is not section:  # a section completed: the date is whole again
            self._restore_typed_day()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._restore_typed_day()
        self._typed_day = ""
        super().focusOutEvent(event)

    def _section_fresh(self) -> bool:
        """Whether the current section is wholly selected: nothing typed in it yet."""
        field = self.findChild(QLineEdit)
        section = self.sectionText(self.currentSection())
        return field is not None and bool(section) and field.selectedText() == section

    def _next_section(self) -> None:
        index = self.currentSectionIndex()
        if not self._section_fresh() and index + 1 < self.sectionCount():
            self.setCurrentSectionIndex(index + 1)
            self.setSelectedSection(self.currentSection())

    def _restore_typed_day(self) -> None:
        if not self._typed_day or self.currentSection() is QDateEdit.Section.DaySection:
            return
        wanted, shown = int(self._typed_day), self.date()
        if shown.day() < wanted <= shown.daysInMonth():
            section = self.currentSection()
            field = self.findChild(QLineEdit)
            selected = field.selectedText() if field is not None else ""
            position = field.cursorPosition() if field is not None else 0
            self.setDate(QDate(shown.year(), shown.month(), wanted))
            if field is not None and not selected:
                field.setCursorPosition(position)
            elif selected:
                self.setSelectedSection(section)


class YearCalendar(QCalendarWidget):
    """The calendar popup with a year field always shown: type "2008" or use the arrows, instead
    of paging month by month (Qt's own year field hides behind a click on the year)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year_field = QSpinBox(self)
        self.year_field.setObjectName("calendarYear")
        self.year_field.setRange(FIRST_DAY.year(), LAST_DAY.year())
        self.year_field.setAccessibleName(self.tr("Año"))
        for spin_box in self.findChildren(QSpinBox):  # ours and Qt's own (hidden) year field
            editor = spin_box.findChild(QLineEdit)
            if editor is not None:  # screen readers land on the inner field
                editor.setAccessibleName(self.tr("Año"))
        self.year_field.setToolTip(self.tr("Año: escríbalo o use las flechas"))
        self.year_field.setKeyboardTracking(False)  # "2008" typed moves once, not via 2, 20, 200
        self.year_field.setValue(self.yearShown())
        self.year_field.valueChanged.connect(self._show_year)
        self.currentPageChanged.connect(lambda year, _month: self.year_field.setValue(year))
        navigation = self.findChild(QWidget, "qt_calendar_navigationbar")
        year_button = self.findChild(QWidget, "qt_calendar_yearbutton")
        layout = navigation.layout() if navigation is not None else None
        if layout is not None and year_button is not None:  # the field takes the button's place
            index = layout.indexOf(year_button)
            year_button.hide()
            layout.removeWidget(year_button)
            layout.insertWidget(index, self.year_field)  # type: ignore[attr-defined]

    def _show_year(self, year: int) -> None:
        """The same day and month in the year chosen, so Enter or a click picks in that year."""
        if year == self.yearShown():
            return
        picked = self.selectedDate()
        month = self.monthShown()
        day = min(picked.day(), QDate(year, month, 1).daysInMonth())
        self.setSelectedDate(QDate(year, month, day))
        self.setCurrentPage(year, month)


def make_date_edit(parent: QWidget, accessible_name: str, day: date | None = None) -> QDateEdit:
    """A date field as es-CO writes it (dd/MM/aaaa), with a calendar."""
    edit = DateEdit(parent)
    edit.setLocale(QLocale("es_CO"))  # by name: the Language/Country enums cost the first frame
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setDateRange(FIRST_DAY, LAST_DAY)
    edit.setDate(to_qdate(day) if day else QDate.currentDate())
    edit.setAccessibleName(accessible_name)
    field = edit.findChild(QLineEdit)
    if field is not None:  # screen readers land on the inner field
        field.setAccessibleName(accessible_name)
    return edit
