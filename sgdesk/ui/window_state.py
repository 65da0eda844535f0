"""What the main window restores at start and saves at close: its geometry (brought back on
screen), its docks' layout, the reading zoom and the reading tabs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from sgdesk.ui import focus_ring, screen_fit
from sgdesk.ui.first_layout import first_layout, open_tall_enough
from sgdesk.ui.window_docks import DOCKS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QTreeView

    from sgdesk.ui.reader_tabs import ReaderTabs
    from sgdesk.ui.state import TabSpec, UiSettings

# Bump when docks or the central widget change: an older saved layout is then ignored (5: the
# reading pane sits in a tab widget).
STATE_VERSION = 5


def restore_layout(
    window: QMainWindow, settings: UiSettings, docks: dict[str, QDockWidget], tree: QTreeView
) -> None:
    """The saved geometry and layout, kept inside the screen; the first layout without one
    (first_layout.py: a reading window); a timeline closed at start opens with three rows."""
    screen_fit.watch(window)  # kept inside the screen (every dialog too, once the rest is built)
    # The left column takes the full height; the timeline sits under the text only, so the
    # search panel's least height no longer caps it (three rows at 1366×728 ×1.25).
    window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
    focus_ring.install()  # a solid mark on the focused widget, in every window
    window.setGeometry(screen_fit.first_window_rect(screen_fit.available_for(window)))
    restored = settings.geometry is not None and window.restoreGeometry(settings.geometry)
    if restored and not (window.isMaximized() or window.isFullScreen()):
        screen_fit.bring_on_screen(window)  # saved on another monitor or at another scale
    if settings.window_state is None or not window.restoreState(settings.window_state, STATE_VERSION):
        first_layout(window, docks, tree)
    open_tall_enough(window, docks["timelineDock"])


def reset_layout(window: QMainWindow, docks: dict[str, QDockWidget], tree: QTreeView) -> None:
    """Ver › Restablecer la disposición: every dock back in its area (none floating, none
    closed), then the first layout, as a new data folder would have it (a layout saved by an
    older version, or docks dragged where they got in the way of the text)."""
    for spec in DOCKS:
        dock = docks[spec.name]
        dock.setFloating(False)
        window.addDockWidget(spec.area, dock)  # (out of any tab group it was in)
        dock.show()
    first_layout(window, docks, tree)


def tabs_to_restore(settings: UiSettings, tabs: ReaderTabs, home: str) -> tuple[list[TabSpec], int]:
    """The tabs saved at the last close whose node the corpus has (else the last node read,
    else the home page), and the index of the one in front."""
    library = tabs.library
    saved, current = settings.tabs
    if library is not None:
        kept = [i for i, (node, _day) in enumerate(saved) if library.find(node) is not None]
        current = kept.index(current) if current in kept else 0
        saved = [saved[i] for i in kept]
    if not saved:
        last = settings.last_node
        start = last if last and library is not None and library.find(last) is not None else home
        return [(start, None)], 0
    return saved, current


def restore_tabs(settings: UiSettings, tabs: ReaderTabs, home: str) -> None:
    """Open the saved tabs: only the one in front has its reader and renders its page now (the
    others when first shown), so the first frame costs one page however many tabs there were."""
    specs, current = tabs_to_restore(settings, tabs, home)
    if len(specs) == 1:  # a lone tab starts on today's text; dates side by side are kept
        specs = [(specs[0][0], None)]
    first_node, first_day = specs[current]
    tabs.current.state.set_day(first_day)
    for index, (node, day) in enumerate(specs):
        if index != current:
            tabs.widget.tabBar().moveTab(tabs.add_behind(node, day), index)
    tabs.show_tab(tabs.current)
    tabs.render_current(first_node)


def save(window: QMainWindow, settings: UiSettings, tabs: ReaderTabs) -> None:
    settings.save_window(window.saveGeometry(), window.saveState(STATE_VERSION))
    settings.zoom = tabs.zoom
    settings.save_tabs(tabs.saved_tabs(), max(0, tabs.widget.currentIndex()))
    node_id = tabs.current.state.node_id
    if node_id:
        settings.last_node = node_id
    settings.sync()
