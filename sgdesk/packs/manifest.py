"""The pack's manifest: what it holds, for which app, and what changed since the previous version."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from sgdesk.packs.errors import PackError

FORMAT = "sgdesk-pack"
FORMAT_VERSION = 1
# Dotted numbers, compared as numbers: the default is the UTC build time, 2026.12.01.135724.
_VERSION = re.compile(r"\d{1,9}(\.\d{1,9}){0,5}")


def version_key(version: str) -> tuple[int, ...]:
    if not _VERSION.fullmatch(version):
        raise PackError(
            f"Versión de contenido no válida «{version}»: use números separados por puntos "
            "(por ejemplo 2026.12.01.1200)."
        )
    return tuple(int(part) for part in version.split("."))


def version_now(moment: datetime | None = None) -> str:
    """The default content version: the UTC build time, so a later pack is a newer one."""
    return (moment or datetime.now(UTC)).strftime("%Y.%m.%d.%H%M%S")


@dataclass(frozen=True)
class NormChange:
    id: str
    title: str


@dataclass(frozen=True)
class Summary:
    """The changes against the previous version, computed from the two databases."""

    previous: str = ""  # the previous version's content version ("" when unknown)
    previous_edition: int = 0  # 0: unknown
    added: tuple[NormChange, ...] = ()
    changed: tuple[NormChange, ...] = ()
    removed: tuple[NormChange, ...] = ()
    sections_changed: tuple[NormChange, ...] = ()

    def lines(self) -> list[str]:
        """In Spanish, one line per kind of change (for the dialog and the CLI)."""
        groups = [
            ("Normas nuevas", self.added),
            ("Normas modificadas", self.changed),
            ("Normas retiradas", self.removed),
            ("Secciones modificadas", self.sections_changed),
        ]
        found = [f"{label}: {', '.join(c.title for c in items)}." for label, items in groups if items]
        return found or ["Sin cambios en las normas ni en las secciones."]

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> Summary:
        if not isinstance(data, dict):
            raise ValueError("summary")

        def changes(key: str) -> tuple[NormChange, ...]:
            return tuple(NormChange(str(c["id"]), str(c["title"])) for c in data.get(key, []))

        return cls(
            str(data.get("previous", "")),
            int(data.get("previous_edition", 0)),
            changes("added"),
            changes("changed"),
            changes("removed"),
            changes("sections_changed"),
        )


@dataclass(frozen=True)
class Manifest:
    content_version: str
    schema_version: int
    created: str  # ISO 8601, UTC
    horizon: str  # the latest change the corpus incorporates (ISO date, maybe partial)
    database_sha256: str
    database_size: int
    sources_hash: str = ""
    summary: Summary = field(default_factory=Summary)
    edition: int = 1  # the edition the status bar shows

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "content_version": self.content_version,
            "schema_version": self.schema_version,
            "created": self.created,
            "horizon": self.horizon,
            "database": {"sha256": self.database_sha256, "size": self.database_size},
            "sources_hash": self.sources_hash,
            "edition": self.edition,
            "summary": self.summary.to_json(),
        }
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> Manifest:
        """Parse a manifest whose signature already held; PackError if it is not one of ours."""
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError("format")
            if int(data["format_version"]) > FORMAT_VERSION:
                raise PackError(
                    "El paquete tiene un formato más reciente que esta versión de sgdesk. Actualice la "
                    "aplicación."
                )
            database = data["database"]
            manifest = cls(
                str(data["content_version"]),
                int(data["schema_version"]),
                str(data["created"]),
                str(data.get("horizon", "")),
                str(database["sha256"]).lower(),
                int(database["size"]),
                str(data.get("sources_hash", "")),
                Summary.from_json(data.get("summary", {})),
                int(data.get("edition", 1)),
            )
        except PackError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise PackError("El manifiesto del paquete no es válido.") from None
        version_key(manifest.content_version)
        if not re.fullmatch(r"[0-9a-f]{64}", manifest.database_sha256) or manifest.database_size <= 0:
            raise PackError("El manifiesto del paquete no es válido (SHA-256 o tamaño).")
        return manifest

    @property
    def created_text(self) -> str:
        try:
            moment = datetime.fromisoformat(self.created.replace("Z", "+00:00"))
        except ValueError:
            return self.created
        return moment.strftime("%Y-%m-%d %H:%M UTC")
