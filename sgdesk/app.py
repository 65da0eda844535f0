"""The composition root: the Qt application, its paths, fonts and translations, the window."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from sgdesk import paths, single_instance, start_trace, startup_gc, user_folder
from sgdesk.errors import SgdeskError
from sgdesk.library import Library
from sgdesk.qtenv import (
    APPLICATION,
    LOCALE_NAME,
    ORGANIZATION,
    UI_FONT,
    choose_platform,
    configure_application,
    offscreen_application,
    register_fonts,
    set_window_icon,
)
from sgdesk.ui import appearance
from sgdesk.ui.after_paint import AfterFirstPaint
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.safe_text import plain_message_box, show_status
from sgdesk.ui.state import UiSettings

if TYPE_CHECKING:
    from sgdesk.packs.installed import ContentFolder

# The Qt set-up lives in qtenv (headless export needs it without the window); still named here.
__all__ = [
    "APPLICATION",
    "LOCALE_NAME",
    "ORGANIZATION",
    "UI_FONT",
    "configure_application",
    "create_main_window",
    "offscreen_application",
    "register_fonts",
    "run_gui",
    "user_data_dir",
]

LOG_LIMIT = 1_000_000
EXIT_USER_FOLDER = 2
LISTEN_LATEST_MS = 3000  # the single instance answers later launches by then, painted or not

log = logging.getLogger("sgdesk")


def user_data_dir(override: Path | None = None) -> Path:
    """Where settings and logs go: never the install folder. Raises UserFolderError (Spanish)."""
    return user_folder.resolve(override)


def create_main_window(database: Path | None, data_dir: Path, keys_dir: Path | None = None) -> MainWindow:
    """Open the corpus (``database``, else the content installed in ``data_dir``, else the
    shipped one; or explain why not) and build the window around it."""
    from sgdesk.packs.location import has_installed_content

    settings = UiSettings(data_dir / "sgdesk.ini")
    if settings.problem:
        log.warning("%s", settings.problem)
    path, warning = paths.shipped_database(), None
    if has_installed_content(data_dir):  # (the pack modules are not loaded for the shipped corpus)
        content = _content_folder(data_dir, keys_dir).current()
        path, warning = content.path, content.warning
    path = database or path
    try:
        library: Library | None = Library.open(path)
        error = None
    except SgdeskError as exc:
        log.error("corpus not opened: %s", exc.message)
        library, error = None, exc.message
    start_trace.mark("corpus opened")
    looks = appearance.install(settings)  # before the window: its first frame in the chosen theme
    window = MainWindow(library, settings, error)
    # The collector, paused for the start-up (startup_gc), runs again after the first frame (or
    # with the rest of the window, for one never painted).
    AfterFirstPaint(window.reading_pane.viewport(), startup_gc.resume)
    window.when_built(startup_gc.resume)
    if settings.problem:
        show_status(window, settings.problem, 30000)
    warning = warning if database is None else None
    if warning:
        log.warning("installed content not used: %s", warning)
    # Not in the first frame: the menus of Tema and Tamaño, content updates (their modules too).
    window.when_built(lambda: looks.add_menus(window.view_menu, window.appearance_anchor))
    window.when_built(lambda: _add_content_updates(window, data_dir, keys_dir, settings, warning))
    return window


def _content_folder(data_dir: Path, keys_dir: Path | None) -> ContentFolder:
    from sgdesk.packs.installed import ContentFolder
    from sgdesk.packs.location import keys_dir as shipped_keys

    return ContentFolder(data_dir, paths.shipped_database(), keys_dir or shipped_keys())


def _add_content_updates(window: MainWindow, data_dir: Path, keys_dir: Path | None, settings: UiSettings,
                         warning: str | None) -> None:  # fmt: skip
    """Archivo's content-update commands, the hourly look in the update folder, and the
    warning when the installed content could not be used."""
    from sgdesk.packs.location import policy_update_folder
    from sgdesk.ui.content_updates import ContentUpdates

    folder = _content_folder(data_dir, keys_dir)
    updates = ContentUpdates(
        window, window.status, window.switch_content, folder, settings, policy_update_folder()
    )
    updates.add_to_menu(window.file_menu, window.content_menu_anchor)
    window.content_updates = updates
    if warning:
        updates.warn_at_start(warning)


def _start_checking(window: MainWindow) -> None:
    """The update folder: looked at shortly after start, then every hour."""
    if window.content_updates is not None:
        window.content_updates.start_checking()


def _configure_logging(data_dir: Path) -> None:
    """Log to ``sgdesk.log``, keeping the previous log as ``sgdesk.log.1`` past 1 MB."""
    path = data_dir / "sgdesk.log"
    try:
        if path.stat().st_size > LOG_LIMIT:
            path.replace(path.with_suffix(".log.1"))
    except OSError:
        pass  # no log yet, or it cannot be rotated: append to it
    handler = user_folder.SafeFileHandler(path)  # never raises: falls back to stderr or nothing
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def _install_excepthook(window: MainWindow, data_dir: Path) -> None:
    """Log unexpected errors and tell the user, instead of dying mid-session."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        from sgdesk.ui import dialogs

        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        window.error_dialog = dialogs.show_error(
            window,
            "Error inesperado",
            f"Ocurrió un error inesperado; sgdesk sigue abierto. El detalle quedó en "
            f"{data_dir / 'sgdesk.log'}.",
        )

    sys.excepthook = hook


