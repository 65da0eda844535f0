"""«Incluir mis notas»: the reader's highlights and notes in a PDF or a print. No Qt.

Each page of a plan gets the annotations that show in it: highlighted passages (marked in the
text with a light, opaque background) and notes (numbered «[n]» in the text, their texts as
end notes of the section). Notes that cannot be placed in the current content are listed with
their original passage, never dropped: under the section of the unit they were made on, or,
for a compendium, at its end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import escape
from typing import TYPE_CHECKING

from sgdesk.content.annotations import AnnotationKind
from sgdesk.export.page_colors import PAPER_MARKS
from sgdesk.library import Library, Page
from sgdesk.notes import MyNotes, PlacedAnnotation

if TYPE_CHECKING:
    from sgdesk.export.plan import ExportPlan

# Light and opaque whatever the window's theme (PDF/A forbids transparency; paper is white).
PRINT_HIGHLIGHTS = {name: colour for name, colour in PAPER_MARKS.items() if name != "nota"}
PRINT_NOTE_MARK = PAPER_MARKS["nota"]  # a passage that carries a note and no highlight colour
NOT_OFFICIAL = "Las notas y los subrayados son del usuario; no forman parte del texto oficial."


@dataclass(frozen=True)
class NoteMark:
    """A passage to mark in a unit of the page, and the note's number (0: a bare highlight)."""

    number: int
    node_id: str  # the unit the passage shows in now
    passage: str  # the passage as the content reads now; "" for a note on the whole unit
    colour: str  # a background colour (hex)
    text: str  # the note ("" for a bare highlight)
    prefix: str = ""  # the unit's text just before the passage (which one, if it repeats)


@dataclass(frozen=True)
class UnplacedNote:
    """A note or highlight not found in this content: listed with what it was made on."""

    number: int
    where: str  # the unit's name when annotated
    quote: str  # the original passage ("" for a note on the whole unit)
    text: str
    label: str  # «sin ubicar», «no disponible en esta versión del contenido»


@dataclass(frozen=True)
class PageNotes:
    marks: tuple[NoteMark, ...] = ()
    unplaced: tuple[UnplacedNote, ...] = ()

    @property
    def numbered(self) -> list[NoteMark]:
        return sorted((m for m in self.marks if m.number), key=lambda m: m.number)

    def __bool__(self) -> bool:
        return bool(self.marks or self.unplaced)


def with_my_notes(plan: ExportPlan, notes: MyNotes, library: Library) -> ExportPlan:
    """The plan with the reader's annotations on its pages (the option «Incluir mis notas»)."""
    return replace(plan, notes=notes_for_pages(plan.pages, notes.placed(library), plan.whole))


def notes_for_pages(
    pages: Sequence[Page], placed: Sequence[PlacedAnnotation], everything: bool = False
) -> tuple[PageNotes, ...]:
    """The annotations of each page, numbered through the whole document in reading order.

    An annotation shows on the page whose units hold it now; one not found there goes to the
    page of the unit it was made on (or of a unit above it); with ``everything`` (a compendium)
    the ones that belong to no page are listed at the end of the last page.
    """
    unit_order = [{unit.node.id: i for i, unit in enumerate(page.units)} for page in pages]
    placed_on: list[list[PlacedAnnotation]] = [[] for _ in pages]
    unplaced_on: list[list[PlacedAnnotation]] = [[] for _ in pages]
    for item in placed:
        found = item.location.found
        page = _page_of(item.node_id if found else item.annotation.node_id, pages, unit_order)
        if page is None and not found and everything and pages:
            page = len(pages) - 1
        if page is not None:
            (placed_on if found else unplaced_on)[page].append(item)
    number = 0
    result: list[PageNotes] = []
    for index, order in enumerate(unit_order):
        marks = []
        ordered = sorted(placed_on[index], key=lambda p: (order.get(p.node_id, 0), p.location.start))
        for item in ordered:
            annotation = item.annotation
            numbered = annotation.kind is AnnotationKind.NOTE or bool(annotation.text)
            if numbered:
                number += 1
            colour = PRINT_HIGHLIGHTS.get(annotation.color, PRINT_NOTE_MARK)
            passage = item.current_text if annotation.anchor is not None else ""
            marks.append(NoteMark(number if numbered else 0, item.node_id, passage, colour, annotation.text,
                                  item.prefix))  # fmt: skip
        unplaced = []
        for item in sorted(unplaced_on[index], key=lambda p: p.annotation.created):
            number += 1
            annotation = item.annotation
            quote = annotation.anchor.exact if annotation.anchor else ""
            unplaced.append(UnplacedNote(number, annotation.node_title or annotation.node_id, quote,
                                         annotation.text, item.label))  # fmt: skip
        result.append(PageNotes(tuple(marks), tuple(unplaced)))
    return tuple(result)


def _page_of(node_id: str, pages: Sequence[Page], unit_order: list[dict[str, int]]) -> int | None:
    """The page whose units include ``node_id``, else the page of the nearest unit above it."""
    for index, order in enumerate(unit_order):
        if node_id in order:
            return index
    best: tuple[int, int] | None = None  # (length of the matching id, page)
    for index, page in enumerate(pages):
        for unit_id in unit_order[index]:
            if node_id.startswith(unit_id + "/") and (best is None or len(unit_id) > best[0]):
                best = (len(unit_id), index)
        if node_id.startswith(page.node.id + "/") and (best is None or len(page.node.id) > best[0]):
            best = (len(page.node.id), index)
    return best[1] if best else None


def marker(number: int) -> str:
    """The note's call in the text: «[3]»."""
    return f"[{number}]"


def end_notes_html(notes: PageNotes) -> str:
    """The section's notes after its text: each number, passage and text, all escaped."""
    numbered = notes.numbered
    if not numbered and not notes.unplaced:
        return ""
    parts = ["<h2>Mis notas</h2>"]
    for mark in numbered:
        quote = f"«{escape(_short(mark.passage))}» " if mark.passage else "(sobre toda la unidad) "
        parts.append(f'<p class="mynote"><b>{marker(mark.number)}</b> {quote}— {_note_html(mark.text)}</p>')
    if notes.unplaced:
        parts.append('<p class="mynote"><b>Notas sin ubicar en esta versión del contenido</b> '
                     "(se muestran con el pasaje sobre el que se hicieron):</p>")  # fmt: skip
        for note in notes.unplaced:
            quote = f"«{escape(_short(note.quote))}»" if note.quote else "(sobre toda la unidad)"
            text = f" — {_note_html(note.text)}" if note.text else " — (subrayado)"
            parts.append(f'<p class="mynote"><b>{marker(note.number)}</b> {escape(note.where)}: {quote} '
                         f"({escape(note.label)}){text}</p>")  # fmt: skip
    return "".join(parts)


def notes_summary(all_notes: Sequence[PageNotes]) -> str | None:
    """The closing block's line about the included notes, or None when none were included."""
    marks = sum(len(n.marks) for n in all_notes)
    notes = sum(len(n.numbered) for n in all_notes)
    unplaced = sum(len(n.unplaced) for n in all_notes)
    if not (marks or unplaced):
        return None
    text = (f"Incluye mis notas: {notes} nota(s) y {marks - notes} subrayado(s) sin nota en el texto"
            + (f", y {unplaced} sin ubicar en esta versión del contenido" if unplaced else ""))  # fmt: skip
    return f"{text}. {NOT_OFFICIAL}"


def _note_html(text: str) -> str:
    return "<br>".join(escape(line) for line in text.strip().splitlines()) or "(subrayado)"


def _short(text: str, size: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"
