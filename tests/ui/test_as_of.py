"""The "Vigente a" view, driven as a reader drives it: the date field in the toolbar, the tree,
the reading pane, the timeline dock, the organigrama, the compiled functions, "Comparar fechas"
and the export, on real widgets. The statuses at a date's boundaries are checked on the
synthetic corpus (tests/synthetic.py); the rest runs end to end on the shipped corpus."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sgdesk.export.common import format_day
from sgdesk.library import Library
from sgdesk.ui.as_of import DATE_FORMAT, status_lookup
from sgdesk.ui.compare_dialog import CompareDialog
from sgdesk.ui.dialogs import AboutDialog
from sgdesk.ui.export_dialog import ExportDialog
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.org_chart import OrgChartDialog
from sgdesk.ui.theme import current_theme
from sgdesk.ui.timeline_panel import TimelinePanel
from sgdesk.ui.tree_model import STATUS_ROLE, NodeTreeModel
from tests.synthetic import build
from tests.ui.helpers import when_modal

# A page some of whose units were not certainly in force on its date.
PARTS = "no todas sus partes estaban vigentes con certeza en esa fecha (se indica en cada una)"

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ART_7 = "decreto-267-2007/art-7"
LIT_N = f"{ART_7}/lit-n"
LIT_N_TODAY = "Literal n — posiblemente modificada"  # by Decreto 456 de 2015, not incorporated
EVENTS_DRAWN = 12 + 5  # the corpus's events and the later changes it knows of (hollow)
# The synthetic corpus (tests/synthetic.py): literal c of article 1 of Decreto 1 de 2000 is added
# in July 2003 (day not recorded), the whole decree repealed in 2005.
ART_1 = "decreto-1-2000/art-1"
LIT_C = f"{ART_1}/lit-c"
LIT_C_TEXT = "Literal c de prueba, adicionado después."
LIT_N_TEXT = "Formular y orientar las políticas para la gestión que en materia de relaciones, proyección"
RENAMINGS = {
    "Subdirección de Conceptos": "Subdirección Distrital de Doctrina y Asuntos Normativos",
    "Subdirección de Gestión Judicial":
        "Subdirección Distrital de Defensa Judicial y de Prevención del Daño Antijurídico",
    "Subdirección de Estudios": "Subdirección Distrital de Estudios e Informática Jurídica",
    "Subdirección de Personas Jurídicas":
        "Subdirección Distrital de Inspección, Vigilancia y Control de Personas Jurídicas sin Ánimo de Lucro",
}  # fmt: skip


# -- driving the window ----------------------------------------------------------------------


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Shortcuts reach the active window (offscreen, nothing hands the focus back after a dialog)."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def type_date(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Ctrl+D, type the date as an official writes it, Enter."""
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
    field = window.point_in_time.bar.date_edit
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def set_date(window: MainWindow, day: date) -> None:
    """Another way in: the date set on the field (as the calendar does), then editing finished."""
    field = window.point_in_time.bar.date_edit
    field.setDate(day)
    field.editingFinished.emit()


def tree_index(window: MainWindow, node_id: str) -> QModelIndex:
    index = window.tree_model.index_for_id(node_id)
    assert index.isValid(), node_id
    window.tree_view.scrollTo(index)
    return index


def tree_row(window: MainWindow, node_id: str) -> tuple[str, str, bool]:
    """What the tree shows for a node: its text, what a screen reader hears, whether it is grey."""
    index = tree_index(window, node_id)
    colour = index.data(Qt.ItemDataRole.ForegroundRole)  # a colour or a brush: the delegate takes both
    shown = QBrush(colour).color().name() if isinstance(colour, QBrush | QColor) else None
    grey = shown == current_theme().not_in_force
    return str(index.data()), str(index.data(Qt.ItemDataRole.AccessibleTextRole)), grey


def pane_text(window: MainWindow) -> str:
    return window.reading_pane.toPlainText()


def paragraph_after(text: str, start: str) -> list[str]:
    """The paragraph that begins with ``start`` and the two lines after it."""
    lines = [line for line in text.splitlines() if line.strip()]
    number = next(i for i, line in enumerate(lines) if line.startswith(start))
    return lines[number : number + 3]


