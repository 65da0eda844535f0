"""Archival PDF (PDF/A-1b) and printing: one paginator for QPdfWriter and QPrinter.

Pages carry a header (entity, section), the body, and a footer ("Página X de Y", export
date, content version). Multi-section exports open with a cover and a table of contents.
The file is written as ``.sgdesk-export-*.part`` beside the target (see sgdesk/atomicfile.py); pypdf
then adds the outline (bookmarks) and the Subject/Keywords entries, keeping the XMP metadata
in step, as PDF/A requires; only the complete file is renamed over the target.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import stat
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFile, QFileDevice, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from sgdesk import atomicfile
from sgdesk.atomicfile import PartFile, remove_stale, signals_deferred
from sgdesk.content.citations import ENTITY
from sgdesk.errors import SgdeskError
from sgdesk.export.annotated import NoteMark, end_notes_html, notes_summary
from sgdesk.export.common import format_day, later_change_line
from sgdesk.export.html import BODY_FONT, banner_html, body_point_size, render_html, style_sheet
from sgdesk.export.note_marks import mark_notes
from sgdesk.export.plan import ExportPlan, PaperSize
from sgdesk.export.sheet import Sheet

if TYPE_CHECKING:
    from sgdesk.export.sheet_pdf import SheetPaginator

Printable = ExportPlan | Sheet  # what export_steps writes

PAGE_SIZES = {PaperSize.CARTA: QPageSize.PageSizeId.Letter, PaperSize.A4: QPageSize.PageSizeId.A4}
MARGINS_MM = QMarginsF(22, 16, 22, 14)  # left, top, right, bottom
BAND_MM = 10.0  # header and footer bands, inside the margins
_GREY = QColor("#5c6670")
_RULE = QColor("#b8bec4")


class ExportError(SgdeskError):
    """An export that could not be written; nothing was left behind."""


class ExportCancelledError(ExportError):
    def __init__(self) -> None:
        super().__init__("Exportación cancelada; no se escribió ningún archivo.")


@dataclass(frozen=True)
class Section:
    title: str
    first_page: int  # 0-based, in the whole document


def configure_device(device: QPagedPaintDevice, paper: PaperSize) -> None:
    device.setPageSize(QPageSize(PAGE_SIZES[paper]))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)


class Paginator:
    """Lays out a plan for one paged device and paints it page by page."""

    def __init__(self, plan: ExportPlan, device: QPagedPaintDevice) -> None:
        self.plan = plan
        self.device = device
        self._band = band_height(device)
        self._width = float(device.width())
        self._body_height = float(device.height()) - 2 * self._band
        htmls = [render_html(p, links=False) for p in plan.pages]
        if plan.notes:  # «Incluir mis notas»: each section's notes follow its text
            htmls = [html + end_notes_html(notes) for html, notes in zip(htmls, plan.notes, strict=True)]
        htmls[-1] += closing_html(plan)  # its own paragraphs: never run into the last line
        marks = [notes.marks for notes in plan.notes] or [()] * len(htmls)
        self._sections = [self._document(html, m) for html, m in zip(htmls, marks, strict=True)]
        self._cover = self._document(self._cover_html()) if plan.is_multi_section else None
        self._toc: QTextDocument | None = None
        self.sections = self._place_sections()

    # -- layout ----------------------------------------------------------------

    def _document(self, html: str, marks: Sequence[NoteMark] = ()) -> QTextDocument:
        return laid_out(html, self.device, self._width, self._body_height, marks)

    def _cover_html(self) -> str:
        plan = self.plan
        banner = plan.banner
        # The date as the pane words it: the banner after the horizon, else "Texto vigente al …".
        date_html = f'<p class="asof">{escape(plan.date_line)}</p>'
        return (
            f'<p class="crumbs">{escape(ENTITY)}</p><br><br><br>'
            f"<h1>{escape(plan.title)}</h1>"
            f"<p>{escape(plan.subject)}</p>"
            + (banner_html(banner) if banner is not None else date_html)
            + f'<p class="cite">{len(plan.pages)} secciones · {escape(plan.content_label)}<br>'
            f"Exportado el {escape(format_day(plan.exported_on))} con {escape(plan.creator)}</p>"
        )

    def _toc_html(self, starts: list[int]) -> str:
        rows = "".join(
            f'<tr><td width="90%">{escape(p.node.title)}</td><td align="right">{start + 1}</td></tr>'
            for p, start in zip(self.plan.pages, starts, strict=True)
        )
        return f'<h1>Contenido</h1><table width="100%" cellpadding="3">{rows}</table>'

    def _place_sections(self) -> list[Section]:
        """Section start pages; the table of contents is laid out twice so its own length is known."""
        front = 1 if self._cover else 0
        toc_pages = 0
        if self._cover:
            placeholder = [999] * len(self._sections)
            toc_pages = self._document(self._toc_html(placeholder)).pageCount()
        starts, page = [], front + toc_pages
        for document in self._sections:
            starts.append(page)
            page += document.pageCount()
        if self._cover:
            self._toc = self._document(self._toc_html(starts))
        return [Section(p.node.title, start) for p, start in zip(self.plan.pages, starts, strict=True)]

    @property
    def page_count(self) -> int:
        last = self.sections[-1]
        return last.first_page + self._sections[-1].pageCount()

    # -- painting ----------------------------------------------------------------

    def paint(self) -> Generator[int, None, None]:
        """Paint every page; yields after each one (for progress and cancelling)."""
        painter = QPainter()
        if not painter.begin(self.device):
            raise ExportError("No se pudo empezar a escribir el documento (¿la carpeta admite escritura?).")
        try:
            for number, (document, index, title) in enumerate(self._pages()):
                if number:
                    self.device.newPage()
                self._paint_page(painter, document, index, title, number)
                yield number + 1
        finally:
            painter.end()

    def _pages(self) -> Iterator[tuple[QTextDocument, int, str | None]]:
        if self._cover is not None and self._toc is not None:
            yield self._cover, 0, None
            for index in range(self._toc.pageCount()):
                yield self._toc, index, "Contenido"
        for section, document in zip(self.sections, self._sections, strict=True):
            for index in range(document.pageCount()):
                yield document, index, section.title

    def _paint_page(self, painter: QPainter, document: QTextDocument, index: int,
                    title: str | None, number: int) -> None:  # fmt: skip
        painter.save()
        painter.translate(0, self._band - index * self._body_height)
        document.drawContents(painter, QRectF(0, index * self._body_height, self._width, self._body_height))
        painter.restore()
        if title is not None:
            self._paint_bands(painter, title, number)

    def _paint_bands(self, painter: QPainter, title: str, number: int) -> None:
        paint_bands(painter, self.device, title, f"Página {number + 1} de {self.page_count}",
                    self.plan.exported_on, self.plan.content_label)  # fmt: skip


def laid_out(html: str, device: QPagedPaintDevice, width: float, page_height: float,
             marks: Sequence[NoteMark] = ()) -> QTextDocument:  # fmt: skip
    """``html`` in the export's fonts and style, with the reader's ``marks``, laid out for
    ``device`` in pages of that size.

    Every edit comes before the page size: setting it lays the document out afresh. Qt lays
    out the first 1000 characters at once and the rest on a timer (no event loop here); an
    edit made before that rest was laid out leaves it with no lines, never painted.
    """
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    font = QFont(BODY_FONT)
    font.setPointSizeF(body_point_size())
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(style_sheet())
    document.setHtml(html)
    _without_ligatures(document)
    mark_notes(document, marks)
    document.setPageSize(QSizeF(width, page_height))
    return document


def band_height(device: QPagedPaintDevice) -> float:
    """The header's (and the footer's) height in device units, inside the margins."""
    return BAND_MM / 25.4 * device.logicalDpiY()


def paint_bands(painter: QPainter, device: QPagedPaintDevice, title: str, page_text: str,
                exported_on: date, content_label: str) -> None:  # fmt: skip
    """The header (entity, title) and footer (export date, content, page) of a page."""
    band, width = band_height(device), float(device.width())
    body_height = float(device.height()) - 2 * band
    font = QFont("Noto Sans")
    font.setPointSizeF(7.5)
    for tag, value in no_ligatures().items():
        font.setFeature(tag, value)
    painter.setFont(font)
    painter.setPen(QPen(_GREY))
    top = QRectF(0, 0, width, band * 0.8)
    flags = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(top, flags | Qt.AlignmentFlag.AlignLeft, ENTITY)
    painter.drawText(top, flags | Qt.AlignmentFlag.AlignRight, _elide(title, 70))
    bottom = QRectF(0, band + body_height + band * 0.2, width, band * 0.8)
    painter.drawText(bottom, flags | Qt.AlignmentFlag.AlignLeft, f"Exportado el {format_day(exported_on)}")
    painter.drawText(bottom, flags | Qt.AlignmentFlag.AlignHCenter, content_label)
    painter.drawText(bottom, flags | Qt.AlignmentFlag.AlignRight, page_text)
    painter.setPen(QPen(_RULE, device.logicalDpiY() / 300))
    for y in (band * 0.85, band + body_height + band * 0.15):
        painter.drawLine(QPointF(0, y), QPointF(width, y))


def closing_html(plan: ExportPlan) -> str:
    """The closing block: the horizon, the later changes that concern the exported sections
    (not incorporated), and the source. Each its own paragraph."""
    parts = [
        '<p class="cite"><b>Vigencia del contenido</b></p>',
        f'<p class="currency">{escape(plan.currency_text[:1].upper() + plan.currency_text[1:])}.</p>',
    ]
    if plan.later:
        parts.append('<p class="currency">Cambios posteriores conocidos que afectan estas secciones y que '
                     "este contenido no incorpora:</p>")  # fmt: skip
        items = "".join(f"<li>{escape(later_change_line(c))}</li>" for c in plan.later)
        parts.append(f'<ul class="currency">{items}</ul>')
    else:
        parts.append('<p class="currency">No se conocen cambios posteriores que afecten estas secciones.</p>')
    summary = notes_summary(plan.notes)
    if summary:
        parts.append(f'<p class="currency">{escape(summary)}</p>')
    parts.append(f'<p class="cite"><b>{escape(plan.source_line)}</b></p>')
    return "".join(parts)


def no_ligatures() -> dict[QFont.Tag, int]:
    """ "fi" must stay two letters, or "Oficina" cannot be found in the PDF's text."""
    return {QFont.Tag("liga"): 0, QFont.Tag("clig"): 0}


