"""The readable «expediente personal»: every note, highlight and favorite as Markdown, by norm.

Each entry says where it is in the open content now («sin ubicar», «no disponible en esta
versión del contenido» included) and keeps its original quote, so nothing is left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from sgdesk.content.annotations import AnnotationKind
from sgdesk.library import Library
from sgdesk.notes import MyNotes, PlacedAnnotation

UNPLACED_HEADING = "Notas sin ubicar o no disponibles"
SECTIONS_HEADING = "Información General"


def notes_report(my_notes: MyNotes, library: Library, exported: str) -> str:
    """The report as Markdown text (``exported``: when, as the reader should see it)."""
    placed = my_notes.placed(library)
    lines = [
        "# Mis notas — expediente personal",
        "",
        f"Exportado el {exported} · contenido v. {library.info.content_version} "
        f"(cambios hasta {library.info.as_of_text}).",
    ]
    for heading, entries in _by_norm(placed, library):
        lines += ["", f"## {heading}"]
        for entry in entries:
            lines += ["", *_entry(entry)]
    favorites = my_notes.favorites(library)
    if favorites:
        lines += ["", "## Favoritos", ""]
        for favorite in favorites:
            folder = f"{favorite.favorite.folder} / " if favorite.favorite.folder else ""
            missing = "" if favorite.available else " (no disponible en esta versión del contenido)"
            lines.append(f"- {folder}{favorite.favorite.title} `{favorite.favorite.node_id}`{missing}")
    return "\n".join(lines) + "\n"


def _by_norm(
    placed: Iterable[PlacedAnnotation], library: Library
) -> list[tuple[str, list[PlacedAnnotation]]]:
    """Groups in reading order: each norm, the sections, then what is no longer found."""
    groups: dict[str, list[PlacedAnnotation]] = {}
    for entry in placed:
        node = library.find(entry.node_id) if entry.location.found else None
        if node is None:
            heading = UNPLACED_HEADING
        elif node.norm:
            norm = library.norm(node.norm)
            heading = norm.title if norm else node.norm
        else:
            heading = SECTIONS_HEADING
        groups.setdefault(heading, []).append(entry)
    order = sorted(groups, key=lambda h: (h == UNPLACED_HEADING, h == SECTIONS_HEADING, h))
    return [(heading, groups[heading]) for heading in order]


def _entry(entry: PlacedAnnotation) -> list[str]:
    note = entry.annotation
    kind = "Subrayado" if note.kind is AnnotationKind.HIGHLIGHT else "Nota"
    colour = f" {note.color}" if note.color else ""
    lines = [
        f"### {note.node_title or note.node_id}",
        "",
        f"*{kind}{colour} · {note.updated} · {entry.label}*",
    ]
    if note.anchor is not None:
        lines += ["", f"> «{note.anchor.exact}»"]
        if entry.current_text and entry.current_text != note.anchor.exact:
            lines += [">", f"> Ahora dice: «{entry.current_text}»"]
    if note.text:
        lines += ["", *note.text.splitlines()]
    return lines
