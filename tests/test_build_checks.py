"""build_installer.spec stops when Qt is incomplete, and ships one loadable copy of the VC++
runtime (scripts/bundle_checks.py)."""

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


# What the wheels bring (PySide6 6.11.3 under Python 3.11.9): file versions by source path.
VERSIONS = {
    "py\\vcruntime140.dll": (14, 38, 33126, 1),
    "py\\vcruntime140_1.dll": (14, 38, 33126, 1),
    "shiboken6\\VCRUNTIME140.dll": (14, 44, 35211, 0),
    "shiboken6\\VCRUNTIME140_1.dll": (14, 44, 35211, 0),
    "shiboken6\\MSVCP140.dll": (14, 44, 35211, 0),
    "PySide6\\VCRUNTIME140.dll": (14, 44, 35211, 0),
    "PySide6\\VCRUNTIME140_1.dll": (14, 44, 35211, 0),
    "PySide6\\MSVCP140.dll": (14, 44, 35211, 0),
    "PySide6\\MSVCP140_1.dll": (14, 44, 35211, 0),
    "PySide6\\MSVCP140_2.dll": (14, 44, 35211, 0),
    "rapidfuzz.libs\\msvcp140-a4c2229b.dll": (14, 40, 33810, 0),
}
RUNTIME_BUNDLE = [
    ("VCRUNTIME140.dll", "py\\vcruntime140.dll", "BINARY"),
    ("VCRUNTIME140_1.dll", "py\\vcruntime140_1.dll", "BINARY"),
    *(
        (f"{folder}\\{name}", f"{folder}\\{name}", "BINARY")
        for folder in ("shiboken6", "PySide6")
        for name in ("VCRUNTIME140.dll", "VCRUNTIME140_1.dll", "MSVCP140.dll")
    ),
    ("PySide6\\MSVCP140_1.dll", "PySide6\\MSVCP140_1.dll", "BINARY"),
    ("PySide6\\MSVCP140_2.dll", "PySide6\\MSVCP140_2.dll", "BINARY"),
    ("rapidfuzz.libs\\msvcp140-a4c2229b.dll", "rapidfuzz.libs\\msvcp140-a4c2229b.dll", "BINARY"),
    *WINDOWS_BUNDLE,
]


def test_the_vc_runtime_keeps_one_loadable_copy_of_each_and_the_newest_vcruntime() -> None:
    drop, newer = bundle_checks.vc_runtime_plan(RUNTIME_BUNDLE, VERSIONS.get)
    assert drop == {
        "shiboken6\\VCRUNTIME140.dll",  # python311.dll has loaded the top copy before any of these
        "PySide6\\VCRUNTIME140.dll",
        "PySide6\\VCRUNTIME140_1.dll",  # shiboken6's, the same version, is loaded first
        "PySide6\\MSVCP140.dll",
    }
    # the top copy (loaded first, for everyone) is the newest, not Python's older one
    assert newer == {"VCRUNTIME140.dll": "shiboken6\\VCRUNTIME140.dll"}
    kept = [entry[0] for entry in RUNTIME_BUNDLE if entry[0] not in drop]
    names = ("VCRUNTIME140.dll", "VCRUNTIME140_1.dll", "MSVCP140.dll", "MSVCP140_1.dll", "MSVCP140_2.dll")
    for name in names:
        assert [path for path in kept if path.rsplit("\\", 1)[-1] == name], name  # each still there
    # rapidfuzz's own, renamed copy stays: rapidfuzz imports that name
    assert "rapidfuzz.libs\\msvcp140-a4c2229b.dll" in kept


def test_a_vc_runtime_copy_newer_than_shiboken6_s_or_unreadable_stays() -> None:
    versions = {**VERSIONS, "PySide6\\MSVCP140.dll": (14, 50, 1, 0), "PySide6\\VCRUNTIME140_1.dll": None}
    drop, _ = bundle_checks.vc_runtime_plan(RUNTIME_BUNDLE, versions.get)
    assert "PySide6\\MSVCP140.dll" not in drop
    assert "PySide6\\VCRUNTIME140_1.dll" not in drop
    unreadable = {**VERSIONS, "py\\vcruntime140.dll": None}
    drop, newer = bundle_checks.vc_runtime_plan(RUNTIME_BUNDLE, unreadable.get)
    assert "shiboken6\\VCRUNTIME140.dll" not in drop
    assert newer == {}


def test_a_bundle_without_duplicates_is_left_alone() -> None:
    assert bundle_checks.vc_runtime_plan(WINDOWS_BUNDLE, VERSIONS.get) == (set(), {})
    assert bundle_checks.vc_runtime_plan(LINUX_BUNDLE, VERSIONS.get) == (set(), {})
