"""#16's «Why» checklist, reproducible: each behaviour the review broke on purpose, broken again.

    .venv/bin/python scripts/why_breakages.py [--only NAME ...] [--no-baseline]

For each entry of ``BREAKAGES`` the script applies a small patch to a scratch copy of the
repository (the checkout is never touched), runs the tests named for it and records which of
them fail. Every breakage must make at least one test fail: the script prints a table
(docs/mutacion.md keeps a copy) and exits 1 when a breakage passes its tests, 2 when a patch no
longer applies (the code moved: update the patch) or when the tests fail without any breakage.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mutation import copy_repository  # the same scratch copy (scripts/ is on sys.path)


@dataclass(frozen=True)
class Breakage:
    name: str
    behaviour: str  # what the «Why» list says can break unnoticed
    patches: tuple[tuple[str, str, str], ...]  # (file, text, replacement); the text occurs once
    tests: tuple[str, ...]  # pytest node ids or files


_TL = "sgdesk/content/timeline.py"
_TE = "sgdesk/content/timeline_events.py"  # the Timeline class
_Q = "sgdesk/content/query.py"
_QUERY_TESTS = ("tests/content/test_query_grammar.py", "tests/content/test_query.py",
                "tests/store/test_search_grammar.py")  # fmt: skip
_TIMELINE_TESTS = ("tests/content/test_timeline_synthetic.py", "tests/content/test_dates.py")
_LAYERS = "tests/test_layering.py::test_the_import_contracts_are_kept"

# fmt: off
BREAKAGES: tuple[Breakage, ...] = (
    Breakage("repeal-ignored", "una derogación ignorada en el estado a una fecha",
             ((_TE, "        end = self._ends.get(node_id)\n", "        end = None\n"),),
             _TIMELINE_TESTS),
    Breakage("norm-repeal-not-passed", "la derogación de una norma no llega a sus unidades",
             ((_TE, "norm_end = self._ends.get(norm_id) if norm_id else None", "norm_end = None"),),
             _TIMELINE_TESTS),
    Breakage("month-last-day", "fecha con precisión de mes: su último día tomado como el 28",
             ((_TL, "when.day or _last_day(when.year, month))",
               "when.day or (31 if when.month is None else 28))"),),
             _TIMELINE_TESTS),
    Breakage("month-boundary-day", "el último día de un mes (o año) todavía «incierta»",
             ((_TL, "    if day >= latest(when):\n", "    if day > latest(when):\n"),),
             _TIMELINE_TESTS),
    Breakage("month-first-day", "el primer día de un mes (o año) tomado como «todavía no»",
             ((_TL, "    if day < earliest(when):\n", "    if day <= earliest(when):\n"),),
             _TIMELINE_TESTS),
    Breakage("leading-o", "una «o» al principio de la consulta hace fallar al analizador",
             ((_Q, "join_next = bool(groups)", "join_next = True"),),
             _QUERY_TESTS),
    Breakage("exclusions-uncapped", "sin tope de exclusiones («-a » × 600: «parser stack overflow» de FTS5)",
             ((_Q, "tuple(excluded[:MAX_CLAUSES])", "tuple(excluded)"),),
             (*_QUERY_TESTS, "tests/store/test_search_edges.py")),
    Breakage("rank-sample-unbounded", "la muestra acotada para ordenar (20 000 candidatos) quitada",
             (("sgdesk/store/search.py", "(expression, RANK_SAMPLE, 4 * (offset + page))",
               "(expression, -1, 4 * (offset + page))"),),
             ("tests/store/test_rank_sample.py", "tests/store/test_search_store.py",
              "tests/store/test_search.py")),
    Breakage("truncation-half", "la comprobación de base truncada aflojada a la mitad del archivo",
             (("sgdesk/store/db.py", "if page_count and size < expected:",
               "if page_count and size < expected // 2:"),),
             ("tests/store/test_truncation.py", "tests/store/test_open.py")),
    Breakage("norm-in-no-section", "el validador acepta una norma que no está en ninguna sección",
             (("sgdesk/content/sources.py", "if self.norm_nodes[norm_id][0].parent is None:",
               "if False:"),),
             ("tests/content/test_sources.py", "tests/test_recipes.py")),
    Breakage("renaming-without-names", "el validador acepta un cambio de denominación sin nombre "
             "anterior o nuevo",
             (("sgdesk/content/sources.py", "not (change.old_name and change.new_name)",
               "not (change.old_name or change.new_name)"),),
             ("tests/content/test_sources.py", "tests/test_recipes.py")),
    Breakage("library-imports-qt", "library.py importa PySide6",
             (("sgdesk/library.py", "from __future__ import annotations\n",
               "from __future__ import annotations\n\nimport PySide6  # noqa: F401\n"),),
             (_LAYERS,)),
    Breakage("store-imports-library", "la tienda importa la biblioteca (aunque sea bajo TYPE_CHECKING)",
             (("sgdesk/store/corpus.py", "from __future__ import annotations\n",
               "from __future__ import annotations\n\nfrom typing import TYPE_CHECKING\n\n"
               "if TYPE_CHECKING:\n    from sgdesk.library import Library  # noqa: F401\n"),),
             (_LAYERS,)),
    Breakage("reader-place-lost", "al cambiar la fecha, el lector vuelve al principio de la página",
             (("sgdesk/ui/reader.py", "        self.view.restore_place(place)\n", ""),),
             ("tests/ui/test_reader_place.py",)),
    Breakage("seed-outside-repo", "la prueba «línea por línea» lee la semilla de ../shared y se salta "
             "si no está",
             (("tests/conftest.py", 'SEED = REPO / "data" / "seed" / "informacion-general.txt"',
               'SEED = REPO.parent / "shared" / "seed" / "informacion-general.txt"'),
              ("tests/test_seed_verbatim.py", "from tests.conftest import SEED\n",
               "from tests.conftest import SEED\n\n"
               'pytestmark = pytest.mark.skipif(not SEED.exists(), reason="sin ../shared")\n')),
             ("tests/test_seed_verbatim.py", "tests/test_seed_location.py")),
    Breakage("headless-export-loads-ui", "`sgdesk export` (sin interfaz) carga módulos de la interfaz",
             (("sgdesk/cli/export.py", "        from sgdesk.qtenv import offscreen_application\n",
               "        from sgdesk.qtenv import offscreen_application\n"
               "        from sgdesk.ui import mainwindow  # noqa: F401\n"),),
             ("tests/test_layering.py::test_headless_commands_load_no_interface_module",)),
)
# fmt: on

_FAILED = re.compile(r"^(?:FAILED|ERROR) (\S+)", re.M)


def _pytest(folder: Path, tests: tuple[str, ...]) -> tuple[int, list[str], str]:
    """Exit code, the failing tests and the output of one pytest run in the copy."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(folder),
           "HYPOTHESIS_PROFILE": "mutation"}  # fmt: skip
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfE", "--no-header",
               *tests]  # fmt: skip
    run = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)
    output = run.stdout + run.stderr
    return run.returncode, sorted(set(_FAILED.findall(output))), output


