"""One window per user data folder: a second ``sgdesk`` hands its link to the first and exits.

The first process takes ``sgdesk.lock`` in the data folder (``QLockFile``) and listens on a
local socket whose name comes from the user and that folder (``QLocalServer``: a named pipe on
Windows, a Unix socket in ``$XDG_RUNTIME_DIR`` or the temporary folder elsewhere; only its user
may connect). A later process that cannot take the lock connects, sends one line of JSON
(``{"link": "sgdesk://…"}`` or ``{"link": null}``) and waits for ``ok``: then the first one has
it, and the later one exits 0. A different ``--data-dir`` is a different lock and name, so a
different instance.

- A lock left by a process that died (a crash, ``kill -9``, a power cut) is stale: Qt sees that
  its process is gone and takes it over; the socket file it left is removed before listening.
- A first process still starting (lock taken, not yet listening, or listening before its event
  loop runs) is waited for: the later one retries until ``HANDOVER_SECONDS`` pass, and the first
  answers every queued message once its window exists. Nothing is lost in between.
- If the first never answers (hung), the later one opens its own window after that time rather
  than leaving the user with nothing (``Standalone``).

Qt Core and Network only (no widgets); the window reacts to ``link_received``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:  # QtNetwork loads only to hand over, or once the first window is painted
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = "sgdesk.lock"
HANDOVER_SECONDS = 15.0  # how long a later launch waits for a first one that is still starting
RETRY_SECONDS = 0.1
MAX_MESSAGE = 16384  # bytes of one message (a link is at most 1000 characters)
SENT_LINK = 2000  # characters of a link sent on (longer ones are refused anyway)
ACK = b"ok\n"

log = logging.getLogger("sgdesk")


def server_name(data_dir: Path) -> str:
    """The local socket's name: one per user and data folder (only its user may connect)."""
    from PySide6.QtCore import QCryptographicHash  # (named when used: not in the first frame)

    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")  # not getpass: 3 ms
    key = f"{user}\n{os.path.normcase(str(data_dir.resolve()))}".encode("utf-8", "surrogatepass")
    # SHA-256 by Qt, as hashlib's would be: hashlib loads OpenSSL, ≈ 10 ms of each start (#11).
    digest = QCryptographicHash.hash(key, QCryptographicHash.Algorithm.Sha256).toHex()
    name = f"sgdesk-{bytes(digest.data()).decode('ascii')[:24]}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform != "win32" and runtime and Path(runtime).is_dir():
        return str(Path(runtime) / name)  # the user's own folder (0700), not the shared /tmp
    return name


class Primary(QObject):
    """The first instance: holds the lock and receives the links of later launches.

    ``link_received`` carries the raw text of the link a later launch was given (validated by
    the receiver, which shows any error), or None when it was started without one.
    """

    link_received = Signal(object)

    def __init__(self, lock: QLockFile, data_dir: Path) -> None:
        super().__init__()
        self._lock = lock
        self._data_dir = data_dir  # its socket's name is worked out when it listens (see claim)
        self._sockets: dict[QLocalSocket, bytearray | None] = {}  # None: answered, closing
        self.server: QLocalServer | None = None

    def listen(self) -> bool:
        """Start answering later launches: once the Qt application exists (the window calls it
        after its first paint). Until then they wait and retry; nothing they send is lost."""
        from PySide6.QtNetwork import QLocalServer

        if self.server is not None:
            return self.server.isListening()
        name = server_name(self._data_dir)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        # A socket left by a dead first instance (we hold the lock). Qt also replaces it by itself
        # when it listens with access options, as here; removing it first does not rely on that.
        QLocalServer.removeServer(name)
        if self.server.listen(name):
            return True
        log.warning("single instance: cannot listen on %s: %s", name, self.server.errorString())
        return False

    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._sockets[socket] = bytearray()
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(lambda socket=socket: self._drop(socket))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._sockets.get(socket)
        if buffer is None:
            return
        buffer += bytes(socket.read(MAX_MESSAGE + 1 - len(buffer)).data())
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE:
                log.warning("single instance: a message over %d bytes was refused", MAX_MESSAGE)
                socket.abort()
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        self._sockets[socket] = None
        socket.write(ACK)
        socket.flush()
        socket.disconnectFromServer()
        self.link_received.emit(_link_of(line))

    def _drop(self, socket: QLocalSocket) -> None:
        """Forget a connection and delete it. Its signals are cut first: no Python code runs
        while Qt destroys it (with the server, at exit), which crashed the interpreter later."""
        self._sockets.pop(socket, None)
        with contextlib.suppress(RuntimeError, TypeError):  # already cut, or already gone
            socket.readyRead.disconnect()
            socket.disconnected.disconnect()
            socket.abort()
            socket.deleteLater()

    def release(self) -> None:
        """At exit: close every connection and the server, and give the lock back."""
        for socket in list(self._sockets):
            self._drop(socket)
        if self.server is not None:
            self.server.newConnection.disconnect()
            self.server.close()
        self._lock.unlock()


