"""Shared fixtures: a corpus database built from the real sources, a library over it."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sgdesk import paths
from sgdesk.library import Library
from sgdesk.store.build import build_database

# scripts/mutation.py runs each test once per mutant: fewer examples there, none skipped here.
settings.register_profile("mutation", max_examples=30, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "data" / "seed" / "informacion-general.txt"  # the source page, copied verbatim

BadDatabase = Callable[[str], Path]


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    return paths.sources_dir()


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, sources_dir: Path) -> Path:
    """A database freshly built from ``data/sources`` (read-only for the tests)."""
    path = tmp_path_factory.mktemp("corpus") / "sgdesk.db"
    build_database(sources_dir, path)
    path.chmod(0o444)
    return path


@pytest.fixture
def library(corpus_db: Path) -> Iterator[Library]:
    lib = Library.open(corpus_db)
    yield lib
    lib.close()


@pytest.fixture
def bad_database(tmp_path: Path, corpus_db: Path) -> BadDatabase:
    """Make a broken database of the named kind in tmp_path."""

    def make(kind: str) -> Path:
        path = tmp_path / f"{kind}.db"
        data = corpus_db.read_bytes()
        if kind == "missing":
            return path
        if kind == "empty":
            path.write_bytes(b"")
        elif kind == "random":
            path.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(8192)))
        elif kind == "truncated":
            path.write_bytes(data[: len(data) // 3])
        else:
            shutil.copyfile(corpus_db, path)
            path.chmod(0o644)
            with sqlite3.connect(path) as connection:
                if kind == "newer":
                    connection.execute("PRAGMA user_version = 99")
                elif kind == "older":
                    connection.execute("PRAGMA user_version = 0")
                elif kind == "no-nodes":
                    connection.execute("DROP TABLE nodes_fts")
                    connection.execute("DROP TABLE nodes")
                else:
                    raise ValueError(kind)
            connection.close()
        return path

    return make
