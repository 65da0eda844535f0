"""The search dock: a field searched as you type, filters, recent searches and results.

The panel only emits (``search_requested``, ``hit_activated``, ``query_committed``); the main
window runs searches and calls ``show_results`` / ``show_error`` with what comes back.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from sgdesk.content.query import MIN_PREFIX, SearchFilters
from sgdesk.library import MAX_COMPLETIONS, SearchMode, SearchResults
from sgdesk.ui.safe_text import plain, set_plain_text
from sgdesk.ui.search_model import NODE_ID_ROLE, PASSAGE_ROLE, SearchResultDelegate, SearchResultsModel
from sgdesk.ui.widgets import enable_clear_button

DEBOUNCE_MS = 250
NO_YEAR = 1799  # the spin boxes' "any year" value

Choices = tuple[tuple[str, frozenset[str]], ...]

KINDS: Choices = (
    ("Todo el corpus", frozenset()),
    ("Información general", frozenset({"general"})),
    ("Normas", frozenset({"norma"})),
    ("Disposiciones (artículos y literales)", frozenset({"disposicion"})),
)
NORM_TYPES: Choices = (
    ("Todos los tipos", frozenset()),
    ("Acuerdos", frozenset({"acuerdo"})),
    ("Decretos", frozenset({"decreto"})),
    ("Resoluciones", frozenset({"resolucion"})),
    ("Circulares", frozenset({"circular"})),
    ("Directivas", frozenset({"directiva"})),
)


# The notice's links: run the suggestion, or search the text typed exactly.
SUGGESTION_LINK = "sgdesk:quiso-decir"
EXACT_LINK = "sgdesk:buscar-exactamente"


def quoted(text: str) -> str:
    return "«" + html.escape(text.strip()) + "»"


class SearchPanel(QWidget):
    search_requested = Signal(str, object, int, object)  # text, SearchFilters, offset, SearchMode
    search_cancelled = Signal()  # the field was emptied: drop any search still running
    hit_activated = Signal(str, int)  # node id, row
    note_activated = Signal(str, str)  # one of Mis notas: node id, the passage to mark ("" : none)
    query_committed = Signal(str)  # a search the user acted on: remember it
    recent_cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr('Buscar: palabras, "frase", o, -excluir, prefijo*'))
        self.field.setAccessibleName(self.tr("Buscar en todo el corpus"))
        enable_clear_button(self.field)
        self.recent_button = QToolButton(self)
        self.recent_button.setText(self.tr("Recientes"))
        self.recent_button.setAccessibleName(self.tr("Búsquedas recientes"))
        self.recent_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.recent_menu = QMenu(self.recent_button)
        self.recent_button.setMenu(self.recent_menu)
        self.kind_box = self._combo(KINDS, self.tr("Tipo de contenido"))
        self.type_box = self._combo(NORM_TYPES, self.tr("Tipo de norma"))
        self.year_from = self._year_box(self.tr("desde: cualquier año"), self.tr("Año desde"))
        self.year_to = self._year_box(self.tr("hasta: cualquier año"), self.tr("Año hasta"))
        # Mis notas are listed first («Mi nota»); this leaves the corpus out.
        self.only_notes = QCheckBox(self.tr("Solo mis notas"), self)
        self.only_notes.setAccessibleName(self.tr("Buscar solo en mis notas"))
        self.status = QLabel(self.tr("Escriba para buscar en todo el corpus."), self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Estado de la búsqueda"))
        # «¿Quiso decir…?», the corrected search, synonyms used, tips when nothing was found.
        self.notice = QLabel(self)
        self.notice.setObjectName("searchNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.notice.setAccessibleName(self.tr("Sugerencias de la búsqueda"))
        # Never squeezed (at 125 % on 1366×768 the column is short): the list gives way instead.
        self.notice.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.notice.hide()
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Resultados de la búsqueda"))
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchResultDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.more_button = QPushButton(self.tr("Más resultados"), self)
        self.more_button.hide()
        self._layout()
        self._results_total = 0
        self._notes_shown = 0  # the first rows are Mis notas
        self._open_cited_on_arrival = False
        self._asked: tuple[str, SearchFilters, SearchMode] | None = None  # the search whose hits are listed
        self._typing = False  # the field changed since Enter: its last word is unfinished
        self._shown: SearchResults | None = None
        self._opened_row = 0  # the hit last opened from this list (Ctrl+Shift+B returns to it)
        self._opened = False  # a hit was opened from the list shown (rows added above move it)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._connect()
        self.set_recent([])

    # -- construction ----------------------------------------------------------

    def _combo(self, items: Choices, name: str) -> QComboBox:
        box = QComboBox(self)
        # Narrower than its longest entry (its list shows it whole): the left column is sized
        # to the index (first_layout.py), not to these boxes.
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(10)
        box.setAccessibleName(name)
        box.view().setAccessibleName(name)  # its drop-down list
        for label, value in items:
            box.addItem(self.tr(label), value)
        return box

    def set_held(self, kinds: frozenset[str], norm_types: frozenset[str]) -> None:
        """List only the kinds of content and norm types the corpus holds (the first entry,
        «all», always); a choice the corpus no longer holds goes back to «all»."""
        for box, items, held in ((self.kind_box, KINDS, kinds), (self.type_box, NORM_TYPES, norm_types)):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            for label, value in items:
                if not value or value <= held:
                    box.addItem(self.tr(label), value)
            box.setCurrentIndex(max(box.findData(current), 0))
            box.blockSignals(False)
            if box.currentData() != current:
                self.search_now()

    def _year_box(self, any_text: str, name: str) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(NO_YEAR, 2100)
        box.setSpecialValueText(any_text)
        box.setValue(NO_YEAR)
        box.setAccessibleName(name)
        editor = box.findChild(QLineEdit)
        if editor is not None:
            editor.setAccessibleName(name)
        return box

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.recent_button)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_box, 1)
        filters.addWidget(self.type_box, 1)
        years = QHBoxLayout()
        years.addWidget(self.year_from, 1)
        years.addWidget(self.year_to, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for row in (top, filters, years):
            layout.addLayout(row)
        layout.addWidget(self.only_notes)
        layout.addWidget(self.status)
        layout.addWidget(self.notice)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.more_button)

    def _connect(self) -> None:
        self.field.textChanged.connect(self._on_text_changed)
        self.field.returnPressed.connect(self._on_return)
        self._timer.timeout.connect(self.search_now)
        for box in (self.kind_box, self.type_box):
            box.currentIndexChanged.connect(self.search_now)
        for spin in (self.year_from, self.year_to):
            spin.valueChanged.connect(self.search_now)
        self.only_notes.toggled.connect(self.search_now)
        self.results.activated.connect(self._activate)
        self.results.clicked.connect(self._activate)
        self.more_button.clicked.connect(self._more)
        self.notice.linkActivated.connect(self._follow_notice)
        self.field.installEventFilter(self)
        self.results.installEventFilter(self)

    # -- commands --------------------------------------------------------------

    def filters(self) -> SearchFilters:
        def year(box: QSpinBox) -> int | None:
            return None if box.value() == NO_YEAR else box.value()

        return SearchFilters(self.kind_box.currentData(), self.type_box.currentData(),
                             year(self.year_from), year(self.year_to))  # fmt: skip

    def search_now(self, exact: bool = False) -> None:
        """Search the field's text at once (the debounce timer calls this too). While the user
        types, the last word is unfinished and is also searched as a prefix."""
        self._timer.stop()
        self._open_cited_on_arrival = False  # only the search Enter starts opens a citation
        text = self.field.text()
        if not text.strip():
            self.search_cancelled.emit()
            self.model.set_hits(())
            self.more_button.hide()
            self._set_notice("")
            self.status.setText(self.tr("Escriba para buscar en todo el corpus."))
            return
        self.status.setText(self.tr("Buscando…"))
        mode = SearchMode(prefix_last=self._typing, exact=exact, only_notes=self.only_notes.isChecked())
        self._asked = (text, self.filters(), mode)
        self.search_requested.emit(text, self.filters(), 0, mode)

    def show_results(self, results: SearchResults) -> None:
        if self._notes_arrived(results):
            self.model.prepend_hits(results.hits[: results.notes])
            if self._opened:  # (a cited unit opens on arrival, before the notes)
                self._opened_row += results.notes
            self._shown = results
        elif results.offset:
            self.model.append_hits(results.hits)
        else:
            self.model.set_hits(results.hits)
            self._opened_row, self._opened = 0, False
            if results.hits:
                self.results.scrollToTop()
            self._shown = results
            if results.corrected_from is not None and self._asked is not None:
                _, filters, mode = self._asked  # «Más resultados» continues the corrected search
                self._asked = (results.query.text, filters, mode)
        self._results_total = results.total
        if not results.offset:
            self._notes_shown = results.notes
        shown = self.model.rowCount() - self._notes_shown  # the corpus's rows (notes come first)
        only_notes = self._asked is not None and self._asked[2].only_notes
        self.more_button.setVisible(shown < results.total and bool(results.hits) and not only_notes)
        set_plain_text(self.status, self._count_text(results, shown))
        if not results.offset:
            self._set_notice(self._notice_html(results))
        if self._open_cited_on_arrival and not results.offset:
            self._open_cited_on_arrival = False
            self.open_first_if_cited()
        if not results.offset and not results.notes:  # painted now: see _paint_now
            self._paint_now()

    def _paint_now(self) -> None:
        """Lay the list out and paint it now, not at the next turn of the event loop: the
        search thread answers with the corpus's hits, then (a few ms later) with Mis notas;
        at the next turn both answers would be waiting, and the corpus's rows would show only
        with the notes' rows laid out above them. Painted now, they show at once; the notes'
        rows are added above them when they come (the rows already laid out are drawn again
        from their kept documents)."""
        if self.results.isVisible():
            self.results.doItemsLayout()
            self.results.viewport().repaint()

    def _notes_arrived(self, results: SearchResults) -> bool:
        """``results`` are the ones shown with Mis notas first: the search thread answers a
        first page with the corpus's hits at once, then with the notes that match (see
        ``SearchWorker``). Added above the rows shown, they leave the current row on its hit."""
        shown = self._shown
        if shown is None or shown.notes or not results.notes or results.offset:
            return False
        corpus = results.hits[results.notes :]
        return (
            results.query is shown.query
            and len(corpus) == len(shown.hits) == self.model.rowCount()
            and all(a is b for a, b in zip(corpus, shown.hits, strict=True))
        )

    def _count_text(self, results: SearchResults, shown: int) -> str:
        if results.query.is_empty and results.query.too_short:
            return self.tr("Siga escribiendo: se busca desde %1 letras.").replace("%1", str(MIN_PREFIX))
        if self._asked is not None and self._asked[2].only_notes:
            if not results.notes:
                nothing = self.tr("Sin resultados en mis notas para «%1».")
                return nothing.replace("%1", results.query.text.strip())
            noun = self.tr("nota") if results.notes == 1 else self.tr("notas")
            return self.tr("%1 %2 (solo mis notas)").replace("%1", str(results.notes)).replace("%2", noun)
        notes = self.tr(" · %1 en mis notas").replace("%1", str(results.notes)) if results.notes else ""
        if results.total == 0:
            return self.tr("Sin resultados para «%1».").replace("%1", results.query.text.strip()) + notes
        more = self.tr("más de ") if results.total_capped else ""
        noun = self.tr("resultado") if results.total == 1 else self.tr("resultados")
        text = f"{more}{results.total:,} {noun}".replace(",", " ")
        if results.corrected_from is not None:
            text += self.tr(" para «%1»").replace("%1", results.query.text.strip())
        if shown < results.total:
            text += self.tr(" (se muestran %1)").replace("%1", str(shown))
        text += notes
        if results.sampled:
            text += self.tr(
                " · demasiadas coincidencias: ordenadas entre las primeras 20 000; añada palabras"
            )
        if results.query.only_common_words:
            text += self.tr(" · solo palabras muy comunes: resultados sin ordenar por relevancia")
        return text

    def _notice_html(self, results: SearchResults) -> str:
        """The lines under the count; every piece of text from the user or the corpus escaped."""
        lines: list[str] = []
        if results.corrected_from is not None:
            lines.append(
                self.tr("Mostrando resultados de %1; ").replace("%1", quoted(results.query.text))
                + f'<a href="{EXACT_LINK}">'
                + self.tr("buscar exactamente %1").replace("%1", quoted(results.corrected_from)) + "</a>"
            )  # fmt: skip
        elif results.suggestion is not None:
            lines.append(
                self.tr("¿Quiso decir: %1?").replace(
                    "%1", f'<a href="{SUGGESTION_LINK}">{html.escape(results.suggestion)}</a>'
                )
            )
        for use in results.query.synonyms:
            lines.append(
                self.tr("También se buscó %1 (sinónimo de %2).")
                .replace("%1", self.tr(" o ").join(quoted(f) for f in use.also))
                .replace("%2", quoted(use.typed))
            )  # fmt: skip
        if results.bounded:
            lines.append(
                self.tr("%1: solo las %2 palabras más frecuentes que empiezan así; escriba más letras.")
                .replace("%1", ", ".join(quoted(p) for p in results.bounded))
                .replace("%2", str(MAX_COMPLETIONS))
            )  # fmt: skip
        if results.total == 0 and not results.query.is_empty:
            lines.append(self._tips())
        return "<br>".join(lines)

    def _tips(self) -> str:
        """What to try when nothing was found, naming the filters in use."""
        tips = [self.tr("use menos palabras"), self.tr("busque por prefijo con * (gest*)")]
        used = [box.currentText() for box in (self.kind_box, self.type_box) if box.currentIndex() > 0]
        used += [box.text() for box in (self.year_from, self.year_to) if box.value() != NO_YEAR]
        if used:
            tips.append(self.tr("quite los filtros en uso (%1)").replace("%1", html.escape(", ".join(used))))
        return self.tr("Sugerencias: ") + "; ".join(tips) + "."

    def _set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _follow_notice(self, link: str) -> None:
        """A click on «¿Quiso decir…?» searches the suggestion; «Buscar exactamente», the text typed."""
        shown = self._shown
        if shown is None:
            return
        if link == SUGGESTION_LINK and shown.suggestion is not None:
            self.field.setText(shown.suggestion)
            self._typing = False
            self.search_now()
        elif link == EXACT_LINK and shown.corrected_from is not None:
            self.field.setText(shown.corrected_from)
            self._typing = False
            self.search_now(exact=True)

    def show_error(self, message: str) -> None:
        self._open_cited_on_arrival = False
        self._set_notice("")
        self.model.set_hits(())
        self.more_button.hide()
        set_plain_text(self.status, message)

    def set_recent(self, queries: list[str]) -> None:
        self.recent_menu.clear()
        for query in queries:
            action = self.recent_menu.addAction(query)
            action.triggered.connect(lambda _=False, q=query: self.use_query(q))
        if not queries:
            self.recent_menu.addAction(self.tr("(ninguna)")).setEnabled(False)
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("Borrar búsquedas recientes"))
        clear.setEnabled(bool(queries))
        clear.triggered.connect(self.recent_cleared)

    def use_query(self, text: str) -> None:
        self.field.setText(plain(text, limit=1000))
        self._typing = False
        self.search_now()
        self.focus_field()

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def focus_results(self, row: int | None = None) -> bool:
        """Focus the results list at ``row`` (default: the hit last opened from it, or the first)."""
        if self.model.rowCount() == 0:
            return False
        target = row if row is not None else self._opened_row
        index = self.model.index(min(target, self.model.rowCount() - 1))
        self.results.setCurrentIndex(index)
        self.results.scrollTo(index)
        self.results.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- events ----------------------------------------------------------------

    def _activate(self, index: QModelIndex) -> None:
        node_id = index.data(NODE_ID_ROLE)
        if node_id:
            self._opened_row, self._opened = index.row(), True
            self.query_committed.emit(self.field.text().strip())
            passage = index.data(PASSAGE_ROLE)
            if passage is not None:  # one of Mis notas: open the unit at the annotation
                self.note_activated.emit(str(node_id), str(passage))
            else:
                self.hit_activated.emit(str(node_id), index.row())

    def _on_text_changed(self) -> None:
        self._typing = True
        self._timer.start()

    def _on_return(self) -> None:
        """Enter in the field: search now, the last word as a whole word; a cited unit
        ("decreto 267 de 2007") opens at once."""
        self._typing = False
        self.search_now()
        self._open_cited_on_arrival = bool(self.field.text().strip())

    def open_first_if_cited(self) -> bool:
        if self.model.rowCount() and self.model.hit(0).cited:
            self._activate(self.model.index(0))
            return True
        return False

    def _more(self) -> None:
        """The next page of the list shown, even if the field was edited since (that search
        replaces the list when it runs)."""
        if self._asked is not None:
            text, filters, mode = self._asked
            self.search_requested.emit(text, filters, self.model.rowCount() - self._notes_shown, mode)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.field and event.key() == Qt.Key.Key_Down:
                return self.focus_results(0)
            if watched is self.results and event.key() == Qt.Key.Key_Escape:
                self.focus_field()
                return True
            if watched is self.results and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activate(self.results.currentIndex())
                return True
        return super().eventFilter(watched, event)
