"""The find-in-page bar shown under the reading pane (Ctrl+F)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from sgdesk.ui.safe_text import set_plain_text
from sgdesk.ui.widgets import enable_clear_button, tool_button


class FindBar(QWidget):
    """A field, a match counter and previous/next/close buttons. Emits; never searches."""

    query_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Buscar en la página (sin importar tildes)"))
        self.field.setAccessibleName(self.tr("Buscar en la página"))
        enable_clear_button(self.field)
        self.field.textChanged.connect(self.query_changed)
        self.field.returnPressed.connect(self.next_requested)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Coincidencias"))
        self.count_label.setMinimumWidth(120)
        previous = tool_button(self, "‹", self.tr("Anterior (Mayús+F3)"), self.previous_requested.emit)
        following = tool_button(self, "›", self.tr("Siguiente (F3)"), self.next_requested.emit)
        close = tool_button(self, "×", self.tr("Cerrar la búsqueda (Esc)"), self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(QLabel(self.tr("Buscar:"), self))
        layout.addWidget(self.field, 1)
        for widget in (self.count_label, previous, following, close):
            layout.addWidget(widget)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int) -> None:
        if not self.field.text().strip():
            self.count_label.clear()
        elif total == 0:
            self.count_label.setText(self.tr("Sin coincidencias"))
        else:
            set_plain_text(
                self.count_label, self.tr("%1 de %2").replace("%1", str(current)).replace("%2", str(total))
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
