"""«Mis notas» off the GUI thread, and kept current when another process writes them.

``NotesLoader``: one worker thread (a ``WorkerHost``) with its own read-only connections (to the user database
and to the corpus) works out what the dock lists: every note placed in the open content
(10 000 of them take a tenth of a second or more), favorites, folders and the noted nodes.
Requests carry a generation number; results of a superseded request are dropped.
Placements are kept per content version on the worker, so listing again after a change
only places what changed.

``NotesWatcher``: the CLI or another window writing the same user database is noticed
without a restart: SQLite's ``PRAGMA data_version`` is read (a few microseconds) on a timer
and whenever the application comes back to the front.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from sgdesk.errors import SgdeskError
from sgdesk.library import Library
from sgdesk.notes import Listing, MyNotes
from sgdesk.ui.worker_host import Worker, WorkerHost

log = logging.getLogger("sgdesk")

WATCH_INTERVAL_MS = 1500  # how often the user database is checked for changes from elsewhere


class _Worker(Worker):
    """Answers with the Listing (``finished``) or a Spanish message (``failed``)."""

    def __init__(self, user_database: Path) -> None:
        super().__init__()
        self._user_database = user_database
        self._notes: MyNotes | None = None
        self._library: Library | None = None

    @Slot(int, object)
    def run(self, generation: int, corpus: Path) -> None:
        if self.superseded(generation):
            return
        try:
            if self._library is None or self._library.info.path != corpus:
                self._close_library()
                self._library = Library.open(corpus)  # opened on this thread
            if self._notes is None:
                self._notes = MyNotes.reader(self._user_database)
            listing = self._notes.listing(self._library)
        except SgdeskError as exc:
            self.failed.emit(generation, exc.message)
            return
        except Exception as exc:  # reported from here: no dialog may open on this thread
            log.exception("Mis notas not listed")
            self.close()
            self.failed.emit(generation, f"No se pudieron listar Mis notas ({exc}).")
            return
        self.finished.emit(generation, listing)

    def _close_library(self) -> None:
        library, self._library = self._library, None
        if library is not None:
            library.close()

    @Slot()
    def close(self) -> None:
        self._close_library()
        notes, self._notes = self._notes, None
        if notes is not None:
            notes.close()


class NotesLoader(QObject):
    """Owns the worker thread (a WorkerHost); emits the listing of the latest request only."""

    listed = Signal(object)  # Listing
    failed = Signal(str)
    _requested = Signal(int, object)

    def __init__(self, user_database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = _Worker(user_database)
        self._host = WorkerHost(self._worker, "myNotesThread", self)
        self._requested.connect(self._worker.run)
        self._host.finished.connect(self._on_finished)
        self._host.failed.connect(self._on_failed)
        self.pending = False  # a request is on its way

    def request(self, corpus: Path) -> int:
        """List Mis notas against the corpus at ``corpus``; earlier requests are abandoned."""
        generation = self._host.advance()
        self.pending = True
        self._requested.emit(generation, corpus)
        return generation

    def _on_finished(self, listing: Listing) -> None:
        self.pending = False
        self.listed.emit(listing)

    def _on_failed(self, message: str) -> None:
        self.pending = False
        self.failed.emit(message)

    def shutdown(self) -> None:
        """Close the worker's connections on its thread, then stop the thread."""
        self._host.shutdown()


class NotesWatcher(QObject):
    """Emits ``changed`` when another connection or process committed to the user database."""

    changed = Signal()

    def __init__(self, probe: Callable[[], object], parent: QObject | None = None,
                 interval_ms: int = WATCH_INTERVAL_MS) -> None:  # fmt: skip
        super().__init__(parent)
        self._probe = probe
        self._seen: object = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_state)

    def start(self) -> None:
        self._seen = self._read()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _on_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self._timer.isActive():
            self.check()

    def check(self, quiet: bool = False) -> bool:
        """Read the probe now; True (and ``changed``, unless ``quiet``) if it moved since."""
        seen = self._read()
        if seen is None or seen == self._seen:
            return False
        self._seen = seen
        if not quiet:
            self.changed.emit()
        return True

    def _read(self) -> object:
        try:
            return self._probe()
        except SgdeskError as exc:
            log.warning("user database not checked for changes: %s", exc.message)
            return None


class NotesSync(QObject):
    """What the «Mis notas» controller uses: listings worked out on the worker thread, and
    word when notes, favorites or folders were changed by another process or window."""

    listed = Signal(object)  # Listing
    failed = Signal(str)
    changed_elsewhere = Signal()

    def __init__(self, notes: MyNotes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = NotesLoader(notes.path, self)
        self._loader.listed.connect(self.listed)
        self._loader.failed.connect(self.failed)
        self._watcher = NotesWatcher(notes.revision, self)
        self._watcher.changed.connect(self.changed_elsewhere)
        self._watcher.start()

    @property
    def pending(self) -> bool:
        """A listing was asked for and has not arrived yet."""
        return self._loader.pending

    def check_elsewhere(self) -> bool:
        """Look now for what another process or window wrote (``changed_elsewhere`` if any)."""
        return self._watcher.check()

    def request(self, corpus: Path) -> None:
        """List again against the corpus at ``corpus``: what changed so far is in it, so the
        watcher does not report it again."""
        self._watcher.check(quiet=True)
        self._loader.request(corpus)

    def shutdown(self) -> None:
        self._watcher.stop()
        self._loader.shutdown()
