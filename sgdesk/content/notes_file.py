"""The «Mis notas» file: favorites and annotations as JSON, with W3C selectors.

``parse_notes_file`` accepts only a complete, valid file and raises ``NotesFileError`` (one
Spanish line naming the first problem) for anything else, so a hostile or damaged file can
never reach the database half-read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sgdesk.content.annotations import Annotation, AnnotationKind, Favorite, TextAnchor
from sgdesk.errors import SgdeskError

FORMAT = "sgdesk-mis-notas"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 50_000_000
MAX_ID = 300  # characters of a node id or an annotation id
MAX_TITLE = 2_000
MAX_TEXT = 200_000  # characters of a note or a quote
MAX_CONTEXT = 1_000  # characters of a prefix or suffix
MAX_OFFSET = 100_000_000


class NotesFileError(SgdeskError):
    """A «Mis notas» file that cannot be imported; nothing was changed."""


@dataclass(frozen=True)
class NotesFile:
    favorites: tuple[Favorite, ...]
    annotations: tuple[Annotation, ...]


def notes_file_json(favorites: list[Favorite], annotations: list[Annotation], exported: str) -> str:
    data = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported": exported,
        "favorites": [
            {"node_id": f.node_id, "title": f.title, "folder": f.folder, "position": f.position,
             "created": f.created}
            for f in favorites
        ],
        "annotations": [_annotation_json(a) for a in annotations],
    }  # fmt: skip
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _annotation_json(a: Annotation) -> dict[str, object]:
    target: dict[str, object] = {"source": a.node_id}
    if a.anchor is not None:
        target["selector"] = [
            {"type": "TextQuoteSelector", "exact": a.anchor.exact, "prefix": a.anchor.prefix,
             "suffix": a.anchor.suffix},
            {"type": "TextPositionSelector", "start": a.anchor.start, "end": a.anchor.end},
        ]  # fmt: skip
    return {
        "id": a.id, "kind": a.kind.value, "text": a.text, "color": a.color, "node_title": a.node_title,
        "content_version": a.content_version, "created": a.created, "updated": a.updated, "target": target,
    }  # fmt: skip


def parse_notes_file(data: bytes) -> NotesFile:
    """The favorites and annotations of a «Mis notas» file; NotesFileError if it is not one."""
    if len(data) > MAX_FILE_BYTES:
        raise NotesFileError(f"El archivo es demasiado grande ({len(data)} bytes) para ser de Mis notas.")
    try:
        root = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise NotesFileError("El archivo no está en UTF-8: no es un archivo de Mis notas.") from exc
    except json.JSONDecodeError as exc:
        raise NotesFileError(
            f"El archivo no es JSON válido (línea {exc.lineno}, columna {exc.colno})."
        ) from exc
    except (ValueError, RecursionError) as exc:  # numbers too long, nesting too deep
        raise NotesFileError("El archivo no es un JSON que sgdesk pueda leer.") from exc
    root = _object(root, "el archivo")
    if root.get("format") != FORMAT:
        raise NotesFileError(f"El archivo no es de Mis notas (falta «format»: «{FORMAT}»).")
    version = root.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise NotesFileError("El archivo de Mis notas no indica una versión válida.")
    if version > FORMAT_VERSION:
        raise NotesFileError(
            f"El archivo es de una versión más reciente de sgdesk (formato {version}; esta versión "
            f"lee hasta el {FORMAT_VERSION}). Actualice sgdesk para importarlo."
        )
    favorites = _list(root.get("favorites", []), "favorites")
    annotations = _list(root.get("annotations", []), "annotations")
    return NotesFile(
        tuple(_favorite(_object(f, f"el favorito {n}"), n) for n, f in enumerate(favorites, 1)),
        tuple(_annotation(_object(a, f"la nota {n}"), n) for n, a in enumerate(annotations, 1)),
    )


def _favorite(data: dict[str, Any], number: int) -> Favorite:
    where = f"el favorito {number}"
    return Favorite(
        node_id=_string(data, "node_id", where, MAX_ID, identifier=True),
        title=_string(data, "title", where, MAX_TITLE, default=""),
        folder=_string(data, "folder", where, MAX_TITLE, default=""),
        position=_integer(data, "position", where, default=0),
        created=_timestamp(data, "created", where),
    )


def _annotation(data: dict[str, Any], number: int) -> Annotation:
    where = f"la nota {number}"
    kind_name = _string(data, "kind", where, 20)
    try:
        kind = AnnotationKind(kind_name)
    except ValueError:
        raise NotesFileError(f"{where.capitalize()} tiene un tipo desconocido («{kind_name}»).") from None
    target = _object(data.get("target"), f"el destino de {where}")
    return Annotation(
        id=_string(data, "id", where, MAX_ID, identifier=True),
        node_id=_string(target, "source", where, MAX_ID, identifier=True),
        kind=kind,
        text=_string(data, "text", where, MAX_TEXT, default=""),
        anchor=_anchor(target, where),
        content_version=_string(data, "content_version", where, MAX_ID, default=""),
        created=_timestamp(data, "created", where),
        updated=_timestamp(data, "updated", where),
        node_title=_string(data, "node_title", where, MAX_TITLE, default=""),
        color=_string(data, "color", where, 50, default=""),
    )


def _anchor(target: dict[str, Any], where: str) -> TextAnchor | None:
    if "selector" not in target:
        return None
    selectors: dict[str, dict[str, Any]] = {}
    for selector in _list(target["selector"], f"los selectores de {where}"):
        selector = _object(selector, f"un selector de {where}")
        kind = selector.get("type")
        if not isinstance(kind, str):
            raise NotesFileError(f"Un selector de {where} no dice su tipo («type»).")
        selectors[kind] = selector
    quote, position = selectors.get("TextQuoteSelector"), selectors.get("TextPositionSelector")
    if quote is None or position is None:
        raise NotesFileError(f"A {where} le falta TextQuoteSelector o TextPositionSelector.")
    exact = _string(quote, "exact", where, MAX_TEXT)
    start, end = _integer(position, "start", where), _integer(position, "end", where)
    if not exact or start >= end:
        raise NotesFileError(f"{where.capitalize()} tiene una cita vacía o una posición imposible.")
    prefix = _string(quote, "prefix", where, MAX_CONTEXT, default="")
    return TextAnchor(exact, prefix, _string(quote, "suffix", where, MAX_CONTEXT, default=""), start, end)


def _object(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise NotesFileError(f"En el archivo de Mis notas, {what} debería ser un objeto JSON.")
    return value


def _list(value: object, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise NotesFileError(f"En el archivo de Mis notas, «{what}» debería ser una lista.")
    return value


def _string(
    data: dict[str, Any],
    key: str,
    where: str,
    limit: int,
    default: str | None = None,
    identifier: bool = False,
) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise NotesFileError(f"En {where}, «{key}» falta o no es texto.")
    if len(value) > limit:
        raise NotesFileError(f"En {where}, «{key}» es demasiado largo ({len(value)} caracteres).")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise NotesFileError(f"En {where}, «{key}» tiene caracteres no válidos.") from None
    if identifier and (not value.strip() or any(ord(c) < 32 or c == "\x7f" for c in value)):
        raise NotesFileError(f"En {where}, «{key}» no es un identificador válido.")
    return value


def _integer(data: dict[str, Any], key: str, where: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_OFFSET:
        raise NotesFileError(f"En {where}, «{key}» debería ser un número entero entre 0 y {MAX_OFFSET}.")
    return value


def _timestamp(data: dict[str, Any], key: str, where: str) -> str:
    """An ISO 8601 time, stored as UTC with a Z so that later times sort later."""
    text = _string(data, key, where, 64)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise NotesFileError(f"En {where}, «{key}» no es una fecha y hora ISO 8601 («{text}»).") from None
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")
