"""What the reading pane is told to paint (``Passage``) and where F8 took the reader
(``MarkStep``): loaded with the first page that has notes or highlights, not with the window's
first frame (a frozen dataclass compiles its methods when its module loads: #11 start-up).
``sgdesk.ui.reading_pane`` still gives both names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sgdesk.ui.note_margin import PaneMark


@dataclass(frozen=True)
class Passage:
    """A passage of a unit to paint: its text as the unit reads now ("" for a note on the
    whole unit), its tint (a mark of the theme: a «Subrayar» colour's name or NOTE_MARK), and
    the note it carries (if any)."""

    node_id: str
    text: str
    colour: str
    annotation_id: str = ""
    note: str = ""
    prefix: str = ""  # the unit's text just before the passage: which one, if the text repeats


@dataclass(frozen=True)
class MarkStep:
    """Where F8 / Shift+F8 went: the ``number``-th of the page's ``total`` marks (1-based, in
    reading order); ``wrapped``: past the page's end (or start), back to the other end."""

    mark: PaneMark
    number: int
    total: int
    wrapped: bool
