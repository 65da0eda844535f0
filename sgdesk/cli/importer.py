"""``sgdesk import FILE [--json] [-o CARPETA]``: a norm from a document, as a draft source."""

from __future__ import annotations

import argparse
from pathlib import Path

from sgdesk.cli.common import EXIT_OK, Subcommands, print_json


def register(commands: Subcommands) -> None:
    command = commands.add_parser(
        "import",
        help="reconocer una norma en un documento (.txt, .html, .docx, .pdf) para el corpus",
        description=(
            "Lee la norma del archivo, muestra lo que reconoció y lo que debe revisar una persona; "
            "con -o escribe la fuente del corpus (CARPETA/<id>.toml) sin sobrescribir nada."
        ),
    )
    command.add_argument("file", type=Path, metavar="ARCHIVO")
    command.add_argument("--json", action="store_true", help="la estructura reconocida, en JSON")
    command.add_argument("-o", "--output", type=Path, metavar="CARPETA", help="escribir la fuente en CARPETA")
    command.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    from sgdesk.importer import import_file
    from sgdesk.importer.report import summary_lines
    from sgdesk.importer.source import write_source

    norm = import_file(args.file)
    written = write_source(norm, args.file.name, args.output) if args.output else None
    if args.json:
        data = norm.to_json()
        if written:
            data["written"] = str(written)
        print_json(data)
        return EXIT_OK
    for line in summary_lines(norm):
        print(line)
    if written:
        print(f"Fuente escrita: {written}")
    return EXIT_OK
