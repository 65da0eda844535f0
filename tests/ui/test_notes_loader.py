"""The Mis notas worker closes its connections when the window closes: its close() ran as a
queued call that quit() could overtake, and the corpus stayed open (on Windows the smoke test's
folder could then not be removed: [WinError 32], found under Wine)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from sgdesk.notes import MyNotes
from sgdesk.ui.notes_loader import NotesLoader


def test_shutdown_closes_the_workers_connections_every_time(
    qtbot: QtBot, tmp_path: Path, corpus_db: Path
) -> None:
    MyNotes.open(tmp_path / "datos").close()  # the user database, as the window makes it
    user_database = next((tmp_path / "datos").glob("*.db"))
    for _ in range(20):  # the race is timing: try it often
        loader = NotesLoader(user_database)
        with qtbot.waitSignal(loader.listed, timeout=30000):
            loader.request(corpus_db)
        worker = loader._worker
        loader.shutdown()
        assert worker._library is None, "the corpus connection stayed open"
        assert worker._notes is None, "the user database stayed open"
        loader.deleteLater()
