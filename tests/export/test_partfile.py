"""The export's temporary file: named ``.sgdesk-export-*.part``, always removed, Windows'
"still open" rule respected, stale ones cleaned, refused targets left alone."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from sgdesk import atomicfile as partfile
from sgdesk.app import configure_application
from sgdesk.export.pdf import ExportError, Paginator, export_steps, write_pdf
from sgdesk.export.plan import ExportPlan, plan_compendium, plan_export
from sgdesk.library import Library
from tests.windows_rules import WindowsFileRules, windows_rules

__all__ = ["windows_rules"]  # the fixture, imported for these tests

OLD = b"%PDF-1.4 the copy exported last week"


@pytest.fixture(autouse=True)
def qt_fonts(qapp: QApplication) -> None:
    configure_application(qapp)


@pytest.fixture
def plan(library: Library) -> ExportPlan:
    return plan_compendium(library)


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "Compendio.pdf"
    path.write_bytes(OLD)
    return path


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_temporary_file_is_named_for_sgdesk(plan: ExportPlan, target: Path) -> None:
    steps = export_steps(plan, target)
    next(steps)
    (part,) = [name for name in names(target.parent) if name != target.name]
    assert part.startswith(".sgdesk-export-")
    assert part.endswith(".part")
    steps.close()
    assert names(target.parent) == ["Compendio.pdf"]


# -- Windows: nothing can be removed or renamed while Qt holds it open ---------------------


def test_cancelling_under_windows_rules_closes_before_removing(
    windows_rules: WindowsFileRules, plan: ExportPlan, target: Path
) -> None:
    steps = export_steps(plan, target)
    next(steps)
    steps.close()  # the progress dialog's «Cancelar»: must not raise PermissionError
    assert windows_rules.refused == []
    assert names(target.parent) == ["Compendio.pdf"]
    assert target.read_bytes() == OLD


def test_an_error_midway_is_reported_as_itself_under_windows_rules(
    windows_rules: WindowsFileRules, plan: ExportPlan, target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_paint_page = Paginator._paint_page

    def paint_page(self: Paginator, *args: object) -> None:
        if args[-1] == 2:  # the third page
            raise ExportError("la fuente desapareció a mitad de camino")
        real_paint_page(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Paginator, "_paint_page", paint_page)
    with pytest.raises(ExportError, match="la fuente desapareció"):  # not PermissionError
        write_pdf(plan, target)
    assert windows_rules.refused == []
    assert names(target.parent) == ["Compendio.pdf"]
    assert target.read_bytes() == OLD


def test_a_whole_export_works_under_windows_rules(
    windows_rules: WindowsFileRules, library: Library, target: Path
) -> None:
    write_pdf(plan_export(library, ["mision"]), target)
    assert windows_rules.refused == []
    assert target.read_bytes().startswith(b"%PDF-1.4")
    assert target.read_bytes() != OLD
    assert names(target.parent) == ["Compendio.pdf"]


def test_a_target_open_in_another_program_is_kept_with_a_spanish_message(
    windows_rules: WindowsFileRules, library: Library, target: Path
) -> None:
    # a PDF viewer showing last week's copy
    with target.open("rb"), pytest.raises(ExportError) as raised:
        write_pdf(plan_export(library, ["mision"]), target)
    message = raised.value.message
    assert "está en uso por otro programa" in message
    assert "el archivo anterior quedó intacto" in message
    assert "WinError" not in message
    assert target.read_bytes() == OLD
    assert names(target.parent) == ["Compendio.pdf"]


# -- targets refused before any work ------------------------------------------------------------


def test_a_read_only_target_is_not_replaced(library: Library, target: Path) -> None:
    target.chmod(0o444)
    with pytest.raises(ExportError, match="es de solo lectura y no se reemplazó"):
        write_pdf(plan_export(library, ["mision"]), target)
    assert target.read_bytes() == OLD
    assert names(target.parent) == ["Compendio.pdf"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX names are bytes")
def test_a_name_that_is_not_utf8_gets_a_true_message_and_leaves_nothing(
    library: Library, tmp_path: Path
) -> None:
    target = Path(os.fsdecode(tmp_path)) / os.fsdecode(b"Compendio-\xe9.pdf")  # Latin-1 "é"
    with pytest.raises(ExportError) as raised:
        write_pdf(plan_export(library, ["mision"]), target)
    message = raised.value.message
    assert "no forman texto válido" in message
    assert "Compendio-\ufffd.pdf" in message
    message.encode("utf-8")  # printable
    assert "espacio en el disco" not in message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["informe:final.pdf", "CON.pdf", "acta.pdf "])
def test_names_windows_refuses_are_explained(
    windows_rules: WindowsFileRules, library: Library, tmp_path: Path, name: str
) -> None:
    with pytest.raises(ExportError, match="elija otro nombre"):
        write_pdf(plan_export(library, ["mision"]), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


# -- stale temporary files ---------------------------------------------------------------------


def stale(folder: Path, name: str, age: float = 3600) -> Path:
    path = folder / name
    path.write_bytes(b"%PDF-1.4 half of an export that was killed")
    moment = partfile.STARTED - age
    os.utime(path, (moment, moment))
    return path


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A stale-looking part file whose writer is alive: it holds the lock."""
    path = stale(tmp_path, ".sgdesk-export-alive.part")
    with path.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield path


def test_the_next_export_removes_stale_part_files_only(library: Library, target: Path, locked: Path) -> None:
    folder = target.parent
    stale(folder, ".sgdesk-export-killed1.part")
    stale(folder, ".sgdesk-export-killed2.part", age=5)
    fresh = folder / ".sgdesk-export-just-begun.part"  # another export, started after us
    fresh.write_bytes(b"")
    os.utime(fresh, (time.time(), time.time()))
    other = stale(folder, ".notas.part")  # not ours
    write_pdf(plan_export(library, ["mision"]), target)
    assert names(folder) == sorted(["Compendio.pdf", locked.name, fresh.name, other.name])


def test_under_windows_rules_a_part_file_still_open_is_left(
    windows_rules: WindowsFileRules, library: Library, target: Path
) -> None:
    folder = target.parent
    stale(folder, ".sgdesk-export-killed.part")
    alive = stale(folder, ".sgdesk-export-alive.part")
    with alive.open("ab"):  # its writer, another sgdesk, still has it open
        write_pdf(plan_export(library, ["mision"]), target)
    assert names(folder) == sorted(["Compendio.pdf", alive.name])
