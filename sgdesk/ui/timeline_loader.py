"""Builds the timeline on a worker thread, so a large corpus does not freeze the window.

Reading every event of a million-provision corpus takes a couple of seconds; the window starts
this right away and the first "Vigente a" date (or the timeline dock) then finds it ready. If it
is asked for sooner, the library builds it on the spot, as before.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, QThread, Signal, Slot

from sgdesk import startup_gc
from sgdesk.library import Library

log = logging.getLogger("sgdesk")


class TimelineLoader(QThread):
    """One build, on its own read-only connection; ``loaded`` carries the Timeline.

    At a million provisions the timeline is hundreds of thousands of objects that live as long
    as the window. Each full garbage collection walked them all with the GIL held: pauses of
    50-200 ms in the window, while building and later. Nothing built here is garbage, so the
    collector is off while the build runs and the result then goes to the permanent
    generation (gc.freeze), where collections leave it alone. Those switches are process-wide:
    they are thrown on the GUI thread only (start(), and when the build has finished), never
    from the worker.
    """

    loaded = Signal(object, object)  # database path, Timeline

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = library.info.path
        self._library: Library | None = Library.open(self._path)  # opened here: cheap
        self._collector_paused = False
        self._built = False
        self.finished.connect(self._resume_collector)  # queued: runs on the GUI thread

    def start(self, priority: QThread.Priority = QThread.Priority.InheritPriority) -> None:
        startup_gc.resume()  # (the start-up's pause ends here at the latest: the switches are ours now)
        if not self.isRunning() and gc.isenabled():
            gc.disable()
            self._collector_paused = True
        super().start(priority)

    def run(self) -> None:
        library = self._library
        if library is None:
            return
        try:
            timeline = library.timeline()
        except Exception:  # interrupted by stop(), or unreadable: the library builds it when asked
            log.debug("timeline not built in the background", exc_info=True)
            return
        self._built = True
        self.loaded.emit(self._path, timeline)

    @Slot()
    def _resume_collector(self) -> None:
        """On the GUI thread, once the build is over: what it built goes to the permanent
        generation (it lives as long as the window), and the collector runs again."""
        if not self._collector_paused:
            return
        self._collector_paused = False
        if self._built:
            gc.freeze()
        gc.enable()

    def stop(self) -> None:
        """Interrupt the build if it still runs, wait for the thread, close the connection."""
        library, self._library = self._library, None
        if library is not None and self.isRunning():
            library.interrupt()
        self.wait()
        self._resume_collector()
        if library is not None:
            library.close()