def _continue_without_saving(message: str) -> bool:
    """The user folder is unusable: say why, and offer to go on without saving settings."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "sgdesk", "")
    box.setObjectName("userFolderDialog")
    plain_message_box(
        box,
        f"{message}\n\nPuede continuar sin guardar la configuración, las búsquedas recientes ni las "
        "notas (se pierden al cerrar), o salir y elegir otra carpeta con --data-dir.",
    )
    go_on = box.addButton("Continuar sin guardar", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Salir", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go_on)
    box.exec()
    return box.clickedButton() is go_on


class _FirstPaintExit(QObject):
    """For the start-up bench: once the reading pane paints with a page's text in it, prints
    "sgdesk: page <id>", "sgdesk: cpu-ms <processor time so far>" and "sgdesk: first-paint",
    then quits."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and self._window.reading_pane.document().characterCount() > 1:
            watched.removeEventFilter(self)
            try:
                print(f"sgdesk: page {self._window.current_node_id}", flush=True)
                print(f"sgdesk: cpu-ms {time.process_time() * 1000:.1f}", flush=True)  # processor time
                print("sgdesk: first-paint", flush=True)
            except (OSError, ValueError):  # the script stopped reading: quit all the same, quietly
                with contextlib.suppress(OSError, ValueError):
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


class _PaintTrace(QObject):
    """SGDESK_START_TRACE: marks the window's first paint and the reading pane's (start_trace)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._pane = window.reading_pane.viewport()
        self._seen: set[str] = set()
        window.installEventFilter(self)
        self._pane.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in (QEvent.Type.Paint, QEvent.Type.Show):
            name = "pane" if watched is self._pane else "window"
            if kind == QEvent.Type.Show:
                stage = f"{name} shown"
            elif name == "pane" and self._window.reading_pane.document().characterCount() > 1:
                stage = "pane with text paint"  # the first frame a reader sees: the trace ends here
            else:
                stage = f"{name} paint"
            if stage not in self._seen:
                self._seen.add(stage)
                start_trace.mark(stage)
                if stage == "pane with text paint":
                    start_trace.report()
        return False


def run_gui(
    database: Path | None = None,
    data_dir: Path | None = None,
    exit_after_paint: bool = False,
    link: str | None = None,
    instance: single_instance.Primary | single_instance.Standalone | None = None,
) -> int:
    """The window, at ``link`` (an sgdesk:// link) if given. ``instance``: this process's claim
    on the data folder (the command line makes it before loading the window's modules: a
    second launch hands its link over without them; see single_instance.py)."""
    choose_platform()
    app = QApplication.instance() or QApplication(sys.argv)
    start_trace.mark("QApplication")
    configure_application(app, window_icon=False)  # (set with the rest of the window, below)
    start_trace.mark("translation and fonts")
    try:
        folder = user_data_dir(data_dir)
    except user_folder.UserFolderError as exc:
        if not _continue_without_saving(exc.message):
            return EXIT_USER_FOLDER
        scratch = Path(tempfile.mkdtemp(prefix="sgdesk-sin-guardar-"))  # removed when the window closes
        try:
            return _run_window(app, database, scratch, exit_after_paint, link)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return _run_window(app, database, folder, exit_after_paint, link, instance)


def _run_window(app: QCoreApplication, database: Path | None, folder: Path, exit_after_paint: bool,
                link: str | None = None, instance: object = None) -> int:  # fmt: skip
    _configure_logging(folder)
    window = create_main_window(database, folder)
    start_trace.mark("window built")
    previous_hook = sys.excepthook
    _install_excepthook(window, folder)
    app.aboutToQuit.connect(window.save_state)
    if link is not None:
        window.links.open_link(link)  # (in a tab of its own: the pane in front changes)
    if isinstance(instance, single_instance.Primary):
        instance.link_received.connect(lambda text: window.links.open_link(text, bring_forward=True))
        # After the first frame (later launches wait and retry: it costs that frame nothing), or
        # after LISTEN_LATEST_MS if the window is never painted (started minimized, say).
        AfterFirstPaint(window.reading_pane.viewport(), instance.listen)
        QTimer.singleShot(LISTEN_LATEST_MS, instance, instance.listen)
        app.aboutToQuit.connect(instance.release)
    window.when_built(lambda: _start_checking(window))
    if isinstance(app, QApplication):
        window.when_built(lambda: set_window_icon(app))
    if exit_after_paint:
        watcher = _FirstPaintExit(window)
        window.reading_pane.viewport().installEventFilter(watcher)
    if start_trace.enabled():
        _PaintTrace(window)
    window.show()
    start_trace.mark("show")
    try:
        return app.exec()
    finally:
        sys.excepthook = previous_hook  # the hook shows its dialog on the window
        _dispose(window)


def _dispose(window: MainWindow) -> None:
    """Quitting (the bench's first paint, the session ending) closes no window: close it, so
    its worker threads stop and its state is saved, and delete it now. Left to Python's
    collector it would go at a random later moment, threads and timers still running (a
    segmentation fault in the next window's constructor when run_gui runs inside the tests)."""
    library = window.library
    startup_gc.resume()  # (quit before the turn after the first frame: the bench, a script)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if library is not None:
        library.close()
    # The window's Python objects go now too, while the state is known (10b7838: collected at
    # an arbitrary later moment, after Qt had deleted parts of them, the suite segfaulted).
    # (Those made before the first frame are in the permanent generation (startup_gc): never
    # collected, at no moment at all; their Qt objects went with the window just above.)
    gc.collect()
