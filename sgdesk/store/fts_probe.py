"""A second opinion for searches that find nothing: is the full-text index missing rows?

Damaged index pages can lose words without any error («funciones» finds nothing). When a
search finds nothing, the same FTS5 expression runs over a small index built in the temporary
database from the first rows of ``nodes`` (same tokenizer, same columns). If that finds
something, the shipped index is damaged. Built once per connection, on the first empty result.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from sgdesk.store.schema import FTS_TOKENIZE

PROBE_ROWS = 2_000  # a few tens of milliseconds to build; the whole shipped corpus


class IndexProbe:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._built = False
        self._terms: frozenset[str] = frozenset()  # every token of the probe index

    def finds(self, expression: str, needed: Iterable[Iterable[str]] = ()) -> bool:
        """Whether ``expression`` matches a row of the probe index. ``needed``: sets of tokens
        the expression requires one of each (its groups of plain words, with their stems; ASCII
        letters and digits only, tokens as the tokenizer keeps them). When a set has none of the
        probe's tokens, nothing can match and no query runs: most searches that find nothing
        are of words that exist, but not together, and the probe's rows rarely hold them all."""
        if not self._built:
            self._db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.sgdesk_probe USING "
                f"fts5(title, text, stems, facets, tokenize='{FTS_TOKENIZE}')"
            )
            self._db.execute("DELETE FROM temp.sgdesk_probe")
            self._db.execute(
                "INSERT INTO temp.sgdesk_probe SELECT title, text, stems, facets FROM nodes "
                "ORDER BY pk LIMIT ?",
                (PROBE_ROWS,),
            )
            # One segment, not the few the insert left: each search that asks costs a third less.
            self._db.execute("INSERT INTO temp.sgdesk_probe(sgdesk_probe) VALUES ('optimize')")
            self._db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.sgdesk_probe_terms "
                "USING fts5vocab(temp, sgdesk_probe, row)"
            )
            terms = self._db.execute("SELECT term FROM temp.sgdesk_probe_terms")
            self._terms = frozenset(row[0] for row in terms)
            self._built = True
        if any(self._terms.isdisjoint(tokens) for tokens in needed):
            return False
        row = self._db.execute(
            "SELECT 1 FROM temp.sgdesk_probe WHERE sgdesk_probe MATCH ? LIMIT 1", (expression,)
        ).fetchone()
        return row is not None
