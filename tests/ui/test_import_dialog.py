"""Archivo › Importar norma…: the preview of a document the project writes itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from sgdesk.ui.import_dialog import ImportDialog, open_preview
from sgdesk.ui.mainwindow import MainWindow
from tests.importer import documents
from tests.ui.helpers import answer_file_dialog


def _texts(item: QTreeWidgetItem) -> list[str]:
    found = [item.text(0)]
    for index in range(item.childCount()):
        child = item.child(index)
        assert child is not None
        found += _texts(child)
    return found


def _document_with_problems(folder: Path) -> Path:
    """The example with article 5 numbered 6 and a reference that lost its number."""
    old = "Artículo 5º. Vigencia.|El presente ejemplo rige a partir de su publicación."
    new = "Artículo 6º. Vigencia.|El ejemplo rige desde que lo modificó el artículo del Acuerdo 9 de 2099."
    document = [(style, text.replace(old, new)) for style, text in documents.EXAMPLE]
    return documents.write_sisjur_html(document, folder / "ejemplo-con-problemas.html")


@pytest.fixture
def dialog(qtbot: QtBot, tmp_path: Path) -> ImportDialog:
    preview = ImportDialog()
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.loaded, timeout=10_000):
        preview.load(_document_with_problems(tmp_path))
    return preview


def test_preview_shows_the_recognised_tree_and_the_text(dialog: ImportDialog, qtmodeltester: object) -> None:
    qtmodeltester.check(dialog.tree.model())  # type: ignore[attr-defined]
    root = dialog.tree.topLevelItem(0)
    assert root is not None
    rows = _texts(root)
    assert rows[0] == "Decreto 001 de 2099"
    assert "Fecha de expedición: 15 de marzo de 2099" in rows
    assert "Entrada en vigencia: no registrada" in rows  # SISJUR's «--/ 00/2099» is not a date
    assert "CAPÍTULO II. FUNCIONES" in rows
    assert "a) Primera función de ejemplo." in rows
    assert "ART. 3. Funciones. Son funciones de la dependencia de ejemplo:" in rows
    assert "PARÁGRAFO TRANSITORIO. Este parágrafo es de ejemplo." in rows
    assert "Cierre (no es un artículo)" in rows
    assert "DECRETO 001 DE 2099." in dialog.original.toPlainText()
    assert dialog.save_button.isEnabled()


def test_warnings_are_listed_and_their_paragraphs_highlighted(dialog: ImportDialog) -> None:
    norm = dialog.norm
    assert norm is not None
    messages = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert messages == [f"⚠ {w.message}" for w in norm.warnings]
    assert any("salta del 4 al 6" in m for m in messages)
    assert any("Referencia a un artículo sin número" in m for m in messages)
    article_6 = norm.paragraphs.index(next(p for p in norm.paragraphs if p.startswith("Artículo 6º.")))
    assert dialog.highlighted_lines() == [article_6]
    dialog.warnings.setCurrentRow(1)  # choosing a warning shows its paragraph
    assert dialog.original.textCursor().block().blockNumber() == article_6


def test_save_as_source_writes_once_and_never_overwrites(
    dialog: ImportDialog, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "normas"
    folder.mkdir()
    target = dialog.save_to(folder)
    assert target == folder / "decreto-1-2099.toml"
    assert "id = 'decreto-1-2099'" in target.read_text(encoding="utf-8")
    box = dialog.message_box
    assert box is not None
    assert box.textFormat() == Qt.TextFormat.PlainText  # the path is data, not markup
    assert "Fuente escrita en" in box.text()
    box.close()
    target.write_text("# revisado por el equipo\n", encoding="utf-8")
    assert dialog.save_to(folder) is None
    assert dialog.message_box is not None
    assert dialog.message_box.icon() == QMessageBox.Icon.Warning
    assert "no se sobrescribe" in dialog.message_box.text()
    assert target.read_text(encoding="utf-8") == "# revisado por el equipo\n"


def test_a_refused_file_says_why_and_cannot_be_saved(qtbot: QtBot, tmp_path: Path) -> None:
    name = tmp_path / "<b>solo-marco<b>.html"
    shell = documents.write_sisjur_html(documents.EXAMPLE, name, shell_only=True)
    preview = ImportDialog()
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.loaded, timeout=10_000):
        preview.load(shell)
    assert preview.status.text().startswith("El archivo no contiene el texto de la norma")
    assert preview.status.textFormat() == Qt.TextFormat.PlainText
    assert not preview.save_button.isEnabled()
    assert preview.tree.topLevelItemCount() == 0


def test_the_file_menu_opens_the_preview(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    path = documents.write_txt(documents.EXAMPLE, tmp_path / "ejemplo.txt")
    file_menu = window.menuBar().actions()[0].menu()
    assert window.commands.import_action in file_menu.actions()  # type: ignore[union-attr]
    assert window.commands.import_action.text() == "Importar &norma…"
    assert window.commands.import_action.shortcut().toString() == "Ctrl+Shift+I"
    seen = answer_file_dialog(path)
    window.commands.import_action.trigger()
    preview = window.import_dialog
    assert preview is not None
    assert seen.title == "Importar norma"
    assert any("*.docx" in f and "*.pdf" in f for f in seen.filters)
    qtbot.waitUntil(lambda: preview.norm is not None, timeout=10_000)
    assert preview.isVisible()
    assert preview.norm is not None
    assert preview.norm.title == "Decreto 001 de 2099"
    preview.close()


def test_open_preview_is_not_modal(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    path = documents.write_txt(documents.EXAMPLE, tmp_path / "ejemplo.txt")
    preview = open_preview(window, path)
    qtbot.waitUntil(lambda: preview.norm is not None, timeout=10_000)
    assert not preview.isModal()
    preview.close()
