"""Search results as a list model: one row per hit, rendered by ``SearchResultDelegate``."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractScrollArea, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sgdesk.content.highlight import Snippet
from sgdesk.library import Hit
from sgdesk.ui.focus_ring import paint_focus_frame
from sgdesk.ui.safe_text import rich
from sgdesk.ui.theme import current_theme

NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 3  # Mis notas: the annotated passage, marked when opened

AnyIndex = QModelIndex | QPersistentModelIndex


def hit_html(hit: Hit) -> str:
    """Title, breadcrumb and snippet of a hit, escaped, matched words in bold. One of Mis notas
    says so first («Mi nota», «Mi subrayado»), its passage in place of the breadcrumb."""
    if hit.note is not None:
        label = "Mi subrayado" if hit.note.highlight else "Mi nota"
        return (f'<span class="note">✎ {label}</span> · <b>{escape(hit.note.heading or hit.node.title)}</b>'
                f'<br><span class="path">{escape(" › ".join(hit.path))}</span>'
                f"<br>{snippet_html(hit.snippet)}")  # fmt: skip
    cited = ' <span class="cited">· cita</span>' if hit.cited else ""
    path = escape(" › ".join(hit.path))
    return (f"<b>{escape(hit.node.title)}</b>{cited}"
            f'<br><span class="path">{path}</span>'
            f"<br>{snippet_html(hit.snippet)}")  # fmt: skip


def snippet_html(pieces: Snippet) -> str:
    return "".join(f"<b>{escape(t)}</b>" if marked else escape(t) for t, marked in pieces)


class SearchResultsModel(QAbstractListModel):
    """Holds hits and their HTML, made when a row is first asked for (a hit cuts its snippet then)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._html: list[str | None] = []

    def set_hits(self, hits: tuple[Hit, ...]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._html = [None] * len(hits)
        self.endResetModel()

    def append_hits(self, hits: tuple[Hit, ...]) -> None:
        if not hits:
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
        self._hits += hits
        self._html += [None] * len(hits)
        self.endInsertRows()

    def prepend_hits(self, hits: tuple[Hit, ...]) -> None:
        """``hits`` above the rows shown (the current row and the selection stay on their hits)."""
        if not hits:
            return
        self.beginInsertRows(QModelIndex(), 0, len(hits) - 1)
        self._hits[:0] = hits
        self._html[:0] = [None] * len(hits)
        self.endInsertRows()

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Asked about ten times a row at each paint (a style option asks every role): the
        # roles this model has no answer for leave at once.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        if role == HTML_ROLE:
            html = self._html[index.row()]
            if html is None:
                html = self._html[index.row()] = hit_html(self._hits[index.row()])
            return html
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if hit.note is not None:
                return f"Mi nota: {hit.note.heading or hit.node.title}"
            return hit.node.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return rich(" › ".join((*hit.path, hit.node.title)))
        if role == NODE_ID_ROLE:
            return hit.node.id
        if role == PASSAGE_ROLE:
            return hit.note.passage if hit.note is not None else None
        return None


_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole, NODE_ID_ROLE, PASSAGE_ROLE, HTML_ROLE})  # fmt: skip


def text_width(option: QStyleOptionViewItem) -> int:
    """The width a row's text is laid out at: in a list, its width with the vertical scroll
    bar shown, whether it is shown or not. The bar appears when the notes arrive above a few
    rows (or a search typed on brings more); with the text at the list's whole width every row
    was laid out again at the narrower one, and the rows shown jumped as their lines re-wrapped."""
    widget = option.widget
    if not isinstance(widget, QAbstractScrollArea):
        return max(option.rect.width() - 8, 120)
    width = widget.viewport().width()
    bar, never = widget.verticalScrollBar(), Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    if widget.verticalScrollBarPolicy() != never and not bar.isVisibleTo(widget):
        width -= bar.sizeHint().width()
    return max(width - 8, 120)


