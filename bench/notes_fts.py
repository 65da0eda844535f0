"""The notes' full-text index (#12.6): is it worth merging its segments?

    python -m bench.notes_fts [--repeat N] [--json FILE]

FTS5 writes each transaction's entries as a new segment of ``annotations_fts`` and merges
segments on its own as they pile up (``automerge``, 4 by default); every MATCH reads every
segment. The corpus's index is merged into one at build time (``optimize``); the user
database's never is. Three user databases with the same 10 000 notes as ``bench.notes``:

- **grown**: one transaction per note (``UserNotesStore.save_annotation``, what the window
  and ``sgdesk notes add`` do), as a user's database grows;
- **bulk**: the benchmarks' database, all in one transaction (``merge``, what an import does);
- **copied**: a copy of the grown one, page for page (the control for the next);
- **optimized**: another copy after ``INSERT INTO annotations_fts(annotations_fts)
  VALUES('optimize')`` (all segments merged into one).

For each: its segments (levels, pages, from FTS5's structure record), and the CPU of the notes'
SQL for the queries of ``bench.search_notes`` (``UserNotesStore.search``, interleaved), with
the answers compared.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.notes import user_data
from bench.results import add_json_option, save_json
from bench.search_notes import QUERIES
from bench.stats import nearest_rank
from sgdesk import paths
from sgdesk.content.query import parse_query, typed_as_prefix
from sgdesk.library import Library
from sgdesk.notes import MyNotes
from sgdesk.notes_search import NOTES_SHOWN
from sgdesk.store.search import prefixes, text_expression
from sgdesk.store.userdb import USER_DB_NAME

_STRUCTURE_ROWID = 10  # FTS5's structure record in the %_data table


def _varint(blob: bytes, at: int) -> tuple[int, int]:
    """SQLite's varint (as FTS5 writes it) at ``at``: (value, the offset after it)."""
    value = 0
    for step in range(9):
        byte = blob[at]
        at += 1
        if step == 8:
            return (value << 8) | byte, at
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            break
    return value, at


def segments(database: Path) -> list[tuple[int, int]]:
    """(segments, leaf pages) of each non-empty level of the notes' index."""
    connection = sqlite3.connect(database)
    try:
        blob = connection.execute(
            "SELECT block FROM annotations_fts_data WHERE id = ?", (_STRUCTURE_ROWID,)
        ).fetchone()[0]
    finally:
        connection.close()
    extended = blob[4:8] == b"\xff\x00\x00\x00"  # (a newer FTS5's record: 5 more numbers a segment)
    at = 8 if extended else 4  # after the cookie
    levels, at = _varint(blob, at)
    _total, at = _varint(blob, at)
    _writes, at = _varint(blob, at)
    found = []
    for _ in range(levels):
        _merging, at = _varint(blob, at)
        count, at = _varint(blob, at)
        pages = 0
        for _ in range(count):
            _segment, at = _varint(blob, at)
            first, at = _varint(blob, at)
            last, at = _varint(blob, at)
            for _ in range(5 if extended else 0):
                _more, at = _varint(blob, at)
            pages += last - first + 1
        if count:
            found.append((count, pages))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.notes_fts", description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=31, metavar="N")
    add_json_option(parser)
    args = parser.parse_args(argv)
    library = Library.open(paths.shipped_database())
    favorites, annotations = user_data(library)
    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="sgdesk-bench-notes-fts-") as name:
        folders = {side: Path(name) / side for side in ("grown", "copied", "bulk", "optimized")}
        print(f"guardando {len(annotations)} notas una a una…", file=sys.stderr, flush=True)
        notes = MyNotes.open(folders["grown"])
        started = time.perf_counter()
        for annotation in annotations:
            notes._store.save_annotation(annotation)
        report["grown_save_s"] = time.perf_counter() - started
        notes.close()
        for side in ("copied", "optimized"):  # page for page: the same segments, the same file
            folders[side].mkdir()
            source = sqlite3.connect(folders["grown"] / USER_DB_NAME)
            copy = sqlite3.connect(folders[side] / USER_DB_NAME)
            source.backup(copy)
            source.close()
            copy.close()
        notes = MyNotes.open(folders["bulk"])
        notes._store.merge(favorites, annotations)
        notes.close()
        connection = sqlite3.connect(folders["optimized"] / USER_DB_NAME, isolation_level=None)
        started = time.perf_counter()
        connection.execute("INSERT INTO annotations_fts(annotations_fts) VALUES('optimize')")
        report["optimize_ms"] = (time.perf_counter() - started) * 1000
        connection.close()
        stores = {side: MyNotes.reader(folder / USER_DB_NAME) for side, folder in folders.items()}
        print(f"\nGuardar las {len(annotations)} notas una a una: {report['grown_save_s']:.1f} s; "
              f"«optimize» sobre esa base: {report['optimize_ms']:.0f} ms\n")  # fmt: skip
        print("| Base | Segmentos por nivel (segmentos, páginas) |")
        print("|---|---|")
        for side, folder in folders.items():
            structure = segments(folder / USER_DB_NAME)
            report[f"{side}_segments"] = structure
            print(f"| {side} | {' · '.join(f'{n} ({p} págs.)' for n, p in structure)} |")
        print(f"\nSQL de las notas (`UserNotesStore.search`, CPU, ms, mediana (p95) de {args.repeat}, "
              "intercalado)\n")  # fmt: skip
        print("| Consulta | " + " | ".join(folders) + " | optimized ÷ copied | Mismas respuestas |")
        print("|---|---|---|---|---|---|---|")
        for text, typing in QUERIES:
            query = typed_as_prefix(parse_query(text, prefix_last=typing))
            expression, prefixed = text_expression(query), bool(prefixes(query))
            assert expression is not None
            times: dict[str, list[float]] = {side: [] for side in folders}
            answers = {}
            for side, notes in stores.items():  # warm up
                answers[side] = [a.id for a in notes._store.search(expression, NOTES_SHOWN, prefixed)]
            for _ in range(args.repeat):
                for side, notes in stores.items():
                    started = time.thread_time()
                    notes._store.search(expression, NOTES_SHOWN, prefixed)
                    times[side].append((time.thread_time() - started) * 1000)
            median = {side: statistics.median(values) for side, values in times.items()}
            same = all(answer == answers["grown"] for answer in answers.values())
            label = f"«{text}»" + (" (escribiendo)" if typing else "")
            cells = " | ".join(f"{median[s]:.2f} ({nearest_rank(times[s], 95):.2f})" for s in folders)
            print(f"| {label} | {cells} | {median['optimized'] / median['copied']:.2f}× | "
                  f"{'sí' if same else 'NO'} |")  # fmt: skip
            report[label] = {**times, "same_answers": same}
        for notes in stores.values():
            notes.close()
    library.close()
    save_json(args.json, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
