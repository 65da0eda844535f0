"""``sgdesk db build``: turn the validated sources into one SQLite file."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from sgdesk import __version__
from sgdesk.content import amendments, citations
from sgdesk.content.indexing import index_fields
from sgdesk.content.model import Corpus, Event, Node, NodeKind
from sgdesk.content.sources import NORMS_DIR, describe_target, load_corpus
from sgdesk.content.synonyms import table_rows
from sgdesk.errors import DatabaseError, SourceError, os_reason
from sgdesk.store import schema


@dataclass(frozen=True)
class BuildReport:
    path: Path
    content_version: str
    nodes: int
    norms: int
    events: int


def build_database(sources: Path, output: Path) -> BuildReport:
    """Validate ``sources`` and write the database to ``output`` atomically."""
    corpus = load_corpus(sources)
    if not corpus.norms:  # no norm, no event: the database could vouch for no date
        raise SourceError(
            [
                f"{NORMS_DIR}: no hay ninguna norma en {sources / NORMS_DIR}; una base sin normas no puede "
                "respaldar la vigencia de ninguna fecha y sgdesk no la abriría. Agregue al menos una norma."
            ]
        )
    temporary = output.with_name(output.name + ".part")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        write_corpus(corpus, temporary)
        os.replace(temporary, output)
    except (OSError, sqlite3.Error) as exc:
        if temporary.parent.is_dir():
            temporary.unlink(missing_ok=True)
        reason = (
            os_reason(exc)
            if isinstance(exc, OSError)
            else "no se puede crear el archivo en esa carpeta (¿sin permiso o de solo lectura?)"
        )
        raise DatabaseError(f"No se pudo escribir la base de datos en {output}: {reason}") from exc
    return BuildReport(
        output, corpus.content_version, len(corpus.nodes), len(corpus.norms), len(corpus.events)
    )


def write_corpus(corpus: Corpus, path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        db = sqlite_utils.Database(connection)
        schema.create_tables(db)
        with db.atomic():
            _insert(db, corpus)
        schema.create_fts(db)
        db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
        connection.commit()
        db.vacuum()
    finally:
        connection.close()


def _insert(db: sqlite_utils.Database, corpus: Corpus) -> None:
    db.table("meta").insert_all(
        [
            {"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
            {"key": "content_version", "value": corpus.content_version},
            {"key": "builder_version", "value": __version__},
            {"key": "as_of", "value": _latest_date(corpus)},
            {"key": "edition", "value": str(corpus.edition)},
        ]
    )
    db.table("nodes").insert_all(_node_rows(corpus), batch_size=2000)
    db.table("norms").insert_all(
        {
            "id": n.id, "type": n.type, "number": n.number, "year": n.year, "issuer": n.issuer,
            "issued": n.issued.iso(), "issued_precision": n.issued.precision.value,
            "in_force": n.in_force.iso() if n.in_force else None,
            "in_force_precision": n.in_force.precision.value if n.in_force else None,
            "epigrafe": n.epigrafe,
        }
        for n in corpus.norms
    )  # fmt: skip
    _insert_events(db, corpus)
    db.table("later_changes").insert_all(
        {"position": i, "id": c.id, "norm": c.norm, "affects": c.affects,
         "publication": c.publication, "issued": c.issued.iso(),
         "in_force": c.in_force.iso() if c.in_force else None,
         "targets": json.dumps(list(c.targets), ensure_ascii=False)}
        for i, c in enumerate(corpus.later_changes)
    )  # fmt: skip
    db.table("offices").insert_all(
        {"id": o.id, "position": i, "name": o.name, "parent": o.parent, "created_by": o.created_by}
        for i, o in enumerate(corpus.offices)
    )
    db.table("synonyms").insert_all(
        {"entry": entry, "position": position, "form": form}
        for entry, position, form in table_rows(corpus.synonyms)
    )


def _latest_date(corpus: Corpus) -> str:
    """The date of the last event (every norm has one: its issuance; build_database refuses none)."""
    return max((e.date for e in corpus.events), key=lambda d: d.key).iso()


def _node_rows(corpus: Corpus) -> Iterator[dict[str, object]]:
    norms = {n.id: n for n in corpus.norms}
    nodes = {n.id: n for n in corpus.nodes}
    for node in sorted(corpus.nodes, key=lambda n: (n.parent or "", n.position)):
        norm = norms.get(node.norm) if node.norm else None
        article = node if node.kind is NodeKind.ARTICLE else nodes.get(node.parent or "")
        yield {
            "id": node.id, "parent": node.parent, "position": node.position,
            "kind": node.kind.value, "title": node.title, "citation": node.citation,
            "label": node.label,
            "body": json.dumps([b.to_json() for b in node.body], ensure_ascii=False),
            "norm": node.norm, "child_count": node.child_count,
            **index_fields(node, norm, article if node.kind is not NodeKind.NORM else None),
        }  # fmt: skip


def _insert_events(db: sqlite_utils.Database, corpus: Corpus) -> None:
    describe = describe_target(corpus)
    norms = {n.id: n for n in corpus.norms}
    nodes = {n.id: n for n in corpus.nodes}
    # One insert_all per table: an insert() per event costs sqlite-utils' per-call overhead.
    events: list[dict[str, object]] = []
    changes: list[dict[str, object]] = []
    for event in corpus.events:
        title = norms[event.norm].title
        source = amendments.source_of(event, title, _article_number(event, nodes))
        events.append({
            "id": event.id, "norm": event.norm, "article": event.article,
            "kind": event.kind.value, "date": event.date.iso(),
            "date_precision": event.date.precision.value,
            "summary": amendments.event_summary(event, title, describe), "source": source,
        })  # fmt: skip
        changes.extend(
            {
                "event": event.id,
                "position": i,
                "target": c.target,
                "old_name": c.old_name,
                "new_name": c.new_name,
                "note": amendments.provenance_note(event, source),
            }
            for i, c in enumerate(event.changes)
        )
    db.table("events").insert_all(events, batch_size=1000)
    db.table("changes").insert_all(changes, batch_size=1000)


def _article_number(event: Event, nodes: dict[str, Node]) -> str | None:
    article = nodes.get(event.article or "")
    return citations.article_number(article) if article is not None else None
