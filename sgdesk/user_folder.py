"""The user's data folder (settings, log, notes): found once, and refused in Spanish when unusable.

A file where the folder should be, a parent without write permission, a read-only home or an
``XDG_DATA_HOME`` that is a file all end here as a ``UserFolderError``: the CLI prints it and
exits with 2; the window offers to continue without saving anything.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sys
import tempfile
from pathlib import Path

from sgdesk import paths
from sgdesk.errors import SgdeskError

SETTINGS_LIMIT = 1_000_000  # bytes: real settings are a few kilobytes


class UserFolderError(SgdeskError):
    """The user's data folder cannot be created or written."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(f"No se puede usar la carpeta de datos del usuario {folder}: {reason}.")
        self.folder = folder


def default_folder() -> Path:
    """``QStandardPaths.AppLocalDataLocation`` for sgdesk (computed without Qt)."""
    try:
        return paths.default_data_dir()
    except RuntimeError:  # no home folder at all
        raise UserFolderError(Path("~"), "no se encontró la carpeta personal del usuario") from None


def resolve(override: Path | None = None) -> Path:
    """The folder to use (``--data-dir`` or the standard one), created and proven writable."""
    folder = override if override is not None else default_folder()
    return prepare(folder)


def prepare(folder: Path) -> Path:
    try:
        is_file = folder.exists() and not folder.is_dir()
    except (OSError, ValueError):
        is_file = False
    if is_file:
        raise UserFolderError(folder, "existe un archivo con ese nombre y no es una carpeta")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=folder, prefix=".sgdesk-probe-", delete=True)  # noqa: SIM115
        probe.close()
    except OSError as exc:
        raise UserFolderError(folder, _reason(exc)) from exc
    except (ValueError, UnicodeError) as exc:  # a NUL byte, a name the file system cannot encode
        raise UserFolderError(folder, "el nombre de la carpeta no es válido") from exc
    return folder


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "no hay permiso para crearla o escribir en ella"
    if exc.errno == errno.EROFS:
        return "está en un disco de solo lectura"
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return "una parte de la ruta es un archivo, no una carpeta"
    if exc.errno == errno.ENOSPC:
        return "no queda espacio en el disco"
    if exc.errno == errno.ENAMETOOLONG:
        return "la ruta es demasiado larga"
    return "el sistema no permite crearla"


def set_aside_if_huge(path: Path, limit: int = SETTINGS_LIMIT) -> str | None:
    """A settings file above ``limit`` (damaged, or filled by something else) is renamed and
    a fresh one starts; returns the message to show, or None."""
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size <= limit:
        return None
    aside = path.with_name(f"{path.name}.demasiado-grande")
    try:
        os.replace(path, aside)
    except OSError:
        return f"El archivo de configuración {path} es demasiado grande ({size // 1_000_000} MB) y no se usó."
    return (
        f"El archivo de configuración era demasiado grande ({size // 1_000_000} MB): se apartó como "
        f"{aside.name} y se empezó uno nuevo."
    )


class SafeFileHandler(logging.FileHandler):
    """A log file that never raises: when it cannot be written, records go to stderr (if the
    program has one) or nowhere, without a traceback."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if self.failed:
            self._fallback(record)
            return
        try:
            super().emit(record)
        except Exception:
            self.failed = True
            self._fallback(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        self.failed = True
        self._fallback(record)

    def _fallback(self, record: logging.LogRecord) -> None:
        stream = sys.stderr
        if stream is None:
            return
        with contextlib.suppress(Exception):
            stream.write(f"sgdesk: {record.levelname}: {record.getMessage()}\n")
