"""Favorites, folders, notes, history and preferences in the user database, as the dock, the
margin and the search panel see them (real SQLite in a temporary folder)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from sgdesk.content.annotations import Annotation, AnnotationKind, Favorite, TextAnchor, Visit
from sgdesk.errors import UserDataError
from sgdesk.store.userdb import open_user_database
from sgdesk.store.usernotes import UserNotesStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[UserNotesStore]:
    database = open_user_database(tmp_path)
    yield UserNotesStore(database)
    database.close()


def _note(note_id: str, node_id: str = "mision", text: str = "", created: str = "2026-01-01T10:00:00Z",
          anchor: TextAnchor | None = None, kind: AnnotationKind = AnnotationKind.NOTE,
          ) -> Annotation:  # fmt: skip
    return Annotation(note_id, node_id, kind, text, anchor, "v1", created, created, "Misión")


def _favorite(node_id: str, folder: str = "", created: str = "2026-01-01T10:00:00Z") -> Favorite:
    return Favorite(node_id, node_id.title(), folder, 0, created)


def _listing(store: UserNotesStore) -> list[tuple[str, str]]:
    return [(f.folder, f.node_id) for f in store.favorites()]


def test_folders_are_listed_in_creation_order_and_renamed_or_refused(store: UserNotesStore) -> None:
    assert store.create_folder("Zeta")
    assert store.create_folder("Alfa")
    assert not store.create_folder("Zeta")
    assert store.folders() == ["Zeta", "Alfa"]
    assert store.rename_folder("Zeta", "Zeta")  # to its own name: nothing to refuse
    assert not store.rename_folder("No existe", "Otra")
    with pytest.raises(UserDataError, match=r"^Ya hay una carpeta «Alfa»\.$"):
        store.rename_folder("Zeta", "Alfa")
    assert store.rename_folder("Zeta", "Beta")
    assert store.folders() == ["Beta", "Alfa"]


def test_favorites_are_listed_top_level_first_then_by_folder_order(store: UserNotesStore) -> None:
    store.add_favorite(_favorite("b", "Segunda"))
    store.add_favorite(_favorite("a", "Primera"))  # the folder is made at the end: after «Segunda»
    store.add_favorite(_favorite("c"))
    store.add_favorite(_favorite("d", "Segunda"))
    store.add_favorite(_favorite("e"))
    assert _listing(store) == [("", "c"), ("", "e"), ("Segunda", "b"), ("Segunda", "d"), ("Primera", "a")]
    assert [f.position for f in store.favorites()] == [0, 1, 0, 1, 0]
    assert store.remove_favorite("d")
    assert not store.remove_favorite("d")


def test_placing_a_favorite_moves_it_and_renumbers_its_folder(store: UserNotesStore) -> None:
    for node in "abc":
        store.add_favorite(_favorite(node))
    assert not store.place_favorite("zzz", "", 0)
    assert store.place_favorite("c", "", 0)
    assert _listing(store) == [("", "c"), ("", "a"), ("", "b")]
    assert store.place_favorite("c", "", 99)  # past the end: at the end
    assert store.place_favorite("b", "", -3)  # before the start: first
    assert _listing(store) == [("", "b"), ("", "a"), ("", "c")]
    assert store.folders() == []  # the top level is no folder
    assert store.place_favorite("a", "Carpeta", None)
    assert store.place_favorite("b", "Carpeta", 0)
    assert _listing(store) == [("", "c"), ("Carpeta", "b"), ("Carpeta", "a")]
    assert [f.position for f in store.favorites()][1:] == [0, 1]
    assert store.folders() == ["Carpeta"]


def test_deleting_a_folder_moves_its_favorites_after_the_top_levels(store: UserNotesStore) -> None:
    store.add_favorite(_favorite("x"))
    store.add_favorite(_favorite("b", "Carpeta", "2026-01-02T00:00:00Z"))
    store.add_favorite(_favorite("a", "Carpeta", "2026-01-01T00:00:00Z"))
    store.create_folder("Vacía")
    assert store.delete_folder("No existe") is None
    assert store.delete_folder("Vacía") == 0
    assert store.delete_folder("Carpeta") == 2
    assert _listing(store) == [("", "x"), ("", "b"), ("", "a")]
    assert [f.position for f in store.favorites()] == [0, 1, 2]
    assert store.folders() == []
    store.add_favorite(_favorite("y", "Otra"))
    assert store.delete_folder("Otra") == 1  # into an empty top level? no: after x, b, a
    assert _listing(store)[-1] == ("", "y")


def test_notes_are_read_by_node_oldest_first_whole_and_by_id(store: UserNotesStore) -> None:
    anchor = TextAnchor("la misión", "Texto de ", ".", 9, 18)
    late = _note("n2", created="2026-02-01T00:00:00Z", text="segunda", anchor=anchor)
    store.save_annotation(late)
    store.save_annotation(_note("n1", text="primera"))
    store.save_annotation(_note("n3", node_id="vision"))
    highlight = replace(
        _note("h1", node_id="vision", kind=AnnotationKind.HIGHLIGHT, anchor=anchor), color="verde"
    )
    store.save_annotation(highlight)
    assert [a.id for a in store.annotations()] == ["n1", "n3", "h1", "n2"]
    assert [a.id for a in store.annotations("mision")] == ["n1", "n2"]
    assert store.annotations("nada") == []
    assert store.annotation("n2") == late
    assert store.annotation("h1") == highlight
    assert store.annotation("n1") == _note("n1", text="primera")  # a whole-node note: no anchor
    assert store.annotation("zzz") is None
    assert [a.id for a in store.annotations_on(["vision", "mision"])] == ["n1", "n3", "h1", "n2"]
    assert store.annotated_node_ids() == {"mision", "vision"}


def test_notes_on_more_units_than_sqlite_takes_at_once(store: UserNotesStore) -> None:
    nodes = [f"u{n}" for n in range(1201)]
    for node in ("u0", "u400", "u499", "u500", "u501", "u800", "u1000", "u1001", "u1200"):
        store.save_annotation(_note(f"n-{node}", node_id=node))
    assert [a.node_id for a in store.annotations_on(nodes)] == [
        "u0", "u400", "u499", "u500", "u501", "u800", "u1000", "u1001", "u1200"]  # fmt: skip


def test_a_listing_reuses_what_it_knew_and_reads_what_changed(store: UserNotesStore) -> None:
    for n in range(3):
        store.save_annotation(_note(f"n{n}", text=f"nota {n}", created=f"2026-01-0{n + 1}T00:00:00Z"))
    first = store.annotations_known({})
    assert [a.id for a in first] == ["n0", "n1", "n2"]
    edited = store.edit_annotation("n1", "otro texto", "2026-03-01T00:00:00Z")
    assert edited is not None
    assert store.delete_annotation("n2")
    again = store.annotations_known({a.id: a for a in first})
    assert [a.id for a in again] == ["n0", "n1"]
    assert again[0] is first[0]  # unchanged: the object already known
    assert (again[1].text, again[1].updated) == ("otro texto", "2026-03-01T00:00:00Z")
    known = {a.id: a for a in again}
    stale = replace(again[1], text="lo que se sabía")  # the same second, another text: read again
    assert store.annotations_known({**known, "n1": stale})[1].text == "otro texto"
    many = [_note(f"m{n:04}", created=f"2026-02-01T00:00:{n % 60:02}Z") for n in range(1100)]
    store.merge([], many)
    assert len(store.annotations_known(known)) == 1102


def test_an_edit_is_what_a_search_finds_and_a_deleted_note_is_gone(store: UserNotesStore) -> None:
    store.save_annotation(_note("n1", text="archivo central"))
    assert store.edit_annotation("zzz", "x", "2026-01-02T00:00:00Z") is None
    edited = store.edit_annotation("n1", "gestión documental", "2026-01-02T00:00:00Z")
    assert edited == replace(_note("n1", text="gestión documental"), updated="2026-01-02T00:00:00Z")
    assert store.annotation("n1") == edited
    assert store.search('"archivo"', 5) == []
    assert [a.id for a in store.search('"documental"', 5)] == ["n1"]
    assert store.delete_annotation("n1")
    assert not store.delete_annotation("n1")
    assert store.search('"documental"', 5) == []


def test_note_search_ranks_by_relevance_then_past_the_cap_newest_first(
    store: UserNotesStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sgdesk.store import usernotes

    store.save_annotation(_note("vieja", text="archivo archivo archivo", created="2026-01-01T00:00:00Z"))
    store.save_annotation(
        _note("media", text="el archivo de gestión y otras cosas", created="2026-01-02T00:00:00Z")
    )
    store.save_annotation(
        _note("nueva", text="un archivo entre muchas otras palabras más", created="2026-01-03T00:00:00Z")
    )
    assert [a.id for a in store.search('"archivo"', 5)] == ["vieja", "media", "nueva"]
    assert [a.id for a in store.search('"archivo"', 2)] == ["vieja", "media"]
    monkeypatch.setattr(usernotes, "RANK_CAP", 3)
    assert [a.id for a in store.search('"archivo"', 5)] == ["vieja", "media", "nueva"]
    monkeypatch.setattr(usernotes, "RANK_CAP", 2)
    assert [a.id for a in store.search('"archivo"', 5)] == ["nueva", "media", "vieja"]
    assert [a.id for a in store.search('"archivo"', 2)] == ["nueva", "media"], "the newest, as many as asked"
    assert [a.id for a in store.search('"archiv"*', 1)] == ["nueva"]
    # A prefix being typed: the newest read in one pass, the same answers.
    assert [a.id for a in store.search('"archiv"*', 5, prefixed=True)] == ["nueva", "media", "vieja"]
    assert [a.id for a in store.search('"archiv"*', 2, prefixed=True)] == ["nueva", "media"]
    assert store.search('"zanahori"*', 5, prefixed=True) == []
    monkeypatch.setattr(usernotes, "RANK_CAP", 3)
    assert [a.id for a in store.search('"archiv"*', 5, prefixed=True)] == ["vieja", "media", "nueva"]
    assert [a.id for a in store.search('"archiv"*', 2, prefixed=True)] == ["vieja", "media"]
    assert store.search('"zanahoria"', 5) == []


def test_the_history_keeps_the_latest_visits_and_forgets_the_old(store: UserNotesStore) -> None:
    store.add_visit(Visit("a", "A", "2026-01-01T00:00:00Z"), "2025-01-01T00:00:00Z")
    store.add_visit(Visit("b", "B", "2026-01-02T00:00:00Z", "2008-06-30"), "2025-01-01T00:00:00Z")
    store.add_visit(Visit("c", "C", "2026-01-02T00:00:00Z"), "2025-01-01T00:00:00Z")  # the same second
    assert store.visits(2) == [Visit("c", "C", "2026-01-02T00:00:00Z"),
                               Visit("b", "B", "2026-01-02T00:00:00Z", "2008-06-30")]  # fmt: skip
    store.add_visit(Visit("d", "D", "2026-03-01T00:00:00Z"), "2026-01-02T00:00:00Z")  # forgets «a»
    assert [v.node_id for v in store.visits(10)] == ["d", "c", "b"]
    assert store.clear_history() == 3
    assert store.visits(10) == []


def test_a_preference_is_kept_and_replaced(store: UserNotesStore) -> None:
    assert store.preference("tema") is None
    store.set_preference("tema", "oscuro")
    store.set_preference("tema", "claro")
    store.set_preference("zoom", "125")
    assert (store.preference("tema"), store.preference("zoom")) == ("claro", "125")


def test_an_import_adds_keeps_positions_and_counts(store: UserNotesStore) -> None:
    store.add_favorite(_favorite("a"))
    imported = [replace(_favorite("b", "Carpeta"), position=7), _favorite("a")]
    favorites, notes = store.merge(imported, [_note("n1"), _note("n1")])
    assert (favorites.added, favorites.updated, favorites.unchanged) == (1, 0, 1)
    assert (notes.added, notes.updated, notes.unchanged) == (1, 0, 1)
    assert [(f.node_id, f.folder, f.position) for f in store.favorites()] == [
        ("a", "", 0),
        ("b", "Carpeta", 7),
    ]


def test_an_import_counts_each_note_once_newer_copies_replacing(store: UserNotesStore) -> None:
    store.save_annotation(_note("n1", text="antes"))
    newer = replace(_note("n1", text="después"), updated="2026-05-01T00:00:00Z")
    older = replace(_note("n1", text="mucho antes"), updated="2025-01-01T00:00:00Z")
    _, notes = store.merge([], [newer, older, _note("n2")])
    assert (notes.added, notes.updated, notes.unchanged) == (1, 1, 1)
    assert store.annotation("n1") == newer
