"""«Mis notas» at scale: 10 000 notes and 1 000 favorites against an empty user database.

    python -m bench.notes [--repeat N] [--json FILE]

Each operation is timed with the user data and, in the same run and interleaved, without it
(the baseline), over the shipped corpus:

- ``open``: opening the user database (what the window does at start-up);
- ``dock``: what the «Mis notas» dock lists (favorites, and every note placed in the content);
- ``page``: opening a page, including its record in the history (one transaction);
- ``search``: a corpus search plus the same words in «Solo mis notas».

The aim (issue #12): each under 1.2× its baseline and under 100 ms. The favorites are
synthetic node ids (the shipped corpus has fewer than 1 000 nodes): the missing ones are
listed as «no disponible», which costs the same lookup.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.results import add_json_option, save_json
from bench.stats import summarize
from sgdesk import paths
from sgdesk.content.anchoring import anchor_at, normalised_text
from sgdesk.content.annotations import Annotation, AnnotationKind, Favorite, utc_now
from sgdesk.library import Library
from sgdesk.notes import MyNotes

NOTES, FAVORITES = 10_000, 1_000
AIM_RATIO, AIM_MS = 1.2, 100.0
QUERY = "gestión documental"
PAGE = "decreto-267-2007"


def fill(folder: Path, library: Library) -> None:
    """NOTES notes on passages of every node with text, FAVORITES favorites."""
    favorites, annotations = user_data(library)
    notes = MyNotes.open(folder)
    try:
        notes._store.merge(favorites, annotations)
    finally:
        notes.close()


def user_data(library: Library) -> tuple[list[Favorite], list[Annotation]]:
    """What ``fill`` stores: FAVORITES favorites and NOTES notes, oldest first."""
    texts = [(n.id, normalised_text(library.node(n.id).plain_text)) for n in library.all_nodes()]
    texts = [(node_id, text) for node_id, text in texts if len(text) > 40]
    now = utc_now()
    annotations = []
    for number in range(NOTES):
        node_id, text = texts[number % len(texts)]
        start = (number * 7) % (len(text) - 30)
        anchor = anchor_at(text, start, start + 25)
        annotations.append(Annotation(str(uuid.uuid4()), node_id, AnnotationKind.NOTE,
                                      f"nota {number} sobre gestión y contratación", anchor,
                                      library.info.content_version, now, now, node_id))  # fmt: skip
    favorites = [Favorite(texts[i % len(texts)][0] if i < len(texts) else f"nodo-{i}", f"Favorito {i}",
                          f"Carpeta {i % 10}", i, now) for i in range(FAVORITES)]  # fmt: skip
    return favorites, annotations


def timed(operation: Callable[[], object]) -> float:
    start = time.perf_counter()
    operation()
    return (time.perf_counter() - start) * 1000


def measure(repeat: int) -> dict[str, dict[str, list[float]]]:
    library = Library.open(paths.shipped_database())
    with tempfile.TemporaryDirectory(prefix="sgdesk-bench-notes-") as name:
        full, empty = Path(name) / "con-datos", Path(name) / "vacia"
        fill(full, library)
        MyNotes.open(empty).close()
        operations = ("open", "dock", "page", "search")
        timings: dict[str, dict[str, list[float]]] = {k: {"with": [], "without": []} for k in operations}
        handles = {"with": MyNotes.open(full), "without": MyNotes.open(empty)}  # open all session long
        for run in range(repeat + 1):  # the first run warms up and is not kept
            for key, folder in (("with", full), ("without", empty)):
                notes = handles[key]
                sample = {
                    "open": timed(lambda f=folder: MyNotes.open(f).close()),  # type: ignore[misc]
                    "dock": timed(lambda n=notes: (n.favorites(library), n.placed(library))),  # type: ignore[misc]
                    "page": timed(lambda n=notes: n.record_visit(library.page(PAGE).node, None)),  # type: ignore[misc]
                    "search": timed(lambda n=notes: (library.search(QUERY), n.search(library, QUERY))),  # type: ignore[misc]
                }
                if key == "without":  # the baselines: the same operations with no user data at all
                    sample["page"] = timed(lambda: library.page(PAGE))
                    sample["search"] = timed(lambda: library.search(QUERY))
                if run:
                    for operation, value in sample.items():
                        timings[operation][key].append(value)
        for notes in handles.values():
            notes.close()
    library.close()
    return timings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.notes", description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15, metavar="N")
    add_json_option(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    print(f"midiendo {NOTES} notas y {FAVORITES} favoritos…", file=sys.stderr, flush=True)
    timings = measure(args.repeat)
    print(f"\nMilisegundos, mediana (p95) de {args.repeat} repeticiones; base: sin datos del usuario.\n")
    print("| Operación | Base | Con 10 000 notas y 1 000 favoritos | Razón | Objetivo |")
    print("|---|---|---|---|---|")
    report = {}
    for operation, runs in timings.items():
        base, full = summarize(runs["without"]), summarize(runs["with"])
        ratio = full.median / base.median if base.median else float("inf")
        met = full.median <= AIM_MS and ratio <= AIM_RATIO
        print(f"| {operation} | {base.median:.2f} ({base.p95:.2f}) | {full.median:.2f} ({full.p95:.2f}) "
              f"| {ratio:.2f}× | {'cumplido' if met else 'NO cumplido'} |")  # fmt: skip
        report[operation] = {
            "base": base.as_dict(),
            "with_user_data": full.as_dict(),
            "ratio": ratio,
            "aim_met": met,
        }
    save_json(args.json, {"notes": NOTES, "favorites": FAVORITES, "query": QUERY, "results": report})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
