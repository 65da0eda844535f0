"""The search panel forgives: the word being typed, «¿Quiso decir…?», synonyms, tips."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.search_panel import EXACT_LINK, SUGGESTION_LINK, SearchPanel
from tests.ui.test_search_panel import CTRL, hit_ids, wait_for_results

SEARCHING = "Buscando…"


def type_and_wait(qtbot: QtBot, window: MainWindow, text: str, enter: bool = False) -> SearchPanel:
    """Ctrl+K, type ``text`` (the old text replaced), and wait for the search as you type (or Enter)."""
    panel = window.search_panel
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(panel.field.hasFocus)
    with qtbot.waitSignal(panel.search_requested, timeout=3000):
        qtbot.keyClicks(panel.field, text)
        if enter:
            qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    wait_for_results(qtbot, panel)
    return panel


def test_the_word_being_typed_finds_and_enter_makes_it_a_word(window: MainWindow, qtbot: QtBot) -> None:
    panel = type_and_wait(qtbot, window, "gestion docu")
    assert "decreto-267-2007/art-7/lit-h" in hit_ids(panel), "«docu» is the start of «documental»"
    with qtbot.waitSignal(panel.search_requested) as requested:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert requested.args is not None
    assert not requested.args[3].prefix_last, "Enter: «docu» is a whole word"
    wait_for_results(qtbot, panel)
    assert panel.status.text() == "Sin resultados para «gestion docu»."
    assert "Sugerencias: use menos palabras; busque por prefijo con * (gest*)" in panel.notice.text()


def test_one_letter_asks_for_another(window: MainWindow, qtbot: QtBot) -> None:
    panel = type_and_wait(qtbot, window, "g")
    assert panel.status.text() == "Siga escribiendo: se busca desde 2 letras."
    assert panel.model.rowCount() == 0
    assert not panel.notice.isVisible()


def test_a_typo_shows_the_corrected_results_and_a_way_back(window: MainWindow, qtbot: QtBot) -> None:
    panel = type_and_wait(qtbot, window, "secretria general", enter=True)
    assert panel.status.text().endswith("resultados para «secretaría general»")
    assert panel.model.rowCount() > 0
    notice = panel.notice.text()
    assert "Mostrando resultados de «secretaría general»; " in notice
    assert f'<a href="{EXACT_LINK}">buscar exactamente «secretria general»</a>' in notice
    with qtbot.waitSignal(panel.search_requested) as requested:
        panel.notice.linkActivated.emit(EXACT_LINK)
    assert requested.args is not None
    assert requested.args[0] == "secretria general"
    assert requested.args[3].exact
    wait_for_results(qtbot, panel)
    assert panel.status.text() == "Sin resultados para «secretria general»."
    assert f'¿Quiso decir: <a href="{SUGGESTION_LINK}">secretaría general</a>?' in panel.notice.text()
    with qtbot.waitSignal(panel.search_requested):
        panel.notice.linkActivated.emit(SUGGESTION_LINK)
    wait_for_results(qtbot, panel)
    assert panel.field.text() == "secretaría general"
    assert panel.model.rowCount() > 0


def test_no_results_tips_name_the_filters_in_use(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    panel.kind_box.setCurrentIndex(2)  # Normas
    panel.year_from.setValue(2010)
    wait_for_results(qtbot, panel)
    panel = type_and_wait(qtbot, window, "inexistentisimo", enter=True)
    assert panel.status.text() == "Sin resultados para «inexistentisimo»."
    assert "quite los filtros en uso (Normas, 2010)" in panel.notice.text()


def test_a_synonym_hit_says_which_synonym_was_used(window: MainWindow, qtbot: QtBot) -> None:
    panel = type_and_wait(qtbot, window, "TIC")
    assert hit_ids(panel)[0] == "decreto-77-2012"
    assert (
        "También se buscó «Tecnologías de la Información y las Comunicaciones» (sinónimo de «TIC»)."
        in panel.notice.text()
    )


def test_text_in_the_notice_is_escaped(window: MainWindow, qtbot: QtBot) -> None:
    panel = type_and_wait(qtbot, window, "secretria <script>", enter=True)
    notice = panel.notice.text()
    assert "¿Quiso decir: " in notice
    assert "secretaría &lt;script&gt;" in notice
    assert "<script>" not in notice
