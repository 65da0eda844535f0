"""The timeline dock's contents: the view in a scroll area, a legend that filters by kind, zoom."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sgdesk.content.model import EVENT_KIND_LABELS, EventKind
from sgdesk.content.timeline import TimelineEvent
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
        legend = QVBoxLayout()  # a column beside the timeline: the rows keep the dock's height
        legend.setContentsMargins(6, 4, 4, 4)
        legend.setSpacing(2)
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
            legend.addWidget(box)
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
        legend.addWidget(self.later_checkbox)
        self.fit_button = QPushButton(self.tr("Ajustar"), self)
        self.fit_button.setToolTip(self.tr("Ajustar la línea de tiempo al ancho disponible (0)"))
        self.fit_button.setAccessibleName(self.tr("Ajustar la línea de tiempo al ancho"))
        self.fit_button.clicked.connect(lambda: self.view.zoom_to_fit())
        zoom_out = tool_button(self, "−", self.tr("Alejar (−)"), lambda: self.view.zoom_out())
        zoom_in = tool_button(self, "+", self.tr("Acercar (+)"), lambda: self.view.zoom_in())
        zoom = QHBoxLayout()
        for widget in (zoom_out, zoom_in, self.fit_button):
            zoom.addWidget(widget)
        zoom.addStretch(1)
        legend.insertLayout(0, zoom)  # first: in reach when the column scrolls
        legend.addStretch(1)
        legend_widget = QWidget(self)
        legend_widget.setLayout(legend)
        # Beside the timeline, not above it (at 1366×768 and 125 % the legend took two of the
        # dock's lines); it scrolls when the dock is made shorter than it.
        self.legend_area = QScrollArea(self)
        self.legend_area.setObjectName("timelineLegend")
        self.legend_area.setFrameShape(QFrame.Shape.NoFrame)
        self.legend_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.legend_area.setWidgetResizable(True)
        self.legend_area.setWidget(legend_widget)
        extent = self.legend_area.verticalScrollBar().sizeHint().width()
        self.legend_area.setFixedWidth(legend_widget.sizeHint().width() + extent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.legend_area)
        layout.addWidget(self.scroll_area, 1)

    def set_events(self, events: list[TimelineEvent]) -> None:
        self.view.set_events(events)

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
