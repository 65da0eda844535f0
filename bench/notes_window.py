"""«Mis notas» in the window at scale: the dock and a page with 50 highlights.

    python -m bench.notes_window [--repeat N] [--json FILE]

With 10 000 notes and 1 000 favorites (in 10 folders), against an empty user database
measured in the same run, interleaved (the baseline), over the shipped corpus, offscreen:

- ``dock``: opening the «Mis notas» dock: the listing is asked of the worker thread
  (``NotesLoader``), then the dock's groups and the rows on screen (and a screenful below)
  are made on the GUI thread, a slice per turn of the event loop; the other rows are made
  when they are scrolled to. Two figures: the longest the GUI thread was busy at once (what
  a keypress could have waited; CPU time of the GUI thread, so that other programs on a
  shared machine do not count) and the wall time until the dock shows its rows.
  ``dock tras un cambio``: the same after a favorite was added (the worker reads the user
  database again; placements stay cached for the content version). ``dock: todas las
  filas``: making every row at once (what scrolling through the whole dock costs in all,
  spread over the scrolling; CPU).
- ``página``: showing Decreto 267 de 2007, art. 7 with 50 highlights on its literals (the
  10 000 notes are elsewhere): render the page, read its notes, find and paint them, and
  let the pane paint (CPU time of the GUI thread). The baseline paints the same page with
  no notes. The page is shown again and again (the user database changes in between: a
  favorite added, the dock listed, the favorite removed), so what is kept per page (its
  notes while none changed, where its passages are in the same HTML) is used; ``página …,
  primera vez`` forgets it first: a page never shown in this session. Both take the page's
  notes from the worker's latest listing when nothing changed since it was read (as the
  window does; the listing is asked for whenever the user database changes, for the dock
  and the tree's marks).
- ``dock … (base: una pantalla de favoritos)``: the issue's baseline is a dock with three
  empty groups, which paints three rows where the dock with data paints a screenful. Beside
  it, the same dock opening against a user database of SCREENFUL favorites and no notes (the
  same rows on screen, without the 10 000 notes and 1 000 favorites behind them): what the
  scale of the user data costs.
- ``dock: bloqueo más largo, N favoritos y ninguna nota (cota …)``: docks with FEW favorites
  and no note against the empty dock: the least any dock that shows rows costs beside the
  issue's baseline (a floor under the issue's ratio, whatever the data behind the rows).

The dock (and the page) are measured with the user data as filled: the favorite added for
``dock tras un cambio`` is removed and the dock listed again first (before session 8 it was
measured with that favorite still there: the «empty» dock showed one row, «Misión»).

- ``dock: abrir (Ctrl+4) …``: what a user waits for after pressing Ctrl+4, in the real
  window (``create_main_window`` over each user database) showing the page with 50
  highlights (``--dock-page``: another), the «Mis notas» dock in its first place, behind
  «Navegación»; the window idle after its first frame and after the user database last
  changed. Then ``show_panel("myNotesDock")`` (what Ctrl+4 calls) and the event loop until
  the dock has painted its rows and nothing more is painted or pending: wall time until the
  tree first painted the rows of the latest listing (nothing more on its way: a dock that
  asks the worker on opening first paints the rows it showed when it was last seen), the GUI
  thread's CPU for all of it, and the longest it was busy at once. Opening the dock repaints
  the whole window (Qt lays the dock area out again), the page in front included, in both
  windows. ``… tras un cambio``: the same after a favorite was added while the dock was
  closed (and the window was idle again). The baseline is the same window over the empty
  user database. Since session 9 the dock is made from the latest listing while it is not
  seen, when there is something to list: opening it only shows it. The first opening (the
  dock never shown) is reported apart: one per run. ``… volver a pintar sus filas``
  (session 10): with the dock open, the CPU of painting its tree's viewport once more
  (``viewport().repaint()``): the rows alone, without the rest of the window.

``--rows-unpainted`` (session 10): the same with the dock's rows not painted at all (its
delegate draws nothing; the tree, its branches, its scroll bar and the rest of the window
as always): the least any way of painting the rows could cost, a floor under every figure
of the dock against the empty one.

The aim (issue #12): each under 1.2× its baseline and under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from bench.results import add_json_option, save_json
from bench.stats import summarize
from sgdesk import paths
from sgdesk.content.anchoring import anchor_at, normalised_text
from sgdesk.content.annotations import Annotation, AnnotationKind, Favorite, utc_now
from sgdesk.export.html import render_html
from sgdesk.library import Library
from sgdesk.notes import Listing, MyNotes

NOTES, FAVORITES, FOLDERS, ON_PAGE = 10_000, 1_000, 10, 50
SCREENFUL = 60  # favorites of the well-posed dock baseline: more than the dock shows (≈ 41 rows)
FEW = (1, 5, 20)  # the floor of the dock ratio: a dock with this many favorites, no note
AIM_RATIO, AIM_MS = 1.2, 100.0
PAGE = "decreto-267-2007/art-7"
COLOURS = ("amarillo", "verde", "azul", "rosa")


def fill_screenful(folder: Path, library: Library, count: int = SCREENFUL) -> None:
    """The first ``count`` favorites ``fill`` puts at the top level (the rows the dock shows
    first, the same titles, the same ones «no disponible»), and nothing else."""
    favorites = [f for f in _favorites(_texts(library)) if not f.folder][:count]
    notes = MyNotes.open(folder)
    try:
        notes._store.merge(favorites, [])
    finally:
        notes.close()


def fill(folder: Path, library: Library) -> None:
    """NOTES notes on passages of nodes off the page, ON_PAGE highlights on the page's
    literals, FAVORITES favorites in FOLDERS folders (and at the top level)."""
    on_page = {unit.node.id for unit in library.page(PAGE).units}
    texts = _texts(library)
    elsewhere = [(i, t) for i, t in texts if i not in on_page]
    page_texts = [(i, t) for i, t in texts if i in on_page]
    now, version = utc_now(), library.info.content_version
    annotations = []
    for number in range(NOTES + ON_PAGE):
        mine = number >= NOTES
        pool = page_texts if mine else elsewhere
        node_id, text = pool[number % len(pool)]
        start = (number * 7) % (len(text) - 40) if not mine else ((number - NOTES) * 13) % (len(text) - 40)
        kind = AnnotationKind.HIGHLIGHT if mine else AnnotationKind.NOTE
        annotations.append(Annotation(str(uuid.uuid4()), node_id, kind, "" if mine else f"nota {number}",
                                      anchor_at(text, start, start + 12), version, now, now, node_id,
                                      COLOURS[number % 4] if mine else ""))  # fmt: skip
    notes = MyNotes.open(folder)
    try:
        notes._store.merge(_favorites(texts), annotations)
    finally:
        notes.close()


def _texts(library: Library) -> list[tuple[str, str]]:
    """(id, normalised text) of the nodes with some text to annotate."""
    texts = [(n.id, normalised_text(library.node(n.id).plain_text)) for n in library.all_nodes()]
    return [(node_id, text) for node_id, text in texts if len(text) > 60]


def _favorites(texts: list[tuple[str, str]]) -> list[Favorite]:
    """FAVORITES favorites, one in three at the top level, the others in FOLDERS folders (the
    shipped corpus has few nodes: most are «no disponible», which the dock lists all the same)."""
    now = utc_now()
    return [
        Favorite(texts[i % len(texts)][0] if i < len(texts) else f"nodo-{i}", f"Favorito {i}",
                 f"Carpeta {i % FOLDERS}" if i % 3 else "", i, now)
        for i in range(FAVORITES)
    ]  # fmt: skip


class Window:
    """The pieces of the window these operations use, over one user database."""

    def __init__(self, app: QApplication, folder: Path, library: Library) -> None:
        from sgdesk.ui.notes_loader import NotesLoader
        from sgdesk.ui.notes_panel import NotesPanel
        from sgdesk.ui.reading_pane import ReadingPane

        self.app, self.library = app, library
        self.notes = MyNotes.open(folder)
        self.loader = NotesLoader(self.notes.path)
        self.panel = NotesPanel()
        self.panel.resize(320, 600)  # about 28 rows on screen
        self.panel.show()
        self.pane = ReadingPane()
        self.pane.resize(900, 700)
        self.pane.show()
        self._listing: Listing | None = None
        self.loader.listed.connect(self._on_listed)
        self.longest = 0.0  # the longest GUI-thread block of the last dock opening, ms

    def _on_listed(self, listing: Listing) -> None:
        self.panel.show_entries(listing.favorites, listing.notes, listing.folders, listing.located)
        self._listing = listing

    def open_dock(self) -> float:
        """Ask the worker, wait until every row is in the dock; returns the wall time.
        ``longest``: the longest the GUI thread was busy at once (one turn of the event
        loop: what a keypress could have waited)."""
        self._listing = None
        start = time.perf_counter()
        cpu = time.thread_time()
        self.loader.request(self.library.info.path)
        self.longest = (time.thread_time() - cpu) * 1000
        while self._listing is None or self.panel.filling:
            cpu = time.thread_time()
            self.app.processEvents()
            self.longest = max(self.longest, (time.thread_time() - cpu) * 1000)
            time.sleep(0.0005)
        return (time.perf_counter() - start) * 1000

    def show_page(self) -> int:
        from sgdesk.ui.my_notes import pane_passages

        page = self.library.page(PAGE)
        self.pane.show_html(render_html(page, currency=self.library.currency()))
        placed = self.notes.on_page(self.library, [unit.node.id for unit in page.units], self._listing)
        painted = self.pane.mark_passages(pane_passages(placed))
        self.pane.viewport().repaint()
        return painted

    def forget_pages(self) -> None:
        """Forget what was kept of the pages shown (their notes, where their passages are): the
        next page is shown as if for the first time in the session."""
        self.notes._pages.clear()
        self.pane._read_from = ("", "")

    def show_page_first_time(self) -> int:
        self.forget_pages()
        return self.show_page()

    def close(self) -> None:
        self.loader.shutdown()
        self.notes.close()


class Dock:
    """The real window over one user database, to open its «Mis notas» dock as Ctrl+4 does."""

    def __init__(self, app: QApplication, folder: Path, page: str) -> None:
        from PySide6.QtCore import QEvent, QObject

        from sgdesk.app import create_main_window

        self.app = app
        self.window = create_main_window(paths.shipped_database(), folder)
        self.window.resize(1200, 800)
        self.window.show()
        self.idle(lambda: self.window.rest is not None)
        self.window.open_node(page)  # the page in front (repainted when the focus leaves it)
        self.idle()
        self.tree = self.window.my_notes.panel.view
        self._painted = False

        class _Paints(QObject):
            def eventFilter(inner, watched: QObject, event: QEvent) -> bool:  # noqa: N802, N805
                if event.type() == QEvent.Type.Paint:
                    self._painted = True
                return False

        self._paints = _Paints()
        self.tree.viewport().installEventFilter(self._paints)

    def busy(self) -> bool:
        """The window still has «Mis notas» work on its way (a listing, rows to make)."""
        my_notes = self.window.my_notes
        prebuild = getattr(my_notes, "_prebuild", None)  # (none before session 9)
        return my_notes.listing_pending or (prebuild is not None and prebuild.isActive())

    def idle(self, ready: Callable[[], bool] = lambda: True) -> None:
        """Run the event loop until ``ready`` and nothing of «Mis notas» is on its way."""
        deadline = time.perf_counter() + 60
        while not ready() or self.busy():
            self.app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() > deadline:
                raise SystemExit("la ventana no quedó quieta en 60 s")
        for _ in range(5):
            self.app.processEvents()
            time.sleep(0.001)

    def close_dock(self) -> None:
        self.window.show_panel("navigationDock")  # Ctrl+1: «Mis notas» goes behind it
        self.idle()

    def open_dock(self) -> tuple[float, float, float]:
        """Ctrl+4: (wall ms until the tree painted its rows, GUI CPU ms until nothing more was
        painted or pending, the longest the GUI thread was busy at once, ms)."""
        model = self.window.my_notes.panel.model
        self._painted = False
        start, cpu = time.perf_counter(), time.thread_time()
        self.window.show_panel("myNotesDock")
        longest = (time.thread_time() - cpu) * 1000
        shown = last = 0.0
        idle = 0
        while idle < 5:
            self._painted = False
            turn = time.thread_time()
            self.app.processEvents()
            longest = max(longest, (time.thread_time() - turn) * 1000)
            if self._painted:
                idle, last = 0, time.thread_time()
                # Its rows: those of the latest listing (a dock that asks the worker first
                # paints the rows it showed last time, then the new ones when they come).
                if not shown and model.rowCount() and not self.busy():
                    shown = time.perf_counter()
            elif shown and not self.busy():
                idle += 1
            time.sleep(0.0005)
        return (shown - start) * 1000, (last - cpu) * 1000, longest

    def repaint_rows(self) -> float:
        """The dock open: the GUI thread's CPU to paint the tree's rows again (its viewport,
        nothing else; median of 5), ms."""
        times = []
        for _ in range(5):
            start = time.thread_time()
            self.tree.viewport().repaint()
            times.append((time.thread_time() - start) * 1000)
        return sorted(times)[2]

    def close(self) -> None:
        self.window.close()
        library = self.window.library
        if library is not None:
            library.close()


def measure_opening(
    repeat: int,
    full: Path,
    empty: Path,
    screen: Path,
    library: Library,
    first: dict[str, float],
    page: str = PAGE,
) -> dict[str, dict[str, list[float]]]:
    """Ctrl+4 on the real window over each user database, interleaved (see the module's doc),
    with ``page`` in front; ``first`` gets the first opening's figures. Beside the issue's
    baseline (``empty``), the well-posed one: a screenful of favorites and no note (``screen``)."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    names = ("dock: abrir (Ctrl+4), hasta pintar sus filas", "dock: abrir (Ctrl+4), CPU de la interfaz",
             "dock: abrir (Ctrl+4), bloqueo más largo", "dock: abrir tras un cambio, hasta pintar sus filas",
             "dock: abrir tras un cambio, CPU de la interfaz",
             "dock: abierto, volver a pintar sus filas (CPU)")  # fmt: skip
    well_posed = {names[0]: f"{names[0]} (base: una pantalla de favoritos)",
                  names[2]: f"{names[2]} (base: una pantalla de favoritos)"}  # fmt: skip
    timings: dict[str, dict[str, list[float]]] = {
        k: {"with": [], "without": []} for k in (*names, *well_posed.values())
    }
    folders = {"with": full, "without": empty, "screen": screen}
    docks = {key: Dock(app, folder, page) for key, folder in folders.items()}
    for run in range(repeat + 1):  # the first run warms up and is not kept
        for key, dock in docks.items():
            dock.close_dock()
            wall, cpu, longest = dock.open_dock()
            repaint = dock.repaint_rows()
            dock.close_dock()
            notes = dock.window.my_notes
            notes.notes.add_favorite(library, "mision")  # a change while the dock is not seen
            notes.refresh()  # (what the window's Ctrl+B does after writing)
            dock.idle()
            changed_wall, changed_cpu, _longest = dock.open_dock()
            dock.close_dock()
            notes.notes.remove_favorite(library, "mision")  # back as filled
            notes.refresh()
            dock.idle()
            if run:
                values = (wall, cpu, longest, changed_wall, changed_cpu, repaint)
                for name, value in zip(names, values, strict=True):
                    if key != "screen":
                        timings[name][key].append(value)
                    if name in well_posed and key != "without":
                        timings[well_posed[name]]["with" if key == "with" else "without"].append(value)
            elif key != "screen":  # its first opening: the dock never shown before (one per run of the bench)
                first |= {f"abrir {key}": wall, f"abrir {key} CPU": cpu, f"abrir {key} bloqueo": longest}
    for dock in docks.values():
        dock.close()
    return timings


