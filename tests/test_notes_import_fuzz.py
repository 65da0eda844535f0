"""Hypothesis over «Mis notas» imports: arbitrary or hostile files never crash the import and
never change what is stored unless the whole file is valid."""

from __future__ import annotations

import copy
import json
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sgdesk.content.notes_file import NotesFileError, parse_notes_file
from sgdesk.errors import SgdeskError
from sgdesk.notes import MyNotes
from sgdesk.store.userdb import USER_DB_NAME

VALID: dict[str, Any] = {
    "format": "sgdesk-mis-notas",
    "version": 1,
    "exported": "2026-01-01T00:00:00Z",
    "favorites": [{"node_id": "mision", "title": "Misión", "folder": "", "position": 0,
                   "created": "2026-01-01T00:00:00Z"}],
    "annotations": [
        {"id": "a1", "kind": "note", "text": "ver concepto", "color": "", "node_title": "Literal n",
         "content_version": "v1", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-02T00:00:00Z",
         "target": {"source": "decreto-267-2007/art-7/lit-n", "selector": [
             {"type": "TextQuoteSelector", "exact": "estrategia", "prefix": "y ", "suffix": " inter"},
             {"type": "TextPositionSelector", "start": 10, "end": 20}]}},
        {"id": "a2", "kind": "highlight", "text": "", "created": "2026-01-01T00:00:00Z",
         "updated": "2026-01-01T00:00:00Z", "target": {"source": "mision"}},
    ],
}  # fmt: skip

# Text with lone surrogates and control characters too: valid JSON escapes, invalid UTF-8.
any_text = st.text(st.characters(categories=["Cs", "Cc", "L", "M", "N", "P", "S", "Z"]))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sgdesk-fuzz-") as name:
        notes = MyNotes.open(Path(name))
        notes.close()
        yield Path(name)


def _snapshot(folder: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(folder / USER_DB_NAME)
    try:
        return [
            *connection.execute("SELECT * FROM annotations ORDER BY id"),
            *connection.execute("SELECT * FROM favorites ORDER BY node_id"),
            *connection.execute("SELECT * FROM folders ORDER BY id"),
        ]
    finally:
        connection.close()


def _import(folder: Path, data: bytes) -> None:
    """Import ``data``; a refusal must be a Spanish error that changed nothing."""
    before = _snapshot(folder)
    source = folder / "entrada.json"
    source.write_bytes(data)
    notes = MyNotes.open(folder)
    try:
        report = notes.import_json(source)
    except SgdeskError as exc:
        refusal: SgdeskError | None = exc
    else:
        refusal = None
    finally:
        notes.close()
    if refusal is not None:
        assert refusal.message
        assert _snapshot(folder) == before
        return
    parsed = parse_notes_file(data)  # it was valid: everything in it is now stored
    after = MyNotes.open(folder)
    try:
        stored = {a.id: a for a in after.annotations()}
        assert {f.node_id for f in parsed.favorites} <= {f.node_id for f in after._store.favorites()}
    finally:
        after.close()
    for annotation in parsed.annotations:
        assert stored[annotation.id].updated >= annotation.updated
    assert report.annotations.added + report.annotations.updated + report.annotations.unchanged == len(
        parsed.annotations
    )


def _mutate(document: dict[str, Any], path: list[Any], value: object) -> dict[str, Any]:
    """``document`` with the value at the end of ``path`` (followed as far as it goes) replaced."""
    result = copy.deepcopy(document)
    target: Any = result
    for step in path[:-1]:
        if isinstance(target, dict) and target:
            key = sorted(target)[step % len(target)]
        elif isinstance(target, list) and target:
            key = step % len(target)
        else:
            break
        if not isinstance(target[key], dict | list):
            break
        target = target[key]
    if isinstance(target, dict) and target:
        target[sorted(target)[path[-1] % len(target)]] = value
    elif isinstance(target, list) and target:
        target[path[-1] % len(target)] = value
    return result


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(value=json_values)
def test_any_json_document_is_imported_or_refused_cleanly(folder: Path, value: object) -> None:
    _import(folder, json.dumps(value).encode())


@FUZZ
@given(data=st.binary(max_size=300))
def test_any_bytes_are_imported_or_refused_cleanly(folder: Path, data: bytes) -> None:
    _import(folder, data)


@FUZZ
@given(path=st.lists(st.integers(0, 20), min_size=1, max_size=6), value=json_values)
def test_a_valid_file_with_one_value_changed_is_imported_or_refused_cleanly(
    folder: Path, path: list[int], value: object
) -> None:
    _import(folder, json.dumps(_mutate(VALID, path, value)).encode())


@pytest.mark.parametrize(
    "hostile",
    [
        b"[" * 100_000 + b"]" * 100_000,  # nesting deeper than the parser's recursion limit
        b'{"format": "sgdesk-mis-notas", "version": 1e400}',
        b'{"format": "sgdesk-mis-notas", "version": 1, "annotations": [{"id": "a", "kind": "note",'
        b' "text": "\\ud800", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",'
        b' "target": {"source": "mision"}}]}',
        b"\xff\xfe\x00{",
        b'{"format": "sgdesk-mis-notas", "version": 99}',
        # found by Hypothesis: a selector whose "type" is a list (unhashable) crashed the import
        b'{"format": "sgdesk-mis-notas", "version": 1, "annotations": [{"id": "a", "kind": "note",'
        b' "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",'
        b' "target": {"source": "mision", "selector": [{"type": []}]}}]}',
        b'{"format": "sgdesk-mis-notas", "version": 1, "favorites": [{"node_id": "a\\u0000b",'
        b' "created": "2026-01-01T00:00:00Z"}]}',
        b'{"format": "sgdesk-mis-notas", "version": 1, "favorites": [{"node_id": "x",'
        b' "created": "0001-01-01T00:00:00+05:00"}]}',
    ],
)
def test_hostile_files_are_refused_in_spanish(folder: Path, hostile: bytes) -> None:
    with pytest.raises(NotesFileError):
        parse_notes_file(hostile)
    _import(folder, hostile)


def test_the_valid_document_is_accepted(folder: Path) -> None:
    """The mutation test starts from a file that imports, so its refusals mean something."""
    _import(folder, json.dumps(VALID).encode())
    assert len(parse_notes_file(json.dumps(VALID).encode()).annotations) == 2
