"""Open the corpus database read-only, refusing files the app cannot use."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sgdesk.errors import DatabaseError
from sgdesk.store import schema

_SQLITE_MAGIC = b"SQLite format 3\x00"


def open_readonly(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only after cheap checks; raise DatabaseError in Spanish."""
    _check_file(path)
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise DatabaseError(f"No se pudo abrir la base de datos {path}: {exc}.") from exc
    try:
        _check_schema(connection, path)
    except sqlite3.DatabaseError as exc:
        connection.close()
        raise DatabaseError(f"La base de datos {path} está dañada y no se puede leer ({exc}).") from exc
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


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


def check_database(path: Path) -> list[CheckResult]:
    """Run SQLite's integrity check, the FTS integrity check and the schema check."""
    try:
        connection = open_readonly(path)
    except DatabaseError as exc:
        return [CheckResult("esquema", False, exc.message)]
    results = [CheckResult("esquema", True, f"versión {schema.SCHEMA_VERSION}")]
    try:
        rows = [r[0] for r in connection.execute("PRAGMA integrity_check")]
        results.append(CheckResult("integridad SQLite", rows == ["ok"], "; ".join(rows[:5])))
        results.append(_check_fts(path))
    except sqlite3.DatabaseError as exc:
        results.append(CheckResult("integridad SQLite", False, str(exc)))
    finally:
        connection.close()
    return results


def _check_fts(path: Path) -> CheckResult:
    """FTS5's integrity check is an INSERT: run it on a writable copy, never the original."""
    import shutil
    import tempfile

    name = "índice de texto (FTS5)"
    with tempfile.TemporaryDirectory(prefix="sgdesk-check-") as folder:
        copy = Path(folder) / "corpus.db"
        try:
            shutil.copyfile(path, copy)
            os.chmod(copy, 0o600)
            connection = sqlite3.connect(copy)
        except OSError as exc:
            return CheckResult(name, False, f"no se pudo copiar para verificar: {exc.strerror}")
        try:
            connection.execute("INSERT INTO nodes_fts(nodes_fts, rank) VALUES('integrity-check', 1)")
            return CheckResult(name, True, "ok")
        except sqlite3.DatabaseError as exc:
            return CheckResult(name, False, str(exc))
        finally:
            connection.close()
