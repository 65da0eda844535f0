"""The timeline dock's contents: a row with zoom and the legend (which filters by kind), and
under it the view in a scroll area, the whole width of the dock."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QScrollArea, QToolBar, QVBoxLayout, QWidget

from sgdesk.content.model import EVENT_KIND_LABELS, EventKind
from sgdesk.content.timeline import TimelineEvent
from sgdesk.ui.theme import current_theme
from sgdesk.ui.timeline_layout import rows_height
from sgdesk.ui.timeline_style import LATER_DESCRIPTION, LATER_LABEL, LEGEND_LABELS, kind_icon, later_icon
from sgdesk.ui.timeline_view import TimelineView
from sgdesk.ui.widgets import tool_button


class TimelinePanel(QWidget):
    """The timeline in a scroll area, with a legend that filters by kind and zoom buttons."""

    event_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.setAccessibleName(self.tr("Panel de la línea de tiempo"))
        self.view = TimelineView()
        self.view.event_activated.connect(self.event_activated)
        self.view.visible_rect_requested.connect(self._show_rect)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.view)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setAccessibleName(self.tr("Área desplazable de la línea de tiempo"))
        self.scroll_area.viewport().installEventFilter(self)
        # The axis is painted at the top of what is shown: a vertical scroll repaints, not blits.
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda _value: self.view.update())
        self.checkboxes: dict[EventKind, QCheckBox] = {}
        # One row above the rows, not a column beside them: the dock is short and wide (under
        # the text), so the rows get its whole width and the legend one line of its height.
        # A toolbar: what does not fit a narrow dock goes behind its » button, still reachable.
        # The legend first (it says what the glyphs mean), zoom last (the view's keys +, −, 0
        # and Ctrl+wheel also zoom).
        self.legend = QToolBar(self)
        self.legend.setObjectName("timelineLegend")
        self.legend.setAccessibleName(self.tr("Leyenda y filtros de la línea de tiempo"))
        self.legend.setIconSize(QSize(16, 16))
        self._legend_actions: dict[EventKind, QAction] = {}
        for kind in EventKind:
            box = QCheckBox(LEGEND_LABELS[kind], self)
            box.setIcon(kind_icon(kind, current_theme()))
            box.setChecked(True)
            box.setToolTip(
                self.tr("%1: mostrar u ocultar estos eventos").replace("%1", EVENT_KIND_LABELS[kind])
            )
            box.setAccessibleName(EVENT_KIND_LABELS[kind])
            box.setAccessibleDescription(self.tr("Mostrar u ocultar los eventos de este tipo"))
            box.toggled.connect(self._apply_filter)
            self._legend_actions[kind] = self.legend.addWidget(box)
            self.checkboxes[kind] = box
        self.later_checkbox = QCheckBox(LATER_LABEL, self)
        self.later_checkbox.setObjectName("timelineLater")
        self.later_checkbox.setIcon(later_icon(current_theme()))
        self.later_checkbox.setChecked(True)
        self.later_checkbox.setToolTip(
            self.tr("%1 (dibujado hueco): mostrar u ocultar").replace("%1", LATER_DESCRIPTION)
        )
        self.later_checkbox.setAccessibleName(LATER_DESCRIPTION)
        self.later_checkbox.toggled.connect(self.view.set_show_later)
        self._later_action = self.legend.addWidget(self.later_checkbox)
        self.legend.addSeparator()
        zoom_out = tool_button(self, "−", self.tr("Alejar (−)"), lambda: self.view.zoom_out())
        zoom_in = tool_button(self, "+", self.tr("Acercar (+)"), lambda: self.view.zoom_in())
        self.fit_button = tool_button(self, self.tr("Ajustar"), self.tr("Ajustar la línea de tiempo al "
                                      "ancho disponible (0)"), lambda: self.view.zoom_to_fit())  # fmt: skip
        self.fit_button.setAccessibleName(self.tr("Ajustar la línea de tiempo al ancho"))
        for widget in (zoom_out, zoom_in, self.fit_button):
            self.legend.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        layout.addWidget(self.scroll_area, 1)

    def set_events(self, events: list[TimelineEvent]) -> None:
        """Draw ``events``; the legend lists only the kinds among them (a box for a kind the
        corpus does not have would filter nothing)."""
        self.view.set_events(events)
        kinds = {event.kind for event in events if not event.later}
        for kind, action in self._legend_actions.items():
            action.setVisible(kind in kinds or not events)
        self._later_action.setVisible(any(event.later for event in events) or not events)

    def height_for_rows(self, rows: int) -> int:
        """The panel's height that shows the legend, the axis and ``rows`` rows of events."""
        line = self.view.fontMetrics().height()
        frame = 2 * self.scroll_area.frameWidth()
        return self.legend.sizeHint().height() + rows_height(line, rows) + frame

    def set_reading(self) -> None:
        """The events are still being read: the view says so."""
        self.view.set_reading()

    def set_marker(self, day: date | None) -> None:
        self.view.set_marker(day)

    def _apply_filter(self, _checked: bool = False) -> None:
        self.view.set_kinds({kind for kind, box in self.checkboxes.items() if box.isChecked()})

    def _show_rect(self, rect: QRect) -> None:
        center = rect.center()
        self.scroll_area.ensureVisible(center.x(), center.y(), rect.width() // 2, rect.height() // 2)

    def changeEvent(self, event: QEvent) -> None:
        """Another theme: the legend's glyphs in its colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            theme = current_theme(self.palette())
            for kind, box in self.checkboxes.items():
                box.setIcon(kind_icon(kind, theme))
            self.later_checkbox.setIcon(later_icon(theme))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            self.view.set_viewport_size(self.scroll_area.viewport().size())
        return super().eventFilter(watched, event)
