"""PySide6's look at each module's source, made cheaper for the window's start-up (#11).

From PySide6 6.4 on (PYSIDE-2029), every module imported after PySide6 is checked for whether
its source names "PySide6" (for PySide's optional ``__feature__`` switches, which sgdesk does
not use): ``shibokensupport.feature._mod_uses_pyside`` reads it with ``inspect.getsource``
(tokenize, ``linecache``, which keeps every line of every module in memory). The window
imports some 75 modules after PySide6: about 3 % of the processor time to its first frame.
``read_quickly`` answers the same question from the file's bytes (Python source is always in an
ASCII-compatible encoding, so "PySide6" is in the text exactly when it is in the bytes); anything
else (no ``.py`` file, an unreadable one) goes to PySide6's own check, as before.

Standard library only; nothing happens when PySide6 is not loaded or has no such check.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"
CHECK = "_mod_uses_pyside"
_MARK = "_sgdesk_reads_bytes"


def read_quickly() -> bool:
    """Put the byte-reading check in place of PySide6's; False when there is none to replace."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, CHECK, None)
    if feature is None or not callable(original):
        return False
    if getattr(original, _MARK, False):
        return True
    setattr(feature, CHECK, _reading_bytes(original))
    return True


def _reading_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass  # (a frozen program's modules have no file: PySide6 says so, as before)
        return original(module)

    setattr(uses_pyside, _MARK, True)
    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    return uses_pyside
