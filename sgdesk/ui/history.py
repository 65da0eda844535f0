"""Back/forward navigation history, as in a browser, with the reader's place on each page."""

from __future__ import annotations

# Where the reader was on a page: the unit at the top of the view and the pixels past its start
# (ReadingPane.reading_place); None until the reader leaves the page.
Place = tuple[str | None, int]


class History:
    """Visited node ids with a cursor; visiting after going back drops the forward part."""

    def __init__(self, limit: int = 200) -> None:
        self._entries: list[str] = []
        self._places: list[Place | None] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        return self._entries[self._index] if self._index >= 0 else None

    @property
    def place(self) -> Place | None:
        """Where the reader was on the current entry when it was last left."""
        return self._places[self._index] if self._index >= 0 else None

    def remember(self, place: Place) -> None:
        """Note the reader's place on the current entry (before leaving it)."""
        if self._index >= 0:
            self._places[self._index] = place

    def visit(self, node_id: str) -> None:
        if node_id == self.current:
            return
        del self._entries[self._index + 1 :]
        del self._places[self._index + 1 :]
        self._entries.append(node_id)
        self._places.append(None)
        if len(self._entries) > self._limit:
            del self._entries[0]
            del self._places[0]
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
