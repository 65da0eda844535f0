"""What `sgdesk db build` says it built, on the synthetic corpus (tests/synthetic.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sgdesk.cli import main
from sgdesk.errors import DatabaseError
from sgdesk.store.build import build_database
from sgdesk.store.packing import database_facts
from tests.synthetic import write_sources


def test_db_build_says_what_it_built(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Decreto 1 de 2000 (2 articles, 5 literals), Decreto 2 de 2003 and Decreto 3 de 2005
    (2 and 1 articles), the root and two sections: 16 units; 6 events (3 issuances, 2 repeals,
    1 insertion)."""
    sources = write_sources(tmp_path / "sources")
    output = tmp_path / "nueva" / "sintetico.db"
    assert main(["db", "build", "--sources", str(sources), "-o", str(output)]) == 0
    version = database_facts(output).content_version
    assert capsys.readouterr().out == (
        f"Base de datos construida: {output}\n"
        f"  versión de contenido {version}: 16 nodos, 3 normas, 6 eventos\n"
    )
    assert not output.with_name(output.name + ".part").exists()


def test_a_folder_that_cannot_be_written_is_explained_in_one_sentence(tmp_path: Path) -> None:
    """The folder exists but nobody may write in it (``chattr +i``, root included): SQLite
    cannot create the file; the message says so, and the folder stays as it was."""
    sources = write_sources(tmp_path / "sources")
    folder = tmp_path / "cerrada"
    folder.mkdir()
    output = folder / "sintetico.db"
    if not sys.platform.startswith("linux") or shutil.which("chattr") is None:
        pytest.skip("needs chattr (Linux)")
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False).returncode != 0:
        pytest.skip("chattr +i refused (needs root and a file system that has it)")
    try:
        with pytest.raises(DatabaseError) as caught:
            build_database(sources, output)
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    assert caught.value.message == (
        f"No se pudo escribir la base de datos en {output}: no se puede crear el archivo en esa carpeta "
        "(¿sin permiso o de solo lectura?)"
    )
    assert list(folder.iterdir()) == []


def test_a_file_in_the_way_of_the_folder_is_named_as_such(tmp_path: Path) -> None:
    sources = write_sources(tmp_path / "sources")
    (tmp_path / "archivo").write_text("no es una carpeta", "utf-8")
    output = tmp_path / "archivo" / "sub" / "sintetico.db"
    with pytest.raises(DatabaseError) as caught:
        build_database(sources, output)
    assert caught.value.message == (
        f"No se pudo escribir la base de datos en {output}: "
        "una parte de la ruta es un archivo, no una carpeta"
    )
    assert (tmp_path / "archivo").read_text("utf-8") == "no es una carpeta"
