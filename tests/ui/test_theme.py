"""Themes and interface size (#11 points 2 and 3): every colour comes from the theme in use,
reads at WCAG AA in each theme, follows a palette change, and paper stays light."""

from __future__ import annotations

import ast
import re
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPalette
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMenu, QStyleFactory, QTextBrowser
from pytestqt.qtbot import QtBot

from sgdesk.content.model import EventKind
from sgdesk.export.common import org_chart_title, structure_caveat
from sgdesk.export.page_colors import AA_GRAPHICS, AA_TEXT, PAPER, contrast_ratio
from sgdesk.export.pdf import write_pdf
from sgdesk.export.plan import plan_export
from sgdesk.library import Library
from sgdesk.ui import theme
from sgdesk.ui.appearance import Appearance
from sgdesk.ui.export_actions import configure_device, paint_plan
from sgdesk.ui.focus_ring import FocusRings
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.org_chart import OrgChartDialog
from sgdesk.ui.reading_pane import Passage
from sgdesk.ui.theme import HIGHLIGHT_NAMES, NOTE_MARK, Scheme, ThemeChoice, current_theme
from sgdesk.ui.timeline_panel import TimelinePanel
from tests.ui.helpers import appearance_put_back
from tests.ui.helpers import painted_marks as pane_marks

CHOSEN = [ThemeChoice.LIGHT, ThemeChoice.DARK, ThemeChoice.HIGH_CONTRAST]
PAGE_WITH_BANNER = "decreto-267-2007/art-7"  # read on a date after the corpus's horizon: boxed caveat
_RULE = re.compile(r"([\w.\[\]-]+(?:\s*,\s*[\w.\[\]-]+)*)\s*\{([^}]*)\}")


@pytest.fixture
def looks(window: MainWindow) -> Iterator[Appearance]:
    yield from appearance_put_back()


def choose(looks: Appearance, choice: ThemeChoice) -> None:
    """As «Ver › Tema» does; the widgets hear of the new palette from the event loop."""
    looks.set_theme(choice)
    QApplication.processEvents()


def css_colours(sheet: str) -> dict[str, dict[str, str]]:
    """Selector → {"color": …, "background-color": …} as the style sheet in use says."""
    found: dict[str, dict[str, str]] = {}
    for selectors, body in _RULE.findall(sheet):
        values = dict(re.findall(r"(?<![\w-])(color|background-color)\s*:\s*(#[0-9a-fA-F]{6})", body))
        for selector in selectors.split(","):
            if values:
                found.setdefault(selector.strip(), {}).update(values)
    return found


def failing(pairs: dict[str, tuple[str, str]], least: float) -> dict[str, float]:
    return {
        name: round(contrast_ratio(a, b), 2) for name, (a, b) in pairs.items() if contrast_ratio(a, b) < least
    }


def painted_marks(window: MainWindow) -> list[tuple[str, str]]:
    """(text, tint) of every mark the reading pane paints: notes, highlights, search, find."""
    pane = window.reading_pane
    pane.mark_passages(
        [Passage(PAGE_WITH_BANNER, "Son funciones", name) for name in (*HIGHLIGHT_NAMES, NOTE_MARK)]
    )
    pane.highlight_words(lambda text: [(m.start(), m.end()) for m in re.finditer("Secretaría", text)])
    pane.mark_node(PAGE_WITH_BANNER + "/lit-a")
    assert pane.find_text("de") > 1  # the current match and the others
    return [(mark.foreground, mark.background) for mark in pane_marks(pane)]


def open_after_horizon(window: MainWindow) -> None:
    window.point_in_time.bar.date_edit.setDate(date(2020, 6, 30))
    window.point_in_time.bar.date_edit.editingFinished.emit()
    window.open_node(PAGE_WITH_BANNER)