def colour_of(window: MainWindow, text: str) -> str:
    """The colour the reading pane paints ``text`` in."""
    block = window.reading_pane.document().find(text)
    assert not block.isNull(), text
    return block.charFormat().foreground().color().name()


# -- the control ---------------------------------------------------------------------------


def test_every_start_shows_todays_text(window: MainWindow) -> None:
    bar = window.point_in_time.bar
    assert bar.day is None
    assert bar.date_edit.text() == date.today().strftime("%d/%m/%Y")
    assert bar.date_edit.displayFormat() == DATE_FORMAT
    assert bar.date_edit.calendarPopup()
    assert bar.date_edit.accessibleName().startswith("Vigente a")
    assert bar.today_button.text() == "Hoy"
    assert not bar.today_button.isEnabled(), "already today's text"
    window.open_node(ART_7)
    assert "Texto vigente al" not in pane_text(window)
    assert pane_text(window).splitlines()[1].startswith("Texto con los cambios incorporados hasta 2012")
    assert tree_row(window, LIT_N) == (LIT_N_TODAY, LIT_N_TODAY, False)


def test_the_date_is_not_remembered(make_window: Callable[..., MainWindow], data_dir: Path) -> None:
    first = make_window(folder=data_dir)
    set_date(first, date(2008, 6, 30))
    first.close()
    second = make_window(folder=data_dir)
    assert second.point_in_time.day is None
    assert second.point_in_time.bar.date_edit.text() == date.today().strftime("%d/%m/%Y")


