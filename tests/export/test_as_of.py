"""Pages on a "Vigente a" date, the compiled functions, the statement of currency, exports."""

from __future__ import annotations

from datetime import date

from sgdesk.content.timeline import Status
from sgdesk.export.common import later_change_line
from sgdesk.export.html import END_ANCHOR, currency_html, render_html
from sgdesk.export.plaintext import render_text
from sgdesk.export.plan import plan_compendium, plan_export
from sgdesk.library import FUNCTIONS_ARTICLE, FUNCTIONS_TITLE, Library

LIT_N = f"{FUNCTIONS_ARTICLE}/lit-n"


def test_units_not_in_force_keep_their_text_greyed_with_a_note(library: Library) -> None:
    page = library.page(FUNCTIONS_ARTICLE, as_of=date(2007, 12, 31))
    html = render_html(page)
    assert '<p class="asof">Texto vigente al 31 de diciembre de 2007</p>' in html
    lapsed = html[html.index('<div class="lapsed">') :]
    assert lapsed.index("requiera el Despacho del Alcalde Mayor.") < lapsed.index("</div>")
    assert '<p class="status">No vigente el 31 de diciembre de 2007</p>' in lapsed
    assert html.count('<div class="lapsed">') == 1
    text = render_text(page)
    assert "[No vigente el 31 de diciembre de 2007]\n\n" in text
    # Added in 2008: on a 2007 date that has not happened, so it is no past fact to state.
    assert "Adicionado" not in text
    assert "Adicionado" not in html


def test_uncertain_units_say_so_and_are_not_greyed(library: Library) -> None:
    html = render_html(library.page(FUNCTIONS_ARTICLE, as_of=date(2008, 6, 30)))
    assert '<p class="status">Vigencia incierta: fecha exacta no registrada</p>' in html
    assert '<div class="lapsed">' not in html
    text = render_text(library.page(FUNCTIONS_ARTICLE, as_of=date(2008, 6, 30)))
    assert (
        "[Adicionado por el artículo 2 del Decreto 163 de 2008 (2008, fecha exacta no registrada: "
        "pudo ser después del 30 de junio de 2008)]"
    ) in text


def test_todays_page_has_no_status_marks(library: Library) -> None:
    html = render_html(library.page(FUNCTIONS_ARTICLE))
    assert "asof" not in html
    assert "status" not in html
    assert "lapsed" not in html
    assert f'<p class="cite"><a name="{END_ANCHOR}">Cita: Decreto 267 de 2007, art. 7</a></p>' in html


def test_compiled_functions_keep_what_was_in_force_with_its_provenance(library: Library) -> None:
    page = library.compiled(FUNCTIONS_ARTICLE, date(2007, 12, 31), FUNCTIONS_TITLE)
    assert page.title == FUNCTIONS_TITLE
    assert [u.node.id.rsplit("-", 1)[1] for u in page.units[1:]] == list("abcdefghijklm")
    assert {u.notes for u in page.units[1:]} == {("Texto original del Decreto 267 de 2007",)}
    later = library.compiled(FUNCTIONS_ARTICLE, date(2008, 6, 30), FUNCTIONS_TITLE)
    last = later.units[-1]
    assert (last.node.id, last.status) == (LIT_N, Status.UNCERTAIN)
    assert last.notes == (
        "Adicionado por el artículo 2 del Decreto 163 de 2008 (2008, fecha exacta no registrada: "
        "pudo ser después del 30 de junio de 2008)",
    )
    html = render_html(later)
    assert html.startswith(f'<h1><a name="{FUNCTIONS_ARTICLE}">Funciones de la Secretaría General</a></h1>')
    assert "Compilación de" in html


def test_events_open_where_they_changed_something(library: Library) -> None:
    assert library.event_location("decreto-163-2008#2") == ("decreto-267-2007", LIT_N)
    assert library.event_location("decreto-163-2008#1") == ("decreto-163-2008", None)  # an office
    assert library.event_location("decreto-267-2007#0") == ("decreto-267-2007", None)


def test_currency_lists_the_later_changes(library: Library) -> None:
    currency = library.currency()
    assert currency.as_of_text == "2012"
    lines = [later_change_line(c) for c in currency.later]
    assert lines[-1] == "Resolución 630 de 2024 (expedición: 2024) — Adopta una nueva misión y visión."
    html = currency_html(currency)
    assert html.startswith(
        '<p class="currency">Esta información incorpora los cambios registrados hasta 2012.'
    )
    assert html.count("<li>") == 5


def test_an_export_on_a_date_says_so(library: Library) -> None:
    day = date(2008, 6, 30)
    plan = plan_export(library, [FUNCTIONS_ARTICLE], as_of=day)
    assert plan.as_of == day
    assert plan.pages[0].as_of == day
    assert (
        "texto vigente al 30 de junio de 2008, según los cambios registrados hasta 2012" in plan.source_line
    )
    today = plan_export(library, [FUNCTIONS_ARTICLE], today=date(2026, 12, 1))
    assert ("texto con los cambios registrados hasta 2012, no verificado para el 1 de diciembre de 2026"
            in today.source_line)  # fmt: skip
    assert "vigente al" not in today.source_line
    assert today.pages[0].as_of is None
    assert {p.as_of for p in plan_compendium(library, as_of=day).pages} == {day}
