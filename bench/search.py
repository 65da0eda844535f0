"""Search latency at scale: the app's search beside raw FTS5 on the same database file.

    python -m bench.search [--sizes 10000,100000,1000000] [--repeat 5] [--seed 15] [--cold]
                           [--lists vocabulario,…] [--json FILE]

Uses ``bench/.cache/corpus-<N>.db`` (made by ``python -m bench.build_index``). For each query
it times ``Library.search`` (parse, citation lookup, ranked MATCH, count, nodes, breadcrumbs)
and, on a second connection to the same file, raw FTS5, each ``--repeat`` times after one
warm-up (the search and the same SQL in turns, one of each per repeat); a query's figure is the
median of its repeats. Raw FTS5 is timed two ways:

- **the same SQL**: the statements on the full-text index that produced the page, captured
  from the library's own connection while it searched (SQLite's trace: the SQL text with its
  values), run again as they are and read up to the page (``LIMIT`` rows). Counting, the
  vocabulary, the nodes and the boost's read-ahead are the app's cost, not the baseline's.
- **minimal**: ``SELECT rowid, rank … ORDER BY rank LIMIT 20`` of the same MATCH expressions
  (``Library.fts_statements``): what a program that only wanted the page would run.
"""

from __future__ import annotations

import argparse
import inspect
import random
import re
import sqlite3
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.results import add_json_option, save_json
from bench.stats import nearest_rank
from sgdesk.content.query import SearchFilters, parse_query
from sgdesk.library import Library
from sgdesk.store.search import citation_expression, filter_expression, text_expression

CACHE = Path(__file__).resolve().parent / ".cache"
LIMIT = 20

_NORMS = SearchFilters(kinds=frozenset({"norma"}))
_ACUERDOS = SearchFilters(norm_types=frozenset({"acuerdo"}))
_DECADE = SearchFilters(year_from=2010, year_to=2019)

# (category, query, filters): selective words, phrases, prefixes, citations, common words.
QUERIES: tuple[tuple[str, str, SearchFilters], ...] = tuple(
    [("selectiva", q, SearchFilters()) for q in (
        "daño antijuridico", "personas juridicas sin animo de lucro", "conciliacion extrajudicial",
        "accion de repeticion", "defensor del ciudadano", "imprenta distrital", "quejas y reclamos",
        "archivo de bogota", "mesas laborales sectoriales", "educacion virtual", "etica publica",
        "compras publicas sostenibles", "gestion ambiental", "cajas menores", "viaticos",
        "hermanamientos de ciudades", "asistencia tecnica internacional", "reparacion integral",
        "lenguaje claro", "datos abiertos", "teletrabajo", "enfoque diferencial",
        "paz y reconciliacion", "protocolo y ceremonial", "gobierno digital",
        "seguridad de la informacion", "victimas", "tecnologias de informacion",
    )]
    + [("frase", q, SearchFilters()) for q in (
        '"gestion documental"', '"relaciones internacionales"', '"control interno"',
        '"talento humano"', '"daño antijuridico"', '"derechos de las victimas"',
    )]
    + [("prefijo", q, SearchFilters()) for q in (
        "archiv*", "teletrab*", "conciliac*", "hermanam*", "viatic*", "reclam*",
    )]
    + [("cita", q, SearchFilters()) for q in (
        "decreto 267 de 2007", "acuerdo 257", "D. 059/2012", "art 7 lit n", "literal b",
        "resolucion 100 de 2015", "decreto 15 de 1998", "art 3 del acuerdo 20",
    )]
    + [("común", q, SearchFilters()) for q in (
        "de", "la", "de la", "gestion publica", "secretaria general", "politicas", "funciones",
        "distrito capital", "entidades distritales", "servidores publicos",
    )]
    + [("filtro", "gestion documental", _NORMS), ("filtro", "talento humano", _ACUERDOS),
       ("filtro", "control interno", _DECADE)]
)  # fmt: skip


# As-you-type: every prefix of these, as the panel sends them while the user types.
TYPED = ("gestion documental", "secretaria general", "relaciones internacionales", "talento humano")
SHORT_PREFIXES = ("ge", "de", "co", "ar", "se", "ges", "dec", "con", "arc", "sec")


def typed_sequence(text: str) -> list[str]:
    return [text[:end] for end in range(1, len(text) + 1) if not text[:end].endswith(" ")]


