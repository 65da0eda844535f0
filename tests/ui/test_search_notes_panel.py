"""The Búsqueda panel lists Mis notas first, marked «Mi nota», with a «Solo mis notas» filter (#12.6)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sgdesk.content.annotations import AnnotationKind
from sgdesk.content.query import SearchFilters
from sgdesk.library import Library, SearchMode
from sgdesk.notes import MyNotes
from sgdesk.notes_search import search_with_notes
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.search_model import HTML_ROLE, PASSAGE_ROLE, hit_html
from sgdesk.ui.search_panel import SearchPanel

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
    qtbot.waitUntil(lambda: panel.status.text() != "Buscando…")
    assert panel.model.index(0).data() == "Mi nota: Decreto 267 de 2007, art. 7, lit. n"
    assert "1 en mis notas" in panel.status.text()
    panel.focus_results(0)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert window.current_node_id == LIT_N
    assert window.reading_pane.search_mark_count == 1  # the passage is marked
