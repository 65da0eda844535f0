"""What the window remembers between sessions, in an INI file under the user's data folder."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from sgdesk.ui.reading_pane import DEFAULT_ZOOM
from sgdesk.user_folder import set_aside_if_huge

RECENT_LIMIT = 15
TABS_LIMIT = 20  # tabs restored at most (a damaged or hand-edited file cannot ask for more)
TabSpec = tuple[str, date | None]  # a tab: its node id and its «Vigente a» date (None: today)


class UiSettings:
    """Typed access to the window's QSettings."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem = set_aside_if_huge(path)  # a 99 MB file would take half a minute to read
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)

    @property
    def zoom(self) -> int:
        try:
            return int(str(self._settings.value("reading/zoom", DEFAULT_ZOOM)))
        except ValueError:
            return DEFAULT_ZOOM

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._settings.setValue("reading/zoom", value)

    @property
    def last_node(self) -> str | None:
        value = self._settings.value("reading/last_node")
        return str(value) if value else None

    @last_node.setter
    def last_node(self, node_id: str) -> None:
        self._settings.setValue("reading/last_node", node_id)

    @property
    def recent_searches(self) -> list[str]:
        value = self._settings.value("search/recent", [])
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [str(v) for v in items if str(v).strip()][:RECENT_LIMIT]

    def add_recent_search(self, text: str) -> list[str]:
        """Put ``text`` first. The list is re-read from the file first, so another sgdesk open on
        the same folder keeps the searches it saved meanwhile (both lists merge)."""
        text = " ".join(text.split())
        if not text:
            return self.recent_searches
        self._settings.sync()
        recent = [text, *(q for q in self.recent_searches if q != text)][:RECENT_LIMIT]
        self._settings.setValue("search/recent", recent)
        self._settings.sync()
        return recent

    def clear_recent_searches(self) -> None:
        self._settings.remove("search/recent")

    @property
    def export_folder(self) -> Path | None:
        value = self._settings.value("export/folder")
        folder = Path(str(value)) if value else None
        return folder if folder is not None and folder.is_dir() else None

    @export_folder.setter
    def export_folder(self, folder: Path) -> None:
        self._settings.setValue("export/folder", str(folder))

    @property
    def update_folder(self) -> str | None:
        """Where to look for content packs (a share or a drive), as the user set it."""
        value = self._settings.value("updates/folder")
        return str(value) if value else None

    @update_folder.setter
    def update_folder(self, folder: str) -> None:
        self._settings.setValue("updates/folder", folder)

    @property
    def theme(self) -> str:
        """«Ver › Tema»: a ThemeChoice value ("sistema" when never chosen)."""
        return str(self._settings.value("appearance/theme", "sistema"))

    @theme.setter
    def theme(self, value: str) -> None:
        self._settings.setValue("appearance/theme", value)

    @property
    def ui_size(self) -> int:
        """«Tamaño del texto de la interfaz», in percent (100 when never chosen)."""
        try:
            return int(str(self._settings.value("appearance/ui_size", 100)))
        except ValueError:
            return 100

    @ui_size.setter
    def ui_size(self, value: int) -> None:
        self._settings.setValue("appearance/ui_size", value)

    @property
    def tabs(self) -> tuple[list[TabSpec], int]:
        """The reading tabs open at the last close, and which was in front; what cannot be
        read is left out (an older file has none: the last node is restored instead)."""
        try:
            saved = json.loads(str(self._settings.value("reading/tabs", "")))
            entries, current = saved["tabs"], int(saved["current"])
        except (ValueError, TypeError, KeyError, IndexError):
            return [], 0
        tabs: list[TabSpec] = []
        for entry in entries[:TABS_LIMIT] if isinstance(entries, list) else []:
            try:
                node, day = str(entry["node"]), entry.get("day")
                tabs.append((node, date.fromisoformat(day) if day else None))
            except (ValueError, TypeError, KeyError, AttributeError):
                continue
        return tabs, current if 0 <= current < len(tabs) else 0

    def save_tabs(self, tabs: list[TabSpec], current: int) -> None:
        entries = [{"node": node, "day": day.isoformat() if day else None} for node, day in tabs]
        self._settings.setValue(
            "reading/tabs", json.dumps({"tabs": entries[:TABS_LIMIT], "current": current})
        )

    def sync(self) -> None:
        self._settings.sync()
