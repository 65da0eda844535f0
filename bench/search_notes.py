"""The Búsqueda panel's search with «Mis notas» (#12.6): 10 000 notes against none.

    python -m bench.search_notes [--repeat N] [--clock cpu|wall] [--json FILE]

Fills a user database as ``bench.notes`` does (10 000 notes on passages of every unit of the
shipped corpus, each saying «nota N sobre gestión y contratación»), then times, per query, what
the panel's search thread runs (``SearchWorker.run``, called on this thread), with the user
data and without it, interleaved (one of each per repetition):

- **base**: the worker without a user database (the corpus search alone): its one answer;
- **con notas, resultados del corpus**: with the 10 000 notes, until the worker's first answer
  (the corpus's hits, which the panel shows at once);
- **con notas, hasta las notas**: until its last answer (the matching notes first, at most 20,
  placed in the text; the panel adds them above the rows shown);
- **solo mis notas**: «Solo mis notas» (the corpus left out).

With ``--panel``, the same in the panel a user looks at (wall clock, offscreen): a
``SearchPanel`` fed by a ``SearchService`` (its own thread), from the request until the list
has painted the corpus's rows, and until it has painted the notes above them.

The queries: words every note has («contratación»: 10 000 matches), words of some quoted
passages only («gestión documental»), and a word being typed. Aim (issue #12): under 1.2× the
base and under 100 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.notes import NOTES, fill
from bench.results import add_json_option, save_json
from bench.stats import nearest_rank
from sgdesk import paths
from sgdesk.content.query import SearchFilters
from sgdesk.library import Library, SearchMode, SearchResults
from sgdesk.store.userdb import USER_DB_NAME
from sgdesk.ui.search_service import SearchWorker

QUERIES = (("contratación", False), ("gestión documental", False), ("secretaría general", False),
           ("funciones", False), ("contrat", True))  # fmt: skip
CLOCKS = {"wall": time.perf_counter, "cpu": time.thread_time}
AIM_RATIO, AIM_MS = 1.2, 100.0


class _Timed:
    """Runs a worker's search and notes when each answer went out (ms after the request)."""

    def __init__(self, worker: SearchWorker, clock: Callable[[], float]) -> None:
        self.worker, self._clock = worker, clock
        self._start = 0.0
        self.answers: list[tuple[float, SearchResults]] = []
        worker.finished.connect(self._answered)
        worker.failed.connect(lambda _generation, message: sys.exit(f"la búsqueda falló: {message}"))

    def _answered(self, _generation: int, results: SearchResults) -> None:
        self.answers.append(((self._clock() - self._start) * 1000, results))

    def run(self, text: str, mode: SearchMode) -> list[tuple[float, SearchResults]]:
        self.answers = []
        self._start = self._clock()
        self.worker.run(0, text, SearchFilters(), 30, 0, mode)
        return self.answers


class _Panel:
    """A SearchPanel fed by its own SearchService: what the Búsqueda dock does."""

    def __init__(self, database: Path, notes: Path | None) -> None:
        from sgdesk.ui.search_panel import SearchPanel
        from sgdesk.ui.search_service import SearchService

        self.panel = SearchPanel()
        self.panel.resize(400, 700)
        self.panel.show()
        self.service = SearchService(database, notes=notes)
        self.service.results_ready.connect(self._answered)
        self.service.failed.connect(lambda message: sys.exit(f"la búsqueda falló: {message}"))
        self._start = 0.0
        self.answers: list[tuple[float, SearchResults]] = []
        self.gui: list[float] = []  # the GUI thread's CPU time for each answer shown, ms

    def _answered(self, results: SearchResults) -> None:
        cpu = time.thread_time()
        self.panel.show_results(results)
        self.panel.results.doItemsLayout()  # (Qt lays the rows out at its next turn: now)
        self.panel.results.viewport().repaint()  # painted now: what the user sees
        self.gui.append((time.thread_time() - cpu) * 1000)
        self.answers.append(((time.perf_counter() - self._start) * 1000, results))

    def run(self, text: str, mode: SearchMode, notes_follow: bool) -> list[tuple[float, SearchResults]]:
        """Until the corpus's rows are painted, and (``notes_follow``) the notes' too."""
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        # Each search lays its rows out as a new query would (the delegate keeps the sizes of
        # rows it laid out: a query repeated would reuse them all).
        getattr(self.panel.results.itemDelegate(), "_sizes", {}).clear()
        self.answers = []
        self.gui = []
        self._start = time.perf_counter()
        self.service.search(text, SearchFilters(), 30, 0, mode)
        while not self.answers or (notes_follow and not self.answers[-1][1].notes):
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        return self.answers


