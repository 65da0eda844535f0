"""Every colour «Mis notas» draws, in one place (until the shared palette module exists).

Highlights keep the colour their name was saved with; the note tint marks a noted passage;
the margin marker and the tree mark are for notes. All are light tints read behind black
text, or a mid blue drawn on the window's background.
"""

from PySide6.QtGui import QColor

# «Subrayar» colours (names stored with each highlight) and the tint of a note's passage.
HIGHLIGHT_COLOURS = {"amarillo": "#fff0a0", "verde": "#c9efc4", "azul": "#cfe3ff", "rosa": "#ffd3e4"}
NOTE_COLOUR = "#e6e0ff"
MARGIN_MARK = QColor("#5b4bb7")  # the ✎ beside a noted passage (contrast ≥ 4.5 on white)
TREE_MARK = QColor("#5b4bb7")  # the dot of a tree row whose parts carry notes


def passage_colour(name: str) -> QColor:
    """The tint of a highlight saved as ``name`` (a note's tint for anything else)."""
    return QColor(HIGHLIGHT_COLOURS.get(name, NOTE_COLOUR))
