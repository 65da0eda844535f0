"""Archivo › Importar norma…: the recognised structure beside the original text, for review.

The file is read and recognised on a worker thread (a long PDF takes about a second); the
dialog shows the tree of what was recognised, the text as read with the paragraphs that need
a person highlighted, the list of warnings, and «Guardar como fuente» to write the corpus
source file. Every string shown comes from a file: widgets here show plain text only.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt, QThread, Signal
from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sgdesk.errors import SgdeskError
from sgdesk.importer import SUFFIXES, ImportedNorm, import_file
from sgdesk.importer.model import Unit
from sgdesk.importer.report import NOT_RECORDED
from sgdesk.ui.safe_text import plain, plain_message_box, rich, set_plain_text
from sgdesk.ui.screen_fit import dialog_size
from sgdesk.ui.theme import current_theme

log = logging.getLogger("sgdesk")

LINE_ROLE = Qt.ItemDataRole.UserRole  # the paragraph (0-based) a tree row or warning is about


class _ImportWorker(QThread):
    """Reads and recognises one file off the GUI thread."""

    recognised = Signal(object)  # ImportedNorm
    failed = Signal(str)  # a Spanish message

    def __init__(self, path: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.path = path

    def run(self) -> None:
        try:
            norm = import_file(self.path)
        except SgdeskError as exc:
            self.failed.emit(exc.message)
            return
        except Exception:  # a bug must not end the app or reach the user as a traceback
            log.exception("import of %s failed", self.path)
            message = f"No se pudo importar «{self.path.name}»: error inesperado (detalles en el registro)."
            self.failed.emit(message)
            return
        self.recognised.emit(norm)


class ImportDialog(QDialog):
    """The preview of one imported file."""

    loaded = Signal()  # the file was recognised, or refused: the dialog shows which

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Importar norma"))
        self.norm: ImportedNorm | None = None
        self.path: Path | None = None
        self.saved_to: Path | None = None
        self._worker: _ImportWorker | None = None
        self.message_box: QMessageBox | None = None

        self.status = QLabel(self)
        self.status.setObjectName("importStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("importTree")
        self.tree.setHeaderLabels([self.tr("Lo reconocido")])
        self.tree.setAccessibleName(self.tr("Estructura reconocida"))
        self.original = QPlainTextEdit(self)
        self.original.setObjectName("importOriginal")
        self.original.setReadOnly(True)
        self.original.setAccessibleName(self.tr("Texto original, tal como se leyó"))
        self.warnings = QListWidget(self)
        self.warnings.setObjectName("importWarnings")
        self.warnings.setAccessibleName(self.tr("Para revisar"))
        self.warnings.setMaximumHeight(96)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.original)
        splitter.setSizes([420, 560])
        splitter.setChildrenCollapsible(False)

        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("&Guardar como fuente…"), self)
        self.save_button.setObjectName("importSave")
        self.save_button.setEnabled(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Cerrar"))
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self.warnings_label = QLabel(self.tr("Para revisar:"), self)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warnings)
        layout.addWidget(buttons)
        self.tree.currentItemChanged.connect(self._show_line)
        self.warnings.currentItemChanged.connect(self._show_line)
        # 1366×768 at 125 % leaves about 1093×580 for a window: fit, with room for the frame.
        self.resize(dialog_size(self, QSize(1000, 680)))

    # -- loading -------------------------------------------------------------------------

    def load(self, path: Path) -> None:
        """Start reading ``path``; ``loaded`` is emitted when the preview is ready."""
        self.path = path
        self.norm = None
        self.save_button.setEnabled(False)
        set_plain_text(self.status, self.tr("Leyendo «%1»…").replace("%1", path.name))
        self.tree.clear()
        self.original.clear()
        self.warnings.clear()
        worker = _ImportWorker(path, self)
        worker.recognised.connect(self._show)
        worker.failed.connect(self._refuse)
        worker.finished.connect(worker.deleteLater)
        self._worker = worker
        worker.start()

    def wait(self) -> None:
        """Block until the worker ends (closing the dialog, tests)."""
        if self._worker is not None:
            self._worker.wait()

    def done(self, result: int) -> None:
        self.wait()  # never leave a thread running behind a closed dialog
        super().done(result)

    def _refuse(self, message: str) -> None:
        self._worker = None
        set_plain_text(self.status, message)
        self.status.setStyleSheet(f"color: {current_theme(self.palette()).error};")
        self.loaded.emit()

    def _show(self, norm: ImportedNorm) -> None:
        self._worker = None
        self.norm = norm
        self.status.setStyleSheet("")
        count = len(norm.warnings)
        review = f"{count} punto(s) para revisar" if count else "nada señalado"
        name = self.path.name if self.path else ""
        set_plain_text(self.status, f"{name}: {norm.title}, {len(norm.articles)} artículo(s); {review}.")
        self._fill_tree(norm)
        self._fill_original(norm)
        warning = current_theme(self.palette()).warning
        for finding in norm.warnings:
            item = QListWidgetItem(f"⚠ {finding.message}", self.warnings)
            item.setData(LINE_ROLE, finding.line)
            item.setBackground(QBrush(QColor(warning.background)))  # behind paragraphs that need a person
            item.setForeground(QBrush(QColor(warning.text)))
        set_plain_text(self.warnings_label, self.tr("Para revisar (%1):").replace("%1", str(count)))
        self.save_button.setEnabled(norm.type is not None and norm.number is not None)
        if self.warnings.count():
            self.warnings.setCurrentRow(0)  # the text scrolls to the first paragraph to review
        self.loaded.emit()

    def _fill_tree(self, norm: ImportedNorm) -> None:
        tree = self.tree
        root = QTreeWidgetItem(tree, [norm.title])
        data = QTreeWidgetItem(root, [self.tr("Datos de la norma")])
        issued = norm.issued.format_es() if norm.issued else NOT_RECORDED
        in_force = norm.in_force.format_es() if norm.in_force else NOT_RECORDED
        for label, value in (
            ("Expedida por", norm.issuer or "no reconocido"),
            ("Fecha de expedición", issued),
            ("Entrada en vigencia", in_force),
            ("Medio de publicación", norm.publication or "no registrado"),
            ("Epígrafe", norm.epigrafe or "no reconocido"),
        ):
            QTreeWidgetItem(data, [f"{label}: {value}"])
        if norm.notes:
            label = self.tr("Notas de vigencia y referencias (%1)").replace("%1", str(len(norm.notes)))
            notes = QTreeWidgetItem(root, [label])
            for note in norm.notes:
                cited = ", ".join(note.norms) or "sin norma citada"
                QTreeWidgetItem(notes, [f"{note.text} → {cited}"])
        if norm.considerations:
            label = self.tr("Considerandos (%1)").replace("%1", str(len(norm.considerations)))
            considering = QTreeWidgetItem(root, [label])
            for text in norm.considerations:
                QTreeWidgetItem(considering, [text])
        parent = root
        for position, article in enumerate(norm.articles):
            for division in (d for d in norm.divisions if d.before_article == position):
                title = f"{division.kind.upper()} {division.number}. {division.title}".rstrip(". ")
                parent = QTreeWidgetItem(root, [title])
            self._unit_item(parent, article)
        if norm.closing:
            closing = QTreeWidgetItem(root, [self.tr("Cierre (no es un artículo)")])
            for text in norm.closing:
                QTreeWidgetItem(closing, [text])
        tree.expandAll()

    def _unit_item(self, parent: QTreeWidgetItem, unit: Unit) -> None:
        head = f"{unit.label} {unit.title}." if unit.title else unit.label
        first = unit.text[0] if unit.text else ""
        item = QTreeWidgetItem(parent, [f"{head} {first}".strip()])
        item.setData(0, LINE_ROLE, unit.line)
        item.setToolTip(0, rich("\n".join([head, *unit.text, *unit.quote])))
        if unit.quote:
            QTreeWidgetItem(item, [self.tr("Texto citado: ") + " ".join(unit.quote)])
        for child in unit.children:
            self._unit_item(item, child)

    def _fill_original(self, norm: ImportedNorm) -> None:
        self.original.setPlainText("\n".join(norm.paragraphs))
        flagged = {f.line for f in norm.warnings if f.line is not None}
        selections = []
        warning = current_theme(self.palette()).warning
        for line in sorted(flagged):
            block = self.original.document().findBlockByNumber(line)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # the whole paragraph, on every line it wraps to
            selection.format = QTextCharFormat()
            selection.format.setBackground(QBrush(QColor(warning.background)))
            selection.format.setForeground(QBrush(QColor(warning.text)))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selections.append(selection)
        self.original.setExtraSelections(selections)

    def highlighted_lines(self) -> list[int]:
        """The paragraphs shown highlighted, for the tests and for the record."""
        return [s.cursor.block().blockNumber() for s in self.original.extraSelections()]

    def _show_line(self, current: QTreeWidgetItem | QListWidgetItem | None, _previous: object = None) -> None:
        if current is None:
            return
        line = current.data(0, LINE_ROLE) if isinstance(current, QTreeWidgetItem) else current.data(LINE_ROLE)
        if not isinstance(line, int):
            return
        block = self.original.document().findBlockByNumber(line)
        if block.isValid():
            self.original.setTextCursor(QTextCursor(block))
            self.original.centerCursor()

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = QFileDialog.getExistingDirectory(self, self.tr("Carpeta de las fuentes (normas/)"), start)
        if folder:
            self.save_to(Path(folder))

    def save_to(self, folder: Path) -> Path | None:
        """Write the source file into ``folder``; says where, or why not."""
        if self.norm is None:
            return None
        from sgdesk.importer.source import write_source

        try:
            target = write_source(self.norm, self.path.name if self.path else "", folder)
        except SgdeskError as exc:
            self._message(QMessageBox.Icon.Warning, self.tr("No se guardó la fuente"), exc.message)
            return None
        self.saved_to = target
        text = self.tr(
            "Fuente escrita en «%1». Revise cada punto señalado, agregue la norma a una sección de "
            "informacion-general.toml y ejecute «sgdesk db build»."
        ).replace("%1", str(target))
        self._message(QMessageBox.Icon.Information, self.tr("Fuente guardada"), text)
        return target

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, plain(title), "", QMessageBox.StandardButton.Ok, self)
        box.setObjectName("importMessage")
        plain_message_box(box, text)  # file names are data, never markup
        box.open()
        self.message_box = box


def import_norm(window: QWidget) -> ImportDialog | None:
    """Ask for a file and open its preview (Archivo › Importar norma…)."""
    patterns = " ".join(f"*{suffix}" for suffix in SUFFIXES)
    path, _filter = QFileDialog.getOpenFileName(
        window,
        window.tr("Importar norma"),
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
        window.tr("Normas (%1);;Todos los archivos (*)").replace("%1", patterns),
    )
    if not path:
        return None
    return open_preview(window, Path(path))


def open_preview(window: QWidget, path: Path) -> ImportDialog:
    dialog = ImportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.load(path)
    dialog.show()
    return dialog
