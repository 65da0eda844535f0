"""Single instance with real processes: the window runs offscreen in one process, later
launches (``sgdesk sgdesk://…``) hand their link to it and exit 0; a lock left by a process
killed with SIGKILL does not stop the next start; another data folder is another instance.

What the first window did is read from its log (``sgdesk.log`` in the data folder), where it
writes every link it opened or refused.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sgdesk.single_instance import LOCK_NAME

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals; Windows: tests/wine")

WAIT = 120.0  # seconds: the window starts in about 1 s, much more on a loaded machine


class Launcher:
    def __init__(self, tmp_path: Path, corpus_db: Path) -> None:
        self.env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"),
                    "XDG_RUNTIME_DIR": str(tmp_path / "run")}  # fmt: skip
        (tmp_path / "run").mkdir(mode=0o700)
        self.corpus_db = corpus_db
        self.running: list[subprocess.Popen[str]] = []

    def start(self, data_dir: Path, *arguments: str) -> subprocess.Popen[str]:
        command = [sys.executable, "-m", "sgdesk", "--database", str(self.corpus_db),
                   "--data-dir", str(data_dir), *arguments]  # fmt: skip
        process = subprocess.Popen(command, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)  # fmt: skip
        self.running.append(process)
        return process

    def second(self, data_dir: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
        """A later launch, which must hand over and exit by itself."""
        command = [sys.executable, "-m", "sgdesk", "--database", str(self.corpus_db),
                   "--data-dir", str(data_dir), *arguments]  # fmt: skip
        return subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=WAIT,
                              check=False)  # fmt: skip

    def stop_all(self) -> None:
        for process in self.running:
            if process.poll() is None:
                process.kill()
            process.communicate(timeout=WAIT)


@pytest.fixture
def launcher(tmp_path: Path, corpus_db: Path) -> Iterator[Launcher]:
    launcher = Launcher(tmp_path, corpus_db)
    yield launcher
    launcher.stop_all()


def log_lines(data_dir: Path) -> list[str]:
    try:
        return (data_dir / "sgdesk.log").read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []


def wait_for_file(path: Path) -> None:
    deadline = time.monotonic() + WAIT
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.005)


def wait_for_log(data_dir: Path, text: str, count: int = 1) -> list[str]:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        found = [line for line in log_lines(data_dir) if text in line]
        if len(found) >= count:
            return found
        time.sleep(0.1)
    raise AssertionError(f"«{text}» ×{count} not in the log:\n" + "\n".join(log_lines(data_dir)))


def test_a_second_launch_hands_its_link_to_the_first_even_while_it_starts(
    launcher: Launcher, tmp_path: Path
) -> None:
    data = tmp_path / "datos"
    first = launcher.start(data, "sgdesk://decreto-267-2007/art-7?vigente=2008-06-30")
    wait_for_file(data / LOCK_NAME)  # the first has claimed the folder; its window comes ~1 s later
    second = launcher.second(data, "sgdesk://decreto-267-2007/art-7/lit-n?vigente=2009-01-15")
    assert second.returncode == 0, second.stderr
    wait_for_log(data, "link opened: decreto-267-2007/art-7 at 2008-06-30")
    wait_for_log(data, "link opened: decreto-267-2007/art-7/lit-n at 2009-01-15")
    assert first.poll() is None  # the first window is still open
    third = launcher.second(data)  # no link: only brings the window forward
    assert third.returncode == 0, third.stderr
    wait_for_log(data, "brought forward by a later launch", count=2)
    assert first.poll() is None
    assert len([line for line in log_lines(data) if "link opened" in line]) == 2


def test_bad_links_reach_the_first_window_as_spanish_messages(launcher: Launcher, tmp_path: Path) -> None:
    data = tmp_path / "datos"
    launcher.start(data)
    wait_for_file(data / LOCK_NAME)  # (launched together, either could be the first)
    for link in ("sgdesk://decreto-999-2020/art-1", "sgdesk://../../etc/passwd", "sgdesk://" + "a/" * 50_000,
                 "SGDESK://mision?vigente=2008-02-30"):  # fmt: skip
        result = launcher.second(data, link)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    refused = wait_for_log(data, "link not opened", count=4)
    assert "«decreto-999-2020/art-1», que no existe en esta versión del contenido" in refused[0]
    assert "no nombra una sección" in refused[1]
    assert "demasiado largo" in refused[2]
    assert "no es una fecha válida" in refused[3]
    assert not [line for line in log_lines(data) if "link opened" in line]


def test_a_lock_left_by_a_killed_window_does_not_block_the_next_start(
    launcher: Launcher, tmp_path: Path
) -> None:
    data = tmp_path / "datos"
    first = launcher.start(data, "sgdesk://mision")
    wait_for_log(data, "link opened: mision")
    deadline = time.monotonic() + WAIT
    while not list((tmp_path / "run").iterdir()):  # it listens once its window is painted
        assert time.monotonic() < deadline
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=WAIT)
    assert (data / LOCK_NAME).exists()  # left behind, with the dead process's id
    assert list((tmp_path / "run").iterdir())  # and its socket
    after = launcher.start(data, "sgdesk://vision")
    wait_for_log(data, "link opened: vision")
    assert after.poll() is None  # a window of its own, not a hand-over to the dead one
    later = launcher.second(data, "sgdesk://valores")
    assert later.returncode == 0, later.stderr
    wait_for_log(data, "link opened: valores")
    assert after.poll() is None


def test_another_data_folder_is_another_instance(launcher: Launcher, tmp_path: Path) -> None:
    one, other = tmp_path / "uno", tmp_path / "otro"
    first = launcher.start(one, "sgdesk://mision")
    wait_for_log(one, "link opened: mision")
    second = launcher.start(other, "sgdesk://vision")
    wait_for_log(other, "link opened: vision")
    assert first.poll() is None
    assert second.poll() is None  # its own window: it did not hand over to the first
    assert not [line for line in log_lines(one) if "vision" in line]


def test_a_later_launch_on_windows_lets_the_running_window_come_forward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows only, so checked here with a stand-in for user32: the pid of the lock's owner goes
    to AllowSetForegroundWindow (under Wine this line raised ValueError: PySide6's getLockInfo
    gives three values, and the second launch ended in the crash dialog)."""
    import ctypes
    import types

    from PySide6.QtCore import QLockFile

    from sgdesk import single_instance

    allowed: list[int] = []
    user32 = types.SimpleNamespace(AllowSetForegroundWindow=allowed.append)
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(user32=user32), raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    held = QLockFile(str(tmp_path / LOCK_NAME))
    assert held.tryLock(0)
    single_instance._allow_foreground(QLockFile(str(tmp_path / LOCK_NAME)))
    single_instance._allow_foreground(QLockFile(str(tmp_path / "nadie.lock")))
    held.unlock()
    assert allowed == [os.getpid(), -1]