def _without_ligatures(document: QTextDocument) -> None:
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    char_format = QTextCharFormat()
    char_format.setFontFeatures(no_ligatures())
    cursor.mergeCharFormat(char_format)


def _elide(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def export_steps(plan: Printable, target: Path) -> Generator[tuple[int, int], None, Path]:
    """Write ``plan`` to ``target``, yielding ``(pages done, total)``. Closing the generator
    early (cancelling), an error or an interruption (Ctrl+C, a signal turned into an
    exception) removes the temporary file and leaves ``target`` untouched."""
    check_target(target)
    remove_stale(target.parent)
    part: PartFile | None = None
    try:
        with signals_deferred():  # an interruption lands once `part` is known, inside the try
            part = _new_part(target.parent)
        yield from _write(plan, part.path, target)
        _replace(part.path, target)
    except OSError as exc:
        raise ExportError(f"No se pudo escribir {shown(target)}: {os_reason(exc)}.") from exc
    finally:
        if part is not None:
            part.discard()  # never raises: the error that ended the export is the one reported
    return target


def _new_part(folder: Path) -> PartFile:
    try:
        return PartFile(folder)
    except OSError as exc:
        raise ExportError(f"No se puede escribir en la carpeta {shown(folder)}: {os_reason(exc)}.") from exc


def _write(plan: Printable, raw: Path, target: Path) -> Generator[tuple[int, int], None, None]:
    """Paint every page into ``raw``, then add the outline and metadata in place.

    Qt lets go of the file before this returns or raises, so that it can be removed or
    renamed (Windows refuses both while any handle is open)."""
    # QPdfWriter says nothing when a write fails (a full disk): it writes into a QFile of
    # ours, whose error is checked once the writer is done.
    device = QFile(str(raw))
    if not device.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate):
        raise ExportError(
            f"No se pudo escribir {shown(target)}: no se pudo abrir el archivo temporal {raw.name}."
        )
    try:
        paginator = paginator_for(plan, _writer(plan, device))
        total = paginator.page_count
        pages = paginator.paint()
        try:
            for done in pages:
                yield done, total
        finally:
            pages.close()  # ends the painter: Qt writes the end of the file
    finally:
        device.close()
    if device.error() != QFileDevice.FileError.NoError:
        raise ExportError(f"No se pudo escribir {shown(target)}: {_write_failure(raw.parent)}.")
    _finish(plan, paginator.sections, raw)


