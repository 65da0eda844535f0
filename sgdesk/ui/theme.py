"""Every colour of the window, from one place: the reading pane's style sheet, its marks
(search, find, notes), the index, the search results, the timeline, the organigrama.

The colours follow the palette actually in use: the system's (light, dark, Windows high
contrast) or the one «Ver › Tema» put in its place (``sgdesk.ui.appearance``). Widgets ask
``current_theme()`` when they paint, so a palette change repaints them in the new colours.
Paper and PDF keep ``PAPER``'s light colours whatever the window shows.
"""

from __future__ import annotations

import functools
from enum import Enum
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from sgdesk.content.model import EventKind
from sgdesk.export.page_colors import PAPER, PAPER_MARKS, PageColors

CHOICE_PROPERTY = "sgdesk_theme"  # the application's property holding the chosen ThemeChoice value
NOTE_MARK = "nota"  # the tint of a note's passage (highlights are named by colour)
HIGHLIGHT_NAMES = ("amarillo", "verde", "azul", "rosa")  # «Subrayar», as stored with each highlight


class Scheme(Enum):
    LIGHT = "claro"
    DARK = "oscuro"
    HIGH_CONTRAST = "alto-contraste"


class ThemeChoice(Enum):
    """«Ver › Tema»: follow the system, or one scheme whatever the system says."""

    SYSTEM = "sistema"
    LIGHT = "claro"
    DARK = "oscuro"
    HIGH_CONTRAST = "alto-contraste"

    @property
    def label(self) -> str:
        return self.menu_text.replace("&", "")

    @property
    def menu_text(self) -> str:
        """The label with its access key (Alt+V, T, then this letter)."""
        return {"sistema": "&Sistema", "claro": "&Claro", "oscuro": "&Oscuro",
                "alto-contraste": "&Alto contraste"}[self.value]  # fmt: skip

    @property
    def scheme(self) -> Scheme | None:
        return None if self is ThemeChoice.SYSTEM else Scheme(self.value)


class Mark(NamedTuple):  # (not a dataclass: made ≈ 10 times quicker, at each start: #11)
    """A tint behind text and the text's colour on it (``#rrggbb`` each)."""

    background: str
    text: str


class Theme(NamedTuple):
    """The colours of one scheme: the page's, the marks' and the other panels'."""

    scheme: Scheme
    page: PageColors  # the reading pane's style sheet
    search: Mark  # words a search matched
    unit: Mark  # a unit marked whole (a timeline event's, a cited one)
    match: Mark  # find in page
    current_match: Mark
    highlights: dict[str, Mark]  # «Subrayar» by colour name, and NOTE_MARK
    possibly_modified: str  # the index and «Comparar fechas»
    not_in_force: str  # the index: dimmed, still readable
    muted: str  # a search result's path
    cited: str  # a search result's «cita»
    error: str  # a problem told in a dialog line
    warning: Mark  # import preview: paragraphs that need a person
    kinds: dict[EventKind, str]  # timeline glyphs (graphics: ≥ 3:1 on the background)
    later: str  # later changes not incorporated: hollow glyphs' outline
    marker: Mark  # the timeline's «Vigente a» line and label
    org_root: Mark  # the organigrama's top box
    note_marker: str  # «Mis notas»: the ✎ in the margin and the index's dot (text-like: ≥ 4.5:1)
    grid: str  # the timeline's year lines: faint, under the labels they cross

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every text colour and what it is read on: the contrast test's list."""
        page = self.page
        pairs = {f"page.{name}": pair for name, pair in page.text_pairs().items()}
        marks = {"search": self.search, "unit": self.unit, "match": self.match,
                 "current_match": self.current_match, "warning": self.warning,
                 "marker": self.marker, "org_root": self.org_root}  # fmt: skip
        marks |= {f"highlight.{name}": mark for name, mark in self.highlights.items()}
        pairs |= {name: (mark.text, mark.background) for name, mark in marks.items()}
        for name in ("possibly_modified", "not_in_force", "muted", "cited", "error", "note_marker"):
            pairs[name] = (getattr(self, name), page.background)
        return pairs

    def graphic_pairs(self) -> dict[str, tuple[str, str]]:
        """Marks that are not text (glyphs, lines) and their background."""
        pairs = {f"kind.{kind.name}": (colour, self.page.background) for kind, colour in self.kinds.items()}
        pairs["later"] = (self.later, self.page.background)
        pairs["marker.line"] = (self.marker.background, self.page.background)
        return pairs


def _marks(text: str, **backgrounds: str) -> dict[str, Mark]:
    """«Subrayar»'s colours (and NOTE_MARK's), each under ``text``."""
    return {name: Mark(background, text) for name, background in backgrounds.items()}


