"""The databases a scale benchmark runs on: the shipped corpus, then the synthetic ones."""

from __future__ import annotations

import argparse
from pathlib import Path

from sgdesk import paths

CACHE = Path(__file__).resolve().parent / ".cache"
DEFAULT_SIZES = (100_000, 1_000_000)


def add_sizes_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), metavar="N,N",
                        help="tamaños de bench/.cache/corpus-<N>.db")  # fmt: skip


def databases(sizes: str) -> list[tuple[Path, str]]:
    """``data/sgdesk.db`` and each ``corpus-<N>.db`` that exists (a missing one is skipped, saying
    how to make it)."""
    found = [(paths.shipped_database(), "data/sgdesk.db")]
    for size in (int(s) for s in sizes.split(",") if s.strip()):
        database = CACHE / f"corpus-{size}.db"
        if database.is_file():
            found.append((database, database.name))
        else:
            print(f"(se omite {database.name}: no existe; créelo con python -m bench.build_index "
                  f"--sizes {size})")  # fmt: skip
    return found
