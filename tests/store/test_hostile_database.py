"""Crafted databases: malformed values, parent cycles, damaged pages, a lock held elsewhere.

Each case builds its file from the corpus, then asserts the Spanish message that names the
file, and that the rest of the corpus stays readable where it can.
"""

from __future__ import annotations

import random
import sqlite3
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest

from sgdesk.errors import DatabaseError, SgdeskError
from sgdesk.library import Library
from sgdesk.store import db
from sgdesk.store.corpus import DAMAGED_NODE
from sgdesk.store.db import check_database, open_readonly
from sgdesk.store.schema import SCHEMA_VERSION
from tests.altered import altered_copy

T = TypeVar("T")
DAMAGED_INDEX = "El índice de búsqueda está dañado; verifique la base con «sgdesk db check»."
CYCLE = "UPDATE nodes SET parent = 'decreto-267-2007/art-7' WHERE id = 'decreto-267-2007'"


def finishes(call: Callable[[], T], seconds: float = 60) -> T:
    """Run ``call`` on a thread; fail (instead of hanging the suite) if it never returns."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # handed back to the test below
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, "the call never returned (a hang)"
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]  # type: ignore[return-value]


def _message(call: Callable[[], object]) -> str:
    """The Spanish message ``call`` ends with, or "ok"."""
    try:
        call()
    except SgdeskError as exc:
        return exc.message
    return "ok"


def _total(library: Library, word: str) -> int | str:
    """How many results ``word`` finds, or the message the search ends with."""
    try:
        return library.search(word, limit=100).total
    except SgdeskError as exc:
        return exc.message


def _healthy(path: Path) -> bool:
    return all(result.ok for result in check_database(path))


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("schema_version", "abc", f"la versión de esquema «abc» no es {SCHEMA_VERSION}"),
        ("schema_version", "2", f"la versión de esquema «2» no es {SCHEMA_VERSION}"),
        ("as_of", "2024-02-30", "la fecha de actualización «2024-02-30» no es una fecha"),
        ("as_of", "<b>ayer</b>", "la fecha de actualización «<b>ayer</b>» no es una fecha"),
        ("content_version", "", "la versión de contenido «» no es válida"),
        ("content_version", "x" * 500, "la versión de contenido «xxxxx"),
    ],
)
def test_malformed_meta_is_refused_at_open_and_by_db_check(
    tmp_path: Path, corpus_db: Path, key: str, value: str, expected: str
) -> None:
    path = altered_copy(
        corpus_db, tmp_path / "meta.db", f"UPDATE meta SET value = '{value}' WHERE key = '{key}'"
    )
    with pytest.raises(DatabaseError) as caught:
        Library.open(path)
    assert expected in caught.value.message
    assert str(path) in caught.value.message
    assert "sgdesk db check" in caught.value.message
    assert len(caught.value.message) < 400
    assert not _healthy(path)


def test_a_parent_cycle_is_refused_at_open(tmp_path: Path, corpus_db: Path) -> None:
    path = altered_copy(corpus_db, tmp_path / "cycle.db", CYCLE)
    with pytest.raises(DatabaseError, match="el árbol de secciones tiene un ciclo"):
        finishes(lambda: open_readonly(path))
    results = {r.name: r for r in finishes(lambda: check_database(path))}
    assert not results["esquema"].ok


def test_a_dangling_parent_is_refused_at_open(tmp_path: Path, corpus_db: Path) -> None:
    path = altered_copy(
        corpus_db, tmp_path / "dangling.db", "UPDATE nodes SET parent = 'nadie' WHERE id = 'mision'"
    )
    with pytest.raises(DatabaseError, match="la sección «mision» depende de una sección que no existe"):
        open_readonly(path)


def test_a_cycle_in_a_corpus_too_large_to_check_at_open_never_hangs(
    tmp_path: Path, corpus_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above FULL_CHECK_LIMIT the links are checked as nodes are read: every recursive query
    is bounded, and the damaged node says so while the others stay readable."""
    monkeypatch.setattr(db, "FULL_CHECK_LIMIT", 0)
    path = altered_copy(corpus_db, tmp_path / "cycle.db", CYCLE)
    library = Library.open(path)
    try:
        for node_id in ("decreto-267-2007", "decreto-267-2007/art-7", "decreto-267-2007/art-7/lit-n"):
            with pytest.raises(DatabaseError, match="ciclo"):
                finishes(lambda node_id=node_id: library.page(node_id))
        assert finishes(lambda: library.page("mision")).node.title == "Misión"
        hits = finishes(lambda: library.search("funciones")).hits
        assert hits  # breadcrumbs of the nodes in the cycle are cut short, not endless
        results = {r.name: r for r in check_database(path)}
        assert not results["árbol de secciones"].ok
    finally:
        library.interrupt()  # a query still running (a hang) would block close()
        library.close()


def test_a_body_that_is_not_json_damages_only_its_node(tmp_path: Path, corpus_db: Path) -> None:
    path = altered_copy(
        corpus_db, tmp_path / "body.db", "UPDATE nodes SET body = '{roto' WHERE id = 'mision'"
    )
    library = Library.open(path)
    try:
        page = library.page("mision")
        assert page.units[0].node.plain_text == DAMAGED_NODE
        assert page.node.title == "Misión"
        assert "Visión" in [n.title for n in library.children("informacion-general")]
        assert library.page("vision").units[0].node.plain_text != DAMAGED_NODE
    finally:
        library.close()


