"""``sgdesk notes`` and ``sgdesk favorites`` as a script runs them: real processes, one data folder."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import sgdesk

LIT_N = "decreto-267-2007/art-7/lit-n"


def test_add_list_export_import_round_trip(corpus_db: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "equipo-1", tmp_path / "equipo-2"
    common = ("--database", corpus_db)
    added = sgdesk(*common, "--data-dir", first, "notes", "add", LIT_N, "--quote", "estrategia internacional",
                   "--text", "ver concepto 2023-114")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert sgdesk(*common, "--data-dir", first, "notes", "add", "mision", "--text", "misión").returncode == 0
    assert sgdesk(*common, "--data-dir", first, "favorites", "add", "decreto-267-2007").returncode == 0

    listed = sgdesk(*common, "--data-dir", first, "notes", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    notes = {n["node_id"]: n for n in json.loads(listed.stdout)}
    assert notes[LIT_N]["quote"] == "estrategia internacional"
    assert notes[LIT_N]["placement"] == "exact"
    assert notes["mision"]["text"] == "misión"

    exported = tmp_path / "expediente.json"
    assert sgdesk("--data-dir", first, "notes", "export", "-o", exported).returncode == 0
    for expected in ("2 nuevas", "0 nuevas"):  # the second import adds nothing
        imported = sgdesk("--data-dir", second, "notes", "import", exported)
        assert imported.returncode == 0, imported.stderr
        assert expected in imported.stdout
    favorites = sgdesk(*common, "--data-dir", second, "favorites", "list", "--json")
    assert [f["id"] for f in json.loads(favorites.stdout)] == ["decreto-267-2007"]
    found = sgdesk(*common, "--data-dir", second, "notes", "search", "conceptos", "--json")
    assert [n["node_id"] for n in json.loads(found.stdout)] == [LIT_N]  # stems: concepto(s)
    text = sgdesk(*common, "--data-dir", second, "notes", "list")
    assert "«estrategia internacional»" in text.stdout
    assert "ver concepto 2023-114" in text.stdout


def test_favorites_remove_and_list(corpus_db: Path, tmp_path: Path) -> None:
    common = ("--database", corpus_db, "--data-dir", tmp_path)
    assert "Agregado" in sgdesk(*common, "favorites", "add", LIT_N).stdout
    assert "Ya estaba" in sgdesk(*common, "favorites", "add", LIT_N).stdout
    assert "Decreto 267 de 2007, art. 7, lit. n" in sgdesk(*common, "favorites", "list").stdout
    assert "Quitado" in sgdesk(*common, "favorites", "remove", LIT_N).stdout
    assert "0 favorito(s)" in sgdesk(*common, "favorites", "list").stdout


def test_errors_are_one_spanish_line_and_exit_2(corpus_db: Path, tmp_path: Path) -> None:
    common = ("--database", corpus_db, "--data-dir", tmp_path)
    broken = tmp_path / "roto.json"
    broken.write_text('{"format": "sgdesk-mis-notas", "version": 1, "annotations": [', encoding="utf-8")
    cases = {
        ("notes", "add", "decreto-999-2099", "--text", "x"): "No existe la sección",
        ("notes", "add", LIT_N, "--quote", "no está", "--text", "x"): "no aparece en",
        ("notes", "import", broken): "no es JSON válido",
        ("notes", "import", tmp_path / "no-existe.json"): "No se puede leer",
        ("favorites", "add", "nada"): "No existe la sección",
    }
    for arguments, message in cases.items():
        result = sgdesk(*common, *arguments)
        assert result.returncode == 2, arguments
        assert message in result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1


def test_a_damaged_user_database_is_reported_and_kept(corpus_db: Path, tmp_path: Path) -> None:
    (tmp_path / "mis-notas.db").write_bytes(b"no soy SQLite" * 10)
    result = sgdesk("--database", corpus_db, "--data-dir", tmp_path, "notes", "add", "mision", "--text", "x")
    assert result.returncode == 2
    assert "aviso: El archivo de Mis notas" in result.stderr
    assert "No se guardó" in result.stderr
    assert [p.read_bytes() for p in tmp_path.glob("mis-notas.dañada-*.db")] == [b"no soy SQLite" * 10]


def test_the_readable_report_groups_by_norm_and_keeps_unplaced_notes(corpus_db: Path, tmp_path: Path) -> None:
    common = ("--database", corpus_db, "--data-dir", tmp_path)
    sgdesk(*common, "notes", "add", LIT_N, "--quote", "estrategia internacional", "--text", "ver concepto")
    sgdesk(*common, "notes", "add", "mision", "--text", "sobre la misión")
    sgdesk(*common, "favorites", "add", "decreto-267-2007")
    report = tmp_path / "expediente.md"
    result = sgdesk(*common, "notes", "export", "-o", report)
    assert result.returncode == 0, result.stderr
    text = report.read_text(encoding="utf-8")
    norm, sections, favorites = (text.index(h) for h in ("## Decreto 267 de 2007", "## Información General",
                                                         "## Favoritos"))  # fmt: skip
    assert (
        norm
        < text.index("> «estrategia internacional»")
        < sections
        < text.index("sobre la misión")
        < favorites
    )
    assert "- Decreto 267 de 2007 `decreto-267-2007`" in text


def test_edit_and_remove_a_note_by_its_id(corpus_db: Path, tmp_path: Path) -> None:
    common = ("--database", corpus_db, "--data-dir", tmp_path)
    quote = "estrategia internacional"
    added = sgdesk(*common, "notes", "add", LIT_N, "--quote", quote, "--text", "borrador")
    note_id = added.stdout.strip().rsplit(": ", 1)[1]
    edited = sgdesk(*common, "notes", "edit", note_id, "--text", "ver concepto 2023-114")
    assert edited.returncode == 0, edited.stderr
    [note] = json.loads(sgdesk(*common, "notes", "list", "--json").stdout)
    assert (note["id"], note["text"], note["quote"]) == (note_id, "ver concepto 2023-114", quote)
    assert note["updated"] >= note["created"]
    found = json.loads(sgdesk(*common, "notes", "search", "concepto", "--json").stdout)
    assert [n["id"] for n in found] == [note_id]
    assert json.loads(sgdesk(*common, "notes", "search", "borrador", "--json").stdout) == []  # index follows

    removed = sgdesk(*common, "notes", "remove", note_id)
    assert removed.returncode == 0, removed.stderr
    assert json.loads(sgdesk(*common, "notes", "list", "--json").stdout) == []
    for arguments, message in {
        ("notes", "remove", note_id): "No hay ninguna nota",
        ("notes", "edit", note_id, "--text", "x"): "No hay ninguna nota",
    }.items():
        result = sgdesk(*common, *arguments)
        assert (result.returncode, result.stderr.count("\n")) == (2, 1), arguments
        assert message in result.stderr


def test_a_note_cannot_be_edited_to_nothing(corpus_db: Path, tmp_path: Path) -> None:
    common = ("--database", corpus_db, "--data-dir", tmp_path)
    note_id = sgdesk(*common, "notes", "add", "mision", "--text", "mía").stdout.strip().rsplit(": ", 1)[1]
    result = sgdesk(*common, "notes", "edit", note_id, "--text", "   ")
    assert result.returncode == 2
    assert "vacía" in result.stderr
    [note] = json.loads(sgdesk(*common, "notes", "list", "--json").stdout)
    assert note["text"] == "mía"
