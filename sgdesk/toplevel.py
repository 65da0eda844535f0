"""The outermost frame of every sgdesk process (``sgdesk``, ``python -m sgdesk``, the frozen
executables): whatever escapes the command line or the window ends here, not as a traceback.

- Ctrl+C: one Spanish line, exit 130 (SIGTERM/SIGHUP during an export: see cli/interrupt.py).
- Anything else: the details go to the log; the user gets one Spanish line on stderr and,
  when there is no console to read it (the windowed frozen app) or the window was open, a
  dialog with «Copiar detalles» (ui/crash_dialog.py) — except in unattended runs
  (``--smoke-test``, ``--exit-after-paint``), which never wait on a dialog. Exit code 70. PyInstaller's own
  «Failed to execute script» dialog is never reached.

Only the standard library is imported at module level, so that this frame stands even when
PySide6 or the rest of sgdesk cannot be imported.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Callable

EXIT_UNEXPECTED = 70  # EX_SOFTWARE
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl+C

# For automated checks of this frame (tests, scripts/windows-check.sh): SGDESK_CRASH_TEST=1
# raises an error at start; SGDESK_CRASH_DIALOG_MS closes the dialog after that many ms.
CRASH_TEST = "SGDESK_CRASH_TEST"
DIALOG_MS = "SGDESK_CRASH_DIALOG_MS"
# Options of unattended runs: an error there ends the process with its line, never in a dialog
# that would wait for a click nobody gives.
AUTOMATED = ("--smoke-test", "--exit-after-paint")

log = logging.getLogger("sgdesk")


class CrashTestError(RuntimeError):
    """The error SGDESK_CRASH_TEST raises on purpose."""


def main() -> int:
    """The ``sgdesk`` console script and ``python -m sgdesk``."""
    from sgdesk import startup_gc

    startup_gc.pause()  # until the window's first frame; commands resume at once (cli.main)
    return run(_cli_main)


def _cli_main() -> int:
    if os.environ.get(CRASH_TEST):
        raise CrashTestError("error provocado a propósito (SGDESK_CRASH_TEST)")
    from sgdesk.cli import main as cli_main

    return cli_main()


def run(entry: Callable[[], int]) -> int:
    utf8_output()
    try:
        return entry()
    except KeyboardInterrupt:
        say("sgdesk: interrumpido (Ctrl+C).")
        return EXIT_INTERRUPTED
    except Exception as exc:  # the last frame: everything else
        report(exc)
        return EXIT_UNEXPECTED


def utf8_output() -> None:
    """UTF-8 on stdout and stderr, whatever the ANSI code page (a Windows pipe: cp1252)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def say(line: str) -> None:
    """One line on stderr, if there is one (a windowed Windows program has none)."""
    try:
        if sys.stderr is not None:
            print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def details(exc: BaseException) -> str:
    from sgdesk import __version__

    try:
        from PySide6 import __version__ as pyside
    except Exception:  # the error may be PySide6 itself
        pyside = "no disponible"
    import platform  # (only for this report: not at every start)

    frozen = " (congelado)" if getattr(sys, "frozen", False) else ""
    header = (
        f"sgdesk {__version__}{frozen} · {platform.platform()} · Python {platform.python_version()} "
        f"· PySide6 {pyside}\nEjecutable: {sys.executable}\nArgumentos: {sys.argv[1:]}\n\n"
    )
    return header + "".join(traceback.format_exception(exc))


def report(exc: BaseException) -> None:
    text = details(exc)
    if log.hasHandlers():  # the log file, once configured (never Python's stderr fallback)
        with contextlib.suppress(Exception):
            log.critical("unexpected error, sgdesk stops:\n%s", text)
    say(
        f"sgdesk: error inesperado ({type(exc).__name__}: {str(exc)[:200]}); sgdesk se cerró. "
        "Si se repite, informe a la mesa de ayuda con esta línea."
    )
    if _wants_dialog():
        show_dialog(text)


def _wants_dialog() -> bool:
    """A dialog when nobody would read stderr, or when the window was open; never for a run
    a script waits on (build.ps1, windows-check.sh: under Wine a pipe counts as no console)."""
    if any(argument in AUTOMATED for argument in sys.argv[1:]):
        return False
    if sys.stderr is None or not sys.argv[1:]:
        return True
    if sys.platform == "win32":
        import ctypes

        if not ctypes.windll.kernel32.GetConsoleWindow():  # a windowed program, no console
            return True
    qt_widgets = sys.modules.get("PySide6.QtWidgets")
    return qt_widgets is not None and isinstance(qt_widgets.QApplication.instance(), qt_widgets.QApplication)


def show_dialog(text: str) -> None:
    """The Qt dialog; when Qt itself fails, Windows' message box (Ctrl+C copies its text)."""
    close_after = os.environ.get(DIALOG_MS)
    try:
        from sgdesk.ui.crash_dialog import run_crash_dialog

        _application()
        run_crash_dialog(text, int(close_after) if close_after else None)
        say("sgdesk: se mostró el diálogo «sgdesk — error inesperado».")
        return
    except Exception as exc:
        say(f"sgdesk: no se pudo mostrar el diálogo de error: {type(exc).__name__}: {exc}")
    if sys.platform == "win32" and not close_after:
        import ctypes

        message = "sgdesk encontró un error inesperado y tiene que cerrarse.\n\n" + text[-3000:]
        ctypes.windll.user32.MessageBoxW(None, message, "sgdesk — error inesperado", 0x10)  # MB_ICONERROR


def _application() -> None:
    """A QApplication for the dialog: the one that ran, or a new one."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        with contextlib.suppress(Exception):  # the dialog goes on without it
            from sgdesk.qtenv import choose_platform

            choose_platform()
        app = QApplication([sys.argv[0]])
    if not isinstance(app, QApplication):  # a windowless command's application
        raise RuntimeError("solo hay una aplicación sin ventanas")
    try:  # Spanish Qt texts and the Noto fonts, unless that is what fails
        from sgdesk.qtenv import configure_application

        configure_application(app)
    except Exception as exc:
        say(f"sgdesk: el diálogo de error se muestra sin configurar: {type(exc).__name__}")
