"""Where the time to the first frame goes: ``SGDESK_START_TRACE=1`` marks each start-up stage.

Times are counted from the moment the operating system created the process (so a frozen
program's bootloader, before any Python runs, is in the first figure), read from Windows'
``GetProcessTimes`` or Linux's ``/proc/self/stat``; elsewhere from this module's import (Wine 8
reports a creation time about when Python starts: there the bootloader is outside). With
the variable unset, ``mark`` returns at once and nothing is imported. ``report`` writes the
stages as one line to stderr (a pipe under Wine) and to the log: «start trace: 0.412 python,
…». Standard library only: it runs before PySide6 is imported.
"""

from __future__ import annotations

import os
import sys
import time

VARIABLE = "SGDESK_START_TRACE"

_enabled = bool(os.environ.get(VARIABLE))
_marks: list[tuple[str, float]] = []  # (stage, seconds since the process was created)
_origin = 0.0  # time.time() at the process's creation


def _process_created() -> float:
    """The process's creation, as a ``time.time()`` value; this import's time when unknown."""
    now = time.time()
    try:
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            times = [wintypes.FILETIME() for _ in range(4)]  # created, exited, kernel, user
            kernel32 = ctypes.windll.kernel32
            if kernel32.GetProcessTimes(kernel32.GetCurrentProcess(), *(ctypes.byref(t) for t in times)):
                created = times[0]
                ticks = (created.dwHighDateTime << 32) | created.dwLowDateTime  # 100 ns since 1601
                return ticks / 1e7 - 11644473600.0
        elif sys.platform.startswith("linux"):
            with open("/proc/self/stat", encoding="ascii") as stat:
                started = int(stat.read().rsplit(")", 1)[1].split()[19])  # field 22: clock ticks after boot
            with open("/proc/uptime", encoding="ascii") as uptime:
                up = float(uptime.read().split()[0])
            return now - up + started / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return now


def enabled() -> bool:
    return _enabled


def mark(stage: str) -> None:
    """Note that ``stage`` is done now (nothing when the trace is off)."""
    global _origin
    if not _enabled:
        return
    if not _origin:
        _origin = _process_created()
    _marks.append((stage, time.time() - _origin))


def stages() -> list[tuple[str, float]]:
    return list(_marks)


def line() -> str:
    return "start trace: " + ", ".join(f"{seconds:.3f} {stage}" for stage, seconds in _marks)


def report() -> None:
    """Write the stages to stderr and to the log (once; nothing when the trace is off)."""
    if not _enabled or not _marks:
        return
    import logging

    text = line()
    try:
        if sys.stderr is not None:
            print(text, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass
    logging.getLogger("sgdesk").info("%s", text)
