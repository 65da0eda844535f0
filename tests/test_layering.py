"""The layering, declared once in pyproject.toml ([tool.importlinter]) and checked here:
content ← store ← library ← export/ui ← app/cli, errors and paths at the bottom, no Qt below
the interface, SQL only in the store, no cycles in sgdesk/ui, and headless commands that load
no interface module."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "sgdesk"


def _lint_imports() -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300, check=False)


def test_the_import_contracts_are_kept() -> None:
    result = _lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _layers() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (contract,) = [c for c in config["contracts"] if c["type"] == "layers"]
    names = []
    for layer in contract["layers"]:
        names += [part.strip().strip("()") for part in layer.replace(":", "|").split("|")]
    return names


def test_every_module_of_the_package_has_a_layer() -> None:
    """A new module or package must be placed in the layers, or this fails."""
    children = {f"sgdesk.{p.stem}" for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    children |= {f"sgdesk.{p.parent.name}" for p in PACKAGE.glob("*/__init__.py")}
    assert children - set(_layers()) == set()


def test_the_main_window_only_composes() -> None:
    """#16: the window builds and connects; what it did before lives in controllers (under 350
    lines), and no module of the interface but the composition root imports it."""
    lines = (PACKAGE / "ui" / "mainwindow.py").read_text(encoding="utf-8").count("\n")
    assert lines < 350, f"mainwindow.py has {lines} lines: move the new piece to a module of its own"
    graph = grimp.build_graph("sgdesk", cache_dir=None)
    importers = graph.find_modules_that_directly_import("sgdesk.ui.mainwindow")
    assert {m for m in importers if m.startswith("sgdesk.ui")} == set()


def test_type_checking_imports_are_seen() -> None:
    """The cycle contract counts ``if TYPE_CHECKING:`` imports (as_of's of the reader is one)."""
    graph = grimp.build_graph("sgdesk", cache_dir=None)
    assert "sgdesk.ui.reader" in graph.find_modules_directly_imported_by("sgdesk.ui.as_of")


# Each command runs in one fresh interpreter, in this order (export last: it starts Qt);
# after each, the process lists what it has loaded.
_HEADLESS = """
import json, sys
from sgdesk.cli import main
database, folder = sys.argv[1], sys.argv[2]
commands = [
    ["tree", "--json"],
    ["show", "decreto-267-2007/art-7", "--as-of", "2008-06-30"],
    ["search", "gestion documental", "--json"],
    ["timeline", "--json"],
    ["diff", "2008-12-31", "2010-12-31"],
    ["currency", "--json"],
    ["db", "build", "-o", folder + "/built.db"],
    ["db", "check", database],
    ["export", "decreto-267-2007", "-o", folder + "/d.pdf"],
]
loaded = {}
for command in commands:
    args = command if command[0] == "db" else ["--database", database, *command]
    code = main(args)
    loaded[command[0] + " " + command[1]] = [code, sorted(
        m for m in sys.modules if m.startswith(("sgdesk.ui", "sgdesk.app", "PySide6.QtWidgets")))]
print("LOADED " + json.dumps(loaded))
"""


def test_headless_commands_load_no_interface_module(corpus_db: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-c", _HEADLESS, str(corpus_db), str(tmp_path)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, encoding="utf-8",
                            timeout=300, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("LOADED "))
    loaded = json.loads(line.removeprefix("LOADED "))
    assert len(loaded) == 9
    assert {command: modules for command, (_, modules) in loaded.items() if modules} == {}
    assert {command: code for command, (code, _) in loaded.items() if code != 0} == {}
    assert (tmp_path / "d.pdf").read_bytes().startswith(b"%PDF")
