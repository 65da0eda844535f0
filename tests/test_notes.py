"""«Mis notas» over a real corpus: notes survive a content update, and the file round-trips."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sgdesk.content.anchoring import Placement
from sgdesk.content.notes_file import NotesFileError
from sgdesk.errors import UnknownNodeError, UserDataError
from sgdesk.library import Library
from sgdesk.notes import MyNotes
from sgdesk.store.userdb import USER_DB_NAME
from tests.altered import altered_copy

LIT_N = "decreto-267-2007/art-7/lit-n"
QUOTE = "proyección y estrategia internacional"
MOVED = "decreto-267-2007/art-despacho/lit-n"  # literal n under another article


@pytest.fixture
def my_notes(tmp_path: Path) -> Iterator[MyNotes]:
    notes = MyNotes.open(tmp_path / "datos")
    yield notes
    notes.close()


def _updated_corpus(corpus_db: Path, tmp_path: Path, *statements: str) -> Library:
    """The corpus after a content update, made with SQL on a copy."""
    copy = altered_copy(corpus_db, tmp_path / "actualizado.db", *statements,
                        "UPDATE meta SET value = 'v-siguiente' WHERE key = 'content_version'")  # fmt: skip
    return Library.open(copy)


def _body_edit(old: str, new: str, node_id: str = LIT_N) -> str:
    return f"UPDATE nodes SET body = replace(body, '{old}', '{new}') WHERE id = '{node_id}'"


def test_a_note_on_a_passage_is_placed_where_it_was(library: Library, my_notes: MyNotes) -> None:
    note = my_notes.add_note(
        library, LIT_N, "ver concepto 2023-114", quote="Proyeccion y estrategia internacional"
    )
    assert note.anchor is not None
    assert note.anchor.exact == QUOTE  # as the corpus writes it, accents included
    assert note.content_version == library.info.content_version
    [placed] = my_notes.placed(library)
    assert (placed.location.placement, placed.current_text) == (Placement.EXACT, QUOTE)


@pytest.mark.parametrize(
    ("change", "placement", "now_reads"),
    [
        (_body_edit("Formular y orientar", "Formular, adoptar y orientar"), Placement.MOVED, QUOTE),
        (_body_edit("estrategia internacional", "estrategias internacionales"), Placement.APPROXIMATE,
         "proyección y estrategias internacionales"),
        (_body_edit(" en materia de relaciones, proyección y estrategia internacional", ""),
         Placement.UNPLACED, ""),
        (f"DELETE FROM nodes WHERE id = '{LIT_N}'", Placement.NODE_GONE, ""),
        (f"UPDATE nodes SET id = '{MOVED}', parent = 'decreto-267-2007/art-despacho' WHERE id = '{LIT_N}'",
         Placement.RELOCATED, QUOTE),
    ],
    ids=["text-inserted-before", "quote-edited", "quote-deleted", "node-removed", "node-moved"],
)  # fmt: skip
def test_a_content_update_never_loses_a_note(
    corpus_db: Path, tmp_path: Path, library: Library, my_notes: MyNotes, change: str, placement: Placement,
    now_reads: str,
) -> None:  # fmt: skip
    my_notes.add_note(library, LIT_N, "relaciones internacionales", quote=QUOTE)
    updated = _updated_corpus(corpus_db, tmp_path, change)
    try:
        [placed] = my_notes.placed(updated)
    finally:
        updated.close()
    assert placed.annotation.text == "relaciones internacionales"
    assert placed.annotation.anchor is not None
    assert placed.annotation.anchor.exact == QUOTE  # the original quote is kept, always
    assert placed.location.placement is placement
    assert placed.current_text == now_reads
    if placement is Placement.RELOCATED:
        assert placed.node_id == MOVED


def test_a_favorite_whose_node_is_gone_is_kept_and_marked(
    corpus_db: Path, tmp_path: Path, library: Library, my_notes: MyNotes
) -> None:
    assert my_notes.add_favorite(library, LIT_N)
    assert not my_notes.add_favorite(library, "Decreto-267-2007/art-7/lit-N")  # the same node
    updated = _updated_corpus(corpus_db, tmp_path, f"DELETE FROM nodes WHERE id = '{LIT_N}'")
    try:
        [favorite] = my_notes.favorites(updated)
        assert (favorite.favorite.node_id, favorite.available) == (LIT_N, False)
        assert my_notes.remove_favorite(updated, LIT_N)  # still removable by its stored id
    finally:
        updated.close()


def test_bad_input_is_refused_in_spanish(library: Library, my_notes: MyNotes) -> None:
    with pytest.raises(UnknownNodeError):
        my_notes.add_note(library, "decreto-999-2099", "x")
    with pytest.raises(UserDataError, match="no aparece"):
        my_notes.add_note(library, LIT_N, "x", quote="texto que no está")
    with pytest.raises(UserDataError, match="vacía"):
        my_notes.add_note(library, LIT_N, "   ")
    assert my_notes.annotations() == []


def test_export_then_import_elsewhere_is_the_same_data_and_no_duplicates(
    tmp_path: Path, library: Library, my_notes: MyNotes
) -> None:
    my_notes.add_note(library, LIT_N, "nota uno", quote=QUOTE)
    my_notes.add_note(library, "mision", "nota dos")
    my_notes.add_favorite(library, "decreto-267-2007")
    exported = tmp_path / "expediente.json"
    assert my_notes.export_json(exported) == (1, 2)
    assert not list(tmp_path.glob(".sgdesk-export-*"))  # no temporary file left behind

    other = MyNotes.open(tmp_path / "otro-equipo")
    try:
        first = other.import_json(exported)
        assert (first.annotations.added, first.favorites.added) == (2, 1)
        again = other.import_json(exported)
        assert (again.annotations.added, again.annotations.unchanged, again.favorites.added) == (0, 2, 0)
        assert sorted(other.annotations(), key=lambda a: a.id) == sorted(
            my_notes.annotations(), key=lambda a: a.id
        )
        assert "2 sin cambios" in again.summary
    finally:
        other.close()


def test_the_newer_copy_of_a_note_wins_on_import(tmp_path: Path, library: Library, my_notes: MyNotes) -> None:
    note = my_notes.add_note(library, LIT_N, "versión de este equipo", quote=QUOTE)
    exported = tmp_path / "x.json"
    my_notes.export_json(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["annotations"][0].update(text="versión más nueva", updated="2099-01-01T00:00:00+00:00")
    exported.write_text(json.dumps(data), encoding="utf-8")
    report = my_notes.import_json(exported)
    assert report.annotations.updated == 1
    [stored] = my_notes.annotations()
    assert (stored.id, stored.text, stored.updated) == (note.id, "versión más nueva", "2099-01-01T00:00:00Z")


def test_an_invalid_file_changes_nothing(tmp_path: Path, library: Library, my_notes: MyNotes) -> None:
    my_notes.add_note(library, "mision", "la que había")
    bad = tmp_path / "malo.json"
    bad.write_text(json.dumps({"format": "sgdesk-mis-notas", "version": 1, "annotations": [
        {"id": "a", "kind": "note", "text": "buena", "created": "2026-01-01T00:00:00Z",
         "updated": "2026-01-01T00:00:00Z", "target": {"source": "mision"}},
        {"id": "b", "kind": "note", "text": "mala", "created": "ayer", "updated": "hoy",
         "target": {"source": "mision"}},
    ]}), encoding="utf-8")  # fmt: skip
    with pytest.raises(NotesFileError, match="la nota 2"):
        my_notes.import_json(bad)
    assert [a.text for a in my_notes.annotations()] == ["la que había"]


def test_a_read_only_session_says_why_and_keeps_the_file(tmp_path: Path, library: Library) -> None:
    folder = tmp_path / "datos"
    folder.mkdir()
    (folder / USER_DB_NAME).write_bytes(b"\x00basura" * 50)
    notes = MyNotes.open(folder)
    try:
        assert notes.problem is not None
        assert "dañado" in notes.problem
        with pytest.raises(UserDataError, match="No se guardó"):
            notes.add_note(library, "mision", "no se guardará")
    finally:
        notes.close()


def test_the_history_keeps_visits_newest_first_for_the_days_chosen(
    library: Library, my_notes: MyNotes
) -> None:
    from datetime import date

    from sgdesk.content.annotations import Visit

    store = my_notes._store
    store.add_visit(Visit("vision", "Visión", "2001-01-01T00:00:00Z"), forget_before="2000-01-01T00:00:00Z")
    assert my_notes.record_visit(library.node("mision"), None)
    assert my_notes.record_visit(library.node(LIT_N), date(2008, 6, 30))
    visits = my_notes.visits()
    # the 2001 visit is older than the 90 days kept by default: forgotten at the next visit
    assert [(v.node_id, v.title, v.as_of) for v in visits] == [
        (LIT_N, "Decreto 267 de 2007, art. 7, lit. n", "2008-06-30"),
        ("mision", "Misión", None),
    ]
    my_notes.set_history_days(0)  # "never": nothing kept, nothing recorded
    assert my_notes.visits() == []
    assert not my_notes.record_visit(library.node("mision"), None)
    assert my_notes.visits() == []
    my_notes.set_history_days(30)
    assert my_notes.history_days == 30
    assert my_notes.record_visit(library.node("mision"), None)
    assert my_notes.clear_history() == 1


def test_my_notes_are_searched_like_the_corpus(tmp_path: Path, library: Library, my_notes: MyNotes) -> None:
    first = my_notes.add_note(library, LIT_N, "Aplica a los procesos de contratación", quote=QUOTE)
    my_notes.add_note(library, "mision", "ver concepto 2023-114")

    def found(text: str) -> list[str]:
        return [placed.annotation.id for placed in my_notes.search(library, text)]

    assert found("contratacion") == [first.id]  # accents ignored
    assert found("proceso") == [first.id]  # Spanish stems: proceso ~ procesos
    assert found('"estrategia internacional"') == [first.id]  # the quoted passage is searched too
    assert found("concepto -contratación") != found("contratación")
    assert len(found("concepto o contratación")) == 2
    for hostile in ('"', "AND", "5-A", "l'estado", "", "NEAR(a b)", "*"):
        assert isinstance(found(hostile), list)

    exported = tmp_path / "x.json"
    my_notes.export_json(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["annotations"][0].update(text="Ahora trata de licitaciones", updated="2099-01-01T00:00:00Z")
    exported.write_text(json.dumps(data), encoding="utf-8")
    my_notes.import_json(exported)
    assert found("contratación") == []  # the index follows the newer copy
    assert found("licitaciones") == [first.id]
    my_notes.delete_annotation(first.id)
    assert found("licitaciones") == []


def test_edit_keeps_the_passage_and_refusals_change_nothing(library: Library, my_notes: MyNotes) -> None:
    note = my_notes.add_note(library, LIT_N, "borrador", quote=QUOTE)
    edited = my_notes.edit_note(note.id, "  definitivo ")
    assert (edited.text, edited.anchor, edited.created) == ("definitivo", note.anchor, note.created)
    assert my_notes.annotations() == [edited]
    with pytest.raises(UserDataError, match="vacía"):
        my_notes.edit_note(note.id, "")
    with pytest.raises(UserDataError, match="No hay ninguna nota"):
        my_notes.edit_note("no-existe", "x")
    assert my_notes.annotations() == [edited]
    assert [p.annotation.id for p in my_notes.search(library, "definitivo")] == [note.id]
    assert my_notes.delete_annotation(note.id)
    assert (my_notes.annotations(), my_notes.search(library, "definitivo")) == ([], [])
    assert not my_notes.delete_annotation(note.id)


def test_folders_hold_favorites_in_the_order_they_are_placed(library: Library, my_notes: MyNotes) -> None:
    for node_id in ("decreto-267-2007", LIT_N, "mision"):
        my_notes.add_favorite(library, node_id)
    my_notes.create_folder("  Contratación ")
    my_notes.create_folder("Vacía")
    with pytest.raises(UserDataError, match="Ya hay una carpeta"):
        my_notes.create_folder("Contratación")
    with pytest.raises(UserDataError, match="vacío"):
        my_notes.create_folder("  ")
    my_notes.place_favorite("mision", "Contratación")
    my_notes.place_favorite(LIT_N, "Contratación", 0)
    my_notes.rename_folder("Contratación", "Contratos")
    with pytest.raises(UserDataError, match="Ya hay una carpeta"):
        my_notes.rename_folder("Contratos", "Vacía")
    assert my_notes.folders() == ["Contratos", "Vacía"]
    assert [(p.favorite.folder, p.favorite.node_id) for p in my_notes.favorites(library)] == [
        ("", "decreto-267-2007"), ("Contratos", LIT_N), ("Contratos", "mision"),
    ]  # fmt: skip
    my_notes.place_favorite("decreto-267-2007", "Contratos", 1)  # dragged between the two
    assert [p.favorite.node_id for p in my_notes.favorites(library)] == [LIT_N, "decreto-267-2007", "mision"]
    reopened = MyNotes.open(my_notes.path.parent)
    try:
        assert [p.favorite.node_id for p in reopened.favorites(library)][1] == "decreto-267-2007"
    finally:
        reopened.close()
    with pytest.raises(UserDataError, match="no está en favoritos"):
        my_notes.place_favorite("no-existe", "Contratos")


def test_deleting_a_folder_keeps_its_favorites_at_the_top_level_in_order(
    library: Library, my_notes: MyNotes
) -> None:
    for node_id in ("decreto-267-2007", LIT_N, "mision", "vision"):
        my_notes.add_favorite(library, node_id)
    my_notes.create_folder("Contratos")
    my_notes.create_folder("Otra")
    my_notes.place_favorite("mision", "Contratos")
    my_notes.place_favorite(LIT_N, "Contratos", 0)
    my_notes.place_favorite("vision", "Otra")
    assert my_notes.delete_folder("Contratos") == 2
    assert my_notes.folders() == ["Otra"]
    assert [(p.favorite.folder, p.favorite.node_id) for p in my_notes.favorites(library)] == [
        ("", "decreto-267-2007"), ("", LIT_N), ("", "mision"), ("Otra", "vision"),
    ]  # fmt: skip
    with pytest.raises(UserDataError, match="No hay ninguna carpeta"):
        my_notes.delete_folder("Contratos")
    assert my_notes.delete_folder("Otra") == 1
    assert [p.favorite.node_id for p in my_notes.favorites(library)][-1] == "vision"


def test_placements_are_worked_out_once_per_content_and_listings_follow_other_writers(
    library: Library, my_notes: MyNotes, corpus_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sgdesk.notes

    located: list[str] = []
    real_locate = sgdesk.notes.locate

    def counting(anchor: object, text: str) -> object:
        located.append(text)
        return real_locate(anchor, text)  # type: ignore[arg-type]

    monkeypatch.setattr(sgdesk.notes, "locate", counting)
    my_notes.add_note(library, LIT_N, "una", "proyección y estrategia")
    my_notes.add_note(library, "mision", "otra", "Secretaría General")
    first = my_notes.listing(library)
    assert len(located) == 2
    assert first.noted == {LIT_N, "mision"}
    assert {"decreto-267-2007/art-7", "decreto-267-2007", "informacion-general"} <= first.within
    assert my_notes.listing(library) is first  # nothing changed: not read again
    assert len(located) == 2

    other = MyNotes.open(my_notes.path.parent)  # another process or window writes
    try:
        other.add_favorite(library, "vision")
    finally:
        other.close()
    second = my_notes.listing(library)
    assert [p.favorite.node_id for p in second.favorites] == ["vision"]
    assert len(located) == 2  # the two notes' placements were kept
    my_notes.record_visit(library.node("mision"), None)  # the history is no change to the listing
    assert my_notes.listing(library) is second

    changed = _updated_corpus(corpus_db, tmp_path)  # other content (a pack): placed afresh
    try:
        my_notes.listing(changed)
        assert len(located) == 4
    finally:
        changed.close()


def test_a_listing_reads_again_only_what_changed_even_within_the_same_second(
    library: Library, my_notes: MyNotes
) -> None:
    note = my_notes.add_note(library, LIT_N, "primera versión", "proyección y estrategia")
    other = my_notes.add_note(library, "mision", "otra", "Secretaría General")
    first = my_notes.listing(library)
    my_notes.edit_note(note.id, "segunda versión")  # within the same second: same ``updated``
    second = my_notes.listing(library)
    assert [p.annotation.text for p in second.notes] == ["segunda versión", "otra"]
    assert second.notes[1].annotation is first.notes[1].annotation  # unchanged: not made again
    my_notes.delete_annotation(other.id)
    assert [p.annotation.id for p in my_notes.listing(library).notes] == [note.id]


def test_a_repeated_word_stays_on_the_occurrence_selected_after_a_content_update(
    my_notes: MyNotes, tmp_path: Path
) -> None:
    from sgdesk.content.anchoring import Fragment
    from tests.synthetic import build

    database = build(tmp_path / "sintetico")  # «Misión»: «Texto de prueba de la misión.»
    library = Library.open(database)
    text = "Texto de prueba de la misión."
    selected = text.index("prueba de") + len("prueba ")
    try:
        # The second «de», as the pane hands it: the page's text of the unit before it.
        [saved] = my_notes.add_passages(library, [Fragment("mision", "de", "Misión Texto de prueba ")], "ver")
        assert saved.anchor is not None
        assert (saved.anchor.start, saved.anchor.exact) == (selected, "de")
        [placed] = my_notes.on_page(library, ["mision"])
        assert placed.location.start == selected
        assert placed.prefix == "Texto de prueba "
    finally:
        library.close()
    # The update writes another «de» where the selected one was: it still lands on its own.
    edited = "Cosas de textos de prueba de la misión."
    copy = altered_copy(database, tmp_path / "actualizado.db",
                        f"UPDATE nodes SET body = replace(body, '{text}', '{edited}') WHERE id = 'mision'",
                        "UPDATE meta SET value = 'v-siguiente' WHERE key = 'content_version'")  # fmt: skip
    updated = Library.open(copy)
    try:
        [placed] = my_notes.on_page(updated, ["mision"])
    finally:
        updated.close()
    assert placed.location.start == edited.index("prueba de") + len("prueba ")
    assert placed.current_text == "de"
    assert placed.prefix.endswith("textos de prueba ")


def test_a_page_shown_again_shows_what_another_window_changed_in_its_notes(
    tmp_path: Path, library: Library, my_notes: MyNotes
) -> None:
    """The page's notes are kept between showings; a note edited, added or deleted by another
    window or the CLI (another connection) shows the next time, a favorite changed meanwhile
    changes nothing."""
    note = my_notes.add_note(library, LIT_N, "primera versión", quote=QUOTE)
    page = ["decreto-267-2007/art-7", LIT_N]
    assert [p.annotation.text for p in my_notes.on_page(library, page)] == ["primera versión"]
    other = MyNotes.open(tmp_path / "datos")
    try:
        other.edit_note(note.id, "segunda versión")
        assert [p.annotation.text for p in my_notes.on_page(library, page)] == ["segunda versión"]
        other.add_favorite(library, LIT_N)
        assert [p.annotation.text for p in my_notes.on_page(library, page)] == ["segunda versión"]
        added = other.add_note(library, LIT_N, "otra nota")
        assert {p.annotation.id for p in my_notes.on_page(library, page)} == {note.id, added.id}
        other.delete_annotation(note.id)
        assert [p.annotation.id for p in my_notes.on_page(library, page)] == [added.id]
    finally:
        other.close()
    my_notes.edit_note(added.id, "cambiada aquí")
    assert [p.annotation.text for p in my_notes.on_page(library, page)] == ["cambiada aquí"]


def test_a_pages_notes_from_the_workers_listing_are_those_the_database_holds(
    tmp_path: Path, library: Library, my_notes: MyNotes
) -> None:
    """The window paints a page's notes from the worker's latest listing when nothing changed
    since: the same notes, in the same order (oldest first, across units), as reading them;
    once a note changed, the listing is not used."""
    page = [unit.node.id for unit in library.page("decreto-267-2007/art-7").units]
    made = [my_notes.add_note(library, LIT_N, "primera", quote=QUOTE),
            my_notes.add_note(library, page[1], "en otra unidad"),
            my_notes.add_note(library, LIT_N, "tercera"),
            my_notes.add_note(library, "mision", "fuera de la página")]  # fmt: skip
    reader = MyNotes.reader(tmp_path / "datos" / USER_DB_NAME)
    try:
        listing = reader.listing(library)
    finally:
        reader.close()
    assert [p.annotation.id for p in listing.on_page(page)] == [n.id for n in made[:3]]
    read = my_notes.on_page(library, page)
    assert my_notes.on_page(library, list(reversed(page)), listing) == read
    my_notes.edit_note(made[0].id, "cambiada")
    assert my_notes.on_page(library, page, listing)[0].annotation.text == "cambiada"


def test_a_listing_after_favorites_or_folders_changed_keeps_the_notes_and_shows_the_change(
    library: Library, my_notes: MyNotes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A favorite or a folder changed (here, by another window) lists the dock again without
    reading and placing every note again: the notes and the tree's marks are those of the last
    listing; a note changed is read again."""
    from sgdesk.store.usernotes import UserNotesStore

    note = my_notes.add_note(library, LIT_N, "una", "proyección y estrategia")
    first = my_notes.listing(library)
    reads: list[int] = []
    real_known = UserNotesStore.annotations_known

    def counting(store: UserNotesStore, known: dict[str, object]) -> object:
        reads.append(1)
        return real_known(store, known)  # type: ignore[arg-type]

    monkeypatch.setattr(UserNotesStore, "annotations_known", counting)
    other = MyNotes.open(my_notes.path.parent)
    try:
        other.create_folder("Contratación")
        other.add_favorite(library, "vision")
        other.place_favorite("vision", "Contratación")
        second = my_notes.listing(library)
        placed = [(p.favorite.node_id, p.favorite.folder) for p in second.favorites]
        assert placed == [("vision", "Contratación")]
        assert second.folders == ["Contratación"]
        assert [p.annotation.id for p in second.notes] == [note.id]
        assert (second.noted, second.within, second.located) == (first.noted, first.within, first.located)
        assert not reads  # the notes were not read again
        added = other.add_note(library, "mision", "otra", "Secretaría General")
        other.remove_favorite(library, "vision")
    finally:
        other.close()
    third = my_notes.listing(library)
    assert reads
    assert [p.annotation.id for p in third.notes] == [note.id, added.id]
    assert third.noted == {LIT_N, "mision"}
    assert [p.annotation.id for p in third.on_page(["mision"])] == [added.id]
    assert third.favorites == []
