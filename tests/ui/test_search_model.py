"""The results model and its delegate, with real hits from the test corpus."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QImage, QPainter, QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import QListView, QStyleFactory, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from sgdesk.library import Hit, Library, NoteMark
from sgdesk.ui import search_model, theme
from sgdesk.ui.search_model import HTML_ROLE, NODE_ID_ROLE, SearchResultDelegate, SearchResultsModel
from sgdesk.ui.theme import Scheme


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
        node=hit.node._replace(title="Título <i>raro</i> & más"),
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


class _Forgetful(dict[object, object]):
    """A delegate's documents (and style sheets) that keep nothing: every paint lays its row
    out afresh in the palette's colours (the general path the kept documents must look like)."""

    def __setitem__(self, key: object, value: object) -> None:
        pass


def _results_view(
    qtbot: QtBot, model: SearchResultsModel, width: int, height: int
) -> tuple[QListView, SearchResultDelegate]:
    """``model``'s rows in a shown list with the panel's delegate, wrapping words, as the panel."""
    view = QListView()
    view.setModel(model)
    delegate = SearchResultDelegate(view)
    view.setItemDelegate(delegate)
    view.setWordWrap(True)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view, delegate


def _layouts_counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML of every row's text laid out from now on (each document the delegate makes)."""
    made: list[str] = []

    class Counted(QTextDocument):
        def setHtml(self, html: str) -> None:
            made.append(html)
            super().setHtml(html)

    monkeypatch.setattr(search_model, "QTextDocument", Counted)
    return made


def _painted(view: QListView) -> QImage:
    return view.viewport().grab().toImage()


def _painted_afresh(view: QListView, delegate: SearchResultDelegate) -> QImage:
    kept = delegate._documents, delegate._style_sheets
    delegate._documents, delegate._style_sheets = _Forgetful(), _Forgetful()  # type: ignore[assignment]
    try:
        return _painted(view)
    finally:
        delegate._documents, delegate._style_sheets = kept


