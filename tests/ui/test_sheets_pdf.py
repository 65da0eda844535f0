"""The organigrama and «Comparar fechas» printed and exported to PDF (#11.8): real dialogs, their
buttons clicked, real PDFs read back with poppler-utils and pypdf, on the synthetic corpus
(tests/synthetic.py: its content incorporates the changes up to 2005)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from sgdesk.export.common import org_chart_title, structure_caveat
from sgdesk.library import Library
from sgdesk.qtenv import configure_application
from sgdesk.ui.compare_dialog import CompareDialog
from sgdesk.ui.org_chart import OrgChartDialog
from tests.synthetic import build

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")

INSIDE = date(2004, 6, 30)  # up to the horizon (2005): «vigente» may be said
AFTER = date(2010, 6, 30)  # after it: never


@pytest.fixture(autouse=True)
def qt_fonts(qapp: QApplication) -> None:
    configure_application(qapp)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = Library.open(build(tmp_path_factory.mktemp("sintetico")))
    yield library
    library.close()


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, str]:
    """``QFileDialog.getSaveFileName`` answers tmp_path/<the proposed name>; records the proposal."""
    seen: dict[str, str] = {}

    def answer(parent: QWidget, title: str, proposed: str, filters: str) -> tuple[str, str]:
        seen["proposed"] = Path(proposed).name
        return str(tmp_path / Path(proposed).name), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return seen


def click(qtbot: QtBot, button: QWidget) -> None:
    """A mouse click in the middle of the button, as a reader does."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def _page_size(pdf: Path) -> str:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return next(line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("Page size"))


def _rendered_pixels(pdf: Path, tmp_path: Path) -> list[bytes]:
    prefix = tmp_path / "pagina"
    subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(prefix)], check=True)
    data = next(tmp_path.glob("pagina*.ppm")).read_bytes()
    pixels = data.split(b"\n", 3)[3]
    return [pixels[i : i + 3] for i in range(0, len(pixels) - 2, 3)]


def _pdfa(pdf: Path) -> None:
    reader = PdfReader(pdf)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="1"' in xmp
    assert reader.pdf_header == "%PDF-1.4"
    assert [item.title for item in reader.outline] == [reader.metadata["/Title"]]


def _org_chart(qtbot: QtBot, library: Library, day: date) -> OrgChartDialog:
    dialog = OrgChartDialog()
    qtbot.addWidget(dialog)
    currency, timeline = library.currency(), library.timeline()
    caveat = structure_caveat(currency, timeline.structure_changes(day), day) or ""
    dialog.set_state(timeline.office_states(day), day, org_chart_title(day, currency), caveat, currency)
    dialog.show()
    return dialog


def test_org_chart_exports_a_pdf_that_says_vigente(
    qtbot: QtBot, synthetic: Library, save_as: dict[str, str], tmp_path: Path
) -> None:
    dialog = _org_chart(qtbot, synthetic, INSIDE)
    click(qtbot, dialog.pdf_button)
    pdf = tmp_path / "Organigrama-2004-06-30.pdf"
    assert save_as == {"proposed": pdf.name}
    text = _text(pdf)
    assert "Organigrama al 30 de junio de 2004" in text
    assert "Secretaría General" in text
    assert "Despacho de Prueba" in text  # the office, as drawn
    assert "Estructura vigente al 30 de junio de 2004, según los cambios registrados hasta 2005" in text
    assert "Página 1 de 1" in text
    _pdfa(pdf)


def test_org_chart_after_the_horizon_never_says_vigente(
    qtbot: QtBot, synthetic: Library, save_as: dict[str, str], tmp_path: Path
) -> None:
    dialog = _org_chart(qtbot, synthetic, AFTER)
    click(qtbot, dialog.pdf_button)
    text = _text(tmp_path / "Organigrama-2010-06-30.pdf")
    title = "Organigrama con los cambios incorporados hasta 2005 (consulta para el 30 de junio de 2010)"
    assert title in text
    assert "no verificada para el 30 de junio de 2010" in text
    assert "vigente" not in text.lower()


