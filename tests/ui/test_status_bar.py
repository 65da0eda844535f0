"""The status bar lets a user read its messages on the Secretaría's laptops (issue #11, screens),
and the statement of currency stays honest and whole where it is shortened.

The screen cases run tests/ui/status_bar_probe.py in a child process on a simulated screen at
125 % and 150 % (as tests/ui/test_screens.py does); the label and the statement's forms are
checked on real widgets in this process.
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from sgdesk.content.currency import Currency
from sgdesk.content.dates import PartialDate
from sgdesk.library import Library
from sgdesk.ui.as_of import CurrencyStatement, status_bar_text
from sgdesk.ui.status_bar import END_MARGIN, MESSAGE_LEFT, FittingLabel, StatusLabels
from tests.ui.helpers import probe_on_screen

SCREENS = [(1366, 768, 1.25), (1920, 1080, 1.5)]
LINK = "Enlace copiado: sgdesk://decreto-267-2007/art-7"
NOTE = ("Nota 4 de 4: «proyección y estrategia internacional» — Aplica al proceso de contratación "
        "2026; ver concepto 2023-114 — Ctrl+F8 la edita")  # fmt: skip
READABLE = 100  # the least characters of a long message a user reads at 1366×768 ×1.25
TODAY = date(2026, 12, 1)


def assert_whole_statement(state: dict, library: Library) -> None:
    """The label's text, accessible name and tooltip carry the full statement, whatever it draws."""
    full = status_bar_text(library.currency(), date.today())
    assert state["text"] == full.full
    assert state["accessible_name"] == full.full
    assert full.full in state["tooltip"]
    for change in library.currency().later:
        assert change.norm in state["tooltip"]
    assert "no verificado" in state["shown"]
    assert "vigente" not in state["shown"].lower()


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}x{s[2]}")
def test_messages_are_readable_beside_the_statement_of_currency(
    tmp_path: Path, corpus_db: Path, data_dir: Path, library: Library, screen: tuple[int, int, float]
) -> None:
    found = probe_on_screen(
        "tests.ui.status_bar_probe", tmp_path, screen, str(corpus_db), str(data_dir), LINK, NOTE
    )
    rest, (link, note), after = found["rest"], found["messages"], found["after"]
    full = status_bar_text(library.currency(), date.today()).full

    assert rest["shown"] == full, "with no message the bar shows the whole statement"
    assert_whole_statement(rest, library)

    assert link["message"] == LINK
    assert link["readable"] == len(LINK), f"«{LINK[: link['readable']]}» of a short message"
    assert_whole_statement(link, library)
    assert note["readable"] >= READABLE, f"only «{NOTE[: note['readable']]}» of a long message"
    assert_whole_statement(note, library)
    assert note["shown"] in (
        "Hasta 2012 · no verificado",
        "Contenido hasta 2012 · no verificado hoy · 5 cambios posteriores",
    )

    assert after["message"] == ""
    assert after["shown"] == full, "the message gone, the statement has its room back"
    assert_whole_statement(after, library)


LONG = ("No se pudo guardar en C:\\Users\\funcionario.secretaria\\AppData\\Local\\Secretaría General\\"
        "sgdesk\\mis-notas.db: el disco está lleno. Libere espacio en el disco y vuelva a intentarlo; "
        "la nota sigue en el cuadro de edición y no se ha perdido nada de lo que escribió.")  # fmt: skip


def assert_elided(state: dict, message: str) -> None:
    """The bar draws the beginning of ``message`` and «…» inside its room; the whole message is
    its tooltip and what a screen reader reads."""
    drawn = state["drawn"]
    assert drawn.endswith("…"), f"«{drawn}» is cut without an ellipsis"
    assert message.startswith(drawn[:-1].rstrip())
    assert state["drawn_width"] <= state["room"]
    assert state["bar_tooltip"] == f"<qt>{escape(message, quote=False)}</qt>"
    assert state["bar_accessible_name"] == message


