"""Pages on a "Vigente a" date, the compiled view, the statement of currency, exports.

The statuses and notes are checked on the synthetic corpus (tests/synthetic.py: literal c of
article 1 of Decreto 1 de 2000 is added in July 2003, day not recorded); a few end-to-end checks
stay on the shipped corpus (today's page, the compiled functions, the statement of currency)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from sgdesk.content.timeline import Status
from sgdesk.export.common import later_change_line
from sgdesk.export.html import END_ANCHOR, currency_html, render_html
from sgdesk.export.plaintext import render_text
from sgdesk.export.plan import plan_compendium, plan_export
from sgdesk.library import FUNCTIONS_ARTICLE, FUNCTIONS_TITLE, Library
from tests.synthetic import build

# A page some of whose units were not certainly in force on its date.
PARTS = "no todas sus partes estaban vigentes con certeza en esa fecha (se indica en cada una)"

ART_1 = "decreto-1-2000/art-1"
LIT_C = f"{ART_1}/lit-c"  # added in July 2003 (day not recorded)
ADDED = "Adicionado por el artículo 2 del Decreto 2 de 2003"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = Library.open(build(tmp_path_factory.mktemp("sintetico")))
    yield library
    library.close()


def test_units_not_in_force_keep_their_text_greyed_with_a_note(synthetic: Library) -> None:
    page = synthetic.page(ART_1, as_of=date(2003, 6, 30))
    html = render_html(page)
    assert f'<p class="asof">Texto al 30 de junio de 2003: {PARTS}</p>' in html
    lapsed = html[html.index('<div class="lapsed">') :]
    assert lapsed.index("Literal c de prueba, adicionado después.") < lapsed.index("</div>")
    assert '<p class="status">No vigente el 30 de junio de 2003</p>' in lapsed
    assert html.count('<div class="lapsed">') == 1
    text = render_text(page)
    assert "c. Literal c de prueba, adicionado después.\n[No vigente el 30 de junio de 2003]\n\n" in text
    # Added in July 2003: on a June date that has not happened, so it is no past fact to state.
    assert "Adicionado" not in text
    assert "Adicionado" not in html


def test_uncertain_units_say_so_and_are_not_greyed(synthetic: Library) -> None:
    page = synthetic.page(ART_1, as_of=date(2003, 7, 15))
    html = render_html(page)
    assert '<p class="status">Vigencia incierta: fecha exacta no registrada</p>' in html
    assert '<div class="lapsed">' not in html
    assert (
        f"[{ADDED} (julio de 2003, fecha exacta no registrada: pudo ser después del 15 de julio de 2003)]"
    ) in render_text(page)


def test_the_compiled_view_keeps_what_was_in_force_with_its_provenance(synthetic: Library) -> None:
    page = synthetic.compiled(ART_1, date(2003, 6, 30), "Compilación de prueba")
    assert page.title == "Compilación de prueba"
    assert [u.node.id.rsplit("-", 1)[1] for u in page.units[1:]] == ["a", "b"]
    assert {u.notes for u in page.units[1:]} == {("Texto original del Decreto 001 de 2000",)}
    later = synthetic.compiled(ART_1, date(2003, 7, 15), "Compilación de prueba")
    last = later.units[-1]
    assert (last.node.id, last.status) == (LIT_C, Status.UNCERTAIN)
    assert last.notes == (
        f"{ADDED} (julio de 2003, fecha exacta no registrada: pudo ser después del 15 de julio de 2003)",
    )
    settled = synthetic.compiled(ART_1, date(2003, 8, 1))
    assert settled.units[-1].notes == (ADDED,)


def test_events_open_where_they_changed_something(synthetic: Library) -> None:
    assert synthetic.event_location("decreto-2-2003#2") == ("decreto-1-2000", LIT_C)  # an addition
    assert synthetic.event_location("decreto-2-2003#1") == ("decreto-1-2000", "decreto-1-2000/art-2")
    assert synthetic.event_location("decreto-3-2005#1") == ("decreto-1-2000", None)  # a whole norm
    assert synthetic.event_location("decreto-1-2000#0") == ("decreto-1-2000", None)


def test_vigente_al_only_when_every_unit_on_the_page_was_certainly_in_force(synthetic: Library) -> None:
    """The line under the heading says «Texto vigente al …» only when the corpus vouches for every
    unit shown; otherwise it says what stands in the way (literal c: added in July 2003)."""
    line = "Texto vigente al 1 de agosto de 2003"
    assert f'<p class="asof">{line}</p>' in render_html(synthetic.page(ART_1, as_of=date(2003, 8, 1)))
    lines = {
        (LIT_C, date(2003, 6, 30)): "Texto al 30 de junio de 2003: no vigente en esa fecha",
        (LIT_C, date(2003, 7, 15)): "Texto al 15 de julio de 2003: vigencia incierta en esa fecha",
        (ART_1, date(2003, 7, 15)): f"Texto al 15 de julio de 2003: {PARTS}",
    }
    for (node, day), expected in lines.items():
        text = render_text(synthetic.page(node, as_of=day))
        assert text.splitlines()[1] == expected, (node, day)
        assert "vigente al" not in text.lower(), (node, day)


def test_an_export_on_a_date_says_so(synthetic: Library) -> None:
    day = date(2003, 7, 15)
    plan = plan_export(synthetic, [ART_1], as_of=day)
    assert plan.as_of == day
    assert plan.pages[0].as_of == day
    assert (
        f"texto al 15 de julio de 2003: {PARTS}, según los cambios registrados hasta 2005" in plan.source_line
    )
    today = plan_export(synthetic, [ART_1], today=date(2026, 12, 1))
    assert ("texto con los cambios registrados hasta 2005, no verificado para el 1 de diciembre de 2026"
            in today.source_line)  # fmt: skip
    assert "vigente al" not in today.source_line
    assert today.pages[0].as_of is None
    assert {p.as_of for p in plan_compendium(synthetic, as_of=day).pages} == {day}


# -- end to end, on the shipped corpus ----------------------------------------------------------


def test_todays_page_has_no_status_marks(library: Library) -> None:
    html = render_html(library.page(FUNCTIONS_ARTICLE))
    assert "asof" not in html
    assert "status" not in html
    assert "lapsed" not in html
    assert f'<p class="cite"><a name="{END_ANCHOR}">Cita: Decreto 267 de 2007, art. 7</a></p>' in html


def test_the_compiled_functions_of_the_secretaria(library: Library) -> None:
    page = library.compiled(FUNCTIONS_ARTICLE, date(2007, 12, 31), FUNCTIONS_TITLE)
    assert [u.node.id.rsplit("-", 1)[1] for u in page.units[1:]] == list("abcdefghijklm")
    html = render_html(page)
    assert html.startswith(f'<h1><a name="{FUNCTIONS_ARTICLE}">Funciones de la Secretaría General</a></h1>')
    assert "Compilación de" in html
    assert '<p class="asof">Texto vigente al 31 de diciembre de 2007</p>' in html


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
