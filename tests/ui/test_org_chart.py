"""The painted organigrama: which offices, under which names, how certain, on a date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from sgdesk.content.timeline import Status
from sgdesk.library import Library
from sgdesk.ui.org_chart import OrgChartDialog
from sgdesk.ui.theme import current_theme

JURIDICA = "dependencia/direccion-juridica-distrital"
SUBDIRECCIONES = {
    "dependencia/subdireccion-conceptos": ("Subdirección de Conceptos",
                                           "Subdirección Distrital de Doctrina y Asuntos Normativos"),
    "dependencia/subdireccion-gestion-judicial": (
        "Subdirección de Gestión Judicial",
        "Subdirección Distrital de Defensa Judicial y de Prevención del Daño Antijurídico"),
    "dependencia/subdireccion-estudios": ("Subdirección de Estudios",
                                          "Subdirección Distrital de Estudios e Informática Jurídica"),
    "dependencia/subdireccion-personas-juridicas": (
        "Subdirección de Personas Jurídicas",
        "Subdirección Distrital de Inspección, Vigilancia y Control de Personas Jurídicas sin Ánimo "
        "de Lucro"),
}  # fmt: skip
OpenDialog = Callable[[date], OrgChartDialog]
ALTAS = ("dependencia/alta-consejeria-victimas", "dependencia/alta-consejeria-tic")


@pytest.fixture
def open_dialog(qtbot: QtBot, library: Library) -> OpenDialog:
    """Open the dialog for a day (kept alive until the test ends)."""
    dialogs: list[OrgChartDialog] = []

    def make(day: date) -> OrgChartDialog:
        dialog = OrgChartDialog()
        qtbot.addWidget(dialog)
        dialog.set_state(library.timeline().office_states(day), day)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialogs.append(dialog)
        return dialog

    return make


def _top_edge(image: QImage, rect: QRect) -> list[int]:
    """The pixels along a box's top border, away from its rounded corners."""
    return [image.pixel(x, rect.top()) for x in range(rect.left() + 10, rect.right() - 10)]


def test_end_of_2008_has_the_old_names_and_no_alta_consejeria(open_dialog: OpenDialog) -> None:
    chart = open_dialog(date(2008, 12, 31)).chart
    assert chart.title == "Organigrama al 31 de diciembre de 2008"
    assert chart.boxes()[0].text == "Secretaría General"
    for office_id, (old, new) in SUBDIRECCIONES.items():
        box = chart.box_for(office_id)
        assert box is not None
        assert box.text == old
        assert new not in box.text
        assert not box.uncertain
    assert all(chart.box_for(office_id) is None for office_id in ALTAS)
    assert "Alta Consejería" not in chart.accessibleDescription()


def test_only_the_offices_the_data_names_are_drawn(open_dialog: OpenDialog, library: Library) -> None:
    day = date(2012, 6, 30)
    chart = open_dialog(day).chart
    states = library.timeline().office_states(day)
    drawn = {s.id for s in states if s.status is not Status.NOT_IN_FORCE}
    assert {box.office_id for box in chart.boxes()} == {None, *drawn}


def test_the_subdirecciones_hang_below_the_direccion_juridica(open_dialog: OpenDialog) -> None:
    chart = open_dialog(date(2008, 12, 31)).chart
    parent = chart.box_for(JURIDICA)
    root = chart.boxes()[0]
    assert parent is not None
    assert [child.office_id for child in parent.children] == list(SUBDIRECCIONES)
    assert root.rect.bottom() < parent.rect.top()
    for child in parent.children:
        assert child.rect.top() > parent.rect.bottom()
        assert child.rect.left() > parent.rect.left(), "listed below it, indented"
    assert len({child.rect.width() for child in parent.children}) == 1, "fixed-width boxes"
    assert len({box.rect.width() for box in root.children}) == 1
    assert len({box.rect.top() for box in root.children}) == 1, "the offices under the entity share a row"