def test_a_message_longer_than_its_room_ends_in_an_ellipsis(
    tmp_path: Path, corpus_db: Path, data_dir: Path, library: Library
) -> None:
    found = probe_on_screen(
        "tests.ui.status_bar_probe", tmp_path, (1366, 768, 1.25), str(corpus_db), str(data_dir), LINK, LONG
    )
    (link, long), narrower = found["messages"], found["narrower"]
    assert link["drawn"] == LINK, "a message that fits is drawn whole"
    assert link["bar_accessible_name"] == LINK
    assert long["message"] == LONG
    assert_elided(long, LONG)
    assert len(long["drawn"]) > READABLE
    assert_elided(narrower, LONG)
    assert len(narrower["drawn"]) < len(long["drawn"]), "a narrower window elides again, sooner"
    assert_whole_statement(long, library)
    assert found["after"]["bar_tooltip"] == ""


# -- the statement's forms ----------------------------------------------------------


@pytest.mark.parametrize("day", [TODAY, date(2020, 5, 4)])
def test_every_form_says_what_the_corpus_cannot_vouch_for(library: Library, day: date) -> None:
    statement = status_bar_text(library.currency(), day, today=TODAY)
    assert statement.full.startswith("Contenido con cambios hasta 2012, edición 1 · no verificado para el")
    when = "hoy" if day == TODAY else "al 04/05/2020"
    known = len(library.currency().known_by(day))
    assert statement.short == f"Contenido hasta 2012 · no verificado {when} · {known} cambios posteriores"
    assert statement.shortest == "Hasta 2012 · no verificado"
    for form in statement.forms:
        assert "vigente" not in form.lower()
    assert [len(form) for form in statement.forms] == sorted((len(f) for f in statement.forms), reverse=True)


def test_a_day_the_corpus_vouches_for_and_an_unknown_horizon(library: Library) -> None:
    inside = status_bar_text(library.currency(), date(2010, 1, 1), today=TODAY)
    assert inside.forms == (
        "Contenido con cambios hasta 2012, edición 1",
        "Contenido hasta 2012",
        "Hasta 2012",
    )
    unknown = status_bar_text(Currency(None, ()), TODAY, today=TODAY)
    assert "no verificado" in unknown.shortest
    assert unknown.short.startswith("Contenido sin fecha registrada")
    one = Currency(PartialDate(2012), library.currency().later[:1])
    assert status_bar_text(one, TODAY, today=TODAY).short.endswith("· 1 cambio posterior")


# -- the label --------------------------------------------------------------------


def test_the_label_draws_the_longest_form_that_fits(qtbot: QtBot) -> None:
    label = FittingLabel()
    qtbot.addWidget(label)
    statement = CurrencyStatement("Uno dos tres cuatro cinco seis", "Uno dos tres", "Uno", ("<b>a</b>",))
    label.set_forms(statement.forms, statement.tip_lines)
    metrics = label.fontMetrics()
    label.resize(metrics.horizontalAdvance(statement.full) + 2, 20)
    assert label.shown_text() == statement.full
    label.resize(metrics.horizontalAdvance(statement.short) + 2, 20)
    assert label.shown_text() == statement.short
    label.resize(metrics.horizontalAdvance(statement.shortest) + 2, 20)
    assert label.shown_text() == statement.shortest
    label.resize(metrics.horizontalAdvance("U"), 20)
    assert label.shown_text() in ("…", "U…", ""), "narrower than the shortest: elided"
    assert label.minimumSizeHint().width() >= metrics.horizontalAdvance(statement.shortest)
    assert label.text() == label.accessibleName() == statement.full
    assert label.toolTip() == "<qt><b>Uno dos tres cuatro cinco seis</b><br>&lt;b&gt;a&lt;/b&gt;</qt>"

    label.setText("Sin corpus <b>x</b>")  # one form, shown as plain text
    assert label.text() == label.accessibleName() == "Sin corpus <b>x</b>"
    assert label.minimumSizeHint().width() >= metrics.horizontalAdvance("Sin corpus <b>x</b>")