def check_target(target: Path) -> None:
    """Refuse, before any work, a target that cannot or must not be written."""
    folder = target.parent
    problem = name_problem(target)
    if problem:
        raise ExportError(f"No se puede usar el nombre {shown(target)}: {problem}; elija otro nombre.")
    if not folder.is_dir():
        raise ExportError(f"La carpeta {shown(folder)} no existe.")
    if target.is_dir():  # say so before painting every page (and not in the OS's English)
        raise ExportError(
            f"No se pudo escribir {shown(target)}: es una carpeta; elija otro nombre de archivo."
        )
    _refuse_read_only(target)


def _refuse_read_only(target: Path) -> None:
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # no such file yet
    if not mode & stat.S_IWUSR:
        raise ExportError(
            f"{shown(target)} es de solo lectura y no se reemplazó. Quítele el atributo de solo "
            "lectura o elija otro nombre."
        )


_WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10)]
)


def name_problem(target: Path) -> str | None:
    """Why a file name cannot be written, or None; in Spanish."""
    try:
        str(target).encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8 in a POSIX name, or a lone surrogate
        return "contiene bytes o caracteres que no forman texto válido"
    if atomicfile.WINDOWS:
        name = target.name
        if any(char in '<>:"/\\|?*' or ord(char) < 32 for char in name):
            return 'Windows no admite en un nombre de archivo los caracteres < > : " / \\ | ? *'
        if name.rstrip(" .") != name:
            return "Windows no admite nombres que terminan en punto o espacio"
        if name.split(".")[0].upper() in _WINDOWS_RESERVED:
            return "es un nombre reservado de Windows"
    return None


