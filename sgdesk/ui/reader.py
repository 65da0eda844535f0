"""One reader: a ``ReaderState`` and the page view it is shown in (a tab of the window).

It opens nodes (and the pages that are not nodes: a later change, «Funciones», «Ayuda»),
renders them for the state's «Vigente a» date, keeps the history with the reader's place on
each page, and renders the page again when the date or the library changes. It knows no
window: what it shows goes to a ``PageView``, what it has to say to a ``StatusReporter``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from sgdesk.content.timeline import LATER_PREFIX
from sgdesk.errors import SgdeskError
from sgdesk.export.html import ORG_CHART_LINK, OTHER_CHANGES_LINK, later_change_page, render_html
from sgdesk.library import FUNCTIONS_ARTICLE, FUNCTIONS_TITLE, Library, Page

if TYPE_CHECKING:
    from sgdesk.content.currency import Currency
    from sgdesk.ui.reader_state import PageView, ReaderState, StatusReporter

HOME_NODE = "mision"


class Reader(QObject):
    """Navigation and rendering for one ``ReaderState`` in one ``PageView``."""

    page_shown = Signal(object)  # Page: a node's page was opened (the history, Mis notas record it)
    refreshed = Signal()  # the same page rendered again (another date, another corpus)
    content_replaced = Signal()  # the view shows new content (any of the above, «Ayuda», …)
    org_chart_requested = Signal()  # a link to the organigrama (a dialog, not a page)

    def __init__(self, state: ReaderState, view: PageView, status: StatusReporter,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.state = state
        self.view = view
        self._status = status
        self._currency: tuple[Library, Currency] | None = None
        self.last_page: Page | None = None  # the node page last opened (Mis notas paints it)
        self.other_changes = False  # the banner lists the later changes that miss the page
        state.day_changed.connect(lambda _day: self.refresh())
        state.library_changed.connect(lambda _library: self._forget_currency())

    # -- pages -----------------------------------------------------------------

    def page(self, node_id: str) -> Page:
        library = self.state.library
        assert library is not None
        return library.page(node_id, as_of=self.state.day)

    def render(self, page: Page) -> str:
        """The page as the reading pane shows it: statuses, and the statement of currency."""
        return render_html(page, currency=self.currency(), other_changes=self.other_changes)

    def currency(self) -> Currency | None:
        library = self.state.library
        if library is None:
            return None
        if self._currency is None or self._currency[0] is not library:
            self._currency = (library, library.currency())
        return self._currency[1]

    def _forget_currency(self) -> None:
        self._currency = None

    def open_node(self, node_id: str, record: bool = True) -> bool:
        """Show ``node_id`` (or a later change's page, or the organigrama) for the date."""
        state = self.state
        if state.library is None:
            return False
        if node_id == ORG_CHART_LINK:
            self.org_chart_requested.emit()
            return True
        if node_id == OTHER_CHANGES_LINK:  # the banner's «mostrar…» / «ocultar los otros cambios»
            self.other_changes = not self.other_changes
            self.refresh()
            return True
        if node_id.startswith(LATER_PREFIX):
            return self.open_later(node_id.removeprefix(LATER_PREFIX))
        try:
            page = self.page(node_id)
        except SgdeskError as exc:
            self._status.show_status(exc.message)
            return False
        if record and not state.showing_help and state.node_id == state.history.current:
            state.history.remember(self.view.reading_place())  # Back returns here
        state.set_page_kind()
        if record:
            state.history.visit(page.node.id)
        self.view.show_html(self.render(page))
        self.last_page = page
        state.set_node(page.node.id)
        self.page_shown.emit(page)
        self.content_replaced.emit()
        return True

    def refresh(self) -> None:
        """Render the current page again (another date, another corpus), where the reader was."""
        state = self.state
        if state.showing_help:  # «Ayuda» does not depend on the date
            return
        if state.showing_later is not None and self.open_later(state.showing_later):
            return
        if state.library is None or state.node_id is None:
            return
        place = self.view.reading_place()
        try:
            page = self._compiled_page(state.library) if state.compiled else self.page(state.node_id)
        except SgdeskError as exc:
            self._status.show_status(exc.message)
            return
        self.view.show_html(self.render(page))
        self.refreshed.emit()
        self.view.restore_place(place)
        self.content_replaced.emit()

    def _compiled_page(self, library: Library) -> Page:
        return library.compiled(FUNCTIONS_ARTICLE, self.state.effective_day, FUNCTIONS_TITLE)

    def show_functions(self) -> None:
        """«Funciones de la Secretaría General»: art. 7 as in force on the date, with provenance."""
        if self.state.library is None or not self.open_node(FUNCTIONS_ARTICLE):
            return
        self.state.set_page_kind(compiled=True)
        self.refresh()

    def open_later(self, change_id: str) -> bool:
        """The page of a later change not incorporated: its record and links to what it may have
        altered (the timeline, «Comparar fechas» and the banners lead here)."""
        library = self.state.library
        currency = self.currency()
        change = next((c for c in currency.later if c.id == change_id), None) if currency else None
        if library is None or currency is None or change is None:
            return False
        titles = {t: node.title for t in change.targets if (node := library.find(t)) is not None}
        self.state.set_page_kind(later=change_id)
        self.view.show_html(later_change_page(change, titles, currency))
        self.content_replaced.emit()
        return True

    def open_event(self, event_id: str) -> None:
        """Open what a timeline event changed: its unit marked in its norm, or the norm."""
        library = self.state.library
        if library is None:
            return
        if event_id.startswith(LATER_PREFIX):
            self.open_later(event_id.removeprefix(LATER_PREFIX))
            return
        try:
            page_id, unit_id = library.event_location(event_id)
        except SgdeskError as exc:
            self._status.show_status(exc.message)
            return
        if self.open_node(page_id) and unit_id:
            self.view.scroll_to_node(unit_id)
            self.view.mark_node(unit_id)

    def show_help(self, html: str) -> None:
        """«Ayuda» in the view (Back returns to the page under it)."""
        state = self.state
        if state.node_id == state.history.current and not state.showing_help:
            state.history.remember(self.view.reading_place())
        state.set_page_kind(help_page=True)
        self.view.show_html(html)
        self.content_replaced.emit()

    def show_message(self, html: str) -> None:
        """A page of the application's own (e.g. why the corpus could not be opened)."""
        self.view.show_html(html)

    # -- history ---------------------------------------------------------------

    def can_go_back(self) -> bool:
        return self.state.history.can_go_back() or (
            self.state.showing_help and self.state.node_id is not None
        )

    def can_go_forward(self) -> bool:
        return self.state.history.can_go_forward()

    def go_back(self) -> None:
        state = self.state
        if state.showing_help and state.node_id is not None:  # leave the help page
            self._leave_for(lambda: state.node_id)
        elif state.history.can_go_back():
            self._leave_for(state.history.back)

    def go_forward(self) -> None:
        if self.state.history.can_go_forward():
            self._leave_for(self.state.history.forward)

    def _leave_for(self, step: Callable[[], str | None]) -> None:
        """Back or forward: note the place on this page, move, and return to the place the
        reader had on the page reached."""
        state = self.state
        if state.node_id == state.history.current and not state.showing_help:
            state.history.remember(self.view.reading_place())
        if self.open_node(step() or HOME_NODE, record=False) and state.history.place is not None:
            self.view.restore_place(state.history.place)

    # -- the library -----------------------------------------------------------

    def home(self) -> str:
        return home_of(self.state.library) if self.state.library is not None else HOME_NODE

    def adopt(self, library: Library | None, keep_node: bool) -> None:
        """Another corpus under this reader: the node shown again from it (``keep_node``, when it
        has it) or its home page; a new history unless the node is kept."""
        shown = self.state.node_id if keep_node else None
        self.state.set_library(library)
        self.state.set_node(None)
        if library is None:
            return
        if not keep_node:
            self.state.history = type(self.state.history)()
        target = shown if shown and library.find(shown) else home_of(library)
        self.open_node(target, record=not keep_node)


def home_of(library: Library) -> str:
    """The home page (Misión), or the first root when a corpus has none."""
    if library.find(HOME_NODE):
        return HOME_NODE
    roots = library.children(None)
    return roots[0].id if roots else HOME_NODE
