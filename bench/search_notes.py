"""The Búsqueda panel's search with «Mis notas» (#12.6): 10 000 notes against none.

    python -m bench.search_notes [--repeat N] [--clock cpu|wall] [--json FILE]

Fills a user database as ``bench.notes`` does (10 000 notes on passages of every unit of the
shipped corpus, each saying «nota N sobre gestión y contratación»), then times, per query, what
the panel's worker runs (``notes_search.search_with_notes``):

- **base**: the same call without a user database (the corpus search alone);
- **con notas**: with the 10 000 notes (the matching ones first, at most 20, placed in the text);
- **solo mis notas**: «Solo mis notas» (the corpus left out).

The queries: words every note has («contratación»: 10 000 matches to rank), words of some
quoted passages only («gestión documental»), a word no note has, and a word being typed.
Aim (issue #12): under 1.2× the base and under 100 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.notes import NOTES, fill
from bench.results import add_json_option, save_json
from bench.stats import nearest_rank
from sgdesk import paths
from sgdesk.content.query import SearchFilters
from sgdesk.library import Library, SearchMode
from sgdesk.notes import MyNotes
from sgdesk.notes_search import search_with_notes

QUERIES = (("contratación", False), ("gestión documental", False), ("secretaría general", False),
           ("funciones", False), ("contrat", True))  # fmt: skip
CLOCKS = {"wall": time.perf_counter, "cpu": time.thread_time}
AIM_RATIO, AIM_MS = 1.2, 100.0


def _median_ms(action: Callable[[], object], repeat: int, clock: Callable[[], float]) -> list[float]:
    action()
    samples = []
    for _ in range(repeat):
        start = clock()
        action()
        samples.append((clock() - start) * 1000)
    return samples


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_notes", description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15, metavar="N")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu")
    add_json_option(parser)
    args = parser.parse_args(argv)
    clock = CLOCKS[args.clock]
    library = Library.open(paths.shipped_database())
    report: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="sgdesk-bench-search-notes-") as name:
        print(f"llenando {NOTES} notas…", file=sys.stderr, flush=True)
        fill(Path(name), library)
        notes = MyNotes.open(Path(name))
        print(f"\nreloj: {args.clock}; ms, mediana (p95) de {args.repeat}; corpus incluido; 10 000 notas\n")
        print("| Consulta | Base (sin notas) | Con notas | Razón | Notas | Solo mis notas | Objetivo |")
        print("|---|---|---|---|---|---|---|")
        for text, typing in QUERIES:
            mode = SearchMode(prefix_last=typing)
            only = SearchMode(prefix_last=typing, only_notes=True)

            def run(my_notes: MyNotes | None, how: SearchMode, t: str = text) -> object:
                return search_with_notes(library, my_notes, t, SearchFilters(), 30, 0, how)

            base = _median_ms(lambda m=mode: run(None, m), args.repeat, clock)  # type: ignore[misc]
            full = _median_ms(lambda m=mode: run(notes, m), args.repeat, clock)  # type: ignore[misc]
            alone = _median_ms(lambda m=only: run(notes, m), args.repeat, clock)  # type: ignore[misc]
            found = run(notes, mode)
            shown = getattr(found, "notes", 0)
            ratio = statistics.median(full) / statistics.median(base)
            met = ratio <= AIM_RATIO and statistics.median(full) < AIM_MS
            label = f"«{text}»" + (" (escribiendo)" if typing else "")
            print(f"| {label} | {statistics.median(base):.2f} ({nearest_rank(base, 95):.2f}) "
                  f"| {statistics.median(full):.2f} ({nearest_rank(full, 95):.2f}) | {ratio:.2f}× | {shown} "
                  f"| {statistics.median(alone):.2f} | {'cumplido' if met else 'NO cumplido'} |")  # fmt: skip
            report[label] = {"base": base, "with_notes": full, "only_notes": alone, "notes_shown": shown}
        notes.close()
    library.close()
    save_json(args.json, {"notes": NOTES, "clock": args.clock, "results": report})
    return 0


if __name__ == "__main__":
    sys.exit(main())
