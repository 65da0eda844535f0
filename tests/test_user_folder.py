"""Impossible user folders, a log that cannot be written, a huge settings file, two instances.

Every folder is built by the test. An unwritable folder is made immutable (``chattr +i``) when
the tests run as root (root ignores permission bits), else read-only (0555).
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from sgdesk.user_folder import SafeFileHandler, UserFolderError, resolve

FOLDER_ERROR = "No se puede usar la carpeta de datos del usuario"


@contextlib.contextmanager
def unwritable(folder: Path) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("running as root on a file system without chattr +i")
        try:
            yield folder
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)


def sgdesk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "sgdesk", *args], capture_output=True, text=True, env=environment, timeout=120
    )


def assert_refused(result: subprocess.CompletedProcess[str], reason: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"sgdesk: error: {FOLDER_ERROR}")
    assert reason in result.stderr
    assert result.stdout == ""


def test_a_file_named_as_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "datos"
    target.write_text("no soy una carpeta")
    assert_refused(sgdesk("--data-dir", str(target), "notes", "list"), "existe un archivo con ese nombre")
    assert target.read_text() == "no soy una carpeta"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datos"]


def test_a_folder_under_an_unwritable_one(tmp_path: Path) -> None:
    with unwritable(tmp_path / "bloqueada") as parent:
        result = sgdesk("--data-dir", str(parent / "sgdesk"), "notes", "list")
        assert_refused(result, "no hay permiso para crearla o escribir en ella")
        assert list(parent.iterdir()) == []


def test_an_existing_folder_that_cannot_be_written(tmp_path: Path) -> None:
    with unwritable(tmp_path / "datos") as folder:
        assert_refused(sgdesk("--data-dir", str(folder), "notes", "list"), "no hay permiso")
        assert list(folder.iterdir()) == []


def test_a_read_only_home(tmp_path: Path) -> None:
    with unwritable(tmp_path / "home") as home:
        env = {"HOME": str(home), "XDG_DATA_HOME": ""}
        assert_refused(sgdesk("notes", "list", env=env), "no hay permiso")


def test_xdg_data_home_that_is_a_file(tmp_path: Path) -> None:
    xdg = tmp_path / "xdg"
    xdg.write_text("")
    result = sgdesk("notes", "list", env={"XDG_DATA_HOME": str(xdg)})
    assert_refused(result, "una parte de la ruta es un archivo, no una carpeta")
    assert xdg.read_text() == ""


def test_resolve_creates_the_folder_and_leaves_no_probe(tmp_path: Path) -> None:
    folder = resolve(tmp_path / "a" / "b")
    assert folder.is_dir()
    assert list(folder.iterdir()) == []
    with pytest.raises(UserFolderError):
        resolve(tmp_path / "a" / "b" / "\x00")


def test_a_log_that_cannot_be_written_never_raises(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with unwritable(tmp_path / "logs") as folder:
        logger = logging.getLogger("sgdesk.test-unwritable")
        handler = SafeFileHandler(folder / "sgdesk.log")
        logger.addHandler(handler)
        try:
            logger.error("primer error")
            logger.error("segundo error")
        finally:
            logger.removeHandler(handler)
            handler.close()
    err = capsys.readouterr().err
    assert "sgdesk: ERROR: primer error" in err
    assert "sgdesk: ERROR: segundo error" in err
    assert "Traceback" not in err
    assert "Logging error" not in err


def test_a_huge_settings_file_is_set_aside_and_a_new_one_starts(tmp_path: Path) -> None:
    from sgdesk.ui.state import UiSettings

    ini = tmp_path / "sgdesk.ini"
    ini.write_bytes(b"[search]\nrecent=" + b"x" * 3_000_000 + b"\n")
    settings = UiSettings(ini)
    assert settings.problem is not None
    assert "demasiado grande (3 MB)" in settings.problem
    assert "sgdesk.ini.demasiado-grande" in settings.problem
    assert (tmp_path / "sgdesk.ini.demasiado-grande").stat().st_size > 3_000_000
    settings.add_recent_search("funciones")
    settings.sync()
    assert ini.stat().st_size < 1000
    assert UiSettings(ini).problem is None


CHILD = """
import sys
from sgdesk.ui.state import UiSettings
settings = UiSettings(__import__("pathlib").Path(sys.argv[1]))
for text in sys.argv[2:]:
    settings.add_recent_search(text)
settings.sync()
"""


def test_recent_searches_of_two_instances_are_merged(tmp_path: Path) -> None:
    from sgdesk.ui.state import UiSettings

    ini = tmp_path / "sgdesk.ini"
    mine = UiSettings(ini)
    mine.add_recent_search("misión")
    subprocess.run([sys.executable, "-c", CHILD, str(ini), "visión", "valores"], check=True, timeout=60)
    mine.add_recent_search("funciones")
    mine.sync()
    assert UiSettings(ini).recent_searches == ["funciones", "valores", "visión", "misión"]


def test_gui_with_an_impossible_folder_offers_to_continue_without_saving(
    tmp_path: Path, corpus_db: Path, monkeypatch: pytest.MonkeyPatch, qtbot: object
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from sgdesk import app
    from sgdesk.ui.mainwindow import MainWindow
    from tests.ui.helpers import when_modal

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    target = tmp_path / "archivo"
    target.write_text("")
    shown: list[str] = []

    def go_on(box: object) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        assert box.textFormat() == box.textFormat().PlainText
        buttons = {b.text(): b for b in box.buttons()}
        assert set(buttons) == {"Continuar sin guardar", "Salir"}
        buttons["Continuar sin guardar"].click()

    before = list(logging.getLogger("sgdesk").handlers)
    windows_before = set(QApplication.topLevelWidgets())
    try:
        when_modal(QMessageBox, go_on)
        assert app.run_gui(corpus_db, target, exit_after_paint=True) == 0
        # The window goes with run_gui (its threads and timers too), not at some later moment.
        left = [w for w in QApplication.topLevelWidgets() if w not in windows_before]
        assert not [w for w in left if isinstance(w, MainWindow)], "run_gui left its window behind"
        assert shown
        assert FOLDER_ERROR in shown[0]
        assert "existe un archivo con ese nombre" in shown[0]
        when_modal(QMessageBox, lambda box: {b.text(): b for b in box.buttons()}["Salir"].click())  # type: ignore[attr-defined]
        assert app.run_gui(corpus_db, target, exit_after_paint=True) == 2
    finally:
        for handler in logging.getLogger("sgdesk").handlers:
            if handler not in before:
                logging.getLogger("sgdesk").removeHandler(handler)
                handler.close()
    assert target.read_text() == ""
    assert list((tmp_path / "tmp").iterdir()) == []  # the session's temporary folder is gone
