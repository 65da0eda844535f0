"""PDF export at scale: the real compendium, a ~500-page export, and a bare QPdfWriter beside them.

    python -m bench.export [--pages 500] [--runs 3] [--corpus DB] [--json FILE]

Every measurement runs in a fresh child process (same interpreter, offscreen Qt, the app's
fonts), so its peak RSS (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) is its own:

* **compendio**: ``plan_compendium`` over ``data/sgdesk.db`` (the shipped corpus), then the
  export (``export_steps``: lay out, paint page by page, pypdf outline and metadata, rename).
* **sintético**: about ``--pages`` pages of norms from ``bench/.cache/corpus-10000.db`` (made by
  ``python -m bench.build_index --sizes 10000``), in tree order; if that database is missing,
  the real compendium's sections repeated until they fill as many pages. The report says which.
  Which norms make ~N pages is worked out beforehand in another child (a layout, no painting).
* **base**: a bare ``QPdfWriter`` (same paper, no PDF/A, no pypdf) painting as many pages as the
  synthetic export, one plain paragraph each: the cost of the PDF writer alone.

Times: the plan (reading the pages from SQLite), then the three phases of ``export_steps``, told
apart by its progress steps: until the first page is painted (the writer and the layout of every
section), the painting of the other pages, and after the last page (flushing the file, pypdf,
rename). Per case the median of ``--runs`` runs and the highest peak RSS.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from bench.results import add_json_option, save_json

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
DEFAULT_CORPUS = CACHE / "corpus-10000.db"
MIB = 1024 * 1024
PARAGRAPH = (
    "Formular, orientar y coordinar las políticas para el fortalecimiento de la función "
    "administrativa de los organismos y entidades de Bogotá, Distrito Capital, mediante el "
    "diseño e implementación de instrumentos de coordinación y gestión, la promoción del "
    "desarrollo institucional, el mejoramiento del servicio a la ciudadanía y la protección "
    "de los recursos documentales de interés público."
)


class BenchError(Exception):
    """A child failed; the message is printed as is."""


# -- children ----------------------------------------------------------------------------


def _peak_rss_mib() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (MIB if sys.platform == "darwin" else 1024)  # bytes on macOS, KiB on Linux


def _timed_export(plan: Any, target: Path) -> dict[str, float]:
    """Run ``export_steps`` to the end, timing its three phases by its progress steps."""
    from sgdesk.export.pdf import export_steps

    steps = export_steps(plan, target)
    start = time.perf_counter()
    first = last = start
    pages = 0
    try:
        while True:
            done, pages = next(steps)
            now = time.perf_counter()
            if done == 1:
                first = now
            last = now
    except StopIteration:
        end = time.perf_counter()
    return {
        "pages": pages,
        "layout_s": first - start,
        "paint_s": last - first,
        "finish_s": end - last,
        "export_s": end - start,
    }


def _child_compendium(out: Path) -> dict[str, Any]:
    from sgdesk import paths
    from sgdesk.export.plan import plan_compendium
    from sgdesk.library import Library

    base = _peak_rss_mib()
    start = time.perf_counter()
    library = Library.open(paths.shipped_database())
    plan = plan_compendium(library)
    plan_s = time.perf_counter() - start
    phases = _timed_export(plan, out)
    return {"sections": len(plan.pages), "plan_s": plan_s, **phases, "base_rss_mib": base}


def _plan_for(library: Any, ids: list[str]) -> Any:
    """An export of ``ids`` in this order; an id may repeat (the repeated compendium)."""
    from sgdesk.export.plan import plan_export

    unique = list(dict.fromkeys(ids))
    plan = plan_export(library, unique)
    if len(unique) == len(ids):
        return plan
    by_id = {page.node.id: page for page in plan.pages}
    pages = tuple(by_id[node_id] for node_id in ids)
    return replace(plan, pages=pages, title=f"Prueba de carga: {len(pages)} secciones")


def _child_select(pages: int, corpus: Path) -> dict[str, Any]:
    """The norms (or repeated compendium sections) that fill about ``pages`` pages."""
    from PySide6.QtGui import QPdfWriter

    from sgdesk import paths
    from sgdesk.content.model import NodeKind
    from sgdesk.export.pdf import Paginator, configure_device
    from sgdesk.export.plan import PaperSize, export_ids
    from sgdesk.library import Library

    if corpus.is_file():
        database, source = corpus, f"normas de {corpus.name}"
        library = Library.open(database)
        pool = [node.id for node in library.all_nodes() if node.kind is NodeKind.NORM]
        repeat = False
    else:
        database, source = paths.shipped_database(), "secciones del compendio real, repetidas"
        library = Library.open(database)
        tops = [child.id for root in library.children(None) for child in library.children(root.id)]
        pool = export_ids(library, tops, include_children=True)
        repeat = True
    with tempfile.TemporaryDirectory() as folder:
        writer = QPdfWriter(str(Path(folder) / "layout.pdf"))  # laid out on, never painted
        configure_device(writer, PaperSize.CARTA)
        count = 32
        while True:
            ids = [pool[i % len(pool)] for i in range(count)] if repeat else pool[:count]
            paginator = Paginator(_plan_for(library, ids), writer)
            if paginator.page_count >= pages or (not repeat and count >= len(pool)):
                break
            count = math.ceil(count * pages / paginator.page_count * 1.1)
    library.close()
    # As many sections as fill the target (with the cover and the contents), and no more.
    chosen = next((i for i, s in enumerate(paginator.sections) if s.first_page >= pages), len(ids))
    return {"database": str(database), "source": source, "ids": ids[:chosen]}


def _child_synthetic(recipe: Path, out: Path) -> dict[str, Any]:
    from sgdesk.library import Library

    chosen = json.loads(recipe.read_text(encoding="utf-8"))
    base = _peak_rss_mib()
    start = time.perf_counter()
    plan = _plan_for(Library.open(Path(chosen["database"])), chosen["ids"])
    plan_s = time.perf_counter() - start
    phases = _timed_export(plan, out)
    return {"sections": len(plan.pages), "plan_s": plan_s, **phases, "base_rss_mib": base}


def _child_baseline(pages: int, out: Path) -> dict[str, Any]:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    base = _peak_rss_mib()
    start = time.perf_counter()
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    painter = QPainter(writer)
    font = QFont("Noto Serif")
    font.setPointSizeF(11)
    painter.setFont(font)
    area = QRectF(0, 0, writer.width(), writer.height())
    for number in range(pages):
        if number:
            writer.newPage()
        painter.drawText(area, int(Qt.TextFlag.TextWordWrap), PARAGRAPH)
    painter.end()
    del writer  # the file is complete
    seconds = time.perf_counter() - start
    return {
        "sections": 0,
        "pages": pages,
        "plan_s": 0.0,
        "layout_s": 0.0,
        "paint_s": seconds,
        "finish_s": 0.0,
        "export_s": seconds,
        "base_rss_mib": base,
    }


def _child(args: list[str]) -> dict[str, Any]:
    from sgdesk.qtenv import offscreen_application

    kind, *rest = args
    with offscreen_application():
        if kind == "select":
            return _child_select(int(rest[0]), Path(rest[1]))
        out = Path(rest[-1])
        if kind == "compendium":
            result = _child_compendium(out)
        elif kind == "synthetic":
            result = _child_synthetic(Path(rest[0]), out)
        elif kind == "baseline":
            result = _child_baseline(int(rest[0]), out)
        else:
            raise ValueError(kind)
        result["peak_rss_mib"] = _peak_rss_mib()
        result["file_bytes"] = out.stat().st_size
    return result


def _run_child(args: list[str]) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.export", "--child", *args]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = "\n".join(done.stderr.strip().splitlines()[-8:])
        raise BenchError(f"falló el proceso «{args[0]}» (código {done.returncode}):\n{tail}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


# -- the parent ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    key: str
    label: str
    sections: int
    pages: int
    runs: int
    plan_s: float  # medians of the runs
    layout_s: float
    paint_s: float
    finish_s: float
    export_s: float
    base_rss_mib: float  # after imports and the Qt application, before the work
    peak_rss_mib: float  # the highest of the runs
    file_bytes: int

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.export_s if self.export_s else math.inf


def _case(key: str, label: str, runs: list[dict[str, Any]]) -> Case:
    def median(name: str) -> float:
        return statistics.median(float(run.get(name, math.nan)) for run in runs)

    return Case(
        key=key,
        label=label,
        sections=int(runs[0]["sections"]),
        pages=int(runs[0]["pages"]),
        runs=len(runs),
        plan_s=median("plan_s"),
        layout_s=median("layout_s"),
        paint_s=median("paint_s"),
        finish_s=median("finish_s"),
        export_s=median("export_s"),
        base_rss_mib=median("base_rss_mib"),
        peak_rss_mib=max(float(run["peak_rss_mib"]) for run in runs),
        file_bytes=int(runs[-1]["file_bytes"]),
    )


@dataclass(frozen=True)
class Result:
    pages_asked: int
    source: str
    cases: list[Case]
    machine: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        return {
            "pages_asked": self.pages_asked,
            "synthetic_source": self.source,
            "machine": self.machine,
            "cases": [{**asdict(case), "pages_per_s": case.pages_per_s} for case in self.cases],
        }


def run(pages: int, runs: int, corpus: Path) -> Result:
    from bench.startup import machine_info

    with tempfile.TemporaryDirectory(prefix="sgdesk-bench-export-") as name:
        folder = Path(name)
        chosen = _run_child(["select", str(pages), str(corpus)])
        recipe = folder / "recipe.json"
        recipe.write_text(json.dumps(chosen), encoding="utf-8")
        measured: dict[str, list[dict[str, Any]]] = {"compendium": [], "synthetic": [], "baseline": []}
        for _round in range(runs):  # interleaved: every case sees the same machine
            measured["compendium"].append(_run_child(["compendium", str(folder / "compendio.pdf")]))
            synthetic = _run_child(["synthetic", str(recipe), str(folder / "sintetico.pdf")])
            measured["synthetic"].append(synthetic)
            measured["baseline"].append(
                _run_child(["baseline", str(synthetic["pages"]), str(folder / "base.pdf")])
            )
            print(".", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    labels = {
        "compendium": "Compendio real (data/sgdesk.db)",
        "synthetic": f"Sintético: {chosen['source']}",
        "baseline": "QPdfWriter sin maquetar (base)",
    }
    cases = [_case(key, labels[key], measured[key]) for key in measured]
    return Result(pages, chosen["source"], cases, machine_info("offscreen", None))


def report(result: Result) -> str:
    labels = {"CPU": "CPU", "Cores": "Núcleos", "OS": "Sistema", "Python": "Python",
              "PySide6 / Qt": "PySide6 / Qt"}  # fmt: skip
    lines = [f"{labels[key]:<13} {value}" for key, value in result.machine.items() if key in labels]
    runs = result.cases[0].runs
    lines += ["", f"Exportación a PDF (mediana de {runs} corrida(s), cada una en un proceso nuevo)", ""]
    width = max(len(case.label) for case in result.cases)
    header = (
        f"{'Caso':<{width}}  {'Secc.':>5}  {'Págs.':>5}  {'s':>6}  {'págs./s':>7}  "
        f"{'RSS pico MiB':>12}  {'(base)':>6}  {'Archivo MiB':>11}"
    )
    lines += [header, "-" * len(header)]
    for case in result.cases:
        sections = str(case.sections) if case.sections else "—"
        lines.append(
            f"{case.label:<{width}}  {sections:>5}  {case.pages:>5}  {case.export_s:>6.2f}  "
            f"{case.pages_per_s:>7.0f}  {case.peak_rss_mib:>12.0f}  {case.base_rss_mib:>6.0f}  "
            f"{case.file_bytes / MIB:>11.2f}"
        )
    lines += [
        "",
        "Desglose (s): plan = leer las páginas de SQLite (fuera de «s»); maquetar = hasta pintar la",
        "1.ª página; pintar = las demás; cerrar = volcar el archivo, pypdf y renombrar",
        "",
    ]
    header = f"{'Caso':<{width}}  {'plan':>6}  {'maquetar':>8}  {'pintar':>6}  {'cerrar':>6}"
    lines += [header, "-" * len(header)]
    for case in result.cases[:2]:
        lines.append(
            f"{case.label:<{width}}  {case.plan_s:>6.2f}  {case.layout_s:>8.2f}  "
            f"{case.paint_s:>6.2f}  {case.finish_s:>6.2f}"
        )
    synthetic, baseline = result.cases[1], result.cases[2]
    if baseline.export_s:
        lines += ["", f"Sintético ÷ base: {synthetic.export_s / baseline.export_s:.1f}× el tiempo "
                      f"con el mismo número de páginas ({synthetic.pages})."]  # fmt: skip
    return "\n".join(lines)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("debe ser al menos 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.export",
        description="Tiempo y memoria de la exportación a PDF: compendio real, ~N páginas y una base.",
    )
    parser.add_argument("--pages", type=_positive, default=500, metavar="N", help="páginas del sintético")
    parser.add_argument("--runs", type=_positive, default=3, metavar="N", help="corridas por caso")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        metavar="BASE",
        help="base sintética de la que tomar normas (por defecto bench/.cache/corpus-10000.db)",
    )
    add_json_option(parser)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child)), flush=True)
        sys.stderr.flush()
        # Skip the interpreter's teardown: it is not measured, and under PySide6 6.12.0 (excluded
        # in pyproject.toml) a long export could make it abort after the result was printed.
        os._exit(0)
    try:
        result = run(args.pages, args.runs, args.corpus.resolve())
    except BenchError as exc:
        print(f"bench.export: error: {exc}", file=sys.stderr)
        return 1
    print(report(result))
    save_json(args.json, result.as_json())
    return 0


if __name__ == "__main__":
    sys.exit(main())
