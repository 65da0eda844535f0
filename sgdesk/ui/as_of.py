"""The "Vigente a" date: the toolbar control, and what choosing a date does to the window.

With no date (the default at every start, and after "Hoy") the window shows today's text.
With a date, the tree greys what was not in force that day and marks what is uncertain, the
reading pane shows each unit's status on that day, and the timeline draws the date.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from sgdesk.content.currency import Currency
from sgdesk.errors import SgdeskError
from sgdesk.export.common import (
    currency_statement,
    format_day,
    later_change_line,
    org_chart_title,
    structure_caveat,
)
from sgdesk.library import Library
from sgdesk.ui.date_edit import DATE_FORMAT as DATE_FORMAT  # re-exported for callers
from sgdesk.ui.date_edit import make_date_edit, to_date, to_qdate
from sgdesk.ui.tree_model import StatusLookup

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from PySide6.QtWidgets import QDockWidget

    from sgdesk.content.model import Node
    from sgdesk.content.timeline import Status, Timeline
    from sgdesk.ui.compare_dialog import CompareDialog
    from sgdesk.ui.org_chart import OrgChartDialog
    from sgdesk.ui.reader import Reader
    from sgdesk.ui.reader_state import ReaderState, StatusReporter
    from sgdesk.ui.timeline_loader import TimelineLoader
    from sgdesk.ui.timeline_panel import TimelinePanel

TYPING_PAUSE_MS = 700
TIMELINE_MIN_WIDTH = 360
START_FALLBACK_MS = 3000  # a window never painted (minimized) starts its timeline by then


class CurrencyStatement(NamedTuple):  # (not a dataclass: made ≈ 10 times quicker, at each start: #11)
    """The status bar's statement of currency in three lengths (plain text, longest first: the
    label shows the longest that fits) and the lines of its tooltip. Every
    form says what the corpus cannot vouch for; none says «vigente»."""

    full: str  # «Contenido con cambios hasta 2012, edición 1 · no verificado para el … · …»
    short: str  # «Contenido hasta 2012 · no verificado hoy · 5 cambios posteriores»
    shortest: str  # «Hasta 2012 · no verificado»
    tip_lines: tuple[str, ...]  # what the tooltip says after the full statement

    @property
    def forms(self) -> tuple[str, str, str]:
        return self.full, self.short, self.shortest


def _later_count(count: int) -> str:
    return "1 cambio posterior" if count == 1 else f"{count} cambios posteriores"


def status_bar_text(currency: Currency, day: date, today: date | None = None) -> CurrencyStatement:
    """The status bar's statement and its tooltip, for the day shown."""
    text = currency.label
    until = f"hasta {currency.as_of_text}" if currency.horizon else "sin fecha registrada"
    short, shortest = f"Contenido {until}", until[:1].upper() + until[1:]
    known = currency.known_by(day)
    if currency.is_after(day):
        text += f" · no verificado para el {format_day(day)}"
        when = "hoy" if day == (today or date.today()) else f"al {day.strftime('%d/%m/%Y')}"
        short += f" · no verificado {when}"
        shortest += " · no verificado"
        if known:
            text += f" · {len(known)} cambio(s) posterior(es) conocido(s) sin incorporar"
            short += f" · {_later_count(len(known))}"
    lines = (currency_statement(currency), *(later_change_line(c) for c in currency.later))
    return CurrencyStatement(text, short, shortest, lines)


def status_lookup(library: Library, day: date | None) -> StatusLookup:
    """What the tree asks: the status of some nodes on ``day`` (no SQL: the timeline is in
    memory); for today's text (``None``), repeals and what later changes not incorporated may alter."""

    def later_lookup(nodes: Sequence[Node]) -> Mapping[str, Status]:
        return {node_id: s.status for node_id, s in library.today_states(nodes, date.today()).items()}

    if day is None:
        return later_lookup
    chosen = day

    def lookup(nodes: Sequence[Node]) -> Mapping[str, Status]:
        return library.statuses(nodes, chosen)

    return lookup