def _named(failed: list[str], most: int = 2) -> str:
    """How many tests fail, and the first few of them (by file and function, without parameters)."""
    tests = list(dict.fromkeys(f.removeprefix("tests/").split("[")[0] for f in failed))
    shown = ", ".join(f"`{t}`" for t in tests[:most])
    more = f" y {len(tests) - most} más" if len(tests) > most else ""
    return f"{len(failed)}: {shown}{more}"


def _apply(folder: Path, breakage: Breakage) -> dict[Path, str] | str:
    """The original text of each patched file, or why the patch no longer applies."""
    originals: dict[Path, str] = {}
    for name, old, new in breakage.patches:
        path = folder / name
        text = originals.get(path) or path.read_text(encoding="utf-8")
        originals.setdefault(path, text)
        current = path.read_text(encoding="utf-8")
        if current.count(old) != 1:
            for original_path, original in originals.items():
                original_path.write_text(original, encoding="utf-8")
            return f"{name}: {current.count(old)} occurrences of {old.strip()!r}"
        path.write_text(current.replace(old, new), encoding="utf-8")
    return originals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", choices=[b.name for b in BREAKAGES], help="these breakages only")
    parser.add_argument("--no-baseline", action="store_true", help="skip the run without any breakage")
    parser.add_argument("-v", "--verbose", action="store_true", help="print pytest's output of each run")
    args = parser.parse_args()
    chosen = [b for b in BREAKAGES if not args.only or b.name in args.only]
    rows: list[tuple[str, str, str]] = []
    status = 0
    with tempfile.TemporaryDirectory(prefix="sgdesk-why-") as scratch:
        folder = Path(scratch)
        copy_repository(folder)
        if not args.no_baseline:
            every = tuple(dict.fromkeys(t for b in chosen for t in b.tests))
            code, failed, output = _pytest(folder, every)
            if code != 0:
                sys.stderr.write(output[-6000:])
                print(f"the tests fail without any breakage: {', '.join(failed) or code}")
                return 2
            print(f"baseline: {len(every)} test files or tests pass without any breakage")
        for breakage in chosen:
            applied = _apply(folder, breakage)
            if isinstance(applied, str):
                rows.append((breakage.name, breakage.behaviour, f"PATCH DOES NOT APPLY: {applied}"))
                status = max(status, 2)
                continue
            try:
                code, failed, output = _pytest(folder, breakage.tests)
            finally:
                for path, original in applied.items():
                    path.write_text(original, encoding="utf-8")
            if args.verbose:
                print(output[-4000:])
            if code == 0 or not failed:
                verdict = "NO TEST FAILS" if code in (0, 5) else f"pytest exit {code}, no failing test named"
                status = max(status, 1)
            else:
                verdict = _named(failed)
            rows.append((breakage.name, breakage.behaviour, verdict))
            print(f"{breakage.name}: {verdict}", flush=True)
    print()
    print("| Ruptura | Comportamiento | Pruebas que fallan |")
    print("| --- | --- | --- |")
    for name, behaviour, verdict in rows:
        print(f"| `{name}` | {behaviour} | {verdict} |")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
