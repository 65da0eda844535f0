"""#16: past the count cap, bm25 ranks the first RANK_SAMPLE matches only (bounded time on a
very common word). The rows past the sample are not ranked: removing the bound would put the
best of them first, and searching a million units would then rank every match."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sgdesk.library import Library
from sgdesk.store import search


def _matches_in_index_order(database: Path, library: Library, text: str) -> list[str]:
    (_, expression), *_ = library.fts_statements(text)
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT nodes.id FROM nodes_fts JOIN nodes ON nodes.pk = nodes_fts.rowid "
            "WHERE nodes_fts MATCH ? ORDER BY nodes_fts.rowid",
            (expression,),
        ).fetchall()
    return [node_id for (node_id,) in rows]


def test_only_the_first_matches_are_ranked_past_the_cap(
    corpus_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Library.open(corpus_db)
    try:
        matches = _matches_in_index_order(corpus_db, library, "politicas")
        best = library.search("politicas", limit=4).hits[0].node.id
        assert len(matches) == 16
        assert matches.index(best) >= 8, "the test needs a best row outside the sample"
    finally:
        library.close()

    monkeypatch.setattr(search, "COUNT_CAP", 5)
    monkeypatch.setattr(search, "RANK_SAMPLE", 8)
    library = Library.open(corpus_db)  # no plan kept from the uncapped search
    try:
        pages = [library.search("politicas", limit=4, offset=offset) for offset in (0, 4)]
    finally:
        library.close()
    assert all(page.sampled for page in pages)
    shown = [hit.node.id for page in pages for hit in page.hits]
    assert sorted(shown) == sorted(matches[:8])  # the sample, every row of it once
    assert best not in shown
