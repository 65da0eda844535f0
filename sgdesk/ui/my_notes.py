"""«Mis notas» in the window: Ctrl+B favorite toggle, «Nota…» (Ctrl+Alt+M), the dock, the history.

The dock lists favorites (by folder), notes placed in the open content, and «Notas sin
ubicar» (passages no longer found, and nodes no longer in the content) with their original
quote. Enter or a double click opens the node. The user database is the one in the window's
data folder (beside ``sgdesk.ini``); when it is read-only the dock says why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from sgdesk.content.annotations import AnnotationKind
from sgdesk.content.text import find_all
from sgdesk.errors import SgdeskError
from sgdesk.ui.reading_pane import Passage
from sgdesk.ui.safe_text import plain, plain_message_box, rich, rich_lines, set_plain_text
from sgdesk.ui.theme import HIGHLIGHT_NAMES, NOTE_MARK
from sgdesk.ui.widgets import enable_clear_button

if TYPE_CHECKING:
    from pathlib import Path

    from sgdesk.content.model import Node
    from sgdesk.library import Library, Page
    from sgdesk.notes import Listing, MyNotes, PlacedAnnotation, PlacedFavorite
    from sgdesk.ui.history_dialog import HistoryDialog
    from sgdesk.ui.notes_loader import NotesSync
    from sgdesk.ui.reader import Reader
    from sgdesk.ui.reader_state import StatusReporter

log = logging.getLogger("sgdesk")

NODE_ROLE = Qt.ItemDataRole.UserRole + 1  # the node an entry opens
PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 2  # the annotated passage as the node reads now
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 3  # a note's or highlight's id
FAVORITE_ROLE = Qt.ItemDataRole.UserRole + 4  # a favorite's stored node id (even when gone)
FOLDER_ROLE = Qt.ItemDataRole.UserRole + 5  # a favorites folder's name
NOTES_LISTED = 500  # the dock lists the latest notes; «Solo mis notas» finds any of them
FILL_SLICE = 20  # rows of the dock made per turn of the event loop, while they are on screen
QUOTE_LIMIT = 90
HIGHLIGHT_COLOURS = HIGHLIGHT_NAMES  # «Subrayar» colours, by the name saved (sgdesk.ui.theme paints them)
GROUP_FAVORITES, GROUP_NOTES, GROUP_UNPLACED = "Favoritos", "Notas", "Notas sin ubicar"
GROUP_FOUND = "Encontradas en mis notas"
FAVORITE_MIME = "application/x-sgdesk-favorite"  # a favorite dragged in the dock: its node id
_Index = QModelIndex | QPersistentModelIndex


def _no_drag(item: QStandardItem) -> QStandardItem:
    item.setDragEnabled(False)
    item.setDropEnabled(False)
    return item


class NotesModel(QStandardItemModel):
    """The dock's entries; a favorite can be dragged onto a folder, the «Favoritos» group or
    beside another favorite (only they are drag-enabled, only they and folders take drops).
    The drop is not applied to the model: ``favorite_dropped`` (node id, folder, row among
    that folder's favorites or -1 for the end) says where it goes, the user database is
    changed, and the dock is listed again."""

    favorite_dropped = Signal(str, str, int)

    def mimeTypes(self) -> list[str]:
        return [FAVORITE_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        favorites = [str(i.data(FAVORITE_ROLE)) for i in indexes if i.data(FAVORITE_ROLE)]
        if favorites:
            data.setData(FAVORITE_MIME, favorites[0].encode("utf-8"))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: _Index) -> bool:  # fmt: skip
        return data.hasFormat(FAVORITE_MIME) and self._target(row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: _Index) -> bool:  # fmt: skip
        target = self._target(row, parent)
        if not data.hasFormat(FAVORITE_MIME) or target is None:
            return False
        node_id = bytes(data.data(FAVORITE_MIME).data()).decode("utf-8", "replace")
        self.favorite_dropped.emit(node_id, *target)
        return False  # the model is rebuilt from the database, nothing to remove here

    def _target(self, row: int, parent: _Index) -> tuple[str, int] | None:
        """(folder, position among its favorites; -1: the end) for a drop at ``row`` of ``parent``."""
        if parent.data(FAVORITE_ROLE):  # onto a favorite: just before it
            return self._target(parent.row(), parent.parent())
        folder = parent.data(FOLDER_ROLE)
        if folder is None:
            return None
        # A folder's rows are all favorites, and «Favoritos» lists its own before its folders:
        # a row past them means the end of the list, and the database clamps it so.
        return str(folder), row


@dataclass
class _PendingRows:
    """Rows still to be made under ``parent``, from ``position`` on."""

    parent: QStandardItem
    position: int
    entries: list[Any]
    make: Callable[[Any], QStandardItem]


class NotesTree(QTreeView):
    """The dock's tree: a double click on a note edits it (Enter still opens it)."""

    note_double_clicked = Signal(str)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        annotation_id = self.indexAt(event.position().toPoint()).data(ANNOTATION_ROLE)
        if annotation_id:
            self.note_double_clicked.emit(str(annotation_id))
            return
        super().mouseDoubleClickEvent(event)


class NotesPanel(QWidget):
    """The dock's contents: a tree of entries; emits ``node_activated`` with a node id and the
    passage to mark on it ("" for none), ``edit_requested``/``delete_requested`` with a note's
    id (F2 or a double click / Supr), ``unfavorite_requested`` with a favorite's node id."""

    node_activated = Signal(str, str)
    query_changed = Signal(str)
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    unfavorite_requested = Signal(str)
    new_folder_requested = Signal()
    rename_folder_requested = Signal(str)
    delete_folder_requested = Signal(str)
    move_requested = Signal(str)  # a favorite's node id: choose its folder
    favorite_placed = Signal(str, str, int)  # node id, folder, row (-1: the end)
    filled = Signal()  # every row on screen (and a screenful below) of the last listing is made

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pending: list[_PendingRows] = []
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(0)
        self._fill_timer.timeout.connect(self._fill_more)
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.hide()
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("myNotesSearch")
        self.search_field.setPlaceholderText(self.tr("Solo mis notas: buscar…"))
        self.search_field.setAccessibleName(self.tr("Buscar solo en mis notas"))
        enable_clear_button(self.search_field)
        self.search_field.textChanged.connect(self.query_changed)
        self.model = NotesModel(self)
        self.view = NotesTree(self)
        self.view.setObjectName("myNotesTree")
        self.view.setAccessibleName(self.tr("Mis notas: favoritos y notas"))
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)  # one line per row: no need to measure thousands
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.setDragDropMode(QTreeView.DragDropMode.DragDrop)  # favorites only (see NotesModel)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setModel(self.model)
        self.view.activated.connect(self._on_activated)  # Enter, or a double click
        self.view.note_double_clicked.connect(self.edit_requested)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.edit_action = self._view_action("&Editar nota…", self._edit_current, QKeySequence(Qt.Key.Key_F2))
        self.delete_action = self._view_action(
            "E&liminar nota", self._delete_current, QKeySequence(QKeySequence.StandardKey.Delete)
        )
        self.new_folder_action = self._view_action(
            "&Nueva carpeta de favoritos…", self.new_folder_requested.emit, QKeySequence("Ctrl+Shift+N")
        )
        self.move_action = self._view_action(
            "&Mover favorito a carpeta…", self._move_current, QKeySequence("Ctrl+Shift+M")
        )
        self.up_action = self._view_action(
            "&Subir favorito", lambda: self._shift_current(-1), QKeySequence("Alt+Up")
        )
        self.down_action = self._view_action(
            "&Bajar favorito", lambda: self._shift_current(1), QKeySequence("Alt+Down")
        )
        # Rows are made as they come on screen: scrolling, opening a folder, a taller dock.
        self.view.verticalScrollBar().valueChanged.connect(self._fill_soon)
        self.view.expanded.connect(self._fill_soon)
        self.view.viewport().installEventFilter(self)
        self.view.selectionModel().currentChanged.connect(self._enable_actions)
        self.model.modelReset.connect(self._enable_actions)
        self._enable_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.search_field)
        layout.addWidget(self.view)

    def _view_action(self, text: str, slot: object, key: QKeySequence) -> QAction:
        """An action of the tree's context menu whose key works while the tree has the focus."""
        action = QAction(self.tr(text), self.view)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def _enable_actions(self) -> None:
        """The context menu offers what applies to the entry chosen (a note, a favorite, a folder)."""
        index = self.view.currentIndex()
        note, favorite = bool(index.data(ANNOTATION_ROLE)), bool(index.data(FAVORITE_ROLE))
        folder = bool(index.data(FOLDER_ROLE))  # not the «Favoritos» group (its folder is "")
        if folder:
            self.edit_action.setText(self.tr("Cambiar &nombre de la carpeta…"))
        else:
            self.edit_action.setText(self.tr("&Editar nota…"))
        self.edit_action.setEnabled(note or folder)
        if favorite:
            self.delete_action.setText(self.tr("&Quitar de favoritos"))
        elif folder:
            self.delete_action.setText(self.tr("E&liminar carpeta"))
        else:
            self.delete_action.setText(self.tr("E&liminar nota"))
        self.delete_action.setEnabled(note or favorite or folder)
        for action in (self.move_action, self.up_action, self.down_action):
            action.setEnabled(favorite)

    def _edit_current(self) -> None:
        index = self.view.currentIndex()
        if index.data(ANNOTATION_ROLE):
            self.edit_requested.emit(str(index.data(ANNOTATION_ROLE)))
        elif index.data(FOLDER_ROLE):  # a folder (not the «Favoritos» group itself)
            self.rename_folder_requested.emit(str(index.data(FOLDER_ROLE)))

    def _move_current(self) -> None:
        node_id = self.view.currentIndex().data(FAVORITE_ROLE)
        if node_id:
            self.move_requested.emit(str(node_id))

    def _shift_current(self, step: int) -> None:
        """Alt+Up / Alt+Down: the favorite goes one place up or down in its folder."""
        index = self.view.currentIndex()
        node_id = index.data(FAVORITE_ROLE)
        if not node_id:
            return
        siblings = [
            self.model.index(r, 0, index.parent()).data(FAVORITE_ROLE)
            for r in range(self.model.rowCount(index.parent()))
        ]
        favorites = [s for s in siblings if s] + self.pending_favorites(index.parent())
        position = favorites.index(node_id) + step
        if 0 <= position < len(favorites):
            self.favorite_placed.emit(str(node_id), str(index.parent().data(FOLDER_ROLE) or ""), position)

    def _delete_current(self) -> None:
        index = self.view.currentIndex()
        if index.data(ANNOTATION_ROLE):
            self.delete_requested.emit(str(index.data(ANNOTATION_ROLE)))
        elif index.data(FAVORITE_ROLE):
            self.unfavorite_requested.emit(str(index.data(FAVORITE_ROLE)))
        elif index.data(FOLDER_ROLE):  # a folder (not the «Favoritos» group itself)
            self.delete_folder_requested.emit(str(index.data(FOLDER_ROLE)))

    def show_problem(self, problem: str | None) -> None:
        set_plain_text(self.problem_label, problem or "")
        self.problem_label.setVisible(bool(problem))

    def show_entries(
        self, favorites: list[PlacedFavorite], notes: list[PlacedAnnotation],
        folders: list[str] | None = None,
        located: tuple[list[PlacedAnnotation], list[PlacedAnnotation]] | None = None,
    ) -> None:  # fmt: skip
        """List favorites (by folder), the latest notes and the unplaced ones. The groups and
        folders are made now, and the first FILL_SLICE rows on screen; the other rows when
        they come on screen (or a screenful below), FILL_SLICE per turn of the event loop:
        the window answers at once with a thousand favorites, and rows nobody scrolls to are
        never made. ``filled``: what shows is made."""
        self._stop_filling()
        self.model.clear()
        root = self.model.invisibleRootItem()
        root.appendRow(self._favorites_group(favorites, folders or []))
        if located is None:  # (the worker's listing comes with them split)
            located = [n for n in notes if n.location.found], [n for n in notes if not n.location.found]
        placed, unplaced = located
        notes_group = self._group(self.tr(GROUP_NOTES), [], len(placed))
        if len(placed) > NOTES_LISTED:
            more = QStandardItem(
                self.tr("… y %1 anteriores: búsquelas con «Solo mis notas»").replace(
                    "%1", str(len(placed) - NOTES_LISTED)
                )
            )
            more.setSelectable(False)
            notes_group.appendRow(_no_drag(more))
        self._add(notes_group, placed[-NOTES_LISTED:], self._note_item)  # the latest ones
        root.appendRow(notes_group)
        unplaced_group = self._group(self.tr(GROUP_UNPLACED), [], len(unplaced))
        self._add(unplaced_group, unplaced, self._note_item)
        root.appendRow(unplaced_group)
        self._expand_groups()  # rows added later go into these expanded groups
        self._fill_more()  # the first slice now; what else shows, in the next turns

    def _expand_groups(self) -> None:
        """Open the groups and folders (not every row: thousands of them would be walked)."""
        root = self.model.invisibleRootItem()
        for row in range(root.rowCount()):
            group = root.child(row)
            self.view.expand(group.index())
            for inner in range(group.rowCount()):
                child = group.child(inner)
                if child.data(FOLDER_ROLE) is not None:
                    self.view.expand(child.index())

    @property
    def filling(self) -> bool:
        """Rows that are on screen are still being made (a slice per turn of the event loop)."""
        return self._fill_timer.isActive()

    def _add(
        self, parent: QStandardItem, entries: Sequence[object], make: Callable[[Any], QStandardItem]
    ) -> None:
        """The entries' rows under ``parent``, made when they come on screen."""
        if entries:
            self._pending.append(_PendingRows(parent, parent.rowCount(), list(entries), make))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:  # a taller dock shows more rows
            self._fill_soon()
        return super().eventFilter(watched, event)

    def _fill_soon(self) -> None:
        if self._pending and not self._fill_timer.isActive():
            self._fill_timer.start()

    def _fill_more(self) -> None:
        """Make a slice of the rows that are on screen, or a screenful below; again next turn
        while there are more; ``filled`` when what shows is made."""
        budget = FILL_SLICE
        while budget > 0:
            pending = next((p for p in self._pending if self._on_screen(p)), None)
            if pending is None:
                self.filled.emit()
                return
            budget -= self._make(pending, budget)
        self._fill_timer.start()

    def _on_screen(self, pending: _PendingRows) -> bool:
        """Whether the place ``pending``'s rows go is on screen or within a screenful below."""
        parent = pending.parent.index()
        if not self.view.isExpanded(parent):
            return False
        above = pending.parent.child(pending.position - 1).index() if pending.position else parent
        rect = self.view.visualRect(above)
        height = self.view.viewport().height()
        return rect.isValid() and rect.bottom() >= 0 and rect.top() <= 2 * height

    def _make(self, pending: _PendingRows, count: int) -> int:
        """Make the next ``count`` rows of ``pending``; how many were made."""
        batch, pending.entries = pending.entries[:count], pending.entries[count:]
        pending.parent.insertRows(pending.position, [pending.make(entry) for entry in batch])
        pending.position += len(batch)
        if not pending.entries:
            self._pending.remove(pending)
        return len(batch)

    def fill_all(self) -> None:
        """Make every row now (what a search of the whole tree needs)."""
        while self._pending:
            self._make(self._pending[0], len(self._pending[0].entries))

    def reveal(self, role: int, value: str) -> None:
        """Make the rows up to the favorite (FAVORITE_ROLE) or note (ANNOTATION_ROLE) ``value``,
        if it is still to be made, so that it can be selected."""
        for pending in list(self._pending):
            found = next(
                (i for i, entry in enumerate(pending.entries) if _entry_value(entry, role) == value), None
            )
            if found is not None:
                self._make(pending, found + 1)
                return

    def pending_favorites(self, parent: QModelIndex) -> list[str]:
        """The node ids of the favorites still to be made under ``parent``, in order."""
        return [
            str(_entry_value(entry, FAVORITE_ROLE))
            for pending in self._pending
            if pending.parent.index() == parent
            for entry in pending.entries
        ]

    def _stop_filling(self) -> None:
        self._fill_timer.stop()
        self._pending = []

    def show_found(self, notes: list[PlacedAnnotation]) -> None:
        """Only the notes a search in «Mis notas» found, best first."""
        self._stop_filling()
        self.model.clear()
        title = self.tr(GROUP_FOUND) if notes else self.tr("Ninguna nota coincide")
        self.model.invisibleRootItem().appendRow(self._group(title, [self._note_item(n) for n in notes]))
        self.view.expandAll()

    def _favorites_group(self, favorites: list[PlacedFavorite], names: list[str]) -> QStandardItem:
        """Favorites at the top level first, then every folder (empty ones too) in its order."""
        inside: dict[str, list[PlacedFavorite]] = {name: [] for name in names}
        top: list[PlacedFavorite] = []
        for placed in favorites:
            folder = placed.favorite.folder
            (inside.setdefault(folder, []) if folder else top).append(placed)
        group = self._group(self.tr(GROUP_FAVORITES), [], len(favorites))
        group.setData("", FOLDER_ROLE)  # a drop here: out of any folder
        group.setDropEnabled(True)
        self._add(group, top, self._favorite_item)
        for name, members in inside.items():
            folder_item = self._folder(name, len(members))
            group.appendRow(folder_item)
            self._add(folder_item, members, self._favorite_item)
        return group

    def _folder(self, name: str, count: int) -> QStandardItem:
        folder = self._group(name, [], count)
        folder.setData(name, FOLDER_ROLE)
        folder.setDropEnabled(True)
        folder.setAccessibleDescription(self.tr("Carpeta de favoritos"))
        return folder

    def _group(self, title: str, rows: list[QStandardItem], count: int | None = None) -> QStandardItem:
        count = len(rows) if count is None else count
        group = _no_drag(QStandardItem(f"{title} ({count})" if count else title))
        group.setSelectable(True)
        group.setColumnCount(1)  # its first rows, made later, then need no column inserted too
        if rows:
            group.appendRows(rows)
        return group

    def _favorite_item(self, placed: PlacedFavorite) -> QStandardItem:
        favorite = placed.favorite
        text = favorite.title or favorite.node_id
        if not placed.available:
            text += self.tr(" — no disponible en esta versión del contenido")
        item = QStandardItem(text)  # drag and drop enabled (QStandardItem's default)
        item.setToolTip(rich(favorite.node_id))
        item.setData(favorite.node_id if placed.available else None, NODE_ROLE)
        item.setData(favorite.node_id, FAVORITE_ROLE)
        item.setEnabled(placed.available)
        return item

    def _note_item(self, placed: PlacedAnnotation) -> QStandardItem:
        note = placed.annotation
        parts = [note.node_title or note.node_id]
        if note.anchor is not None:
            parts.append(f"«{_shorten(note.anchor.exact)}»")
        if note.text:
            parts.append(_shorten(note.text))
        if not placed.location.found or placed.location.placement.value != "exact":
            parts.append(f"({placed.label})")
        tooltip = [note.node_id]
        if note.anchor is not None:
            tooltip.append(f"«{note.anchor.exact}»")
        tooltip.append(note.text)
        item = _no_drag(QStandardItem(" · ".join(parts)))
        item.setToolTip(rich_lines(tooltip))
        item.setData(placed.node_id if placed.location.found else None, NODE_ROLE)
        item.setData(placed.current_text, PASSAGE_ROLE)
        item.setData(note.id, ANNOTATION_ROLE)
        return item

    def _on_activated(self, index: QModelIndex) -> None:
        node_id = index.data(NODE_ROLE)
        if node_id:
            self.node_activated.emit(str(node_id), str(index.data(PASSAGE_ROLE) or ""))

    def entries(self, group: str) -> list[str]:
        """The texts of a group's rows (folders with their favorites indented), for tests:
        every row is made first."""
        self.fill_all()
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.text().split(" (")[0] == group:
                return list(_texts(item))
        return []


