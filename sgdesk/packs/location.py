"""Folders the packs need without Qt: the shipped keys and the IT policy file.

(The user's data folder is ``paths.default_data_dir``.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from sgdesk import paths

POLICY_FILE = "sgdesk-politica.ini"  # beside the executable, written by IT, read-only
CONTENT_DIR = "contenido"  # installed content, in the user's data folder
POINTER = "actual.json"  # in CONTENT_DIR: the installed versions, the current one last


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
    if not policy.is_file():  # the usual case: no policy, and configparser is not loaded at start
        return None
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        with policy.open(encoding="utf-8-sig") as handle:
            parser.read_file(handle)
    except (OSError, UnicodeDecodeError, configparser.Error):
        return None
    value = parser.get("actualizaciones", "carpeta", fallback="").strip()
    return value or None


def has_installed_content(data_dir: Path) -> bool:
    """Whether a pack was ever installed in ``data_dir`` (without loading the pack modules: at
    start, nothing installed means the shipped corpus; see installed.ContentFolder.current)."""
    return (data_dir / CONTENT_DIR / POINTER).exists()