class AsOfBar(QWidget):
    """ "Vigente a: [dd/MM/aaaa] [Hoy]" for the toolbar."""

    day_changed = Signal(object)  # the date, or None for today's text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("asOfBar")
        label = QLabel(self.tr("Vigente a:"), self)
        self.date_edit = make_date_edit(self, self.tr("Vigente a (fecha del texto que se muestra)"))
        self.date_edit.setObjectName("asOfDate")
        self.date_edit.setToolTip(
            self.tr("Mostrar el texto vigente en esta fecha (dd/mm/aaaa); Intro la aplica")
        )
        label.setBuddy(self.date_edit)
        self.today_button = QToolButton(self)
        self.today_button.setObjectName("asOfToday")
        self.today_button.setText(self.tr("Hoy"))
        self.today_button.setToolTip(self.tr("Volver al texto de hoy"))
        self.today_button.setAccessibleName(self.tr("Volver al texto de hoy"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(label)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.today_button)
        self._day: date | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._on_pause)
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.date_edit.editingFinished.connect(self._commit)
        self.today_button.clicked.connect(self.reset)
        self._show_state()

    @property
    def day(self) -> date | None:
        """The chosen date; None when it is today (today's text, no point-in-time view)."""
        return self._day

    def set_day(self, day: date | None) -> None:
        self.date_edit.setDate(to_qdate(day) if day else QDate.currentDate())
        self._commit()

    def reset(self) -> None:
        self.set_day(None)

    def focus_for_typing(self) -> None:
        """Ctrl+D: the focus in the date field, its day selected for typing."""
        field = self.date_edit
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.setCurrentSectionIndex(0)
        field.setSelectedSection(field.currentSection())

    def show_day(self, day: date | None) -> None:
        """Show ``day`` without announcing it (another tab's date, set elsewhere)."""
        self._timer.stop()
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(to_qdate(day) if day else QDate.currentDate())
        self.date_edit.blockSignals(False)
        self._day = day
        self._show_state()

    def _on_date_changed(self, _day: QDate) -> None:
        calendar = self.date_edit.calendarWidget()
        if self.date_edit.hasFocus() and not (calendar and calendar.isVisible()):
            self._timer.start()  # typing, section by section: wait for a pause or Enter
        else:
            self._apply(to_date(self.date_edit.date()))  # the calendar, or set by code

    def _on_pause(self) -> None:
        self._apply(to_date(self.date_edit.date()))

    def _commit(self) -> None:
        """Enter, or the field lost the focus: apply the date; a later one shows today's text."""
        self._timer.stop()
        if to_date(self.date_edit.date()) > date.today():
            self.date_edit.blockSignals(True)  # (not while typing: "30" may be 30/11 on the way to 30/06)
            self.date_edit.setDate(QDate.currentDate())
            self.date_edit.blockSignals(False)
        self._apply(to_date(self.date_edit.date()))

    def _apply(self, chosen: date) -> None:
        day = None if chosen >= date.today() else chosen
        if day == self._day:
            return
        self._day = day
        self._show_state()
        self.day_changed.emit(day)

    def _show_state(self) -> None:
        self.today_button.setEnabled(self._day is not None)
        font = self.date_edit.font()
        font.setBold(self._day is not None)  # a past date stands out: the text is not today's
        self.date_edit.setFont(font)


