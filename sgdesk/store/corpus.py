"""Read queries over an open corpus database. Returns domain values, never rows."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, NamedTuple, ParamSpec, TypeVar

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import (
    Amendment,
    Block,
    BlockKind,
    EventKind,
    LaterChange,
    Node,
    NodeKind,
    Norm,
)
from sgdesk.store.db import MAX_DEPTH, damaged_data, database_error

if TYPE_CHECKING:  # (the timeline and the offices load when first asked for, not to show a page: #11)
    from sgdesk.content.records import Change, Office
    from sgdesk.content.timeline_events import TimelineEvent

_NODE_COLUMNS = "id, parent, position, kind, title, citation, label, body, norm, child_count"
# Light nodes (tree rows, breadcrumbs, listings): no body to decode, the start of the text.
_LIGHT_COLUMNS = (
    "nodes.id, parent, position, kind, title, citation, label, '[]', norm, child_count, substr(text, 1, 240)"
)


DAMAGED_NODE = "Esta sección está dañada en la base de datos."

_P = ParamSpec("_P")
_R = TypeVar("_R")
_Method = Callable[Concatenate["CorpusStore", _P], _R]


def _guarded(method: _Method[_P, _R]) -> _Method[_P, _R]:
    """Errors reading the file become a DatabaseError in Spanish that names it. An interrupted
    query (a newer search, the window closing) stays an OperationalError for its caller."""

    @functools.wraps(method)
    def guarded(self: CorpusStore, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "") == "SQLITE_INTERRUPT":
                raise
            raise database_error(self.path, exc) from exc
        except sqlite3.DatabaseError as exc:
            raise database_error(self.path, exc) from exc
        except (ValueError, TypeError, KeyError, AttributeError) as exc:  # a value of the wrong shape
            raise damaged_data(self.path, type(exc).__name__) from exc

    return guarded


class Meta(NamedTuple):
    """The corpus database's own record: its schema, content version, horizon and edition."""

    schema_version: int
    content_version: str
    as_of: str
    edition: int = 1


