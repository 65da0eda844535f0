"""Each controller built from a ReaderState, a real reading pane and a status reporter — no
main window anywhere. What they do is what a reader would see in the pane or the status bar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QWidget
from pytestqt.qtbot import QtBot

from sgdesk.library import Library
from sgdesk.ui.as_of import PointInTime
from sgdesk.ui.export_actions import ExportActions
from sgdesk.ui.export_dialog import ExportDialog
from sgdesk.ui.my_notes import MyNotesActions
from sgdesk.ui.reader import Reader
from sgdesk.ui.reader_state import ReaderState
from sgdesk.ui.reading_pane import ReadingPane
from sgdesk.ui.search_controller import SearchController
from sgdesk.ui.search_model import NODE_ID_ROLE
from sgdesk.ui.state import UiSettings
from tests.ui.helpers import when_modal

# A page some of whose units were not certainly in force on its date.
PARTS = "no todas sus partes estaban vigentes con certeza en esa fecha (se indica en cada una)"

DECREE = "decreto-267-2007"
ART_2 = "decreto-163-2008/art-2"
JUNE_2008 = date(2008, 6, 30)


class Status:
    """A StatusReporter that keeps what it was told."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def show_status(self, text: str, timeout: int = 8000) -> None:
        self.messages.append(text)

    def clear_status(self) -> None:
        self.messages.append("")


@pytest.fixture
def lib(corpus_db: Path) -> Iterator[Library]:
    library = Library.open(corpus_db)
    yield library
    library.close()


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def make_reader(qtbot: QtBot, library: Library, status: Status) -> Reader:
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(600, 300)
    pane.show()
    return Reader(ReaderState(library), pane, status)


def pane_text(reader: Reader) -> str:
    assert isinstance(reader.view, ReadingPane)
    return reader.view.toPlainText()


# -- Reader ---------------------------------------------------------------------


def test_a_reader_opens_a_page_and_its_state_says_so(qtbot: QtBot, lib: Library) -> None:
    status = Status()
    reader = make_reader(qtbot, lib, status)
    seen: list[object] = []
    reader.state.node_changed.connect(seen.append)

    assert reader.open_node(DECREE)

    assert reader.state.node_id == DECREE
    assert seen == [DECREE]
    assert pane_text(reader).startswith("Decreto 267 de 2007")
    assert not reader.open_node("no-existe"), "an unknown id opens nothing"
    assert reader.state.node_id == DECREE
    assert status.messages
    assert "no-existe" in status.messages[-1]


def test_a_new_date_renders_the_page_again_where_the_reader_was(qtbot: QtBot, lib: Library) -> None:
    reader = make_reader(qtbot, lib, Status())
    reader.open_node("decreto-267-2007/art-7")
    assert isinstance(reader.view, ReadingPane)
    reader.view.scroll_to_node("decreto-267-2007/art-7/lit-k")
    place = reader.view.reading_place()

    reader.state.set_day(JUNE_2008)

    assert f"Texto al 30 de junio de 2008: {PARTS}" in pane_text(reader)
    assert reader.view.reading_place()[0] == place[0], "the reader stays at literal k"
    reader.state.set_day(None)
    assert "Texto al 30 de junio de 2008" not in pane_text(reader)


def test_back_and_forward_return_to_the_place_and_leave_the_help(qtbot: QtBot, lib: Library) -> None:
    reader = make_reader(qtbot, lib, Status())
    reader.open_node("decreto-267-2007/art-7")
    assert isinstance(reader.view, ReadingPane)
    reader.view.scroll_to_node("decreto-267-2007/art-7/lit-k")
    place = reader.view.reading_place()
    reader.open_node(ART_2)

    assert reader.can_go_back()
    reader.go_back()
    assert reader.state.node_id == "decreto-267-2007/art-7"
    assert reader.view.reading_place() == place
    reader.go_forward()
    assert reader.state.node_id == ART_2

    reader.show_help("<h1>Ayuda</h1><p>Cómo leer</p>")
    assert reader.state.showing_help
    assert pane_text(reader).startswith("Ayuda")
    reader.state.set_day(JUNE_2008)
    assert pane_text(reader).startswith("Ayuda"), "the help does not depend on the date"
    reader.go_back()
    assert not reader.state.showing_help
    assert pane_text(reader).startswith("Artículo 2")


# -- PointInTime ----------------------------------------------------------------


