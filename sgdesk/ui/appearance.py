"""«Ver › Tema» and «Ver › Tamaño del texto de la interfaz»: how the window looks, remembered.

The theme follows the system (Qt's colour scheme, Windows high contrast) unless the user
chose one: then Qt is asked for that scheme and, when the system's style cannot give it, the
Fusion style paints with ``theme.scheme_palette``. The interface size scales the
application font (menus, index, panels); the reading pane keeps its own zoom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from sgdesk.qtenv import UI_FONT, UI_POINT_SIZE
from sgdesk.ui import theme
from sgdesk.ui.state import UiSettings
from sgdesk.ui.theme import Scheme, ThemeChoice

if TYPE_CHECKING:
    from PySide6.QtGui import QActionGroup

UI_SIZES = (90, 100, 115, 130, 150)  # percent of the interface's normal text size
DEFAULT_UI_SIZE = 100
_SIZE_NAMES = {90: "&Pequeño", 100: "&Normal", 115: "&Grande", 130: "&Más grande", 150: "M&uy grande"}
_COLOR_SCHEMES = {Scheme.LIGHT: Qt.ColorScheme.Light, Scheme.DARK: Qt.ColorScheme.Dark}
FUSION = "fusion"


def apply_theme(app: QApplication, choice: ThemeChoice, native_style: str | None) -> None:
    """Paint the whole application in ``choice``; ``native_style`` is the style it started with,
    or None while the application still has it (no theme ever set another: the first frame of
    a window that follows the system, which then never names ``app.style()``, see Appearance)."""
    app.setProperty(theme.CHOICE_PROPERTY, choice.value)
    hints = QGuiApplication.styleHints()
    scheme = choice.scheme
    if scheme in _COLOR_SCHEMES:
        hints.setColorScheme(_COLOR_SCHEMES[scheme])
    else:
        hints.unsetColorScheme()
    if native_style is not None and app.style().name().casefold() != native_style.casefold():
        app.setStyle(native_style)
    app.setPalette(QPalette())  # the system's palette again (nothing set explicitly)
    if scheme is None:
        return
    native_style = native_style or app.style().name()
    if native_style.casefold() != FUSION and _system_gives(scheme, app.palette()):
        return  # the native look, in the scheme asked for
    if app.style().name().casefold() != FUSION:  # native styles may ignore a palette (Windows)
        app.setStyle(FUSION)
    from PySide6.QtWidgets import QStyleFactory  # (a chosen scheme only: not in the first frame of most)

    fusion = QStyleFactory.create(FUSION)
    app.setPalette(theme.scheme_palette(scheme, fusion.standardPalette()))


def _system_gives(scheme: Scheme, palette: QPalette) -> bool:
    """Whether the system's own palette already is the chosen scheme."""
    if scheme is Scheme.HIGH_CONTRAST:
        return theme.system_wants_high_contrast()
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return not theme.system_wants_high_contrast() and dark == (scheme is Scheme.DARK)


def apply_ui_size(app: QApplication, percent: int) -> None:
    """The interface's text (menus, index, panels, dialogs) at ``percent`` of its normal size."""
    font = QFont(app.font())
    font.setFamily(UI_FONT)
    font.setPointSizeF(UI_POINT_SIZE * percent / 100)
    app.setFont(font)


def saved_ui_size(settings: UiSettings) -> int:
    size = settings.ui_size
    return size if size in UI_SIZES else DEFAULT_UI_SIZE


def saved_theme(settings: UiSettings) -> ThemeChoice:
    try:
        return ThemeChoice(settings.theme)
    except ValueError:
        return ThemeChoice.SYSTEM