# The two checks below build Qt sockets and servers: each runs in a child interpreter, so that
# nothing of them is left in the test process (a window built later in the same process crashed).
_CHILD = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtNetwork import QLocalSocket
from sgdesk import single_instance
from sgdesk.single_instance import LOCK_NAME

folder = Path(sys.argv[2])
report = {}
if sys.argv[1] == "hung":
    held = QLockFile(str(folder / LOCK_NAME))
    assert held.tryLock(0)  # this live process holds it and answers nobody
    started = time.monotonic()
    outcome = single_instance.claim(folder, "sgdesk://mision", wait_seconds=0.5)
    report["outcome"] = type(outcome).__name__
    report["waited"] = time.monotonic() - started
    held.unlock()
    primary = single_instance.claim(folder, None, wait_seconds=0.5)
    report["after"] = type(primary).__name__
    primary.release()
elif sys.argv[1] == "own-pid":
    path = folder / LOCK_NAME
    held = QLockFile(str(path))
    assert held.tryLock(0)
    left = path.read_bytes()  # this process's pid, host and name: what a dead one whose pid we got left
    held.unlock()
    path.write_bytes(left)
    started = time.monotonic()
    outcome = single_instance.claim(folder, None, wait_seconds=0.5)
    report["outcome"] = type(outcome).__name__
    report["waited"] = time.monotonic() - started
    if hasattr(outcome, "release"):
        outcome.release()
