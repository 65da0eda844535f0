"""Checks build_installer.spec runs on what PyInstaller collected (plain Python, testable)."""

from __future__ import annotations

from collections.abc import Iterable


def missing_qt(binaries: Iterable[tuple[str, ...]], windows: bool) -> list[str]:
    """Qt's core library and platform plugin, when absent from the bundle's binaries.

    PyInstaller only warns when it cannot import QtCore at build time to ask Qt where its
    plugins are; the bundle then starts nowhere, so the build must stop instead."""
    names = {entry[0].replace("\\", "/").rsplit("/", 1)[-1] for entry in binaries}
    needed = ("Qt6Core.dll", "qwindows.dll") if windows else ("libQt6Core.so.6", "libqxcb.so")
    return [name for name in needed if name not in names]
