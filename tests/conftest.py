"""Shared fixtures: a corpus database built from the real sources, a library over it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterator
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

# Threads of Qt's own that outlive a test by design (the global pool keeps idle threads 30 s).
QT_OWN_THREADS = {
    "Thread (pooled)",
    "QDBusConnection",
    "QXcbEventQueue",
    "gmain",
    "gdbus",
    "QFileInfoGatherer",
}
THREAD_GRACE_S = 10.0  # a thread told to stop may take a moment to be gone


def _native_threads() -> Counter[str]:
    """This process's threads by the name the OS knows (Qt names its threads after the
    QThread's objectName or class; Python's show as "python"). Linux only."""
    names: Counter[str] = Counter()
    if not sys.platform.startswith("linux"):
        return names
    for task in Path("/proc/self/task").iterdir():
        try:
            names[(task / "comm").read_text().strip()] += 1
        except OSError:  # ended meanwhile
            continue
    return names


def _native_threads_name() -> str:
    try:
        return Path("/proc/self/comm").read_text().strip()
    except OSError:
        return ""


def _left_running(native: Counter[str], python: set[int]) -> list[str]:
    extra = _native_threads() - native
    main = _native_threads_name()  # Python's threads are named like the main one: listed below
    own = {name[:15] for name in QT_OWN_THREADS}  # the OS keeps 15 characters of a name
    qt = [name for name in extra.elements() if name != main and name not in own]
    # (a _DummyThread is a Qt thread that called into Python: listed by the OS above, or gone)
    python_threads = [t for t in threading.enumerate() if not isinstance(t, threading._DummyThread)]
    return qt + [t.name for t in python_threads if t.ident not in python and t.is_alive()]


_THREADS_BEFORE = pytest.StashKey[tuple[Counter[str], set[int]]]()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    python = {t.ident for t in threading.enumerate() if t.ident is not None}
    item.stash[_THREADS_BEFORE] = (_native_threads(), python)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    """No test leaves a thread running (a QThread of a window nobody closed, a worker): one
    left behind is destroyed at a random later moment, while another test builds its window
    (a segmentation fault in QMainWindow.__init__ at the first test of tests/ui, once)."""
    yield  # the fixtures' teardown; pytest-qt closes the test's widgets first
    if _THREADS_BEFORE not in item.stash:
        return
    native, python = item.stash[_THREADS_BEFORE]
    deadline = time.monotonic() + THREAD_GRACE_S
    while left := _left_running(native, python):
        if time.monotonic() > deadline:
            pytest.fail(f"{item.nodeid} left threads running: {sorted(left)} (stop them: shutdown()/close())")
        time.sleep(0.01)


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
