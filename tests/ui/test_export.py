"""Export to PDF, print and preview from the window, as an official does it: Ctrl+E, the dialog,
the save dialog, the progress box; the PDFs that come out are checked with poppler and pypdf.

Only the operating system's save dialog (and its "open this file" hand-off) is stood in for.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)  # fmt: skip
from pytestqt.qtbot import QtBot

from sgdesk.export.pdf import write_pdf
from sgdesk.export.plan import plan_compendium, plan_export
from sgdesk.ui.export_actions import configure_device, paint_plan
from sgdesk.ui.export_dialog import ExportDialog
from sgdesk.ui.mainwindow import MainWindow
from tests.ui.helpers import click_tree_item, error_dialog, when_modal

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton
COMPENDIUM_FILE = "Informacion-General-de-la-Secretaria-General.pdf"


# -- reading the PDFs ------------------------------------------------------------------


def _run(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True).stdout


def pdf_text(pdf: Path) -> str:
    """The text poppler extracts, with runs of white space made single spaces."""
    return " ".join(_run("pdftotext", "-layout", pdf, "-").split())


def pdf_info(pdf: Path) -> dict[str, str]:
    rows = (line.split(":", 1) for line in _run("pdfinfo", pdf).splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in rows}


def page_texts(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


def footers(pdf: Path) -> list[str]:
    """ "Página X de Y" of every page, as poppler reads them (the cover has none)."""
    count = int(pdf_info(pdf)["Pages"])
    found = []
    for number in range(1, count + 1):
        text = " ".join(_run("pdftotext", "-f", str(number), "-l", str(number), "-layout", pdf, "-").split())
        found += [f"Página {number} de {count}"] if f"Página {number} de {count}" in text else []
    return found


def leftovers(folder: Path) -> list[str]:
    """Temporary files an export may have left (".sgdesk-export-XXXX.part")."""
    return sorted(p.name for p in folder.iterdir() if ".part" in p.name)


# -- the operating system's dialogs -------------------------------------------------------


@dataclass
class SaveDialog:
    """Stands in for ``QFileDialog.getSaveFileName``: records what it proposed, answers ``answer``."""

    answer: Path | None = None
    proposed: list[Path] = field(default_factory=list)  # the ``dir`` argument: folder / file name
    filters: list[str] = field(default_factory=list)

    def __call__(self, parent: QWidget | None = None, caption: str = "", directory: str = "",
                 name_filter: str = "", *_args: object, **_kwargs: object) -> tuple[str, str]:  # fmt: skip
        self.proposed.append(Path(directory))
        self.filters.append(name_filter)
        return (str(self.answer), name_filter) if self.answer is not None else ("", "")


@pytest.fixture
def save_dialog(monkeypatch: pytest.MonkeyPatch) -> SaveDialog:
    dialog = SaveDialog()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return dialog


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    folder = tmp_path / "exportados"
    folder.mkdir()
    return folder


def drive_export_dialog(act: Callable[[ExportDialog], None]) -> list[QWidget]:
    def run(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportDialog)
        act(dialog)

    return when_modal(ExportDialog, run)


def click(qtbot: QtBot, widget: QWidget) -> None:
    """Click a button where it reacts: a radio or check box on its circle or square and label
    (the widget itself may be stretched across the dialog), a push button anywhere."""
    position = widget.rect().center()
    if isinstance(widget, QRadioButton | QCheckBox):
        option = QStyleOptionButton()
        option.initFrom(widget)
        option.text = widget.text()
        element = QStyle.SubElement.SE_RadioButtonClickRect
        if isinstance(widget, QCheckBox):
            element = QStyle.SubElement.SE_CheckBoxClickRect
        position = widget.style().subElementRect(element, option, widget).center()
    qtbot.mouseClick(widget, LEFT, pos=position)


def click_export(qtbot: QtBot, dialog: ExportDialog) -> None:
    assert dialog.export_button.text() == "Exportar…"
    click(qtbot, dialog.export_button)


def tree_item(tree: QTreeWidget, title: str) -> QTreeWidgetItem:
    flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    items = tree.findItems(title, flags)
    assert len(items) == 1, f"{title!r} appears {len(items)} times in the dialog's tree"
    return items[0]


def click_check_box(qtbot: QtBot, tree: QTreeWidget, item: QTreeWidgetItem) -> None:
    """Click the tick box of ``item``, where the style draws it."""
    tree.scrollToItem(item)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = tree.visualItemRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
    before = item.checkState(0)
    qtbot.mouseClick(tree.viewport(), LEFT, pos=box.center())
    assert item.checkState(0) != before, f"the click did not tick {item.text(0)!r}"


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A shortcut, pressed in the window (shortcuts only reach the active window)."""
    if QApplication.activeWindow() is not window:
        # Offscreen there is no window manager to hand the focus back when a dialog closes.
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, key, modifiers)


