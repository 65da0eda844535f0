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


class Received:
    """The first signal that arrived within ``signals_interrupt`` (None: none did)."""

    def __init__(self) -> None:
        self.number: int | None = None

    @property
    def cause(self) -> str:
        """How the user names it: «Ctrl+C», «SIGTERM», «SIGHUP»."""
        assert self.number is not None
        return "Ctrl+C" if self.number == signal.SIGINT else signal.Signals(self.number).name


@contextmanager
def signals_interrupt() -> Iterator[Received]:
    """Within the block, SIGTERM and SIGHUP raise InterruptedBySignalError in the main thread
    (Ctrl+C raises KeyboardInterrupt, as always); the signal is also recorded. Raised inside
    one of Qt's calls into Python (painting a page), the exception may reach the caller as a
    SystemError from the binding instead: ``Received`` says it was the signal."""
    received = Received()

    def interrupt(number: int, frame: FrameType | None) -> None:
        received.number = received.number or number
        raise InterruptedBySignalError(number)

    def ctrl_c(number: int, frame: FrameType | None) -> None:
        received.number = received.number or number
        raise KeyboardInterrupt

    previous = {number: signal.signal(number, interrupt) for number in SIGNALS}
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        previous[signal.SIGINT] = signal.signal(signal.SIGINT, ctrl_c)
    try:
        yield received
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