def vocabulary_queries(database: Path, count: int, seed: int) -> list[str]:
    """``count`` queries of 1 to 3 words from the corpus vocabulary (words of 3+ letters)."""
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        connection.execute("CREATE VIRTUAL TABLE temp.bench_vocab USING fts5vocab(main, nodes_fts, col)")
        rows = connection.execute(
            "SELECT term, sum(doc) FROM temp.bench_vocab WHERE col IN ('title', 'text') GROUP BY term"
        ).fetchall()
    finally:
        connection.close()
    words = sorted((term, docs) for term, docs in rows if len(term) >= 3 and term.isalpha())
    terms = [term for term, _ in words]
    weights = [docs for _, docs in words]
    chooser = random.Random(seed)
    queries = []
    for index in range(count):
        size = chooser.choice((1, 1, 2, 2, 3))
        picked = chooser.choices(terms, weights, k=size) if index % 2 else chooser.sample(terms, size)
        queries.append(" ".join(picked))
    return queries


def all_queries(database: Path, count: int, seed: int) -> list[tuple[str, str, SearchFilters, bool]]:
    """(category, text, filters, typing): typing means searched as the panel does while typing."""
    found = [(category, text, filters, False) for category, text, filters in QUERIES]
    found += [
        ("vocabulario", text, SearchFilters(), False) for text in vocabulary_queries(database, count, seed)
    ]
    found += [("prefijo corto", text, SearchFilters(), True) for text in SHORT_PREFIXES]
    found += [
        ("al escribir", text, SearchFilters(), True) for target in TYPED for text in typed_sequence(target)
    ]
    return found


@dataclass(frozen=True)
class Timing:
    category: str
    query: str
    app_ms: float
    raw_ms: float
    hits: int
    total: int
    first_ms: float = float("nan")  # the first search of the query (breadcrumbs not yet kept)
    shown_ms: float = float("nan")  # the search and the snippets of its page, as the list paints it
    minimal_ms: float = float("nan")  # ``ORDER BY rank LIMIT 20`` of the same expressions


# ``--cold``: nothing kept per text between searches (Library._reading), as a text searched
# for the first time; the timed repeats otherwise find the query, its plan and its matcher kept.
cold = False


def _searcher(library: Library, typing: bool) -> object:
    """``library.search`` as the panel calls it: with ``prefix_last`` while typing, when offered."""
    kept = getattr(library, "_readings", None) if cold else None
    typed = typing and "prefix_last" in inspect.signature(library.search).parameters

    def search(text: str, filters: SearchFilters) -> object:
        if kept is not None:
            kept.clear()
        if typed:
            return library.search(text, filters, LIMIT, prefix_last=True)
        return library.search(text, filters, LIMIT)

    return search


# The statements that produce the page's rows (ranked, sampled, unranked, cited); not the counts.
_PAGE_STATEMENT = re.compile(r"\s*SELECT rowid\b.*\bFROM nodes_fts\s+WHERE nodes_fts MATCH\b", re.S)


def executed_statements(library: Library, search: object) -> list[str]:
    """The statements on the full-text index that produced the page during one ``search()``,
    as SQLite ran them (its trace: the SQL with the values bound)."""
    assert callable(search)
    connection = library._store.connection
    seen: list[str] = []
    connection.set_trace_callback(seen.append)
    try:
        search()
    finally:
        connection.set_trace_callback(None)
    return [sql for sql in seen if _PAGE_STATEMENT.match(sql)]


def raw_statements(
    library: Library, text: str, filters: SearchFilters, typing: bool
) -> list[tuple[str, str]]:
    """The FTS5 statements the app ranks with (as it reports them, when it can), else the one
    statement of the original design."""
    explain = getattr(library, "fts_statements", None)
    if explain is not None:
        return list(explain(text, filters, LIMIT, prefix_last=typing))
    statement = raw_statement(text, filters)
    return [statement] if statement is not None else []


def raw_statement(text: str, filters: SearchFilters) -> tuple[str, str] | None:
    """The app's main FTS5 statement for ``text``, as raw SQL and its MATCH expression."""
    query = parse_query(text)
    parts = [p for p in (text_expression(query), filter_expression(filters)) if p]
    if parts:
        expression = " AND ".join(f"({p})" for p in parts)
        order = "" if query.only_common_words else "ORDER BY rank"
        return f"SELECT rowid, rank FROM nodes_fts WHERE nodes_fts MATCH ? {order} LIMIT {LIMIT}", expression
    if query.citation is not None:
        sql = f"SELECT rowid FROM nodes_fts WHERE nodes_fts MATCH ? ORDER BY rowid LIMIT {LIMIT}"
        return sql, citation_expression(query.citation)
    return None


# "wall": elapsed time. "cpu": this thread's CPU time (SQLite runs in it), which leaves out the
# time spent waiting for a core: on a machine shared with other work, wall-clock medians of
# millisecond operations measure the queue more than the code.
CLOCKS = {"wall": time.perf_counter, "cpu": time.thread_time}
clock = time.perf_counter


