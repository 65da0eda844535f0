"""``scripts/dev.sh app`` without a display says so plainly, before installing anything."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "dev.sh"


def _app(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(["bash", str(SCRIPT), "app"], capture_output=True, text=True, env={**base, **env},
                          timeout=60)  # fmt: skip


def _silent_display() -> str:
    """A display number no X server uses here (another tool may run one on :97, say)."""
    number = next(n for n in range(97, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                  and not Path(f"/tmp/.X{n}-lock").exists())  # fmt: skip
    return f":{number}"


SILENT = _silent_display()


@pytest.mark.parametrize(
    ("env", "reason"),
    [
        ({}, "no hay pantalla: la variable DISPLAY está vacía"),
        ({"DISPLAY": SILENT}, f"no hay pantalla: DISPLAY={SILENT}, pero ningún servidor X escucha en ella"),
    ],
)
def test_no_display_is_said_plainly(env: dict[str, str], reason: str) -> None:
    result = _app(env)
    assert result.returncode == 1
    assert result.stderr.startswith(f"sgdesk: {reason}")
    assert "xvfb-run" in result.stderr
    assert "xcb" not in result.stderr
    assert "pip install" not in result.stdout  # nothing was installed first
