"""The background timeline build pauses the garbage collector (bench/responsiveness measures
why) but throws those process-wide switches on the GUI thread only, and always turns the
collector back on."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from sgdesk.library import Library
from sgdesk.ui.timeline_loader import TimelineLoader


@pytest.fixture
def switches(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, bool]]]:
    """Every gc switch thrown: (name, whether on the main thread)."""
    calls: list[tuple[str, bool]] = []

    def recorded(name: str, real: Callable[[], None]) -> Callable[[], None]:
        def switch() -> None:
            calls.append((name, threading.current_thread() is threading.main_thread()))
            real()

        return switch

    for name in ("disable", "enable", "freeze"):
        monkeypatch.setattr(gc, name, recorded(name, getattr(gc, name)))
    yield calls
    gc.enable()
    gc.unfreeze()


def test_the_build_switches_the_collector_from_the_gui_thread_only(
    qtbot: QtBot, library: Library, switches: list[tuple[str, bool]]
) -> None:
    loader = TimelineLoader(library)
    with qtbot.waitSignal(loader.loaded, timeout=30_000) as loaded:
        loader.start()
    qtbot.waitUntil(lambda: ("enable", True) in switches, timeout=10_000)
    loader.stop()
    assert loaded.args is not None
    assert len(loaded.args[1].events) > 0
    assert gc.isenabled()
    assert [name for name, _ in switches] == ["disable", "freeze", "enable"]
    assert all(on_main for _, on_main in switches), switches


def test_a_stopped_build_turns_the_collector_back_on(
    library: Library, switches: list[tuple[str, bool]]
) -> None:
    loader = TimelineLoader(library)
    loader.start()
    loader.stop()  # at once: built or interrupted, the collector is on again
    assert gc.isenabled()
    assert all(on_main for _, on_main in switches), switches
    assert (switches[0][0], switches[-1][0]) == ("disable", "enable")
