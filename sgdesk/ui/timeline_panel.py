"""The timeline dock's contents: a row with the legend (which filters by kind), and under it
the view in a scroll area, as wide as the dock but for a narrow column of zoom buttons."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, QRect, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from sgdesk.content.model import EVENT_KIND_LABELS, EventKind
from sgdesk.content.timeline import TimelineEvent
from sgdesk.ui.flow_layout import FlowLayout
from sgdesk.ui.theme import current_theme
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
        # the text), so the rows get its whole width and the legend one line of its height. In
        # a narrow dock the row wraps: every box stays visible and reachable with Tab.
        self.legend = QWidget(self)
        self.legend.setObjectName("timelineLegend")
        self.legend.setAccessibleName(self.tr("Leyenda y filtros de la línea de tiempo"))
        flow = FlowLayout(self.legend, spacing=4)
        flow.setContentsMargins(6, 3, 6, 3)
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
            flow.addWidget(box)
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
        flow.addWidget(self.later_checkbox)
        # Zoom: a narrow column at the right of the rows (as on a map), not a part of the row:
        # the legend keeps the row to itself (one line at 1366×768 ×1.25).
        zoom_in = tool_button(self, "+", self.tr("Acercar (+)"), lambda: self.view.zoom_in())
        zoom_out = tool_button(self, "−", self.tr("Alejar (−)"), lambda: self.view.zoom_out())
        self.fit_button = tool_button(self, "↔", self.tr("Ajustar la línea de tiempo al ancho "
                                      "disponible (0)"), lambda: self.view.zoom_to_fit())  # fmt: skip
        self.fit_button.setAccessibleName(self.tr("Ajustar la línea de tiempo al ancho"))
        zoom = QVBoxLayout()
        zoom.setContentsMargins(2, 0, 2, 0)
        zoom.setSpacing(2)
        for button in (zoom_in, zoom_out, self.fit_button):
            button.setAutoRaise(True)
            zoom.addWidget(button)
        zoom.addStretch(1)
        rows = QHBoxLayout()
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(0)
        rows.addWidget(self.scroll_area, 1)
        rows.addLayout(zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        layout.addLayout(rows, 1)

    def set_events(self, events: list[TimelineEvent]) -> None:
        """Draw ``events``; the legend lists only the kinds among them (a box for a kind the
        corpus does not have would filter nothing)."""
        self.view.set_events(events)
        kinds = {event.kind for event in events if not event.later}
        for kind, box in self.checkboxes.items():
            box.setVisible(kind in kinds or not events)
        self.later_checkbox.setVisible(any(event.later for event in events) or not events)

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
