"""Search results pinned: what ``Library.search`` returned before its fixed cost was cut
(session 5, #15.5), for a sample of queries, must stay exactly the same.

Two corpora: the shipped one (32 units: synonyms, real text) and a synthetic one of 3 000
provisions made by ``bench.synth`` with made-up words (long lists: the boost's read-ahead,
capped counts, prefixes with many completions). The sample is drawn like ``bench.search``'s
random-vocabulary list (fixed seed, words from the index's own vocabulary) plus as-you-type
sequences, citations, phrases, prefixes, exclusions, synonyms, typos, filters and second pages.

``expected/search_pinned.json`` was written by the code of main 355aa31 (before the change).
When a corpus or the ranking changes on purpose, rewrite it with
``SGDESK_WRITE_PINNED=1 pytest tests/test_search_pinned.py`` and say why in the commit.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import os
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import synth
from sgdesk import library as library_module
from sgdesk.content.query import Query, SearchFilters
from sgdesk.library import Hit, Library, SearchResults
from sgdesk.store import search as store_search
from sgdesk.store import vocab as vocab_module
from sgdesk.store.build import build_database

PINNED = Path(__file__).parent / "expected" / "search_pinned.json"
Sample = list[tuple[str, SearchFilters, int, bool]]  # text, filters, offset, typed as the panel sends it
Corpora = dict[str, tuple[Library, Sample]]
NORMS = SearchFilters(kinds=frozenset({"norma"}))
DECADE = SearchFilters(year_from=2000, year_to=2009)

FIXED: Sample = [
    (text, SearchFilters(), 0, False)
    for text in (
        "decreto 267 de 2007", "art 7 lit n", "acuerdo 257", "literal b", '"control interno"',
        '"gestion documental"', "co-responsabilidad publica", "TIC", "DDRI", "SG", "secretria general",
        "despacho o secretria", "xecretaria", "-gestion funciones", "funciones -gestion", "archiv*",
        "de", "de la", "la de el", "funciones", "secretaria general", "talento humano o victimas",
        "relaciones internacionales", "alta consejeria victimas",
    )
] + [
    ("funciones", SearchFilters(), 20, False),
    ("secretaria", SearchFilters(), 20, False),
    ("gestion", NORMS, 0, False),
    ("funciones", DECADE, 0, False),
    ("decreto 267 de 2007", NORMS, 0, False),
]  # fmt: skip
TYPED = ("gestion documental", "secretaria general", "funcion publ")


def vocabulary_sample(database: Path, count: int, seed: int) -> list[str]:
    """Queries of 1 to 3 words of the index's vocabulary, as bench.search draws them."""
    with sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT term, docs FROM vocab WHERE kind = 'w' ORDER BY term").fetchall()
    words = [(term, docs) for term, docs in rows if len(term) >= 3 and term.isalpha()]
    chooser = random.Random(seed)
    terms, weights = [t for t, _ in words], [d for _, d in words]
    queries = []
    for index in range(count):
        size = chooser.choice((1, 1, 2, 2, 3))
        picked = chooser.choices(terms, weights, k=size) if index % 2 else chooser.sample(terms, size)
        queries.append(" ".join(picked))
    return queries


def sample(database: Path, count: int, typed: tuple[str, ...]) -> Sample:
    found = [(text, SearchFilters(), 0, False) for text in vocabulary_sample(database, count, 15)]
    found += FIXED
    found += [
        (target[:end], SearchFilters(), 0, True) for target in typed for end in range(2, len(target) + 1)
    ]
    return found


