"""The "Vigente a" date: the toolbar control, and what choosing a date does to the window.

With no date (the default at every start, and after "Hoy") the window shows today's text.
With a date, the tree greys what was not in force that day and marks what is uncertain, the
reading pane shows each unit's status on that day, and the timeline draws the date.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from sgdesk.content.currency import Currency
from sgdesk.content.timeline import LATER_PREFIX, later_event
from sgdesk.errors import SgdeskError
from sgdesk.export.common import (
    currency_statement,
    format_day,
    later_change_line,
    org_chart_title,
    structure_caveat,
)
from sgdesk.export.html import ORG_CHART_LINK, later_change_page, render_html
from sgdesk.library import FUNCTIONS_ARTICLE, FUNCTIONS_TITLE, Library, Page
from sgdesk.ui.date_edit import DATE_FORMAT as DATE_FORMAT  # re-exported for callers
from sgdesk.ui.date_edit import make_date_edit, to_date, to_qdate
from sgdesk.ui.safe_text import rich_lines, set_plain_text, show_status
from sgdesk.ui.tree_model import StatusLookup

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from PySide6.QtWidgets import QDockWidget

    from sgdesk.content.model import Node
    from sgdesk.content.timeline import Status, Timeline
    from sgdesk.ui.compare_dialog import CompareDialog
    from sgdesk.ui.mainwindow import MainWindow
    from sgdesk.ui.org_chart import OrgChartDialog
    from sgdesk.ui.timeline_loader import TimelineLoader
    from sgdesk.ui.timeline_panel import TimelinePanel

TYPING_PAUSE_MS = 700
TIMELINE_MIN_WIDTH = 360
START_FALLBACK_MS = 500  # typing a date: apply it after this pause (Enter applies it at once)


def status_bar_text(currency: Currency, day: date) -> tuple[str, str]:
    """The status bar's statement (plain text) and its tooltip, for the day shown."""
    text = currency.label
    known = currency.known_by(day)
    if currency.is_after(day):
        text += f" · no verificado para el {format_day(day)}"
        if known:
            text += f" · {len(known)} cambio(s) posterior(es) conocido(s) sin incorporar"
    lines = [currency_statement(currency), *(later_change_line(c) for c in currency.later)]
    return text, rich_lines(lines)  # rich text: every line escaped


