"""Text of a PDF as paragraphs, with PDFium (pypdfium2): lines rebuilt from character boxes,
running headers and footers removed, hyphenated words joined, paragraphs found by the
space between lines.

PDFium gives text with correct word spaces (pypdf gives tabs and split words for PDFs made
by Qt) at a few milliseconds a page; its line breaks are checked against the character
boxes, because it sometimes joins two lines with a space.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sgdesk.importer.model import ImportFileError
from sgdesk.importer.patterns import STARTS_UNIT

if TYPE_CHECKING:
    import pypdfium2

_PAGE_NUMBER = re.compile(r"^(?:p[áa]gina\s*)?[-–]?\s*\d+\s*[-–]?(?:\s*(?:de|/)\s*\d+)?$", re.IGNORECASE)
_SOFT_HYPHENS = ("\xad", "\x02", "\ufffe")  # PDFium marks a hyphen that breaks a word so
ENDS_PARAGRAPH = re.compile(r"[.:;”\"»]\s*$")


@dataclass(frozen=True)
class _Line:
    text: str
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return self.top - self.bottom


def read_pdf(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ImportFileError(
                f"El PDF «{path.name}» está protegido con contraseña: ábralo con su lector de PDF, "
                "guárdelo sin contraseña e impórtelo de nuevo."
            ) from None
        raise ImportFileError(f"«{path.name}» no es un PDF válido o está dañado.") from None
    try:
        pages = [_page_lines(document[index]) for index in range(len(document))]
    except pdfium.PdfiumError:
        raise ImportFileError(f"No se pudo leer el texto del PDF «{path.name}»: está dañado.") from None
    finally:
        document.close()
    if not any(pages):
        raise ImportFileError(
            f"El PDF «{path.name}» no tiene texto: necesita reconocimiento óptico (OCR) "
            "antes de importarlo (es una imagen escaneada)."
        )
    return _paragraphs(_drop_running_lines(pages))


def _page_lines(page: pypdfium2.PdfPage) -> list[_Line]:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        lines: list[_Line] = []
        for match in re.finditer(r"[^\r\n]+", text):
            for start, end in _split_at_jumps(textpage, text, match.start(), match.end()):
                line = _line(textpage, text, start, end)
                if line is not None:
                    lines.append(line)
        return lines
    finally:
        textpage.close()
        page.close()


def _box(textpage: pypdfium2.PdfTextPage, index: int) -> tuple[float, float]:
    """(top, bottom) of one character, by its font's ascent and descent."""
    _left, bottom, _right, top = textpage.get_charbox(index, loose=True)
    return top, bottom


def _split_at_jumps(
    textpage: pypdfium2.PdfTextPage, text: str, start: int, end: int
) -> list[tuple[int, int]]:
    """PDFium sometimes joins two printed lines with a space: split where the baseline moves."""
    visible = [i for i in (start, end - 1) if not text[i].isspace()]
    if len(visible) < 2:
        return [(start, end)]
    (top_a, bottom_a), (_top_b, bottom_b) = _box(textpage, visible[0]), _box(textpage, visible[1])
    if abs(bottom_a - bottom_b) < 0.5 * max(top_a - bottom_a, 1.0):
        return [(start, end)]
    pieces, piece_start, last_bottom = [], start, bottom_a
    for index in range(start, end):
        if text[index].isspace():
            continue
        top, bottom = _box(textpage, index)
        if abs(bottom - last_bottom) >= 0.5 * max(top - bottom, 1.0):
            pieces.append((piece_start, index))
            piece_start = index
        last_bottom = bottom
    pieces.append((piece_start, end))
    return pieces


def _line(textpage: pypdfium2.PdfTextPage, text: str, start: int, end: int) -> _Line | None:
    content = text[start:end]
    stripped = content.strip()
    if not stripped:
        return None
    first = start + (len(content) - len(content.lstrip()))
    top, bottom = _box(textpage, first)
    return _Line(stripped, top, bottom)


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Remove page numbers, and lines repeated at the top or bottom of most pages."""
    edges = [{_running_key(line.text) for line in lines[:2] + lines[-2:]} for lines in pages]
    counts: dict[str, int] = {}
    for keys in edges:
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, math.ceil(len(pages) / 2))
    running = {key for key, count in counts.items() if count >= needed}
    cleaned = []
    for lines in pages:
        edge = set(range(min(2, len(lines)))) | set(range(max(0, len(lines) - 2), len(lines)))
        cleaned.append(
            [
                line
                for index, line in enumerate(lines)
                if not (
                    index in edge and (_running_key(line.text) in running or _PAGE_NUMBER.match(line.text))
                )
            ]
        )
    return cleaned


def join_line(paragraph: str, line: str) -> str:
    """Join a printed line to its paragraph, undoing end-of-line hyphenation."""
    if paragraph.endswith(_SOFT_HYPHENS):
        return paragraph[:-1] + line
    if (
        paragraph.endswith("-")
        and len(paragraph) > 1
        and paragraph[-2].isalpha()
        and line[:1].isalpha()
        and line[:1].islower()
    ):
        return paragraph[:-1] + line
    return f"{paragraph} {line}"


def _paragraphs(pages: list[list[_Line]]) -> list[str]:
    heights = [line.height for lines in pages for line in lines if line.height > 0]
    height = statistics.median(heights) if heights else 10.0
    paragraphs: list[str] = []
    previous: _Line | None = None
    for lines in pages:
        for position, line in enumerate(lines):
            text = line.text
            if previous is None or not paragraphs:
                new = True
            elif position == 0:  # a new page: continue only a sentence cut in the middle
                new = (
                    bool(ENDS_PARAGRAPH.search(paragraphs[-1]))
                    or not text[:1].islower()
                    or bool(STARTS_UNIT.match(text))  # «d) …» at the top of a page
                )
            else:
                gap = previous.bottom - line.top
                new = gap > 0.45 * height or (
                    bool(STARTS_UNIT.match(text)) and bool(ENDS_PARAGRAPH.search(paragraphs[-1]))
                )
            if new:
                paragraphs.append(text)
            else:
                paragraphs[-1] = join_line(paragraphs[-1], text)
            previous = line
    return paragraphs
