"""``sgdesk search``: exact words unless --prefix-last; the correction and the synonyms said."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import sgdesk


def test_prefix_last_searches_as_the_panel_does_while_typing(corpus_db: Path) -> None:
    exact = sgdesk("--database", corpus_db, "search", "gestion docu", "--json")
    assert exact.returncode == 0, exact.stderr
    assert json.loads(exact.stdout)["hits"] == [], "without --prefix-last every word is a whole word"
    typing = sgdesk("--database", corpus_db, "search", "gestion docu", "--prefix-last", "--json")
    assert typing.returncode == 0, typing.stderr
    assert json.loads(typing.stdout)["hits"][0]["id"] == "decreto-267-2007/art-7/lit-h"


def test_a_typo_is_corrected_and_said_and_exact_keeps_it(corpus_db: Path) -> None:
    corrected = sgdesk("--database", corpus_db, "search", "secretria general", "--limit", "2")
    assert corrected.returncode == 0, corrected.stderr
    lines = corrected.stdout.splitlines()
    assert lines[0] == (
        "Sin resultados para «secretria general»; se muestran los de «secretaría general» "
        "(--exact busca exactamente lo escrito)"
    )
    assert lines[1].endswith("resultado(s) para «secretaría general»")
    exact = sgdesk("--database", corpus_db, "search", "secretria general", "--exact")
    assert exact.stdout.splitlines()[:2] == [
        "0 resultado(s) para «secretria general»",
        "  ¿Quiso decir: secretaría general?",
    ]


def test_the_synonym_used_is_said(corpus_db: Path) -> None:
    result = sgdesk("--database", corpus_db, "search", "DDRI", "--limit", "1")
    assert result.returncode == 0, result.stderr
    assert "  También se buscó «Dirección Distrital de Relaciones Internacionales» (sinónimo de «DDRI»)" in (
        result.stdout.splitlines()
    )


def run_json(corpus_db: Path, *arguments: str) -> dict[str, object]:
    result = sgdesk("--database", corpus_db, "search", *arguments, "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert isinstance(found, dict)
    return found


def test_json_carries_the_suggestion_the_correction_and_the_synonyms(corpus_db: Path) -> None:
    corrected = json.loads(sgdesk("--database", corpus_db, "search", "secretria general", "--json").stdout)
    assert set(corrected) == {"query", "total", "total_capped", "suggestion", "corrected_from", "synonyms",
                              "bounded_prefixes", "sampled", "hits"}  # fmt: skip
    assert (corrected["query"], corrected["corrected_from"], corrected["suggestion"]) == (
        "secretaría general", "secretria general", "secretaría general"
    )  # fmt: skip
    assert corrected["total"] == len(corrected["hits"]) > 0
    exact = json.loads(
        sgdesk("--database", corpus_db, "search", "secretria general", "--exact", "--json").stdout
    )
    assert (exact["total"], exact["corrected_from"], exact["suggestion"]) == (0, None, "secretaría general")
    pointed = json.loads(sgdesk("--database", corpus_db, "search", "secretria o general", "--json").stdout)
    assert pointed["total"] > 0
    assert (pointed["corrected_from"], pointed["suggestion"]) == (None, "secretaría o general")
    synonym = json.loads(sgdesk("--database", corpus_db, "search", "DDRI", "--json").stdout)
    assert synonym["synonyms"] == [
        {"typed": "DDRI", "also": ["Dirección Distrital de Relaciones Internacionales"]}
    ]
    assert synonym["suggestion"] is None


def test_a_query_starting_with_a_dash_needs_no_double_dash(corpus_db: Path) -> None:
    """«-gestión» excludes a word: it is the query, not an unknown option (no «--» needed)."""
    alone = sgdesk("--database", corpus_db, "search", "-gestion", "--json")
    assert alone.returncode == 0, alone.stderr
    assert json.loads(alone.stdout)["hits"] == [], "only an exclusion: nothing to find"
    before = sgdesk("--database", corpus_db, "search", "--limit", "3", "-documental", "--json")
    assert before.returncode == 0, before.stderr
    assert sgdesk("--database", corpus_db, "search", "-x", "--bogus").returncode == 2
