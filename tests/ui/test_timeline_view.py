"""The painted timeline: markers by kind and precision, mouse, keyboard, filters, zoom, culling."""

from __future__ import annotations

import itertools
import random
import sys
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import Change, EventKind
from sgdesk.content.timeline import TimelineEvent, later_event
from sgdesk.library import Library
from sgdesk.ui.theme import current_theme
from sgdesk.ui.timeline_panel import TimelinePanel
from sgdesk.ui.timeline_style import short_action
from sgdesk.ui.timeline_view import SLICE

LITERAL_N = "decreto-163-2008#2"  # Decreto 163 de 2008 adds literal n (known only to the year)


@pytest.fixture
def events(library: Library) -> list[TimelineEvent]:
    return library.timeline().events


@pytest.fixture
def panel(qtbot: QtBot, events: list[TimelineEvent]) -> TimelinePanel:
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 520)
    panel.set_events(events)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _shown_panel(qtbot: QtBot, width: int = 900, height: int = 400) -> TimelinePanel:
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.resize(width, height)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _colors_in(image: QImage, rect: QRect) -> set[int]:
    area = rect & image.rect()
    return {image.pixel(x, y) for x in range(area.left(), area.right() + 1)
            for y in range(area.top(), area.bottom() + 1)}  # fmt: skip


def test_clicking_a_marker_activates_its_event(qtbot: QtBot, panel: TimelinePanel,
                                               events: list[TimelineEvent]) -> None:  # fmt: skip
    view = panel.view
    event = next(e for e in events if e.id == LITERAL_N)
    assert event.norm_title == "Decreto 163 de 2008"
    rect = view.event_rect(LITERAL_N)
    assert rect.isValid()
    assert view.visibleRegion().contains(rect.center()), "the marker is on screen at fit zoom"
    with qtbot.waitSignal(panel.event_activated, timeout=1000) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [LITERAL_N]
    assert view.current_event_id == LITERAL_N
    assert view.hasFocus()
    # Empty space activates nothing.
    with qtbot.assertNotEmitted(panel.event_activated):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(3, view.height() - 3))


def test_the_label_is_the_norm_and_a_short_action(events: list[TimelineEvent]) -> None:
    actions = {e.id: short_action(e) for e in events}
    assert actions[LITERAL_N] == "adiciona el literal n"
    assert actions["decreto-163-2008#3"] == "adiciona el literal l"
    assert actions["decreto-163-2008#0"] == "expedición"
    assert actions["decreto-502-2009#1"] == "cambia la denominación de 4 dependencias"
    assert actions["decreto-163-2008#1"] == "crea la Dirección Distrital de Relaciones Internacionales"