def press_ctrl_e(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_E, CTRL)


def wait_for_status(qtbot: QtBot, window: MainWindow, text: str) -> str:
    qtbot.waitUntil(lambda: text in window.statusBar().currentMessage(), timeout=20_000)
    return window.statusBar().currentMessage()


# -- Ctrl+E: the current section ------------------------------------------------------------


def test_ctrl_e_exports_the_current_section(
    window: MainWindow, qtbot: QtBot, save_dialog: SaveDialog, exports: Path
) -> None:
    window.open_node("decreto-267-2007")
    target = exports / "decreto.pdf"
    save_dialog.answer = target
    shown: dict[str, object] = {}

    def check_and_accept(dialog: ExportDialog) -> None:
        shown["title"] = dialog.windowTitle()
        shown["current"] = (dialog.current_button.text(), dialog.current_button.isChecked())
        shown["paper"] = dialog.paper_box.currentText()
        shown["open"] = dialog.open_box.text(), dialog.open_box.isChecked()
        click_export(qtbot, dialog)

    seen = drive_export_dialog(check_and_accept)
    press_ctrl_e(qtbot, window)
    assert seen, "Ctrl+E opened no export dialog"

    assert shown["title"] == "Exportar a PDF"
    assert shown["current"] == ("Sección actual: Decreto 267 de 2007", True)
    assert shown["paper"] == "Carta (216 × 279 mm)"
    assert shown["open"] == ("Abrir el PDF al terminar", False)
    assert len(save_dialog.proposed) == 1
    assert save_dialog.proposed[0].name == "Decreto-267-de-2007.pdf"
    assert save_dialog.filters == ["Documentos PDF (*.pdf)"]

    message = wait_for_status(qtbot, window, "PDF guardado en")
    assert message == f"PDF guardado en {target}"
    assert target.is_file()
    text = pdf_text(target)
    assert "Artículo 7º. Son funciones de la Secretaría General" in text
    assert "Página 1 de " in text
    assert pdf_info(target)["Title"] == "Decreto 267 de 2007"
    assert leftovers(exports) == []
    assert window.current_node_id == "decreto-267-2007", "exporting does not move the reader"


def test_a_name_without_pdf_gets_the_extension(
    window: MainWindow, qtbot: QtBot, save_dialog: SaveDialog, exports: Path
) -> None:
    save_dialog.answer = exports / "mision"  # typed without ".pdf"
    drive_export_dialog(lambda dialog: click_export(qtbot, dialog))
    press_ctrl_e(qtbot, window)

    wait_for_status(qtbot, window, "PDF guardado en")
    assert sorted(p.name for p in exports.iterdir()) == ["mision.pdf"]
    assert "Misión" in pdf_text(exports / "mision.pdf")


def test_cancelling_the_save_dialog_writes_nothing(
    window: MainWindow, qtbot: QtBot, save_dialog: SaveDialog, exports: Path
) -> None:
    save_dialog.answer = None
    drive_export_dialog(lambda dialog: click_export(qtbot, dialog))
    press_ctrl_e(qtbot, window)

    assert len(save_dialog.proposed) == 1
    qtbot.wait(100)
    assert list(exports.iterdir()) == []
    assert "PDF guardado" not in window.statusBar().currentMessage()
    assert window.findChild(QProgressDialog, "exportProgress") is None


