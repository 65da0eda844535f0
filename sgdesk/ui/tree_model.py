"""The navigation tree as a lazily loaded item model over the library."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence, Set
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from sgdesk.content.model import Node
from sgdesk.content.timeline import Status
from sgdesk.errors import UnknownNodeError
from sgdesk.library import Library
from sgdesk.ui.safe_text import rich
from sgdesk.ui.theme import current_theme

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the node's Status value on the "Vigente a" date, or None

UNCERTAIN_SUFFIX = " — vigencia incierta"
# A later change the corpus does not incorporate may have altered it (shown, not only told).
POSSIBLY_MODIFIED_SUFFIX = " — posiblemente modificada"
NOT_IN_FORCE_SUFFIX = " — no vigente"  # for screen readers and tooltips: grey is not enough
# A node that carries a note or highlight of «Mis notas»: a mark after its title, and words
# for screen readers and the tooltip.
NOTED_MARK = " ✎"
NOTED_DESCRIPTION = "Con mis notas o subrayados"
NOTED_SPOKEN = " — con mis notas"
# A node whose parts (not itself) carry notes: a small dot before its title, and words.
WITHIN_DESCRIPTION = "Contiene partes con mis notas"
WITHIN_SPOKEN = " — contiene partes con mis notas"
STATUS_BATCH = 128  # statuses are asked for this many sibling rows at a time

# What the window gives the model: the status of each of some nodes (siblings, in one call).
StatusLookup = Callable[[Sequence[Node]], Mapping[str, Status]]

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT_KEY = 0


class _Item:
    """One row of the index as the model keeps it (its children fetched when first needed).
    (A plain class: a dataclass compiles its methods at each start, #11.)"""

    __slots__ = ("by_id", "child_count", "children", "key", "node", "parent_key", "row")

    def __init__(self, key: int, node: Node | None, parent_key: int, row: int, child_count: int = 0) -> None:
        self.key = key
        self.node = node  # None for the invisible root
        self.parent_key = parent_key
        self.row = row
        self.children: list[int] | None = None  # None until fetched
        self.child_count = child_count
        self.by_id: dict[str, int] = {}


class NodeTreeModel(QAbstractItemModel):
    """One column of node titles; children are read from the library on expansion."""

    def __init__(self, library: Library | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._items: dict[int, _Item] = {}
        self._lookup: StatusLookup | None = None
        self._statuses: dict[str, Status] = {}
        self._noted: frozenset[str] = frozenset()
        self._within: frozenset[str] = frozenset()  # ancestors of noted nodes
        self._within_icon: tuple[str, QIcon] | None = None  # (its colour, the dot)
        self._reset_items()

    def set_library(self, library: Library | None) -> None:
        self.beginResetModel()
        self._library = library
        self._lookup, self._statuses = None, {}
        self._reset_items()
        self.endResetModel()

    def set_status_lookup(self, lookup: StatusLookup | None) -> None:
        """Grey the nodes not in force and mark the uncertain ones (``None``: show all plainly).

        Statuses are asked for lazily, one branch at a time, as rows are shown."""
        self._lookup, self._statuses = lookup, {}
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                 Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole, STATUS_ROLE]  # fmt: skip
        for item in list(self._items.values()):
            if item.children:
                parent = QModelIndex() if item.key == _ROOT_KEY else self.createIndex(item.row, 0, item.key)
                first, last = self.index(0, 0, parent), self.index(len(item.children) - 1, 0, parent)
                self.dataChanged.emit(first, last, roles)

    def set_noted(self, node_ids: Set[str], within: Set[str] = frozenset()) -> None:
        """Mark the nodes that carry notes, and (``within``) those whose parts carry some (kept
        across content switches: ids are stable)."""
        within = frozenset(within) - frozenset(node_ids)
        changed = (self._noted ^ node_ids) | (self._within ^ within)
        self._noted, self._within = frozenset(node_ids), within
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                 Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.AccessibleDescriptionRole,
                 Qt.ItemDataRole.ToolTipRole]  # fmt: skip
        for item in list(self._items.values()):  # the rows loaded so far; others read it when shown
            if item.node is not None and item.node.id in changed:
                index = self.createIndex(item.row, 0, item.key)
                self.dataChanged.emit(index, index, roles)

    def status(self, index: AnyIndex) -> Status | None:
        """The node's status on the lookup's date; None without a lookup."""
        if self._lookup is None or not index.isValid():
            return None
        item = self._items[index.internalId()]
        if item.node is None:
            return None
        if item.node.id not in self._statuses:  # ask for the rows around it at once (a screenful)
            siblings = self._items[item.parent_key].children or [item.key]
            first = item.row - item.row % STATUS_BATCH
            keys = siblings[first : first + STATUS_BATCH]
            nodes = [node for key in keys if (node := self._items[key].node) is not None]
            self._statuses.update(self._lookup(nodes))
        return self._statuses.get(item.node.id, Status.IN_FORCE)

    def _reset_items(self) -> None:
        self._items = {_ROOT_KEY: _Item(_ROOT_KEY, None, _ROOT_KEY, 0, child_count=1 if self._library else 0)}

    def _item(self, index: AnyIndex) -> _Item:
        return self._items[index.internalId()] if index.isValid() else self._items[_ROOT_KEY]

    # -- structure -------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        item = self._item(parent)
        if column != 0 or item.children is None or not 0 <= row < len(item.children):
            return QModelIndex()
        return self.createIndex(row, 0, item.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        item = self._items[index.internalId()]
        if item.parent_key == _ROOT_KEY:
            return QModelIndex()
        parent = self._items[item.parent_key]
        return self.createIndex(parent.row, 0, parent.key)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        children = self._item(parent).children
        return len(children) if children is not None else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:
        if parent.column() > 0:
            return False
        item = self._item(parent)
        return bool(item.children) if item.children is not None else item.child_count > 0

    def canFetchMore(self, parent: AnyIndex) -> bool:
        item = self._item(parent)
        return self._library is not None and item.children is None and item.child_count > 0

    def fetchMore(self, parent: AnyIndex) -> None:
        item = self._item(parent)
        if self._library is None or item.children is not None:
            return
        nodes = self._library.children(item.node.id if item.node else None)
        if not nodes:
            item.children = []
            return
        self.beginInsertRows(parent, 0, len(nodes) - 1)
        item.children = []
        for row, node in enumerate(nodes):
            key = len(self._items)
            self._items[key] = _Item(key, node, item.key, row, child_count=node.child_count)
            item.children.append(key)
            item.by_id[node.id] = key
        self.endInsertRows()

    # -- data ------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = self._items[index.internalId()].node
        if node is None:
            return None
        noted = node.id in self._noted
        within = node.id in self._within
        if role == Qt.ItemDataRole.DecorationRole:
            return self._within_mark() if within else None
        if role == Qt.ItemDataRole.DisplayRole:
            status = self.status(index)
            suffix = _suffix(status) if status in _SHOWN_SUFFIXES else ""
            return node.title + suffix + (NOTED_MARK if noted else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            spoken = NOTED_SPOKEN if noted else WITHIN_SPOKEN if within else ""
            return node.title + _suffix(self.status(index)) + spoken
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return NOTED_DESCRIPTION if noted else WITHIN_DESCRIPTION if within else None
        if role == Qt.ItemDataRole.ForegroundRole:
            # The theme is asked at each paint: a new one repaints. A colour, which the delegate
            # takes as a brush: the first QBrush made in Python has PySide6 set up QGradient,
            # QImage and their enumerations (≈ 230 members) before the first frame (#11).
            status = self.status(index)
            if status is Status.POSSIBLY_MODIFIED:
                return QColor(current_theme().possibly_modified)
            return QColor(current_theme().not_in_force) if status is Status.NOT_IN_FORCE else None
        if role == Qt.ItemDataRole.ToolTipRole:
            preview = node.preview or node.plain_text[:240]
            citation = node.citation + _suffix(self.status(index))
            text = f"{citation}\n{preview}" if preview else citation
            told = NOTED_DESCRIPTION if noted else WITHIN_DESCRIPTION if within else ""
            return rich(f"{text}\n{told}" if told else text)
        if role == NODE_ID_ROLE:
            return node.id
        if role == STATUS_ROLE:
            status = self.status(index)
            return status.value if status else None
        return None

    def _within_mark(self) -> QIcon:
        """A small dot in the notes' colour (drawn again only for another theme). QIcon is named
        here only: PySide6 builds its 151-member ThemeIcon when it is first named (#11)."""
        from PySide6.QtGui import QIcon

        colour = current_theme().note_marker
        if self._within_icon is None or self._within_icon[0] != colour:
            pixmap = QPixmap(12, 12)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawEllipse(3, 3, 6, 6)
            painter.end()
            self._within_icon = (colour, QIcon(pixmap))
        return self._within_icon[1]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- lookup ----------------------------------------------------------------

    def index_for_id(self, node_id: str) -> QModelIndex:
        """The index of ``node_id``, fetching the branches on its path as needed (invalid if unknown)."""
        if self._library is None:
            return QModelIndex()
        try:
            path = self._library.path_to(node_id)
        except UnknownNodeError:
            return QModelIndex()
        index = QModelIndex()
        for node in path:
            if self.canFetchMore(index):
                self.fetchMore(index)
            key = self._item(index).by_id.get(node.id)
            if key is None:
                return QModelIndex()
            index = self.createIndex(self._items[key].row, 0, key)
        return index


def _suffix(status: Status | None) -> str:
    if status is Status.UNCERTAIN:
        return UNCERTAIN_SUFFIX
    if status is Status.POSSIBLY_MODIFIED:
        return POSSIBLY_MODIFIED_SUFFIX
    return NOT_IN_FORCE_SUFFIX if status is Status.NOT_IN_FORCE else ""


_SHOWN_SUFFIXES = (Status.UNCERTAIN, Status.POSSIBLY_MODIFIED)  # not in force: greyed instead