def test_typing_a_date_greys_the_tree_and_marks_the_uncertain(
    make_window: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(build(tmp_path))  # the synthetic corpus: literal c added in July 2003
    window.open_node(ART_1)
    window.tree_view.expand(tree_index(window, ART_1))
    type_date(qtbot, window, "15/07/2003")
    assert window.point_in_time.day == date(2003, 7, 15)
    assert window.point_in_time.bar.today_button.isEnabled()
    assert tree_row(window, LIT_C) == (
        "Literal c — vigencia incierta",
        "Literal c — vigencia incierta",
        False,
    )
    assert tree_row(window, f"{ART_1}/lit-b") == ("Literal b", "Literal b", False)
    assert tree_row(window, "decreto-2-2003")[0] == "Decreto 2 de 2003 — vigencia incierta"
    assert tree_row(window, "decreto-3-2005") == ("Decreto 3 de 2005", "Decreto 3 de 2005 — no vigente", True)
    assert tree_row(window, "mision") == ("Misión", "Misión", False), "sections are always shown plainly"

    set_date(window, date(2003, 6, 30))
    assert window.point_in_time.day == date(2003, 6, 30)
    assert tree_row(window, LIT_C) == ("Literal c", "Literal c — no vigente", True)
    assert tree_row(window, f"{ART_1}/lit-a") == ("Literal a", "Literal a", False)
    assert tree_index(window, LIT_C).data(STATUS_ROLE) == "no_vigente"

    qtbot.mouseClick(window.point_in_time.bar.today_button, Qt.MouseButton.LeftButton)
    assert window.point_in_time.day is None
    # Today's text: the whole decree was repealed in 2005, so its literals are greyed.
    assert tree_row(window, LIT_C) == ("Literal c", "Literal c — no vigente", True)
    assert tree_row(window, "decreto-3-2005")[2] is False


def test_todays_tree_marks_what_later_changes_may_have_modified(window: MainWindow) -> None:
    """End to end on the shipped corpus: Decreto 456 de 2015 (not incorporated) and literal n."""
    window.open_node(ART_7)
    window.tree_view.expand(tree_index(window, ART_7))
    assert tree_row(window, LIT_N) == (LIT_N_TODAY, LIT_N_TODAY, False)
    set_date(window, date(2007, 12, 31))
    assert tree_row(window, LIT_N) == ("Literal n", "Literal n — no vigente", True)


def test_the_tree_model_with_statuses_passes_the_model_tester(
    qtmodeltester: ModelTester, tmp_path: Path
) -> None:
    library = Library.open(build(tmp_path))
    try:
        model = NodeTreeModel(library)
        model.set_status_lookup(status_lookup(library, date(2003, 7, 15)))
        index = model.index_for_id(LIT_C)
        assert index.data() == "Literal c — vigencia incierta"
        qtmodeltester.check(model)
        model.set_status_lookup(None)
        assert index.data() == "Literal c"
        qtmodeltester.check(model, force_py=True)
    finally:
        library.close()


# -- the reading pane ------------------------------------------------------------------------


def test_the_reading_pane_shows_each_units_status(
    make_window: Callable[..., MainWindow], qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(build(tmp_path))
    window.open_node(ART_1)
    type_date(qtbot, window, "15/07/2003")
    text = pane_text(window)
    assert f"Texto al 15 de julio de 2003: {PARTS}" in text.splitlines()[1]
    assert paragraph_after(text, "c. ") == [
        f"c. {LIT_C_TEXT}",
        "Vigencia incierta: fecha exacta no registrada",
        "Adicionado por el artículo 2 del Decreto 2 de 2003 (julio de 2003, fecha exacta no registrada: pudo "
        "ser después del 15 de julio de 2003)",
    ]
    assert paragraph_after(text, "b. ")[1] == f"c. {LIT_C_TEXT}", "literals in force carry no note"

    set_date(window, date(2003, 6, 30))
    text = pane_text(window)
    assert f"Texto al 30 de junio de 2003: {PARTS}" in text
    assert paragraph_after(text, "c. ")[:2] == [f"c. {LIT_C_TEXT}", "No vigente el 30 de junio de 2003"], (
        "the text itself stays, verbatim"
    )
    assert "Adicionado" not in text, "added in July: no past fact on a June date"
    assert colour_of(window, "adicionado después") == current_theme().page.lapsed, "greyed"
    assert colour_of(window, "Literal b de prueba") != current_theme().page.lapsed

    qtbot.mouseClick(window.point_in_time.bar.today_button, Qt.MouseButton.LeftButton)
    text = pane_text(window)
    assert "Texto vigente al" not in text
    assert "Vigencia incierta" not in text
    # Today's text: the decree was repealed in 2005 (the only «No vigente» left is today's).
    assert re.findall(r"No vigente el [^\n]*", text) == [f"No vigente el {format_day(date.today())}"] * 4


def test_the_date_follows_the_reader_to_other_pages(window: MainWindow) -> None:
    set_date(window, date(2009, 6, 30))
    window.open_node("decreto-59-2012")
    text = pane_text(window)
    assert "Texto al 30 de junio de 2009: no vigente en esa fecha" in text
    assert "No vigente el 30 de junio de 2009" in text
    window.open_node("mision")
    assert "No vigente" not in pane_text(window)


def test_every_page_ends_with_the_statement_of_currency(window: MainWindow, qtbot: QtBot) -> None:
    for node_id in ("mision", ART_7):
        window.open_node(node_id)
        lines = [line for line in pane_text(window).splitlines() if line.strip()]
        start = next(i for i, line in enumerate(lines) if line.startswith("Cita: "))
        assert lines[start + 1] == (
            "Esta información incorpora los cambios registrados hasta 2012. "
            "Cambios posteriores conocidos que aún no se incorporan:"
        )
        later = lines[start + 2 :]
        assert later[0] == ("Decreto 456 de 2015 (expedición: 10 de noviembre de 2015; vigencia: 12 de "
                            "noviembre de 2015; publicación: Registro Distrital 5713) — Modifica "
                            "parcialmente el Decreto 267 de 2007.")  # fmt: skip
        assert ("Decreto 140 de 2021 (expedición: 14 de abril de 2021; vigencia: 16 de abril de 2021; "
                "publicación: Registro Distrital 7105) — Modifica la estructura organizacional de la "
                "Secretaría General.") in later  # fmt: skip
        assert len(later) == 5
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1, Qt.KeyboardModifier.ControlModifier)  # Ayuda › Acerca de
    box = window.findChild(AboutDialog, "aboutDialog")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "Esta información incorpora los cambios registrados hasta 2012." in box.text()
    assert "Resolución 630 de 2024 (expedición: 2024) — Adopta una nueva misión y visión." in box.text()
    box.accept()


# -- the timeline dock -------------------------------------------------------------------------


def timeline_panel(window: MainWindow) -> TimelinePanel:
    panel = window.point_in_time.timeline_panel
    assert panel is not None, "the timeline dock has no panel yet"
    return panel


def timeline_loaded(qtbot: QtBot, window: MainWindow) -> None:
    """The timeline opened as a user would (Ctrl+3: on a small screen it starts closed), its
    events drawn."""
    dock = window.docks["timelineDock"]
    assert dock.windowTitle() == "Línea de tiempo"
    window.show_panel("timelineDock")
    assert dock.isVisible()
    qtbot.waitUntil(lambda: window.point_in_time.timeline_panel is not None)
    qtbot.waitUntil(lambda: len(timeline_panel(window).view.visible_event_ids()) == EVENTS_DRAWN)


def test_the_timeline_marks_the_date(window: MainWindow, qtbot: QtBot) -> None:
    timeline_loaded(qtbot, window)
    view = timeline_panel(window).view
    assert view.marker_x() is None
    type_date(qtbot, window, "30/06/2008")
    first = view.marker_x()
    assert first is not None
    set_date(window, date(2010, 12, 31))
    second = view.marker_x()
    assert second is not None
    assert second > first
    qtbot.mouseClick(window.point_in_time.bar.today_button, Qt.MouseButton.LeftButton)
    assert view.marker_x() is None


def test_the_timeline_is_built_off_the_gui_thread(
    make_window: Callable[..., MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QThread

    threads: list[QThread] = []
    build = Library.timeline

    def spy(self: Library) -> object:
        threads.append(QThread.currentThread())
        return build(self)

    monkeypatch.setattr(Library, "timeline", spy)
    window = make_window()
    assert window.library is not None
    qtbot.waitUntil(lambda: window.library is not None and window.library.timeline_built)
    assert threads
    assert threads[0] is not QThread.currentThread(), "built on the worker thread"
    window.show_panel("timelineDock")
    qtbot.waitUntil(lambda: window.point_in_time.timeline_panel is not None)
    qtbot.waitUntil(lambda: len(timeline_panel(window).view.visible_event_ids()) == EVENTS_DRAWN)
    quick = make_window()  # closed at once: the build still running is stopped, nothing crashes
    quick.close()


def test_ctrl_3_shows_the_timeline_and_ver_hides_it(window: MainWindow, qtbot: QtBot) -> None:
    dock = window.docks["timelineDock"]
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # closed at start on a small screen: shown, focused
    assert dock.isVisible()
    assert QApplication.focusWidget() is timeline_panel(window).view
    dock.toggleViewAction().trigger()  # Ver › Línea de tiempo
    assert not dock.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    assert dock.isVisible()


def click_event(qtbot: QtBot, window: MainWindow, event_id: str) -> None:
    panel = timeline_panel(window)
    rect = panel.view.event_rect(event_id)
    assert rect.isValid(), event_id
    panel.scroll_area.ensureVisible(rect.center().x(), rect.center().y())
    qtbot.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_an_event_opens_its_norm_at_the_changed_unit(window: MainWindow, qtbot: QtBot) -> None:
    timeline_loaded(qtbot, window)
    window.open_node("mision")
    click_event(qtbot, window, "decreto-163-2008#2")  # adds literal n to art. 7
    assert window.current_node_id == "decreto-267-2007"
    assert window.tree_view.currentIndex().data() == "Decreto 267 de 2007 — posiblemente modificada"
    marked = window.reading_pane.marked_node_range
    assert marked is not None
    start, length = marked
    text = pane_text(window)
    assert text[start : start + length].startswith(f"n. {LIT_N_TEXT}")
    assert "Adicionado por el artículo 2 del Decreto 163 de 2008" in text[start : start + length]
    assert "m. Formular y orientar las políticas de prevención" not in text[start : start + length]
    assert window.reading_pane.verticalScrollBar().value() > 0, "scrolled to the literal"

    click_event(qtbot, window, "decreto-163-2008#1")  # creates an office: opens the norm that did it
    assert window.current_node_id == "decreto-163-2008"
    assert window.reading_pane.marked_node_range is None
    click_event(qtbot, window, "decreto-502-2009#1")  # renames four offices
    assert window.current_node_id == "decreto-502-2009"

    # Later changes not incorporated are drawn too (hollow): a click opens the change's page, which
    # links to what it may have altered (the organigrama, for the structure).
    window.open_node("mision")
    click_event(qtbot, window, "posterior/decreto-456-2015")
    page = pane_text(window)
    assert page.startswith("Decreto 456 de 2015\nCambio posterior conocido que este contenido no incorpora")
    assert "Registro Distrital 5713" in page
    assert "Desde el 12 de noviembre de 2015, lo que afecta se marca «posiblemente modificada»" in page
    window.reading_pane.anchorClicked.emit(QUrl("sgdesk:decreto-267-2007"))
    assert window.current_node_id == "decreto-267-2007"
    assert pane_text(window).startswith("Decreto 267 de 2007")
    click_event(qtbot, window, "posterior/decreto-140-2021")  # the structure
    assert "La estructura organizacional de la Secretaría General (el organigrama)" in pane_text(window)
    window.reading_pane.anchorClicked.emit(QUrl("sgdesk:ver/organigrama"))
    dialog = window.findChild(OrgChartDialog, "orgChartDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert "Decreto 140 de 2021" in dialog.chart.caveat
    dialog.close()


# -- organigrama, compiled functions, comparing dates ------------------------------------------------


def test_the_organigrama_opens_at_the_date_and_follows_it(window: MainWindow, qtbot: QtBot) -> None:
    type_date(qtbot, window, "30/06/2009")
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL_SHIFT)
    dialog = window.findChild(OrgChartDialog, "orgChartDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Organigrama al 30 de junio de 2009"
    box = dialog.chart.box_for("dependencia/subdireccion-estudios")
    assert box is not None
    assert box.name.startswith("Subdirección de Estudios"), "the renaming of 2009 is uncertain"
    assert "Subdirección Distrital de Estudios e Informática Jurídica" in box.text
    assert dialog.chart.box_for("dependencia/alta-consejeria-tic") is None, "created in 2012"

    set_date(window, date(2012, 6, 30))
    assert dialog.windowTitle() == "Organigrama al 30 de junio de 2012"
    box = dialog.chart.box_for("dependencia/alta-consejeria-tic")
    assert box is not None
    assert box.uncertain
    renamed = dialog.chart.box_for("dependencia/subdireccion-estudios")
    assert renamed is not None
    assert renamed.name == "Subdirección Distrital de Estudios e Informática Jurídica"
    dialog.close()


def test_the_organigrama_without_a_date_is_todays(window: MainWindow, qtbot: QtBot) -> None:
    window.commands.org_chart_action.trigger()
    dialog = window.findChild(OrgChartDialog, "orgChartDialog")
    assert dialog is not None
    assert format_day(date.today()) in dialog.windowTitle()
    assert dialog.chart.box_for("dependencia/alta-consejeria-tic") is not None
    dialog.close()


def test_the_compiled_functions_of_the_secretaria(window: MainWindow, qtbot: QtBot) -> None:
    set_date(window, date(2007, 12, 31))
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL_SHIFT)
    text = pane_text(window)
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[:2] == ["Funciones de la Secretaría General", "Texto vigente al 31 de diciembre de 2007"]
    literals = [line[0] for line in lines if len(line) > 2 and line[1:3] == ". "]
    assert "".join(literals) == "abcdefghijklm"
    assert paragraph_after(text, "a. ")[1] == "Texto original del Decreto 267 de 2007"
    assert LIT_N_TEXT not in text

    set_date(window, date(2009, 6, 30))  # the compiled page follows the date
    text = pane_text(window)
    assert text.startswith("Funciones de la Secretaría General")
    assert paragraph_after(text, "n. ")[1] == "Adicionado por el artículo 2 del Decreto 163 de 2008"
    assert window.current_node_id == ART_7
    window.open_node("mision")
    set_date(window, date(2008, 6, 30))
    assert pane_text(window).startswith("Misión"), "the compiled page ends when the reader moves on"


def compare_dialog(qtbot: QtBot, window: MainWindow) -> CompareDialog:
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL_SHIFT)
    dialog = window.findChild(CompareDialog, "compareDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_comparing_dates_lists_the_changes(window: MainWindow, qtbot: QtBot) -> None:
    dialog = compare_dialog(qtbot, window)
    assert dialog.windowTitle() == "Comparar fechas"
    assert dialog.first_edit.text() == "31/12/2007"
    assert dialog.second_edit.text() == date.today().strftime("%d/%m/%Y")
    dialog.first_edit.setFocus()
    dialog.first_edit.setSelectedSection(dialog.first_edit.sectionAt(0))
    qtbot.keyClicks(dialog.first_edit, "31/12/2008")
    dialog.second_edit.setDate(date(2010, 12, 31))
    lines = dialog.lines()
    assert len(lines) == 4
    # Shown grouped under the norm that made them: one row for Decreto 502, a change below each.
    assert dialog.changes.topLevelItemCount() == 1
    group = dialog.changes.topLevelItem(0)
    assert group.text(0) == "Decreto 502 de 2009 · 2009 (día y mes no registrados) · Cambio de denominación"
    assert group.font(0).bold()
    assert group.isExpanded()
    assert [group.child(n).text(0) for n in range(group.childCount())] == [
        f"{old} → {new}" for old, new in RENAMINGS.items()
    ]
    # Long names wrap onto more lines instead of ending in "…".
    dialog.resize(520, dialog.height())
    longest = max((group.child(n) for n in range(group.childCount())), key=lambda item: len(item.text(0)))
    qtbot.waitUntil(lambda: dialog.changes.visualItemRect(longest).height()
                    >= 2 * QFontMetrics(dialog.changes.font()).height())  # fmt: skip
    for old, new in RENAMINGS.items():
        assert f"Decreto 502 de 2009 (2009), Cambio de denominación: {old} → {new}" in lines
    assert not any("fecha exacta no registrada" in line for line in lines)
    assert dialog.summary.text() == (
        "4 cambios registrados después del 31 de diciembre de 2008 y hasta el 31 de diciembre de 2010."
    )

    dialog.second_edit.setDate(date(2009, 6, 30))  # inside 2009: the renamings may not have happened
    lines = dialog.lines()
    assert len(lines) == 4
    assert all(line.endswith("(fecha exacta no registrada: pudo ser antes)") for line in lines)
    group = dialog.changes.topLevelItem(0)
    assert group.text(0).endswith("— fecha exacta no registrada: pudo ser antes")
    assert group.font(0).italic()
    assert group.child(0).font(0).italic()

    item = group.child(0)
    dialog.changes.scrollToItem(item)
    position = dialog.changes.visualItemRect(item).center()
    qtbot.mouseClick(dialog.changes.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(dialog.changes.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert window.current_node_id == "decreto-502-2009"
    dialog.close()


# -- export --------------------------------------------------------------------------------------


def test_the_export_prints_the_text_of_the_date(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "art-7.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window.open_node(ART_7)
    type_date(qtbot, window, "31/12/2007")
    shown: list[str] = []

    def export(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportDialog)
        shown.append(dialog.as_of_label.text())
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    seen = when_modal(ExportDialog, export)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert seen, "Ctrl+E opened no export dialog"
    assert shown == ["al 31 de diciembre de 2007 (la fecha «Vigente a»)"]
    qtbot.waitUntil(lambda: "PDF guardado en" in window.statusBar().currentMessage(), timeout=20_000)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert f"Texto al 31 de diciembre de 2007: {PARTS}" in text
    assert "No vigente el 31 de diciembre de 2007" in text
    assert f"texto al 31 de diciembre de 2007: {PARTS}, según los cambios registrados hasta 2012" in text
    assert "vigente al" not in text


def test_another_corpus_keeps_the_date(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    timeline_loaded(qtbot, window)
    set_date(window, date(2003, 7, 15))
    assert window.open_database(build(tmp_path))  # the synthetic corpus
    assert window.point_in_time.day == date(2003, 7, 15)
    window.open_node(ART_1)
    assert "Vigencia incierta: fecha exacta no registrada" in pane_text(window)
    assert tree_row(window, LIT_C)[0] == "Literal c — vigencia incierta"
    assert window.library is not None
    events = len(window.library.timeline().events)
    qtbot.waitUntil(lambda: len(timeline_panel(window).view.visible_event_ids()) == events)
    assert timeline_panel(window).view.marker_x() is not None
