"""``sgdesk db build``: the database holds the corpus, versioned and reproducible."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from sgdesk import paths
from sgdesk.content.sources import content_version
from sgdesk.errors import DatabaseError, SourceError
from sgdesk.store import schema
from sgdesk.store.build import build_database


def _meta(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as connection:
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    connection.close()
    return meta


def test_build_records_versions(corpus_db: Path, sources_dir: Path) -> None:
    meta = _meta(corpus_db)
    assert meta["schema_version"] == str(schema.SCHEMA_VERSION)
    assert meta["content_version"] == content_version(sources_dir)
    assert meta["as_of"] == "2012"
    connection = sqlite3.connect(corpus_db)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert connection.execute("SELECT count(*) FROM norms").fetchone()[0] == 6
    connection.close()


def test_same_sources_same_content(tmp_path: Path, sources_dir: Path, corpus_db: Path) -> None:
    again = tmp_path / "again.db"
    build_database(sources_dir, again)
    assert _meta(again)["content_version"] == _meta(corpus_db)["content_version"]
    dump = ["SELECT id, title, text FROM nodes ORDER BY id", "SELECT * FROM events ORDER BY id"]
    for query in dump:
        first, second = sqlite3.connect(corpus_db), sqlite3.connect(again)
        assert first.execute(query).fetchall() == second.execute(query).fetchall()
        first.close()
        second.close()


def test_fts_is_accent_insensitive(corpus_db: Path) -> None:
    connection = sqlite3.connect(corpus_db)
    rows = connection.execute(
        "SELECT nodes.id FROM nodes_fts JOIN nodes ON nodes.pk = nodes_fts.rowid "
        "WHERE nodes_fts MATCH ? ORDER BY rank",
        ("gestion documental",),
    ).fetchall()
    connection.close()
    assert ("decreto-267-2007/art-7/lit-h",) in rows


def test_build_is_atomic_on_failure(tmp_path: Path, sources_dir: Path) -> None:
    broken = tmp_path / "sources"
    shutil.copytree(sources_dir, broken)
    (broken / "normas" / "decreto-77-2012.toml").write_text("id = 1\n", encoding="utf-8")
    output = tmp_path / "out.db"
    output.write_bytes(b"previous database")
    with pytest.raises(Exception, match="Las fuentes del corpus"):
        build_database(broken, output)
    assert output.read_bytes() == b"previous database"
    assert list(tmp_path.glob("*.part")) == []


def _sources_without_norms(folder: Path) -> Path:
    (folder / "normas").mkdir(parents=True)
    (folder / "informacion-general.toml").write_text(
        'id = "raiz"\ntitle = "Prueba"\n[[sections]]\nid = "s"\ntitle = "S"\nparagraphs = ["Texto."]\n',
        encoding="utf-8",
    )
    return folder


def test_sources_without_any_norm_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    sources = _sources_without_norms(tmp_path / "sources")
    output = tmp_path / "out.db"
    output.write_bytes(b"previous database")
    with pytest.raises(SourceError) as caught:
        build_database(sources, output)
    assert caught.value.problems == [
        f"normas: no hay ninguna norma en {sources / 'normas'}; una base sin normas no puede respaldar "
        "la vigencia de ninguna fecha y sgdesk no la abriría. Agregue al menos una norma."
    ]
    assert output.read_bytes() == b"previous database"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.db", "sources"]


def test_unwritable_output_is_explained(tmp_path: Path, sources_dir: Path) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x", encoding="utf-8")  # unwritable as a folder, even for root
    with pytest.raises(DatabaseError, match="No se pudo escribir la base de datos"):
        build_database(sources_dir, not_a_folder / "sgdesk.db")
    assert not_a_folder.read_text(encoding="utf-8") == "x"


def test_shipped_database_matches_the_sources(sources_dir: Path) -> None:
    """data/sgdesk.db must be rebuilt (``sgdesk db build``) whenever a source changes."""
    shipped = paths.shipped_database()
    assert shipped.exists()
    assert _meta(shipped)["content_version"] == content_version(sources_dir)


def _everything(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """The schema and every row of every table (the full-text index's binary pages aside: its
    configuration and vocabulary stay), but the version of the program that built it."""
    binary = ("nodes_fts", "nodes_fts_data", "nodes_fts_idx", "nodes_fts_docsize")
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        master = connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        found: dict[str, list[tuple[object, ...]]] = {"schema": master}
        for kind, table, _ in master:
            if kind == "table" and table not in binary:
                found[table] = connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
    found["meta"] = [row for row in found["meta"] if row[0] != "builder_version"]
    return found


def test_a_fresh_build_is_the_shipped_database_row_for_row(tmp_path: Path, sources_dir: Path) -> None:
    """Whatever the build writes (tables, columns, indexes, rows) is what ships: a change to the
    build that the app would read differently shows here."""
    fresh = build_database(sources_dir, tmp_path / "sgdesk.db").path
    assert _everything(fresh) == _everything(paths.shipped_database())
