"""Ctrl+E: what to export (this section, a selection, everything), on which paper."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from sgdesk.content.model import NodeKind
from sgdesk.export.common import format_day
from sgdesk.export.plan import PaperSize
from sgdesk.library import Library
from sgdesk.ui.safe_text import set_plain_text
from sgdesk.ui.screen_fit import dialog_size

NODE_ID = Qt.ItemDataRole.UserRole + 1
_PLACEHOLDER = "…"


@dataclass(frozen=True)
class ExportChoice:
    ids: tuple[str, ...]
    include_children: bool
    compendium: bool
    paper: PaperSize
    open_when_done: bool
    include_notes: bool = False  # «Incluir mis notas»


class ExportDialog(QDialog):
    """A checkable tree of sections and norms (loaded as branches open) and the options."""

    def __init__(self, library: Library, current_id: str | None, parent: QWidget | None = None,
                 as_of: date | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Exportar a PDF"))
        self._library = library
        current = library.find(current_id) if current_id else None
        self.current_button = QRadioButton(
            self.tr("Sección actual: %1").replace("%1", current.title if current else "—"), self
        )
        self.current_button.setEnabled(current is not None)
        self._current_id = current.id if current else None
        self.selection_button = QRadioButton(self.tr("Secciones elegidas:"), self)
        self.all_button = QRadioButton(self.tr("Todo el compendio"), self)
        self._scope = QButtonGroup(self)
        for button in (self.current_button, self.selection_button, self.all_button):
            self._scope.addButton(button)
        (self.current_button if current else self.all_button).setChecked(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Secciones para exportar"))
        self._add_children(self.tree.invisibleRootItem(), None)
        self.tree.itemExpanded.connect(self._load_children)
        root = self.tree.topLevelItem(0)
        if root is not None:
            root.setExpanded(True)
        # Ticking a section chooses "Secciones elegidas" (connected after filling the tree).
        self.tree.itemChanged.connect(lambda *_: self.selection_button.setChecked(True))
        self.children_box = QCheckBox(self.tr("Incluir las subsecciones"), self)
        self.children_box.setChecked(True)
        self.paper_box = QComboBox(self)
        self.paper_box.setAccessibleName(self.tr("Tamaño del papel"))
        self.paper_box.view().setAccessibleName(self.tr("Tamaño del papel"))  # its drop-down list
        self.paper_box.addItem(self.tr("Carta (216 × 279 mm)"), PaperSize.CARTA)
        self.paper_box.addItem(self.tr("A4 (210 × 297 mm)"), PaperSize.A4)
        self.open_box = QCheckBox(self.tr("Abrir el PDF al terminar"), self)
        # Off by default: the reader's notes are not part of the official text.
        self.notes_box = QCheckBox(self.tr("Incluir mis notas (subrayados y notas)"), self)
        self.notes_box.setToolTip(
            self.tr(
                "Marca los pasajes subrayados y numera las notas, con su texto al final de cada sección; "
                "las notas sin ubicar en esta versión del contenido se listan también."
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton(self.tr("Exportar…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("Papel:"), self.paper_box)
        currency = library.currency()
        if as_of is not None and not currency.is_after(as_of):
            text = self.tr("al %1 (la fecha «Vigente a»)").replace("%1", format_day(as_of))
        elif as_of is not None:  # after the horizon the corpus cannot vouch for that day's text
            text = (
                self.tr("con los cambios incorporados hasta %1; no verificado para el %2 (fecha «Vigente a»)")
                .replace("%1", currency.as_of_text)
                .replace("%2", format_day(as_of))
            )
        else:
            text = self.tr("el de hoy, con los cambios incorporados hasta %1 (no verificado para hoy)")
            text = text.replace("%1", currency.as_of_text)
        self.as_of_label = QLabel(self)
        set_plain_text(self.as_of_label, text)
        form.addRow(self.tr("Texto:"), self.as_of_label)
        layout = QVBoxLayout(self)
        for widget in (self.current_button, self.selection_button, self.tree, self.children_box,
                       self.all_button):  # fmt: skip
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.notes_box)
        layout.addWidget(self.open_box)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(dialog_size(self, QSize(520, 560)))

    def _add_children(self, parent: QTreeWidgetItem, node_id: str | None) -> None:
        for node in self._library.children(node_id):
            if node.kind in (NodeKind.ARTICLE, NodeKind.LITERAL):
                continue  # printed inside their norm
            item = QTreeWidgetItem(parent, [node.title])
            item.setData(0, NODE_ID, node.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            if node.child_count and node.kind is NodeKind.SECTION:
                QTreeWidgetItem(item, [_PLACEHOLDER])  # shows the expander until loaded

    def _load_children(self, item: QTreeWidgetItem) -> None:
        placeholder = item.child(0) if item.childCount() == 1 else None
        if placeholder is not None and placeholder.data(0, NODE_ID) is None:
            item.takeChild(0)
            self.tree.blockSignals(True)
            self._add_children(item, str(item.data(0, NODE_ID)))
            self.tree.blockSignals(False)

    def checked_ids(self) -> list[str]:
        found: list[str] = []
        stack = [self.tree.invisibleRootItem()]
        while stack:
            item = stack.pop()
            children = (item.child(index) for index in reversed(range(item.childCount())))
            stack += [child for child in children if child is not None]
            node_id = item.data(0, NODE_ID)
            if node_id and item.checkState(0) == Qt.CheckState.Checked:
                found.append(str(node_id))
        return found

    def choice(self) -> ExportChoice:
        paper = PaperSize(self.paper_box.currentData())
        if self.all_button.isChecked():
            ids: tuple[str, ...] = ()
        elif self.current_button.isChecked() and self._current_id:
            ids = (self._current_id,)
        else:
            ids = tuple(self.checked_ids())
        include = self.children_box.isChecked() and not self.current_button.isChecked()
        return ExportChoice(ids, include, self.all_button.isChecked(), paper, self.open_box.isChecked(),
                            self.notes_box.isChecked())  # fmt: skip

    def _accept(self) -> None:
        if self.selection_button.isChecked() and not self.checked_ids():
            self.problem.setText(self.tr("Marque al menos una sección para exportar."))
            return
        self.accept()
