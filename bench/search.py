"""Search latency at scale: the app's search beside raw FTS5 on the same database file.

    python -m bench.search [--sizes 10000,100000,1000000] [--repeat 5] [--json FILE]

Uses ``bench/.cache/corpus-<N>.db`` (made by ``python -m bench.build_index``). For each of the
fixed queries below it times ``Library.search`` (parse, citation lookup, ranked MATCH, capped
count, nodes, breadcrumbs, snippets) and, on a second connection to the same file, the raw
FTS5 statement the app's main query runs (same expression, ``ORDER BY rank LIMIT 20``), each
``--repeat`` times after one warm-up; a query's figure is the median of its repeats.
"""

from __future__ import annotations

import argparse
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


@dataclass(frozen=True)
class Timing:
    category: str
    query: str
    app_ms: float
    raw_ms: float
    hits: int
    total: int


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


def _median_ms(action: object, repeat: int) -> float:
    assert callable(action)
    action()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def measure(database: Path, repeat: int) -> list[Timing]:
    library = Library.open(database)
    raw = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    timings = []
    try:
        for category, text, filters in QUERIES:
            results = library.search(text, filters, LIMIT)
            app_ms = _median_ms(lambda t=text, f=filters: library.search(t, f, LIMIT), repeat)
            statement = raw_statement(text, filters)
            raw_ms = float("nan")
            if statement is not None:
                sql, expression = statement
                raw_ms = _median_ms(lambda s=sql, e=expression: raw.execute(s, (e,)).fetchall(), repeat)
            timings.append(Timing(category, text, app_ms, raw_ms, len(results.hits), results.total))
    finally:
        library.close()
        raw.close()
    return timings


def report(size: int, database: Path, timings: list[Timing]) -> list[str]:
    mib = database.stat().st_size / 2**20
    lines = [
        f"\n{size:,} disposiciones — {database.name} ({mib:.0f} MiB)".replace(",", " "),
        f"{'Categoría':<11}{'n':>3}  {'app p50':>8} {'app p95':>8}  {'FTS5 p50':>8} {'FTS5 p95':>8}"
        f"  {'÷ p50':>6}  {'app máx':>8}",
    ]
    categories = list(dict.fromkeys(t.category for t in timings))
    for category in [*categories, "todas"]:
        rows = [t for t in timings if category in ("todas", t.category)]
        app = [t.app_ms for t in rows]
        raw = [t.raw_ms for t in rows if t.raw_ms == t.raw_ms]
        ratio = statistics.median(app) / statistics.median(raw) if raw else float("nan")
        lines.append(
            f"{category:<11}{len(rows):>3}  {statistics.median(app):8.2f} {nearest_rank(app, 95):8.2f}  "
            f"{statistics.median(raw):8.2f} {nearest_rank(raw, 95):8.2f}  {ratio:5.2f}×  {max(app):8.2f}"
        )
    slow = [t for t in timings if t.app_ms > 300]
    lines.append(
        "Consultas por encima de 300 ms: "
        + (", ".join(f"«{t.query}» {t.app_ms:.0f} ms" for t in slow) or "ninguna")
    )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=5)
    add_json_option(parser)
    args = parser.parse_args(argv)
    print(f"{len(QUERIES)} consultas fijas; mediana de {args.repeat} repeticiones por consulta; ms")
    everything: dict[str, list[dict[str, object]]] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        database = CACHE / f"corpus-{size}.db"
        if not database.exists():
            print(
                f"falta {database}: créela con «python -m bench.build_index --sizes {size}»", file=sys.stderr
            )
            return 2
        timings = measure(database, args.repeat)
        print("\n".join(report(size, database, timings)), flush=True)
        everything[str(size)] = [t.__dict__ for t in timings]
    save_json(args.json, everything)
    return 0


if __name__ == "__main__":
    sys.exit(main())
