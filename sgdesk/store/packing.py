"""What content packs ask of a corpus database: its facts, its checks, its norms' fingerprints.

Used by ``sgdesk.packs`` when building a pack (stamp the version, compare with the previous
database) and when installing one (integrity checks on the staged file, before it is used).
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sgdesk.content.model import Norm
from sgdesk.errors import DatabaseError
from sgdesk.store.corpus import CorpusStore
from sgdesk.store.db import open_readonly


@dataclass(frozen=True)
class DatabaseFacts:
    schema_version: int
    content_version: str
    as_of: str  # the corpus horizon: the latest change it incorporates (ISO, maybe partial)
    edition: int  # what the status bar shows; the content team bumps it with each publication


@dataclass(frozen=True)
class Fingerprints:
    """A digest per norm and per section, to tell what changed between two databases."""

    norms: dict[str, tuple[str, str]]  # norm id → (title, digest of its nodes)
    sections: dict[str, tuple[str, str]]  # section id → (title, digest of its own text)


def database_facts(path: Path) -> DatabaseFacts:
    """Schema version, content version and horizon of a usable corpus (DatabaseError if not)."""
    with closing(CorpusStore(open_readonly(path))) as store:
        meta = store.meta()
    return DatabaseFacts(meta.schema_version, meta.content_version, meta.as_of, meta.edition)


def schema_version_of(path: Path) -> int:
    """``PRAGMA user_version`` without any other check (for a precise refusal message)."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            return int(connection.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"la base de datos no se puede leer ({exc})") from exc


def stamp_content_version(path: Path, version: str, sources_hash: str) -> None:
    """Write the pack's content version into a freshly built database (kept: the sources' hash)."""
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('content_version', ?), ('sources_hash', ?)",
            (version, sources_hash),
        )


def integrity_problems(path: Path) -> list[str]:
    """SQLite's ``integrity_check`` (read-only); an empty list when the file is sound."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            rows = [str(r[0]) for r in connection.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows[:5]


def fts_problems(path: Path, against_content: bool = True) -> list[str]:
    """FTS5's integrity check. It is an INSERT: run inside a transaction that is rolled back,
    so the file (already hashed) keeps every byte. ``against_content`` also re-reads every row
    to compare the index with the text (twice the time); without it, the index's structure."""
    try:
        with closing(sqlite3.connect(path, isolation_level=None)) as connection:
            connection.execute("BEGIN")
            try:
                connection.execute(
                    "INSERT INTO nodes_fts(nodes_fts, rank) VALUES('integrity-check', ?)",
                    (int(against_content),),
                )
            finally:
                connection.execute("ROLLBACK")
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return []


def fingerprints(path: Path) -> Fingerprints:
    """Per norm, a digest of every node that belongs to it and its events; per section, its text."""
    with closing(CorpusStore(open_readonly(path))) as store:
        connection = store.connection
        titles = {norm_id: _norm_title(store, norm_id) for norm_id in store.norm_ids()}
        digests: dict[str, hashlib._Hash] = {norm_id: hashlib.sha256() for norm_id in titles}
        rows = connection.execute(
            "SELECT id, norm, kind, title, label, body FROM nodes ORDER BY norm, parent, position, id"
        )
        sections: dict[str, tuple[str, str]] = {}
        for node_id, norm, kind, title, label, body in rows:
            text = "\x1f".join(str(v) for v in (node_id, title, label, body))
            if norm in digests:
                digests[norm].update(text.encode("utf-8"))
            elif kind == "section":
                sections[node_id] = (title, hashlib.sha256(text.encode("utf-8")).hexdigest())
        for row in connection.execute("SELECT norm, id, kind, date, summary FROM events ORDER BY norm, id"):
            if row[0] in digests:
                digests[row[0]].update("\x1f".join(str(v) for v in row).encode("utf-8"))
    norms = {norm_id: (titles[norm_id], digest.hexdigest()) for norm_id, digest in digests.items()}
    return Fingerprints(norms, sections)


def _norm_title(store: CorpusStore, norm_id: str) -> str:
    norm: Norm | None = store.norm(norm_id)
    return norm.title if norm is not None else norm_id
