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
- **solo mis notas**: «Solo mis notas» (the corpus left out);
- **SQLite de las notas**: the notes' own SQL statements alone, and **con un índice gratis**:
  all the rest of the notes' stage (placing them, making them hits) with the SQL answered from
  a dictionary. Each gives a floor for «hasta las notas»: (base + it) / base.

With ``--panel``, the same in the panel a user looks at (wall clock, offscreen): a
``SearchPanel`` fed by a ``SearchService`` (its own thread), from the request until the list
starts painting the corpus's rows (since session 9), until the turn of the event loop in which
it painted them ends (with notes following, that turn often holds their answer too), and until
it has painted the notes above them.

The queries: words every note has («contratación»: 10 000 matches), words of some quoted
passages only («gestión documental»), and a word being typed. Aim (issue #12): under 1.2× the
base and under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # (--panel: a real list, painted offscreen)

from bench.notes import NOTES, fill
from bench.results import add_json_option, save_json
from bench.stats import nearest_rank
from sgdesk import paths
from sgdesk.content.annotations import Annotation
from sgdesk.content.query import SearchFilters, parse_query, typed_as_prefix
from sgdesk.library import Library, SearchMode, SearchResults
from sgdesk.notes_search import NOTES_SHOWN, with_notes
from sgdesk.store.search import prefixes, text_expression
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
    """A SearchPanel fed by its own SearchService: what the Búsqueda dock does.

    Each answer is shown as the window shows it (``show_results``), and Qt lays the rows out
    and paints them when the event loop comes round, as it does in the window; the event loop
    runs until nothing more is painted. A paint is seen by an event filter on the list's
    viewport; a turn of the event loop in which one happened ends at the time recorded. That
    turn can hold more than the paint (with notes following, often their answer too, its 20
    rows laid out), so the time the list starts painting an answer's rows is recorded too."""

    def __init__(self, database: Path, notes: Path | None) -> None:
        from PySide6.QtCore import QEvent, QObject

        from sgdesk.ui.search_panel import SearchPanel
        from sgdesk.ui.search_service import SearchService

        self.panel = SearchPanel()
        self.panel.resize(400, 700)
        self.panel.show()
        self.service = SearchService(database, notes=notes)
        self.service.results_ready.connect(self._answered)
        self.service.failed.connect(lambda message: sys.exit(f"la búsqueda falló: {message}"))
        self.answers: list[SearchResults] = []
        self._painted = False
        self._showing = False  # an answer is being shown (the list may paint it at once)
        self.started = 0.0  # when the list started painting the first answer's rows

        class _Paints(QObject):
            def eventFilter(inner, watched: QObject, event: QEvent) -> bool:  # noqa: N802, N805
                if event.type() == QEvent.Type.Paint:
                    self._painted = True
                    if not self.started and (self._showing or self.answers):
                        self.started = time.perf_counter()
                return False

        self._paints = _Paints()
        self.panel.results.viewport().installEventFilter(self._paints)

    def _answered(self, results: SearchResults) -> None:
        self._showing = True
        self.panel.show_results(results)
        self._showing = False
        self.answers.append(results)

    def run(self, text: str, mode: SearchMode, notes_follow: bool) -> tuple[float, float, float, float]:
        """(wall ms until the list started painting the first answer's rows, until the turn in
        which it painted them ended, until the last answer's rows were painted and nothing more
        was, the GUI thread's CPU ms for all of it)."""
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        from sgdesk.ui.search_model import SearchResultDelegate

        for _ in range(3):
            QApplication.processEvents()
        # Each search lays its rows out as a new query would (the delegate keeps the rows it
        # laid out, their sizes and documents: a query repeated would reuse them all).
        delegate = self.panel.results.itemDelegate()
        assert isinstance(delegate, SearchResultDelegate)
        delegate.forget()
        self.answers, self.started = [], 0.0
        start, cpu = time.perf_counter(), time.thread_time()
        self.service.search(text, SearchFilters(), 30, 0, mode)
        first = last = shown_at = (0.0, 0.0)
        idle = 0
        while idle < 5:
            complete = bool(self.answers) and (not notes_follow or bool(self.answers[-1].notes))
            self._painted = False
            answered = len(self.answers)
            if complete:
                QApplication.processEvents()
            else:
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            now = (time.perf_counter(), time.thread_time())
            if self.answers and not shown_at[0]:
                shown_at = now
            if self._painted and self.answers:
                first, last, idle = first if first[0] else now, now, 0
            elif complete and len(self.answers) == answered:
                idle += 1
        if not first[0]:  # (the list painted nothing: the answer was shown)
            first = last = shown_at
        started = self.started or first[0]
        ms = [(at - start) * 1000 for at in (started, first[0], last[0])]
        return ms[0], ms[1], ms[2], (last[1] - cpu) * 1000


def _panel_table(database: Path, notes: Path, repeat: int) -> dict[str, dict[str, list[float]]]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    base, full = _Panel(database, None), _Panel(database, notes)
    print(f"\nEn el panel (ms, mediana (p95) de {repeat}; base y con notas alternadas): reloj desde el "
          "pedido hasta que la lista empezó a pintar sus filas, hasta el fin de la vuelta del bucle en "
          "que las pintó (la primera vez; y cuando ya no pintó más), y CPU del hilo de la interfaz para "
          "todo eso\n")  # fmt: skip
    print("| Consulta | Empieza a pintar: base / con notas (filas del corpus) | Razón "
          "| Base: primer pintado | Con notas: primer pintado (filas del corpus) | Razón "
          "| Base: todo pintado | Con notas: todo pintado (con las notas) | Razón "
          "| CPU de la interfaz: base / con notas | Razón |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    report: dict[str, dict[str, list[float]]] = {}
    for text, typing in QUERIES:
        mode = SearchMode(prefix_last=typing)
        base.run(text, mode, False), full.run(text, mode, True)  # warm up
        samples: dict[str, list[float]] = {
            k: [] for k in ("base_started", "corpus_started", "base_first", "base", "corpus", "notes",
                            "gui_base", "gui_full")
        }  # fmt: skip
        for _ in range(repeat):
            started, corpus, notes_painted, gui = full.run(text, mode, True)
            samples["corpus_started"].append(started)
            samples["corpus"].append(corpus)
            samples["notes"].append(notes_painted)
            samples["gui_full"].append(gui)
            started, base_first, base_painted, gui = base.run(text, mode, False)
            samples["base_started"].append(started)
            samples["base_first"].append(base_first)
            samples["base"].append(base_painted)
            samples["gui_base"].append(gui)
        median = {k: statistics.median(v) for k, v in samples.items()}
        label = f"«{text}»" + (" (escribiendo)" if typing else "")
        print(f"| {label} | {_ms(samples['base_started'])} / {_ms(samples['corpus_started'])} "
              f"| {median['corpus_started'] / median['base_started']:.2f}× "
              f"| {_ms(samples['base_first'])} | {_ms(samples['corpus'])} "
              f"| {median['corpus'] / median['base_first']:.2f}× | {_ms(samples['base'])} "
              f"| {_ms(samples['notes'])} | {median['notes'] / median['base']:.2f}× "
              f"| {median['gui_base']:.1f} / {median['gui_full']:.1f} "
              f"| {median['gui_full'] / median['gui_base']:.2f}× |")  # fmt: skip
        report[label] = samples
    for side in (base, full):
        side.service.shutdown()
        side.panel.close()
    app.processEvents()
    return report


def _free_index(worker: SearchWorker, text: str, typing: bool, clock: Callable[[], float]) -> float:
    """ms of the notes' stage after the corpus search (``with_notes``: the notes found, placed in
    the text, made into hits) with an index that costs nothing: the notes' SQL answered from a
    dictionary filled beforehand. (base + that) / base is the least «hasta las notas» could be
    with any index of the notes, in memory or not."""
    assert worker.notes is not None
    assert worker.library is not None
    store = worker.notes._store
    search = store.search
    answers: dict[tuple[str, int, bool], list[Annotation]] = {}

    def known(expression: str, limit: int, prefixed: bool = False) -> list[Annotation]:
        key = (expression, limit, prefixed)
        if key not in answers:
            answers[key] = search(expression, limit, prefixed)
        return answers[key]

    mode = SearchMode(prefix_last=typing)
    corpus = worker.library.search(text, SearchFilters(), 30, 0, typing)
    store.search = known  # type: ignore[method-assign]
    try:
        with_notes(worker.library, worker.notes, corpus, mode)  # (fills the dictionary)
        started = clock()
        with_notes(worker.library, worker.notes, corpus, mode)
        return (clock() - started) * 1000
    finally:
        del store.search


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
              "| Con notas: hasta las notas | Razón | Notas | Solo mis notas | SQLite de las notas "
              "| Cota de la razón | Con un índice gratis | Su cota | Objetivo (resultados del corpus / "
              "hasta las notas) |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for text, typing in QUERIES:
            mode = SearchMode(prefix_last=typing)
            only = SearchMode(prefix_last=typing, only_notes=True)
            base.run(text, mode), full.run(text, mode), full.run(text, only)  # warm up
            # The floor: the notes' own SQLite statements (what UserNotesStore.search runs for
            # this text), nothing else; (base + that) / base is the least «hasta las notas»
            # could be if all the rest (placing, snippets, the answer) cost nothing.
            assert full.worker.notes is not None
            store = full.worker.notes._store
            query = typed_as_prefix(parse_query(text, prefix_last=typing))
            expression, prefixed = text_expression(query), bool(prefixes(query))
            assert expression is not None
            sql: list[float] = []
            free: list[float] = []  # the notes' stage with an index that costs nothing
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
                started = clock()
                store.search(expression, NOTES_SHOWN, prefixed)
                sql.append((clock() - started) * 1000)
                free.append(_free_index(full.worker, text, typing, clock))
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
                  f"| {_ms(sql)} | {1 + statistics.median(sql) / statistics.median(samples['base']):.2f}× "
                  f"| {_ms(free)} | {1 + statistics.median(free) / statistics.median(samples['base']):.2f}× "
                  f"| {met[0]} / {met[1]} |")  # fmt: skip
            report[label] = {**samples, "only_notes": alone, "notes_shown": shown, "notes_sql": sql,
                             "free_index": free}  # fmt: skip
        base.worker.close()
        full.worker.close()
        panel = _panel_table(database, Path(name) / USER_DB_NAME, args.repeat) if args.panel else {}
    save_json(args.json, {"notes": NOTES, "clock": args.clock, "results": report, "panel": panel})
    return 0


if __name__ == "__main__":
    sys.exit(main())
