"""The frozen application (PyInstaller, one folder) builds and passes its smoke test from a
read-only folder. Slow (about a minute): marked, and run by .ci/run like every test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytest.importorskip("PyInstaller", reason="needs PyInstaller (pip install -e .[test])")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="the Linux build; Windows uses scripts/build.ps1"),
]


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("frozen")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(REPO / "build_installer.spec")],
        cwd=REPO, check=True, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    return work / "dist" / "sgdesk"


def test_frozen_app_passes_its_smoke_test_from_a_read_only_folder(frozen: Path) -> None:
    result = subprocess.run(["bash", str(REPO / "scripts" / "smoke-frozen.sh"), str(frozen)],
                            capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "sgdesk: smoke test: todo bien" in result.stdout


def test_frozen_folder_carries_only_what_it_needs(frozen: Path) -> None:
    internal = frozen / "_internal"
    assert (internal / "data" / "sgdesk.db").is_file()
    assert sorted(p.name for p in (internal / "resources" / "fonts").glob("*.ttf"))
    assert (internal / "resources" / "help" / "ayuda.html").is_file()  # F1
    translations = {p.name for p in internal.rglob("*.qm")}
    assert translations
    assert all(name.startswith(("qtbase_es", "qt_es")) for name in translations), translations
    assert not list(internal.rglob("*QtQml*"))  # QtNetwork stays: the single instance's local socket
    size = sum(p.stat().st_size for p in frozen.rglob("*") if p.is_file() and not p.is_symlink())
    # 110 MiB, plus 12 MiB for cryptography's OpenSSL (signatures of content packs, sgdesk/packs)
    # and 4 MiB for rapidfuzz's portable edit distance («¿Quiso decir…?»; no AVX2 copies, no fuzz).
    assert size < 126 * 2**20, f"{size / 2**20:.0f} MiB"


def test_an_unexpected_error_in_the_frozen_app_ends_in_its_own_dialog(frozen: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "SGDESK_CRASH_TEST": "1", "SGDESK_CRASH_DIALOG_MS": "300"}  # fmt: skip
    result = subprocess.run([str(frozen / "sgdesk")], capture_output=True, text=True, timeout=120, env=env,
                            cwd=tmp_path, check=False)  # fmt: skip
    assert result.returncode == 70, result.stderr
    assert "sgdesk: se mostró el diálogo «sgdesk — error inesperado»." in result.stderr
    assert "Traceback" not in result.stderr
    assert "Failed to execute script" not in result.stderr


def test_the_console_companion_finds_the_module_archive_of_the_windowed_program(frozen: Path) -> None:
    """sgdesk-cli.exe (Windows) reads sgdesk.exe's module archive (scripts/pyi_shared_pyz.py):
    the same executable format here, so its reader is checked on the Linux program."""
    import PyInstaller

    sys.path.insert(0, str(Path(PyInstaller.__file__).parent / "loader"))
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import pyi_shared_pyz
        from pyimod01_archive import ZlibArchiveReader
    finally:
        del sys.path[:2]
    location = pyi_shared_pyz.pyz_location(str(frozen / "sgdesk"))
    archive = ZlibArchiveReader(location, check_pymagic=True)
    assert {"sgdesk.cli", "sgdesk.toplevel", "sgdesk.ui.mainwindow"} <= set(archive.toc)
