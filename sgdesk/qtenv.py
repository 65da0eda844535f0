"""The Qt application set-up that the window and headless work share: names, locale, fonts.

No widget and no ``sgdesk.ui`` module is imported here, so ``sgdesk export`` (which needs fonts
and a QGuiApplication for the PDF) stays headless. ``app.py`` re-exports these names.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from sgdesk import __version__, paths

ORGANIZATION, APPLICATION = paths.ORGANIZATION, paths.APPLICATION
UI_FONT = "Noto Sans"
UI_POINT_SIZE = 10  # the interface text at its normal size («Ver › Tamaño del texto de la interfaz»)
# By name: QLocale.Language/Country would make PySide6 build two enums of hundreds of members.
LOCALE_NAME = "es_CO"
# Windows: Qt's GDI font engine (Qt's default until 6.7; 6.8 made DirectWrite the default).
# Under DirectWrite every layout of text in the bundled Noto fonts (application fonts) took
# 0.2-0.6 s under Wine, against about 1 ms with GDI: most of the frozen first paint's extra
# time (docs/benchmarks.md, «Windows start-up»). The user's own QT_QPA_PLATFORM wins.
WINDOWS_PLATFORM = "windows:fontengine=gdi"

log = logging.getLogger("sgdesk")


def choose_platform() -> None:
    """Before the application is created: the GDI font engine on Windows (see WINDOWS_PLATFORM)."""
    if sys.platform == "win32":
        os.environ.setdefault("QT_QPA_PLATFORM", WINDOWS_PLATFORM)


def configure_application(app: QCoreApplication, window_icon: bool = True) -> None:
    """Names, locale, Spanish Qt dialogs, the bundled fonts and (unless ``window_icon`` is False:
    the window sets it after its first frame, see ``set_window_icon``) the windows' icon; safe to
    call twice."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    locale = QLocale(LOCALE_NAME)
    QLocale.setDefault(locale)
    if app.property("sgdesk_configured"):
        return
    app.setProperty("sgdesk_configured", True)
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(locale, "qtbase", "_", folder):
        app.installTranslator(translator)
    else:
        log.warning("Qt's Spanish translation (qtbase_es) was not found in %s", folder)
    register_fonts()
    # Widgets only (a QApplication): checked by class name, so QtWidgets is not imported here.
    if isinstance(app, QGuiApplication) and app.inherits("QApplication"):
        app.setFont(QFont(UI_FONT, UI_POINT_SIZE))
        if window_icon:
            set_window_icon(app)


def set_window_icon(app: QGuiApplication) -> None:
    """sgdesk's icon on every window (title bar, task bar). Named here only: QIcon is a class
    PySide6 builds with its enumerations (ThemeIcon: 151 members) when it is first named, so the
    main window sets it the turn after its first frame (app.py)."""
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "sgdesk.png")))


def register_fonts() -> list[str]:
    """Register every font shipped in ``resources/fonts``; return the family names."""
    families: list[str] = []
    for font_file in sorted((paths.resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(font_file))
        if font_id < 0:
            log.warning("could not load font %s", font_file)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return sorted(set(families))


@contextmanager
def offscreen_application() -> Iterator[QGuiApplication]:
    """A windowless Qt application (fonts, PDF) for command-line work."""
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    assert isinstance(app, QGuiApplication)
    configure_application(app)
    yield app
