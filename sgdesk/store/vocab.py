"""The index's vocabulary (the ``vocab`` table ``db build`` reads from ``fts5vocab``) and the
synonym table: what «¿Quiso decir…?», prefix completion and synonyms need from the database."""

from __future__ import annotations

import sqlite3

from sgdesk.content.synonyms import SynonymTable, table_from_rows
from sgdesk.store.schema import STEMS, WORDS

# A prefix is searched as its most frequent completions, at most this many: «de» alone has
# thousands at 1M units, and FTS5 would merge all their doclists before the first row.
MAX_COMPLETIONS = 24


class VocabStore:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def completions(self, prefix: str, limit: int = MAX_COMPLETIONS) -> tuple[tuple[str, ...], bool]:
        """The most frequent indexed words that start with ``prefix`` (itself included), and
        whether there were more than ``limit``."""
        rows = self._db.execute(
            "SELECT term FROM vocab WHERE kind = ? AND term >= ? AND term < ? "
            "ORDER BY docs DESC, term LIMIT ?",
            (WORDS, prefix, prefix + "\U0010ffff", limit + 1),
        ).fetchall()
        return tuple(row[0] for row in rows[:limit]), len(rows) > limit

    def docs(self, word: str, stem: str) -> int:
        """Units with ``word`` in a title or text, plus those with its stem (an upper bound)."""
        rows = self._db.execute(
            "SELECT docs FROM vocab WHERE (kind = ? AND term = ?) OR (kind = ? AND term = ?)",
            (WORDS, word, STEMS, stem),
        )
        return sum(row[0] for row in rows)

    def word_docs(self, words: tuple[str, ...]) -> int:
        """Units with any of ``words`` in a title or text (an upper bound: a sum)."""
        if not words:
            return 0
        marks = ",".join("?" * len(words))
        row = self._db.execute(
            f"SELECT sum(docs) FROM vocab WHERE kind = ? AND term IN ({marks})", (WORDS, *words)
        ).fetchone()
        return int(row[0] or 0)

    def candidates(self, word: str, spread: int) -> list[tuple[str, int]]:
        """Words of titles and texts that start with ``word``'s letter and whose length is
        within ``spread`` of its own, with their unit counts (spelling suggestions)."""
        return self._db.execute(
            "SELECT term, docs FROM vocab WHERE kind = ? AND term >= ? AND term < ? "
            "AND length(term) BETWEEN ? AND ?",
            (WORDS, word[:1], word[:1] + "\U0010ffff", len(word) - spread, len(word) + spread),
        ).fetchall()

    def synonyms(self) -> SynonymTable:
        return table_from_rows(self._db.execute("SELECT entry, position, form FROM synonyms"))
