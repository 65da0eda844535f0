"""Open the corpus database read-only, refusing files the app cannot use."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from sgdesk.content.dates import PartialDate
from sgdesk.errors import DatabaseError
from sgdesk.store import schema

log = logging.getLogger("sgdesk")

_SQLITE_MAGIC = b"SQLite format 3\x00"
# Another program holding a write lock: wait this long, then say so (Python's default is 5 s).
BUSY_TIMEOUT = 0.5
# Parent links are checked in full at open up to this many nodes (a few milliseconds); larger
# corpora are checked node by node as they are read (bounded queries) and by «sgdesk db check».
FULL_CHECK_LIMIT = 5_000
MAX_DEPTH = 64  # no real corpus nests this deep: deeper means a parent cycle
CONTENT_VERSION_LIMIT = 200


def database_error(path: Path, exc: sqlite3.Error | UnicodeDecodeError) -> DatabaseError:
    """An error SQLite raised while reading ``path``, told in Spanish (no English detail)."""
    log.info("database error in %s: %s", path, exc)
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DatabaseError(
            f"La base de datos {path} está en uso por otro programa. Ciérrelo o espere a que termine, "
            "e intente de nuevo."
        )
    return DatabaseError(
        f"La base de datos {path} está dañada: parte de su contenido no se puede leer. Verifíquela con "
        f"«sgdesk db check {path}» o reinstale sgdesk."
    )


def damaged_data(path: Path, what: str) -> DatabaseError:
    return DatabaseError(
        f"La base de datos {path} tiene datos no válidos ({what}). Verifíquela con «sgdesk db check {path}» "
        "o reinstale sgdesk."
    )


def open_readonly(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only after cheap checks; raise DatabaseError in Spanish."""
    _check_file(path)
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT)
    except sqlite3.Error as exc:
        raise database_error(path, exc) from exc
    try:
        _check_schema(connection, path)
        _check_meta(connection, path)
        _check_parents(connection, path)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a damaged page can hold any bytes
        connection.close()
        raise database_error(path, exc) from exc
    except DatabaseError:
        connection.close()
        raise
    return connection


def _check_file(path: Path) -> None:
    if not path.exists():
        raise DatabaseError(f"No se encuentra la base de datos del corpus: {path}.")
    if not path.is_file():
        raise DatabaseError(f"{path} no es un archivo de base de datos.")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise DatabaseError(f"No se puede leer la base de datos {path}: {exc.strerror}.") from exc
    if size == 0:
        raise DatabaseError(f"La base de datos {path} está vacía (0 bytes): el archivo está dañado.")
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise DatabaseError(
            f"El archivo {path} no es una base de datos de sgdesk: está dañado o es de otro tipo."
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    expected = page_size * page_count
    if page_count and size < expected:
        raise DatabaseError(
            f"La base de datos {path} está incompleta: tiene {size} bytes de los {expected} esperados."
        )


def _check_schema(connection: sqlite3.Connection, path: Path) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > schema.SCHEMA_VERSION:
        raise DatabaseError(
            f"La base de datos {path} es de una versión más reciente de sgdesk (esquema {version}; "
            f"esta versión conoce hasta el {schema.SCHEMA_VERSION}). Actualice la aplicación."
        )
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = [t for t in schema.REQUIRED_TABLES if t not in tables]
    if missing:
        raise DatabaseError(
            f"La base de datos {path} no es un corpus de sgdesk completo: faltan las tablas "
            f"{', '.join(missing)}."
        )
    if version < schema.SCHEMA_VERSION:
        raise DatabaseError(
            f"La base de datos {path} usa un esquema antiguo ({version}); reconstrúyala con "
            "«sgdesk db build»."
        )


def _shown(value: object) -> str:
    """A stored value quoted in a message: printable and short."""
    text = "".join(c if c.isprintable() else "?" for c in str(value))
    return f"«{text[:40]}…»" if len(text) > 40 else f"«{text}»"


def _check_meta(connection: sqlite3.Connection, path: Path) -> None:
    """The values the app reads at start: a version number, a content version, a date."""
    values = {str(k): v for k, v in connection.execute("SELECT key, value FROM meta")}
    try:
        version = int(str(values.get("schema_version")))
    except ValueError:
        version = None
    if version != schema.SCHEMA_VERSION:
        raise damaged_data(path, f"la versión de esquema {_shown(values.get('schema_version'))} no es "
                                 f"{schema.SCHEMA_VERSION}")  # fmt: skip
    content = values.get("content_version")
    if not isinstance(content, str) or not content.strip() or len(content) > CONTENT_VERSION_LIMIT:
        raise damaged_data(path, f"la versión de contenido {_shown(content)} no es válida")
    as_of = values.get("as_of")
    try:
        PartialDate.parse(str(as_of))
    except ValueError:
        raise damaged_data(path, f"la fecha de actualización {_shown(as_of)} no es una fecha") from None


def _check_parents(connection: sqlite3.Connection, path: Path) -> None:
    """Every parent exists and the tree has no cycle (every node reachable from a root)."""
    total = connection.execute("SELECT count(*) FROM nodes").fetchone()[0]
    if total > FULL_CHECK_LIMIT:
        return
    problem = parent_problem(connection, total)
    if problem:
        raise damaged_data(path, problem)


def parent_problem(connection: sqlite3.Connection, total: int) -> str | None:
    """What is wrong with the parent links, in Spanish, or None."""
    dangling = connection.execute(
        """SELECT a.id FROM nodes a WHERE a.parent IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM nodes b WHERE b.id = a.parent) LIMIT 1"""
    ).fetchone()
    if dangling:
        return f"la sección {_shown(dangling[0])} depende de una sección que no existe"
    reachable = connection.execute(
        f"""WITH RECURSIVE down(id, depth) AS (
              SELECT id, 0 FROM nodes WHERE parent IS NULL
              UNION ALL
              SELECT n.id, down.depth + 1 FROM nodes n JOIN down ON n.parent = down.id
              WHERE down.depth < {MAX_DEPTH}
            ) SELECT count(*) FROM down"""
    ).fetchone()[0]
    if reachable != total:
        return "el árbol de secciones tiene un ciclo"
    return None


class CheckResult(NamedTuple):
    """One check of ``check_database``: its name, whether it passed, and what it found. (A
    NamedTuple: this module loads before the window's first frame, where a frozen dataclass
    would compile its methods for a check the window never runs: #11 start-up.)"""

    name: str
    ok: bool
    detail: str


def check_database(path: Path) -> list[CheckResult]:
    """SQLite's integrity check, the tree's parent links and the full-text index, each named."""
    try:
        connection = open_readonly(path)
    except DatabaseError as exc:
        return [CheckResult("esquema", False, exc.message)]
    results = [CheckResult("esquema", True, f"versión {schema.SCHEMA_VERSION}")]
    try:
        results.append(_run_check("integridad SQLite", path, lambda: _check_integrity(connection)))
        results.append(_run_check("árbol de secciones", path, lambda: _check_tree(connection)))
        results.append(_run_check("índice de texto (FTS5)", path, lambda: _check_fts(path, connection)))
    finally:
        connection.close()
    return results


def _run_check(name: str, path: Path, check: Callable[[], tuple[bool, str]]) -> CheckResult:
    try:
        ok, detail = check()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        ok, detail = False, database_error(path, exc).message
    return CheckResult(name, ok, detail)


def _check_integrity(connection: sqlite3.Connection) -> tuple[bool, str]:
    rows = [str(r[0]) for r in connection.execute("PRAGMA integrity_check")]
    return rows == ["ok"], _printable("; ".join(rows[:5]))


def _check_tree(connection: sqlite3.Connection) -> tuple[bool, str]:
    total = connection.execute("SELECT count(*) FROM nodes").fetchone()[0]
    problem = parent_problem(connection, total)
    return problem is None, problem or f"{total} nodos"


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)[:400]


