"""Full-text search over the corpus: our own FTS5 expressions, ranked with bm25.

User text never reaches MATCH: ``content.query`` parses it, and this module writes every
word as a double-quoted FTS5 string (the parser keeps only letters and digits in words).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sgdesk.content.citations import Citation, slug
from sgdesk.content.query import Clause, Phrase, Query, SearchFilters
from sgdesk.content.stemming import stem
from sgdesk.errors import SgdeskError
from sgdesk.store.fts_probe import IndexProbe
from sgdesk.store.schema import BM25_WEIGHTS

COUNT_CAP = 10_000  # totals above this are reported as "más de 10 000"
# Past COUNT_CAP matches, bm25 over every match is slow (0.7 s at 1M provisions for a very
# common term): rank only this many candidates, and say so.
RANK_SAMPLE = 20_000
CITED_LIMIT = 20
_EXACT = "{title text}"

KIND_GROUPS = {"general": ("zksec",), "norma": ("zknorm",), "disposicion": ("zkart", "zklit")}
# Every indexed row has one of these: an index that finds none of them has lost its contents.
EVERY_ROW = "facets : (" + " OR ".join(t for tokens in KIND_GROUPS.values() for t in tokens) + ")"
DAMAGED = "El índice de búsqueda está dañado{detail}; verifique la base con «sgdesk db check»."


class SearchError(SgdeskError):
    """A query SQLite refused, explained in Spanish."""


@contextmanager
def interruptible() -> Iterator[None]:
    """Around a whole search: a query stopped by a newer one becomes a SearchError."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        raise SearchError(f"Búsqueda interrumpida: {exc}") from exc


@dataclass(frozen=True)
class RawHits:
    cited: tuple[int, ...]  # node pks a citation in the query names, in order
    ranked: tuple[tuple[int, float], ...]  # (pk, score) best first, the cited ones left out
    total: int
    total_capped: bool
    sampled: bool = False  # ranked among the first RANK_SAMPLE matches only (very common terms)


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _clause(clause: Clause) -> str:
    if isinstance(clause, Phrase):
        exact = _quote(" ".join(clause.words))
        stems = _quote(" ".join(stem(w) for w in clause.words))
        return f"({_EXACT} : {exact} OR stems : {stems})"
    if clause.prefix:
        return f"{_EXACT} : {_quote(clause.word)}*"
    return f"({_EXACT} : {_quote(clause.word)} OR stems : {_quote(clause.stem)})"


def text_expression(query: Query) -> str | None:
    """The FTS5 expression for the words of ``query``; None when it has none."""
    if not query.groups:
        return None
    expression = " AND ".join("(" + " OR ".join(_clause(c) for c in group) + ")" for group in query.groups)
    for clause in query.excluded:
        expression = f"({expression}) NOT {_clause(clause)}"
    return expression


def filter_expression(filters: SearchFilters) -> str | None:
    parts = []
    if filters.kinds:
        tokens = sorted(t for kind in filters.kinds for t in KIND_GROUPS.get(kind, ()))
        parts.append("(" + " OR ".join(tokens or ["zknone"]) + ")")
    if filters.norm_types:
        parts.append("(" + " OR ".join(f"zt{slug(t)}" for t in sorted(filters.norm_types)) + ")")
    if filters.year_from or filters.year_to:
        first, last = filters.year_from or 1800, filters.year_to or 2100
        if last < first:
            first, last = last, first
        parts.append("(" + " OR ".join(f"zy{y}" for y in range(first, last + 1)) + ")")
    return f"facets : ({' AND '.join(parts)})" if parts else None


def citation_expression(citation: Citation) -> str:
    tokens = []
    if citation.literal:
        tokens += ["zklit", f"zl{citation.literal}"]
    elif citation.article:
        tokens.append("zkart")
    elif citation.norm_type:
        tokens.append("zknorm")
    if citation.article:
        tokens.append(f"za{citation.article}")
    if citation.norm_type:
        tokens.append(f"zt{slug(citation.norm_type)}")
    if citation.number is not None:
        tokens.append(f"zn{citation.number}")
    if citation.year:
        tokens.append(f"zy{citation.year}")
    return f"facets : ({' AND '.join(tokens)})"


def _and(*parts: str | None) -> str | None:
    present = [f"({p})" for p in parts if p]
    return " AND ".join(present) if present else None


