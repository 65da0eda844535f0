"""``sgdesk import`` of a ~400 KB norm (about Ley 80 de 1993) in each format, time and memory.

    python -m bench.importer [--kb 400] [--runs 3] [--json FILE]

The norm is the tests' example (``tests/importer/documents.py``) with generated example
articles up to ``--kb`` kilobytes of text, written as a SISJUR page (Windows-1252), DOCX
(python-docx), PDF (QPdfWriter) and text, into ``bench/.cache/importer``.

Each format is measured in a fresh child process: the first import (with the libraries'
own import), then the median of ``--runs`` more, and the child's peak RSS. Beside it, in
the same run, the **base**: the extraction library alone on the same file (reading the text
file; the standard library's HTMLParser; python-docx's paragraphs; PDFium's page text), so
the table shows what recognising the norm adds. For PDFs it also times pypdf's
``extract_text`` (the library the project already had) on the same file.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.corpora import CACHE
from bench.results import add_json_option, save_json

FOLDER = CACHE / "importer"
FORMATS = ("txt", "html", "docx", "pdf")
TARGET_SECONDS = 1.0  # the aim for text, HTML and DOCX


def write_documents(kb: int) -> dict[str, Path]:
    from sgdesk.app import offscreen_application
    from tests.importer import documents

    FOLDER.mkdir(parents=True, exist_ok=True)
    document = documents.long_example(kb * 1000)
    paths = {
        "txt": documents.write_txt(document, FOLDER / f"norma-{kb}kb.txt"),
        "html": documents.write_sisjur_html(document, FOLDER / f"norma-{kb}kb.html"),
        "docx": documents.write_docx(document, FOLDER / f"norma-{kb}kb.docx"),
    }
    with offscreen_application():
        paths["pdf"] = documents.write_pdf(document, FOLDER / f"norma-{kb}kb.pdf")
    return paths


def _base(fmt: str) -> Callable[[Path], object]:
    """The extraction library alone, without recognising anything."""
    if fmt == "txt":
        return lambda path: path.read_bytes().decode("cp1252", errors="replace").splitlines()
    if fmt == "html":
        from html.parser import HTMLParser

        def parse(path: Path) -> object:
            parser = HTMLParser()
            parser.feed(path.read_bytes().decode("cp1252"))
            return parser

        return parse
    if fmt == "docx":
        import docx

        return lambda path: [p.text for p in docx.Document(str(path)).paragraphs]
    if fmt == "pypdf":
        import pypdf

        return lambda path: [page.extract_text() for page in pypdf.PdfReader(path).pages]
    import pypdfium2

    def pdfium(path: Path) -> object:
        document = pypdfium2.PdfDocument(str(path))
        try:
            return [document[i].get_textpage().get_text_range() for i in range(len(document))]
        finally:
            document.close()

    return pdfium


def _memory_mb(field: str) -> float:
    """VmHWM (peak) or VmRSS of this process. Not ru_maxrss: on Linux it survives exec, so a
    child would report its parent's peak (the parent drew the PDF with Qt)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(case: str, fmt: str, path: Path, runs: int) -> dict[str, object]:
    """Runs inside the child process: times one case and reports its memory."""
    started = time.perf_counter()
    if case == "sgdesk":
        from sgdesk.importer import import_file

        def work(file: Path) -> object:
            return import_file(file)
    else:
        work = _base(fmt)  # type: ignore[assignment]
    loaded_mb = _memory_mb("VmRSS")  # the interpreter and the libraries, before any file
    result = work(path)
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work(path)
        times.append(time.perf_counter() - started)
    extra: dict[str, object] = {}
    if case == "sgdesk":
        extra = {"articles": len(result.articles), "warnings": len(result.warnings)}  # type: ignore[attr-defined]
    return {"case": case, "format": fmt, "first_s": first, "median_s": statistics.median(times),
            "loaded_rss_mb": loaded_mb, "peak_rss_mb": _memory_mb("VmHWM"), **extra}  # fmt: skip


def _measure(case: str, fmt: str, path: Path, runs: int) -> dict[str, object]:
    command = [sys.executable, "-m", "bench.importer", "--child", case, fmt, str(path), str(runs)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.importer", description=__doc__)
    parser.add_argument("--kb", type=int, default=400, help="kilobytes de texto de la norma (400)")
    parser.add_argument("--runs", type=int, default=3, help="importaciones medidas tras la primera (3)")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    add_json_option(parser)
    args = parser.parse_args(argv)
    if args.child:
        case, fmt, path, runs = args.child
        print(json.dumps(child(case, fmt, Path(path), int(runs))))
        return 0
    paths = write_documents(args.kb)
    rows = []
    for fmt in FORMATS:
        size_kb = paths[fmt].stat().st_size / 1024
        cases = ["sgdesk", fmt] + (["pypdf"] if fmt == "pdf" else [])
        for case in cases:
            row = _measure(case, fmt if case == "sgdesk" else case, paths[fmt], args.runs)
            row["file_kb"] = round(size_kb)
            rows.append(row)
    print(f"Importación de una norma de ~{args.kb} KB de texto ({args.runs} corridas tras la primera)\n")
    print(f"{'caso':<26}{'archivo':>10}{'primera':>10}{'mediana':>10}{'RSS cargado':>13}{'RSS máx.':>10}")
    status = 0
    for row in rows:
        name = f"sgdesk import {row['format']}" if row["case"] == "sgdesk" else f"  base: {row['case']}"
        found = f"  {row['articles']} art., {row['warnings']} adv." if row["case"] == "sgdesk" else ""
        print(f"{name:<26}{row['file_kb']:>8} KB{row['first_s']:>9.3f}s{row['median_s']:>9.3f}s"
              f"{row['loaded_rss_mb']:>10.0f} MB{row['peak_rss_mb']:>7.0f} MB{found}")  # fmt: skip
        if row["case"] == "sgdesk" and row["format"] != "pdf" and float(row["median_s"]) >= TARGET_SECONDS:  # type: ignore[arg-type]
            status = 1
    verdict = "cumplido" if status == 0 else "NO cumplido"
    print(f"\nObjetivo < {TARGET_SECONDS:.0f} s para texto, HTML y DOCX: {verdict}")
    save_json(args.json, {"kb": args.kb, "runs": args.runs, "rows": rows})
    return status


if __name__ == "__main__":
    raise SystemExit(main())
