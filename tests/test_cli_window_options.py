"""The window's own options are read without argparse (the first frame does not need the
command parser nor its modules: #11 start-up); anything else goes to argparse as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sgdesk.cli import WindowOptions, window_options


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ([], WindowOptions()),
        (["--data-dir", "datos"], WindowOptions(data_dir=Path("datos"))),
        (["--data-dir=datos", "--exit-after-paint"], WindowOptions(None, Path("datos"), True)),
        (["--database", "c.db", "--data-dir", "d"], WindowOptions(Path("c.db"), Path("d"))),
    ],
)
def test_window_options_are_read(arguments: list[str], expected: WindowOptions) -> None:
    assert window_options(arguments) == expected


@pytest.mark.parametrize(
    "arguments",
    [
        ["tree"],
        ["--data-dir"],  # no value: argparse says so in Spanish
        ["--data-dir", "--exit-after-paint"],
        ["--version"],
        ["--smoke-test"],
        ["--exit-after-paint=sí"],
        ["--data-dir", "d", "search", "x"],
        ["--data-dir", "d\udcff"],  # not UTF-8: argparse's path refuses it
    ],
)
def test_anything_else_goes_to_argparse(arguments: list[str]) -> None:
    assert window_options(arguments) is None


def test_the_window_opens_without_the_command_parser(corpus_db: Path, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "sgdesk",
            "--database",
            str(corpus_db),
            "--data-dir",
            str(tmp_path),
            "--exit-after-paint",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "sgdesk: first-paint" in run.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if "|" in line}
    assert "sgdesk.ui.mainwindow" in imported
    # (argparse itself is imported by PySide6's signature loader, in the bare window too)
    assert not imported & {"sgdesk.cli.spanish", "sgdesk.cli.corpus", "sgdesk.cli.notes", "sgdesk.cli.pack"}
    # Libraries of features used later load then, not before the first frame (under Wine each
    # compiled module the frozen app loads at start shows in its first paint).
    later = {"rapidfuzz", "cryptography", "pypdf", "pypdfium2", "docx", "charset_normalizer"}
    assert not {name.split(".")[0] for name in imported} & later
    # Nor the modules of what the window builds after its first frame (window_rest.py, app.py).
    # (--exit-after-paint quits the turn after that frame: the rest is never built here.)
    after_the_first_frame = {
        "sgdesk.ui.window_rest", "sgdesk.ui.find_bar", "sgdesk.ui.page_commands", "sgdesk.ui.links_dialog",
        "sgdesk.ui.export_actions", "sgdesk.export.plan", "sgdesk.ui.my_notes", "sgdesk.ui.notes_panel",
        "sgdesk.ui.notes_loader", "sgdesk.notes", "sgdesk.store.userdb", "sgdesk.store.usernotes",
        "sgdesk.ui.search_controller", "sgdesk.ui.search_service", "sgdesk.ui.new_tab_clicks",
        "sgdesk.ui.content_updates", "sgdesk.packs.updates", "sgdesk.ui.dialogs", "sgdesk.ui.timeline_panel",
        "sgdesk.packs.installed", "sgdesk.store.packing",  # nothing installed: the shipped corpus
        "sgdesk.ui.pane_passages",  # (a page with notes or highlights: the notes load after the frame)
    }  # fmt: skip
    assert not imported & after_the_first_frame
    # Nor the search's modules (the first search loads them), nor standard modules the first page
    # does without: hashlib loads OpenSSL, html its table of entities, calendar its locale module.
    searching = {"sgdesk.content.query", "sgdesk.content.highlight", "sgdesk.content.spelling",
                 "sgdesk.content.synonyms", "sgdesk.store.search", "sgdesk.store.vocab",
                 "sgdesk.content.cited", "sgdesk.search_results"}  # fmt: skip
    assert not imported & searching
    # Nor the timeline (the shipped corpus has no repeals: a page of today needs none) and the
    # sources' records (events, offices: the timeline and the build use them).
    timeline = {"sgdesk.content.timeline_events", "sgdesk.content.records", "sgdesk.content.events"}
    assert not imported & timeline
    assert not imported & {"hashlib", "html", "calendar", "platform"}


def test_a_command_still_parses_with_argparse(corpus_db: Path) -> None:
    from tests.test_cli import sgdesk

    done = sgdesk("--database", corpus_db, "--data-dir", "x", "tree")
    assert done.returncode == 0, done.stderr
    assert "Misión" in done.stdout
