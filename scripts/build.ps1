# Build sgdesk on Windows: clean virtual environment, PyInstaller, smoke test, installer.
#
#   powershell -ExecutionPolicy Bypass -File scripts\build.ps1
#
# Needs Python 3.11+ (python.org, "py" launcher) and Inno Setup 6 (ISCC.exe) for the
# installer. NOT RUN in this project's CI (no Windows machine there): see README.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

Remove-Item -Recurse -Force build\venv, build\pyinstaller, dist\sgdesk -ErrorAction SilentlyContinue
py -3.11 -m venv build\venv
& build\venv\Scripts\python -m pip install --upgrade pip
& build\venv\Scripts\python -m pip install . "pyinstaller>=6.10,<7"
& build\venv\Scripts\python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller build_installer.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller falló" }

# Smoke test from a read-only copy (the windowed exe writes to its own console via the pipe).
$copy = Join-Path $env:TEMP "sgdesk-smoke"
Remove-Item -Recurse -Force $copy -ErrorAction SilentlyContinue
Copy-Item -Recurse dist\sgdesk $copy
Get-ChildItem -Recurse $copy | ForEach-Object { $_.IsReadOnly = $true } -ErrorAction SilentlyContinue
$env:QT_QPA_PLATFORM = "offscreen"
$output = & "$copy\sgdesk.exe" --smoke-test 2>&1 | Out-String
Write-Output $output
if ($LASTEXITCODE -ne 0 -or $output -notmatch "smoke test: todo bien") { throw "La prueba de humo falló" }

$version = & build\venv\Scripts\python -c "import sgdesk; print(sgdesk.__version__)"
$iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
& $iscc "/DAppVersion=$version" installer\sgdesk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup falló" }
Write-Output "Instalador: dist\sgdesk-$version-instalador.exe"