def _once_ms(action: object) -> float:
    assert callable(action)
    start = clock()
    action()
    return (clock() - start) * 1000


def _median_ms(action: object, repeat: int) -> float:
    assert callable(action)
    action()  # warm-up
    samples = []
    for _ in range(repeat):
        start = clock()
        action()
        samples.append((clock() - start) * 1000)
    return statistics.median(samples)


def _paired_ms(app: object, raw: object | None, repeat: int) -> tuple[float, float]:
    """The medians of ``app`` and ``raw`` timed in turns (one of each per repeat, which first
    alternating), after one warm-up of each: both see the same moments of a shared machine."""
    assert callable(app)
    if raw is None:
        return _median_ms(app, repeat), float("nan")
    assert callable(raw)
    app()
    raw()
    apps: list[float] = []
    raws: list[float] = []
    for index in range(repeat):
        for action, samples in ((app, apps), (raw, raws)) if index % 2 == 0 else ((raw, raws), (app, apps)):
            start = clock()
            action()
            samples.append((clock() - start) * 1000)
    return statistics.median(apps), statistics.median(raws)


def measure(
    database: Path, repeat: int, count: int, seed: int, lists: frozenset[str] = frozenset()
) -> list[Timing]:
    queries = [q for q in all_queries(database, count, seed) if not lists or q[0] in lists]
    library = Library.open(database)
    raw = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    timings = []
    try:
        for category, text, filters, typing in queries:
            search = _searcher(library, typing)
            assert callable(search)
            first_ms = _once_ms(lambda t=text, f=filters, s=search: s(t, f))
            results = search(text, filters)
            executed = executed_statements(library, lambda t=text, f=filters, s=search: s(t, f))
            app_ms, raw_ms = _paired_ms(
                lambda t=text, f=filters, s=search: s(t, f),
                (lambda ss=executed: [raw.execute(q).fetchmany(LIMIT) for q in ss]) if executed else None,
                repeat,
            )
            shown_ms = _median_ms(lambda t=text, f=filters, s=search: _with_snippets(s(t, f)), repeat)
            statements = raw_statements(library, text, filters, typing)
            minimal_ms = float("nan")
            if statements:
                minimal_ms = _median_ms(
                    lambda ss=statements: [raw.execute(sql, (e,)).fetchall() for sql, e in ss], repeat
                )
            timings.append(
                Timing(category, text, app_ms, raw_ms, len(results.hits), results.total, first_ms, shown_ms,
                       minimal_ms)
            )  # fmt: skip
    finally:
        library.close()
        raw.close()
    return timings


def _with_snippets(results: object) -> object:
    """Every hit's snippet, as the results list paints the page (cut when first asked for)."""
    for hit in getattr(results, "hits", ()):
        _ = hit.snippet
    return results


