"""The ``sgdesk:`` link scheme in the Windows registry, declared once.

Windows opens ``sgdesk://…`` links (from an e-mail, a browser, «Ejecutar») with the program
named under ``HKEY_CURRENT_USER\\Software\\Classes\\sgdesk``: per user, no administrator rights.
The installer (installer/sgdesk.iss, its [Registry] section) writes these keys and removes them
on uninstall; a test checks that section against ``KEYS``. For a check without the installer
(under Wine, say), this script writes the same keys as a .reg file:

    python scripts/url_scheme.py --reg "C:\\Users\\José\\AppData\\Local\\Programs\\sgdesk" -o sgdesk-url.reg
    wine reg import sgdesk-url.reg           # then: wine start sgdesk://decreto-267-2007/art-7
    python scripts/url_scheme.py --unreg -o quitar.reg && wine reg import quitar.reg

(``--iss`` prints the installer's section.) Standard library only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT_KEY = r"Software\Classes\sgdesk"
EXE = "sgdesk.exe"

# (subkey under ROOT_KEY, value name ("" = the key's default value), data); "{exe}" is the full
# path of the installed sgdesk.exe. "%1" is the link, which sgdesk takes as its first argument.
KEYS: tuple[tuple[str, str, str], ...] = (
    ("", "", "URL:Enlace de sgdesk"),
    ("", "URL Protocol", ""),
    ("DefaultIcon", "", '"{exe}",0'),
    (r"shell\open\command", "", '"{exe}" "%1"'),
)


def _key(subkey: str) -> str:
    return ROOT_KEY + ("\\" + subkey if subkey else "")


def iss_section() -> str:
    """The installer's [Registry] section. HKA is HKCU in a per-user installation (the default:
    PrivilegesRequired=lowest) and HKLM only when an administrator installs for all users."""
    lines = ["[Registry]"]
    for subkey, name, data in KEYS:
        iss_data = data.replace('"', '""').replace("{exe}", "{app}\\" + EXE)
        flags = "; Flags: uninsdeletekey" if not subkey and not name else ""
        lines.append(f'Root: HKA; Subkey: "{_key(subkey)}"; ValueType: string; ValueName: "{name}"; '
                     f'ValueData: "{iss_data}"{flags}')  # fmt: skip
    return "\n".join(lines) + "\n"


def _reg_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def reg_file(install_dir: str) -> str:
    """A .reg file that registers the scheme for the current user, for ``install_dir``."""
    exe = install_dir.rstrip("\\") + "\\" + EXE
    lines = ["Windows Registry Editor Version 5.00", ""]
    for subkey in dict.fromkeys(subkey for subkey, _name, _data in KEYS):
        lines.append(f"[HKEY_CURRENT_USER\\{_key(subkey)}]")
        for key_sub, name, data in KEYS:
            if key_sub == subkey:
                lines.append(
                    f"{_reg_string(name) if name else '@'}={_reg_string(data.replace('{exe}', exe))}"
                )
        lines.append("")
    return "\r\n".join(lines) + "\r\n"


def unreg_file() -> str:
    """A .reg file that removes the scheme (what the uninstaller does)."""
    return f"Windows Registry Editor Version 5.00\r\n\r\n[-HKEY_CURRENT_USER\\{ROOT_KEY}]\r\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="El esquema de enlaces sgdesk: en el registro de Windows.")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--reg", metavar="CARPETA", help="registrar sgdesk.exe de esta carpeta de instalación")
    what.add_argument("--unreg", action="store_true", help="quitar el registro")
    what.add_argument("--iss", action="store_true", help="la sección [Registry] del instalador")
    parser.add_argument("-o", type=Path, metavar="ARCHIVO", help="escribir aquí (UTF-16, como regedit)")
    args = parser.parse_args(argv)
    text = iss_section() if args.iss else unreg_file() if args.unreg else reg_file(args.reg)
    if args.o is not None:
        args.o.write_text(text, encoding="utf-16", newline="")  # with its BOM: reg.exe reads any path
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
