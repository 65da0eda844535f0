"""Content updates in the window: «Actualizar contenido…», «Restaurar versión anterior», the
update folder, and switching the open window to the new content without a restart.

Installing and looking in the update folder run on Python threads and report back through
queued signals; a share that is slow or gone never blocks the window (the look times out).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from sgdesk.content.dates import PartialDate
from sgdesk.errors import SgdeskError
from sgdesk.packs.installed import ContentFolder, InstalledVersion, Preview
from sgdesk.packs.updates import Candidate, find_newer
from sgdesk.ui import dialogs
from sgdesk.ui.safe_text import rich

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

    from sgdesk.ui.reader_state import StatusReporter
    from sgdesk.ui.state import UiSettings

    SwitchContent = Callable[[Path], bool]  # the window's switch_content

CHECK_EVERY_MS = 60 * 60 * 1000
FIRST_CHECK_MS = 3000  # after the window is up
CHECK_TIMEOUT_MS = 20_000
PHASES = {"verificar": "Verificando la firma", "copiar": "Copiando", "comprobar": "Comprobando la integridad",
          "cambiar": "Cambiando al contenido nuevo"}  # fmt: skip

log = logging.getLogger("sgdesk")


class _Task(QObject):
    """One function run on a Python thread; its outcome comes back as a queued signal."""

    succeeded = Signal(object)
    failed = Signal(str)
    progress = Signal(str, int, int)

    def start(self, work: Callable[[], object]) -> None:
        threading.Thread(target=self._run, args=(work,), daemon=True, name="sgdesk-content").start()

    def _run(self, work: Callable[[], object]) -> None:
        try:
            result = work()
        except SgdeskError as exc:
            self.failed.emit(exc.message)
        except Exception as exc:  # never a traceback to the user; the log keeps the detail
            log.exception("content update failed")
            self.failed.emit(f"Error inesperado: {exc}")
        else:
            self.succeeded.emit(result)


class ContentUpdates(QObject):
    """The window's content-update actions and the hourly look in the update folder."""

    installed = Signal(object)  # InstalledVersion, once the window shows it
    update_found = Signal(object)  # Candidate

    def __init__(
        self,
        window: QWidget,
        status: StatusReporter,
        switch_content: SwitchContent,
        folder: ContentFolder,
        settings: UiSettings,
        policy_folder: str | None,
    ) -> None:
        super().__init__(window)
        self._window = window  # the parent of the actions and dialogs
        self._status = status
        self._switch_content = switch_content
        self.folder = folder
        self._settings = settings
        self._policy_folder = policy_folder
        self.busy = False
        self.dialog: QMessageBox | None = None  # the open question or message (tests read it)
        self._offered: set[str] = set()
        self._check_generation = 0
        self._checking = False
        self._tasks: set[_Task] = set()
        self.update_action = self._action("Actuali&zar contenido…", self.choose_pack, "Ctrl+Shift+U")
        self.rollback_action = self._action(
            "&Restaurar versión anterior del contenido", self.ask_rollback, "Ctrl+Shift+R"
        )
        self.folder_action = self._action(
            "Carpeta de act&ualizaciones…", self.choose_update_folder, "Ctrl+Shift+A"
        )
        if policy_folder:
            self.folder_action.setEnabled(False)
            tip = f"Definida por la política del equipo de sistemas: {policy_folder}"
            self.folder_action.setToolTip(rich(tip))
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check_for_updates)
        self._refresh_actions()

    def add_to_menu(self, menu: QMenu, before: QAction) -> None:
        for action in (self.update_action, self.rollback_action, self.folder_action):
            menu.insertAction(before, action)

    def _action(self, text: str, slot: Callable[[], object], shortcut: str) -> QAction:
        action = QAction(self.tr(text), self._window)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def start_checking(self) -> None:
        """Look in the update folder shortly after start-up, then every hour."""
        QTimer.singleShot(FIRST_CHECK_MS, self, self.check_for_updates)  # dies with self
        self._timer.start()

    @property
    def update_folder(self) -> str | None:
        return self._policy_folder or self._settings.update_folder

    def _refresh_actions(self) -> None:
        self.update_action.setEnabled(not self.busy)
        self.rollback_action.setEnabled(not self.busy and bool(self.folder.versions()))

    def _show(self, box: QMessageBox) -> QMessageBox:
        box.open()
        self.dialog = box
        return box

    def _error(self, message: str) -> None:
        self.dialog = dialogs.show_error(self._window, self.tr("Actualizar contenido"), message)

    def warn_at_start(self, message: str) -> None:
        """The installed content was damaged and the shipped corpus is open instead."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Contenido instalado dañado"), "",
                          QMessageBox.StandardButton.Ok, self._window)  # fmt: skip
        box.setText(rich(message))
        self._show(box)

    # -- installing ------------------------------------------------------------

    def choose_pack(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = self.update_folder or ""
        path, _filter = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Actualizar contenido"),
            start,
            self.tr("Paquetes de contenido de sgdesk (*.sgpack);;Todos los archivos (*)"),
        )
        if path:
            self.offer(Path(path))

    def offer(self, pack: Path) -> QMessageBox | None:
        """Check the pack's signature and show its manifest's summary before installing."""
        try:
            preview = self.folder.preview(pack)
        except SgdeskError as exc:
            self._error(exc.message)
            return None
        box = QMessageBox(self._window)
        box.setObjectName("installPackDialog")
        box.setWindowTitle(self.tr("Actualizar contenido"))
        box.setIcon(QMessageBox.Icon.Warning if preview.is_downgrade else QMessageBox.Icon.Question)
        box.setText(rich(_preview_text(pack, preview), limit=8000))
        install = box.addButton(
            self.tr("Instalar de todos modos") if preview.is_downgrade else self.tr("Instalar"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(self.tr("Cancelar"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton if preview.is_downgrade else install)
        allow = preview.is_downgrade
        box.buttonClicked.connect(lambda button: self._install_if(button is install, pack, allow))
        return self._show(box)

    def _install_if(self, chosen: bool, pack: Path, allow_downgrade: bool) -> None:
        if chosen:
            self.install(pack, allow_downgrade)

    def install(self, pack: Path, allow_downgrade: bool = False) -> None:
        """Verify and install on a thread; then the window switches to the new content."""
        if self.busy:
            return
        self.busy = True
        self._refresh_actions()
        task = _Task(self)
        task.progress.connect(self._on_progress)
        task.succeeded.connect(self._on_installed)
        task.failed.connect(self._on_failed)
        self._keep(task)
        task.start(lambda: self.folder.install(pack, None, allow_downgrade, task.progress.emit))

    def _keep(self, task: _Task) -> None:
        self._tasks.add(task)
        task.succeeded.connect(lambda _r: self._tasks.discard(task))
        task.failed.connect(lambda _m: self._tasks.discard(task))

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        text = PHASES.get(phase, phase)
        if total:
            text += f" ({done * 100 // total} %)"
        self._status.show_status(text + "…", 0)

    def _on_failed(self, message: str) -> None:
        self.busy = False
        self._refresh_actions()
        self._status.clear_status()
        self._error(message)

    def _on_installed(self, version: object) -> None:
        assert isinstance(version, InstalledVersion)
        self.busy = False
        self._switch()
        self._status.show_status(f"Contenido actualizado a la versión {version.version}.", 10000)
        self.installed.emit(version)

    def _switch(self) -> None:
        content = self.folder.current()
        self._switch_content(content.path)
        self._refresh_actions()
        if content.warning:
            self.warn_at_start(content.warning)

    # -- rollback --------------------------------------------------------------

    def ask_rollback(self) -> QMessageBox | None:
        versions = self.folder.versions()
        if not versions:
            self._error(
                self.tr("No hay una versión anterior: ya se usa el contenido incluido con la aplicación.")
            )
            return None
        target = (
            self.tr("la versión %1").replace("%1", versions[-2].version)
            if len(versions) > 1
            else self.tr("el contenido incluido con la aplicación")
        )
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restaurar versión anterior"), "",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self._window)  # fmt: skip
        box.setText(rich(f"¿Dejar la versión {versions[-1].version} y volver a {target}?"))
        box.setObjectName("rollbackDialog")
        box.accepted.connect(self.rollback)
        return self._show(box)

    def rollback(self) -> None:
        try:
            content = self.folder.rollback()
        except SgdeskError as exc:
            self._error(exc.message)
            return
        self._switch()
        self._status.show_status(f"Restaurado: ahora se usa el {content.label}.", 10000)

    # -- the update folder -----------------------------------------------------

    def choose_update_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Carpeta de actualizaciones"), self.update_folder or ""
        )
        if folder:
            self._settings.update_folder = folder
            self.check_for_updates()

    def check_for_updates(self) -> None:
        """Look for a newer signed pack on a thread; a look that takes too long is abandoned."""
        folder = self.update_folder
        if not folder or self._checking or self.busy:
            return  # a share still hanging from the last look is not asked again
        self._checking = True
        self._check_generation += 1
        generation = self._check_generation
        versions = self.folder.versions()
        installed = versions[-1].version if versions else None
        keys = self.folder.keys()
        task = _Task(self)
        task.succeeded.connect(lambda found: self._on_checked(generation, found))
        task.failed.connect(lambda _message: self._on_checked(generation, None))
        self._keep(task)
        task.start(lambda: find_newer(Path(folder), installed, keys, self.folder.shipped_edition()))
        QTimer.singleShot(CHECK_TIMEOUT_MS, self, lambda: self._on_check_timeout(generation))

    def _on_check_timeout(self, generation: int) -> None:
        if generation == self._check_generation and self._checking:
            log.warning("the update folder did not answer within %d s", CHECK_TIMEOUT_MS // 1000)
            self._check_generation += 1  # a late answer is dropped; the thread may stay stuck

    def _on_checked(self, generation: int, found: object) -> None:
        self._checking = False
        if generation != self._check_generation or not isinstance(found, Candidate):
            return
        version = found.manifest.content_version
        if version in self._offered or self.busy:
            return
        self._offered.add(version)
        self.update_found.emit(found)
        self.offer(found.path)


def _preview_text(pack: Path, preview: Preview) -> str:
    manifest = preview.manifest
    installed = preview.installed.version if preview.installed else "el incluido con la aplicación"
    lines = [
        f"Paquete: {pack.name}",
        f"Versión de contenido: {manifest.content_version}, edición {manifest.edition} "
        f"(creada {manifest.created_text})",
        f"Incorpora cambios hasta: {_horizon_text(manifest.horizon)}",
        f"Contenido instalado ahora: {installed}",
        "",
        *manifest.summary.lines(),
        "",
        f"Firmado con la clave {preview.key.key_id_text}.",
    ]
    if preview.is_downgrade:
        lines += [
            "",
            "Este paquete NO es más reciente que el contenido instalado. ¿Instalarlo de todos modos?",
        ]
    else:
        lines += ["", "¿Instalar esta versión? La versión actual se conserva para poder restaurarla."]
    return "\n".join(lines)


def _horizon_text(horizon: str) -> str:
    """The manifest's horizon as precisely as known, in Spanish («2012», «10 de abril de 2012»)."""
    try:
        return PartialDate.parse(horizon).format_compact()
    except ValueError:
        return "sin fecha registrada"
