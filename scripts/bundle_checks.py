"""Checks build_installer.spec runs on what PyInstaller collected (plain Python, testable)."""

from __future__ import annotations

from collections.abc import Callable, Iterable


def missing_qt(binaries: Iterable[tuple[str, ...]], windows: bool) -> list[str]:
    """Qt's core library and platform plugin, when absent from the bundle's binaries.

    PyInstaller only warns when it cannot import QtCore at build time to ask Qt where its
    plugins are; the bundle then starts nowhere, so the build must stop instead."""
    names = {entry[0].replace("\\", "/").rsplit("/", 1)[-1] for entry in binaries}
    needed = ("Qt6Core.dll", "qwindows.dll") if windows else ("libQt6Core.so.6", "libqxcb.so")
    return [name for name in needed if name not in names]


# The Visual C++ runtime, as the wheels bring it: Python's copy at the top of _internal, and
# PySide6's and shiboken6's own copies in their folders (3-4 of each).
VC_RUNTIME = ("vcruntime140.dll", "vcruntime140_1.dll", "msvcp140.dll")
Version = tuple[int, ...]


def vc_runtime_plan(
    binaries: Iterable[tuple[str, ...]], version_of: Callable[[str], Version | None]
) -> tuple[set[str], dict[str, str]]:
    """Which VC++ runtime copies Windows can never load, and the top-level copy's newer source.

    Windows loads a DLL once per process by its name: a later import of the same name gets the
    module already loaded, whatever folder the importer sits in. So
    - ``VCRUNTIME140.dll``: the interpreter's copy at the top is loaded with python311.dll,
      before any extension; the package folders' copies never load. They go, and the top copy
      becomes the newest of them (the runtime must be at least as new as the newest toolset that
      built any binary: Qt's is newer than Python's);
    - ``MSVCP140.dll``/``VCRUNTIME140_1.dll`` in PySide6: shiboken6, which PySide6 imports
      before any Qt library (and whose folder it puts on the DLL search path), loads its own
      copy first. PySide6's goes when shiboken6's is at least as new.
    Copies whose version cannot be read are kept. Returns (destinations to drop, {top-level
    destination: source to take it from}).
    """
    found: dict[str, list[tuple[str, str, str]]] = {}  # name -> (destination, source, folder)
    for entry in binaries:
        destination, source = entry[0], entry[1]
        folder, _, name = destination.replace("\\", "/").rpartition("/")
        if name.lower() in VC_RUNTIME:
            found.setdefault(name.lower(), []).append((destination, source, folder))
    drop: set[str] = set()
    newer: dict[str, str] = {}
    for name, copies in found.items():
        versions = {source: version_of(source) for _, source, _ in copies}
        top = [copy for copy in copies if not copy[2]]
        if name == "vcruntime140.dll" and top and all(versions.values()):
            newest = max(copies, key=lambda copy: versions[copy[1]] or ())
            if (versions[newest[1]] or ()) > (versions[top[0][1]] or ()):
                newer[top[0][0]] = newest[1]
            drop |= {copy[0] for copy in copies if copy[2]}
            continue
        shiboken = next((copy for copy in copies if copy[2] == "shiboken6"), None)
        if shiboken is None or versions[shiboken[1]] is None:
            continue
        for destination, source, folder in copies:
            version = versions[source]
            if folder == "PySide6" and version is not None and version <= (versions[shiboken[1]] or ()):
                drop.add(destination)
    return drop, newer
