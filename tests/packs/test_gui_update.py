"""The window takes new content without a restart: «Actualizar contenido…» while a page and the
search panel are open; the page shows the new text, search finds a word only the new version has."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from sgdesk.app import configure_application, create_main_window
from sgdesk.packs.installed import ContentFolder
from sgdesk.ui.dialogs import about_text
from sgdesk.ui.mainwindow import MainWindow
from tests.packs.conftest import NEW_WORD, KeyFiles, MakePack


def _window(qtbot: QtBot, data_dir: Path, keys: KeyFiles) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    configure_application(app)
    window = create_main_window(None, data_dir, keys_dir=keys.folder)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.rest is not None)  # content updates come after the first frame
    return window


def _click(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    button.click()


def _search(qtbot: QtBot, window: MainWindow, text: str) -> int:
    window.focus_search()
    panel = window.search_panel
    panel.field.setText(text)
    panel.search_now()
    qtbot.waitUntil(lambda: panel.status.text() != "Buscando…", timeout=5000)
    return panel.model.rowCount()


def test_install_switches_the_open_window_to_the_new_content(
    qtbot: QtBot, tmp_path: Path, test_keys: KeyFiles, make_pack: MakePack, new_sources: Path
) -> None:
    window = _window(qtbot, tmp_path / "datos", test_keys)
    updates = window.content_updates
    assert updates is not None
    assert window.open_node("mision")
    assert NEW_WORD not in window.reading_pane.toPlainText()
    assert _search(qtbot, window, NEW_WORD) == 0
    shown_before = window.content_label.text()

    box = updates.offer(make_pack("2026.7", sources=new_sources))
    assert box is not None
    assert "Versión de contenido: 2026.7" in box.text()
    assert "Secciones modificadas: Funciones, Misión." in box.text()
    with qtbot.waitSignal(updates.installed, timeout=20000):
        _click(box, "Instalar")

    assert window.current_node_id == "mision"  # the same page, read again from the new content
    assert NEW_WORD in window.reading_pane.toPlainText()
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)  # the open search ran again
    assert panel.field.text() == NEW_WORD
    assert "edición 1" in shown_before
    assert "Contenido con cambios hasta 2012, edición 2" in window.content_label.text()
    assert window.library is not None
    assert "Versión de contenido: 2026.7" in about_text(window.library.info)

    rollback = updates.ask_rollback()
    assert rollback is not None
    assert "el contenido incluido con la aplicación" in rollback.text()
    rollback.accept()
    assert NEW_WORD not in window.reading_pane.toPlainText()
    assert window.content_label.text() == shown_before


def test_a_downgrade_is_offered_only_with_a_warning(
    qtbot: QtBot, tmp_path: Path, test_keys: KeyFiles, make_pack: MakePack
) -> None:
    window = _window(qtbot, tmp_path / "datos", test_keys)
    updates = window.content_updates
    assert updates is not None
    updates.folder.install(make_pack("2026.6"))
    box = updates.offer(make_pack("2026.5"))
    assert box is not None
    assert box.icon() == QMessageBox.Icon.Warning
    assert "NO es más reciente que el contenido instalado" in box.text()
    assert "Instalar de todos modos" in [b.text() for b in box.buttons()]
    box.reject()


def test_a_bad_pack_is_explained_and_nothing_changes(
    qtbot: QtBot, tmp_path: Path, test_keys: KeyFiles
) -> None:
    window = _window(qtbot, tmp_path / "datos", test_keys)
    updates = window.content_updates
    assert updates is not None
    fake = tmp_path / "falso.sgpack"
    fake.write_text("no", encoding="utf-8")
    assert updates.offer(fake) is None
    assert updates.dialog is not None
    assert "no es un paquete de contenido de sgdesk" in updates.dialog.text()
    assert window.library is not None
    assert window.library.info.path == updates.folder.shipped


def test_the_update_folder_offers_a_newer_pack(
    qtbot: QtBot, tmp_path: Path, test_keys: KeyFiles, make_pack: MakePack
) -> None:
    import shutil

    share = tmp_path / "recurso-compartido"
    share.mkdir()
    shutil.copy(make_pack("2026.6"), share / "sgdesk-2026.6.sgpack")
    window = _window(qtbot, tmp_path / "datos", test_keys)
    updates = window.content_updates
    assert updates is not None
    window.settings.update_folder = str(share)
    with qtbot.waitSignal(updates.update_found, timeout=10000) as found:
        updates.check_for_updates()
    assert found.args is not None
    assert found.args[0].manifest.content_version == "2026.6"
    assert updates.dialog is not None
    assert "Versión de contenido: 2026.6" in updates.dialog.text()


def test_a_damaged_installed_version_opens_the_shipped_corpus_with_a_message(
    qtbot: QtBot, tmp_path: Path, test_keys: KeyFiles, make_pack: MakePack
) -> None:
    from sgdesk.packs.installed import ContentFolder
    from sgdesk.paths import shipped_database

    data = tmp_path / "datos"
    folder = ContentFolder(data, shipped_database(), test_keys.folder)
    folder.install(make_pack("2026.5"))
    database = folder.current().path
    database.write_bytes(b"danado" * 100)
    window = _window(qtbot, data, test_keys)
    assert window.library is not None
    assert window.library.info.path == shipped_database()
    assert window.content_updates is not None
    box = window.content_updates.dialog
    assert box is not None
    assert "El contenido instalado (versión 2026.5) está dañado" in box.text()


def test_the_update_controller_works_without_a_window(
    qtbot: QtBot, tmp_path: Path, content_folder: ContentFolder, make_pack: MakePack, new_sources: Path
) -> None:
    """ContentUpdates needs a parent widget, a status reporter and a way to switch the content."""
    from PySide6.QtWidgets import QWidget

    from sgdesk.ui.content_updates import ContentUpdates
    from sgdesk.ui.state import UiSettings

    parent = QWidget()
    qtbot.addWidget(parent)
    messages: list[str] = []
    switched: list[Path] = []

    class Status:
        def show_status(self, text: str, timeout: int = 8000) -> None:
            messages.append(text)

        def clear_status(self) -> None:
            messages.append("")

    def switch(path: Path) -> bool:
        switched.append(path)
        return True

    updates = ContentUpdates(parent, Status(), switch, content_folder, UiSettings(tmp_path / "x.ini"), None)
    box = updates.offer(make_pack("2026.7", sources=new_sources))
    assert box is not None
    with qtbot.waitSignal(updates.installed, timeout=20000):
        _click(box, "Instalar")

    assert messages[-1] == "Contenido actualizado a la versión 2026.7."
    assert switched == [content_folder.current().path]
    assert switched[0] != content_folder.shipped
    rollback = updates.ask_rollback()
    assert rollback is not None
    rollback.accept()
    assert switched[-1] == content_folder.shipped
    assert messages[-1].startswith("Restaurado: ahora se usa el")
