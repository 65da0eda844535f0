"""Verify + install of a content pack, beside a plain copy + SHA-256 of the same database.

    python -m bench.pack [--size 100000] [--runs 3] [--json FILE]

Uses ``bench/.cache/corpus-<N>.db`` (``python -m bench.build_index --sizes N`` makes it). Packs
it once (signed with a key made for the run), then, ``--runs`` times each, in fresh folders:

- the baseline: copy the database to a new file while hashing it (SHA-256), fsync;
- ``sgdesk pack install``'s work (``ContentFolder.install``), timed by phase: signature
  (size limits, entry names, Ed25519), copy (inflate + SHA-256 + write + fsync), checks (schema,
  SQLite ``integrity_check``, FTS5 integrity check) and switch (rename + pointer);
- the two integrity checks alone, on the installed file, to split the «checks» phase (the FTS5
  one of the index's structure, as at install; against the text it runs when the pack is built).

Medians are reported; the ratio is install ÷ baseline (the issue aims at ≤ 3×).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from bench.corpora import CACHE
from bench.results import add_json_option, save_json
from sgdesk.packs.build import build_pack
from sgdesk.packs.installed import ContentFolder
from sgdesk.packs.keys import write_key_pair
from sgdesk.store import packing

CHUNK = 1 << 20
PHASES = ("verificar", "copiar", "comprobar", "cambiar")


def plain_copy(source: Path, target: Path) -> str:
    """The baseline: one pass that reads, hashes and writes, then fsync."""
    digest = hashlib.sha256()
    with source.open("rb") as reading, target.open("wb") as writing:
        while chunk := reading.read(CHUNK):
            digest.update(chunk)
            writing.write(chunk)
        writing.flush()
        os.fsync(writing.fileno())
    return digest.hexdigest()


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def install_once(pack: Path, keys: Path, shipped: Path, folder: Path) -> dict[str, float]:
    """One install in a fresh data folder; seconds per phase and in all."""
    marks: list[tuple[str, float]] = []

    def progress(phase: str, _done: int, _total: int) -> None:
        if not marks or marks[-1][0] != phase:
            marks.append((phase, time.perf_counter()))

    content = ContentFolder(folder, shipped, keys)
    start = time.perf_counter()
    content.install(pack, progress=progress)
    end = time.perf_counter()
    times = dict.fromkeys(PHASES, 0.0)
    for (phase, began), (_next, ended) in zip(marks, [*marks[1:], ("fin", end)], strict=True):
        times[phase] += ended - began
    times["total"] = end - start
    installed = content.current().path
    times["integrity_check"] = timed(lambda: packing.integrity_problems(installed))
    times["fts_check"] = timed(lambda: packing.fts_problems(installed, against_content=False))
    return times


def measure(database: Path, runs: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="sgdesk-bench-pack-", dir=CACHE) as work_text:
        work = Path(work_text)
        secret, _public = write_key_pair(work / "claves", "bench")
        pack_seconds = time.perf_counter()
        built = build_pack(work / "corpus.sgpack", secret, database=database, version="2030.1")
        pack_seconds = time.perf_counter() - pack_seconds
        baseline: list[float] = []
        installs: list[dict[str, float]] = []
        for run in range(runs):  # interleaved, so both see the same machine
            baseline.append(timed(partial(plain_copy, database, work / f"copia-{run}.db")))
            installs.append(install_once(built.path, secret.parent, database, work / f"datos-{run}"))
    median = {key: statistics.median(run[key] for run in installs) for key in installs[0]}
    base = statistics.median(baseline)
    return {
        "database": str(database),
        "database_mb": round(database.stat().st_size / 2**20, 1),
        "pack_mb": round(built.path.stat().st_size / 2**20, 1) if built.path.exists() else None,
        "pack_build_s": round(pack_seconds, 2),
        "runs": runs,
        "baseline_copy_sha256_s": round(base, 3),
        "install": {key: round(value, 3) for key, value in median.items()},
        "ratio": round(median["total"] / base, 2),
    }


def report(result: dict[str, object]) -> str:
    install = result["install"]
    assert isinstance(install, dict)
    lines = [
        f"Paquete de {result['database_mb']} MB de base de datos (construirlo: {result['pack_build_s']} s); "
        f"mediana de {result['runs']} corridas, en s",
        "",
        f"{'copia simple + SHA-256 (referencia)':<44}{result['baseline_copy_sha256_s']:>8.3f}",
        f"{'verificar + instalar (sgdesk pack install)':<44}{install['total']:>8.3f}"
        f"   {result['ratio']}× la referencia",
        f"{'  firma (límites, nombres, Ed25519)':<44}{install['verificar']:>8.3f}",
        f"{'  copia (inflar + SHA-256 + escribir + fsync)':<44}{install['copiar']:>8.3f}",
        f"{'  comprobaciones (esquema, SQLite, FTS5)':<44}{install['comprobar']:>8.3f}",
        f"{'    integrity_check de SQLite, sola':<44}{install['integrity_check']:>8.3f}",
        f"{'    integrity-check de FTS5 (estructura), sola':<44}{install['fts_check']:>8.3f}",
        f"{'  cambio (renombrar + puntero, fsync)':<44}{install['cambiar']:>8.3f}",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pack", description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="disposiciones del corpus sintético")
    parser.add_argument("--runs", type=int, default=3, help="corridas de cada medición")
    add_json_option(parser)
    args = parser.parse_args(argv)
    database = CACHE / f"corpus-{args.size}.db"
    if not database.is_file():
        print(f"No existe {database}: créelo con python -m bench.build_index --sizes {args.size}")
        return 1
    result = measure(database, args.runs)
    print(report(result))
    save_json(args.json, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