def test_mid_2009_shows_both_names_while_the_renaming_is_uncertain(open_dialog: OpenDialog) -> None:
    chart = open_dialog(date(2009, 6, 30)).chart
    assert chart.title == "Organigrama al 30 de junio de 2009"
    heights = {}
    for office_id, (old, new) in SUBDIRECCIONES.items():
        box = chart.box_for(office_id)
        assert box is not None
        assert box.text == f"{old} / {new} (denominación incierta)"
        assert not box.uncertain, "the office exists; only its name is uncertain"
        heights[office_id] = box.rect.height()
    # Long names wrap inside the fixed width: the longest one makes the tallest box.
    assert heights["dependencia/subdireccion-personas-juridicas"] == max(heights.values())
    assert (
        heights["dependencia/subdireccion-personas-juridicas"] > heights["dependencia/subdireccion-estudios"]
    )


def test_mid_2012_the_altas_consejerias_are_dashed(open_dialog: OpenDialog) -> None:
    chart = open_dialog(date(2012, 6, 30)).chart
    image = chart.grab().toImage()
    for office_id in ALTAS:
        box = chart.box_for(office_id)
        assert box is not None
        assert box.uncertain
        assert box.text.endswith("vigencia incierta")
        edge = _top_edge(image, chart.box_rect(box))
        assert len(set(edge)) > 1, "a dashed border alternates ink and gaps"
    for office_id, (_, new) in SUBDIRECCIONES.items():
        box = chart.box_for(office_id)
        assert box is not None
        assert box.text == new
    solid = chart.box_for(JURIDICA)
    assert solid is not None
    assert not solid.uncertain


def test_from_2013_the_altas_consejerias_are_solid(open_dialog: OpenDialog) -> None:
    chart = open_dialog(date(2013, 1, 1)).chart
    image = chart.grab().toImage()
    for office_id in ALTAS:
        box = chart.box_for(office_id)
        assert box is not None
        assert not box.uncertain
        assert "incierta" not in box.text
        edge = _top_edge(image, chart.box_rect(box))
        assert len(set(edge)) == 1, "a solid border"


def test_the_size_grows_with_the_tree(open_dialog: OpenDialog) -> None:
    small = open_dialog(date(2008, 12, 31)).chart.sizeHint()
    large = open_dialog(date(2013, 1, 1)).chart.sizeHint()
    assert large.width() > small.width()
    worded = open_dialog(date(2009, 6, 30)).chart.sizeHint()
    assert worded.height() > small.height(), "both names make taller boxes"


def test_rendering_is_not_blank(open_dialog: OpenDialog) -> None:
    chart = open_dialog(date(2009, 6, 30)).chart
    image = chart.grab().toImage()
    root = chart.box_rect(chart.boxes()[0])
    top = QColor(current_theme().org_root.background)
    assert image.pixel(root.left() + 4, root.center().y()) == top.rgb()
    sample = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(sample) > 10


def test_the_dialog_closes_with_cerrar(qtbot: QtBot, open_dialog: OpenDialog) -> None:
    dialog = open_dialog(date(2009, 6, 30))
    assert dialog.objectName() == "orgChartDialog"
    assert dialog.windowTitle() == "Organigrama al 30 de junio de 2009"
    assert dialog.chart.accessibleName() == "Organigrama"
    assert dialog.close_button.text() == "Cerrar"
    assert dialog.scroll_area.widget() is dialog.chart
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


@pytest.mark.qt_log_ignore("does not support raise")
def test_hovering_a_box_shows_its_full_text(open_dialog: OpenDialog) -> None:
    chart = open_dialog(date(2012, 6, 30)).chart
    box = chart.box_for(ALTAS[1])
    assert box is not None
    center = chart.box_rect(box).center()
    assert chart.box_at(center) is box
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, center, chart.mapToGlobal(center)))
    text = QToolTip.text()
    QToolTip.hideText()
    assert "Tecnologías de Información y Comunicaciones" in text
    assert "vigencia incierta" in text
