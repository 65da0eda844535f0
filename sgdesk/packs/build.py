"""``sgdesk pack build``: sources (or a built database) → a signed pack, with its summary of changes."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sgdesk.errors import DatabaseError
from sgdesk.packs import archive
from sgdesk.packs.errors import PackError
from sgdesk.packs.keys import read_secret_key
from sgdesk.packs.manifest import Manifest, NormChange, Summary, version_key, version_now
from sgdesk.store import packing


@dataclass(frozen=True)
class BuiltPack:
    path: Path
    manifest: Manifest

    @property
    def warnings(self) -> list[str]:
        """What the content team should fix before publishing (the pack is valid all the same)."""
        previous = self.manifest.summary.previous_edition
        if previous and self.manifest.edition <= previous:
            return [
                f"La edición ({self.manifest.edition}) no es mayor que la de la versión anterior "
                f"({previous}): súbala en «edition» de informacion-general.toml para que la barra de "
                "estado muestre el cambio."
            ]
        return []


def build_pack(
    output: Path,
    key: Path,
    sources: Path | None = None,
    database: Path | None = None,
    previous: Path | None = None,
    version: str | None = None,
) -> BuiltPack:
    """Build the corpus from ``sources`` (or take ``database``), stamp the version, sign, write."""
    secret = read_secret_key(key)
    moment = datetime.now(UTC)
    content_version = version or version_now(moment)
    version_key(content_version)
    if output.suffix != archive.SUFFIX:
        raise PackError(f"El paquete debe terminar en {archive.SUFFIX}: {output}")
    with tempfile.TemporaryDirectory(prefix="sgdesk-pack-") as folder:
        work = Path(folder) / archive.DATABASE
        if sources is not None:
            from sgdesk.store.build import build_database  # sqlite-utils: only when building

            build_database(sources, work)
        elif database is not None:
            _copy(database, work)
        else:
            raise PackError("Indique --sources CARPETA o --database ARCHIVO.")
        facts = packing.database_facts(work)
        _check_whole(work)
        packing.stamp_content_version(work, content_version, facts.content_version)
        summary = summarize(previous, work) if previous is not None else Summary()
        digest, size = _sha256(work)
        created = moment.isoformat(timespec="seconds").replace("+00:00", "Z")
        manifest = Manifest(
            content_version, facts.schema_version, created, facts.as_of, digest, size,
            facts.content_version, summary, facts.edition,
        )  # fmt: skip
        output.parent.mkdir(parents=True, exist_ok=True)
        archive.write_pack(work, manifest, secret, output)
    return BuiltPack(output, manifest)


def _check_whole(database: Path) -> None:
    """What is signed is sound: SQLite's integrity check and FTS5's, index against text."""
    problems = packing.integrity_problems(database) + packing.fts_problems(database, against_content=True)
    if problems:
        raise PackError(f"La base de datos no pasa las comprobaciones de integridad: {'; '.join(problems)}.")


def _copy(database: Path, target: Path) -> None:
    packing.database_facts(database)  # refuse what is not a usable corpus before signing it
    try:
        shutil.copyfile(database, target)
    except OSError as exc:
        raise DatabaseError(f"No se pudo leer {database}: {exc.strerror or exc}.") from exc
    target.chmod(0o644)


def _sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(archive.CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def summarize(previous: Path, new: Path) -> Summary:
    """Norms added, changed and removed, and sections changed, from ``previous`` to ``new``.

    ``previous`` is a corpus database, or a pack (its database is read from a temporary copy)."""
    if previous.suffix == archive.SUFFIX:
        with tempfile.TemporaryDirectory(prefix="sgdesk-previous-") as folder:
            database = Path(folder) / archive.DATABASE
            with archive.PackReader(previous) as reader, database.open("wb") as target:
                reader.copy_database(target, reader.unverified_manifest())
            return summarize(database, new)
    old, now = packing.fingerprints(previous), packing.fingerprints(new)
    old_facts = packing.database_facts(previous)

    def changes(
        before: dict[str, tuple[str, str]], after: dict[str, tuple[str, str]]
    ) -> tuple[list[NormChange], list[NormChange], list[NormChange]]:
        added = [NormChange(i, after[i][0]) for i in sorted(after) if i not in before]
        changed = [NormChange(i, after[i][0]) for i in sorted(after) if i in before and before[i] != after[i]]
        removed = [NormChange(i, before[i][0]) for i in sorted(before) if i not in after]
        return added, changed, removed

    added, changed, removed = changes(old.norms, now.norms)
    new_sections, changed_sections, _gone = changes(old.sections, now.sections)
    sections = tuple(new_sections + changed_sections)
    return Summary(
        old_facts.content_version, old_facts.edition, tuple(added), tuple(changed), tuple(removed), sections
    )
