"""The command line: ``sgdesk`` opens the window; subcommands serve scripts and tests.

Every command is one library call. Errors print one Spanish line and exit with 2.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from sgdesk import __version__, paths
from sgdesk.errors import SgdeskError
from sgdesk.library import Library, Page

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    import argparse  # not imported when the window opens without arguments

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            self.exit(EXIT_USAGE, f"sgdesk: error: {message}\n")

    parser = _Parser(
        prog="sgdesk",
        description=(
            "Información institucional y jurídica de la Secretaría General de la Alcaldía Mayor "
            "de Bogotá D.C. Sin subcomando abre la ventana."
        ),
    )
    parser.add_argument("--version", action="version", version=f"sgdesk {__version__}")
    parser.add_argument(
        "--database", type=Path, metavar="ARCHIVO", help="base de datos del corpus (por defecto, la incluida)"
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="CARPETA",
        help="carpeta para la configuración y los datos del usuario",
    )
    # For benchmarks and smoke checks: print a line at the first painted frame, then quit.
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--smoke-test", action="store_true",
                        help="comprobar la instalación (ventana, búsqueda, PDF) y salir")  # fmt: skip
    commands = parser.add_subparsers(dest="command", metavar="COMANDO", parser_class=_Parser)

    db = commands.add_parser("db", help="construir o verificar la base de datos")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACCIÓN", required=True, parser_class=_Parser)
    build = db_commands.add_parser("build", help="construir la base de datos desde data/sources")
    build.add_argument("--sources", type=Path, default=paths.sources_dir(), metavar="CARPETA")
    build.add_argument("-o", "--output", type=Path, metavar="ARCHIVO")
    check = db_commands.add_parser("check", help="verificar la integridad de una base de datos")
    check.add_argument("file", nargs="?", type=Path, metavar="ARCHIVO")

    tree = commands.add_parser("tree", help="mostrar el árbol de navegación")
    tree.add_argument("--json", action="store_true", help="salida en JSON")
    show = commands.add_parser("show", help="mostrar una sección o disposición")
    show.add_argument("id", metavar="ID", help="por ejemplo decreto-267-2007/art-7/lit-n")
    show.add_argument("--json", action="store_true", help="salida en JSON")
    show.add_argument("--as-of", type=_day, metavar="AAAA-MM-DD", help="vigencia en esa fecha")
    timeline = commands.add_parser("timeline", help="los eventos de modificación, en orden")
    timeline.add_argument("--json", action="store_true", help="salida en JSON")
    diff = commands.add_parser("diff", help="qué cambió entre dos fechas")
    diff.add_argument("first", type=_day, metavar="FECHA_A")
    diff.add_argument("second", type=_day, metavar="FECHA_B")
    diff.add_argument("--json", action="store_true", help="salida en JSON")
    search = commands.add_parser("search", help="buscar en todo el corpus (sin importar tildes)")
    search.add_argument("query", metavar="CONSULTA", help='palabras, "frases", o, -excluir, prefijo*')
    search.add_argument("--limit", type=_positive, default=20, metavar="N", help="máximo de resultados")
    search.add_argument("--json", action="store_true", help="salida en JSON")
    export = commands.add_parser("export", help="exportar secciones a PDF/A (con índice y marcadores)")
    export.add_argument("ids", nargs="*", metavar="ID", help="secciones o normas a exportar")
    export.add_argument("--all", action="store_true", help="todo el compendio")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="ARCHIVO.pdf")
    export.add_argument("--page-size", choices=["carta", "a4"], default="carta", help="por defecto, carta")
    export.add_argument("--include-children", action="store_true", help="incluir las subsecciones")
    export.add_argument(
        "--as-of", type=_day, metavar="AAAA-MM-DD", help="el texto vigente en esa fecha (por defecto, hoy)"
    )
    return parser


def _day(text: str) -> date:
    import argparse

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"fecha no válida «{text}»: use AAAA-MM-DD") from None


def _positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"debe ser un número entre 1 y 1000, no «{text}»")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_output()
    arguments = sys.argv[1:] if argv is None else list(argv)
    if not arguments:  # the common case, a double-click: open the window without argparse
        from sgdesk.app import run_gui

        return run_gui()
    args = build_parser().parse_args(arguments)
    if args.smoke_test:
        from sgdesk.smoke import run_smoke_test

        return run_smoke_test(args.database)
    if args.command is None:
        from sgdesk.app import run_gui  # Qt is imported only for the window

        return run_gui(args.database, args.data_dir, exit_after_paint=args.exit_after_paint)
    try:
        return _run(args)
    except BrokenPipeError:  # "sgdesk search … | head": the reader left; stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except SgdeskError as exc:
        print(f"sgdesk: error: {exc.message}", file=sys.stderr)
        return EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    database = args.database or paths.shipped_database()
    if args.command == "db" and args.db_command == "build":
        return _db_build(
            args.sources, args.output or args.database or paths.sources_dir().parent / paths.DATABASE_NAME
        )
    if args.command == "db":
        return _db_check(args.file or database)
    library = Library.open(database)
    try:
        if args.command == "tree":
            return _tree(library, args.json)
        if args.command == "search":
            return _search(library, args.query, args.limit, args.json)
        if args.command == "export":
            return _export(library, args)
        if args.command == "timeline":
            return _timeline(library, args.json)
        if args.command == "diff":
            return _diff(library, args.first, args.second, args.json)
        return _show(library, args.id, args.json, args.as_of)
    finally:
        library.close()


def _db_build(sources: Path, output: Path) -> int:
    from sgdesk.store.build import build_database

    report = build_database(sources, output)
    print(f"Base de datos construida: {report.path}")
    print(
        f"  versión de contenido {report.content_version}: {report.nodes} nodos, "
        f"{report.norms} normas, {report.events} eventos"
    )
    return EXIT_OK


def _db_check(file: Path) -> int:
    from sgdesk.store.db import check_database

    results = check_database(file)
    for result in results:
        print(f"  [{'ok' if result.ok else 'FALLA'}] {result.name}: {result.detail}")
    healthy = all(r.ok for r in results)
    verdict = "la base de datos está sana" if healthy else "la base de datos NO es utilizable"
    print(f"Veredicto: {verdict} ({file})")
    return EXIT_OK if healthy else EXIT_USAGE


def _tree(library: Library, as_json: bool) -> int:
    nodes = library.all_nodes()
    if as_json:
        rows = [
            {"id": n.id, "title": n.title, "parent": n.parent, "kind": n.kind.value, "position": n.position}
            for n in nodes
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    depth: dict[str | None, int] = {None: -1}
    children: dict[str | None, list[str]] = {}
    titles = {n.id: n.title for n in nodes}
    for node in sorted(nodes, key=lambda n: n.position):
        children.setdefault(node.parent, []).append(node.id)

    def walk(parent: str | None) -> None:
        for node_id in children.get(parent, []):
            depth[node_id] = depth[parent] + 1
            print(f"{'  ' * depth[node_id]}{titles[node_id]}  [{node_id}]")
            walk(node_id)

    walk(None)
    return EXIT_OK


def _show(library: Library, node_id: str, as_json: bool, as_of: date | None = None) -> int:
    from sgdesk.export.plaintext import render_body, render_text

    page = library.page(node_id, as_of)
    if not as_json:
        print(render_text(page), end="")
        return EXIT_OK
    print(json.dumps(_page_json(page, render_body(page)), ensure_ascii=False, indent=2))
    return EXIT_OK


def _search(library: Library, text: str, limit: int, as_json: bool) -> int:
    from sgdesk.content.highlight import marked_text

    results = library.search(text, limit=limit)
    rows = [
        {"id": hit.node.id, "title": hit.node.title, "path": " › ".join(hit.path),
         "snippet": marked_text(hit.snippet), "score": round(hit.score, 4)}
        for hit in results.hits
    ]  # fmt: skip
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    more = "más de " if results.total_capped else ""
    print(f"{more}{results.total} resultado(s) para «{text}»")
    if results.sampled:
        print("  (demasiadas coincidencias: ordenadas por relevancia entre las primeras 20 000)")
    for number, row in enumerate(rows, 1):
        print(f"{number}. {row['title']}  [{row['id']}]")
        print(f"   {row['path']}")
        if row["snippet"]:
            print(f"   {row['snippet']}")
    return EXIT_OK


def _export(library: Library, args: argparse.Namespace) -> int:
    from sgdesk.export.plan import PaperSize, plan_compendium, plan_export

    if bool(args.all) == bool(args.ids):
        raise SgdeskError("Indique uno o más ID, o --all para todo el compendio (no ambos).")
    if args.output.suffix.lower() != ".pdf":
        raise SgdeskError(f"El archivo de salida debe terminar en .pdf: {args.output}")
    paper = PaperSize(args.page_size)
    if args.all:
        plan = plan_compendium(library, paper, as_of=args.as_of)
    else:
        plan = plan_export(library, args.ids, args.include_children, paper, as_of=args.as_of)
    from sgdesk.app import offscreen_application
    from sgdesk.export.pdf import write_pdf

    with offscreen_application():
        path = write_pdf(plan, args.output)
    vigente = f", texto vigente al {args.as_of.isoformat()}" if args.as_of else ""
    print(f"PDF escrito: {path} ({len(plan.pages)} sección(es){vigente})")
    return EXIT_OK


def _timeline(library: Library, as_json: bool) -> int:
    events = library.timeline().events
    if as_json:
        rows = [{"id": e.id, "date": e.date.iso(), "date_precision": e.date.precision.value,
                 "norm": e.norm, "kind": e.kind.value, "targets": list(e.targets), "summary": e.summary}
                for e in events]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for event in events:
        print(f"{event.date.format_compact():>24}  {event.norm_title}: {event.summary}")
    return EXIT_OK


def _diff(library: Library, first: date, second: date, as_json: bool) -> int:
    records = library.timeline().changes_between(first, second)
    if as_json:
        rows = [{"event": r.event.id, "norm": r.event.norm, "kind": r.event.kind.value,
                 "date": r.event.date.iso(), "target": r.target, "old": r.old, "new": r.new,
                 "certain": r.certain} for r in records]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    from sgdesk.export.common import change_line

    print(f"{len(records)} cambio(s) entre el {first.isoformat()} y el {second.isoformat()}")
    for record in records:
        print(f"- {change_line(record)}")
    return EXIT_OK


def _page_json(page: Page, text: str) -> dict[str, object]:
    node = page.node
    data: dict[str, object] = {
        "id": node.id, "title": node.title, "kind": node.kind.value, "parent": node.parent,
        "path": [n.title for n in page.breadcrumb], "text": text, "citation": node.citation,
        "notes": [note for unit in page.units for note in unit.notes if unit.node is node],
        "children": [{"id": c.id, "title": c.title} for c in page.children]
                    or [{"id": u.node.id, "title": u.node.title, "status": u.status.value}
                        for u in page.units if u.depth == 1],
    }  # fmt: skip
    if page.as_of is not None:
        data["as_of"] = page.as_of.isoformat()
        data["status"] = page.units[0].status.value
    if page.norm is not None:
        norm = page.norm
        data["norm"] = norm.id
        data.update(
            type=norm.type,
            number=norm.number,
            year=norm.year,
            issuer=norm.issuer,
            date=norm.issued.iso(),
            date_precision=norm.issued.precision.value,
            epigrafe=norm.epigrafe,
        )
    return data


def _utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
