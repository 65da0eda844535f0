#!/usr/bin/env bash
# windows-check: build sgdesk for Windows and check it under Wine (Debian 12 amd64, as root).
#
#   bash scripts/windows-check.sh        # about 10 minutes (plus ~5 the first time: provisioning)
#
# Provisioning (Wine 8, Xvfb, a Windows CPython 3.11, the icuuc.dll stand-in for Wine) is
# ../shared/tools/wine-check's, run once when its cache ($WORK) lacks it; see that script's
# header for the Wine quirks (program output only through pipes; QT_* variables dropped).
# One more Wine-only stand-in is this script's, placed on every run (apt installs mingw-w64
# when it is missing): bcryptprimitives.dll (scripts/wine/bcryptprimitives.c). cryptography's
# _rust.pyd (44+; content-pack signatures) imports ProcessPrng from it; Windows 10/11 have that
# DLL, Wine 8 does not (without it: «ImportError: DLL load failed while importing _rust»). The
# stand-in answers with bcrypt.dll's system generator. Like icuuc.dll it lives in the prefix's
# system32, where a real Windows has the real one, so PyInstaller does not bundle it either.
# Then, on the committed HEAD of this checkout (a clone, as wine-check does):
#   STEP 1  Windows wheels of sgdesk's dependencies (from pyproject.toml) and python.exe -m
#           sgdesk --smoke-test
#   STEP 2  Windows behaviour (tests/wine/windows_behaviour.py): cancel/error under Windows'
#           open-file rules, a target open in another program, stale temporary files, a
#           read-only target, a name Windows refuses, a content pack's Ed25519 signature
#           (verified, an altered one refused, one made on Linux accepted), the Noto fonts —
#           in a folder with «ñ»
#   STEP 3  PyInstaller build of build_installer.spec: sizes, both programs, Qt's plugin
#   STEP 4  frozen smoke tests (sgdesk-cli.exe and sgdesk.exe, read-only copy; sgdesk-cli.exe
#           once more on the bundle's own VC++ runtime DLLs, not Wine's builtin ones) and an error
#           at start ending in sgdesk's own dialog (exit 70), never PyInstaller's
#   STEP 5  the console companion sgdesk-cli.exe: output and exit codes, also through cmd.exe
#   STEP 6  %LOCALAPPDATA% data folder, and --data-dir / export target with spaces and «ñ»
#   STEP 7  first paint, frozen sgdesk.exe vs a bare PySide6 window frozen the same way, and one
#           run with SGDESK_START_TRACE=1 (sgdesk's start-up stages, printed in the log)
#   STEP 8  a screenshot of the real window (Qt's "windows" platform) under Xvfb
#   STEP 9  the installer's sgdesk: link scheme: its registry keys (scripts/url_scheme.py, the
#           same as installer/sgdesk.iss) imported for the user; `start sgdesk://…` opens the
#           window there, a second link is handed over to it; the keys removed again
#   STEP 10 the installer's user Path (scripts/user_path.py, installer/sgdesk.iss [Code]): with the
#           folder added to HKCU\Environment's Path, cmd.exe in another folder runs sgdesk-cli;
#           taken out again, it no longer does, and the Path is as before (Wine has no PowerShell)
# One "STEP n PASS|FAIL: ..." line each; exit status 0 when all pass. Results (sizes,
# screenshots, logs) in $OUT.
set -uo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/sgdesk-wine}   # wine-check's cache
OUT=${OUT:-$WORK/windows-check}
PYSIDE=${PYSIDE:-6.11.3}   # the PySide6-Essentials wine-check proved under Wine 8
RUNS=${RUNS:-5}            # first-paint runs per program
T_START=$(date +%s)

declare -A RESULT
note() { printf '\n=== %s\n' "$*"; }
pass() { RESULT[$1]="PASS: $2"; printf 'STEP %s PASS: %s\n' "$1" "$2"; }
fail() { RESULT[$1]="FAIL: $2"; printf 'STEP %s FAIL: %s\n' "$1" "$2"; }
elapsed() { echo "$(date +%s.%N) - $1" | bc | xargs printf '%.2f'; }