class CorpusStore:
    """The one owner of a read-only connection to the corpus."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None) -> None:
        self._db = connection
        self.path = path or Path("?")

    def close(self) -> None:
        self._db.close()

    @_guarded
    def meta(self) -> Meta:
        values = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        edition = values.get("edition", "1")
        return Meta(
            int(values.get("schema_version", 0)),
            values.get("content_version", ""),
            values.get("as_of", ""),
            int(edition) if edition.isdigit() else 1,
        )

    @_guarded
    def node(self, node_id: str) -> Node | None:
        row = self._db.execute(f"SELECT {_NODE_COLUMNS} FROM nodes WHERE id = ?", (node_id,)).fetchone()
        return _node(row) if row else None

    @_guarded
    def children(self, node_id: str | None) -> list[Node]:
        """Light nodes (no body) below ``node_id``, in order."""
        where = "parent IS NULL" if node_id is None else "parent = ?"
        args = () if node_id is None else (node_id,)
        rows = self._db.execute(f"SELECT {_LIGHT_COLUMNS} FROM nodes WHERE {where} ORDER BY position", args)
        return [_node(r) for r in rows]

    @_guarded
    def ancestors(self, node_id: str) -> list[Node]:
        """The chain (light nodes) from the root down to the parent of ``node_id``."""
        rows = self._db.execute(
            f"""WITH RECURSIVE up(id, depth) AS (
                  SELECT parent, 1 FROM nodes WHERE id = ?
                  UNION ALL
                  SELECT nodes.parent, up.depth + 1 FROM nodes JOIN up ON nodes.id = up.id
                  WHERE up.depth < {MAX_DEPTH}
                )
                SELECT {_LIGHT_COLUMNS} FROM up CROSS JOIN nodes ON nodes.id = up.id
                ORDER BY up.depth DESC""",
            (node_id,),
        )
        chain = [_node(r) for r in rows]
        if len(chain) >= MAX_DEPTH or (chain and chain[0].parent is not None):
            raise damaged_data(self.path, f"la sección «{node_id[:80]}» está en un ciclo o sin raíz")
        return chain

    @_guarded
    def descendants(self, node_id: str) -> list[tuple[int, Node]]:
        """Every unit below ``node_id``, depth first, with its depth (children are 1)."""
        rows = self._db.execute(
            f"""WITH RECURSIVE down(id, depth, path) AS (
                  SELECT id, 1, printf('%08d', position) FROM nodes WHERE parent = ?
                  UNION ALL
                  SELECT n.id, down.depth + 1, down.path || printf('%08d', n.position)
                  FROM nodes n JOIN down ON n.parent = down.id WHERE down.depth < {MAX_DEPTH}
                )
                SELECT down.depth, {_NODE_COLUMNS} FROM down JOIN nodes USING (id)
                ORDER BY down.path""",
            (node_id,),
        )
        found = [(r[0], _node(r[1:])) for r in rows]
        if any(node.id == node_id for _, node in found):
            raise damaged_data(self.path, f"la sección «{node_id[:80]}» está en un ciclo")
        return found

    @_guarded
    def norm(self, norm_id: str) -> Norm | None:
        row = self._db.execute(
            "SELECT id, type, number, year, issuer, issued, epigrafe, in_force FROM norms WHERE id = ?",
            (norm_id,),
        ).fetchone()
        if row is None:
            return None
        in_force = PartialDate.parse(row[7]) if row[7] else None
        return Norm(row[0], row[1], row[2], row[3], row[4], PartialDate.parse(row[5]), row[6], in_force)

    @_guarded
    def office_norms(self) -> frozenset[str]:
        """The norms that created or renamed offices: those the structure of the entity rests on."""
        rows = self._db.execute(
            """SELECT DISTINCT e.norm FROM events e JOIN changes c ON c.event = e.id
               WHERE c.target LIKE 'dependencia/%'"""
        )
        return frozenset(r[0] for r in rows)

    @_guarded
    def held_filters(self) -> tuple[frozenset[str], frozenset[str]]:
        """The search filters' values the corpus holds: kinds of content and norm types."""
        kinds = {str(r[0]) for r in self._db.execute("SELECT DISTINCT kind FROM nodes")}
        types = frozenset(str(r[0]) for r in self._db.execute("SELECT DISTINCT type FROM norms"))
        return frozenset(_FILTER_OF_KIND[k] for k in kinds if k in _FILTER_OF_KIND), types

    @_guarded
    def norm_ids(self) -> frozenset[str]:
        return frozenset(r[0] for r in self._db.execute("SELECT id FROM norms"))

    @_guarded
    def similar_ids(self, node_id: str, limit: int = 400) -> list[str]:
        """Candidate ids near ``node_id``: those sharing its first segment, and the top level."""
        head = node_id.split("/", 1)[0][:12]
        rows = self._db.execute(
            """SELECT id FROM nodes WHERE id LIKE ? ESCAPE '\\'
               UNION SELECT id FROM nodes WHERE kind IN ('section', 'norm') LIMIT ?""",
            (_like_prefix(head), limit),
        )
        return [r[0] for r in rows]

    @_guarded
    def notes_for(self, targets: Iterable[str]) -> dict[str, list[tuple[str, PartialDate]]]:
        """Provenance notes ("Adicionado por …") for each target with their event's date, oldest first."""
        ids = list(targets)
        notes: dict[str, list[tuple[str, PartialDate]]] = defaultdict(list)
        for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"""SELECT c.target, c.note, e.date FROM changes c JOIN events e ON e.id = c.event
                    WHERE c.target IN ({marks}) AND e.kind != 'issuance'
                    ORDER BY e.pk, c.position""",
                chunk,
            )
            for target, note, when in rows:
                notes[target].append((note, PartialDate.parse(when)))
        return notes

    @_guarded
    def amendments_by(self, norm_id: str) -> list[Amendment]:
        """What ``norm_id`` does to other units and offices (its issuance aside)."""
        rows = self._db.execute(
            """SELECT e.id, e.norm, e.kind, e.date, e.summary, group_concat(c.target, char(31))
               FROM events e JOIN changes c ON c.event = e.id
               WHERE e.norm = ? AND e.kind != 'issuance' GROUP BY e.pk ORDER BY e.pk""",
            (norm_id,),
        )
        return [
            Amendment(r[0], r[1], EventKind(r[2]), PartialDate.parse(r[3]), r[4], tuple(r[5].split("\x1f")))
            for r in rows
        ]

    @_guarded
    def timeline_rows(self) -> tuple[list[TimelineEvent], dict[str, PartialDate]]:
        return timeline_rows(self._db)

    @_guarded
    def in_force_rows(self) -> tuple[list[tuple[PartialDate, EventKind, str]], dict[str, PartialDate]]:
        """What the units' statuses follow from, without the timeline (content.timeline.InForce):
        (date, kind, target) of each change of an event that starts or ends something (an
        insertion, a creation, a repeal), and each norm's date."""
        parse = functools.lru_cache(maxsize=None)(PartialDate.parse)
        rows = self._db.execute(
            """SELECT e.date, e.kind, c.target FROM events e JOIN changes c ON c.event = e.id
               WHERE e.kind IN ('insertion', 'creation', 'repeal') ORDER BY e.pk, c.position"""
        )
        moments = [(parse(when), EventKind(kind), target) for when, kind, target in rows]
        return moments, _norm_dates(self._db, parse)

    @_guarded
    def has_repeals(self) -> bool:
        """Whether any event repeals something (the shipped corpus has none)."""
        return self._db.execute("SELECT 1 FROM events WHERE kind = 'repeal' LIMIT 1").fetchone() is not None

    @_guarded
    def ancestors_below_changed(self) -> dict[str, tuple[str, ...]]:
        """For each unit below a unit (not a norm) that an insertion, creation or repeal
        targets, its ancestors within its norm up to the topmost such unit, nearest first."""
        rows = self._db.execute(
            f"""WITH RECURSIVE down(id, above, depth) AS (
                  SELECT DISTINCT n.id, n.parent, 1  -- from the few events, not every node
                  FROM events e CROSS JOIN changes c CROSS JOIN nodes n
                  WHERE c.event = e.id AND n.parent = c.target
                    AND e.kind IN ('insertion', 'creation', 'repeal')
                    AND c.target NOT IN (SELECT id FROM norms)
                  UNION ALL
                  SELECT n.id, down.above || char(31) || n.parent, down.depth + 1
                  FROM nodes n JOIN down ON n.parent = down.id WHERE down.depth < {MAX_DEPTH}
                )
                SELECT id, above FROM down""",
        )
        found: dict[str, tuple[str, ...]] = {}
        for node_id, above in rows:
            chain = tuple(reversed(above.split("\x1f")))
            if len(chain) > len(found.get(node_id, ())):
                found[node_id] = chain
        return found

    @_guarded
    def offices(self) -> list[Office]:
        return office_rows(self._db)

    @_guarded
    def later_changes(self) -> list[LaterChange]:
        return later_change_rows(self._db)

    @_guarded
    def light_nodes(self, node_ids: list[str]) -> dict[str, Node]:
        """Light nodes (no body) by id, in one statement; ids not in the corpus are left out."""
        if not node_ids:
            return {}
        marks = ",".join("?" * len(node_ids))
        rows = self._db.execute(f"SELECT {_LIGHT_COLUMNS} FROM nodes WHERE nodes.id IN ({marks})", node_ids)
        return {node.id: node for node in map(_node, rows)}

    @_guarded
    def hit_nodes(self, pks: list[int]) -> dict[int, tuple[Node, str]]:
        """Search hits by primary key (the FTS rowids), each with its indexed text; a node's body
        (JSON to decode) is read only when it has no indexed text to cut a snippet from."""
        if not pks:
            return {}
        marks = ",".join("?" * len(pks))
        rows = self._db.execute(f"SELECT pk, text, {_HIT_COLUMNS} FROM nodes WHERE pk IN ({marks})", pks)
        return {row[0]: (_hit_node(row[2:]), str(row[1] or "")) for row in rows}

    @_guarded
    def breadcrumbs(self, node_ids: list[str]) -> dict[str, tuple[str, ...]]:
        """The titles from the root down to each node, itself included (a search hit's
        breadcrumb is its parent's), in one query."""
        if not node_ids:
            return {}
        marks = ",".join("?" * len(node_ids))
        rows = self._db.execute(
            f"""WITH RECURSIVE up(start, id, depth) AS (
                  SELECT id, id, 0 FROM nodes WHERE id IN ({marks})
                  UNION ALL
                  SELECT up.start, nodes.parent, up.depth + 1 FROM up JOIN nodes ON nodes.id = up.id
                  WHERE up.depth < {MAX_DEPTH} AND nodes.parent IS NOT NULL
                )
                SELECT up.start, nodes.title FROM up CROSS JOIN nodes ON nodes.id = up.id
                ORDER BY up.start, up.depth DESC""",
            node_ids,
        )
        found: dict[str, list[str]] = {}
        for start, title in rows:
            found.setdefault(start, []).append(str(title))
        return {node_id: tuple(titles) for node_id, titles in found.items()}

    @property
    def connection(self) -> sqlite3.Connection:
        return self._db

    @_guarded
    def all_nodes(self) -> list[Node]:
        rows = self._db.execute(f"SELECT {_LIGHT_COLUMNS} FROM nodes ORDER BY pk")
        return [_node(r) for r in rows]


