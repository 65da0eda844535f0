"""The vocabulary and the second opinion on empty results, on the synthetic corpus (from
surviving mutants of store/vocab.py and store/fts_probe.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sgdesk.store.build import build_database
from sgdesk.store.db import open_readonly
from sgdesk.store.fts_probe import IndexProbe
from sgdesk.store.vocab import VocabStore
from tests import synthetic
from tests.altered import altered_copy

SYNONYMS = (
    '[[synonyms]]\nforms = ["Oficina B de Prueba", "OBP"]\n\n[[synonyms]]\nforms = ["literal", "inciso"]\n'
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("vocab")
    sources = synthetic.write_sources(folder / "sources", offices=True)
    (sources / "sinonimos.toml").write_text(SYNONYMS, encoding="utf-8")
    path = folder / "corpus.db"
    build_database(sources, path)
    return path


@pytest.fixture
def connection(database: Path) -> Iterator[sqlite3.Connection]:
    opened = open_readonly(database)
    yield opened
    opened.close()


def test_completions_are_the_most_frequent_words_up_to_a_limit(connection: sqlite3.Connection) -> None:
    vocab = VocabStore(connection)
    assert vocab.completions("pr") == (("prueba", "primer"), False)
    assert vocab.completions("pr", 1) == (("prueba",), True)  # more than asked for
    assert vocab.completions("pr", 2) == (("prueba", "primer"), False)  # exactly as many: no more


def test_the_texts_of_a_word_are_those_of_units_that_write_it(connection: sqlite3.Connection) -> None:
    """How «¿Quiso decir…?» learns the corpus's spelling of a folded word."""
    vocab = VocabStore(connection)
    assert vocab.texts_with("primer") == ["Artículo 1", "Primer artículo de prueba:"]  # title, text
    assert len(vocab.texts_with("prueba", 1)) == 2, "one unit: its title and its text"
    assert len(vocab.texts_with("prueba")) > 2
    assert vocab.texts_with("prueb") == [], "a stem is not a written word"
    assert vocab.texts_with('pru"eba') == [], "a quote stays inside the phrase (no FTS5 syntax error)"
    assert vocab.texts_with('primer"artículo') == vocab.texts_with("primer"), "read as FTS5 reads text"
    assert len(vocab.texts_with("de")) == 16 < len(vocab.texts_with("de", 100)), "8 units unless told"


def test_word_counts_add_up_and_unknown_words_count_nothing(connection: sqlite3.Connection) -> None:
    vocab = VocabStore(connection)
    prueba = vocab.word_docs(("prueba",))
    assert prueba > 0
    assert vocab.word_docs(("prueba", "literal")) == prueba + vocab.word_docs(("literal",))
    assert vocab.word_docs(("zzz",)) == 0
    assert vocab.word_docs(()) == 0


def test_a_stem_counts_exactly_the_units_its_stems_column_holds(
    connection: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """busq9 (#15.5): a search skips counting a word whose stem alone is in more units than the
    cap: that count must be the rows ``stems : "stem"`` matches, not more; read once, kept (up to
    a bound), and 0 for a stem the index lacks."""
    vocab = VocabStore(connection)
    for stem in ("prueb", "literal", "zzz"):
        (matched,) = connection.execute(
            "SELECT count(*) FROM nodes_fts WHERE nodes_fts MATCH ?", (f'stems : "{stem}"',)
        ).fetchone()
        assert vocab.stem_docs(stem) == matched
    assert vocab.stem_docs("prueb") > 0
    assert vocab.stem_docs("zzz") == 0
    reads: list[str] = []
    monkeypatch.setattr(VocabStore, "_read_stem_docs", lambda self, stem: reads.append(stem) or 7)
    monkeypatch.setattr("sgdesk.store.vocab._DOCS_KEPT", 3)
    fresh = VocabStore(connection)
    assert [fresh.stem_docs(s) for s in ("a", "b", "a", "c", "a", "d", "a")] == [7] * 7
    # kept until 3 are kept; the fourth empties the store first, so «a» is read again after it
    assert reads == ["a", "b", "c", "d", "a"]


def test_synonym_rows_a_damaged_page_garbled_are_left_out(tmp_path: Path, database: Path) -> None:
    garbled = altered_copy(database, tmp_path / "sinonimos.db",
                           "UPDATE synonyms SET entry = 'x' WHERE entry = 0 AND position = 0",
                           "UPDATE synonyms SET position = 'y' WHERE entry = 1 AND position = 0")  # fmt: skip
    connection = open_readonly(garbled)
    try:
        table = VocabStore(connection).synonyms()
        assert [entry.forms for entry in table.entries] == [("OBP",), ("inciso",)]
    finally:
        connection.close()


def test_the_probe_finds_what_the_corpus_holds_and_nothing_else(connection: sqlite3.Connection) -> None:
    probe = IndexProbe(connection)
    assert probe.finds('"prueba"')
    assert not probe.finds('"inexistente"')
    assert probe.finds('"literal"')  # built once, asked again
