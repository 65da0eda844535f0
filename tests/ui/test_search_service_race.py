"""Cancelling a search while the worker closes its connection: never an interrupt on a closed
connection, never a check on one object and a call on another."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sgdesk.ui.search_service import SearchService


class _Connection:
    """Stands in for the worker's Library: interrupting it once closed is the bug."""

    def __init__(self, misuses: list[str]) -> None:
        self.closed = False
        self._misuses = misuses

    def interrupt(self) -> None:
        if self.closed:
            self._misuses.append("interrupt() on a closed connection")

    def close(self) -> None:
        self.closed = True
        time.sleep(0.0005)  # widen the window in which a closed connection is still visible


@pytest.fixture
def service(corpus_db: Path) -> Iterator[SearchService]:
    service = SearchService(corpus_db)
    yield service
    service.shutdown()


def test_cancel_while_the_worker_closes(service: SearchService) -> None:
    misuses: list[str] = []
    worker = service.worker
    stop = threading.Event()

    def open_and_close() -> None:  # what the worker thread does after a failed search
        while not stop.is_set():
            worker.library = _Connection(misuses)  # type: ignore[assignment]
            worker.close()

    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    closer = threading.Thread(target=open_and_close)
    closer.start()
    try:
        deadline = 3000
        for _ in range(deadline):
            try:
                service.cancel()
            except AttributeError as exc:  # checked one object, called None
                misuses.append(repr(exc))
            if misuses:
                break
    finally:
        stop.set()
        closer.join()
        sys.setswitchinterval(previous)
    assert misuses == []


def test_shutdown_closes_the_workers_connection_every_time(corpus_db: Path, qtbot: QtBot) -> None:
    """close() ran as a queued call that quit() could overtake: the corpus stayed open (on
    Windows a folder holding it cannot then be removed, as the notes worker showed under Wine)."""
    from sgdesk.content.query import SearchFilters

    for _ in range(20):  # the race is timing: try it often
        service = SearchService(corpus_db)
        with qtbot.waitSignal(service.results_ready, timeout=30000):
            service.search("gestión", SearchFilters())
        worker = service.worker
        service.shutdown()
        assert worker.library is None, "the corpus connection stayed open"
        service.deleteLater()
