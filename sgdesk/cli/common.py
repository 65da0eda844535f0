"""What every command shares: the corpus it reads, JSON output and the usage error."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeAlias

from sgdesk import paths
from sgdesk.library import Library

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

# argparse's type for "the object add_subparsers() returns" is private; this is its name here.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
Handler = Callable[[argparse.Namespace], int]


def corpus_path(args: argparse.Namespace) -> Path:
    """The corpus a command reads: ``--database``, else the shipped one."""
    database: Path | None = args.database
    return database or paths.shipped_database()


@contextmanager
def open_library(args: argparse.Namespace) -> Iterator[Library]:
    library = Library.open(corpus_path(args))
    try:
        yield library
    finally:
        library.close()


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))