def settle(app: QApplication) -> None:
    """Let the event loop finish what the last operation left (a repaint, a relayout): the
    windows are measured interleaved in one application, and one's leftovers must not be
    counted in the next one's operation."""
    for _ in range(3):
        app.processEvents()


def timed(operation: Callable[[], object]) -> float:
    """The GUI thread's CPU time for ``operation``, ms (the machine is shared: wall time
    would count other programs' turns)."""
    settle(QApplication.instance())  # type: ignore[arg-type]
    start = time.thread_time()
    operation()
    return (time.thread_time() - start) * 1000


def measure(repeat: int, dock_page: str = PAGE) -> tuple[dict[str, dict[str, list[float]]], dict[str, float]]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    library = Library.open(paths.shipped_database())
    names = ("dock: bloqueo más largo", "dock: hasta mostrar sus filas",
             "dock tras un cambio: bloqueo más largo", "dock tras un cambio: hasta mostrar sus filas",
             f"página con {ON_PAGE} subrayados", f"página con {ON_PAGE} subrayados, primera vez",
             "dock: todas las filas")  # fmt: skip
    screen_names = ("dock: bloqueo más largo (base: una pantalla de favoritos)",
                    "dock: hasta mostrar sus filas (base: una pantalla de favoritos)")  # fmt: skip
    few_names = tuple(f"dock: bloqueo más largo, {n} favorito{'s' if n > 1 else ''} y ninguna nota "
                      "(cota: contra el panel vacío)" for n in FEW)  # fmt: skip
    timings: dict[str, dict[str, list[float]]] = {
        k: {"with": [], "without": []} for k in names + screen_names + few_names
    }
    first: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="sgdesk-bench-notes-window-") as name:
        full, empty, screen = Path(name) / "con-datos", Path(name) / "vacia", Path(name) / "pantalla"
        fill(full, library)
        MyNotes.open(empty).close()
        fill_screenful(screen, library)
        windows = {"with": Window(app, full, library), "without": Window(app, empty, library),
                   "screen": Window(app, screen, library)}  # fmt: skip
        for count in FEW:
            fill_screenful(Path(name) / f"pocos-{count}", library, count)
            windows[f"few-{count}"] = Window(app, Path(name) / f"pocos-{count}", library)
        for key, window in windows.items():  # the very first listing: nothing cached yet
            first[key] = window.open_dock()
            first[f"{key} GUI"] = window.longest
        assert windows["with"].show_page() == ON_PAGE, "the page should carry 50 highlights"
        for run in range(repeat + 1):  # the first run warms up and is not kept
            for key, window in windows.items():
                window.notes.add_favorite(library, "mision")  # a change
                settle(app)
                wall = window.open_dock()
                sample = {names[2]: window.longest, names[3]: wall}
                # Changed back, listed again: the dock and the page with the user data as filled
                # (the empty database's dock empty, not showing «Misión»).
                window.notes.remove_favorite(library, "mision")
                settle(app)
                window.open_dock()
                settle(app)
                wall = window.open_dock()  # nothing changed since
                sample |= {names[0]: window.longest, names[1]: wall}
                sample[names[4]] = timed(window.show_page)
                sample[names[5]] = timed(window.show_page_first_time)
                sample[names[6]] = timed(window.panel.fill_all)
                settle(app)
                if not run:
                    continue
                if key.startswith("few-"):  # the floor: a few rows against the empty dock
                    timings[few_names[FEW.index(int(key[4:]))]]["with"].append(sample[names[0]])
                    continue
                if key == "without":
                    for few in few_names:
                        timings[few]["without"].append(sample[names[0]])
                if key == "screen":  # the well-posed baseline of the dock's two figures
                    timings[screen_names[0]]["without"].append(sample[names[0]])
                    timings[screen_names[1]]["without"].append(sample[names[1]])
                    continue
                for operation, value in sample.items():
                    timings[operation][key].append(value)
                if key == "with":
                    timings[screen_names[0]]["with"].append(sample[names[0]])
                    timings[screen_names[1]]["with"].append(sample[names[1]])
        for window in windows.values():
            window.close()
        timings |= measure_opening(repeat, full, empty, screen, library, first, dock_page)
    library.close()
    return timings, first


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.notes_window", description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15, metavar="N")
    parser.add_argument("--dock-page", default=PAGE, metavar="ID", help="the page in front of the dock")
    parser.add_argument(
        "--rows-unpainted", action="store_true", help="rows not painted: the floor of painting them"
    )
    add_json_option(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.rows_unpainted:
        from sgdesk.ui.notes_rows import RowPainter

        RowPainter.paint = lambda self, painter, option, index: None  # type: ignore[method-assign]
    print(f"midiendo {NOTES} notas y {FAVORITES} favoritos en la ventana…", file=sys.stderr, flush=True)
    timings, first = measure(args.repeat, args.dock_page)
    print(f"\nMilisegundos, mediana (p95) de {args.repeat} repeticiones; base: sin datos del usuario.\n")
    print("| Operación | Base | Con 10 000 notas y 1 000 favoritos | Razón | Objetivo |")
    print("|---|---|---|---|---|")
    report: dict[str, object] = {}
    for operation, runs in timings.items():
        base, full = summarize(runs["without"]), summarize(runs["with"])
        ratio = full.median / base.median if base.median else float("inf")
        met = full.median <= AIM_MS and ratio <= AIM_RATIO
        print(f"| {operation} | {base.median:.2f} ({base.p95:.2f}) | {full.median:.2f} ({full.p95:.2f}) "
              f"| {ratio:.2f}× | {'cumplido' if met else 'NO cumplido'} |")  # fmt: skip
        report[operation] = {"base": base.as_dict(), "with_user_data": full.as_dict(), "ratio": ratio,
                             "aim_met": met}  # fmt: skip
    print(f"\nPrimera apertura (nada en caché): base {first['without']:.1f} ms; "
          f"con datos {first['with']:.1f} ms hasta llenarse, "
          f"bloqueo más largo {first['with GUI']:.1f} ms.")  # fmt: skip
    opened = [
        f"{first[f'abrir {k}']:.1f} ms (CPU {first[f'abrir {k} CPU']:.1f}, "
        f"bloqueo más largo {first[f'abrir {k} bloqueo']:.1f})"
        for k in ("without", "with")
    ]
    print(f"Primera apertura con Ctrl+4 (el panel nunca mostrado), hasta pintar sus filas: "
          f"base {opened[0]}; con datos {opened[1]}.")  # fmt: skip
    report["first_open"] = first
    save_json(args.json, {"notes": NOTES, "favorites": FAVORITES, "page": PAGE, "results": report})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
