"""«Mis notas»: the facade the UI and the CLI use for favorites and annotations.

The user database lives in the data folder (``--data-dir`` or AppLocalDataLocation), apart
from the corpus. Annotations are placed in the open corpus when they are read, so a content
update never loses one: it lands where its passage is now, or is listed «sin ubicar».
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from pathlib import Path

from sgdesk import atomicfile
from sgdesk.content.anchoring import (
    CONTEXT_LENGTH,
    PLACEMENT_LABELS,
    Fragment,
    Location,
    NodeName,
    Placement,
    anchor_at,
    anchor_quote,
    locate,
    normalised_text,
    relocate,
    selection_span,
)
from sgdesk.content.annotations import Annotation, AnnotationKind, Favorite, TextAnchor, Visit, utc_now
from sgdesk.content.model import Node
from sgdesk.content.notes_file import NotesFile, notes_file_json, parse_notes_file
from sgdesk.content.query import parse_query, typed_as_prefix
from sgdesk.errors import SgdeskError, UserDataError
from sgdesk.library import Library
from sgdesk.store.search import prefixes, text_expression
from sgdesk.store.userdb import UserDatabase, open_reader, open_user_database
from sgdesk.store.usernotes import MergeCounts, UserNotesStore

MAX_NOTE_LENGTH = 20_000
MAX_FOLDER_NAME = 120
DEFAULT_HISTORY_DAYS = 90
MAX_HISTORY_DAYS = 3650
HISTORY_SHOWN = 500  # the most recent visits «Historial» lists
PAGES_KEPT = 32  # pages whose placed annotations are kept (see MyNotes.on_page)
_RELOCATION_CANDIDATES = 10


@dataclass(frozen=True)
class PlacedAnnotation:
    """An annotation and where it is in the open corpus."""

    annotation: Annotation
    location: Location
    node_id: str  # where it shows now: its own node, or the node its passage moved to
    current_text: str  # the passage as the corpus reads now ("" when not found)
    prefix: str = ""  # the unit's text just before the passage now (which occurrence, if it repeats)

    @property
    def label(self) -> str:
        return PLACEMENT_LABELS[self.location.placement]


@dataclass(frozen=True)
class PlacedFavorite:
    favorite: Favorite
    available: bool  # False: «no disponible en esta versión del contenido»


@dataclass(frozen=True)
class Listing:
    """What the «Mis notas» dock and the tree marks show, read at one moment."""

    favorites: list[PlacedFavorite]
    notes: list[PlacedAnnotation]  # every annotation, oldest first, placed in the open content
    folders: list[str]
    noted: frozenset[str]  # the nodes that carry a note or highlight where it shows now
    within: frozenset[str]  # their ancestors (whose parts carry one)
    token: tuple[object, ...]  # equal tokens: nothing changed in between
    notes_token: tuple[object, ...] = ()  # equal: no note or highlight changed in between

    @cached_property
    def located(self) -> tuple[list[PlacedAnnotation], list[PlacedAnnotation]]:
        """The notes found in the content, and those «sin ubicar» (worked out where it is
        first asked for: on the worker thread)."""
        placed = [n for n in self.notes if n.location.found]
        return placed, [n for n in self.notes if not n.location.found]

    @cached_property
    def by_node(self) -> dict[str, list[tuple[int, PlacedAnnotation]]]:
        """Each stored node's annotations, with their place in ``notes`` (worked out on the
        worker thread, like ``located``): a page's notes without reading the database."""
        found: dict[str, list[tuple[int, PlacedAnnotation]]] = {}
        for number, placed in enumerate(self.notes):
            found.setdefault(placed.annotation.node_id, []).append((number, placed))
        return found

    def on_page(self, node_ids: Sequence[str]) -> list[PlacedAnnotation]:
        """The annotations of these units, oldest first (as ``MyNotes.on_page`` reads them)."""
        found = [entry for node_id in dict.fromkeys(node_ids) for entry in self.by_node.get(node_id, ())]
        return [placed for _number, placed in sorted(found, key=lambda entry: entry[0])]


