"""Qt fixtures: the configured application and a main window over the test corpus."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sgdesk.app import configure_application, create_main_window
from sgdesk.ui.mainwindow import MainWindow
from tests.ui.helpers import next_test


@pytest.fixture(autouse=True)
def configured_app(qapp: QApplication) -> QApplication:
    configure_application(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _forget_modal_watches() -> Iterator[None]:
    yield
    next_test()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The user's writable folder (settings, logs) for one test."""
    folder = tmp_path / "user-data"
    folder.mkdir()
    return folder


@pytest.fixture
def make_window(qtbot: QtBot, corpus_db: Path, data_dir: Path) -> Iterator[Callable[..., MainWindow]]:
    """Build (and show) main windows like the app does; closes them at the end."""
    windows: list[MainWindow] = []

    def make(database: Path | None = None, folder: Path | None = None) -> MainWindow:
        window = create_main_window(database or corpus_db, folder or data_dir)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.rest is not None)  # what comes after the first frame
        # Shortcuts only reach an active window: wait, as a user would, for it to get the focus.
        # Offscreen, a hidden dialog of an earlier test can still count as the active window
        # (no window manager hands the focus on), so ask for this one.
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.library is not None:
            window.library.close()


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window()
