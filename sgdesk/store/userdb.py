"""The user database (favorites, notes): SQLite in WAL mode beside the settings, never the corpus.

Opening never fails: a database from a newer sgdesk, a damaged file or a folder that cannot
be written gives a ``UserDatabase`` that reads what it can and refuses writes with the
Spanish ``problem``. A damaged file is renamed aside, never overwritten.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sgdesk.errors import UserDataError, os_reason, sqlite_reason
from sgdesk.store.schema import FTS_TOKENIZE

USER_DB_NAME = "mis-notas.db"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_BUSY_TIMEOUT_S = 5.0

log = logging.getLogger("sgdesk")

# Migration N (1-based) brings ``PRAGMA user_version`` from N-1 to N. Append; never edit one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE folders (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            position INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE favorites (
            node_id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
            position INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL)""",
        """CREATE TABLE annotations (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            node_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('note', 'highlight')),
            text TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL DEFAULT '',
            exact TEXT,
            prefix TEXT,
            suffix TEXT,
            start INTEGER,
            end INTEGER,
            content_version TEXT NOT NULL,
            node_title TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL)""",
        "CREATE INDEX annotations_node ON annotations(node_id)",
    ),
    (
        """CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            node_id TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            opened TEXT NOT NULL,
            as_of TEXT)""",
        "CREATE INDEX history_opened ON history(opened)",
        "CREATE TABLE preferences (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
    (
        # The notes' own full-text index, with the corpus index's tokenizer and column names
        # (``title``: the quote, ``text``: the note, ``stems``: Spanish stems of both), so
        # that the corpus search's expressions apply. Kept by ``usernotes`` in the same
        # transaction as each change; notes older than this index get no stems.
        f"CREATE VIRTUAL TABLE annotations_fts USING fts5(title, text, stems, tokenize='{FTS_TOKENIZE}')",
        "INSERT INTO annotations_fts (rowid, title, text, stems) "
        "SELECT pk, coalesce(exact, ''), text, '' FROM annotations",
    ),
    (
        # A number that moves with every change to notes, favorites or folders (not to the
        # history): a window lists them again only when it moved, whoever made the change.
        "CREATE TABLE revision (id INTEGER PRIMARY KEY CHECK (id = 1), number INTEGER NOT NULL)",
        "INSERT INTO revision VALUES (1, 0)",
        *(
            f"CREATE TRIGGER {table}_{event.lower()}_revision AFTER {event} ON {table} "
            "BEGIN UPDATE revision SET number = number + 1; END"
            for table in ("annotations", "favorites", "folders")
            for event in ("INSERT", "UPDATE", "DELETE")
        ),
    ),
    (
        # A second number that moves with notes and highlights only: a page's painted passages
        # are read again when it moved, not when a favorite or a folder changed.
        "ALTER TABLE revision ADD COLUMN notes INTEGER NOT NULL DEFAULT 0",
        *(
            statement
            for event in ("INSERT", "UPDATE", "DELETE")
            for statement in (
                f"DROP TRIGGER annotations_{event.lower()}_revision",
                f"CREATE TRIGGER annotations_{event.lower()}_revision AFTER {event} ON annotations "
                "BEGIN UPDATE revision SET number = number + 1, notes = notes + 1; END",
            )
        ),
    ),
)
LATEST_VERSION = len(MIGRATIONS)


