"""The window on a corpus whose parent links loop: it starts, Ctrl+O refuses, nothing hangs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from sgdesk.store import db
from sgdesk.ui.mainwindow import MainWindow
from tests.altered import altered_copy
from tests.store.test_hostile_database import CYCLE
from tests.ui.helpers import error_dialog


def test_a_cycle_is_refused_at_start_and_by_ctrl_o(
    make_window: Callable[..., MainWindow], tmp_path: Path, corpus_db: Path
) -> None:
    cycle = altered_copy(corpus_db, tmp_path / "ciclo.db", CYCLE)
    window = make_window(database=cycle)
    assert window.library is None
    assert "el árbol de secciones tiene un ciclo" in window.reading_pane.toPlainText()

    other = make_window()
    assert not other.open_database(cycle)
    assert "tiene un ciclo" in error_dialog(other).text()
    assert other.library is not None


def test_a_cycle_in_a_large_corpus_damages_only_its_nodes(
    make_window: Callable[..., MainWindow], tmp_path: Path, corpus_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "FULL_CHECK_LIMIT", 0)  # as above the limit: checked as nodes are read
    window = make_window(database=altered_copy(corpus_db, tmp_path / "ciclo.db", CYCLE))
    assert window.library is not None
    assert not window.open_node("decreto-267-2007/art-7")
    assert "ciclo" in window.statusBar().currentMessage()
    assert window.open_node("mision")
    QApplication.processEvents()
    assert window.reading_pane.toPlainText().startswith("Misión")
