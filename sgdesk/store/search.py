"""Full-text search over the corpus: our own FTS5 expressions, ranked with bm25.

User text never reaches MATCH: ``content.query`` parses it, and this module writes every
word as a double-quoted FTS5 string (the parser keeps only letters and digits in words).

Prefixes are searched as their most frequent completions from the ``vocab`` table (bounded,
see ``store/vocab.py``). A query with a word still being typed runs in two tiers: the word
as a word first, then the rows only its completions find, ranked below.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import NamedTuple

from sgdesk.content.citations import Citation, slug
from sgdesk.content.query import AllOf, Clause, Near, Query, SearchFilters, Term
from sgdesk.content.ranking import KIND_BOOST, boosted_rows
from sgdesk.content.stemming import stem
from sgdesk.errors import SgdeskError
from sgdesk.store.fts_probe import IndexProbe
from sgdesk.store.schema import BM25_WEIGHTS, WRITTEN_COLUMNS, fts_phrase
from sgdesk.store.vocab import VocabStore

COUNT_CAP = 10_000  # totals above this are reported as "más de 10 000"
# Past COUNT_CAP matches, bm25 over every match is slow (0.7 s at 1M provisions for a very
# common term): rank only this many candidates, and say so.
RANK_SAMPLE = 20_000
CITED_LIMIT = 20
_EXACT = WRITTEN_COLUMNS

KIND_GROUPS = {"general": ("zksec",), "norma": ("zknorm",), "disposicion": ("zkart", "zklit")}
# Every indexed row has one of these: an index that finds none of them has lost its contents.
EVERY_ROW = "facets : (" + " OR ".join(t for tokens in KIND_GROUPS.values() for t in tokens) + ")"
DAMAGED = "El índice de búsqueda está dañado{detail}; verifique la base con «sgdesk db check»."


# The nodes a kind boost lifts (see content.ranking), by the facet token every indexed row has.
_BOOSTED_KINDS = {"zknorm": "norm", "zksec": "section"}
_ROWIDS = "SELECT rowid FROM nodes_fts WHERE nodes_fts MATCH ? ORDER BY rowid"
_BY_RANK = "SELECT rowid, rank FROM nodes_fts WHERE nodes_fts MATCH ? ORDER BY rank"
_BATCH = 16  # rows read at once past the page (doubling, up to content.ranking.READ_AHEAD in all)
_BY_RANK_COUNTED = "SELECT rowid, rank, count(*) OVER () FROM nodes_fts WHERE nodes_fts MATCH ? ORDER BY rank"


class SearchError(SgdeskError):
    """A query SQLite refused, explained in Spanish."""


# Around a whole search (``except INTERRUPTED as exc: raise stopped(exc) from exc``; a ``try``
# costs nothing until it catches, a context manager two calls per search): a query stopped by a
# newer one becomes a SearchError.
INTERRUPTED = sqlite3.OperationalError


def stopped(exc: sqlite3.OperationalError) -> SearchError:
    """The error a search stopped by a newer one (``Library.interrupt``) ends with."""
    return SearchError(f"Búsqueda interrumpida: {exc}")


class RawHits(NamedTuple):  # a tuple: built at every search, cheaper than a frozen dataclass
    cited: tuple[int, ...]  # node pks a citation in the query names, in order
    ranked: tuple[tuple[int, float], ...]  # (pk, score) best first (typed word tier last), not the cited
    total: int
    total_capped: bool
    sampled: bool = False  # ranked among the first RANK_SAMPLE matches only (very common terms)
    bounded: tuple[str, ...] = ()  # prefixes searched as their most frequent completions only


class Completions(NamedTuple):
    """Each prefix's words (from the vocab table), and the typed word's tier."""

    words: dict[str, tuple[str, ...]]
    typed: Term | None = None  # rendered as word OR its completions (the second tier)


_NONE = Completions({})


def _any_of(words: tuple[str, ...]) -> str:
    return " OR ".join(fts_phrase(w) for w in words)


def _term(term: Term, completions: Completions) -> str:
    word = f"({_EXACT} : {fts_phrase(term.word)} OR stems : {fts_phrase(stem(term.word))})"
    found = completions.words.get(term.word, ()) if completions.words else ()
    if term.prefix:  # FTS5's own prefix query when the vocabulary was not consulted (notes)
        return f"{_EXACT} : ({_any_of(found)})" if found else f"{_EXACT} : {fts_phrase(term.word)}*"
    if found and term == completions.typed:
        return f"({word} OR {_EXACT} : ({_any_of(found)}))"
    return word


def _clause(clause: Clause, completions: Completions = _NONE) -> str:
    if isinstance(clause, Term):
        return _term(clause, completions)
    if isinstance(clause, AllOf):
        return "(" + " AND ".join(_term(t, completions) for t in clause.terms) + ")"
    if isinstance(clause, Near):
        distance = clause.distance
        exact = " ".join(fts_phrase(w) for w in clause.words)
        stems = " ".join(fts_phrase(stem(w)) for w in clause.words)
        return f"({_EXACT} : NEAR({exact}, {distance}) OR stems : NEAR({stems}, {distance}))"
    exact = fts_phrase(" ".join(clause.words))
    stems = fts_phrase(" ".join(stem(w) for w in clause.words))
    return f"({_EXACT} : {exact} OR stems : {stems})"


def text_expression(query: Query, completions: Completions = _NONE) -> str | None:
    """The FTS5 expression for the words of ``query``; None when it has none."""
    if not query.groups:
        return None
    expression = " AND ".join(
        [
            f"({_clause(group[0], completions)})"
            if len(group) == 1
            else f"({' OR '.join([_clause(c, completions) for c in group])})"
            for group in query.groups
        ]
    )
    for clause in query.excluded:
        expression = f"({expression}) NOT {_clause(clause, completions)}"
    return expression


def _needed(query: Query) -> list[set[str]]:
    """For each group of plain words (not prefixes) of ASCII letters and digits, the tokens one
    of which a row must hold to match the group: its words and their stems (see IndexProbe)."""
    found = []
    for group in query.groups:
        tokens: set[str] = set()
        for clause in group:
            if type(clause) is not Term or clause.prefix:
                break
            tokens.update((clause.word, clause.stem))
        else:
            if all(token.isascii() and token.isalnum() for token in tokens):
                found.append(tokens)
    return found


def _plain(groups: tuple[tuple[Clause, ...], ...]) -> bool:
    """Whether every group is one word, not a prefix (and there is one at least)."""
    for group in groups:
        if len(group) != 1:
            return False
        clause = group[0]
        if type(clause) is not Term or clause.prefix:
            return False
    return bool(groups)


def prefixes(query: Query) -> list[str]:
    """The words of ``query`` searched as prefixes: explicit ``x*`` and the word being typed."""
    found = [c.word for g in query.groups for c in _terms(g) if c.prefix]
    found += [c.word for c in query.excluded if isinstance(c, Term) and c.prefix]
    if query.typed is not None:
        found.append(query.typed.word)
    return list(dict.fromkeys(found)) if found else found


def _terms(group: tuple[Clause, ...]) -> list[Term]:
    return [t for c in group for t in (c.terms if isinstance(c, AllOf) else (c,)) if isinstance(t, Term)]


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


class _Tier(NamedTuple):
    ranked: tuple[tuple[int, float], ...]
    total: int
    capped: bool
    sampled: bool


@dataclass(slots=True)
class SearchPlan:
    """What a search of one query with one set of filters works out before it ranks: the
    filters' and the text's expressions, the cited units, the prefixes' completions and the
    bounds on the counts (see ``SearchStore.search``). Empty until a search fills it."""

    ready: bool = False  # filled
    text: str | None = None  # the first tier's MATCH expression (None: no words)
    filters_sql: str | None = None
    cited: tuple[int, ...] = ()
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    bounded: tuple[str, ...] = ()
    most: int = 0  # an upper bound on the rows the first tier can match (see _at_most)
    counted: str | None = None  # what its total counts
    completed: bool = False  # the word being typed has completions: a second tier
    second: tuple[str, int] | None = None  # its expression and its bound, once needed
    known: bool = False  # every word is in the index (a plain plan's counts say so: no spelling to check)
    over: bool = False  # the vocabulary proves more than COUNT_CAP matches: no count to run (see _plain_plan)


class SearchStore:
    """Runs searches on one connection (the caller keeps it on one thread)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self.vocab = VocabStore(connection)
        self._answers = False  # the index was seen to find rows (see _index_answers)
        self._probe = IndexProbe(connection)
        self._boosts: tuple[bytes, tuple[float, ...]] | None = None  # see _boost

    def statements(self, query: Query, filters: SearchFilters, limit: int) -> list[tuple[str, str]]:
        """The ranked statements ``search`` runs for a first page, as (SQL, MATCH expression):
        what a benchmark times as "raw FTS5" beside the whole search."""
        filters_sql = filter_expression(filters)
        words, _ = self._prefix_words(query)
        first = _and(text_expression(query, Completions(words)), filters_sql)
        if first is None:
            if query.citation is None:
                return []
            expression = _and(citation_expression(query.citation), filters_sql) or ""
            return [(f"SELECT rowid FROM nodes_fts WHERE nodes_fts MATCH ? ORDER BY rowid LIMIT {limit}",
                     expression)]  # fmt: skip
        order = "" if query.only_common_words else "ORDER BY rank"
        sql = f"SELECT rowid, rank FROM nodes_fts WHERE nodes_fts MATCH ? {order} LIMIT {limit}"
        if query.typed is None or not words.get(query.typed.word) or self._count(first)[1]:
            return [(sql, first)]
        return [(sql, first), (sql, self._second_tier(query, words, filters_sql, first))]

    def search(self, query: Query, filters: SearchFilters, limit: int, offset: int = 0,
               plan: SearchPlan | None = None) -> RawHits:  # fmt: skip
        """The page ``offset`` to ``offset + limit``. ``plan``: a SearchPlan the caller keeps for
        this query and these filters (empty at first, filled here), so that searching them again
        (another page, the same text typed again) skips working it out."""
        try:
            if plan is None or not plan.ready:
                plan = self._plan(query, filters, plan or SearchPlan())
            # The list is the cited nodes, then the ranked rows without them. ``offset`` counts
            # in that list: with cited nodes, the ranked rows before the page are read again
            # (bm25 reads them anyway) so that none is skipped or listed twice.
            cited = plan.cited
            skip = max(0, offset - len(cited))  # the ranked rows (cited ones left out) before the page
            start = 0 if cited else offset
            text = plan.text
            if text is None:
                return RawHits(cited[offset : offset + limit], (), len(cited), False)
            page = skip - start + limit + len(cited)
            unranked = query.only_common_words
            ranked, total, capped, sampled = self._tier(text, page, start, unranked, plan.most <= COUNT_CAP,
                                                        plan.counted, plan.over)  # fmt: skip
            # A capped first tier already says «más de 10 000»: the completions add nothing to
            # show, and counting them past a very common word («de» → «del», «decreto»…) is slow.
            if plan.completed and not capped:
                need = page - len(ranked)
                if plan.second is None:
                    second_sql = self._second_tier(query, plan.words, plan.filters_sql, text)
                    plan.second = (second_sql, self._at_most(query, plan.words, typed_as_prefix=True))
                second_sql, most = plan.second
                second_offset = max(0, start - total)
                second = self._tier(second_sql, need, second_offset, unranked, most <= COUNT_CAP)
                ranked += second.ranked
                total += second.total
                capped = second.capped
                sampled = sampled or second.sampled
            if total == 0 and not cited and (not self._index_answers() or self._damaged(text, query)):
                raise SearchError(DAMAGED.format(detail=""))
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_INTERRUPT":
                raise  # a newer search stopped this one (see stopped)
            if "syntax error" in str(exc):
                raise SearchError("Consulta no válida.") from exc
            raise SearchError(DAMAGED.format(detail="")) from exc
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # damaged pages hold any bytes
            raise SearchError(DAMAGED.format(detail="")) from exc
        rest = skip - start
        if cited:
            seen = set(cited)
            cited = cited[offset : offset + limit]
            kept = tuple(hit for hit in ranked if hit[0] not in seen)[rest : rest + limit - len(cited)]
        else:
            kept = ranked[rest : rest + limit]
        return RawHits(cited, kept, max(total, len(cited)), capped, sampled, plan.bounded)

    def _plan(self, query: Query, filters: SearchFilters, plan: SearchPlan) -> SearchPlan:
        """Fill ``plan``: what searching ``query`` with ``filters`` needs before the ranked
        statements (all of it fixed while the corpus is)."""
        filters_sql = filter_expression(filters)
        if query.citation is None and query.typed is None and not query.excluded and _plain(query.groups):
            return self._plain_plan(query.groups, filters_sql, plan)
        cited = self._cited(query, filters_sql)
        words, bounded = self._prefix_words(query)
        text = _and(text_expression(query, Completions(words)), filters_sql)
        if text is not None:
            plan.most = self._at_most(query, words, typed_as_prefix=False)
            plan.counted = _with_citation(text, query, filters_sql)  # cited nodes count too
            plan.completed = query.typed is not None and bool(words.get(query.typed.word))
        plan.filters_sql, plan.cited, plan.words, plan.bounded = filters_sql, cited, words, bounded
        plan.text, plan.ready = text, True  # last: an error above leaves it empty
        return plan

    def _plain_plan(self, groups: tuple[tuple[Clause, ...], ...], filters_sql: str | None,
                    plan: SearchPlan) -> SearchPlan:  # fmt: skip
        """``_plan`` of a query of plain words (see _plain; most searches), in one pass: each
        word's expression (as text_expression writes it) and its unit count (as _at_most reads
        it); nothing cited, no prefixes, no second tier. ``known``: every word counts units (the
        smallest count is not 0), so none is a typo to correct (see Library._suggestion)."""
        docs = self.vocab.docs
        parts = []
        most = -1
        for (term,) in groups:
            word = term.word  # type: ignore[union-attr]  # a Term (see _plain)
            root = stem(word)
            parts.append(f"(({_EXACT} : {fts_phrase(word)} OR stems : {fts_phrase(root)}))")
            found = docs(word, root)
            if most < 0 or found < most:
                most = found
        words = " AND ".join(parts)
        text = f"({words})" if filters_sql is None else _and(words, filters_sql)  # (_and's without filters)
        plan.most, plan.counted, plan.completed, plan.known = most, text, False, most > 0
        # One word and no filters: every row whose stems hold its stem matches («con», «gestion»).
        # When those alone are more than COUNT_CAP, the total is «más de 10 000» without counting.
        # (A plain word is letters and digits: an ASCII stem is a token as the tokenizer keeps it.)
        plan.over = (most > COUNT_CAP and filters_sql is None and len(groups) == 1 and root.isascii()
                     and self.vocab.stem_docs(root) > COUNT_CAP)  # fmt: skip
        plan.filters_sql, plan.cited, plan.words, plan.bounded = filters_sql, (), {}, ()
        plan.text, plan.ready = text, True
        return plan

    def _prefix_words(self, query: Query) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
        """Each prefix's most frequent completions, and the prefixes that had more."""
        words: dict[str, tuple[str, ...]] = {}
        bounded: list[str] = []
        for prefix in prefixes(query):
            words[prefix], more = self.vocab.completions(prefix)
            if more:
                bounded.append(prefix)
        return words, tuple(bounded)

    def _second_tier(self, query: Query, words: dict[str, tuple[str, ...]], filters_sql: str | None,
                     first: str) -> str:  # fmt: skip
        """Rows the typed word's completions find and the word itself does not."""
        as_prefix = _and(text_expression(query, Completions(words, query.typed)), filters_sql)
        return f"({as_prefix}) NOT ({first})"

    def _tier(self, expression: str, page: int, offset: int, unranked: bool, few: bool,
              counted: str | None = None, over: bool = False) -> _Tier:  # fmt: skip
        """One ranked page and the total. ``few``: the vocabulary says at most COUNT_CAP rows
        can match, so one statement ranks them and counts them (a window count over the
        matches bm25 reads anyway); else a capped count first decides how to rank.
        ``counted``: what the total counts, when it is not ``expression`` (cited nodes too).
        ``over``: the vocabulary says more than COUNT_CAP rows match, so the count is skipped
        (unless the page comes back empty: a damaged index, which the count then tells)."""
        if few and not unranked and page > 0 and counted in (None, expression):
            ranked, total = self._boosted(_BY_RANK_COUNTED, (expression,), page, offset)
            return _Tier(ranked, min(total, COUNT_CAP), total > COUNT_CAP, False)
        total, capped = (COUNT_CAP, True) if over else self._count(counted or expression)
        if page <= 0 or offset >= total:
            return _Tier((), total, capped, False)
        sampled = capped and not unranked
        if unranked:
            ranked = self._unranked(expression, page, offset)
        elif sampled:
            # bm25 for the first RANK_SAMPLE matches only (bounded time); SQLite keeps the
            # best rows as it reads (a sorter with a LIMIT), a few pages' worth for the boost.
            ranked, _ = self._boosted(
                f"""SELECT rowid, score FROM (
                        SELECT rowid, bm25(nodes_fts, {BM25_WEIGHTS}) AS score FROM nodes_fts
                        WHERE nodes_fts MATCH ? LIMIT ?)
                    ORDER BY score, rowid LIMIT ?""",
                (expression, RANK_SAMPLE, 4 * (offset + page)), page, offset,
            )  # fmt: skip
        else:
            ranked, _ = self._boosted(_BY_RANK, (expression,), page, offset)
        if over and not ranked:  # nothing where the vocabulary promised thousands: the count tells why
            return self._tier(expression, page, offset, unranked, few, counted)
        return _Tier(ranked, total, capped, sampled)

    def _boosted(self, sql: str, params: tuple[object, ...], page: int,
                 offset: int) -> tuple[tuple[tuple[int, float], ...], int]:  # fmt: skip
        """The page in boosted order, reading the rows of ``sql`` (rowid, rank[, total]) in bm25
        order only as far as needed (see content.ranking); and the third column of the first
        row (the window count), or 0 when nothing matched."""
        cursor = self._db.execute(sql, params)
        head = cursor.fetchmany(offset + page)
        if not head:
            return (), 0
        kinds, factors = self._boosts or self._read_boosts()
        # Past the page, in growing batches: one call per batch, not per row (the read-ahead
        # often reads 200 rows); reading stops at the batch where the ranking does.
        ranked = tuple(boosted_rows(head, cursor.fetchmany, kinds, factors, offset, page, _BATCH))
        cursor.close()
        first = head[0]
        return ranked, int(first[2]) if len(first) > 2 else 0

    def _read_boosts(self) -> tuple[bytes, tuple[float, ...]]:
        """Which rowids are norms and sections, read once per connection, from the index, into
        one byte per row (1 MB at 1M units; the corpus never changes under us): its code, 0 for
        the unboosted, and each code's factor."""
        kinds = list(_BOOSTED_KINDS.items())
        rowids = [[row[0] for row in self._db.execute(_ROWIDS, (f"facets : {token}",))] for token, _ in kinds]
        marks = bytearray(max((r[-1] for r in rowids if r), default=0) + 1)
        for code, found in enumerate(rowids, 1):
            for rowid in found:
                marks[rowid] = code
        self._boosts = (bytes(marks), (1.0, *(KIND_BOOST[kind] for _, kind in kinds)))
        return self._boosts

    def _at_most(self, query: Query, words: dict[str, tuple[str, ...]], typed_as_prefix: bool) -> int:
        """An upper bound on the rows the query's words can match, from the vocab table: the
        smallest group's sum of its clauses' unit counts."""
        vocab = self.vocab
        docs = vocab.docs
        typed = query.typed if typed_as_prefix else None

        def term(t: Term) -> int:
            if t.prefix:
                return vocab.word_docs(words.get(t.word, ()))
            found = docs(t.word, t.stem)
            if typed is not None and t == typed:
                found += vocab.word_docs(words.get(t.word, ()))
            return found

        def clause(c: Clause) -> int:
            if isinstance(c, Term):
                return term(c)
            if isinstance(c, AllOf):
                return min(term(t) for t in c.terms)
            return min(vocab.docs(w, stem(w)) for w in c.words)

        return min((sum(clause(c) for c in group) for group in query.groups), default=0)

    def _damaged(self, text: str, query: Query) -> bool:
        """Whether the probe finds what the index did not (``text``: the first tier's expression)."""
        return self._probe.finds(text, _needed(query))

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

    def _unranked(self, expression: str, limit: int, offset: int) -> tuple[tuple[int, float], ...]:
        # Common words alone match nearly every row: take them in index order, unranked.
        rows = self._db.execute(_ROWIDS + " LIMIT ? OFFSET ?", (expression, limit, offset))
        return tuple((row[0], 0.0) for row in rows)

    def _count(self, expression: str) -> tuple[int, bool]:
        total = self._db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM nodes_fts WHERE nodes_fts MATCH ? LIMIT ?)",
            (expression, COUNT_CAP + 1),
        ).fetchone()[0]
        return min(total, COUNT_CAP), total > COUNT_CAP
