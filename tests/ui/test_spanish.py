"""The window speaks Spanish (Qt's own texts included), shows its shortcuts and is accessible."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QDockWidget,
    QLineEdit,
    QMenu,
    QTextEdit,
    QToolBar,
)
from pytestqt.qtbot import QtBot

from sgdesk.ui.dialogs import AboutDialog
from sgdesk.ui.mainwindow import MainWindow

# Words that would betray an untranslated (English) label.
ENGLISH = {
    "about", "back", "cancel", "close", "copy", "edit", "file", "find", "forward", "go", "help",
    "home", "navigation", "next", "open", "previous", "quit", "reset", "search", "size",
    "the", "toolbar", "view", "with", "zoom", "in", "out", "of", "to",
}  # fmt: skip


def plain(text: str) -> str:
    return text.replace("&", "").replace("…", "").strip()


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", plain(text))}


def menu_actions(window: MainWindow) -> list[QAction]:
    found = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        found += [a for a in menu.actions() if not a.isSeparator()]
    return found


def test_qt_own_texts_are_in_spanish(window: MainWindow) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None
    assert plain(cancel.text()) == "Cancelar"
    assert QLocale().language() == QLocale.Language.Spanish
    assert QLocale().toString(1234.5, "f", 1) == "1.234,5"


def test_qt_texts_inside_the_window_are_in_spanish(window: MainWindow, qtbot: QtBot) -> None:
    """The find field's context menu is Qt's own: it must read in Spanish too."""
    window.find_bar.open_bar()
    menu = window.find_bar.field.createStandardContextMenu()
    qtbot.addWidget(menu)
    texts = [plain(a.text()).split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert "Pegar" in texts
    assert "Seleccionar todo" in texts
    assert not {"Paste", "Select All"} & set(texts)


def test_menus_are_in_spanish(window: MainWindow) -> None:
    titles = [plain(a.text()) for a in window.menuBar().actions()]
    assert titles == ["Archivo", "Edición", "Ver", "Ir", "Ayuda"]


def test_every_menu_command_shows_a_shortcut_and_reads_in_spanish(window: MainWindow) -> None:
    actions = menu_actions(window)
    assert len(actions) >= 15
    # Ver › a panel shows or hides it; its key (Ctrl+1…4, in Ir) only shows it: a key that
    # hides a panel hid the index behind the user's back (#11).
    toggles = {dock.toggleViewAction() for dock in window.docks.values()}
    for action in actions:
        text = plain(action.text())
        assert text, "an action without a label"
        assert not words(text) & ENGLISH, f"«{text}» is not Spanish"
        if action in toggles or action.menu() is not None:  # a submenu (Ver › Tema) opens its choices
            continue
        assert not action.shortcut().isEmpty(), f"«{text}» has no shortcut"
        assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    labels = {plain(a.text()) for a in actions}
    assert {"Abrir base de datos", "Copiar con cita", "Buscar en la página", "Atrás", "Adelante"} <= labels
    assert {"Acercar", "Alejar", "Tamaño normal", "Navegación", "Salir"} <= labels


def test_every_action_with_a_shortcut_reads_in_spanish(window: MainWindow) -> None:
    with_shortcut = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(with_shortcut) >= 15
    for action in with_shortcut:
        assert not words(action.text()) & ENGLISH, action.text()
        assert action in menu_actions(window), f"«{plain(action.text())}» is not in any menu"


def test_shortcuts_are_named_in_spanish(window: MainWindow) -> None:
    native = window.commands.copy_citation_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert "Mayúsculas" in native
    back = window.commands.back_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert back == "Alt+Izquierda"


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in seen, f"{key} is both «{seen[key]}» and «{action.text()}»"
            seen[key] = action.text()


def test_toolbar_and_docks_are_titled_in_spanish(window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "mainToolBar")
    assert toolbar is not None
    assert toolbar.windowTitle() == "Barra de herramientas"
    for button_text in (plain(a.text()) for a in toolbar.actions() if not a.isSeparator()):
        assert not words(button_text) & ENGLISH
    dock = window.findChild(QDockWidget, "navigationDock")
    assert dock is not None
    assert dock.windowTitle() == "Navegación"
    assert window.windowTitle().startswith("sgdesk — Secretaría General")


def test_docks_views_and_fields_have_accessible_names(window: MainWindow) -> None:
    docks = window.findChildren(QDockWidget)
    views = window.findChildren(QAbstractItemView) + window.findChildren(QTextEdit)
    fields = window.findChildren(QLineEdit)
    visible_views = [v for v in views if v.isVisibleTo(window)]
    assert docks
    assert window.tree_view in visible_views
    assert window.reading_pane in visible_views
    assert window.find_bar.field in fields
    for widget in [*docks, *visible_views, *fields]:
        assert widget.accessibleName().strip(), f"{widget.objectName() or widget} has no accessible name"
    assert window.tree_view.accessibleName() == "Índice de secciones y normas"
    assert window.reading_pane.accessibleName() == "Texto de la sección"


def test_tree_items_have_accessible_text(window: MainWindow) -> None:
    index = window.tree_model.index_for_id("funciones")
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Funciones"


def test_about_box_is_in_spanish(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1, Qt.KeyboardModifier.ControlModifier)  # Ayuda › Acerca de
    box = window.findChild(AboutDialog, "aboutDialog")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert box.windowTitle() == "Acerca de sgdesk"
    assert "Secretaría General de la Alcaldía Mayor de Bogotá D.C." in box.text()
    assert "Versión de contenido" in box.text()
    box.accept()


def test_bundled_fonts_are_available(window: MainWindow) -> None:
    families = QFontDatabase.families()
    assert "Noto Sans" in families
    assert "Noto Serif" in families
    assert window.reading_pane.document().defaultFont().family() == "Noto Serif"


def test_dates_are_written_as_qt_writes_them_for_es_co() -> None:
    from PySide6.QtCore import QDate, QLocale

    from sgdesk.content.dates import PartialDate

    qt_text = QLocale("es_CO").toString(QDate(2006, 11, 30), "d 'de' MMMM 'de' yyyy")
    assert PartialDate.parse("2006-11-30").format_es() == qt_text


def test_links_use_the_reading_link_colour(window: MainWindow) -> None:
    from sgdesk.export.html import LINK_COLOR

    window.open_node("funciones")
    block = window.reading_pane.document().begin()
    colours = set()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char_format = fragments.fragment().charFormat()
            if char_format.anchorHref():
                colours.add(char_format.foreground().color().name())
            fragments += 1
        block = block.next()
    assert colours == {LINK_COLOR}


def test_tab_moves_from_the_tree_to_the_text(window: MainWindow, qtbot: QtBot) -> None:
    window.tree_view.setFocus()
    qtbot.keyClick(window.tree_view, Qt.Key.Key_Tab)
    assert window.reading_pane.hasFocus()