def _like_prefix(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%"


def _node(row: tuple[object, ...]) -> Node:
    """A node from its row. A value of the wrong shape (a body that is not JSON, an unknown
    kind) damages this node only: it keeps its place and says so instead of its text."""
    node_id, parent, position, kind, title, citation, label, body, norm, child_count = row[:10]
    preview = str(row[10] or "") if len(row) > 10 else ""
    try:
        blocks = () if body in (None, "", "[]") else tuple(Block.from_json(b) for b in json.loads(str(body)))
        node_kind, place, count = NodeKind(str(kind)), int(str(position)), int(str(child_count or 0))
    except (ValueError, TypeError, KeyError, AttributeError, AssertionError, RecursionError):
        blocks, preview = (Block(BlockKind.PARAGRAPH, (DAMAGED_NODE,)),), DAMAGED_NODE
        node_kind = NodeKind(str(kind)) if str(kind) in _KINDS else NodeKind.SECTION
        place, count = 0, 0
    return Node(
        str(node_id), str(parent) if parent else None, place, node_kind, str(title), str(citation),
        str(label or ""), blocks, str(norm) if norm else None, count, preview=preview,
    )  # fmt: skip


_KINDS = frozenset(kind.value for kind in NodeKind)
_KIND_OF = {kind.value: kind for kind in NodeKind}
# A search hit's columns: its body (JSON to decode) only when it has no indexed text, else NULL.
_HIT_COLUMNS = _NODE_COLUMNS.replace("body", "CASE WHEN coalesce(text, '') = '' THEN body END")


def _hit_node(row: tuple[object, ...]) -> Node:
    """``_node(row)`` for a search hit, without its conversions when the row has the shapes a
    sound database gives (a search builds 20 of these; they are most of its own cost)."""
    node_id, parent, position, kind, title, citation, label, body, norm, child_count = row
    node_kind = _KIND_OF.get(kind) if isinstance(kind, str) else None
    if (
        body is None and node_kind is not None and type(position) is int
        and (type(child_count) is int or child_count is None)
        and type(node_id) is str and type(title) is str and type(citation) is str
        and (parent is None or type(parent) is str) and (label is None or type(label) is str)
        and (norm is None or type(norm) is str)
    ):  # fmt: skip
        return Node(node_id, parent or None, position, node_kind, title, citation, label or "", (),
                    norm or None, child_count or 0)  # fmt: skip
    return _node(row)


# The search panel's «Tipo de contenido» values (see search.KIND_GROUPS), by node kind.
_FILTER_OF_KIND = {"section": "general", "norm": "norma", "article": "disposicion", "literal": "disposicion"}


def timeline_rows(connection: sqlite3.Connection) -> tuple[list[TimelineEvent], dict[str, PartialDate]]:
    """Every event with its changes, and each norm's date (in force when known, else issued)."""
    # Dates repeat a great deal ("2008"): parse each text once (PartialDate is immutable).
    from sgdesk.content.records import Change
    from sgdesk.content.timeline_events import TimelineEvent  # (neither loaded to show a page)

    parse = functools.lru_cache(maxsize=None)(PartialDate.parse)
    kinds = {kind.value: kind for kind in EventKind}
    changes: dict[str, list[Change]] = defaultdict(list)
    for event_id, target, old, new in connection.execute(
        "SELECT event, target, old_name, new_name FROM changes ORDER BY event, position"
    ):
        changes[event_id].append(Change(target, old, new))
    events = [
        TimelineEvent(row[0], row[1], f"{str(row[6]).capitalize()} {row[7]} de {row[8]}", kinds[row[2]],
                      parse(row[3]), row[4], tuple(changes.get(row[0], ())), row[5])
        for row in connection.execute(
            """SELECT e.id, e.norm, e.kind, e.date, e.summary, e.article, n.type, n.number, n.year
               FROM events e JOIN norms n ON n.id = e.norm ORDER BY e.pk"""
        )
    ]  # fmt: skip
    return events, _norm_dates(connection, parse)


def _norm_dates(
    connection: sqlite3.Connection, parse: Callable[[str], PartialDate]
) -> dict[str, PartialDate]:
    """Each norm's date: in force when known, else issued."""
    return {
        norm_id: parse(in_force or issued)
        for norm_id, issued, in_force in connection.execute("SELECT id, issued, in_force FROM norms")
    }


def office_rows(connection: sqlite3.Connection) -> list[Office]:
    from sgdesk.content.records import Office

    rows = connection.execute("SELECT id, name, parent, created_by FROM offices ORDER BY position")
    return [Office(*row) for row in rows]


def later_change_rows(connection: sqlite3.Connection) -> list[LaterChange]:
    rows = connection.execute(
        """SELECT id, norm, affects, issued, in_force, publication, targets
           FROM later_changes ORDER BY position"""
    )
    return [
        LaterChange(change_id, norm, affects, PartialDate.parse(issued),
                    PartialDate.parse(in_force) if in_force else None, publication,
                    tuple(str(t) for t in json.loads(targets or "[]")))
        for change_id, norm, affects, issued, in_force, publication, targets in rows
    ]  # fmt: skip