def status_lookup(library: Library, day: date | None) -> StatusLookup:
    """What the tree asks: the status of some nodes on ``day`` (no SQL: the timeline is in
    memory); for today's text (``None``), only what later changes not incorporated may alter."""

    def later_lookup(nodes: Sequence[Node]) -> Mapping[str, Status]:
        return {node_id: s.status for node_id, s in library.later_states(nodes, date.today()).items()}

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
    """Applies the "Vigente a" date to the window, and the actions that depend on a date."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.bar = AsOfBar(window)
        self.bar.day_changed.connect(self.apply)
        self.compiled = False  # the reading pane shows the compiled "Funciones" page
        self.showing_later: str | None = None  # the pane shows this later change's page
        self.timeline_panel: TimelinePanel | None = None
        self._dock: QDockWidget | None = None
        self._timeline_loaded = False
        self._currency: tuple[Library, Currency] | None = None
        self.org_chart_dialog: OrgChartDialog | None = None
        self.compare_dialog: CompareDialog | None = None
        self._loader: TimelineLoader | None = None
        self._loading_for: Library | None = None
        self._closed = False
        # The timeline (its build, the dock's panel) waits for the first frame: not on the start path.
        self._started = False
        window.reading_pane.viewport().installEventFilter(self)
        QTimer.singleShot(START_FALLBACK_MS, self._start)  # a window that never paints, say

    @property
    def day(self) -> date | None:
        return self.bar.day

    @property
    def effective_day(self) -> date:
        """The chosen date, or today."""
        return self.bar.day or date.today()

    # -- pages -----------------------------------------------------------------

    def page(self, library: Library, node_id: str) -> Page:
        return library.page(node_id, as_of=self.day)

    def render(self, page: Page) -> str:
        """The page as the reading pane shows it: statuses, and the statement of currency."""
        library = self._window.library
        currency = None
        if library is not None:
            if self._currency is None or self._currency[0] is not library:
                self._currency = (library, library.currency())
            currency = self._currency[1]
        return render_html(page, currency=currency)

    def apply(self, day: date | None) -> None:
        """Switch the window to ``day`` (None: today's text)."""
        self.show_currency()
        self.refresh()
        if self.timeline_panel is not None:
            self.timeline_panel.set_marker(day)
        if self.org_chart_dialog is not None and self.org_chart_dialog.isVisible():
            self._update_org_chart()

    def show_currency(self) -> None:
        """The tree's marks and the status bar's statement of currency, for the date."""
        window = self._window
        library = window.library
        window.tree_model.set_status_lookup(status_lookup(library, self.day) if library else None)
        if library is not None:
            text, tip = status_bar_text(library.currency(), self.effective_day)
            set_plain_text(window.content_label, text)
            window.content_label.setToolTip(tip)

    def library_changed(self) -> None:
        """A new corpus: statuses, currency and events come from it."""
        self._currency = None
        self.showing_later = None
        self._timeline_loaded = False
        self.compiled = False
        self.start_loading()
        self.apply(self.day)

    def refresh(self) -> None:
        """Render the current page again for the date, where the reader was."""
        window = self._window
        if window.showing_help:  # «Ayuda» does not depend on the date
            return
        if self.showing_later is not None and self.open_later(self.showing_later):
            return
        if window.library is None or window.current_node_id is None:
            return
        place = window.reading_pane.reading_place()
        try:
            page = (
                self._compiled_page(window.library)
                if self.compiled
                else self.page(window.library, window.current_node_id)
            )
        except SgdeskError as exc:
            show_status(window, exc.message)
            return
        window.reading_pane.show_html(self.render(page))
        window.my_notes.paint_page()  # the highlights and notes of the page, again
        window.reading_pane.restore_place(place)

    def _compiled_page(self, library: Library) -> Page:
        return library.compiled(FUNCTIONS_ARTICLE, self.effective_day, FUNCTIONS_TITLE)

    def show_functions(self) -> None:
        """ "Funciones de la Secretaría General": art. 7 as in force on the date, with provenance."""
        window = self._window
        if window.library is None or not window.open_node(FUNCTIONS_ARTICLE):
            return
        self.compiled = True
        self.refresh()

    # -- timeline --------------------------------------------------------------

    def attach_timeline(self, dock: QDockWidget) -> None:
        """The timeline dock: its panel is made, and filled, when the dock is first shown
        (after the first frame: the panel and its events are not on the start path)."""
        self._dock = dock
        dock.visibilityChanged.connect(lambda visible: visible and QTimer.singleShot(0, self._fill_timeline))

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._started:
            QTimer.singleShot(0, self._start)
        return False

    def _start(self) -> None:
        if self._started:
            return
        self._started = True
        self._window.reading_pane.viewport().removeEventFilter(self)
        self.start_loading()
        self._fill_timeline()

    def start_loading(self) -> None:
        """Build the current corpus's timeline on a worker thread (see TimelineLoader)."""
        from sgdesk.ui.timeline_loader import TimelineLoader

        self.stop()
        library = self._window.library
        if self._closed or library is None or library.timeline_built:
            self._fill_timeline()
            return
        try:
            loader = TimelineLoader(library, self)
        except SgdeskError:
            return  # the library builds it when asked, and says what is wrong
        loader.loaded.connect(self._on_loaded)
        self._loader, self._loading_for = loader, library
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
        library = self._window.library
        if library is not None and library is self._loading_for:
            library.use_timeline(timeline)
        self.stop()
        self._fill_timeline()

    def _fill_timeline(self) -> None:
        dock, library = self._dock, self._window.library
        if dock is None or not dock.isVisible() or not self._started:
            return
        panel = self._panel(dock)
        if self._timeline_loaded:
            return
        if library is not None and not library.timeline_built and self._loader is not None:
            panel.set_reading()  # being built: filled when it arrives
            return
        self._timeline_loaded = True
        later = [later_event(change) for change in library.currency().later] if library else []
        panel.set_events([*library.timeline().events, *later] if library else [])
        panel.set_marker(self.day)

    def open_event(self, event_id: str) -> None:
        """Open what an event changed: its unit marked in its norm, or the norm that made it."""
        window = self._window
        if window.library is None:
            return
        if event_id.startswith(LATER_PREFIX):
            self.open_later(event_id.removeprefix(LATER_PREFIX))
            return
        try:
            page_id, unit_id = window.library.event_location(event_id)
        except SgdeskError as exc:
            show_status(window, exc.message)
            return
        if window.open_node(page_id) and unit_id:
            window.reading_pane.scroll_to_node(unit_id)
            window.reading_pane.mark_node(unit_id)

    def open_special(self, link: str) -> bool:
        """Links that are not nodes: the page of a later change, the organigrama."""
        if link == ORG_CHART_LINK:
            self.show_org_chart()
            return True
        return self.open_later(link.removeprefix(LATER_PREFIX))

    def open_later(self, change_id: str) -> bool:
        """The page of a later change not incorporated: its record and links to what it may have
        altered (the timeline, «Comparar fechas» and the banners lead here)."""
        library = self._window.library
        change = next((c for c in library.currency().later if c.id == change_id), None) if library else None
        if library is None or change is None:
            return False
        titles = {t: node.title for t in change.targets if (node := library.find(t)) is not None}
        self.showing_later = change_id
        self._window.reading_pane.show_html(later_change_page(change, titles, library.currency()))
        return True

    # -- dialogs ---------------------------------------------------------------

    def show_org_chart(self) -> None:
        """The organigrama on the "Vigente a" date (today without one); it follows the date."""
        from sgdesk.ui.org_chart import OrgChartDialog

        if self._window.library is None:
            return
        if self.org_chart_dialog is None:
            self.org_chart_dialog = OrgChartDialog(self._window)
        self._update_org_chart()
        self.org_chart_dialog.show()
        self.org_chart_dialog.activateWindow()  # to the front, if it was open behind the window

    def _update_org_chart(self) -> None:
        library, dialog = self._window.library, self.org_chart_dialog
        if library is not None and dialog is not None:
            day, currency, timeline = self.effective_day, library.currency(), library.timeline()
            title = org_chart_title(day, currency)
            caveat = structure_caveat(currency, timeline.structure_changes(day), day) or ""
            dialog.set_state(timeline.office_states(day), day, title, caveat, currency)

    def compare_dates(self) -> None:
        from sgdesk.ui.compare_dialog import DEFAULT_FIRST, CompareDialog

        window = self._window
        if window.library is None:
            return
        library = window.library
        first = min(DEFAULT_FIRST, self.effective_day)  # up to the "Vigente a" date (today without one)
        dialog = CompareDialog(library.timeline(), first, self.effective_day, window, library.currency())
        dialog.event_activated.connect(self.open_event)
        self.compare_dialog = dialog
        dialog.show()