@pytest.mark.parametrize("choice", CHOSEN, ids=lambda c: c.value)
def test_every_colour_the_window_paints_reads_at_aa(
    window: MainWindow, looks: Appearance, choice: ThemeChoice
) -> None:
    choose(looks, choice)
    open_after_horizon(window)
    pane = window.reading_pane
    sheet = css_colours(pane.document().defaultStyleSheet())
    background = pane.viewport().palette().color(QPalette.ColorRole.Base).name()
    banner = sheet[".banner-box"]["background-color"]
    assert "Texto con los cambios incorporados hasta 2012" in pane.toPlainText()  # the banner is shown
    # Every text colour of the pane's style sheet, on what it is read on.
    text = {f"css {selector}": (values["color"], banner if selector.startswith(".banner") else background)
            for selector, values in sheet.items() if "color" in values}  # fmt: skip
    assert {"css body", "css h1", "css a[href]", "css .note", "css .banner", "css .lapsed"} <= set(text)
    assert failing(text, AA_TEXT) == {}
    # The marks as painted (their text colour on their tint).
    marks = painted_marks(window)
    assert len(marks) >= 9
    assert failing({f"mark {n}": pair for n, pair in enumerate(marks)}, AA_TEXT) == {}
    # The links as laid out in the document.
    links = set(_link_colours(window))
    assert links
    assert failing({f"link {c}": (c, background) for c in links}, AA_TEXT) == {}
    # Everything else the theme paints: index, search results, dialogs, timeline, organigrama.
    colours = current_theme()
    assert colours.page.background == background
    assert failing(colours.text_pairs(), AA_TEXT) == {}
    assert failing(colours.graphic_pairs(), AA_GRAPHICS) == {}
    # The selection and the focus ring the chosen palette gives.
    palette = QApplication.palette()
    selection = (palette.color(QPalette.ColorRole.HighlightedText).name(),
                 palette.color(QPalette.ColorRole.Highlight).name())  # fmt: skip
    ring = palette.color(QPalette.ColorRole.Highlight).name()
    window_colour = palette.color(QPalette.ColorRole.Window).name()
    assert failing({"selection": selection}, AA_TEXT) == {}
    assert failing({"ring/base": (ring, background), "ring/window": (ring, window_colour)}, AA_GRAPHICS) == {}


def _link_colours(window: MainWindow) -> set[str]:
    found = set()
    block = window.reading_pane.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char_format = fragments.fragment().charFormat()
            if char_format.anchorHref():
                found.add(char_format.foreground().color().name())
            fragments += 1
        block = block.next()
    return found


# The system's own palettes (as Windows 11 and KDE give them): Base, Text, Link, Highlight,
# HighlightedText, disabled Text.
SYSTEM_PALETTES = {
    "Windows claro": (False, "#ffffff", "#000000", "#0066cc", "#0078d4", "#ffffff", "#a0a0a0"),
    "Windows oscuro": (False, "#1c1c1c", "#ffffff", "#99ebff", "#0078d4", "#ffffff", "#7a7a7a"),
    "Breeze oscuro": (False, "#232629", "#fcfcfc", "#1d99f3", "#3daee9", "#fcfcfc", "#6e7175"),
    "gris oscuro": (False, "#3c3f41", "#e0e0e0", "#8cc4ff", "#2f65b8", "#ffffff", "#808080"),
    "Acuático": (True, "#202020", "#ffffff", "#75e9fc", "#8ee3f0", "#263b50", "#a6a6a6"),
    "Desierto": (True, "#fffaef", "#3d3d3d", "#1c5e75", "#903909", "#fff5e3", "#676767"),
    "Cielo nocturno": (True, "#000000", "#ffffff", "#8080ff", "#d6b4fd", "#2b2b2b", "#a6a6a6"),
}


@pytest.mark.parametrize("name", SYSTEM_PALETTES)
def test_system_palettes_read_at_aa(name: str, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    """Following the system: its text and background, the theme's accents (or, in high
    contrast, the system's own colours only)."""
    high_contrast, base, text, link, highlight, highlighted, disabled = SYSTEM_PALETTES[name]
    monkeypatch.setattr(theme, "system_wants_high_contrast", lambda: high_contrast)
    palette = QPalette()
    for role, colour in zip((QPalette.ColorRole.Base, QPalette.ColorRole.Text, QPalette.ColorRole.Link,
                             QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText),
                            (base, text, link, highlight, highlighted), strict=True):  # fmt: skip
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(disabled))
    colours = current_theme(palette)
    expected = (
        Scheme.HIGH_CONTRAST
        if high_contrast
        else Scheme.DARK
        if QColor(base).lightness() < 128
        else Scheme.LIGHT
    )
    assert colours.scheme is expected
    assert (colours.page.text, colours.page.background) == (text, base)
    assert failing(colours.text_pairs(), AA_TEXT) == {}
    assert failing(colours.graphic_pairs(), AA_GRAPHICS) == {}


