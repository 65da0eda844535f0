"""WorkerHost (sgdesk/ui/worker_host.py), the thread the search service and Mis notas share the
shape of: requests off the GUI thread, only the latest one's answer, and a shutdown that closes
the worker on its own thread and leaves no thread running (tests/conftest.py checks that)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread, Signal, Slot
from pytestqt.qtbot import QtBot

from sgdesk.ui.worker_host import Worker, WorkerHost

WAIT_S = 5.0


class Echo(Worker):
    """Answers a request with its value and the thread it ran on; «falla» fails; «espera» holds
    the thread until ``release`` (or an interrupt)."""

    def __init__(self) -> None:
        super().__init__()
        self.ran: list[int] = []  # the generations it ran (not skipped)
        self.holding, self.release = threading.Event(), threading.Event()
        self.interrupted = False
        self.closed_on: QThread | None = None

    @Slot(int, str)
    def run(self, generation: int, value: str) -> None:
        if self.superseded(generation):
            return
        self.ran.append(generation)
        if value == "espera":
            self.holding.set()
            self.release.wait(WAIT_S)
        if value == "falla":
            self.failed.emit(generation, f"No se pudo ({generation}).")
            return
        self.finished.emit(generation, (value, QThread.currentThread()))

    def interrupt(self) -> None:
        self.interrupted = True
        self.release.set()

    @Slot()
    def close(self) -> None:
        self.closed_on = QThread.currentThread()


class Client(WorkerHost):
    """A service as the real ones are: its own request signal to the worker's ``run``."""

    requested = Signal(int, str)

    def __init__(self, worker: Echo) -> None:
        super().__init__(worker, "echoThread")
        self.requested.connect(worker.run)

    def ask(self, value: str) -> int:
        generation = self.advance()
        self.requested.emit(generation, value)
        return generation


@pytest.fixture
def worker() -> Echo:
    return Echo()


@pytest.fixture
def host(worker: Echo) -> Iterator[Client]:
    client = Client(worker)
    yield client
    client.shutdown()


def test_the_answer_comes_from_the_worker_thread(qtbot: QtBot, host: Client) -> None:
    with qtbot.waitSignal(host.finished, timeout=5000) as answer:
        assert host.ask("uno") == 1
    value, thread = answer.args[0]
    assert value == "uno"
    assert thread is host.worker_thread
    assert thread is not QThread.currentThread()
    assert thread.objectName() == "echoThread"


def test_only_the_latest_request_is_answered(qtbot: QtBot, host: Client, worker: Echo) -> None:
    answers: list[str] = []
    host.finished.connect(lambda result: answers.append(result[0]))
    host.ask("espera")  # runs, and holds the thread
    assert worker.holding.wait(WAIT_S)
    host.ask("dos")  # queued behind it: superseded before it runs
    third = host.ask("tres")
    worker.release.set()
    qtbot.waitUntil(lambda: answers != [])
    qtbot.wait(50)  # anything else on its way has arrived
    assert answers == ["tres"], "the held request's answer came after newer ones were asked"
    assert worker.ran == [1, third], "a superseded request still queued is skipped, not run"
    assert host.generation == third


def test_only_the_latest_failure_is_reported(qtbot: QtBot, host: Client, worker: Echo) -> None:
    messages: list[str] = []
    host.failed.connect(messages.append)
    host.ask("espera")
    assert worker.holding.wait(WAIT_S)
    host.ask("falla")
    worker.release.set()
    qtbot.waitUntil(lambda: messages != [])
    assert messages == ["No se pudo (2)."]
    # and a failure already superseded when it arrives is dropped
    worker.release.clear()
    worker.holding.clear()
    host.ask("falla")
    host.ask("espera")
    assert worker.holding.wait(WAIT_S)
    worker.release.set()
    with qtbot.waitSignal(host.finished, timeout=5000):
        pass
    assert messages == ["No se pudo (2)."]


def test_shutdown_closes_the_worker_on_its_thread_every_time(qtbot: QtBot) -> None:
    for _ in range(20):  # a queued close() overtaken by quit() is a matter of timing
        worker = Echo()
        host = Client(worker)
        with qtbot.waitSignal(host.finished, timeout=5000):
            host.ask("uno")
        thread = host.worker_thread
        host.shutdown()
        assert worker.closed_on is thread, "close() did not run on the worker's thread before it stopped"
        assert not thread.isRunning()
        host.shutdown()  # again: nothing left to do
        host.deleteLater()


def test_shutdown_interrupts_a_running_request_and_skips_the_queued_ones(qtbot: QtBot, worker: Echo) -> None:
    host = Client(worker)
    answers: list[object] = []
    host.finished.connect(answers.append)
    host.ask("espera")
    assert worker.holding.wait(WAIT_S)
    host.ask("queued")
    host.shutdown()  # returns: the held request was interrupted
    assert worker.interrupted
    assert worker.ran == [1], "a request queued before the shutdown ran"
    assert not host.worker_thread.isRunning()
    qtbot.wait(20)
    assert answers == [], "an answer arrived after the shutdown"


def test_the_base_close_is_no_slot() -> None:
    """A slot ``close`` in both Worker and a subclass makes PySide6 run the blocking close on the
    host's (GUI) thread: every shutdown then hangs. Fail here instead."""
    assert Worker.staticMetaObject.indexOfMethod("close()") == -1
    assert Echo.staticMetaObject.indexOfMethod("close()") != -1
