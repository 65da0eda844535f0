"""The docks when no layout was saved (a new data folder): the window opens as a reader.

On the Secretaría's laptops (1366×768 at 125 %: about 1077×542 logical pixels for the window;
1920×1080 at 150 %: 1264×648) every pixel of height the docks take is a line of text less:
- the left column (index, search, notes as tabs) is as wide as its entries, never more than
  ``LEFT_SHARE`` of the window: a reading line does not need more than about 90 characters;
- the timeline opens at start only on a window tall enough for it to take at most
  ``TIMELINE_SHARE`` of the height (a desktop monitor: 1920×1080 at 100 %); elsewhere Ctrl+3
  (Ver › Línea de tiempo) opens it, and it then opens tall enough for ``TIMELINE_ROWS`` rows of events.
A layout the user saved is restored as it was (window_state.py); none of this applies then.

QStyle is named only where its metrics are asked for: PySide6 builds the class, with its 566
enumeration members, when it is first named (some 10 ms of the first frame, #11). A first
layout asks only when the timeline may open at start (a window too short for it even with no
margins at all needs none of them); the index's column asks its scroll bar for its width.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTreeView, QWidget

from sgdesk.ui.timeline_layout import rows_height
from sgdesk.ui.tree_model import POSSIBLY_MODIFIED_SUFFIX

TIMELINE_ROWS = 3  # the timeline dock opens tall enough for these rows of events
TIMELINE_SHARE = 0.35  # at most this share of the window's height, or it starts closed
LEFT_SHARE = 0.3  # the left column's widest first width, as a share of the window's
LEFT_LEAST = 16  # and its narrowest, in average characters of the index's font


def first_layout(window: QMainWindow, docks: dict[str, QDockWidget], tree: QTreeView) -> None:
    """Search and notes share the left column with the index, as tabs (Ctrl+K, Ctrl+4 bring
    them forward); the column is sized to the index; the timeline as the height allows."""
    window.tabifyDockWidget(docks["navigationDock"], docks["searchDock"])
    window.tabifyDockWidget(docks["searchDock"], docks["myNotesDock"])
    docks["navigationDock"].raise_()
    window.resizeDocks(
        [docks["navigationDock"]], [left_column_width(window, tree)], Qt.Orientation.Horizontal
    )
    timeline = docks["timelineDock"]
    share = window.height() * TIMELINE_SHARE
    # Too tall even with every margin of the style at nought: no need to ask the style (below).
    if _timeline_height(window, None, _no_metrics) > share:
        timeline.hide()
        return
    height = timeline_height(window)
    if height > share:
        timeline.hide()
    else:
        window.resizeDocks([timeline], [height], Qt.Orientation.Vertical)


def left_column_width(window: QWidget, tree: QTreeView) -> int:
    """The index's two first levels whole, with the longest mark an entry can take («— posiblemente
    modificada»), its indentation and its vertical scroll bar; bounded by ``LEFT_SHARE`` of the window."""
    model, metrics = tree.model(), tree.fontMetrics()
    if model.canFetchMore(QModelIndex()):  # (the view would fetch them when first laid out)
        model.fetchMore(QModelIndex())
    widest = 0
    for row in range(model.rowCount()):
        top = model.index(row, 0)
        if model.canFetchMore(top):
            model.fetchMore(top)
        titles = [(top, 1)] + [(model.index(child, 0, top), 2) for child in range(model.rowCount(top))]
        widest = max([widest] + [metrics.horizontalAdvance(_title(index)) + depth * tree.indentation()
                                 for index, depth in titles])  # fmt: skip
    widest += metrics.horizontalAdvance(POSSIBLY_MODIFIED_SUFFIX)
    # The scroll bar's width as it lays itself out (its style's extent), asked of the bar itself.
    chrome = 2 * tree.frameWidth() + tree.verticalScrollBar().sizeHint().width() + 16
    least = LEFT_LEAST * metrics.averageCharWidth()
    return max(least, min(widest + chrome, round(window.width() * LEFT_SHARE)))


def _title(index: QModelIndex) -> str:
    return str(index.data() or "")


def timeline_height(window: QWidget, dock: QDockWidget | None = None) -> int:
    """The timeline dock's height for its title, its legend, the axis and ``TIMELINE_ROWS``
    rows: the legend as laid out in the dock's panel (it wraps in a narrow dock), or one
    toolbar-high row while the panel is not built yet."""
    return _timeline_height(window, dock, _style_metrics(window))


def legend_row_height(window: QWidget) -> int:
    """One row of the timeline's legend: check boxes with 16-pixel glyphs, and margins."""
    return _legend_row_height(window, _style_metrics(window))


def _timeline_height(window: QWidget, dock: QDockWidget | None, metric: Callable[[str], int]) -> int:
    line = window.fontMetrics().height()
    title = line + 2 * metric("PM_DockWidgetTitleMargin")
    legend = getattr(dock.widget(), "legend", None) if dock is not None else None
    wrapped = legend.heightForWidth(dock.width()) if isinstance(legend, QWidget) and dock else -1
    legend_height = wrapped if wrapped > 0 else _legend_row_height(window, metric)
    return title + legend_height + rows_height(line, TIMELINE_ROWS) + 4


def _legend_row_height(window: QWidget, metric: Callable[[str], int]) -> int:
    item = max(window.fontMetrics().height(), 16, metric("PM_IndicatorHeight")) + 8
    return item + 2 * (metric("PM_ToolBarItemMargin") + metric("PM_ToolBarFrameWidth"))


def _style_metrics(widget: QWidget) -> Callable[[str], int]:
    """``widget``'s style's pixel metrics by name (PM_…)."""
    from PySide6.QtWidgets import QStyle  # (not with the module: see its docstring)

    style = widget.style()
    return lambda name: style.pixelMetric(getattr(QStyle.PixelMetric, name))


def _no_metrics(_name: str) -> int:
    return 0


def open_tall_enough(window: QMainWindow, dock: QDockWidget) -> None:
    """A timeline dock hidden at start (never opened, or closed by the user) opens, the first
    time it is shown, at least tall enough for ``TIMELINE_ROWS`` rows; the reading pane's
    least height still bounds it on a short screen."""

    def shown(visible: bool) -> None:
        if visible:
            dock.visibilityChanged.disconnect(shown)
            grow()
            QTimer.singleShot(0, window, grow)  # again with its panel, built by then

    def grow() -> None:
        needed = timeline_height(window, dock)
        if dock.isVisible() and not dock.isFloating() and dock.height() < needed:
            window.resizeDocks([dock], [needed], Qt.Orientation.Vertical)

    if dock.isHidden():  # (the window itself is not shown yet)
        dock.visibilityChanged.connect(shown)
