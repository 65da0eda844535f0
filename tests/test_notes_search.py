"""The Búsqueda panel's search includes Mis notas (#12.6): notes first, marked, then the corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sgdesk.content.annotations import AnnotationKind
from sgdesk.content.highlight import marked_text
from sgdesk.content.query import SearchFilters
from sgdesk.library import Library, SearchMode
from sgdesk.notes import MyNotes
from sgdesk.notes_search import search_with_notes

LIT_N = "decreto-267-2007/art-7/lit-n"
QUOTE = "proyección y estrategia internacional"
ANY = SearchFilters()


@pytest.fixture
def my_notes(tmp_path: Path) -> Iterator[MyNotes]:
    notes = MyNotes.open(tmp_path / "datos")
    yield notes
    notes.close()


def search(library: Library, notes: MyNotes, text: str, offset: int = 0, **mode: bool) -> list[str]:
    """What the list shows, one line per hit: «nota:» and the note's marked snippet, or the unit's id."""
    results = search_with_notes(library, notes, text, ANY, 20, offset, SearchMode(**mode))
    assert all(hit.note is not None for hit in results.hits[: results.notes])
    assert all(hit.note is None for hit in results.hits[results.notes :])
    return [f"nota: {marked_text(hit.snippet)}" if hit.note else hit.node.id for hit in results.hits]


def test_notes_come_first_marked_then_the_corpus(library: Library, my_notes: MyNotes) -> None:
    my_notes.add_note(library, LIT_N, "Ver el concepto 2023-114 sobre gestión documental", QUOTE)
    shown = search(library, my_notes, "gestion documental")
    assert shown[0] == "nota: Ver el concepto 2023-114 sobre «gestión documental»"
    assert shown[1:4] == [hit.node.id for hit in library.search("gestion documental").hits[:3]]


def test_notes_are_stemmed_like_the_corpus_and_a_highlight_is_found_by_its_passage(
    library: Library, my_notes: MyNotes
) -> None:
    my_notes.add_note(library, LIT_N, "Contrataciones de 2024", None)
    my_notes.add_note(library, LIT_N, "", QUOTE, kind=AnnotationKind.HIGHLIGHT, color="amarillo")
    assert search(library, my_notes, "contratación", only_notes=True) == ["nota: «Contrataciones» de 2024"]
    results = search_with_notes(library, my_notes, "estrategias", ANY, 20, 0, SearchMode(only_notes=True))
    (hit,) = results.hits
    assert hit.note is not None
    assert (hit.note.highlight, hit.note.passage, hit.node.id) == (True, QUOTE, LIT_N)
    assert marked_text(hit.snippet) == "proyección y «estrategia» internacional"
    assert results.total == 1


def test_solo_mis_notas_leaves_the_corpus_out(library: Library, my_notes: MyNotes) -> None:
    note = my_notes.add_note(library, LIT_N, "Ver gestión documental", QUOTE)
    only = SearchMode(only_notes=True)
    results = search_with_notes(library, my_notes, "gestion documental", ANY, 20, 0, only)
    assert [hit.note.annotation_id for hit in results.hits if hit.note] == [note.id]
    assert (len(results.hits), results.total, results.notes) == (1, 1, 1)
    assert search(library, my_notes, "zzzqqq", only_notes=True) == []


def test_the_word_being_typed_finds_notes_too_and_later_pages_have_none(
    library: Library, my_notes: MyNotes
) -> None:
    my_notes.add_note(library, LIT_N, "Concepto jurídico pendiente", None)
    assert search(library, my_notes, "concep", prefix_last=True, only_notes=True) == [
        "nota: «Concepto» jurídico pendiente"
    ]
    assert search(library, my_notes, "concep", only_notes=True) == [], "a finished word is a whole word"
    assert not any(line.startswith("nota:") for line in search(library, my_notes, "concepto", offset=20))


def test_without_a_user_database_the_corpus_alone(library: Library) -> None:
    results = search_with_notes(library, None, "gestion documental", ANY, 20, 0, SearchMode())
    assert results.notes == 0
    assert [h.node.id for h in results.hits] == [h.node.id for h in library.search("gestion documental").hits]


def test_past_the_ranking_cap_the_newest_notes_come_first(
    library: Library, my_notes: MyNotes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word every note has (thousands of matches) lists the newest notes, not a costly rank."""
    from sgdesk.store import usernotes

    first = my_notes.add_note(library, LIT_N, "contrato contrato contrato", None)
    second = my_notes.add_note(library, LIT_N, "contrato y otras cosas que diluyen la palabra", None)
    ids = [p.annotation.id for p in my_notes.search(library, "contrato")]
    assert ids == [first.id, second.id], "ranked: the note that says it three times first"
    monkeypatch.setattr(usernotes, "RANK_CAP", 1)
    assert [p.annotation.id for p in my_notes.search(library, "contrato")] == [second.id, first.id]
