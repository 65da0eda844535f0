"""«Incluir mis notas» (#12.3): the reader's highlights and notes in a real PDF, read back with
poppler-utils (text, rendered pixels) and pypdf, on the synthetic corpus (tests/synthetic.py)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from sgdesk.content.annotations import AnnotationKind
from sgdesk.export.annotated import PRINT_HIGHLIGHTS, with_my_notes
from sgdesk.export.pdf import write_pdf
from sgdesk.export.plan import plan_compendium, plan_export
from sgdesk.library import Library
from sgdesk.notes import MyNotes
from sgdesk.qtenv import configure_application
from sgdesk.store.build import build_database
from tests.synthetic import build, write_sources

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")

DAY = date(2026, 11, 24)
NORM = "decreto-1-2000"
HOSTILE = 'ver <b>concepto</b> & "2023-114"\nsegunda línea'


@pytest.fixture(autouse=True)
def qt_fonts(qapp: QApplication) -> None:
    configure_application(qapp)


@pytest.fixture
def synthetic(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(build(tmp_path / "corpus"))
    yield library
    library.close()


@pytest.fixture
def my_notes(tmp_path: Path) -> Iterator[MyNotes]:
    notes = MyNotes.open(tmp_path / "datos")
    yield notes
    notes.close()


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def _pixels(pdf: Path, colour: str, tmp_path: Path) -> int:
    """How many pixels of the rendered pages have exactly ``colour`` (a highlight's fill)."""
    prefix = tmp_path / "render"
    subprocess.run(["pdftoppm", "-r", "40", str(pdf), str(prefix)], check=True)
    wanted = bytes.fromhex(colour.lstrip("#"))
    count = 0
    for image in sorted(tmp_path.glob("render*.ppm")):
        data = image.read_bytes()
        _magic, _size, _depth, pixels = data.split(b"\n", 3)
        count += sum(1 for i in range(0, len(pixels) - 2, 3) if pixels[i : i + 3] == wanted)
        image.unlink()
    return count


def _annotate(notes: MyNotes, library: Library) -> None:
    notes.add_note(library, f"{NORM}/art-1/lit-b", HOSTILE, quote="b de prueba")
    notes.add_note(library, f"{NORM}/art-1/lit-a", "", "de prueba", AnnotationKind.HIGHLIGHT, "verde")
    notes.add_note(library, f"{NORM}/art-2", "Sobre todo el artículo")
    notes.add_note(library, "mision", "Nota de otra sección")  # not on the exported page


def test_notes_are_marked_numbered_and_listed(synthetic: Library, my_notes: MyNotes, tmp_path: Path) -> None:
    _annotate(my_notes, synthetic)
    plan = with_my_notes(plan_export(synthetic, [NORM], today=DAY), my_notes, synthetic)
    pdf = write_pdf(plan, tmp_path / "con-notas.pdf")
    text = _text(pdf)
    # Calls in reading order: literal b (article 1) before article 2; the highlight has none.
    assert "Literal b de prueba[1]." in text
    assert "Segundo artículo de prueba:[2]" in text
    assert "Mis notas" in text
    # The note's own text, escaped: its markup is shown as written, its lines kept.
    assert '[1] «b de prueba» — ver <b>concepto</b> & "2023-114" segunda línea' in text
    assert "[2] (sobre toda la unidad) — Sobre todo el artículo" in text
    assert "Nota de otra sección" not in text
    assert "Incluye mis notas: 2 nota(s) y 1 subrayado(s) sin nota en el texto" in text
    assert "no forman parte del texto oficial" in text
    assert _pixels(pdf, PRINT_HIGHLIGHTS["verde"], tmp_path) > 50  # the highlighted passage


def test_nothing_lost_on_a_date_with_greyed_units(
    synthetic: Library, my_notes: MyNotes, tmp_path: Path
) -> None:
    """On a «Vigente a» date that greys units, the section outgrows Qt's first layout step
    (1000 characters): the marks must not leave the end notes and closing block unpainted."""
    _annotate(my_notes, synthetic)
    plan = with_my_notes(
        plan_export(synthetic, [NORM], as_of=date(2005, 12, 31), today=DAY), my_notes, synthetic
    )
    text = _text(write_pdf(plan, tmp_path / "gris.pdf"))
    assert "No vigente el 31 de diciembre de 2005" in text  # the units are greyed
    assert "b. Literal b del segundo artículo." in text  # the last unit
    assert "Mis notas" in text
    assert '[1] «b de prueba» — ver <b>concepto</b> & "2023-114" segunda línea' in text
    assert "[2] (sobre toda la unidad) — Sobre todo el artículo" in text
    assert "Incluye mis notas: 2 nota(s) y 1 subrayado(s) sin nota en el texto" in text
    assert "Fuente: Secretaría General" in text


def test_off_by_default_nothing_of_mine(synthetic: Library, my_notes: MyNotes, tmp_path: Path) -> None:
    _annotate(my_notes, synthetic)
    pdf = write_pdf(plan_export(synthetic, [NORM], today=DAY), tmp_path / "sin-notas.pdf")
    text = _text(pdf)
    assert "[1]" not in text
    assert "Mis notas" not in text
    assert "concepto" not in text
    assert _pixels(pdf, PRINT_HIGHLIGHTS["verde"], tmp_path) == 0


def test_stays_pdfa_and_light(synthetic: Library, my_notes: MyNotes, tmp_path: Path) -> None:
    _annotate(my_notes, synthetic)
    plain = write_pdf(plan_export(synthetic, [NORM], today=DAY), tmp_path / "a.pdf")
    noted = write_pdf(
        with_my_notes(plan_export(synthetic, [NORM], today=DAY), my_notes, synthetic), tmp_path / "b.pdf"
    )
    reader = PdfReader(noted)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="1"' in xmp
    assert 'pdfaid:conformance="B"' in xmp
    assert reader.pdf_header == "%PDF-1.4"
    for page in reader.pages:  # PDF/A-1 forbids transparency: no soft masks, no alpha
        resources = str(page.get("/Resources"))
        assert "/SMask" not in resources
        assert "/CA 0" not in resources
    assert noted.stat().st_size < plain.stat().st_size * 1.25 + 4096


def _altered(tmp_path: Path) -> Path:
    """The synthetic corpus after an update: literal a rewritten, literal b gone."""
    sources = write_sources(tmp_path / "nuevo")
    norm = sources / "normas" / f"{NORM}.toml"
    text = norm.read_text(encoding="utf-8")
    text = text.replace("text = 'Literal a de prueba.'", "text = 'Redacción enteramente nueva del primero.'")
    text = text.replace("letter = \"b\"\ntext = 'Literal b de prueba.'\n[[articles.literals]]\n", "", 1)
    norm.write_text(text, encoding="utf-8")
    database = tmp_path / "nuevo.db"
    build_database(sources, database)
    return database


def test_unplaced_notes_are_listed_not_dropped(synthetic: Library, my_notes: MyNotes, tmp_path: Path) -> None:
    _annotate(my_notes, synthetic)
    updated = Library.open(_altered(tmp_path))
    try:
        assert updated.find(f"{NORM}/art-1/lit-b") is None
        plan = with_my_notes(plan_export(updated, [NORM], today=DAY), my_notes, updated)
        text = _text(write_pdf(plan, tmp_path / "actualizado.pdf"))
        compendium = with_my_notes(plan_compendium(updated, today=DAY), my_notes, updated)
        whole = _text(write_pdf(compendium, tmp_path / "compendio.pdf"))
    finally:
        updated.close()
    assert "Notas sin ubicar en esta versión del contenido" in text
    # the note of the literal that is gone, under its norm, with its passage and text
    assert "«b de prueba» (no disponible en esta versión del contenido) — ver <b>concepto</b>" in text
    # the highlight whose passage was rewritten
    assert "«de prueba» (sin ubicar) — (subrayado)" in text
    assert "Segundo artículo de prueba:[1]" in text  # the placed note is numbered first
    assert "Nota de otra sección" in whole  # the compendium holds every note


def test_cli_incluir_notas(corpus_db: Path, tmp_path: Path) -> None:
    from tests.test_cli import sgdesk

    common = ("--database", corpus_db, "--data-dir", tmp_path / "datos")
    added = sgdesk(*common, "notes", "add", "decreto-267-2007/art-7/lit-n", "--quote",
                   "estrategia internacional", "--text", "ver concepto 2023-114")  # fmt: skip
    assert added.returncode == 0, added.stderr
    with_notes, without = tmp_path / "con.pdf", tmp_path / "sin.pdf"
    done = sgdesk(*common, "export", "decreto-267-2007", "-o", with_notes, "--incluir-notas")
    assert done.returncode == 0, done.stderr
    assert "con mis notas: 1" in done.stdout
    assert sgdesk(*common, "export", "decreto-267-2007", "-o", without).returncode == 0
    assert "y estrategia internacional[1]" in _text(with_notes)
    assert "[1] «estrategia internacional» — ver concepto 2023-114" in _text(with_notes)
    assert "ver concepto" not in _text(without)
