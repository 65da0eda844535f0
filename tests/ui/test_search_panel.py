"""The search dock: search as you type, off the GUI thread, keyboard use, filters, recent searches."""

from __future__ import annotations

import shutil
import threading
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThread, QTimer
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QMenu, QWidget
from pytestqt.qtbot import QtBot

from sgdesk.content.model import NodeKind
from sgdesk.content.query import SearchFilters
from sgdesk.library import SearchResults
from sgdesk.store.build import build_database
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.search_model import HTML_ROLE, NODE_ID_ROLE
from sgdesk.ui.search_panel import DEBOUNCE_MS, SearchPanel
from sgdesk.ui.search_service import PAGE_SIZE, SearchService
from tests.altered import altered_copy
from tests.ui.helpers import current_tree_id

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LIT_N_TEXT = "Formular y orientar las políticas para la gestión"
SEARCHING = "Buscando…"
PROMPT = "Escriba para buscar en todo el corpus."
EXTRA_NORMS = 45  # acuerdos added to the corpus so that one query fills several pages


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def hit_ids(panel: SearchPanel) -> list[str]:
    model = panel.model
    return [str(model.index(row).data(NODE_ID_ROLE)) for row in range(model.rowCount())]


def type_query(qtbot: QtBot, window: MainWindow, text: str, enter: bool = True) -> None:
    """Ctrl+K, type ``text`` over what the field held, press Enter (or wait for the search
    as you type), and wait for the results."""
    panel = window.search_panel
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(panel.field.hasFocus)
    with qtbot.waitSignal(panel.search_requested, timeout=2000):
        qtbot.keyClicks(panel.field, text)
        if enter:
            qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    wait_for_results(qtbot, panel)


def wait_for_results(qtbot: QtBot, panel: SearchPanel) -> None:
    """Wait until the search the panel announced ("Buscando…") has come back."""
    qtbot.waitUntil(lambda: panel.status.text() != SEARCHING)


def service(window: MainWindow) -> SearchService:
    assert window.searches.service is not None, "no search has run yet"
    return window.searches.service


class PausedWorker:
    """Keeps the search thread busy until ``resume``: requests queue up behind the pause."""

    def __init__(self, search_service: SearchService) -> None:
        self._worker = search_service.worker
        self._running, self._release = threading.Event(), threading.Event()
        QTimer.singleShot(0, self._worker, self._hold)  # runs on the worker's thread
        assert self._running.wait(5), "the search thread did not pick up the pause"

    def _hold(self) -> None:
        self._running.set()
        self._release.wait(5)

    def resume(self, qtbot: QtBot) -> None:
        """Let the worker go, wait until it has handled every queued request, and deliver
        whatever it sent back to the GUI thread."""
        drained = threading.Event()
        self._release.set()
        QTimer.singleShot(0, self._worker, drained.set)  # after the requests queued before it
        qtbot.waitUntil(drained.is_set)
        QCoreApplication.processEvents()


