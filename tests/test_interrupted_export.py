"""Exports interrupted from outside, with real processes: Ctrl+C, SIGTERM and SIGHUP end with
a Spanish line and no temporary file; SIGKILL at random moments leaves files that the next
export to the folder removes, and never damages an existing target."""

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
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip


def parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(PATTERN))


def wait_for_part(process: subprocess.Popen[str], folder: Path) -> None:
    """Until the export is writing its temporary file (it is well under way then)."""
    deadline = time.monotonic() + 60
    while not parts(folder):
        assert process.poll() is None, "the export ended before it could be interrupted"
        assert time.monotonic() < deadline, "no temporary file appeared"
        time.sleep(0.005)


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
    process = start_export(corpus_db, target)
    wait_for_part(process, tmp_path)
    process.send_signal(number)
    stdout, stderr = process.communicate(timeout=60)
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
    started = time.monotonic()
    whole = start_export(corpus_db, folder / "medida.pdf")
    assert whole.communicate(timeout=120)[1] == ""
    assert whole.returncode == 0
    duration = time.monotonic() - started  # process start to renamed file
    (folder / "medida.pdf").unlink()

    chooser = random.Random(20261201)
    killed, runs, left = 0, 0, 0
    while killed < 20:  # SIGKILLs that struck before the export was done
        runs += 1
        # A loaded machine makes some exports finish before their kill: allow for it.
        assert runs <= 80, f"only {killed} of {runs} kills struck mid-export"
        target = targets[runs % len(targets)]
        process = start_export(corpus_db, target)
        time.sleep(chooser.uniform(0.0, 0.9 * duration))
        process.kill()
        process.communicate(timeout=60)
        left = max(left, len(parts(folder)))
        if target.read_bytes() == expected[target]:
            killed += process.returncode == -signal.SIGKILL
        else:  # done before the kill (or killed while exiting): a whole new PDF, never a part
            expected[target] = target.read_bytes()
            assert expected[target].startswith(b"%PDF-1.4"), f"run {runs}: {target.name} damaged"
            assert b"%%EOF" in expected[target][-1024:], f"run {runs}: {target.name} cut short"
    assert left > 0, "no kill struck while a temporary file existed: the test proved nothing"

    final = start_export(corpus_db, folder / "final.pdf")
    assert final.communicate(timeout=120)[1] == ""
    assert final.returncode == 0
    assert parts(folder) == []
    assert sorted(p.name for p in folder.iterdir()) == sorted(["final.pdf", *(t.name for t in targets)])
    for target, content in expected.items():
        assert target.read_bytes() == content
