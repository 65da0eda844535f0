"""Repeals and additions as a reader sees them, on the synthetic corpus (tests/synthetic.py): the
real corpus has no repeal. In July 2003 (day not recorded) Decreto 2 de 2003 repeals article 2
of Decreto 1 de 2000 (with its literals a and b) and adds literal c to its article 1; the whole
decree is repealed in 2005 (month and day not recorded)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from sgdesk.export.html import render_html
from sgdesk.export.plaintext import render_text
from sgdesk.library import Library
from tests.synthetic import build

NORM = "decreto-1-2000"
UNCERTAIN = "[Vigencia incierta: fecha exacta no registrada]"
REPEALED_ART = "Derogado por el artículo 1 del Decreto 2 de 2003"
ADDED_LIT = "Adicionado por el artículo 2 del Decreto 2 de 2003"
REPEALED_NORM = "Derogado por el artículo 1 del Decreto 3 de 2005"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("sintetico"))


@pytest.fixture(scope="module")
def synthetic(database: Path) -> Iterator[Library]:
    library = Library.open(database)
    yield library
    library.close()


def _lines(library: Library, day: str | None) -> dict[str, list[str]]:
    """The bracketed lines under each unit as the plain-text export writes them: «norma», «art1»,
    «art1 c»… (units with none are left out)."""
    text = render_text(library.page(NORM, as_of=date.fromisoformat(day) if day else None))
    found: dict[str, list[str]] = {}
    current, article = "norma", ""
    for line in text.splitlines():
        if heading := re.match(r"ARTÍCULO (\d)", line):
            current = article = f"art{heading[1]}"
        elif literal := re.match(r"([a-z])\. ", line):
            current = f"{article} {literal[1]}"
        elif line.startswith("["):
            found.setdefault(current, []).append(line)
    return found


def _statuses(library: Library, day: str) -> dict[str, list[str]]:
    return {
        u: s for u, lines in _lines(library, day).items() if (s := [x for x in lines if " por " not in x])
    }


def _notes(library: Library, day: str | None) -> dict[str, list[str]]:
    return {u: n for u, lines in _lines(library, day).items() if (n := [x for x in lines if " por " in x])}


def _nv(day: str) -> str:
    return f"[No vigente el {day}]"


ART_2 = ("art2", "art2 a", "art2 b")  # the repealed article and its literals
NORM_UNITS = ("norma", "art1", "art1 a", "art1 b", "art1 c")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2003-06-30", {"art1 c": [_nv("30 de junio de 2003")]}),
        ("2003-07-01", {"art1 c": [UNCERTAIN], **{u: [UNCERTAIN] for u in ART_2}}),
        ("2003-07-30", {"art1 c": [UNCERTAIN], **{u: [UNCERTAIN] for u in ART_2}}),
        ("2003-07-31", {u: [_nv("31 de julio de 2003")] for u in ART_2}),
        ("2004-12-31", {u: [_nv("31 de diciembre de 2004")] for u in ART_2}),
        ("2005-01-01", {**{u: [UNCERTAIN] for u in NORM_UNITS},
                        **{u: [_nv("1 de enero de 2005")] for u in ART_2}}),
        ("2005-12-31", {u: [_nv("31 de diciembre de 2005")] for u in NORM_UNITS + ART_2}),
    ],
)  # fmt: skip
def test_each_unit_says_its_status_at_the_boundaries(
    synthetic: Library, day: str, expected: dict[str, list[str]]
) -> None:
    """The repeal of an article reaches its literals, as the repeal of a norm reaches its units."""
    assert _statuses(synthetic, day) == expected


def _unsure(note: str, when: str, day: str) -> str:
    return f"[{note} ({when}, fecha exacta no registrada: pudo ser después del {day})]"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2003-06-30", {}),  # nothing had happened yet: no «Derogado por …» as a past fact
        ("2003-07-01", {"art1 c": [_unsure(ADDED_LIT, "julio de 2003", "1 de julio de 2003")],
                        "art2": [_unsure(REPEALED_ART, "julio de 2003", "1 de julio de 2003")]}),
        ("2003-07-30", {"art1 c": [_unsure(ADDED_LIT, "julio de 2003", "30 de julio de 2003")],
                        "art2": [_unsure(REPEALED_ART, "julio de 2003", "30 de julio de 2003")]}),
        ("2003-07-31", {"art1 c": [f"[{ADDED_LIT}]"], "art2": [f"[{REPEALED_ART}]"]}),
        ("2004-12-31", {"art1 c": [f"[{ADDED_LIT}]"], "art2": [f"[{REPEALED_ART}]"]}),
        ("2005-01-01", {"norma": [_unsure(REPEALED_NORM, "2005", "1 de enero de 2005")],
                        "art1 c": [f"[{ADDED_LIT}]"], "art2": [f"[{REPEALED_ART}]"]}),
        ("2005-12-31", {"norma": [f"[{REPEALED_NORM}]"], "art1 c": [f"[{ADDED_LIT}]"],
                        "art2": [f"[{REPEALED_ART}]"]}),
        (None, {"norma": [f"[{REPEALED_NORM}]"], "art1 c": [f"[{ADDED_LIT}]"],
                "art2": [f"[{REPEALED_ART}]"]}),  # today's text: every note
    ],
)  # fmt: skip
def test_notes_of_events_after_the_date_are_left_out_and_uncertain_ones_say_so(
    synthetic: Library, day: str | None, expected: dict[str, list[str]]
) -> None:
    assert _notes(synthetic, day) == expected


def test_a_repealed_article_keeps_its_text_and_literals_greyed_with_who_repealed_it(
    synthetic: Library,
) -> None:
    html = render_html(synthetic.page(NORM, as_of=date(2004, 1, 1)))
    lapsed = html[html.index('<div class="lapsed">') :]
    assert lapsed.index("Segundo artículo de prueba:") < lapsed.index("</div>")
    assert html.count('<div class="lapsed">') == 3  # the article and its two literals
    assert "Literal b del segundo artículo." in lapsed[lapsed.rindex('<div class="lapsed">') :]
    assert "Derogado por el artículo 1 del " in lapsed
    assert ">Decreto 2 de 2003</a>" in lapsed  # a link to the repealing norm
    assert "Decreto 3 de 2005" not in html  # its repeal of the whole decree came later


def test_the_compiled_view_leaves_out_a_repealed_articles_literals(synthetic: Library) -> None:
    page = synthetic.compiled(NORM, date(2004, 1, 1))
    ids = [u.node.id.removeprefix(f"{NORM}/") for u in page.units[1:]]
    assert ids == ["art-1", "art-1/lit-a", "art-1/lit-b", "art-1/lit-c"]
    before = synthetic.compiled(NORM, date(2003, 6, 30))
    assert [u.node.id.removeprefix(f"{NORM}/") for u in before.units[1:]] == [
        "art-1", "art-1/lit-a", "art-1/lit-b", "art-2", "art-2/lit-a", "art-2/lit-b"]  # fmt: skip
    # Not yet repealed that day: its text is the original one, with no «Derogado por …».
    assert {u.notes for u in before.units[1:]} == {("Texto original del Decreto 001 de 2000",)}


def test_show_as_of_says_the_same(database: Path) -> None:
    def show(*args: str) -> dict[str, object]:
        command = [sys.executable, "-m", "sgdesk", "--database", str(database), "show", *args, "--json"]
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=True)
        data: dict[str, object] = json.loads(result.stdout)
        return data

    literal = show(f"{NORM}/art-2/lit-a", "--as-of", "2003-07-31")
    assert (literal["status"], literal["reason"]) == ("no_vigente", "No vigente el 31 de julio de 2003")
    assert show(f"{NORM}/art-2/lit-a", "--as-of", "2003-06-30")["status"] == "vigente"
    assert show(NORM, "--as-of", "2003-06-30")["notes"] == []
    assert show(NORM, "--as-of", "2005-12-31")["notes"] == [REPEALED_NORM]
    assert show(NORM)["notes"] == [REPEALED_NORM]


@pytest.mark.parametrize(
    ("day", "status"),
    [("2003-06-30", "vigente"), ("2003-07-01", "incierta"), ("2003-07-30", "incierta"),
     ("2003-07-31", "no_vigente")],
)  # fmt: skip
def test_the_tree_marks_a_repealed_articles_literals(synthetic: Library, day: str, status: str) -> None:
    literals = synthetic.children(f"{NORM}/art-2")
    assert [n.id for n in literals] == [f"{NORM}/art-2/lit-a", f"{NORM}/art-2/lit-b"]
    statuses = synthetic.statuses(literals, date.fromisoformat(day))
    assert set(statuses.values()) == {status}
    assert synthetic.statuses(synthetic.children(f"{NORM}/art-1")[:2], date.fromisoformat(day)) == {
        f"{NORM}/art-1/lit-a": "vigente", f"{NORM}/art-1/lit-b": "vigente"}  # fmt: skip


def test_todays_text_greys_what_the_corpus_records_as_repealed(synthetic: Library) -> None:
    """Without a «Vigente a» date (today's text) a repeal the corpus records still counts: the
    repealed decree and its units are «No vigente», in the page and in the tree."""
    today = date(2026, 12, 1)
    page = synthetic.page(NORM, today=today)
    assert {u.node.id: u.status.value for u in page.units} == dict.fromkeys(
        (u.node.id for u in page.units), "no_vigente"
    )
    text = render_text(page)
    assert text.count("[No vigente el 1 de diciembre de 2026]") == len(page.units)
    assert '<div class="lapsed">' in render_html(page)

    from sgdesk.ui.as_of import status_lookup

    tree = status_lookup(synthetic, None)(synthetic.children(NORM))
    assert set(tree.values()) == {"no_vigente"}
