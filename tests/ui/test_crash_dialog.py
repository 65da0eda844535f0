"""The last frame: an unexpected error ends in a Spanish line and, for the window, a dialog with
«Copiar detalles» — never a traceback on the terminal, never PyInstaller's own dialog."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from sgdesk import toplevel
from sgdesk.toplevel import EXIT_UNEXPECTED
from sgdesk.ui.crash_dialog import TITLE, CrashDialog

DETAILS = (
    'Traceback (most recent call last):\n  File "x.py"\nValueError: <b>no</b> <a href="file:///etc">x</a>'
)


def test_copy_details_puts_them_on_the_clipboard_and_keeps_the_dialog(qtbot: QtBot) -> None:
    dialog = CrashDialog(DETAILS)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == TITLE
    button = dialog.findChild(QPushButton, "copyDetails")
    assert button is not None
    assert [b.text() for b in dialog.findChildren(QPushButton)] == ["Copiar detalles", "Cerrar"]
    QGuiApplication.clipboard().clear()
    button.click()
    assert QGuiApplication.clipboard().text() == DETAILS
    assert dialog.isVisible(), "copying must not close the dialog"
    assert button.text() == "Detalles copiados"


def test_the_details_are_shown_as_plain_text(qtbot: QtBot) -> None:
    dialog = CrashDialog(DETAILS)
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText() == DETAILS  # the markup stays visible, as characters
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert labels == ["sgdesk encontró un error inesperado y tiene que cerrarse.\n\n"
                      "Vuelva a abrirlo. Si el error se repite, pulse «Copiar detalles» y envíe el "
                      "texto a la mesa de ayuda de la Secretaría General."]  # fmt: skip


def run_sgdesk(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sgdesk", *args], capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "SGDESK_CRASH_TEST": "1", **env}, check=False,
    )  # fmt: skip


def test_an_unexpected_error_in_a_command_is_one_spanish_line(tmp_path: Path) -> None:
    result = run_sgdesk("tree", tmp_path=tmp_path)
    assert result.returncode == EXIT_UNEXPECTED
    assert result.stdout == ""
    assert result.stderr.startswith("sgdesk: error inesperado (CrashTestError: error provocado")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert "se mostró el diálogo" not in result.stderr  # a terminal user reads the line


def test_an_unexpected_error_in_the_window_shows_the_dialog(tmp_path: Path) -> None:
    result = run_sgdesk(tmp_path=tmp_path, SGDESK_CRASH_DIALOG_MS="200")
    assert result.returncode == EXIT_UNEXPECTED
    lines = [line for line in result.stderr.splitlines() if "propagateSizeHints" not in line]
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith("sgdesk: error inesperado (CrashTestError")
    assert lines[1] == "sgdesk: se mostró el diálogo «sgdesk — error inesperado»."
    assert "Traceback" not in result.stderr


def test_ctrl_c_anywhere_is_one_spanish_line(tmp_path: Path) -> None:
    code = (
        "import sys; from sgdesk.toplevel import run\n"
        "def entry():\n    raise KeyboardInterrupt\n"
        "sys.exit(run(entry))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 130
    assert result.stderr == "sgdesk: interrumpido (Ctrl+C).\n"


def test_the_line_is_utf8_whatever_the_code_page(tmp_path: Path) -> None:
    """A Windows pipe gets the ANSI code page (cp1252) by default: «ó» must still be UTF-8."""
    result = subprocess.run(
        [sys.executable, "-m", "sgdesk", "tree"], capture_output=True, timeout=120, cwd=tmp_path, check=False,
        env={**os.environ, "SGDESK_CRASH_TEST": "1", "PYTHONIOENCODING": "cp1252"},
    )  # fmt: skip
    assert result.returncode == EXIT_UNEXPECTED
    assert "provocado a propósito" in result.stderr.decode("utf-8")


@pytest.mark.parametrize(
    ("arguments", "dialog"),
    [(["--smoke-test"], False), (["--exit-after-paint"], False),
     (["--smoke-test", "--database", "x.db"], False), ([], True), (["tree"], True)],
)  # fmt: skip
def test_unattended_runs_never_wait_on_the_dialog(
    monkeypatch: pytest.MonkeyPatch, arguments: list[str], dialog: bool
) -> None:
    """No console to read the line (stderr None: the windowed program; under Wine a pipe
    counts as none): a dialog — except for the runs scripts wait on, which must just exit."""
    shown: list[str] = []
    monkeypatch.setattr(sys, "argv", ["sgdesk", *arguments])
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(toplevel, "show_dialog", shown.append)
    toplevel.report(RuntimeError("DLL load failed while importing _rust"))
    assert bool(shown) == dialog


def test_a_smoke_test_that_cannot_start_exits_with_its_reason(tmp_path: Path) -> None:
    result = run_sgdesk("--smoke-test", tmp_path=tmp_path)
    assert result.returncode == EXIT_UNEXPECTED
    assert result.stderr.startswith("sgdesk: error inesperado (CrashTestError: error provocado")
    assert "se mostró el diálogo" not in result.stderr
