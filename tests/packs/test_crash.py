"""Crash safety with real processes: ``sgdesk pack install`` killed with SIGKILL at random moments
of each phase; afterwards the data folder reads the previous or the new content, never a broken
one, and the previous version is still there to roll back to."""

from __future__ import annotations

import collections
import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sgdesk import paths
from sgdesk.library import Library
from sgdesk.packs.installed import ContentFolder
from tests.altered import altered_copy
from tests.packs.conftest import KeyFiles, signed_pack

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]

PHASES = ("verificar", "copiar", "comprobar", "cambiar")
# After the phase's line, wait this long (at most) before the kill: within the phase or just after.
WINDOWS = {"verificar": 0.004, "copiar": 0.08, "comprobar": 0.08, "cambiar": 0.006}
WANTED_KILLS = 36
MAX_RUNS = 140


def _run_until(command: list[str], phase: str, delay: float) -> tuple[bool, str]:
    """Start the install, kill it ``delay`` s after it announces ``phase``; (killed?, last phase)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    last = ""
    for line in process.stderr:
        if line.startswith("sgdesk: fase: "):
            last = line.removeprefix("sgdesk: fase: ").strip()
            if last == phase:
                break
    time.sleep(delay)
    killed = process.poll() is None
    if killed:
        os.kill(process.pid, signal.SIGKILL)
    rest = process.stderr.read()
    process.stderr.close()
    process.wait()
    for line in rest.splitlines():  # what it reached before the kill landed
        if line.startswith("sgdesk: fase: "):
            last = line.removeprefix("sgdesk: fase: ").strip()
    assert killed or process.returncode == 0, rest
    return killed, last


def _assert_sound(folder: ContentFolder, versions: tuple[str, str]) -> str:
    content = folder.current()
    assert content.warning is None
    assert content.version is not None
    assert content.version.version in versions
    assert hashlib.sha256(content.path.read_bytes()).hexdigest() == content.version.sha256
    library = Library.open(content.path)
    try:
        assert library.search("gestión documental").hits
    finally:
        library.close()
    return content.version.version


def test_install_killed_at_random_moments_never_leaves_broken_content(
    tmp_path: Path, corpus_db: Path, test_keys: KeyFiles
) -> None:
    # A bigger database (20 MB that do not compress) so copying and checking take a while.
    big = altered_copy(corpus_db, tmp_path / "grande.db",
                       "CREATE TABLE padding(data BLOB)",
                       "INSERT INTO padding VALUES (randomblob(20000000))")  # fmt: skip
    old = signed_pack(tmp_path / "v1.sgpack", corpus_db, test_keys.secret, content_version="2026.1")
    new = signed_pack(tmp_path / "v2.sgpack", big, test_keys.secret, content_version="2026.2")
    data = tmp_path / "datos"
    folder = ContentFolder(data, paths.shipped_database(), test_keys.folder)
    folder.install(old)
    command = [sys.executable, "-m", "sgdesk", "--data-dir", str(data), "pack", "install", str(new),
               "--trust-key", str(test_keys.public_path), "--verbose"]  # fmt: skip
    chooser = random.Random(13)
    kills: collections.Counter[str] = collections.Counter()
    outcomes: collections.Counter[str] = collections.Counter()
    runs = 0
    while sum(kills.values()) < WANTED_KILLS and runs < MAX_RUNS:
        phase = PHASES[runs % len(PHASES)]
        runs += 1
        killed, reached = _run_until(command, phase, chooser.uniform(0, WINDOWS[phase]))
        if killed:
            kills[reached] += 1
        current = _assert_sound(folder, ("2026.1", "2026.2"))
        outcomes[current] += 1
        if current == "2026.2":  # installed: the previous version is there to go back to
            assert [v.version for v in folder.versions()] == ["2026.1", "2026.2"]
            assert folder.rollback().version.version == "2026.1"  # type: ignore[union-attr]
            _assert_sound(folder, ("2026.1",))
    assert sum(kills.values()) >= 30, kills
    assert all(kills[phase] >= 3 for phase in ("verificar", "copiar", "cambiar")), kills
    assert outcomes["2026.1"] > 0, outcomes
    print(f"runs {runs}, kills by phase reached {dict(kills)}, content afterwards {dict(outcomes)}")