def choose_from_menu(qtbot: QtBot, panel: SearchPanel, text: str) -> None:
    """Click the "Recientes" button and, in the menu that opens (it blocks), click ``text``."""
    problems: list[str] = []

    def pick(tries: int = 0) -> None:
        menu: QMenu = panel.recent_menu
        if not menu.isVisible():
            if tries < 200:
                QTimer.singleShot(10, lambda: pick(tries + 1))
            return
        actions = [a for a in menu.actions() if a.text() == text]
        if not actions or not actions[0].isEnabled():
            problems.append(f"no enabled {text!r} in {[a.text() for a in menu.actions()]}")
            menu.close()
            return
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(actions[0]).center())

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(panel.recent_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.recent_menu.isVisible())
    assert not problems, problems[0]
    # The offscreen platform leaves the closed menu as the active window; a desktop gives
    # the activation back to the main window, and with it the keyboard focus.
    window = panel.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def recent_entries(panel: SearchPanel) -> list[tuple[str, bool]]:
    """The menu's entries as (text, enabled), separators left out."""
    return [(a.text(), a.isEnabled()) for a in panel.recent_menu.actions() if not a.isSeparator()]


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory, sources_dir: Path) -> Path:
    """The corpus plus 45 acuerdos of 2015 on «ventanilla»: 90 hits, three pages of results."""
    sources = tmp_path_factory.mktemp("big-sources") / "sources"
    shutil.copytree(sources_dir, sources)
    ids = [f"acuerdo-{900 + n}-2015" for n in range(1, EXTRA_NORMS + 1)]
    for n, norm_id in enumerate(ids, start=1):
        (sources / "normas" / f"{norm_id}.toml").write_text(
            f'id = "{norm_id}"\ntype = "acuerdo"\nnumber = "{900 + n}"\nyear = 2015\n'
            f'issuer = "Concejo de Bogotá"\nissued = "2015"\n'
            f"epigrafe = '\"Por el cual se regula la ventanilla de atención número {n}\".'\n\n"
            f'[[articles]]\nid = "art-1"\nnumber = "1"\nlabel = "ARTÍCULO 1°."\n'
            f"text = ['La ventanilla {n} atiende a la ciudadanía.']\n",
            encoding="utf-8",
        )
    general = sources / "informacion-general.toml"
    text = general.read_text(encoding="utf-8")
    anchor = '  "decreto-77-2012",\n'
    assert anchor in text
    general.write_text(text.replace(anchor, anchor + "".join(f'  "{i}",\n' for i in ids), 1), "utf-8")
    path = sources.parent / "big.db"
    build_database(sources, path)
    return path


# -- opening the search --------------------------------------------------------


@pytest.mark.parametrize("modifiers", [CTRL, CTRL | SHIFT], ids=["ctrl-k", "ctrl-shift-f"])
def test_shortcut_shows_the_hidden_dock_and_focuses_the_field(
    window: MainWindow, qtbot: QtBot, modifiers: Qt.KeyboardModifier
) -> None:
    dock, panel = window.docks["searchDock"], window.search_panel
    panel.field.setText("gestion")
    dock.hide()
    window.reading_pane.setFocus()
    assert not panel.field.isVisible()

    key = Qt.Key.Key_K if modifiers == CTRL else Qt.Key.Key_F
    qtbot.keyClick(window, key, modifiers)

    assert dock.isVisible()
    qtbot.waitUntil(panel.field.hasFocus)
    assert panel.field.selectedText() == "gestion", "the old query is selected: typing replaces it"


# -- search as you type --------------------------------------------------------


