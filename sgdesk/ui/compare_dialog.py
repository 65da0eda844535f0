"""Ver › Comparar fechas…: what changed between two dates, the uncertain changes marked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from sgdesk.content.timeline import Timeline
from sgdesk.export.common import change_line, format_day
from sgdesk.ui.as_of import make_date_edit, to_date

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_FIRST = date(2007, 12, 31)  # the day before the first amendment of Decreto 267 de 2007


class CompareDialog(QDialog):
    """Two dates and the list of changes between them, old → new; double-click opens one."""

    event_activated = Signal(str)

    def __init__(self, timeline: Timeline, first: date = DEFAULT_FIRST, second: date | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Comparar fechas"))
        self._timeline = timeline
        self.first_edit = make_date_edit(self, self.tr("Primera fecha"), first)
        self.second_edit = make_date_edit(self, self.tr("Segunda fecha"), second)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.changes = QListWidget(self)
        self.changes.setObjectName("compareChanges")
        self.changes.setAccessibleName(self.tr("Cambios entre las dos fechas"))
        self.changes.setWordWrap(True)
        self.changes.setAlternatingRowColors(True)
        self.changes.itemActivated.connect(self._on_activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Desde el:"), self.first_edit)
        form.addRow(self.tr("Hasta el:"), self.second_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes, 1)
        hint = QLabel(self.tr("Doble clic o Intro en un cambio lo abre en el texto."), self)
        hint.setEnabled(False)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.first_edit.dateChanged.connect(self.update_changes)
        self.second_edit.dateChanged.connect(self.update_changes)
        self.update_changes()
        self.resize(640, 420)

    def update_changes(self) -> None:
        first, second = to_date(self.first_edit.date()), to_date(self.second_edit.date())
        records = self._timeline.changes_between(first, second)
        self.changes.clear()
        italic = QFont(self.changes.font())
        italic.setItalic(True)
        for record in records:
            item = QListWidgetItem(change_line(record), self.changes)
            item.setData(EVENT_ID_ROLE, record.event.id)
            item.setToolTip(record.event.summary)
            if not record.certain:
                item.setFont(italic)
        low, high = sorted((first, second))
        if not records:
            count = self.tr("Ningún cambio registrado")
        elif len(records) == 1:
            count = self.tr("1 cambio registrado")
        else:
            count = self.tr("%1 cambios registrados").replace("%1", str(len(records)))
        self.summary.setText(
            self.tr("%1 después del %2 y hasta el %3.")
            .replace("%1", count)
            .replace("%2", format_day(low))
            .replace("%3", format_day(high))
        )

    def lines(self) -> list[str]:
        """The changes as listed."""
        return [self.changes.item(row).text() for row in range(self.changes.count())]

    def _on_activated(self, item: QListWidgetItem) -> None:
        self.event_activated.emit(str(item.data(EVENT_ID_ROLE)))
