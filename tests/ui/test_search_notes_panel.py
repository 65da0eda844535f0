"""The Búsqueda panel lists Mis notas first, marked «Mi nota», with a «Solo mis notas» filter (#12.6)."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sgdesk import notes_search
from sgdesk.content.annotations import AnnotationKind
from sgdesk.content.query import SearchFilters
from sgdesk.library import Library, SearchMode, SearchResults
from sgdesk.notes import MyNotes
from sgdesk.notes_search import search_with_notes, with_notes
from sgdesk.store.userdb import USER_DB_NAME
from sgdesk.ui import search_service
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.search_model import HTML_ROLE, PASSAGE_ROLE, hit_html
from sgdesk.ui.search_panel import SearchPanel
from sgdesk.ui.search_service import SearchService, SearchWorker

LIT_N = "decreto-267-2007/art-7/lit-n"
QUOTE = "proyección y estrategia internacional"


@pytest.fixture
def my_notes(tmp_path: Path, library: Library) -> Iterator[MyNotes]:
    notes = MyNotes.open(tmp_path / "datos")
    notes.add_note(library, LIT_N, "Ver concepto <b>2023-114</b> sobre gestión documental", QUOTE)
    notes.add_note(library, "mision", "", "Secretaría General", kind=AnnotationKind.HIGHLIGHT, color="verde")
    yield notes
    notes.close()


def answer(qtbot: QtBot, panel: SearchPanel, library: Library, notes: MyNotes, text: str) -> SearchMode:
    """Type ``text``, press Enter and give the panel what the search thread would send back."""
    panel.field.setText(text)
    with qtbot.waitSignal(panel.search_requested) as requested:
        panel.field.returnPressed.emit()
    assert requested.args is not None
    mode = requested.args[3]
    panel.show_results(search_with_notes(library, notes, text, SearchFilters(), 30, 0, mode))
    return mode


def test_notes_come_first_marked_and_escaped(
    qtbot: QtBot, qtmodeltester: ModelTester, library: Library, my_notes: MyNotes
) -> None:
    panel = SearchPanel()
    qtbot.addWidget(panel)
    answer(qtbot, panel, library, my_notes, "gestion documental")
    first = panel.model.index(0)
    assert first.data() == "Mi nota: Decreto 267 de 2007, art. 7, lit. n"
    html = str(first.data(HTML_ROLE))
    assert html.startswith('<span class="note">✎ Mi nota</span> · <b>Decreto 267 de 2007, art. 7, lit. n</b>')
    assert f"«{QUOTE}»" in html
    assert "concepto &lt;b&gt;2023-114&lt;/b&gt; sobre <b>gestión</b> <b>documental</b>" in html
    assert panel.model.index(1).data(PASSAGE_ROLE) is None, "then the corpus's hits"
    assert panel.status.text().endswith("· 1 en mis notas")
    qtmodeltester.check(panel.model)
    note = panel.model.hit(0)
    assert note.note is not None
    odd = dataclasses.replace(note, note=dataclasses.replace(note.note, heading="<i>Literal</i> & n"))
    assert "· <b>&lt;i&gt;Literal&lt;/i&gt; &amp; n</b>" in hit_html(odd)


def test_a_note_opens_its_unit_at_the_annotation(qtbot: QtBot, library: Library, my_notes: MyNotes) -> None:
    panel = SearchPanel()
    qtbot.addWidget(panel)
    answer(qtbot, panel, library, my_notes, "concepto")
    with qtbot.waitSignal(panel.note_activated) as opened, qtbot.assertNotEmitted(panel.hit_activated):
        panel.results.activated.emit(panel.model.index(0))
    assert opened.args == [LIT_N, QUOTE]


def test_solo_mis_notas_leaves_the_corpus_out(qtbot: QtBot, library: Library, my_notes: MyNotes) -> None:
    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.only_notes.setChecked(True)
    mode = answer(qtbot, panel, library, my_notes, "secretaria general")
    assert mode.only_notes
    assert [panel.model.index(row).data() for row in range(panel.model.rowCount())] == ["Mi nota: Misión"]
    assert "Mi subrayado" in str(panel.model.index(0).data(HTML_ROLE))
    assert panel.status.text() == "1 nota (solo mis notas)"
    assert not panel.more_button.isVisible()
    answer(qtbot, panel, library, my_notes, "zzzqqq")
    assert panel.status.text() == "Sin resultados en mis notas para «zzzqqq»."
    with qtbot.waitSignal(panel.search_requested) as requested:
        panel.only_notes.setChecked(False)  # unticking searches again, the corpus too
    assert requested.args is not None
    assert not requested.args[3].only_notes


def test_in_the_window_a_note_found_opens_its_unit_at_the_passage(
    qtbot: QtBot, make_window: Callable[..., MainWindow], data_dir: Path, library: Library
) -> None:
    """End to end: a note saved in the user folder (by the CLI, say) is found by the panel's
    search thread, listed first, and Enter on it opens its unit with the passage marked."""
    notes = MyNotes.open(data_dir)
    notes.add_note(library, LIT_N, "Ver concepto jurídico 2023-114", QUOTE)
    notes.close()
    window = make_window()
    panel = window.search_panel
    panel.field.setText("concepto juridico")
    with qtbot.waitSignal(panel.search_requested):
        panel.field.returnPressed.emit()
    qtbot.waitUntil(lambda: "en mis notas" in panel.status.text())  # the corpus's hits come first
    assert panel.model.index(0).data() == "Mi nota: Decreto 267 de 2007, art. 7, lit. n"
    assert "1 en mis notas" in panel.status.text()
    panel.focus_results(0)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert window.current_node_id == LIT_N
    assert window.reading_pane.search_mark_count == 1  # the passage is marked


def worker_answers(
    library: Library, folder: Path, text: str, mode: SearchMode, *, newer: bool = False
) -> list[object]:
    """What the panel's search thread sends back for ``text`` (run on this thread), in order;
    ``newer``: another search is asked for as soon as the first answer goes out."""
    worker = SearchWorker(library.info.path, folder / USER_DB_NAME)
    answers: list[object] = []

    def answered(generation: int, results: object) -> None:
        answers.append(results)
        if newer:
            worker.latest = generation + 1

    worker.finished.connect(answered)
    worker.failed.connect(lambda _generation, message: answers.append(message))
    try:
        worker.run(0, text, SearchFilters(), 30, 0, mode)
    finally:
        worker.close()
    return answers


def test_the_corpus_hits_do_not_wait_for_the_notes(
    tmp_path: Path, library: Library, my_notes: MyNotes
) -> None:
    """The search thread sends the corpus's results first, exactly what the corpus search finds;
    then, only when notes match, the same results with the notes first, equal to the one-shot
    answer. A newer search asked for meanwhile skips the notes (their answer would be dropped)."""
    one_shot = search_with_notes(
        library, my_notes, "gestion documental", SearchFilters(), 30, 0, SearchMode()
    )
    first, then = worker_answers(library, tmp_path / "datos", "gestion documental", SearchMode())
    assert isinstance(first, SearchResults)
    assert isinstance(then, SearchResults)
    alone = library.search("gestion documental", SearchFilters(), 30, 0)
    assert first.notes == 0
    assert [h.node.id for h in first.hits] == [h.node.id for h in alone.hits]
    assert first.total == alone.total
    assert then.notes == one_shot.notes == 1
    assert [(h.node.id, h.note) for h in then.hits] == [(h.node.id, h.note) for h in one_shot.hits]
    assert then.hits[1:] == first.hits  # the corpus's hits as they were shown
    (only,) = worker_answers(library, tmp_path / "datos", "funciones", SearchMode())  # no note matches
    assert isinstance(only, SearchResults)
    assert only.notes == 0
    assert only.hits
    (skipped,) = worker_answers(library, tmp_path / "datos", "gestion documental", SearchMode(), newer=True)
    assert isinstance(skipped, SearchResults)
    assert skipped.notes == 0
    (alone_notes,) = worker_answers(
        library, tmp_path / "datos", "gestion documental", SearchMode(only_notes=True)
    )
    assert isinstance(alone_notes, SearchResults)
    assert alone_notes.notes == len(alone_notes.hits) == 1


def test_notes_arriving_after_the_corpus_go_above_it_and_keep_the_row(
    qtbot: QtBot, qtmodeltester: ModelTester, library: Library, my_notes: MyNotes
) -> None:
    """The panel shows the corpus's hits, the user moves down the list, the notes arrive: they
    are added above, the current row stays on the hit the user was on, and the panel ends as it
    would have with the one-shot answer (rows, count, «Más resultados»)."""
    panel = SearchPanel()
    qtbot.addWidget(panel)
    mode = answer(qtbot, panel, library, my_notes, "secretaria general")
    rows = [panel.model.index(row).data(HTML_ROLE) for row in range(panel.model.rowCount())]
    status, more = panel.status.text(), panel.more_button.isVisibleTo(panel)
    corpus = library.search("secretaria general", SearchFilters(), 30, 0, mode.prefix_last, mode.exact)
    panel.show_results(corpus)
    assert panel.model.rowCount() == len(corpus.hits)
    assert panel.model.index(0).data(PASSAGE_ROLE) is None
    assert panel.model.rowCount() > 2
    panel.focus_results(2)
    on = panel.model.hit(2)
    qtmodeltester.check(panel.model)
    panel.show_results(with_notes(library, my_notes, corpus, mode))  # what the search thread sends next
    assert panel.model.hit(panel.results.currentIndex().row()) is on
    assert [panel.model.index(row).data(HTML_ROLE) for row in range(panel.model.rowCount())] == rows
    assert (panel.status.text(), panel.more_button.isVisibleTo(panel)) == (status, more)
    qtmodeltester.check(panel.model)
    # A hit opened before the notes arrive is still the one Ctrl+Shift+B goes back to.
    panel.show_results(corpus)
    with qtbot.waitSignal(panel.hit_activated):
        panel.results.activated.emit(panel.model.index(1))
    opened = panel.model.hit(1)
    panel.show_results(with_notes(library, my_notes, corpus, mode))
    assert panel.focus_results()
    assert panel.model.hit(panel.results.currentIndex().row()) is opened


def test_the_corpus_rows_are_painted_before_the_notes_are_shown(
    qtbot: QtBot, library: Library, my_notes: MyNotes
) -> None:
    """The search thread's two answers come a few ms apart: the corpus's rows are on screen
    when the first is shown, not at the next turn of the event loop, when the notes' answer
    would be waiting too (the user would see both at once, later). The notes then go above
    them, and the screen ends as with the one-shot answer."""
    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    qtbot.waitExposed(panel)
    mode = answer(qtbot, panel, library, my_notes, "secretaria general")
    qtbot.wait(20)
    one_shot = panel.results.viewport().grab().toImage()
    painted: list[str] = []  # the rows painted, as the delegate draws them

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                view = panel.results
                shown = (view.indexAt(QPoint(4, y)) for y in range(0, view.viewport().height(), 8))
                painted.extend(str(index.data(HTML_ROLE)) for index in shown if index.isValid())
            return False

    paints = Paints()
    panel.results.viewport().installEventFilter(paints)
    corpus = library.search("secretaria general", SearchFilters(), 30, 0, mode.prefix_last, mode.exact)
    panel.show_results(corpus)  # no turn of the event loop after it
    assert painted
    assert painted[0] == hit_html(corpus.hits[0])
    assert set(painted) <= {hit_html(hit) for hit in corpus.hits}
    panel.show_results(with_notes(library, my_notes, corpus, mode))
    qtbot.wait(20)
    assert panel.results.viewport().grab().toImage() == one_shot


def _paced_worker(
    library: Library, folder: Path, monkeypatch: pytest.MonkeyPatch, wait_s: float
) -> tuple[SearchWorker, list[object]]:
    """A worker as a SearchService paces it, and what it does in order: each answer (how many
    notes it carries) and «notes» when it starts searching the notes."""
    monkeypatch.setattr(search_service, "SHOWN_WAIT_S", wait_s)
    searched = notes_search.with_notes
    done: list[object] = []

    def recorded(*args: Any) -> SearchResults:
        done.append("notes")
        return searched(*args)

    monkeypatch.setattr(notes_search, "with_notes", recorded)
    worker = SearchWorker(library.info.path, folder / USER_DB_NAME)
    worker.paced = True
    worker.finished.connect(lambda _generation, results: done.append(results.notes),
                            Qt.ConnectionType.DirectConnection)  # fmt: skip
    return worker, done


def test_the_notes_are_searched_once_the_corpus_rows_were_shown(
    tmp_path: Path, library: Library, my_notes: MyNotes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Searched at once, the notes' Python held Python's lock while the window laid out and
    painted the corpus's rows: a paced worker (the panel's) waits until they were shown. A
    newer search does not wait (the notes are skipped), and nothing waits forever."""
    thread = ThreadPoolExecutor(1)  # the worker's connections belong to one thread

    def searching(worker: SearchWorker, generation: int) -> Future[None]:
        text, mode = "gestion documental", SearchMode()
        return thread.submit(worker.run, generation, text, SearchFilters(), 30, 0, mode)

    def first_answer(done: list[object]) -> None:
        deadline = time.monotonic() + 10
        while not done and time.monotonic() < deadline:
            time.sleep(0.005)

    worker, done = _paced_worker(library, tmp_path / "datos", monkeypatch, 30.0)
    try:
        search = searching(worker, 1)
        first_answer(done)
        worker.shown(0)  # a late word about the search before (its notes' answer shown)
        time.sleep(0.2)
        assert done == [0], "the corpus's answer; the notes wait for it to be shown"
        worker.shown(1)
        search.result(10)
        assert done == [0, "notes", 1]
        done.clear()  # typed on while the notes waited: the newer search goes first
        search = searching(worker, 2)
        first_answer(done)
        worker.latest = 3
        worker.shown()  # (what SearchService.cancel does)
        search.result(10)
        assert done == [0]
        thread.submit(worker.close).result(10)
        worker, done = _paced_worker(library, tmp_path / "datos", monkeypatch, 0.05)
        searching(worker, 0).result(10)  # nobody shows it: it waited, not forever
        assert done == [0, "notes", 1]
    finally:
        thread.submit(worker.close).result(10)
        thread.shutdown()


