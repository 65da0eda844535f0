"""Does the window keep responding while the timeline of a large corpus is read and drawn?

    python -m bench.responsiveness [--sizes 100000,1000000] [--json FILE]

A 5 ms heartbeat timer runs on the GUI thread; every gap between two beats longer than that is
time the window could not answer the keyboard, the mouse or a repaint. For each corpus
(``data/sgdesk.db`` and ``bench/.cache/corpus-<N>.db``, from ``python -m bench.build_index``):

* **mostrar**: the real main window (``create_main_window``, a temporary user folder) is shown
  with the timeline dock open, until it is on screen (start-up proper: ``python -m bench``).
* **línea de tiempo**: from there until the timeline panel has every event laid out: reading
  every event on the worker thread (``TimelineLoader``), then the layout, which
  ``TimelineView`` does a slice per turn of the event loop.
* **acercar** and **ajustar**: ``zoom_in`` then ``zoom_to_fit`` on that panel, until laid out.
* **desplazar**: zoomed in, the scroll bars are moved to 40 positions (vertical and horizontal)
  and the view is repainted each time: milliseconds per repaint.

Baseline in the same run: the same heartbeat over a bare ``QMainWindow`` doing nothing (what
the event loop and the timer themselves cost), and repainting a bare ``QWidget`` of the same
size. Figures are milliseconds; "bloqueo máx." is the longest gap between beats.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from bench.corpora import add_sizes_argument, databases
from bench.results import add_json_option, save_json
from sgdesk.app import configure_application, create_main_window
from sgdesk.ui.timeline_view import TimelineView

BEAT_MS = 5
STALL_MS = 100  # a gap this long is felt as the window freezing
SCROLL_STEPS = 40


@dataclass(frozen=True)
class Watch:
    """What the heartbeat saw during one action."""

    total_ms: float
    longest_ms: float
    stalls: int  # gaps of STALL_MS or more

    def cells(self) -> str:
        return f"{self.total_ms:>9.0f}{self.longest_ms:>9.1f}{self.stalls:>6}"


@dataclass(frozen=True)
class Result:
    corpus: str
    events: int
    showing: Watch
    opening: Watch
    zoom_in: Watch
    fit: Watch
    scroll_p50_ms: float
    scroll_max_ms: float
    rows: int


def watch(start: Callable[[], object], finished: Callable[[], bool], timeout_s: float = 120) -> Watch:
    """Run ``start`` and the event loop until ``finished()``, beating every BEAT_MS."""
    gaps: list[float] = []
    last = [time.perf_counter()]
    loop = QEventLoop()

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now
        if finished() or now - began > timeout_s:
            loop.quit()

    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(BEAT_MS)
    heart.timeout.connect(beat)
    began = last[0] = time.perf_counter()
    start()
    heart.start()
    loop.exec()
    heart.stop()
    total = (time.perf_counter() - began) * 1000
    if not finished():
        raise RuntimeError(f"not finished after {timeout_s} s")
    return Watch(total, max(gaps, default=total), sum(gap >= STALL_MS for gap in gaps))


def _exposed(window: QWidget) -> bool:
    handle = window.windowHandle()
    return handle is not None and handle.isExposed()


def _idle(duration_ms: float) -> tuple[Watch, Watch]:
    """A bare window: shown, then left alone for ``duration_ms``."""
    window = QMainWindow()
    window.resize(1366, 768)
    showing = watch(window.show, lambda: _exposed(window))
    deadline = time.perf_counter() + duration_ms / 1000
    idle = watch(lambda: None, lambda: time.perf_counter() >= deadline)
    window.close()
    return showing, idle


def _repaint_ms(widget: QWidget, move: Callable[[int], object]) -> list[float]:
    """Milliseconds to paint what is visible of ``widget`` (into a pixmap: the offscreen
    platform skips ``repaint``), after each ``move``."""
    samples = []
    for step in range(SCROLL_STEPS):
        move(step)
        visible = widget.visibleRegion().boundingRect()
        started = time.perf_counter()
        widget.grab(visible)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def measure(database: Path, label: str) -> Result:
    with tempfile.TemporaryDirectory(prefix="sgdesk-bench-") as folder:
        window = create_main_window(database, Path(folder))
        window.resize(1366, 768)
        dock = window.docks["timelineDock"]
        views: list[TimelineView] = []

        def laid_out() -> bool:
            panel = window.point_in_time.timeline_panel
            if panel is None:
                return False
            views[:] = [panel.view]
            return panel.view.is_laid_out() and bool(panel.view.visible_event_ids())

        def open_window() -> None:
            window.show()
            dock.show()
            dock.raise_()

        showing = watch(open_window, lambda: _exposed(window))
        opening = watch(lambda: None, laid_out)
        view = views[0]
        zoom_in = watch(view.zoom_in, view.is_laid_out)
        fit = watch(view.zoom_to_fit, view.is_laid_out)
        for _ in range(3):
            view.zoom_in()
        watch(lambda: None, view.is_laid_out)
        panel = window.point_in_time.timeline_panel
        assert panel is not None
        vertical, horizontal = panel.scroll_area.verticalScrollBar(), panel.scroll_area.horizontalScrollBar()

        def move(step: int) -> None:
            fraction = step / (SCROLL_STEPS - 1)
            vertical.setValue(round(vertical.maximum() * fraction))
            horizontal.setValue(round(horizontal.maximum() * (1 - fraction)))
            QApplication.processEvents()

        scroll = _repaint_ms(view, move)
        events = len(view.visible_event_ids())
        rows = view.height()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return Result(label, events, showing, opening, zoom_in, fit, statistics.median(scroll), max(scroll), rows)


def _bare_repaint() -> list[float]:
    widget = QWidget()
    widget.setAutoFillBackground(True)
    widget.resize(1340, 150)
    widget.show()
    QApplication.processEvents()
    return _repaint_ms(widget, lambda _step: None)


def table(results: list[Result], bare: tuple[Watch, Watch], bare_paint: list[float]) -> str:
    showing, idle = bare
    head = (f"{'Corpus':<20}{'eventos':>9}{'mostrar':>9}  {'línea de tiempo: total bloqueo ≥100':>36}"
            f"  {'acercar: total bloqueo':>23}  {'ajustar: total bloqueo':>23}"
            f"  {'repintar p50':>13}{'máx':>7}")  # fmt: skip
    lines = [head, "-" * len(head)]
    lines.append(f"{'ventana vacía (base)':<20}{'':>9}{showing.longest_ms:>9.1f}  {'':>21}"
                 f"{idle.longest_ms:>9.1f}{idle.stalls:>6}  {'':>23}  {'':>23}"
                 f"  {statistics.median(bare_paint):>13.2f}{max(bare_paint):>7.2f}")  # fmt: skip
    for r in results:
        lines.append(f"{r.corpus:<20}{r.events:>9,}{r.showing.longest_ms:>9.1f}  {'':>12}"
                     f"{r.opening.total_ms:>9.0f}{r.opening.longest_ms:>9.1f}{r.opening.stalls:>6}"
                     f"  {r.zoom_in.total_ms:>14.0f}{r.zoom_in.longest_ms:>9.1f}"
                     f"  {r.fit.total_ms:>14.0f}{r.fit.longest_ms:>9.1f}"
                     f"  {r.scroll_p50_ms:>13.2f}{r.scroll_max_ms:>7.2f}".replace(",", "."))  # fmt: skip
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.responsiveness",
        description="¿La ventana sigue respondiendo mientras lee y dibuja la línea de tiempo?",
    )
    add_sizes_argument(parser)
    add_json_option(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app)
    found = databases(args.sizes)
    results = []
    for database, label in found:
        print(f"midiendo {label}…", file=sys.stderr, flush=True)
        results.append(measure(database, label))
    longest = max(r.opening.total_ms for r in results)
    bare = _idle(min(longest, 5000))
    bare_paint = _bare_repaint()
    print(f"\nMilisegundos; latido cada {BEAT_MS} ms en el hilo de la interfaz; «bloqueo»: el mayor "
          f"intervalo entre latidos; «≥100»: intervalos de {STALL_MS} ms o más. La base: una "
          f"QMainWindow vacía (mostrarse, y luego nada) y repintar un QWidget vacío.\n")  # fmt: skip
    print(table(results, bare, bare_paint))
    showing, idle = bare
    rows = [asdict(r) for r in results]
    save_json(args.json, {"bare_show": asdict(showing), "idle": asdict(idle), "bare_repaint_ms": bare_paint,
                          "results": rows})  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
