"""Vigencia honesta: after the corpus's horizon no view says «vigente al …» without the caveat.

The sweep runs dates from 2013 to 2030 through the library (plain text and HTML), the reading
pane, the PDF and the command line; the organigrama, «Comparar fechas», the status bar and
«Acerca de» are checked on the dates the issue names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, timedelta
from html import escape
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from sgdesk.cli import main as cli_main
from sgdesk.content.dates import PartialDate
from sgdesk.content.model import LaterChange
from sgdesk.export.common import format_day
from sgdesk.export.html import render_html
from sgdesk.export.pdf import write_pdf
from sgdesk.export.plaintext import render_text
from sgdesk.export.plan import plan_compendium, plan_export
from sgdesk.library import Library
from sgdesk.ui.compare_dialog import LATER_HEADING, CompareDialog
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.org_chart import OrgChartDialog

CAVEAT = "Texto con los cambios incorporados hasta 2012"
PAGES = ("mision", "decreto-267-2007/art-7", "decreto-267-2007", "acuerdo-257-2006", "funciones")
# Every 1 January and 30 June from 2013 to 2030, and the days around each later change.
SWEEP = sorted(
    {date(y, m, d) for y in range(2013, 2031) for m, d in ((1, 1), (6, 30))}
    | {date(2015, 11, 11), date(2015, 11, 12), date(2016, 12, 31), date(2021, 4, 15), date(2021, 4, 16),
       date(2024, 2, 28), date(2024, 12, 31)}
)  # fmt: skip


def _plain(html_or_text: str) -> str:
    """Text as a reader sees it (tags out, entities in, white space collapsed)."""
    from html import unescape

    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html_or_text)).split())


def assert_honest(text: str, day: date, body: str) -> None:
    """No «vigente al <day>» without the caveat, and the caveat before the text itself."""
    text = _plain(text)
    assert f"vigente al {format_day(day)}" not in text.lower(), day
    assert CAVEAT in text, day
    if body:
        assert text.index(CAVEAT) < text.index(_plain(body)[:40]), f"the caveat comes first ({day})"


def test_the_library_never_vouches_for_a_date_after_the_horizon(library: Library) -> None:
    for day in SWEEP:
        for node_id in PAGES:
            page = library.page(node_id, as_of=day)
            first_text = next((u.node.plain_text for u in page.units if u.node.plain_text), page.node.title)
            assert page.after_horizon
            assert_honest(render_text(page), day, first_text)
            assert_honest(render_html(page, currency=library.currency()), day, first_text)
        today = library.page("decreto-267-2007/art-7", today=day)  # today's text, seen on ``day``
        assert_honest(render_html(today), day, today.units[0].node.plain_text)


def test_up_to_the_horizon_the_text_is_the_one_in_force(library: Library) -> None:
    page = library.page("decreto-267-2007/art-7", as_of=date(2010, 6, 30))
    assert not page.after_horizon
    text = render_text(page)
    assert "Texto vigente al 30 de junio de 2010" in text
    assert CAVEAT not in text
    assert "Posiblemente modificada" not in text


def test_the_pane_says_so_first_on_every_date(window: MainWindow) -> None:
    field = window.point_in_time.bar.date_edit
    window.open_node("decreto-267-2007/art-7")
    for day in [d for d in SWEEP if d < date.today()][::3]:
        field.setDate(day)
        field.editingFinished.emit()
        assert window.point_in_time.day == day
        text = window.reading_pane.toPlainText()
        assert_honest(text, day, "Artículo 7º. Son funciones")
        if day >= date(2015, 11, 12):
            assert "Posiblemente modificada por el Decreto 456 de 2015" in text
            assert "Decreto 456 de 2015 (desde el 12 de noviembre de 2015)" in text.split("Artículo 7º.")[0]
        status = window.content_label.text()
        assert f"no verificado para el {format_day(day)}" in status
    window.point_in_time.bar.reset()  # today's text: the banner is there too, for today
    assert_honest(window.reading_pane.toPlainText(), date.today(), "Artículo 7º. Son funciones")


@pytest.mark.parametrize("day", [date(2013, 6, 30), date(2015, 11, 12), date(2021, 6, 30), date(2030, 1, 1)])
def test_the_pdf_says_so_on_its_first_page_and_its_closing_block(
    library: Library, tmp_path: Path, day: date
) -> None:
    from pypdf import PdfReader

    path = write_pdf(plan_export(library, ["decreto-267-2007/art-7"], as_of=day), tmp_path / "a.pdf")
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]
    assert_honest(pages[0], day, "Artículo 7º. Son funciones")
    whole = " ".join(pages)
    assert f"vigente al {format_day(day)}" not in whole.lower()
    closing = whole[whole.index("Vigencia del contenido") :]
    assert f"Texto con los cambios registrados hasta 2012, no verificado para el {format_day(day)}" in closing
    assert "Decreto 456 de 2015 (expedición: 10 de noviembre de 2015" in closing  # it concerns art. 7
    assert "Resolución 630 de 2024" not in closing  # misión y visión: not exported here
    assert "2012Fuente" not in whole.replace(" ", "")


def test_the_compendium_cover_and_closing_block(library: Library, tmp_path: Path) -> None:
    from pypdf import PdfReader

    day = date(2026, 12, 1)
    path = write_pdf(plan_compendium(library, today=day), tmp_path / "c.pdf")
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]
    cover = pages[0]
    whole = " ".join(pages)
    closing = whole[whole.index("Vigencia del contenido") :]
    assert f"{CAVEAT}: no se puede afirmar que sea el vigente el {format_day(day)}" in cover  # as the pane
    assert "Para esa fecha hay cambios conocidos que este contenido no incluye" in cover
    for norm in ("Decreto 456 de 2015", "Acuerdo 638 de 2016", "Decreto 140 de 2021", "Decreto 079 de 2024",
                 "Resolución 630 de 2024"):  # fmt: skip
        assert norm in cover
        assert norm in closing
    assert "Contenido con cambios hasta 2012, edición 1" in cover
    assert library.info.content_version not in " ".join(pages)  # the hash stays in «Acerca de»
    lines = [line.strip() for line in PdfReader(path).pages[-1].extract_text().splitlines()]
    assert any(line.startswith("Fuente:") for line in lines), "the source line starts its own line"


def test_the_cli_never_vouches_for_a_date_after_the_horizon(
    corpus_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for day in SWEEP:
        assert cli_main(["--database", str(corpus_db), "show", "decreto-267-2007/art-7",
                         "--as-of", day.isoformat()]) == 0  # fmt: skip
        assert_honest(capsys.readouterr().out, day, "Artículo 7º. Son funciones")
        assert cli_main(["--database", str(corpus_db), "show", "mision", "--as-of", day.isoformat(),
                         "--json"]) == 0  # fmt: skip
        data = json.loads(capsys.readouterr().out)
        assert data["after_horizon"] is True
        assert data["caveat"].startswith(CAVEAT)
        assert ("vigente al " + format_day(day)) not in json.dumps(data, ensure_ascii=False)
        if day < date(2024, 1, 1):
            expected = "vigente"
        elif day < date(2024, 12, 31):  # Resolución 630 de 2024 is known only to the year
            expected = "incierta"
        else:
            expected = "posiblemente_modificada"
        assert data["status"] == expected, day
        assert cli_main(["--database", str(corpus_db), "currency", "--as-of", day.isoformat()]) == 0
        assert_honest(capsys.readouterr().out.split("\n\n", 1)[1], day, "")


# -- the organigrama, «Comparar fechas», the status bar, «Acerca de» -------------------------------


def _org_chart(window: MainWindow, qtbot: QtBot, day: date) -> OrgChartDialog:
    field = window.point_in_time.bar.date_edit
    field.setDate(day)
    field.editingFinished.emit()
    window.commands.org_chart_action.trigger()
    dialog = window.findChild(OrgChartDialog, "orgChartDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_organigrama_names_the_later_structure_decrees_from_their_dates(
    window: MainWindow, qtbot: QtBot
) -> None:
    before = _org_chart(window, qtbot, date(2019, 6, 30))
    assert "Decreto 140 de 2021" not in before.chart.caveat
    assert "Decreto 140 de 2021" not in before.chart.accessibleDescription()
    assert before.chart.caveat.startswith(
        "Atención: este organigrama incorpora los cambios registrados hasta 2012"
    )
    assert (
        before.windowTitle()
        == "Organigrama con los cambios incorporados hasta 2012 (consulta para el 30 de junio de 2019)"
    )

    after = _org_chart(window, qtbot, date(2021, 6, 30))
    assert after.chart.caveat == (
        "Atención: el Decreto 140 de 2021 (desde el 16 de abril de 2021) modifica la estructura "
        "organizacional; este organigrama no incorpora esos cambios."
    )
    assert "Decreto 140 de 2021" in after.chart.accessibleDescription()
    today = _org_chart(window, qtbot, date(2025, 1, 1))
    assert "Decreto 140 de 2021" in today.chart.caveat
    assert "Decreto 079 de 2024 (desde el 28 de febrero de 2024)" in today.chart.caveat
    early = _org_chart(window, qtbot, date(2010, 6, 30))
    assert early.windowTitle() == "Organigrama al 30 de junio de 2010"
    assert early.chart.caveat == ""
    # the caveat is drawn above the boxes, not over them
    assert all(box.rect.top() > today.chart._caveat_rect.bottom() for box in today.chart.boxes())


def test_comparar_fechas_lists_the_later_changes_apart(library: Library, qtbot: QtBot) -> None:
    dialog = CompareDialog(
        library.timeline(), date(2011, 1, 1), date(2022, 1, 1), currency=library.currency()
    )
    qtbot.addWidget(dialog)
    assert len(dialog.lines()) == 2  # the two offices of 2012
    assert [line.split(" (")[0] for line in dialog.later_lines()] == [
        "Decreto 456 de 2015", "Acuerdo 638 de 2016", "Decreto 140 de 2021"]  # fmt: skip
    tops = [dialog.changes.topLevelItem(i).text(0) for i in range(dialog.changes.topLevelItemCount())]
    assert tops[-1] == LATER_HEADING
    dialog.show()
    qtbot.waitExposed(dialog)
    heading = dialog.changes.topLevelItem(dialog.changes.topLevelItemCount() - 1)
    last = heading.child(heading.childCount() - 1)  # short: one line, not the height of a narrow layout
    line = QFontMetrics(dialog.changes.font()).height()
    qtbot.waitUntil(lambda: dialog.changes.visualItemRect(last).height() < 3 * line)
    assert "incorpora los cambios hasta 2012" in dialog.summary.text()
    assert "3 cambio(s) posterior(es) conocido(s) en este intervalo se listan aparte" in dialog.summary.text()
    early = CompareDialog(
        library.timeline(), date(2008, 12, 31), date(2010, 12, 31), currency=library.currency()
    )
    qtbot.addWidget(early)
    assert early.later_lines() == []
    assert LATER_HEADING not in [
        early.changes.topLevelItem(i).text(0) for i in range(early.changes.topLevelItemCount())
    ]
    assert "incorpora los cambios hasta" not in early.summary.text()


def test_database_strings_in_the_banner_are_escaped(library: Library) -> None:
    hostile = LaterChange("decreto-1-2020", "Decreto 1 de 2020", "<b>Modifica</b> & <img src=x>",
                          PartialDate(2020), None, None, ("mision",))  # fmt: skip
    currency = library.currency()._replace(later=(hostile,))
    page = library.page("mision", as_of=date(2021, 1, 1))._replace(
        currency=currency, later_ids=frozenset({hostile.id}))  # fmt: skip
    html = render_html(page)
    assert "<b>Modifica</b>" not in html
    assert escape("<b>Modifica</b> & <img src=x>", quote=False) in html


def test_today_in_the_status_bar_and_acerca_de(
    window: MainWindow, make_window: Callable[..., MainWindow]
) -> None:
    from sgdesk.ui.dialogs import about_text

    label = window.content_label
    assert label.text().startswith("Contenido con cambios hasta 2012, edición 1 · no verificado para el")
    assert "5 cambio(s) posterior(es) conocido(s) sin incorporar" in label.text()
    assert "Decreto 079 de 2024" in label.toolTip()
    library = window.library
    assert library is not None
    about = about_text(library.info, library.currency(), date(2026, 12, 1))
    assert CAVEAT in about
    assert library.info.content_version in about  # the hash is here, for support
    assert "Resolución 630 de 2024" in about


def test_the_day_after_a_later_change_in_force_is_what_changes_the_mark(library: Library) -> None:
    day = date(2015, 11, 12)
    before = library.page("decreto-267-2007/art-7", as_of=day - timedelta(days=1))
    after = library.page("decreto-267-2007/art-7", as_of=day)
    assert {u.status.value for u in before.units} == {"vigente"}
    assert {u.status.value for u in after.units} == {"posiblemente_modificada"}


def test_comparar_fechas_opens_up_to_the_vigente_a_date(window: MainWindow, qtbot: QtBot) -> None:
    field = window.point_in_time.bar.date_edit
    field.setDate(date(2010, 6, 30))
    field.editingFinished.emit()
    window.commands.compare_action.trigger()
    dialog = window.point_in_time.compare_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert (dialog.first_edit.text(), dialog.second_edit.text()) == ("31/12/2007", "30/06/2010")
    assert dialog.later_lines() == []
    dialog.close()


def test_the_banner_details_what_touches_the_page_and_names_the_rest(library: Library) -> None:
    text = render_text(library.page("decreto-267-2007/art-7", as_of=date(2026, 12, 1)))
    banner = text.partition("Información General › Funciones")[0]
    assert "Cambios conocidos que afectan esta página" in banner
    assert "- Decreto 456 de 2015 (desde el 12 de noviembre de 2015) — Modifica parcialmente" in banner
    assert "- Resolución 630 de 2024" not in banner  # misión y visión: named, not detailed
    assert ("Otros cambios conocidos para esa fecha, que no tocan esta página: Acuerdo 638 de 2016, "
            "Decreto 140 de 2021, Decreto 079 de 2024, Resolución 630 de 2024") in banner  # fmt: skip
    mision = render_text(library.page("mision", as_of=date(2026, 12, 1)))
    assert "- Resolución 630 de 2024 (2024, fecha exacta no registrada) — Adopta una nueva misión" in mision


def test_the_banner_links_each_later_change_to_its_page(library: Library) -> None:
    html = render_html(library.page("decreto-267-2007/art-7", as_of=date(2026, 12, 1)))
    assert '<a href="sgdesk:posterior/decreto-456-2015">Decreto 456 de 2015</a> (desde el 12 de' in html
    assert "sgdesk:posterior/" not in render_html(
        library.page("mision", as_of=date(2026, 12, 1)), links=False
    )


def test_the_timeline_legend_has_an_entry_for_later_changes(window: MainWindow, qtbot: QtBot) -> None:
    window.show_panel("timelineDock")  # Ctrl+3
    qtbot.waitUntil(lambda: window.point_in_time.timeline_panel is not None)
    panel = window.point_in_time.timeline_panel
    assert panel is not None
    qtbot.waitUntil(lambda: len(panel.view.visible_event_ids()) == 17)
    box = panel.later_checkbox
    assert box.text() == "Posterior (no incorporado)"
    assert not box.icon().isNull()
    later = [i for i in panel.view.visible_event_ids() if i.startswith("posterior/")]
    assert sorted(later) == sorted(f"posterior/{c.id}" for c in window.library.currency().later)
    box.setChecked(False)
    qtbot.waitUntil(lambda: len(panel.view.visible_event_ids()) == 12)
    assert not any(i.startswith("posterior/") for i in panel.view.visible_event_ids())
    box.setChecked(True)
    qtbot.waitUntil(lambda: len(panel.view.visible_event_ids()) == 17)


def test_the_export_dialog_words_the_date_as_the_pane(library: Library, qtbot: QtBot) -> None:
    from sgdesk.ui.export_dialog import ExportDialog

    texts = []
    for day in (date(2010, 6, 30), date(2021, 6, 30), None):
        dialog = ExportDialog(library, "mision", as_of=day)
        qtbot.addWidget(dialog)
        texts.append(dialog.as_of_label.text())
    assert texts == [
        "al 30 de junio de 2010 (la fecha «Vigente a»)",
        "con los cambios incorporados hasta 2012; no verificado para el 30 de junio de 2021 "
        "(fecha «Vigente a»)",
        "el de hoy, con los cambios incorporados hasta 2012 (no verificado para hoy)",
    ]


def test_funciones_de_la_secretaria_says_so_first(library: Library) -> None:
    from sgdesk.library import FUNCTIONS_ARTICLE, FUNCTIONS_TITLE

    page = library.compiled(FUNCTIONS_ARTICLE, date(2026, 12, 1), FUNCTIONS_TITLE)
    html = render_html(page)
    assert_honest(html, date(2026, 12, 1), "Artículo 7º. Son funciones")
    assert "texto vigente en esa fecha" not in html
    assert "lo que rige según los cambios incorporados hasta 2012, con el origen de cada parte" in html
    assert len([u for u in page.units if u.status.value == "posiblemente_modificada"]) == 15  # art. 7, a–n
