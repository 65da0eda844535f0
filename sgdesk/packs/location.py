"""Folders the packs need without Qt: the user's data folder, the shipped keys, the IT policy.

``default_data_dir`` is what ``QStandardPaths.AppLocalDataLocation`` gives for sgdesk (a test
compares the two), so headless commands find the installed content without loading Qt.
"""

from __future__ import annotations

import configparser
import os
import sys
from pathlib import Path

from sgdesk import paths

POLICY_FILE = "sgdesk-politica.ini"  # beside the executable, written by IT, read-only


def default_data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / paths.ORGANIZATION / paths.APPLICATION


def keys_dir() -> Path:
    """The public keys the app trusts: ``resources/keys``."""
    return paths.resources_dir() / "keys"


def install_dir() -> Path:
    """Where the program is: the frozen executable's folder, else the checkout or package."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return paths.PACKAGE_DIR.parent


def policy_update_folder(folder: Path | None = None) -> str | None:
    """The update folder IT set in ``sgdesk-politica.ini`` ([actualizaciones] carpeta = …)."""
    policy = (folder or install_dir()) / POLICY_FILE
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with policy.open(encoding="utf-8-sig") as handle:
            parser.read_file(handle)
    except (OSError, UnicodeDecodeError, configparser.Error):
        return None
    value = parser.get("actualizaciones", "carpeta", fallback="").strip()
    return value or None