def _entry_value(entry: object, role: int) -> str | None:
    """What a row made from ``entry`` would hold in ``role`` (favorites and notes only)."""
    if role == FAVORITE_ROLE:
        favorite = getattr(entry, "favorite", None)
        return favorite.node_id if favorite is not None else None
    if role == ANNOTATION_ROLE:
        annotation = getattr(entry, "annotation", None)
        return annotation.id if annotation is not None else None
    return None


def _texts(item: QStandardItem, depth: int = 0) -> list[str]:
    found: list[str] = []
    for row in range(item.rowCount()):
        child = item.child(row)
        found.append("  " * depth + child.text())
        found += _texts(child, depth + 1)
    return found


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


def _shorten(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_LIMIT else flat[: QUOTE_LIMIT - 1] + "…"


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

        about = f"«{_shorten(quote)}», {where}" if quote else where
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
        where = f"«{_shorten(mark.quote)}»" if mark.quote else self.tr("sobre toda la disposición")
        parts = [f"{what} {went.number} de {went.total}: {where}"]
        if mark.note:
            parts.append(_shorten(mark.note))
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
            about = f"«{_shorten(note.text or (note.anchor.exact if note.anchor else ''))}»"
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
        if visible:
            self.refresh()

    def refresh(self) -> None:
        """List the entries again: the worker thread places every note (the tree's marks come
        from the same listing, so it is asked for even while the dock is hidden)."""
        library = self._library
        if library is None:
            if self._dock.isVisible():
                self.panel.show_entries([], [])
            return
        query = self.panel.search_field.text().strip()
        try:
            if query and self._dock.isVisible():
                self.panel.show_found(self.notes.search(library, query))
        except SgdeskError as exc:
            self.panel.show_problem(exc.message)
        self.notes  # noqa: B018 (opened, with its worker)
        if self.sync is not None:
            self.sync.request(library.info.path)

    def _on_listed(self, listing: Listing) -> None:
        """The worker's listing: mark the tree; fill the dock (unless it shows a search)."""
        self.noted_changed.emit(listing.noted, listing.within)
        # A dock in a tab behind another is "visible" for Qt but not on screen: it is filled
        # when its tab comes to the front (``visibilityChanged``), not before.
        on_screen = self._dock.isVisible() and not self._dock.visibleRegion().isEmpty()
        if not on_screen or self.panel.search_field.text().strip():
            return
        self.panel.show_entries(listing.favorites, listing.notes, listing.folders, listing.located)

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
            placed = self.notes.on_page(library, [unit.node.id for unit in page.units])
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
