#!/usr/bin/env bash
# Build the frozen application (Linux) from a clean virtual environment and smoke-test it.
#
#   bash scripts/build.sh        ->  dist/sgdesk/  (the Windows steps are in scripts/build.ps1)
#
# The smoke test runs from a read-only copy of the folder, with a temporary user folder,
# and the build fails if it fails or prints anything unexpected.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${SGDESK_BUILD_DIR:-build}
PYTHON=${PYTHON:-python3}

echo "== entorno limpio en $BUILD/venv"
rm -rf "$BUILD/venv" "$BUILD/pyinstaller" dist/sgdesk
"$PYTHON" -m venv "$BUILD/venv"
"$BUILD/venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
"$BUILD/venv/bin/python" -m pip install -q --disable-pip-version-check . "pyinstaller>=6.10,<7"

echo "== PyInstaller"
"$BUILD/venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath "$BUILD/pyinstaller" build_installer.spec

echo "== prueba de humo desde una copia de solo lectura"
bash scripts/smoke-frozen.sh dist/sgdesk
du -sh dist/sgdesk