def test_paper_reads_at_aa() -> None:
    assert failing(PAPER.text_pairs(), AA_TEXT) == {}


def test_a_chosen_theme_repaints_the_open_page_and_keeps_its_marks(
    window: MainWindow, looks: Appearance
) -> None:
    window.open_node(PAGE_WITH_BANNER)
    pane = window.reading_pane
    pane.highlight_words(lambda text: [(m.start(), m.end()) for m in re.finditer("funciones", text)])
    marks = pane.search_mark_count
    assert _title_colour(window) == PAPER.title
    choose(looks, ThemeChoice.DARK)
    dark = theme.fixed_theme(Scheme.DARK)
    assert _title_colour(window) == dark.page.title
    assert pane.viewport().palette().color(QPalette.ColorRole.Base).name() == dark.page.background
    assert pane.search_mark_count == marks
    assert {s.format.background().color().name() for s in pane.extraSelections()} == {dark.search.background}
    choose(looks, ThemeChoice.HIGH_CONTRAST)
    assert _title_colour(window) == "#ffffff"
    assert _link_colours(window) == {"#ffff00"}
    choose(looks, ThemeChoice.SYSTEM)
    assert _title_colour(window) == PAPER.title


def test_following_the_system_repaints_when_its_palette_changes(
    window: MainWindow, looks: Appearance, qapp: QApplication
) -> None:
    """What Qt does when Windows switches to dark: a new application palette."""
    window.open_node(PAGE_WITH_BANNER)
    light = QStyleFactory.create("Fusion").standardPalette()
    qapp.setPalette(theme.scheme_palette(Scheme.DARK, light))
    qapp.processEvents()
    try:
        assert current_theme().scheme is Scheme.DARK
        assert _title_colour(window) == theme.fixed_theme(Scheme.DARK).page.title
    finally:
        qapp.setPalette(QPalette())
        qapp.processEvents()
    assert _title_colour(window) == PAPER.title


def _title_colour(window: MainWindow) -> str:
    block = window.reading_pane.document().begin()
    return block.begin().fragment().charFormat().foreground().color().name()


def test_the_theme_menu_is_remembered(
    make_window: Callable[..., MainWindow], looks: Appearance, data_dir: Path
) -> None:
    window = make_window()
    menu = window.view_menu.findChild(QMenu, "themeMenu")
    assert isinstance(menu, QMenu)
    labels = [a.text().replace("&", "") for a in menu.actions()]
    assert labels == ["Sistema", "Claro", "Oscuro", "Alto contraste"]
    assert [a.isChecked() for a in menu.actions()] == [True, False, False, False]
    menu.actions()[2].trigger()
    QApplication.processEvents()
    assert [a.isChecked() for a in menu.actions()] == [False, False, True, False]
    assert current_theme().scheme is Scheme.DARK
    window.close()
    choose(looks, ThemeChoice.SYSTEM)  # as a new start would find the system
    looks._settings.theme = "oscuro"
    looks._settings.sync()
    again = make_window(folder=data_dir)
    menu = again.view_menu.findChild(QMenu, "themeMenu")
    assert isinstance(menu, QMenu)
    assert menu.actions()[2].isChecked()
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() == "#1e1e1e"
    assert _title_colour(again) == theme.fixed_theme(Scheme.DARK).page.title


def test_timeline_and_organigrama_paint_in_the_theme(
    qtbot: QtBot, library: Library, window: MainWindow, looks: Appearance
) -> None:
    choose(looks, ThemeChoice.DARK)
    dark = theme.fixed_theme(Scheme.DARK)
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 520)
    panel.set_events(library.timeline().events)
    panel.show()
    qtbot.waitExposed(panel)
    image = panel.view.grab().toImage()
    insertion = panel.view.event_rect("decreto-163-2008#2")
    assert QColor(dark.kinds[EventKind.INSERTION]).rgb() in _colours_in(image, insertion)
    assert QColor(theme.fixed_theme(Scheme.LIGHT).kinds[EventKind.INSERTION]).rgb() not in _colours_in(
        image, insertion
    )
    dialog = OrgChartDialog()
    qtbot.addWidget(dialog)
    dialog.set_state(library.timeline().office_states(date(2009, 6, 30)), date(2009, 6, 30))
    dialog.show()
    chart = dialog.chart
    root = chart.box_rect(chart.boxes()[0])
    assert (
        chart.grab().toImage().pixel(root.left() + 4, root.center().y())
        == QColor(dark.org_root.background).rgb()
    )
    choose(looks, ThemeChoice.LIGHT)  # the legend's glyphs follow
    icon = panel.checkboxes[EventKind.INSERTION].icon().pixmap(16, 16).toImage()
    light = QColor(theme.fixed_theme(Scheme.LIGHT).kinds[EventKind.INSERTION]).rgb()
    assert light in _colours_in(icon, icon.rect())