def described(results: SearchResults) -> dict[str, object]:
    """Everything a user could notice: the page (node, score, citation mark, breadcrumb, the
    text a snippet is cut from, the first snippets), the count and what the panel says. The
    first hits are kept readable; every hit in full, as a digest."""
    details = [
        [
            repr(hit.node),
            f"{hit.score:.12g}",
            hit.cited,
            list(hit.path),
            hit.text,
            [list(p) for p in hit.snippet],
        ]
        for hit in results.hits
    ]
    return {
        "total": results.total,
        "capped": results.total_capped,
        "sampled": results.sampled,
        "suggestion": results.suggestion,
        "corrected_from": results.corrected_from,
        "bounded": list(results.bounded),
        "synonyms": [[use.typed, *use.also] for use in results.query.synonyms],
        "first": " ".join(f"{hit.node.id}:{hit.score:.6g}" for hit in results.hits[:5]),
        "hits": len(results.hits),
        "details": hashlib.sha256(json.dumps(details, ensure_ascii=False).encode()).hexdigest()[:16],
    }


def key(text: str, filters: SearchFilters, offset: int, typing: bool) -> str:
    parts = [text, f"offset={offset}", f"typing={typing}"]
    if filters.active:
        parts.append(repr(filters))
    return " | ".join(parts)


def run(library: Library, queries: Sample) -> dict[str, dict[str, object]]:
    return {
        key(text, filters, offset, typing): described(
            library.search(text, filters, 20, offset, prefix_last=typing)
        )
        for text, filters, offset, typing in queries
    }


def made_up_words(count: int = 3000, seed: int = 5) -> tuple[list[str], list[float]]:
    """Words of 2 to 4 syllables with Zipf weights (cumulative), in place of wordfreq's list."""
    chooser = random.Random(seed)
    syllables = [c + v for c in "bcdfglmnprstv" for v in "aeiou"]
    words = sorted(
        {"".join(chooser.choice(syllables) for _ in range(chooser.randint(2, 4))) for _ in range(2 * count)}
    )
    chooser.shuffle(words)
    words = words[:count]
    return words, list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pinned")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(synth, "vocabulary", made_up_words)
        synth.generate(3000, folder / "sources", seed=0)
    build_database(folder / "sources", folder / "corpus.db")
    return folder / "corpus.db"


@pytest.fixture(scope="module")
def corpora(corpus_db: Path, synthetic_db: Path) -> Iterator[Corpora]:
    shipped, synthetic = Library.open(corpus_db), Library.open(synthetic_db)
    yield {
        "shipped": (
            shipped,
            sample(corpus_db, 80, ("gestion documental", "secretaria general", "funcion publ")),
        ),
        "synthetic": (synthetic, sample(synthetic_db, 50, ("gestion documental", "decreto"))),
    }
    shipped.close()
    synthetic.close()


def found_in(corpora: Corpora) -> dict[str, dict[str, dict[str, object]]]:
    """Each corpus's results, and the synthetic one's again with caps low enough for 3 000
    provisions: counts stop at 300 and very common words are ranked among their first 600
    matches (what 10 000 and 20 000 do at 1M units)."""
    found = {name: run(library, queries) for name, (library, queries) in corpora.items()}
    library, queries = corpora["synthetic"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store_search, "COUNT_CAP", 300)
        patch.setattr(store_search, "RANK_SAMPLE", 600)
        found["synthetic, capped at 300"] = run(library, queries)
    return found