FTS_SAMPLE = 300  # terms whose match counts are compared with a freshly rebuilt index


def _check_fts(path: Path, original: sqlite3.Connection) -> tuple[bool, str]:
    """FTS5's own integrity check (index against contents), then a sample of words searched in
    the shipped index and in one rebuilt from the contents: damaged index pages can pass the
    first and still lose matches. Both write, so they run on a copy, never the original."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="sgdesk-check-") as folder:
        copy = Path(folder) / "corpus.db"
        try:
            shutil.copyfile(path, copy)
            os.chmod(copy, 0o600)
            connection = sqlite3.connect(copy)
        except (OSError, sqlite3.Error) as exc:
            return False, f"no se pudo copiar para verificar: {exc}"
        try:
            connection.execute("INSERT INTO nodes_fts(nodes_fts, rank) VALUES('integrity-check', 1)")
        except (sqlite3.DatabaseError, UnicodeDecodeError):
            connection.close()
            return False, "el índice no corresponde al contenido (integrity-check)"
        try:
            wrong = _sample_mismatches(original, connection)
        except (sqlite3.DatabaseError, UnicodeDecodeError):
            return False, "el índice no se puede leer"
        finally:
            connection.close()
    if wrong:
        return False, f"{len(wrong)} palabra(s) con resultados que faltan, p. ej. «{wrong[0]}»"
    return True, "ok"


def _sample_mismatches(original: sqlite3.Connection, copy: sqlite3.Connection) -> list[str]:
    copy.execute("INSERT INTO nodes_fts(nodes_fts) VALUES('rebuild')")
    copy.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, nodes_fts, 'row')")
    terms = [str(r[0]) for r in copy.execute("SELECT term FROM temp.vocab ORDER BY doc DESC, term")]
    step = max(1, len(terms) // FTS_SAMPLE)
    wrong = []
    for term in terms[::step]:
        quoted = schema.fts_phrase(term)
        query = "SELECT count(*) FROM nodes_fts WHERE nodes_fts MATCH ?"
        if original.execute(query, (quoted,)).fetchone()[0] != copy.execute(query, (quoted,)).fetchone()[0]:
            wrong.append(term)
    return wrong
