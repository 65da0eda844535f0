"""Windows and dialogs sized from the screen they open on, never larger than its free area.

At 1366×768 with 125 % scaling Qt has 1093×614 logical pixels (less the taskbar); at
1920×1080 with 150 %, 1280×720. A fixed 1100×720 window does not fit either, and on 1280 pixels
it left a strip of desktop on each side of a full-height window. The pure
functions below take the screen's ``availableGeometry`` (tests pass their own); the
``ScreenFit`` filter applies them to every dialog when it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

# Room kept for the title bar and borders until the window manager reports the real frame.
FRAME_ALLOWANCE = QSize(16, 40)
# The main window's first size where the screen has room for more: the index and a reading
# column of about 90 characters side by side, the text and the timeline one above the other.
# A smaller free area (every laptop the Secretaría has: 1366×768 or 1280×800 at 100 %, and
# anything at 125 % or 150 %) is taken whole, as an official would maximise it; a larger one
# gets this size, or three quarters of it on a very large screen (the desktop stays around it).
MAIN_WINDOW_SIZE = QSize(1440, 900)


def fit_size(wanted: QSize, available: QRect, frame: QSize = FRAME_ALLOWANCE) -> QSize:
    """``wanted``, shrunk so that it and its ``frame`` fit in ``available``."""
    room = QSize(available.width() - frame.width(), available.height() - frame.height())
    return wanted.boundedTo(room).expandedTo(QSize(1, 1))


def first_window_rect(available: QRect, frame: QSize = FRAME_ALLOWANCE) -> QRect:
    """The main window's first geometry (without frame): as large as ``MAIN_WINDOW_SIZE``
    (or three quarters of a big screen), never larger than the free area (all of it on a small
    screen, the frame included), centred on it."""
    wanted = MAIN_WINDOW_SIZE.expandedTo(QSize(available.width() * 3 // 4, available.height() * 3 // 4))
    size = fit_size(wanted, available, frame)
    outer = QRect(0, 0, size.width() + frame.width(), size.height() + frame.height())
    outer.moveCenter(available.center())
    border = frame.width() // 2  # the title bar takes the rest of the frame's height, on top
    return QRect(QPoint(outer.x() + border, outer.y() + frame.height() - border), size)


def placed_inside(frame: QRect, available: QRect) -> QRect:
    """``frame`` moved (and shrunk when it is larger) so that all of it lies in ``available``."""
    size = frame.size().boundedTo(available.size())
    x = min(max(frame.x(), available.x()), available.x() + available.width() - size.width())
    y = min(max(frame.y(), available.y()), available.y() + available.height() - size.height())
    return QRect(QPoint(x, y), size)


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen a window is (or will be) on: its parent's, its own, else the primary one."""
    parent = widget.parentWidget()
    window = parent.window() if parent is not None else widget
    return window.screen() or QGuiApplication.primaryScreen()


def available_for(widget: QWidget) -> QRect:
    screen = screen_of(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)


def dialog_size(widget: QWidget, wanted: QSize) -> QSize:
    """The size for a dialog that would like ``wanted``: bounded by its screen's free area."""
    return fit_size(wanted, available_for(widget))


def frame_margins(widget: QWidget) -> QSize:
    """The frame's extra width and height: the window manager's, once known, else an allowance."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return extra if extra.height() > 0 else FRAME_ALLOWANCE


def bring_on_screen(widget: QWidget) -> None:
    """Move (and shrink) a top-level window so that its whole frame is on its screen."""
    available = available_for(widget)
    frame = widget.frameGeometry()
    margins = frame_margins(widget)
    if frame.size() == widget.size():  # no frame reported yet: count the allowance
        frame = QRect(frame.topLeft(), widget.size() + margins)
    target = placed_inside(frame, available)
    if target == frame:
        return
    if target.size() != frame.size():
        widget.resize(target.size() - margins)
    widget.move(target.topLeft())  # a top-level window's position is its frame's


class ScreenFit(QObject):
    """Application-wide: every dialog, when shown, is brought inside its screen's free area
    (again once the window manager has drawn its frame)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, (QDialog, QMainWindow))
            and watched.isWindow()
            and not (watched.isMaximized() or watched.isFullScreen())
        ):
            bring_on_screen(watched)
            QTimer.singleShot(0, watched, lambda: _bring_back(watched))
        return False


def _bring_back(widget: QWidget) -> None:
    if widget.isVisible() and not (widget.isMaximized() or widget.isFullScreen()):
        bring_on_screen(widget)


def watch(window: QMainWindow) -> None:
    """Keep ``window`` inside its screen when shown, before ``install`` watches every window:
    a main window's first frame goes without an application-wide filter (see
    after_paint.BuildLater; the rest of the window installs it)."""
    fit = ScreenFit(window)
    fit.setObjectName("windowFit")
    window.installEventFilter(fit)


def install() -> None:
    """Watch every window of the application (once, however many main windows are built)."""
    app = QApplication.instance()
    if app is not None and app.findChild(ScreenFit, "screenFit") is None:
        fit = ScreenFit(app)
        fit.setObjectName("screenFit")
        app.installEventFilter(fit)
