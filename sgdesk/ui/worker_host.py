"""One worker object on a thread of its own, for the window's services (searches, Mis notas).

Each request carries a generation number. The worker skips a request older than ``latest`` (a
newer one was asked for while it waited in the queue) and answers the others with ``finished``
or ``failed``; the host passes on only the answer to the latest request. ``shutdown`` stops the
running request, closes the worker's connections on its own thread and stops the thread: none
is left running (tests/conftest.py fails a test that leaves one).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, Signal


class Worker(QObject):
    """What a host runs on its thread. A subclass adds a ``run(generation, …)`` slot that starts
    with ``if self.superseded(generation): return`` and ends with one of the two signals."""

    finished = Signal(int, object)  # generation, result
    failed = Signal(int, str)  # generation, Spanish message

    def __init__(self) -> None:
        super().__init__()
        self.latest = 0  # written by the GUI thread: requests older than this are skipped

    def superseded(self, generation: int) -> bool:
        return generation < self.latest

    def interrupt(self) -> None:
        """Stop the running request, if any; called from the GUI thread (by default a request
        runs to its end)."""

    def close(self) -> None:
        """Close what the worker opened; runs on its thread. A subclass marks its own with
        ``@Slot()``; this one must not be a slot: with a slot of the same name in the base and
        the subclass, PySide6 (6.11) connects the blocking close to the host, on the GUI thread,
        and ``shutdown`` deadlocks («Dead lock detected while activating a
        BlockingQueuedConnection»)."""


class WorkerHost(QObject):
    """Owns the worker's thread; emits the answer to the latest request only."""

    finished = Signal(object)  # the latest request's result
    failed = Signal(str)  # the latest request's Spanish message
    _closing = Signal()

    def __init__(self, worker: Worker, thread_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._worker = worker
        self._thread = QThread(self)
        self._thread.setObjectName(thread_name)  # the name the OS shows (and the leak guard)
        worker.moveToThread(self._thread)
        # Blocking: quit() may end the thread's event loop before a queued close() runs, and the
        # connections stayed open (on Windows the data folder could then not be removed).
        self._closing.connect(worker.close, Qt.ConnectionType.BlockingQueuedConnection)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self._thread.start()

    @property
    def generation(self) -> int:
        """The latest request's number."""
        return self._generation

    @property
    def worker_thread(self) -> QThread:
        return self._thread

    def advance(self) -> int:
        """Number a new request: every earlier one is abandoned (the worker skips those still
        queued; the answers of the others are dropped). The caller sends the request."""
        self._generation += 1
        self._worker.latest = self._generation
        return self._generation

    def _on_finished(self, generation: int, result: object) -> None:
        if generation == self._generation:
            self.finished.emit(result)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.failed.emit(message)

    def shutdown(self) -> None:
        """Skip every queued request, stop the running one, close the worker's connections on
        its thread, then stop the thread. Safe to call again."""
        if not self._thread.isRunning():
            return
        self._worker.latest = self._generation + 1
        self._worker.interrupt()  # a running request stops, so the close below does not wait for it
        self._closing.emit()
        self._thread.quit()
        self._thread.wait()