SIZES_KEPT = 2000  # row sizes the delegate remembers (a few searches' worth)
DOCUMENTS_KEPT = 200  # rows kept laid out for painting (several screens of the list)


class SearchResultDelegate(QStyledItemDelegate):
    """Paints a hit's HTML (title, path, snippet) with the view's palette.

    A row's size is its HTML laid out at the view's width (about 1 ms a row: the list asks for
    every row's size at each layout, and again when rows are added): kept per HTML, width and
    font, so notes added above the corpus's rows, a search typed on or a repaint only lay out
    the rows not seen yet. (The colours of the style sheet do not change a size.)

    The laid-out rows are kept too (the most recently used DOCUMENTS_KEPT, per HTML, width,
    font and colours): a row is parsed and laid out once, for its size, and that same
    document paints it, at its first paint and at every repaint after (hover, selection,
    scrolling back, the notes arriving above). Before, each paint of each row parsed its HTML
    and laid it out again."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, int, str], QSize] = {}
        self._documents: dict[tuple[str, int, str, str], QTextDocument] = {}
        self._style_sheets: dict[int, str] = {}  # by palette (its cache key)

    def forget(self) -> None:
        """Forget every row laid out: the next ones are laid out afresh (as a new search's)."""
        self._sizes.clear()
        self._documents.clear()

    def _document(self, option: QStyleOptionViewItem, html: str, width: int | None = None) -> QTextDocument:
        """``html`` laid out at the row's width, in the option's font and colours (a selected
        row's are all the palette's highlighted text: no style sheet)."""
        css = ""
        if not option.state & QStyle.StateFlag.State_Selected:  # selected: all in HighlightedText
            css = self._style_sheets.get(option.palette.cacheKey()) or self._style_sheet(option.palette)
        width = text_width(option) if width is None else width
        key = (html, width, option.font.key(), css)
        document = self._documents.pop(key, None)  # (put back last: the most recently used)
        if document is None:
            if len(self._documents) >= DOCUMENTS_KEPT:
                del self._documents[next(iter(self._documents))]  # the least recently used
            document = QTextDocument()
            document.setDefaultFont(option.font)
            if css:
                document.setDefaultStyleSheet(css)
            document.setHtml(html)
            document.setTextWidth(width)
            block = document.begin()
            while block.isValid():  # the glyphs shaped when laid out are kept for every paint
                block.layout().setCacheEnabled(True)  # (about 0.15 ms a row at each paint otherwise)
                block = block.next()
        self._documents[key] = document
        return document

    def _style_sheet(self, palette: QPalette) -> str:
        """The colours of a row's path, citation mark and note mark in ``palette``'s theme
        (kept per palette: a palette changed is another key)."""
        theme = current_theme(palette)
        css = (f".path {{ color: {theme.muted}; }} .cited {{ color: {theme.cited}; }} "
               f".note {{ color: {theme.note_marker}; }}")  # fmt: skip
        if len(self._style_sheets) >= 8:
            self._style_sheets.clear()
        self._style_sheets[palette.cacheKey()] = css
        return css

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, widget)
        document = self._document(option, str(index.data(HTML_ROLE) or ""))
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 3)
        document.documentLayout().draw(painter, context)
        painter.restore()
        if option.state & QStyle.StateFlag.State_HasFocus:  # the current hit, in a solid frame
            frame = role if selected else QPalette.ColorRole.Highlight  # seen on the selection too
            paint_focus_frame(painter, option.rect, option.palette.color(frame))

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        # (No initStyleOption: the model answers none of the roles it reads — font, colours,
        # alignment, check state — and a row's size needs only its HTML, the view's font and
        # its width; the list asks two or three times a row at each layout.)
        html, width = str(index.data(HTML_ROLE) or ""), text_width(option)
        key = (html, width, option.font.key())
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) >= SIZES_KEPT:
                self._sizes.clear()
            document = self._document(option, html, width)  # (kept: the row's paint draws it)
            size = self._sizes[key] = QSize(int(document.idealWidth()), int(document.size().height()) + 6)
        return QSize(size)
