"""sgdesk-cli.exe within reach of cmd.exe: the installer puts its folder on the user's Path
(HKCU\\Environment, no administrator rights), takes it out on uninstall, and tells Windows;
declared once in scripts/user_path.py. The installer's Pascal code is compiled here with Free
Pascal (when installed) over a stand-in registry and must do what the Python rule does."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("user_path", REPO / "scripts" / "user_path.py")
assert _spec is not None
assert _spec.loader is not None
user_path = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(user_path)

ISS = (REPO / "installer" / "sgdesk.iss").read_text(encoding="utf-8")
APP = "C:\\Users\\José Ñúñez\\AppData\\Local\\Programs\\sgdesk"
OTHERS = "C:\\Python311;%USERPROFILE%\\bin;;D:\\Herramientas\\"


def _section(name: str) -> str:
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", ISS, re.MULTILINE | re.DOTALL)
    assert match, f"no [{name}] in installer/sgdesk.iss"
    return match.group(0)


def test_the_installer_carries_the_declared_code_and_tells_windows() -> None:
    assert _section("Code") == user_path.iss_code()
    setup = _section("Setup").splitlines()
    assert "PrivilegesRequired=lowest" in setup  # the user's own Path: no administrator rights
    assert "ChangesEnvironment=yes" in setup  # WM_SETTINGCHANGE after install and uninstall
    code = user_path.iss_code()
    assert "HKEY_CURRENT_USER, 'Environment', 'Path'" in code
    assert "RegWriteExpandStringValue" in code  # REG_EXPAND_SZ: %USERPROFILE% entries stay references
    assert "usPostUninstall" in code
    assert "ssPostInstall" in code


def test_installing_adds_the_folder_once_and_keeps_every_other_entry() -> None:
    assert user_path.with_folder("", APP) == APP
    added = user_path.with_folder(OTHERS, APP)
    assert added == OTHERS + ";" + APP
    assert user_path.with_folder(added, APP) == added  # a reinstall: not twice
    upper = OTHERS + ";" + APP.upper() + "\\;C:\\Otra"
    assert user_path.with_folder(upper, APP) == OTHERS + ";C:\\Otra;" + APP  # same folder, other spelling


def test_uninstalling_takes_out_only_the_folder() -> None:
    assert user_path.without_folder(OTHERS + ";" + APP, APP) == OTHERS
    assert user_path.without_folder(APP, APP) == ""
    assert user_path.without_folder("C:\\Otra;" + APP + "\\;D:\\x", APP) == "C:\\Otra;D:\\x"
    assert user_path.without_folder(OTHERS, APP) == OTHERS  # not there: untouched
    assert user_path.without_folder("", APP) == ""
    # a folder that only begins like it is another folder
    assert user_path.without_folder(APP + "-viejo", APP) == APP + "-viejo"


_HARNESS = """program harness;
{$mode delphi}{$H+}
uses cwstring, SysUtils;  { Unicode case mapping, as Windows gives Inno Setup }
type
  TSetupStep = (ssInstall, ssPostInstall, ssDone);
  TUninstallStep = (usAppMutexCheck, usUninstall, usPostUninstall, usDone);
const
  HKEY_CURRENT_USER = 1;
var
  Stored: String;
  Present: Boolean;
  AppDir: String;
  Line, Op: String;

function RegQueryStringValue(Root: Integer; Key, Name: String; var Value: String): Boolean;
begin
  Result := Present and (Root = HKEY_CURRENT_USER) and (Key = 'Environment') and (Name = 'Path');
  if Result then Value := Stored;
end;

function RegWriteExpandStringValue(Root: Integer; Key, Name, Value: String): Boolean;
begin
  Result := (Root = HKEY_CURRENT_USER) and (Key = 'Environment') and (Name = 'Path');
  if Result then begin Stored := Value; Present := True; end;
end;

function RegDeleteValue(Root: Integer; Key, Name: String): Boolean;
begin
  Result := (Root = HKEY_CURRENT_USER) and (Key = 'Environment') and (Name = 'Path');
  if Result then begin Stored := ''; Present := False; end;
end;

function ExpandConstant(S: String): String;
begin
  Result := StringReplace(S, '{app}', AppDir, []);
end;

function RemoveBackslash(S: String): String;
begin
  Result := S;
  if (Length(Result) > 0) and (Result[Length(Result)] = '\\') then
    Delete(Result, Length(Result), 1);
end;

CODE

begin
  while not EOF(Input) do
  begin
    ReadLn(Line);  { op|present|stored|app }
    Op := Copy(Line, 1, Pos('|', Line) - 1); Delete(Line, 1, Pos('|', Line));
    Present := Copy(Line, 1, Pos('|', Line) - 1) = '1'; Delete(Line, 1, Pos('|', Line));
    Stored := Copy(Line, 1, Pos('|', Line) - 1); Delete(Line, 1, Pos('|', Line));
    AppDir := Line;
    if Op = 'add' then CurStepChanged(ssPostInstall) else CurUninstallStepChanged(usPostUninstall);
    if Present then WriteLn('1|', Stored) else WriteLn('0|');
  end;
end.
"""


@pytest.mark.skipif(shutil.which("fpc") is None, reason="Free Pascal (apt install fp-compiler) not installed")
def test_the_installer_s_pascal_does_what_the_rule_says(tmp_path: Path) -> None:
    code = user_path.iss_code().split("\n", 1)[1]  # without the [Code] header
    source = tmp_path / "harness.pas"
    source.write_text(_HARNESS.replace("CODE", code), encoding="utf-8")
    built = subprocess.run(["fpc", "-Mdelphi", "-o" + str(tmp_path / "harness"), str(source)],
                           capture_output=True, text=True, check=False, cwd=tmp_path)  # fmt: skip
    assert built.returncode == 0, built.stdout[-2000:]
    values = ["", "C:\\Python311", OTHERS, OTHERS + ";" + APP, APP, APP.upper() + "\\;C:\\Otra",
              "C:\\Otra;" + APP + ";D:\\x;" + APP, ";", APP + "-viejo"]  # fmt: skip
    cases = [(op, present, value) for op in ("add", "remove") for value in values for present in (True, False)
             if present or not value]  # fmt: skip
    lines = "".join(f"{op}|{int(present)}|{value}|{APP}\n" for op, present, value in cases)
    ran = subprocess.run([str(tmp_path / "harness")], input=lines.encode("utf-8"), capture_output=True,
                         check=True, timeout=30, env={**os.environ, "LC_ALL": "C.UTF-8"})  # fmt: skip
    answers = ran.stdout.decode("utf-8").splitlines()
    assert len(answers) == len(cases)
    for (op, present, value), answer in zip(cases, answers, strict=True):
        if op == "add":
            expected = "1|" + user_path.with_folder(value, APP)
        elif not present:
            expected = "0|"  # nothing to take out: the value is not created
        else:
            rest = user_path.without_folder(value, APP)
            expected = f"1|{rest}" if rest else "0|"  # an empty Path value is deleted
        assert answer == expected, (op, value)