# -- the dialog: a selection, the whole compendium ------------------------------------------


def test_ticked_sections_make_one_pdf_with_cover_contents_and_outline(
    window: MainWindow, qtbot: QtBot, save_dialog: SaveDialog, exports: Path
) -> None:
    assert window.current_node_id == "mision"
    target = exports / "seleccion.pdf"
    save_dialog.answer = target
    shown: dict[str, object] = {}

    def tick_and_accept(dialog: ExportDialog) -> None:
        tree = dialog.tree
        assert dialog.current_button.isChecked()
        # "Funciones" shows an expander, but its norms are read only when it opens.
        funciones = tree_item(tree, "Funciones")
        shown["before"] = [funciones.child(i).text(0) for i in range(funciones.childCount())]
        tree.setCurrentItem(funciones)
        tree.setFocus()
        qtbot.keyClick(tree, Qt.Key.Key_Right)
        shown["after"] = [funciones.child(i).text(0) for i in range(funciones.childCount())]

        click_check_box(qtbot, tree, tree_item(tree, "Misión"))
        shown["scope"] = dialog.selection_button.text(), dialog.selection_button.isChecked()
        click_check_box(qtbot, tree, tree_item(tree, "Valores de la Entidad"))
        click_check_box(qtbot, tree, tree_item(tree, "Decreto 163 de 2008"))  # loaded just now
        click_export(qtbot, dialog)

    drive_export_dialog(tick_and_accept)
    press_ctrl_e(qtbot, window)

    assert shown["before"] == ["…"]
    assert shown["after"] == [
        "Acuerdo 257 de 2006", "Decreto 267 de 2007", "Decreto 163 de 2008",
        "Decreto 502 de 2009", "Decreto 059 de 2012", "Decreto 077 de 2012",
    ]  # fmt: skip
    assert shown["scope"] == ("Secciones elegidas:", True)
    assert save_dialog.proposed[0].name == (
        "Informacion-General-de-la-Secretaria-General-seleccion-de-3-secciones.pdf"
    )
    wait_for_status(qtbot, window, "PDF guardado en")

    reader = PdfReader(target)
    pages = page_texts(target)
    assert "Información General de la Secretaría General: selección de 3 secciones" in pages[0]
    assert "Página" not in pages[0], "the cover has no footer"
    assert "Contenido" in pages[1]
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    # in the order of the tree, whatever the order of ticking
    assert list(outline) == ["Contenido", "Misión", "Decreto 163 de 2008", "Valores de la Entidad"]
    for title in ("Misión", "Decreto 163 de 2008", "Valores de la Entidad"):
        assert title in pages[outline[title]]
        assert f"{title} {outline[title] + 1}" in pages[1], "the contents give the bookmark's page"
    assert "Visión" not in " ".join(pages), "only the ticked sections"
    assert pdf_info(target)["Title"].endswith("selección de 3 secciones")


def test_selection_with_nothing_ticked_keeps_the_dialog_open(
    window: MainWindow, qtbot: QtBot, save_dialog: SaveDialog, exports: Path
) -> None:
    shown: dict[str, object] = {}

    def choose_nothing(dialog: ExportDialog) -> None:
        click(qtbot, dialog.selection_button)
        assert dialog.selection_button.isChecked()
        click_export(qtbot, dialog)
        shown["problem"] = dialog.problem.text()
        shown["open"] = dialog.isVisible()
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        shown["cancel"] = cancel.text()
        click(qtbot, cancel)
        shown["closed"] = not dialog.isVisible()

    drive_export_dialog(choose_nothing)
    press_ctrl_e(qtbot, window)

    assert shown["problem"] == "Marque al menos una sección para exportar."
    assert shown["open"] is True
    assert shown["cancel"] == "Cancelar"  # Qt's own buttons in Spanish too
    assert shown["closed"] is True
    assert save_dialog.proposed == [], "no save dialog after cancelling"
    assert list(exports.iterdir()) == []


