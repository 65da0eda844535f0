"""#11 start-up: PySide6 builds a class, and every enumeration of it, the first time the class is
named (or a call's overloads make it look at it). The first frame shows a page without these."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

# QGradient (with its 169 presets): the markers' strip was painted with fillRect(rect, colour),
# whose overloads had PySide6 build it; QStyleFactory: only a theme the system does not give
# natively needs Fusion's palette.
NOT_IN_THE_FIRST_FRAME = {"QtGui": ("QGradient",), "QtWidgets": ("QStyleFactory",)}


def test_the_first_frame_makes_none_of_these_classes(corpus_db: Path, tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import io, runpy, sys
        import PySide6.QtGui, PySide6.QtWidgets
        out = sys.stdout
        class AtFirstPaint(io.TextIOBase):  # what had been made when the app says it painted
            def write(self, text):
                if "first-paint" in text:
                    made = [f"{{module}}.{{name}}" for module, names in {NOT_IN_THE_FIRST_FRAME!r}.items()
                            for name in names if name in vars(getattr(PySide6, module))]
                    out.write(f"made: {{made}}\\n")
                return out.write(text)
            def flush(self):
                out.flush()
        sys.stdout = AtFirstPaint()
        sys.argv = ["sgdesk", "--database", {str(corpus_db)!r}, "--data-dir", {str(tmp_path)!r},
                    "--exit-after-paint"]
        try:
            runpy.run_module("sgdesk", run_name="__main__")
        except SystemExit as exit:
            assert not exit.code, exit.code
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "sgdesk: first-paint" in run.stdout  # (a page was painted: the probe saw a real first frame)
    assert "made: []" in run.stdout, run.stdout
