"""«Historial» (Ctrl+H): the pages opened, newest first, with their «Vigente a» date.

Enter or a double click opens one; «Borrar historial» forgets them all; the days kept (or
none) are chosen here and saved with Mis notas.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from sgdesk.content.annotations import Visit
from sgdesk.notes import MAX_HISTORY_DAYS
from sgdesk.ui.screen_fit import dialog_size

NODE_ROLE = Qt.ItemDataRole.UserRole + 1


class HistoryDialog(QDialog):
    """Emits ``node_activated`` (then closes), ``clear_requested`` and ``days_changed``."""

    node_activated = Signal(str)
    clear_requested = Signal()
    days_changed = Signal(int)

    def __init__(
        self, visits: list[Visit], days: int, read_only: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Historial"))
        self.resize(dialog_size(self, QSize(640, 460)))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("historyTree")
        self.tree.setAccessibleName(self.tr("Páginas abiertas"))
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Abierta"), self.tr("Sección"), self.tr("Vigente a")])
        self.tree.itemActivated.connect(self._on_activated)
        self.days = QSpinBox(self)
        self.days.setRange(0, MAX_HISTORY_DAYS)
        self.days.setValue(days)
        self.days.setSuffix(self.tr(" días"))
        self.days.setSpecialValueText(self.tr("no guardar"))
        self.days.setAccessibleName(self.tr("Días que se guarda el historial"))
        self.days.valueChanged.connect(self.days_changed)
        self.clear_button = QPushButton(self.tr("&Borrar historial"), self)
        self.clear_button.clicked.connect(self._clear)
        for widget in (self.days, self.clear_button):
            widget.setEnabled(not read_only)
        settings = QHBoxLayout()
        settings.addWidget(QLabel(self.tr("Guardar el historial:"), self))
        settings.addWidget(self.days)
        settings.addStretch(1)
        settings.addWidget(self.clear_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(settings)
        layout.addWidget(buttons)
        self.show_visits(visits)

    def show_visits(self, visits: list[Visit]) -> None:
        self.tree.clear()
        for visit in visits:
            item = QTreeWidgetItem(
                [_local_time(visit.opened), visit.title or visit.node_id, _day(visit.as_of)]
            )
            item.setData(0, NODE_ROLE, visit.node_id)
            self.tree.addTopLevelItem(item)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(1, 360)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.node_activated.emit(str(item.data(0, NODE_ROLE)))
        self.accept()

    def _clear(self) -> None:
        self.clear_requested.emit()
        self.show_visits([])


def _local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone().strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return iso


def _day(iso: str | None) -> str:
    if not iso:
        return "hoy (texto actual)"
    try:
        return date.fromisoformat(iso).strftime("%d/%m/%Y")
    except ValueError:
        return iso
