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