else:
    app = QCoreApplication([])
    primary = single_instance.claim(folder, None)
    assert primary.listen()
    received = []
    primary.link_received.connect(received.append)

    def send(data):
        socket = QLocalSocket()
        socket.connectToServer(single_instance.server_name(folder))
        assert socket.waitForConnected(2000)
        socket.write(data)
        socket.flush()
        answer = b""
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            app.processEvents()
            time.sleep(0.02)
            answer += bytes(socket.readAll().data())
        closed = socket.state() != QLocalSocket.LocalSocketState.ConnectedState
        return answer.decode() if closed else None

    report["answers"] = [send(b'{"link": "sgdesk://mision"}\\n'), send(b'{"link": null}\\n'),
                         send(b"<b>no es json</b>\\n"), send(b"x" * (single_instance.MAX_MESSAGE + 10))]
    for _ in range(50):
        app.processEvents()
        time.sleep(0.01)
    report["received"] = received
    primary.release()
print("REPORT " + json.dumps(report))
"""


def _child(kind: str, folder: Path) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(folder)}
    done = subprocess.run([sys.executable, "-c", _CHILD, kind, str(folder)], env=env, capture_output=True,
                          text=True, timeout=WAIT, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("REPORT "))
    return dict(json.loads(line.removeprefix("REPORT ")))


def test_a_running_sgdesk_that_never_answers_does_not_leave_the_user_without_a_window(tmp_path: Path) -> None:
    """The lock is held by a live process that does not listen (hung, say): after the wait the
    later launch gets a window of its own (Standalone), without the lock."""
    report = _child("hung", tmp_path)
    assert report["outcome"] == "Standalone"
    waited = report["waited"]
    assert isinstance(waited, float)
    assert waited >= 0.5  # it waited and retried first
    assert report["after"] == "Primary"  # once the lock is free, the next one takes it


def test_a_lock_left_with_this_process_s_own_pid_is_taken_over_at_once(tmp_path: Path) -> None:
    """Windows (and Wine, much more often) give a new process the pid of one that died: a lock
    left by a killed sgdesk can name the very process that now starts. Qt sees that pid alive,
    with sgdesk's name, so the lock looked held: the window came only after the 15 s wait (seen
    under Wine). Nobody else can hold a lock under our own pid: it is taken over."""
    report = _child("own-pid", tmp_path)
    assert report["outcome"] == "Primary"
    waited = report["waited"]
    assert isinstance(waited, float)
    assert waited < 0.5  # no waiting for an answer from itself


def test_the_first_window_reads_only_well_formed_messages(tmp_path: Path) -> None:
    """What reaches the first window through its socket: the link of a well-formed message; None
    for a message without one or not JSON; nothing (the connection dropped) past the size limit."""
    report = _child("protocol", tmp_path)
    assert report["answers"] == ["ok\n", "ok\n", "ok\n", ""]  # the last: closed without an answer
    assert report["received"] == ["sgdesk://mision", None, None]


def test_the_server_name_is_the_sha256_of_the_user_and_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hashed by Qt now (hashlib loaded OpenSSL at every start): the same name as hashlib's, so a
    window opened by an earlier version still receives the links of a later launch."""
    import hashlib

    from sgdesk import single_instance

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    folder = tmp_path / "Datos ñ"
    folder.mkdir()
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    key = f"{user}\n{os.path.normcase(str(folder.resolve()))}".encode()
    assert single_instance.server_name(folder) == f"sgdesk-{hashlib.sha256(key).hexdigest()[:24]}"
