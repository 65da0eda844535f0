"""PySide6's check of each imported module («does its source name PySide6?») answered from the
file's bytes on the window's start (#11): the same answers, without inspect and linecache."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads shibokensupport.feature)
import pytest

from sgdesk import pyside_sources

Check = Callable[[ModuleType], bool]


def _feature() -> ModuleType:
    return sys.modules[pyside_sources.FEATURE_MODULE]


def _pysides_own() -> Check:
    check: Check = getattr(_feature(), pyside_sources.CHECK)
    return getattr(check, "__wrapped__", check)  # (another test may have put ours in place)


def _load(path: Path, text: str) -> ModuleType:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> Check:
    monkeypatch.setattr(_feature(), pyside_sources.CHECK, _pysides_own())
    assert pyside_sources.read_quickly()
    check: Check = getattr(_feature(), pyside_sources.CHECK)
    assert check is not _pysides_own()
    return check


def test_the_same_answer_as_pyside_for_every_loaded_module(quick: Check) -> None:
    import sgdesk.ui.mainwindow  # noqa: F401  (modules that use PySide6, and some that do not)

    modules = [m for m in list(sys.modules.values()) if isinstance(getattr(m, "__file__", None), str)]
    own = _pysides_own()
    answers = {m.__name__: quick(m) for m in modules}
    assert answers == {m.__name__: own(m) for m in modules}
    assert answers["sgdesk.ui.mainwindow"]
    assert not answers["sgdesk.library"]


def test_modules_of_any_kind(quick: Check, tmp_path: Path) -> None:
    naming = _load(tmp_path / "naming.py", '"""Á la PySide6 (a docstring counts too)."""\nX = 1\n')
    plain = _load(tmp_path / "plain.py", "# -*- coding: latin-1 -*-\nX = 'PySide'\n")
    assert quick(naming) is True
    assert _pysides_own()(naming) is True
    assert quick(plain) is False
    assert _pysides_own()(plain) is False
    assert quick(sys) is False  # built in: PySide6's own check says so
    gone = _load(tmp_path / "gone.py", "import PySide6\n")
    os.remove(tmp_path / "gone.py")
    assert quick(gone) == _pysides_own()(gone)  # no file to read: PySide6's own answer


def test_put_in_place_once_and_only_with_pyside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_feature(), pyside_sources.CHECK, _pysides_own())
    assert pyside_sources.read_quickly()
    first = getattr(_feature(), pyside_sources.CHECK)
    assert pyside_sources.read_quickly()
    assert getattr(_feature(), pyside_sources.CHECK) is first  # not wrapped twice
    monkeypatch.delitem(sys.modules, pyside_sources.FEATURE_MODULE)
    assert not pyside_sources.read_quickly()


def test_the_window_reads_no_module_source_to_start(corpus_db: Path, tmp_path: Path) -> None:
    """inspect.getsource fills linecache with each module's lines: after the first frame there
    are none of the window's modules there."""
    script = textwrap.dedent(
        f"""
        import linecache, sys
        sys.argv = ["sgdesk", "--database", {str(corpus_db)!r}, "--data-dir", {str(tmp_path)!r},
                    "--exit-after-paint"]
        from sgdesk.toplevel import main
        code = main()
        read = sorted(name for name in linecache.cache if "sgdesk" in name and "ui" in name)
        print("read:", len(read), read[:3])
        sys.exit(code)
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "sgdesk: first-paint" in run.stdout
    assert "read: 0 []" in run.stdout, run.stdout