def shown(path: Path) -> str:
    """A path fit to print: bytes that are not UTF-8 become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def _replace(finished: Path, target: Path) -> None:
    """Put the finished file in place of the target (the old file stays if this fails)."""
    _refuse_read_only(target)  # it may have changed during the export
    try:
        os.replace(finished, target)
    except PermissionError as exc:
        if target.exists():  # Windows: the target is open in another program (sharing violation)
            raise ExportError(
                f"No se pudo reemplazar {shown(target)}: el archivo está en uso por otro programa "
                "(¿un visor de PDF?) o no se permite cambiarlo. Ciérrelo y vuelva a exportar; "
                "el archivo anterior quedó intacto."
            ) from exc
        raise


FULL_DISK_BYTES = 1024 * 1024  # less free space than this after a failed write: the disk is full
_OS_REASONS = {
    errno.EACCES: "permiso denegado (¿el archivo está abierto en otro programa?)",
    errno.EPERM: "permiso denegado",
    errno.ENOSPC: "no queda espacio en el disco",
    errno.EROFS: "la unidad es de solo lectura",
    errno.ENOENT: "la ruta no existe",
    errno.EISDIR: "es una carpeta",
    errno.ENAMETOOLONG: "el nombre o la ruta son demasiado largos",
    errno.EFBIG: "el archivo supera el tamaño que admite la unidad o el sistema",
}


def _write_failure(folder: Path) -> str:
    """Why a write failed when the OS's reason is not at hand: a full disk, most often."""
    try:
        full = shutil.disk_usage(folder).free < FULL_DISK_BYTES
    except OSError:
        full = False
    if full:
        return _OS_REASONS[errno.ENOSPC]
    return "el sistema no permitió escribir el archivo completo (¿hay espacio en el disco?)"


