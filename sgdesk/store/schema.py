"""The corpus database schema and its version."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only ``db build`` needs sqlite-utils; the app must not pay for its import
    import sqlite_utils

# Bump when the tables change; the app refuses databases with a newer version.
SCHEMA_VERSION = 5  # 5: vocab and synonyms tables; joined forms of compounds in ``stems``

FTS_TOKENIZE = "unicode61 remove_diacritics 2"
WRITTEN_COLUMNS = "{title text}"  # an FTS5 column filter: where a word is written (not stems, facets)
REQUIRED_TABLES = ("meta", "nodes", "norms", "events", "changes", "offices", "later_changes", "nodes_fts",
                   "vocab", "synonyms")  # fmt: skip


def fts_phrase(term: str) -> str:
    """``term`` as one FTS5 phrase: between double quotes, a quote inside doubled (so any text,
    even one with quotes, is searched as text and never a syntax error)."""
    return '"' + term.replace('"', '""') + '"'


def create_tables(db: sqlite_utils.Database) -> None:
    """Create the empty tables (the FTS index is created after the nodes are in)."""
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("nodes").create(
        {
            "pk": int, "id": str, "parent": str, "position": int, "kind": str, "title": str,
            "citation": str, "label": str, "body": str, "text": str, "stems": str, "facets": str,
            "norm": str,
            "child_count": int,
        },
        pk="pk", not_null={"id", "kind", "title", "citation"},
    )  # fmt: skip
    db.table("nodes").create_index(["id"], unique=True)
    db.table("nodes").create_index(["parent", "position"])
    db.table("norms").create(
        {
            "id": str, "type": str, "number": str, "year": int, "issuer": str,
            "issued": str, "issued_precision": str, "in_force": str,
            "in_force_precision": str, "epigrafe": str,
        },
        pk="id",
    )  # fmt: skip
    db.table("events").create(
        {
            "pk": int, "id": str, "norm": str, "article": str, "kind": str, "date": str,
            "date_precision": str, "summary": str, "source": str,
        },
        pk="pk",
    )  # fmt: skip
    db.table("events").create_index(["id"], unique=True)
    db.table("events").create_index(["norm"])
    db.table("changes").create(
        {"event": str, "position": int, "target": str, "old_name": str, "new_name": str, "note": str},
        pk=("event", "position"),
    )
    db.table("changes").create_index(["target"])
    db.table("later_changes").create(
        {"position": int, "id": str, "norm": str, "affects": str, "issued": str, "in_force": str,
         "publication": str, "targets": str},
        pk="position",
    )  # fmt: skip
    db.table("offices").create(
        {"id": str, "position": int, "name": str, "parent": str, "created_by": str}, pk="id"
    )
    db.table("synonyms").create({"entry": int, "position": int, "form": str}, pk=("entry", "position"))


# bm25 weights of (title, text, stems, facets): titles above text, exact words above stems.
BM25_WEIGHTS = "10.0, 4.0, 1.5, 0.0"
RANK = f"bm25({BM25_WEIGHTS})"


def create_fts(db: sqlite_utils.Database) -> None:
    """Index titles, texts, Spanish stems and facets, accent-insensitively."""
    db.table("nodes").enable_fts(["title", "text", "stems", "facets"], tokenize=FTS_TOKENIZE)
    db.execute(f"INSERT INTO nodes_fts(nodes_fts, rank) VALUES('rank', '{RANK}')")
    db.execute("INSERT INTO nodes_fts(nodes_fts) VALUES('optimize')")
    create_vocab(db)


# Kinds of vocab rows: words of titles and texts, and the stems column's stems.
WORDS, STEMS = "w", "s"


def create_vocab(db: sqlite_utils.Database) -> None:
    """The index's vocabulary with document counts, read once from FTS5's ``fts5vocab``: for
    «¿Quiso decir…?» and to expand short prefixes to their most frequent words (reading
    ``fts5vocab`` at query time walks whole doclists: seconds at 1M units)."""
    db.execute(
        "CREATE TABLE vocab (kind TEXT NOT NULL, term TEXT NOT NULL, docs INTEGER NOT NULL, "
        "PRIMARY KEY (kind, term)) WITHOUT ROWID"
    )
    db.execute("CREATE VIRTUAL TABLE temp.fts_vocab USING fts5vocab(main, nodes_fts, col)")
    db.execute(
        f"INSERT INTO vocab SELECT '{WORDS}', term, sum(doc) FROM temp.fts_vocab "
        "WHERE col IN ('title', 'text') GROUP BY term"
    )
    db.execute(f"INSERT INTO vocab SELECT '{STEMS}', term, doc FROM temp.fts_vocab WHERE col = 'stems'")
    db.execute("DROP TABLE temp.fts_vocab")