@dataclass(frozen=True)
class _Spot:
    """Where an anchor lands in one content version (what ``PlacedAnnotation`` adds)."""

    location: Location
    node_id: str
    current_text: str
    prefix: str


@dataclass(frozen=True)
class ImportReport:
    favorites: MergeCounts
    annotations: MergeCounts

    @property
    def summary(self) -> str:
        a, f = self.annotations, self.favorites
        return (
            f"Notas: {a.added} nuevas, {a.updated} actualizadas, {a.unchanged} sin cambios "
            f"(ya estaban, iguales o más recientes). Favoritos: {f.added} nuevos, "
            f"{f.unchanged} sin cambios (ya estaban)."
        )


class MyNotes:
    """Favorites and annotations of one data folder."""

    def __init__(self, database: UserDatabase) -> None:
        self._database = database
        self._store = UserNotesStore(database)
        # Placements are worked out once per content version: (id, updated) → spot.
        self._spots: dict[tuple[str, str], _Spot] = {}
        self._spots_version: str | None = None
        self._spots_for: Library | None = None  # the open content they were worked out in
        self._chains: dict[str, tuple[str, ...]] = {}  # node id → the ids above it
        self._known: dict[str, Annotation] = {}  # the annotations last read, by id
        self._present: dict[str, bool] = {}  # node id → in the open content
        self._listing: Listing | None = None
        # The pages' annotations last placed (by their units), while no note changed (see on_page).
        self._pages: dict[tuple[str, ...], list[PlacedAnnotation]] = {}
        self._pages_token: tuple[object, ...] = ()

    @classmethod
    def open(cls, data_dir: Path) -> MyNotes:
        """Never fails: see ``problem`` for why the notes may be read-only this session."""
        return cls(open_user_database(data_dir))

    @classmethod
    def reader(cls, path: Path) -> MyNotes:
        """A read-only second connection to the database at ``path`` (see ``open_reader``)."""
        return cls(open_reader(path))

    def revision(self) -> tuple[int, ...]:
        """Changes when notes, favorites or folders change, whoever changed them (this
        window, the CLI, another window); the history does not count."""
        return self._database.revision()

    @property
    def problem(self) -> str | None:
        """Why changes are not saved (Spanish), or None."""
        return self._database.problem

    @property
    def path(self) -> Path:
        return self._database.path

    def close(self) -> None:
        self._database.close()

    # -- annotations ---------------------------------------------------------------

    def add_note(self, library: Library, node_id: str, text: str, quote: str | None = None,
                 kind: AnnotationKind = AnnotationKind.NOTE, color: str = "") -> Annotation:  # fmt: skip
        """Save a note on ``quote`` in the node (or on the whole node); returns it."""
        node = library.node(node_id)
        text = text.strip()
        if kind is AnnotationKind.NOTE and not text:
            raise UserDataError("La nota está vacía: escriba algo o use «Subrayar».")
        if len(text) > MAX_NOTE_LENGTH:
            raise UserDataError(f"La nota es demasiado larga (más de {MAX_NOTE_LENGTH} caracteres).")
        anchor = self._anchor(node, quote) if quote is not None else None
        now = utc_now()
        annotation = Annotation(
            str(uuid.uuid4()), node.id, kind, text, anchor, library.info.content_version, now, now,
            display_name(node), color,
        )  # fmt: skip
        self._store.save_annotation(annotation)
        return annotation

    def add_passages(self, library: Library, fragments: Sequence[Fragment], text: str,
                     kind: AnnotationKind = AnnotationKind.NOTE,
                     color: str = "") -> list[Annotation]:  # fmt: skip
        """Save a selection that may run over several paragraphs and units: ``fragments`` are
        the text selected in each paragraph, with its unit and the page's text of that unit
        before it, in reading order. Each unit's fragments make one passage of its text
        (paragraphs that are not its text, such as titles or vigencia notes, are left out),
        anchored on that unit at the occurrence selected (a word that repeats is anchored
        where the reader selected it, not at its first occurrence): one annotation per unit,
        saved together. A note's text goes on the first; the passage's other units are
        highlighted in the note's tint. Returns them in reading order."""
        text = text.strip()
        if kind is AnnotationKind.NOTE and not text:
            raise UserDataError("La nota está vacía: escriba algo o use «Subrayar».")
        if len(text) > MAX_NOTE_LENGTH:
            raise UserDataError(f"La nota es demasiado larga (más de {MAX_NOTE_LENGTH} caracteres).")
        spans: dict[str, tuple[Node, str, int, int]] = {}  # unit id → (node, its text, start, end)
        for fragment in fragments:
            node = library.find(fragment.node_id)
            if node is None:
                continue
            own = normalised_text(node.plain_text)
            found = selection_span(own, fragment.text, fragment.before, normalised_text(node.label))
            if found is None:
                continue
            start, end = found
            if node.id in spans:
                _, _, first, last = spans[node.id]
                start, end = min(start, first), max(end, last)
            spans[node.id] = (node, own, start, end)
        if not spans:
            raise UserDataError(
                "El pasaje seleccionado no es texto de ninguna disposición "
                "(los títulos y las notas de vigencia no se anotan)."
            )
        now, version = utc_now(), library.info.content_version
        annotations = []
        for number, (node, own, start, end) in enumerate(spans.values()):
            continued = number > 0 and kind is AnnotationKind.NOTE
            annotations.append(Annotation(
                str(uuid.uuid4()), node.id, AnnotationKind.HIGHLIGHT if continued else kind,
                "" if continued else text, anchor_at(own, start, end), version, now, now,
                display_name(node), "" if continued else color,
            ))  # fmt: skip
        self._store.merge([], annotations)
        return annotations

    def annotation(self, annotation_id: str) -> Annotation:
        """The note with this id; UserDataError (Spanish) if there is none."""
        found = self._store.annotation(annotation_id)
        if found is None:
            raise UserDataError(f"No hay ninguna nota con el id «{annotation_id[:80]}».")
        return found

    def edit_note(self, annotation_id: str, text: str) -> Annotation:
        """Replace the text of a note or highlight (its passage stays); returns it edited."""
        text = text.strip()
        current = self.annotation(annotation_id)
        if current.kind is AnnotationKind.NOTE and not text:
            raise UserDataError("La nota quedaría vacía: escriba algo, o elimínela.")
        if len(text) > MAX_NOTE_LENGTH:
            raise UserDataError(f"La nota es demasiado larga (más de {MAX_NOTE_LENGTH} caracteres).")
        edited = self._store.edit_annotation(annotation_id, text, utc_now())
        if edited is None:  # removed by another window between the two statements
            raise UserDataError(f"No hay ninguna nota con el id «{annotation_id[:80]}».")
        return edited

    def delete_annotation(self, annotation_id: str) -> bool:
        return self._store.delete_annotation(annotation_id)

    def noted_node_ids(self) -> set[str]:
        """The nodes that carry at least one note or highlight (by their stored node)."""
        return self._store.annotated_node_ids()

    def annotations(self) -> list[Annotation]:
        return self._store.annotations()

    def placed(self, library: Library) -> list[PlacedAnnotation]:
        """Every annotation, placed in the corpus ``library`` holds now."""
        texts: dict[str, str | None] = {}
        annotations = self._store.annotations_known(self._known)
        self._known = {annotation.id: annotation for annotation in annotations}
        return [self._place(annotation, library, texts) for annotation in annotations]

    def listing(self, library: Library) -> Listing:
        """Favorites, every annotation placed, folders and the noted nodes; read again only
        when the user database or the content changed since the last call."""
        token = (self._database.revision(), id(library), library.info.content_version)
        if self._listing is not None and self._listing.token == token:
            return self._listing
        notes_token = (self._database.notes_revision(), *token[1:])
        previous = self._listing
        if previous is not None and previous.notes_token == notes_token:
            # Only favorites or folders changed: the notes, their places and the tree's marks
            # stand, and so does what was worked out from them (``located``, ``by_node``).
            self._listing = replace(previous, favorites=self.favorites(library), folders=self.folders(),
                                    token=token)  # fmt: skip
            kept = previous.__dict__  # (cached properties live in the instance's dict)
            self._listing.__dict__.update((k, kept[k]) for k in ("located", "by_node") if k in kept)
            return self._listing
        notes = self.placed(library)
        noted = frozenset(p.node_id for p in notes)
        self._listing = Listing(
            self.favorites(library), notes, self.folders(), noted, self._ancestors(library, noted), token,
            notes_token,
        )  # fmt: skip
        self._listing.located  # noqa: B018 (split here, off the GUI thread)
        self._listing.by_node  # noqa: B018 (and here)
        return self._listing

    def noted_and_within(self, library: Library) -> tuple[frozenset[str], frozenset[str]]:
        """The nodes that carry notes (by their stored node), and the nodes above them."""
        noted = frozenset(self._store.annotated_node_ids())
        return noted, self._ancestors(library, noted)

    def _ancestors(self, library: Library, node_ids: frozenset[str]) -> frozenset[str]:
        """Every node above one of ``node_ids`` in the open content (gone ones have none)."""
        self._for_content(library)
        above: set[str] = set()
        for node_id in node_ids:
            chain = self._chains.get(node_id)
            if chain is None:
                found = library.find(node_id) is not None
                chain = self._chains[node_id] = (
                    tuple(n.id for n in library.path_to(node_id)[:-1]) if found else ()
                )
            above.update(chain)
        return frozenset(above)

    def _for_content(self, library: Library) -> None:
        """Forget placements and chains worked out in other content."""
        if self._spots_for is not library or self._spots_version != library.info.content_version:
            self._spots, self._chains, self._present, self._spots_for = {}, {}, {}, library
            self._spots_version = library.info.content_version

    def on_page(
        self, library: Library, node_ids: Sequence[str], listing: Listing | None = None
    ) -> list[PlacedAnnotation]:
        """The annotations of these units (a page), placed in their current text. A page shown
        again is not read again while no note or highlight changed (by anyone: the database's
        notes revision) in the same content; a favorite or a folder changed does not count.
        ``listing``: the worker's latest, whose placed notes serve when nothing changed since
        it was read (the database's revision) and it was read in this content."""
        token = (self._database.notes_revision(), id(library), library.info.content_version)
        if token != self._pages_token:
            self._pages, self._pages_token = {}, token
        key = tuple(node_ids)
        found = self._pages.get(key)
        if found is None:
            if listing is not None and listing.token[::2] == (self._database.revision(), token[2]):
                found = listing.on_page(node_ids)
            else:
                texts: dict[str, str | None] = {}
                found = [self._place(a, library, texts) for a in self._store.annotations_on(node_ids)]
            if len(self._pages) >= PAGES_KEPT:
                self._pages.clear()
            self._pages[key] = found
        return list(found)

    def search(self, library: Library, text: str, limit: int = 200,
               prefix_last: bool = False) -> list[PlacedAnnotation]:  # fmt: skip
        """The notes whose text or quoted passage match ``text`` (the corpus search's syntax:
        accents and case ignored, Spanish stems, "frases", o, -excluir, prefijo*), best first.
        ``prefix_last``: the text is being typed; its last word is also a prefix."""
        query = typed_as_prefix(parse_query(text, prefix_last=prefix_last))
        expression = text_expression(query)
        if expression is None:
            return []
        try:
            found = self._store.search(expression, limit, prefixed=bool(prefixes(query)))
        except UserDataError as exc:
            raise UserDataError(f"No se pudo buscar en Mis notas: {exc.message}") from exc
        texts: dict[str, str | None] = {}
        return [self._place(annotation, library, texts) for annotation in found]

    @staticmethod
    def _anchor(node: Node, quote: str) -> TextAnchor:
        anchor = anchor_quote(node.plain_text, quote)
        if anchor is None:
            raise UserDataError(
                f"El texto «{quote.strip()[:80]}» no aparece en {node.citation or node.title}."
            )
        return anchor

    def _place(
        self, annotation: Annotation, library: Library, texts: dict[str, str | None]
    ) -> PlacedAnnotation:
        """Where the annotation is now (worked out once per content version and anchor)."""
        self._for_content(library)
        key = (annotation.id, annotation.updated)  # a changed anchor (an import) changes ``updated``
        spot = self._spots.get(key)
        if spot is None:
            placed = self._locate(annotation, library, texts)
            spot = self._spots[key] = _Spot(placed.location, placed.node_id, placed.current_text,
                                            placed.prefix)  # fmt: skip
        return PlacedAnnotation(annotation, spot.location, spot.node_id, spot.current_text, spot.prefix)

    def _locate(
        self, annotation: Annotation, library: Library, texts: dict[str, str | None]
    ) -> PlacedAnnotation:
        text = _node_text(library, annotation.node_id, texts)
        anchor = annotation.anchor
        if text is None:
            moved = _relocate(library, annotation, anchor, texts) if anchor else None
            if moved is None:
                return PlacedAnnotation(annotation, Location(Placement.NODE_GONE), annotation.node_id, "")
            node_id, location = moved
            return PlacedAnnotation(annotation, location, node_id, *_span(texts[node_id], location))
        if anchor is None:  # a note on the whole node
            return PlacedAnnotation(annotation, Location(Placement.EXACT), annotation.node_id, "")
        location = locate(anchor, text)
        return PlacedAnnotation(annotation, location, annotation.node_id, *_span(text, location))

    # -- favorites -----------------------------------------------------------------

    def add_favorite(self, library: Library, node_id: str) -> bool:
        """Mark the node as a favorite; False if it already was one."""
        node = library.node(node_id)
        return self._store.add_favorite(Favorite(node.id, display_name(node), "", 0, utc_now()))

    def remove_favorite(self, library: Library, node_id: str) -> bool:
        """Unmark it; a node that no longer exists can be unmarked by its stored id."""
        node = library.find(node_id)
        return self._store.remove_favorite(node.id if node else node_id)

    def folders(self) -> list[str]:
        return self._store.folders()

    def create_folder(self, name: str) -> None:
        name = _folder_name(name)
        if not self._store.create_folder(name):
            raise UserDataError(f"Ya hay una carpeta «{name}».")

    def rename_folder(self, old: str, new: str) -> None:
        new = _folder_name(new)
        if not self._store.rename_folder(old, new):
            raise UserDataError(f"No hay ninguna carpeta «{old[:80]}».")

    def delete_folder(self, name: str) -> int:
        """Remove the folder (its favorites stay, at the top level); how many it held."""
        moved = self._store.delete_folder(name)
        if moved is None:
            raise UserDataError(f"No hay ninguna carpeta «{name[:80]}».")
        return moved

    def place_favorite(self, node_id: str, folder: str, row: int | None = None) -> None:
        """Move the favorite into ``folder`` ("" = top level) at ``row`` (None: the end)."""
        if not self._store.place_favorite(node_id, folder, row):
            raise UserDataError(f"«{node_id[:80]}» no está en favoritos.")

    def favorites(self, library: Library) -> list[PlacedFavorite]:
        self._for_content(library)
        return [PlacedFavorite(f, self._exists(library, f.node_id)) for f in self._store.favorites()]

    def _exists(self, library: Library, node_id: str) -> bool:
        """Whether the open content has the node (asked once per content version)."""
        found = self._present.get(node_id)
        if found is None:
            found = self._present[node_id] = library.find(node_id) is not None
        return found

    # -- history -------------------------------------------------------------------

    @property
    def history_days(self) -> int:
        """How many days visits are kept; 0: the history is not kept."""
        try:
            stored = self._store.preference("history_days")
            return max(0, min(MAX_HISTORY_DAYS, int(stored))) if stored is not None else DEFAULT_HISTORY_DAYS
        except (SgdeskError, ValueError):
            return DEFAULT_HISTORY_DAYS

    def set_history_days(self, days: int) -> None:
        """Keep visits ``days`` days (0: keep none, and forget the ones kept)."""
        days = max(0, min(MAX_HISTORY_DAYS, days))
        self._store.set_preference("history_days", str(days))
        if days == 0:
            self._store.clear_history()

    def record_visit(self, node: Node, as_of: date | None) -> bool:
        """Add the page to the history (unless it is not kept, or the notes are read-only)."""
        days = self.history_days
        if days == 0 or self.problem is not None:
            return False
        now = datetime.now(UTC).replace(microsecond=0)
        cutoff = (now - timedelta(days=days)).isoformat().replace("+00:00", "Z")
        visit = Visit(node.id, display_name(node), utc_now(), as_of.isoformat() if as_of else None)
        self._store.add_visit(visit, cutoff)
        return True

    def visits(self) -> list[Visit]:
        return self._store.visits(HISTORY_SHOWN)

    def clear_history(self) -> int:
        return self._store.clear_history()

    # -- the «Mis notas» file --------------------------------------------------------

    def export_json(self, target: Path) -> tuple[int, int]:
        """Write every favorite and annotation to ``target`` atomically; (favorites, notes)."""
        favorites, annotations = self._store.favorites(), self._store.annotations()
        write_atomically(target, notes_file_json(favorites, annotations, utc_now()))
        return len(favorites), len(annotations)

    def import_json(self, source: Path) -> ImportReport:
        """Merge ``source`` (all or nothing): new ones added, same id → the newer one wins."""
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise UserDataError(f"No se puede leer {source}: {exc.strerror}.") from exc
        parsed: NotesFile = parse_notes_file(data)
        favorites, annotations = self._store.merge(parsed.favorites, parsed.annotations)
        return ImportReport(favorites, annotations)


