"""The corpus sources: the real ones load; broken ones are refused naming file and entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sgdesk.content.model import EventKind, NodeKind
from sgdesk.content.sources import content_version, load_corpus
from sgdesk.errors import SourceError


@pytest.fixture
def sources(tmp_path: Path, sources_dir: Path) -> Path:
    copy = tmp_path / "sources"
    shutil.copytree(sources_dir, copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(sources: Path) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_corpus(sources)
    assert caught.value.message.startswith("Las fuentes del corpus tienen")
    return caught.value.problems


def test_real_sources_load(sources_dir: Path) -> None:
    corpus = load_corpus(sources_dir)
    by_id = {n.id: n for n in corpus.nodes}
    assert by_id["decreto-267-2007/art-7/lit-n"].kind is NodeKind.LITERAL
    assert by_id["decreto-267-2007/art-7"].child_count == 14
    norms = {n.id: n for n in corpus.norms}
    assert norms["acuerdo-257-2006"].issued.iso() == "2006-11-30"
    assert {n.issued.precision.value for k, n in norms.items() if k != "acuerdo-257-2006"} == {"year"}
    assert norms["decreto-59-2012"].title == "Decreto 059 de 2012"


def test_the_required_amendments_are_recorded(sources_dir: Path) -> None:
    corpus = load_corpus(sources_dir)
    changes = {(e.norm, e.kind, c.target): c for e in corpus.events for c in e.changes}
    assert ("decreto-163-2008", EventKind.INSERTION, "decreto-267-2007/art-7/lit-n") in changes
    assert ("decreto-163-2008", EventKind.INSERTION, "decreto-267-2007/art-despacho/lit-l") in changes
    assert ("decreto-163-2008", EventKind.CREATION,
            "dependencia/direccion-distrital-relaciones-internacionales") in changes  # fmt: skip
    renames = {c.old_name: c.new_name for (n, k, _), c in changes.items() if k is EventKind.RENAMING}
    assert renames["Subdirección de Conceptos"] == "Subdirección Distrital de Doctrina y Asuntos Normativos"
    assert len(renames) == 4
    created = {t for (n, k, t) in changes if k is EventKind.CREATION and n.endswith("2012")}
    assert created == {"dependencia/alta-consejeria-victimas", "dependencia/alta-consejeria-tic"}


def test_missing_field_names_file_and_entry(sources: Path) -> None:
    _edit(sources / "normas/decreto-502-2009.toml", 'issuer = "Alcalde Mayor de Bogotá"\n', "")
    assert _problems(sources) == ["decreto-502-2009.toml: falta el campo «issuer»"]


def test_unknown_reference_is_reported(sources: Path) -> None:
    _edit(sources / "normas/decreto-163-2008.toml", "art-7/lit-n", "art-7/lit-z")
    problems = _problems(sources)
    assert "decreto-163-2008.toml › evento 2: destino desconocido «decreto-267-2007/art-7/lit-z»" in problems


def test_unknown_norm_in_a_section(sources: Path) -> None:
    _edit(sources / "informacion-general.toml", '"decreto-77-2012",', '"decreto-77-2012", "decreto-1-1999",')
    problems = _problems(sources)
    assert any("sección funciones" in p and "«decreto-1-1999» no existe" in p for p in problems)


def test_duplicate_id_is_reported(sources: Path) -> None:
    _edit(sources / "informacion-general.toml", 'id = "vision"', 'id = "mision"')
    assert any("id duplicado «mision»" in p for p in _problems(sources))


def test_duplicate_literal_is_reported(sources: Path) -> None:
    _edit(sources / "normas/decreto-267-2007.toml", 'letter = "m"', 'letter = "l"')
    assert any("artículo art-7 › literal l" in p and "repetido" in p for p in _problems(sources))


@pytest.mark.parametrize("bad_date", ["2008-02-30", "30/11/2006", "2009-13"])
def test_bad_date_is_reported(sources: Path, bad_date: str) -> None:
    _edit(sources / "normas/decreto-163-2008.toml", 'issued = "2008"', f'issued = "{bad_date}"')
    assert _problems(sources) == [
        f"decreto-163-2008.toml: fecha no válida en «issued»: «{bad_date}» (use AAAA, AAAA-MM o AAAA-MM-DD)"
    ]


def test_date_outside_the_norms_year(sources: Path) -> None:
    _edit(sources / "normas/decreto-163-2008.toml", 'issued = "2008"', 'issued = "2009"')
    assert _problems(sources) == ["decreto-163-2008.toml: la fecha de expedición 2009 no es del año 2008"]


def test_misspelt_field_is_reported(sources: Path) -> None:
    _edit(sources / "normas/decreto-59-2012.toml", "epigrafe =", "epigrafee =")
    problems = _problems(sources)
    assert "decreto-59-2012.toml: campo desconocido «epigrafee»" in problems
    assert "decreto-59-2012.toml: falta el campo «epigrafe»" in problems


def test_inserted_text_must_match_the_amending_quote(sources: Path) -> None:
    _edit(sources / "normas/decreto-267-2007.toml", "proyección y estrategia internacional",
          "proyección internacional")  # fmt: skip
    assert any("no coincide con el que cita decreto-163-2008/art-2" in p for p in _problems(sources))


def test_invalid_toml_is_reported(sources: Path) -> None:
    (sources / "normas/decreto-77-2012.toml").write_text('id = "sin cerrar\n', encoding="utf-8")
    assert any(p.startswith("decreto-77-2012.toml: TOML no válido") for p in _problems(sources))


def test_content_version_is_reproducible_and_tracks_changes(sources: Path, sources_dir: Path) -> None:
    assert content_version(sources) == content_version(sources_dir)
    _edit(sources / "informacion-general.toml", "Solidaridad", "Solidaridad ")
    assert content_version(sources) != content_version(sources_dir)
