"""What only Windows can show, run by a Windows python.exe with sgdesk installed (under Wine by
scripts/windows-check.sh; on a real Windows machine the same way):

    python.exe tests\\wine\\windows_behaviour.py CARPETA [PLATAFORMA_QT]

CARPETA is made inside (a folder whose name has spaces and «ñ»). One line per check,
"CHECK <name>: ok (...)" or "CHECK <name>: FALLÓ ...", and exit code 0 when all pass.
Not collected by pytest (no test_ prefix): it needs Windows' own file semantics.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from sgdesk.qtenv import WINDOWS_PLATFORM

# Wine does not pass QT_* from the Unix side: the real Windows platform, with the app's font
# engine, unless told otherwise.
os.environ["QT_QPA_PLATFORM"] = sys.argv[2] if len(sys.argv) > 2 else WINDOWS_PLATFORM

from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication

from sgdesk import atomicfile as partfile
from sgdesk import paths
from sgdesk.export.html import BODY_FONT
from sgdesk.export.pdf import ExportError, Paginator, export_steps, write_pdf
from sgdesk.export.plan import ExportPlan, plan_compendium, plan_export
from sgdesk.library import Library
from sgdesk.qtenv import configure_application

OLD = b"%PDF-1.4 la copia de la semana pasada"
# A signature made on Linux (the content team's side) with a throwaway key: Windows must accept
# it for this message and refuse it for any other.
LINUX_PUBLIC_KEY = (
    "untrusted comment: minisign public key 135E42E74F1DADA0\n"
    "RWSgrR1P50JeEzcr3vs2f2GWH6NNIwwGCI9NjE9H2pdHqDvta8WfB4sr\n"
)
LINUX_MESSAGE = "Manifiesto de prueba: Decreto 267 de 2007, versión 2026.6 — firmado en Linux".encode()
LINUX_SIGNATURE = (
    "untrusted comment: firma de sgdesk, clave 135E42E74F1DADA0\n"
    "RUSgrR1P50JeEyV4D2j+PrhKHpW5ZXkveqBU57dGQp8lkrh82F9mworsPjHV+JWqVCQjZbtvZtSYDtaF0KpjG24wAfUnpZI/ww4=\n"
    "trusted comment: sgdesk-pack version:2026.6 file:manifest.json\n"
    "ejPQgqx8h5oYNqKvPBOC/nWcwSnzXnGa6O6uR3ymNDFpiMLlEN/wykc0y3ogzkwRSDW1UtPNaxcRiHhizuP+Bg==\n"
)
HOLD = "import sys, time\nf = open(sys.argv[1], 'rb')\nprint('abierto', flush=True)\ntime.sleep(120)\n"


class CheckFailedError(Exception):
    pass


def require(condition: bool, why: str) -> None:
    if not condition:
        raise CheckFailedError(why)


class Checks:
    def __init__(self, root: Path) -> None:
        self.folder = root / "Exportaciones de José Ñúñez"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.library = Library.open(paths.shipped_database())

    def fresh_target(self, name: str = "Compendio de la Secretaría.pdf") -> Path:
        for path in self.folder.iterdir():
            path.chmod(stat.S_IWRITE | stat.S_IREAD)
            path.unlink()
        target = self.folder / name
        target.write_bytes(OLD)
        return target

    def left(self) -> list[str]:
        return sorted(p.name for p in self.folder.iterdir())

    def compendium(self) -> ExportPlan:
        return plan_compendium(self.library)

    # -- the checks -------------------------------------------------------------------------

    def cancel(self) -> str:
        target = self.fresh_target()
        steps = export_steps(self.compendium(), target)
        next(steps)
        require(len(self.left()) == 2, f"no temporary file while exporting: {self.left()}")
        steps.close()  # «Cancelar»: raised PermissionError [WinError 32] before the fix
        require(self.left() == [target.name], f"left behind: {self.left()}")
        require(target.read_bytes() == OLD, "the old file changed")
        return "cancelar no deja nada y el archivo anterior sigue igual"

    def error_midway(self) -> str:
        target = self.fresh_target()
        real = Paginator._paint_page

        def failing(self: Paginator, *args: object) -> None:
            if args[-1] == 1:
                raise ExportError("fallo provocado en la página 2")
            real(self, *args)  # type: ignore[arg-type]

        Paginator._paint_page = failing  # type: ignore[method-assign]
        try:
            write_pdf(self.compendium(), target)
        except ExportError as exc:
            require(exc.message == "fallo provocado en la página 2", f"another error reported: {exc}")
        else:
            raise CheckFailedError("no error")
        finally:
            Paginator._paint_page = real  # type: ignore[method-assign]
        require(self.left() == [target.name], f"left behind: {self.left()}")
        return "el error real llega al usuario; nada queda"

    def held(self, path: Path) -> subprocess.Popen[str]:
        """Another program holding ``path`` open (as a PDF viewer does)."""
        holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
        assert holder.stdout is not None
        require(holder.stdout.readline().strip() == "abierto", "the holding process did not start")
        return holder

    def sharing_violation(self) -> str:
        target = self.fresh_target()
        holder = self.held(target)
        try:
            write_pdf(plan_export(self.library, ["mision"]), target)
        except ExportError as exc:
            message = exc.message
        else:
            message = ""
        finally:
            holder.kill()
            holder.wait()
        require("está en uso por otro programa" in message, f"message: {message!r}")
        require(target.read_bytes() == OLD, "the old file changed")
        require(self.left() == [target.name], f"left behind: {self.left()}")
        return message

    def stale_parts(self) -> str:
        target = self.fresh_target()
        old, alive = self.folder / ".sgdesk-export-muerto.part", self.folder / ".sgdesk-export-vivo.part"
        for path in (old, alive):
            path.write_bytes(b"%PDF-1.4 a medias")
            os.utime(path, (partfile.STARTED - 600, partfile.STARTED - 600))
        holder = self.held(alive)
        try:
            write_pdf(plan_export(self.library, ["mision"]), target)
            left = self.left()
        finally:
            holder.kill()
            holder.wait()
        require(left == sorted([alive.name, target.name]), f"after the export: {left}")
        return "el abandonado se borra; el que otro proceso tiene abierto se respeta"

    def read_only(self) -> str:
        target = self.fresh_target()
        target.chmod(stat.S_IREAD)  # FILE_ATTRIBUTE_READONLY
        try:
            write_pdf(plan_export(self.library, ["mision"]), target)
        except ExportError as exc:
            message = exc.message
        else:
            message = ""
        require("es de solo lectura y no se reemplazó" in message, f"message: {message!r}")
        require(target.read_bytes() == OLD, "the old file changed")
        return message

    def invalid_name(self) -> str:
        self.fresh_target()
        try:
            write_pdf(plan_export(self.library, ["mision"]), self.folder / "informe:final.pdf")
        except ExportError as exc:
            message = exc.message
        else:
            message = ""
        require("elija otro nombre" in message, f"message: {message!r}")
        require(len(self.left()) == 1, f"left behind: {self.left()}")
        return message

    def pack_signature(self) -> str:
        """Ed25519 with cryptography's _rust.pyd for real: a pack signed here installs its
        manifest, the same pack with its manifest altered is refused, and a signature made on
        Linux holds for its message only."""
        from sgdesk.packs.archive import MANIFEST, PackReader
        from sgdesk.packs.build import build_pack
        from sgdesk.packs.errors import PackError
        from sgdesk.packs.keys import parse_signature, read_public_key, write_key_pair

        folder = self.folder.parent / "Paquete de prueba"
        secret, public = write_key_pair(folder / "claves", "prueba")
        pack = build_pack(folder / "contenido.sgpack", secret, database=self.library.info.path,
                          version="2026.6").path  # fmt: skip
        with PackReader(pack) as reader:
            signed = reader.verify_signature([read_public_key(public)])
        require(signed.manifest.content_version == "2026.6", f"manifest: {signed.manifest}")
        with zipfile.ZipFile(pack) as source:
            entries = {info.filename: source.read(info) for info in source.infolist()}
        entries[MANIFEST] = entries[MANIFEST].replace(b'"2026.6"', b'"2099.1"')
        altered = folder / "alterado.sgpack"
        with zipfile.ZipFile(altered, "w") as target:
            for name, data in entries.items():
                target.writestr(name, data)
        try:
            with PackReader(altered) as reader:
                reader.verify_signature([read_public_key(public)])
            refusal = ""
        except PackError as exc:
            refusal = exc.message
        require("fue alterado" in refusal, f"altered manifest: {refusal!r}")
        linux_key = folder / "linux.pub"
        linux_key.write_text(LINUX_PUBLIC_KEY, encoding="utf-8")
        key, signature = read_public_key(linux_key), parse_signature(LINUX_SIGNATURE)
        require(key.verify(LINUX_MESSAGE, signature), "the signature made on Linux was refused")
        require(not key.verify(LINUX_MESSAGE + b".", signature), "a changed message passed")
        return f"firmado y verificado; alterado rechazado («{refusal[-50:]}»); firma de Linux válida"

    def fonts(self) -> str:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        ui = QFontInfo(app.font()).family()
        body = QFontInfo(QFont(BODY_FONT)).family()
        require(ui == "Noto Sans", f"interface font: {ui}")
        require(body == BODY_FONT, f"reading font: {body}")
        return f"interfaz {ui}, lectura {body}, estilo {app.style().name()}"


def main() -> int:
    require(sys.platform == "win32", "this script needs Windows (or Wine)")
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # a pipe: not the ANSI code page
    app = QApplication([sys.argv[0]])
    configure_application(app)
    checks = Checks(Path(sys.argv[1]))
    names: list[tuple[str, Callable[[], str]]] = [
        ("cancelar", checks.cancel), ("error-a-mitad", checks.error_midway),
        ("abierto-en-otro-programa", checks.sharing_violation),
        ("temporales-abandonados", checks.stale_parts), ("solo-lectura", checks.read_only),
        ("nombre-no-valido", checks.invalid_name), ("firma-del-paquete", checks.pack_signature),
        ("fuentes", checks.fonts),
    ]  # fmt: skip
    failed = 0
    for name, check in names:
        started = time.perf_counter()
        try:
            detail = check()
        except Exception as exc:
            failed += 1
            print(f"CHECK {name}: FALLÓ {type(exc).__name__}: {exc}", flush=True)
            continue
        print(f"CHECK {name}: ok ({detail}; {time.perf_counter() - started:.1f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
