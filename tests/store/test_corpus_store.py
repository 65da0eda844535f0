"""What the corpus store reads back from a database built from synthetic sources: the timeline's
events, the offices, the later changes and the nodes as the tree and the pages see them.

The synthetic corpus of ``tests/synthetic.py`` with its offices: a norm that creates an office
and renames another, and two later changes (one known to the day, one to the year)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import BlockKind, Change, EventKind, LaterChange, Node, NodeKind, Office
from sgdesk.store.corpus import DAMAGED_NODE, CorpusStore
from sgdesk.store.db import open_readonly
from tests import synthetic


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.build(tmp_path_factory.mktemp("corpus-store"), offices=True)


@pytest.fixture
def store(database: Path) -> Iterator[CorpusStore]:
    corpus = CorpusStore(open_readonly(database), database)
    yield corpus
    corpus.close()


def _node(store: CorpusStore, node_id: str) -> Node:
    node = store.node(node_id)
    assert node is not None
    return node


def test_the_events_come_back_as_the_sources_wrote_them(store: CorpusStore) -> None:
    events, dates = store.timeline_rows()
    by_id = {event.id: event for event in events}
    renaming = by_id["decreto-4-2006#2"]
    assert renaming.norm == "decreto-4-2006"
    assert renaming.norm_title == "Decreto 4 de 2006"
    assert renaming.kind is EventKind.RENAMING
    assert renaming.date == PartialDate(2006, 5, 10)
    renamed = Change("dependencia/oficina-a", "Oficina A de Prueba", "Oficina A Renombrada")
    assert renaming.changes == (renamed,)
    assert renaming.article == "decreto-4-2006/art-2"
    assert "Oficina A Renombrada" in renaming.summary
    repeal = by_id["decreto-2-2003#1"]
    assert (repeal.kind, repeal.date, repeal.changes) == (
        EventKind.REPEAL, PartialDate(2003, 7), (Change("decreto-1-2000/art-2"),)
    )  # fmt: skip
    assert repeal.summary != renaming.summary
    issuance = by_id["decreto-1-2000#0"]
    assert (issuance.kind, issuance.article) == (EventKind.ISSUANCE, None)
    # A norm's date: in force when known, else issued.
    assert dates["decreto-4-2006"] == PartialDate(2006, 5, 12)
    assert dates["decreto-3-2005"] == PartialDate(2005)


def test_offices_keep_their_parent_and_the_norm_that_created_them(store: CorpusStore) -> None:
    offices = store.offices()
    assert offices[0] == Office("dependencia/despacho", "Despacho de Prueba")
    assert offices[1:] == [
        Office("dependencia/oficina-a", "Oficina A de Prueba", "dependencia/despacho"),
        Office("dependencia/oficina-b", "Oficina B de Prueba", "dependencia/despacho", "decreto-4-2006"),
    ]


def test_later_changes_keep_every_field_and_unknown_dates_stay_unknown(store: CorpusStore) -> None:
    by_day, by_year = store.later_changes()
    assert by_day == LaterChange(
        "decreto-8-2010", "Decreto 8 de 2010", "Modifica el artículo 1 del Decreto 1 de 2000.",
        PartialDate(2010, 2, 3), PartialDate(2010, 2, 5), "Registro de Prueba 1",
        ("decreto-1-2000/art-1", "estructura"),
    )  # fmt: skip
    assert by_year == LaterChange(
        "acuerdo-9-2011", "Acuerdo 9 de 2011", "Cambio de prueba conocido por el año.", PartialDate(2011),
        None, None, ("mision",),
    )  # fmt: skip


def test_nodes_read_for_the_tree_and_for_a_page(store: CorpusStore) -> None:
    (root,) = store.children(None)
    assert (root.parent, root.norm, root.kind) == (None, None, NodeKind.SECTION)
    assert root.child_count == 2
    norm, article = _node(store, "decreto-1-2000"), _node(store, "decreto-1-2000/art-1")
    literal = _node(store, "decreto-1-2000/art-1/lit-b")
    assert (norm.parent, norm.norm, norm.kind) == ("funciones", "decreto-1-2000", NodeKind.NORM)
    assert (article.label, article.citation) == ("ARTÍCULO 1°.", "Decreto 001 de 2000, art. 1")
    assert (literal.parent, literal.position, literal.child_count) == ("decreto-1-2000/art-1", 1, 0)
    assert literal.plain_text == "Literal b de prueba."
    assert _node(store, "mision").label == ""
    # Light nodes (tree rows) carry no body but the start of their text.
    first, second = store.children("decreto-1-2000/art-1")[:2]
    assert (first.body, first.preview) == ((), "Literal a de prueba.")
    assert second.position == 1
    assert _node(store, "decreto-1-2000/art-1/lit-a").preview == ""  # a page's node: its body


def test_a_damaged_node_keeps_its_place_and_says_so(tmp_path: Path, database: Path) -> None:
    path = tmp_path / "damaged.db"
    path.write_bytes(database.read_bytes())
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE nodes SET body = 'no es json' WHERE id = 'decreto-1-2000/art-1/lit-b'")
        connection.execute("UPDATE nodes SET kind = 'capítulo' WHERE id = 'decreto-1-2000/art-2'")
    connection.close()
    store = CorpusStore(open_readonly(path), path)
    try:
        literal = store.node("decreto-1-2000/art-1/lit-b")
        assert literal is not None
        assert literal.kind is NodeKind.LITERAL  # a known kind stays
        assert [(b.kind, b.lines) for b in literal.body] == [(BlockKind.PARAGRAPH, (DAMAGED_NODE,))]
        assert (literal.position, literal.child_count) == (0, 0)
        article = store.node("decreto-1-2000/art-2")
        assert article is not None
        assert article.kind is NodeKind.SECTION  # an unknown kind: a plain section that says so
        assert article.plain_text == DAMAGED_NODE
        listed = {n.id: n.preview for n in store.children("decreto-1-2000")}
        assert listed["decreto-1-2000/art-2"] == DAMAGED_NODE
    finally:
        store.close()


@pytest.mark.parametrize("typed", ["decreto_1-2000/art-9", "decreto%/art-9", "decreto\\-1-2000/art-9"])
def test_wildcards_typed_in_an_id_are_plain_characters(store: CorpusStore, typed: str) -> None:
    # Candidates share the first segment literally; the top level is always offered.
    candidates = store.similar_ids(typed)
    assert "decreto-1-2000" in candidates
    assert not any(c.startswith("decreto-1-2000/") for c in candidates)
    assert any(c.startswith("decreto-1-2000/") for c in store.similar_ids("decreto-1-2000/art-9"))


def test_a_store_without_a_path_names_an_unknown_file(database: Path) -> None:
    store = CorpusStore(open_readonly(database))
    try:
        assert str(store.path) == "?"
    finally:
        store.close()
