"""Real PDFs, checked with poppler-utils and pypdf as an archivist would."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from sgdesk.export.pdf import ExportError, export_steps, write_pdf
from sgdesk.export.plan import ExportPlan, PaperSize, plan_compendium, plan_export
from sgdesk.library import Library
from sgdesk.qtenv import configure_application

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

DAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def qt_fonts(qapp: QApplication) -> None:
    """The fonts and locale the app registers (the CLI does the same offscreen)."""
    configure_application(qapp)


def _run(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True).stdout


def _text(pdf: Path) -> str:
    return _run("pdftotext", "-layout", pdf, "-")


def _info(pdf: Path) -> dict[str, str]:
    rows = (line.split(":", 1) for line in _run("pdfinfo", pdf).splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in rows}


@pytest.fixture
def decree(library: Library, tmp_path: Path) -> Path:
    return write_pdf(
        plan_export(library, ["decreto-267-2007"], today=DAY), tmp_path / "Decreto-267-de-2007.pdf"
    )


@pytest.fixture
def compendium(library: Library, tmp_path: Path) -> Path:
    return write_pdf(plan_compendium(library, today=DAY), tmp_path / "compendio.pdf")


def test_single_section_pdf(decree: Path) -> None:
    info = _info(decree)
    assert info["Page size"].startswith("612 x 792")  # Carta (Letter) by default
    assert info["Title"] == "Decreto 267 de 2007"
    assert info["Author"] == "Secretaría General de la Alcaldía Mayor de Bogotá D.C."
    assert info["PDF version"] == "1.4"
    text = " ".join(_text(decree).split())
    assert "Formular la política de gestión documental y archivos" in text
    assert "Adicionado por el artículo 2 del Decreto 163 de 2008" in text
    assert "Página 1 de " in text
    assert "Exportado el 24 de noviembre de 2026" in text
    assert "Contenido con cambios hasta 2012, edición 1" in text  # a date and an edition, not a hash
    assert library_hash_absent(text)
    assert "Fuente: Secretaría General de la Alcaldía Mayor de Bogotá D.C." in text


def test_every_font_is_embedded(decree: Path) -> None:
    rows = _run("pdffonts", decree).splitlines()[2:]
    assert rows
    assert all(row.split()[-5] == "yes" for row in rows), rows  # the "emb" column
    assert {row.split()[0] for row in rows} >= {"NotoSerif-Regular", "NotoSans-Regular"}


def test_pdfa_identification_and_metadata(decree: Path) -> None:
    reader = PdfReader(decree)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="1"' in xmp
    assert 'pdfaid:conformance="B"' in xmp
    assert "Decreto 267 de 2007" in xmp
    assert "<dc:description>" in xmp
    assert reader.metadata is not None
    assert reader.metadata["/Subject"] == "Decreto 267 de 2007"
    assert "Secretaría General" in reader.metadata["/Keywords"]
    assert f'pdf:Producer="{reader.metadata["/Producer"]}"' in xmp


def test_compendium_has_cover_contents_and_outline(compendium: Path) -> None:
    reader = PdfReader(compendium)
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert "Información General de la Secretaría General" in pages[0]
    assert "Página" not in pages[0]  # the cover has no footer
    assert pages[1].count("Contenido") >= 1
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    assert list(outline)[:3] == ["Contenido", "Misión", "Visión"]
    for title, index in outline.items():
        if title != "Contenido":
            assert title in pages[index], f"{title} is not on page {index + 1}"
    # the table of contents gives the same (1-based) pages as the bookmarks
    assert f"Decreto 163 de 2008 {outline['Decreto 163 de 2008'] + 1}" in pages[1]
    assert f"Página {len(pages)} de {len(pages)}" in pages[-1]


def test_seed_text_survives_with_accents(compendium: Path) -> None:
    text = " ".join(_text(compendium).split())
    for sentence in ("articula la función gerencial del Alcalde Mayor",
                     "Oficina de Alta Consejería para los Derechos de las Víctimas",
                     "Vocación de Servicio", "prevención del daño antijurídico"):  # fmt: skip
        assert sentence in text


def test_a4(library: Library, tmp_path: Path) -> None:
    pdf = write_pdf(plan_export(library, ["mision"], paper=PaperSize.A4), tmp_path / "m.pdf")
    assert _info(pdf)["Page size"].startswith("595 x 842")


def test_missing_folder_leaves_nothing(library: Library, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no existe"):
        write_pdf(plan_export(library, ["mision"]), tmp_path / "no-such-folder" / "m.pdf")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_target_leaves_nothing(library: Library, tmp_path: Path) -> None:
    blocker = tmp_path / "m.pdf"
    blocker.mkdir()  # a folder where the file should go: unwritable even for root
    with pytest.raises(ExportError, match="No se pudo escribir"):
        write_pdf(plan_export(library, ["mision"]), blocker)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.pdf"]
    assert list(blocker.iterdir()) == []


def test_cancelling_leaves_nothing_and_keeps_the_old_file(library: Library, tmp_path: Path) -> None:
    target = tmp_path / "compendio.pdf"
    target.write_bytes(b"old file")
    steps = export_steps(plan_compendium(library), target)
    done, total = next(steps)
    assert (done, total) == (1, total)
    assert total > 5
    steps.close()  # what the progress dialog's "Cancelar" does
    assert target.read_bytes() == b"old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["compendio.pdf"]


def test_overwrites_an_existing_file_when_complete(decree: Path, library: Library) -> None:
    before = decree.stat().st_size
    write_pdf(plan_export(library, ["valores"]), decree)
    assert decree.stat().st_size != before
    assert "Solidaridad" in _text(decree)


def test_file_names(library: Library) -> None:
    assert plan_export(library, ["decreto-267-2007"]).file_name() == "Decreto-267-de-2007.pdf"
    assert plan_export(library, ["mision"]).file_name() == "Mision.pdf"
    plan: ExportPlan = plan_export(library, ["funciones"], include_children=True)
    assert [p.node.id for p in plan.pages][:3] == ["funciones", "acuerdo-257-2006", "decreto-267-2007"]
    assert "decreto-267-2007/art-7" not in [p.node.id for p in plan.pages]


def test_os_errors_are_explained_in_spanish() -> None:
    import errno

    from sgdesk.export.pdf import os_reason

    assert os_reason(PermissionError(errno.EACCES, "Permission denied")).startswith("permiso denegado")
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "no queda espacio en el disco"


def _export_with_file_size_limit(
    database: Path, target: Path, limit: int
) -> subprocess.CompletedProcess[str]:
    """``sgdesk export --all`` in a child process that the OS stops writing past ``limit``
    bytes per file (RLIMIT_FSIZE): a real failed write, as on a full disk."""
    import resource
    import signal
    import sys

    def limit_writes() -> None:  # in the child, before it runs Python
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails instead of killing it
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "sgdesk", "--database", str(database), "export", "--all", "-o", str(target)],
        capture_output=True, text=True, preexec_fn=limit_writes,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False,
    )  # fmt: skip


@pytest.mark.skipif(not hasattr(os, "fork"), reason="RLIMIT_FSIZE is POSIX")
def test_a_write_that_fails_midway_explains_and_keeps_the_old_file(corpus_db: Path, tmp_path: Path) -> None:
    whole = tmp_path / "whole" / "Compendio.pdf"
    whole.parent.mkdir()
    done = _export_with_file_size_limit(corpus_db, whole, 1 << 30)
    assert done.returncode == 0, done.stderr
    size = whole.stat().st_size
    folder = tmp_path / "limited"
    folder.mkdir()
    target = folder / "Compendio.pdf"
    target.write_bytes(b"the copy exported last week")
    # Qt's writer stops early (50 KB), or the finished file is one byte too big.
    for limit in (50_000, size - 1):
        result = _export_with_file_size_limit(corpus_db, target, limit)
        assert result.returncode == 2, result.stderr
        assert f"No se pudo escribir {target}" in result.stderr
        assert ("¿hay espacio en el disco?" in result.stderr
                or "supera el tamaño que admite la unidad" in result.stderr), result.stderr  # fmt: skip
        assert "Traceback" not in result.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["Compendio.pdf"], "no temporary file left"
        assert target.read_bytes() == b"the copy exported last week"


def library_hash_absent(text: str) -> bool:
    """The content hash (12 hex digits) stays in «Acerca de», out of what users print."""
    import re

    return re.search(r"\b[0-9a-f]{12}\b", text) is None
