"""An experiment for the start-up bench: sgdesk's first frame reduced to the index and the page.

The same corpus, fonts, tree model and reading pane as the app, with nothing else (no menus,
toolbar, «Vigente a» bar, other docks, controllers, single instance, settings): how close a
first frame built from sgdesk's own parts can come to the bare window. Run as a script with
the page to show; prints the app's markers when the pane paints with the page's text.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTreeView

from sgdesk import paths
from sgdesk.export.html import render_html
from sgdesk.library import Library
from sgdesk.qtenv import configure_application
from sgdesk.ui.reading_pane import ReadingPane
from sgdesk.ui.tree_model import NodeTreeModel


class _FirstPaintExit(QObject):
    def __init__(self, pane: ReadingPane, page: str) -> None:
        super().__init__(pane)
        self._pane, self._page = pane, page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and self._pane.document().characterCount() > 1:
            watched.removeEventFilter(self)
            print(f"sgdesk: page {self._page}", flush=True)
            print(f"sgdesk: cpu-ms {time.process_time() * 1000:.1f}", flush=True)
            print("sgdesk: first-paint", flush=True)
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def main() -> int:
    page = sys.argv[1] if len(sys.argv) > 1 else "mision"
    app = QApplication(sys.argv[:1])
    configure_application(app)
    library = Library.open(paths.shipped_database())
    window = QMainWindow()
    window.resize(1100, 720)
    tree = QTreeView()
    tree.setHeaderHidden(True)
    tree.setModel(NodeTreeModel(library, window))
    dock = QDockWidget("Navegación", window)
    dock.setWidget(tree)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    pane = ReadingPane(window)
    window.setCentralWidget(pane)
    pane.show_html(render_html(library.page(page)))
    pane.viewport().installEventFilter(_FirstPaintExit(pane, page))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
