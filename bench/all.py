"""Every benchmark, one after another, each beside its baseline from the same run.

    python -m bench.all [--large]        (what ``bash scripts/dev.sh bench`` runs)

1. ``bench`` — start-up against a bare PySide6 window;
2. ``bench.build_index`` — the synthetic corpora of 10 000 and 100 000 provisions (with
   ``--large`` also 1 000 000: about 4 minutes and 2 GB), only those not yet in ``bench/.cache``;
3. ``bench.search`` — fixed, vocabulary and as-you-type queries against the raw FTS5
   statement; ``bench.spelling`` — «¿Quiso decir…?» against the earlier code; ``bench.search_notes``
   — the panel's search with 10 000 notes against none;
4. ``bench.export`` — PDF export against a bare ``QPdfWriter``;
5. ``bench.timeline`` — the "Vigente a" date change;
6. ``bench.responsiveness`` — how long the window is blocked while the timeline is read and
   drawn, against an idle window;
7. ``bench.pack`` — verify + install of a content pack of the 100 000-provision corpus, against
   a plain copy + SHA-256 of its database.

Each step runs in its own process (a fresh interpreter, no shared caches). The exit status is
that of the first step that failed, 0 when all passed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence

from bench.corpora import CACHE

SIZES = (10_000, 100_000)
LARGE = 1_000_000


def steps(sizes: Sequence[int]) -> list[list[str]]:
    listed = ",".join(map(str, sizes))
    missing = [size for size in sizes if not (CACHE / f"corpus-{size}.db").is_file()]
    plan = [["bench"]]
    if missing:
        plan.append(["bench.build_index", "--sizes", ",".join(map(str, missing))])
    plan += [
        ["bench.search", "--sizes", listed],
        ["bench.spelling", "--sizes", listed],
        ["bench.search_notes"],
        ["bench.export"],
        ["bench.timeline", "--sizes", listed],
        ["bench.responsiveness", "--sizes", listed],
        ["bench.pack", "--size", "100000"],
    ]
    return plan


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.all", description="Todas las mediciones.")
    parser.add_argument("--large", action="store_true", help="incluir el corpus de 1 millón de disposiciones")
    args = parser.parse_args(argv)
    sizes = (*SIZES, LARGE) if args.large else SIZES
    status = 0
    for module, *options in steps(sizes):
        print(f"\n=== python -m {module} {' '.join(options)}".rstrip(), flush=True)
        code = subprocess.call([sys.executable, "-m", module, *options])
        if code and not status:
            status = code
            print(f"(python -m {module} terminó con el código {code})", file=sys.stderr)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
