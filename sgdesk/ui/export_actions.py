"""Export to PDF, print and print preview: the window's Ctrl+E, Ctrl+P and Ctrl+Shift+P.

All three paint the same pages (``export.pdf.Paginator``) from the same plan, with the
"Vigente a" date of the window. Dialogs and Qt's print support are loaded on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from sgdesk.errors import SgdeskError
from sgdesk.export.plan import PaperSize

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

    from sgdesk.export.plan import ExportPlan
    from sgdesk.notes import MyNotes
    from sgdesk.ui.export_job import ExportJob
    from sgdesk.ui.reader_state import ReaderState, StatusReporter
    from sgdesk.ui.state import UiSettings


class ExportActions(QObject):
    """What the export and print actions do, for a reader's node and «Vigente a» date; the
    dialogs it opens (over ``parent``) stay referenced."""

    def __init__(self, state: ReaderState, settings: UiSettings, status: StatusReporter,
                 parent: QWidget) -> None:  # fmt: skip
        super().__init__(parent)
        self._parent = parent
        self._settings = settings
        self._status = status
        self.state = state
        self.dialog: QDialog | None = None  # the export, print or preview dialog last opened
        self.error_dialog: QMessageBox | None = None
        self.job: ExportJob | None = None
        self.notes_source: Callable[[], MyNotes] | None = None  # the window's «Mis notas»
        self.print_with_notes = False  # Archivo › «Incluir mis notas al imprimir» (off at start)

    def set_print_with_notes(self, include: bool) -> None:
        self.print_with_notes = include

    def export_pdf(self) -> None:
        """Ctrl+E: choose what, then where; the export runs with progress and can be cancelled."""
        state = self.state
        if state.library is None:
            return
        from sgdesk.ui.export_dialog import ExportDialog

        dialog = ExportDialog(state.library, state.node_id, self._parent, state.day)
        self.dialog = dialog
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        plan = self._plan(choice.ids, choice.include_children, choice.compendium, choice.paper)
        if plan is not None and choice.include_notes:
            plan = self._with_my_notes(plan)
        if plan is None:
            return
        target = self._ask_target(plan.file_name())
        if target is not None:
            self.start(plan, target, choice.open_when_done)

    def start(self, plan: ExportPlan, target: Path, open_when_done: bool = False) -> ExportJob:
        """Write ``plan`` to ``target`` a page per turn of the event loop (see ExportJob)."""
        from sgdesk.export.pdf import export_steps
        from sgdesk.ui.export_job import ExportJob

        status = self._status
        job = ExportJob(export_steps(plan, target), self._parent)
        job.finished.connect(lambda path: self._done(path, open_when_done))
        job.failed.connect(lambda message: self._failed(message))
        job.cancelled.connect(
            lambda: status.show_status(self.tr("Exportación cancelada; no se escribió ningún archivo."), 0)
        )
        self.job = job
        job.start()
        return job

    def print_page(self) -> None:
        """Ctrl+P: the current section through the same renderer as the PDF."""
        from PySide6.QtPrintSupport import QPrintDialog

        prepared = self._printer()
        if prepared is None:
            return
        plan, printer = prepared
        dialog = QPrintDialog(printer, self._parent)
        self.dialog = dialog
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            paint_plan(plan, printer)

    def preview_print(self) -> None:
        """Ctrl+Shift+P: Qt's print preview of the same pages."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        prepared = self._printer()
        if prepared is None:
            return
        plan, printer = prepared
        preview = QPrintPreviewDialog(printer, self._parent)
        preview.setObjectName("printPreview")
        preview.paintRequested.connect(lambda device: paint_plan(plan, device))
        self.dialog = preview
        preview.exec()

    # -- helpers ---------------------------------------------------------------
    def _plan(self, ids: tuple[str, ...], children: bool, compendium: bool,
              paper: PaperSize) -> ExportPlan | None:  # fmt: skip
        from sgdesk.export.plan import plan_compendium, plan_export

        library = self.state.library
        assert library is not None
        try:
            day = self.state.day  # the "Vigente a" text, like the reading pane
            if compendium:
                return plan_compendium(library, paper, as_of=day)
            return plan_export(library, list(ids), children, paper, as_of=day)
        except SgdeskError as exc:
            self._failed(exc.message)
            return None

    def _with_my_notes(self, plan: ExportPlan) -> ExportPlan | None:
        """«Incluir mis notas»: the reader's highlights and notes on the plan's pages."""
        from sgdesk.export.annotated import with_my_notes

        library = self.state.library
        if self.notes_source is None or library is None:
            return plan
        try:
            return with_my_notes(plan, self.notes_source(), library)
        except SgdeskError as exc:
            self._failed(self.tr("No se pudieron leer Mis notas: %1").replace("%1", exc.message))
            return None

    def _ask_target(self, file_name: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog  # it asks before overwriting a file

        settings = self._settings
        folder = settings.export_folder or Path.home()
        path, _filter = QFileDialog.getSaveFileName(
            self._parent, self.tr("Guardar PDF"), str(folder / file_name), self.tr("Documentos PDF (*.pdf)")
        )
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        settings.export_folder = target.parent
        return target

    def _done(self, path: Path, open_when_done: bool) -> None:
        self._status.show_status(self.tr("PDF guardado en %1").replace("%1", str(path)), 10000)
        if open_when_done:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _failed(self, message: str) -> None:
        from sgdesk.ui import dialogs

        self.error_dialog = dialogs.show_error(self._parent, self.tr("No se pudo exportar"), message)

    def _printer(self) -> tuple[ExportPlan, QPrinter] | None:
        """The current section's plan and a printer set up like the PDF (Carta, margins)."""
        from PySide6.QtPrintSupport import QPrinter

        node_id = self.state.node_id
        if node_id is None or self.state.library is None:
            return None
        plan = self._plan((node_id,), False, False, PaperSize.CARTA)
        if plan is not None and self.print_with_notes:
            plan = self._with_my_notes(plan)
        if plan is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_device(printer, plan.paper)
        return plan, printer


def configure_device(device: object, paper: PaperSize) -> None:
    from PySide6.QtGui import QPagedPaintDevice

    from sgdesk.export.pdf import configure_device as configure

    assert isinstance(device, QPagedPaintDevice)
    configure(device, paper)


def paint_plan(plan: ExportPlan, device: object) -> None:
    """Print or preview: the same pages as the PDF, painted on a printer."""
    from PySide6.QtGui import QPagedPaintDevice

    from sgdesk.export.pdf import Paginator

    assert isinstance(device, QPagedPaintDevice)
    for _page in Paginator(plan, device).paint():
        pass
