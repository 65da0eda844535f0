"""docs/recetas.md, followed to the letter: its norm is added to a copy of the sources, the
validator says what the recipe says it will, and once listed in a section the norm is served."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from sgdesk.cli import main
from sgdesk.content.sources import load_corpus
from sgdesk.errors import SourceError
from sgdesk.library import Library

RECIPES = Path(__file__).resolve().parent.parent / "docs" / "recetas.md"
NORM_ID = "decreto-999-2030"


def _norm_recipe() -> str:
    text = RECIPES.read_text(encoding="utf-8")
    return text[text.index("## 1. ") : text.index("## 2. ")]


def _blocks() -> list[str]:
    return re.findall(r"```\w+\n(.*?)```", _norm_recipe(), re.DOTALL)


def _table_messages() -> list[tuple[str, str]]:
    rows = re.findall(r"^\| ([^|]+) \| `([^`]+)` \|$", _norm_recipe(), re.MULTILINE)
    return [(cause.strip(), message) for cause, message in rows]


@pytest.fixture
def sources(tmp_path: Path, sources_dir: Path) -> Path:
    copy = tmp_path / "sources"
    shutil.copytree(sources_dir, copy)
    return copy


def _build(sources: Path, output: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["db", "build", "--sources", str(sources), "-o", str(output)])
    return code, capsys.readouterr().err


def test_adding_a_norm_as_the_recipe_says(
    sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    norm_file, expected_errors, section = _blocks()[:3]
    (sources / "normas" / f"{NORM_ID}.toml").write_text(norm_file, encoding="utf-8")

    code, errors = _build(sources, tmp_path / "first.db", capsys)
    assert code == 2
    assert errors == expected_errors  # step 2: what the validator says, to the letter

    index = sources / "informacion-general.toml"
    before = section.replace(f'  "{NORM_ID}",\n', "")
    assert before in index.read_text(encoding="utf-8"), "the recipe's section is not the current one"
    index.write_text(index.read_text(encoding="utf-8").replace(before, section), encoding="utf-8")

    code, errors = _build(sources, tmp_path / "sgdesk.db", capsys)
    assert (code, errors) == (0, "")
    library = Library.open(tmp_path / "sgdesk.db")
    try:
        assert [n.id for n in library.children("funciones")][-1] == NORM_ID
        assert "Texto literal del artículo." in library.node(f"{NORM_ID}/art-1").plain_text
        (despacho,) = [
            o for o in library.timeline().office_states(date(2030, 3, 31)) if o.id.endswith("despacho")
        ]
        assert despacho.name == "Despacho de Ejemplo"
    finally:
        library.close()


_BREAKS = {
    "un `renaming` sin `old_name` o sin `new_name`": ('new_name = "Despacho de Ejemplo"\n', ""),
    "un destino que no existe": ('target = "dependencia/despacho"', 'target = "dependencia/no-existe"'),
    "un campo mal escrito": ("issuer =", "issuerr ="),
    "una fecha mal escrita": ('issued = "2030-03"', 'issued = "2030-13"'),
}


def test_the_validator_messages_in_the_recipe(sources: Path) -> None:
    norm_file, _, section = _blocks()[:3]
    index = sources / "informacion-general.toml"
    before = section.replace(f'  "{NORM_ID}",\n', "")
    index.write_text(index.read_text(encoding="utf-8").replace(before, section), encoding="utf-8")
    rows = _table_messages()
    assert [cause for cause, _ in rows] == list(_BREAKS)
    for cause, message in rows:
        old, new = _BREAKS[cause]
        assert old in norm_file
        (sources / "normas" / f"{NORM_ID}.toml").write_text(norm_file.replace(old, new), encoding="utf-8")
        with pytest.raises(SourceError) as caught:
            load_corpus(sources)
        fragments = [f for f in message.split("«…»") if f.strip()]
        assert any(all(f in p for f in fragments) for p in caught.value.problems), (
            cause,
            caught.value.problems,
        )
