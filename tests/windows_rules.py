"""Windows' rule for open files, on Linux: a file that is open cannot be deleted, renamed, or
replaced by a rename (a sharing violation, ``[WinError 32]``).

Here "open" means: some descriptor of this process points at it (``/proc/self/fd``), which
covers Qt's QFile and Python's own handles alike. A test that stands for "another program"
simply keeps a handle open. The real thing runs under Wine (tests/test_windows.py).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from sgdesk import atomicfile as partfile

SHARING_VIOLATION = (
    "[WinError 32] El proceso no tiene acceso al archivo porque está siendo utilizado por otro proceso"
)


def open_files() -> set[str]:
    found = set()
    for entry in os.scandir("/proc/self/fd"):
        try:
            found.add(os.readlink(entry.path))
        except OSError:
            continue  # the descriptor of the scan itself, closed meanwhile
    return found


class WindowsFileRules:
    """Patches os.unlink/remove/rename/replace; records what they refused."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.refused: list[tuple[str, str]] = []
        unlink, rename, replace = os.unlink, os.rename, os.replace

        def guarded_unlink(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
            self._refuse_if_open("unlink", path)
            unlink(path, *args, **kwargs)  # type: ignore[arg-type]

        def guarded(name: str, real: object) -> object:
            def move(src: str | os.PathLike[str], dst: str | os.PathLike[str], *args: object) -> None:
                self._refuse_if_open(name, src)
                self._refuse_if_open(name, dst)
                real(src, dst, *args)  # type: ignore[operator]

            return move

        monkeypatch.setattr(os, "unlink", guarded_unlink)
        monkeypatch.setattr(os, "remove", guarded_unlink)
        monkeypatch.setattr(os, "rename", guarded("rename", rename))
        monkeypatch.setattr(os, "replace", guarded("replace", replace))
        monkeypatch.setattr(partfile, "WINDOWS", True)

    def _refuse_if_open(self, operation: str, path: str | os.PathLike[str]) -> None:
        resolved = str(Path(path).resolve())
        if os.path.exists(resolved) and resolved in open_files():
            self.refused.append((operation, Path(resolved).name))
            raise PermissionError(errno.EACCES, SHARING_VIOLATION, str(path))


@pytest.fixture
def windows_rules(monkeypatch: pytest.MonkeyPatch) -> WindowsFileRules:
    return WindowsFileRules(monkeypatch)
