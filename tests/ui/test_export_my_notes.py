"""«Incluir mis notas» (#12.3) from the window: the export dialog's box (off by default) and the
print option, driven as a reader does; the PDFs that come out are read with poppler."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from sgdesk.ui.export_dialog import ExportDialog
from sgdesk.ui.mainwindow import MainWindow
from tests.ui.test_export import (
    SaveDialog,
    click,
    click_export,
    drive_export_dialog,
    pdf_text,
    press,
    press_ctrl_e,
    wait_for_status,
)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

LIT_N = "decreto-267-2007/art-7/lit-n"


@pytest.fixture
def save_dialog(monkeypatch: pytest.MonkeyPatch) -> SaveDialog:
    dialog = SaveDialog()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return dialog


NOTE = "ver <b>concepto</b> & 2023-114"


def _annotate(window: MainWindow) -> None:
    assert window.library is not None
    window.my_notes.notes.add_note(window.library, LIT_N, NOTE, quote="estrategia internacional")


def _export(window: MainWindow, qtbot: QtBot, dialog_stand_in: SaveDialog, target: Path, tick: bool) -> bool:
    """Ctrl+E on the decree, the box ticked or not; returns whether it was unticked at first."""
    window.open_node("decreto-267-2007")
    dialog_stand_in.answer = target
    seen: dict[str, bool] = {}

    def accept(dialog: ExportDialog) -> None:
        seen["off"] = not dialog.notes_box.isChecked()
        if tick:
            click(qtbot, dialog.notes_box)
        click_export(qtbot, dialog)

    shown = drive_export_dialog(accept)
    press_ctrl_e(qtbot, window)
    assert shown, "Ctrl+E opened no export dialog"
    wait_for_status(qtbot, window, "PDF guardado en")
    return seen["off"]


def test_ctrl_e_with_my_notes_marks_and_lists_them(
    window: MainWindow,
    qtbot: QtBot,
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    _annotate(window)
    target = tmp_path / "con-notas.pdf"
    assert _export(window, qtbot, save_dialog, target, tick=True), "«Incluir mis notas» starts unticked"
    text = pdf_text(target)
    assert "y estrategia internacional[1] requiera el Despacho" in text
    assert f"[1] «estrategia internacional» — {NOTE}" in text  # the note's markup shown as written
    assert "no forman parte del texto oficial" in text


def test_ctrl_e_without_ticking_leaves_my_notes_out(
    window: MainWindow,
    qtbot: QtBot,
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    _annotate(window)
    target = tmp_path / "sin-notas.pdf"
    _export(window, qtbot, save_dialog, target, tick=False)
    text = pdf_text(target)
    assert "estrategia internacional[1]" not in text
    assert "concepto" not in text


def _print_notes_action(window: MainWindow) -> QAction:
    found = [
        a for a in window.file_menu.actions() if a.text().replace("&", "") == "Incluir mis notas al imprimir"
    ]
    assert len(found) == 1, "Archivo › «Incluir mis notas al imprimir» is missing"
    return found[0]


def test_printing_with_my_notes(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _annotate(window)
    printed: list[Path] = []

    def accept(dialog: QPrintDialog) -> int:  # the operating system's print dialog: to a PDF file
        target = tmp_path / f"impreso-{len(printed)}.pdf"
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        printed.append(target)
        return QPrintDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window.open_node("decreto-267-2007")
    option = _print_notes_action(window)
    assert option.isCheckable()
    assert not option.isChecked(), "printing starts without my notes"
    from PySide6.QtCore import Qt

    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    option.trigger()
    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(printed) == 2
    assert "concepto" not in pdf_text(printed[0])
    assert f"[1] «estrategia internacional» — {NOTE}" in pdf_text(printed[1])
