"""Exports interrupted from outside, with real processes: Ctrl+C, SIGTERM and SIGHUP end with
a Spanish line and no temporary file; SIGKILL at random moments leaves files that the next
export to the folder removes, and never damages an existing target.

No sleeps decide what is tested: the child is caught in the act (its temporary file exists)
and frozen with SIGSTOP while the test looks; a loaded machine only makes it wait longer."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sgdesk.atomicfile import PATTERN

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals (Windows: tests/test_windows.py)")

OLD = b"%PDF-1.4 the copy exported last week"
TRIES = 5  # exports that may finish before the test catches them in the act (a loaded machine)


def start_export(database: Path, target: Path) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "sgdesk",
        "--database",
        str(database),
        "export",
        "--all",
        "-o",
        str(target),
    ]
    # Started as from a terminal: a suite run as a background job has Ctrl+C ignored, a child
    # inherits that, and the app rightly leaves an ignored Ctrl+C ignored (Python's own handler,
    # set here, goes back to the default in the child).
    ignored = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )  # fmt: skip
    finally:
        signal.signal(signal.SIGINT, ignored)


def parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(PATTERN))


def wait_for_part(process: subprocess.Popen[str], folder: Path, known: set[str] | None = None) -> bool:
    """Until the export is writing its temporary file (one not in ``known``: left by earlier
    kills); False if it ended first."""
    deadline = time.monotonic() + 120
    while not set(parts(folder)) - (known or set()):
        if process.poll() is not None:
            return False
        assert time.monotonic() < deadline, "no temporary file appeared"
        time.sleep(0.002)
    return True


def freeze(process: subprocess.Popen[str]) -> None:
    """SIGSTOP, and wait until the kernel says the process is stopped (state T)."""
    process.send_signal(signal.SIGSTOP)
    deadline = time.monotonic() + 30
    while True:
        stat = Path(f"/proc/{process.pid}/stat").read_text()
        if stat.rsplit(")", 1)[1].split()[0] in ("T", "t", "Z"):
            return
        assert time.monotonic() < deadline, "the export did not stop"
        time.sleep(0.001)


def caught_mid_export(database: Path, target: Path) -> subprocess.Popen[str]:
    """An export of ``database`` to ``target``, stopped while its temporary file exists and
    ``target`` is untouched: a signal sent now lands in the middle of the export."""
    for _ in range(TRIES):
        process = start_export(database, target)
        if wait_for_part(process, target.parent):
            freeze(process)
            if parts(target.parent) and target.read_bytes() == OLD:
                return process
            process.send_signal(signal.SIGCONT)  # it got past the temporary file meanwhile
        process.communicate(timeout=120)
        target.write_bytes(OLD)  # the export that got through replaced it: put it back
    raise AssertionError(f"{TRIES} exports finished before they could be caught writing")


@pytest.mark.parametrize(
    ("number", "cause", "code"),
    [(signal.SIGINT, "Ctrl+C", 130), (signal.SIGTERM, "SIGTERM", 143), (signal.SIGHUP, "SIGHUP", 129)],
    ids=["ctrl-c", "sigterm", "sighup"],
)
def test_an_interrupted_export_says_so_and_leaves_nothing(
    corpus_db: Path, tmp_path: Path, number: int, cause: str, code: int
) -> None:
    target = tmp_path / "Compendio.pdf"
    target.write_bytes(OLD)
    process = caught_mid_export(corpus_db, target)
    process.send_signal(number)  # pending while stopped: delivered when it goes on
    process.send_signal(signal.SIGCONT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == code, stderr
    assert stderr == f"sgdesk: exportación interrumpida ({cause}); no quedó ningún archivo a medias.\n"
    assert stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Compendio.pdf"]
    assert target.read_bytes() == OLD


@pytest.mark.slow
def test_exports_killed_at_random_moments_leave_nothing_after_the_next_export(
    corpus_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "exportaciones"
    folder.mkdir()
    targets = [folder / f"informe-{n}.pdf" for n in range(3)]
    for n, target in enumerate(targets):
        target.write_bytes(OLD + bytes([n]))
    expected = {target: target.read_bytes() for target in targets}
    # One whole export, timed in two stretches: start to temporary file, temporary file to end.
    started = time.monotonic()
    whole = start_export(corpus_db, folder / "medida.pdf")
    assert wait_for_part(whole, folder)
    starting = time.monotonic() - started
    assert whole.communicate(timeout=120)[1] == ""
    assert whole.returncode == 0
    writing = time.monotonic() - started - starting
    (folder / "medida.pdf").unlink()

    chooser = random.Random(20261201)
    killed, runs, mid_write = 0, 0, 0
    while killed < 20 or mid_write < 5:  # SIGKILLs that struck before the export was done
        runs += 1
        # A loaded machine makes some exports finish before their kill: allow for it.
        assert runs <= 100, f"only {killed} of {runs} kills struck mid-export ({mid_write} while writing)"
        target = targets[runs % len(targets)]
        before = set(parts(folder))
        process = start_export(corpus_db, target)
        if runs % 2:  # a moment while Python starts, reads the corpus and lays out the pages
            time.sleep(chooser.uniform(0.0, starting))
        elif wait_for_part(process, folder, before):  # a moment while the PDF is being written
            time.sleep(chooser.uniform(0.0, 0.9 * writing))
        process.kill()
        process.communicate(timeout=60)
        if target.read_bytes() == expected[target]:
            struck = process.returncode == -signal.SIGKILL
            killed += struck
            mid_write += struck and bool(set(parts(folder)) - before)  # its part was left
        else:  # done before the kill (or killed while exiting): a whole new PDF, never a part
            expected[target] = target.read_bytes()
            assert expected[target].startswith(b"%PDF-1.4"), f"run {runs}: {target.name} damaged"
            assert b"%%EOF" in expected[target][-1024:], f"run {runs}: {target.name} cut short"

    final = start_export(corpus_db, folder / "final.pdf")
    assert final.communicate(timeout=120)[1] == ""
    assert final.returncode == 0
    assert parts(folder) == []
    assert sorted(p.name for p in folder.iterdir()) == sorted(["final.pdf", *(t.name for t in targets)])
    for target, content in expected.items():
        assert target.read_bytes() == content


def test_a_signal_the_binding_turned_into_a_system_error_is_still_an_interruption(
    corpus_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    qapp: object,
) -> None:  # fmt: skip
    """SIGHUP's exception raised inside Qt's call into Python (painting a page) came out of the
    binding as "SystemError: ... bad argument to internal function": «error inesperado», exit 70.
    The export unwinds the same way, so it is the interruption it was (seen once, under load)."""
    from sgdesk.cli import main
    from sgdesk.export import pdf

    def painting(plan: object, target: Path) -> Path:
        try:
            os.kill(os.getpid(), signal.SIGHUP)
            time.sleep(5)  # the handler raises here
        except BaseException as exc:  # what PySide made of it
            raise SystemError("Objects/longobject.c:1208: bad argument to internal function") from exc
        raise AssertionError("SIGHUP did not arrive")

    monkeypatch.setattr(pdf, "write_pdf", painting)
    before = {number: signal.getsignal(number) for number in (signal.SIGHUP, signal.SIGINT)}
    code = main(["--database", str(corpus_db), "export", "--all", "-o", str(tmp_path / "a.pdf")])
    assert code == 129
    assert (
        capsys.readouterr().err
        == "sgdesk: exportación interrumpida (SIGHUP); no quedó ningún archivo a medias.\n"
    )
    # put back as they were (SIG_DFL and Python's handler from a terminal; ignored in a background job)
    assert {number: signal.getsignal(number) for number in before} == before