def _panel_table(database: Path, notes: Path, repeat: int) -> dict[str, dict[str, list[float]]]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    base, full = _Panel(database, None), _Panel(database, notes)
    print(f"\nEn el panel (ms, mediana (p95) de {repeat}; base y con notas alternadas): reloj desde el "
          "pedido hasta pintar las filas, y CPU del hilo de la interfaz para mostrarlas\n")  # fmt: skip
    print("| Consulta | Base: filas del corpus | Con notas: filas del corpus | Razón "
          "| Con notas: filas de las notas | Razón "
          "| CPU de la interfaz: base / con notas (corpus + notas) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    report: dict[str, dict[str, list[float]]] = {}
    for text, typing in QUERIES:
        mode = SearchMode(prefix_last=typing)
        base.run(text, mode, False), full.run(text, mode, True)  # warm up
        samples: dict[str, list[float]] = {k: [] for k in ("base", "corpus", "notes", "gui_base", "gui_full")}
        for _ in range(repeat):
            answers = full.run(text, mode, True)
            samples["corpus"].append(answers[0][0])
            samples["notes"].append(answers[-1][0])
            samples["gui_full"].append(sum(full.gui))
            samples["base"].append(base.run(text, mode, False)[-1][0])
            samples["gui_base"].append(sum(base.gui))
        b = statistics.median(samples["base"])
        label = f"«{text}»" + (" (escribiendo)" if typing else "")
        print(f"| {label} | {_ms(samples['base'])} | {_ms(samples['corpus'])} "
              f"| {statistics.median(samples['corpus']) / b:.2f}× | {_ms(samples['notes'])} "
              f"| {statistics.median(samples['notes']) / b:.2f}× "
              f"| {statistics.median(samples['gui_base']):.1f} "
              f"/ {statistics.median(samples['gui_full']):.1f} |")  # fmt: skip
        report[label] = samples
    for side in (base, full):
        side.service.shutdown()
        side.panel.close()
    app.processEvents()
    return report


def _ms(samples: list[float]) -> str:
    return f"{statistics.median(samples):.2f} ({nearest_rank(samples, 95):.2f})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_notes", description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15, metavar="N")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu")
    parser.add_argument("--panel", action="store_true", help="también en el panel (reloj)")
    add_json_option(parser)
    args = parser.parse_args(argv)
    clock = CLOCKS[args.clock]
    database = paths.shipped_database()
    report: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="sgdesk-bench-search-notes-") as name:
        print(f"llenando {NOTES} notas…", file=sys.stderr, flush=True)
        library = Library.open(database)
        fill(Path(name), library)
        library.close()
        base = _Timed(SearchWorker(database), clock)
        full = _Timed(SearchWorker(database, Path(name) / USER_DB_NAME), clock)
        print(f"\nreloj: {args.clock}; ms, mediana (p95) de {args.repeat}, base y con notas alternadas; "
              "corpus incluido; 10 000 notas\n")  # fmt: skip
        print("| Consulta | Base (sin notas) | Con notas: resultados del corpus | Razón "
              "| Con notas: hasta las notas | Razón | Notas | Solo mis notas "
              "| Objetivo (resultados del corpus / hasta las notas) |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|---|")
        for text, typing in QUERIES:
            mode = SearchMode(prefix_last=typing)
            only = SearchMode(prefix_last=typing, only_notes=True)
            base.run(text, mode), full.run(text, mode), full.run(text, only)  # warm up
            alone: list[float] = []
            samples: dict[str, list[float]] = {"base": [], "corpus": [], "notes": []}
            # Each timed search comes right after a notes query (the base after the notes' answer,
            # the corpus's after «solo mis notas»): a notes query evicts the corpus's pages from
            # the CPU caches, and a base timed after a cheap search read ≈ 0.15 ms less.
            for _ in range(args.repeat):
                answers = full.run(text, mode)
                samples["base"].append(base.run(text, mode)[-1][0])
                samples["corpus"].append(answers[0][0])
                samples["notes"].append(answers[-1][0])
                alone.append(full.run(text, only)[-1][0])
            shown = answers[-1][1].notes
            ratios = [
                statistics.median(samples[k]) / statistics.median(samples["base"])
                for k in ("corpus", "notes")
            ]
            met = ["cumplido" if r <= AIM_RATIO and statistics.median(samples[k]) < AIM_MS else "NO cumplido"
                   for r, k in zip(ratios, ("corpus", "notes"), strict=True)]  # fmt: skip
            label = f"«{text}»" + (" (escribiendo)" if typing else "")
            print(f"| {label} | {_ms(samples['base'])} | {_ms(samples['corpus'])} | {ratios[0]:.2f}× "
                  f"| {_ms(samples['notes'])} | {ratios[1]:.2f}× | {shown} | {statistics.median(alone):.2f} "
                  f"| {met[0]} / {met[1]} |")  # fmt: skip
            report[label] = {**samples, "only_notes": alone, "notes_shown": shown}
        base.worker.close()
        full.worker.close()
        panel = _panel_table(database, Path(name) / USER_DB_NAME, args.repeat) if args.panel else {}
    save_json(args.json, {"notes": NOTES, "clock": args.clock, "results": report, "panel": panel})
    return 0


if __name__ == "__main__":
    sys.exit(main())