def test_typing_searches_once_after_a_pause_and_lists_the_hits(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    requests: list[str] = []
    panel.search_requested.connect(lambda text, _filters, _offset: requests.append(text))
    assert panel.status.text() == PROMPT
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(panel.field.hasFocus)

    qtbot.keyClicks(panel.field, "gestion documental")
    assert requests == [], "no search while typing"
    qtbot.waitUntil(lambda: panel.status.text() == "2 resultados")
    with qtbot.assertNotEmitted(panel.search_requested, wait=DEBOUNCE_MS + 50):
        pass  # nothing more was waiting to fire

    assert requests == ["gestion documental"], "typing fast makes one request"
    assert panel.status.text() == "2 resultados"
    assert panel.model.rowCount() == 2
    first = panel.model.index(0)
    assert first.data() == "Literal h"
    assert "<b>gestión</b>" in str(first.data(HTML_ROLE))
    assert "<b>documental</b>" in str(first.data(HTML_ROLE))
    assert panel.results.visualRect(first).isValid()
    assert not panel.more_button.isVisible()

    qtbot.keyClick(panel.field, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(panel.field, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert panel.status.text() == PROMPT
    assert requests == ["gestion documental"], "an empty field asks for nothing"


# -- off the GUI thread, latest results only -----------------------------------


def test_results_of_a_superseded_search_are_dropped(window: MainWindow, qtbot: QtBot) -> None:
    """The first search really finishes after the second was asked for: its hits never show."""
    panel = window.search_panel
    type_query(qtbot, window, "secretaria")  # starts the search thread
    search_service = service(window)
    threads: list[QThread] = []
    first_finished, second_asked = threading.Event(), threading.Event()

    def on_worker_finished(_generation: int, results: SearchResults) -> None:  # on the worker thread
        threads.append(QThread.currentThread())
        if results.query.text == "gestion documental":
            first_finished.set()
            second_asked.wait(5)  # hold the worker until the newer search is queued

    search_service.worker.finished.connect(on_worker_finished, Qt.ConnectionType.DirectConnection)
    shown: list[str] = []
    search_service.results_ready.connect(lambda results: shown.append(results.query.text))
    before = search_service.generation

    window.searches.run("gestion documental", SearchFilters(), 0)
    assert first_finished.wait(5)
    window.searches.run("decreto 267 de 2007", SearchFilters(), 0)
    second_asked.set()
    qtbot.waitUntil(lambda: shown != [])
    QCoreApplication.processEvents()

    assert shown == ["decreto 267 de 2007"], "the finished but superseded search is not shown"
    assert search_service.generation == before + 2
    assert window.searches.last_results is not None
    assert window.searches.last_results.query.text == "decreto 267 de 2007"
    assert hit_ids(panel)[0] == "decreto-267-2007"
    assert "decreto-267-2007/art-7/lit-h" not in hit_ids(panel)
    assert panel.status.text() == "3 resultados"
    assert threads
    assert all(t is search_service.search_thread for t in threads)
    assert QThread.currentThread() not in threads, "SQLite runs off the GUI thread"
    assert search_service.search_thread.isRunning()


def test_a_newer_search_interrupts_the_running_one(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    type_query(qtbot, window, "secretaria")  # the worker has its connection now
    search_service = service(window)
    assert search_service.worker.library is not None
    worker_library = search_service.worker.library
    inside_sqlite, go_on = threading.Event(), threading.Event()

    def progress() -> int:  # called by SQLite, on the worker thread, while a query runs
        if not inside_sqlite.is_set():
            inside_sqlite.set()
            go_on.wait(5)
        return 0

    failures: list[tuple[int, str]] = []
    search_service.worker.failed.connect(
        lambda generation, message: failures.append((generation, message)), Qt.ConnectionType.DirectConnection
    )
    worker_library.on_progress(progress, 1)
    try:
        window.searches.run("gestion documental", SearchFilters(), 0)
        first = search_service.generation
        assert inside_sqlite.wait(5), "the first search never reached SQLite"
        window.searches.run("decreto 267 de 2007", SearchFilters(), 0)
        go_on.set()
        qtbot.waitUntil(lambda: panel.status.text() == "3 resultados")
    finally:
        go_on.set()
    worker_library.on_progress(None, 1)

    assert len(failures) == 1
    assert failures[0][0] == first
    assert "interrupted" in failures[0][1], "the superseded query was stopped inside SQLite"
    assert hit_ids(panel)[0] == "decreto-267-2007"


def test_queued_searches_run_only_the_latest(window: MainWindow, qtbot: QtBot) -> None:
    type_query(qtbot, window, "secretaria")
    search_service = service(window)
    ran: list[str] = []
    search_service.worker.finished.connect(
        lambda _g, results: ran.append(results.query.text), Qt.ConnectionType.DirectConnection
    )
    paused = PausedWorker(search_service)
    for text in ("gestion", "gestion doc", "gestion documental"):
        window.searches.run(text, SearchFilters(), 0)
    paused.resume(qtbot)

    assert ran == ["gestion documental"], "requests superseded while queued are skipped"
    assert window.search_panel.status.text() == "2 resultados"
    assert hit_ids(window.search_panel)[0] == "decreto-267-2007/art-7/lit-h"


def test_clearing_the_field_drops_a_search_still_running(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    type_query(qtbot, window, "secretaria")
    paused = PausedWorker(service(window))  # a slow search: its results come late
    with qtbot.waitSignal(panel.search_requested):
        qtbot.keyClicks(panel.field, " general")
    qtbot.keyClick(panel.field, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(panel.field, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: panel.status.text() == PROMPT)
    paused.resume(qtbot)

    assert panel.field.text() == ""
    assert panel.model.rowCount() == 0, "hits of a query no longer in the field"
    assert panel.status.text() == PROMPT


def test_closing_the_window_stops_the_search_thread(window: MainWindow, qtbot: QtBot) -> None:
    type_query(qtbot, window, "gestion documental")
    search_service = service(window)
    thread, worker = search_service.search_thread, search_service.worker
    assert thread.isRunning()

    assert window.close()

    assert thread.isFinished()
    assert worker.library is None, "the worker's connection was closed on its thread"
    assert window.searches.service is None


def test_opening_another_database_searches_it(window: MainWindow, qtbot: QtBot, big_db: Path) -> None:
    type_query(qtbot, window, "ventanilla")
    assert window.search_panel.status.text() == "Sin resultados para «ventanilla»."
    old_thread = service(window).search_thread

    assert window.open_database(big_db)
    type_query(qtbot, window, "ventanilla")

    assert window.search_panel.status.text().startswith(f"{2 * EXTRA_NORMS} resultados")
    assert service(window).search_thread is not old_thread


# -- keyboard ------------------------------------------------------------------


def test_keyboard_from_the_field_to_a_highlighted_hit_and_back(window: MainWindow, qtbot: QtBot) -> None:
    panel, pane = window.search_panel, window.reading_pane
    pane.set_zoom(300)  # a tall page: the first match is below the fold
    type_query(qtbot, window, "gestion documental")

    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    assert panel.results.currentIndex().row() == 0
    assert panel.results.selectionModel().isSelected(panel.results.currentIndex())
    qtbot.keyClick(panel.results, Qt.Key.Key_Down)
    assert panel.results.currentIndex().row() == 1
    qtbot.keyClick(panel.results, Qt.Key.Key_Up)
    assert panel.results.currentIndex().row() == 0

    qtbot.keyClick(panel.results, Qt.Key.Key_Return)

    assert window.current_node_id == "decreto-267-2007/art-7/lit-h"
    assert current_tree_id(window.tree_view) == "decreto-267-2007/art-7/lit-h"
    assert pane.toPlainText().startswith("Literal h")
    assert pane.search_mark_count >= 2
    marked = [fold(s.cursor.selectedText()) for s in pane.extraSelections()]
    assert {"gestion", "documental"} <= set(marked)
    assert len(marked) == pane.search_mark_count
    assert pane.verticalScrollBar().value() > 0, "scrolled down to the first match"
    assert pane.viewport().rect().contains(pane.cursorRect().center())

    qtbot.keyClick(window, Qt.Key.Key_B, CTRL | SHIFT)
    assert panel.results.hasFocus()
    assert panel.results.currentIndex().row() == 0
    qtbot.keyClick(panel.results, Qt.Key.Key_Escape)
    assert panel.field.hasFocus()
    assert panel.field.selectedText() == "gestion documental"


def test_click_opens_a_hit_and_ctrl_shift_b_returns_to_it(window: MainWindow, qtbot: QtBot) -> None:
    panel, dock = window.search_panel, window.docks["searchDock"]
    type_query(qtbot, window, "secretaria")
    index = panel.model.index(3)
    expected = str(index.data(NODE_ID_ROLE))
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.results.visualRect(index).center())  # fmt: skip
    assert window.current_node_id == expected
    assert window.reading_pane.search_mark_count > 0

    window.reading_pane.setFocus()
    dock.hide()
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL | SHIFT)

    assert dock.isVisible()
    qtbot.waitUntil(panel.results.hasFocus)
    assert panel.results.currentIndex().row() == 3
    assert panel.results.selectionModel().isSelected(panel.results.currentIndex())


def test_ctrl_shift_b_without_results_goes_to_the_field(window: MainWindow, qtbot: QtBot) -> None:
    window.reading_pane.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL | SHIFT)
    qtbot.waitUntil(window.search_panel.field.hasFocus)


def test_down_in_an_empty_result_list_stays_in_the_field(window: MainWindow, qtbot: QtBot) -> None:
    type_query(qtbot, window, "inexistentisimo")
    assert window.search_panel.status.text() == "Sin resultados para «inexistentisimo»."
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Down)
    assert window.search_panel.field.hasFocus()


# -- Enter in the field ----------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "node_id"),
    [("decreto 267 de 2007", "decreto-267-2007"), ("art 7 lit n", "decreto-267-2007/art-7/lit-n")],
)
def test_enter_on_a_citation_opens_the_cited_unit(
    window: MainWindow, qtbot: QtBot, query: str, node_id: str
) -> None:
    panel = window.search_panel
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(panel.field, query)
    with qtbot.waitSignal(panel.hit_activated, timeout=3000) as opened:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)

    assert opened.args == [node_id, 0]
    assert window.current_node_id == node_id
    assert current_tree_id(window.tree_view) == node_id
    assert panel.model.index(0).data(NODE_ID_ROLE) == node_id
    assert 'class="cited">· cita' in str(panel.model.index(0).data(HTML_ROLE))


