"""Queries composed from the search grammar, through the store (FTS5) and the command line:
none may fail, and none may reach FTS5 unbounded (600 exclusions overflow its parser)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

from sgdesk.cli import main
from sgdesk.library import Library
from sgdesk.store import search as store_search
from tests.content.test_query_grammar import queries


@pytest.fixture(scope="module")
def shared_library(corpus_db: Path) -> Iterator[Library]:
    library = Library.open(corpus_db)
    yield library
    library.close()


@settings(deadline=None)  # examples: the profile (fewer under scripts/mutation.py)
@given(queries)
@example("o x")
@example("x o")
@example("-a " * 600)
@example("archivo " + "-a " * 600)
@example("archivo " + "o archivo " * 600)
@example('"' + "archivo " * 600)
@example("gest* " * 600)
@example("decreto 267 de 2007 -decreto o o -")
@example("gestión decreto 267 de 2007")  # the cited norm and two text hits: total was 2 for 3 hits
def test_generated_queries_search_without_failing(shared_library: Library, text: str) -> None:
    results = shared_library.search(text, limit=5)
    assert len(results.hits) <= 5
    assert results.total >= len(results.hits) or results.total_capped


@pytest.mark.parametrize(
    ("text", "found"),
    [("archivo " + "-zzz " * 600, True), ("o archivo", True), ("archivo o", True), ("o", False)],
)
def test_the_explicit_cases_give_answers(shared_library: Library, text: str, found: bool) -> None:
    assert bool(shared_library.search(text).hits) is found


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(queries)
@example("o x")
@example("-a " * 600)
def test_the_command_line_answers_every_generated_query(
    corpus_db: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    capsys.readouterr()
    # "--": a query may start with "-" (an exclusion), which argparse would take for an option.
    code = main(["--database", str(corpus_db), "search", "--limit", "3", "--json", "--", text])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert isinstance(json.loads(out.out), (list, dict))


def test_a_very_common_word_is_ranked_among_a_bounded_sample(
    shared_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past COUNT_CAP matches only the first RANK_SAMPLE rows (in index order) are ranked."""
    text = "secretaria"
    every = [hit.node.id for hit in shared_library.search(text, limit=500).hits]
    monkeypatch.setattr(store_search, "COUNT_CAP", 5)
    monkeypatch.setattr(store_search, "RANK_SAMPLE", 6)
    results = shared_library.search(text, limit=500)
    assert results.total_capped
    assert results.sampled
    assert len(results.hits) == 6
    best_unbounded = every[0]
    assert best_unbounded not in {hit.node.id for hit in results.hits}, "choose a word whose best hit is late"
