#!/usr/bin/env bash
# Run the frozen app's smoke test from a read-only copy of FOLDER; fail on unexpected output.
#   bash scripts/smoke-frozen.sh dist/sgdesk
set -euo pipefail
folder=${1:?uso: smoke-frozen.sh CARPETA}
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cp -a "$folder" "$work/app"
chmod -R a-w "$work/app"
mkdir "$work/home"
status=0
output=$(cd "$work" && HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" \
  QT_QPA_PLATFORM=offscreen "$work/app/sgdesk" --smoke-test 2>&1) || status=$?
echo "$output"
# Qt's offscreen plugin says this about window hints; anything else is unexpected.
unexpected=$(grep -v -e '^sgdesk: smoke test' -e 'does not support propagateSizeHints' <<<"$output" || true)
if [ "$status" -ne 0 ] || [ -n "$unexpected" ]; then
  echo "La prueba de humo falló (código $status). Salida inesperada:" >&2
  echo "$unexpected" >&2
  exit 1
fi
if [ -n "$(find "$work/app" -newer "$work/home" -print -quit)" ]; then
  echo "La aplicación escribió en su carpeta de instalación." >&2
  exit 1
fi
