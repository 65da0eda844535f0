"""The sgdesk: scheme in the Windows registry is declared once (scripts/url_scheme.py): the
installer writes exactly those keys, per user, and removes them; the .reg file for Wine says
the same; and what Windows then runs (``sgdesk.exe "sgdesk://…"``) is a link sgdesk opens."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from sgdesk.cli import _link_argument
from sgdesk.content.links import DeepLink, parse_link

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("url_scheme", REPO / "scripts" / "url_scheme.py")
assert _spec is not None
assert _spec.loader is not None
url_scheme = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(url_scheme)

ISS = (REPO / "installer" / "sgdesk.iss").read_text(encoding="utf-8")


def _section(name: str) -> list[str]:
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", ISS, re.MULTILINE | re.DOTALL)
    assert match, f"no [{name}] in installer/sgdesk.iss"
    return [line for line in match.group(1).splitlines() if line.strip() and not line.startswith(";")]


def test_the_installer_writes_exactly_the_declared_keys() -> None:
    assert _section("Registry") == url_scheme.iss_section().splitlines()[1:]


def test_the_keys_are_the_current_users_and_go_with_the_uninstaller() -> None:
    setup = _section("Setup")
    assert "PrivilegesRequired=lowest" in setup  # HKA is then HKCU: no administrator rights
    lines = _section("Registry")
    assert all(line.startswith('Root: HKA; Subkey: "Software\\Classes\\sgdesk') for line in lines)
    assert 'ValueName: "URL Protocol"; ValueData: ""' in " ".join(lines)
    root = [line for line in lines if line.startswith('Root: HKA; Subkey: "Software\\Classes\\sgdesk";')]
    assert any(line.endswith("Flags: uninsdeletekey") for line in root)
    command = next(line for line in lines if "shell\\open\\command" in line)
    assert command.endswith('ValueData: """{app}\\sgdesk.exe"" ""%1"""')  # the link, quoted, as argv[1]


def test_the_reg_file_for_wine_registers_and_removes_the_same(tmp_path: Path) -> None:
    folder = "C:\\Users\\José Ñúñez\\AppData\\Local\\Programs\\sgdesk"
    target = tmp_path / "sgdesk-url.reg"
    assert url_scheme.main(["--reg", folder, "-o", str(target)]) == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xff\xfe")  # UTF-16 with its BOM, as regedit writes
    text = raw.decode("utf-16")
    assert text.startswith("Windows Registry Editor Version 5.00\r\n")
    assert "[HKEY_CURRENT_USER\\Software\\Classes\\sgdesk]\r\n" in text
    assert '"URL Protocol"=""' in text
    exe = "C:\\\\Users\\\\José Ñúñez\\\\AppData\\\\Local\\\\Programs\\\\sgdesk\\\\sgdesk.exe"
    assert (
        f'[HKEY_CURRENT_USER\\Software\\Classes\\sgdesk\\shell\\open\\command]\r\n@="\\"{exe}\\" \\"%1\\""'
        in text
    )
    assert url_scheme.unreg_file().endswith("[-HKEY_CURRENT_USER\\Software\\Classes\\sgdesk]\r\n")


def test_what_windows_runs_for_a_clicked_link_is_a_link_sgdesk_opens() -> None:
    clicked = "sgdesk://decreto-267-2007/art-7/lit-n?vigente=2008-06-30"
    link, rest = _link_argument([clicked])  # sgdesk.exe "%1": the link alone, as argv[1]
    assert (link, rest) == (clicked, [])
    assert parse_link(link) == DeepLink("decreto-267-2007/art-7/lit-n", parse_link(clicked).day)
