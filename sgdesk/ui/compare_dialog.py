"""Ver › Comparar fechas…: what changed between two dates, the uncertain changes marked.

The changes are grouped under the norm that made them (one row per event, its date and
kind), each change below as old → new, or as the event's summary when it names nothing."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from sgdesk.content.currency import Currency
from sgdesk.content.model import EVENT_KIND_LABELS, LaterChange
from sgdesk.content.timeline import LATER_PREFIX, ChangeRecord, Timeline
from sgdesk.export.common import UNCERTAIN_CHANGE, change_line, format_day, later_change_line, later_item
from sgdesk.ui.date_edit import make_date_edit, to_date
from sgdesk.ui.safe_text import rich, set_plain_text
from sgdesk.ui.screen_fit import dialog_size
from sgdesk.ui.theme import current_theme

if TYPE_CHECKING:
    from sgdesk.export.sheet import Sheet

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_FIRST = date(2007, 12, 31)  # the day before the first amendment of Decreto 267 de 2007
LATER_HEADING = "Cambios conocidos que este contenido no incorpora (no están en el texto)"


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the column (a tree view would elide it)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self._view.columnWidth(0) - depth * self._view.indentation() - 12
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else option.font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        wrapped = metrics.boundingRect(QRect(0, 0, max(width, 50), 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), wrapped.height() + 6))


class CompareDialog(QDialog):
    """Two dates and the list of changes between them, old → new; double-click opens one."""

    event_activated = Signal(str)

    def __init__(self, timeline: Timeline, first: date = DEFAULT_FIRST, second: date | None = None,
                 parent: QWidget | None = None, currency: Currency | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Comparar fechas"))
        self._timeline = timeline
        self._currency = currency
        self._later: list[tuple[LaterChange, bool]] = []
        self.first_edit = make_date_edit(self, self.tr("Primera fecha"), first)
        self.second_edit = make_date_edit(self, self.tr("Segunda fecha"), second)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self._records: list[ChangeRecord] = []
        self.changes = QTreeWidget(self)
        self.changes.setObjectName("compareChanges")
        self.changes.setAccessibleName(self.tr("Cambios entre las dos fechas"))
        self.changes.setHeaderHidden(True)
        self.changes.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # wrap, not elide
        self.changes.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.changes.setWordWrap(True)
        self.changes.setItemDelegate(_WrappingDelegate(self.changes))
        # Row heights depend on the column's width: lay the rows out again when it changes (else
        # the last row keeps the height it had at the narrow width before the dialog was shown).
        self.changes.header().sectionResized.connect(lambda *_: self.changes.doItemsLayout())
        self.changes.setUniformRowHeights(False)
        self.changes.setAlternatingRowColors(True)
        self.changes.itemActivated.connect(self._on_activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        action = QDialogButtonBox.ButtonRole.ActionRole
        self.print_button = buttons.addButton(self.tr("Imprimir…"), action)
        self.pdf_button = buttons.addButton(self.tr("Exportar a PDF…"), action)
        for button in (self.print_button, self.pdf_button):
            button.setAutoDefault(False)  # Intro keeps its meaning (open a change, close): never prints
        self.print_button.clicked.connect(self.print_changes)
        self.pdf_button.clicked.connect(self.export_pdf)
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(currency is not None)
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
        self.resize(dialog_size(self, QSize(760, 480)))

    def update_changes(self) -> None:
        first, second = to_date(self.first_edit.date()), to_date(self.second_edit.date())
        records = self._records = self._timeline.changes_between(first, second)
        self.changes.clear()
        parent: QTreeWidgetItem | None = None
        for record in records:
            event = record.event
            if parent is None or parent.data(0, EVENT_ID_ROLE) != event.id:
                parent = self._event_item(record)
            what = f"{record.old} → {record.new}" if record.new else event.summary
            last = parent.child(parent.childCount() - 1) if parent.childCount() else None
            if last is not None and last.text(0) == what:
                continue  # several unnamed changes of one event: its summary says it once
            item = QTreeWidgetItem(parent, [what])
            item.setData(0, EVENT_ID_ROLE, event.id)
            item.setToolTip(0, rich(event.summary))
            item.setFont(0, self._font(italic=not record.certain))
        self._later = self._timeline.later_between(first, second)
        if self._later:
            self._later_items()
        self.changes.expandAll()
        low, high = sorted((first, second))
        if not records:
            count = self.tr("Ningún cambio registrado")
        elif len(records) == 1:
            count = self.tr("1 cambio registrado")
        else:
            count = self.tr("%1 cambios registrados").replace("%1", str(len(records)))
        text = (
            self.tr("%1 después del %2 y hasta el %3.")
            .replace("%1", count)
            .replace("%2", format_day(low))
            .replace("%3", format_day(high))
        )
        if self._currency is not None and self._currency.is_after(high):
            text += " " + self.tr("Este contenido incorpora los cambios hasta %1.").replace(
                "%1", self._currency.as_of_text
            )
        if self._later:
            text += " " + self.tr(
                "%1 cambio(s) posterior(es) conocido(s) en este intervalo se listan aparte, al final: "
                "no están en el texto."
            ).replace("%1", str(len(self._later)))
        set_plain_text(self.summary, text, limit=1000)

    def sheet(self, today: date | None = None) -> Sheet | None:
        """The comparison on paper, as listed (None without the content's horizon)."""
        from sgdesk.export.sheet import comparison_sheet

        if self._currency is None:
            return None
        first, second = to_date(self.first_edit.date()), to_date(self.second_edit.date())
        return comparison_sheet(self._records, self._later, first, second, self._currency, today)

    def print_changes(self) -> None:
        from sgdesk.ui.sheet_actions import print_sheet

        sheet = self.sheet()
        if sheet is not None:
            print_sheet(self, sheet)

    def export_pdf(self) -> None:
        from sgdesk.ui.sheet_actions import export_sheet

        sheet = self.sheet()
        if sheet is not None:
            export_sheet(self, sheet, sheet.file_name)

    def lines(self) -> list[str]:
        """The changes listed, one line each as ``sgdesk diff`` prints them."""
        return [change_line(record) for record in self._records]

    def later_lines(self) -> list[str]:
        """The later changes in the interval that the corpus does not incorporate."""
        return [later_item(change, certain) for change, certain in self._later]

    def _later_items(self) -> None:
        """The later changes in the interval, under their own heading, apart from the rest."""
        header = QTreeWidgetItem(self.changes, [LATER_HEADING])
        header.setFont(0, self._font(bold=True))
        later = QBrush(QColor(current_theme(self.palette()).possibly_modified))
        header.setForeground(0, later)
        for change, certain in self._later:
            item = QTreeWidgetItem(header, [later_item(change, certain)])
            item.setData(0, EVENT_ID_ROLE, f"{LATER_PREFIX}{change.id}")
            item.setToolTip(0, rich(later_change_line(change)))
            item.setForeground(0, later)

    def _event_item(self, record: ChangeRecord) -> QTreeWidgetItem:
        """The row of the norm that made the change: title, date, kind (and the doubt)."""
        event = record.event
        text = f"{event.norm_title} · {event.date.format_es()} · {EVENT_KIND_LABELS[event.kind]}"
        if not record.certain:
            text += f" — {UNCERTAIN_CHANGE}"
        item = QTreeWidgetItem(self.changes, [text])
        item.setData(0, EVENT_ID_ROLE, event.id)
        item.setFont(0, self._font(bold=True, italic=not record.certain))
        return item

    def _font(self, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(self.changes.font())
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def _on_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        event_id = item.data(0, EVENT_ID_ROLE)
        if event_id:  # not the heading of the later changes
            self.event_activated.emit(str(event_id))
