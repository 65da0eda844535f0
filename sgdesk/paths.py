"""Where the shipped, read-only files are (a checkout, an installed wheel or a frozen app), and
where the user's writable folder is by default (``default_data_dir``; ``user_folder`` checks it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATABASE_NAME = "sgdesk.db"
# The names Qt builds the user folder (AppLocalDataLocation) from.
ORGANIZATION = "Alcaldia Mayor de Bogota"
APPLICATION = "sgdesk"


def _bundle_dir() -> Path | None:
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else None


def _first_existing(candidates: list[Path]) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[-1]


def _candidates(name: str) -> list[Path]:
    """A shipped folder: next to the frozen executable, inside the wheel, or in the checkout."""
    found = []
    bundle = _bundle_dir()
    if bundle:
        found.append(bundle / name)
    found += [PACKAGE_DIR / "_shipped" / name, PACKAGE_DIR.parent / name]
    return found


def shipped_database() -> Path:
    return _first_existing([folder / DATABASE_NAME for folder in _candidates("data")])


def resources_dir() -> Path:
    return _first_existing(_candidates("resources"))


def sources_dir() -> Path:
    """The corpus sources of a checkout (``data/sources``)."""
    return PACKAGE_DIR.parent / "data" / "sources"


def default_data_dir() -> Path:
    """What ``QStandardPaths.AppLocalDataLocation`` gives for sgdesk, without loading Qt (a test
    compares the two): ``%LOCALAPPDATA%\\Alcaldia Mayor de Bogota\\sgdesk`` on Windows,
    ``$XDG_DATA_HOME`` or ``~/.local/share`` on Linux. RuntimeError when there is no home."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / ORGANIZATION / APPLICATION