class _PaintedByTheStyle(FittingLabel):
    """What FittingLabel painted before #11: its text through QStyle.drawItemText."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        flags = int(self.alignment()) | int(Qt.TextFlag.TextSingleLine)
        self.style().drawItemText(painter, self.contentsRect(), flags, self.palette(), self.isEnabled(),
                                  self.shown_text(), self.foregroundRole())  # fmt: skip


@pytest.mark.parametrize("enabled", [True, False], ids=["enabled", "disabled"])
def test_the_label_paints_its_text_as_the_style_would(qtbot: QtBot, enabled: bool) -> None:
    """It paints without naming the style (#11 start-up): the same pixels, in its palette's text
    colour, right-aligned in its margins; disabled text still as the style paints it."""
    statement = CurrencyStatement("Contenido con cambios hasta 2012, edición 1", "Hasta 2012", "2012", ())
    images = []
    for kind in (FittingLabel, _PaintedByTheStyle):
        label = kind()
        qtbot.addWidget(label)
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#b0306a"))  # not the default black
        label.setPalette(palette)
        label.setContentsMargins(12, 0, 6, 0)
        label.set_forms(statement.forms)
        label.setEnabled(enabled)
        label.resize(label.fontMetrics().horizontalAdvance(statement.full) + 40, 22)
        images.append(label.grab().toImage())
    assert images[0] == images[1]
    colours = {images[0].pixelColor(x, y).name() for x in range(images[0].width()) for y in range(22)}
    assert len(colours) > 2, "some text was painted"


def _blank_after_text(image: QImage) -> int:
    """How many columns at the right of ``image`` have nothing of the text in them."""
    background = image.pixelColor(image.width() - 1, 0)
    for blank in range(image.width()):
        x = image.width() - 1 - blank
        if any(image.pixelColor(x, y) != background for y in range(image.height())):
            return blank
    return image.width()


def test_the_statement_and_the_zoom_end_clear_of_their_frames(qtbot: QtBot) -> None:
    """Windows frames each permanent label of the bar 2 px outside it: the statement's text
    (right-aligned, by the zoom) and the zoom's keep a blank before that frame."""
    window = QMainWindow()
    qtbot.addWidget(window)
    labels = StatusLabels(window)
    labels.show_zoom(100)
    statement = CurrencyStatement("Contenido con cambios hasta 2012, edición 1", "Hasta 2012", "2012", ())
    labels.show_currency(statement)
    window.resize(700, 300)
    window.show()
    qtbot.waitExposed(window)
    for label in (labels.content, labels.zoom):
        assert _blank_after_text(label.grab().toImage()) >= END_MARGIN, label.objectName() or "zoom"


def test_a_message_takes_the_room_it_needs_and_gives_it_back(qtbot: QtBot) -> None:
    window = QMainWindow()  # narrower than the offscreen screen (800 px), which bounds a window
    qtbot.addWidget(window)
    labels = StatusLabels(window)
    labels.show_zoom(100)
    full = "Contenido con cambios hasta 2012 · no verificado para el 1 de diciembre de 2026"
    statement = CurrencyStatement(
        full, "Contenido hasta 2012 · no verificado hoy", "Hasta 2012 · no verificado", ()
    )
    labels.show_currency(statement)
    label, bar = labels.content, window.statusBar()
    window.resize(780, 400)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: label.shown_text() == statement.full)
    rest = label.width()

    bar.showMessage(LINK)  # a short message: the statement shortens as much as it needs
    needed = bar.fontMetrics().horizontalAdvance(LINK)
    qtbot.waitUntil(lambda: label.x() > needed + MESSAGE_LEFT, timeout=2000)  # the message's room
    assert label.shown_text() == statement.short
    assert label.width() > label.minimumSizeHint().width(), "and the statement keeps the rest"

    bar.showMessage(NOTE)  # a long one: the statement gives all it can
    qtbot.waitUntil(lambda: label.width() == label.minimumSizeHint().width())
    assert label.shown_text() == statement.shortest

    bar.clearMessage()
    qtbot.waitUntil(lambda: label.shown_text() == statement.full)
    assert label.width() == rest
