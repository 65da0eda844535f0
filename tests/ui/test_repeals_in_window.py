"""Repeals in the window, on the synthetic corpus (tests/synthetic.py): the tree greys what a
repeal ended and says «vigencia incierta» while its date is not known to the day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.theme import current_theme
from tests.synthetic import build


def _set_date(window: MainWindow, day: date) -> None:
    field = window.point_in_time.bar.date_edit
    field.setDate(day)
    field.editingFinished.emit()


def _row(window: MainWindow, node_id: str) -> tuple[str, bool]:
    index = window.tree_model.index_for_id(node_id)
    assert index.isValid(), node_id
    colour = index.data(Qt.ItemDataRole.ForegroundRole)  # a colour or a brush: the delegate takes both
    shown = QBrush(colour).color().name() if isinstance(colour, QBrush | QColor) else None
    grey = shown == current_theme().not_in_force
    return str(index.data()), grey


def test_the_tree_follows_the_repeals(make_window: Callable[..., MainWindow], tmp_path: Path) -> None:
    window = make_window(build(tmp_path))
    assert window.open_node("decreto-1-2000/art-2")

    _set_date(window, date(2003, 6, 30))
    assert _row(window, "decreto-1-2000/art-2") == ("Artículo 2", False)
    _set_date(window, date(2003, 7, 15))
    assert _row(window, "decreto-1-2000/art-2") == ("Artículo 2 — vigencia incierta", False)
    _set_date(window, date(2004, 1, 1))
    assert _row(window, "decreto-1-2000/art-2")[1]  # greyed
    assert _row(window, "decreto-1-2000/art-1") == ("Artículo 1", False)
    _set_date(window, date(2005, 6, 30))
    assert _row(window, "decreto-1-2000") == ("Decreto 001 de 2000 — vigencia incierta", False)
    _set_date(window, date(2006, 1, 1))
    assert _row(window, "decreto-1-2000")[1]
    assert _row(window, "decreto-1-2000/art-1")[1]
    assert "No vigente el 1 de enero de 2006" in window.reading_pane.toPlainText()
