"""The «Mis notas» dock's contents: a tree of favorites (by folder), notes and «Notas sin ubicar».

Only the rows on screen (and a screenful below) are made: at once for a new listing (one
layout and one paint of the screen, not one per slice), FILL_SLICE per turn of the event loop
as more come on screen; the others are made when they are scrolled to. A favorite can be
dragged onto a folder or beside another favorite; the drop is applied to the user database,
and the dock is listed again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from sgdesk.ui.notes_rows import RowPainter
from sgdesk.ui.safe_text import rich, rich_lines, set_plain_text
from sgdesk.ui.widgets import enable_clear_button
from sgdesk.ui.window_docks import on_screen

if TYPE_CHECKING:
    from sgdesk.notes import PlacedAnnotation, PlacedFavorite

NODE_ROLE = Qt.ItemDataRole.UserRole + 1  # the node an entry opens
PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 2  # the annotated passage as the node reads now
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 3  # a note's or highlight's id
FAVORITE_ROLE = Qt.ItemDataRole.UserRole + 4  # a favorite's stored node id (even when gone)
FOLDER_ROLE = Qt.ItemDataRole.UserRole + 5  # a favorites folder's name
NOTES_LISTED = 500  # the dock lists the latest notes; «Solo mis notas» finds any of them
FILL_SLICE = 20  # rows of the dock made per turn of the event loop, while they are on screen
FIRST_FILL = 300  # at most, the rows a new listing makes at once (a screen and a screenful below)
QUOTE_LIMIT = 90
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
        self.rows = RowPainter(self.view)  # each row's text laid out once, not at every paint
        self.view.setItemDelegate(self.rows)
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
        folders are made now, and the rows on screen and a screenful below (FIRST_FILL at
        most): every slice made after the first layout would lay out and paint the whole
        screen again. The other rows when they come on screen (or a screenful below),
        FILL_SLICE per turn of the event loop: the window answers at once with a thousand
        favorites, and rows nobody scrolls to are never made. ``filled``: what shows is made."""
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
        self._fill_more(self._screens_of_rows())  # before the screen is laid out and painted

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

    def _fill_more(self, budget: int = FILL_SLICE) -> None:
        """Make ``budget`` of the rows that are on screen, or a screenful below; again next
        turn while there are more; ``filled`` when what shows is made."""
        while budget > 0:
            pending = next((p for p in self._pending if self._on_screen(p)), None)
            if pending is None:
                self.filled.emit()
                return
            budget -= self._make(pending, budget)
        self._fill_timer.start()

    def _screens_of_rows(self) -> int:
        """How many rows fill the dock and a screenful below (uniform rows; FIRST_FILL at
        most). Worked out, not asked of the view: it lays out again only in the next turn."""
        row = max(self.view.sizeHintForRow(0), 1)
        return min(2 * self._height() // row + 2, FIRST_FILL)

    def _height(self) -> int:
        """The height rows are made for: the tree's. While the dock is not seen (its rows made
        ahead of its opening, #12) a dock never shown has no height of its own yet: the window's."""
        height = self.view.viewport().height()
        if not on_screen(self.view):
            height = max(height, self.window().height())
        return height

    def _on_screen(self, pending: _PendingRows) -> bool:
        """Whether the place ``pending``'s rows go is on screen or within a screenful below."""
        parent = pending.parent.index()
        if not self.view.isExpanded(parent):
            return False
        above = pending.parent.child(pending.position - 1).index() if pending.position else parent
        rect = self.view.visualRect(above)
        height = self._height()
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
            parts.append(f"«{shorten(note.anchor.exact)}»")
        if note.text:
            parts.append(shorten(note.text))
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


def shorten(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_LIMIT else flat[: QUOTE_LIMIT - 1] + "…"