def _colours_in(image: QImage, rect: QRect) -> set[int]:
    area = rect & image.rect()
    return {image.pixel(x, y) for x in range(area.left(), area.right() + 1)
            for y in range(area.top(), area.bottom() + 1)}  # fmt: skip


def _first_page(pdf: Path, tmp_path: Path) -> QImage:
    stem = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(pdf), str(stem)], check=True)
    image = QImage(str(next(tmp_path.glob(f"{pdf.stem}*.png"))))
    assert not image.isNull()
    return image


def _near(image: QImage, colour: str, tolerance: int = 40) -> int:
    """How many pixels are close to ``colour`` (anti-aliasing blurs the exact one)."""
    target = QColor(colour)
    count = 0
    for x in range(image.width()):
        for y in range(image.height()):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - target.red())
                + abs(pixel.green() - target.green())
                + abs(pixel.blue() - target.blue())
                <= tolerance
            ):
                count += 1
    return count


def _assert_light(image: QImage) -> None:
    corners = {image.pixelColor(x, y).name() for x, y in ((2, 2), (image.width() - 3, image.height() - 3))}
    assert corners == {"#ffffff"}
    assert _near(image, PAPER.title) > 20, "the title in paper's dark red"
    assert _near(image, theme.fixed_theme(Scheme.DARK).page.title) == 0


@pytest.mark.parametrize("choice", [ThemeChoice.DARK, ThemeChoice.HIGH_CONTRAST], ids=lambda c: c.value)
def test_pdf_and_printing_stay_light(
    window: MainWindow, looks: Appearance, tmp_path: Path, choice: ThemeChoice
) -> None:
    choose(looks, choice)
    assert window.library is not None
    plan = plan_export(window.library, ["mision"])
    _assert_light(_first_page(write_pdf(plan, tmp_path / "exportado.pdf"), tmp_path))
    printed = tmp_path / "impreso.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_device(printer, plan.paper)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    paint_plan(plan, printer)
    _assert_light(_first_page(printed, tmp_path))


# -- interface size --------------------------------------------------------------------------


def test_interface_size_scales_the_interface_not_the_text(
    make_window: Callable[..., MainWindow], looks: Appearance, data_dir: Path
) -> None:
    window = make_window()
    window.reading_pane.set_zoom(150)
    reading = window.reading_pane.document().defaultFont()
    tree = window.tree_view.font().pointSizeF()
    menu = window.view_menu.findChild(QMenu, "uiSizeMenu")
    assert isinstance(menu, QMenu)
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Normal (100 %)" in texts
    next(a for a in menu.actions() if a.text().replace("&", "") == "Más grande (130 %)").trigger()
    QApplication.processEvents()
    assert window.tree_view.font().pointSizeF() == pytest.approx(tree * 1.3)
    assert window.menuBar().font().pointSizeF() == pytest.approx(tree * 1.3)
    after = window.reading_pane.document().defaultFont()
    assert (after.family(), after.pointSizeF()) == (reading.family(), reading.pointSizeF())
    assert window.reading_pane.zoom == 150
    window.close()  # remembered
    looks.set_ui_size(100)
    looks._settings.ui_size = 130
    looks._settings.sync()
    again = make_window(folder=data_dir)
    QApplication.processEvents()
    assert again.tree_view.font().pointSizeF() == pytest.approx(tree * 1.3)


def test_focus_ring_follows_the_theme(window: MainWindow, looks: Appearance, qtbot: QtBot) -> None:
    choose(looks, ThemeChoice.HIGH_CONTRAST)
    window.tree_view.setFocus()
    qtbot.waitUntil(lambda: window.tree_view.hasFocus())
    app = QApplication.instance()
    assert app is not None
    rings = app.findChild(FocusRings, "focusRings")
    assert rings is not None
    ring = rings.ring_of(window.tree_view)
    assert ring is not None
    assert ring.colour().name() == "#1aebff"


