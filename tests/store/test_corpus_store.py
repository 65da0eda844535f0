"""What the corpus store reads back from a database built from synthetic sources: the timeline's
events, the offices, the later changes and the nodes as the tree and the pages see them.

The synthetic corpus of ``tests/synthetic.py`` with its offices: a norm that creates an office
and renames another, and two later changes (one known to the day, one to the year)."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import (
    Amendment,
    BlockKind,
    Change,
    EventKind,
    LaterChange,
    Node,
    NodeKind,
    Norm,
    Office,
)
from sgdesk.errors import DatabaseError
from sgdesk.store import db
from sgdesk.store.corpus import DAMAGED_NODE, CorpusStore
from sgdesk.store.db import open_readonly
from sgdesk.store.schema import SCHEMA_VERSION
from tests import synthetic
from tests.altered import altered_copy


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
    assert [n.preview for n in store.children("informacion-general")] == ["Texto de prueba de la misión.", ""]
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


def test_candidate_ids_share_the_first_segment_up_to_its_twelfth_letter(store: CorpusStore) -> None:
    assert "decreto-1-2000/art-1" in store.similar_ids("decreto/art-1/lit-a")  # «decreto…»
    assert "decreto-1-2000/art-1" in store.similar_ids("decreto-1-20X0/art-1")  # a typo after the 12th
    assert "decreto-1-2000/art-1" not in store.similar_ids("decretX-1-2000/art-1")


def test_a_store_without_a_path_names_an_unknown_file(database: Path) -> None:
    store = CorpusStore(open_readonly(database))
    try:
        assert str(store.path) == "?"
    finally:
        store.close()


def test_a_norm_and_what_it_does_to_other_units(store: CorpusStore) -> None:
    assert store.norm("decreto-4-2006") == Norm(
        "decreto-4-2006", "decreto", "4", 2006, "Alcalde Mayor de Bogotá", PartialDate(2006, 5, 10),
        '"Crea una oficina y cambia el nombre de otra."', PartialDate(2006, 5, 12),
    )  # fmt: skip
    assert _node(store, "decreto-3-2005").norm == "decreto-3-2005"
    assert store.norm("decreto-3-2005").in_force is None  # type: ignore[union-attr]
    assert store.norm("decreto-9-1999") is None
    creation, renaming = store.amendments_by("decreto-4-2006")
    assert creation == Amendment("decreto-4-2006#1", "decreto-4-2006", EventKind.CREATION,
                                 PartialDate(2006, 5, 10), "Crea la Oficina B de Prueba",
                                 ("dependencia/oficina-b",))  # fmt: skip
    assert (renaming.kind, renaming.targets) == (EventKind.RENAMING, ("dependencia/oficina-a",))
    (repeal, insertion) = store.amendments_by("decreto-2-2003")
    assert (repeal.kind, repeal.date, repeal.targets) == (EventKind.REPEAL, PartialDate(2003, 7),
                                                          ("decreto-1-2000/art-2",))  # fmt: skip
    assert insertion.targets == ("decreto-1-2000/art-1/lit-c",)


def test_provenance_notes_of_many_units_at_once(store: CorpusStore) -> None:
    lit_c = "decreto-1-2000/art-1/lit-c"
    many = [f"no-existe-{i}" for i in range(500)] + [lit_c] + [f"tampoco-{i}" for i in range(600)]
    expected = [("Adicionado por el artículo 2 del Decreto 2 de 2003", PartialDate(2003, 7))]
    assert store.notes_for(many)[lit_c] == expected  # read in chunks: once, not twice nor never
    assert store.notes_for([lit_c, "decreto-1-2000/art-2"]) == {
        lit_c: expected,
        "decreto-1-2000/art-2": [("Derogado por el artículo 1 del Decreto 2 de 2003", PartialDate(2003, 7))],
    }


def test_the_units_below_a_changed_unit_know_their_ancestors_up_to_it(tmp_path: Path, database: Path) -> None:
    store = CorpusStore(open_readonly(database), database)
    try:
        art_2 = "decreto-1-2000/art-2"
        assert store.ancestors_below_changed() == {f"{art_2}/lit-a": (art_2,), f"{art_2}/lit-b": (art_2,)}
    finally:
        store.close()
    deeper = altered_copy(
        database,
        tmp_path / "deeper.db",  # a unit placed under literal a of article 2
        "UPDATE nodes SET parent = 'decreto-1-2000/art-2/lit-a' WHERE id = 'decreto-1-2000/art-1/lit-a'",
    )
    store = CorpusStore(open_readonly(deeper), deeper)
    try:
        below = store.ancestors_below_changed()["decreto-1-2000/art-1/lit-a"]
        assert below == ("decreto-1-2000/art-2/lit-a", "decreto-1-2000/art-2")  # nearest first
    finally:
        store.close()


def _move(node_id: str, parent: str) -> str:
    return f"UPDATE nodes SET parent = '{parent}' WHERE id = '{node_id}'"


def test_breadcrumbs_of_deep_units_reach_the_root(tmp_path: Path, database: Path) -> None:
    # Chain every node under the one before it: the last is 18 levels deep.
    reference = CorpusStore(open_readonly(database), database)
    ids = [n.id for n in reference.all_nodes()]
    titles = {n.id: n.title for n in reference.all_nodes()}
    reference.close()
    chained = altered_copy(database, tmp_path / "deep.db", *(_move(b, a) for a, b in itertools.pairwise(ids)))
    store = CorpusStore(open_readonly(chained), chained)
    try:
        found = store.breadcrumbs([ids[-1], ids[2]])
        assert found == {ids[-1]: tuple(titles[i] for i in ids), ids[2]: tuple(titles[i] for i in ids[:3])}
        assert store.breadcrumbs([]) == {}
        pk = store.connection.execute("SELECT pk FROM nodes WHERE id = ?", (ids[-1],)).fetchone()[0]
        [(node, _)] = store.hit_nodes([pk]).values()
        assert node.id == ids[-1]
    finally:
        store.close()


def test_a_broken_tree_read_unit_by_unit_names_the_file_and_the_unit(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "FULL_CHECK_LIMIT", 0)  # too large to check at open: checked as read
    long_id = "decreto-1-2000/art-1/" + "x" * 100
    broken = altered_copy(
        database,
        tmp_path / "roto.db",
        _move("decreto-1-2000/art-1", "no-existe"),  # no root above it
        f"UPDATE nodes SET id = '{long_id}' WHERE id = 'decreto-1-2000/art-1/lit-b'",
        _move("decreto-1-2000/art-2", "decreto-1-2000/art-2/lit-a"),  # a cycle
    )
    store = CorpusStore(open_readonly(broken), broken)
    try:
        with pytest.raises(DatabaseError) as rootless:
            store.ancestors(long_id)
        assert str(broken) in rootless.value.message
        assert f"«decreto-1-2000/art-1/{'x' * 59}» está en un ciclo o sin raíz" in rootless.value.message
        with pytest.raises(DatabaseError) as cycle:
            store.descendants("decreto-1-2000/art-2")
        assert str(broken) in cycle.value.message
        assert "«decreto-1-2000/art-2» está en un ciclo" in cycle.value.message
    finally:
        store.close()


def test_a_unit_in_a_cycle_below_itself_is_named_in_eighty_characters(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "FULL_CHECK_LIMIT", 0)  # checked as read, not at open
    long_id = "decreto-1-2000/art-1/" + "x" * 100
    looped = altered_copy(
        database,
        tmp_path / "bucle.db",
        f"UPDATE nodes SET id = '{long_id}', parent = '{long_id}' WHERE id = 'decreto-1-2000/art-1/lit-b'",
    )
    store = CorpusStore(open_readonly(looped), looped)
    try:
        with pytest.raises(DatabaseError) as cycle:
            store.descendants(long_id)
    finally:
        store.close()
    assert f"«decreto-1-2000/art-1/{'x' * 59}» está en un ciclo" in cycle.value.message


@pytest.mark.parametrize(("edition", "read"), [(None, 1), ("dos", 1), ("3", 3)])
def test_the_edition_is_read_and_a_missing_or_bad_one_is_the_first(
    tmp_path: Path, database: Path, edition: str | None, read: int
) -> None:
    change = ("DELETE FROM meta WHERE key = 'edition'" if edition is None
              else f"UPDATE meta SET value = '{edition}' WHERE key = 'edition'")  # fmt: skip
    path = altered_copy(database, tmp_path / "edicion.db", change)
    store = CorpusStore(open_readonly(path), path)
    try:
        meta = store.meta()
        assert meta.edition == read
        assert (meta.schema_version, meta.as_of) == (SCHEMA_VERSION, "2006-05-10")
        assert len(meta.content_version) >= 8
    finally:
        store.close()
