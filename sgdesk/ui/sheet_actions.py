"""«Imprimir…» and «Exportar a PDF…» of the organigrama and «Comparar fechas»: one sheet each,
through the export's PDF/A writer and paginator (sgdesk/export/sheet_pdf.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from sgdesk.errors import SgdeskError
from sgdesk.export.sheet import Sheet


def export_sheet(parent: QWidget, sheet: Sheet, file_name: str) -> Path | None:
    """Ask where (proposing ``file_name`` in the home folder), then write the PDF; an error is
    explained and nothing is left behind. Returns the file written, or None."""
    from PySide6.QtWidgets import QFileDialog  # it asks before overwriting a file

    path, _filter = QFileDialog.getSaveFileName(
        parent, parent.tr("Guardar PDF"), str(Path.home() / file_name), parent.tr("Documentos PDF (*.pdf)")
    )
    if not path:
        return None
    target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
    return write_sheet(parent, sheet, target)


def write_sheet(parent: QWidget, sheet: Sheet, target: Path) -> Path | None:
    from sgdesk.export.pdf import write_pdf

    try:
        return write_pdf(sheet, target)
    except SgdeskError as exc:
        from sgdesk.ui import dialogs

        dialogs.show_error(parent, parent.tr("No se pudo exportar"), exc.message)
        return None


def print_sheet(parent: QWidget, sheet: Sheet) -> bool:
    """Qt's print dialog, then the same pages as the PDF; True when printed."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from sgdesk.export.pdf import configure_device

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_device(printer, sheet.paper)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_sheet(sheet, printer)
    return True


def paint_sheet(sheet: Sheet, device: object) -> None:
    """The sheet's pages on a printer (or any paged device)."""
    from PySide6.QtGui import QPagedPaintDevice

    from sgdesk.export.pdf import paginator_for

    assert isinstance(device, QPagedPaintDevice)
    for _page in paginator_for(sheet, device).paint():
        pass
