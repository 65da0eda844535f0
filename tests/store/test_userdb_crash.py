"""Crash safety with real processes: a child saving notes is killed with SIGKILL, again and again.

Afterwards the database passes ``PRAGMA integrity_check``, every save that returned before the
kill is there, and every multi-note save (a merge) is there whole or not at all.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from sgdesk.store.userdb import USER_DB_NAME

KILLS = 60
BATCH = 3

# The child: saves one note, then a batch of BATCH notes in one merge, and so on; after each
# call returns it prints what it saved, so the parent knows what must survive.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from sgdesk.content.annotations import Annotation, AnnotationKind, TextAnchor
    from sgdesk.store.userdb import open_user_database
    from sgdesk.store.usernotes import UserNotesStore

    run = sys.argv[2]
    database = open_user_database(Path(sys.argv[1]))
    assert not database.read_only, database.problem
    store = UserNotesStore(database)
    anchor = TextAnchor("gestión documental", "dirigir la ", " del Distrito", 11, 29)

    def note(note_id):
        return Annotation(note_id, "decreto-267-2007/art-7/lit-n", AnnotationKind.NOTE,
                          "nota " * 40 + note_id, anchor, "v1", "2026-01-01T00:00:00Z",
                          "2026-01-01T00:00:00Z", "Literal n")

    print("listo", flush=True)
    number = 0
    while True:
        number += 1
        store.save_annotation(note(f"{run}-{number}"))
        print(f"nota {run}-{number}", flush=True)
        batch = [note(f"{run}-{number}-{part}") for part in range({batch})]
        store.merge([], batch)
        print(f"lote {run}-{number}", flush=True)
    """
).replace("{batch}", str(BATCH))


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_while_saving_never_loses_a_returned_save(tmp_path: Path) -> None:
    chooser = random.Random(20261201)
    returned: list[str] = []
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    for run in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path), str(run)],
                                 stdout=subprocess.PIPE, text=True, env=env)  # fmt: skip
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "listo"
        for _ in range(chooser.randint(0, 6)):  # let it save a few, then kill at a random moment
            returned.append(child.stdout.readline())
        time.sleep(chooser.uniform(0, 0.02))
        child.send_signal(signal.SIGKILL)
        remaining, _ = child.communicate(timeout=30)  # what it printed before dying
        assert child.returncode == -signal.SIGKILL
        returned += remaining.splitlines()
    returned = [line.strip() for line in returned if line.strip()]

    connection = sqlite3.connect(tmp_path / USER_DB_NAME)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {row[0] for row in connection.execute("SELECT id FROM annotations")}
    finally:
        connection.close()
    singles = [line.split()[1] for line in returned if line.startswith("nota ")]
    batches = [line.split()[1] for line in returned if line.startswith("lote ")]
    assert len(singles) >= KILLS // 2, "the children were killed before saving anything"
    assert set(singles) <= stored
    assert {f"{b}-{part}" for b in batches for part in range(BATCH)} <= stored
    batch_parts: dict[str, int] = {}
    for note_id in stored:
        run, number, *part = note_id.split("-")
        if part:
            batch_parts[f"{run}-{number}"] = batch_parts.get(f"{run}-{number}", 0) + 1
    assert set(batch_parts.values()) <= {BATCH}, "a merge was saved in part"
