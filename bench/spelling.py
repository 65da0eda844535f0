"""«¿Quiso decir…?» at scale: rapidfuzz over the whole vocabulary, beside the earlier own code.

    python -m bench.spelling [--sizes 100000,1000000] [--words 60] [--seed 15] [--json FILE]

For each ``bench/.cache/corpus-<N>.db`` it draws ``--words`` indexed words of 6+ letters (fixed
seed) and makes one typo in each (a letter changed, dropped, doubled or two swapped; the first
letter too, a third of the time), then times, per word:

- **ahora**: ``Vocabulary.closest`` (rapidfuzz over every word of a similar length), after the
  vocabulary was read once (that read is timed on its own);
- **antes**: the session-3 code kept here as the baseline: same-initial, similar-length
  candidates read from ``vocab`` by SQL, then a Python edit distance with an early stop;

and the whole ``Library.search`` of the typo (which finds nothing, so the suggestion's results
come back). Also says how often each found the original word.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench.corpora import CACHE
from bench.results import add_json_option, save_json
from bench.stats import nearest_rank
from sgdesk.content.spelling import Vocabulary, max_distance
from sgdesk.library import Library

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def typos(words: list[str], count: int, seed: int) -> list[tuple[str, str]]:
    """(typo, original): one edit per word, the first letter a third of the time."""
    chooser = random.Random(seed)
    found = []
    for word in chooser.sample(words, min(count, len(words))):
        at = 0 if chooser.random() < 1 / 3 else chooser.randrange(1, len(word) - 1)
        kind = chooser.choice(("change", "drop", "double", "swap"))
        if kind == "change":
            typo = word[:at] + chooser.choice(LETTERS.replace(word[at], "")) + word[at + 1 :]
        elif kind == "drop":
            typo = word[:at] + word[at + 1 :]
        elif kind == "double":
            typo = word[:at] + word[at] + word[at:]
        else:
            typo = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        found.append((typo, word))
    return found


def _old_distance(first: str, second: str, limit: int) -> int:
    """Session 3's optimal-string-alignment distance with an early stop (the baseline)."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i] + [0] * len(second)
        for j, b in enumerate(second, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def old_closest(connection: sqlite3.Connection, word: str) -> str | None:
    limit = max_distance(word)
    rows = connection.execute(
        "SELECT term, docs FROM vocab WHERE kind = 'w' AND term >= ? AND term < ? "
        "AND length(term) BETWEEN ? AND ?",
        (word[:1], word[:1] + "\U0010ffff", len(word) - limit, len(word) + limit),
    ).fetchall()
    best: tuple[int, int, str] | None = None
    for candidate, docs in rows:
        found = _old_distance(word, candidate, limit)
        if found <= limit and candidate != word and (best is None or (found, -docs, candidate) < best):
            best = (found, -docs, candidate)
    return best[2] if best else None


def _ms(action: object) -> float:
    assert callable(action)
    start = time.thread_time()
    action()
    return (time.thread_time() - start) * 1000


def measure(database: Path, count: int, seed: int) -> dict[str, object]:
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    rows = connection.execute("SELECT term, docs FROM vocab WHERE kind = 'w'").fetchall()
    words = sorted(term for term, _ in rows if term.isalpha() and len(term) >= 6)
    pairs = [(t, w) for t, w in typos(words, count, seed) if t not in set(words)]
    load_ms = _ms(lambda: Vocabulary(rows))
    vocabulary = Vocabulary(rows)
    library = Library.open(database)
    now, before, search = [], [], []
    now_right = before_right = 0
    for typo, word in pairs:
        now.append(_ms(lambda t=typo: vocabulary.closest(t)))
        before.append(_ms(lambda t=typo: old_closest(connection, t)))
        now_right += vocabulary.closest(typo) == word
        before_right += old_closest(connection, typo) == word
        library.search(typo)  # the first one reads the vocabulary
        search.append(_ms(lambda t=typo: library.search(t)))
    library.close()
    connection.close()
    return {
        "vocabulary": len(vocabulary), "load_ms": load_ms, "words": len(pairs), "now": now, "before": before,
        "search": search, "now_right": now_right, "before_right": before_right,
    }  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.spelling", description=__doc__)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--words", type=int, default=60)
    parser.add_argument("--seed", type=int, default=15)
    add_json_option(parser)
    args = parser.parse_args(argv)
    print("reloj: CPU del hilo; ms por palabra: p50 / p95 / máx")
    results: dict[str, object] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        database = CACHE / f"corpus-{size}.db"
        if not database.exists():
            print(
                f"falta {database}: créela con «python -m bench.build_index --sizes {size}»", file=sys.stderr
            )
            return 2
        found = measure(database, args.words, args.seed)
        results[str(size)] = found
        print(f"\n{size:,} disposiciones: {found['vocabulary']:,} palabras; ".replace(",", " ")
              + f"leerlas una vez {found['load_ms']:.1f} ms; {found['words']} errores")  # fmt: skip
        for label, key, right in (("ahora (rapidfuzz, todo el vocabulario)", "now", "now_right"),
                                  ("antes (misma inicial, Python)", "before", "before_right"),
                                  ("búsqueda entera con el error", "search", None)):  # fmt: skip
            times = found[key]
            assert isinstance(times, list)
            fixed = f"  recupera la palabra: {found[right]}/{found['words']}" if right else ""
            print(f"  {label:<40} {statistics.median(times):7.2f} {nearest_rank(times, 95):7.2f} "
                  f"{max(times):7.2f}{fixed}")  # fmt: skip
    save_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
