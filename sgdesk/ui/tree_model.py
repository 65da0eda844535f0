"""The navigation tree as a lazily loaded item model over the library."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from sgdesk.content.model import Node
from sgdesk.errors import UnknownNodeError
from sgdesk.library import Library

NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT_KEY = 0


@dataclass
class _Item:
    key: int
    node: Node | None  # None for the invisible root
    parent_key: int
    row: int
    children: list[int] | None = None  # None until fetched
    child_count: int = 0
    by_id: dict[str, int] = field(default_factory=dict)


class NodeTreeModel(QAbstractItemModel):
    """One column of node titles; children are read from the library on expansion."""

    def __init__(self, library: Library | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._items: dict[int, _Item] = {}
        self._reset_items()

    def set_library(self, library: Library | None) -> None:
        self.beginResetModel()
        self._library = library
        self._reset_items()
        self.endResetModel()

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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return node.title
        if role == Qt.ItemDataRole.ToolTipRole:
            preview = node.preview or node.plain_text[:240]
            return f"{node.citation}\n{preview}" if preview else node.citation
        if role == NODE_ID_ROLE:
            return node.id
        return None

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
