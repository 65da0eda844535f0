"""«Mis notas» from the command line: ``notes list|search|add|edit|remove|export|import``
and ``favorites add|remove|list``.

They use the same user database as the window: the one in ``--data-dir``, else in the
user folder (AppLocalDataLocation).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sgdesk.cli.common import EXIT_OK, Subcommands, open_library, print_json
from sgdesk.cli.spanish import takes_query

if TYPE_CHECKING:
    from sgdesk.notes import MyNotes, PlacedAnnotation


def register(commands: Subcommands) -> None:
    notes = commands.add_parser("notes", help="Mis notas: listar, agregar, exportar, importar")
    actions = notes.add_subparsers(dest="notes_command", metavar="ACCIÓN", required=True)
    listing = actions.add_parser("list", help="todas las notas y subrayados, con su ubicación actual")
    listing.add_argument("--json", action="store_true", help="salida en JSON")
    listing.set_defaults(handler=_list)
    search = actions.add_parser("search", help="buscar solo en mis notas (como en el corpus)")
    search.add_argument("query", metavar="CONSULTA", help='palabras, "frases", o, -excluir, prefijo*')
    search.add_argument("--json", action="store_true", help="salida en JSON")
    search.set_defaults(handler=_search)
    takes_query(search)
    add = actions.add_parser("add", help="agregar una nota a una sección o disposición")
    add.add_argument("id", metavar="ID", help="por ejemplo decreto-267-2007/art-7/lit-n")
    add.add_argument("--quote", metavar="TEXTO", help="el pasaje del texto al que se refiere la nota")
    add.add_argument("--text", required=True, metavar="TEXTO", help="el texto de la nota")
    add.set_defaults(handler=_add)
    edit = actions.add_parser("edit", help="cambiar el texto de una nota (su pasaje no cambia)")
    edit.add_argument("id", metavar="ID_NOTA", help="el id que muestra «notes list»")
    edit.add_argument("--text", required=True, metavar="TEXTO", help="el nuevo texto de la nota")
    edit.set_defaults(handler=_edit)
    remove = actions.add_parser("remove", help="eliminar una nota o un subrayado")
    remove.add_argument("id", metavar="ID_NOTA", help="el id que muestra «notes list»")
    remove.set_defaults(handler=_remove)
    export = actions.add_parser(
        "export", help="exportar favoritos y notas: JSON (para importar) o, con .md, un informe legible"
    )
    export.add_argument("-o", "--output", type=Path, required=True, metavar="ARCHIVO.json|.md")
    export.set_defaults(handler=_export)
    importer = actions.add_parser("import", help="importar un archivo JSON de Mis notas (sin duplicar)")
    importer.add_argument("file", type=Path, metavar="ARCHIVO.json")
    importer.set_defaults(handler=_import)

    favorites = commands.add_parser("favorites", help="favoritos: agregar, quitar, listar")
    favorite_actions = favorites.add_subparsers(dest="favorites_command", metavar="ACCIÓN", required=True)
    for name, help_text, handler in (
        ("add", "marcar como favorito", _favorite_add),
        ("remove", "quitar de favoritos", _favorite_remove),
    ):
        action = favorite_actions.add_parser(name, help=help_text)
        action.add_argument("id", metavar="ID")
        action.set_defaults(handler=handler)
    favorites_list = favorite_actions.add_parser("list", help="listar los favoritos")
    favorites_list.add_argument("--json", action="store_true", help="salida en JSON")
    favorites_list.set_defaults(handler=_favorite_list)


def data_dir(args: argparse.Namespace) -> Path:
    """``--data-dir``, else the folder the window uses; UserFolderError when unusable."""
    from sgdesk import user_folder

    return user_folder.resolve(args.data_dir)


@contextmanager
def open_my_notes(args: argparse.Namespace) -> Iterator[MyNotes]:
    from sgdesk.notes import MyNotes  # loaded by these commands only

    my_notes = MyNotes.open(data_dir(args))
    if my_notes.problem:
        print(f"sgdesk: aviso: {my_notes.problem}", file=sys.stderr)
    try:
        yield my_notes
    finally:
        my_notes.close()


def _list(args: argparse.Namespace) -> int:
    with open_library(args) as library, open_my_notes(args) as my_notes:
        placed = my_notes.placed(library)
    return _print_placed(placed, args.json)


def _search(args: argparse.Namespace) -> int:
    with open_library(args) as library, open_my_notes(args) as my_notes:
        placed = my_notes.search(library, args.query)
    return _print_placed(placed, args.json)


def _print_placed(placed: list[PlacedAnnotation], as_json: bool) -> int:
    if as_json:
        print_json([_placed_json(p) for p in placed])
        return EXIT_OK
    print(f"{len(placed)} nota(s) y subrayado(s)")
    for item in placed:
        note = item.annotation
        print(f"- [{item.label}] {note.node_title or note.node_id}  [{item.node_id}]")
        if note.anchor is not None:
            print(f"  «{note.anchor.exact}»")
            if item.current_text and item.current_text != note.anchor.exact:
                print(f"  ahora: «{item.current_text}»")
        if note.text:
            print(f"  {note.text}")
        print(f"  id {note.id} · {note.updated}")
    return EXIT_OK


def _placed_json(item: PlacedAnnotation) -> dict[str, object]:
    note = item.annotation
    data: dict[str, object] = {
        "id": note.id, "node_id": note.node_id, "kind": note.kind.value, "text": note.text,
        "placement": item.location.placement.value, "placement_label": item.label,
        "located_node_id": item.node_id if item.location.found else None,
        "created": note.created, "updated": note.updated, "content_version": note.content_version,
    }  # fmt: skip
    if note.anchor is not None:
        data["quote"] = note.anchor.exact
        data["current_text"] = item.current_text or None
    return data


def _add(args: argparse.Namespace) -> int:
    with open_library(args) as library, open_my_notes(args) as my_notes:
        note = my_notes.add_note(library, args.id, args.text, args.quote)
    print(f"Nota guardada en {note.node_id}: {note.id}")
    return EXIT_OK


def _edit(args: argparse.Namespace) -> int:
    with open_my_notes(args) as my_notes:
        note = my_notes.edit_note(args.id, args.text)
    print(f"Nota {note.id} modificada.")
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    from sgdesk.errors import UserDataError

    with open_my_notes(args) as my_notes:
        if not my_notes.delete_annotation(args.id):
            raise UserDataError(f"No hay ninguna nota con el id «{args.id[:80]}».")
    print(f"Nota {args.id} eliminada.")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    output: Path = args.output
    if output.suffix.lower() == ".md":
        return _export_report(args, output)
    with open_my_notes(args) as my_notes:
        favorites, notes = my_notes.export_json(output)
    print(f"Exportados {notes} nota(s) y {favorites} favorito(s) a {output}")
    return EXIT_OK


def _export_report(args: argparse.Namespace, output: Path) -> int:
    from sgdesk.content.annotations import utc_now
    from sgdesk.export.notes_report import notes_report
    from sgdesk.notes import write_atomically

    with open_library(args) as library, open_my_notes(args) as my_notes:
        write_atomically(output, notes_report(my_notes, library, utc_now()))
    print(f"Informe de Mis notas escrito en {output}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    with open_my_notes(args) as my_notes:
        report = my_notes.import_json(args.file)
    print(f"Importado {args.file}. {report.summary}")
    return EXIT_OK


def _favorite_add(args: argparse.Namespace) -> int:
    with open_library(args) as library, open_my_notes(args) as my_notes:
        added = my_notes.add_favorite(library, args.id)
    print("Agregado a favoritos." if added else "Ya estaba en favoritos.")
    return EXIT_OK


def _favorite_remove(args: argparse.Namespace) -> int:
    with open_library(args) as library, open_my_notes(args) as my_notes:
        removed = my_notes.remove_favorite(library, args.id)
    print("Quitado de favoritos." if removed else "No estaba en favoritos.")
    return EXIT_OK


def _favorite_list(args: argparse.Namespace) -> int:
    with open_library(args) as library, open_my_notes(args) as my_notes:
        favorites = my_notes.favorites(library)
    if args.json:
        print_json([
            {"id": p.favorite.node_id, "title": p.favorite.title, "folder": p.favorite.folder,
             "available": p.available, "created": p.favorite.created}
            for p in favorites
        ])  # fmt: skip
        return EXIT_OK
    print(f"{len(favorites)} favorito(s)")
    for placed in favorites:
        missing = "" if placed.available else "  (no disponible en esta versión del contenido)"
        folder = f"{placed.favorite.folder} / " if placed.favorite.folder else ""
        print(f"- {folder}{placed.favorite.title}  [{placed.favorite.node_id}]{missing}")
    return EXIT_OK
