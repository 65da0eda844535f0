"""Moving around: links in the text, back and forward, and links that must never go online."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from sgdesk.ui.links_dialog import PageLinksDialog
from sgdesk.ui.mainwindow import MainWindow
from tests.ui.helpers import click_link, current_tree_id, links


def toolbar_button(window: MainWindow, text: str) -> QToolButton:
    toolbar = window.findChild(QToolBar, "mainToolBar")
    assert toolbar is not None
    for action in toolbar.actions():
        if action.text() == text:
            button = toolbar.widgetForAction(action)
            assert isinstance(button, QToolButton)
            return button
    raise AssertionError(f"no toolbar button {text!r}")


# -- links ---------------------------------------------------------------------


def test_funciones_link_opens_the_decree(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("funciones")
    pane = window.reading_pane
    texts = [text for _start, _end, _href, text in links(pane)]
    assert "Ver decreto 267 de 2007" in texts

    click_link(qtbot, pane, "sgdesk:decreto-267-2007", "Ver decreto 267 de 2007")

    assert window.current_node_id == "decreto-267-2007"
    assert pane.toPlainText().startswith("Decreto 267 de 2007\n")
    assert "Artículo 7º. Son funciones de la Secretaría General, las siguientes:" in pane.toPlainText()
    assert current_tree_id(window.tree_view) == "decreto-267-2007"
    assert window.commands.back_action.isEnabled()


def test_norm_mentioned_in_a_provenance_note_is_a_link(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("decreto-267-2007")
    pane = window.reading_pane
    note = "Adicionado por el artículo 2 del Decreto 163 de 2008"
    assert note in pane.toPlainText()
    note_start = pane.toPlainText().index(note)
    mentions = [link for link in links(pane) if link[2] == "sgdesk:decreto-163-2008"]
    assert any(start > note_start and text == "Decreto 163 de 2008" for start, _end, _href, text in mentions)

    click_link(qtbot, pane, "sgdesk:decreto-163-2008", "Decreto 163 de 2008")

    assert window.current_node_id == "decreto-163-2008"
    assert pane.toPlainText().startswith("Decreto 163 de 2008\n")
    assert current_tree_id(window.tree_view) == "decreto-163-2008"
    assert window.tree_view.isExpanded(window.tree_model.index_for_id("funciones"))


def test_literal_link_opens_the_literal(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("decreto-267-2007/art-7")
    click_link(qtbot, window.reading_pane, "sgdesk:decreto-267-2007/art-7/lit-n")
    assert window.current_node_id == "decreto-267-2007/art-7/lit-n"
    assert current_tree_id(window.tree_view) == "decreto-267-2007/art-7/lit-n"
    assert "estrategia internacional" in window.reading_pane.toPlainText()


def test_breadcrumb_link_goes_up(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("decreto-163-2008/art-2")
    click_link(qtbot, window.reading_pane, "sgdesk:funciones", "Funciones")
    assert window.current_node_id == "funciones"
    assert current_tree_id(window.tree_view) == "funciones"


def test_link_to_a_missing_node_keeps_the_page_and_explains(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("funciones")
    window.reading_pane.show_html('<p>Ver <a href="sgdesk:decreto-999-2099">Decreto 999 de 2099</a></p>')
    shown = window.reading_pane.toPlainText()
    click_link(qtbot, window.reading_pane, "sgdesk:decreto-999-2099")
    assert window.current_node_id == "funciones"
    assert window.reading_pane.toPlainText() == shown
    assert "No existe la sección o disposición «decreto-999-2099»" in window.statusBar().currentMessage()


def test_links_can_be_followed_with_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    """Tab leaves the pane (tests/ui/test_focus_marks.py): links are in «Enlaces de la página»."""
    window.open_node("funciones")
    pane = window.reading_pane
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PageLinksDialog):
            QTimer.singleShot(20, choose)
            return
        field = dialog.focusWidget()
        if field is not None:
            qtbot.keyClicks(field, "decreto 502")
            qtbot.keyClick(field, Qt.Key.Key_Return)
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, choose)
    qtbot.keyClick(
        pane, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.current_node_id == "decreto-502-2009"
    assert current_tree_id(window.tree_view) == "decreto-502-2009"


# -- history -------------------------------------------------------------------


def test_back_and_forward_with_alt_arrows(window: MainWindow, qtbot: QtBot) -> None:
    assert not window.commands.back_action.isEnabled()
    assert not window.commands.forward_action.isEnabled()
    window.open_node("funciones")
    click_link(qtbot, window.reading_pane, "sgdesk:decreto-267-2007")
    assert window.current_node_id == "decreto-267-2007"
    assert window.commands.back_action.isEnabled()
    assert not window.commands.forward_action.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_node_id == "funciones"
    assert window.reading_pane.toPlainText().startswith("Funciones")
    assert current_tree_id(window.tree_view) == "funciones"
    assert window.commands.forward_action.isEnabled()

    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_node_id == "mision"
    assert not window.commands.back_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # nothing further back
    assert window.current_node_id == "mision"

    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_node_id == "decreto-267-2007"
    assert current_tree_id(window.tree_view) == "decreto-267-2007"
    assert not window.commands.forward_action.isEnabled()
    assert window.commands.back_action.isEnabled()


def test_alt_arrows_work_while_reading(window: MainWindow, qtbot: QtBot) -> None:
    """The reading pane (a QTextBrowser) has its own Alt+Left; the window's history wins."""
    window.open_node("vision")
    window.reading_pane.setFocus()
    qtbot.keyClick(window.reading_pane, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_node_id == "mision"
    qtbot.keyClick(window.reading_pane, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_node_id == "vision"


def test_back_and_forward_with_the_toolbar(window: MainWindow, qtbot: QtBot) -> None:
    back = toolbar_button(window, "&Atrás")
    forward = toolbar_button(window, "A&delante")
    assert not back.isEnabled()
    assert not forward.isEnabled()

    window.open_node("vision")
    window.open_node("valores")
    assert back.isEnabled()
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert window.current_node_id == "vision"
    assert forward.isEnabled()
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert window.current_node_id == "mision"
    assert not back.isEnabled()

    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    assert window.current_node_id == "vision"
    assert current_tree_id(window.tree_view) == "vision"

    # a new visit after going back drops what was ahead
    window.open_node("objetivos-estrategicos")
    assert not forward.isEnabled()
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert window.current_node_id == "vision"


def test_home_returns_to_the_mision(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("decreto-59-2012")
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.current_node_id == "mision"
    assert window.reading_pane.toPlainText().startswith("Misión")
    qtbot.mouseClick(toolbar_button(window, "&Inicio (Misión)"), Qt.MouseButton.LeftButton)
    assert window.current_node_id == "mision"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_node_id == "decreto-59-2012"


def test_tree_clicks_are_recorded_in_history(window: MainWindow, qtbot: QtBot) -> None:
    tree = window.tree_view
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.current_node_id == "funciones"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_node_id == "vision"
    assert current_tree_id(tree) == "vision"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_node_id == "mision"


def test_f6_switches_focus_between_index_and_text(window: MainWindow, qtbot: QtBot) -> None:
    window.docks["timelineDock"].hide()
    window.tree_view.setFocus()
    qtbot.waitUntil(window.tree_view.hasFocus)
    qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.waitUntil(window.reading_pane.hasFocus)
    qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.waitUntil(window.tree_view.hasFocus)


# -- never online --------------------------------------------------------------


def test_reading_pane_never_loads_remote_resources(window: MainWindow) -> None:
    pane = window.reading_pane
    for url in ("http://example.com/logo.png", "https://example.com/estilo.css"):
        assert pane.loadResource(int(QTextDocument.ResourceType.ImageResource.value), QUrl(url)) is None
        assert pane.loadResource(int(QTextDocument.ResourceType.StyleSheetResource.value), QUrl(url)) is None


def test_remote_images_are_not_loaded(window: MainWindow) -> None:
    pane = window.reading_pane
    url = "http://example.com/escudo.png"
    pane.show_html(f'<p>Escudo: <img src="{url}" width="40" height="40"></p>')
    pane.document().adjustSize()  # lay out: this is when images are asked for
    assert pane.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(url)) is None


def test_external_link_is_not_followed(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("vision")
    pane = window.reading_pane
    pane.show_html(
        '<p>Sitio: <a href="http://www.secretariageneral.gov.co/">secretariageneral.gov.co</a></p>'
    )
    shown = pane.toPlainText()

    click_link(qtbot, pane, "http://www.secretariageneral.gov.co/")

    assert pane.toPlainText() == shown
    assert pane.source().isEmpty()
    assert window.current_node_id == "vision"
    message = window.statusBar().currentMessage()
    assert "no abre enlaces externos" in message
    assert "http://www.secretariageneral.gov.co/" in message
    assert "sin conexión" in message
    assert window.reader.state.history.current == "vision"
