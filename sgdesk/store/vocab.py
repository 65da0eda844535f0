"""The index's vocabulary (the ``vocab`` table ``db build`` reads from ``fts5vocab``) and the
synonym table: what «¿Quiso decir…?», prefix completion and synonyms need from the database."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from sgdesk.content.synonyms import SynonymTable, table_from_rows
from sgdesk.errors import DatabaseError
from sgdesk.store.schema import STEMS, WORDS, WRITTEN_COLUMNS, fts_phrase

_P = ParamSpec("_P")
_R = TypeVar("_R")
DAMAGED_VOCAB = "El índice de búsqueda está dañado; verifique la base con «sgdesk db check»."

# A prefix is searched as its most frequent completions, at most this many: «de» alone has
# thousands at 1M units, and FTS5 would merge all their doclists before the first row.
MAX_COMPLETIONS = 24


def _guarded(method: Callable[Concatenate[VocabStore, _P], _R]) -> Callable[Concatenate[VocabStore, _P], _R]:
    """A damaged file is a Spanish DatabaseError; an interrupted query (a newer search) stays
    an OperationalError for ``Library.search`` (see ``store.search.stopped``)."""

    @functools.wraps(method)
    def guarded(self: VocabStore, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_INTERRUPT":
                raise
            raise DatabaseError(DAMAGED_VOCAB) from exc
        except (sqlite3.DatabaseError, UnicodeDecodeError, ValueError, TypeError) as exc:
            raise DatabaseError(DAMAGED_VOCAB) from exc

    return guarded


# Unit counts kept per connection (the corpus never changes under it): a search asks for each
# of its words twice (bounding the count, then «¿Quiso decir…?»), and typing asks again at
# every key for the words already finished. A few hundred KB at most, then read afresh.
_DOCS_KEPT = 10_000


class VocabStore:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._docs: dict[tuple[str, str], int] = {}
        self._stem_docs: dict[str, int] = {}

    @_guarded
    def completions(self, prefix: str, limit: int | None = None) -> tuple[tuple[str, ...], bool]:
        """The most frequent indexed words that start with ``prefix`` (itself included), and
        whether there were more than ``limit`` (MAX_COMPLETIONS)."""
        limit = MAX_COMPLETIONS if limit is None else limit
        rows = self._db.execute(
            "SELECT term FROM vocab WHERE kind = ? AND term >= ? AND term < ? "
            "ORDER BY docs DESC, term LIMIT ?",
            (WORDS, prefix, prefix + "\U0010ffff", limit + 1),
        ).fetchall()
        return tuple(row[0] for row in rows[:limit]), len(rows) > limit

    def docs(self, word: str, stem: str) -> int:
        """Units with ``word`` in a title or text, plus those with its stem (an upper bound)."""
        found = self._docs.get((word, stem))
        if found is None:
            if len(self._docs) >= _DOCS_KEPT:
                self._docs.clear()
            found = self._docs[word, stem] = self._read_docs(word, stem)
        return found

    def stem_docs(self, stem: str) -> int:
        """Units whose stems hold ``stem``: exactly the rows ``stems : "stem"`` matches (for an
        ASCII stem of letters and digits, which the tokenizer keeps as it is), so a lower bound
        on the matches of a word with that stem. Kept per connection like ``docs``."""
        found = self._stem_docs.get(stem)
        if found is None:
            if len(self._stem_docs) >= _DOCS_KEPT:
                self._stem_docs.clear()
            found = self._stem_docs[stem] = self._read_stem_docs(stem)
        return found

    @_guarded
    def _read_stem_docs(self, stem: str) -> int:
        row = self._db.execute("SELECT docs FROM vocab WHERE kind = ? AND term = ?", (STEMS, stem)).fetchone()
        return int(row[0]) if row else 0

    @_guarded
    def _read_docs(self, word: str, stem: str) -> int:
        rows = self._db.execute(
            "SELECT docs FROM vocab WHERE (kind = ? AND term = ?) OR (kind = ? AND term = ?)",
            (WORDS, word, STEMS, stem),
        )
        return sum(row[0] for row in rows)

    @_guarded
    def word_docs(self, words: tuple[str, ...]) -> int:
        """Units with any of ``words`` in a title or text (an upper bound: a sum)."""
        if not words:
            return 0
        marks = ",".join("?" * len(words))
        row = self._db.execute(
            f"SELECT sum(docs) FROM vocab WHERE kind = ? AND term IN ({marks})", (WORDS, *words)
        ).fetchone()
        return int(row[0] or 0)

    @_guarded
    def words(self) -> list[tuple[str, int]]:
        """Every word of titles and texts with its unit count (spelling suggestions)."""
        rows = self._db.execute("SELECT term, docs FROM vocab WHERE kind = ?", (WORDS,)).fetchall()
        return [(str(term), int(docs)) for term, docs in rows]

    @_guarded
    def texts_with(self, word: str, limit: int = 8) -> list[str]:
        """Titles and texts of up to ``limit`` units that have ``word`` (folded) in a title or
        text: how the corpus spells a word the index keeps folded."""
        rows = self._db.execute(
            "SELECT title, text FROM nodes_fts WHERE nodes_fts MATCH ? LIMIT ?",
            (f"{WRITTEN_COLUMNS} : {fts_phrase(word)}", limit),
        ).fetchall()
        return [str(part) for row in rows for part in row if part]

    @_guarded
    def synonyms(self) -> SynonymTable:
        """The synonym table; rows a damaged page made unreadable are left out."""
        rows = self._db.execute("SELECT entry, position, form FROM synonyms").fetchall()
        table = table_from_rows(
            (e, p, f) for e, p, f in rows if isinstance(e, int) and isinstance(p, int) and isinstance(f, str)
        )
        table.forms  # noqa: B018 (built here, where a damaged value is an error in Spanish)
        return table
