"""``sgdesk export``: sections, norms or the whole compendium to PDF/A."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sgdesk.cli.common import EXIT_OK, Subcommands, open_library
from sgdesk.cli.interrupt import InterruptedBySignalError, Received, signals_interrupt
from sgdesk.cli.spanish import day
from sgdesk.errors import SgdeskError
from sgdesk.toplevel import EXIT_INTERRUPTED


def register(commands: Subcommands) -> None:
    export = commands.add_parser("export", help="exportar secciones a PDF/A (con índice y marcadores)")
    export.add_argument("ids", nargs="*", metavar="ID", help="secciones o normas a exportar")
    export.add_argument("--all", action="store_true", help="todo el compendio")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="ARCHIVO.pdf")
    export.add_argument("--page-size", choices=["carta", "a4"], default="carta", help="por defecto, carta")
    export.add_argument("--include-children", action="store_true", help="incluir las subsecciones")
    export.add_argument(
        "--as-of", type=day, metavar="AAAA-MM-DD", help="el texto vigente en esa fecha (por defecto, hoy)"
    )
    export.add_argument(
        "--incluir-notas",
        action="store_true",
        help="incluir mis notas y subrayados (de la carpeta de datos; los sin ubicar se listan)",
    )
    export.set_defaults(handler=_export)


def _export(args: argparse.Namespace) -> int:
    from sgdesk.export.plan import PaperSize, plan_compendium, plan_export

    if bool(args.all) == bool(args.ids):
        raise SgdeskError("Indique uno o más ID, o --all para todo el compendio (no ambos).")
    if args.output.suffix.lower() != ".pdf":
        raise SgdeskError(f"El archivo de salida debe terminar en .pdf: {args.output}")
    paper = PaperSize(args.page_size)
    with open_library(args) as library:
        if args.all:
            plan = plan_compendium(library, paper, as_of=args.as_of)
        else:
            plan = plan_export(library, args.ids, args.include_children, paper, as_of=args.as_of)
        if args.incluir_notas:
            from sgdesk.cli.notes import open_my_notes
            from sgdesk.export.annotated import with_my_notes

            with open_my_notes(args) as my_notes:
                plan = with_my_notes(plan, my_notes, library)
        from sgdesk.export.pdf import write_pdf
        from sgdesk.qtenv import offscreen_application

        received: Received | None = None
        try:
            with offscreen_application(), signals_interrupt() as received:
                path = write_pdf(plan, args.output)
        except KeyboardInterrupt:
            return _interrupted("Ctrl+C", EXIT_INTERRUPTED)
        except InterruptedBySignalError as stop:
            return _interrupted(stop.name, 128 + stop.number)
        except SystemError:  # the signal's exception, raised while Qt was calling Python
            if received is None or received.number is None:
                raise
            return _interrupted(received.cause, 128 + received.number)
    # «texto vigente al …» only when every unit was certainly in force that day; after the
    # horizon the corpus cannot vouch for the day: the PDF says so first
    vigente = f", {plan.currency_text}"
    mine = ""
    if args.incluir_notas:
        counted = sum(len(n.numbered) + len(n.unplaced) for n in plan.notes)
        mine = f"; con mis notas: {counted}"
    print(f"PDF escrito: {path} ({len(plan.pages)} sección(es){vigente}{mine})")
    return EXIT_OK


def _interrupted(cause: str, code: int) -> int:
    """The export unwound (its temporary file is gone): one Spanish line, the shell's code."""
    print(f"sgdesk: exportación interrumpida ({cause}); no quedó ningún archivo a medias.", file=sys.stderr)
    return code
