"""The organigrama on a date, painted as boxes joined by orthogonal lines, and its dialog.

Only the offices the corpus names are drawn, under a label box for the entity. Offices whose
creation date is known only to the year have a dashed border while it is uncertain whether
they existed; an uncertain renaming shows both names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLine, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QToolTip, QVBoxLayout, QWidget

from sgdesk.content.currency import Currency
from sgdesk.content.timeline import OfficeState, Status
from sgdesk.export.plan import format_day
from sgdesk.ui.safe_text import plain, rich
from sgdesk.ui.screen_fit import dialog_size
from sgdesk.ui.theme import Scheme, Theme, current_theme, fixed_theme

if TYPE_CHECKING:
    from sgdesk.export.sheet import Sheet

ROOT_TEXT = "Secretaría General"
UNCERTAIN_VALIDITY = "vigencia incierta"
UNCERTAIN_NAME = "denominación incierta"

MARGIN = 20
CAVEAT_MIN_WIDTH = 360
CAVEAT_CHARS = 85  # the caveat's longest line, in average characters
H_GAP = 18  # between sibling subtrees laid out side by side
V_GAP = 30  # between a row of boxes and the row below
INDENT = 22  # children listed under their parent (when none has children of its own)
STACK_GAP = 8
LIST_WIDTH = 1.35  # listed children have a column to themselves: wider boxes, fewer lines
PAD = 8


@dataclass
class ChartBox:
    """One box of the chart: an office (or the entity at the top, with ``office_id`` None)."""

    office_id: str | None
    name: str  # what is drawn in the normal font
    note: str  # drawn in italics below: "(denominación incierta)", "vigencia incierta"
    uncertain: bool  # whether it existed that day is uncertain: dashed border
    rect: QRect = field(default_factory=QRect)
    children: list[ChartBox] = field(default_factory=list)
    stacked: bool = False  # children listed below it, indented, rather than side by side

    @property
    def text(self) -> str:
        return f"{self.name} {self.note}".strip()


def _box(office: OfficeState) -> ChartBox:
    name, notes = office.name, []
    if office.new_name:
        name = f"{office.name} / {office.new_name}"
        notes.append(f"({UNCERTAIN_NAME})")
    uncertain = office.status is Status.UNCERTAIN
    if uncertain:
        notes.append(UNCERTAIN_VALIDITY)
    return ChartBox(office.id, name, " ".join(notes), uncertain)


class OrgChartView(QWidget):
    """Boxes in fixed-width columns; ``sizeHint`` is the whole tree (host it in a scroll area)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Organigrama"))
        self.setMouseTracking(True)
        self._day: date | None = None
        self._title = ""
        self.caveat = ""  # later changes to the structure that the chart does not incorporate
        self._caveat_rect = QRect()
        self._root = ChartBox(None, ROOT_TEXT, "", False)
        self._boxes: dict[str, ChartBox] = {}
        self._lines: list[QLine] = []
        self._content = QSize(400, 200)
        self.on_paper = False  # drawn for printing or PDF: paper's light colours, whatever the theme
        self._layout()

    @property
    def title(self) -> str:
        if self._title:
            return self._title
        return self.tr("Organigrama al %1").replace("%1", format_day(self._day)) if self._day else ""

    def set_state(self, offices: list[OfficeState], day: date, title: str = "", caveat: str = "") -> None:
        """The offices as of ``day`` (from ``Timeline.office_states``); NOT_IN_FORCE ones are left
        out. ``title`` replaces "Organigrama al …"; ``caveat`` is drawn boxed under it."""
        self._day, self._title, self.caveat = day, title, caveat
        self._root = ChartBox(None, ROOT_TEXT, "", False)
        drawn = [office for office in offices if office.status is not Status.NOT_IN_FORCE]
        self._boxes = {office.id: _box(office) for office in drawn}
        for office in drawn:  # an office whose parent is not drawn hangs from the entity
            parent = self._boxes.get(office.parent or "", self._root)
            parent.children.append(self._boxes[office.id])
        self._layout()
        described = "; ".join(box.text for box in self._boxes.values())
        caveat = f" {self.caveat}" if self.caveat else ""
        self.setAccessibleDescription(f"{self.title}.{caveat} {ROOT_TEXT}: {described}")

    def box_for(self, office_id: str) -> ChartBox | None:
        """The box drawn for the office, or None when it is not drawn."""
        return self._boxes.get(office_id)

    def boxes(self) -> list[ChartBox]:
        """Every box drawn, the entity first."""
        return [self._root, *self._boxes.values()]

    def box_rect(self, box: ChartBox) -> QRect:
        """Where ``box`` is drawn, in this widget's coordinates (the chart is centred)."""
        return box.rect.translated(self._offset())

    def box_at(self, pos: QPoint) -> ChartBox | None:
        point = pos - self._offset()
        return next((box for box in self.boxes() if box.rect.contains(point)), None)

    def sizeHint(self) -> QSize:
        return QSize(self._content)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._content)

    # -- layout ----------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        title, note = QFont(self.font()), QFont(self.font())
        title.setBold(True)
        title.setPointSizeF(self.font().pointSizeF() * 1.2)
        note.setItalic(True)
        return title, note, self.font()

    def _box_width(self) -> int:
        return max(170, QFontMetrics(self.font()).averageCharWidth() * 25)

    def _list_width(self) -> int:
        return round(self._box_width() * LIST_WIDTH)

    def _measure(self, box: ChartBox, width: int) -> int:
        """The height of a box ``width`` wide for its wrapped text."""
        _, note_font, font = self._fonts()
        inner = QRect(0, 0, width - 2 * PAD, 10_000)
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter
        height = QFontMetrics(font).boundingRect(inner, flags, box.name).height()
        if box.note:
            height += QFontMetrics(note_font).boundingRect(inner, flags, box.note).height() + 2
        return height + 2 * PAD

    def _layout(self) -> None:
        self._lines = []
        title_font, _, _ = self._fonts()
        top = MARGIN + QFontMetrics(title_font).height() + 12
        for box in self.boxes():
            box.stacked = bool(box.children) and not any(child.children for child in box.children)
        self._caveat_rect = QRect()
        if self.caveat:
            # As wide as the chart, but a readable line at most: a wide chart scrolls sideways,
            # and the caveat must be read whole in the part first shown.
            readable = QFontMetrics(self._caveat_font()).averageCharWidth() * CAVEAT_CHARS
            width = max(min(self._subtree_width(self._root), readable), CAVEAT_MIN_WIDTH)
            inner = QRect(0, 0, width - 2 * PAD, 10_000)
            metrics = QFontMetrics(self._caveat_font())
            text = metrics.boundingRect(inner, Qt.TextFlag.TextWordWrap, self.caveat)
            self._caveat_rect = QRect(MARGIN, top - 4, width, text.height() + 2 * PAD)
            top = self._caveat_rect.bottom() + 16
        levels: dict[int, int] = {}
        self._level_heights(self._root, 0, levels)
        level_tops = {0: top}
        for depth in range(1, max(levels) + 1):
            level_tops[depth] = level_tops[depth - 1] + levels[depth - 1] + V_GAP
        self._place(self._root, MARGIN, 0, level_tops, levels)
        right = max([box.rect.right() for box in self.boxes()] + [self._caveat_rect.right()])
        bottom = max(box.rect.bottom() for box in self.boxes())
        legend = QFontMetrics(self.font()).height() + 12 if self._has_dashed() else 0
        width = max(right, QFontMetrics(title_font).horizontalAdvance(self.title) + MARGIN)
        self._content = QSize(width + MARGIN, bottom + legend + MARGIN)
        self.setMinimumSize(self._content)
        self.updateGeometry()
        self.update()

    def _caveat_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _has_dashed(self) -> bool:
        return any(box.uncertain for box in self._boxes.values())

    def _level_heights(self, box: ChartBox, depth: int, levels: dict[int, int]) -> None:
        """The tallest box of each row, so that a row of side-by-side boxes shares one height."""
        levels[depth] = max(levels.get(depth, 0), self._measure(box, self._box_width()))
        if not box.stacked:
            for child in box.children:
                self._level_heights(child, depth + 1, levels)

    def _subtree_width(self, box: ChartBox) -> int:
        if box.stacked:
            return max(self._box_width(), INDENT + self._list_width())
        if not box.children:
            return self._box_width()
        spread = sum(self._subtree_width(c) for c in box.children) + H_GAP * (len(box.children) - 1)
        return max(self._box_width(), spread)

    def _place(
        self, box: ChartBox, left: int, depth: int, tops: dict[int, int], levels: dict[int, int]
    ) -> None:
        width = self._box_width()
        if box.stacked or not box.children:
            box.rect = QRect(left, tops[depth], width, levels[depth])
            y = box.rect.bottom() + STACK_GAP
            spine = left + INDENT // 2
            for child in box.children:
                child.rect = QRect(
                    left + INDENT, y, self._list_width(), self._measure(child, self._list_width())
                )
                middle = child.rect.center().y()
                self._lines.append(QLine(spine, middle, child.rect.left(), middle))
                y = child.rect.bottom() + STACK_GAP
            if box.children:
                self._lines.append(QLine(spine, box.rect.bottom(), spine, box.children[-1].rect.center().y()))
            return
        spread = sum(self._subtree_width(c) for c in box.children) + H_GAP * (len(box.children) - 1)
        cursor = left + max(0, (self._subtree_width(box) - spread) // 2)
        for child in box.children:
            self._place(child, cursor, depth + 1, tops, levels)
            cursor += self._subtree_width(child) + H_GAP
        first, last = box.children[0].rect.center().x(), box.children[-1].rect.center().x()
        box.rect = QRect((first + last) // 2 - width // 2, tops[depth], width, levels[depth])
        bus = box.rect.bottom() + V_GAP // 2
        self._lines.append(QLine(box.rect.center().x(), box.rect.bottom(), box.rect.center().x(), bus))
        self._lines.append(QLine(first, bus, last, bus))
        for child in box.children:
            self._lines.append(QLine(child.rect.center().x(), bus, child.rect.center().x(), child.rect.top()))

    def _offset(self) -> QPoint:
        return QPoint(max(0, (self.width() - self._content.width()) // 2), 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._layout()
        super().changeEvent(event)

    # -- painting --------------------------------------------------------------
    def _theme(self) -> Theme:
        return fixed_theme(Scheme.LIGHT) if self.on_paper else current_theme(self.palette())

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        title_font, note_font, font = self._fonts()
        text = palette.color(QPalette.ColorRole.Text)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Base))
        painter.translate(self._offset())
        painter.setFont(title_font)
        painter.setPen(text)
        painter.drawText(QRect(MARGIN, MARGIN, self._content.width(), 40),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self.title)  # fmt: skip
        if self.caveat:  # boxed as the reading pane's banner
            page = self._theme().page
            painter.setPen(QPen(QColor(page.banner_border), 1.5))
            painter.setBrush(QColor(page.banner_background))
            painter.drawRect(self._caveat_rect)
            painter.setFont(self._caveat_font())
            painter.setPen(QColor(page.banner_text))
            painter.drawText(self._caveat_rect.adjusted(PAD, PAD, -PAD, -PAD),
                             Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, self.caveat)  # fmt: skip
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid).darker(130), 1.5))
        painter.drawLines(self._lines)
        for box in self.boxes():
            self._paint_box(painter, box, note_font, font)
        if self._has_dashed():
            bottom = max(box.rect.bottom() for box in self.boxes()) + 12
            painter.setPen(QPen(text, 1.2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            sample = QRect(MARGIN, bottom + 2, 28, QFontMetrics(font).height() - 4)
            painter.drawRect(sample)
            painter.setFont(font)
            painter.setPen(text)
            painter.drawText(
                QPoint(sample.right() + 8, bottom + QFontMetrics(font).ascent()),
                self.tr("Borde discontinuo: vigencia incierta (fecha exacta no registrada)"),
            )
        painter.end()

    def _paint_box(self, painter: QPainter, box: ChartBox, note_font: QFont, font: QFont) -> None:
        palette = self.palette()
        root = box.office_id is None
        top = self._theme().org_root
        fill = QColor(top.background) if root else palette.color(QPalette.ColorRole.AlternateBase)
        color = QColor(top.text) if root else palette.color(QPalette.ColorRole.Text)
        border = QColor(top.background) if root else palette.color(QPalette.ColorRole.Text)
        pen = QPen(border, 1.5 if box.uncertain else 1.2)
        if box.uncertain:
            pen.setStyle(Qt.PenStyle.DashLine)
            fill = palette.color(QPalette.ColorRole.Base)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box.rect.adjusted(0, 0, -1, -1), 5, 5)
        inner = box.rect.adjusted(PAD, PAD, -PAD, -PAD)
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter
        painter.setPen(color)
        if root:
            bold = QFont(font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(inner, flags | Qt.AlignmentFlag.AlignVCenter, box.name)
            return
        # The name and its note, centred as a block in boxes that share their row's height.
        inner.setTop(inner.top() + (box.rect.height() - self._measure(box, box.rect.width())) // 2)
        painter.setFont(font)
        used = painter.boundingRect(inner, flags, box.name)
        painter.drawText(inner, flags | Qt.AlignmentFlag.AlignTop, box.name)
        if box.note:
            painter.setFont(note_font)
            painter.drawText(inner.adjusted(0, used.height() + 2, 0, 0), flags | Qt.AlignmentFlag.AlignTop,
                             box.note)  # fmt: skip

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            box = self.box_at(event.pos())
            if box is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), rich(box.text), self, self.box_rect(box))
            return True
        return super().event(event)


class OrgChartDialog(QDialog):
    """The chart in a scroll area, with «Imprimir…», «Exportar a PDF…» and «Cerrar»."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orgChartDialog")
        self.setWindowTitle(self.tr("Organigrama"))
        self.setAccessibleName(self.tr("Organigrama"))
        self.chart = OrgChartView()
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.chart)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName(self.tr("Área desplazable del organigrama"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Cerrar"))
        self.close_button.setAccessibleName(self.tr("Cerrar"))
        action = QDialogButtonBox.ButtonRole.ActionRole
        self.print_button = buttons.addButton(self.tr("Imprimir…"), action)
        self.pdf_button = buttons.addButton(self.tr("Exportar a PDF…"), action)
        for button in (self.print_button, self.pdf_button):
            button.setAutoDefault(False)  # Intro keeps its meaning (open a change, close): never prints
        self.print_button.clicked.connect(self.print_chart)
        self.pdf_button.clicked.connect(self.export_pdf)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(buttons)
        self._state: tuple[list[OfficeState], date, str, str] | None = None
        self._currency: Currency | None = None

    def set_state(self, offices: list[OfficeState], day: date, title: str = "", caveat: str = "",
                  currency: Currency | None = None) -> None:  # fmt: skip
        """As ``OrgChartView.set_state``; ``currency`` (the content's horizon) enables paper."""
        self._state, self._currency = (offices, day, title, caveat), currency
        self.print_button.setEnabled(currency is not None)
        self.pdf_button.setEnabled(currency is not None)
        self.chart.set_state(offices, day, title, caveat)
        self.setWindowTitle(plain(self.chart.title))
        wanted = self.chart.sizeHint() + QSize(60, 90)
        self.resize(dialog_size(self, wanted.expandedTo(QSize(480, 320))))

    def sheet(self, today: date | None = None) -> Sheet | None:
        """The chart on paper: drawn again on a light palette in the export's font."""
        from sgdesk.export.sheet import Drawing, org_chart_sheet
        from sgdesk.export.sheet_pdf import paper_font, paper_palette

        if self._state is None or self._currency is None:
            return None
        offices, day, title, caveat = self._state
        paper = OrgChartView(self)
        paper.hide()
        paper.setPalette(paper_palette())
        paper.on_paper = True
        paper.setFont(paper_font(9))
        paper.set_state(offices, day, title, caveat)
        size = paper.sizeHint()
        paper.resize(size)

        def paint(painter: QPainter) -> None:
            paper.render(painter, QPoint())

        drawing = Drawing(size.width(), size.height(), paint)
        return org_chart_sheet(paper.title, caveat, day, self._currency, drawing, today)

    def print_chart(self) -> None:
        from sgdesk.ui.sheet_actions import print_sheet

        sheet = self.sheet()
        if sheet is not None:
            print_sheet(self, sheet)

    def export_pdf(self) -> None:
        from sgdesk.ui.sheet_actions import export_sheet

        sheet = self.sheet()
        if sheet is not None and self._state is not None:
            export_sheet(self, sheet, sheet.file_name)
