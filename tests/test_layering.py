"""The layering of style.md: content ← store ← library ← ui/export ← app."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sgdesk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def _offenders(folder: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    result = {}
    for path in _modules(folder):
        bad = sorted(m for m in _imports(path) if m.split(".")[0] in forbidden or m.startswith(forbidden))
        if bad:
            result[str(path.relative_to(PACKAGE))] = bad
    return result


@pytest.mark.parametrize("folder", ["content", "store"])
def test_domain_and_store_do_not_import_qt(folder: str) -> None:
    assert _modules(folder), f"sgdesk/{folder} has no modules"
    assert _offenders(folder, ("PySide6", "shiboken6")) == {}


def test_content_has_no_sql_and_no_upper_layer() -> None:
    forbidden = ("sqlite3", "sqlite_utils", "sgdesk.store", "sgdesk.library", "sgdesk.ui", "sgdesk.export")
    assert _offenders("content", forbidden) == {}


def test_ui_and_export_do_not_touch_sqlite() -> None:
    forbidden = ("sqlite3", "sqlite_utils", "sgdesk.store")
    assert _offenders("ui", forbidden) == {}
    assert _offenders("export", forbidden) == {}


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    """The AST scan itself finds an import of Qt, so the tests above can fail."""
    module = tmp_path / "bad.py"
    module.write_text("from PySide6.QtCore import QObject\nimport sqlite3\n", encoding="utf-8")
    assert {"PySide6.QtCore", "sqlite3"} <= _imports(module)