def test_rows_painted_from_their_kept_layouts_look_as_laid_out_afresh(
    qtbot: QtBot, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row is laid out once (for its size) and that document paints it at every paint; what
    the user sees is what a row laid out at each paint showed: after a selection, another
    theme, another width, another font, other rows in the same places."""
    hits = library.search("secretaria general", None, 8).hits
    note = dataclasses.replace(hits[1], note=NoteMark("n1", "Secretaría General", False, "Misión"))
    cited = dataclasses.replace(hits[2], cited=True)
    model = SearchResultsModel()
    model.set_hits((note, hits[0], cited, *hits[3:]))
    view, delegate = _results_view(qtbot, model, 320, 520)
    made = _layouts_counted(monkeypatch)

    def same_as_afresh() -> None:
        kept = _painted(view)
        assert kept == _painted_afresh(view, delegate)
        assert kept == _painted(view)

    delegate.forget()
    view.doItemsLayout()
    same_as_afresh()
    made.clear()
    _painted(view)  # painted again (hover, the notes arriving above): nothing laid out
    assert made == []
    view.setCurrentIndex(model.index(1))  # selected: the highlighted text colour, no muted path
    view.selectionModel().select(model.index(2), QItemSelectionModel.SelectionFlag.Select)
    same_as_afresh()
    light = QStyleFactory.create("Fusion").standardPalette()
    view.setPalette(theme.scheme_palette(Scheme.DARK, light))
    same_as_afresh()
    view.resize(260, 520)
    qtbot.waitUntil(lambda: view.viewport().width() < 260)
    same_as_afresh()
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    view.setFont(font)
    same_as_afresh()
    model.set_hits((*hits[3:], cited, hits[0], note))  # other rows where these were
    same_as_afresh()
    assert len(delegate._documents) <= search_model.DOCUMENTS_KEPT


def test_the_rows_kept_laid_out_are_the_most_recently_painted(
    qtbot: QtBot, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past DOCUMENTS_KEPT, the row painted longest ago is forgotten first."""
    monkeypatch.setattr(search_model, "DOCUMENTS_KEPT", 3)
    hits = library.search("secretaria", None, 5).hits
    model = SearchResultsModel()
    model.set_hits(hits)
    view = QListView()
    view.setModel(model)
    delegate = SearchResultDelegate(view)
    view.setItemDelegate(delegate)
    qtbot.addWidget(view)
    view.resize(300, 200)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect.setWidth(300)

    def document(row: int) -> QTextDocument:
        return delegate._document(option, str(model.index(row).data(HTML_ROLE)))

    first, second = document(0), document(1)
    document(2)
    assert document(0) is first  # used again: now the most recent
    document(3)  # one too many: the oldest (row 1) goes
    assert len(delegate._documents) == 3
    assert document(0) is first
    assert document(1) is not second


def test_a_row_drawn_again_from_its_kept_glyphs_is_drawn_as_the_first_time(
    qtbot: QtBot, library: Library
) -> None:
    """The kept documents keep their shaped glyphs (the layout's cache): drawing a row a second
    time gives the pixels of a document made and drawn once, without that cache."""
    hit = dataclasses.replace(library.search("secretaria general", None, 1).hits[0], cited=True)
    model = SearchResultsModel()
    model.set_hits((hit,))
    view = QListView()
    delegate = SearchResultDelegate(view)
    qtbot.addWidget(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect.setWidth(300)
    html = str(model.index(0).data(HTML_ROLE))
    kept = delegate._document(option, html)
    plain = QTextDocument()
    plain.setDefaultFont(option.font)
    plain.setDefaultStyleSheet(kept.defaultStyleSheet())
    plain.setHtml(html)
    plain.setTextWidth(kept.textWidth())

    def drawn(document: QTextDocument) -> QImage:
        image = QImage(320, 120, QImage.Format.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        document.documentLayout().draw(painter, QAbstractTextDocumentLayout.PaintContext())
        painter.end()
        return image

    first = drawn(kept)
    assert kept.begin().layout().cacheEnabled()
    assert drawn(kept) == first
    assert drawn(plain) == first
    assert not plain.begin().layout().cacheEnabled()


def test_notes_arriving_above_a_few_rows_lay_out_only_themselves_and_the_rows_keep_their_lines(
    qtbot: QtBot, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A few corpus rows fit without a scroll bar; the notes added above them bring one. The
    rows shown are not laid out again at the narrower width (their lines would re-wrap, and
    each would cost a layout again): a row's text has the width it has with the bar shown."""
    hits = library.search("secretaria general", None, 12).hits
    corpus = hits[:2]
    notes = tuple(dataclasses.replace(h, note=NoteMark(f"n{i}", "Secretaría General", False, "Misión"))
                  for i, h in enumerate(hits[2:]))  # fmt: skip
    model = SearchResultsModel()
    view, delegate = _results_view(qtbot, model, 300, 420)
    model.set_hits(corpus)
    view.doItemsLayout()
    _painted(view)
    bar = view.verticalScrollBar()
    assert not bar.isVisible()
    heights = [view.visualRect(model.index(row)).height() for row in range(2)]
    made = _layouts_counted(monkeypatch)
    model.prepend_hits(notes)
    qtbot.waitUntil(bar.isVisible)
    view.doItemsLayout()
    _painted(view)
    view.scrollToBottom()
    _painted(view)
    corpus_html = {str(model.index(row).data(HTML_ROLE)) for row in (len(notes), len(notes) + 1)}
    assert not corpus_html & set(made)  # the corpus's rows: not laid out again
    assert len(made) == len(set(made)) == len(notes)  # each note's row: once
    assert [view.visualRect(model.index(len(notes) + row)).height() for row in range(2)] == heights
    assert _painted(view) == _painted_afresh(view, delegate)
