"""The frozen application (PyInstaller, one folder) builds and passes its smoke test from a
read-only folder. Slow (about a minute): marked, and run by .ci/run like every test."""

from __future__ import annotations

import os
import subprocess
import sys
import time
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
    # QtNetwork (3.2 MiB: the single instance's local socket) fits since the fonts were subset.
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


def test_the_frozen_app_opens_a_link_given_as_its_only_argument(frozen: Path, tmp_path: Path) -> None:
    """What Windows runs for a clicked sgdesk:// link (``sgdesk.exe "%1"``): the first launch opens
    it; a second hands its link over (QtNetwork's local socket, in the bundle) and exits 0."""
    (tmp_path / "run").mkdir(mode=0o700)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "datos"), "XDG_RUNTIME_DIR": str(tmp_path / "run")}  # fmt: skip
    folder = tmp_path / "datos" / "Alcaldia Mayor de Bogota" / "sgdesk"
    app = str(frozen / "sgdesk")
    first = subprocess.Popen([app, "sgdesk://decreto-267-2007/art-7?vigente=2008-06-30"], env=env,
                             cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while not (folder / "sgdesk.lock").exists():  # the first has the folder (its window comes later)
            assert time.monotonic() < deadline
            time.sleep(0.01)
        second = subprocess.run([app, "sgdesk://decreto-267-2007/art-7/lit-n"], env=env, cwd=tmp_path,
                                capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
        assert second.returncode == 0, second.stderr
        wanted = ["link opened: decreto-267-2007/art-7 at 2008-06-30",
                  "link opened: decreto-267-2007/art-7/lit-n at today"]  # fmt: skip
        log = folder / "sgdesk.log"
        while not (log.exists() and all(line in log.read_text(encoding="utf-8") for line in wanted)):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8") if log.exists() else "no log"
            time.sleep(0.2)
        assert first.poll() is None
    finally:
        first.kill()
        first.wait(timeout=60)
