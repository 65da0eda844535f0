"""What every command shares: the corpus it reads, JSON output and the usage error."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from sgdesk import paths
from sgdesk.library import Library

if TYPE_CHECKING:  # argparse is loaded by the parser, not by the window (see window_options)
    import argparse

    from sgdesk.packs.installed import ContentFolder

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# argparse's type for "the object add_subparsers() returns" is private; this is its name here.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Handler: TypeAlias = "Callable[[argparse.Namespace], int]"


def corpus_path(args: argparse.Namespace) -> Path:
    """The corpus a command reads: ``--database``, else the content installed in the data
    folder (``sgdesk pack install``), else the shipped one."""
    database: Path | None = args.database
    if database is not None:
        return database
    content = content_folder(args).current()
    if content.warning:
        print(f"sgdesk: aviso: {content.warning}", file=sys.stderr)
    return content.path


def data_dir(args: argparse.Namespace) -> Path:
    folder: Path | None = getattr(args, "data_dir", None)
    return folder or paths.default_data_dir()


def content_folder(args: argparse.Namespace) -> ContentFolder:
    from sgdesk.packs.installed import ContentFolder
    from sgdesk.packs.location import keys_dir

    return ContentFolder(data_dir(args), paths.shipped_database(), keys_dir())


@contextmanager
def open_library(args: argparse.Namespace) -> Iterator[Library]:
    library = Library.open(corpus_path(args))
    try:
        yield library
    finally:
        library.close()


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))