def test_whole_compendium_on_a4_and_open_when_done(
    window: MainWindow, qtbot: QtBot, save_dialog: SaveDialog, exports: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    target = exports / COMPENDIUM_FILE
    save_dialog.answer = target
    shown: dict[str, object] = {}

    def choose_everything(dialog: ExportDialog) -> None:
        click(qtbot, dialog.all_button)
        dialog.paper_box.setFocus()
        qtbot.keyClick(dialog.paper_box, Qt.Key.Key_Down)
        shown["paper"] = dialog.paper_box.currentText()
        click(qtbot, dialog.open_box)
        shown["open"] = dialog.open_box.isChecked()
        click_export(qtbot, dialog)

    drive_export_dialog(choose_everything)
    press_ctrl_e(qtbot, window)

    assert shown == {"paper": "A4 (210 × 297 mm)", "open": True}
    assert save_dialog.proposed[0].name == COMPENDIUM_FILE
    wait_for_status(qtbot, window, "PDF guardado en")
    info = pdf_info(target)
    assert info["Page size"].startswith("595 x 842")  # A4
    assert info["Title"] == "Información General de la Secretaría General"
    pages = int(info["Pages"])
    text = pdf_text(target)
    assert f"Página {pages} de {pages}" in text
    for words in ("Misión", "Visión", "Decreto 077 de 2012", "Vocación de Servicio"):
        assert words in text
    assert opened == [QUrl.fromLocalFile(str(target))], "the finished PDF is handed to the viewer"


# -- progress and cancelling ---------------------------------------------------------------


def progress_box(window: MainWindow) -> QProgressDialog:
    box = window.findChild(QProgressDialog, "exportProgress")
    assert box is not None, "no progress box"
    return box


def test_cancel_after_the_first_page_leaves_nothing_behind(
    window: MainWindow, qtbot: QtBot, exports: Path
) -> None:
    assert window.library is not None
    target = exports / COMPENDIUM_FILE
    target.write_bytes(b"%PDF-1.4 la exportacion de ayer")
    window.exports.start(plan_compendium(window.library), target)
    box = progress_box(window)
    bar = box.findChild(QProgressBar)
    assert bar is not None
    with qtbot.waitSignal(bar.valueChanged, check_params_cb=lambda value: value >= 1):
        pass
    assert 1 <= box.value() < box.maximum()
    assert box.labelText().startswith("Exportando: página ")

    cancel = box.findChild(QPushButton)
    assert cancel is not None
    assert cancel.text() == "Cancelar"
    qtbot.mouseClick(cancel, LEFT)

    message = wait_for_status(qtbot, window, "Exportación cancelada")
    assert message == "Exportación cancelada; no se escribió ningún archivo."
    qtbot.wait(100)  # the export's timer must really be stopped
    assert target.read_bytes() == b"%PDF-1.4 la exportacion de ayer"
    assert sorted(p.name for p in exports.iterdir()) == [COMPENDIUM_FILE]
    assert not box.isVisible()


@pytest.mark.parametrize("how", ["button", "escape"])
def test_a_long_export_shows_its_progress_and_can_be_cancelled(
    window: MainWindow, qtbot: QtBot, exports: Path, how: str
) -> None:
    assert window.library is not None
    compendium = plan_compendium(window.library)
    plan = replace(compendium, pages=compendium.pages * 12)  # a few seconds of work
    target = exports / "largo.pdf"
    window.exports.start(plan, target)
    box = progress_box(window)

    qtbot.waitUntil(box.isVisible, timeout=5000)  # shown once the export takes a while
    assert box.windowTitle() == "Exportar a PDF"
    done = box.value()
    assert 1 <= done < box.maximum()
    qtbot.waitUntil(lambda: box.value() > done)  # the window keeps answering while it works
    assert box.labelText() == f"Exportando: página {box.value()} de {box.maximum()}"
    if how == "button":
        cancel = box.findChild(QPushButton)
        assert cancel is not None
        assert cancel.isVisible()
        click(qtbot, cancel)
    else:
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    wait_for_status(qtbot, window, "Exportación cancelada")
    assert not box.isVisible()
    qtbot.wait(300)  # nothing goes on behind the user's back
    assert list(exports.iterdir()) == []
    assert "PDF guardado" not in window.statusBar().currentMessage()
    assert window.open_node("vision"), "the window is free again"


# -- errors ------------------------------------------------------------------------------------


def missing_folder(exports: Path) -> Path:
    return exports / "no-existe" / "mision.pdf"


def a_folder(exports: Path) -> Path:
    folder = exports / "mision.pdf"
    folder.mkdir()
    return folder


@pytest.mark.parametrize(
    ("make_target", "explanation"),
    [(missing_folder, "no existe"), (a_folder, "es una carpeta")],
    ids=["missing-folder", "target-is-a-folder"],
)
def test_an_unwritable_target_is_explained_and_the_window_goes_on(
    window: MainWindow, qtbot: QtBot, save_dialog: SaveDialog, exports: Path,
    make_target: Callable[[Path], Path], explanation: str,
) -> None:  # fmt: skip
    target = make_target(exports)
    before = sorted(p.name for p in exports.iterdir())
    save_dialog.answer = target
    drive_export_dialog(lambda dialog: click_export(qtbot, dialog))
    press_ctrl_e(qtbot, window)

    qtbot.waitUntil(lambda: window.findChild(QWidget, "errorDialog") is not None, timeout=20_000)
    box = error_dialog(window)
    qtbot.waitUntil(box.isVisible)
    assert box.windowTitle() == "No se pudo exportar"
    assert explanation in box.text()
    assert str(target.parent if explanation == "no existe" else target) in box.text()
    assert "directory" not in box.text().lower()  # no English from the operating system
    assert sorted(p.name for p in exports.iterdir()) == before
    assert leftovers(exports) == []
    if target.is_dir():
        assert list(target.iterdir()) == []
    assert "PDF guardado" not in window.statusBar().currentMessage()

    ok = box.button(box.StandardButton.Ok)
    assert ok is not None
    click(qtbot, ok)
    qtbot.waitUntil(lambda: not box.isVisible())
    click_tree_item(qtbot, window.tree_view, window.tree_model.index_for_id("valores"))
    assert window.current_node_id == "valores"
    assert window.reading_pane.toPlainText().startswith("Valores de la Entidad")


# -- the folder is remembered --------------------------------------------------------------------


def test_the_next_export_proposes_the_last_folder_even_after_a_restart(
    make_window: Callable[..., MainWindow], qtbot: QtBot, save_dialog: SaveDialog, exports: Path,
    data_dir: Path,
) -> None:  # fmt: skip
    first = make_window()
    save_dialog.answer = exports / "mision.pdf"
    drive_export_dialog(lambda dialog: click_export(qtbot, dialog))
    press_ctrl_e(qtbot, first)
    wait_for_status(qtbot, first, "PDF guardado en")
    assert save_dialog.proposed[0].parent != exports, "nothing remembered yet"

    first.open_node("valores")
    save_dialog.answer = None  # look, then cancel
    drive_export_dialog(lambda dialog: click_export(qtbot, dialog))
    press_ctrl_e(qtbot, first)
    assert save_dialog.proposed[1] == exports / "Valores-de-la-Entidad.pdf"
    assert first.close()

    second = make_window(folder=data_dir)
    drive_export_dialog(lambda dialog: click_export(qtbot, dialog))
    press_ctrl_e(qtbot, second)
    assert save_dialog.proposed[2] == exports / "Valores-de-la-Entidad.pdf"
    assert sorted(p.name for p in exports.iterdir()) == ["mision.pdf"]


def test_a_remembered_folder_that_is_gone_is_not_proposed(
    make_window: Callable[..., MainWindow], qtbot: QtBot, save_dialog: SaveDialog, tmp_path: Path,
    data_dir: Path,
) -> None:  # fmt: skip
    gone = tmp_path / "memoria-usb"
    gone.mkdir()
    first = make_window()
    save_dialog.answer = gone / "mision.pdf"
    drive_export_dialog(lambda dialog: click_export(qtbot, dialog))
    press_ctrl_e(qtbot, first)
    wait_for_status(qtbot, first, "PDF guardado en")
    assert first.close()
    shutil.rmtree(gone)

    second = make_window(folder=data_dir)
    save_dialog.answer = None
    drive_export_dialog(lambda dialog: click_export(qtbot, dialog))
    press_ctrl_e(qtbot, second)
    assert save_dialog.proposed[1] == Path.home() / "Mision.pdf"


# -- print and preview ----------------------------------------------------------------------------


@pytest.fixture
def decree_pdf(window: MainWindow, tmp_path: Path) -> Path:
    """The exported PDF of the decree, to compare printing and preview with."""
    assert window.library is not None
    return write_pdf(plan_export(window.library, ["decreto-267-2007"]), tmp_path / "exportado.pdf")


def test_print_preview_shows_the_pages_of_the_pdf(window: MainWindow, qtbot: QtBot, decree_pdf: Path) -> None:
    window.open_node("decreto-267-2007")
    shown: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        widget = dialog.findChild(QPrintPreviewWidget)
        assert widget is not None
        shown["name"] = dialog.objectName()
        shown["pages"] = widget.pageCount()
        dialog.close()

    seen = when_modal(QPrintPreviewDialog, look)
    press(qtbot, window, Qt.Key.Key_P, CTRL | SHIFT)

    assert seen, "Ctrl+Shift+P opened no preview"
    assert shown["name"] == "printPreview"
    assert isinstance(shown["pages"], int)
    assert shown["pages"] >= 1
    assert shown["pages"] == int(pdf_info(decree_pdf)["Pages"])
    assert window.current_node_id == "decreto-267-2007"


def test_printing_paints_the_same_pages_as_the_pdf(
    window: MainWindow, tmp_path: Path, decree_pdf: Path
) -> None:
    assert window.library is not None
    plan = plan_export(window.library, ["decreto-267-2007"])
    printed = tmp_path / "impreso.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_device(printer, plan.paper)  # as Ctrl+P does before its dialog
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))

    paint_plan(plan, printer)

    info, exported = pdf_info(printed), pdf_info(decree_pdf)
    assert info["Pages"] == exported["Pages"]
    assert info["Page size"].startswith("612 x 792")  # Carta
    assert footers(printed) == footers(decree_pdf)
    count = int(info["Pages"])
    assert footers(printed) == [f"Página {n} de {count}" for n in range(1, count + 1)]
    text = pdf_text(printed)
    assert "Artículo 7º. Son funciones de la Secretaría General" in text
    assert "Contenido con cambios hasta 2012, edición 1" in text


