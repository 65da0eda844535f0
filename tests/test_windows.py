"""The Windows build, run under Wine: scripts/windows-check.sh, all of its steps.

Slow (about 8 minutes, more the first time) and needs root (it installs Wine with apt-get),
so it runs only when asked: ``SGDESK_WINE=1 .venv/bin/pytest tests/test_windows.py``. The
README says when it must be run (before a release, and after touching the build, the export's
files, the entry point or a dependency).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("SGDESK_WINE") != "1", reason="set SGDESK_WINE=1 (slow, root, Wine)"),
]


def test_the_windows_build_passes_every_step_under_wine() -> None:
    result = subprocess.run(
        ["bash", str(REPO / "scripts" / "windows-check.sh")],
        capture_output=True, text=True, timeout=3600, check=False,
    )  # fmt: skip
    summary = result.stdout.rsplit("windows-check summary", 1)[-1]
    steps = dict(re.findall(r"^STEP (\d+) (PASS|FAIL)", summary, re.MULTILINE))
    assert steps == {str(n): "PASS" for n in range(1, 11)}, summary + result.stderr[-2000:]
    assert result.returncode == 0
    size = re.search(r"dist\\sgdesk = ([\d.]+) MB", summary)
    assert size is not None, summary
    assert float(size.group(1)) <= 60.0, f"the Windows folder is {size.group(1)} MB (budget 60 MB)"
