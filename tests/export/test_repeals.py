"""Repeals as a reader sees them, on the synthetic corpus (tests/synthetic.py): the real corpus
has none. Article 2 of Decreto 1 de 2000 is repealed in July 2003 (day not recorded); the whole
decree in 2005 (month and day not recorded)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from sgdesk.export.html import render_html
from sgdesk.export.plaintext import render_text
from sgdesk.library import Library
from tests.synthetic import build

NORM = "decreto-1-2000"
UNCERTAIN = "[Vigencia incierta: fecha exacta no registrada]"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = Library.open(build(tmp_path_factory.mktemp("sintetico")))
    yield library
    library.close()


def _units(library: Library, day: str) -> dict[str, list[str]]:
    """Each unit's status line as the plain-text export writes it ("" when none)."""
    text = render_text(library.page(NORM, as_of=date.fromisoformat(day)))
    found: dict[str, list[str]] = {}
    current = "norma"
    for line in text.splitlines():
        if line.startswith(("ARTÍCULO 1", "ARTÍCULO 2", "a. ", "b. ")):
            current = line.split(" ", 2)[0] + (line.split(" ", 2)[1] if line.startswith("ART") else "")
        elif line.startswith("[") and "Derogado" not in line:
            found.setdefault(current, []).append(line)
    return found


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2003-06-30", {}),
        ("2003-07-01", {"ARTÍCULO2°.": [UNCERTAIN]}),
        ("2003-07-30", {"ARTÍCULO2°.": [UNCERTAIN]}),
        ("2003-07-31", {"ARTÍCULO2°.": ["[No vigente el 31 de julio de 2003]"]}),
        ("2004-12-31", {"ARTÍCULO2°.": ["[No vigente el 31 de diciembre de 2004]"]}),
        ("2005-01-01", {"norma": [UNCERTAIN], "ARTÍCULO1°.": [UNCERTAIN], "a.": [UNCERTAIN],
                        "b.": [UNCERTAIN], "ARTÍCULO2°.": ["[No vigente el 1 de enero de 2005]"]}),
        ("2005-12-31", {"norma": ["[No vigente el 31 de diciembre de 2005]"],
                        "ARTÍCULO1°.": ["[No vigente el 31 de diciembre de 2005]"],
                        "a.": ["[No vigente el 31 de diciembre de 2005]"],
                        "b.": ["[No vigente el 31 de diciembre de 2005]"],
                        "ARTÍCULO2°.": ["[No vigente el 31 de diciembre de 2005]"]}),
    ],
)  # fmt: skip
def test_each_unit_says_its_status_at_the_boundaries(
    synthetic: Library, day: str, expected: dict[str, list[str]]
) -> None:
    assert _units(synthetic, day) == expected


def test_a_repealed_unit_keeps_its_text_greyed_with_who_repealed_it(synthetic: Library) -> None:
    html = render_html(synthetic.page(NORM, as_of=date(2004, 1, 1)))
    lapsed = html[html.index('<div class="lapsed">') :]
    assert lapsed.index("Segundo artículo de prueba.") < lapsed.index("</div>")
    assert html.count('<div class="lapsed">') == 1
    assert "Derogado por el artículo 1 del " in lapsed
    assert ">Decreto 2 de 2003</a>" in lapsed  # a link to the repealing norm
