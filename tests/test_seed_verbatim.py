"""Every sentence of the seed is served verbatim by ``sgdesk show``; the tree follows its headings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sgdesk.cli import main
from tests.conftest import SEED

HEADINGS = ["Información General", "Misión", "Visión", "Funciones", "Políticas Generales",
            "Valores de la Entidad", "Objetivos Estratégicos"]  # fmt: skip
_MARKER = re.compile(r"^(?:[·•]|\d+\.)\s*")


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _seed_lines() -> list[str]:
    lines = []
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        line = _MARKER.sub("", _normalise(raw))
        if line:
            lines.append(line)
    return lines


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


@pytest.fixture
def served_text(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    tree = json.loads(_cli(capsys, "--database", str(corpus_db), "tree", "--json"))
    shown = [_cli(capsys, "--database", str(corpus_db), "show", node["id"]) for node in tree]
    return _normalise("\n".join(shown))


def test_every_seed_line_is_served_verbatim(served_text: str) -> None:
    missing = [line for line in _seed_lines() if line not in served_text]
    assert missing == []


def test_seed_has_the_lines_we_check() -> None:
    """The repository's copy is the source page (data/seed), so this runs on any clone."""
    lines = _seed_lines()
    assert len(lines) == 60
    assert "Solidaridad" in lines
    assert any(line.startswith("n. Formular y orientar") for line in lines)


def test_tree_titles_follow_the_seed_headings(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = json.loads(_cli(capsys, "--database", str(corpus_db), "tree", "--json"))
    roots = [n for n in tree if n["parent"] is None]
    sections = sorted((n for n in tree if n["parent"] == "informacion-general"), key=lambda n: n["position"])
    assert [n["title"] for n in roots + sections] == HEADINGS
    norms = sorted((n for n in tree if n["parent"] == "funciones"), key=lambda n: n["position"])
    assert [n["title"] for n in norms] == [
        "Acuerdo 257 de 2006", "Decreto 267 de 2007", "Decreto 163 de 2008",
        "Decreto 502 de 2009", "Decreto 059 de 2012", "Decreto 077 de 2012",
    ]  # fmt: skip
    literals = [n["id"].rsplit("-", 1)[1] for n in tree if n["parent"] == "decreto-267-2007/art-7"]
    assert literals == list("abcdefghijklmn")