def test_in_the_panel_the_corpus_rows_are_painted_before_the_notes_are_searched(
    qtbot: QtBot, library: Library, my_notes: MyNotes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The panel's search service, a real thread: the corpus's rows are on screen before the
    search thread starts on the notes; then the notes arrive above them."""
    done: list[str] = []
    searched = notes_search.with_notes

    def recorded(*args: Any) -> SearchResults:
        done.append("notes searched")
        return searched(*args)

    monkeypatch.setattr(notes_search, "with_notes", recorded)
    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    qtbot.waitExposed(panel)

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and panel.model.rowCount():
                done.append("rows painted")
            return False

    paints = Paints()
    panel.results.viewport().installEventFilter(paints)
    service = SearchService(library.info.path, notes=my_notes.path)
    service.results_ready.connect(panel.show_results)
    try:
        with qtbot.waitSignals([service.results_ready, service.results_ready]):
            service.search("secretaria general", SearchFilters())
        assert done[0] == "rows painted"
        assert "notes searched" in done
        assert panel.model.hit(0).note is not None
    finally:
        service.shutdown()


def test_a_newer_search_does_not_wait_for_the_last_one_to_be_shown(
    qtbot: QtBot, library: Library, my_notes: MyNotes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed on while the search thread waits to search the notes (the window has not shown the
    corpus's answer yet): the newer search runs at once, without the window's help."""
    monkeypatch.setattr(search_service, "SHOWN_WAIT_S", 30.0)
    service = SearchService(library.info.path, notes=my_notes.path)
    sent: list[str] = []
    service.worker.finished.connect(lambda _generation, results: sent.append(results.query.text),
                                    Qt.ConnectionType.DirectConnection)  # fmt: skip

    def sent_in_time(count: int) -> bool:  # (no turn of this thread's event loop meanwhile)
        deadline = time.monotonic() + 5
        while len(sent) < count and time.monotonic() < deadline:
            time.sleep(0.005)
        return len(sent) >= count

    try:
        service.search("gestion documental", SearchFilters())
        assert sent_in_time(1)  # the corpus's answer; the thread waits for it to be shown
        service.search("secretaria general", SearchFilters())
        assert sent_in_time(2)
        assert sent == ["gestion documental", "secretaria general"]
        with qtbot.waitSignal(service.results_ready, check_params_cb=lambda r: bool(r.notes)):
            pass  # shown: the newer search's notes follow
    finally:
        service.shutdown()