def _with_citation(text: str, query: Query, filters_sql: str | None) -> str:
    """Cited nodes are listed beside the text matches: the total counts both, once each."""
    if query.citation is None:
        return text
    return f"({text}) OR ({_and(citation_expression(query.citation), filters_sql)})"


class SearchStore:
    """Runs searches on one connection (the caller keeps it on one thread)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._answers = False  # the index was seen to find rows (see _index_answers)
        self._probe = IndexProbe(connection)

    def search(self, query: Query, filters: SearchFilters, limit: int, offset: int = 0) -> RawHits:
        filters_sql = filter_expression(filters)
        try:
            cited = self._cited(query, filters_sql) if offset == 0 else ()
            text = _and(text_expression(query), filters_sql)
            if text is None:
                return RawHits(cited, (), len(cited), False)
            page = limit + len(cited)
            total, capped = self._count(_with_citation(text, query, filters_sql))
            sampled = capped and not query.only_common_words
            if sampled:
                ranked = self._ranked_sample(text, page, offset)
            else:
                ranked = self._ranked(text, page, offset, query.only_common_words)
            if total == 0 and not cited and (not self._index_answers() or self._probe.finds(text)):
                raise SearchError(DAMAGED.format(detail=""))
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_INTERRUPT":
                raise  # a newer search stopped this one (see interruptible)
            if "syntax error" in str(exc):
                raise SearchError("Consulta no válida.") from exc
            raise SearchError(DAMAGED.format(detail="")) from exc
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # damaged pages hold any bytes
            raise SearchError(DAMAGED.format(detail="")) from exc
        cited = cited[:limit]
        seen = set(cited)
        ranked = tuple(hit for hit in ranked if hit[0] not in seen)[: limit - len(cited)]
        return RawHits(cited, ranked, max(total, len(cited)), capped, sampled)

    def _index_answers(self) -> bool:
        """Whether the index finds rows at all. A damaged structure record reads as an empty
        index, not as an error: every search would say "Sin resultados". Asked only when a
        search finds nothing, and once per connection."""
        if not self._answers:
            found = self._db.execute("SELECT 1 FROM nodes_fts WHERE nodes_fts MATCH ? LIMIT 1", (EVERY_ROW,))
            if found.fetchone() is not None:
                self._answers = True
            else:  # an empty corpus is not a damaged one
                self._answers = self._db.execute("SELECT 1 FROM nodes LIMIT 1").fetchone() is None
        return self._answers

    def _cited(self, query: Query, filters_sql: str | None) -> tuple[int, ...]:
        if query.citation is None:
            return ()
        expression = _and(citation_expression(query.citation), filters_sql)
        rows = self._db.execute(
            "SELECT rowid FROM nodes_fts WHERE nodes_fts MATCH ? ORDER BY rowid LIMIT ?",
            (expression, CITED_LIMIT),
        )
        return tuple(row[0] for row in rows)

    def _ranked(self, expression: str, limit: int, offset: int,
                unranked: bool) -> tuple[tuple[int, float], ...]:  # fmt: skip
        # Common words alone match nearly every row: take them in index order, unranked.
        order = "" if unranked else "ORDER BY rank"
        rows = self._db.execute(
            f"SELECT rowid, rank FROM nodes_fts WHERE nodes_fts MATCH ? {order} LIMIT ? OFFSET ?",
            (expression, limit, offset),
        )
        return tuple((row[0], -float(row[1] or 0.0)) for row in rows)

    def _ranked_sample(self, expression: str, limit: int, offset: int) -> tuple[tuple[int, float], ...]:
        """bm25 for the first RANK_SAMPLE matches only, best first (bounded time)."""
        rows = self._db.execute(
            f"SELECT rowid, bm25(nodes_fts, {BM25_WEIGHTS}) FROM nodes_fts WHERE nodes_fts MATCH ? LIMIT ?",
            (expression, RANK_SAMPLE),
        ).fetchall()
        rows.sort(key=lambda row: (row[1], row[0]))
        return tuple((pk, -float(score)) for pk, score in rows[offset : offset + limit])

    def _count(self, expression: str) -> tuple[int, bool]:
        total = self._db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM nodes_fts WHERE nodes_fts MATCH ? LIMIT ?)",
            (expression, COUNT_CAP + 1),
        ).fetchone()[0]
        return min(total, COUNT_CAP), total > COUNT_CAP
