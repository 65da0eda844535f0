"""Back/forward navigation history, as in a browser."""

from __future__ import annotations


class History:
    """Visited node ids with a cursor; visiting after going back drops the forward part."""

    def __init__(self, limit: int = 200) -> None:
        self._entries: list[str] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        return self._entries[self._index] if self._index >= 0 else None

    def visit(self, node_id: str) -> None:
        if node_id == self.current:
            return
        del self._entries[self._index + 1 :]
        self._entries.append(node_id)
        if len(self._entries) > self._limit:
            del self._entries[0]
        self._index = len(self._entries) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def back(self) -> str | None:
        if self.can_go_back():
            self._index -= 1
        return self.current

    def forward(self) -> str | None:
        if self.can_go_forward():
            self._index += 1
        return self.current