def display_name(node: Node) -> str:
    """How a favorite or a note names its node: a norm's unit by its citation ("Decreto 267
    de 2007, art. 7, lit. n"), a section by its title."""
    return node.citation if node.norm and node.citation else node.title


def _folder_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise UserDataError("El nombre de la carpeta está vacío.")
    if len(name) > MAX_FOLDER_NAME:
        raise UserDataError(f"El nombre de la carpeta tiene más de {MAX_FOLDER_NAME} caracteres.")
    return name


def _node_text(library: Library, node_id: str, texts: dict[str, str | None]) -> str | None:
    if node_id not in texts:
        node = library.find(node_id)
        texts[node_id] = normalised_text(node.plain_text) if node is not None else None
    return texts[node_id]


def _relocate(
    library: Library, annotation: Annotation, anchor: TextAnchor, texts: dict[str, str | None]
) -> tuple[str, Location] | None:
    """Look for the passage of a node that no longer exists among the nodes that contain it."""
    phrase = " ".join(anchor.exact.replace('"', " ").split())
    try:
        hits = library.search(f'"{phrase}"', limit=_RELOCATION_CANDIDATES).hits
    except SgdeskError:
        return None
    candidates = [
        (NodeName(hit.node.id, hit.node.title), _node_text(library, hit.node.id, texts) or "") for hit in hits
    ]
    return relocate(anchor, NodeName(annotation.node_id, annotation.node_title), candidates)


def _span(text: str | None, location: Location) -> tuple[str, str]:
    """The passage where ``location`` is in ``text``, and the text just before it."""
    if not text or not location.found:
        return "", ""
    return text[location.start : location.end], text[max(0, location.start - CONTEXT_LENGTH) : location.start]


def write_atomically(target: Path, content: str) -> None:
    """Write ``content`` (UTF-8) through a locked part file beside ``target``, then rename:
    never a half-written file, and no other export's cleanup removes it while it is written."""
    if not target.parent.is_dir():
        raise UserDataError(f"No se puede escribir en {target.parent}: la carpeta no existe.")
    try:
        atomicfile.write_atomically(target, content)
    except OSError as exc:
        raise UserDataError(f"No se pudo escribir {target}: {exc.strerror}.") from exc
