"""The "Vigente a" view at scale: building the timeline, and what a change of date costs.

    python -m bench.timeline [--sizes 100000,1000000] [--repeat 7] [--json FILE]

Uses ``bench/.cache/corpus-<N>.db`` (made by ``python -m bench.build_index``; a missing size is
skipped with a note) and, as a reference, the shipped ``data/sgdesk.db``. For each database:

* **línea de tiempo**: ``Library.open`` + ``library.timeline()`` (every event and change read
  and indexed; what the first date change, the timeline dock or "Comparar fechas" pays once).
  A fresh library per repeat, the page cache warm (one untimed run first).
* **página**: after a date change the window renders the current page again: ``library.page(id,
  as_of=day)`` (SQLite: the node, its parts, notes; the statuses from the timeline in memory) and
  ``render_html`` (with the statement of currency, as the reading pane does), for the norm with
  the most parts; then ``QTextDocument.setHtml`` of that HTML (offscreen Qt), which the reading
  pane also pays.
* **panel**: the timeline dock filled: ``TimelinePanel.set_events`` with every event until
  all are laid out, and one paint at 1 000 × 200 (median of at most 3). The layout runs in
  slices on the GUI thread; ``bench.responsiveness`` measures how long the window is blocked.
* **árbol**: the tree's status lookup for 1 000 visible rows: a ``NodeTreeModel`` whose branches
  hold 1 000 fetched rows gets the new date (``set_status_lookup``: ``dataChanged`` per branch)
  and every row is asked its ``ForegroundRole`` and text, as a paint does (the statuses are
  asked once per branch). ``library.statuses`` on the same 1 000 nodes is shown beside it.

The date changes between repeats (each repeat a different day), so no result is reused. Each
figure is the median of ``--repeat`` runs (after one warm-up); "cambio de fecha" adds the page,
``setHtml`` and the tree: what the reader waits for. Objective: under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.corpora import add_sizes_argument, databases
from bench.results import add_json_option, save_json
from sgdesk.content.model import Node
from sgdesk.library import Library

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex

    from sgdesk.content.timeline import TimelineEvent
    from sgdesk.ui.tree_model import NodeTreeModel

VISIBLE_ROWS = 1000
TARGET_MS = 100.0
FIRST_DAY = date(2008, 6, 30)


@dataclass(frozen=True)
class Result:
    corpus: str
    nodes: int
    events: int
    page_id: str
    page_units: int
    timeline_ms: float
    page_ms: float  # library.page(id, as_of) + render_html
    set_html_ms: float
    tree_ms: float  # set_status_lookup + data() of 1 000 rows
    statuses_ms: float  # library.statuses of the same 1 000 nodes
    dock_ms: float  # TimelinePanel.set_events and its first paint, once per corpus

    @property
    def date_change_ms(self) -> float:
        return self.page_ms + self.set_html_ms + self.tree_ms


def _median_ms(action: Callable[[int], object], repeat: int) -> float:
    action(-1)  # warm-up
    samples = []
    for run in range(repeat):
        start = time.perf_counter()
        action(run)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _day(run: int) -> date:
    return FIRST_DAY + timedelta(days=97 * (run + 1))


def _largest_norm(database: Path) -> str:
    """The norm with the most parts (a "large norm" page), read straight from the file."""
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = connection.execute(
            "SELECT norm FROM nodes WHERE norm IS NOT NULL GROUP BY norm ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    return str(row[0])


def _visible_nodes(library: Library, count: int) -> list[Node]:
    """The first ``count`` rows of the tree, every branch opened (breadth first)."""
    found: list[Node] = []
    queue: list[str | None] = [None]
    while queue and len(found) < count:
        for child in library.children(queue.pop(0)):
            found.append(child)
            if child.child_count:
                queue.append(child.id)
    return found[:count]


def measure(database: Path, label: str, repeat: int) -> Result:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    from sgdesk.export.html import render_html
    from sgdesk.ui.as_of import status_lookup
    from sgdesk.ui.tree_model import NodeTreeModel

    _app = QApplication.instance() or QApplication(sys.argv[:1])

    def build(_run: int) -> None:
        fresh = Library.open(database)
        fresh.timeline()
        fresh.close()

    timeline_ms = _median_ms(build, repeat)

    library = Library.open(database)
    timeline = library.timeline()
    currency = library.currency()
    page_id = _largest_norm(database)
    html: list[str] = []

    def page(run: int) -> None:
        html[:] = [render_html(library.page(page_id, as_of=_day(run)), currency=currency)]

    page_ms = _median_ms(page, repeat)
    units = len(library.page(page_id).units)
    document = QTextDocument()
    set_html_ms = _median_ms(lambda _run: document.setHtml(html[0]), repeat)

    model = NodeTreeModel(library)
    rows = _fetch_rows(model, VISIBLE_ROWS)

    def tree(run: int) -> None:
        model.set_status_lookup(status_lookup(library, _day(run)))
        for index in rows:
            index.data(Qt.ItemDataRole.ForegroundRole)
            index.data(Qt.ItemDataRole.DisplayRole)

    tree_ms = _median_ms(tree, repeat)
    nodes = _visible_nodes(library, VISIBLE_ROWS)
    statuses_ms = _median_ms(lambda run: library.statuses(nodes, _day(run)), repeat)
    dock_ms = _dock_ms(timeline.events, min(repeat, 3))
    library.close()
    return Result(label, _count_nodes(database), len(timeline.events), page_id, units, timeline_ms, page_ms,
                  set_html_ms, tree_ms, statuses_ms, dock_ms)  # fmt: skip


def _dock_ms(events: list[TimelineEvent], repeat: int) -> float:
    """The timeline dock filled with every event until all are laid out (the layout runs a
    slice per turn of the event loop: see ``bench.responsiveness`` for how long the window
    is blocked meanwhile), and painted once (at 1 000 × 200 pixels)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from sgdesk.ui.timeline_panel import TimelinePanel

    def fill(_run: int) -> None:
        panel = TimelinePanel()
        panel.resize(1000, 200)
        panel.show()
        QApplication.processEvents()
        loop = QEventLoop()
        panel.view.layout_finished.connect(loop.quit)
        panel.set_events(events)
        if not panel.view.is_laid_out():
            loop.exec()
        panel.repaint()
        panel.close()

    return _median_ms(fill, repeat)


