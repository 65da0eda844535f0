"""#11 start-up: PySide6 builds a class, and every enumeration of it, the first time the class is
named (or a call's overloads make it look at it). The first frame shows a page without these,
in a new data folder and with four tabs restored (a dated one in front, laid out as saved)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from sgdesk.ui.state import UiSettings

# QGradient (with its 169 presets): the markers' strip was painted with fillRect(rect, colour),
# whose overloads had PySide6 build it; QStyleFactory: only a theme the system does not give
# natively needs Fusion's palette. QStyle (566 members; QStyleOption with it): the native
# style's name, the first layout's metrics and the status bar's text asked the style for them.
# QIcon (ThemeIcon: 151 members): the window icon, and QAction(text, parent), whose overloads
# include QAction(icon, text).
NOT_IN_THE_FIRST_FRAME = {
    "QtCore": ("QCryptographicHash",),  # the single instance's socket name: when it listens
    "QtGui": ("QGradient", "QIcon"),
    "QtWidgets": ("QStyleFactory", "QStyle", "QStyleOption"),
}
# The timeline (its events and offices) is built after the first frame, also when the tab in
# front shows a page on a date (its statuses come without it: content.timeline.InForce).
NOT_LOADED = ("sgdesk.content.timeline_events", "sgdesk.content.records")
# Nor any dataclass: each compiles its five or six methods with exec as its module loads (≈ 0.7
# ms of processor each; 17 did, ≈ 12 ms): the records the first frame uses are NamedTuples (#11).
TABS = [("mision", None), ("decreto-267-2007", date(2008, 6, 30)), ("decreto-163-2008", None),
        ("vision", date(2010, 1, 1))]  # fmt: skip


def first_frame(corpus_db: Path, folder: Path) -> str:
    """What the app's stdout says when it starts in ``folder`` and quits at its first paint."""
    script = textwrap.dedent(
        f"""
        import dataclasses, io, runpy, sys
        import PySide6.QtGui, PySide6.QtWidgets
        out = sys.stdout
        dataclass_names = []
        process_class = dataclasses._process_class
        def recorded(cls, *args, **kwargs):
            dataclass_names.append(f"{{cls.__module__}}.{{cls.__qualname__}}")
            return process_class(cls, *args, **kwargs)
        dataclasses._process_class = recorded
        class AtFirstPaint(io.TextIOBase):  # what had been made when the app says it painted
            def write(self, text):
                if "first-paint" in text:
                    made = [f"{{module}}.{{name}}" for module, names in {NOT_IN_THE_FIRST_FRAME!r}.items()
                            for name in names if name in vars(getattr(PySide6, module))]
                    loaded = [name for name in {NOT_LOADED!r} if name in sys.modules]
                    out.write(f"made: {{made}}\\nloaded: {{loaded}}\\ndataclasses: {{dataclass_names}}\\n")
                return out.write(text)
            def flush(self):
                out.flush()
        sys.stdout = AtFirstPaint()
        sys.argv = ["sgdesk", "--database", {str(corpus_db)!r}, "--data-dir", {str(folder)!r},
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
    return run.stdout


def test_the_first_frame_makes_none_of_these_classes(corpus_db: Path, tmp_path: Path) -> None:
    said = first_frame(corpus_db, tmp_path)
    assert "made: []" in said, said
    assert "dataclasses: []" in said, said
    assert "sgdesk: page mision" in said


def test_nor_with_tabs_restored_and_a_dated_one_in_front(corpus_db: Path, tmp_path: Path) -> None:
    settings = UiSettings(tmp_path / "sgdesk.ini")
    settings.save_tabs(TABS, 1)
    settings.sync()
    first_frame(corpus_db, tmp_path)  # (the window's layout is saved as it closes)
    assert UiSettings(tmp_path / "sgdesk.ini").window_state is not None
    said = first_frame(corpus_db, tmp_path)
    assert "made: []" in said, said
    assert "loaded: []" in said, said
    assert "dataclasses: []" in said, said
    assert "sgdesk: page decreto-267-2007" in said


def test_the_probe_sees_a_class_once_it_is_made() -> None:
    """(So an empty list above is no accident: naming a class puts it in its module's dict.)"""
    script = "import PySide6.QtWidgets as w; print('QStyle' in vars(w)); w.QStyle; print('QStyle' in vars(w))"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.stdout.split() == ["False", "True"], run.stderr[-2000:]


def test_the_window_has_its_icon_once_started(corpus_db: Path, tmp_path: Path) -> None:
    """The icon is set with the rest of the window, the turn after the first frame (QIcon is not
    named before it); every window has it from then on."""
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication, QTimer
        import sgdesk.app as app

        made = app.create_main_window
        def create(*args, **kwargs):
            window = made(*args, **kwargs)
            def look():
                from PySide6.QtGui import QGuiApplication
                icon = QGuiApplication.windowIcon()
                print(f"rest built: {{window.rest is not None}}", flush=True)
                print(f"icon sizes: {{[size.width() for size in icon.availableSizes()]}}", flush=True)
                print(f"window icon: {{not window.windowIcon().isNull()}}", flush=True)
                QCoreApplication.quit()
            window.when_built(lambda: QTimer.singleShot(0, look))  # (after the app's own callbacks)
            return window
        app.create_main_window = create
        sys.exit(app.run_gui(Path({str(corpus_db)!r}), Path({str(tmp_path)!r})))
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "rest built: True" in run.stdout, run.stdout
    assert "icon sizes: [256]" in run.stdout, run.stdout  # resources/icons/sgdesk.png
    assert "window icon: True" in run.stdout, run.stdout