def test_search_results_are_the_pinned_ones(corpora: Corpora) -> None:
    found = found_in(corpora)
    if os.environ.get("SGDESK_WRITE_PINNED"):
        PINNED.write_text(
            json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
    expected = json.loads(PINNED.read_text(encoding="utf-8"))
    assert sorted(found) == sorted(expected)
    for name, results in found.items():
        assert sorted(results) == sorted(expected[name])
        for query, result in results.items():
            assert result == expected[name][query], f"{name}: {query}"


def test_the_sample_reaches_past_the_page_and_finds_nothing_too(corpora: Corpora) -> None:
    """The sample is worth pinning: long lists (the boost's read-ahead), capped counts and
    sampled rankings, empty results, suggestions and corrections, cited units, bounded prefixes."""
    found = found_in(corpora)
    results = [result for results in found.values() for result in results.values()]
    assert sum(r["total"] > 60 for r in results) >= 30  # type: ignore[operator]
    assert sum(bool(r["capped"]) for r in results) >= 10
    assert sum(bool(r["sampled"]) for r in results) >= 3
    assert sum(r["total"] == 0 for r in results) >= 3
    assert sum(r["suggestion"] is not None for r in results) >= 3
    assert any(r["corrected_from"] for r in results)
    assert any(r["bounded"] for r in results)


def test_what_a_library_keeps_between_searches_never_changes_a_result(
    corpora: Corpora, synthetic_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hit nodes, breadcrumbs, word counts, texts understood and search plans are kept between searches, up
    to a bound; past it they are read afresh. With bounds of a few entries (cleared at nearly
    every search), every result is still the pinned one, and a breadcrumb kept before a
    clearing is not lost."""
    monkeypatch.setattr(library_module, "_HITS_KEPT", 25)
    monkeypatch.setattr(library_module, "_READINGS_KEPT", 3)
    monkeypatch.setattr(library_module, "_PLANS_KEPT", 1)
    monkeypatch.setattr(library_module, "_PATHS_KEPT", 3)
    monkeypatch.setattr(vocab_module, "_DOCS_KEPT", 2)
    expected = json.loads(PINNED.read_text(encoding="utf-8"))["synthetic"]
    _, queries = corpora["synthetic"]
    library = Library.open(synthetic_db)
    try:
        for _ in range(2):  # the second time, much of what is asked for was kept
            found = run(library, queries)
            assert [q for q in found if found[q] != expected[q]] == []
    finally:
        library.close()


def test_a_hit_built_the_fast_way_is_the_dataclass_one(corpora: Corpora) -> None:
    """``Hit.of_corpus`` skips the frozen dataclass's ``__init__``: it must set every field (a
    field added later must be added there too) and give an equal, hashable, frozen hit."""
    library, _ = corpora["shipped"]
    (found, *_) = library.search("funciones").hits
    args = (found.node, found.path, found.score, found.cited, found.text, found.matcher)
    fast, slow = Hit.of_corpus(*args), Hit(*args)  # type: ignore[arg-type]
    assert vars(fast) == vars(slow)
    assert set(vars(fast)) == {f.name for f in dataclasses.fields(Hit)}
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert fast.snippet == slow.snippet
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.score = 0.0  # type: ignore[misc]


def test_results_and_queries_built_the_fast_way_are_the_dataclass_ones(corpora: Corpora) -> None:
    """``SearchResults.of_search`` and ``Query.of_parse`` skip the frozen dataclasses'
    ``__init__`` (busqueda6): every field set, equal, hashable where the dataclass is, frozen."""
    library, _ = corpora["shipped"]
    results = library.search("funciones tic -paz", limit=3)
    query = results.query
    assert query.synonyms  # the fields are not all defaults
    assert query.excluded
    assert query.words
    slow_query = Query(*(getattr(query, f.name) for f in dataclasses.fields(Query)))
    fast_query = Query.of_parse(*(getattr(query, f.name) for f in dataclasses.fields(Query)))
    assert vars(fast_query) == vars(slow_query) == vars(query)
    assert set(vars(fast_query)) == {f.name for f in dataclasses.fields(Query)}
    assert fast_query == slow_query
    assert hash(fast_query) == hash(slow_query)
    args = (query, results.hits, results.total, results.total_capped, 0, results.sampled, results.bounded)
    fast = SearchResults.of_search(*args)
    assert vars(fast) == vars(SearchResults(*args[:6], bounded=results.bounded)) == vars(results)
    assert set(vars(fast)) == {f.name for f in dataclasses.fields(SearchResults)}
    for built in (fast, fast_query):
        with pytest.raises(dataclasses.FrozenInstanceError):
            built.text = ""  # type: ignore[union-attr]