def test_keyboard_moves_between_events_in_date_order(qtbot: QtBot, panel: TimelinePanel,
                                                     events: list[TimelineEvent]) -> None:  # fmt: skip
    view = panel.view
    ids = [e.id for e in sorted(events, key=lambda e: (*e.date.key, e.id))]
    assert view.visible_event_ids() == ids
    assert view.focusPolicy() == Qt.FocusPolicy.StrongFocus
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current_event_id == ids[0] == "acuerdo-257-2006#0"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current_event_id == ids[2]
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.current_event_id == ids[1]
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_event_id == ids[-1]
    qtbot.keyClick(view, Qt.Key.Key_Right)  # stays on the last
    assert view.current_event_id == ids[-1]
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_event_id == ids[0]
    for _ in range(ids.index(LITERAL_N)):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    with qtbot.waitSignal(panel.event_activated, timeout=1000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [LITERAL_N]
    with qtbot.waitSignal(panel.event_activated, timeout=1000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Enter)
    assert blocker.args == [LITERAL_N]
    assert "Decreto 163 de 2008" in view.accessibleDescription()


def test_the_focused_event_is_scrolled_into_view(qtbot: QtBot, panel: TimelinePanel) -> None:
    view = panel.view
    view.setFocus()
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert panel.scroll_area.horizontalScrollBar().maximum() > 0
    qtbot.keyClick(view, Qt.Key.Key_End)
    last = view.visible_event_ids()[-1]
    assert view.visibleRegion().contains(view.event_rect(last).center())
    at_end = panel.scroll_area.horizontalScrollBar().value()
    assert at_end > 0
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.visibleRegion().contains(view.event_rect(view.visible_event_ids()[0]).center())
    assert panel.scroll_area.horizontalScrollBar().value() < at_end


def test_unticking_a_kind_hides_its_events(qtbot: QtBot, panel: TimelinePanel,
                                           events: list[TimelineEvent]) -> None:  # fmt: skip
    view = panel.view
    box = panel.checkboxes[EventKind.ISSUANCE]
    assert box.text() == "Expedición"
    assert box.accessibleName() == "Expedición"
    issued = {e.id for e in events if e.kind is EventKind.ISSUANCE}
    assert len(issued) == 6
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not box.isChecked()
    assert len(view.visible_event_ids()) == len(events) - 6 == 6
    assert not issued & set(view.visible_event_ids())
    assert view.event_rect("decreto-163-2008#0").isNull()
    view.grab()  # paints everything: the hidden kind is not drawn
    assert view.painted_ids
    assert not issued & set(view.painted_ids)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_event_id == "decreto-163-2008#1"  # the first event shown
    box.click()
    assert len(view.visible_event_ids()) == 12


def test_marker_line_follows_the_vigente_a_date(panel: TimelinePanel) -> None:
    view = panel.view
    assert view.marker_x() is None
    panel.set_marker(date(2010, 6, 30))
    first = view.marker_x()
    assert first is not None
    # It sits after the 2009 renaming band and before the 2012 ones.
    assert view.event_rect("decreto-502-2009#1").right() < first < view.event_rect("decreto-59-2012#1").left()
    image = view.grab().toImage()
    marker = QColor(current_theme().marker.background)
    assert marker.rgb() in _colors_in(image, view.rect().adjusted(first - 1, 0, 0, 0))
    panel.set_marker(date(2012, 1, 1))
    second = view.marker_x()
    assert second is not None
    assert second > first
    assert abs(second - view.event_rect("decreto-59-2012#1").left()) <= 2
    panel.set_marker(None)
    assert view.marker_x() is None


def test_year_and_month_precision_are_spans_and_days_are_points(qtbot: QtBot) -> None:
    panel = _shown_panel(qtbot, 1300)
    kind = EventKind.MODIFICATION
    events = [
        TimelineEvent("y", "n", "Decreto 1 de 2008", kind, PartialDate(2008), "Modifica algo"),
        TimelineEvent("m", "n", "Decreto 2 de 2010", kind, PartialDate(2010, 3), "Modifica algo"),
        TimelineEvent("d", "n", "Decreto 3 de 2011", kind, PartialDate(2011, 5, 4), "Modifica algo"),
    ]
    panel.set_events(events)
    view = panel.view
    year, month, day = (view.event_rect(i) for i in ("y", "m", "d"))
    assert year.width() == pytest.approx(366 * view.scale, abs=2)
    assert month.width() == pytest.approx(31 * view.scale, abs=2)
    assert year.center().y() == month.center().y() == day.center().y(), "no overlap: one row"
    for _ in range(5):
        view.zoom_in()
    year, month, day = (view.event_rect(i) for i in ("y", "m", "d"))
    assert year.width() == pytest.approx(366 * view.scale, abs=2)
    assert month.width() == pytest.approx(31 * view.scale, abs=2)
    assert day.width() < 20 < month.width(), "a day is a glyph, whatever the zoom"


def test_overlapping_events_stack_in_rows(panel: TimelinePanel) -> None:
    view = panel.view
    in_2008 = [view.event_rect(f"decreto-163-2008#{n}") for n in range(4)]
    assert len({rect.top() for rect in in_2008}) == 4
    assert all(rect.left() == in_2008[0].left() for rect in in_2008)


def test_zoom_changes_widths_and_scrolls(qtbot: QtBot, panel: TimelinePanel) -> None:
    view, bar = panel.view, panel.scroll_area.horizontalScrollBar()
    fit = view.event_rect(LITERAL_N).width()
    assert view.width() <= panel.scroll_area.viewport().width()
    assert bar.maximum() == 0, "at fit zoom everything is visible"
    view.zoom_in()
    assert view.event_rect(LITERAL_N).width() == pytest.approx(fit * 1.5, rel=0.05)
    assert bar.maximum() > 0
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.event_rect(LITERAL_N).width() == pytest.approx(fit, rel=0.05)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.event_rect(LITERAL_N).width() == pytest.approx(fit * 2.25, rel=0.05)
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.event_rect(LITERAL_N).width() == pytest.approx(fit, rel=0.02)
    view.zoom_in()
    qtbot.mouseClick(panel.fit_button, Qt.MouseButton.LeftButton)
    assert panel.fit_button.toolTip() == "Ajustar la línea de tiempo al ancho disponible (0)"
    assert view.event_rect(LITERAL_N).width() == pytest.approx(fit, rel=0.02)
    view.zoom_out()  # never narrower than fitting
    assert view.event_rect(LITERAL_N).width() == pytest.approx(fit, rel=0.02)


def test_rendering_shows_the_glyph_colours(panel: TimelinePanel) -> None:
    view = panel.view
    image = view.grab().toImage()
    assert not image.isNull()
    sample = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(sample) > 10, "the timeline is not blank"
    insertion = view.event_rect(LITERAL_N)
    assert QColor(current_theme().kinds[EventKind.INSERTION]).rgb() in _colors_in(image, insertion)
    creation = view.event_rect("decreto-163-2008#1")
    assert QColor(current_theme().kinds[EventKind.CREATION]).rgb() in _colors_in(image, creation)


@pytest.mark.qt_log_ignore("does not support raise")
def test_hover_shows_the_event_details(panel: TimelinePanel) -> None:
    view = panel.view
    position = view.event_rect(LITERAL_N).center()
    event = QHelpEvent(QEvent.Type.ToolTip, position, view.mapToGlobal(position))
    QApplication.sendEvent(view, event)
    text = QToolTip.text()
    QToolTip.hideText()
    assert "Decreto 163 de 2008" in text
    assert "2008 (día y mes no registrados)" in text
    assert "Adición" in text
    assert "Adiciona el literal n del artículo 7 del Decreto 267 de 2007" in text


def test_accessible_names(panel: TimelinePanel) -> None:
    assert panel.view.accessibleName() == "Línea de tiempo de modificaciones"
    assert panel.fit_button.accessibleName()
    assert panel.scroll_area.accessibleName()
    assert all(box.accessibleName() for box in panel.checkboxes.values())


def _synthetic(count: int) -> list[TimelineEvent]:
    rng = random.Random(7)
    kinds = list(EventKind)
    events = []
    for number in range(count):
        year = rng.randint(1990, 2026)
        month, day = rng.choice([(None, None), (rng.randint(1, 12), None), (rng.randint(1, 12), 15)])
        when = PartialDate(year, month, day)
        kind = kinds[number % len(kinds)]
        title, summary = f"Decreto {number} de {year}", f"Modifica el artículo {number}"
        events.append(TimelineEvent(f"ev-{number}", f"decreto-{number}", title, kind, when, summary,
                                    (Change(f"x/{number}"),)))  # fmt: skip
    return events


def test_thousands_of_events_paint_only_what_is_visible(qtbot: QtBot) -> None:
    panel = _shown_panel(qtbot)
    events = _synthetic(5000)
    view = panel.view
    with qtbot.waitSignal(view.layout_finished, timeout=30000):
        panel.set_events(events)
    view.painted_ids = []
    qtbot.waitUntil(lambda: bool(view.painted_ids))
    assert len(view.visible_event_ids()) == 5000
    assert len(view.painted_ids) < 200
    first = set(view.painted_ids)
    visible = view.visibleRegion().boundingRect()
    assert all(view.event_rect(i).intersects(visible.adjusted(-300, 0, 0, 0)) for i in first)
    for _ in range(4):
        view.zoom_in()
    qtbot.waitUntil(view.is_laid_out, timeout=30000)
    bar = panel.scroll_area.horizontalScrollBar()
    assert bar.maximum() > 0
    for value in (bar.maximum() // 3, bar.maximum() // 2, bar.maximum()):
        view.painted_ids = []
        bar.setValue(value)
        qtbot.waitUntil(lambda: bool(view.painted_ids))
        assert len(view.painted_ids) < 200
    assert set(view.painted_ids) != first


def test_a_large_timeline_is_laid_out_a_slice_at_a_time(qtbot: QtBot) -> None:
    """The window keeps answering while tens of thousands of events are placed, and shows
    what is placed as it comes."""
    panel = _shown_panel(qtbot)
    view, events = panel.view, _synthetic(6 * SLICE)
    progress: list[float] = []
    partial: list[tuple[set[str], set[str]]] = []

    def beat() -> None:  # another timer on the same event loop: it runs between slices
        progress.append(view.layout_progress())
        if 0.2 < progress[-1] < 0.8 and not partial:
            view.grab()
            placed = {i for i in view.visible_event_ids() if view.event_rect(i).isValid()}
            partial.append((set(view.painted_ids), placed))

    beat_timer = QTimer()
    beat_timer.timeout.connect(beat)
    with qtbot.waitSignal(view.layout_finished, timeout=60000):
        panel.set_events(events)
        assert not view.is_laid_out(), "set_events returns after the first slice"
        beat_timer.start(0)
    beat_timer.stop()
    midway = [value for value in progress if 0 < value < 1]
    assert len(midway) >= 3, "the event loop ran while the events were being placed"
    assert midway == sorted(midway)
    painted, placed = partial[0]
    assert painted
    assert painted <= placed < set(view.visible_event_ids())
    assert view.is_laid_out()
    assert view.layout_progress() == 1.0
    assert len(view.visible_event_ids()) == len(events)
    assert all(view.event_rect(i).isValid() for i in view.visible_event_ids())
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_event_id == view.visible_event_ids()[-1]
    assert view.visibleRegion().contains(view.event_rect(view.current_event_id).center())


def test_changes_during_a_layout_start_it_again(qtbot: QtBot) -> None:
    panel = _shown_panel(qtbot)
    view, events = panel.view, _synthetic(4 * SLICE)
    finished: list[bool] = []
    view.layout_finished.connect(lambda: finished.append(True))
    panel.set_events(events)
    assert not view.is_laid_out()
    box = panel.checkboxes[EventKind.ISSUANCE]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    qtbot.waitUntil(view.is_laid_out, timeout=60000)
    assert len(finished) == 1, "only the last layout finishes"
    shown = view.visible_event_ids()
    assert len(shown) == sum(e.kind is not EventKind.ISSUANCE for e in events)
    assert all(view.event_rect(i).isValid() for i in shown)
    fit = view.scale
    view.zoom_in()
    view.zoom_in()  # the second before the first is laid out
    qtbot.waitUntil(view.is_laid_out, timeout=60000)
    assert view.scale == pytest.approx(fit * 2.25)
    assert view.event_rect(shown[0]).isValid()
    # New events while laying out: only they are drawn in the end.
    view.zoom_to_fit()
    panel.set_events(events[:50])
    qtbot.waitUntil(view.is_laid_out, timeout=60000)
    assert len(view.visible_event_ids()) == sum(e.kind is not EventKind.ISSUANCE for e in events[:50])
    gone = next(e for e in events[50:] if e.kind is not EventKind.ISSUANCE)
    assert gone.id not in view.visible_event_ids()
    assert view.event_rect(gone.id).isNull()


def test_painting_does_not_use_up_references_to_none(qtbot: QtBot, panel: TimelinePanel) -> None:
    """PySide6 6.12 on CPython 3.11 drops a reference to None per void call: painting gives them back."""
    view = panel.view
    panel.set_marker(date(2010, 6, 30))
    view.grab()
    before = sys.getrefcount(None)
    for _ in range(50):
        view.grab()  # returns a pixmap: the call itself is not a void one
    assert sys.getrefcount(None) >= before


def test_the_legend_is_one_row_above_rows_as_wide_as_the_panel(
    qtbot: QtBot, library: Library, events: list[TimelineEvent]
) -> None:
    """Short and wide (under the text): the legend takes one line, the rows the whole width;
    the legend lists the kinds the events have; in a narrow dock the rest is behind »."""
    panel = _shown_panel(qtbot, 1100, 300)
    panel.set_events(events)
    qtbot.waitUntil(lambda: not panel.later_checkbox.isVisible())  # no later change among these
    panel.set_events([*events, *(later_event(change) for change in library.currency().later)])
    assert panel.checkboxes[EventKind.RENAMING].text() == "Denominación"
    assert panel.checkboxes[EventKind.RENAMING].accessibleName() == "Cambio de denominación"
    assert "Cambio de denominación" in panel.checkboxes[EventKind.RENAMING].toolTip()
    held = {event.kind for event in events if not event.later}
    assert EventKind.REPEAL not in held, "the shipped corpus has no repeal"
    boxes = [box for kind, box in panel.checkboxes.items() if kind in held] + [panel.later_checkbox]
    qtbot.waitUntil(lambda: all(box.isVisible() for box in boxes))
    assert not panel.checkboxes[EventKind.REPEAL].isVisible(), "a kind the events do not have"
    legend = panel.legend
    assert legend.height() <= 2 * panel.fontMetrics().height() + 12, "one row"
    assert panel.scroll_area.y() >= legend.geometry().bottom()
    assert panel.scroll_area.width() >= panel.width() - 32, "the rows get the width (but the zoom buttons)"
    assert panel.fit_button.x() > panel.scroll_area.geometry().right(), "zoom: a column at the right"
    for box in boxes:  # every box whole, inside the legend, none on top of another
        assert legend.rect().contains(box.geometry())
        assert box.width() >= box.sizeHint().width()
    for first, second in itertools.combinations(boxes, 2):
        assert not first.geometry().intersects(second.geometry())
    one_row = legend.height()
    panel.resize(420, 300)  # a narrow (floating) dock: the row wraps, every box stays whole
    qtbot.waitUntil(lambda: panel.width() == 420)
    qtbot.waitUntil(lambda: legend.height() > one_row)
    assert legend.width() == 420
    for box in boxes:
        assert box.isVisible()
        assert legend.rect().contains(box.geometry())
    for first, second in itertools.combinations(boxes, 2):
        assert not first.geometry().intersects(second.geometry())
    assert panel.scroll_area.y() >= legend.geometry().bottom()


def test_year_labels_thin_out_when_the_years_are_narrow(qtbot: QtBot, panel: TimelinePanel) -> None:
    view = panel.view
    assert view.year_label_step() == 1, "the real corpus spans a few years: each is labelled"
    crowded = _shown_panel(qtbot)
    with qtbot.waitSignal(crowded.view.layout_finished, timeout=30000):
        crowded.set_events(_synthetic(300))  # 1990 to 2026 in 900 pixels
    label = QFontMetrics(crowded.view.font()).horizontalAdvance("2000")
    step = crowded.view.year_label_step()
    assert step > 1
    assert step * crowded.view.scale * 365.25 >= label, "labelled years are at least a label apart"
    for _ in range(6):
        crowded.view.zoom_in()
    qtbot.waitUntil(crowded.view.is_laid_out, timeout=30000)
    assert crowded.view.year_label_step() == 1


def test_the_view_says_why_it_draws_no_event(qtbot: QtBot, events: list[TimelineEvent]) -> None:
    panel = _shown_panel(qtbot)
    view = panel.view
    assert view.placeholder_text() == "El corpus no registra eventos."
    panel.set_reading()  # a large corpus is read on a worker thread first
    assert view.placeholder_text() == "Leyendo los eventos del corpus…"
    panel.set_events(events)
    assert view.placeholder_text() == ""
    for box in panel.checkboxes.values():
        box.setChecked(False)
    assert view.visible_event_ids() == []
    assert view.placeholder_text() == "No hay eventos que mostrar con los tipos elegidos."
    view.grab()
    assert view.painted_ids == []


@pytest.mark.qt_log_ignore("does not support raise")
def test_long_labels_are_cut_between_words_and_shown_whole_in_the_tooltip(qtbot: QtBot) -> None:
    panel = _shown_panel(qtbot, 1000)
    title = "Resolución conjunta de la Secretaría General y la Secretaría Distrital de Hacienda 123 de 2010"
    summary = "Modifica la denominación de la Subsecretaría de Servicio a la Ciudadanía y sus funciones"
    event = TimelineEvent("e", "n", title, EventKind.MODIFICATION, PartialDate(2010, 3, 4), summary)
    panel.set_events([event])
    view = panel.view
    for shown, whole in zip(view.label_of("e"), (title, short_action(event)), strict=True):
        assert shown.endswith("…")
        assert len(shown) < len(whole)
        kept = shown[:-1]
        assert whole.startswith(kept)
        assert whole[len(kept)] == " ", f"cut mid-word: {shown!r}"
    position = view.event_rect("e").center()
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, position, view.mapToGlobal(position)))
    text = QToolTip.text()
    QToolTip.hideText()
    assert title in text
    assert summary in text


def test_the_year_axis_stays_in_view_when_the_rows_scroll(qtbot: QtBot) -> None:
    panel = _shown_panel(qtbot, 900, 300)
    kind = EventKind.MODIFICATION
    panel.set_events([TimelineEvent(f"e{n}", "n", f"Decreto {n} de 2010", kind, PartialDate(2010, 5, 4),
                                    "Modifica algo") for n in range(30)])  # fmt: skip
    bar = panel.scroll_area.verticalScrollBar()
    assert bar.maximum() > 500, "30 rows: the rows scroll"
    viewport = panel.scroll_area.viewport()
    band = QRect(0, 0, viewport.width(), 20)  # the year labels, above the axis line

    def top_band() -> QImage:
        return viewport.grab().toImage().copy(band)

    before = top_band()
    assert len(_colors_in(before, before.rect())) > 1, "the years are written there"
    bar.setValue(bar.maximum())
    qtbot.wait(20)
    assert panel.view.header_top() == bar.maximum()
    assert top_band() == before, "the same years, in the same place, after scrolling"
    top_row = panel.view.event_rect("e0")
    assert not viewport.rect().contains(panel.view.mapTo(viewport, top_row.center())), "rows scrolled"