@dataclass
class UserDatabase:
    connection: sqlite3.Connection
    path: Path
    problem: str | None = None  # why writes are refused (Spanish); None: writable
    _own_commits: int = field(default=0, init=False, compare=False)  # see ``change_token``

    @property
    def read_only(self) -> bool:
        return self.problem is not None

    @contextmanager
    def write(self, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction (BEGIN IMMEDIATE … COMMIT); rolled back if the block raises.

        ``durable=False`` (the history): the commit is not flushed to disk on its own, which
        spares a page opening an fsync; a crash of the program still loses nothing, a power
        cut may lose the last visits (never the file's consistency)."""
        if self.problem is not None:
            raise UserDataError(f"No se guardó. {self.problem}")
        connection = self.connection
        try:
            connection.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise UserDataError(f"No se pudo guardar en {self.path}: {sqlite_reason(exc)}.") from exc
        try:
            yield connection
            connection.execute("COMMIT")
            self._own_commits += 1
        except BaseException as exc:
            connection.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise UserDataError(f"No se pudo guardar en {self.path}: {sqlite_reason(exc)}.") from exc
            raise

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """Reads, with SQLite's errors turned into a Spanish UserDataError."""
        try:
            yield self.connection
        except sqlite3.Error as exc:
            reason = sqlite_reason(exc)
            raise UserDataError(f"No se pudieron leer Mis notas ({self.path}): {reason}.") from exc

    def change_token(self) -> tuple[int, int]:
        """Changes whenever anything was committed: by another connection or process (SQLite's
        ``PRAGMA data_version``, which ignores this connection's own commits) or by this one."""
        with self.reading() as connection:
            other = int(connection.execute("PRAGMA data_version").fetchone()[0])
        return other, self._own_commits

    def revision(self) -> tuple[int, ...]:
        """Moves with every committed change to notes, favorites or folders, by this or any
        other connection, and not with the history (a database too old to carry the number,
        opened read-only: any change at all)."""
        try:
            with self.reading() as connection:
                return (int(connection.execute("SELECT number FROM revision").fetchone()[0]),)
        except (UserDataError, TypeError):
            return self.change_token()

    def notes_revision(self) -> tuple[int, ...]:
        """Moves with every committed change to notes and highlights (not favorites, folders
        or the history), by this or any other connection (a database too old to carry the
        number, opened read-only: any change at all)."""
        try:
            with self.reading() as connection:
                return (int(connection.execute("SELECT notes FROM revision").fetchone()[0]),)
        except (UserDataError, TypeError):
            return self.change_token()

    def close(self) -> None:
        self.connection.close()


def open_user_database(folder: Path) -> UserDatabase:
    """Open (creating and migrating) ``folder/mis-notas.db``; see the module docstring."""
    path = folder / USER_DB_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _read_only(path, f"No se puede escribir en la carpeta {folder} ({os_reason(exc)}).")
    if path.exists() and not _looks_like_sqlite(path):
        return _damaged(path, "no es una base de datos SQLite")
    try:
        connection = _connect(f"{path.resolve().as_uri()}?mode=rwc")
    except sqlite3.Error as exc:
        return _read_only(path, f"No se puede abrir {path} para escribir ({sqlite_reason(exc)}).")
    try:
        return _prepare(connection, path)
    except sqlite3.DatabaseError as exc:
        connection.close()
        if _is_read_only_error(exc):
            return _read_only(path, f"No se puede escribir en {path} ({sqlite_reason(exc)}).")
        log.error("user database %s failed its check: %s", path, exc)  # SQLite's own words
        if getattr(exc, "sqlite_errorname", None):
            return _damaged(path, sqlite_reason(exc))
        return _damaged(path, "la comprobación de integridad encontró partes dañadas")


def open_reader(path: Path) -> UserDatabase:
    """A second, read-only connection to the user database at ``path`` (for a worker thread:
    a connection belongs to the thread that opened it). Empty if the file is not there or
    cannot be read; it never creates, migrates or sets aside anything."""
    problem = "Conexión de solo lectura."
    if path.is_file():
        connection = _readable(path, "SELECT count(*) FROM annotations")
        if connection is not None:
            return UserDatabase(connection, path, problem)
    return _empty(path, problem)


def _prepare(connection: sqlite3.Connection, path: Path) -> UserDatabase:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST_VERSION:
        connection.close()
        return _read_only(
            path,
            f"Mis notas ({path}) fueron guardadas por una versión más reciente de sgdesk "
            f"(esquema {version}; esta versión conoce hasta el {LATEST_VERSION}). Actualice sgdesk "
            "para modificarlas.",
        )
    check = [row[0] for row in connection.execute("PRAGMA quick_check")]
    if check != ["ok"]:
        raise sqlite3.DatabaseError("; ".join(check[:3]))
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")  # a saved note survives a power cut too
    database = UserDatabase(connection, path)
    _migrate(database, version)
    _probe_write(connection)
    return database


def _probe_write(connection: sqlite3.Connection) -> None:
    """Raise SQLite's read-only error now if the file cannot be written (immutable, read-only
    attribute, no write permission): a WAL file opens without writing, so only a write tells.
    Nothing is kept (rolled back). A file another program is writing is writable: no wait."""
    connection.execute("PRAGMA busy_timeout = 0")
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if _is_read_only_error(exc):
            raise
        return  # locked by a writer
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_S * 1000)}")
    try:
        connection.execute(f"PRAGMA user_version = {LATEST_VERSION}")
    finally:
        connection.execute("ROLLBACK")


