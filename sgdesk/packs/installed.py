"""The content installed in a data folder: which version is current, install, rollback.

Layout under ``DATA/contenido``::

    actual.json              the «current content» pointer: installed versions, current last
    versiones/<v>-<id>/      sgdesk.db, manifest.json, manifest.json.minisig of one version
    .staging-<id>/           a pack being verified (removed on refusal, swept at the next install)
    .lock                    held while installing or rolling back

Nothing under ``versiones`` is ever modified; a version becomes current only when
``actual.json`` is replaced (temporary file, fsync, rename), so a process killed at any
moment leaves the previous or the new content current, never a half-written one.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sgdesk.errors import DatabaseError
from sgdesk.packs.errors import DowngradeError, PackError
from sgdesk.packs.filesystem import InstallLock, fsync_dir, fsync_file, write_atomically
from sgdesk.packs.location import CONTENT_DIR, POINTER
from sgdesk.packs.manifest import version_key
from sgdesk.store import packing, schema
from sgdesk.store.db import open_readonly

# The window reads which content is current at start; reading, verifying and installing packs
# (zip, signatures, cryptography) load when a pack is handled, not with the first frame.
if TYPE_CHECKING:
    from sgdesk.packs import archive
    from sgdesk.packs.keys import PublicKey
    from sgdesk.packs.manifest import Manifest

VERSIONS = "versiones"
STAGING_PREFIX = ".staging-"
KEEP = 2  # the current version and the previous one
SHIPPED_LABEL = "contenido incluido con la aplicación"

# (phase, bytes done, bytes in all): phases «verificar», «copiar», «comprobar», «cambiar».
PhaseProgress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class InstalledVersion:
    version: str
    folder: str
    installed: str  # ISO 8601, UTC
    origin: str  # the pack's file name
    sha256: str
    size: int
    horizon: str
    created: str
    edition: int = 0  # 0: unknown (installed before the manifest carried it)
    pinned: bool = False  # installed on purpose though older than the shipped corpus


@dataclass(frozen=True)
class Content:
    """What a data folder reads: the installed current version, else the shipped corpus."""

    path: Path
    version: InstalledVersion | None  # None: the shipped corpus
    warning: str | None = None  # why the installed version is not used, for the user

    @property
    def label(self) -> str:
        return f"versión {self.version.version}" if self.version else SHIPPED_LABEL


@dataclass(frozen=True)
class Preview:
    """A pack whose signature holds, before installing it: what the user is asked about."""

    manifest: Manifest
    key: PublicKey
    installed: InstalledVersion | None
    shipped_edition: int = 0

    @property
    def is_downgrade(self) -> bool:
        """Not newer than the installed version, or an older edition than the shipped corpus."""
        if self.manifest.edition < self.shipped_edition:
            return True
        return self.installed is not None and version_key(self.manifest.content_version) <= version_key(
            self.installed.version
        )


class ContentFolder:
    """The installed content of one data folder."""

    def __init__(self, data_dir: Path, shipped: Path, keys_dir: Path) -> None:
        self.root = data_dir / CONTENT_DIR
        self.shipped = shipped
        self.keys_dir = keys_dir

    # -- reading ---------------------------------------------------------------

    def versions(self) -> list[InstalledVersion]:
        """Installed versions, the current one last; [] when none (or the pointer is unreadable)."""
        try:
            return self._read_pointer()
        except PackError:
            return []

    def _read_pointer(self) -> list[InstalledVersion]:
        path = self.root / POINTER
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return [InstalledVersion(**entry) for entry in data["versions"]]
        except (FileNotFoundError, NotADirectoryError):
            return []  # nothing installed (or no usable data folder: its owner says so)
        except (OSError, ValueError, KeyError, TypeError):
            raise PackError(f"El registro del contenido instalado ({path}) está dañado.") from None

    def database_of(self, version: InstalledVersion) -> Path:
        from sgdesk.packs import archive

        return self.root / VERSIONS / version.folder / archive.DATABASE

    def current(self) -> Content:
        """The installed current content if it is sound, else the shipped corpus with a warning."""
        try:
            versions = self._read_pointer()
        except PackError as exc:
            return Content(self.shipped, None, _fallback(exc.message))
        if not versions:
            return Content(self.shipped, None)
        top = versions[-1]
        if not top.pinned and 0 < top.edition < self.shipped_edition():
            return Content(self.shipped, None)  # the app was updated with newer content
        path = self.database_of(top)
        try:
            if not path.is_file() or path.stat().st_size != top.size:
                raise DatabaseError(f"falta la base de datos o su tamaño no es el instalado ({path})")
            open_readonly(path).close()
        except (DatabaseError, OSError) as exc:
            reason = exc.message if isinstance(exc, DatabaseError) else str(exc)
            return Content(
                self.shipped,
                None,
                _fallback(f"El contenido instalado (versión {top.version}) está dañado: {reason}"),
            )
        return Content(path, top)

    def shipped_edition(self) -> int:
        """The edition of the corpus that came with the app (0 if it cannot be read)."""
        try:
            return packing.database_facts(self.shipped).edition
        except DatabaseError:
            return 0

    def keys(self, extra: Path | None = None) -> list[PublicKey]:
        from sgdesk.packs.keys import trusted_keys

        return trusted_keys(self.keys_dir, extra)

    # -- installing ------------------------------------------------------------

    def preview(self, pack: Path, trust_key: Path | None = None) -> Preview:
        """Size limits, entry names and signature (no writing): what the install dialog shows."""
        from sgdesk.packs import archive

        keys = self.keys(trust_key)
        with archive.PackReader(pack) as reader:
            signed = reader.verify_signature(keys)
        return Preview(signed.manifest, signed.key, self._installed_top(), self.shipped_edition())

    def _installed_top(self) -> InstalledVersion | None:
        versions = self.versions()
        return versions[-1] if versions else None

    def install(
        self,
        pack: Path,
        trust_key: Path | None = None,
        allow_downgrade: bool = False,
        progress: PhaseProgress | None = None,
    ) -> InstalledVersion:
        """Verify ``pack`` completely, then make it the current content atomically."""
        from sgdesk.packs import archive

        report = progress or (lambda _phase, _done, _total: None)
        report("verificar", 0, 0)
        keys = self.keys(trust_key)
        with archive.PackReader(pack) as reader:
            signed = reader.verify_signature(keys)
            manifest = signed.manifest
            shipped = self.shipped_edition()
            _refuse_downgrade(pack.name, manifest, self._installed_top(), allow_downgrade, shipped)
            with InstallLock(self.root):
                self._sweep()
                staging = self.root / f"{STAGING_PREFIX}{os.urandom(6).hex()}"
                try:
                    staging.mkdir()
                    _stage(reader, signed, staging, report)
                    report("comprobar", 0, 0)
                    _check_staged(pack.name, staging / archive.DATABASE, manifest)
                    report("cambiar", 0, 0)
                    pinned = manifest.edition < shipped
                    installed = self._switch(staging, manifest, pack.name, pinned)
                finally:
                    shutil.rmtree(staging, ignore_errors=True)
                self._sweep()
        return installed

    def _switch(self, staging: Path, manifest: Manifest, origin: str, pinned: bool) -> InstalledVersion:
        folder = f"{manifest.content_version}-{staging.name.removeprefix(STAGING_PREFIX)}"
        versions_dir = self.root / VERSIONS
        versions_dir.mkdir(exist_ok=True)
        os.replace(staging, versions_dir / folder)
        fsync_dir(versions_dir)
        installed = InstalledVersion(
            manifest.content_version, folder, datetime.now(UTC).isoformat(timespec="seconds"),
            origin, manifest.database_sha256, manifest.database_size, manifest.horizon, manifest.created,
            manifest.edition, pinned,
        )  # fmt: skip
        try:
            previous = [v for v in self._read_pointer() if v.folder != folder]
        except PackError:
            previous = []  # an unreadable pointer: start again from the shipped corpus
        self._write_pointer([*previous, installed][-KEEP:])
        return installed

    def _write_pointer(self, versions: list[InstalledVersion]) -> None:
        data = {"format": 1, "versions": [asdict(v) for v in versions]}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        write_atomically(self.root / POINTER, text.encode("utf-8"))

    def _sweep(self) -> None:
        """Remove what killed installs left (staging folders) and versions no longer kept."""
        if not self.root.is_dir():
            return
        for stale in self.root.glob(f"{STAGING_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)
        kept = {v.folder for v in self.versions()}
        versions_dir = self.root / VERSIONS
        if versions_dir.is_dir():
            for folder in versions_dir.iterdir():
                if folder.name not in kept:
                    # Another open sgdesk (Windows) may hold it: tried again next time.
                    shutil.rmtree(folder, ignore_errors=True)

    # -- rollback --------------------------------------------------------------

    def rollback(self) -> Content:
        """Make the previous version current (the shipped corpus after the oldest one)."""
        with InstallLock(self.root):
            try:
                versions = self._read_pointer()
            except PackError:
                versions = []
            if not versions:
                raise PackError(f"No hay una versión anterior: ya se usa el {SHIPPED_LABEL}.")
            self._write_pointer(versions[:-1])
            self._sweep()
        return self.current()


def _fallback(reason: str) -> str:
    return (
        f"{reason.rstrip('.')}. Se usa el {SHIPPED_LABEL}. Puede instalar de nuevo el paquete "
        "(Archivo › Actualizar contenido…) o restaurar la versión anterior."
    )


def _refuse_downgrade(
    name: str, manifest: Manifest, installed: InstalledVersion | None, allowed: bool, shipped: int
) -> None:
    if allowed:
        return
    if manifest.edition < shipped:
        raise DowngradeError(
            f"El paquete «{name}» (edición {manifest.edition}) es más antiguo que el {SHIPPED_LABEL} "
            f"(edición {shipped}). No se instaló nada.",
            manifest.content_version,
            f"edición {shipped}",
        )
    if installed is None:
        return
    new, old = manifest.content_version, installed.version
    if version_key(new) == version_key(old):
        message = f"El paquete «{name}» tiene la versión {new}, que ya es el contenido instalado."
    elif version_key(new) < version_key(old):
        message = (
            f"El paquete «{name}» (versión {new}) es más antiguo que el contenido instalado (versión "
            f"{old}). No se instaló nada."
        )
    else:
        return
    raise DowngradeError(message, new, old)


def _stage(
    reader: archive.PackReader, signed: archive.SignedManifest, staging: Path, report: PhaseProgress
) -> None:
    from sgdesk.packs import archive

    database = staging / archive.DATABASE
    with database.open("wb") as target:
        reader.copy_database(target, signed.manifest, lambda done, total: report("copiar", done, total))
        target.flush()
        os.fsync(target.fileno())
    for name, data in ((archive.MANIFEST, signed.raw), (archive.SIGNATURE, reader.raw_signature())):
        (staging / name).write_bytes(data)
        fsync_file(staging / name)
    fsync_dir(staging)


def _check_staged(name: str, database: Path, manifest: Manifest) -> None:
    """Schema version, SQLite's integrity check, FTS5's integrity check: in this order."""

    def refuse(reason: str) -> PackError:
        return PackError(f"El paquete «{name}» {reason}. No se instaló nada.")

    declared = manifest.schema_version
    if declared > schema.SCHEMA_VERSION:
        raise refuse(
            f"es para una versión más reciente de sgdesk (esquema {declared}; esta versión conoce hasta "
            f"el {schema.SCHEMA_VERSION}). Actualice la aplicación"
        )
    if declared < schema.SCHEMA_VERSION:
        raise refuse(
            f"usa un esquema antiguo ({declared}; esta versión de sgdesk necesita el "
            f"{schema.SCHEMA_VERSION}): pida al equipo de contenido un paquete reconstruido"
        )
    try:
        actual = packing.schema_version_of(database)
        if actual != declared:
            raise refuse(f"tiene una base de datos con el esquema {actual}, no el {declared} que declara")
        open_readonly(database).close()
    except DatabaseError as exc:
        raise refuse(f"no tiene un corpus de sgdesk utilizable ({exc.message})") from None
    except OSError as exc:
        raise refuse(f"no tiene un corpus de sgdesk utilizable ({exc})") from None
    # Both checks only read (SQLite releases the GIL): run together, reported in this order.
    # The FTS5 check here is of the index's structure: its agreement with the text was checked
    # when the pack was built, and the SHA-256 just proved these are the bytes then signed.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2, thread_name_prefix="sgdesk-pack-check") as pool:
        integrity = pool.submit(packing.integrity_problems, database)
        fts = pool.submit(packing.fts_problems, database, False)
        problems = integrity.result()
        if problems:
            raise refuse(f"tiene una base de datos dañada (integridad SQLite: {'; '.join(problems)})")
        problems = fts.result()
    if problems:
        raise refuse(f"tiene un índice de búsqueda dañado (FTS5: {'; '.join(problems)})")
