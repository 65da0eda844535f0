"""The first window on the Secretaría's laptops is a reading window (issue #11, screens).

Each screen case runs tests/ui/first_window_probe.py in a child process on a simulated screen
(as tests/ui/test_screens.py does): a new data folder, the first window as a user sees it. The
banner's compact form is checked on real widgets in this process, and on paper in a real PDF.
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sgdesk.export.common import horizon_banner, page_banner
from sgdesk.export.html import render_html
from sgdesk.export.pdf import write_pdf
from sgdesk.export.plan import plan_export
from sgdesk.library import Library
from sgdesk.ui.links_dialog import PageLinksDialog
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.screen_fit import FRAME_ALLOWANCE
from sgdesk.ui.timeline_layout import ROWS_TOP, row_height
from tests.ui.helpers import probe_on_screen

# (physical width, height, scale): the laptops the officials have, and a plain 1366×768.
SCREENS = [(1366, 768, 1.25), (1920, 1080, 1.5), (1366, 768, 1.0)]
TEXT_SHARE = 0.5  # the least share of the window's area the text's viewport gets at first start
BANNER_SHARE = 0.3  # the most of the viewport's height the honesty banner takes (compact form)
LEFT_SHARE = 0.3  # the most the left column takes of the window's width at first start
AFTER_HORIZON = date(2026, 12, 1)


def probe(tmp_path: Path, corpus_db: Path, data_dir: Path, screen: tuple[int, int, float],
          *flags: str) -> dict:  # fmt: skip
    return probe_on_screen(
        "tests.ui.first_window_probe", tmp_path, screen, str(corpus_db), str(data_dir), *flags
    )


def _area(rect: list[int]) -> int:
    return rect[2] * rect[3]


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}x{s[2]}")
def test_the_first_window_shows_the_page_text(
    tmp_path: Path, corpus_db: Path, data_dir: Path, screen: tuple[int, int, float]
) -> None:
    """A new data folder: the first line of the page's own text (not only its title and the
    honesty banner) is inside the pane's viewport, and the text gets most of the window."""
    found = probe(tmp_path, corpus_db, data_dir, screen)
    viewport, window = found["viewport"], found["window"]
    line = found["first_line_box"]
    assert line is not None, f"the page's first line ({found['first_line']!r}) is not in the pane"
    assert line[1] >= 0, f"first line at {line}, viewport {viewport}"
    assert line[1] + line[3] <= viewport[3], f"first line at {line}, viewport {viewport}"
    banner = found["banner_box"]
    assert banner is not None, "a date after the horizon: the honesty banner comes first"
    assert banner[3] <= viewport[3] * BANNER_SHARE, f"the banner takes {banner[3]} of {viewport[3]} px"
    share = _area(viewport) / _area(window)
    assert share >= TEXT_SHARE, f"the text's viewport is {share:.0%} of the window: {found}"
    docks = found["docks"]
    assert docks["navigationDock"]["shown"]
    assert docks["navigationDock"]["rect"][2] <= window[2] * LEFT_SHARE + 1, "the left column is too wide"
    assert found["tree_cut"] == [], "the left column is as wide as the index's entries"
    assert not docks["timelineDock"]["shown"], "on a laptop the timeline waits for Ctrl+3"


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}x{s[2]}")
def test_the_timeline_opens_short_and_wide_with_its_axis_and_three_rows(
    tmp_path: Path, corpus_db: Path, data_dir: Path, screen: tuple[int, int, float]
) -> None:
    timeline = probe(tmp_path, corpus_db, data_dir, screen, "open-timeline")["timeline"]
    rows = (timeline["viewport_height"] - timeline["rows_top"]) / timeline["row_height"]
    assert rows >= 3, f"{rows:.2f} rows show: {timeline}"
    assert timeline["axis_top"] == 0, "the axis band is at the top of what the dock shows"
    dock, plot, legend = timeline["dock"], timeline["plot"], timeline["legend"]
    assert plot[2] >= dock[2] * 0.9, f"the rows get the dock's width: {timeline}"
    assert legend[3] <= 48, f"the legend is one row: {timeline}"
    assert legend[1] < plot[1], f"the legend is above the rows: {timeline}"
    start, end = timeline["axis_span"]
    assert end - start >= plot[2] // 2, f"the years take at least half the width: {timeline}"


