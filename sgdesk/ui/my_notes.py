"""«Mis notas» in the window: Ctrl+B favorite toggle, «Nota…» (Ctrl+Alt+M), the dock, the history.

The dock (``sgdesk.ui.notes_panel``) lists favorites (by folder), notes placed in the open
content, and «Notas sin ubicar» (passages no longer found, and nodes no longer in the
content) with their original quote. Enter or a double click opens the node. The user
database is the one in the window's data folder (beside ``sgdesk.ini``); when it is
read-only the dock says why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QMessageBox, QWidget

from sgdesk.content.annotations import AnnotationKind
from sgdesk.content.text import find_all
from sgdesk.errors import SgdeskError
from sgdesk.ui.notes_panel import (
    ANNOTATION_ROLE,
    FAVORITE_ROLE,
    FOLDER_ROLE,
    NotesPanel,
    shorten,
)
from sgdesk.ui.reading_pane import Passage
from sgdesk.ui.safe_text import plain, plain_message_box, rich
from sgdesk.ui.theme import HIGHLIGHT_NAMES, NOTE_MARK
from sgdesk.ui.window_docks import on_screen

if TYPE_CHECKING:
    from pathlib import Path

    from sgdesk.content.model import Node
    from sgdesk.library import Library, Page
    from sgdesk.notes import Listing, MyNotes, PlacedAnnotation
    from sgdesk.ui.history_dialog import HistoryDialog
    from sgdesk.ui.notes_loader import NotesSync
    from sgdesk.ui.reader import Reader
    from sgdesk.ui.reader_state import StatusReporter

log = logging.getLogger("sgdesk")

HIGHLIGHT_COLOURS = HIGHLIGHT_NAMES  # «Subrayar» colours, by the name saved (sgdesk.ui.theme paints them)


def confirm(parent: QWidget, title: str, question: str) -> bool:
    """Ask yes/no (the question may carry user data: shown as plain text); «No» is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, plain(title), "", parent=parent)
    plain_message_box(box, question)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def pane_passages(placed: list[PlacedAnnotation]) -> list[Passage]:
    """What the reading pane paints: each passage found, and each note on a whole unit."""
    return [
        Passage(
            p.node_id,
            p.current_text,
            p.annotation.color if p.annotation.color in HIGHLIGHT_NAMES else NOTE_MARK,
            p.annotation.id,
            p.annotation.text,
            p.prefix,
        )
        for p in placed
        if p.current_text or (p.location.found and p.annotation.anchor is None and p.annotation.text)
    ]


