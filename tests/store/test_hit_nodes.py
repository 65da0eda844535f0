"""A search hit's node is built without ``_node``'s conversions when its row has the shapes a
sound database gives; it must be the very node ``_node`` builds, and any other row must still
go through ``_node`` (a damaged value damages that node only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sgdesk.content.model import NodeKind
from sgdesk.store import corpus
from sgdesk.store.corpus import _HIT_COLUMNS, CorpusStore, _hit_node, _node
from sgdesk.store.db import open_readonly


def test_every_hit_node_of_the_shipped_corpus_is_the_one_node_builds(corpus_db: Path) -> None:
    store = CorpusStore(open_readonly(corpus_db), corpus_db)
    try:
        rows = store.connection.execute(f"SELECT {_HIT_COLUMNS} FROM nodes").fetchall()
        pks = [pk for (pk,) in store.connection.execute("SELECT pk FROM nodes")]
        found = store.hit_nodes(pks)
    finally:
        store.close()
    assert len(rows) == len(found) > 30
    assert [_hit_node(row) for row in rows] == [_node(row) for row in rows]
    assert any(row[7] is not None for row in rows)  # nodes without text: their body is decoded
    assert all(node.body == () for node, text in found.values() if text)


SOUND = ("decreto-1-2000/art-1", "decreto-1-2000", 3, "article", "Artículo 1", "Decreto 1 de 2000, art. 1",
         "ARTÍCULO 1°.", None, "decreto-1-2000", 2)  # fmt: skip


@pytest.mark.parametrize(
    "changed",
    [
        {},
        {1: None, 6: None, 8: None, 9: None},  # a root without label, norm or children
        {1: "", 6: "", 8: ""},  # empty texts where NULL is usual
        {2: "3"},  # a position stored as text
        {3: "bogus"},  # an unknown kind
        {3: None},
        {4: 7},  # a title stored as a number
        {0: 5},  # and an id, a parent, a citation, a label, a norm
        {1: 5},
        {5: 7},
        {6: 5},
        {8: 5},
        {9: "2"},
        {7: '[{"kind": "paragraph", "lines": ["Texto."]}]'},  # a body to decode
        {7: "no es JSON"},
    ],
)
def test_any_other_row_is_built_as_node_builds_it(changed: dict[int, object]) -> None:
    row = tuple(changed.get(index, value) for index, value in enumerate(SOUND))
    assert _hit_node(row) == _node(row)


def test_the_sound_row_is_the_node_it_says() -> None:
    node = _hit_node(SOUND)
    assert (node.id, node.parent, node.position, node.kind, node.norm, node.child_count, node.body) == (
        "decreto-1-2000/art-1", "decreto-1-2000", 3, NodeKind.ARTICLE, "decreto-1-2000", 2, ()
    )  # fmt: skip


@pytest.mark.parametrize("changed", [{}, {1: None, 6: None, 8: None, 9: None}, {1: "", 6: "", 8: ""}])
def test_a_sound_row_is_built_without_nodes_conversions(
    changed: dict[int, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shortcut is the point of ``_hit_node`` (a search builds 20 of these): a row with the
    shapes a sound database gives never goes through ``_node``."""
    converted: list[tuple[object, ...]] = []

    def counted(row: tuple[object, ...]) -> object:
        converted.append(row)
        return _node(row)

    monkeypatch.setattr(corpus, "_node", counted)
    row = tuple(changed.get(index, value) for index, value in enumerate(SOUND))
    node = _hit_node(row)
    assert converted == []
    assert node == _node(row)