_LIGHT = Theme(
    scheme=Scheme.LIGHT,
    page=PAPER,
    search=Mark("#cfe3ff", PAPER.text),
    unit=Mark("#fdeec2", PAPER.text),
    match=Mark("#ffe680", PAPER.text),
    current_match=Mark("#ff9f1a", PAPER.text),
    highlights=_marks(text=PAPER.text, **PAPER_MARKS),  # as paper prints them
    possibly_modified="#8a4b00",
    not_in_force="#6b7177",
    muted="#5c6670",
    cited="#7a1120",
    error="#a00000",
    warning=Mark("#fff1b8", PAPER.text),
    kinds={
        EventKind.ISSUANCE: "#4f5d6e",
        EventKind.INSERTION: "#1d7a36",
        EventKind.MODIFICATION: "#b35900",
        EventKind.REPLACEMENT: "#7b3fa0",
        EventKind.RENAMING: "#0b5fa5",
        EventKind.CREATION: "#00796b",
        EventKind.REPEAL: "#c62828",
    },
    later="#8a4b00",
    marker=Mark("#c2185b", "#ffffff"),
    org_root=Mark("#1f3b5c", "#ffffff"),
    note_marker="#5b4bb7",
    grid="#c4c9ce",
)

_DARK_TEXT = "#e8e8e8"
_DARK = Theme(
    scheme=Scheme.DARK,
    page=PageColors(
        text=_DARK_TEXT,
        background="#1e1e1e",
        title="#ffa8a8",
        heading="#d8d8d8",
        muted="#aeb7c0",
        note="#e6b85c",
        lapsed="#a6acb2",
        later="#f2a65a",
        link="#8cc4ff",
        banner_text="#ffe2a8",
        banner_background="#3b2f12",
        banner_border="#c98a00",
    ),
    search=Mark("#1f4a7a", _DARK_TEXT),
    unit=Mark("#43380f", _DARK_TEXT),
    match=Mark("#665400", _DARK_TEXT),
    current_match=Mark("#ffb347", "#000000"),
    highlights=_marks(
        amarillo="#5a5000", verde="#1f4d2a", azul="#1f3f66", rosa="#5e2440", nota="#3e3566", text=_DARK_TEXT
    ),
    possibly_modified="#f2a65a",
    not_in_force="#a6acb2",
    muted="#aeb7c0",
    cited="#ffa8a8",
    error="#ff8c8c",
    warning=Mark("#4d3f00", _DARK_TEXT),
    kinds={
        EventKind.ISSUANCE: "#a9b6c6",
        EventKind.INSERTION: "#5cc77a",
        EventKind.MODIFICATION: "#f59a3c",
        EventKind.REPLACEMENT: "#c48be6",
        EventKind.RENAMING: "#6ab0f5",
        EventKind.CREATION: "#4dc2b3",
        EventKind.REPEAL: "#ff7070",
    },
    later="#f2a65a",
    marker=Mark("#ff7eb0", "#000000"),
    org_root=Mark("#9cc3ea", "#000000"),
    note_marker="#b9aefc",
    grid="#4a4a4a",
)

# «Subrayar» in high contrast: bright tints under black text, whatever the system's colours.
_HIGH_CONTRAST_HIGHLIGHTS = {"amarillo": "#ffff00", "verde": "#7fff7f", "azul": "#7fdfff",
                             "rosa": "#ff9fdf", NOTE_MARK: "#d0c0ff"}  # fmt: skip


def fixed_theme(scheme: Scheme) -> Theme:
    """The light or dark set as designed, on its own background (high contrast has no fixed
    set: it is the palette's, see ``high_contrast_palette``)."""
    return _DARK if scheme is Scheme.DARK else _LIGHT


def chosen(app: QGuiApplication | None = None) -> ThemeChoice:
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    value = app.property(CHOICE_PROPERTY) if app is not None else None
    try:
        return ThemeChoice(value)
    except ValueError:
        return ThemeChoice.SYSTEM


