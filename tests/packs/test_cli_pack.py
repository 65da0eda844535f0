"""``sgdesk pack …`` and which content the other commands read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sgdesk.cli import main
from tests.packs.conftest import NEW_WORD, KeyFiles, MakePack


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_keygen_build_verify_install_list_rollback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, corpus_db: Path, new_sources: Path
) -> None:
    data = str(tmp_path / "datos")
    code, out, _ = _run(capsys, "pack", "keygen", "-o", str(tmp_path / "claves"), "--name", "equipo")
    assert code == 0
    assert "equipo.key" in out
    key, pub = tmp_path / "claves" / "equipo.key", str(tmp_path / "claves" / "equipo.pub")
    pack = str(tmp_path / "nuevo.sgpack")
    code, out, _ = _run(capsys, "pack", "build", "--sources", str(new_sources), "--key", str(key), "-o", pack,
                        "--previous", str(corpus_db), "--version", "2027.1")  # fmt: skip
    assert code == 0
    assert "Normas modificadas: Decreto 077 de 2012." in out

    code, out, _ = _run(capsys, "pack", "verify", pack, "--json")
    report = json.loads(out)
    assert (code, report["valid"], report["signature"]["ok"], report["hash"]["ok"]) == (1, False, False, True)
    assert "no reconoce" in report["signature"]["detail"]
    code, out, _ = _run(capsys, "pack", "verify", pack, "--trust-key", pub, "--json")
    assert (code, json.loads(out)["valid"], json.loads(out)["manifest"]["content_version"]) == (
        0,
        True,
        "2027.1",
    )

    assert json.loads(_run(capsys, "--data-dir", data, "search", NEW_WORD, "--json")[1])["hits"] == []
    code, out, _ = _run(capsys, "--data-dir", data, "pack", "install", pack, "--trust-key", pub)
    assert code == 0
    assert "Contenido instalado: versión 2027.1" in out
    hits = json.loads(_run(capsys, "--data-dir", data, "search", NEW_WORD, "--json")[1])["hits"]
    assert [hit["id"] for hit in hits] == ["mision"]
    overridden = _run(capsys, "--data-dir", data, "--database", str(corpus_db), "search", NEW_WORD, "--json")
    assert json.loads(overridden[1])["hits"] == []  # --database still wins

    listing = json.loads(_run(capsys, "--data-dir", data, "pack", "list", "--json")[1])
    assert [(v["version"], v["current"]) for v in listing["versions"]] == [
        ("2027.1", True),
        ("incluido", False),
    ]
    assert listing["versions"][0]["origin"] == "nuevo.sgpack"
    code, out, _ = _run(capsys, "--data-dir", data, "pack", "rollback")
    assert (code, out.strip()) == (0, "Restaurado: ahora se usa el contenido incluido con la aplicación.")
    code, _, err = _run(capsys, "--data-dir", data, "pack", "rollback")
    assert code == 2
    assert "No hay una versión anterior" in err


def test_install_refusals_are_one_spanish_line_and_a_downgrade_needs_the_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_pack: MakePack, test_keys: KeyFiles
) -> None:
    data, pub = str(tmp_path / "datos"), str(test_keys.public_path)
    fake = tmp_path / "x.sgpack"
    fake.write_bytes(b"hola")
    code, out, err = _run(capsys, "--data-dir", data, "pack", "install", str(fake))
    assert (code, out) == (2, "")
    assert err == "sgdesk: error: «x.sgpack» no es un paquete de contenido de sgdesk.\n"
    assert (
        _run(capsys, "--data-dir", data, "pack", "install", str(make_pack("2026.6")), "--trust-key", pub)[0]
        == 0
    )
    code, _, err = _run(
        capsys, "--data-dir", data, "pack", "install", str(make_pack("2026.5")), "--trust-key", pub
    )
    assert code == 2
    assert "es más antiguo que el contenido instalado (versión 2026.6)" in err
    assert "use --allow-downgrade" in err
    code, out, _ = _run(capsys, "--data-dir", data, "pack", "install", str(make_pack("2026.5")),
                        "--trust-key", pub, "--allow-downgrade")  # fmt: skip
    assert code == 0
    assert "versión 2026.5" in out


def test_the_project_key_ships_and_no_private_key_is_in_the_repository() -> None:
    from sgdesk.packs.keys import read_public_key
    from sgdesk.packs.location import keys_dir

    shipped = sorted(keys_dir().glob("*.pub"))
    assert shipped, "resources/keys has no public key"
    assert all(read_public_key(path).key_id for path in shipped)
    repository = Path(__file__).resolve().parents[2]
    tracked = [p for p in repository.rglob("*.key") if ".venv" not in p.parts]
    assert tracked == []
