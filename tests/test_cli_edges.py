"""The command line's edges, with real processes: output that cannot be written, arguments that
are not text, ids too long to echo, dates in reverse, ``db build`` where it cannot write."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_user_folder import unwritable


def run(
    *args: str | bytes, stdout: int | None = subprocess.PIPE, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "sgdesk", *args], stdout=stdout, stderr=subprocess.PIPE, env=env,
        timeout=120, **kwargs,
    )  # fmt: skip


def spanish_error(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert "Exception ignored" not in err
    assert err.count("\n") == 1, err  # one line
    assert err.startswith("sgdesk: error: ")
    return err


def test_a_full_disk_on_stdout_ends_with_a_spanish_line(corpus_db: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = run("--database", str(corpus_db), "tree", stdout=full.fileno())
    assert result.returncode == 1
    assert "no se pudo escribir la salida (el disco está lleno)" in spanish_error(result)


def test_a_closed_stdout_ends_with_a_spanish_line(corpus_db: Path) -> None:
    result = run("--database", str(corpus_db), "tree", stdout=subprocess.DEVNULL, pass_fds=(),
                 preexec_fn=lambda: os.close(1))  # fmt: skip
    assert result.returncode == 1
    assert "no se pudo escribir la salida (la salida está cerrada)" in spanish_error(result)


@pytest.mark.parametrize("raw", [b"decreto-\xff\xfe", b"\xed\xa0\x80lit-n", b"mision\x80"])
def test_ids_that_are_not_utf8_are_refused(corpus_db: Path, raw: bytes) -> None:
    result = run(b"--database", os.fsencode(corpus_db), b"show", raw)
    assert result.returncode == 2
    assert "El argumento id" in spanish_error(result)
    assert "no es texto UTF-8 válido" in result.stderr.decode()
    assert result.stdout == b""


def test_a_search_that_is_not_utf8_is_refused(corpus_db: Path) -> None:
    result = run(b"--database", os.fsencode(corpus_db), b"search", b"funci\xf3n")
    assert result.returncode == 2
    assert "El argumento query" in spanish_error(result)


def test_a_huge_unknown_id_is_cut_in_the_message(corpus_db: Path) -> None:
    result = run("--database", str(corpus_db), "show", "x" * 100_000)
    assert result.returncode == 2
    message = spanish_error(result)
    assert "(100000 caracteres)" in message
    assert len(message) < 400


def test_diff_with_the_dates_reversed_says_so_and_compares_in_order(corpus_db: Path) -> None:
    forward = run("--database", str(corpus_db), "diff", "2008-01-01", "2010-12-31")
    backward = run("--database", str(corpus_db), "diff", "2010-12-31", "2008-01-01")
    assert backward.returncode == 0
    assert backward.stdout == forward.stdout
    assert forward.stderr == b""
    assert backward.stderr.decode() == (
        "sgdesk: aviso: FECHA_B (2008-01-01) es anterior a FECHA_A (2010-12-31): se comparan en orden, "
        "del 2008-01-01 al 2010-12-31.\n"
    )


def test_db_build_into_a_folder_it_cannot_write(tmp_path: Path) -> None:
    with unwritable(tmp_path / "destino") as folder:
        result = run("db", "build", "-o", str(folder / "sgdesk.db"))
        assert result.returncode == 2
        message = spanish_error(result)
        assert f"No se pudo escribir la base de datos en {folder / 'sgdesk.db'}" in message
        assert "sin permiso o de solo lectura" in message
        assert list(folder.iterdir()) == []


def test_db_build_from_sources_that_are_not_utf8(tmp_path: Path, sources_dir: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(sources_dir, sources)
    norm = sorted((sources / "normas").glob("*.toml"))[0]
    norm.write_bytes(norm.read_bytes() + b'\nnota = "\xff\xfe"\n')
    result = run("db", "build", "--sources", str(sources), "-o", str(tmp_path / "out.db"))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert f"{norm.name}: no es texto UTF-8 válido (byte 0xff en la posición" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources"]


def test_db_build_refuses_sources_without_any_norm(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    (sources / "normas").mkdir(parents=True)
    (sources / "informacion-general.toml").write_text(
        'id = "raiz"\ntitle = "Prueba"\n[[sections]]\nid = "s"\ntitle = "S"\nparagraphs = ["Texto."]\n',
        encoding="utf-8",
    )
    result = run("db", "build", "--sources", str(sources), "-o", str(tmp_path / "out.db"))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.startswith("sgdesk: error: Las fuentes del corpus tienen 1 error(es):\n")
    assert "\n  - normas: no hay ninguna norma en " in err
    assert "Traceback" not in err
    assert result.stdout == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources"]