def test_org_chart_paper_is_light_under_a_dark_theme(
    qtbot: QtBot, synthetic: Library, save_as: dict[str, str], tmp_path: Path
) -> None:
    dark = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Base, "#1b1b1b"), (roles.AlternateBase, "#2a2a2a"),
                         (roles.Text, "#f0f0f0"), (roles.Window, "#202020")):  # fmt: skip
        dark.setColor(role, QColor(colour))
    QApplication.setPalette(dark)
    try:
        dialog = _org_chart(qtbot, synthetic, INSIDE)
        # the window is dark
        assert dialog.chart.palette().color(QPalette.ColorRole.Base) == QColor("#1b1b1b")
        click(qtbot, dialog.pdf_button)
    finally:
        QApplication.setPalette(QPalette())
    pixels = _rendered_pixels(tmp_path / "Organigrama-2004-06-30.pdf", tmp_path)
    dark_ones = sum(1 for p in pixels if max(p) < 0x40)
    light_ones = sum(1 for p in pixels if min(p) > 0xE0)
    assert light_ones > 0.85 * len(pixels)
    assert dark_ones < 0.03 * len(pixels)  # text and lines only, no dark fill


def _compare(qtbot: QtBot, library: Library, first: date, second: date) -> CompareDialog:
    dialog = CompareDialog(library.timeline(), first, second, None, library.currency())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.first_edit.setDate(QDate(first.year, first.month, first.day))
    dialog.second_edit.setDate(QDate(second.year, second.month, second.day))
    return dialog


def test_comparison_exports_what_the_dialog_lists(
    qtbot: QtBot, synthetic: Library, save_as: dict[str, str], tmp_path: Path
) -> None:
    dialog = _compare(qtbot, synthetic, date(2000, 1, 1), INSIDE)
    assert dialog.lines()
    click(qtbot, dialog.pdf_button)
    pdf = tmp_path / "Cambios-2000-01-01-a-2004-06-30.pdf"
    assert save_as == {"proposed": pdf.name}
    text = _text(pdf)
    assert "Cambios entre el 1 de enero de 2000 y el 30 de junio de 2004" in text
    assert dialog.summary.text() in text
    for item in (dialog.changes.topLevelItem(i) for i in range(dialog.changes.topLevelItemCount())):
        assert item is not None
        assert " ".join(item.text(0).split()) in text
        for child in (item.child(j) for j in range(item.childCount())):
            assert child is not None
            assert child.text(0) in text
    assert "Cambios registrados en este contenido, que incorpora los cambios hasta 2005." in text
    _pdfa(pdf)


def test_comparison_past_the_horizon_says_it_cannot_vouch(
    qtbot: QtBot, synthetic: Library, save_as: dict[str, str], tmp_path: Path
) -> None:
    dialog = _compare(qtbot, synthetic, date(2000, 1, 1), AFTER)
    click(qtbot, dialog.pdf_button)
    text = _text(tmp_path / "Cambios-2000-01-01-a-2010-06-30.pdf")
    assert "Este contenido incorpora los cambios hasta 2005." in text
    assert "no se puede afirmar que sean todos los cambios hasta el 30 de junio de 2010" in text
    assert "vigente" not in text.lower()


def test_printing_the_comparison_paints_the_same_pages(
    qtbot: QtBot, synthetic: Library, save_as: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«Imprimir…» goes through Qt's print dialog; accepted with a PDF printer, the pages are
    those of the PDF export."""
    printed = tmp_path / "impreso.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return QPrintDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    dialog = _compare(qtbot, synthetic, date(2000, 1, 1), AFTER)
    click(qtbot, dialog.print_button)
    click(qtbot, dialog.pdf_button)
    exported = _text(tmp_path / "Cambios-2000-01-01-a-2010-06-30.pdf")
    on_paper = _text(printed)
    assert "Cambios entre el 1 de enero de 2000 y el 30 de junio de 2010" in on_paper
    assert on_paper.replace("Exportado", "") == exported.replace("Exportado", "")


def test_buttons_are_named_and_reachable_by_keyboard(qtbot: QtBot, synthetic: Library) -> None:
    chart = _org_chart(qtbot, synthetic, INSIDE)
    compare = _compare(qtbot, synthetic, date(2000, 1, 1), INSIDE)
    for dialog in (chart, compare):
        assert dialog.print_button.text() == "Imprimir…"
        assert dialog.pdf_button.text() == "Exportar a PDF…"
        assert dialog.pdf_button.focusPolicy() & Qt.FocusPolicy.TabFocus
        # Intro in a date field or the list never prints nor asks for a file
        assert not dialog.print_button.autoDefault()
        assert not dialog.pdf_button.autoDefault()