def test_an_unknown_kind_damages_only_its_node(tmp_path: Path, corpus_db: Path) -> None:
    path = altered_copy(
        corpus_db, tmp_path / "kind.db", "UPDATE nodes SET kind = 'virus' WHERE id = 'vision'"
    )
    library = Library.open(path)
    try:
        assert library.page("vision").units[0].node.plain_text == DAMAGED_NODE
        assert [n.title for n in library.children("informacion-general")][:2] == ["Misión", "Visión"]
    finally:
        library.close()


def test_a_bad_date_in_a_norm_is_a_spanish_error(tmp_path: Path, corpus_db: Path) -> None:
    path = altered_copy(
        corpus_db, tmp_path / "date.db", "UPDATE norms SET issued = 'ayer' WHERE id = 'decreto-267-2007'"
    )
    library = Library.open(path)
    try:
        with pytest.raises(DatabaseError) as caught:
            library.page("decreto-267-2007")
        assert "tiene datos no válidos" in caught.value.message
        assert str(path) in caught.value.message
        with pytest.raises(DatabaseError):
            library.timeline()
        assert library.page("mision").node.title == "Misión"
    finally:
        library.close()


def test_a_database_locked_by_another_program_is_in_use_not_damaged(tmp_path: Path, corpus_db: Path) -> None:
    path = altered_copy(corpus_db, tmp_path / "locked.db")
    other = sqlite3.connect(path)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError) as caught:
            open_readonly(path)
        assert "está en uso por otro programa" in caught.value.message
        assert "dañada" not in caught.value.message
    finally:
        other.rollback()
        other.close()
    open_readonly(path).close()  # usable again once the other program lets go


def _pages(path: Path, *tables: str) -> list[int]:
    connection = sqlite3.connect(path)
    try:
        marks = ",".join("?" * len(tables))
        rows = connection.execute(
            f"SELECT pageno FROM dbstat WHERE name IN ({marks}) ORDER BY pageno", tables
        )
        return [row[0] for row in rows]
    finally:
        connection.close()


def _overwrite(path: Path, page: int, rng: random.Random, count: int) -> None:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for _ in range(count):
        data[(page - 1) * size + rng.randrange(size)] = rng.randrange(256)
    path.write_bytes(bytes(data))


def test_overwritten_table_pages_are_a_spanish_error_naming_the_file(tmp_path: Path, corpus_db: Path) -> None:
    rng = random.Random(17)
    original = altered_copy(corpus_db, tmp_path / "original.db")
    pages = _pages(original, "nodes", "norms", "events", "changes", "offices", "later_changes")
    for page in pages:
        path = tmp_path / f"page-{page}.db"
        path.write_bytes(original.read_bytes())
        data = bytearray(path.read_bytes())
        data[(page - 1) * 4096 + 8 : page * 4096] = bytes(rng.randrange(256) for _ in range(4096 - 8))
        path.write_bytes(bytes(data))
        opened = _message(lambda path=path: Library.open(path).close())
        messages = [opened]
        if opened == "ok":
            library = Library.open(path)
            messages += [_message(library.all_nodes), _message(library.timeline)]
            messages.append(_message(partial(library.page, "decreto-267-2007")))
            library.close()
        for message in messages:
            assert message == "ok" or str(path) in message
            assert message == "ok" or "sgdesk db check" in message or "no es una base" in message


def test_damaged_index_pages_are_caught_by_db_check_and_search(tmp_path: Path, corpus_db: Path) -> None:
    """Seeded damage to the full-text index: whenever a search gives a different answer from
    the intact file, «db check» says the index is damaged, and the search itself either says
    so or still finds what it should — never a silent «Sin resultados»."""
    words = ["funciones", "secretaria", "decreto", "gestion", "mision", "politicas", "documental"]
    intact = Library.open(corpus_db)
    expected = {w: intact.search(w, limit=100).total for w in words}
    intact.close()
    original = altered_copy(corpus_db, tmp_path / "original.db")
    pages = _pages(original, "nodes_fts_data", "nodes_fts_idx")
    rng = random.Random(1717)
    differing = 0
    for variant in range(40):
        path = tmp_path / f"fts-{variant}.db"
        path.write_bytes(original.read_bytes())
        _overwrite(path, rng.choice(pages), rng, rng.choice([1, 4, 16, 200]))
        answers: dict[str, int | str] = {}
        library = Library.open(path)
        try:
            for word in words:
                answers[word] = _total(library, word)
        finally:
            library.close()
        if answers != expected:
            differing += 1
            assert not {r.name: r for r in check_database(path)}["índice de texto (FTS5)"].ok
            assert 0 not in [answers[w] for w in words if expected[w]], answers
            assert {a for a in answers.values() if isinstance(a, str)} <= {DAMAGED_INDEX}
    assert differing >= 10  # the seed damages the index often enough to mean something