# Typing a path opens the dialog's file-name completer: the offscreen plugin can neither raise
# it nor give it the keyboard, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing the keyboard")
def test_ctrl_p_prints_through_the_print_dialog(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, decree_pdf: Path
) -> None:
    window.open_node("decreto-267-2007")
    printed = tmp_path / "impreso-desde-el-dialogo.pdf"
    shown: dict[str, object] = {}

    def print_to_file(dialog: QWidget) -> None:
        shown["title"] = dialog.windowTitle()
        printers = dialog.findChild(QComboBox, "printers")
        assert printers is not None
        shown["printer"] = printers.currentText()
        name = dialog.findChild(QLineEdit, "filename")
        assert name is not None
        name.selectAll()
        qtbot.keyClicks(name, str(printed))
        buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == "Im&primir"]
        assert len(buttons) == 1
        click(qtbot, buttons[0])

    seen = when_modal(QPrintDialog, print_to_file)
    press(qtbot, window, Qt.Key.Key_P, CTRL)

    assert seen, "Ctrl+P opened no print dialog"
    assert shown == {"title": "Imprimir", "printer": "Imprimir a archivo (PDF)"}
    assert printed.is_file()
    info = pdf_info(printed)
    assert info["Pages"] == pdf_info(decree_pdf)["Pages"]
    assert info["Page size"].startswith("612 x 792")  # Carta, as the PDF export
    assert footers(printed) == footers(decree_pdf)
    assert "Artículo 7º. Son funciones de la Secretaría General" in pdf_text(printed)