class Appearance(QObject):
    """Applies and remembers the theme and the interface size; ``changed`` after either."""

    changed = Signal()

    def __init__(self, app: QApplication, settings: UiSettings) -> None:
        super().__init__(app)
        self.setObjectName("appearance")
        self._app = app
        self._settings = settings
        self.theme = saved_theme(settings)
        self.ui_size = saved_ui_size(settings)
        # The style the application started with, read when a theme first needs it: naming
        # ``app.style()`` makes PySide6 build its QStyle class (566 enumeration members, some
        # 10 ms) and a window that follows the system has no use for it before its first frame.
        self._native: str | None = None if self.theme.scheme is None else app.style().name()
        apply_theme(app, self.theme, self._native)
        if self.ui_size != DEFAULT_UI_SIZE:
            apply_ui_size(app, self.ui_size)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        accessibility = getattr(QGuiApplication.styleHints(), "accessibility", None)
        if accessibility is not None:  # Qt 6.10+
            accessibility().contrastPreferenceChanged.connect(self._system_changed)

    @property
    def native_style(self) -> str:
        """The style the application started with (only a chosen theme ever sets another, and
        it reads this first)."""
        if self._native is None:
            self._native = self._app.style().name()
        return self._native

    def use(self, settings: UiSettings) -> None:
        """Another window's settings: apply what they remember."""
        self._settings = settings
        self.theme, self.ui_size = saved_theme(settings), saved_ui_size(settings)
        apply_theme(self._app, self.theme, self.native_style)
        apply_ui_size(self._app, self.ui_size)

    def set_theme(self, choice: ThemeChoice) -> None:
        self.theme = choice
        self._settings.theme = choice.value
        self._settings.sync()
        apply_theme(self._app, choice, self.native_style)
        self.changed.emit()

    def set_ui_size(self, percent: int) -> None:
        self.ui_size = percent if percent in UI_SIZES else DEFAULT_UI_SIZE
        self._settings.ui_size = self.ui_size
        self._settings.sync()
        apply_ui_size(self._app, self.ui_size)
        self.changed.emit()

    def _system_changed(self) -> None:
        """The system switched light/dark or high contrast: follow it unless a theme was chosen
        (a chosen one is applied again: the system's new palette may now give it natively)."""
        apply_theme(self._app, self.theme, self.native_style)
        self.changed.emit()

    def add_menus(self, menu: QMenu, before: QAction) -> tuple[QMenu, QMenu]:
        """«Tema» and «Tamaño del texto de la interfaz» (each a list of exclusive choices), in
        ``menu`` before ``before``."""
        from PySide6.QtGui import QActionGroup  # (these menus come after the first frame)

        themes = QMenu(self.tr("&Tema"), menu)
        menu.insertMenu(before, themes)
        themes.setObjectName("themeMenu")
        group = QActionGroup(themes)
        for choice in ThemeChoice:
            action = self._choice(themes, group, choice.menu_text, choice is self.theme)
            action.setData(choice.value)
            action.triggered.connect(lambda _checked=False, c=choice: self.set_theme(c))
        sizes = QMenu(self.tr("Tamaño del te&xto de la interfaz"), menu)
        menu.insertMenu(before, sizes)
        sizes.setObjectName("uiSizeMenu")
        group = QActionGroup(sizes)
        for percent in UI_SIZES:
            text = f"{_SIZE_NAMES[percent]} ({percent} %)"
            action = self._choice(sizes, group, text, percent == self.ui_size)
            action.setData(percent)
            action.triggered.connect(lambda _checked=False, p=percent: self.set_ui_size(p))
        return themes, sizes

    def _choice(self, menu: QMenu, group: QActionGroup, text: str, checked: bool) -> QAction:
        action = QAction(self.tr(text), menu)
        action.setCheckable(True)
        action.setChecked(checked)
        group.addAction(action)
        menu.addAction(action)
        return action


def install(settings: UiSettings) -> Appearance:
    """Once per application (several windows share it); applies what ``settings`` remember."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    found = app.findChild(Appearance, "appearance")
    if found is None:
        return Appearance(app, settings)
    found.use(settings)
    return found
