"""Index build at scale: synthetic sources of N provisions, then the real ``sgdesk db build``.

    python -m bench.build_index [--sizes 10000,100000,1000000] [--seed 0] [--keep DIR] [--json FILE]

For each size N (articles + literals) it

1. generates the sources with ``bench.synth`` into ``DIR/corpus-<N>/`` (timed, in a child
   process; an earlier tree of that size is deleted first, untimed);
2. builds ``DIR/corpus-<N>.db`` with ``sgdesk.store.build.build_database`` — what
   ``sgdesk db build --sources DIR/corpus-<N> -o DIR/corpus-<N>.db`` runs — in a fresh child
   process, timing the whole call and its two halves (``load_corpus``: read and validate the
   TOML; ``write_corpus``: SQLite, FTS5 and VACUUM) and reading the child's peak RSS with
   ``resource.getrusage(RUSAGE_SELF)``;
3. reports the database size, its node, norm and event counts, and bytes per provision.

``DIR`` defaults to ``bench/.cache/`` (ignored by git). The databases stay there for the query
benchmarks: ``bench/.cache/corpus-<N>.db`` (``python -m bench.search`` reads them).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.results import add_json_option, save_json

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
MB = 1024 * 1024


class BenchError(Exception):
    """A child failed; the message is printed as is."""


@dataclass(frozen=True)
class SizeResult:
    provisions: int
    seed: int
    norms: int
    events_in_sources: int  # amendment events written in the norm files
    offices: int
    source_files: int
    source_bytes: int
    generate_s: float
    generate_peak_rss_mb: float
    build_s: float
    load_s: float  # load_corpus: read and validate the TOML
    write_s: float  # write_corpus: tables, FTS5, VACUUM
    build_base_rss_mb: float  # the child after its imports, before building
    build_peak_rss_mb: float
    db_bytes: int
    nodes: int
    events: int  # rows in ``events`` (amendments plus one issuance per norm)
    changes: int
    database: str

    @property
    def bytes_per_provision(self) -> float:
        return self.db_bytes / self.provisions

    def as_json(self) -> dict[str, object]:
        return {**asdict(self), "bytes_per_provision": round(self.bytes_per_provision, 1)}


# -- children --------------------------------------------------------------------


def _peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (MB if sys.platform == "darwin" else 1024)  # bytes on macOS, KiB on Linux


def _child_generate(provisions: int, seed: int, out: Path) -> dict[str, object]:
    from bench import synth

    stats = synth.generate(provisions, out, seed)
    return {**stats.as_json(), "peak_rss_mb": _peak_rss_mb()}


def _child_build(sources: Path, output: Path) -> dict[str, object]:
    from sgdesk.store import build

    base = _peak_rss_mb()
    phases: dict[str, float] = {}
    # Time the two halves of build_database by wrapping the names it calls in its module.
    namespace = vars(build)
    for name, key in (("load_corpus", "load_s"), ("write_corpus", "write_s")):
        if callable(namespace.get(name)):
            namespace[name] = _timed(namespace[name], key, phases)
    start = time.perf_counter()
    report = build.build_database(sources, output)
    seconds = time.perf_counter() - start
    return {
        "build_s": seconds,
        **phases,
        "base_rss_mb": base,
        "peak_rss_mb": _peak_rss_mb(),
        "nodes": report.nodes,
        "norms": report.norms,
        "events": report.events,
    }


def _timed(function: Callable[..., Any], key: str, phases: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args)
        finally:
            phases[key] = time.perf_counter() - start

    return wrapper


def _run_child(args: list[str]) -> dict[str, object]:
    command = [sys.executable, "-m", "bench.build_index", "--child", *args]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-8:])
        raise BenchError(f"falló {' '.join(args[:1])} ({done.returncode}):\n{tail}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- one size --------------------------------------------------------------------


def _counts(database: Path) -> dict[str, int]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        queries = {
            "provisions": "SELECT count(*) FROM nodes WHERE kind IN ('article', 'literal')",
            "changes": "SELECT count(*) FROM changes",
        }
        return {key: int(connection.execute(sql).fetchone()[0]) for key, sql in queries.items()}
    finally:
        connection.close()


def _number(value: object) -> float:
    assert isinstance(value, int | float), value
    return float(value)


def measure(provisions: int, seed: int, cache: Path) -> SizeResult:
    sources = cache / f"corpus-{provisions}"
    database = cache / f"corpus-{provisions}.db"
    cache.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(sources, ignore_errors=True)  # untimed: the generator writes into an empty folder
    generated = _run_child(["generate", str(provisions), str(seed), str(sources)])
    built = _run_child(["build", str(sources), str(database)])
    counts = _counts(database)
    if counts["provisions"] != provisions:
        raise BenchError(f"la base tiene {counts['provisions']} disposiciones, no {provisions}")
    return SizeResult(
        provisions=provisions,
        seed=seed,
        norms=int(_number(generated["norms"])),
        events_in_sources=int(_number(generated["events"])),
        offices=int(_number(generated["offices"])),
        source_files=int(_number(generated["files"])),
        source_bytes=int(_number(generated["bytes"])),
        generate_s=_number(generated["seconds"]),
        generate_peak_rss_mb=_number(generated["peak_rss_mb"]),
        build_s=_number(built["build_s"]),
        load_s=_number(built.get("load_s", float("nan"))),
        write_s=_number(built.get("write_s", float("nan"))),
        build_base_rss_mb=_number(built["base_rss_mb"]),
        build_peak_rss_mb=_number(built["peak_rss_mb"]),
        db_bytes=database.stat().st_size,
        nodes=int(_number(built["nodes"])),
        events=int(_number(built["events"])),
        changes=counts["changes"],
        database=str(database),
    )


# -- report ----------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        total_kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{total_kb / MB:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "system": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "sqlite": sqlite3.sqlite_version,
    }


def report(results: Sequence[SizeResult]) -> str:
    header = (
        f"{'Disposiciones':>13} {'Normas':>7} {'Eventos':>7} {'Generar':>8} {'TOML MB':>8} {'Construir':>9} "
        f"{'carga':>6} {'escrit.':>7} {'RSS pico':>8} {'BD MB':>7} {'Nodos':>9} {'B/disp.':>7}"
    )
    lines = [
        "Construcción del índice (sgdesk db build) sobre corpus sintéticos; tiempos en s, memoria en MiB",
        "",
        header,
        "-" * len(header),
    ]
    for r in results:
        lines.append(
            f"{r.provisions:>13,} {r.norms:>7,} {r.events:>7,} {r.generate_s:>8.1f} "
            f"{r.source_bytes / MB:>8.1f} {r.build_s:>9.1f} {r.load_s:>6.1f} {r.write_s:>7.1f} "
            f"{r.build_peak_rss_mb:>8.0f} "
            f"{r.db_bytes / MB:>7.1f} {r.nodes:>9,} {r.bytes_per_provision:>7,.0f}"
        )
    lines += [
        "",
        "Eventos: filas de «events» (una expedición por norma más las modificaciones).",
        "RSS pico: del proceso hijo que construye (incluye el intérprete y sus importaciones).",
        "Bases: " + ", ".join(r.database for r in results),
    ]
    return "\n".join(lines)


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError("use números separados por comas: 10000,100000") from exc
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("cada tamaño debe ser al menos 1")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.build_index",
        description="Genera corpus sintéticos y mide la construcción de la base (sgdesk db build).",
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        metavar="N,N,…",
        help="disposiciones (artículos + literales) por corpus; por defecto 10000,100000,1000000",
    )
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="semilla del generador")
    parser.add_argument(
        "--keep",
        type=Path,
        default=CACHE,
        metavar="CARPETA",
        help="dónde quedan corpus-<N>/ y corpus-<N>.db (por defecto bench/.cache)",
    )
    add_json_option(parser)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.child:
        step, *rest = args.child
        if step == "generate":
            result = _child_generate(int(rest[0]), int(rest[1]), Path(rest[2]))
        else:
            result = _child_build(Path(rest[0]), Path(rest[1]))
        print(json.dumps(result))
        return 0
    results: list[SizeResult] = []
    try:
        for size in args.sizes:
            print(f"… {size:,} disposiciones", file=sys.stderr, flush=True)
            results.append(measure(size, args.seed, args.keep.resolve()))
    except BenchError as exc:
        print(f"bench.build_index: error: {exc}", file=sys.stderr)
        return 1
    print(report(results))
    save_json(args.json, {"machine": machine(), "results": [r.as_json() for r in results]})
    return 0


if __name__ == "__main__":
    sys.exit(main())
