# Build sgdesk on Windows: clean virtual environment, PyInstaller, smoke tests, installer.
#
#   powershell -ExecutionPolicy Bypass -File scripts\build.ps1
#
# Needs Python 3.11+ (python.org, "py" launcher) and Inno Setup 6 (ISCC.exe) for the
# installer. Not run by this project's CI (no Windows machine there); scripts/windows-check.sh
# runs the same build and checks under Wine (see README).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

# sgdesk writes UTF-8; without this PowerShell decodes it in the console's code page
# (850 or 1252) and «ñ», tildes and «—» arrive garbled in $output and in the log.
$utf8 = New-Object System.Text.UTF8Encoding $false
[Console]::OutputEncoding = $utf8
$OutputEncoding = $utf8

# A native program's exit code does not stop the script by itself ($ErrorActionPreference
# only covers PowerShell's own commands): check it after each one.
function Invoke-Checked([string]$what, [scriptblock]$command) {
    & $command
    if ($LASTEXITCODE -ne 0) { throw "$what falló (código $LASTEXITCODE)" }
}

# Run a program with a time limit (a broken build must fail, not hang), its output in UTF-8.
function Invoke-Bounded([string]$exe, [string[]]$arguments, [int]$seconds) {
    $out = [System.IO.Path]::GetTempFileName()
    $err = [System.IO.Path]::GetTempFileName()
    $process = Start-Process -FilePath $exe -ArgumentList $arguments -NoNewWindow -PassThru `
        -RedirectStandardOutput $out -RedirectStandardError $err
    $null = $process.Handle  # keeps the exit code available after the wait
    if (-not $process.WaitForExit($seconds * 1000)) {
        Stop-Process -Id $process.Id -Force
        throw "$exe $arguments no terminó en $seconds s"
    }
    $text = (Get-Content -Raw -Encoding UTF8 $out) + (Get-Content -Raw -Encoding UTF8 $err)
    Remove-Item $out, $err
    return @{ Code = $process.ExitCode; Output = "$text" }
}

Remove-Item -Recurse -Force build\venv, build\pyinstaller, dist\sgdesk -ErrorAction SilentlyContinue
Invoke-Checked "py -3.11 -m venv" { py -3.11 -m venv build\venv }
Invoke-Checked "pip (pip)" { & build\venv\Scripts\python -m pip install --upgrade pip }
Invoke-Checked "pip (sgdesk)" { & build\venv\Scripts\python -m pip install . "pyinstaller>=6.10,<7" }
# The spec itself stops the build when Qt's platform plugin is missing from the bundle.
Invoke-Checked "PyInstaller" {
    & build\venv\Scripts\python -m PyInstaller --noconfirm --clean --distpath dist `
        --workpath build\pyinstaller build_installer.spec
}
foreach ($needed in "sgdesk.exe", "sgdesk-cli.exe", "_internal\PySide6\plugins\platforms\qwindows.dll") {
    if (-not (Test-Path (Join-Path dist\sgdesk $needed))) { throw "Falta dist\sgdesk\$needed" }
}

# Smoke tests from a read-only copy, as an installed folder is for its users. Folders have
# no IsReadOnly: only files are marked.
$copy = Join-Path $env:TEMP "sgdesk-smoke"
if (Test-Path $copy) {
    Get-ChildItem -Recurse -File $copy | ForEach-Object { $_.IsReadOnly = $false }
    Remove-Item -Recurse -Force $copy
}
Copy-Item -Recurse dist\sgdesk $copy
Get-ChildItem -Recurse -File $copy | ForEach-Object { $_.IsReadOnly = $true }
foreach ($exe in "sgdesk-cli.exe", "sgdesk.exe") {
    $run = Invoke-Bounded (Join-Path $copy $exe) @("--smoke-test") 180
    Write-Output $run.Output
    if ($run.Code -ne 0 -or $run.Output -notmatch "smoke test: todo bien") {
        throw "La prueba de humo de $exe falló (código $($run.Code))"
    }
}
# An error at start ends in sgdesk's own dialog (closed after 1 s here) and exit code 70,
# never in PyInstaller's «Failed to execute script» window, which would wait forever.
$env:SGDESK_CRASH_TEST = "1"; $env:SGDESK_CRASH_DIALOG_MS = "1000"
$run = Invoke-Bounded (Join-Path $copy "sgdesk.exe") @() 120
Remove-Item Env:SGDESK_CRASH_TEST, Env:SGDESK_CRASH_DIALOG_MS
if ($run.Code -ne 70 -or $run.Output -notmatch "se mostró el diálogo") {
    throw "El error de arranque no terminó en el diálogo de sgdesk (código $($run.Code)): $($run.Output)"
}
$version = (& build\venv\Scripts\python -c "import sgdesk; print(sgdesk.__version__)").Trim()
$size = (Get-ChildItem -Recurse -File dist\sgdesk | Measure-Object -Sum Length).Sum / 1MB
Write-Output ("dist\sgdesk: {0:N1} MiB" -f $size)

$iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
Invoke-Checked "Inno Setup" { & $iscc "/DAppVersion=$version" installer\sgdesk.iss }
Write-Output "Instalador: dist\sgdesk-$version-instalador.exe"
