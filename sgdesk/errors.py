"""Errors that carry a message for the user, in Spanish.

Every layer raises these; the CLI prints ``message`` on one line and exits 2, the GUI
shows it in a dialog. Nothing else reaches the user as a traceback.
"""

import errno

_OS_REASONS = {
    errno.EACCES: "no hay permiso",
    errno.EPERM: "no hay permiso",
    errno.EROFS: "el disco es de solo lectura",
    errno.ENOSPC: "no queda espacio en el disco",
    errno.EDQUOT: "no queda espacio en el disco",
    errno.ENOTDIR: "una parte de la ruta es un archivo, no una carpeta",
    errno.EISDIR: "es una carpeta",
    errno.ENOENT: "no existe",
    errno.ENAMETOOLONG: "el nombre es demasiado largo",
}


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in Spanish (``strerror`` is English)."""
    return _OS_REASONS.get(exc.errno or 0, "el sistema no lo permite")


# SQLite's result codes (``sqlite3.Error.sqlite_errorname``), by their prefix: its messages
# («attempt to write a readonly database») are English.
_SQLITE_REASONS = (
    ("SQLITE_READONLY", "el archivo es de solo lectura"),
    ("SQLITE_FULL", "no queda espacio en el disco"),
    ("SQLITE_BUSY", "otro programa lo está usando"),
    ("SQLITE_LOCKED", "otro programa lo está usando"),
    ("SQLITE_CANTOPEN", "no se puede abrir el archivo"),
    ("SQLITE_PERM", "no hay permiso"),
    ("SQLITE_AUTH", "no hay permiso"),
    ("SQLITE_IOERR", "falló la lectura o escritura en el disco"),
    ("SQLITE_CORRUPT", "el archivo está dañado"),
    ("SQLITE_NOTADB", "el archivo no es una base de datos"),
    ("SQLITE_INTERRUPT", "se interrumpió"),
)


def sqlite_reason(exc: Exception) -> str:
    """Why an SQLite call failed, in Spanish, with SQLite's code for the help desk when it is
    not one of the common ones."""
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    for prefix, reason in _SQLITE_REASONS:
        if name.startswith(prefix):
            return reason
    return f"error de la base de datos ({name or type(exc).__name__})"


class SgdeskError(Exception):
    """An error whose ``message`` is fit to show to an official, in Spanish."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SourceError(SgdeskError):
    """The corpus sources under ``data/`` are not valid."""

    def __init__(self, problems: list[str]) -> None:
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"Las fuentes del corpus tienen {len(problems)} error(es):\n{lines}")
        self.problems = problems


class DatabaseError(SgdeskError):
    """The corpus database cannot be used."""


class UnknownNodeError(SgdeskError):
    """An id that names no node of the corpus."""

    def __init__(self, node_id: str, suggestions: list[str]) -> None:
        hint = f" ¿Quiso decir: {', '.join(suggestions)}?" if suggestions else ""
        shown = node_id if len(node_id) <= 80 else f"{node_id[:80]}… ({len(node_id)} caracteres)"
        super().__init__(f"No existe la sección o disposición «{shown}».{hint}")
        self.node_id = node_id
        self.suggestions = suggestions


class UserDataError(SgdeskError):
    """The user's own data (favorites, notes) cannot be read or saved."""
