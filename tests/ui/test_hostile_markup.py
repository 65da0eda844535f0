"""A database with markup in every text column and every field of ``meta``: every view and
dialog shows the markup as written. No link, image or style sheet is ever interpreted.

(Ids and keys stay intact so the corpus still opens; the values around them carry the markup.)
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QDate, QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolTip, QTreeWidgetItemIterator
from pytestqt.qtbot import QtBot

from sgdesk.ui.dialogs import AboutDialog
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.timeline_style import event_tooltip
from tests.altered import altered_copy
from tests.ui.helpers import error_dialog

PAYLOAD = (
    '<a href="file:///etc/passwd">ENLACE</a><img src="file:///tmp/x.png"><style>*{color:red}</style><b>N</b>'
)
TEXT_COLUMNS = {
    "nodes": ["title", "citation", "label", "text"],
    "norms": ["type", "issuer", "epigrafe"],
    "events": ["summary"],
    "changes": ["old_name", "new_name", "note"],
    "offices": ["name"],
    "later_changes": ["norm", "affects", "publication"],
}


def _hostile_statements(corpus_db: Path) -> list[str]:
    quoted = PAYLOAD.replace("'", "''")
    statements = [
        f"UPDATE {table} SET {column} = {column} || '{quoted}' WHERE {column} IS NOT NULL"
        for table, columns in TEXT_COLUMNS.items()
        for column in columns
    ]
    statements.append(
        f"UPDATE meta SET value = value || '{quoted}' WHERE key NOT IN ('schema_version', 'as_of')"
    )
    connection = sqlite3.connect(corpus_db)
    try:
        for pk, body in connection.execute("SELECT pk, body FROM nodes WHERE body IS NOT NULL"):
            blocks = json.loads(body)
            for block in blocks:
                block["lines"] = [line + PAYLOAD for line in block["lines"]]
            text = json.dumps(blocks, ensure_ascii=False).replace("'", "''")
            statements.append(f"UPDATE nodes SET body = '{text}' WHERE pk = {pk}")
    finally:
        connection.close()
    statements.append("INSERT INTO nodes_fts(nodes_fts) VALUES('rebuild')")
    return statements


@pytest.fixture
def hostile_db(tmp_path: Path, corpus_db: Path) -> Path:
    return altered_copy(corpus_db, tmp_path / "hostile.db", *_hostile_statements(corpus_db))


def _document(text: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(text)
    return document


def _interprets(document: QTextDocument) -> list[str]:
    """Anchors to anything but the app's own pages, images, style: what a document obeyed."""
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            char_format = fragment.charFormat()
            href = char_format.anchorHref()
            if char_format.isAnchor() and href and not href.startswith(("sgdesk:", "#")):
                found.append(f"anchor {href}")
            if char_format.isImageFormat():
                found.append("image")
            if char_format.foreground().color().name() == "#ff0000":
                found.append("style")
            iterator += 1
        block = block.next()
    if "ENLACE" in document.toPlainText() and PAYLOAD not in document.toPlainText():
        found.append("markup not shown as written")
    return found


def check_text(where: str, text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> list[str]:
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(text)
    )
    if not rich:
        return []  # drawn as plain text: shown exactly as written
    return [f"{where}: {problem}" for problem in _interprets(_document(text))]


def _model_indexes(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent or QModelIndex()
    while model.canFetchMore(parent):
        model.fetchMore(parent)
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _model_indexes(model, index)


def _widget_texts() -> list[str]:
    problems = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLabel):
            problems += check_text(f"QLabel {widget.objectName()}", widget.text(), widget.textFormat())
        if isinstance(widget, QMessageBox):
            problems += check_text(f"QMessageBox {widget.objectName()}", widget.text(), widget.textFormat())
        problems += check_text(f"tooltip of {type(widget).__name__}", widget.toolTip())
    return problems


def _tooltip_at(qtbot: QtBot, widget: QLabel | object, point: QPoint) -> str:
    assert hasattr(widget, "mapToGlobal")
    event = QHelpEvent(QEvent.Type.ToolTip, point, widget.mapToGlobal(point))  # type: ignore[union-attr]
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]
    return QToolTip.text()


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: tooltips, raise()
def test_markup_from_the_database_is_never_interpreted(
    make_window: Callable[..., MainWindow], qtbot: QtBot, hostile_db: Path
) -> None:
    window = make_window(database=hostile_db)
    assert window.library is not None
    problems: list[str] = []
    for node_id in ("informacion-general", "mision", "decreto-267-2007", "decreto-267-2007/art-7"):
        assert window.open_node(node_id), node_id
        document = window.reading_pane.document()
        problems += [f"page {node_id}: {p}" for p in _interprets(document)]
        assert PAYLOAD in document.toPlainText()
    window.point_in_time.show_functions()
    problems += [f"funciones: {p}" for p in _interprets(window.reading_pane.document())]

    tree = window.tree_model
    for index in _model_indexes(tree):
        problems += check_text(f"tree {index.data()}", str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))
    window.search_panel.model.set_hits(window.library.search("funciones secretaria").hits)
    search = window.search_panel.model
    assert search.rowCount() > 0
    for row in range(search.rowCount()):
        index = search.index(row, 0)
        problems += check_text(f"search tooltip {row}", str(index.data(Qt.ItemDataRole.ToolTipRole)))

    timeline = window.library.timeline()
    for event in timeline.events:
        problems += check_text(f"timeline {event.id}", event_tooltip(event))

    window.point_in_time.show_org_chart()
    chart_dialog = window.point_in_time.org_chart_dialog
    assert chart_dialog is not None
    assert "ENLACE" in chart_dialog.chart.accessibleDescription() or chart_dialog.chart._boxes
    for box in list(chart_dialog.chart._boxes.values()):
        tip = _tooltip_at(qtbot, chart_dialog.chart, chart_dialog.chart.box_rect(box).center())
        problems += check_text(f"organigrama {box.office_id}", tip)

    window.point_in_time.compare_dates()
    compare = window.point_in_time.compare_dialog
    assert compare is not None
    compare.first_edit.setDate(QDate(2000, 1, 1))
    compare.second_edit.setDate(QDate(2030, 12, 31))
    compare.update_changes()
    items = QTreeWidgetItemIterator(compare.changes)
    seen = 0
    while items.value():
        item = items.value()
        problems += check_text(f"comparar {item.text(0)[:20]}", item.toolTip(0))
        seen += "ENLACE" in item.toolTip(0)
        items += 1
    assert seen > 0

    window.show_about()
    about = window.findChild(AboutDialog, "aboutDialog")
    assert about is not None
    assert PAYLOAD in _document(about.text()).toPlainText()  # the content version, as written

    problems += _widget_texts()
    assert "ENLACE" in window.content_label.text() + window.content_label.toolTip()
    assert problems == []


def test_a_malformed_date_in_meta_is_refused_in_a_plain_text_dialog(
    make_window: Callable[..., MainWindow], tmp_path: Path, corpus_db: Path
) -> None:
    bad = altered_copy(
        corpus_db, tmp_path / "as-of.db", f"UPDATE meta SET value = '{PAYLOAD}' WHERE key = 'as_of'"
    )
    window = make_window()
    assert not window.open_database(bad)
    box = error_dialog(window)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "no es una fecha" in box.text()
    assert str(bad) in box.text()
    assert window.library is not None  # the corpus that was open stays open
    assert window.library.info.path != bad
    assert date.today()  # (the window keeps working: the next test opens pages on it)
