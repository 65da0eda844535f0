#!/usr/bin/env bash
# sgdesk's one entry point for developers and CI, on Debian/Ubuntu with Python >= 3.11.
#
#   scripts/dev.sh app     install what the app needs and open it on the embedded corpus
#                          (says so when there is no display; reinstalls only when pyproject changed)
#   scripts/dev.sh test    install what the tests need; run ruff, mypy, a quick mutation run and
#                          the whole suite (the import contracts run inside it: tests/test_layering.py)
#   scripts/dev.sh bench   run every benchmark (--large: also 1M provisions; docs/benchmarks.md)
#
# System packages are installed with apt-get (as root, or through sudo) only when missing.
# Python packages go into .venv (override with SGDESK_VENV); nothing else is touched.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${SGDESK_VENV:-.venv}
PYTHON=${PYTHON:-python3}

# Qt's runtime libraries (offscreen and X11 platforms).
QT_PACKAGES=(libegl1 libgl1 libglx0 libopengl0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
  libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxcb-util1)
# What the tests use besides Qt: poppler-utils checks exported PDFs; binutils (objdump,
# strip) is what PyInstaller needs to build the frozen app in tests/test_frozen.py.
# fp-compiler compiles the installer's [Code] section against a simulated registry
# (tests/test_user_path.py); minisign checks that content packs sgdesk verifies are what
# minisign verifies (tests/packs/test_install.py). Without them those two tests would skip.
TEST_PACKAGES=(poppler-utils binutils fp-compiler minisign)

say() { printf '\033[1m== %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "Se necesita ser root (o sudo) para instalar: $*" >&2; return 1
  fi
}

system_packages() {
  local wanted=("$@") missing=()
  "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || wanted+=(python3-venv)
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "No es Debian/Ubuntu: instale a mano el equivalente de: ${wanted[*]}" >&2
    return 0
  fi
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "apt-get install ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

python_env() {
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
    { echo "sgdesk necesita Python 3.11 o posterior ($PYTHON es $("$PYTHON" -V))" >&2; exit 1; }
  [ -x "$VENV/bin/python" ] || { say "python -m venv $VENV"; "$PYTHON" -m venv "$VENV"; }
  # The install is editable: only pyproject.toml (dependencies, entry points) and the extras
  # chosen make it stale. A stamp of both skips pip when nothing changed (24 s → 0).
  local stamp="$VENV/.sgdesk-install${1:-}" wanted
  wanted="$(sha256sum pyproject.toml | cut -d' ' -f1) extras=$1 $("$VENV/bin/python" -V 2>&1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] && "$VENV/bin/python" -c 'import sgdesk' 2>/dev/null; then
    say "dependencias al día (pyproject.toml sin cambios): no se reinstala"
    return 0
  fi
  say "pip install -e .$1"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".$1"
  printf '%s' "$wanted" > "$stamp"
}

# A window needs a display. Without one Qt's xcb plugin fails with a misleading message about
# libxcb-cursor0; say the real cause instead, before installing anything.
require_display() {
  [ -n "${QT_QPA_PLATFORM:-}" ] && return 0
  [ "$(uname -s)" = Linux ] || return 0
  [ -n "${WAYLAND_DISPLAY:-}" ] && return 0
  local problem=""
  if [ -z "${DISPLAY:-}" ]; then
    problem="no hay pantalla: la variable DISPLAY está vacía (¿una sesión SSH o un servidor sin escritorio?)"
  else
    case "$DISPLAY" in
      :*) local number=${DISPLAY#:}; number=${number%%.*}
          [ -S "/tmp/.X11-unix/X$number" ] ||
            problem="no hay pantalla: DISPLAY=$DISPLAY, pero ningún servidor X escucha en ella" ;;
    esac
  fi
  [ -z "$problem" ] && return 0
  echo "sgdesk: $problem." >&2
  echo "  Ábralo desde el escritorio, o con una pantalla virtual: xvfb-run -a bash scripts/dev.sh app" >&2
  echo "  Para comprobar sin pantalla: QT_QPA_PLATFORM=offscreen .venv/bin/sgdesk --smoke-test" >&2
  exit 1
}

case "${1:-}" in
  app)
    require_display
    system_packages "${QT_PACKAGES[@]}"
    python_env ""
    say "sgdesk"
    exec "$VENV/bin/sgdesk" "${@:2}"
    ;;
  test)
    system_packages "${QT_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    python_env "[test]"
    export QT_QPA_PLATFORM=offscreen
    say "ruff"; "$VENV/bin/ruff" check sgdesk tests bench; "$VENV/bin/ruff" format --check sgdesk tests bench
    say "mypy"; "$VENV/bin/mypy"
    # A quick mutation run (one small module, ~20 s); the whole run: docs/mutacion.md.
    say "mutación (sgdesk/content/dates.py)"; "$VENV/bin/python" scripts/mutation.py quick --min-score 90
    say "pytest"; "$VENV/bin/pytest" "${@:2}"
    ;;
  bench)
    system_packages "${QT_PACKAGES[@]}" xvfb
    python_env "[test,bench]"
    exec "$VENV/bin/python" -m bench.all "${@:2}"
    ;;
  *)
    sed -n '2,10p' "$0"
    exit 2
    ;;
esac
