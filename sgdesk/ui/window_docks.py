"""The main window's docks: declared once (their first layout: first_layout.py), and the keys
that move the focus between the panes (Ctrl+1…4 show and focus a dock; F6 / Shift+F6 cycle
through what is seen)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTreeView, QWidget


class DockSpec(NamedTuple):  # (not a dataclass: made ≈ 10 times quicker, at each start: #11)
    """A dock, declared once: its object name (for saved state), title and area."""

    name: str
    title: str
    area: Qt.DockWidgetArea
    shortcut: str


DOCKS = (
    DockSpec("navigationDock", "Navegación", Qt.DockWidgetArea.LeftDockWidgetArea, "Ctrl+1"),
    DockSpec("searchDock", "Búsqueda", Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+2"),
    DockSpec("timelineDock", "Línea de tiempo", Qt.DockWidgetArea.BottomDockWidgetArea, "Ctrl+3"),
    DockSpec("myNotesDock", "Mis notas", Qt.DockWidgetArea.LeftDockWidgetArea, "Ctrl+4"),
)


def add_docks(window: QMainWindow) -> dict[str, QDockWidget]:
    """Every dock of ``DOCKS``, empty, in its area."""
    docks = {}
    for spec in DOCKS:
        dock = QDockWidget(window.tr(spec.title), window)
        dock.setObjectName(spec.name)
        dock.setAccessibleName(window.tr(spec.title))  # Ver › its title shows or hides it
        window.addDockWidget(spec.area, dock)
        docks[spec.name] = dock
    return docks


def navigation_tree(dock: QDockWidget, model: QAbstractItemModel) -> QTreeView:
    """The index of sections and norms, in its dock."""
    tree = QTreeView(dock)
    tree.setObjectName("navigationTree")
    tree.setAccessibleName(dock.tr("Índice de secciones y normas"))
    tree.setHeaderHidden(True)
    tree.setUniformRowHeights(True)
    tree.setModel(model)
    dock.setWidget(tree)
    return tree


class PaneFocus:
    """Ctrl+1…4 and F6: which widget takes the focus in each dock comes from ``pane_of``
    (panels are built when first needed); ``reading`` is the page view in front."""

    def __init__(self, docks: dict[str, QDockWidget], panes: dict[str, Callable[[], QWidget]],
                 reading: Callable[[], QWidget]) -> None:  # fmt: skip
        self._docks = docks
        self._panes = panes
        self._reading = reading

    def _pane_of(self, dock_name: str) -> QWidget:
        return self._panes[dock_name]()

    def show_panel(self, dock_name: str) -> None:
        """Show the dock, bring it to the front of its tab group, focus its panel."""
        dock = self._docks[dock_name]
        dock.show()
        dock.raise_()
        focus_pane(self._pane_of(dock_name))

    def panes(self) -> list[QWidget]:
        """The panes F6 goes through, in order: the text, then every dock that can be seen."""
        panes = [self._reading()]
        panes += [self._pane_of(spec.name) for spec in DOCKS if on_screen(self._docks[spec.name])]
        return [pane for pane in panes if on_screen(pane)]

    def switch(self, step: int = 1) -> None:
        """F6 (Shift+F6 back): the next visible pane; hidden panes and tabs behind are skipped."""
        panes = self.panes()
        if not panes:
            return
        focused = QApplication.focusWidget()
        here = next((i for i, pane in enumerate(panes) if focused is not None
                     and (pane is focused or pane.isAncestorOf(focused))), -1)  # fmt: skip
        if here == -1 and step < 0:
            here = 0
        focus_pane(panes[(here + step) % len(panes)])


def on_screen(widget: QWidget) -> bool:
    """Shown and not covered: a dock in a tab behind another stays "visible" for Qt (it is
    moved out of the window), but nothing of it can be seen."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def focus_pane(pane: QWidget) -> None:
    """Into ``pane``: a panel with a field of its own (the search panel) focuses that field."""
    focus_field = getattr(pane, "focus_field", None)
    if callable(focus_field):
        focus_field()
    else:
        pane.setFocus(Qt.FocusReason.ShortcutFocusReason)
