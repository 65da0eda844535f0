"""The navigation tree: a well-behaved, lazily loaded model whose titles are the seed's headings."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QTreeView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sgdesk.library import Library
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.tree_model import NODE_ID_ROLE, NodeTreeModel
from tests.ui.helpers import click_tree_item, current_tree_id, visible_titles

LATER = " — posiblemente modificada"  # today: a later change not incorporated may have altered it
SECTIONS = [
    "Misión" + LATER,  # Resolución 630 de 2024
    "Visión" + LATER,
    "Funciones",
    "Políticas Generales",
    "Valores de la Entidad",
    "Objetivos Estratégicos",
]
NORMS = [
    "Acuerdo 257 de 2006" + LATER,  # Acuerdo 638 de 2016
    "Decreto 267 de 2007" + LATER,  # Decreto 456 de 2015
    "Decreto 163 de 2008",
    "Decreto 502 de 2009",
    "Decreto 059 de 2012",
    "Decreto 077 de 2012",
]


def fetch_all(model: NodeTreeModel, parent: QModelIndex | None = None) -> int:
    """Expand every branch below ``parent`` through the model's own API; return the rows seen."""
    parent = parent or QModelIndex()
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    rows = model.rowCount(parent)
    return rows + sum(fetch_all(model, model.index(row, 0, parent)) for row in range(rows))


def test_model_passes_the_model_tester(library: Library, qtmodeltester: ModelTester) -> None:
    model = NodeTreeModel(library)
    qtmodeltester.check(model)
    qtmodeltester.check(NodeTreeModel(library), force_py=True)


def test_model_passes_the_model_tester_once_every_branch_is_fetched(
    library: Library, qtmodeltester: ModelTester
) -> None:
    model = NodeTreeModel(library)
    assert fetch_all(model) == len(library.all_nodes())
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)


def test_model_without_a_library_is_empty_and_valid(qtmodeltester: ModelTester) -> None:
    model = NodeTreeModel(None)
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)


def test_switching_library_resets_to_an_unfetched_tree(library: Library, qtmodeltester: ModelTester) -> None:
    model = NodeTreeModel(library)
    fetch_all(model)
    model.set_library(library)
    assert model.rowCount() == 0
    assert model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)


def test_children_are_read_only_when_a_branch_is_fetched(library: Library) -> None:
    model = NodeTreeModel(library)
    root = QModelIndex()
    assert model.rowCount(root) == 0
    assert model.hasChildren(root)
    assert model.canFetchMore(root)
    model.fetchMore(root)
    assert not model.canFetchMore(root)
    assert visible_titles_of(model, root) == ["Información General"]

    general = model.index(0, 0, root)
    assert model.hasChildren(general), "the expand arrow must show before the children are read"
    assert model.rowCount(general) == 0
    assert model.canFetchMore(general)
    model.fetchMore(general)
    assert not model.canFetchMore(general)
    assert visible_titles_of(model, general) == [t.removesuffix(LATER) for t in SECTIONS]  # no lookup: plain

    mision = model.index(0, 0, general)
    assert not model.hasChildren(mision)
    assert not model.canFetchMore(mision)


def visible_titles_of(model: NodeTreeModel, parent: QModelIndex) -> list[str]:
    return [str(model.index(row, 0, parent).data()) for row in range(model.rowCount(parent))]


def test_index_for_id_fetches_only_the_path(library: Library) -> None:
    model = NodeTreeModel(library)
    index = model.index_for_id("decreto-267-2007/art-7/lit-n")
    assert index.data() == "Literal n"
    assert index.data(NODE_ID_ROLE) == "decreto-267-2007/art-7/lit-n"
    assert index.parent().data(NODE_ID_ROLE) == "decreto-267-2007/art-7"
    assert index.parent().parent().parent().data() == "Funciones"
    funciones = index.parent().parent().parent()
    politicas = funciones.siblingAtRow(funciones.row() + 1)
    assert politicas.data() == "Políticas Generales"
    assert model.canFetchMore(model.index_for_id("decreto-163-2008"))
    assert not model.index_for_id("no-existe").isValid()