# A Windows program through a pipe (see wine-check), bounded, without Wine's 32-bit nagging.
w() {
    env -u PIP_FIND_LINKS -u PIP_CERT -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL \
        timeout -k 10 "${WT:-600}" wine "$@" 2>&1 | grep -a --line-buffered -v -E \
        '^(it looks like wine32 is missing|multiarch needs to be enabled|execute "dpkg --add-arch|apt-get install wine32)'
    return "${PIPESTATUS[0]}"
}
wp() { env WINEDEBUG=-all winepath -w "$1" 2>/dev/null | tr -d '\r'; }

XVFB_PID=""
cleanup() {
    if [ -n "${WINEPREFIX:-}" ]; then timeout 20 wineserver -k 2>/dev/null; fi
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
}
trap cleanup EXIT

if [ "$(id -u)" != 0 ]; then echo "run as root (wine-check installs Wine with apt-get)"; exit 2; fi

export WINEPREFIX="$WORK/prefix" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
if ! command -v wine >/dev/null || [ ! -f "$WORK/py311/python.exe" ] \
        || [ ! -f "$WINEPREFIX/drive_c/windows/system32/icuuc.dll" ]; then
    note "provisioning with wine-check (Wine, Windows CPython, icuuc stand-in)"
    TOOL=${WINE_CHECK:-}
    for candidate in "$REPO/../shared/tools/wine-check" "$REPO/../../shared/tools/wine-check"; do
        [ -z "$TOOL" ] && [ -x "$candidate" ] && TOOL=$candidate
    done
    [ -n "$TOOL" ] || { echo "wine-check not found (set WINE_CHECK=/path/to/wine-check)"; exit 2; }
    (cd "$REPO" && WORK="$WORK" "$TOOL") | grep -E '^(STEP|===)'
    [ -f "$WORK/py311/python.exe" ] || { echo "provisioning failed: no $WORK/py311/python.exe"; exit 1; }
fi
wine --version

# The bcryptprimitives.dll stand-in (see the header), rebuilt each run: it takes a second.
if ! command -v x86_64-w64-mingw32-gcc >/dev/null || ! command -v objdump >/dev/null; then
    note "apt: mingw-w64 for the Wine stand-ins"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        gcc-mingw-w64-x86-64-win32 binutils >"$WORK/apt-mingw.log" 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
             --no-install-recommends gcc-mingw-w64-x86-64-win32 binutils >"$WORK/apt-mingw.log" 2>&1; } \
        || { tail -5 "$WORK/apt-mingw.log"; echo "apt-get install mingw-w64 failed"; exit 1; }
fi
STANDIN="$WORK/standins"; mkdir -p "$STANDIN"
x86_64-w64-mingw32-gcc -O2 -shared -s -Wall -o "$STANDIN/bcryptprimitives.dll" \
    "$REPO/scripts/wine/bcryptprimitives.c" -lbcrypt || { echo "mingw build of bcryptprimitives.dll failed"; exit 1; }
# (no `objdump | grep -q` under pipefail: grep's early exit can fail the pipeline)
[ "$(objdump -p "$STANDIN/bcryptprimitives.dll" | grep -c -w ProcessPrng)" != 0 ] \
    || { echo "the stand-in lacks ProcessPrng"; exit 1; }
cp "$STANDIN/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
echo "Wine-only stand-ins in system32: icuuc.dll, bcryptprimitives.dll (ProcessPrng)"

