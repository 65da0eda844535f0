"""The baseline: a bare PySide6 reader window, painted with its text, then quit.

What #11 compares sgdesk's start-up with: a QMainWindow with a tree in a dock and a text
browser showing a page of text (the shape of sgdesk's first frame, none of its work). Run as
a script (``python bench/bare_window.py``); prints the same marker as sgdesk when the text
browser first paints with its text.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTextBrowser, QTreeView

MARKER = "sgdesk: first-paint"
PAGE = (
    "<h1>Misión</h1><p>"
    + "La Secretaría General es un organismo del sector central con autonomía administrativa y "
    "financiera que tiene por objeto orientar y liderar la formulación y seguimiento de las "
    "políticas para el fortalecimiento de la función administrativa de los organismos. " * 6 + "</p>"
)


class _FirstPaintExit(QObject):
    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser)
        self._browser = browser

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and self._browser.toPlainText():
            watched.removeEventFilter(self)
            print(f"sgdesk: cpu-ms {time.process_time() * 1000:.1f}", flush=True)
            print(MARKER, flush=True)
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1100, 720)
    model = QStandardItemModel(window)
    for title in ("Información General", "Misión", "Visión", "Funciones", "Normas"):
        model.appendRow(QStandardItem(title))
    tree = QTreeView()
    tree.setHeaderHidden(True)
    tree.setModel(model)
    dock = QDockWidget("Navegación", window)
    dock.setWidget(tree)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    browser = QTextBrowser()
    browser.setHtml(PAGE)
    window.setCentralWidget(browser)
    browser.viewport().installEventFilter(_FirstPaintExit(browser))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
