"""The command line: ``sgdesk`` opens the window; subcommands serve scripts and tests.

Each command group is a module with ``register(subcommands)``; every command sets its
``handler`` and is one library call. Errors print one Spanish line and exit with 2.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sgdesk import __version__, startup_gc
from sgdesk.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from sgdesk.errors import SgdeskError

if TYPE_CHECKING:
    import argparse


def build_parser() -> argparse.ArgumentParser:
    import argparse  # not imported when the window opens without arguments

    from sgdesk.cli import corpus, currency, db, export, importer, notes, pack
    from sgdesk.cli.spanish import SpanishParser

    # The modules that add commands, in the order ``sgdesk --help`` lists them (imported by
    # name, not by string, so PyInstaller sees them).
    command_modules = (corpus, currency, export, notes, importer, db, pack)

    parser = SpanishParser(
        prog="sgdesk",
        description=(
            "Información institucional y jurídica de la Secretaría General de la Alcaldía Mayor "
            "de Bogotá D.C. Sin subcomando abre la ventana."
        ),
    )
    parser.add_argument(
        "--version", action="version", version=f"sgdesk {__version__}", help="mostrar la versión y salir"
    )
    parser.add_argument(
        "--database",
        type=Path,
        metavar="ARCHIVO",
        help="base de datos del corpus (por defecto, el contenido instalado o el incluido)",
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
    commands = parser.add_subparsers(dest="command", metavar="COMANDO", parser_class=SpanishParser)
    for module in command_modules:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_output()
    arguments = sys.argv[1:] if argv is None else list(argv)
    link, rest = _link_argument(arguments)
    window = window_options(rest)
    if window is not None:  # a double-click, a clicked link, or only the window's options: no argparse
        return _open_window(window.database, window.data_dir, link, window.exit_after_paint)
    startup_gc.resume()  # a command: the collector as usual (only the window's start goes without)
    from sgdesk.cli.spanish import spanish_messages

    with spanish_messages():
        args = build_parser().parse_args(rest)
        if link is not None and (args.command is not None or args.smoke_test):
            args = build_parser().parse_args(arguments)  # a command's argument ("search sgdesk://…")
            link = None
    if args.smoke_test:
        from sgdesk.smoke import run_smoke_test

        return int(run_smoke_test(args.database))
    if args.command is None:
        return _open_window(args.database, args.data_dir, link, args.exit_after_paint)
    try:
        _refuse_unencodable(args)
        if sys.stdout is None:  # started with its output closed ("sgdesk tree >&-")
            raise OSError(errno.EBADF, "stdout closed")
        code = int(args.handler(args))
        sys.stdout.flush()  # a full disk shows here, not in Python's shutdown
        return code
    except BrokenPipeError:  # "sgdesk search … | head": the reader left; stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except SgdeskError as exc:
        print(f"sgdesk: error: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EBADF, errno.EIO, errno.EDQUOT):
            raise
        _silence_stdout()
        reason = (
            "el disco está lleno" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else "la salida está cerrada"
        )
        print(f"sgdesk: error: no se pudo escribir la salida ({reason}).", file=sys.stderr)
        return EXIT_FAILED


class WindowOptions(NamedTuple):  # (not a dataclass: made ≈ 10 times quicker, at each start)
    """The options the window takes (``window_options``)."""

    database: Path | None = None
    data_dir: Path | None = None
    exit_after_paint: bool = False


def window_options(arguments: Sequence[str]) -> WindowOptions | None:
    """The window's own options (``--database``, ``--data-dir``, ``--exit-after-paint``) read
    without building the parser, whose command modules the first frame does not need (#11
    start-up). None when anything else is there: argparse then reads, or explains, it all."""
    paths: dict[str, Path] = {}
    exit_after_paint = False
    rest = list(arguments)
    while rest:
        option, _, value = rest.pop(0).partition("=")
        if option == "--exit-after-paint" and not value:
            exit_after_paint = True
        elif option in ("--database", "--data-dir") and (value or (rest and not rest[0].startswith("-"))):
            text = value or rest.pop(0)
            if not _encodable(text):
                return None  # argparse refuses it in Spanish
            paths[option] = Path(text)
        else:
            return None
    return WindowOptions(paths.get("--database"), paths.get("--data-dir"), exit_after_paint)


def _open_window(database: Path | None, data_dir: Path | None, link: str | None,
                 exit_after_paint: bool = False) -> int:  # fmt: skip
    """The window; or, when sgdesk is already open on the same data folder, hand ``link`` (or
    nothing) to it and exit 0. Checked before the window's modules load, so a second launch
    is quick (single_instance.py)."""
    from sgdesk import pyside_sources, start_trace

    start_trace.mark("sgdesk.cli")
    from sgdesk import single_instance  # (the first to import PySide6)

    pyside_sources.read_quickly()  # the modules imported from here on are checked for less
    from sgdesk import user_folder

    start_trace.mark("QtCore")

    try:
        folder: Path | None = user_folder.resolve(data_dir)
    except user_folder.UserFolderError:
        folder = None  # the window says why, and offers to go on without saving
    start_trace.mark("user folder")
    instance = single_instance.claim(folder, link) if folder is not None else None
    start_trace.mark("single instance")
    if folder is not None and instance is None:
        return EXIT_OK  # the running window has the link and came forward
    from sgdesk.app import run_gui  # Qt's widgets are imported only for the window

    start_trace.mark("window modules")

    return run_gui(database, data_dir, exit_after_paint, link, instance)


def _link_argument(arguments: list[str]) -> tuple[str | None, list[str]]:
    """``sgdesk sgdesk://…`` (what Windows runs for a clicked link): the first argument written
    as an sgdesk link, valid or not (the window explains a bad one), and the other arguments."""
    from sgdesk.content.links import is_link

    for index, argument in enumerate(arguments):
        if is_link(argument):
            return argument, arguments[:index] + arguments[index + 1 :]
    return None, arguments


def _refuse_unencodable(args: argparse.Namespace) -> None:
    """Text that is not valid UTF-8 (bytes the shell passed through as lone surrogates) is
    refused here, before it reaches SQLite or a file name."""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str) and not _encodable(item):
                shown = item.encode("utf-8", "replace").decode("utf-8")[:60]
                raise SgdeskError(f"El argumento {name} («{shown}») no es texto UTF-8 válido.")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _silence_stdout() -> None:
    """Point stdout at the null device, so Python's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        if sys.stdout is not None:
            os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
