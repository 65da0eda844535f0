"""The results model and its delegate, with real hits from the test corpus."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QListView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sgdesk.library import Hit, Library
from sgdesk.ui.search_model import HTML_ROLE, NODE_ID_ROLE, SearchResultDelegate, SearchResultsModel


def pages(library: Library, text: str, size: int) -> tuple[tuple[Hit, ...], tuple[Hit, ...]]:
    first = library.search(text, None, size, 0)
    second = library.search(text, None, size, size)
    assert len(first.hits) == size, "the query must fill more than one page"
    assert second.hits
    return first.hits, second.hits


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, library: Library) -> None:
    first, second = pages(library, "secretaria", 5)
    model = SearchResultsModel()
    qtmodeltester.check(model)
    model.set_hits(first)
    qtmodeltester.check(model)
    model.append_hits(second)
    qtmodeltester.check(model)
    model.append_hits(())
    model.set_hits(())
    qtmodeltester.check(model)


def test_set_replaces_and_append_adds_rows(qtbot: QtBot, library: Library) -> None:
    first, second = pages(library, "secretaria", 5)
    model = SearchResultsModel()
    model.set_hits(first)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.append_hits(second)
    assert inserted.args is not None
    assert inserted.args[1:] == [5, 5 + len(second) - 1]
    ids = [model.index(row).data(NODE_ID_ROLE) for row in range(model.rowCount())]
    assert ids == [h.node.id for h in (*first, *second)]

    with qtbot.assertNotEmitted(model.rowsInserted), qtbot.assertNotEmitted(model.modelReset):
        model.append_hits(())
    with qtbot.waitSignal(model.modelReset):
        model.set_hits(second)
    assert model.rowCount() == len(second)
    assert model.hit(0) == second[0]


def test_rows_show_title_path_and_marked_snippet(library: Library) -> None:
    results = library.search("gestion documental", None, 10)
    model = SearchResultsModel()
    model.set_hits(results.hits)
    index = model.index(0)

    assert index.data() == "Literal h"
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Literal h"
    assert (
        QTextDocumentFragment.fromHtml(index.data(Qt.ItemDataRole.ToolTipRole))
        .toPlainText()
        .endswith("› Artículo 7. Funciones de la Secretaría General › Literal h")
    )
    assert index.data(NODE_ID_ROLE) == "decreto-267-2007/art-7/lit-h"
    html = str(index.data(HTML_ROLE))
    assert html.startswith("<b>Literal h</b><br>")
    assert "<b>gestión</b> <b>documental</b>" in html
    assert "cita" not in html
    assert model.data(QModelIndex()) is None
    assert model.data(model.createIndex(5, 0)) is None
    assert model.rowCount(index) == 0, "a list: rows have no children"

    cited = library.search("decreto 267 de 2007", None, 10).hits[0]
    model.set_hits((cited,))
    assert '<b>Decreto 267 de 2007</b> <span class="cited">· cita</span>' in str(
        model.index(0).data(HTML_ROLE)
    )


def test_text_from_the_corpus_is_escaped(library: Library) -> None:
    hit = library.search("gestion documental", None, 1).hits[0]
    odd = dataclasses.replace(
        hit,
        node=dataclasses.replace(hit.node, title="Título <i>raro</i> & más"),
        text="a < b <gestión>",
    )
    model = SearchResultsModel()
    model.set_hits((odd,))
    html = str(model.index(0).data(HTML_ROLE))
    assert "<b>Título &lt;i&gt;raro&lt;/i&gt; &amp; más</b>" in html
    assert html.endswith("a &lt; b &lt;<b>gestión</b>&gt;")


def test_row_height_follows_the_snippet_and_the_view_width(qtbot: QtBot, library: Library) -> None:
    hit = library.search("gestion documental", None, 1).hits[0]
    short = dataclasses.replace(hit, text="Formular la política de gestión")
    long = dataclasses.replace(hit, text="Formular la política de gestión " + "documental y de archivo " * 12)
    model = SearchResultsModel()
    model.set_hits((short, long))
    view = QListView()
    view.setModel(model)
    view.setItemDelegate(SearchResultDelegate(view))
    view.setWordWrap(True)
    qtbot.addWidget(view)
    view.resize(260, 600)
    view.show()
    qtbot.waitExposed(view)
    short_row, long_row = model.index(0), model.index(1)

    narrow_short, narrow_long = view.sizeHintForIndex(short_row), view.sizeHintForIndex(long_row)
    assert narrow_long.height() > narrow_short.height() * 2
    qtbot.waitUntil(lambda: view.visualRect(long_row).height() == narrow_long.height())
    assert view.visualRect(short_row).bottom() < view.visualRect(long_row).top()

    view.resize(900, 600)
    qtbot.waitUntil(lambda: view.viewport().width() > 800)
    wide_long = view.sizeHintForIndex(long_row)
    assert wide_long.height() < narrow_long.height()
    assert view.sizeHintForIndex(short_row).height() <= narrow_short.height()
    qtbot.waitUntil(lambda: view.visualRect(long_row).height() == wide_long.height())
    assert view.visualRect(long_row).width() > 800
    # Sizes follow each row's own text, width and font, whatever was laid out before.
    view.resize(260, 600)
    qtbot.waitUntil(lambda: view.viewport().width() < 300)
    assert view.sizeHintForIndex(long_row) == narrow_long
    model.set_hits((long, short))  # the rows swapped: each takes its own height
    assert view.sizeHintForIndex(model.index(0)) == narrow_long
    assert view.sizeHintForIndex(model.index(1)) == narrow_short
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    view.setFont(font)
    assert view.sizeHintForIndex(model.index(0)).height() > narrow_long.height()
