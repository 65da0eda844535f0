"""Run in a child process on a simulated screen: open the main window and every dialog, and
print, as JSON, each one's frame and the screen's free area (tests/ui/test_screens.py).

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json QT_SCALE_FACTOR=1.25 \
        python -m tests.ui.screen_probe CORPUS.db DATA_DIR NORM.txt
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QRect, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDockWidget, QMainWindow, QWidget

from sgdesk.app import configure_application, create_main_window
from sgdesk.ui.dialogs import show_error
from sgdesk.ui.import_dialog import open_preview
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.timeline_layout import ROWS_TOP, row_height


def _rect(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def _global_rect(widget: QWidget) -> list[int]:
    return _rect(QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size()))


def _on_screen(widget: QWidget) -> bool:
    """Shown and not covered (Qt moves a dock tabbed behind another out of the window)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def _parts(window: QWidget) -> list[tuple[str, list[int]]]:
    """What a user must reach: every button on screen, and (main window) each dock and the status bar."""
    buttons = [w for w in window.findChildren(QAbstractButton) if _on_screen(w) and w.window() is window]
    named = [(b.text() or b.accessibleName() or b.toolTip(), _global_rect(b)) for b in buttons]
    if isinstance(window, QMainWindow):
        docks = [dock for dock in window.findChildren(QDockWidget) if _on_screen(dock)]
        named += [(dock.windowTitle(), _global_rect(dock)) for dock in docks]
        named.append(("barra de estado", _global_rect(window.statusBar())))
    return named


def _open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def measure(app: QApplication, name: str, open_it: Callable[[], object]) -> dict[str, object]:
    """Open a dialog, let the frame settle, note where it is, then close it (also a modal one)."""
    found: list[dict[str, object]] = []

    def note_and_close() -> None:
        dialogs = _open_dialogs()
        if not dialogs:
            QTimer.singleShot(20, note_and_close)
            return
        dialog = dialogs[-1]
        frame = dialog.frameGeometry()
        available = _rect(dialog.screen().availableGeometry())
        found.append({"name": name, "title": dialog.windowTitle(), "frame": _rect(frame),
                      "available": available, "parts": _parts(dialog)})  # fmt: skip
        for open_dialog in dialogs:
            open_dialog.reject()

    QTimer.singleShot(60, note_and_close)
    open_it()  # a modal dialog runs its own loop here; the timer closes it
    while not found:
        app.processEvents()
    return found[0]


def main() -> None:
    corpus, data_dir, norm = (Path(arg) for arg in sys.argv[1:4])
    app = QApplication(sys.argv[:1])
    configure_application(app)
    window: MainWindow = create_main_window(corpus, data_dir)
    window.show()
    for _ in range(20):
        app.processEvents()
    # The timeline as Ctrl+3 first opens it (at start it is closed on these screens), so that
    # its parts are checked too.
    window.show_panel("timelineDock")
    panel = window.point_in_time.timeline()
    # What the first frame defers (the timeline's rows, «Actualizar contenido») comes in real
    # time, not after a number of event-loop turns: wait for it, with a bound.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (window.content_updates and panel.view.is_laid_out()):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
    for _ in range(20):
        app.processEvents()
    screen = window.screen().availableGeometry()
    results: list[dict[str, object]] = [
        {"name": "Ventana principal", "title": window.windowTitle(), "frame": _rect(window.frameGeometry()),
         "available": _rect(screen), "parts": _parts(window), "ui_point_size": app.font().pointSizeF()},
    ]  # fmt: skip
    results[0]["timeline"] = {
        "viewport_height": panel.scroll_area.viewport().height(),
        "rows_top": ROWS_TOP,
        "row_height": row_height(panel.view.fontMetrics().height()),
        "reading_height": window.reading_pane.viewport().height(),
        "reading_line": QFontMetrics(window.reading_pane.document().defaultFont()).lineSpacing(),
    }
    updates = window.content_updates
    assert updates is not None
    dialogs: list[tuple[str, Callable[[], object]]] = [
        ("Exportar a PDF", window.commands.export_action.trigger),
        ("Comparar fechas", window.commands.compare_action.trigger),
        ("Organigrama", window.commands.org_chart_action.trigger),
        ("Historial", window.commands.history_action.trigger),
        ("Actualizar contenido", updates.update_action.trigger),
        ("Carpeta de actualizaciones", updates.folder_action.trigger),
        ("Importar norma (archivo)", window.commands.import_action.trigger),
        ("Importar norma", lambda: open_preview(window, norm)),
        ("Acerca de", window.commands.about_action.trigger),
        ("Nota", window.commands.note_action.trigger),
        ("Vista previa de impresión", window.commands.preview_action.trigger),
        ("Error", lambda: show_error(window, "Error", "Un mensaje largo. " * 200)),
    ]
    for name, open_it in dialogs:
        results.append(measure(app, name, open_it))
    print(json.dumps(results, ensure_ascii=False))
    window.close()


if __name__ == "__main__":
    main()