class Standalone:
    """A window of its own, without the lock: the first instance did not answer in time."""


def _link_of(line: bytes) -> str | None:
    """The link of a message, or None (no link, or a message that is not ours)."""
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        log.warning("single instance: a message that is not JSON was ignored")
        return None
    link = message.get("link") if isinstance(message, dict) else None
    return link if isinstance(link, str) else None


def claim(
    data_dir: Path, link: str | None, wait_seconds: float = HANDOVER_SECONDS
) -> Primary | Standalone | None:
    """Become the first instance for ``data_dir`` (a ``Primary``), or hand ``link`` to the
    running one (None: the caller exits 0), or give up waiting for it (``Standalone``)."""
    lock = QLockFile(str(data_dir / LOCK_NAME))
    # Never stale by age (a window stays open for days): only when its process is gone.
    lock.setStaleLockTime(0)
    deadline = time.monotonic() + wait_seconds
    took_over = False
    # The socket's name and the message, only to hand over: the first instance's first frame
    # waits neither for the hash that names its socket nor for QCryptographicHash (#11 start-up).
    name = message = None
    while True:
        if lock.tryLock(0):
            return Primary(lock, data_dir)
        if lock.error() == QLockFile.LockError.PermissionError:
            log.warning("single instance: %s cannot be written: no single instance", data_dir / LOCK_NAME)
            return Standalone()
        if not took_over and _left_under_own_pid(lock):
            took_over = True
            log.warning("single instance: a lock left under this process's own pid was taken over")
            lock.removeStaleLockFile()
            continue
        if name is None or message is None:
            name = server_name(data_dir)
            message = json.dumps({"link": None if link is None else link[:SENT_LINK]}).encode() + b"\n"
        if _hand_over(name, message, lock):
            return None
        if time.monotonic() > deadline:
            log.warning("single instance: the running sgdesk did not answer in %.0f s", wait_seconds)
            return Standalone()
        time.sleep(RETRY_SECONDS)


def _left_under_own_pid(lock: QLockFile) -> bool:
    """Whether the lock names this very process (which does not hold it): left by a dead sgdesk
    whose pid Windows gave to this one (Wine reuses pids at once). Qt finds that pid alive, with
    sgdesk's name, and would keep the lock as held: the window came after HANDOVER_SECONDS."""
    from PySide6.QtCore import QSysInfo

    try:
        pid, host, _app = lock.getLockInfo()  # PySide6: (pid, host, app), pid 0 when unreadable
    except (TypeError, ValueError):
        return False
    return pid == os.getpid() and host == QSysInfo.machineHostName()


def _hand_over(name: str, message: bytes, lock: QLockFile) -> bool:
    """Send ``message`` to the first instance and wait for its ``ok`` (it may still be starting)."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(1000):
        return False
    _allow_foreground(lock)
    socket.write(message)
    if not socket.waitForBytesWritten(2000):
        socket.abort()
        return False
    answer = b""
    deadline = time.monotonic() + HANDOVER_SECONDS  # its window may take this long to be ready
    while ACK not in answer and time.monotonic() < deadline:
        if socket.bytesAvailable() or socket.waitForReadyRead(200):
            answer += bytes(socket.readAll().data())
        elif socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
            break
    with contextlib.suppress(RuntimeError):
        socket.abort()
    return ACK in answer


def _allow_foreground(lock: QLockFile) -> None:
    """Windows lets only the foreground process bring a window forward: this launch (the one the
    user just clicked) passes that right to the first instance."""
    if sys.platform != "win32":
        return
    import ctypes

    with contextlib.suppress(Exception):  # never a reason not to hand the link over
        pid, _host, _app = lock.getLockInfo()  # PySide6: (pid, host, app), pid 0 when unknown
        ctypes.windll.user32.AllowSetForegroundWindow(pid if pid > 0 else -1)  # -1: ASFW_ANY
