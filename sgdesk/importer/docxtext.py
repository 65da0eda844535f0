"""The paragraphs of a Word document (.docx), read with the standard library.

A .docx is a zip with the text in ``word/document.xml``: paragraphs (``w:p``) and tables
(``w:tbl``) in reading order. This reads the same text python-docx's ``Paragraph.text``
gives (runs, tabs, line breaks, non-breaking hyphens) without bringing lxml into the
frozen app (5 MB over its size budget); the tests write their documents with python-docx.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

from sgdesk.importer.model import ImportFileError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc files and password-protected .docx
MAX_XML_BYTES = 200 * 1024 * 1024  # the unzipped text of a long code is a few megabytes
_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-",
         f"{_W}ptab": "\t"}  # fmt: skip


def read_docx(path: Path) -> list[str]:
    broken = f"«{path.name}» no es un documento de Word (.docx) válido o está dañado."
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError:
        raise ImportFileError(broken) from None
    if head == _OLE_MAGIC:
        raise ImportFileError(
            f"«{path.name}» es un documento de Word antiguo (.doc) o protegido con contraseña: "
            "ábralo en Word y guárdelo como .docx sin contraseña."
        )
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_XML_BYTES:
                raise ImportFileError(f"El texto de «{path.name}» es demasiado grande para importarlo.")
            root = ElementTree.fromstring(archive.read(info))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, RuntimeError, NotImplementedError,
            zlib.error, EOFError, ValueError):  # fmt: skip
        raise ImportFileError(broken) from None
    body = root.find(f"{_W}body")
    if body is None:
        raise ImportFileError(broken)
    paragraphs: list[str] = []
    _collect(body, paragraphs)
    return [line.strip() for p in paragraphs for line in p.split("\n") if line.strip()]


def _collect(container: ElementTree.Element, paragraphs: list[str]) -> None:
    """Paragraphs in reading order; a table's cells one after another (merged cells once)."""
    for element in container:
        if element.tag == f"{_W}p":
            paragraphs.append(_paragraph_text(element))
        elif element.tag == f"{_W}tbl":
            for row in element.iter(f"{_W}tr"):
                for cell in row.findall(f"{_W}tc"):
                    cell_paragraphs: list[str] = []
                    _collect(cell, cell_paragraphs)
                    text = "\n".join(cell_paragraphs)
                    if not paragraphs or paragraphs[-1] != text:
                        paragraphs.append(text)
        elif element.tag == f"{_W}sdt":  # a content control: its content is ordinary text
            content = element.find(f"{_W}sdtContent")
            if content is not None:
                _collect(content, paragraphs)


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    parts = []
    for element in paragraph.iter():
        if element.tag not in _TEXT:
            continue
        replacement = _TEXT[element.tag]
        parts.append(element.text or "" if replacement is None else replacement)
    return "".join(parts)
