"""An acronym finds its name written out with a few words between the name's words, not a
paragraph where they lie scattered (``query.Near``: two words in between per word of the name,
in all). Synthetic text, never legal text (session 8, #16: ``Near.distance`` was never tested)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sgdesk.library import Library
from sgdesk.store.build import build_database

# «Unidad … Gestión … Documental … Distrital»: the words between the first and the last of the
# name (the middle two of the name included) are counted in each paragraph.
PARAGRAPHS = {
    "escrito": "Boletín de la Unidad de Gestión Documental Distrital.",  # 2 between
    "ocho": "La Unidad de apoyo a la Gestión Documental del archivo Distrital.",  # 8 between
    "nueve": "La Unidad de apoyo para la Gestión Documental de cada archivo Distrital.",  # 9
    "lejos": "La Unidad revisa con cuidado la gestión documental de cada oficina del nivel distrital.",
    "desorden": "Distrital es la Unidad de Gestión Documental.",  # the words out of order: found too
}
GENERAL = (
    "id = \"informacion-general\"\ntitle = 'Información General'\n"
    + "".join(f"\n[[sections]]\nid = \"{key}\"\ntitle = 'Nota'\nparagraphs = ['{text}']\n"
              for key, text in PARAGRAPHS.items())
    + '\n[[sections]]\nid = "normas"\ntitle = \'Normas\'\nnorms = ["decreto-1-2020"]\n'
)  # fmt: skip
NORM = """
id = "decreto-1-2020"
type = "decreto"
number = "001"
year = 2020
issuer = "Alcalde Mayor de Bogotá"
issued = "2020"
epigrafe = '"Por el cual se ordena el boletín"'
summary = ['Ordena el boletín.']
"""
SYNONYMS = '[[synonyms]]\nforms = ["Unidad de Gestión Documental Distrital", "UGDD"]\n'


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    sources = tmp_path_factory.mktemp("near-sources")
    (sources / "informacion-general.toml").write_text(GENERAL, encoding="utf-8")
    (sources / "normas").mkdir()
    (sources / "normas" / "decreto-1-2020.toml").write_text(NORM, encoding="utf-8")
    (sources / "sinonimos.toml").write_text(SYNONYMS, encoding="utf-8")
    database = sources.parent / "near.db"
    build_database(sources, database)
    opened = Library.open(database)
    yield opened
    opened.close()


def test_the_acronym_finds_its_name_with_up_to_eight_words_between(library: Library) -> None:
    found = {hit.node.id for hit in library.search("UGDD").hits}
    assert found == {"escrito", "ocho", "desorden"}