def test_the_date_bar_sets_the_state_and_follows_another_reader(
    qtbot: QtBot, lib: Library, parent: QWidget
) -> None:
    status = Status()
    first, second = make_reader(qtbot, lib, status), make_reader(qtbot, lib, status)
    first.open_node(DECREE)
    second.open_node(ART_2)
    time = PointInTime(first, status, parent)
    statements: list[str] = []
    lookups: list[object] = []
    time.currency_changed.connect(lambda statement: statements.append(statement.full))
    time.statuses_changed.connect(lookups.append)

    time.bar.set_day(JUNE_2008)

    assert first.state.day == JUNE_2008
    assert second.state.day is None, "the other reader keeps its own date"
    assert f"Texto al 30 de junio de 2008: {PARTS}" in pane_text(first)
    assert lookups
    assert lookups[-1] is not None
    assert statements
    time.follow(second)
    assert time.bar.day is None
    assert time.bar.date_edit.text() == date.today().strftime("%d/%m/%Y")
    time.bar.set_day(date(2010, 1, 1))
    assert second.state.day == date(2010, 1, 1)
    assert first.state.day == JUNE_2008
    time.follow(first)
    assert time.bar.date_edit.text() == "30/06/2008"
    time.shutdown()


# -- ExportActions --------------------------------------------------------------


def test_export_writes_the_reader_s_node_on_its_date(
    qtbot: QtBot, lib: Library, parent: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from tests.ui.test_export import click_export, pdf_info, pdf_text

    target = tmp_path / "exportado.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    status = Status()
    reader = make_reader(qtbot, lib, status)
    reader.open_node(DECREE)
    reader.state.set_day(JUNE_2008)
    exports = ExportActions(reader.state, UiSettings(tmp_path / "sgdesk.ini"), status, parent)
    seen = when_modal(ExportDialog, lambda dialog: click_export(qtbot, dialog))  # type: ignore[arg-type]

    exports.export_pdf()

    assert seen
    qtbot.waitUntil(lambda: any(m.startswith("PDF guardado en") for m in status.messages), timeout=30000)
    assert pdf_info(target)["Title"] == "Decreto 267 de 2007"
    assert f"Texto al 30 de junio de 2008: {PARTS}" in pdf_text(target)


# -- MyNotesActions -------------------------------------------------------------


def test_notes_act_on_the_reader_in_front_and_paint_its_page(
    qtbot: QtBot, lib: Library, parent: QWidget, tmp_path: Path
) -> None:
    status = Status()
    reader = make_reader(qtbot, lib, status)
    dock = QDockWidget()
    qtbot.addWidget(dock)
    dock.show()
    notes = MyNotesActions(reader, tmp_path, status, dock, parent)
    noted: list[set[str]] = []
    notes.noted_changed.connect(lambda node_ids, _within: noted.append(set(node_ids)))
    notes.start()
    reader.open_node(ART_2)

    notes.toggle_favorite()
    assert status.messages[-1] == "Agregado a Mis notas › Favoritos: Artículo 2"
    assert isinstance(reader.view, ReadingPane)
    passage = lib.node(ART_2).body[0].lines[0][:40]
    cursor = reader.view.document().find(passage)
    assert cursor.hasSelection()
    reader.view.setTextCursor(cursor)
    notes.highlight("verde")

    assert status.messages[-1] == "Subrayado en verde."
    qtbot.waitUntil(lambda: bool(noted) and ART_2 in noted[-1])  # the marks come from the worker
    assert reader.view.user_mark_count == 1
    reader.open_node(DECREE)
    reader.go_back()
    assert reader.view.user_mark_count == 1, "painted again when the page comes back"
    notes.close()


# -- SearchController -----------------------------------------------------------


def test_search_opens_a_hit_in_the_reader_by_keyboard_and_its_marks_go_with_the_query(
    qtbot: QtBot, lib: Library, parent: QWidget, tmp_path: Path
) -> None:
    reader = make_reader(qtbot, lib, Status())
    reader.open_node("mision")
    dock = QDockWidget()
    qtbot.addWidget(dock)
    dock.show()
    searches = SearchController(reader, UiSettings(tmp_path / "sgdesk.ini"), dock, parent)
    panel = searches.panel
    shown: list[object] = []
    searches.results_shown.connect(shown.append)

    panel.field.setFocus()
    qtbot.keyClicks(panel.field, "gestion documental")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)

    assert reader.state.node_id == panel.results.currentIndex().data(NODE_ID_ROLE)
    assert reader.state.node_id != "mision"
    assert isinstance(reader.view, ReadingPane)
    assert reader.view.search_mark_count > 0
    with qtbot.waitSignal(searches.results_shown, timeout=10000):  # the search as one types
        qtbot.keyClicks(panel.field, " x")
        assert reader.view.search_mark_count == 0, "the marks go when the query changes"
    searches.stop()  # the search thread ends with its controller (the window does it at close)
