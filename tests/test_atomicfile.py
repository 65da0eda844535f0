"""One way to write a file atomically (sgdesk/atomicfile.py): a notes export being written is
never taken for an export's stale leftover, and a failed write in any caller (notes, importer,
packs) leaves neither a part file nor a changed target."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from sgdesk import atomicfile
from sgdesk.content.dates import PartialDate
from sgdesk.errors import SgdeskError, UserDataError
from sgdesk.importer.model import ImportedNorm, Unit, UnitKind
from sgdesk.importer.source import write_source
from sgdesk.notes import MyNotes
from sgdesk.packs import archive
from sgdesk.packs.keys import read_secret_key, write_key_pair
from sgdesk.packs.manifest import Manifest
from sgdesk.store.schema import SCHEMA_VERSION

OLD = b"the copy written last week"


def part_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_notes_export_being_written_survives_the_stale_cleanup_of_an_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export to the same folder (another sgdesk, started after this notes export began)
    runs its stale cleanup while the notes file is being written: the part file stays."""
    folder = tmp_path / "Documentos"
    folder.mkdir()
    target = folder / "mis-notas.json"
    removed: list[Path] = []
    real_fsync = os.fsync

    def export_meanwhile(descriptor: int) -> None:
        for part in folder.glob(atomicfile.PATTERN):  # began before the other export's process
            os.utime(part, (atomicfile.STARTED - 60, atomicfile.STARTED - 60))
        removed.extend(atomicfile.remove_stale(folder))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", export_meanwhile)
    notes = MyNotes.open(tmp_path / "datos")
    try:
        notes.export_json(target)
    finally:
        notes.close()
    assert removed == []
    assert target.read_text(encoding="utf-8").startswith("{")
    assert part_files(folder) == []


def test_a_killed_writers_part_file_is_removed_by_the_next_write(tmp_path: Path) -> None:
    killed = tmp_path / ".sgdesk-export-killed.part"
    killed.write_bytes(b"half")
    os.utime(killed, (atomicfile.STARTED - 60, atomicfile.STARTED - 60))
    atomicfile.write_atomically(tmp_path / "informe.md", "# Mis notas\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["informe.md"]


def test_an_error_inside_the_block_is_the_one_raised_and_nothing_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.bin"
    target.write_bytes(OLD)

    def unlink_fails(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "cleanup refused", str(path))

    parts: list[str] = []

    def write_then_fail() -> None:
        with atomicfile.atomic_writer(target) as handle:
            handle.write(b"new")
            parts.extend(part_files(tmp_path))
            monkeypatch.setattr(os, "unlink", unlink_fails)  # cleanup fails too: logged, not raised
            raise ValueError("half way")

    with pytest.raises(ValueError, match="half way"):
        write_then_fail()
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert len(parts) == 1
    assert part_files(tmp_path) == parts  # could not be removed; the next write removes it


def test_overwrite_false_refuses_an_existing_target(tmp_path: Path) -> None:
    target = tmp_path / "norma.toml"
    target.write_bytes(OLD)
    with pytest.raises(FileExistsError):
        atomicfile.write_atomically(target, "nuevo", overwrite=False)
    assert target.read_bytes() == OLD
    assert part_files(tmp_path) == []


# -- a failed write in each caller: a Spanish error, no part file, the target untouched -------


def _notes(tmp_path: Path, target: Path) -> None:
    notes = MyNotes.open(tmp_path / "datos")
    try:
        notes.export_json(target)
    finally:
        notes.close()


def _importer(tmp_path: Path, target: Path) -> None:
    article = Unit(UnitKind.ARTICLE, "1", "Artículo 1º.", text=["Objeto del decreto."])
    norm = ImportedNorm(
        type="decreto", number="999", year=2030, issued=PartialDate(2030, 1, 15), articles=[article]
    )
    write_source(norm, "prueba.docx", target.parent)


def _pack(tmp_path: Path, target: Path) -> None:
    (secret,) = [p for p in (tmp_path / "claves").iterdir() if p.suffix != ".pub"]
    database = tmp_path / "sgdesk.db"
    database.write_bytes(b"SQLite format 3\x00 not really")
    manifest = Manifest("2030.1", SCHEMA_VERSION, "2030-01-01T00:00:00Z", "2012", "0" * 64, 30)
    archive.write_pack(database, manifest, read_secret_key(secret), target)


WRITERS: dict[str, tuple[Callable[[Path, Path], None], str, type[SgdeskError]]] = {
    "notas": (_notes, "mis-notas.json", UserDataError),
    "importador": (_importer, "decreto-999-2030.toml", SgdeskError),
    "paquete": (_pack, "contenido.sgpack", SgdeskError),
}


@pytest.mark.parametrize("writer", WRITERS)
def test_a_failed_write_leaves_no_part_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: str
) -> None:
    write, name, error = WRITERS[writer]
    folder = tmp_path / "salida"
    folder.mkdir()
    write_key_pair(tmp_path / "claves", "prueba")
    target = folder / name

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(error, match="No se pudo escribir"):
        write(tmp_path, target)
    monkeypatch.undo()
    assert list(folder.iterdir()) == []
    write(tmp_path, target)  # and the same write works once the disk has room
    assert [p.name for p in folder.iterdir()] == [name]