def _marked_texts(window: MainWindow) -> list[str]:
    return [s.cursor.selectedText() for s in window.reading_pane.extraSelections()]


def test_a_citation_marks_the_cited_unit_and_marks_go_with_the_query(
    window: MainWindow, qtbot: QtBot
) -> None:
    panel, pane = window.search_panel, window.reading_pane
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(panel.field, "decreto 267 de 2007 art 7 lit n")
    with qtbot.waitSignal(panel.hit_activated, timeout=3000):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert window.current_node_id == "decreto-267-2007/art-7/lit-n"
    marked = _marked_texts(window)
    assert len(marked) == 1, f"one mark, the cited unit, not its letters: {marked[:8]}"
    assert LIT_N_TEXT in marked[0]
    for header in ("Literal n", "Información General", "Norma:", "Texto con los cambios"):
        assert not marked[0].startswith(header), "the unit, not the title, banner or breadcrumbs"
    assert "Cita:" not in marked[0], "nor the footer"
    assert pane.search_mark_count == 0

    qtbot.keyClick(panel.field, Qt.Key.Key_Backspace)  # the query changes: the old marks go
    assert _marked_texts(window) == []

    type_query(qtbot, window, "relaciones internacionales", enter=False)
    panel.results.setCurrentIndex(panel.model.index(0))
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert pane.search_mark_count > 0
    assert all(fold(t).startswith(("relacion", "internacional")) for t in _marked_texts(window))
    panel.field.clear()  # emptied: no marks of it stay
    assert pane.search_mark_count == 0
    assert _marked_texts(window) == []