def system_wants_high_contrast() -> bool:
    """Windows high contrast, as Qt 6.10+ reports it (earlier Qt: never)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    preference = getattr(Qt, "ContrastPreference", None)
    if accessibility is None or preference is None:
        return False
    return bool(accessibility().contrastPreference() == preference.HighContrast)


def active_scheme(palette: QPalette | None = None) -> Scheme:
    """High contrast when chosen (or, following the system, when Windows asks for it); else dark
    or light as ``palette`` is: a chosen scheme already put its palette on the windows, and a
    view drawn for paper on a light palette keeps light colours under «Oscuro»."""
    scheme = chosen().scheme
    if scheme is Scheme.HIGH_CONTRAST or (scheme is None and system_wants_high_contrast()):
        return Scheme.HIGH_CONTRAST
    base = (palette or QGuiApplication.palette()).color(QPalette.ColorRole.Base)
    return Scheme.DARK if base.lightness() < 128 else Scheme.LIGHT


def current_theme(palette: QPalette | None = None) -> Theme:
    """The colours to paint with now, for ``palette`` (the application's by default)."""
    palette = palette or QGuiApplication.palette()
    scheme = active_scheme(palette)
    roles = (*(palette.color(role).name() for role in _ROLES), palette.color(*_DISABLED_TEXT).name())
    return _theme(scheme, roles)


_ROLES = (QPalette.ColorRole.Text, QPalette.ColorRole.Base, QPalette.ColorRole.Link,
          QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText)  # fmt: skip
_DISABLED_TEXT = (QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


@functools.lru_cache(maxsize=16)
def _theme(scheme: Scheme, roles: tuple[str, ...]) -> Theme:
    text, base, link, highlight, highlighted_text, disabled_text = roles
    if scheme is Scheme.HIGH_CONTRAST:
        return _from_high_contrast(text, base, link, highlight, highlighted_text, disabled_text)
    fixed = fixed_theme(scheme)
    # The system's text and background; the accents are the set's (designed for both).
    return fixed._replace(page=fixed.page._replace(text=text, background=base))


def _from_high_contrast(text: str, base: str, link: str, highlight: str, highlighted_text: str,
                        disabled_text: str) -> Theme:  # fmt: skip
    """Everything in the palette's few colours: text, background, links, selection."""
    from sgdesk.export.page_colors import AA_TEXT, contrast_ratio

    page = PageColors(text=text, background=base, title=text, heading=text, muted=text, note=text,
                      lapsed=text, later=text, link=link, banner_text=text, banner_background=base,
                      banner_border=text)  # fmt: skip
    selected = Mark(highlight, highlighted_text)
    dimmed = disabled_text if contrast_ratio(disabled_text, base) >= AA_TEXT else text
    return Theme(
        scheme=Scheme.HIGH_CONTRAST,
        page=page,
        search=selected,
        unit=Mark(text, base),  # reversed
        match=selected,
        current_match=Mark(link, base),
        highlights={name: Mark(colour, "#000000") for name, colour in _HIGH_CONTRAST_HIGHLIGHTS.items()},
        possibly_modified=text,
        not_in_force=dimmed,
        muted=text,
        cited=text,
        error=text,
        warning=selected,
        kinds=dict.fromkeys(EventKind, text),  # the glyphs' shapes tell kinds apart
        later=text,
        marker=selected,
        org_root=selected,
        note_marker=link,
        grid=_blend(text, base, 0.3),  # lines as bright as the text would cross every label
    )


def _blend(first: str, second: str, share: float) -> str:
    """``share`` of ``first`` mixed into ``second``."""
    a, b = QColor(first), QColor(second)
    pairs = ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
    red, green, blue = (round(x * share + y * (1 - share)) for x, y in pairs)
    return QColor(red, green, blue).name()


# -- the palettes «Ver › Tema» puts in place of the system's ----------------------------------

_DARK_PALETTE = {
    "Window": "#2b2b2b", "WindowText": _DARK_TEXT, "Base": "#1e1e1e", "AlternateBase": "#262626",
    "Text": _DARK_TEXT, "Button": "#353535", "ButtonText": _DARK_TEXT, "BrightText": "#ffffff",
    "Highlight": "#6aa5ff", "HighlightedText": "#000000", "Link": "#8cc4ff", "LinkVisited": "#c9a6ff",
    "ToolTipBase": "#3a3a3a", "ToolTipText": "#f0f0f0", "PlaceholderText": "#a0a0a0",
    "Light": "#4a4a4a", "Midlight": "#3c3c3c", "Mid": "#5a5a5a", "Dark": "#151515", "Shadow": "#000000",
}  # fmt: skip
_DARK_DISABLED = {"WindowText": "#8a8a8a", "Text": "#8a8a8a", "ButtonText": "#8a8a8a"}
_LIGHT_SELECTION = "#1f6fb2"
# As Windows' «Noche» (black) high-contrast theme: white on black, yellow links, cyan selection.
_HIGH_CONTRAST_PALETTE = {
    "Window": "#000000", "WindowText": "#ffffff", "Base": "#000000", "AlternateBase": "#000000",
    "Text": "#ffffff", "Button": "#000000", "ButtonText": "#ffffff", "BrightText": "#ffffff",
    "Highlight": "#1aebff", "HighlightedText": "#000000", "Link": "#ffff00", "LinkVisited": "#ffff00",
    "ToolTipBase": "#000000", "ToolTipText": "#ffffff", "PlaceholderText": "#3ff23f",
    "Light": "#ffffff", "Midlight": "#ffffff", "Mid": "#ffffff", "Dark": "#ffffff", "Shadow": "#ffffff",
}  # fmt: skip
_HIGH_CONTRAST_DISABLED = {"WindowText": "#3ff23f", "Text": "#3ff23f", "ButtonText": "#3ff23f"}


def scheme_palette(scheme: Scheme, light: QPalette) -> QPalette:
    """The palette of a chosen scheme; ``light`` is the style's own (Fusion's) light one."""
    if scheme is Scheme.LIGHT:
        palette = QPalette(light)
        palette.setColor(QPalette.ColorRole.Link, QColor(PAPER.link))
        palette.setColor(QPalette.ColorRole.Highlight, QColor(_LIGHT_SELECTION))  # white text on it
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        return palette
    colours, disabled = ((_DARK_PALETTE, _DARK_DISABLED) if scheme is Scheme.DARK
                         else (_HIGH_CONTRAST_PALETTE, _HIGH_CONTRAST_DISABLED))  # fmt: skip
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(QPalette.ColorRole[role], QColor(colour))
    for role, colour in disabled.items():
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole[role], QColor(colour))
    return palette