def os_reason(exc: OSError) -> str:
    """The operating system's reason, in Spanish for the usual cases."""
    return _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def write_pdf(plan: Printable, target: Path) -> Path:
    steps = export_steps(plan, target)
    try:
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return Path(done.value)
    finally:
        steps.close()  # interrupted between two pages (Ctrl+C): the temporary file goes now


def _writer(plan: Printable, device: QFile) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setTitle(plan.title)
    writer.setAuthor(plan.author)
    writer.setCreator(plan.creator)
    configure_device(writer, plan.paper)
    return writer


def paginator_for(plan: Printable, device: QPagedPaintDevice) -> Paginator | SheetPaginator:
    """The pages of an export plan, or of a sheet (the organigrama, «Comparar fechas»)."""
    if isinstance(plan, ExportPlan):
        return Paginator(plan, device)
    from sgdesk.export.sheet_pdf import SheetPaginator, orient_for

    orient_for(plan, device)
    return SheetPaginator(plan, device)


def _finish(plan: Printable, sections: list[Section], raw: Path) -> None:
    """Outline, Subject and Keywords with pypdf; the XMP packet says the same."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw.read_bytes()))  # read whole: the file is rewritten
        pages = len(reader.pages)
    except PyPdfError as exc:  # Qt's file is incomplete: it could not all be written
        raise ExportError(f"El PDF quedó incompleto ({_write_failure(raw.parent)}).") from exc
    if pages == 0:
        raise ExportError("El documento quedó vacío; no se escribió ningún archivo.")
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # keep Qt's "%PDF-1.4" (PDF/A-1 is PDF 1.4)
    if plan.is_multi_section:
        writer.add_outline_item("Contenido", 1)
    for section in sections:
        writer.add_outline_item(section.title, section.first_page)
    writer.page_mode = "/UseOutlines"
    producer = str(reader.metadata.get("/Producer", "Qt")) if reader.metadata else "Qt"
    writer.add_metadata(
        {"/Subject": plan.subject, "/Keywords": ", ".join(plan.keywords), "/Producer": producer}
    )
    _extend_xmp(writer, plan)
    with raw.open("wb") as handle:
        writer.write(handle)


def _extend_xmp(writer: object, plan: Printable) -> None:
    """Add dc:description and pdf:Keywords to Qt's XMP packet (PDF/A: XMP matches Info)."""
    from pypdf import PdfWriter
    from pypdf.generic import StreamObject

    assert isinstance(writer, PdfWriter)
    metadata = writer.root_object.get("/Metadata")
    if metadata is None:
        return
    stream = metadata.get_object()
    assert isinstance(stream, StreamObject)
    xml = stream.get_data().decode("utf-8")
    extra = (
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(plan.subject)}</rdf:li>'
        f"</rdf:Alt></dc:description>"
    )
    xml = xml.replace("</dc:title>", "</dc:title>" + extra, 1)
    keywords = escape(", ".join(plan.keywords), quote=True)
    xml = xml.replace('pdf:Trapped="False"', f'pdf:Keywords="{keywords}" pdf:Trapped="False"', 1)
    stream.set_data(xml.encode("utf-8"))