def test_tree_shows_the_seed_headings(window: MainWindow) -> None:
    tree = window.tree_view
    assert visible_titles(tree) == ["Información General"]
    general = tree.model().index(0, 0)
    assert tree.isExpanded(general)
    assert visible_titles(tree, general) == SECTIONS

    funciones = window.tree_model.index_for_id("funciones")
    tree.expand(funciones)
    assert visible_titles(tree, funciones) == NORMS
    assert tree.visualRect(funciones.model().index(0, 0, funciones)).isValid()


def test_tooltip_gives_the_citation(window: MainWindow) -> None:
    index = window.tree_model.index_for_id("decreto-267-2007/art-7/lit-n")
    tip = QTextDocumentFragment.fromHtml(str(index.data(Qt.ItemDataRole.ToolTipRole))).toPlainText()
    assert tip.startswith("Decreto 267 de 2007, art. 7, lit. n — posiblemente modificada\n")
    assert "relaciones, proyección y estrategia internacional" in tip


def test_expanding_a_branch_in_the_view_fetches_it(window: MainWindow, qtbot: QtBot) -> None:
    tree = window.tree_view
    funciones = window.tree_model.index_for_id("funciones")
    assert window.tree_model.canFetchMore(funciones)
    assert window.tree_model.rowCount(funciones) == 0
    assert not tree.isExpanded(funciones)

    click_tree_item(qtbot, tree, funciones)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Right)

    assert tree.isExpanded(funciones)
    assert not window.tree_model.canFetchMore(funciones)
    assert visible_titles(tree, funciones) == NORMS


def test_keyboard_selection_opens_the_node(window: MainWindow, qtbot: QtBot) -> None:
    tree = window.tree_view
    pane = window.reading_pane
    assert current_tree_id(tree) == "mision"
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)

    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.current_node_id == "vision"
    assert pane.toPlainText().startswith("Visión")

    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.current_node_id == "funciones"
    assert pane.toPlainText().startswith("Funciones")
    assert "Ver decreto 267 de 2007" in pane.toPlainText()

    qtbot.keyClick(tree, Qt.Key.Key_Right)  # expand, keep the selection
    assert window.current_node_id == "funciones"
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.current_node_id == "acuerdo-257-2006"
    assert pane.toPlainText().startswith("Acuerdo 257 de 2006")
    assert current_tree_id(tree) == "acuerdo-257-2006"

    qtbot.keyClick(tree, Qt.Key.Key_Left)  # to the parent
    assert window.current_node_id == "funciones"


def test_mouse_click_opens_the_node(window: MainWindow, qtbot: QtBot) -> None:
    tree = window.tree_view
    tree.expand(window.tree_model.index_for_id("funciones"))
    target = window.tree_model.index_for_id("decreto-163-2008")
    click_tree_item(qtbot, tree, target)

    assert window.current_node_id == "decreto-163-2008"
    assert window.reading_pane.toPlainText().startswith("Decreto 163 de 2008")
    assert current_tree_id(tree) == "decreto-163-2008"

    valores = window.tree_model.index_for_id("valores")
    click_tree_item(qtbot, tree, valores)
    assert window.reading_pane.toPlainText().startswith("Valores de la Entidad")


def test_tree_selection_follows_a_deep_open(window: MainWindow) -> None:
    window.open_node("decreto-267-2007/art-7/lit-n")
    tree: QTreeView = window.tree_view
    assert current_tree_id(tree) == "decreto-267-2007/art-7/lit-n"
    assert tree.isExpanded(window.tree_model.index_for_id("decreto-267-2007/art-7"))
    assert tree.visualRect(tree.currentIndex()).intersects(tree.viewport().rect())


def test_double_click_expands_a_branch(window: MainWindow, qtbot: QtBot) -> None:
    tree = window.tree_view
    tree.expand(window.tree_model.index_for_id("funciones"))
    decree = window.tree_model.index_for_id("decreto-267-2007")
    assert not tree.isExpanded(decree)
    tree.scrollTo(decree)
    position = tree.visualRect(decree).center()
    # what the system sends for a double click (QTest's mouseDClick alone sends only the second press)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseRelease(tree.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert tree.isExpanded(decree)
    assert visible_titles(tree, decree) == [
        "Artículo 7. Funciones de la Secretaría General" + LATER,
        "Artículo (número no registrado). Funciones del Despacho del Secretario General" + LATER,
    ]
    assert window.current_node_id == "decreto-267-2007"
