"""What the structural checks at open cost: meta values, parent links resolving, no cycle.

    python -m bench.open_checks [--sizes 4000,10000,200000,1000000] [--json FILE]

Each size is the shipped corpus plus N synthetic nodes (sections → articles → literals, like a
corpus of norms), written to a temporary copy. For each it times, median of several runs:
the baseline open (connect read-only + ``PRAGMA user_version`` + the table list, what the app
did before), the whole ``open_readonly`` (with the checks), and ``parent_problem`` alone (what
``sgdesk db check`` runs at any size; the open runs it up to ``FULL_CHECK_LIMIT`` nodes).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from bench.results import add_json_option, save_json
from sgdesk import paths
from sgdesk.store import db

DEFAULT_SIZES = "4000,10000,200000,1000000"


def _grow(path: Path, extra: int) -> None:
    """Add ``extra`` nodes under the first root: 1 % sections, 19 % articles, 80 % literals."""
    connection = sqlite3.connect(path)
    root = connection.execute("SELECT id FROM nodes WHERE parent IS NULL LIMIT 1").fetchone()[0]
    sections = max(1, extra // 100)
    articles = max(1, extra * 19 // 100)
    rows = [(f"s{i}", root, i, "section") for i in range(sections)]
    rows += [(f"a{i}", f"s{i % sections}", i, "article") for i in range(articles)]
    rows += [(f"l{i}", f"a{i % articles}", i, "literal") for i in range(extra - sections - articles)]
    with connection:
        connection.executemany(
            "INSERT INTO nodes (id, parent, position, kind, title, citation) VALUES (?, ?, ?, ?, 't', 'c')",
            rows,
        )
    connection.execute("VACUUM")
    connection.close()


def _median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _baseline(path: Path) -> None:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    connection.execute("PRAGMA user_version").fetchone()
    connection.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    connection.close()


def _checked(path: Path) -> None:
    db.open_readonly(path).close()


def _parents(path: Path) -> None:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    total = connection.execute("SELECT count(*) FROM nodes").fetchone()[0]
    assert db.parent_problem(connection, total) is None
    connection.close()


def measure(sizes: Sequence[int], runs: int = 7) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="sgdesk-bench-open-") as folder:
        for size in (0, *sizes):
            path = Path(folder) / f"corpus-{size}.db"
            shutil.copyfile(paths.shipped_database(), path)
            path.chmod(0o644)
            if size:
                _grow(path, size)
            nodes = sqlite3.connect(path).execute("SELECT count(*) FROM nodes").fetchone()[0]
            times = runs if nodes < 300_000 else 3
            row = {
                "nodes": nodes,
                "baseline_ms": round(_median_ms(partial(_baseline, path), times), 2),
                "open_readonly_ms": round(_median_ms(partial(_checked, path), times), 2),
                "parent_problem_ms": round(_median_ms(partial(_parents, path), times), 2),
                "full_check_at_open": nodes <= db.FULL_CHECK_LIMIT,
            }
            rows.append(row)
            scope = "completo" if row["full_check_at_open"] else "solo meta"
            print(f"{nodes:>9} nodos  base {row['baseline_ms']:>8} ms  "
                  f"open_readonly {row['open_readonly_ms']:>8} ms  "
                  f"parent_problem {row['parent_problem_ms']:>8} ms  ({scope} al abrir)")  # fmt: skip
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.open_checks", description=__doc__)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, metavar="N,N")
    add_json_option(parser)
    args = parser.parse_args(argv)
    rows = measure([int(s) for s in args.sizes.split(",") if s.strip()])
    save_json(args.json, {"full_check_limit": db.FULL_CHECK_LIMIT, "rows": rows})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
