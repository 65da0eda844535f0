"""What «sgdesk db build» writes is what the app reads back: the synthetic corpus built inside
the test (so a mutation run checks every part of the build against it), then read through the
store and the library. From surviving mutants of store/build.py and store/schema.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import Change, EventKind, NodeKind
from sgdesk.content.query import SearchFilters
from sgdesk.content.sources import load_corpus
from sgdesk.content.timeline import Status
from sgdesk.errors import DatabaseError
from sgdesk.library import Library
from sgdesk.store.build import build_database
from sgdesk.store.db import check_database
from sgdesk.store.schema import SCHEMA_VERSION
from tests import synthetic

SYNONYMS = '[[synonyms]]\nforms = ["Oficina B de Prueba", "OBP"]\n'


def test_everything_built_is_read_back(tmp_path: Path) -> None:
    sources = synthetic.write_sources(tmp_path / "sources", offices=True)
    (sources / "sinonimos.toml").write_text(SYNONYMS, encoding="utf-8")
    corpus = load_corpus(sources)
    report = build_database(sources, tmp_path / "out" / "nuevo" / "corpus.db")  # folders made
    path = report.path
    assert path == tmp_path / "out" / "nuevo" / "corpus.db"
    assert (report.nodes, report.norms, report.events) == (19, 4, len(corpus.events))
    assert report.content_version == corpus.content_version
    assert sorted(p.name for p in path.parent.iterdir()) == ["corpus.db"]  # no «.part» left
    assert all(result.ok for result in check_database(path)), check_database(path)

    library = Library.open(path)
    try:
        info = library.info
        assert (info.schema_version, info.content_version, info.as_of, info.edition) == (
            SCHEMA_VERSION, corpus.content_version, "2006-05-10", 2)  # fmt: skip

        # Nodes: every field, in their order.
        literal = library.node("decreto-1-2000/art-1/lit-c")
        assert (literal.parent, literal.position, literal.kind, literal.title, literal.label) == (
            "decreto-1-2000/art-1", 2, NodeKind.LITERAL, "Literal c", "c.")  # fmt: skip
        assert literal.citation == "Decreto 001 de 2000, art. 1, lit. c"
        assert (literal.norm, literal.child_count) == ("decreto-1-2000", 0)
        assert literal.plain_text == "Literal c de prueba, adicionado después."
        assert [c.id for c in library.children("decreto-1-2000/art-1")] == [
            f"decreto-1-2000/art-1/lit-{x}" for x in "abc"]  # fmt: skip
        assert library.children("decreto-1-2000/art-1")[0].preview == "Literal a de prueba."

        # Norms, with both dates and their precision.
        norm = library.norm("decreto-4-2006")
        assert norm is not None
        assert (norm.type, norm.number, norm.year, norm.issuer) == (
            "decreto",
            "4",
            2006,
            "Alcalde Mayor de Bogotá",
        )
        assert (norm.issued, norm.in_force) == (PartialDate(2006, 5, 10), PartialDate(2006, 5, 12))
        assert norm.epigrafe == '"Crea una oficina y cambia el nombre de otra."'
        assert library.norm("decreto-3-2005").issued == PartialDate(2005)  # type: ignore[union-attr]

        # Events, their changes and notes, offices, later changes: as the sources say.
        timeline = library.timeline()
        by_id = {e.id: e for e in timeline.events}
        for event in corpus.events:
            read = by_id[event.id]
            assert (read.norm, read.kind, read.date, read.article, read.changes) == (
                event.norm, event.kind, event.date, event.article, event.changes)  # fmt: skip
        renaming = by_id["decreto-4-2006#2"]
        assert renaming.changes == (
            Change("dependencia/oficina-a", "Oficina A de Prueba", "Oficina A Renombrada"),
        )
        assert (
            renaming.summary == "Cambia la denominación de la Oficina A de Prueba por «Oficina A Renombrada»"
        )
        assert library.page("decreto-1-2000/art-1/lit-c").units[0].notes == (
            "Adicionado por el artículo 2 del Decreto 2 de 2003",)  # fmt: skip
        assert library.later_changes() == list(corpus.later_changes)
        assert timeline.offices == tuple(corpus.offices) or list(timeline.offices) == list(corpus.offices)
        assert [a.kind for a in library.page("decreto-4-2006").amendments] == [
            EventKind.CREATION, EventKind.RENAMING]  # fmt: skip
        assert library.statuses([literal], date(2003, 7, 15)) == {literal.id: Status.UNCERTAIN}

        # The index: titles, texts, stems, facets, the vocabulary and the synonyms.
        assert library.search("literal c").hits[0].node.id == literal.id  # by its title
        assert [h.node.id for h in library.search("adicionado después").hits] == [literal.id]  # its text
        assert library.search("pruebas").total == library.search("prueba").total == 9  # by the stem
        assert library.search("prueba", SearchFilters(kinds=frozenset({"norma"}))).total == 1  # facets
        in_2003 = library.search("deroga", SearchFilters(year_from=2003, year_to=2003)).hits
        assert {h.node.id for h in in_2003} == {"decreto-2-2003", "decreto-2-2003/art-1"}  # of 4
        assert library.search("prueva").suggestion == "prueba"  # the vocabulary
        assert library.search("prueb", prefix_last=True).total == 9  # completions
        assert library.search("PRUEBA").total == library.search("prúeba").total == 9  # case and accents
        obp = library.search("obp")
        assert [h.node.id for h in obp.hits] == ["decreto-4-2006/art-1"]  # the synonym's other form
        assert library.held_filters()[1] == frozenset({"decreto"})
    finally:
        library.close()


def test_a_folder_that_cannot_be_made_is_explained_and_nothing_is_left(tmp_path: Path) -> None:
    sources = synthetic.write_sources(tmp_path / "sources")
    blocker = tmp_path / "archivo"
    blocker.write_text("no es una carpeta", encoding="utf-8")
    with pytest.raises(DatabaseError) as caught:
        build_database(sources, blocker / "corpus.db")
    said = f"No se pudo escribir la base de datos en {blocker / 'corpus.db'}: "
    assert caught.value.message.startswith(said)
    assert caught.value.message != f"{said}None"
