"""What `sgdesk db build` says it built, on the synthetic corpus (tests/synthetic.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sgdesk.cli import main
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
