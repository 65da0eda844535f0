"""The command line, run as a user runs it: a real process, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sgdesk import __version__
from sgdesk.store import db
from tests.altered import altered_copy
from tests.conftest import BadDatabase

# A page some of whose units were not certainly in force on its date.
PARTS = "no todas sus partes estaban vigentes con certeza en esa fecha (se indica en cada una)"


def sgdesk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "sgdesk", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=60, check=False)  # fmt: skip


def test_version() -> None:
    result = sgdesk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"sgdesk {__version__}"


def test_tree_json_lists_every_node_with_its_parent(corpus_db: Path) -> None:
    result = sgdesk("--database", corpus_db, "tree", "--json")
    assert result.returncode == 0, result.stderr
    nodes = json.loads(result.stdout)
    by_id = {n["id"]: n for n in nodes}
    assert by_id["informacion-general"]["parent"] is None
    assert by_id["decreto-267-2007/art-7/lit-n"] == {
        "id": "decreto-267-2007/art-7/lit-n", "title": "Literal n", "kind": "literal",
        "parent": "decreto-267-2007/art-7", "position": 13,
    }  # fmt: skip
    assert {n["kind"] for n in nodes} == {"section", "norm", "article", "literal"}


def test_tree_json_is_in_the_order_of_the_tree(corpus_db: Path) -> None:
    """Like the text: each parent before its children, siblings by position (it listed the
    nodes grouped by their parent's id: the root's sections came after the norms' articles)."""
    nodes = json.loads(sgdesk("--database", corpus_db, "tree", "--json").stdout)
    text = sgdesk("--database", corpus_db, "tree").stdout
    assert [n["id"] for n in nodes] == [line.rsplit("[", 1)[1].rstrip("]") for line in text.splitlines()]
    place = {n["id"]: index for index, n in enumerate(nodes)}
    assert all(place[n["parent"]] < place[n["id"]] for n in nodes if n["parent"])
    assert [n["id"] for n in nodes[:3]] == ["informacion-general", "mision", "vision"]
    articles = [n for n in nodes if n["parent"] == "decreto-267-2007/art-7"]
    assert [n["position"] for n in articles] == sorted(n["position"] for n in articles)
    assert [n["id"] for n in articles][-1] == "decreto-267-2007/art-7/lit-n"


def test_tree_json_still_lists_a_node_no_root_leads_to(
    corpus_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged tree (a parent that does not exist; large corpora are checked as they are read):
    the JSON still lists every node, the lost one last; the text shows the tree it can."""
    from sgdesk.cli import main

    broken = altered_copy(
        corpus_db, tmp_path / "roto.db", "UPDATE nodes SET parent = 'no-existe' WHERE id = 'vision'"
    )
    monkeypatch.setattr(db, "FULL_CHECK_LIMIT", 0)
    assert main(["--database", str(broken), "tree", "--json"]) == 0
    nodes = json.loads(capsys.readouterr().out)
    assert nodes[-1]["id"] == "vision"
    assert len(nodes) == len({n["id"] for n in nodes}) == 32
    assert main(["--database", str(broken), "tree"]) == 0
    assert "[vision]" not in capsys.readouterr().out


def test_tree_text_is_indented(corpus_db: Path) -> None:
    lines = sgdesk("--database", corpus_db, "tree").stdout.splitlines()
    assert lines[0] == "Información General  [informacion-general]"
    assert "      Artículo 7. Funciones de la Secretaría General  [decreto-267-2007/art-7]" in lines


def test_show_norm_json(corpus_db: Path) -> None:
    result = sgdesk("--database", corpus_db, "show", "decreto-059-2012", "--json")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["id"] == "decreto-59-2012"
    assert shown["title"] == "Decreto 059 de 2012"
    assert (shown["type"], shown["number"], shown["year"]) == ("decreto", "059", 2012)
    assert (shown["date"], shown["date_precision"]) == ("2012", "year")
    assert shown["citation"] == "Decreto 059 de 2012"
    assert "Crea la Oficina de Alta Consejería para los Derechos de las Víctimas" in shown["text"]


def test_show_literal_json_has_citation_and_provenance(corpus_db: Path) -> None:
    shown = json.loads(
        sgdesk("--database", corpus_db, "show", "decreto-267-2007/art-7/lit-n", "--json").stdout
    )
    assert shown["citation"] == "Decreto 267 de 2007, art. 7, lit. n"
    assert shown["notes"] == ["Adicionado por el artículo 2 del Decreto 163 de 2008"]
    assert shown["text"].startswith("n. Formular y orientar las políticas")
    assert shown["path"] == ["Información General", "Funciones", "Decreto 267 de 2007",
                             "Artículo 7. Funciones de la Secretaría General"]  # fmt: skip


def test_show_acuerdo_text_has_its_record(corpus_db: Path) -> None:
    out = sgdesk("--database", corpus_db, "show", "acuerdo-257-2006").stdout
    assert "Fecha de expedición: 30 de noviembre de 2006" in out
    assert "Expedida por: Concejo de Bogotá" in out


def test_unknown_id_suggests_the_closest(corpus_db: Path) -> None:
    result = sgdesk("--database", corpus_db, "show", "decreto-267-2007/art-7/lit-ñ")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("sgdesk: error: No existe la sección o disposición")
    assert "decreto-267-2007/art-7/lit-n" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("kind", ["missing", "empty", "random", "truncated", "newer", "no-nodes"])
def test_bad_database_gives_one_spanish_line_and_exit_2(bad_database: BadDatabase, kind: str) -> None:
    result = sgdesk("--database", bad_database(kind), "tree")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("sgdesk: error: ")
    assert "base de datos" in lines[0]


def test_db_check_verdicts(corpus_db: Path, bad_database: BadDatabase) -> None:
    good = sgdesk("db", "check", corpus_db)
    assert good.returncode == 0
    assert "Veredicto: la base de datos está sana" in good.stdout
    bad = sgdesk("db", "check", bad_database("truncated"))
    assert bad.returncode == 2
    assert "Veredicto: la base de datos NO es utilizable" in bad.stdout


def test_db_build_writes_where_asked(tmp_path: Path) -> None:
    output = tmp_path / "nuevo.db"
    result = sgdesk("db", "build", "-o", output)
    assert result.returncode == 0, result.stderr
    assert "versión de contenido" in result.stdout
    assert sgdesk("--database", output, "show", "mision").returncode == 0


def test_bad_usage_is_exit_2_in_spanish() -> None:
    result = sgdesk("show")
    assert result.returncode == 2
    assert "sgdesk: error:" in result.stderr


def test_search_json_hits(corpus_db: Path) -> None:
    result = sgdesk("--database", corpus_db, "search", "gestion documental", "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)["hits"]
    assert hits[0]["id"] == "decreto-267-2007/art-7/lit-h"
    assert hits[0]["path"] == "Información General › Funciones › Decreto 267 de 2007 › " \
                              "Artículo 7. Funciones de la Secretaría General"  # fmt: skip
    assert "«gestión documental»" in hits[0]["snippet"]
    assert set(hits[0]) == {"id", "title", "path", "snippet", "score"}


def test_search_human_output_and_empty_result(corpus_db: Path) -> None:
    found = sgdesk("--database", corpus_db, "search", "solidaridad", "--limit", "3")
    assert found.returncode == 0
    assert found.stdout.startswith("1 resultado(s) para «solidaridad»")
    nothing = sgdesk("--database", corpus_db, "search", "zzzzqqq", "--json")
    assert nothing.returncode == 0
    assert json.loads(nothing.stdout)["hits"] == []


def test_search_bad_limit_is_exit_2() -> None:
    result = sgdesk("search", "x", "--limit", "cero")
    assert result.returncode == 2
    assert "debe ser un número" in result.stderr


def test_export_cli(corpus_db: Path, tmp_path: Path) -> None:
    output = tmp_path / "Decreto-163-de-2008.pdf"
    result = sgdesk("--database", corpus_db, "export", "decreto-163-2008", "-o", output, "--page-size", "a4")
    assert result.returncode == 0, result.stderr
    assert output.read_bytes().startswith(b"%PDF-1.4")


def test_export_cli_as_of_prints_the_text_in_force_that_day(corpus_db: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    output = tmp_path / "art-7.pdf"
    result = sgdesk("--database", corpus_db, "export", "decreto-267-2007/art-7", "-o", output,
                    "--as-of", "2007-12-31")  # fmt: skip
    assert result.returncode == 0, result.stderr
    stated = f"texto al 31 de diciembre de 2007: {PARTS}, según los cambios registrados hasta 2012"
    assert stated in result.stdout
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(output).pages)
    assert f"Texto al 31 de diciembre de 2007: {PARTS}" in text  # literal n came in 2008
    assert f"texto al 31 de diciembre de 2007: {PARTS}, según los cambios registrados hasta 2012" in text
    assert "vigente al" not in text
    # Literal n (added in 2008) keeps its text, greyed, with its note.
    assert "estrategia internacional requiera el Despacho del Alcalde Mayor" in text
    assert "No vigente el 31 de diciembre de 2007" in text
    bad = sgdesk(
        "--database", corpus_db, "export", "mision", "-o", tmp_path / "x.pdf", "--as-of", "31/12/2007"
    )
    assert bad.returncode == 2
    assert "fecha no válida" in bad.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "no-existe", "-o", "x.pdf"], "No existe la sección"),
        (["export", "mision", "-o", "/no/such/folder/x.pdf"], "no existe"),
        (["export", "-o", "x.pdf"], "Indique uno o más ID"),
        (["export", "mision", "-o", "x.txt"], "debe terminar en .pdf"),
    ],
)
def test_export_cli_errors(corpus_db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = subprocess.run([sys.executable, "-m", "sgdesk", "--database", str(corpus_db), *args],
                            capture_output=True, text=True, cwd=tmp_path, check=False)  # fmt: skip
    assert result.returncode == 2
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_timeline_json(corpus_db: Path) -> None:
    result = sgdesk("--database", corpus_db, "timeline", "--json")
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)
    first = events[0]
    assert (first["date"], first["date_precision"], first["norm"]) == (
        "2006-11-30",
        "day",
        "acuerdo-257-2006",
    )
    insertion = next(e for e in events if e["kind"] == "insertion")
    assert insertion == {
        "id": "decreto-163-2008#2", "date": "2008", "date_precision": "year", "norm": "decreto-163-2008",
        "kind": "insertion", "targets": ["decreto-267-2007/art-7/lit-n"],
        "summary": "Adiciona el literal n del artículo 7 del Decreto 267 de 2007",
    }  # fmt: skip
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)


def test_show_as_of_gives_children_statuses(corpus_db: Path) -> None:
    result = sgdesk(
        "--database", corpus_db, "show", "decreto-267-2007/art-7", "--as-of", "2008-06-30", "--json"
    )
    assert result.returncode == 0, result.stderr
    statuses = {c["id"].rsplit("-", 1)[1]: c["status"] for c in json.loads(result.stdout)["children"]}
    assert statuses["a"] == "vigente"
    assert statuses["n"] == "incierta"
    bad = sgdesk("--database", corpus_db, "show", "mision", "--as-of", "30/06/2008")
    assert bad.returncode == 2
    assert "fecha no válida" in bad.stderr


def test_diff_between_dates(corpus_db: Path) -> None:
    result = sgdesk("--database", corpus_db, "diff", "2008-12-31", "2010-12-31", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["changes"]
    assert len(rows) == 4
    assert {r["kind"] for r in rows} == {"renaming"}
    assert {r["summary"] for r in rows} >= {
        "Subdirección de Conceptos → Subdirección Distrital de Doctrina y Asuntos Normativos"
    }
    text = sgdesk("--database", corpus_db, "diff", "2008-12-31", "2010-12-31").stdout
    assert "Subdirección de Conceptos → Subdirección Distrital de Doctrina y Asuntos Normativos" in text
    assert "Cambio de denominación" in text


@pytest.mark.parametrize(
    ("args", "spanish"),
    [
        (["show"], "faltan estos argumentos: ID"),
        (["nada"], "opción no válida: 'nada'"),
        (["diff", "2010-01-01", "ayer"], "argumento FECHA_B: fecha no válida «ayer»"),
        (["export", "x", "-o", "a.pdf", "--page-size", "b5"], "argumento --page-size: opción no válida"),
        (["tree", "--sobra"], "argumentos no reconocidos: --sobra"),
        (["search", "--limit"], "argumento --limit: se esperaba un valor"),
    ],
)
def test_usage_errors_are_one_spanish_line(args: list[str], spanish: str) -> None:
    result = sgdesk(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert spanish in result.stderr
    assert "error:" in result.stderr.splitlines()[-1]
    for english in ("the following", "invalid choice", "unrecognized", "expected one", "argument "):
        assert english not in result.stderr


def test_help_is_spanish_and_lists_every_command() -> None:
    result = sgdesk("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("uso: sgdesk")
    assert "opciones:" in result.stdout
    assert "show this help" not in result.stdout
    for command in ("tree", "show", "timeline", "diff", "search", "currency", "export", "db"):
        assert f"    {command} " in result.stdout


# -- vigencia: the horizon and the later changes the corpus knows of but lacks -------------------


def _show_json(corpus_db: Path, node_id: str, day: str) -> dict[str, object]:
    result = sgdesk("--database", corpus_db, "show", node_id, "--as-of", day, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_show_before_and_after_decreto_456_de_2015(corpus_db: Path) -> None:
    before = _show_json(corpus_db, "decreto-267-2007/art-7", "2015-03-03")
    children = before["children"]
    assert isinstance(children, list)
    assert [c["status"] for c in children] == ["vigente"] * 14  # literals a to n
    assert all(c["by"] == [] and c["reason"] is None for c in children)
    assert before["after_horizon"] is True
    assert str(before["caveat"]).startswith("Texto con los cambios incorporados hasta 2012")
    assert before["later_changes"] == []  # none known by then
    after = _show_json(corpus_db, "decreto-267-2007/art-7", "2015-11-12")  # in force that day
    children = after["children"]
    assert isinstance(children, list)
    assert len(children) == 14
    assert {c["status"] for c in children} == {"posiblemente_modificada"}
    assert all(c["by"] == ["decreto-456-2015"] for c in children)
    assert all("Decreto 456 de 2015" in c["reason"] for c in children)
    assert (after["status"], after["by"]) == ("posiblemente_modificada", ["decreto-456-2015"])
    later = after["later_changes"]
    assert isinstance(later, list)
    assert [c["id"] for c in later] == ["decreto-456-2015"]
    assert later[0]["date"] == "2015-11-12"
    assert later[0]["certain"] is True
    day_before = _show_json(corpus_db, "decreto-267-2007/art-7", "2015-11-11")
    assert day_before["status"] == "vigente"


def test_a_year_only_later_change_is_uncertain_in_its_year(corpus_db: Path) -> None:
    inside = _show_json(corpus_db, "acuerdo-257-2006", "2016-06-30")  # Acuerdo 638 de 2016: year only
    assert (inside["status"], inside["by"]) == ("incierta", ["acuerdo-638-2016"])
    assert _show_json(corpus_db, "acuerdo-257-2006", "2016-12-31")["status"] == "posiblemente_modificada"
    assert _show_json(corpus_db, "acuerdo-257-2006", "2015-12-31")["status"] == "vigente"


def test_diff_lists_creations_by_name_and_later_changes_apart(corpus_db: Path) -> None:
    result = sgdesk("--database", corpus_db, "diff", "2011-01-01", "2022-01-01", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    creations = [c for c in data["changes"] if c["kind"] == "creation"]
    assert {c["target_name"] for c in creations} == {
        "Oficina de Alta Consejería para los Derechos de las Víctimas, la Paz y la Reconciliación",
        "Oficina de Alta Consejería Distrital de Tecnologías de Información y Comunicaciones –TIC–",
    }
    assert all(c["target_name"] in c["summary"] for c in creations)  # the text output's words
    assert [c["id"] for c in data["later_changes"]] == [
        "decreto-456-2015", "acuerdo-638-2016", "decreto-140-2021"
    ]  # fmt: skip
    assert data["after_horizon"] is True
    text = sgdesk("--database", corpus_db, "diff", "2011-01-01", "2022-01-01").stdout
    head, _, later = text.partition("Cambios posteriores conocidos que este contenido no incorpora")
    assert "Decreto 140 de 2021" in later
    assert "Decreto 140 de 2021" not in head


def test_currency_prints_the_horizon_and_the_later_changes(corpus_db: Path) -> None:
    result = sgdesk("--database", corpus_db, "currency", "--as-of", "2021-06-30", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["horizon"], data["horizon_precision"], data["edition"]) == ("2012", "year", 1)
    assert data["after_horizon"] is True
    assert "vigente al" not in data["statement"]
    later = {c["id"]: c for c in data["later_changes"]}
    assert list(later) == ["decreto-456-2015", "acuerdo-638-2016", "decreto-140-2021",
                           "decreto-79-2024", "resolucion-630-2024"]  # fmt: skip
    assert later["decreto-140-2021"]["targets"] == ["estructura"]
    assert later["decreto-140-2021"]["known_by_date"] is True
    assert later["decreto-79-2024"]["known_by_date"] is False
    assert (later["resolucion-630-2024"]["date"], later["resolucion-630-2024"]["date_precision"]) == (
        "2024", "year")  # fmt: skip
    text = sgdesk("--database", corpus_db, "currency").stdout
    assert text.startswith("Contenido con cambios hasta 2012, edición 1")
    assert "Decreto 079 de 2024" in text
