"""Favorites and annotations in the user database: the only SQL that touches them."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sgdesk.content.annotations import Annotation, AnnotationKind, Favorite, TextAnchor, Visit
from sgdesk.content.stemming import stem_text
from sgdesk.errors import UserDataError
from sgdesk.store.userdb import UserDatabase

_ANNOTATION_COLUMNS = (
    "id, node_id, kind, text, color, exact, prefix, suffix, start, end, content_version, "
    "node_title, created, updated"
)


RANK_CAP = 500  # notes a search ranks by relevance; past it, the newest come first


@dataclass(frozen=True)
class MergeCounts:
    """What a merge did: rows added, rows replaced by a newer copy, rows left as they were."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0


class UserNotesStore:
    def __init__(self, database: UserDatabase) -> None:
        self.database = database

    # -- favorites ---------------------------------------------------------------

    def favorites(self) -> list[Favorite]:
        with self.database.reading() as connection:
            rows = connection.execute(
                "SELECT f.node_id, f.title, coalesce(d.name, ''), f.position, f.created "
                "FROM favorites f LEFT JOIN folders d ON d.id = f.folder_id "
                "ORDER BY coalesce(d.position, -1), d.name, f.position, f.created"
            ).fetchall()
        return [Favorite(*row) for row in rows]

    def add_favorite(self, favorite: Favorite) -> bool:
        """Add ``favorite`` at the end of its folder; False if the node already was one."""
        with self.database.write() as connection:
            return _insert_favorite(connection, favorite, keep_position=False)

    def remove_favorite(self, node_id: str) -> bool:
        with self.database.write() as connection:
            return connection.execute("DELETE FROM favorites WHERE node_id = ?", (node_id,)).rowcount > 0

    # -- folders -------------------------------------------------------------------

    def folders(self) -> list[str]:
        """Every folder's name (empty ones too), in their order."""
        with self.database.reading() as connection:
            rows = connection.execute("SELECT name FROM folders ORDER BY position, name").fetchall()
        return [str(row[0]) for row in rows]

    def create_folder(self, name: str) -> bool:
        """Add an empty folder at the end; False if one with that name exists."""
        with self.database.write() as connection:
            if _existing_folder(connection, name) is not None:
                return False
            _folder_id(connection, name)
            return True

    def rename_folder(self, old: str, new: str) -> bool:
        """False if there is no folder ``old``; UserDataError if ``new`` is taken."""
        with self.database.write() as connection:
            if _existing_folder(connection, new) is not None and new != old:
                raise UserDataError(f"Ya hay una carpeta «{new}».")
            return connection.execute("UPDATE folders SET name = ? WHERE name = ?", (new, old)).rowcount > 0

    def delete_folder(self, name: str) -> int | None:
        """Remove the folder; its favorites go to the top level, after the ones there, in
        their order. Returns how many moved out; None if there is no such folder."""
        with self.database.write() as connection:
            folder_id = _existing_folder(connection, name)
            if folder_id is None:
                return None
            (end,) = connection.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM favorites WHERE folder_id IS NULL"
            ).fetchone()
            moved = [
                str(r[0])
                for r in connection.execute(
                    "SELECT node_id FROM favorites WHERE folder_id = ? ORDER BY position, created",
                    (folder_id,),
                )
            ]
            for offset, node_id in enumerate(moved):
                connection.execute(
                    "UPDATE favorites SET folder_id = NULL, position = ? WHERE node_id = ?",
                    (end + offset, node_id),
                )
            connection.execute("DELETE FROM folders WHERE id = ?", (folder_id,))
            return len(moved)

    def place_favorite(self, node_id: str, folder: str, row: int | None) -> bool:
        """Put the favorite in ``folder`` ("" = top level) at ``row`` (None: at the end),
        renumbering the folder's favorites; False if the node is not a favorite."""
        with self.database.write() as connection:
            if connection.execute("SELECT 1 FROM favorites WHERE node_id = ?", (node_id,)).fetchone() is None:
                return False
            folder_id = _folder_id(connection, folder) if folder else None
            order = [
                str(r[0])
                for r in connection.execute(
                    "SELECT node_id FROM favorites WHERE folder_id IS ? AND node_id != ? "
                    "ORDER BY position, created",
                    (folder_id, node_id),
                )
            ]
            order.insert(len(order) if row is None else max(0, min(row, len(order))), node_id)
            for position, moved in enumerate(order):
                connection.execute(
                    "UPDATE favorites SET folder_id = ?, position = ? WHERE node_id = ?",
                    (folder_id, position, moved),
                )
            return True

    # -- annotations -------------------------------------------------------------

    def annotations(self, node_id: str | None = None) -> list[Annotation]:
        where, args = ("WHERE node_id = ?", (node_id,)) if node_id is not None else ("", ())
        with self.database.reading() as connection:
            rows = connection.execute(
                f"SELECT {_ANNOTATION_COLUMNS} FROM annotations {where} ORDER BY created, pk", args
            ).fetchall()
        return [_annotation(row) for row in rows]

    def annotations_known(self, known: dict[str, Annotation]) -> list[Annotation]:
        """Every annotation, oldest first, reusing the ``known`` ones whose ``updated`` and
        text are unchanged (``updated`` is to the second: an edit within the same second
        changes the text); only new or changed rows are read whole and made again."""
        with self.database.reading() as connection:
            versions = connection.execute(
                "SELECT id, updated, text FROM annotations ORDER BY created, pk"
            ).fetchall()
            missing = [
                str(i) for i, updated, text in versions
                if (a := known.get(i)) is None or a.updated != updated or a.text != text
            ]  # fmt: skip
            fresh: dict[str, Annotation] = {}
            for first in range(0, len(missing), 500):  # SQLite's limit on bound parameters
                chunk = missing[first : first + 500]
                marks = ", ".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE id IN ({marks})", chunk
                ).fetchall()
                fresh.update((str(row[0]), _annotation(row)) for row in rows)
        return [fresh.get(i) or known[i] for i, _updated, _text in versions if i in fresh or i in known]

    def annotations_on(self, node_ids: Sequence[str]) -> list[Annotation]:
        """The annotations of these nodes (a page's units), oldest first."""
        found: list[Annotation] = []
        with self.database.reading() as connection:
            for first in range(0, len(node_ids), 500):  # SQLite's limit on bound parameters
                chunk = node_ids[first : first + 500]
                found += [_annotation(row) for row in connection.execute(
                    f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE node_id IN "
                    f"({', '.join('?' * len(chunk))}) ORDER BY created, pk", chunk,
                )]  # fmt: skip
        return found

    def annotated_node_ids(self) -> set[str]:
        with self.database.reading() as connection:
            return {str(row[0]) for row in connection.execute("SELECT DISTINCT node_id FROM annotations")}

    def save_annotation(self, annotation: Annotation) -> None:
        """Insert ``annotation``, or replace the one with its id."""
        with self.database.write() as connection:
            _upsert_annotation(connection, annotation)

    def delete_annotation(self, annotation_id: str) -> bool:
        with self.database.write() as connection:
            connection.execute(
                "DELETE FROM annotations_fts WHERE rowid = (SELECT pk FROM annotations WHERE id = ?)",
                (annotation_id,),
            )
            deleted = connection.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
            return deleted.rowcount > 0

    def annotation(self, annotation_id: str) -> Annotation | None:
        with self.database.reading() as connection:
            row = connection.execute(
                f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
            ).fetchone()
        return None if row is None else _annotation(row)

    def edit_annotation(self, annotation_id: str, text: str, updated: str) -> Annotation | None:
        """Replace the note's text (and its search entry) in one transaction; None if unknown."""
        with self.database.write() as connection:
            row = connection.execute(
                f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
            ).fetchone()
            if row is None:
                return None
            edited = replace(_annotation(row), text=text, updated=updated)
            _upsert_annotation(connection, edited)
        return edited

    def search(self, expression: str, limit: int, prefixed: bool = False) -> list[Annotation]:
        """Annotations whose quote or text match the FTS5 ``expression``, best first; past
        RANK_CAP matches (words every note has), the newest first: ranking thousands of notes
        costs 10 ms at 10 000 and tells them apart no better.

        ``prefixed``: the expression has a prefix (``x*``, the word being typed). FTS5 merges
        the lists of every word the prefix begins, for each statement, so the newest RANK_CAP + 1
        matches are read in one pass (rowids only, no rank): past the cap they are the answer,
        read by key. Without a prefix, counting up to the cap (forwards, what FTS5 walks
        fastest) then reading the newest costs less than one pass backwards."""
        columns = ", ".join("a." + c for c in _ANNOTATION_COLUMNS.split(", "))
        with self.database.reading() as connection:
            if prefixed:
                newest = connection.execute(
                    "SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ? "
                    "ORDER BY rowid DESC LIMIT ?",
                    (expression, max(RANK_CAP + 1, limit)),
                ).fetchall()
                if len(newest) > RANK_CAP:
                    keys = [row[0] for row in newest[:limit]]
                    marks = ", ".join("?" * len(keys))
                    found = {
                        row[-1]: row[:-1]
                        for row in connection.execute(
                            f"SELECT {columns}, a.pk FROM annotations a WHERE a.pk IN ({marks})", keys
                        )
                    }
                    return [_annotation(found[key]) for key in keys if key in found]
                many = False
            else:
                many = (
                    connection.execute(
                        "SELECT count(*) FROM (SELECT 1 FROM annotations_fts WHERE annotations_fts MATCH ? "
                        "LIMIT ?)",
                        (expression, RANK_CAP + 1),
                    ).fetchone()[0]
                    > RANK_CAP
                )
            order = "annotations_fts.rowid DESC" if many else "rank"
            rows = connection.execute(
                f"SELECT {columns} FROM annotations_fts JOIN annotations a ON a.pk = annotations_fts.rowid "
                f"WHERE annotations_fts MATCH ? ORDER BY {order} LIMIT ?",
                (expression, limit),
            ).fetchall()
        return [_annotation(row) for row in rows]

    # -- history and preferences -------------------------------------------------------

    def add_visit(self, visit: Visit, forget_before: str) -> None:
        """Record ``visit`` and forget the visits opened before ``forget_before`` (ISO time)."""
        with self.database.write(durable=False) as connection:
            connection.execute(
                "INSERT INTO history (node_id, title, opened, as_of) VALUES (?, ?, ?, ?)",
                (visit.node_id, visit.title, visit.opened, visit.as_of),
            )
            connection.execute("DELETE FROM history WHERE opened < ?", (forget_before,))

    def visits(self, limit: int) -> list[Visit]:
        """The latest ``limit`` visits, newest first."""
        with self.database.reading() as connection:
            rows = connection.execute(
                "SELECT node_id, title, opened, as_of FROM history ORDER BY opened DESC, id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [Visit(*row) for row in rows]

    def clear_history(self) -> int:
        with self.database.write() as connection:
            return connection.execute("DELETE FROM history").rowcount

    def preference(self, key: str) -> str | None:
        with self.database.reading() as connection:
            row = connection.execute("SELECT value FROM preferences WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_preference(self, key: str, value: str) -> None:
        with self.database.write() as connection:
            connection.execute(
                "INSERT INTO preferences (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- merging (import) ----------------------------------------------------------

    def merge(
        self, favorites: Sequence[Favorite], annotations: Sequence[Annotation]
    ) -> tuple[MergeCounts, MergeCounts]:
        """Merge in one transaction: a new favorite or note is added; a note with a known id
        replaces the stored one only when its ``updated`` is later. All or nothing."""
        with self.database.write() as connection:
            new_favorites = sum(_insert_favorite(connection, f, keep_position=True) for f in favorites)
            added = updated = 0
            for annotation in annotations:
                row = connection.execute(
                    "SELECT updated FROM annotations WHERE id = ?", (annotation.id,)
                ).fetchone()
                if row is not None and annotation.updated <= row[0]:
                    continue
                added, updated = (added + 1, updated) if row is None else (added, updated + 1)
                _upsert_annotation(connection, annotation)
        return (
            MergeCounts(new_favorites, 0, len(favorites) - new_favorites),
            MergeCounts(added, updated, len(annotations) - added - updated),
        )


def _insert_favorite(connection: sqlite3.Connection, favorite: Favorite, keep_position: bool) -> bool:
    folder_id = _folder_id(connection, favorite.folder) if favorite.folder else None
    position = favorite.position
    if not keep_position:
        position = connection.execute(
            "SELECT coalesce(max(position) + 1, 0) FROM favorites WHERE folder_id IS ?", (folder_id,)
        ).fetchone()[0]
    inserted = connection.execute(
        "INSERT OR IGNORE INTO favorites (node_id, title, folder_id, position, created) "
        "VALUES (?, ?, ?, ?, ?)",
        (favorite.node_id, favorite.title, folder_id, position, favorite.created),
    )
    return inserted.rowcount > 0


def _existing_folder(connection: sqlite3.Connection, name: str) -> int | None:
    row = connection.execute("SELECT id FROM folders WHERE name = ?", (name,)).fetchone()
    return None if row is None else int(row[0])


def _folder_id(connection: sqlite3.Connection, name: str) -> int:
    connection.execute(
        "INSERT OR IGNORE INTO folders (name, position) "
        "VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM folders))",
        (name,),
    )
    row = connection.execute("SELECT id FROM folders WHERE name = ?", (name,)).fetchone()
    return int(row[0])


def _upsert_annotation(connection: sqlite3.Connection, a: Annotation) -> None:
    anchor = a.anchor
    selectors: tuple[object, ...] = (None,) * 5
    if anchor is not None:
        selectors = (anchor.exact, anchor.prefix, anchor.suffix, anchor.start, anchor.end)
    connection.execute(
        f"INSERT INTO annotations ({_ANNOTATION_COLUMNS}) VALUES ({', '.join('?' * 14)}) "
        "ON CONFLICT (id) DO UPDATE SET node_id = excluded.node_id, kind = excluded.kind, "
        "text = excluded.text, color = excluded.color, exact = excluded.exact, "
        "prefix = excluded.prefix, suffix = excluded.suffix, start = excluded.start, "
        "end = excluded.end, content_version = excluded.content_version, "
        "node_title = excluded.node_title, created = excluded.created, updated = excluded.updated",
        (a.id, a.node_id, a.kind.value, a.text, a.color, *selectors, a.content_version, a.node_title,
         a.created, a.updated),
    )  # fmt: skip
    pk = connection.execute("SELECT pk FROM annotations WHERE id = ?", (a.id,)).fetchone()[0]
    quote = anchor.exact if anchor else ""
    connection.execute("DELETE FROM annotations_fts WHERE rowid = ?", (pk,))
    connection.execute(
        "INSERT INTO annotations_fts (rowid, title, text, stems) VALUES (?, ?, ?, ?)",
        (pk, quote, a.text, stem_text(f"{quote}\n{a.text}")),
    )


def _annotation(row: tuple[object, ...]) -> Annotation:
    (id_, node_id, kind, text, color, exact, prefix, suffix, start, end, version, title, created,
     updated) = row  # fmt: skip
    anchor = None
    if exact is not None:
        anchor = TextAnchor(str(exact), str(prefix or ""), str(suffix or ""), _int(start), _int(end))
    return Annotation(
        str(id_), str(node_id), AnnotationKind(str(kind)), str(text), anchor, str(version),
        str(created), str(updated), str(title), str(color),
    )  # fmt: skip


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0
