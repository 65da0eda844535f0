"""#11 start-up: the cyclic garbage collector is off until the window's first frame
(sgdesk/startup_gc.py); commands turn it back on at once, and it is always back on."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sgdesk import app, startup_gc
from sgdesk.cli import main as cli_main
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.timeline_loader import TimelineLoader


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    """Whatever a test does, the collector is on (and nothing frozen) afterwards."""
    yield
    startup_gc.resume()
    gc.unfreeze()
    gc.enable()


def test_pause_and_resume() -> None:
    startup_gc.pause()
    assert not gc.isenabled()
    assert startup_gc.paused()
    frozen = gc.get_freeze_count()
    startup_gc.resume()
    assert gc.isenabled()
    assert not startup_gc.paused()
    assert gc.get_freeze_count() > frozen, "what the start-up made goes to the permanent generation"
    gc.disable()  # someone else's switch (the timeline's loader): a second resume leaves it alone
    startup_gc.resume()
    assert not gc.isenabled()


def test_a_collector_already_off_is_not_ours_to_turn_on() -> None:
    gc.disable()
    startup_gc.pause()
    startup_gc.resume()
    assert not gc.isenabled()


def test_a_command_turns_the_collector_back_on(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    startup_gc.pause()
    assert cli_main(["--database", str(corpus_db), "tree"]) == 0
    assert "Misión" in capsys.readouterr().out
    assert gc.isenabled()


def test_the_window_is_built_without_the_collector_and_turns_it_on_after_its_first_frame(
    qtbot: QtBot, corpus_db: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen: dict[str, bool] = {}
    build = app.create_main_window

    def built(*args: object) -> MainWindow:
        window = build(*args)  # type: ignore[arg-type]
        seen["on while building"] = gc.isenabled()
        QTimer.singleShot(20, window, lambda: _when_rest(window))
        return window

    def _when_rest(window: MainWindow) -> None:
        if window.rest is None:
            QTimer.singleShot(20, window, lambda: _when_rest(window))
            return
        seen["on with the rest"] = gc.isenabled()
        window.close()
        QApplication.quit()

    monkeypatch.setattr(app, "create_main_window", built)
    # (The timeline's loader would end the pause too, when it starts: here the first frame must.)
    monkeypatch.setattr(TimelineLoader, "start", lambda self, *args: None)
    before = list(logging.getLogger("sgdesk").handlers)
    startup_gc.pause()
    try:
        assert app.run_gui(corpus_db, data_dir) == 0
    finally:
        for handler in logging.getLogger("sgdesk").handlers:
            if handler not in before:
                logging.getLogger("sgdesk").removeHandler(handler)
                handler.close()
    assert seen == {"on while building": False, "on with the rest": True}
    assert gc.isenabled()
