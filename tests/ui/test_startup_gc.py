"""#11 start-up: the cyclic garbage collector is off until the window's first frame
(sgdesk/startup_gc.py); commands turn it back on at once, and it is always back on."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sgdesk import app, startup_gc
from sgdesk.cli import main as cli_main
from sgdesk.ui.after_paint import AfterFirstPaint
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.timeline_loader import TimelineLoader


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    """Whatever a test does, the collector is on and nothing frozen afterwards (and what was
    frozen is collected now, as ``app._dispose`` would have: not at some later moment)."""
    yield
    startup_gc.resume()
    gc.unfreeze()
    gc.enable()
    gc.collect()


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
    # (The timeline's loader would end the pause too, when it starts: here the first frame must.)
    monkeypatch.setattr(TimelineLoader, "start", lambda self, *args: None)
    made: list[MainWindow] = []
    ended: list[tuple[bool, bool]] = []  # when the pause ended: (painted yet, rest built yet)
    painted: list[bool] = []
    real = startup_gc.resume

    def resume() -> None:
        if startup_gc.paused():
            ended.append((bool(painted), made[0].rest is not None))
        real()

    monkeypatch.setattr(startup_gc, "resume", resume)
    startup_gc.pause()
    window = app.create_main_window(corpus_db, data_dir)
    made.append(window)
    qtbot.addWidget(window)
    try:
        assert not gc.isenabled(), "the window is built without the collector"
        AfterFirstPaint(window.reading_pane.viewport(), lambda: painted.append(True))
        window.show()
        qtbot.waitUntil(lambda: window.rest is not None)
        assert gc.isenabled()
        assert ended == [(True, False)], "on again after the first frame, before the rest"
    finally:
        window.close()
        if window.library is not None:
            window.library.close()


def test_a_window_never_painted_turns_it_on_with_its_rest(
    qtbot: QtBot, corpus_db: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(TimelineLoader, "start", lambda self, *args: None)
    startup_gc.pause()
    window = app.create_main_window(corpus_db, data_dir)
    qtbot.addWidget(window)
    try:
        window.later.build_now()  # (what a key pressed before the first paint, or the clock, does)
        assert gc.isenabled()
    finally:
        window.close()
        if window.library is not None:
            window.library.close()
