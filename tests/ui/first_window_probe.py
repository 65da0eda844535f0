"""Run in a child process on a simulated screen: the first window of a new data folder, as a
user sees it, printed as JSON (tests/ui/test_first_window.py).

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json QT_SCALE_FACTOR=1.25 \
        python -m tests.ui.first_window_probe CORPUS.db DATA_DIR [open-timeline]

What it reports is what a reader would notice: how much of the window the text gets, whether
the first line of the page's own text is inside the pane's viewport (not only its title and
banner), which docks show; with ``open-timeline``, the timeline as Ctrl+3 first opens it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QRect
from PySide6.QtGui import QTextDocument, QTextTable
from PySide6.QtWidgets import QApplication, QDockWidget, QStyle, QTreeView, QWidget

from sgdesk.app import configure_application, create_main_window
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.timeline_layout import ROWS_TOP, row_height


def _rect(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def _in_window(widget: QWidget, window: QWidget) -> list[int]:
    return _rect(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))


def _on_screen(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def line_box(document: QTextDocument, text: str, scroll: int) -> list[int] | None:
    """The first line of the first paragraph starting with ``text``, in viewport coordinates."""
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        if block.text().strip().startswith(text):
            top = layout.blockBoundingRect(block).top() - scroll
            line = block.layout().lineAt(0).rect()
            return [round(line.x()), round(top + line.y()), round(line.width()), round(line.height())]
        block = block.next()
    return None


def banner_box(document: QTextDocument, scroll: int) -> list[int] | None:
    """The honesty banner (the page's first table, before the text), in viewport coordinates."""
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            box = document.documentLayout().frameBoundingRect(frame)
            return [round(box.x()), round(box.y()) - scroll, round(box.width()), round(box.height())]
    return None


def cut_entries(tree: QTreeView) -> list[str]:
    """The index's entries on screen whose text does not fit the column (elided)."""
    cut, index = [], tree.indexAt(QPoint(1, 1))
    metrics, width = tree.fontMetrics(), tree.viewport().width()
    while index.isValid() and tree.visualRect(index).top() < tree.viewport().height():
        text = str(index.data())
        left = tree.visualRect(index).left() + tree.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin
        )
        if left + metrics.horizontalAdvance(text) + 4 > width:
            cut.append(text)
        index = tree.indexBelow(index)
    return cut


def settle(app: QApplication, turns: int = 30) -> None:
    for _ in range(turns):
        app.processEvents()


def main() -> None:
    corpus, data_dir = Path(sys.argv[1]), Path(sys.argv[2])
    open_timeline = "open-timeline" in sys.argv[3:]
    app = QApplication(sys.argv[:1])
    configure_application(app)
    window: MainWindow = create_main_window(corpus, data_dir)
    window.show()
    settle(app)
    pane = window.reading_pane
    viewport = pane.viewport()
    library = window.library
    assert library is not None
    page = library.page(window.current_node_id or "mision")
    first_line = page.node.body[0].lines[0][:60] if page.node.body else ""
    docks = {
        dock.objectName(): {"shown": _on_screen(dock), "rect": _in_window(dock, window)}
        for dock in window.findChildren(QDockWidget)
    }
    result: dict[str, object] = {
        "window": _rect(window.geometry()),
        "available": _rect(window.screen().availableGeometry()),
        "viewport": _in_window(viewport, window),
        "scroll": pane.verticalScrollBar().value(),
        "first_line": first_line,
        "first_line_box": line_box(pane.document(), first_line, pane.verticalScrollBar().value()),
        "banner_box": banner_box(pane.document(), pane.verticalScrollBar().value()),
        "docks": docks,
        "tree_cut": cut_entries(window.tree_view),
    }
    if open_timeline:
        window.show_panel("timelineDock")  # Ctrl+3
        panel = window.point_in_time.timeline()
        app.processEvents()
        deadline = time.monotonic() + 20  # the timeline loads in a worker: wait for it in real time
        while time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if panel.view.visible_event_ids() and panel.view.is_laid_out():
                break
            time.sleep(0.005)
        settle(app)
        view = panel.view
        shown = panel.scroll_area.viewport()
        result["timeline"] = {
            "dock": _in_window(window.docks["timelineDock"], window),
            "plot": _in_window(shown, window),
            "viewport_height": shown.height(),
            "rows_top": ROWS_TOP,
            "row_height": row_height(view.fontMetrics().height()),
            "rows": view.row_count(),
            "axis_top": view.header_top() + view.y(),  # where the axis band is, in the viewport
            "axis_span": list(view.axis_span()),
            "view_width": view.width(),
            "legend": _in_window(panel.legend, window),
            "reading_viewport": _in_window(viewport, window),
        }
    print(json.dumps(result, ensure_ascii=False))
    window.close()


if __name__ == "__main__":
    main()
