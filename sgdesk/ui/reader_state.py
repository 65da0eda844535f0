"""What one reader sees, in one object: the library, the node shown, the «Vigente a» date, the
kind of page (a node, the compiled «Funciones», a later change, «Ayuda») and the history.

The controllers read it and listen to its signals instead of reaching into the window; there
is one per tab (a tab is a ReaderState, its page view and its ``Reader``). The narrow interfaces
the controllers use besides it are here too: ``PageView`` (what they do to a reading pane) and
``StatusReporter`` (where their one-line messages go).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from sgdesk.ui.history import History, Place

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtGui import QTextCursor

    from sgdesk.content.anchoring import Fragment
    from sgdesk.library import Library
    from sgdesk.ui.note_margin import PaneMark
    from sgdesk.ui.reading_pane import MarkStep, Passage


class ReaderState(QObject):
    """The shared state of one reader; every setter emits its signal only on a real change."""

    library_changed = Signal(object)  # Library | None
    node_changed = Signal(object)  # the node id shown, or None
    day_changed = Signal(object)  # the «Vigente a» date, or None for today's text
    page_kind_changed = Signal()  # compiled / later change / help switched on or off

    def __init__(self, library: Library | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._node_id: str | None = None
        self._day: date | None = None
        self._compiled = False  # the «Funciones de la Secretaría General» page (compiled art. 7)
        self._later: str | None = None  # the page of this later change not incorporated
        self._help = False  # «Ayuda» is shown instead of a node
        self.history = History()

    # -- what is read ----------------------------------------------------------

    @property
    def library(self) -> Library | None:
        return self._library

    @property
    def node_id(self) -> str | None:
        """The node whose page is (or was last) shown; kept under «Ayuda» and later changes."""
        return self._node_id

    @property
    def day(self) -> date | None:
        """The «Vigente a» date; None means today's text."""
        return self._day

    @property
    def effective_day(self) -> date:
        """The chosen date, or today."""
        return self._day or date.today()

    @property
    def compiled(self) -> bool:
        return self._compiled

    @property
    def showing_later(self) -> str | None:
        return self._later

    @property
    def showing_help(self) -> bool:
        return self._help

    # -- what changes it -------------------------------------------------------

    def set_library(self, library: Library | None) -> None:
        """Another corpus (the caller closes the old one): the page kind goes back to a node."""
        self._library = library
        self._compiled, self._later = False, None
        self.library_changed.emit(library)

    def set_node(self, node_id: str | None) -> None:
        if node_id != self._node_id:
            self._node_id = node_id
            self.node_changed.emit(node_id)

    def set_day(self, day: date | None) -> None:
        if day is not None and day >= date.today():
            day = None  # today or later: today's text
        if day != self._day:
            self._day = day
            self.day_changed.emit(day)

    def set_page_kind(
        self, compiled: bool = False, later: str | None = None, help_page: bool = False
    ) -> None:
        """What the page view shows besides a node's page (all off: the node's own page)."""
        if (compiled, later, help_page) != (self._compiled, self._later, self._help):
            self._compiled, self._later, self._help = compiled, later, help_page
            self.page_kind_changed.emit()


class PageView(Protocol):
    """What the controllers do to a reading pane (``ReadingPane`` is the real one)."""

    def show_html(self, html: str) -> None: ...
    def reading_place(self) -> Place: ...
    def restore_place(self, place: Place) -> None: ...
    def scroll_to_node(self, node_id: str) -> None: ...
    def mark_node(self, node_id: str) -> bool: ...
    def mark_passages(self, passages: Sequence[Passage]) -> int: ...
    def highlight_words(self, spans_of: Callable[[str], list[tuple[int, int]]]) -> int: ...
    def mark_cited(self, node_id: str, first_line: str = "") -> bool: ...
    def clear_search_marks(self) -> None: ...
    def node_at_selection(self) -> str | None: ...
    def selected_fragments(self) -> list[Fragment]: ...
    def step_user_mark(self, step: int) -> MarkStep | None: ...
    def user_mark_at_cursor(self) -> PaneMark | None: ...
    def describe_mark(self, text: str) -> None: ...
    def textCursor(self) -> QTextCursor: ...
    def toPlainText(self) -> str: ...


class StatusReporter(Protocol):
    """Where a controller's one-line messages go (the window's status bar)."""

    def show_status(self, text: str, timeout: int = 8000) -> None: ...
    def clear_status(self) -> None: ...