def _migrate(database: UserDatabase, version: int) -> None:
    if version == LATEST_VERSION:
        return
    with database.write() as connection:
        for number in range(version + 1, LATEST_VERSION + 1):
            for statement in MIGRATIONS[number - 1]:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {LATEST_VERSION}")


def _connect(uri: str) -> sqlite3.Connection:
    # Autocommit: transactions are explicit (``UserDatabase.write``).
    connection = sqlite3.connect(uri, uri=True, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


def _looks_like_sqlite(path: Path) -> bool:
    """An empty file is a new database; anything else must start with SQLite's header."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_MAGIC))
    except OSError:
        return True  # unreadable: opening will say so
    return header == b"" or header == _SQLITE_MAGIC


def _is_read_only_error(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open" in text


def _damaged(path: Path, detail: str) -> UserDatabase:
    aside = _set_aside(path)
    where = f"se guardó aparte como {aside}" if aside else "se dejó intacto"
    log.error("user database %s is damaged (%s); %s", path, detail, where)
    return _empty(
        path,
        f"El archivo de Mis notas {path} está dañado ({detail}); {where}. En esta sesión no se "
        "guardan notas ni favoritos; la próxima vez sgdesk empezará un archivo nuevo.",
    )


def _set_aside(path: Path) -> Path | None:
    """Rename the damaged file (and its WAL) to a name that does not exist yet."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    for attempt in range(100):
        aside = path.with_name(f"{path.stem}.dañada-{stamp}{f'-{attempt}' if attempt else ''}.db")
        if aside.exists():
            continue
        try:
            path.rename(aside)
        except OSError as exc:
            log.error("could not set the damaged user database aside: %s", exc)
            return None
        for suffix in ("-wal", "-shm"):
            companion = Path(f"{path}{suffix}")
            if companion.exists():
                try:
                    companion.rename(Path(f"{aside}{suffix}"))
                except OSError as exc:
                    log.warning("could not move %s aside: %s", companion, exc)
        return aside
    return None


def _read_only(path: Path, problem: str) -> UserDatabase:
    """What can be read of ``path`` without writing anything, or an empty database."""
    log.warning("user data read-only: %s", problem)
    if path.is_file():
        connection = _readable(path, "SELECT count(*) FROM sqlite_master")
        if connection is not None:
            return UserDatabase(connection, path, problem)
    return _empty(path, problem)


def _readable(path: Path, probe: str) -> sqlite3.Connection | None:
    """A read-only connection that answers ``probe``, or None. In a folder that cannot be
    written, SQLite cannot make a WAL database's shared-memory file: the file is then read as
    immutable (nobody can change it there either)."""
    for options in ("mode=ro", "mode=ro&immutable=1"):
        try:
            connection = _connect(f"{path.resolve().as_uri()}?{options}")
        except sqlite3.Error as exc:
            log.warning("user database %s not readable (%s): %s", path, options, exc)
            continue
        try:
            connection.execute(probe).fetchone()
        except sqlite3.Error as exc:
            connection.close()
            log.warning("user database %s not readable (%s): %s", path, options, exc)
            continue
        return connection
    return None


def _empty(path: Path, problem: str) -> UserDatabase:
    """An empty, current database in memory that refuses writes."""
    connection = _connect("file::memory:")
    for statements in MIGRATIONS:
        for statement in statements:
            connection.execute(statement)
    return UserDatabase(connection, path, problem)
