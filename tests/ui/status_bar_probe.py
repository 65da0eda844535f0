"""Run in a child process on a simulated screen: what the status bar lets a user read, printed
as JSON (tests/ui/test_status_bar.py).

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json QT_SCALE_FACTOR=1.25 \
        python -m tests.ui.status_bar_probe CORPUS.db DATA_DIR MESSAGE...

The window opens at a page after the corpus's horizon (the statement of currency at its longest);
then each MESSAGE is shown as the controllers show theirs (the window's StatusReporter), the last
one also with the window a quarter narrower. For the bar at rest and after each message: how many
characters of the message fit in the room QStatusBar gives it (the part left of the first
permanent label), the text the bar draws there, the bar's tooltip and accessible name, what the
statement's label draws, and its text, tooltip and accessible name.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QStatusBar

from sgdesk.app import configure_application, create_main_window
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.status_bar import MESSAGE_LEFT, FittingLabel


def settle(app: QApplication, turns: int = 30) -> None:
    for _ in range(turns):
        app.processEvents()


def readable(bar: QStatusBar, label: FittingLabel) -> int:
    """How many characters of the bar's message are drawn whole (QStatusBar clips the rest)."""
    room = label.x() - 1 - MESSAGE_LEFT
    metrics, message = bar.fontMetrics(), bar.currentMessage()
    count = 0
    while count < len(message) and metrics.horizontalAdvance(message[: count + 1]) <= room:
        count += 1
    return count


def drawn(bar: QStatusBar) -> str:
    """The text the bar draws for its message (plain QStatusBar: all of it, clipped)."""
    shown = getattr(bar, "shown_message", None)
    return str(shown()) if shown is not None else bar.currentMessage()


def state(window: MainWindow) -> dict[str, object]:
    label = window.content_label
    assert isinstance(label, FittingLabel)
    bar = window.statusBar()
    accessible = QAccessible.queryAccessibleInterface(bar)
    return {
        "message": bar.currentMessage(),
        "readable": readable(bar, label),
        "drawn": drawn(bar),
        "drawn_width": bar.fontMetrics().horizontalAdvance(drawn(bar)),
        "room": label.x() - 2 - MESSAGE_LEFT,
        "bar_tooltip": bar.toolTip(),
        "bar_accessible_name": accessible.text(QAccessible.Text.Name) if accessible else None,
        "shown": label.shown_text(),
        "text": label.text(),
        "tooltip": label.toolTip(),
        "accessible_name": label.accessibleName(),
        "label_width": label.width(),
        "bar_width": bar.width(),
    }


def main() -> None:
    corpus, data_dir, messages = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
    app = QApplication(sys.argv[:1])
    configure_application(app)
    window = create_main_window(corpus, data_dir)
    window.show()
    settle(app)
    window.open_node("decreto-267-2007/art-7")
    settle(app)
    result = {"window": window.width(), "rest": state(window), "messages": []}
    for message in messages:
        window.status.show_status(message)
        settle(app)
        result["messages"].append(state(window))  # type: ignore[attr-defined]
    window.resize(window.width() * 3 // 4, window.height())  # narrower: the last message again
    settle(app)
    result["narrower"] = state(window)
    window.resize(window.width() * 4 // 3, window.height())
    settle(app)
    window.status.clear_status()
    settle(app)
    result["after"] = state(window)
    print(json.dumps(result, ensure_ascii=False))
    window.close()


if __name__ == "__main__":
    main()
