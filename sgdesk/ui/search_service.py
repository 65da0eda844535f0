"""Searches off the GUI thread: one worker thread with its own read-only connection.

Every request carries a generation number (``WorkerHost``); results of a superseded request are dropped,
and a running superseded query is interrupted, so typing never waits for SQLite.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from sgdesk.content.query import SearchFilters
from sgdesk.errors import SgdeskError
from sgdesk.library import Library, SearchMode
from sgdesk.ui.worker_host import Worker, WorkerHost

if TYPE_CHECKING:  # the window imports this module on the way to its first frame; the notes
    from sgdesk.notes import MyNotes  # (user database, anchoring) load with the first search

log = logging.getLogger("sgdesk")


PAGE_SIZE = 30  # hits per page of results
SHOWN_WAIT_S = 0.25  # the longest the notes wait for the corpus's results to be shown


class SearchWorker(Worker):
    """Runs on the service's thread with its own connection; ``library`` is None until the
    first search (and after ``close``). Answers with SearchResults or a Spanish message.

    A first page searched with Mis notas is answered twice: the corpus's results as soon as
    they are ready, then, only when some notes match, the same results with those notes first
    (``SearchPanel.show_results`` adds them above the rows already shown). The corpus's hits
    never wait for the notes' index; a notes query a newer search supersedes is not run.

    ``paced`` (a ``SearchService``'s worker): the notes are searched once the corpus's answer
    was shown (``shown``; SHOWN_WAIT_S at most). Searched at once, their Python (rows made
    into notes, placed, made into hits) held Python's lock while the window's thread laid the
    corpus's rows out and painted them: those rows waited for it."""

    def __init__(self, database: Path, notes: Path | None = None) -> None:
        super().__init__()
        self._database = database
        self._notes_path = notes  # the user database: Mis notas are searched too
        self.library: Library | None = None
        self.notes: MyNotes | None = None  # a read-only connection of this thread
        # The GUI thread interrupts while this thread may close the connection: the lock
        # makes "is it open? then interrupt it" one step (see interrupt()).
        self._lock = threading.Lock()
        self.paced = False
        self._shown = threading.Event()
        self._awaited = -1  # the generation whose corpus's answer is waited for

    @Slot(int, str, object, int, int, object)
    def run(self, generation: int, text: str, filters: SearchFilters, limit: int, offset: int,
            mode: SearchMode) -> None:  # fmt: skip
        if self.superseded(generation):
            return
        try:
            library = self.library
            if library is None:
                library = Library.open(self._database)  # opened on this thread
                with self._lock:
                    self.library = library
            from sgdesk.notes_search import search_with_notes, with_notes

            notes = self._my_notes()
            if notes is None or offset or mode.only_notes:
                results = search_with_notes(library, notes, text, filters, limit, offset, mode)
            else:  # the corpus's hits are shown at once; the notes follow, when some match
                corpus = library.search(text, filters, limit, offset, mode.prefix_last, mode.exact)
                if self.paced:
                    self._awaited = generation
                    self._shown.clear()
                self.finished.emit(generation, corpus)
                if self.paced:
                    self._shown.wait(SHOWN_WAIT_S)
                if self.superseded(generation):  # typed on: the newer search comes first
                    return
                results = with_notes(library, notes, corpus, mode)
                if results is corpus:
                    return
        except SgdeskError as exc:
            self.failed.emit(generation, exc.message)
            return
        except Exception as exc:
            # A damaged row, say. Report it from here: the panel would wait forever, and the
            # app's excepthook opens a dialog, which must not happen on this thread.
            log.exception("search %r failed", text)
            self.close()  # afresh: an unfinished statement would make interrupt() stop the next
            self.failed.emit(generation, f"La búsqueda no se pudo completar ({exc}); "
                                         "verifique la base con «sgdesk db check».")  # fmt: skip
            return
        self.finished.emit(generation, results)

    def _my_notes(self) -> MyNotes | None:
        """Mis notas, read on this thread; none until the user database exists (the first note
        creates it: it is looked for again at the next search)."""
        if self.notes is None and self._notes_path is not None and self._notes_path.is_file():
            from sgdesk.notes import MyNotes

            self.notes = MyNotes.reader(self._notes_path)
        return self.notes

    def shown(self, generation: int | None = None) -> None:
        """The answer to ``generation`` was shown or dropped (None: whatever is waited for):
        the notes may be searched. Any thread. (A late word about an earlier answer, its
        notes', does not let the next search's notes start before its corpus is shown.)"""
        if generation is None or generation == self._awaited:
            self._shown.set()

    @Slot()
    def close(self) -> None:
        with self._lock:
            library, self.library = self.library, None
            if library is not None:
                library.close()
        notes, self.notes = self.notes, None
        if notes is not None:
            notes.close()

    def interrupt(self) -> None:
        """Stop the running search, if any; safe from any thread, even while closing."""
        with self._lock:
            if self.library is not None:
                self.library.interrupt()


class SearchService(QObject):
    """Owns the worker thread (a WorkerHost); emits only the results of the latest request."""

    results_ready = Signal(object)  # SearchResults
    failed = Signal(str)
    _requested = Signal(int, str, object, int, int, object)

    def __init__(self, database: Path, parent: QObject | None = None, notes: Path | None = None) -> None:
        super().__init__(parent)
        self._worker = SearchWorker(database, notes)
        self._host = WorkerHost(self._worker, "searchThread", self)
        self._requested.connect(self._worker.run)
        self._host.finished.connect(self.results_ready)
        self._host.failed.connect(self.failed)
        # After the host's connection: the answer was shown (or dropped) when this runs.
        self._worker.paced = True
        self._worker.finished.connect(self._answered)

    @property
    def generation(self) -> int:
        return self._host.generation

    @property
    def search_thread(self) -> QThread:
        """The thread every search runs on."""
        return self._host.worker_thread

    @property
    def worker(self) -> SearchWorker:
        """The object that searches on ``thread`` (its signals carry every answer, superseded
        ones included)."""
        return self._worker

    def search(self, text: str, filters: SearchFilters, limit: int = 30, offset: int = 0,
               mode: SearchMode | None = None) -> int:  # fmt: skip
        """Queue a search; returns its generation. Older searches are abandoned."""
        self.cancel()
        self._requested.emit(self.generation, text, filters, limit, offset, mode or SearchMode())
        return self.generation

    def _answered(self, generation: int, _results: object) -> None:
        self._worker.shown(generation)

    def cancel(self) -> None:
        """Abandon every search asked for so far: none of their results will be emitted."""
        self._host.advance()
        self._worker.interrupt()
        self._worker.shown()  # (a search waiting to search the notes sees it was superseded)

    def shutdown(self) -> None:
        """Stop the running search, close the worker's connection on its thread, then stop the
        thread."""
        self._worker.latest = self._host.generation + 1
        self._worker.shown()  # (a search waiting to search the notes ends now)
        self._host.shutdown()
