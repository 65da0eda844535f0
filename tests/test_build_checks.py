"""build_installer.spec stops when Qt is incomplete (scripts/bundle_checks.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bundle_checks", REPO / "scripts" / "bundle_checks.py")
assert _spec is not None
assert _spec.loader is not None
bundle_checks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundle_checks)

WINDOWS_BUNDLE = [
    ("PySide6\\Qt6Core.dll", "C:\\x\\Qt6Core.dll", "BINARY"),
    ("PySide6\\plugins\\platforms\\qwindows.dll", "C:\\x\\qwindows.dll", "BINARY"),
    ("PySide6\\plugins\\platforms\\qoffscreen.dll", "C:\\x\\qoffscreen.dll", "BINARY"),
]
LINUX_BUNDLE = [
    ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
]


def test_a_complete_bundle_passes() -> None:
    assert bundle_checks.missing_qt(WINDOWS_BUNDLE, windows=True) == []
    assert bundle_checks.missing_qt(LINUX_BUNDLE, windows=False) == []


def test_a_bundle_without_the_platform_plugin_fails() -> None:
    # what PyInstaller collects when it cannot import QtCore at build time: no plugins
    assert bundle_checks.missing_qt(WINDOWS_BUNDLE[:1], windows=True) == ["qwindows.dll"]
    assert bundle_checks.missing_qt(LINUX_BUNDLE[:1], windows=False) == ["libqxcb.so"]
    assert bundle_checks.missing_qt([], windows=True) == ["Qt6Core.dll", "qwindows.dll"]
