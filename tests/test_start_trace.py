"""The start-up trace (SGDESK_START_TRACE=1) and the Windows font engine chosen before Qt starts.

The trace is how the frozen Windows start-up was taken apart (docs/benchmarks.md, «Windows
start-up»): it must name every stage, in order, up to the reading pane painted with its text,
in the log and on stderr; and say nothing when the variable is unset.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sgdesk import qtenv

STAGES = [
    "python",
    "sgdesk.cli",
    "QtCore",
    "user folder",
    "single instance",
    "window modules",
    "QApplication",
    "translation and fonts",
    "corpus opened",
    "window built",
    "show",
    "pane with text paint",
]
ENTRY = re.compile(r"([0-9]+\.[0-9]{3}) ([^,]+)")


def _first_paint(tmp_path: Path, trace: bool) -> tuple[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SGDESK_START_TRACE", None)
    if trace:
        env["SGDESK_START_TRACE"] = "1"
    data = tmp_path / "datos"
    done = subprocess.run(
        [sys.executable, "-m", "sgdesk", "--data-dir", str(data), "--exit-after-paint"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "sgdesk: first-paint" in done.stdout
    log = data / "sgdesk.log"
    return done.stderr, log.read_text(encoding="utf-8") if log.exists() else ""


def test_the_trace_names_each_stage_in_order_up_to_the_page_painted(tmp_path: Path) -> None:
    stderr, log = _first_paint(tmp_path, trace=True)
    lines = [line for line in stderr.splitlines() if line.startswith("start trace: ")]
    assert len(lines) == 1, stderr
    entries = [(float(seconds), stage.strip()) for seconds, stage in ENTRY.findall(lines[0])]
    named = [stage for _, stage in entries]
    assert [stage for stage in named if stage in STAGES] == STAGES  # all of them, in this order
    times = [seconds for seconds, _ in entries]
    assert times == sorted(times)
    assert times[0] >= 0
    assert times[-1] < 120
    assert lines[0] in log  # the log keeps it too


def test_without_the_variable_nothing_is_traced(tmp_path: Path) -> None:
    stderr, log = _first_paint(tmp_path, trace=False)
    assert "start trace" not in stderr
    assert "start trace" not in log


def test_the_first_paint_marker_with_nobody_reading_still_quits(tmp_path: Path) -> None:
    """windows-check.sh stops reading once it has the trace line: the marker lines that follow
    went to a closed pipe, the error ended in the «Error inesperado» dialog and the unattended
    run waited on it until its time limit. It quits with 0 instead."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    reader, writer = os.pipe()
    os.close(reader)  # nobody will read
    try:
        done = subprocess.run(
            [sys.executable, "-m", "sgdesk", "--data-dir", str(tmp_path / "datos"), "--exit-after-paint"],
            env=env, stdout=writer, stderr=subprocess.PIPE, text=True, timeout=30, check=False,
        )  # fmt: skip
    finally:
        os.close(writer)
    assert done.returncode == 0, done.stderr


def test_windows_gets_qt_s_gdi_font_engine_unless_the_user_chose(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    qtenv.choose_platform()
    assert os.environ["QT_QPA_PLATFORM"] == "windows:fontengine=gdi"
    monkeypatch.setenv("QT_QPA_PLATFORM", "windows:darkmode=1")
    qtenv.choose_platform()
    assert os.environ["QT_QPA_PLATFORM"] == "windows:darkmode=1"  # the user's own choice stays


def test_other_systems_keep_qt_s_own_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    qtenv.choose_platform()
    assert "QT_QPA_PLATFORM" not in os.environ