class MyNotesActions(QObject):
    """The Mis notas actions and dock, over the user database in ``data_dir``. The actions
    work on the current reader (``follow``); every reader ``watch``ed gets its page painted."""

    noted_changed = Signal(object, object)  # the nodes with notes, and those with some below (the tree)

    def __init__(self, reader: Reader, data_dir: Path, status: StatusReporter, dock: QDockWidget,
                 parent: QWidget) -> None:  # fmt: skip
        super().__init__(parent)
        self._parent = parent
        self._data_dir = data_dir
        self._status = status
        self._dock = dock
        self._notes: MyNotes | None = None  # opened after the first frame (``start``), or when used
        self._pending_visits: list[tuple[Node, date | None]] = []
        self._readers: list[Reader] = []
        self.reader = reader
        self.watch(reader)
        self.panel = NotesPanel(parent)
        self.panel.node_activated.connect(self._open)
        self.panel.filled.connect(self._on_filled)
        self.panel.query_changed.connect(lambda _text: self.refresh())
        self.panel.edit_requested.connect(self.edit_note)
        self.panel.delete_requested.connect(self.delete_note)
        self.panel.unfavorite_requested.connect(self._unfavorite)
        self.panel.new_folder_requested.connect(self.new_folder)
        self.panel.rename_folder_requested.connect(self.rename_folder)
        self.panel.delete_folder_requested.connect(self.delete_folder)
        self.panel.move_requested.connect(self.move_favorite)
        self.panel.favorite_placed.connect(self.place_favorite)
        # Queued: the drop finishes before the model it happened in is listed again.
        self.panel.model.favorite_dropped.connect(self.place_favorite, Qt.ConnectionType.QueuedConnection)
        dock.setWidget(self.panel)
        dock.visibilityChanged.connect(self._on_visibility)
        self.history_dialog: HistoryDialog | None = None
        self.sync: NotesSync | None = None  # listings off the GUI thread; changes made elsewhere
        self._to_select: tuple[int, str] | None = None  # the row to select once listed
        self._listing: Listing | None = None  # the worker's latest (a page's notes come from it)
        self._shown: Listing | None = None  # the listing the dock's rows were made from
        # A listing that comes while the dock is behind another tab (or closed) is made into
        # rows at the next idle turn, so that opening the dock only shows them (#12).
        self._prebuild = QTimer(self)
        self._prebuild.setSingleShot(True)
        self._prebuild.setInterval(0)
        self._prebuild.timeout.connect(self._prebuild_dock)
        self._closed = False

    @property
    def notes(self) -> MyNotes:
        """The user database, opened on first use (not on the way to the first frame)."""
        if self._notes is None:
            from sgdesk.notes import MyNotes
            from sgdesk.ui.notes_loader import NotesSync

            self._notes = MyNotes.open(self._data_dir)
            self.panel.show_problem(self._notes.problem)
            if not self._closed:  # (a window closed before its first frame starts no thread)
                self.sync = NotesSync(self._notes, self)
                self.sync.listed.connect(self._on_listed)
                self.sync.failed.connect(self.panel.show_problem)
                self.sync.changed_elsewhere.connect(self._on_changed_elsewhere)
            pending, self._pending_visits = self._pending_visits, []
            for node, as_of in pending:  # the pages shown before it was opened
                self._record(node, as_of)
        return self._notes

    def start(self) -> None:
        """After the first frame: open the user database, paint the page, fill the dock."""
        if self._closed:  # the window was closed before its first frame
            return
        self.notes  # noqa: B018 (opens it)
        self.paint_pages()
        self.mark_tree()
        self.refresh()

    @property
    def _library(self) -> Library | None:
        return self.reader.state.library

    def follow(self, reader: Reader) -> None:
        """The actions (Ctrl+B, «Nota…», «Subrayar») now work on ``reader`` (the tab in front)."""
        self.reader = reader

    def watch(self, reader: Reader) -> None:
        """Record and paint what ``reader`` shows (every tab's reader is watched)."""
        self._readers.append(reader)
        reader.page_shown.connect(lambda page: self.page_shown(page, reader))
        reader.refreshed.connect(lambda: self.paint_page(reader))
        reader.destroyed.connect(lambda: self._readers.remove(reader) if reader in self._readers else None)

    def unwatch(self, reader: Reader) -> None:
        if reader in self._readers:
            self._readers.remove(reader)

    def _show_status(self, text: str, timeout: int) -> None:
        self._status.show_status(text, timeout)

    def toggle_favorite(self) -> None:
        """Ctrl+B: the node shown becomes a favorite, or stops being one."""
        library, node_id = self._library, self.reader.state.node_id
        if library is None or node_id is None:
            return
        try:
            if self.notes.add_favorite(library, node_id):
                message = self.tr("Agregado a Mis notas › Favoritos: %1")
            else:
                self.notes.remove_favorite(library, node_id)
                message = self.tr("Quitado de favoritos: %1")
        except SgdeskError as exc:
            self._show_status(exc.message, 10000)
            return
        self._show_status(message.replace("%1", library.node(node_id).title), 5000)
        self.refresh()

    def add_note(self) -> None:
        """Ctrl+Alt+M: a note on the selected passage, or on the whole unit shown."""
        library, current = self._library, self.reader.state.node_id
        if library is None or current is None:
            return
        pane = self.reader.view
        quote = " ".join(pane.textCursor().selectedText().split()) or None
        node_id = (pane.node_at_selection() if quote else None) or current
        text = self._ask_note_text(library.node(node_id).citation or library.node(node_id).title, quote)
        if not text:
            return
        try:
            if quote is None:
                self.notes.add_note(library, node_id, text)
                message = self.tr("Nota guardada.")
            else:
                saved = self.notes.add_passages(library, pane.selected_fragments(), text)
                message = (
                    self.tr("Nota guardada.")
                    if len(saved) == 1
                    else self.tr(
                        "Nota guardada; el pasaje abarca %1 disposiciones y queda marcado en todas."
                    ).replace("%1", str(len(saved)))
                )
        except SgdeskError as exc:
            self._show_status(exc.message, 10000)
            return
        self._show_status(message, 5000)
        self.paint_pages()
        self.mark_tree()
        self.refresh()

    def _ask_note_text(self, where: str, quote: str | None, current: str = "") -> str:
        from PySide6.QtWidgets import QInputDialog

        about = f"«{shorten(quote)}», {where}" if quote else where
        QTimer.singleShot(0, self, self._name_note_field)  # once the dialog below is up
        text, accepted = QInputDialog.getMultiLineText(
            self._parent, self.tr("Nota"), rich(self.tr("Nota sobre %1:").replace("%1", about)), current
        )
        return text.strip() if accepted else ""

    def _name_note_field(self) -> None:
        """A screen reader names the note's field, not only the label above it (Qt's
        getMultiLineText builds its dialog itself and leaves the field unnamed)."""
        from PySide6.QtWidgets import QApplication, QInputDialog, QPlainTextEdit

        dialog = QApplication.activeModalWidget()
        editor = dialog.findChild(QPlainTextEdit) if isinstance(dialog, QInputDialog) else None
        if editor is not None:
            editor.setAccessibleName(self.tr("Texto de la nota"))

    def edit_note(self, annotation_id: str) -> None:
        """F2 / double click / «Editar…»: the note dialog with the note's text; OK saves it."""
        try:
            note = self.notes.annotation(annotation_id)
            quote = note.anchor.exact if note.anchor else None
            text = self._ask_note_text(note.node_title or note.node_id, quote, note.text)
            if not text or text == note.text:
                return
            self.notes.edit_note(annotation_id, text)
        except SgdeskError as exc:
            self._show_status(exc.message, 10000)
            return
        self._show_status(self.tr("Nota modificada."), 5000)
        self.paint_pages()  # the margin's hover shows the new text
        self.refresh()
        self._select_note(annotation_id)

    def step_note(self, step: int) -> None:
        """F8 / Shift+F8: to the next (previous) note or highlight of the page in front; the
        pane takes the focus with the passage selected, and the status bar and the pane's
        accessible description say which it is (a screen reader reads the note)."""
        pane = self.reader.view
        went = pane.step_user_mark(step)
        if went is None:
            self._show_status(self.tr("Esta página no tiene notas ni subrayados."), 5000)
            return
        mark = went.mark
        what = self.tr("Nota") if mark.note else self.tr("Subrayado")
        where = f"«{shorten(mark.quote)}»" if mark.quote else self.tr("sobre toda la disposición")
        parts = [f"{what} {went.number} de {went.total}: {where}"]
        if mark.note:
            parts.append(shorten(mark.note))
        if went.wrapped:
            parts.append(self.tr("de vuelta al principio") if step > 0 else self.tr("de vuelta al final"))
        if mark.note:
            parts.append(self.tr("Ctrl+F8 la edita"))
        message = " — ".join(parts)
        pane.describe_mark(message)
        self._show_status(message, 10000)

    def edit_note_at_cursor(self) -> None:
        """Ctrl+F8: edit the note of the passage the cursor is on (the one F8 went to), in
        the same editor the ✎ in the margin opens."""
        mark = self.reader.view.user_mark_at_cursor()
        if mark is None or not mark.annotation_id:
            self._show_status(self.tr("El cursor no está en una nota: F8 va a la siguiente."), 5000)
            return
        self.edit_note(mark.annotation_id)

    def delete_note(self, annotation_id: str) -> None:
        """Supr / «Eliminar»: after the user confirms, the note or highlight is deleted."""
        try:
            note = self.notes.annotation(annotation_id)
            what = self.tr("el subrayado") if note.kind is AnnotationKind.HIGHLIGHT else self.tr("la nota")
            about = f"«{shorten(note.text or (note.anchor.exact if note.anchor else ''))}»"
            question = self.tr("¿Eliminar %1 %2 de %3? No se puede deshacer.")
            question = question.replace("%1", what).replace("%2", about).replace("%3", note.node_title)
            if not confirm(self._parent, self.tr("Eliminar nota"), question):
                return
            self.notes.delete_annotation(annotation_id)
        except SgdeskError as exc:
            self._show_status(exc.message, 10000)
            return
        self._show_status(self.tr("Nota eliminada."), 5000)
        self.paint_pages()
        self.mark_tree()
        self.refresh()

    def _unfavorite(self, node_id: str) -> None:
        library = self._library
        if library is None:
            return
        question = self.tr("¿Quitar «%1» de favoritos?").replace("%1", node_id)
        if not confirm(self._parent, self.tr("Quitar de favoritos"), question):
            return
        try:
            self.notes.remove_favorite(library, node_id)
        except SgdeskError as exc:
            self._show_status(exc.message, 10000)
            return
        self._show_status(self.tr("Quitado de favoritos."), 5000)
        self.refresh()

    def _select_note(self, annotation_id: str) -> None:
        self._select(ANNOTATION_ROLE, annotation_id)

    def _select(self, role: int, value: str) -> None:
        """Select the row (now, and again once the listing asked for arrives)."""
        self._to_select = (role, value)
        self._select_now(role, value)

    def _select_now(self, role: int, value: str) -> None:
        self.panel.reveal(role, value)
        model = self.panel.model
        found = model.match(
            model.index(0, 0), role, value, 1, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        )
        if found:
            self.panel.view.setCurrentIndex(found[0])

    def new_folder(self) -> None:
        """«Nueva carpeta de favoritos…» (Ctrl+Mayús+N in the dock)."""
        from PySide6.QtWidgets import QInputDialog

        name, accepted = QInputDialog.getText(
            self._parent, self.tr("Nueva carpeta"), self.tr("Nombre de la carpeta de favoritos:")
        )
        if accepted and self._saved(lambda: self.notes.create_folder(name)):
            self.refresh()
            self._select(FOLDER_ROLE, " ".join(name.split()))

    def rename_folder(self, old: str) -> None:
        """F2 on a folder: «Cambiar nombre…»."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        name, accepted = QInputDialog.getText(
            self._parent, self.tr("Cambiar nombre"),
            rich(self.tr("Nuevo nombre de «%1»:").replace("%1", old)), QLineEdit.EchoMode.Normal, old,
        )  # fmt: skip
        if accepted and name != old and self._saved(lambda: self.notes.rename_folder(old, name)):
            self.refresh()
            self._select(FOLDER_ROLE, " ".join(name.split()))

    def delete_folder(self, name: str) -> None:
        """Supr on a folder: after the user confirms, it goes; its favorites stay, at the top."""
        question = self.tr("¿Eliminar la carpeta «%1»? Sus favoritos no se borran: quedan en Favoritos.")
        if not confirm(self._parent, self.tr("Eliminar carpeta"), question.replace("%1", name)):
            return
        if self._saved(lambda: self.notes.delete_folder(name)):
            self._show_status(self.tr("Carpeta eliminada."), 5000)
            self.refresh()
            self._select(FOLDER_ROLE, "")

    def move_favorite(self, node_id: str) -> None:
        """«Mover a carpeta…» (Ctrl+Mayús+M): choose a folder, or none."""
        from PySide6.QtWidgets import QInputDialog

        top = self.tr("(sin carpeta)")
        try:
            folders = self.notes.folders()
        except SgdeskError as exc:
            self._show_status(exc.message, 10000)
            return
        if not folders:
            self._show_status(self.tr("Primero cree una carpeta (Ctrl+Mayús+N)."), 8000)
            return
        choice, accepted = QInputDialog.getItem(
            self._parent, self.tr("Mover a carpeta"), self.tr("Carpeta:"), [top, *folders], 0, False
        )
        if accepted:
            self.place_favorite(node_id, "" if choice == top else choice, -1)

    def place_favorite(self, node_id: str, folder: str, row: int) -> None:
        """A favorite dragged (or moved with Alt+↑/↓ or «Mover a carpeta…») to ``row`` of ``folder``."""
        if self._saved(lambda: self.notes.place_favorite(node_id, folder, None if row < 0 else row)):
            self.refresh()
            self._select(FAVORITE_ROLE, node_id)

    def _saved(self, write: Callable[[], object]) -> bool:
        try:
            write()
        except SgdeskError as exc:
            self._show_status(exc.message, 10000)
            return False
        return True

    def _on_visibility(self, visible: bool) -> None:
        """The dock opened (Ctrl+4, its tab, Ver): it shows the rows made from the latest
        listing at once; the worker is asked again only when they may be out of date."""
        if not visible:
            return
        if self.sync is None or self.panel.search_field.text().strip():
            self.refresh()  # not listed yet, or a search to run again
            return
        self.sync.check_elsewhere()  # another process's writes since: listed again now
        if self.sync.pending:
            return  # the listing on its way fills the dock, now on screen
        if self._listing is None:
            self.refresh()
        elif self._listing is not self._shown:
            self._show_listing(self._listing)

    def refresh(self) -> None:
        """List the entries again: the worker thread places every note (the tree's marks come
        from the same listing, so it is asked for even while the dock is hidden)."""
        library = self._library
        if library is None:
            if self._dock.isVisible():
                self.panel.show_entries([], [])
                self._shown = None
            return
        query = self.panel.search_field.text().strip()
        try:
            if query and self._dock.isVisible():
                self.panel.show_found(self.notes.search(library, query))
                self._shown = None
        except SgdeskError as exc:
            self.panel.show_problem(exc.message)
        self.notes  # noqa: B018 (opened, with its worker)
        if self.sync is not None:
            self.sync.request(library.info.path)

    def _on_listed(self, listing: Listing) -> None:
        """The worker's listing: mark the tree; fill the dock (unless it shows a search)."""
        self._listing = listing
        self.noted_changed.emit(listing.noted, listing.within)
        if self.panel.search_field.text().strip():
            return
        if on_screen(self._dock):
            self._show_listing(listing)
        elif listing.favorites or listing.notes or listing.folders:
            # Behind another tab, or closed: made when the window is idle, not on screen (a
            # dock in a tab behind is "visible" for Qt, but nothing of it is painted).
            self._prebuild.start()

    def _prebuild_dock(self) -> None:
        """The latest listing's rows, made while the dock is not seen (see ``_on_listed``)."""
        listing = self._listing
        if listing is not None and listing is not self._shown and not self.panel.search_field.text().strip():
            self._show_listing(listing)
            self.panel.rows.prepare()  # their texts laid out too: opening the dock only draws them

    def _show_listing(self, listing: Listing) -> None:
        self.panel.show_entries(listing.favorites, listing.notes, listing.folders, listing.located)
        self._shown = listing

    def _on_filled(self) -> None:
        """Every row is in the dock: select the one an action asked for."""
        if self._to_select is not None:
            self._select_now(*self._to_select)
            self._to_select = None

    def _on_changed_elsewhere(self) -> None:
        """Another process or window changed notes, favorites or folders: show them now."""
        self.paint_pages()
        self.refresh()

    @property
    def listing_pending(self) -> bool:
        """A listing was asked of the worker and has not arrived yet (for tests)."""
        return (self.sync is not None and self.sync.pending) or self.panel.filling

    def mark_tree(self) -> None:
        """The navigation tree marks the nodes that carry notes or highlights (and, with a
        dot, their parents): from the worker's listing."""
        self.refresh()

    def page_shown(self, page: Page, reader: Reader) -> None:
        """A page is in a reader's view: it goes to the history (when it is kept and can be
        saved), and its highlighted and annotated passages are painted."""
        if self._notes is None:  # before the first frame: recorded and painted by ``start``
            self._pending_visits.append((page.node, page.as_of))
            return
        self._record(page.node, page.as_of)
        self.paint_page(reader)

    def paint_pages(self) -> None:
        for reader in self._readers:
            self.paint_page(reader)

    def paint_page(self, reader: Reader | None = None) -> None:
        """Paint the passages of the page ``reader`` shows (the current one's by default) that
        carry a highlight or a note."""
        reader = reader or self.reader
        library, page = reader.state.library, reader.last_page
        if library is None or page is None or self._notes is None or reader.state.showing_help:
            return
        try:
            placed = self.notes.on_page(library, [unit.node.id for unit in page.units], self._listing)
        except SgdeskError as exc:
            log.warning("highlights not painted: %s", exc.message)
            return
        reader.view.mark_passages(pane_passages(placed))

    def highlight(self, colour: str) -> None:
        """«Subrayar»: mark the selected passage in ``colour`` (a key of HIGHLIGHT_COLOURS)."""
        library, current = self._library, self.reader.state.node_id
        if library is None or current is None:
            return
        pane = self.reader.view
        quote = " ".join(pane.textCursor().selectedText().split())
        if not quote:
            self._show_status(self.tr("Seleccione en el texto el pasaje que quiere subrayar."), 5000)
            return
        try:
            self.notes.add_passages(library, pane.selected_fragments(), "", AnnotationKind.HIGHLIGHT, colour)
        except SgdeskError as exc:
            self._show_status(exc.message, 10000)
            return
        self._show_status(self.tr("Subrayado en %1.").replace("%1", colour), 5000)
        self.paint_pages()
        self.mark_tree()
        self.refresh()

    def _record(self, node: Node, as_of: date | None) -> None:
        try:
            self.notes.record_visit(node, as_of)
        except SgdeskError as exc:  # the history is not worth interrupting the reader for
            log.warning("visit not recorded: %s", exc.message)

    def show_history(self) -> None:
        """Ctrl+H: the pages opened, newest first; Enter opens one."""
        from sgdesk.ui.history_dialog import HistoryDialog

        try:
            visits = self.notes.visits()
        except SgdeskError as exc:
            self._show_status(exc.message, 10000)
            return
        dialog = HistoryDialog(visits, self.notes.history_days, self.notes.problem is not None, self._parent)
        dialog.node_activated.connect(lambda node_id: self.reader.open_node(node_id))
        dialog.clear_requested.connect(self._clear_history)
        dialog.days_changed.connect(self._set_history_days)
        self.history_dialog = dialog
        dialog.open()

    def _clear_history(self) -> None:
        try:
            self.notes.clear_history()
        except SgdeskError as exc:
            self._show_status(exc.message, 10000)

    def _set_history_days(self, days: int) -> None:
        try:
            self.notes.set_history_days(days)
        except SgdeskError as exc:
            self._show_status(exc.message, 10000)

    def _open(self, node_id: str, passage: str) -> None:
        open_at_passage(self.reader, node_id, passage)

    def close(self) -> None:
        self._closed = True
        self._prebuild.stop()
        if self.sync is not None:
            self.sync.shutdown()
            self.sync = None
        if self._notes is not None:
            self._notes.close()


def open_at_passage(reader: Reader, node_id: str, passage: str) -> bool:
    """Open the node in ``reader``; mark the annotated passage on it and scroll there (a note
    opened from the dock or from the search results). False if the node could not be opened."""
    if not reader.open_node(node_id):
        return False
    if passage:
        reader.view.highlight_words(
            lambda paragraph: [(start, start + len(passage)) for start in find_all(paragraph, passage)]
        )
    return True