def test_a_cited_norm_is_tinted_from_its_text_not_its_title(window: MainWindow, qtbot: QtBot) -> None:
    panel, pane = window.search_panel, window.reading_pane
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(panel.field, "decreto 267 de 2007")
    with qtbot.waitSignal(panel.hit_activated, timeout=3000):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert window.current_node_id == "decreto-267-2007"
    assert pane.search_mark_count == 0
    marked = _marked_texts(window)
    assert len(marked) == 1
    title = pane.document().firstBlock().text()
    assert title == "Decreto 267 de 2007"
    assert pane.marked_node_range is not None
    assert pane.marked_node_range[0] > len(title), "the title, banner and breadcrumbs are not tinted"


def test_enter_on_words_searches_without_opening(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(panel.field, "gestion documental")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.status.text() == SEARCHING, "Enter searches at once, without the pause"
    wait_for_results(qtbot, panel)

    assert panel.status.text() == "2 resultados"
    assert window.current_node_id == "mision"
    assert panel.field.hasFocus()


def test_enter_in_an_empty_field_opens_nothing_later(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)  # nothing to search
    type_query(qtbot, window, "decreto 267 de 2007", enter=False)

    assert panel.status.text() == "3 resultados"
    assert window.current_node_id == "mision", "only Enter opens a cited unit"


# -- filters and pages -----------------------------------------------------------


def choose(qtbot: QtBot, panel: SearchPanel, widget: QWidget, keys: str) -> None:
    """Type ``keys`` into a filter (a combo box jumps to the item starting so; a year box
    takes the number), expecting one new search."""
    widget.setFocus()
    if isinstance(widget, QAbstractSpinBox):
        qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    with qtbot.waitSignal(panel.search_requested) as requested:
        qtbot.keyClicks(widget, keys)
    assert requested.args is not None
    assert requested.args[0] == panel.field.text()
    wait_for_results(qtbot, panel)


def test_kind_filter_keeps_only_norms(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    type_query(qtbot, window, "secretaria")
    everything = hit_ids(panel)
    choose(qtbot, panel, panel.kind_box, "N")

    assert panel.kind_box.currentText() == "Normas"
    kinds = {panel.model.hit(row).node.kind for row in range(panel.model.rowCount())}
    assert kinds == {NodeKind.NORM}
    assert 0 < panel.model.rowCount() < len(everything)
    assert set(hit_ids(panel)) < set(everything)
    assert panel.status.text() == f"{panel.model.rowCount()} resultados"


def test_norm_type_filter_keeps_only_acuerdos(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    type_query(qtbot, window, "secretaria")
    choose(qtbot, panel, panel.type_box, "A")

    assert panel.type_box.currentText() == "Acuerdos"
    assert hit_ids(panel)
    assert all(i.startswith("acuerdo-") for i in hit_ids(panel))


def _items(box: QComboBox) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


def test_the_filters_offer_only_what_the_corpus_holds(window: MainWindow) -> None:
    panel = window.search_panel  # the test corpus: acuerdos and decretos, no circular, no directiva
    assert _items(panel.type_box) == ["Todos los tipos", "Acuerdos", "Decretos"]
    assert _items(panel.kind_box) == [
        "Todo el corpus", "Información general", "Normas", "Disposiciones (artículos y literales)",
    ]  # fmt: skip
    panel.type_box.setCurrentIndex(2)
    panel.set_held(frozenset({"norma"}), frozenset({"acuerdo", "resolucion"}))  # another corpus
    assert _items(panel.type_box) == ["Todos los tipos", "Acuerdos", "Resoluciones"]
    assert _items(panel.kind_box) == ["Todo el corpus", "Normas"]
    assert panel.type_box.currentText() == "Todos los tipos", "Decretos is gone: back to all"
    assert panel.filters().norm_types == frozenset()


def test_year_range_keeps_only_norms_of_those_years(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    type_query(qtbot, window, "secretaria")
    choose(qtbot, panel, panel.year_from, "2008")
    from_2008 = hit_ids(panel)
    choose(qtbot, panel, panel.year_to, "2009")

    assert {i.split("/")[0] for i in from_2008} == {
        "decreto-163-2008", "decreto-502-2009", "decreto-59-2012", "decreto-77-2012"
    }  # fmt: skip
    assert {i.split("/")[0] for i in hit_ids(panel)} == {"decreto-163-2008", "decreto-502-2009"}
    assert panel.filters() == SearchFilters(frozenset(), frozenset(), 2008, 2009)


def test_more_results_appends_the_next_pages(
    make_window: Callable[..., MainWindow], qtbot: QtBot, big_db: Path
) -> None:
    window = make_window(database=big_db)
    panel = window.search_panel
    total = 2 * EXTRA_NORMS
    type_query(qtbot, window, "ventanilla")
    assert panel.model.rowCount() == PAGE_SIZE
    assert panel.status.text() == f"{total} resultados (se muestran {PAGE_SIZE})"
    assert panel.more_button.isVisible()
    first_page = hit_ids(panel)

    with qtbot.waitSignal(panel.model.rowsInserted) as inserted:
        qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
    assert inserted.args is not None
    assert inserted.args[1:] == [PAGE_SIZE, 2 * PAGE_SIZE - 1]
    assert hit_ids(panel)[:PAGE_SIZE] == first_page, "the first page stays in place"
    assert panel.status.text() == f"{total} resultados (se muestran {2 * PAGE_SIZE})"

    with qtbot.waitSignal(panel.model.rowsInserted):
        qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
    ids = hit_ids(panel)
    assert len(ids) == len(set(ids)) == total
    assert all("ventanilla" in fold(str(panel.model.index(r).data(HTML_ROLE))) for r in range(total))
    assert panel.status.text() == f"{total} resultados"
    assert not panel.more_button.isVisible()


def test_more_results_continue_the_list_shown_while_the_field_is_being_edited(
    make_window: Callable[..., MainWindow], qtbot: QtBot, big_db: Path
) -> None:
    window = make_window(database=big_db)
    panel = window.search_panel
    type_query(qtbot, window, "ventanilla")
    first_page = hit_ids(panel)
    qtbot.keyClick(panel.field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(panel.field, "secretaria")  # not searched yet: the list still shows «ventanilla»
    with qtbot.waitSignal(panel.model.rowsInserted, timeout=5000):
        qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
    ids = hit_ids(panel)
    assert ids[:PAGE_SIZE] == first_page
    assert len(ids) == len(set(ids)) == 2 * PAGE_SIZE
    assert all("ventanilla" in fold(str(panel.model.index(r).data(HTML_ROLE))) for r in range(len(ids)))
    # Then the edited query runs, and its hits replace the list.
    qtbot.waitUntil(lambda: "ventanilla" not in fold(str(panel.model.index(0).data(HTML_ROLE))), timeout=5000)
    assert all("secretar" in fold(str(panel.model.index(r).data(HTML_ROLE)))
               for r in range(panel.model.rowCount()))  # fmt: skip


def test_back_to_the_search_returns_to_the_hit_opened_from_this_list(
    make_window: Callable[..., MainWindow], qtbot: QtBot, big_db: Path
) -> None:
    window = make_window(database=big_db)
    panel = window.search_panel

    def back_to_search() -> int:
        window.reading_pane.setFocus()
        qtbot.keyClick(window, Qt.Key.Key_B, CTRL | Qt.KeyboardModifier.ShiftModifier)
        assert panel.results.hasFocus()
        return panel.results.currentIndex().row()

    type_query(qtbot, window, "ventanilla")
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    for _ in range(5):
        qtbot.keyClick(panel.results, Qt.Key.Key_Down)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert window.current_node_id == hit_ids(panel)[5]
    assert back_to_search() == 5
    # A new search is a new list: Ctrl+Shift+B goes to its first hit, not to row 5.
    type_query(qtbot, window, "gestion documental")
    assert back_to_search() == 0


# -- recent searches -------------------------------------------------------------


def open_first_hit(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_panel.results, Qt.Key.Key_Return)


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform and popups
def test_recent_searches_are_recorded_reused_kept_and_cleared(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path
) -> None:
    window = make_window()
    panel = window.search_panel
    clear = "Borrar búsquedas recientes"
    assert recent_entries(panel) == [("(ninguna)", False), (clear, False)]

    type_query(qtbot, window, "gestion documental")
    assert recent_entries(panel)[0] == ("(ninguna)", False), "a search alone is not recorded"
    open_first_hit(qtbot, window)
    type_query(qtbot, window, "relaciones internacionales")
    open_first_hit(qtbot, window)
    type_query(qtbot, window, "gestion documental")
    open_first_hit(qtbot, window)
    assert recent_entries(panel) == [
        ("gestion documental", True), ("relaciones internacionales", True), (clear, True)
    ]  # fmt: skip

    type_query(qtbot, window, "secretaria")
    window.reading_pane.setFocus()
    with qtbot.waitSignal(panel.search_requested) as requested:
        choose_from_menu(qtbot, panel, "relaciones internacionales")
    assert requested.args is not None
    assert requested.args[0] == "relaciones internacionales"
    assert panel.field.text() == "relaciones internacionales"
    assert panel.field.hasFocus()
    wait_for_results(qtbot, panel)
    assert panel.status.text() == "5 resultados"
    assert window.close()

    window = make_window(folder=data_dir)
    panel = window.search_panel
    assert [t for t, _ in recent_entries(panel)] == [
        "gestion documental",
        "relaciones internacionales",
        clear,
    ]
    choose_from_menu(qtbot, panel, clear)
    assert recent_entries(panel) == [("(ninguna)", False), (clear, False)]
    assert window.close()

    window = make_window(folder=data_dir)
    assert recent_entries(window.search_panel) == [("(ninguna)", False), (clear, False)]


# -- errors ----------------------------------------------------------------------


def test_a_damaged_index_is_explained_in_the_status(
    make_window: Callable[..., MainWindow], qtbot: QtBot, corpus_db: Path, tmp_path: Path
) -> None:
    damaged = altered_copy(corpus_db, tmp_path / "damaged.db",  # the index's pages, not its structure record
                           "UPDATE nodes_fts_data SET block = x'00ff00ff' WHERE id > 10")  # fmt: skip
    window = make_window(database=damaged)
    assert window.current_node_id == "mision", "reading still works"

    type_query(qtbot, window, "gestion documental")

    assert window.search_panel.status.text().startswith("El índice de búsqueda está dañado")
    assert "sgdesk db check" in window.search_panel.status.text()
    assert window.search_panel.model.rowCount() == 0
    assert not window.search_panel.more_button.isVisible()


def test_a_damaged_row_is_found_and_says_so_and_the_next_search_works(
    make_window: Callable[..., MainWindow], qtbot: QtBot, corpus_db: Path, tmp_path: Path
) -> None:
    # A value search reads for every hit (the body is read only for hits with no text).
    broken = "UPDATE nodes SET kind = 'bogus' WHERE id = 'decreto-267-2007/art-7/lit-h'"
    damaged = altered_copy(corpus_db, tmp_path / "damaged.db", broken)
    window = make_window(database=damaged)
    panel = window.search_panel

    type_query(qtbot, window, "gestion documental", enter=False)  # the damaged literal is the first hit
    assert panel.model.rowCount() > 0
    assert panel.model.index(0, 0).data(NODE_ID_ROLE) == "decreto-267-2007/art-7/lit-h"
    window.open_node("decreto-267-2007/art-7/lit-h")
    assert "Esta sección está dañada en la base de datos." in window.reading_pane.toPlainText()

    type_query(qtbot, window, "decreto 267 de 2007", enter=False)  # (Enter would open the decree)
    assert panel.status.text() == "3 resultados"


def test_odd_queries_find_nothing_without_an_error(window: MainWindow, qtbot: QtBot) -> None:
    for query in ("?!.,;", '"', "-", "*", "AND OR NOT (", "NEAR(a b"):
        type_query(qtbot, window, query)
        assert window.search_panel.status.text() == f"Sin resultados para «{query}».", query
        assert window.search_panel.model.rowCount() == 0, query
