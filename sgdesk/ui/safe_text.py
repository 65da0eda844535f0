"""Text from a database or a file is data: what Qt shows must never be read as rich text.

Qt guesses the format of labels, message boxes and tooltips (``Qt.mightBeRichText``): a
content version such as ``<a href="file:///…">Actualizar</a>`` would become a working link.
Every non-constant text reaches a widget through one of these helpers (a test scans the
source for that):

- ``rich(text)``: escaped and wrapped, for places that take rich text (tooltips, rich labels);
  the text shows exactly as written, line breaks kept.
- ``plain(text)``: for places that draw plain text (status-bar messages, window titles, labels
  made plain with ``set_plain_text``): control characters dropped, length bounded.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from sgdesk.content.text import escape_html as escape

LIMIT = 300  # characters: a 100 000-character id stays readable in a message
SHORT_MESSAGE = 400  # characters of a message box's text; a longer one continues in its details


def shorten(text: str, limit: int = LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(text: str, limit: int = LIMIT, lines: bool = False) -> str:
    """``text`` for a plain-text sink: printable, at most ``limit`` characters; one line unless
    ``lines``."""
    kept = "".join(c if c.isprintable() or (lines and c == "\n") else " " for c in str(text))
    return shorten(kept if lines else " ".join(kept.split()), limit)


def rich(text: str, limit: int = 4 * LIMIT) -> str:
    """``text`` as rich text that shows exactly as written (``<qt>`` makes Qt read it as rich
    text, so the escapes are decoded and nothing is interpreted)."""
    lines = plain(text, limit, lines=True).split("\n")
    return "<qt>" + "<br>".join(escape(line, quote=False) for line in lines) + "</qt>"


def rich_lines(lines: Iterable[str], bold_first: bool = False) -> str:
    """Several lines of data as one rich text (the first in bold when asked)."""
    parts = [escape(plain(line, 4 * LIMIT), quote=False) for line in lines if line]
    if bold_first and parts:
        parts[0] = f"<b>{parts[0]}</b>"
    return "<qt>" + "<br>".join(parts) + "</qt>"


def set_plain_text(label: QLabel, text: str, limit: int = LIMIT) -> None:
    """Show ``text`` in ``label`` as plain text, whatever it contains."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(plain(text, limit, lines=True))


def show_status(window: QMainWindow, text: str, timeout: int = 8000) -> None:
    """A status-bar message (QStatusBar draws it as plain text), one line, bounded."""
    window.statusBar().showMessage(plain(text), timeout)


def plain_message_box(box: QMessageBox, text: str) -> None:
    """A message box whose text is data (an error naming a file, an id, a stored value). A long
    one shows its beginning and the whole in «Mostrar detalles…» (which scrolls): a message box
    cannot scroll, and 1 200 characters outgrow a 1366×768 screen at 125 % with large text."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    whole = plain(text, 4 * LIMIT, lines=True)
    box.setText(plain(text, SHORT_MESSAGE, lines=True))
    if len(whole) > SHORT_MESSAGE:
        box.setDetailedText(whole)