def report(size: int, database: Path, timings: list[Timing]) -> list[str]:
    mib = database.stat().st_size / 2**20
    lines = [
        f"\n{size:,} disposiciones — {database.name} ({mib:.0f} MiB)".replace(",", " "),
        f"{'Categoría':<14}{'n':>4}  {'app p50':>8} {'app p95':>8}  {'FTS5 p50':>8} {'FTS5 p95':>8}"
        f"  {'÷ p50':>6} {'÷ p95':>6}  {'app máx':>8}  {'÷ c/u':>6}",
    ]
    categories = list(dict.fromkeys(t.category for t in timings))
    for category in [*categories, "todas"]:
        rows = [t for t in timings if category in ("todas", t.category)]
        app = [t.app_ms for t in rows]
        raw = [t.raw_ms for t in rows if t.raw_ms == t.raw_ms]
        ratio = statistics.median(app) / statistics.median(raw) if raw else float("nan")
        ratio95 = nearest_rank(app, 95) / nearest_rank(raw, 95) if raw else float("nan")
        raw50 = statistics.median(raw) if raw else float("nan")
        raw95 = nearest_rank(raw, 95) if raw else float("nan")
        each = [t.app_ms / t.raw_ms for t in rows if t.raw_ms > 0]  # NaN and 0 left out
        each50 = statistics.median(each) if each else float("nan")
        lines.append(
            f"{category:<14}{len(rows):>4}  {statistics.median(app):8.2f} {nearest_rank(app, 95):8.2f}  "
            f"{raw50:8.2f} {raw95:8.2f}  {ratio:5.2f}× {ratio95:5.2f}×  {max(app):8.2f}  {each50:5.2f}×"
        )
    lines += [
        "FTS5 = la misma SQL que ejecutó la biblioteca, leída hasta la página, medida por turnos con la",
        "búsqueda (una de cada una por repetición). ÷ c/u: mediana de la razón app ÷ FTS5 de cada consulta.",
        "Además, p50 de la primera búsqueda de cada consulta (rutas sin guardar) y de la búsqueda con los",
        "fragmentos de su página (lo que la lista pinta), ÷ FTS5 p50; y FTS5 mínima (ORDER BY rank",
        "LIMIT 20), p50 / p95 y app ÷ mínima:",
    ]
    for category in [*categories, "todas"]:
        rows = [t for t in timings if category in ("todas", t.category)]
        raw = [t.raw_ms for t in rows if t.raw_ms == t.raw_ms]
        raw50 = statistics.median(raw) if raw else float("nan")
        first = statistics.median(t.first_ms for t in rows)
        shown = statistics.median(t.shown_ms for t in rows)
        app = [t.app_ms for t in rows]
        least = [t.minimal_ms for t in rows if t.minimal_ms == t.minimal_ms]
        least50 = statistics.median(least) if least else float("nan")
        least95 = nearest_rank(least, 95) if least else float("nan")
        lines.append(
            f"  {category:<14} primera {first:7.2f} ({first / raw50:5.2f}×)  con fragmentos {shown:7.2f}"
            f" ({shown / raw50:5.2f}×)  mínima {least50:7.2f} {least95:7.2f}"
            f"  {statistics.median(app) / least50:5.2f}× {nearest_rank(app, 95) / least95:5.2f}×"
        )
    lines += typing_lines(timings)
    slow = [t for t in timings if t.app_ms > 300]
    lines.append(
        "Consultas por encima de 300 ms: "
        + (", ".join(f"«{t.query}» {t.app_ms:.0f} ms" for t in slow) or "ninguna")
    )
    return lines


def typing_lines(timings: list[Timing]) -> list[str]:
    """As-you-type by length of the text typed: the worst of the sequences at each length."""
    typed = [t for t in timings if t.category == "al escribir"]
    if not typed:
        return []
    lines = ["Al escribir, por letras escritas (máximo entre las secuencias; ms, resultados de la primera):"]
    by_length: dict[int, list[Timing]] = {}
    for timing in typed:
        by_length.setdefault(len(timing.query), []).append(timing)
    cells = [
        f"{length}: {max(t.app_ms for t in rows):.1f} ({rows[0].total})"
        for length, rows in sorted(by_length.items())
    ]
    for start in range(0, len(cells), 8):
        lines.append("  " + "  ".join(cells[start : start + 8]))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--random", type=int, default=100, metavar="N", help="consultas del vocabulario")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument(
        "--clock", choices=sorted(CLOCKS), default="wall",
        help="wall: tiempo transcurrido; cpu: tiempo de CPU del hilo (máquina cargada)",
    )  # fmt: skip
    parser.add_argument(
        "--cache", type=Path, default=CACHE, metavar="CARPETA", help="dónde están corpus-<N>.db"
    )
    parser.add_argument(
        "--cold", action="store_true", help="sin guardar nada por texto entre búsquedas (primera vez)"
    )
    parser.add_argument(
        "--lists",
        default="",
        metavar="LISTAS",
        help="solo estas listas, separadas por comas (p. ej. vocabulario)",
    )
    add_json_option(parser)
    args = parser.parse_args(argv)
    lists = frozenset(name.strip() for name in args.lists.split(",") if name.strip())
    global clock, cold
    clock = CLOCKS[args.clock]
    cold = args.cold
    print(
        f"reloj: {args.clock}; {len(QUERIES)} consultas fijas, "
        f"{args.random} del vocabulario (semilla {args.seed}), "
        f"{len(SHORT_PREFIXES)} prefijos cortos y {sum(len(typed_sequence(t)) for t in TYPED)} al escribir; "
        f"mediana de {args.repeat} repeticiones por consulta; ms"
        + ("; en frío" if cold else "")
        + (f"; solo {', '.join(sorted(lists))}" if lists else "")
    )
    everything: dict[str, list[dict[str, object]]] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        database = args.cache / f"corpus-{size}.db"
        if not database.exists():
            print(
                f"falta {database}: créela con «python -m bench.build_index --sizes {size}»", file=sys.stderr
            )
            return 2
        timings = measure(database, args.repeat, args.random, args.seed, lists)
        print("\n".join(report(size, database, timings)), flush=True)
        everything[str(size)] = [t.__dict__ for t in timings]
    save_json(args.json, everything)
    return 0


if __name__ == "__main__":
    sys.exit(main())
