"""``sgdesk db build`` and ``sgdesk db check``: the corpus database itself."""

from __future__ import annotations

import argparse
from pathlib import Path

from sgdesk import paths
from sgdesk.cli.common import EXIT_OK, EXIT_USAGE, Subcommands, corpus_path


def register(commands: Subcommands) -> None:
    db = commands.add_parser("db", help="construir o verificar la base de datos")
    actions = db.add_subparsers(dest="db_command", metavar="ACCIÓN", required=True)
    build = actions.add_parser("build", help="construir la base de datos desde data/sources")
    build.add_argument("--sources", type=Path, default=paths.sources_dir(), metavar="CARPETA")
    build.add_argument("-o", "--output", type=Path, metavar="ARCHIVO")
    build.set_defaults(handler=_build)
    check = actions.add_parser("check", help="verificar la integridad de una base de datos")
    check.add_argument("file", nargs="?", type=Path, metavar="ARCHIVO")
    check.set_defaults(handler=_check)


def _build(args: argparse.Namespace) -> int:
    from sgdesk.store.build import build_database

    output = args.output or args.database or paths.sources_dir().parent / paths.DATABASE_NAME
    report = build_database(args.sources, output)
    print(f"Base de datos construida: {report.path}")
    print(
        f"  versión de contenido {report.content_version}: {report.nodes} nodos, "
        f"{report.norms} normas, {report.events} eventos"
    )
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from sgdesk.store.db import check_database

    file = args.file or corpus_path(args)
    results = check_database(file)
    for result in results:
        print(f"  [{'ok' if result.ok else 'FALLA'}] {result.name}: {result.detail}")
    healthy = all(r.ok for r in results)
    verdict = "la base de datos está sana" if healthy else "la base de datos NO es utilizable"
    print(f"Veredicto: {verdict} ({file})")
    return EXIT_OK if healthy else EXIT_USAGE
