"""The Qt binding the app runs on must not leak references to None.

PySide6-Essentials 6.12.0 (CPython 3.11) drops one reference to None on every call of a
void method; after a few thousand calls Python aborts ("none_dealloc"). pyproject.toml
excludes it; this test fails if such a build is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_references_to_none(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    rect = QRect(0, 0, 10, 10)
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for step in range(3000):
        rect.moveTop(step)
        widget.update()
        painter.drawText(1, 10, "x")
    after = sys.getrefcount(None)
    painter.end()
    assert before - after < 100, f"{before - after} references to None lost in 9 000 calls"