def test_a_chosen_theme_holds_when_the_system_switches(
    window: MainWindow, looks: Appearance, qtbot: QtBot
) -> None:
    """Windows goes light (Qt says so by colorSchemeChanged): «Oscuro» chosen stays dark."""
    choose(looks, ThemeChoice.DARK)
    window.open_node(PAGE_WITH_BANNER)
    with qtbot.waitSignal(looks.changed):
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    QApplication.processEvents()
    assert current_theme().scheme is Scheme.DARK
    assert _title_colour(window) == theme.fixed_theme(Scheme.DARK).page.title


@pytest.mark.parametrize("choice", [ThemeChoice.DARK, ThemeChoice.HIGH_CONTRAST], ids=lambda c: c.value)
def test_the_organigrama_on_paper_stays_light(
    qtbot: QtBot, library: Library, window: MainWindow, looks: Appearance, choice: ThemeChoice
) -> None:
    """«Imprimir…» / «Exportar a PDF…» of the organigrama draw it again on a light palette: its
    caveat box and top box keep paper's colours under a chosen dark or high-contrast theme."""
    choose(looks, choice)
    day = date(2020, 6, 30)  # after the horizon: the caveat box is drawn
    currency, timeline = library.currency(), library.timeline()
    caveat = structure_caveat(currency, timeline.structure_changes(day), day) or ""
    assert caveat
    dialog = OrgChartDialog()
    qtbot.addWidget(dialog)
    dialog.set_state(timeline.office_states(day), day, org_chart_title(day, currency), caveat, currency)
    sheet = dialog.sheet()
    assert sheet is not None
    assert sheet.drawing is not None
    image = QImage(sheet.drawing.width, sheet.drawing.height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    sheet.drawing.paint(painter)
    painter.end()
    colours = _colours_in(image, image.rect())
    assert QColor(PAPER.banner_background).rgb() in colours
    assert QColor(theme.fixed_theme(Scheme.LIGHT).org_root.background).rgb() in colours
    dark = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if image.pixelColor(x, y).lightness() < 0x40)  # fmt: skip
    assert dark < 0.05 * (image.width() // 3) * (image.height() // 3), "text and lines only, no dark fill"


def _hard_coded_colours(source: str) -> list[str]:
    """Colour literals in a module: "#rrggbb" in a string, QColor("name"), Qt.GlobalColor.name
    (transparent aside)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found += re.findall(r"#[0-9a-fA-F]{6}\b", node.value)
        elif isinstance(node, ast.Call) and _name(node.func) == "QColor":
            found += [f'QColor("{a.value}")' for a in node.args if isinstance(a, ast.Constant)]
        elif (
            isinstance(node, ast.Attribute)
            and _name(node.value) == "GlobalColor"
            and node.attr != "transparent"
        ):
            found.append(f"Qt.GlobalColor.{node.attr}")
    return found


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def test_no_colour_is_hard_coded_outside_the_theme() -> None:
    """Every colour of the window comes from sgdesk/ui/theme.py (the contrast tests check it)."""
    folder = Path(theme.__file__).parent
    found = {path.name: colours for path in sorted(folder.glob("*.py")) if path.name != "theme.py"
             if (colours := _hard_coded_colours(path.read_text(encoding="utf-8")))}  # fmt: skip
    assert found == {}
    assert _hard_coded_colours('x = QColor("#1f3b5c"); y = QColor("white"); z = Qt.GlobalColor.red')


def test_every_tab_takes_the_new_theme(window: MainWindow, looks: Appearance) -> None:
    """Two norms side by side (#11.5): the tab behind is restyled too, and shows dark when raised."""
    window.open_node(PAGE_WITH_BANNER)
    behind = window.tabs.open_tab("decreto-163-2008", None, in_front=False)
    assert behind is not None
    choose(looks, ThemeChoice.DARK)
    dark = theme.fixed_theme(Scheme.DARK).page
    for reader in window.tabs.readers:
        pane = reader.view
        assert isinstance(pane, QTextBrowser)
        assert f"color: {dark.title}" in pane.document().defaultStyleSheet()
    window.tabs.widget.setCurrentWidget(behind.view)  # type: ignore[arg-type]
    QApplication.processEvents()
    assert _title_colour(window) == dark.title
