"""Paint a sheet (sgdesk/export/sheet.py) on a PDF or a printer, with the export's bands.

The drawing is scaled to the page's width (never enlarged) on the first page, turned to
landscape when it is wider than tall; the text follows it and flows over the next pages.
Paper stays light whatever the window's theme: the drawing is painted on ``paper_palette``.
"""

from __future__ import annotations

from collections.abc import Generator

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QPagedPaintDevice, QPageLayout, QPainter, QPalette, QTextDocument

from sgdesk.export.pdf import ExportError, Section, band_height, laid_out, no_ligatures, paint_bands
from sgdesk.export.sheet import Sheet

DRAWING_GAP_MM = 6.0
MIN_SHRINK = 0.75  # a drawing shrinks at most this much to keep the text on its page


def paper_font(point_size: float) -> QFont:
    """The export's sans font for drawings, without ligatures ("fi" stays searchable)."""
    font = QFont("Noto Sans")
    font.setPointSizeF(point_size)
    for tag, value in no_ligatures().items():
        font.setFeature(tag, value)
    return font


def paper_palette() -> QPalette:
    """Dark text on white, whatever the window's theme (what a view paints for paper)."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#ffffff"), (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.AlternateBase, "#eef2f6"), (QPalette.ColorRole.Text, "#1a1a1a"),
        (QPalette.ColorRole.WindowText, "#1a1a1a"), (QPalette.ColorRole.Mid, "#9aa3ab"),
        (QPalette.ColorRole.Button, "#f3f3f3"), (QPalette.ColorRole.ButtonText, "#1a1a1a"),
    ):  # fmt: skip
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            palette.setColor(group, role, QColor(colour))
    return palette


def orient_for(sheet: Sheet, device: QPagedPaintDevice) -> None:
    """A wide drawing goes on a landscape page (before the device is painted on)."""
    if sheet.drawing is not None and sheet.drawing.width > sheet.drawing.height:
        device.setPageOrientation(QPageLayout.Orientation.Landscape)


class SheetPaginator:
    """The pages of one sheet: the drawing first, then the text."""

    def __init__(self, sheet: Sheet, device: QPagedPaintDevice) -> None:
        self.sheet = sheet
        self.device = device
        self._band = band_height(device)
        self._width = float(device.width())
        self._body_height = float(device.height()) - 2 * self._band
        self._scale = 1.0
        self._drawing_height = 0.0
        self._gap = DRAWING_GAP_MM / 25.4 * device.logicalDpiY()
        self._text: QTextDocument = laid_out(sheet.html, device, self._width, self._body_height)
        self._text_below = False
        if sheet.drawing is not None:
            # Drawings are in screen pixels (96 per inch); the device has its own resolution.
            to_device = device.logicalDpiX() / 96.0
            width, height = max(1, sheet.drawing.width), max(1, sheet.drawing.height)
            self._scale = min(to_device, self._width / width, self._body_height / height)
            # The text goes under the drawing when it fits there whole, the drawing shrunk by a
            # quarter at most; else the text has pages of its own.
            room = self._body_height - self._gap - self._text.documentLayout().documentSize().height()
            fitting = room / height
            if fitting >= self._scale * MIN_SHRINK:
                self._scale, self._text_below = min(self._scale, fitting), True
            self._drawing_height = height * self._scale
        self.sections = [Section(sheet.title, 0)]

    @property
    def page_count(self) -> int:
        text_pages = 0 if self._text_below else self._text.pageCount()
        return (1 if self.sheet.drawing is not None else 0) + text_pages

    def paint(self) -> Generator[int, None, None]:
        """Paint every page; yields after each one (as ``Paginator.paint``)."""
        painter = QPainter()
        if not painter.begin(self.device):
            raise ExportError("No se pudo empezar a escribir el documento (¿la carpeta admite escritura?).")
        try:
            number = 0
            if self.sheet.drawing is not None:
                self._paint_drawing(painter)
                if self._text_below:
                    self._paint_text(painter, self._band + self._drawing_height + self._gap, 0)
                self._bands(painter, number)
                number += 1
                yield number
            if not self._text_below:
                for index in range(self._text.pageCount()):
                    if number:
                        self.device.newPage()
                    self._paint_text(painter, self._band, index)
                    self._bands(painter, number)
                    number += 1
                    yield number
        finally:
            painter.end()

    def _paint_drawing(self, painter: QPainter) -> None:
        drawing = self.sheet.drawing
        assert drawing is not None
        painter.save()
        left = max(0.0, (self._width - drawing.width * self._scale) / 2)
        painter.translate(left, self._band)
        painter.scale(self._scale, self._scale)
        drawing.paint(painter)
        painter.restore()

    def _paint_text(self, painter: QPainter, top: float, index: int) -> None:
        painter.save()
        painter.translate(0, top - index * self._body_height)
        self._text.drawContents(painter, QRectF(0, index * self._body_height, self._width, self._body_height))
        painter.restore()

    def _bands(self, painter: QPainter, number: int) -> None:
        sheet = self.sheet
        paint_bands(painter, self.device, sheet.title, f"Página {number + 1} de {self.page_count}",
                    sheet.exported_on, sheet.content_label)  # fmt: skip
