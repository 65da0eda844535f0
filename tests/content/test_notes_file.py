"""The «Mis notas» file, pure: what is written, what is read back, and the exact Spanish line a
refused file gets (the import dialog shows it). Made-up notes and favorites."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from sgdesk.content.annotations import Annotation, AnnotationKind, Favorite, TextAnchor
from sgdesk.content.notes_file import (
    MAX_CONTEXT,
    MAX_FILE_BYTES,
    MAX_ID,
    MAX_OFFSET,
    MAX_TEXT,
    MAX_TITLE,
    NotesFile,
    NotesFileError,
    notes_file_json,
    parse_notes_file,
)

STAMP = "2026-03-01T10:20:30Z"
FAVORITE = Favorite("decreto-10-2000/art-1", "Artículo 1", "Trámites", 2, STAMP)
ANCHOR = TextAnchor("la Secretaría General", "Corresponde a ", " expedir", 14, 35)
NOTE = Annotation("id-1", "decreto-10-2000/art-1", AnnotationKind.NOTE, "Revisar «plazo».", ANCHOR,
                  "v7", STAMP, "2026-03-02T08:00:00Z", "Artículo 1")  # fmt: skip
HIGHLIGHT = Annotation("id-2", "decreto-10-2000", AnnotationKind.HIGHLIGHT, "", None, "", STAMP, STAMP,
                       color="amarillo")  # fmt: skip


def _file(**changes: Any) -> dict[str, Any]:
    data = json.loads(notes_file_json([FAVORITE], [NOTE, HIGHLIGHT], STAMP))
    data.update(changes)
    return data


def _refusal(data: object) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    with pytest.raises(NotesFileError) as refused:
        parse_notes_file(raw)
    return refused.value.message


def _note(**changes: Any) -> dict[str, Any]:
    note = _file()["annotations"][0]
    note.update(changes)
    return _file(annotations=[note])


def _selector(quote: dict[str, Any] | None = None, position: dict[str, Any] | None = None) -> dict[str, Any]:
    note = _file()["annotations"][0]
    old_quote, old_position = note["target"]["selector"]
    note["target"]["selector"] = [{**old_quote, **(quote or {})}, {**old_position, **(position or {})}]
    return _file(annotations=[note])


def test_what_is_written_is_read_back_the_same() -> None:
    text = notes_file_json([FAVORITE], [NOTE, HIGHLIGHT], STAMP)
    assert text.endswith("}\n")
    assert "«plazo»" in text  # readable: not escaped to \\u00ab
    data = json.loads(text)
    assert (data["format"], data["version"], data["exported"]) == ("sgdesk-mis-notas", 1, STAMP)
    assert data["annotations"][0]["target"]["selector"] == [
        {"type": "TextQuoteSelector", "exact": "la Secretaría General", "prefix": "Corresponde a ",
         "suffix": " expedir"},
        {"type": "TextPositionSelector", "start": 14, "end": 35},
    ]  # fmt: skip
    assert data["annotations"][1]["target"] == {"source": "decreto-10-2000"}
    assert parse_notes_file(text.encode()) == NotesFile((FAVORITE,), (NOTE, HIGHLIGHT))


def test_missing_optional_fields_take_their_defaults() -> None:
    favorite = {"node_id": "a", "created": STAMP}
    note = {"id": "n", "kind": "note", "created": STAMP, "updated": STAMP, "target": {"source": "a"}}
    parsed = parse_notes_file(
        json.dumps(
            {"format": "sgdesk-mis-notas", "version": 1, "favorites": [favorite], "annotations": [note]}
        ).encode()
    )
    assert parsed.favorites == (Favorite("a", "", "", 0, STAMP),)
    assert parsed.annotations == (
        Annotation("n", "a", AnnotationKind.NOTE, "", None, "", STAMP, STAMP, "", ""),
    )
    assert parse_notes_file(b'{"format": "sgdesk-mis-notas", "version": 1}') == NotesFile((), ())


@pytest.mark.parametrize(
    ("stamp", "stored"),
    [
        ("2026-03-01T10:20:30Z", "2026-03-01T10:20:30Z"),
        ("2026-03-01T05:20:30.999-05:00", "2026-03-01T10:20:30Z"),  # to UTC, to the second
        ("2026-03-01T10:20:30", "2026-03-01T10:20:30Z"),  # no zone: taken as UTC
    ],
)
def test_times_are_stored_in_utc_to_the_second(stamp: str, stored: str) -> None:
    favorite = {"node_id": "a", "created": stamp}
    parsed = parse_notes_file(json.dumps(_file(favorites=[favorite])).encode())
    assert parsed.favorites[0].created == stored


def test_an_anchor_at_the_start_and_the_longest_context_are_accepted() -> None:
    context = "x" * MAX_CONTEXT
    data = _selector({"prefix": context, "suffix": context}, {"start": 0, "end": MAX_OFFSET})
    anchor = parse_notes_file(json.dumps(data).encode()).annotations[0].anchor
    assert anchor == TextAnchor("la Secretaría General", context, context, 0, MAX_OFFSET)


def test_the_longest_values_are_accepted() -> None:
    note = _note(id="i" * MAX_ID, text="t" * MAX_TEXT, node_title="n" * MAX_TITLE, color="c" * 50,
                 content_version="v" * MAX_ID)  # fmt: skip
    parsed = parse_notes_file(json.dumps(note).encode()).annotations[0]
    assert (len(parsed.id), len(parsed.text), len(parsed.node_title), len(parsed.color)) == (
        MAX_ID, MAX_TEXT, MAX_TITLE, 50
    )  # fmt: skip


NOTE_1 = "la nota 1"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff", "El archivo no está en UTF-8: no es un archivo de Mis notas."),
        (b'{"format": ', "El archivo no es JSON válido (línea 1, columna 12)."),
        (b"[" * 100_000, "El archivo no es un JSON que sgdesk pueda leer."),
        ([], "En el archivo de Mis notas, el archivo debería ser un objeto JSON."),
        ({"format": "otro"}, "El archivo no es de Mis notas (falta «format»: «sgdesk-mis-notas»)."),
        (_file(version=0), "El archivo de Mis notas no indica una versión válida."),
        (_file(version=True), "El archivo de Mis notas no indica una versión válida."),
        (_file(version="1"), "El archivo de Mis notas no indica una versión válida."),
        (_file(version=2), "El archivo es de una versión más reciente de sgdesk (formato 2; esta versión "
                           "lee hasta el 1). Actualice sgdesk para importarlo."),
        (_file(favorites={}), "En el archivo de Mis notas, «favorites» debería ser una lista."),
        (_file(annotations="x"), "En el archivo de Mis notas, «annotations» debería ser una lista."),
        (_file(favorites=[1]), "En el archivo de Mis notas, el favorito 1 debería ser un objeto JSON."),
        (_file(annotations=[[]]), "En el archivo de Mis notas, la nota 1 debería ser un objeto JSON."),
        (_file(favorites=[{"created": STAMP}]), "En el favorito 1, «node_id» falta o no es texto."),
        (_file(favorites=[{"node_id": " ", "created": STAMP}]),
         "En el favorito 1, «node_id» no es un identificador válido."),
        (_file(favorites=[{"node_id": "a\x7f", "created": STAMP}]),
         "En el favorito 1, «node_id» no es un identificador válido."),
        (_file(favorites=[{"node_id": "a\x1f", "created": STAMP}]),
         "En el favorito 1, «node_id» no es un identificador válido."),
        (_file(favorites=[{"node_id": "a" * (MAX_ID + 1), "created": STAMP}]),
         f"En el favorito 1, «node_id» es demasiado largo ({MAX_ID + 1} caracteres)."),
        (_file(favorites=[{"node_id": "a", "title": "t" * (MAX_TITLE + 1), "created": STAMP}]),
         f"En el favorito 1, «title» es demasiado largo ({MAX_TITLE + 1} caracteres)."),
        (_file(favorites=[{"node_id": "a", "folder": "f" * (MAX_TITLE + 1), "created": STAMP}]),
         f"En el favorito 1, «folder» es demasiado largo ({MAX_TITLE + 1} caracteres)."),
        (_file(favorites=[{"node_id": "a", "position": -1, "created": STAMP}]),
         f"En el favorito 1, «position» debería ser un número entero entre 0 y {MAX_OFFSET}."),
        (_file(favorites=[{"node_id": "a", "position": MAX_OFFSET + 1, "created": STAMP}]),
         f"En el favorito 1, «position» debería ser un número entero entre 0 y {MAX_OFFSET}."),
        (_file(favorites=[{"node_id": "a", "position": False, "created": STAMP}]),
         f"En el favorito 1, «position» debería ser un número entero entre 0 y {MAX_OFFSET}."),
        (_file(favorites=[{"node_id": "a", "created": "ayer"}]),
         "En el favorito 1, «created» no es una fecha y hora ISO 8601 («ayer»)."),
        (_file(favorites=[{"node_id": "a", "created": "0001-01-01T00:00:00+01:00"}]),
         "En el favorito 1, «created» no es una fecha y hora ISO 8601 («0001-01-01T00:00:00+01:00»)."),
        (_file(favorites=[{"node_id": "a", "created": "2" * 65}]),
         "En el favorito 1, «created» es demasiado largo (65 caracteres)."),
        (_note(kind="tachado"), "La nota 1 tiene un tipo desconocido («tachado»)."),
        (_note(kind="n" * 21), "En la nota 1, «kind» es demasiado largo (21 caracteres)."),
        (_note(target=None),
         "En el archivo de Mis notas, el destino de la nota 1 debería ser un objeto JSON."),
        (_note(target={}), "En la nota 1, «source» falta o no es texto."),
        (_note(id="\n"), "En la nota 1, «id» no es un identificador válido."),
        (_note(text="t" * (MAX_TEXT + 1)),
         f"En la nota 1, «text» es demasiado largo ({MAX_TEXT + 1} caracteres)."),
        (_note(color="c" * 51), "En la nota 1, «color» es demasiado largo (51 caracteres)."),
        (_note(node_title=5), "En la nota 1, «node_title» falta o no es texto."),
        (_note(content_version="v" * (MAX_ID + 1)),
         f"En la nota 1, «content_version» es demasiado largo ({MAX_ID + 1} caracteres)."),
        (_note(updated="mañana"), "En la nota 1, «updated» no es una fecha y hora ISO 8601 («mañana»)."),
        (_note(text="\ud800"), "En la nota 1, «text» tiene caracteres no válidos."),
        (_note(target={"source": "a", "selector": {}}),
         "En el archivo de Mis notas, «los selectores de la nota 1» debería ser una lista."),
        (_note(target={"source": "a", "selector": [3]}),
         "En el archivo de Mis notas, un selector de la nota 1 debería ser un objeto JSON."),
        (_note(target={"source": "a", "selector": [{"exact": "x"}]}),
         "Un selector de la nota 1 no dice su tipo («type»)."),
        (_note(target={"source": "a", "selector": [{"type": "TextQuoteSelector", "exact": "x"}]}),
         "A la nota 1 le falta TextQuoteSelector o TextPositionSelector."),
        (_note(target={"source": "a", "selector": [{"type": "TextPositionSelector", "start": 0, "end": 1}]}),
         "A la nota 1 le falta TextQuoteSelector o TextPositionSelector."),
        (_selector({"exact": ""}), "La nota 1 tiene una cita vacía o una posición imposible."),
        (_selector(position={"start": 35, "end": 35}),
         "La nota 1 tiene una cita vacía o una posición imposible."),
        (_selector(position={"start": -1}),
         f"En la nota 1, «start» debería ser un número entero entre 0 y {MAX_OFFSET}."),
        (_selector(position={"end": None}),
         f"En la nota 1, «end» debería ser un número entero entre 0 y {MAX_OFFSET}."),
        (_selector({"exact": "e" * (MAX_TEXT + 1)}),
         f"En la nota 1, «exact» es demasiado largo ({MAX_TEXT + 1} caracteres)."),
        (_selector({"prefix": "p" * (MAX_CONTEXT + 1)}),
         f"En la nota 1, «prefix» es demasiado largo ({MAX_CONTEXT + 1} caracteres)."),
        (_selector({"suffix": "s" * (MAX_CONTEXT + 1)}),
         f"En la nota 1, «suffix» es demasiado largo ({MAX_CONTEXT + 1} caracteres)."),
    ],
)  # fmt: skip
def test_each_refusal_names_the_first_problem(data: object, message: str) -> None:
    assert _refusal(data) == message


def test_a_file_too_large_is_refused_before_it_is_read() -> None:
    data = b" " * (MAX_FILE_BYTES + 1)
    assert (
        _refusal(data)
        == f"El archivo es demasiado grande ({MAX_FILE_BYTES + 1} bytes) para ser de Mis notas."
    )
    exactly = b'{"format": "sgdesk-mis-notas", "version": 1}'.ljust(MAX_FILE_BYTES)
    assert parse_notes_file(exactly) == NotesFile((), ())


def test_the_file_is_indented_two_spaces_one_value_a_line() -> None:
    lines = notes_file_json([FAVORITE], [], STAMP).splitlines()
    assert lines[:3] == ["{", '  "format": "sgdesk-mis-notas",', '  "version": 1,']


def test_a_blank_target_is_refused_and_a_space_inside_an_id_is_not() -> None:
    assert _refusal(_note(target={"source": " "})) == "En la nota 1, «source» no es un identificador válido."
    assert parse_notes_file(json.dumps(_note(id="id 1")).encode()).annotations[0].id == "id 1"


def test_a_quote_without_prefix_or_suffix_has_empty_ones() -> None:
    note = _file()["annotations"][0]
    note["target"]["selector"][0] = {"type": "TextQuoteSelector", "exact": "la Secretaría General"}
    anchor = parse_notes_file(json.dumps(_file(annotations=[note])).encode()).annotations[0].anchor
    assert anchor == TextAnchor("la Secretaría General", "", "", 14, 35)


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="the local zone is changed with time.tzset")
def test_times_are_utc_whatever_the_computer_s_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/Bogota")
    time.tzset()
    try:
        favorites = [{"node_id": "a", "created": "2026-03-01T10:20:30"},
                     {"node_id": "b", "created": "2026-03-01T05:20:30-05:00"}]  # fmt: skip
        parsed = parse_notes_file(json.dumps(_file(favorites=favorites)).encode())
        assert [f.created for f in parsed.favorites] == ["2026-03-01T10:20:30Z", "2026-03-01T10:20:30Z"]
    finally:
        monkeypatch.undo()
        time.tzset()
