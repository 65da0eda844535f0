"""The temporary file of an export: ``.sgdesk-export-*.part`` in the target's folder.

An export writes this file and renames it over the target only when it is complete, so an
interrupted export never leaves a half-written target. What it can leave is the ``.part``
file itself (a process killed with SIGKILL, a power cut): the next export to that folder
removes such stale files — those older than this process and not in use.

"In use" differs by system. On POSIX the writing process holds an advisory ``flock`` on the
file for as long as it exists (the kernel drops it when the process dies, however it dies).
On Windows a file another process still has open cannot be deleted (a sharing violation,
WinError 32), so trying to delete it is the test. Cleaning up never raises: a temporary file
that cannot be removed is logged, and whatever error ended the export is the one reported.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = ".sgdesk-export-"
SUFFIX = ".part"
PATTERN = f"{PREFIX}*{SUFFIX}"

# When this module was first imported: later than the process's start and earlier than any
# of its exports. (The OS's own start time is coarser than file times on some systems.)
STARTED = time.time()
WINDOWS = sys.platform == "win32"  # a name, so that tests can give Windows' rules a try

log = logging.getLogger("sgdesk.export")

if sys.platform != "win32":
    import fcntl

    def _lock(descriptor: int) -> bool:
        """Take the advisory lock of a part file; False when another process holds it."""
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


class PartFile:
    """A new, empty temporary file in ``folder``, reserved for this process until discarded."""

    def __init__(self, folder: Path) -> None:
        descriptor, name = tempfile.mkstemp(prefix=PREFIX, suffix=SUFFIX, dir=folder)
        self.path = Path(name)
        self._lock: int | None = None
        if WINDOWS:
            os.close(descriptor)  # an open handle would forbid the final rename on Windows
        else:
            _lock(descriptor)  # a new file: nobody else holds it
            self._lock = descriptor

    def discard(self) -> None:
        """Remove the file if it is still there and let go of it; never raises."""
        with signals_deferred():
            try:
                self.path.unlink(missing_ok=True)
            except OSError as exc:  # still open somewhere (Windows): the next export removes it
                log.warning("temporary file %s not removed: %s", self.path, exc)
            if self._lock is not None:
                os.close(self._lock)
                self._lock = None


_DEFERRED = {getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)}


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Ctrl+C, SIGTERM and SIGHUP wait until the block ends (POSIX), so that a part file is
    never created or removed without its owner knowing. (Windows: no signal masks.)"""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def remove_stale(folder: Path) -> list[Path]:
    """Remove the part files in ``folder`` left by exports that ended without cleaning up."""
    removed = []
    try:
        candidates = sorted(folder.glob(PATTERN))
    except OSError:
        return []
    for path in candidates:
        if _remove_if_stale(path):
            removed.append(path)
            log.info("stale temporary file removed: %s", path)
    return removed


def _remove_if_stale(path: Path) -> bool:
    try:
        if path.stat().st_mtime >= STARTED:  # possibly another export that has just begun
            return False
        if WINDOWS:
            path.unlink()  # fails while its writer still has it open
            return True
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        if not _lock(descriptor):
            return False
        path.unlink()
        return True
    except OSError:
        return False
    finally:
        os.close(descriptor)
