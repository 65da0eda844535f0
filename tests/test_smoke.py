"""``sgdesk --smoke-test`` leaves its temporary folder removable: on Windows a folder whose
database is still open cannot be deleted ([WinError 32]), and the run that had printed «todo
bien» ended in «error inesperado» (found under Wine)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Before the temporary folder is removed, list the files of it this process still has open
# (what Windows would refuse to delete), then remove it as usual.
PROBE = """
import os, shutil, sys
real_rmtree = shutil.rmtree
def rmtree(path, *args, **kwargs):
    inside = str(os.path.realpath(path)) + os.sep
    held = sorted(os.path.basename(target) for target in
                  (os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
                   if os.path.exists(f"/proc/self/fd/{fd}"))
                  if target.startswith(inside))
    print("abiertos al borrar:", held, flush=True)
    return real_rmtree(path, *args, **kwargs)
shutil.rmtree = rmtree
from sgdesk.smoke import run_smoke_test
sys.exit(run_smoke_test())
"""


def test_the_smoke_test_closes_its_files_before_removing_its_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=300, cwd=tmp_path, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "sgdesk: smoke test: todo bien" in result.stdout
    removals = [line for line in result.stdout.splitlines() if line.startswith("abiertos al borrar:")]
    assert removals, "the probe saw no folder removed"
    assert removals == ["abiertos al borrar: []"] * len(removals), result.stdout
    assert not list(tmp_path.glob("sgdesk-smoke-*")), "the temporary folder stayed"
