"""«Enlaces de la página» (Ctrl+Shift+E): the links of the page shown, in reading order.

Tab leaves the reading pane in one step, so its links are reached here: type to filter,
Up and Down to choose, Enter (or a double click) opens one.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from sgdesk.content.text import fold
from sgdesk.ui.screen_fit import dialog_size
from sgdesk.ui.widgets import enable_clear_button

HREF_ROLE = Qt.ItemDataRole.UserRole + 1
# Keys the filter field does not use, passed on to the list (the list handles its own).
_STEPS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10, Qt.Key.Key_PageDown: 10}


class PageLinksDialog(QDialog):
    """Accepted with ``chosen_href`` set to the link the user opened."""

    def __init__(self, links: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enlaces de la página"))
        self.resize(dialog_size(self, QSize(520, 420)))
        self.chosen_href: str | None = None
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filtrar enlaces"))
        self.filter.setAccessibleName(self.tr("Filtrar los enlaces de la página"))
        enable_clear_button(self.filter)
        self.list = QListWidget(self)
        self.list.setObjectName("pageLinks")
        self.list.setAccessibleName(self.tr("Enlaces de la página"))
        for text, href in links:
            item = QListWidgetItem(text or href)
            item.setData(HREF_ROLE, href)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._open)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self._open_current)
        empty = QLabel(self.tr("Esta página no tiene enlaces."), self)
        empty.setVisible(not links)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self.filter.setFocus()  # type to filter; Up and Down choose in the list meanwhile

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = _STEPS.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        shown = [row for row in range(self.list.count()) if not self.list.item(row).isHidden()]
        if shown:
            here = shown.index(self.list.currentRow()) if self.list.currentRow() in shown else 0
            self.list.setCurrentRow(shown[min(max(here + step, 0), len(shown) - 1)])

    def _apply_filter(self, text: str) -> None:
        needle = fold(text.strip())
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in fold(item.text())
            item.setHidden(hidden)
            first = first if first is not None or hidden else item
        if first is not None:
            self.list.setCurrentItem(first)

    def _open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.isHidden():
            self._open(item)

    def _open(self, item: QListWidgetItem) -> None:
        self.chosen_href = str(item.data(HREF_ROLE))
        self.accept()
