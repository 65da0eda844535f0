"""Shared fixtures: a corpus database built from the real sources, a library over it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sgdesk import paths  # noqa: E402
from sgdesk.library import Library  # noqa: E402
from sgdesk.store.build import build_database  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seed" / "informacion-general.txt"


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
