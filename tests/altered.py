"""Databases damaged on purpose: a copy of a built corpus with some SQL run on it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path


def altered_copy(source: Path, target: Path, *statements: str) -> Path:
    """Copy ``source`` to ``target`` (writable), run ``statements`` on the copy, return it."""
    shutil.copyfile(source, target)
    target.chmod(0o644)
    connection = sqlite3.connect(target)
    try:
        with connection:
            for statement in statements:
                connection.execute(statement)
    finally:
        connection.close()
    return target