@pytest.mark.parametrize("screen", [(1920, 1080, 1.0), (2560, 1440, 1.0)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_on_a_desktop_monitor_the_timeline_is_open_under_the_text(
    tmp_path: Path, corpus_db: Path, data_dir: Path, screen: tuple[int, int, float]
) -> None:
    """Room for both: the timeline starts open, with its three rows, and the text still shows."""
    found = probe(tmp_path, corpus_db, data_dir, screen, "open-timeline")
    assert found["docks"]["timelineDock"]["shown"]
    line, viewport = found["first_line_box"], found["viewport"]
    assert line is not None
    assert line[1] + line[3] <= viewport[3], f"first line at {line}, viewport {viewport}"
    timeline = found["timeline"]
    assert timeline["reading_viewport"] == viewport, "Ctrl+3 changed nothing: it was open"
    assert (timeline["viewport_height"] - timeline["rows_top"]) / timeline["row_height"] >= 3


# Logical size (physical / scale) at most 1440×900: the whole free area is little enough that
# an official wants all of it, as Windows gives a maximised window (the frame aside).
LAPTOPS = [(1280, 720), (1280, 800), (1366, 768)]
SMALL_SCREENS = [(width, height, scale) for scale in (1.0, 1.25, 1.5) for width, height in LAPTOPS]
SMALL_SCREENS.append((1920, 1080, 1.5))


def _inside_with_frame(window: list[int], available: list[int]) -> bool:
    frame = FRAME_ALLOWANCE
    border = frame.width() // 2
    outer = QRect(window[0] - border, window[1] - (frame.height() - border), window[2] + frame.width(),
                  window[3] + frame.height())  # fmt: skip
    return QRect(*available).contains(outer)


@pytest.mark.parametrize("screen", SMALL_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}x{s[2]}")
def test_on_a_small_screen_the_first_window_takes_all_the_free_area(
    tmp_path: Path, corpus_db: Path, data_dir: Path, screen: tuple[int, int, float]
) -> None:
    found = probe(tmp_path, corpus_db, data_dir, screen)
    window, available = found["window"], found["available"]
    assert available[2:] == [round(screen[0] / screen[2]), round(screen[1] / screen[2])]
    assert window[2] == available[2] - FRAME_ALLOWANCE.width(), f"{window} on {available}"
    assert window[3] == available[3] - FRAME_ALLOWANCE.height(), f"{window} on {available}"
    assert _inside_with_frame(window, available), f"{window} on {available}"


@pytest.mark.parametrize("screen", [(1920, 1080, 1.0), (2560, 1440, 1.0)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_on_a_big_screen_the_first_window_is_comfortable_and_centred(
    tmp_path: Path, corpus_db: Path, data_dir: Path, screen: tuple[int, int, float]
) -> None:
    """Wide enough for the index and a reading column, tall enough for the text and the
    timeline, with the desktop still around it (a third window beside it, if wanted)."""
    found = probe(tmp_path, corpus_db, data_dir, screen)
    window, available = found["window"], found["available"]
    assert window[2:] >= [1440, 810], window
    assert window[2] <= available[2] * 0.8, f"{window} on {available}"
    assert window[3] <= available[3] * 0.85, f"{window} on {available}"
    left, right = window[0] - available[0], available[0] + available[2] - window[0] - window[2]
    top, bottom = window[1] - available[1], available[1] + available[3] - window[1] - window[3]
    assert abs(left - right) <= 2, (left, right)
    assert abs(top - bottom) <= FRAME_ALLOWANCE.height(), (top, bottom)
    assert _inside_with_frame(window, available)


def test_a_layout_the_user_saved_is_restored(tmp_path: Path, corpus_db: Path, data_dir: Path) -> None:
    """The first layout applies only to a new data folder: a timeline the user opened (and the
    sizes Qt saved with it) come back as they were."""
    laptop = (1366, 768, 1.25)
    first = probe(tmp_path, corpus_db, data_dir, laptop, "open-timeline")  # closed with it open
    again = probe(tmp_path, corpus_db, data_dir, laptop)
    assert again["docks"]["timelineDock"]["shown"]
    assert again["docks"]["timelineDock"]["rect"] == first["timeline"]["dock"]
    assert again["viewport"] == first["timeline"]["reading_viewport"]


# -- the honesty banner ---------------------------------------------------------------------


def _node_ids(library: Library) -> list[str]:
    ids, stack = [], [None]
    while stack:
        for node in library.children(stack.pop()):
            ids.append(node.id)
            stack.append(node.id)
    return ids


def test_the_compact_banner_names_every_later_change_that_affects_the_page(library: Library) -> None:
    """Every page after the horizon: the window's compact banner keeps the statement (never
    «vigente») and names each later change that touches the page; the others are counted
    until unfolded, then named; paper always names them all."""
    checked = 0
    for node_id in _node_ids(library):
        page = library.page(node_id, as_of=AFTER_HORIZON)
        banner = page_banner(page)
        assert banner is not None
        compact = render_html(page, other_changes=False)
        unfolded = render_html(page, other_changes=True)
        paper = render_html(page, links=False)
        for html in (compact, unfolded, paper):
            boxed = html.partition("</table>")[0]  # the banner is the page's first table
            assert escape(banner.statement) in boxed
            for change, _certain in banner.changes:
                assert escape(change.norm) in boxed, f"{node_id}: {change.norm} not named"
        head = compact.partition("</table>")[0]
        assert "Texto vigente" not in head
        if banner.others:
            others = banner.others_line() or ""
            assert others.partition(": ")[2].rstrip(".") not in compact
            assert f"Otros {len(banner.others)} cambios conocidos" in head or "Otro cambio" in head
            assert "sgdesk:ver/otros-cambios" in head
            assert others.partition(": ")[2].rstrip(".") in unfolded
            assert others in paper
            assert "sgdesk:ver/otros-cambios" not in paper
        checked += bool(banner.changes) and bool(banner.others)
    assert checked >= 2, "pages with both kinds of later change were checked"


def test_the_other_changes_unfold_from_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    """«mostrar los otros cambios» is a link of the page: «Enlaces de la página» (Ctrl+Shift+E) reaches it;
    the page keeps its place, «ocultar los otros cambios» folds them again."""
    library = window.library
    assert library is not None
    currency = library.currency()
    assert currency.is_after(date.today())
    page = library.page("mision")
    banner = horizon_banner(currency, date.today(), page.later_ids)
    assert banner is not None
    assert banner.others
    assert banner.changes
    pane = window.reading_pane
    for change, _certain in banner.changes:  # the ones that touch the page: named from the start
        assert change.norm in pane.toPlainText()
    names = ", ".join(change.norm for change in banner.others)
    assert names not in pane.toPlainText()
    assert f"Otros {len(banner.others)} cambios conocidos para esa fecha no tocan esta página" in (
        pane.toPlainText()
    )
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)

    def choose(words: str) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PageLinksDialog):
            QTimer.singleShot(20, lambda: choose(words))
            return
        field = dialog.focusWidget()
        if field is not None:
            qtbot.keyClicks(field, words)
            qtbot.keyClick(field, Qt.Key.Key_Return)
        if dialog.isVisible():
            dialog.reject()

    shortcut = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTimer.singleShot(0, lambda: choose("mostrar"))
    qtbot.keyClick(pane, Qt.Key.Key_E, shortcut)
    assert window.current_node_id == "mision"
    assert names in window.reading_pane.toPlainText()
    window.activateWindow()  # offscreen, no window manager gives it back after the dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTimer.singleShot(0, lambda: choose("ocultar"))
    qtbot.keyClick(window.reading_pane, Qt.Key.Key_E, shortcut)
    assert names not in window.reading_pane.toPlainText()


def test_the_pdf_keeps_the_whole_banner(library: Library, tmp_path: Path) -> None:
    from pypdf import PdfReader

    page = library.page("mision", as_of=AFTER_HORIZON)
    banner = page_banner(page)
    assert banner is not None
    assert banner.others
    path = write_pdf(plan_export(library, ["mision"], as_of=AFTER_HORIZON), tmp_path / "m.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert banner.others_line() in text
    assert "mostrar los otros" not in text


def test_a_legend_that_wraps_still_leaves_three_rows(window: MainWindow, qtbot: QtBot) -> None:
    """A narrow window: the timeline's legend takes two lines; the dock opens taller for them."""
    window.resize(760, 760)
    qtbot.waitUntil(lambda: window.width() == 760)
    window.show_panel("timelineDock")  # Ctrl+3
    panel = window.point_in_time.timeline()
    qtbot.waitUntil(lambda: bool(panel.view.visible_event_ids()))
    one_row = panel.legend.layout().sizeHint().height()
    qtbot.waitUntil(lambda: panel.legend.height() > one_row + 10, timeout=2000)  # wrapped
    row = row_height(panel.view.fontMetrics().height())
    qtbot.waitUntil(lambda: (panel.scroll_area.viewport().height() - ROWS_TOP) / row >= 3, timeout=2000)


def _layout(window: MainWindow) -> dict[str, tuple[object, ...]]:
    """What a user sees of each dock: where it is, whether it floats or shows, its tab group."""
    return {
        name: (
            window.dockWidgetArea(dock),
            dock.isFloating(),
            dock.isVisible(),
            sorted(other.objectName() for other in window.tabifiedDockWidgets(dock)),
        )
        for name, dock in window.docks.items()
    }


@pytest.mark.qt_log_ignore("does not support raise")  # a floating dock, offscreen
def test_ver_restablecer_brings_back_the_first_layout(window: MainWindow, qtbot: QtBot) -> None:
    """Docks dragged out, moved, closed or left by an older version's saved layout: Ver ›
    «Restablecer la disposición de los paneles» puts them back as a new data folder has them."""
    first = _layout(window)
    assert first["searchDock"][3] == ["myNotesDock", "navigationDock"]  # left column, as tabs
    docks = window.docks
    docks["timelineDock"].show()
    docks["timelineDock"].setFloating(True)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, docks["navigationDock"])
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, docks["searchDock"])
    docks["myNotesDock"].close()
    assert _layout(window) != first
    reset = [a for a in window.view_menu.actions() if a.text().startswith("&Restablecer")]
    assert len(reset) == 1, "Ver has no «Restablecer la disposición de los paneles»"
    reset[0].trigger()
    assert _layout(window) == first
    qtbot.waitUntil(lambda: not docks["navigationDock"].visibleRegion().isEmpty())  # index in front
