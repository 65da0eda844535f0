"""SIGTERM and SIGHUP (a closed terminal, ``kill``) as an exception, like Ctrl+C's
KeyboardInterrupt: the work in progress unwinds through its ``finally`` blocks, so an
export removes its temporary file before the process ends."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class InterruptedBySignalError(BaseException):
    """Not an Exception: nothing on the way up mistakes it for an ordinary error."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number
        self.name = signal.Signals(number).name


@contextmanager
def signals_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise InterruptedBySignalError in the main thread."""

    def interrupt(number: int, frame: FrameType | None) -> None:
        raise InterruptedBySignalError(number)

    previous = {number: signal.signal(number, interrupt) for number in SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