def _fetch_rows(model: NodeTreeModel, count: int) -> list[QModelIndex]:
    """Open branches breadth first until the model holds ``count`` rows; return their indexes."""
    from PySide6.QtCore import QModelIndex

    rows: list[QModelIndex] = []
    queue = [QModelIndex()]
    while queue and len(rows) < count:
        parent = queue.pop(0)
        if model.canFetchMore(parent):
            model.fetchMore(parent)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rows.append(index)
            if model.hasChildren(index):
                queue.append(index)
    return rows[:count]


def _count_nodes(database: Path) -> int:
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM nodes").fetchone()[0])
    finally:
        connection.close()


def table(results: list[Result]) -> str:
    head = (f"{'Corpus':<22}{'nodos':>10}{'eventos':>9}{'línea de tiempo':>17}{'página':>9}"
            f"{'setHtml':>9}{'árbol 1000':>12}{'statuses':>10}{'cambio de fecha':>17}"
            f"{'panel':>10}")  # fmt: skip
    lines = [head, "-" * len(head)]
    for r in results:
        lines.append(f"{r.corpus:<22}{r.nodes:>10,}{r.events:>9,}{r.timeline_ms:>17.1f}{r.page_ms:>9.1f}"
                     f"{r.set_html_ms:>9.1f}{r.tree_ms:>12.1f}{r.statuses_ms:>10.2f}"
                     f"{r.date_change_ms:>17.1f}{r.dock_ms:>10.0f}".replace(",", "."))  # fmt: skip
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.timeline",
        description="La vista «Vigente a» a escala: construir la línea de tiempo y cambiar de fecha.",
    )
    add_sizes_argument(parser)
    parser.add_argument("--repeat", type=int, default=7, metavar="N", help="repeticiones medidas")
    add_json_option(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    found = databases(args.sizes)
    results = []
    for database, label in found:
        print(f"midiendo {label}…", file=sys.stderr, flush=True)
        results.append(measure(database, label, args.repeat))
    print(f"\nMilisegundos, mediana de {args.repeat} repeticiones (una de calentamiento); "
          f"página: la norma con más partes; árbol: {VISIBLE_ROWS} filas.\n")  # fmt: skip
    print(table(results))
    print()
    for r in results:
        verdict = "cumplido" if r.date_change_ms < TARGET_MS else "NO cumplido"
        print(f"{r.corpus}: cambio de fecha {r.date_change_ms:.1f} ms (página {r.page_id}, "
              f"{r.page_units} partes); objetivo < {TARGET_MS:.0f} ms: {verdict}")  # fmt: skip
    save_json(args.json, [{**asdict(r), "date_change_ms": r.date_change_ms} for r in results])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
