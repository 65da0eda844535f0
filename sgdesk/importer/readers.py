"""Read a document into paragraphs of plain text: .txt, .html/.htm, .docx and .pdf.

Each reader returns the paragraphs in reading order, without empty ones; the recogniser
works on paragraphs only. Every failure is an :class:`ImportFileError` in Spanish.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from sgdesk.importer.docxtext import read_docx
from sgdesk.importer.model import ImportFileError
from sgdesk.importer.patterns import STARTS_UNIT
from sgdesk.importer.pdftext import ENDS_PARAGRAPH, join_line, read_pdf

MAX_BYTES = 25 * 1024 * 1024  # ten times a long code such as Ley 80 de 1993 in PDF
SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_paragraphs(path: Path) -> list[str]:
    """The file's text as paragraphs; raises ImportFileError for anything unreadable."""
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        known = ", ".join(SUFFIXES)
        raise ImportFileError(f"No se pueden importar archivos «{suffix or 'sin extensión'}»: use {known}.")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileError(f"No se pudo leer «{path.name}»: {_why(exc)}.") from None
    if not path.is_file():
        raise ImportFileError(f"«{path.name}» no es un archivo.")
    if size == 0:
        raise ImportFileError(f"El archivo «{path.name}» está vacío.")
    if size > MAX_BYTES:
        raise ImportFileError(
            f"El archivo «{path.name}» pesa {size / 1024 / 1024:.0f} MB; el máximo es "
            f"{MAX_BYTES // 1024 // 1024} MB. Divida el documento o guarde solo la norma."
        )
    paragraphs = reader(path)
    if not any(p.strip() for p in paragraphs):
        raise ImportFileError(f"El archivo «{path.name}» no tiene texto.")
    return paragraphs


def _why(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "el archivo no existe"
    if isinstance(error, PermissionError):
        return "no hay permiso para leerlo"
    if isinstance(error, IsADirectoryError):
        return "es una carpeta"
    return "error del sistema de archivos"


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"No se pudo leer «{path.name}»: {_why(exc)}.") from None


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: a byte-order mark, the declared charset, UTF-8, then detection."""
    from charset_normalizer import from_bytes

    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if declared:
        try:
            return data.decode(_encoding_name(declared))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: fall back to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    detected = _encoding_name(best.encoding) if best is not None else "cp1252"
    candidates = dict.fromkeys([detected, "cp1252"])  # Windows-1252: what SISJUR serves
    decoded = [data.decode(name, errors="replace") for name in candidates]
    return max(decoded, key=_spanish_score)  # detection on short text confuses 8-bit code pages


_SPANISH = frozenset("áéíóúñüÁÉÍÓÚÑÜ¿¡º°«»“”")


def _spanish_score(text: str) -> int:
    """Letters and signs of Spanish text, less replacement characters: a tie goes to the first."""
    sample = text[:200_000]
    return sum(c in _SPANISH for c in sample) - 5 * sample.count("\ufffd")


def _encoding_name(name: str) -> str:
    """Browsers read ISO-8859-1 and ASCII pages as Windows-1252; so do we."""
    folded = name.strip().lower().replace("_", "-")
    if folded in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252"):
        return "cp1252"
    return folded


def _check_text(path: Path, data: bytes) -> None:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(f"«{path.name}» no es un archivo de texto (contiene datos binarios).")


def _read_txt(path: Path) -> list[str]:
    data = _read_bytes(path)
    _check_text(path, data)
    text = decode(data)
    return unwrap([line.strip() for line in text.splitlines() if line.strip()])


def unwrap(lines: list[str]) -> list[str]:
    """Join the lines of a hard-wrapped text (one saved from a PDF, or an e-mail): a line that
    starts in lower case, and is no literal or numeral, goes on the sentence before it."""
    paragraphs: list[str] = []
    for line in lines:
        if (
            paragraphs
            and line[:1].islower()
            and not STARTS_UNIT.match(line)
            and not ENDS_PARAGRAPH.search(paragraphs[-1])
        ):
            paragraphs[-1] = join_line(paragraphs[-1], line)
        else:
            paragraphs.append(line)
    return paragraphs


def _read_html(path: Path) -> list[str]:
    from sgdesk.importer.htmltext import html_paragraphs

    data = _read_bytes(path)
    _check_text(path, data)
    match = _META_CHARSET.search(data[:4096])
    text = decode(data, match.group(1).decode("ascii", "replace") if match else None)
    return html_paragraphs(text)


_READERS: dict[str, Callable[[Path], list[str]]] = {
    ".txt": _read_txt,
    ".html": _read_html,
    ".htm": _read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}