class PointInTime(QObject):
    """The «Vigente a» bar and what depends on the date beyond the page: the tree's marks and
    the statement of currency (as signals), the timeline dock, the organigrama and «Comparar
    fechas». It follows one reader at a time (the current tab's)."""

    statuses_changed = Signal(object)  # StatusLookup | None: what the tree asks for its marks
    currency_changed = Signal(object)  # CurrencyStatement: the status bar's statement

    def __init__(self, reader: Reader, status: StatusReporter, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._status = status
        self.reader = reader
        self.bar = AsOfBar(parent)
        self.bar.day_changed.connect(self._on_bar_day)
        self.timeline_panel: TimelinePanel | None = None
        self._dock: QDockWidget | None = None
        self._timeline_loaded = False
        self.org_chart_dialog: OrgChartDialog | None = None
        self.compare_dialog: CompareDialog | None = None
        self._loader: TimelineLoader | None = None
        self._loading_for: Library | None = None
        self._closed = False
        # The timeline (its build, the dock's panel) waits for the first frame: not on the start path.
        self._started = False
        self._connect(reader.state)
        self._fallback = QTimer(self)  # a window that never paints, say (goes with this object)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self.start)
        self._fallback.start(START_FALLBACK_MS)

    @property
    def state(self) -> ReaderState:
        return self.reader.state

    @property
    def day(self) -> date | None:
        return self.state.day

    @property
    def effective_day(self) -> date:
        """The chosen date, or today."""
        return self.state.effective_day

    def follow(self, reader: Reader) -> None:
        """Another reader is in front (a tab was chosen): the bar and the rest show its date."""
        if reader is self.reader:
            return
        self._disconnect(self.reader.state)
        library_before = self.state.library
        self.reader = reader
        self._connect(reader.state)
        if reader.state.library is not library_before:
            self._on_library(reader.state.library)
        else:
            self._on_day(reader.state.day)

    def _connect(self, state: ReaderState) -> None:
        state.day_changed.connect(self._on_day)
        state.library_changed.connect(self._on_library)

    def _disconnect(self, state: ReaderState) -> None:
        state.day_changed.disconnect(self._on_day)
        state.library_changed.disconnect(self._on_library)

    def _on_bar_day(self, day: date | None) -> None:
        self.state.set_day(day)

    def _on_day(self, day: date | None) -> None:
        """The date changed (the reader renders its page itself): the rest follows it."""
        if self.bar.day != day:
            self.bar.show_day(day)
        self.show_currency()
        if self.timeline_panel is not None:
            self.timeline_panel.set_marker(day)
        if self.org_chart_dialog is not None and self.org_chart_dialog.isVisible():
            self._update_org_chart()

    def apply(self, day: date | None) -> None:
        """Switch the current reader to ``day`` (None: today's text)."""
        self.bar.set_day(day)

    def show_currency(self) -> None:
        """The tree's marks and the status bar's statement of currency, for the date."""
        library = self.state.library
        self.statuses_changed.emit(status_lookup(library, self.day) if library else None)
        if library is not None:
            self.currency_changed.emit(status_bar_text(library.currency(), self.effective_day))

    def _on_library(self, _library: object) -> None:
        """A new corpus: statuses, currency and events come from it."""
        self._timeline_loaded = False
        self.start_loading()
        self._on_day(self.day)

    # -- timeline --------------------------------------------------------------

    def attach_timeline(self, dock: QDockWidget) -> None:
        """The timeline dock: its panel is made, and filled, when the dock is first shown
        (after the first frame: the panel and its events are not on the start path)."""
        self._dock = dock
        dock.visibilityChanged.connect(
            lambda visible: visible and QTimer.singleShot(0, self, self._fill_timeline)
        )

    def timeline(self) -> TimelinePanel:
        """The timeline dock's panel (made now if the dock was never shown)."""
        assert self._dock is not None, "attach_timeline first"
        return self._panel(self._dock)

    def _panel(self, dock: QDockWidget) -> TimelinePanel:
        if self.timeline_panel is None:
            from sgdesk.ui.timeline_panel import TimelinePanel

            panel = TimelinePanel(dock)
            panel.setMinimumWidth(TIMELINE_MIN_WIDTH)  # its legend must not widen the window
            panel.set_marker(self.day)
            panel.event_activated.connect(self.open_event)
            dock.setWidget(panel)
            self.timeline_panel = panel
        return self.timeline_panel

    def start(self) -> None:
        """After the first frame (the window calls it; a timer too, in case it never paints)."""
        self._fallback.stop()
        if self._started or self._closed:
            return
        self._started = True
        self.start_loading()
        self._fill_timeline()

    def start_loading(self) -> None:
        """Build the current corpus's timeline on a worker thread (see TimelineLoader)."""
        from sgdesk.ui.timeline_loader import TimelineLoader

        self.stop()
        library = self.state.library
        if self._closed or library is None or library.timeline_built or not self._started:
            self._fill_timeline()
            return
        try:
            loader = TimelineLoader(library, self)
        except SgdeskError:
            return  # the library builds it when asked, and says what is wrong
        loader.loaded.connect(self._on_loaded)
        self._loader, self._loading_for = loader, library
        from PySide6.QtCore import QThread  # (named after the first frame: its enumerations)

        loader.start(QThread.Priority.LowPriority)

    def shutdown(self) -> None:
        """The window closes: stop any build, start none."""
        self._closed = True
        self.stop()

    def stop(self) -> None:
        """Stop a build still running (another corpus opens, or the window closes)."""
        loader, self._loader = self._loader, None
        if loader is not None:
            loader.stop()
            loader.deleteLater()

    def _on_loaded(self, _path: object, timeline: Timeline) -> None:
        library = self.state.library
        if library is not None and library is self._loading_for:
            library.use_timeline(timeline)
        self.stop()
        self._fill_timeline()

    def _fill_timeline(self) -> None:
        dock, library = self._dock, self.state.library
        if dock is None or not dock.isVisible() or not self._started:
            return
        panel = self._panel(dock)
        if self._timeline_loaded:
            return
        if library is not None and not library.timeline_built and self._loader is not None:
            panel.set_reading()  # being built: filled when it arrives
            return
        self._timeline_loaded = True
        from sgdesk.content.timeline_events import later_event

        later = [later_event(change) for change in library.currency().later] if library else []
        panel.set_events([*library.timeline().events, *later] if library else [])
        panel.set_marker(self.day)

    def open_event(self, event_id: str) -> None:
        """Open what an event changed, in the current reader."""
        self.reader.open_event(event_id)

    # -- dialogs ---------------------------------------------------------------

    def show_functions(self) -> None:
        self.reader.show_functions()

    def show_org_chart(self) -> None:
        """The organigrama on the "Vigente a" date (today without one); it follows the date."""
        from sgdesk.ui.org_chart import OrgChartDialog

        if self.state.library is None:
            return
        if self.org_chart_dialog is None:
            self.org_chart_dialog = OrgChartDialog(self._parent)
        self._update_org_chart()
        self.org_chart_dialog.show()
        self.org_chart_dialog.activateWindow()  # to the front, if it was open behind the window

    def _update_org_chart(self) -> None:
        library, dialog = self.state.library, self.org_chart_dialog
        if library is not None and dialog is not None:
            day, currency, timeline = self.effective_day, library.currency(), library.timeline()
            title = org_chart_title(day, currency)
            caveat = structure_caveat(currency, timeline.structure_changes(day), day) or ""
            dialog.set_state(timeline.office_states(day), day, title, caveat, currency)

    def compare_dates(self) -> None:
        from sgdesk.ui.compare_dialog import DEFAULT_FIRST, CompareDialog

        library = self.state.library
        if library is None:
            return
        first = min(DEFAULT_FIRST, self.effective_day)  # up to the "Vigente a" date (today without one)
        dialog = CompareDialog(
            library.timeline(), first, self.effective_day, self._parent, library.currency()
        )
        dialog.event_activated.connect(self.open_event)
        self.compare_dialog = dialog
        dialog.show()
