"""The «Búsqueda» dock's controller: its panel (built when first needed), the search thread,
recent searches, and the marks an opened hit leaves on the page.

It works on the current reader (``follow``): a hit opens in it, and the marks of the search
go when the query changes. It knows no window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from sgdesk.content.query import SearchFilters
from sgdesk.library import SearchMode, SearchResults
from sgdesk.store.userdb import USER_DB_NAME
from sgdesk.ui.search_service import PAGE_SIZE, SearchService

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QWidget

    from sgdesk.content.model import Node
    from sgdesk.ui.reader import Reader
    from sgdesk.ui.search_panel import SearchPanel
    from sgdesk.ui.state import UiSettings


class SearchController(QObject):
    """Runs the panel's searches off the GUI thread and opens hits in the current reader."""

    results_shown = Signal(object)  # SearchResults the panel now lists
    hit_opened = Signal(str, object)  # node id, Reader it opened in (Ctrl+click: a new tab's)
    new_tab_requested = Signal(str)  # Ctrl+click, middle click or Ctrl+Enter on a result

    def __init__(self, reader: Reader, settings: UiSettings, dock: QDockWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.reader = reader
        self._settings = settings
        self._dock = dock
        self._panel: SearchPanel | None = None
        self.service: SearchService | None = None
        self.last_results: SearchResults | None = None
        self._marked: tuple[Reader, str] | None = None  # the search whose marks a page shows

    def follow(self, reader: Reader) -> None:
        """Hits open in ``reader`` from now on (the tab in front)."""
        self.reader = reader

    def forget(self, reader: Reader) -> None:
        """``reader`` goes (its tab closes): its page's marks are no longer this search's."""
        if self._marked is not None and self._marked[0] is reader:
            self._marked = None

    @property
    def built(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> SearchPanel:
        """Built on first use, or once its dock is shown: it is not needed for the first frame."""
        if self._panel is None:
            from sgdesk.ui.new_tab_clicks import item_view_clicks
            from sgdesk.ui.search_model import NODE_ID_ROLE as HIT_ID_ROLE
            from sgdesk.ui.search_panel import SearchPanel

            panel = SearchPanel(self._dock)
            self._dock.setWidget(panel)
            panel.search_requested.connect(self.run)
            panel.search_cancelled.connect(self.cancel)
            panel.field.textChanged.connect(self._query_changed)
            panel.hit_activated.connect(self._open_hit)
            panel.note_activated.connect(self._open_note)
            panel.query_committed.connect(self._remember)
            panel.recent_cleared.connect(self._forget)
            panel.set_recent(self._settings.recent_searches)
            item_view_clicks(panel.results, HIT_ID_ROLE).requested.connect(self.new_tab_requested)
            self._panel = panel
            self.library_changed()
        return self._panel

    def focus(self) -> None:
        """Ctrl+K: the dock in front, the focus in the field."""
        self._dock.show()
        self._dock.raise_()
        self.panel.focus_field()

    def back_to_results(self) -> None:
        """Ctrl+Shift+B: back to the results list, at the hit that was opened."""
        self._dock.show()
        self._dock.raise_()
        if not self.panel.focus_results():
            self.panel.focus_field()

    def library_changed(self) -> None:
        """Another corpus: the thread searches it; the panel offers only the filters it holds."""
        self.stop()
        library = self.reader.state.library
        if self._panel is not None:
            self._panel.setEnabled(library is not None)
            if library is not None:
                self._panel.set_held(*library.held_filters())

    def search_again(self) -> None:
        """The query in the field, run again (the content under the window changed)."""
        if self._panel is not None and self._panel.field.text().strip():
            self._panel.search_now()

    def run(self, text: str, filters: SearchFilters, offset: int, mode: SearchMode | None = None) -> None:
        library = self.reader.state.library
        if library is None:
            return
        if self.service is None:
            # Mis notas are searched too, from the user database beside the settings.
            notes = self._settings.path.parent / USER_DB_NAME
            self.service = SearchService(library.info.path, self, notes=notes)
            self.service.results_ready.connect(self._on_results)
            self.service.failed.connect(self.panel.show_error)
        self.service.search(text, filters, PAGE_SIZE, offset, mode)

    def cancel(self) -> None:
        if self.service is not None:
            self.service.cancel()

    def stop(self) -> None:
        """Close the search thread (another corpus, or the window closes)."""
        if self.service is not None:
            self.service.shutdown()
            self.service.deleteLater()
            self.service = None

    def _on_results(self, results: SearchResults) -> None:
        self.last_results = results
        self.panel.show_results(results)
        self.results_shown.emit(results)

    def _open_note(self, node_id: str, passage: str) -> None:
        """One of Mis notas: its unit opens at the annotation, as from the Mis notas dock."""
        from sgdesk.ui.my_notes import open_at_passage

        if open_at_passage(self.reader, node_id, passage):
            self.hit_opened.emit(node_id, self.reader)

    def _open_hit(self, node_id: str, _row: int) -> None:
        self.open_hit(node_id, self.reader)

    def open_hit(self, node_id: str, reader: Reader) -> None:
        """Open a hit in ``reader`` and mark what the search found on its page."""
        if reader.open_node(node_id):
            self.mark_hit(node_id, reader)

    def mark_hit(self, node_id: str, reader: Reader) -> None:
        """Mark on ``reader``'s page (showing ``node_id``) what the last search found there."""
        results = self.last_results
        if results is None:
            return
        self._marked = (reader, results.query.text)
        citation, view = results.query.citation, reader.view
        if citation is None:
            view.highlight_words(results.matcher.spans)
        elif not any(hit.cited and hit.node.id == node_id for hit in results.hits) or not (
            view.mark_cited(
                node_id, _first_line(reader.state.library.find(node_id) if reader.state.library else None)
            )
        ):  # another hit of a citation search: its other words only («decreto 267 archivo»)
            view.highlight_words(results.matcher.without_citation(citation).spans)
        self.hit_opened.emit(node_id, reader)

    def _query_changed(self, text: str) -> None:
        """The marks of a search go when its query changes or is emptied."""
        if self._marked is not None and text.strip() != self._marked[1].strip():
            reader, self._marked = self._marked[0], None
            reader.view.clear_search_marks()

    def _remember(self, text: str) -> None:
        self.panel.set_recent(self._settings.add_recent_search(text))

    def _forget(self) -> None:
        self._settings.clear_recent_searches()
        self.panel.set_recent([])


def _first_line(node: Node | None) -> str:
    """The first line of a unit's own text ("" when it has none)."""
    return node.body[0].lines[0] if node and node.body and node.body[0].lines else ""
