"""``sgdesk --smoke-test``: prove an installed or frozen build works, then exit 0 (or 1).

Runs offscreen with a temporary user folder: opens the shipped corpus read-only, shows the
main window, installs a content pack signed with a key made for the test and switches to it,
searches, renders a norm, exports a PDF and reads it back. Prints one line
per check; the first failure ends the run with exit code 1 and the reason.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sgdesk.library import Library
    from sgdesk.ui.mainwindow import MainWindow

SMOKE_NODE = "decreto-267-2007"
SMOKE_VERSION = "1.2.3"


class SmokeFailureError(Exception):
    pass


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise SmokeFailureError(reason)


def run_smoke_test(database: Path | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sgdesk.app import configure_application, create_main_window

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    configure_application(app)
    outcome: list[int] = []
    with tempfile.TemporaryDirectory(prefix="sgdesk-smoke-") as folder:
        window = create_main_window(database, Path(folder) / "datos")
        window.show()

        def steps() -> None:
            outcome.append(_run_checks(window, Path(folder)))
            window.close()
            app.quit()

        QTimer.singleShot(0, steps)
        app.exec()
        _let_go_of_files(window)
    return outcome[0] if outcome else 1


def _let_go_of_files(window: MainWindow) -> None:
    """Close what the window still holds in the temporary folder: Windows refuses to remove a
    file that is open ([WinError 32]), and the run that printed «todo bien» would end in an
    unexpected error (closing the window stopped its worker threads and their connections)."""
    if window.library is not None:
        window.library.close()


def _run_checks(window: object, folder: Path) -> int:
    from sgdesk.ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    smoke = _Checks(window, folder)
    checks: list[tuple[str, Callable[[], str]]] = [
        ("corpus", smoke.corpus), ("ventana", smoke.window_shown), ("paquete", smoke.content_pack),
        ("búsqueda", smoke.search),
        ("lectura", smoke.render), ("pdf", smoke.export),
    ]  # fmt: skip
    for name, check in checks:
        try:
            detail = check()
        except Exception as exc:
            print(f"sgdesk: smoke test FALLÓ en «{name}»: {exc}", flush=True)
            return 1
        print(f"sgdesk: smoke test {name}: ok ({detail})", flush=True)
    print("sgdesk: smoke test: todo bien", flush=True)
    return 0


class _Checks:
    def __init__(self, window: MainWindow, folder: Path) -> None:
        self.window = window
        self.folder = folder

    @property
    def library(self) -> Library:
        _check(self.window.library is not None, "no se pudo abrir la base de datos del corpus")
        assert self.window.library is not None
        return self.window.library

    def corpus(self) -> str:
        return f"{self.library.info.path}, versión {self.library.info.content_version}"

    def window_shown(self) -> str:
        _check(self.window.isVisible(), "la ventana principal no se mostró")
        _check(self.window.tree_model.rowCount() > 0, "el índice está vacío")
        return self.window.windowTitle()

    def content_pack(self) -> str:
        """Sign a pack of the open corpus with a key made here, install it, switch to it."""
        from sgdesk.packs.build import build_pack
        from sgdesk.packs.installed import ContentFolder
        from sgdesk.packs.keys import write_key_pair

        secret, _public = write_key_pair(self.folder / "claves", "prueba")
        pack = build_pack(self.folder / "prueba.sgpack", secret, database=self.library.info.path,
                          version=SMOKE_VERSION).path  # fmt: skip
        content = ContentFolder(self.folder / "datos", self.library.info.path, secret.parent)
        installed = content.install(pack)
        _check(
            self.window.switch_content(content.current().path), "no se pudo cambiar al contenido instalado"
        )
        shown = self.library.info.content_version
        _check(shown == SMOKE_VERSION, f"la ventana no usa la versión instalada (usa {shown})")
        return f"versión {installed.version} instalada y abierta"

    def search(self) -> str:
        results = self.library.search("gestion documental")
        _check(bool(results.hits), "la búsqueda «gestion documental» no dio resultados")
        typo = self.library.search("xecretaria general")  # «¿Quiso decir…?» (rapidfuzz) in the bundle
        _check(typo.suggestion == "secretaría general", f"«xecretaria general» sugirió {typo.suggestion!r}")
        return f"{results.total} resultado(s), primero {results.hits[0].node.id}; «¿Quiso decir…?» responde"

    def render(self) -> str:
        _check(self.window.open_node(SMOKE_NODE), f"no se pudo abrir {SMOKE_NODE}")
        text = self.window.reading_pane.toPlainText()
        _check(
            "Son funciones de la Secretaría General" in text, "el texto del Decreto 267 de 2007 no se mostró"
        )
        return f"{len(text)} caracteres"

    def export(self) -> str:
        from pypdf import PdfReader

        from sgdesk.export.pdf import write_pdf
        from sgdesk.export.plan import plan_export

        target = write_pdf(plan_export(self.library, [SMOKE_NODE]), self.folder / "smoke.pdf")
        reader = PdfReader(target)
        text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
        _check("Página 1 de" in text, "el PDF no tiene el pie «Página 1 de …»")
        _check("gestión documental" in text, "el PDF perdió el texto o las tildes")
        return f"{len(reader.pages)} página(s), {target.stat().st_size} bytes"
