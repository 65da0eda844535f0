"""``sgdesk search``: exact words unless --prefix-last; the correction and the synonyms said."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import sgdesk


def test_prefix_last_searches_as_the_panel_does_while_typing(corpus_db: Path) -> None:
    exact = sgdesk("--database", corpus_db, "search", "gestion docu", "--json")
    assert exact.returncode == 0, exact.stderr
    assert json.loads(exact.stdout) == [], "without --prefix-last every word is a whole word"
    typing = sgdesk("--database", corpus_db, "search", "gestion docu", "--prefix-last", "--json")
    assert typing.returncode == 0, typing.stderr
    assert json.loads(typing.stdout)[0]["id"] == "decreto-267-2007/art-7/lit-h"


def test_a_typo_is_corrected_and_said_and_exact_keeps_it(corpus_db: Path) -> None:
    corrected = sgdesk("--database", corpus_db, "search", "secretria general", "--limit", "2")
    assert corrected.returncode == 0, corrected.stderr
    lines = corrected.stdout.splitlines()
    assert lines[0] == (
        "Sin resultados para «secretria general»; se muestran los de «secretaria general» "
        "(--exact busca exactamente lo escrito)"
    )
    assert lines[1].endswith("resultado(s) para «secretaria general»")
    exact = sgdesk("--database", corpus_db, "search", "secretria general", "--exact")
    assert exact.stdout.splitlines()[:2] == [
        "0 resultado(s) para «secretria general»",
        "  ¿Quiso decir: secretaria general?",
    ]


def test_the_synonym_used_is_said(corpus_db: Path) -> None:
    result = sgdesk("--database", corpus_db, "search", "DDRI", "--limit", "1")
    assert result.returncode == 0, result.stderr
    assert "  También se buscó «Dirección Distrital de Relaciones Internacionales» (sinónimo de «DDRI»)" in (
        result.stdout.splitlines()
    )
