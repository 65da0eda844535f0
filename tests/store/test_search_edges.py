"""Edges of the search store that a user notices: filters apply to cited norms too, the total
and its cap, phrases matched through their stems, sampled ranking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sgdesk.content.query import SearchFilters
from sgdesk.library import Library
from sgdesk.store import search as store_search
from sgdesk.store.search import filter_expression


@pytest.fixture(scope="module")
def shared_library(corpus_db: Path) -> Iterator[Library]:
    library = Library.open(corpus_db)
    yield library
    library.close()


def test_filters_apply_to_the_cited_norm_too(shared_library: Library) -> None:
    cited = shared_library.search("decreto 267 de 2007")
    assert cited.hits[0].node.id == "decreto-267-2007"
    sections_only = shared_library.search("decreto 267 de 2007", SearchFilters(kinds=frozenset({"general"})))
    assert "decreto-267-2007" not in {h.node.id for h in sections_only.hits}
    assert sections_only.total == len(sections_only.hits)


def test_several_norm_types_are_alternatives() -> None:
    both = SearchFilters(norm_types=frozenset({"decreto", "acuerdo"}))
    assert filter_expression(both) == "facets : ((ztacuerdo OR ztdecreto))"
    assert filter_expression(SearchFilters(year_to=1801)) == "facets : ((zy1800 OR zy1801))"


def test_a_phrase_matches_through_its_stems(shared_library: Library) -> None:
    """ "politica general" is written "Políticas Generales": only the stems agree."""
    ids = {h.node.id for h in shared_library.search('"politica general"').hits}
    assert "politicas-generales" in ids


def test_the_total_is_capped_only_past_the_cap(
    shared_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    total = shared_library.search("secretaria", limit=1).total
    assert total > 3
    monkeypatch.setattr(store_search, "COUNT_CAP", total)
    exact = shared_library.search("secretaria", limit=1)
    assert (exact.total, exact.total_capped) == (total, False)
    monkeypatch.setattr(store_search, "COUNT_CAP", total - 1)
    capped = shared_library.search("secretaria", limit=1)
    assert (capped.total, capped.total_capped) == (total - 1, True)


def test_sampled_hits_are_best_first_with_positive_scores(
    shared_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_search, "COUNT_CAP", 5)
    monkeypatch.setattr(store_search, "RANK_SAMPLE", 12)
    results = shared_library.search("secretaria", limit=12)
    assert results.sampled
    scores = [h.score for h in results.hits if not h.cited]
    assert all(s > 0 for s in scores)
    assert scores == sorted(scores, reverse=True)
