"""What a content pack reads of a corpus database, on the synthetic corpus (tests/synthetic.py):
the summary of what changed that `sgdesk pack build` prints, the facts a pack is stamped
with, and the checks an installed pack must pass."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sgdesk.errors import DatabaseError
from sgdesk.packs.build import summarize
from sgdesk.store import packing
from sgdesk.store.build import build_database
from sgdesk.store.schema import SCHEMA_VERSION
from tests.altered import altered_copy
from tests.synthetic import write_sources


def _built(folder: Path, change: tuple[str, str, str] | None = None) -> Path:
    """The synthetic corpus, with ``(file, old, new)`` replaced in one source file."""
    sources = write_sources(folder / "sources")
    if change is not None:
        name, old, new = change
        path = sources / name
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new), "utf-8")
    database = folder / "corpus.db"
    build_database(sources, database)
    return database


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _built(tmp_path_factory.mktemp("original"))


@pytest.mark.parametrize(
    ("change", "lines"),
    [
        (None, ["Sin cambios en las normas ni en las secciones."]),
        # only the month of Decreto 2 de 2003 changes: its events' dates, no text of it
        (("normas/decreto-2-2003.toml", 'issued = "2003-07"', 'issued = "2003-08"'),
         ["Normas modificadas: Decreto 2 de 2003."]),
        (("normas/decreto-1-2000.toml", "Literal b de prueba.", "Literal b, cambiado."),
         ["Normas modificadas: Decreto 001 de 2000."]),
        (("informacion-general.toml", "Texto de prueba de la misión.", "Otra misión."),
         ["Secciones modificadas: Misión."]),
    ],
)  # fmt: skip
def test_the_summary_names_what_changed_even_a_date_alone(
    tmp_path: Path, original: Path, change: tuple[str, str, str] | None, lines: list[str]
) -> None:
    assert summarize(original, _built(tmp_path, change)).lines() == lines


def test_the_facts_a_pack_is_stamped_with(tmp_path: Path, original: Path) -> None:
    """Schema, content version (the sources' hash until a pack stamps its own), horizon (the
    latest change the synthetic corpus incorporates: Decreto 3 de 2005, known by its year) and
    edition; the summary names the previous content version it compares with."""
    facts = packing.database_facts(original)
    assert (facts.schema_version, facts.as_of, facts.edition) == (SCHEMA_VERSION, "2005", 1)
    assert len(facts.content_version) == 12
    assert summarize(original, original).previous == facts.content_version
    stamped = tmp_path / "sellada.db"
    shutil.copyfile(original, stamped)
    packing.stamp_content_version(stamped, "2030.1", facts.content_version)
    assert packing.database_facts(stamped).content_version == "2030.1"
    assert summarize(stamped, original).previous == "2030.1"


def test_a_file_that_is_no_database_is_refused_with_sqlites_reason(tmp_path: Path) -> None:
    garbage = tmp_path / "basura.db"
    garbage.write_bytes(b"no es una base de datos" * 200)
    with pytest.raises(DatabaseError) as caught:
        packing.schema_version_of(garbage)
    assert caught.value.message == "la base de datos no se puede leer (file is not a database)"
    assert packing.integrity_problems(garbage) == ["file is not a database"]
    assert packing.fts_problems(garbage) == ["file is not a database"]


def test_a_broken_index_fails_the_integrity_check_with_its_first_five_problems(
    tmp_path: Path, original: Path
) -> None:
    assert packing.integrity_problems(original) == []
    broken = altered_copy(original, tmp_path / "rota.db", "PRAGMA writable_schema = ON",
                          "UPDATE sqlite_master SET rootpage = (SELECT rootpage FROM sqlite_master "
                          "WHERE name = 'idx_events_id') WHERE name = 'idx_nodes_id'")  # fmt: skip
    problems = packing.integrity_problems(broken)
    assert len(problems) == 5
    assert problems[1:] == [f"row {n} missing from index idx_nodes_id" for n in (1, 2, 3, 4)]