rm -rf "$OUT"; mkdir -p "$OUT"
for n in $(seq 90 130); do [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || break; done
Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=":$n"
for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done

note "STEP 1: Windows wheels and python.exe -m sgdesk --smoke-test"
git clone -q "$REPO" "$OUT/src" && git -C "$OUT/src" log --oneline -1
pip wheel -q --no-deps "$OUT/src" -w "$OUT/wheels" >"$OUT/wheel.log" 2>&1
WHEEL=$(ls "$OUT"/wheels/sgdesk-*.whl 2>/dev/null | head -1)
# win32-only markers are not applied by a download on Linux: PyInstaller's and click's named.
pip download -q --platform win_amd64 --python-version 3.11 --only-binary=:all: -d "$OUT/wheels" \
    "$WHEEL" "PySide6-Essentials==$PYSIDE" "pyinstaller>=6.10,<7" "pefile>=2022.5.30,!=2024.8.26" \
    "pywin32-ctypes>=0.2.1" colorama >"$OUT/download.log" 2>&1
PY="$OUT/py311"; cp -a "$WORK/py311" "$PY"; PYEXE="$PY/python.exe"
w "$PYEXE" -m pip install -q --no-index --no-warn-script-location --disable-pip-version-check \
    --find-links "$(wp "$OUT/wheels")" --force-reinstall "$(wp "$WHEEL")" "PySide6-Essentials==$PYSIDE" \
    "pyinstaller>=6.10,<7" >"$OUT/install.log"; rc=$?
mkdir -p "$OUT/run"; cd "$OUT/run" || exit 2
t=$(date +%s.%N)
SMOKE=$(w "$PYEXE" -m sgdesk --smoke-test); src=$?
echo "$SMOKE"
if [ -n "$WHEEL" ] && [ $rc = 0 ] && [ $src = 0 ] && grep -q "smoke test: todo bien" <<<"$SMOKE"; then
    pass 1 "$(basename "$WHEEL") + PySide6 $PYSIDE; python.exe -m sgdesk --smoke-test exit 0 in $(elapsed "$t") s"
else
    fail 1 "install exit $rc, smoke exit $src: $(tail -3 "$OUT/install.log" "$OUT/download.log" | tr '\n' ' ' | cut -c1-300)"
fi

note "STEP 2: Windows behaviour (tests/wine/windows_behaviour.py)"
USERDIR="$WINEPREFIX/drive_c/users/José Ñúñez"
rm -rf "$USERDIR"; mkdir -p "$USERDIR"
BEHAVIOUR=$(w "$PYEXE" "$(wp "$OUT/src/tests/wine/windows_behaviour.py")" "$(wp "$USERDIR")"); rc=$?
echo "$BEHAVIOUR"
checks=$(grep -c "^CHECK .*: ok" <<<"$BEHAVIOUR")
if [ $rc = 0 ] && [ "$checks" -ge 8 ]; then
    pass 2 "$checks checks ok: $(grep -o '^CHECK [^:]*' <<<"$BEHAVIOUR" | cut -d' ' -f2 | tr '\n' ' ')"
else
    fail 2 "exit $rc: $(grep -E 'FALLÓ|Error' <<<"$BEHAVIOUR" | head -3 | tr '\n' ' ')"
fi

note "STEP 3: PyInstaller build (build_installer.spec)"
cd "$OUT/src" || exit 2
t=$(date +%s.%N)
w "$PYEXE" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
    build_installer.spec >"$OUT/pyinstaller.log"; rc=$?
build_s=$(elapsed "$t")
DIST="$OUT/src/dist/sgdesk"
size_report() {  # folder -> "X MB (Y MiB on disk), N files"
    local apparent disk files
    apparent=$(du -s --apparent-size -B1 "$1" | cut -f1); disk=$(du -s -B1 "$1" | cut -f1)
    files=$(find "$1" -type f | wc -l)
    printf '%.1f MB (%.1f MiB on disk, du -sh %s), %s files' "$(echo "$apparent/1000000" | bc -l)" \
        "$(echo "$disk/1048576" | bc -l)" "$(du -sh "$1" | cut -f1)" "$files"
}
if [ $rc = 0 ] && [ -f "$DIST/sgdesk.exe" ] && [ -f "$DIST/sgdesk-cli.exe" ]; then
    SIZE=$(size_report "$DIST")
    echo "dist\\sgdesk: $SIZE"
    for exe in sgdesk.exe sgdesk-cli.exe; do echo "$exe: $(objdump -p "$DIST/$exe" | grep -E '^Subsystem' | tr -s '\t ' ' ')"; done
    echo "largest files:"; find "$DIST" -type f -printf '%s %P\n' | sort -rn | head -14 \
        | awk '{printf "  %6.2f MB  %s\n", $1/1e6, $2}'
    absent=$(for f in libcrypto-3.dll _hashlib.pyd tzdata PySide6/plugins/platforms/qdirect2d.dll; do
        [ -e "$DIST/_internal/$f" ] && echo "$f"; done | tr '\n' ' ')
    { echo "$SIZE"; find "$DIST" -type f -printf '%s %P\n' | sort -rn; } >"$OUT/sizes.txt"
    if [ -f "$DIST/_internal/PySide6/plugins/platforms/qwindows.dll" ] && [ -z "$absent" ]; then
        pass 3 "PyInstaller in ${build_s} s; dist\\sgdesk = $SIZE; sgdesk.exe (GUI) + sgdesk-cli.exe (console)"
    else
        fail 3 "qwindows.dll missing or unwanted files present: $absent"
    fi
else
    tail -15 "$OUT/pyinstaller.log"
    fail 3 "PyInstaller exit $rc (log: $OUT/pyinstaller.log)"
fi

note "STEP 4: frozen smoke tests from a read-only copy; an error at start"
COPY="$OUT/copia de solo lectura"
if [ -f "$DIST/sgdesk-cli.exe" ]; then
    cp -r "$DIST" "$COPY"; chmod -R a-w "$COPY"
    cd "$OUT/run" || exit 2
    ok=0; times=""
    for exe in sgdesk-cli.exe sgdesk.exe; do
        t=$(date +%s.%N)
        out=$(WT=180 w "$COPY/$exe" --smoke-test); rc=$?
        echo "$out" | sed "s/^/  $exe: /"
        [ $rc = 0 ] && grep -q "smoke test: todo bien" <<<"$out" && ok=$((ok + 1))
        times+="$exe $(elapsed "$t") s; "
    done
    crash=$(SGDESK_CRASH_TEST=1 SGDESK_CRASH_DIALOG_MS=1500 WT=120 w "$COPY/sgdesk.exe"); crc=$?
    echo "$crash" | sed 's/^/  crash: /'
    # Wine uses its own builtin VC++ runtime unless told otherwise: once more with the bundle's
    # (native) copies, so that Windows' loader rules decide which copy each library gets — the
    # bundle keeps one loadable copy of each (build_installer.spec, scripts/bundle_checks.py)
    native=$(WINEDLLOVERRIDES="$WINEDLLOVERRIDES;msvcp140,msvcp140_1,msvcp140_2,vcruntime140,vcruntime140_1=n" \
        WINEDEBUG=+loaddll WT=180 w "$COPY/sgdesk-cli.exe" --smoke-test); nrc=$?
    runtime=$(grep -a -i -o -E '_internal\\\\[^"]*(msvcp140|vcruntime140)[^"]*" at [0-9A-F]+: [a-z]+' <<<"$native" \
        | sed -E 's/" at [0-9A-F]+:/:/; s/^_internal\\\\//; s/\\\\/\\/g' | sort -u)
    echo "$runtime" | sed 's/^/  VC++ runtime loaded (native requested): /'
    if [ $nrc = 0 ] && grep -q "smoke test: todo bien" <<<"$native" && [ -n "$runtime" ] \
            && ! grep -q ': builtin' <<<"$runtime"; then
        nativeok="with the bundle's own VC++ runtime DLLs ($(grep -c . <<<"$runtime") loaded, none of Wine's) too"
    else
        nativeok=""
    fi
    if [ $ok = 2 ] && [ $crc = 70 ] && grep -q "se mostró el diálogo" <<<"$crash" \
            && ! grep -q -i "failed to execute" <<<"$crash" && [ -n "$nativeok" ]; then
        pass 4 "--smoke-test exit 0 ($times$nativeok); SGDESK_CRASH_TEST: sgdesk's dialog, exit 70"
    else
        fail 4 "smoke ok $ok/2, crash exit $crc, native VC++ runtime smoke exit $nrc ($(tr '\n' ' ' <<<"$runtime")): $(head -2 <<<"$crash" | tr '\n' ' ')"
    fi
else
    fail 4 "no frozen build"
fi

note "STEP 5: sgdesk-cli.exe, the console companion"
if [ -f "$COPY/sgdesk-cli.exe" ]; then
    cd "$OUT/run" || exit 2
    CLI="$COPY/sgdesk-cli.exe"; problems=""
    expect() {  # name, expected exit code, expected text, command...
        local name=$1 code=$2 text=$3; shift 3
        local out rc; out=$(w "$@"); rc=$?
        printf '  %s: exit %s | %s\n' "$name" "$rc" "$(head -2 <<<"$out" | tr '\n' ' ' | cut -c1-150)"
        { [ "$rc" = "$code" ] && grep -q -F -- "$text" <<<"$out"; } || problems+="$name(exit $rc) "
    }
    expect version 0 "sgdesk " "$CLI" --version
    expect search 0 "gestión documental" "$CLI" search "gestion documental" --limit 3
    expect show 0 "Son funciones de la Secretaría General" "$CLI" show decreto-267-2007/art-7
    expect unknown-id 2 "No existe la sección o disposición" "$CLI" show no-existe
    expect bad-option 2 "sgdesk: error:" "$CLI" --no-such-option
    expect through-cmd 2 "No existe la sección o disposición" cmd /c "$(wp "$CLI")" show no-existe
    if [ -z "$problems" ]; then
        pass 5 "--version, search, show (exit 0), unknown id and bad option (exit 2, Spanish), via cmd.exe too"
    else
        fail 5 "$problems"
    fi
else
    fail 5 "no frozen build"
fi

note "STEP 6: user data under %LOCALAPPDATA%; folders with spaces and «ñ»"
if [ -f "$COPY/sgdesk.exe" ]; then
    cd "$OUT/run" || exit 2
    LOCAL="$WINEPREFIX/drive_c/users/$(whoami)/AppData/Local"
    DATA="$LOCAL/Alcaldia Mayor de Bogota/sgdesk"
    rm -rf "$DATA" "$USERDIR/Datos de sgdesk"; mkdir -p "$USERDIR/Exportaciones de José Ñúñez"
    WT=120 w "$COPY/sgdesk.exe" --exit-after-paint >/dev/null
    WT=120 w "$COPY/sgdesk.exe" --data-dir "$(wp "$USERDIR")\\Datos de sgdesk" --exit-after-paint >/dev/null
    TARGET="$(wp "$USERDIR")\\Exportaciones de José Ñúñez\\Decreto 267 de 2007 — copia.pdf"
    out=$(w "$COPY/sgdesk-cli.exe" export decreto-267-2007 -o "$TARGET"); rc=$?
    echo "  export: exit $rc | $out"
    ls -la "$DATA" "$USERDIR/Datos de sgdesk" "$USERDIR/Exportaciones de José Ñúñez" 2>&1 | sed 's/^/  /'
    pdf="$USERDIR/Exportaciones de José Ñúñez/Decreto 267 de 2007 — copia.pdf"
    if [ -f "$DATA/sgdesk.ini" ] && [ -f "$USERDIR/Datos de sgdesk/sgdesk.ini" ] && [ $rc = 0 ] && [ -s "$pdf" ] \
            && [ -z "$(find "$USERDIR/Exportaciones de José Ñúñez" -name '.sgdesk-export-*')" ]; then
        pass 6 "sgdesk.ini in %LOCALAPPDATA%\\Alcaldia Mayor de Bogota\\sgdesk and in C:\\users\\José Ñúñez\\Datos de sgdesk; PDF exported to «…\\Exportaciones de José Ñúñez\\Decreto 267 de 2007 — copia.pdf» ($(stat -c %s "$pdf") bytes)"
    else
        fail 6 "ini in LOCALAPPDATA: $([ -f "$DATA/sgdesk.ini" ] && echo yes || echo no); export exit $rc"
    fi
else
    fail 6 "no frozen build"
fi

note "STEP 7: first paint, frozen sgdesk.exe vs a bare PySide6 window frozen the same way"
cd "$OUT/src" || exit 2
SGDESK_SPEC_ENTRY=bench/bare_window.py w "$PYEXE" -m PyInstaller --noconfirm --log-level WARN \
    --distpath dist --workpath build/bare build_installer.spec >"$OUT/bare.log"; brc=$?
first_paint() {  # exe [args] -> seconds from launch to "sgdesk: first-paint"
    # Returns once the program has ended (its output read to the end): the next run must not
    # start while this one is still closing (under Wine that takes seconds), or it would share
    # the CPU with it and, for sgdesk, find its data folder's lock still held.
    local t; t=$(date +%s.%N)
    WT=120 w "$@" | { while read -r line; do [[ "$line" == *first-paint* ]] && { elapsed "$t"; break; }; done
                      cat >/dev/null; }
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
if [ $brc = 0 ] && [ -f "$COPY/sgdesk.exe" ]; then
    cd "$OUT/run" || exit 2
    first_paint "$COPY/sgdesk.exe" --exit-after-paint >/dev/null; first_paint "$OUT/src/dist/bare/bare.exe" >/dev/null  # warm-up
    app_t=(); bare_t=()
    for _ in $(seq 1 "$RUNS"); do   # interleaved, as bench/startup.py does
        app_t+=("$(first_paint "$COPY/sgdesk.exe" --exit-after-paint)")
        bare_t+=("$(first_paint "$OUT/src/dist/bare/bare.exe")")
    done
    app_m=$(printf '%s\n' "${app_t[@]}" | median); bare_m=$(printf '%s\n' "${bare_t[@]}" | median)
    echo "sgdesk.exe: ${app_t[*]} s; bare.exe: ${bare_t[*]} s; bare folder: $(size_report "$OUT/src/dist/bare")"
    # one more run with sgdesk's own stage marks (sgdesk/start_trace.py), for the log
    # (read to the end: a reader that left early closed the program's output under it)
    TRACE=$(SGDESK_START_TRACE=1 WT=120 w "$COPY/sgdesk.exe" --exit-after-paint | grep -a '^start trace: ')
    TRACE=$(head -1 <<<"$TRACE")
    echo "sgdesk.exe $TRACE"
    painted=$(grep -o '[0-9.]* pane with text paint' <<<"$TRACE" | cut -d' ' -f1)
    if [ -n "$app_m" ] && [ -n "$bare_m" ]; then
        pass 7 "first paint, median of $RUNS: sgdesk.exe ${app_m} s, bare PySide6 window ${bare_m} s, ratio $(printf '%.2f' "$(echo "$app_m/$bare_m" | bc -l)")×; traced run: page painted ${painted:-?} s after Python started"
    else
        fail 7 "no first-paint line (sgdesk: '${app_t[*]}', bare: '${bare_t[*]}')"
    fi
else
    fail 7 "bare window build exit $brc (log: $OUT/bare.log)"
fi

note "STEP 8: the real window under Xvfb"
if [ -f "$COPY/sgdesk.exe" ]; then
    cd "$OUT/run" || exit 2
    timeout 20 wineserver -k 2>/dev/null; sleep 1   # no window of an earlier step may linger
    t=$(date +%s.%N)
    env -u PIP_FIND_LINKS wine "$COPY/sgdesk.exe" --data-dir "$(wp "$USERDIR")\\Datos de sgdesk" \
        > >(cat >"$OUT/gui.log") 2>&1 &
    GUI=$!
    shown=""
    for _ in $(seq 1 120); do
        xwininfo -root -tree 2>/dev/null | grep -q '"sgdesk — ' && { shown=$(elapsed "$t"); break; }
        sleep 0.5
    done
    mean=0
    for _ in $(seq 1 30); do   # until it has painted (Wine maps the window before it draws)
        sleep 1
        import -window root "$OUT/window.png" 2>/dev/null
        mean=$(convert "$OUT/window.png" -format '%[fx:mean]' info: 2>/dev/null || echo 0)
        [ "$(echo "$mean > 0.05" | bc)" = 1 ] && break
    done
    sleep 3; import -window root "$OUT/window.png" 2>/dev/null   # and has laid out its panels
    title=$(xwininfo -root -tree 2>/dev/null | grep -o '"sgdesk — [^"]*"' | head -1)
    kill "$GUI" 2>/dev/null; wait "$GUI" 2>/dev/null; timeout 20 wineserver -k 2>/dev/null
    # the error dialog too, as a user would see it (it closes itself after 30 s)
    SGDESK_CRASH_TEST=1 SGDESK_CRASH_DIALOG_MS=30000 wine "$COPY/sgdesk.exe" > >(cat >"$OUT/crash.log") 2>&1 &
    CRASH=$!
    for _ in $(seq 1 120); do
        xwininfo -root -tree 2>/dev/null | grep -q '"sgdesk — error inesperado"' && break
        sleep 0.5
    done
    sleep 2; import -window root "$OUT/crash-dialog.png" 2>/dev/null
    kill "$CRASH" 2>/dev/null; wait "$CRASH" 2>/dev/null; timeout 20 wineserver -k 2>/dev/null
    if [ -n "$shown" ] && [ "$(echo "$mean > 0.05" | bc)" = 1 ]; then
        pass 8 "window $title shown ${shown} s after launch; screenshots $OUT/window.png, $OUT/crash-dialog.png"
    else
        fail 8 "no sgdesk window (shown='$shown', mean=$mean): $(head -3 "$OUT/gui.log" | tr '\n' ' ')"
    fi
else
    fail 8 "no frozen build"
fi

note "STEP 9: the installer's sgdesk: link scheme (HKCU), links opened with start"
SCHEME="$OUT/src/scripts/url_scheme.py"   # the installer's [Registry] keys, also as a .reg file
if [ -f "$COPY/sgdesk.exe" ] && [ -f "$SCHEME" ]; then
    cd "$OUT/run" || exit 2
    timeout 20 wineserver -k 2>/dev/null; sleep 1
    python3 "$SCHEME" --reg "$(wp "$COPY")" -o "$OUT/sgdesk-url.reg" \
        && python3 "$SCHEME" --unreg -o "$OUT/sgdesk-url-quitar.reg"
    # Wine reads HKEY_CLASSES_ROOT from HKLM\Software\Classes only, where Windows also merges in the
    # user's HKCU\Software\Classes (what a per-user installer writes): the same keys there too, for start.
    for f in sgdesk-url sgdesk-url-quitar; do
        python3 -c 'import sys; text = open(sys.argv[1], encoding="utf-16").read()
open(sys.argv[2], "w", encoding="utf-16", newline="").write(text.replace("HKEY_CURRENT_USER\\Software\\Classes", "HKEY_CLASSES_ROOT"))' \
            "$OUT/$f.reg" "$OUT/$f-hkcr.reg"
    done
    w reg import "$(wp "$OUT/sgdesk-url.reg")" >/dev/null; w reg import "$(wp "$OUT/sgdesk-url-hkcr.reg")" >/dev/null
    KEYS=$(w reg query 'HKCU\Software\Classes\sgdesk' /s); echo "$KEYS" | sed 's/^/  /'
    command_ok=$(grep -c -F 'sgdesk.exe" "%1"' <<<"$KEYS")
    DATA="$WINEPREFIX/drive_c/users/$(whoami)/AppData/Local/Alcaldia Mayor de Bogota/sgdesk"
    rm -rf "$DATA"   # a fresh user folder: its sgdesk.log says which links the window opened
    LINK1="sgdesk://decreto-267-2007/art-7"; LINK2="sgdesk://decreto-267-2007/art-7/lit-n?vigente=2008-06-30"
    t=$(date +%s.%N)
    ( WT=300 w start /wait "$LINK1" >"$OUT/link.log"; echo "exit $?" >>"$OUT/link.log" ) &
    FIRST=$!
    opened=""
    for _ in $(seq 1 120); do
        xwininfo -root -tree 2>/dev/null | grep -q '"sgdesk — ' && { opened=$(elapsed "$t"); break; }
        sleep 0.5
    done
    sleep 5; import -window root "$OUT/link.png" 2>/dev/null
    # a second link while the window is open: handed over to it, the second process ends at once
    handover=$(WT=60 w start /wait "$LINK2"); hrc=$?
    sleep 4; import -window root "$OUT/link-2.png" 2>/dev/null
    w taskkill /im sgdesk.exe >/dev/null   # WM_CLOSE: the window closes as a user closes it
    for _ in $(seq 1 60); do kill -0 "$FIRST" 2>/dev/null || break; sleep 0.5; done
    first_exit=$(grep -o 'exit [0-9]*' "$OUT/link.log" | tail -1)
    timeout 20 wineserver -k 2>/dev/null
    opened_links=$(grep -o "link opened: [^ ]*" "$DATA/sgdesk.log" 2>/dev/null | cut -d' ' -f3 | tr '\n' ' ')
    w reg import "$(wp "$OUT/sgdesk-url-quitar.reg")" >/dev/null; w reg import "$(wp "$OUT/sgdesk-url-quitar-hkcr.reg")" >/dev/null
    w reg query 'HKCU\Software\Classes\sgdesk' >/dev/null 2>&1; gone=$?
    echo "  first link: window after ${opened:-never} s, ${first_exit:-no exit}; second link: exit $hrc ${handover:+| $handover}; sgdesk.log: links opened: ${opened_links:-none}; keys after removal: $([ $gone != 0 ] && echo none || echo still there)"
    if [ "$command_ok" -ge 1 ] && [ -n "$opened" ] && [ "$first_exit" = "exit 0" ] && [ $hrc = 0 ] \
            && [ "$opened_links" = "decreto-267-2007/art-7 decreto-267-2007/art-7/lit-n " ] && [ $gone != 0 ]; then
        pass 9 "HKCU\\Software\\Classes\\sgdesk → \"sgdesk.exe\" \"%1\"; start $LINK1 opened the window in ${opened} s; $LINK2 handed over to it (exit 0) and opened there (sgdesk.log); keys removed; screenshots $OUT/link.png, $OUT/link-2.png"
    else
        fail 9 "command key $command_ok, window '${opened}', first ${first_exit:-?}, second exit $hrc, links opened '${opened_links}', removed $([ $gone != 0 ] && echo yes || echo no)"
    fi
else
    fail 9 "no frozen build or no scripts/url_scheme.py (the installer's sgdesk: scheme)"
fi

note "STEP 10: sgdesk-cli.exe on the user's Path (HKCU\\Environment), as the installer puts it"
USERPATH="$OUT/src/scripts/user_path.py"   # the rule the installer's [Code] follows
if [ -f "$COPY/sgdesk-cli.exe" ] && [ -f "$USERPATH" ]; then
    cd "$OUT/run" || exit 2   # not the program's folder: only the Path can lead cmd.exe to it
    timeout 20 wineserver -k 2>/dev/null; sleep 1
    user_path() {  # the user's Path value as reg.exe shows it ("" when there is none)
        w reg query 'HKCU\Environment' /v Path 2>/dev/null | tr -d '\r' \
            | sed -n -E 's/^ *Path +REG_(EXPAND_)?SZ +//p'
    }
    APPDIR=$(wp "$COPY"); BEFORE=$(user_path)
    out0=$(w cmd /c "sgdesk-cli --version"); rc0=$?
    ADDED=$(python3 "$USERPATH" --add "$APPDIR" --path "$BEFORE")
    w reg add 'HKCU\Environment' /v Path /t REG_EXPAND_SZ /d "$ADDED" /f >/dev/null
    out1=$(w cmd /c "sgdesk-cli --version"); rc1=$?
    out2=$(w cmd /c "sgdesk-cli show no-existe"); rc2=$?
    REMOVED=$(python3 "$USERPATH" --remove "$APPDIR" --path "$(user_path)")
    if [ -n "$REMOVED" ]; then
        w reg add 'HKCU\Environment' /v Path /t REG_EXPAND_SZ /d "$REMOVED" /f >/dev/null
    else
        w reg delete 'HKCU\Environment' /v Path /f >/dev/null
    fi
    out3=$(w cmd /c "sgdesk-cli --version"); rc3=$?
    AFTER=$(user_path)
    printf '  before: exit %s | %s\n  Path: %s\n  with it: exit %s | %s; show no-existe: exit %s | %s\n  taken out: exit %s | %s; Path now: «%s» (before «%s»)\n' \
        "$rc0" "$(head -1 <<<"$out0")" "$ADDED" "$rc1" "$(head -1 <<<"$out1")" "$rc2" "$(head -1 <<<"$out2")" \
        "$rc3" "$(head -1 <<<"$out3")" "$AFTER" "$BEFORE"
    if [ $rc0 != 0 ] && [ $rc1 = 0 ] && grep -q "^sgdesk " <<<"$out1" && [ $rc2 = 2 ] \
            && grep -q "No existe la sección" <<<"$out2" && [ $rc3 != 0 ] && [ "$AFTER" = "$BEFORE" ]; then
        pass 10 "Path of HKCU\\Environment + the install folder: cmd /c sgdesk-cli --version from another folder exit 0 (before: not found), show no-existe exit 2 in Spanish; taken out: not found again, the Path as before"
    else
        fail 10 "before exit $rc0, with it exit $rc1/$rc2, taken out exit $rc3, Path «$AFTER» (before «$BEFORE»)"
    fi
else
    fail 10 "no frozen build or no scripts/user_path.py"
fi

echo
echo "==================== windows-check summary ($(wine --version), PySide6 $PYSIDE, $(( $(date +%s) - T_START )) s)"
status=0
for s in 1 2 3 4 5 6 7 8 9 10; do
    r=${RESULT[$s]:-"FAIL: not reached"}
    echo "STEP $s ${r}"
    [[ "$r" == PASS* ]] || status=1
done
exit $status
