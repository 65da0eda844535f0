"""Atomic file writes: a locked ``.sgdesk-export-*.part`` file beside the target, renamed over it.

PDF exports, «Mis notas» files and reports, imported norm sources and content packs are
written this way (not yet: ``db build``'s database, SQLite's own writes, the content pointer of
an installed pack): to a part file in the target's folder, flushed and fsynced, and renamed
over the target only when complete, so an interrupted write never leaves a half-written
target. What it can leave is the part file itself (a process killed with SIGKILL, a power
cut): the next write to that folder removes such stale files — those older than this process
and not in use.

"In use" differs by system. On POSIX the writing process holds an advisory ``flock`` on the
file for as long as it exists (the kernel drops it when the process dies, however it dies).
On Windows a file another process still has open cannot be deleted (a sharing violation,
WinError 32), so trying to delete it is the test. Cleaning up never raises: a temporary file
that cannot be removed is logged, and whatever error ended the write is the one reported.
No Qt here: every layer may use it.
"""

from __future__ import annotations

import errno
import logging
import os
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

PREFIX = ".sgdesk-export-"
SUFFIX = ".part"
PATTERN = f"{PREFIX}*{SUFFIX}"

# When this module was first imported: later than the process's start and earlier than any
# of its writes. (The OS's own start time is coarser than file times on some systems.)
STARTED = time.time()
WINDOWS = sys.platform == "win32"  # a name, so that tests can give Windows' rules a try

log = logging.getLogger("sgdesk.atomicfile")

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
            except OSError as exc:  # still open somewhere (Windows): the next write removes it
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
    """Remove the part files in ``folder`` left by writes that ended without cleaning up."""
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


@contextmanager
def atomic_writer(target: Path, *, overwrite: bool = True) -> Iterator[BinaryIO]:
    """A binary file to write ``target``'s new content into; when the block ends without an
    error it is flushed, fsynced and renamed over ``target``. On any error (and on Ctrl+C) the
    part file is removed and ``target`` is untouched; the error raised is the block's own (or
    the OS's ``OSError``). ``overwrite=False``: an existing ``target`` raises FileExistsError."""
    folder = target.parent
    remove_stale(folder)
    part: PartFile | None = None
    try:
        with signals_deferred():  # an interruption lands once `part` is known, inside the try
            part = PartFile(folder)
        with part.path.open("wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _rename(part.path, target, overwrite)
        _fsync_folder(folder)
    finally:
        if part is not None:
            part.discard()  # never raises: the error that ended the write is the one reported


def write_atomically(target: Path, data: bytes | str, *, overwrite: bool = True) -> None:
    """Write ``data`` (text as UTF-8, newlines as given) to ``target`` atomically."""
    with atomic_writer(target, overwrite=overwrite) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


def _rename(part: Path, target: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(part, target)
    elif sys.platform == "win32":
        os.rename(part, target)  # Windows' rename refuses an existing target
    else:
        try:
            os.link(part, target)  # refuses an existing target, atomically; the part is then discarded
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links (FAT, some shares)
            if target.exists():
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
            os.rename(part, target)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX; best effort: the new file is already in place)."""
    if sys.platform == "win32":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
