"""Bad input through ``sgdesk import`` as a user runs it: one Spanish line, exit 2, nothing written."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from tests.importer import documents
from tests.test_cli import sgdesk


def _empty(folder: Path, _write: Callable[..., Path]) -> Path:
    path = folder / "vacio.txt"
    path.write_bytes(b"")
    return path


def _binary_renamed_pdf(folder: Path, _write: Callable[..., Path]) -> Path:
    path = folder / "binario.pdf"
    path.write_bytes(bytes(random.Random(14).randrange(256) for _ in range(20_000)))
    return path


def _scanned_pdf(folder: Path, _write: Callable[..., Path]) -> Path:
    """A page that is only a picture of text, as a scanner makes it."""
    image = QImage(850, 1100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(QPointF(80, 100), "DECRETO 001 DE 2099 (imagen de ejemplo)")
    painter.end()
    path = folder / "escaneado.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    painter = QPainter(writer)
    painter.drawImage(writer.pageLayout().paintRectPixels(writer.resolution()).topLeft(), image)
    painter.end()
    return path


def _encrypted_pdf(folder: Path, write: Callable[..., Path]) -> Path:
    reader = pypdf.PdfReader(write(documents.EXAMPLE, "pdf", "para-cifrar"))
    encrypted = pypdf.PdfWriter(clone_from=reader)
    encrypted.encrypt(user_password="clave-de-ejemplo", owner_password="otra", algorithm="RC4-128")
    path = folder / "cifrado.pdf"
    with path.open("wb") as stream:
        encrypted.write(stream)
    return path


def _truncated_docx(folder: Path, write: Callable[..., Path]) -> Path:
    data = write(documents.EXAMPLE, "docx", "para-romper").read_bytes()
    path = folder / "roto.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _docx_without_document(folder: Path, _write: Callable[..., Path]) -> Path:
    path = folder / "sin-documento.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return path


def _huge(folder: Path, _write: Callable[..., Path]) -> Path:
    path = folder / "enorme.txt"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    return path


def _unknown_suffix(folder: Path, _write: Callable[..., Path]) -> Path:
    path = folder / "norma.odt"
    path.write_text("DECRETO 1 DE 2099\nArtículo 1°. Texto.\n", encoding="utf-8")
    return path


def _shell_only(folder: Path, _write: Callable[..., Path]) -> Path:
    return documents.write_sisjur_html(documents.EXAMPLE, folder / "solo-marco.html", shell_only=True)


def _missing(folder: Path, _write: Callable[..., Path]) -> Path:
    return folder / "no-existe.pdf"


CASES = {
    "vacío": (_empty, "está vacío"),
    "binario renombrado .pdf": (_binary_renamed_pdf, "no es un PDF válido o está dañado"),
    "PDF escaneado": (_scanned_pdf, "no tiene texto: necesita reconocimiento óptico"),
    "PDF cifrado": (_encrypted_pdf, "está protegido con contraseña"),
    "DOCX truncado": (_truncated_docx, "no es un documento de Word (.docx) válido o está dañado"),
    "DOCX sin documento": (_docx_without_document, "no es un documento de Word (.docx) válido o está dañado"),
    "50 MB": (_huge, "pesa 50 MB; el máximo es 25 MB"),
    "extensión desconocida": (_unknown_suffix, "No se pueden importar archivos «.odt»"),
    "SISJUR solo el marco": (_shell_only, "El archivo no contiene el texto de la norma"),
    "no existe": (_missing, "No se pudo leer «no-existe.pdf»: el archivo no existe."),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_spanish_line_exit_2_and_nothing_written(
    qapp: QApplication, write_document: Callable[..., Path], tmp_path: Path, case: str
) -> None:
    make, message = CASES[case]
    source = make(tmp_path, write_document)
    output = tmp_path / "salida"
    output.mkdir()
    result = sgdesk("import", source, "-o", output)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("sgdesk: error: ")
    assert message in lines[0]
    assert "Traceback" not in result.stderr
    assert list(output.iterdir()) == []


def test_an_existing_source_is_never_overwritten(write_document: Callable[..., Path], tmp_path: Path) -> None:
    source = write_document(documents.EXAMPLE, "txt-utf8")
    (tmp_path / f"{documents.EXAMPLE_NORM_ID}.toml").write_text("# del equipo\n", encoding="utf-8")
    result = sgdesk("import", source, "-o", tmp_path)
    assert result.returncode == 2
    assert "no se sobrescribe" in result.stderr
    assert (tmp_path / f"{documents.EXAMPLE_NORM_ID}.toml").read_text(encoding="utf-8") == "# del equipo\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{documents.EXAMPLE_NORM_ID}.toml"]
