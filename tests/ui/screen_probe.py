"""Run in a child process on a simulated screen: open the main window and every dialog, and
print, as JSON, each one's frame and the screen's free area (tests/ui/test_screens.py).

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json QT_SCALE_FACTOR=1.25 \
        python -m tests.ui.screen_probe CORPUS.db DATA_DIR NORM.txt
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from sgdesk.app import configure_application, create_main_window
from sgdesk.ui.dialogs import show_error
from sgdesk.ui.import_dialog import open_preview
from sgdesk.ui.mainwindow import MainWindow


def _rect(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


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
        found.append({"name": name, "title": dialog.windowTitle(), "frame": _rect(frame),
                      "available": _rect(dialog.screen().availableGeometry())})  # fmt: skip
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
    screen = window.screen().availableGeometry()
    results: list[dict[str, object]] = [
        {"name": "Ventana principal", "title": window.windowTitle(), "frame": _rect(window.frameGeometry()),
         "available": _rect(screen)},
    ]  # fmt: skip
    updates = window.content_updates
    assert updates is not None
    dialogs: list[tuple[str, Callable[[], object]]] = [
        ("Exportar a PDF", window.export_action.trigger),
        ("Comparar fechas", window.compare_action.trigger),
        ("Organigrama", window.org_chart_action.trigger),
        ("Historial", window.history_action.trigger),
        ("Actualizar contenido", updates.update_action.trigger),
        ("Carpeta de actualizaciones", updates.folder_action.trigger),
        ("Importar norma (archivo)", window.import_action.trigger),
        ("Importar norma", lambda: open_preview(window, norm)),
        ("Acerca de", window.about_action.trigger),
        ("Nota", window.note_action.trigger),
        ("Vista previa de impresión", window.preview_action.trigger),
        ("Error", lambda: show_error(window, "Error", "Un mensaje largo. " * 200)),
    ]
    for name, open_it in dialogs:
        results.append(measure(app, name, open_it))
    print(json.dumps(results, ensure_ascii=False))
    window.close()


if __name__ == "__main__":
    main()
