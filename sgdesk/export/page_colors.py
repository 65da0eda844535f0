"""The colours of a rendered page, and the WCAG contrast arithmetic to check them.

``PAPER`` is the light set that paper and PDF always use; the window's themes
(``sgdesk.ui.theme``) build other sets for the reading pane. No Qt here: hex strings only.
"""

from __future__ import annotations

from typing import NamedTuple

AA_TEXT = 4.5  # WCAG 2 AA: normal text against its background
AA_GRAPHICS = 3.0  # WCAG 2 AA: non-text marks (glyphs, focus rings) against what surrounds them


class PageColors(NamedTuple):
    """Every colour the page's style sheet uses, as ``#rrggbb``."""

    text: str  # body text
    background: str  # what the text is read on
    title: str  # the page title and the «Vigente a» line
    heading: str  # section headings and quotations
    muted: str  # breadcrumbs, citations, the norm's record keys, «no registrado»
    note: str  # vigencia notes and statuses
    lapsed: str  # text not in force on the chosen date (dimmed, still readable)
    later: str  # later changes not incorporated
    link: str
    banner_text: str
    banner_background: str
    banner_border: str

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Each text colour with the background it is read on, by field name."""
        banner = ("background", "banner_background", "banner_border", "banner_text")
        names = [name for name in self._fields if name not in banner]
        pairs = {name: (getattr(self, name), self.background) for name in names}
        pairs["banner_text"] = (self.banner_text, self.banner_background)
        return pairs


PAPER = PageColors(
    text="#000000",
    background="#ffffff",
    title="#7a1120",
    heading="#333333",
    muted="#5c6670",
    note="#8a5a00",
    lapsed="#6b7177",
    later="#8a4b00",
    link="#0b5cad",
    banner_text="#5a3b00",
    banner_background="#fff1cc",  # opaque (PDF/A forbids transparency)
    banner_border="#c98a00",
)

# «Subrayar»'s colours by the name saved with each highlight, and a noted passage's tint
# ("nota"): light tints under black text, on paper and in the window's light theme.
PAPER_MARKS = {
    "amarillo": "#fff0a0",
    "verde": "#c9efc4",
    "azul": "#cfe3ff",
    "rosa": "#ffd3e4",
    "nota": "#e6e0ff",
}


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of ``#rrggbb``."""
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2's contrast ratio, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
